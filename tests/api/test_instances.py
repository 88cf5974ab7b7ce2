"""POST /instances, the resource routes, deletion, metadata and the bad-upload rules."""

from __future__ import annotations

import gzip
import io
import zipfile

import pydicom
import pytest
from pydicom.data import get_testdata_file

from lethe.api import responses
from lethe.dicom.identifiers import ResourceIds
from tests.support.dicomgen import make_dataset, make_file, to_bytes

CT_SMALL_IDS = {
    "ParentPatient": "fa558bce-587a86d3-ad0da9b3-9d043d9d-4f5c5718",
    "ParentStudy": "8a8cf898-ca27c490-d0c7058c-929d0581-2bbf104d",
    "ParentSeries": "93034833-163e42c3-bc9a428b-194620cf-2c5799e5",
    "ID": "f689ddd2-662f8fe1-8b18180d-ec2a2cee-937917af",
}


def ct_small() -> bytes:
    with open(get_testdata_file("CT_small.dcm"), "rb") as f:
        return f.read()


def storage_files(client) -> set[str]:
    return set(client.app.state.store.storage.all_uuids())


def assert_consistent(client) -> None:
    orphans, missing = client.app.state.store.check()
    assert orphans == set() and missing == set()


def test_upload_answers_orthanc_ids(lethe):
    r = lethe.post("/instances", content=ct_small())
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert {k: body[k] for k in CT_SMALL_IDS} == CT_SMALL_IDS
    assert body["Status"] == "Success"
    assert body["Path"] == "/instances/" + CT_SMALL_IDS["ID"]


def test_second_upload_is_already_stored_and_keeps_the_old_file(lethe):
    first = lethe.post("/instances", content=ct_small()).json()
    uuid_before = lethe.get(f"/instances/{first['ID']}").json()["FileUuid"]
    again = lethe.post("/instances", content=ct_small()).json()
    assert again["Status"] == "AlreadyStored"
    assert again["ID"] == first["ID"]
    assert lethe.get(f"/instances/{first['ID']}").json()["FileUuid"] == uuid_before
    assert len(storage_files(lethe)) == 1


def test_overwrite_instances_replaces_the_file(make_app):
    client = make_app(OverwriteInstances=True)
    ds = make_dataset(PatientName="First^Name")
    first = client.post("/instances", content=to_bytes(ds)).json()
    ds.PatientName = "Second^Name"
    second = client.post("/instances", content=to_bytes(ds)).json()
    assert second["Status"] == "Success" and second["ID"] == first["ID"]
    stored = pydicom.dcmread(io.BytesIO(client.get(f"/instances/{first['ID']}/file").content))
    assert stored.PatientName == "Second^Name"
    assert len(storage_files(client)) == 1
    assert_consistent(client)


def test_file_route_returns_the_bytes_as_received(lethe):
    data = ct_small()
    iid = lethe.post("/instances", content=data).json()["ID"]
    r = lethe.get(f"/instances/{iid}/file")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/dicom"
    assert r.headers["content-length"] == str(len(data))  # a small file: in one piece
    assert r.content == data


def test_a_file_larger_than_the_memory_answer_is_streamed(lethe, monkeypatch):
    data = ct_small()
    iid = lethe.post("/instances", content=data).json()["ID"]
    monkeypatch.setattr(responses, "ANSWER_FROM_MEMORY", 1000)
    monkeypatch.setattr(responses, "CHUNK", 1024)
    r = lethe.get(f"/instances/{iid}/file")
    assert r.status_code == 200 and "content-length" not in r.headers
    assert r.content == data


def test_gzip_body_is_accepted(lethe):
    r = lethe.post("/instances", content=gzip.compress(ct_small()),
                   headers={"Content-Encoding": "gzip"})
    assert r.status_code == 200 and r.json()["ID"] == CT_SMALL_IDS["ID"]


