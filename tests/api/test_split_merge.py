"""POST /studies/{id}/split and /merge: the seed's examples, the module rules, KeepSource."""

from __future__ import annotations

import io

import pydicom
import pytest

from tests.support.dicomgen import make_file


def read(client, instance_id: str) -> pydicom.Dataset:
    return pydicom.dcmread(io.BytesIO(client.get(f"/instances/{instance_id}/file").content))


def upload_study(client, series: int, per_series: int, **tags) -> tuple[str, list[str]]:
    """A generated study; returns its ID and the IDs of its series."""
    study_uid = pydicom.uid.generate_uid()
    series_ids = []
    for _ in range(series):
        series_uid = pydicom.uid.generate_uid()
        for n in range(per_series):
            answer = client.post("/instances", content=make_file(
                study_uid=study_uid, series_uid=series_uid, InstanceNumber=n + 1, **tags)).json()
        series_ids.append(answer["ParentSeries"])
    return answer["ParentStudy"], series_ids


def test_seed_split(lethe):
    study, series = upload_study(lethe, 2, 2)
    body = '{"Series":["%s"],"Replace":{"PatientName":"HELLO"},"Remove":["AccessionNumber"]}' % (  # noqa: UP031
        series[0])
    r = lethe.post(f"/studies/{study}/split", content=body.encode())
    assert r.status_code == 200, r.text
    out = r.json()
    assert set(out) == {"Description", "FailedInstancesCount", "InstancesCount", "TargetStudy",
                        "TargetStudyUID"}
    assert out["InstancesCount"] == 2
    new_study = lethe.get(f"/studies/{out['TargetStudy']}").json()
    assert new_study["MainDicomTags"]["StudyInstanceUID"] == out["TargetStudyUID"]
    assert "ModifiedFrom" not in new_study
    for iid in lethe.get(f"/studies/{out['TargetStudy']}/instances").json():
        ds = read(lethe, iid["ID"])
        assert ds.PatientName == "HELLO" and "AccessionNumber" not in ds
        assert ds.StudyInstanceUID == out["TargetStudyUID"]
    # KeepSource false by default: the series left the source study
    assert lethe.get(f"/series/{series[0]}").status_code == 404
    assert lethe.get(f"/studies/{study}").json()["Series"] == [series[1]]


def test_split_by_instances_keep_source(lethe):
    study, series = upload_study(lethe, 1, 3)
    instances = lethe.get(f"/series/{series[0]}").json()["Instances"]
    out = lethe.post(f"/studies/{study}/split",
                     json={"Instances": instances[:2], "KeepSource": True}).json()
    assert out["InstancesCount"] == 2
    assert len(lethe.get(f"/studies/{out['TargetStudy']}/instances").json()) == 2
    assert len(lethe.get(f"/studies/{study}/instances").json()) == 3


@pytest.mark.parametrize("body, status, fragment", [
    ({}, 400, 'Both the "Series" and the "Instances" fields are missing'),
    ({"Series": ["nope"]}, 404, "does not belong to the study to be split"),
    ({"Instances": ["nope"]}, 404, "does not belong to the study to be split"),
    ({"Series": "x"}, 400, "List of strings expected"),
    ({"Series": None, "Replace": {"SeriesDescription": "x"}}, 400, "not in the patient/study"),
    ({"SERIES": None, "Replace": {"PatientName": 5}}, 400, "must be an object of strings"),
])
def test_split_rejections(lethe, body, status, fragment):
    study, series = upload_study(lethe, 1, 1)
    body = {k: (v if v is not None else [series[0]]) for k, v in body.items()}
    if "SERIES" in body:
        body["Series"] = body.pop("SERIES")
    r = lethe.post(f"/studies/{study}/split", json=body)
    assert r.status_code == status, r.text
    assert fragment in r.json()["Details"]
    assert lethe.get(f"/studies/{study}").status_code == 200
    assert len(lethe.get("/instances").json()) == 1


def test_split_of_unknown_study(lethe):
    r = lethe.post("/studies/nope/split", json={"Series": ["x"]})
    assert r.status_code == 404 and r.json()["Details"] == "Cannot split unknown study nope"


def test_seed_merge_series_into_study(lethe):
    target, _ = upload_study(lethe, 1, 1, PatientName="Target^Name", InstitutionName="Here")
    target_uid = lethe.get(f"/studies/{target}").json()["MainDicomTags"]["StudyInstanceUID"]
    source, source_series = upload_study(lethe, 2, 2, PatientName="Other^Name",
                                         InstitutionName="There", patient_id="OTHER")
    body = '{"Resources":["%s"]}' % source_series[0]  # noqa: UP031 - the seed's text
    r = lethe.post(f"/studies/{target}/merge", content=body.encode())
    assert r.status_code == 200, r.text
    out = r.json()
    assert out == {"Description": "REST API", "FailedInstancesCount": 0, "InstancesCount": 2,
                   "TargetStudy": target}
    study = lethe.get(f"/studies/{target}").json()
    assert len(study["Series"]) == 2
    for iid in lethe.get(f"/studies/{target}/instances").json():
        ds = read(lethe, iid["ID"])
        assert ds.StudyInstanceUID == target_uid and ds.PatientName == "Target^Name"
    # outside the modules, the source's values stay
    institutions = {read(lethe, i["ID"]).InstitutionName
                    for i in lethe.get(f"/studies/{target}/instances").json()}
    assert institutions == {"Here", "There"}
    assert lethe.get(f"/series/{source_series[0]}").status_code == 404  # KeepSource false
    assert len(lethe.get(f"/studies/{source}/series").json()) == 1


def test_merge_whole_study_removes_module_tags_the_target_lacks(lethe):
    target, _ = upload_study(lethe, 1, 1)
    source, _ = upload_study(lethe, 1, 2, patient_id="SRC", StudyID="S-1",
                             PatientComments="comment")
    out = lethe.post(f"/studies/{target}/merge", json={"Resources": [source],
                                                       "KeepSource": True}).json()
    assert out["InstancesCount"] == 2
    for iid in lethe.get(f"/studies/{target}/instances").json():
        ds = read(lethe, iid["ID"])
        assert "PatientComments" not in ds and "StudyID" not in ds
    assert lethe.get(f"/studies/{source}").status_code == 200


def test_merge_rejections(lethe):
    target, target_series = upload_study(lethe, 1, 1)
    other, _ = upload_study(lethe, 1, 1, patient_id="P2")
    patient = lethe.get(f"/studies/{other}").json()["ParentPatient"]
    cases = [
        ("nope", {"Resources": [other]}, 404, "Cannot merge into an unknown study: nope"),
        (target, {"Resources": ["nope"]}, 404, "Cannot find this resource: nope"),
        (target, {"Resources": [target]}, 404, "Cannot merge a study into the same study"),
        (target, {"Resources": [target_series[0]]}, 404, "into its parent study"),
        (target, {}, 400, "List of strings expected in field: Resources"),
        (target, {"Resources": [patient]}, 404, "is a Patient"),
    ]
    for study, body, status, fragment in cases:
        r = lethe.post(f"/studies/{study}/merge", json=body)
        assert r.status_code == status, (body, r.text)
        assert fragment in r.json()["Details"], (body, r.text)
    assert len(lethe.get("/instances").json()) == 2
