"""dciodvfy (dicom3tools) finds no error in modified output that it did not find in the input."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pydicom.data import get_testdata_file

from tests.support.corpus import sample

DCIODVFY = shutil.which("dciodvfy")
pytestmark = pytest.mark.skipif(DCIODVFY is None,
                                reason="dciodvfy is not installed (apt-get install dicom3tools)")

REQUESTS = [
    {"Replace": {"PatientName": "Modified^Name", "InstitutionName": "Clinic"}},
    {"Replace": {"PatientID": "NEWID", "StudyDescription": "New"}, "Force": True,
     "Remove": ["InstitutionName"]},
    {"RemovePrivateTags": True, "Replace": {"SeriesDescription": "Series ÄÖÜ"}},
]


def corpus() -> list[Path]:
    files = [Path(get_testdata_file(n, download=False)) for n in ("CT_small.dcm", "MR_small.dcm")]
    for folder in ("Brainix/Flair", "Knee/T1", "Comunix/Ct"):
        found = sorted(sample(folder).glob("*"))[:1]
        files += found
    return [f for f in files if f.is_file()]


def errors(path: Path) -> set[str]:
    """dciodvfy's error lines, with the values they quote left out."""
    run = subprocess.run([DCIODVFY, str(path)], capture_output=True, text=True, timeout=60,
                         errors="replace")
    lines = (run.stdout + run.stderr).splitlines()
    return {re.sub(r"\s*(=|values are|- value).*$", "", line).strip()
            for line in lines if line.startswith("Error")}


@pytest.mark.parametrize("body", REQUESTS, ids=["names", "patient-id", "private"])
def test_modified_output_adds_no_dciodvfy_error(lethe, tmp_path, body):
    checked = 0
    for path in corpus():
        answer = lethe.post("/instances", content=path.read_bytes()).json()
        r = lethe.post(f"/instances/{answer['ID']}/modify", json=body)
        assert r.status_code == 200, (path, r.text)
        output = tmp_path / f"out-{checked}.dcm"
        output.write_bytes(r.content)
        new = errors(output) - errors(path)
        assert not new, (path.name, new)
        checked += 1
    assert checked >= 5