def test_resource_json_shapes(lethe):
    lethe.post("/instances", content=ct_small())
    patient = lethe.get("/patients/" + CT_SMALL_IDS["ParentPatient"]).json()
    assert patient["Type"] == "Patient"
    assert patient["Studies"] == [CT_SMALL_IDS["ParentStudy"]]
    assert patient["MainDicomTags"]["PatientID"] == "1CT1"
    assert patient["MainDicomTags"]["PatientName"] == "CompressedSamples^CT1"
    study = lethe.get("/studies/" + CT_SMALL_IDS["ParentStudy"]).json()
    assert study["ParentPatient"] == CT_SMALL_IDS["ParentPatient"]
    assert study["PatientMainDicomTags"]["PatientID"] == "1CT1"
    assert study["MainDicomTags"]["StudyInstanceUID"] == "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322"
    series = lethe.get("/series/" + CT_SMALL_IDS["ParentSeries"]).json()
    assert series["Instances"] == [CT_SMALL_IDS["ID"]]
    assert series["Status"] == "Unknown" and series["ExpectedNumberOfInstances"] is None
    assert series["MainDicomTags"]["Modality"] == "CT"
    instance = lethe.get("/instances/" + CT_SMALL_IDS["ID"]).json()
    assert instance["ParentSeries"] == CT_SMALL_IDS["ParentSeries"]
    assert instance["IndexInSeries"] == 1
    assert instance["FileSize"] == len(ct_small())
    for body in (patient, study, series, instance):
        assert body["Labels"] == []


def test_wrong_level_and_unknown_ids_are_404(lethe):
    lethe.post("/instances", content=ct_small())
    r = lethe.get("/patients/" + CT_SMALL_IDS["ParentStudy"])
    assert r.status_code == 404
    body = r.json()
    assert body["OrthancStatus"] == 17 and body["HttpStatus"] == 404 and body["Method"] == "GET"
    assert lethe.get("/instances/nope").status_code == 404
    assert lethe.delete("/studies/nope").status_code == 404


def test_children_and_parent_routes(lethe):
    study_uid = "1.2.3.4"
    for n in range(3):
        lethe.post("/instances", content=make_file(study_uid=study_uid, series_uid=f"1.2.3.4.{n % 2}"))
    pid = lethe.get("/patients").json()[0]
    assert len(lethe.get(f"/patients/{pid}/studies").json()) == 1
    assert len(lethe.get(f"/patients/{pid}/series").json()) == 2
    instances = lethe.get(f"/patients/{pid}/instances").json()
    assert len(instances) == 3 and all(i["Type"] == "Instance" for i in instances)
    iid = instances[0]["ID"]
    assert lethe.get(f"/instances/{iid}/patient").json()["ID"] == pid
    assert lethe.get(f"/instances/{iid}/series").json()["Type"] == "Series"
    assert lethe.get(f"/instances/{iid}/study").json()["Type"] == "Study"
    assert lethe.get(f"/patients/{pid}/patient").status_code == 404


def test_list_with_expand_since_limit(lethe):
    ids = [lethe.post("/instances", content=make_file(patient_id=f"P{n}")).json()["ParentPatient"]
           for n in range(5)]
    assert lethe.get("/patients").json() == ids
    assert lethe.get("/patients?since=1&limit=2").json() == ids[1:3]
    expanded = lethe.get("/patients?expand").json()
    assert [p["ID"] for p in expanded] == ids and expanded[0]["Type"] == "Patient"
    assert lethe.get("/patients?limit=abc").status_code == 400


def test_delete_cascades_and_reports_remaining_ancestor(lethe):
    study_uid, series_uid = "1.2.3", "1.2.3.1"
    a = lethe.post("/instances", content=make_file(study_uid=study_uid, series_uid=series_uid)).json()
    b = lethe.post("/instances", content=make_file(study_uid=study_uid, series_uid=series_uid)).json()
    r = lethe.delete(f"/instances/{a['ID']}")
    assert r.json() == {"RemainingAncestor": {"ID": a["ParentSeries"],
                                              "Path": f"/series/{a['ParentSeries']}",
                                              "Type": "Series"}}
    r = lethe.delete(f"/instances/{b['ID']}")
    assert r.json() == {"RemainingAncestor": None}
    for path in ("/patients", "/studies", "/series", "/instances"):
        assert lethe.get(path).json() == []
    assert storage_files(lethe) == set()


