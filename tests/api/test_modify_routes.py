"""The modification and anonymization routes over HTTP: the seed's examples verbatim,
resource jobs, bulk routes, metadata, KeepSource, level rules and atomicity; on each index
backend (SQLite and PostgreSQL)."""

from __future__ import annotations

import io
import time

import pydicom
import pytest

from tests.support import corpus
from tests.support.dicomgen import make_dataset, make_file, to_bytes
from tests.support.postgres import BACKENDS

pytestmark = pytest.mark.parametrize("index_backend", BACKENDS)


def read(content: bytes) -> pydicom.Dataset:
    return pydicom.dcmread(io.BytesIO(content))


def upload(client, data: bytes) -> dict:
    r = client.post("/instances", content=data)
    assert r.status_code == 200, r.text
    return r.json()


def upload_study(client, instances: int = 3, series: int = 2, **tags) -> dict:
    """A generated study; returns the answer of the last upload."""
    study_uid = pydicom.uid.generate_uid()
    series_uids = [pydicom.uid.generate_uid() for _ in range(series)]
    answer = {}
    for n in range(instances):
        answer = upload(client, make_file(study_uid=study_uid, series_uid=series_uids[n % series],
                                          InstanceNumber=n + 1, **tags))
    return answer


# --- seed: single instance --------------------------------------------------
SEED_ANONYMIZE_BODY = '''{
            "Replace": {
              "PatientName": "Hello",
              "0010-1001": "World"
            },
            "Keep": [
              "StudyDescription",
              "SeriesDescription"
            ],
            "KeepPrivateTags": true,
            "DicomVersion" : "2017c"
          }'''

SEED_MODIFY_BODY = '''{
            "Replace": {
              "PatientName":"hello",
              "PatientID":"world"
            },
            "Remove":[
              "InstitutionName"
            ],
            "RemovePrivateTags": true,
            "Force": true
          }'''


def test_seed_anonymize_empty_body(lethe):
    ds = make_dataset(SeriesDescription="Axial")
    iid = upload(lethe, to_bytes(ds))["ID"]
    r = lethe.post(f"/instances/{iid}/anonymize", content=b"{}")
    assert r.status_code == 200 and r.headers["content-type"] == "application/dicom"
    out = read(r.content)
    assert str(out.PatientName).startswith("Anonymized")
    assert out.PatientID != ds.PatientID and len(out.PatientID) == 36
    assert out.StudyInstanceUID != ds.StudyInstanceUID
    assert out.SOPInstanceUID != ds.SOPInstanceUID
    assert out.file_meta.MediaStorageSOPInstanceUID == out.SOPInstanceUID
    assert out.PatientIdentityRemoved == "YES"
    assert out.DeidentificationMethod.startswith("Lethe ")
    assert "2023b" in out.DeidentificationMethod
    assert "InstitutionName" not in out and "SeriesDescription" not in out
    assert out.PatientBirthDate == "" and out.AccessionNumber == ""
    assert out.PixelData == ds.PixelData
    # nothing stored
    assert len(lethe.get("/instances").json()) == 1


def test_seed_anonymize_with_body(lethe):
    ds = make_dataset(SeriesDescription="Axial")
    ds.add_new(0x00091010, "LO", "private value")
    ds.add_new(0x00090010, "LO", "ACME")
    iid = upload(lethe, to_bytes(ds))["ID"]
    r = lethe.post(f"/instances/{iid}/anonymize", content=SEED_ANONYMIZE_BODY.encode())
    assert r.status_code == 200, r.text
    out = read(r.content)
    assert out.PatientName == "Hello"
    assert out.OtherPatientNames == "World"
    assert out.StudyDescription == "Chest" and out.SeriesDescription == "Axial"
    assert out[0x00091010].value == "private value"
    assert "DeidentificationMethod" not in out  # dropped when Keep/Replace are given


