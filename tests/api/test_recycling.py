"""Storage limits and recycling (``MaximumStorageSize``, ``MaximumPatientCount``,
``MaximumStorageMode``) and the protection of patients (``/patients/{id}/protected``),
against Orthanc 1.10.1; on both index backends."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import httpx
import pydicom
import pytest
from pydicom.data import get_testdata_file

from lethe.config import config_from_dict
from lethe.dicom.identifiers import ResourceIds
from lethe.store.ingest import Origin, describe_received, write_described
from lethe.store.model import Level
from lethe.store.store import Store
from tests.support.postgres import BACKENDS
from tests.support.servers import orthanc_available, start_orthanc

pytestmark = pytest.mark.parametrize("index_backend", BACKENDS)


def instance(patient: str, number: int = 0, padding: int = 0) -> bytes:
    """A small CT instance of its own study for the patient ``patient``; ``padding`` bytes
    of a private OB element make it larger."""
    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
    study = int(hashlib.sha1(patient.encode()).hexdigest()[:12], 16)
    ds.PatientID, ds.PatientName = patient, f"Name^{patient}"
    ds.StudyInstanceUID = f"1.2.826.0.1.{study}"
    ds.SeriesInstanceUID = f"{ds.StudyInstanceUID}.1"
    ds.SOPInstanceUID = f"{ds.SeriesInstanceUID}.{number}"
    if padding:
        ds.add_new(0x00090010, "LO", "LETHE TEST")
        ds.add_new(0x00091001, "OB", b"\0" * padding)
    out = io.BytesIO()
    ds.save_as(out)
    return out.getvalue()


def patient_id(data: bytes) -> str:
    ds = pydicom.dcmread(io.BytesIO(data))
    return ResourceIds.from_dicom(ds.PatientID, ds.StudyInstanceUID, ds.SeriesInstanceUID,
                                  ds.SOPInstanceUID).patient


def run(client: httpx.Client, steps: list[tuple[str, object]]) -> list[object]:
    """Play ``steps`` (``("upload", bytes)`` or ``("protect"/"unprotect", bytes)``) and
    return, after each, the status and the patients present (sorted)."""
    seen = []
    for action, data in steps:
        assert isinstance(data, bytes)
        if action == "upload":
            status = client.post("/instances", content=data).status_code
        else:
            status = client.put(f"/patients/{patient_id(data)}/protected",
                                content="1" if action == "protect" else "0").status_code
        seen.append((action, status, sorted(client.get("/patients").json())))
    return seen


STEPS = [("upload", instance("A")), ("upload", instance("B")), ("upload", instance("C")),
         ("upload", instance("A", 1)),  # A becomes the most recent patient
         ("upload", instance("D")),  # B is recycled
         ("protect", instance("C")),
         ("upload", instance("E")),  # not C (protected): A
         ("unprotect", instance("C")),  # C becomes the most recent
         ("upload", instance("F")),  # D
         ("upload", instance("G"))]  # E


@pytest.mark.orthanc
@pytest.mark.parametrize("limits", [{"MaximumPatientCount": 3}, {"MaximumStorageSize": 1}])
def test_recycling_follows_orthanc(limits: dict, tmp_path: Path, make_app, index_backend):
    if not orthanc_available():
        pytest.skip("Orthanc is not installed (apt-get install -y orthanc)")
    steps = STEPS
    if "MaximumStorageSize" in limits:  # about 1 MB: three instances of 0.3 MB fit
        steps = [(action, instance(patient_id_of(data), number(data), 300_000))
                 for action, data in STEPS]
    key = repr(sorted(limits.items()))
    if key not in ORACLE_ANSWERS:  # once for both backends
        oracle = start_orthanc(tmp_path / "orthanc", limits)
        try:
            with oracle.client() as orthanc:
                ORACLE_ANSWERS[key] = run(orthanc, steps)
        finally:
            oracle.stop()
    assert run(make_app(**limits), steps) == ORACLE_ANSWERS[key]


ORACLE_ANSWERS: dict[str, list[object]] = {}


def patient_id_of(data: object) -> str:
    assert isinstance(data, bytes)
    return str(pydicom.dcmread(io.BytesIO(data)).PatientID)


def number(data: object) -> int:
    assert isinstance(data, bytes)
    return int(str(pydicom.dcmread(io.BytesIO(data)).SOPInstanceUID).rsplit(".", 1)[1])


@pytest.mark.orthanc
def test_protection_routes_answer_as_orthanc(orthanc, make_app, index_backend):
    lethe = make_app()
    with orthanc.client() as oracle:
        data = instance("P")
        ids = [client.post("/instances", content=data).json() for client in (oracle, lethe)]
        assert ids[0]["ID"] == ids[1]["ID"]
        patient, study = ids[0]["ParentPatient"], ids[0]["ParentStudy"]
        for method, path, body in [("GET", f"/patients/{patient}/protected", None),
                                   ("PUT", f"/patients/{patient}/protected", "true"),
                                   ("GET", f"/patients/{patient}/protected", None),
                                   ("PUT", f"/patients/{patient}/protected", " 0 "),
                                   ("GET", f"/patients/{patient}/protected", None),
                                   ("PUT", f"/patients/{patient}/protected", "maybe"),
                                   ("PUT", "/patients/nope/protected", "1"),
                                   ("GET", "/patients/nope/protected", None),
                                   ("GET", f"/patients/{study}/protected", None)]:
            t = oracle.request(method, path, content=body)
            o = lethe.request(method, path, content=body)
            assert o.status_code == t.status_code, (method, path, body)
            if t.status_code == 200:
                assert o.text == t.text, (method, path, body)
            else:
                assert o.json()["OrthancStatus"] == t.json()["OrthancStatus"]


# --- Lethe alone -------------------------------------------------------------------------
def test_reject_mode_refuses_new_patients_beyond_the_limits(make_app, index_backend):
    """``MaximumStorageMode`` (Orthanc 1.11.3; 1.10.1 always recycles): ``Reject`` refuses
    what would go beyond the limits, 507, and recycles nothing."""
    lethe = make_app(MaximumPatientCount=3, MaximumStorageMode="Reject")
    statuses = [status for _, status, _ in run(lethe, STEPS)]
    assert statuses == [200, 200, 200, 200, 507, 200, 507, 200, 507, 507]
    assert sorted(lethe.get("/patients").json()) == sorted(
        patient_id(instance(name)) for name in "ABC")
    system = lethe.get("/system").json()
    assert (system["MaximumPatientCount"], system["MaximumStorageMode"]) == (3, "Reject")


def test_a_full_storage_of_protected_patients_refuses_new_ones(make_app, index_backend):
    lethe = make_app(MaximumPatientCount=1)
    first = lethe.post("/instances", content=instance("A")).json()
    assert lethe.put(f"/patients/{first['ParentPatient']}/protected", content="1"
                     ).status_code == 200
    refused = lethe.post("/instances", content=instance("B"))
    assert refused.status_code == 507 and refused.json()["OrthancStatus"] == 19
    assert "MaximumPatientCount" in refused.json()["Details"]
    assert lethe.post("/instances", content=instance("A", 1)).status_code == 200  # same one
    assert lethe.get("/patients").json() == [first["ParentPatient"]]
    store = lethe.app.state.store
    assert store.check() == (set(), set())  # the refused file is gone
    assert store.upload_counts() == {"Success": 2, "FullStorage": 1}


def test_recycled_patients_leave_no_file_and_attachments_recycle_too(make_app,
                                                                     index_backend):
    lethe = make_app(MaximumStorageSize=1)
    first = lethe.post("/instances", content=instance("A")).json()
    lethe.post("/instances", content=instance("B"))
    patient = lethe.get("/patients").json()[-1]
    assert patient != first["ParentPatient"]
    # an attachment of 1 MB to B's patient makes room by recycling A
    answer = lethe.put(f"/patients/{patient}/attachments/1024", content=b"\1" * 1_000_000)
    assert answer.status_code == 200
    assert lethe.get("/patients").json() == [patient]
    assert lethe.app.state.store.check() == (set(), set())
    too_large = lethe.put(f"/patients/{patient}/attachments/1025", content=b"\2" * 2_000_000)
    assert too_large.status_code == 507
    assert lethe.get(f"/patients/{patient}/attachments").json() == ["1024"]
    assert lethe.app.state.store.check() == (set(), set())


def test_a_group_of_uploads_is_refused_one_by_one(tmp_path: Path, app_databases,
                                                  index_backend):
    """Uploads indexed together (group commit): the one the limits refuse fails alone."""
    options: dict = {"StorageDirectory": str(tmp_path / "s"), "MaximumPatientCount": 2,
                     "MaximumStorageMode": "Reject"}
    app_databases.configure(options)
    store = Store.open(config_from_dict(options))
    try:
        written = [write_described(store.storage, describe_received(data, Origin()), data)
                   for data in (instance(name, number) for number, name in enumerate("ABCA"))]
        outcomes = store.index.store_batch(written, False, limits=store.ingest.limits)
        assert [o.status for o in outcomes] == ["Success", "Success", "FullStorage", "Success"]
        assert store.count(Level.PATIENT) == 2 and store.count(Level.INSTANCE) == 3
    finally:
        store.close()


def test_lowered_limits_recycle_at_start_up(tmp_path: Path, app_databases, index_backend):
    options: dict = {"StorageDirectory": str(tmp_path / "s")}
    app_databases.configure(options)
    store = Store.open(config_from_dict(options))
    for name in "ABC":
        store.store(instance(name), Origin())
    store.close()
    store = Store.open(config_from_dict({**options, "MaximumPatientCount": 1}))
    try:
        assert store.count(Level.PATIENT) == 1
        assert store.lookup(patient_id(instance("C"))) is not None  # the most recent
        assert store.check() == (set(), set())
    finally:
        store.close()
