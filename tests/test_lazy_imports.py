"""Lethe loads the pixel codecs (GDCM, numpy, Pillow, pylibjpeg, pyjpegls, openjpeg) only to
decode or encode pixels: importing the server and the worker modules, parsing a request and
serving JSON routes must not import them.

pydicom 3.0 itself imports numpy, Pillow, GDCM and pylibjpeg when it is imported (its
``pydicom.config`` loads the old pixel data handlers, each of which tries its codec). So the
check runs in a fresh interpreter where those modules cannot be imported at all: pydicom
carries on without them, and any attempt by a Lethe module is recorded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.support.dicomgen import make_file

CHECK = r"""
import importlib.abc
import json
import sys

CODECS = {"numpy", "gdcm", "PIL", "pylibjpeg", "libjpeg", "openjpeg", "jpeg_ls", "_CharLS",
          "imagecodecs"}
attempts = []


class NoCodecs(importlib.abc.MetaPathFinder):
    # Refuses the codecs; records which Lethe module asked for one.
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] not in CODECS:
            return None
        frame = sys._getframe(1)
        while frame is not None and frame.f_globals.get("__name__", "").startswith("importlib"):
            frame = frame.f_back
        importer = frame.f_globals.get("__name__", "") if frame is not None else ""
        if importer.partition(".")[0] == "lethe":
            attempts.append(f"{importer} imports {name}")
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)


sys.meta_path.insert(0, NoCodecs())

from starlette.testclient import TestClient

import lethe.jobs.worker
from lethe.api.app import create_app
from lethe.config import config_from_dict
from lethe.dicom.request import ModificationRequest
from lethe.dicom.tags import DEFAULT_TAGS
from lethe.jobs.rehearsal import rehearse

rehearse()  # what each worker process does when it starts
ModificationRequest.parse({"Transcode": "1.2.840.10008.1.2.4.50", "Replace": {"PatientName": "A"}},
                          anonymize=False, tags=DEFAULT_TAGS)
statuses = []
config = config_from_dict({"StorageDirectory": sys.argv[2], "WorkerProcesses": 1})
with TestClient(create_app(config), client=("127.0.0.1", 50000)) as client:
    with open(sys.argv[1], "rb") as file:
        stored = client.post("/instances", content=file.read())
    instance = stored.json()["ID"]
    statuses.append(stored.status_code)
    for path in ("/system", f"/instances/{instance}/tags?simplify", f"/instances/{instance}",
                 f"/studies/{stored.json()['ParentStudy']}"):
        statuses.append(client.get(path).status_code)
    for route, body in (("modify", {"Replace": {"PatientName": "B"}}), ("anonymize", {})):
        statuses.append(client.post(f"/instances/{instance}/{route}", json=body).status_code)
print(json.dumps({"attempts": attempts, "statuses": statuses}))
"""


def test_the_server_and_the_workers_run_without_the_codecs(tmp_path: Path) -> None:
    source = tmp_path / "instance.dcm"
    source.write_bytes(make_file())
    done = subprocess.run([sys.executable, "-c", CHECK, str(source), str(tmp_path / "storage")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["attempts"] == []
    assert result["statuses"] == [200] * 7