def test_seed_modify_instance(lethe):
    ds = make_dataset()
    ds.add_new(0x00090010, "LO", "ACME")
    ds.add_new(0x00091010, "LO", "private value")
    iid = upload(lethe, to_bytes(ds))["ID"]
    r = lethe.post(f"/instances/{iid}/modify", content=SEED_MODIFY_BODY.encode())
    assert r.status_code == 200, r.text
    out = read(r.content)
    assert out.PatientName == "hello" and out.PatientID == "world"
    assert "InstitutionName" not in out
    assert 0x00091010 not in out and 0x00090010 not in out
    # level Patient (PatientID replaced): new study, series and instance UIDs
    assert out.StudyInstanceUID != ds.StudyInstanceUID
    assert out.SeriesInstanceUID != ds.SeriesInstanceUID
    assert out.SOPInstanceUID != ds.SOPInstanceUID
    assert out.PixelData == ds.PixelData


def test_seed_modify_sequences_binary_and_private(make_app):
    client = make_app(Dictionary={
        "7001,0010": ["LO", "PrivateCreatorForMy", 1, 1, "MyPrivateCreator"],
        "7001,1001": ["CS", "MyPrivateTag", 1, 1, "MyPrivateCreator"]})
    iid = upload(client, make_file())["ID"]
    r = client.post(f"/instances/{iid}/modify", content=b'''{
      "Replace" : {
        "ProcedureCodeSequence" : [
          {
            "CodeValue" : "2",
            "CodingSchemeDesignator" : "1",
            "CodeMeaning": "1"
          }
        ]
      }
    }''')
    assert r.status_code == 200, r.text
    item = read(r.content).ProcedureCodeSequence[0]
    assert (item.CodeValue, item.CodingSchemeDesignator, item.CodeMeaning) == ("2", "1", "1")
    r = client.post(f"/instances/{iid}/modify", content=b'''{
      "Replace" : {
        "EncryptedAttributesSequence" : [
          {
            "EncryptedContentTransferSyntaxUID" : "1.2.840.10008.1.2",
            "EncryptedContent" : "data:application/octet-stream;base64,SSB3YXMgaGVyZSBpbiAyMDE5LiAgTWFydHkgTWNGbHku"
          }
        ]
      }
    }''')
    assert r.status_code == 200, r.text
    item = read(r.content).EncryptedAttributesSequence[0]
    # 33 bytes: OB values are padded to an even length with a NUL
    assert item.EncryptedContent == b"I was here in 2019.  Marty McFly.\0"
    r = client.post(f"/instances/{iid}/modify", content=b'''{
      "Replace" : {
        "MyPrivateTag" : "Hello"
      },
      "PrivateCreator" : "MyPrivateCreator"
    }''')
    assert r.status_code == 200, r.text
    elem = read(r.content)[0x70011001]
    assert elem.VR == "CS" and elem.value == "Hello"


@pytest.mark.parametrize("body, status, code", [
    (b"", 400, 15), (b"not json", 400, 15), (b"[]", 400, 15),
    (b'{"Replace": {"NoSuchTag": "x"}}', 400, 27),
    (b'{"Replace": {"PatientID": "x"}}', 400, 8),
    (b'{"Remove": ["SOPInstanceUID"], "Force": true}', 400, 8),
    (b'{"Replace": {"Rows": "abc"}}', 400, 15),
    (b'{"Replace": {"InstanceNumber": 5}}', 400, 5),
    (b'{"Force": "yes"}', 400, 15),
])
def test_instance_modify_rejections_change_nothing(lethe, body, status, code):
    iid = upload(lethe, make_file())["ID"]
    r = lethe.post(f"/instances/{iid}/modify", content=body)
    assert r.status_code == status, r.text
    assert r.json()["OrthancStatus"] == code
    assert lethe.get("/instances").json() == [iid]


def test_unknown_instance_is_404(lethe):
    assert lethe.post("/instances/nope/modify", content=b"{}").status_code == 404
    assert lethe.post("/instances/nope/anonymize", content=b"{}").status_code == 404


def test_unknown_dicom_version_names_accepted_values(lethe):
    iid = upload(lethe, make_file())["ID"]
    r = lethe.post(f"/instances/{iid}/anonymize", json={"DicomVersion": "2020"})
    assert r.status_code == 400
    assert "2020" in r.json()["Details"]


# --- seed: Keep + Force script ---------------------------------------------
def _keep_force_script(client, instance: str, overwrite: bool) -> dict:
    r = client.post(f"/instances/{instance}/modify", json={
        "Replace": {"PatientName": "Hello"}, "Keep": ["SOPInstanceUID"], "Force": True})
    r.raise_for_status()
    dicom = r.content
    if not overwrite:
        client.delete(f"/instances/{instance}").raise_for_status()
    r = client.post("/instances", content=dicom)
    r.raise_for_status()
    return r.json()


