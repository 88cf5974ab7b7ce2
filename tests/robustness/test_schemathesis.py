"""Schema-driven testing of the REST API with schemathesis.

The OpenAPI document is Lethe's own (``src/lethe/api/openapi.json``, written
by ``tools/make_openapi.py`` from Orthanc's description). Schemathesis
generates requests for every documented operation, valid and invalid ones
(its examples, coverage and fuzzing phases, derandomized), and sends them to
the in-process app. A few real instances and a job exist, and half of the
generated ``{id}`` values are replaced by real ones, so that the routes are
exercised past their 404.

Checks: every built-in response check runs (no 5xx, status codes, content
types, headers and JSON bodies against the document, including the ``4XX``
error object the generator adds), except:

- ``positive_data_acceptance``: Orthanc's description cannot say which IDs
  exist, so valid requests on generated IDs rightly get 404;
- ``negative_data_rejection``: the description lists Orthanc parameters that
  Lethe ignores (``requested-tags``, ``full``, ``filename``...) and types
  looser than Orthanc's behaviour (``Priority`` is a "number" but must be an
  integer), so "invalid" data accepted or "valid" data refused says nothing;
- ``allow_header_conformance``: fails on a known bug covered by its own test
  (``test_hostile_requests.py::test_method_not_allowed_lists_every_method``).
"""

from __future__ import annotations

import json
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
import schemathesis
from schemathesis.checks import negative_data_rejection, positive_data_acceptance
from schemathesis.python import asgi
from schemathesis.specs.openapi.checks import allow_header_conformance
from starlette.testclient import TestClient

import lethe.api
from lethe.api.app import create_app
from lethe.config import config_from_dict
from tests.support import corpus
from tests.support.dicomgen import make_file

OPENAPI = Path(lethe.api.__file__).with_name("openapi.json")
EXAMPLES_PER_OPERATION = 8
EXCLUDED_CHECKS = [positive_data_acceptance, negative_data_rejection, allow_header_conformance]
# Operations that fail because of a known bug: (method, path) -> the bug.
KNOWN_BUGS: dict[tuple[str, str], str] = {}

schemathesis.serializer.alias(["application/dicom", "application/zip"],
                              "application/octet-stream")
# Operations that call a remote modality, or read the answers of one: the fuzzer has no
# modality to offer, and one it creates on a random host rightly answers 500 ("Error in the
# network protocol", as Orthanc). tests/network/ tests them against Orthanc and DCMTK.
PEER_OPERATIONS = (r"^/(queries|tools/dicom-echo|storage-commitment"
                   r"|modalities/\{id\}/(echo|find[a-z-]*|get|move|query|storage-commitment"
                   r"|store|store-straight)$"
                   r"|peers/\{id\}/(store|store-straight|system)$)")
schema = schemathesis.openapi.from_dict(
    json.loads(OPENAPI.read_text(encoding="utf-8"))).exclude(path_regex=PEER_OPERATIONS)
schema.config.generation.update(max_examples=EXAMPLES_PER_OPERATION, deterministic=True,
                                database="none")