def test_delete_study_keeps_patient_with_other_studies(lethe):
    a = lethe.post("/instances", content=make_file(patient_id="X")).json()
    b = lethe.post("/instances", content=make_file(patient_id="X")).json()
    r = lethe.delete(f"/studies/{a['ParentStudy']}").json()
    assert r["RemainingAncestor"]["ID"] == a["ParentPatient"]
    assert lethe.get("/instances").json() == [b["ID"]]
    assert_consistent(lethe)


@pytest.mark.parametrize("body, reason", [
    (b"", "Received an empty DICOM file"),
    (bytes(range(256)) * 10, "Cannot parse an invalid DICOM file"),
])
def test_bad_bodies_are_400(lethe, body, reason):
    r = lethe.post("/instances", content=body)
    assert r.status_code == 400
    assert r.json()["OrthancStatus"] == 15
    assert reason in r.json()["Details"]
    assert lethe.get("/instances").json() == [] and storage_files(lethe) == set()


def test_truncated_file_is_400_and_nothing_stored(lethe):
    data = ct_small()
    for cut in (len(data) - 1, len(data) // 2):
        r = lethe.post("/instances", content=data[:cut])
        assert r.status_code == 400, cut
    assert lethe.get("/instances").json() == [] and storage_files(lethe) == set()


@pytest.mark.parametrize("missing", ["SOPInstanceUID", "StudyInstanceUID", "SeriesInstanceUID"])
def test_missing_identifier_is_400(lethe, missing):
    ds = make_dataset()
    to_bytes(ds)  # gives ds its file meta information
    delattr(ds, missing)
    out = io.BytesIO()
    ds.save_as(out, enforce_file_format=False)
    r = lethe.post("/instances", content=out.getvalue())
    assert r.status_code == 400
    assert "missing StudyInstanceUID, SeriesInstanceUID or SOPInstanceUID" in r.json()["Details"]
    assert storage_files(lethe) == set()


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_zip_upload_answers_one_entry_per_member(lethe):
    body = _zip({"a.dcm": make_file(), "b.dcm": make_file()})
    r = lethe.post("/instances", content=body)
    assert r.status_code == 200
    answers = r.json()
    assert [a["Status"] for a in answers] == ["Success", "Success"]
    assert len(lethe.get("/instances").json()) == 2


def test_zip_with_a_broken_member_stores_nothing(lethe):
    body = _zip({"good.dcm": make_file(), "broken.dcm": b"not dicom at all" * 20})
    r = lethe.post("/instances", content=body)
    assert r.status_code == 400
    assert "broken.dcm" in r.json()["Details"]
    assert lethe.get("/instances").json() == [] and storage_files(lethe) == set()


def test_identifiers_with_padding_and_absent_patient_id(lethe):
    ds = make_dataset(patient_id=" AB ")
    body = lethe.post("/instances", content=to_bytes(ds)).json()
    assert body["ParentPatient"] == ResourceIds.from_dicom(" AB", "", "", "").patient
    ds = make_dataset()
    del ds.PatientID
    body = lethe.post("/instances", content=to_bytes(ds)).json()
    assert body["ParentPatient"] == "da39a3ee-5e6b4b0d-3255bfef-95601890-afd80709"


def test_metadata_routes(lethe):
    iid = lethe.post("/instances", content=ct_small()).json()["ID"]
    names = lethe.get(f"/instances/{iid}/metadata").json()
    assert names[:4] == ["IndexInSeries", "ReceptionDate", "RemoteAET", "Origin"]
    expanded = lethe.get(f"/instances/{iid}/metadata?expand").json()
    assert expanded["Origin"] == "RestApi"
    assert expanded["TransferSyntax"] == "1.2.840.10008.1.2.1"
    assert expanded["SopClassUid"] == "1.2.840.10008.5.1.4.1.1.2"
    assert expanded["PixelDataOffset"] == "6288"
    assert lethe.get(f"/instances/{iid}/metadata/Origin").text == "RestApi"
    assert lethe.put(f"/instances/{iid}/metadata/1025", content=b"hello").status_code == 200
    assert lethe.get(f"/instances/{iid}/metadata/1025").text == "hello"
    assert lethe.delete(f"/instances/{iid}/metadata/1025").status_code == 200
    assert lethe.get(f"/instances/{iid}/metadata/1025").status_code == 404
    assert lethe.put(f"/instances/{iid}/metadata/Origin", content=b"x").status_code == 400
    assert lethe.put(f"/instances/{iid}/metadata/Unknown", content=b"x").status_code == 404


def test_labels(lethe):
    sid = lethe.post("/instances", content=ct_small()).json()["ParentStudy"]
    assert lethe.put(f"/studies/{sid}/labels/teaching").status_code == 200
    assert lethe.get(f"/studies/{sid}/labels").json() == ["teaching"]
    assert lethe.get(f"/studies/{sid}").json()["Labels"] == ["teaching"]
    assert lethe.put(f"/studies/{sid}/labels/bad label!").status_code == 400
    assert lethe.delete(f"/studies/{sid}/labels/teaching").status_code == 200
    assert lethe.get(f"/studies/{sid}/labels").json() == []


def test_statistics(lethe):
    data = ct_small()
    body = lethe.post("/instances", content=data).json()
    stats = lethe.get("/statistics").json()
    assert stats["CountInstances"] == 1 and stats["CountPatients"] == 1
    assert stats["TotalDiskSize"] == str(len(data))
    study = lethe.get(f"/studies/{body['ParentStudy']}/statistics").json()
    assert study["CountSeries"] == 1 and study["CountInstances"] == 1
    assert study["DiskSize"] == str(len(data))


def test_changes_log(lethe):
    body = lethe.post("/instances", content=ct_small()).json()
    changes = lethe.get("/changes").json()
    kinds = {c["ChangeType"]: c for c in changes["Changes"]}
    assert set(kinds) == {"NewInstance", "NewSeries", "NewStudy", "NewPatient"}
    assert kinds["NewInstance"]["ID"] == body["ID"]
    assert changes["Done"] is True and changes["Last"] == 4
    page = lethe.get("/changes?since=0&limit=2").json()
    assert len(page["Changes"]) == 2 and page["Done"] is False and page["Last"] == 2
    lethe.delete(f"/patients/{body['ParentPatient']}")
    after = lethe.get("/changes?since=4").json()
    assert after["Changes"] == [] and after["Last"] == 4  # deletions take no number


def test_system_and_now(lethe):
    system = lethe.get("/system").json()
    assert system["Name"] == "Lethe" and system["ApiVersion"] >= 16
    assert system["Version"] == __import__("lethe").__version__
    assert system["HttpPort"] == 8042
    now = lethe.get("/tools/now").text
    assert len(now) == 15 and now[8] == "T"


def test_content_route(lethe):
    iid = lethe.post("/instances", content=ct_small()).json()["ID"]
    tags = lethe.get(f"/instances/{iid}/content").json()
    assert "0010-0010" in tags and "7fe0-0010" in tags
    assert lethe.get(f"/instances/{iid}/content/0010-0010").content.rstrip() == b"CompressedSamples^CT1"
    assert lethe.get(f"/instances/{iid}/content/0010-9999").status_code == 404


def test_unknown_route_has_orthanc_error_body(lethe):
    r = lethe.get("/nothing-here")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["Uri"] == "/nothing-here"