@pytest.mark.parametrize("overwrite", [False, True])
def test_seed_keep_force_script(make_app, overwrite):
    client = make_app(OverwriteInstances=overwrite)
    ds = make_dataset()
    iid = upload(client, to_bytes(ds))["ID"]
    answer = _keep_force_script(client, iid, overwrite)
    assert answer["ID"] == iid and answer["Status"] == "Success"
    stored = read(client.get(f"/instances/{iid}/file").content)
    assert stored.PatientName == "Hello" and stored.SOPInstanceUID == ds.SOPInstanceUID
    assert client.get("/instances").json() == [iid]


# --- resource routes --------------------------------------------------------
def test_seed_series_and_study_modify(lethe):
    last = upload_study(lethe, instances=4, series=2)
    series, study = last["ParentSeries"], last["ParentStudy"]
    r = lethe.post(f"/series/{series}/modify", content=b'{"Replace":{"InstitutionName":"My own clinic"}}')
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["Type"] == "Series" and out["Path"] == f"/series/{out['ID']}"
    assert out["InstancesCount"] == 2 and out["FailedInstancesCount"] == 0
    assert out["IsAnonymization"] is False
    new_series = lethe.get(f"/series/{out['ID']}").json()
    assert new_series["ModifiedFrom"] == series
    assert new_series["ParentStudy"] == study  # series level: same study
    assert "ModifiedFrom" not in lethe.get(f"/studies/{study}").json()
    for iid in new_series["Instances"]:
        ds = read(lethe.get(f"/instances/{iid}/file").content)
        assert ds.InstitutionName == "My own clinic"
        assert lethe.get(f"/instances/{iid}/metadata/ModifiedFrom").status_code == 200
    assert len(lethe.get(f"/series/{series}/instances").json()) == 2  # KeepSource default
    r = lethe.post(f"/studies/{study}/modify", content=b'{"Replace":{"InstitutionName":"My own clinic"}}')
    out = r.json()
    assert out["Type"] == "Study" and lethe.get(f"/studies/{out['ID']}").json()["ModifiedFrom"] == study


def test_series_modify_keeps_one_new_series_uid(lethe):
    last = upload_study(lethe, instances=4, series=1)
    out = lethe.post(f"/series/{last['ParentSeries']}/modify",
                     json={"Replace": {"SeriesDescription": "X"}}).json()
    uids = {read(lethe.get(f"/instances/{i}/file").content).SeriesInstanceUID
            for i in lethe.get(f"/series/{out['ID']}").json()["Instances"]}
    assert len(uids) == 1
    assert len(lethe.get(f"/series/{out['ID']}").json()["Instances"]) == 4


def test_seed_patient_modify(lethe):
    last = upload_study(lethe, instances=2, series=1)
    r = lethe.post(f"/patients/{last['ParentPatient']}/modify",
                   content=b'{"Replace":{"PatientID":"Hello","PatientName":"Sample patient name"},"Force":true}')
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["ID"] == "f7ff9e8b-7bb2e09b-70935a5d-785e0cc5-d9d0abf0"
    assert out["PatientID"] == out["ID"] and out["Type"] == "Patient"
    assert out["Path"] == f"/patients/{out['ID']}"
    patient = lethe.get(f"/patients/{out['ID']}").json()
    assert patient["MainDicomTags"]["PatientName"] == "Sample patient name"


def test_patient_modify_requires_patient_id(lethe):
    last = upload_study(lethe, instances=1, series=1)
    r = lethe.post(f"/patients/{last['ParentPatient']}/modify",
                   json={"Replace": {"PatientName": "X"}})
    assert r.status_code == 400
    assert "PatientID is required" in r.json()["Details"]


@pytest.mark.parametrize("route", ["patients", "studies", "series"])
def test_seed_resource_anonymize(lethe, route):
    last = upload_study(lethe, instances=3, series=2)
    rid = last[{"patients": "ParentPatient", "studies": "ParentStudy",
                "series": "ParentSeries"}[route]]
    r = lethe.post(f"/{route}/{rid}/anonymize", content=b"{}")
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["IsAnonymization"] is True
    assert lethe.get(f"/{route}/{out['ID']}").json()["AnonymizedFrom"] == rid
    names = {read(lethe.get(f"/instances/{i['ID']}/file").content).PatientName
             for i in lethe.get(f"/{route}/{out['ID']}/instances").json()}
    assert len(names) == 1 and str(names.pop()).startswith("Anonymized")