class WithoutLifespan:
    """The app as schemathesis sees it: it declines the lifespan protocol, because
    schemathesis ends the lifespan after each operation's test and the app cannot
    restart (its store and job engine are closed for good)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "lifespan":
            raise RuntimeError("the lifespan of this app is run by the test fixture")
        await self.app(scope, receive, send)


class KnownResources:
    """Real resources of the app under test, stored again when a request deleted them."""

    def __init__(self, app) -> None:
        self.store = app.state.store
        self.client = asgi.get_client(WithoutLifespan(app)).__enter__()
        self.files = [make_file(patient_id="SCHEMA", study_uid="1.2.826.0.1.3680043.10.1.1",
                                series_uid=f"1.2.826.0.1.3680043.10.1.1.{s}",
                                sop_uid=f"1.2.826.0.1.3680043.10.1.1.{s}.{n}")
                      for s in (1, 2) for n in (1, 2)]
        self.ids: dict[str, list[str]] = {}
        self.answered: dict[str, set[int]] = {}  # operation -> statuses seen

    def restore(self) -> None:
        """Store the files again, each resource with the user attachment and metadata
        ``1024``, if one is missing; start a job if none is known."""
        instances = self.ids.get("instances", [])
        if not instances or any(self.store.index.lookup(i) is None for i in instances):
            found: dict[str, set[str]] = {}
            for data in self.files:
                answer = self.client.post("/instances", data=data)
                assert answer.status_code == 200, answer.text
                body = answer.json()
                for collection, key in (("instances", "ID"), ("series", "ParentSeries"),
                                        ("studies", "ParentStudy"), ("patients", "ParentPatient")):
                    found.setdefault(collection, set()).add(body[key])
            self.ids.update({collection: sorted(ids) for collection, ids in found.items()})
        for collection in ("instances", "series", "studies", "patients"):
            for rid in self.ids[collection]:  # the user attachment and metadata 1024
                self._restore_items(collection, rid)
        jobs = self.ids.get("jobs", [])
        if not jobs or self.client.get(f"/jobs/{jobs[0]}").status_code != 200:
            answer = self.client.post(f"/series/{self.ids['series'][0]}/anonymize",
                                      json={"Asynchronous": True})
            assert answer.status_code == 200, answer.text
            self.ids["jobs"] = [answer.json()["ID"]]

    def _restore_items(self, collection: str, rid: str) -> None:
        """Put the user attachment and metadata ``1024`` of a resource again if a request
        deleted them (or they were never put)."""
        missing = []
        if self.store.index.attachment(rid, 1024) is None:
            missing.append("attachments")
        if "1024" not in self.store.index.metadata(rid):
            missing.append("metadata")
        for item in missing:
            answer = self.client.put(f"/{collection}/{rid}/{item}/1024", data=b"fuzzed")
            assert answer.status_code == 200, answer.text

    def aim(self, case) -> None:
        """For half of the cases (chosen by a hash of the generated values), replace what
        cannot be valid by chance with real values: the ``{id}`` by a real resource of
        the right kind, ``{name}``/``{label}``/``{path}`` by valid ones, the tags named
        in a modification body by none, and an uploaded body by a DICOM file."""
        digest = zlib.crc32(repr((case.path_parameters, case.body)).encode("utf-8", "replace"))
        if digest % 2:
            return
        parameters = case.path_parameters or {}
        known = self.ids.get(case.path.split("/")[1])
        if "id" in parameters and known:
            parameters["id"] = known[digest // 2 % len(known)]
        parameters.update({name: value for name, value in VALID_PARAMETERS.items()
                           if name in parameters})
        if case.path == "/instances" and case.method.upper() == "POST":
            case.body = self.files[0]
        elif isinstance(case.body, dict):
            for key in TAG_OPTIONS:
                case.body.pop(key, None)
            if "Resources" in case.body:
                case.body["Resources"] = self.ids["instances"][:1]


VALID_PARAMETERS = {"name": "1024", "label": "fuzzed", "path": "0010-0010"}
# Body options that name tags or transfer syntaxes: random strings are never valid.
TAG_OPTIONS = ("Replace", "Remove", "Keep", "Transcode", "PrivateCreator", "Series", "Instances")


@pytest.fixture(scope="module")
def known(tmp_path_factory):
    """The app under test (set on the schema) and its real resources."""
    app = create_app(config_from_dict({
        "StorageDirectory": str(tmp_path_factory.mktemp("schemathesis")),
        "RemoteAccessAllowed": True,  # the ASGI client connects as "testclient"
        "WorkerProcesses": 1,
    }))
    with TestClient(app):  # runs the app's lifespan for the whole module
        schema.app = WithoutLifespan(app)
        resources = KnownResources(app)
        yield resources
        schema.app = None
    if len(resources.answered) == len(list(schema.get_all_operations())):
        # When every operation ran: real resources were reached, not only 404s.
        failed = {op: sorted(statuses) for op, statuses in resources.answered.items()
                  if not any(200 <= s < 300 for s in statuses)}
        assert len(failed) <= 0.25 * len(resources.answered), failed


@schema.parametrize()
def test_api_conforms(case, known, request):
    bug = KNOWN_BUGS.get((case.method.upper(), case.path))
    if bug:
        request.applymarker(pytest.mark.xfail(strict=True, reason=bug))
    known.restore()
    known.aim(case)
    response = case.call(session=known.client)
    known.answered.setdefault(case.operation.label, set()).add(response.status_code)
    case.validate_response(response, excluded_checks=EXCLUDED_CHECKS)


def test_openapi_file_is_up_to_date():
    """The committed document matches the app's routes (else: run tools/make_openapi.py)."""
    script = Path(__file__).resolve().parents[2] / "tools" / "make_openapi.py"
    reference = corpus.reference("orthanc-openapi.json")
    done = subprocess.run([sys.executable, str(script), "--check", "--reference", str(reference)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
