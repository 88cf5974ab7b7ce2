"""Differential: resource-level modify/anonymize, bulk, split and merge against Orthanc 1.10.1.

Both servers get the same files and the same requests; the answers must have the same shape,
the stores the same hierarchy (counts per level), and the new resources the same main tags
except generated identifiers. Refusals must agree (Orthanc's 500s are our 4xx).
"""

from __future__ import annotations

import pydicom
import pytest

from tests.support.dicomgen import make_file

pytestmark = pytest.mark.orthanc

GENERATED = {"StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID"}
ANONYMIZED = GENERATED | {"PatientID", "PatientName"}


def study_files(patient_id: str, series: int = 2, per_series: int = 2) -> list[bytes]:
    study_uid = pydicom.uid.generate_uid()
    files = []
    for s in range(series):
        series_uid = pydicom.uid.generate_uid()
        files += [make_file(patient_id=patient_id, study_uid=study_uid, series_uid=series_uid,
                            InstanceNumber=n + 1, SeriesNumber=s + 1,
                            SeriesDescription=f"S{s}") for n in range(per_series)]
    return files


class Pair:
    """The same operations on Orthanc and on Lethe."""

    def __init__(self, oracle, lethe) -> None:
        self.clients = {"orthanc": oracle, "lethe": lethe}

    def upload(self, files: list[bytes]) -> dict:
        answers = {}
        for name, client in self.clients.items():
            for data in files:
                r = client.post("/instances", content=data)
                assert r.status_code == 200, (name, r.text)
                answers[name] = r.json()
        assert answers["orthanc"]["ID"] == answers["lethe"]["ID"]
        return answers["lethe"]

    def post(self, path: str, body: dict) -> dict:
        return {name: client.post(path, json=body) for name, client in self.clients.items()}

    def counts(self, name: str) -> tuple[int, int, int, int]:
        stats = self.clients[name].get("/statistics").json()
        return (stats["CountPatients"], stats["CountStudies"], stats["CountSeries"],
                stats["CountInstances"])

    def assert_same_store(self) -> None:
        assert self.counts("orthanc") == self.counts("lethe")

    def main_tags(self, name: str, level: str, rid: str, ignore: set[str]) -> dict:
        body = self.clients[name].get(f"/{level}/{rid}").json()
        return {k: v for k, v in body["MainDicomTags"].items() if k not in ignore}


@pytest.fixture
def pair(orthanc_fresh, lethe):
    with orthanc_fresh.client() as oracle:
        yield Pair(oracle, lethe)


@pytest.mark.parametrize("route, body, ignore", [
    ("series", {"Replace": {"InstitutionName": "My own clinic"}}, GENERATED),
    ("studies", {"Replace": {"InstitutionName": "My own clinic", "StudyDescription": "X"}},
     GENERATED),
    ("studies", {"DicomVersion": "2021b"}, ANONYMIZED),
    ("patients", {"Replace": {"PatientID": "Hello", "PatientName": "Sample"}, "Force": True},
     GENERATED),
])
def test_resource_jobs_match_orthanc(pair, route, body, ignore):
    answer = pair.upload(study_files("P1"))
    rid = answer[{"series": "ParentSeries", "studies": "ParentStudy",
                  "patients": "ParentPatient"}[route]]
    action = "anonymize" if "DicomVersion" in body else "modify"
    results = pair.post(f"/{route}/{rid}/{action}", body)
    theirs, ours = results["orthanc"].json(), results["lethe"].json()
    assert results["lethe"].status_code == results["orthanc"].status_code == 200
    assert set(theirs) <= set(ours)
    assert ours["Type"] == theirs["Type"] and ours["InstancesCount"] == theirs["InstancesCount"]
    if route == "patients" and action == "modify":
        assert ours["ID"] == theirs["ID"]  # the hash of the new PatientID
    pair.assert_same_store()
    assert pair.main_tags("lethe", route, ours["ID"], ignore) == \
        pair.main_tags("orthanc", route, theirs["ID"], ignore)


def test_bulk_anonymize_matches_orthanc(pair):
    a = pair.upload(study_files("A", 1, 1))
    b = pair.upload(study_files("B", 1, 1))
    results = pair.post("/tools/bulk-anonymize", {"Resources": [a["ID"], b["ID"]],
                                                  "DicomVersion": "2021b"})
    theirs, ours = results["orthanc"].json(), results["lethe"].json()
    assert [r["Type"] for r in ours["Resources"]] == [r["Type"] for r in theirs["Resources"]]
    pair.assert_same_store()


def test_split_and_merge_match_orthanc(pair):
    first = pair.upload(study_files("P1", 2, 2))
    series = pair.clients["lethe"].get(f"/studies/{first['ParentStudy']}").json()["Series"]
    results = pair.post(f"/studies/{first['ParentStudy']}/split",
                        {"Series": [series[0]], "Replace": {"PatientName": "HELLO"},
                         "Remove": ["AccessionNumber"]})
    theirs, ours = results["orthanc"].json(), results["lethe"].json()
    assert set(theirs) == set(ours) and theirs["InstancesCount"] == ours["InstancesCount"]
    pair.assert_same_store()
    assert pair.main_tags("lethe", "studies", ours["TargetStudy"], GENERATED) == \
        pair.main_tags("orthanc", "studies", theirs["TargetStudy"], GENERATED)
    target = pair.upload(study_files("P2", 1, 1))["ParentStudy"]
    merged = {name: client.post(f"/studies/{target}/merge",
                                json={"Resources": [split["TargetStudy"]]}).json()
              for (name, client), split in zip(pair.clients.items(), (theirs, ours), strict=True)}
    assert merged["lethe"] == merged["orthanc"]
    pair.assert_same_store()


@pytest.mark.parametrize("path, body", [
    ("/patients/{patient}/modify", {"Replace": {"PatientName": "X"}}),
    ("/studies/{study}/modify", {"Replace": {"PatientID": "X"}}),
    ("/studies/{study}/modify", {"Remove": ["SeriesInstanceUID"], "Force": True}),
    ("/studies/{study}/split", {"Series": []}),
    ("/studies/{study}/split", {"Series": ["{series}"], "Replace": {"SeriesDescription": "x"}}),
    ("/studies/{study}/merge", {"Resources": ["{study}"]}),
    ("/studies/{study}/merge", {}),
    ("/tools/bulk-modify", {"Resources": ["unknown"]}),
    ("/studies/{study}/anonymize", {"DicomVersion": "1999"}),
    ("/studies/{study}/modify", {"Synchronous": "yes"}),
])
def test_refusals_match_orthanc(pair, path, body):
    answer = pair.upload(study_files("P1", 1, 1))
    ids = {"patient": answer["ParentPatient"], "study": answer["ParentStudy"],
           "series": answer["ParentSeries"]}
    path = path.format(**ids)
    body = {k: ([x.format(**ids) for x in v] if isinstance(v, list) else v)
            for k, v in body.items()}
    results = pair.post(path, body)
    theirs, ours = results["orthanc"], results["lethe"]
    assert ours.status_code >= 400 and theirs.status_code >= 400, (ours.text, theirs.text)
    if theirs.status_code < 500:
        assert ours.status_code == theirs.status_code, (ours.text, theirs.text)
    pair.assert_same_store()