def test_anonymized_references_resolve_inside_the_new_study(lethe):
    study_uid, series_uid = pydicom.uid.generate_uid(), pydicom.uid.generate_uid()
    first = make_dataset(study_uid=study_uid, series_uid=series_uid)
    second = make_dataset(study_uid=study_uid, series_uid=series_uid)
    ref = pydicom.Dataset()
    ref.ReferencedSOPClassUID = first.SOPClassUID
    ref.ReferencedSOPInstanceUID = first.SOPInstanceUID
    second.ReferencedImageSequence = [ref]
    second.FrameOfReferenceUID = first.FrameOfReferenceUID = pydicom.uid.generate_uid()
    upload(lethe, to_bytes(first))
    study = upload(lethe, to_bytes(second))["ParentStudy"]
    out = lethe.post(f"/studies/{study}/anonymize", json={}).json()
    datasets = [read(lethe.get(f"/instances/{i['ID']}/file").content)
                for i in lethe.get(f"/studies/{out['ID']}/instances").json()]
    sops = {d.SOPInstanceUID for d in datasets}
    refs = [d.ReferencedImageSequence[0].ReferencedSOPInstanceUID for d in datasets
            if "ReferencedImageSequence" in d]
    assert refs and all(r in sops for r in refs)
    assert len({d.FrameOfReferenceUID for d in datasets}) == 1
    assert first.FrameOfReferenceUID not in {d.FrameOfReferenceUID for d in datasets}


def test_keep_source_false_deletes_sources(lethe):
    last = upload_study(lethe, instances=2, series=1)
    out = lethe.post(f"/series/{last['ParentSeries']}/modify",
                     json={"Replace": {"SeriesDescription": "X"}, "KeepSource": False}).json()
    assert lethe.get(f"/series/{last['ParentSeries']}").status_code == 404
    assert len(lethe.get(f"/series/{out['ID']}/instances").json()) == 2


def test_keep_all_uids_needs_keep_source_and_overwrite(lethe):
    last = upload_study(lethe, instances=1, series=1)
    body = {"Keep": ["StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID"], "Force": True}
    r = lethe.post(f"/studies/{last['ParentStudy']}/modify", json={**body, "KeepSource": False})
    assert r.status_code == 400 and "KeepSource" in r.json()["Details"]
    r = lethe.post(f"/studies/{last['ParentStudy']}/modify", json=body)
    assert r.status_code == 400 and "OverwriteInstances" in r.json()["Details"]
    assert len(lethe.get("/instances").json()) == 1


def test_resource_route_checks_the_level_of_the_id(lethe):
    last = upload_study(lethe, instances=1, series=1)
    r = lethe.post(f"/series/{last['ParentStudy']}/modify", json={})
    assert r.status_code == 404


def test_asynchronous_job_is_polled_to_success(lethe):
    last = upload_study(lethe, instances=3, series=1)
    r = lethe.post(f"/studies/{last['ParentStudy']}/anonymize", json={"Asynchronous": True})
    handle = r.json()
    assert set(handle) == {"ID", "Path"} and handle["Path"] == f"/jobs/{handle['ID']}"
    deadline = time.monotonic() + 60
    while (job := lethe.get(handle["Path"]).json())["State"] not in ("Success", "Failure"):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert job["State"] == "Success" and job["Type"] == "ResourceModification"
    assert job["Progress"] == 100
    assert job["Content"]["Type"] == "Study"
    assert lethe.get(f"/studies/{job['Content']['ID']}").status_code == 200


def _break_one_source(client, instance_id: str) -> None:
    """Overwrite the stored file of one instance with garbage (a damaged storage area)."""
    store = client.app.state.store
    path = store.storage.path(store.index.attachment(instance_id).uuid)
    path.write_bytes(b"garbage" * 10)


def test_failed_job_leaves_nothing_and_permissive_counts(lethe):
    last = upload_study(lethe, instances=5, series=1)
    series = last["ParentSeries"]
    instances_before = set(lethe.get("/instances").json())
    files_before = set(lethe.app.state.store.storage.all_uuids())
    _break_one_source(lethe, lethe.get(f"/series/{series}").json()["Instances"][2])
    r = lethe.post(f"/series/{series}/modify", json={"Replace": {"SeriesDescription": "X"}})
    assert r.status_code == 400, r.text
    assert set(lethe.get("/instances").json()) == instances_before
    assert set(lethe.app.state.store.storage.all_uuids()) == files_before
    r = lethe.post(f"/series/{series}/modify",
                   json={"Replace": {"SeriesDescription": "X"}, "Permissive": True})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["FailedInstancesCount"] == 1 and out["InstancesCount"] == 5
    assert len(lethe.get(f"/series/{out['ID']}").json()["Instances"]) == 4


# --- bulk ----------------------------------------------------------------------
def test_seed_bulk_modify_and_anonymize(lethe):
    a = upload(lethe, make_file(patient_id="A"))
    b = upload(lethe, make_file(patient_id="B"))
    body = ('{"Replace":{"SeriesDescription":"HELLO"},"Resources":["%s","%s"]}'  # noqa: UP031
            % (a["ID"], b["ID"]))
    r = lethe.post("/tools/bulk-modify", content=body.encode())
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["InstancesCount"] == 2 and out["IsAnonymization"] is False
    kinds = [x["Type"] for x in out["Resources"]]
    assert kinds == ["Instance", "Instance", "Series", "Series", "Study", "Study",
                     "Patient", "Patient"]
    # instance level: the new instances join their original series
    assert {x["ID"] for x in out["Resources"] if x["Type"] == "Series"} == {
        a["ParentSeries"], b["ParentSeries"]}
    body = '{"Resources":["%s","%s"]}' % (a["ID"], b["ID"])  # noqa: UP031 - the seed's text
    out = lethe.post("/tools/bulk-anonymize", content=body.encode()).json()
    assert out["IsAnonymization"] is True and out["InstancesCount"] == 2
    instances = [x for x in out["Resources"] if x["Type"] == "Instance"]
    for group in ("Instance", "Series", "Study", "Patient"):
        ids = [x["ID"] for x in out["Resources"] if x["Type"] == group]
        assert ids == sorted(ids)
    names = {read(lethe.get(f"{x['Path']}/file").content).PatientName for x in instances}
    assert len(names) == 1  # one Anonymized<N> per request


def test_bulk_rejections(lethe):
    assert lethe.post("/tools/bulk-modify", json={"Replace": {}}).status_code == 400
    assert lethe.post("/tools/bulk-modify", json={"Resources": ["nope"]}).status_code == 404
    r = lethe.post("/tools/bulk-modify", json={"Resources": [], "Level": "Planet"})
    assert r.status_code == 400
    out = lethe.post("/tools/bulk-anonymize", json={"Resources": []}).json()
    assert out["InstancesCount"] == 0 and out["Resources"] == []


def test_brainix_study_anonymize(lethe):
    files = sorted(p for p in corpus.sample("Brainix").rglob("*") if p.is_file())[:12]
    answers = [upload(lethe, p.read_bytes()) for p in files]
    studies = {a["ParentStudy"] for a in answers}
    for study in studies:
        out = lethe.post(f"/studies/{study}/anonymize", json={}).json()
        new = lethe.get(f"/studies/{out['ID']}").json()
        assert new["AnonymizedFrom"] == study
        old_series = len(lethe.get(f"/studies/{study}").json()["Series"])
        assert len(new["Series"]) == old_series


def test_non_ascii_value_declares_latin1_when_no_charset(lethe):
    ds = make_dataset()
    del ds.SpecificCharacterSet
    iid = upload(lethe, to_bytes(ds))["ID"]
    out = read(lethe.post(f"/instances/{iid}/modify",
                          json={"Replace": {"StudyDescription": "Tête"}}).content)
    assert out.SpecificCharacterSet == "ISO_IR 100"
    assert out.StudyDescription == "Tête"
    assert out["StudyDescription"].value.encode("latin-1") == "Tête".encode("latin-1")
    ascii_only = read(lethe.post(f"/instances/{iid}/modify",
                                 json={"Replace": {"StudyDescription": "Head"}}).content)
    assert "SpecificCharacterSet" not in ascii_only
