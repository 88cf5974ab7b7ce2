"""/tools/find and /tools/lookup."""

from __future__ import annotations

from tests.support.dicomgen import make_file


def upload(client, **kwargs) -> dict:
    r = client.post("/instances", content=make_file(**kwargs))
    assert r.status_code == 200
    return r.json()


def test_find_by_wildcards_ranges_and_case(lethe):
    a = upload(lethe, patient_id="A1", PatientName="Smith^Anna", StudyDate="20200105")
    b = upload(lethe, patient_id="B2", PatientName="Jones^Bob", StudyDate="20210610")
    find = lambda body: lethe.post("/tools/find", json=body).json()  # noqa: E731
    assert find({"Level": "Patient", "Query": {"PatientName": "smith*"}}) == [a["ParentPatient"]]
    assert find({"Level": "Patient", "Query": {"PatientID": "?2"}}) == [b["ParentPatient"]]
    assert find({"Level": "Study", "Query": {"StudyDate": "20200101-20201231"}}) == [a["ParentStudy"]]
    assert find({"Level": "Study", "Query": {"StudyDate": "20210101-"}}) == [b["ParentStudy"]]
    assert find({"Level": "Study", "Query": {"StudyDate": "-20200110"}}) == [a["ParentStudy"]]
    assert find({"Level": "Study", "Query": {"PatientID": "A1"}}) == [a["ParentStudy"]]
    assert find({"Level": "Patient", "Query": {"PatientID": "A1\\B2"}}) == [
        a["ParentPatient"], b["ParentPatient"]]
    assert find({"Level": "Instance", "Query": {}}) == [a["ID"], b["ID"]]
    assert find({"Level": "Instance", "Query": {}, "Limit": 1, "Since": 1}) == [b["ID"]]
    # CaseSensitive is false by default, as in Orthanc
    assert find({"Level": "Patient", "Query": {"PatientID": "a1"}}) == [a["ParentPatient"]]
    assert find({"Level": "Patient", "Query": {"PatientID": "a1"}, "CaseSensitive": True}) == []
    expanded = find({"Level": "Series", "Query": {"Modality": "CT"}, "Expand": True})
    assert {s["ID"] for s in expanded} == {a["ParentSeries"], b["ParentSeries"]}


def test_find_rejects_bad_bodies(lethe):
    for body, status in (([], 400), ({"Query": {}}, 400), ({"Level": "Planet", "Query": {}}, 400),
                         ({"Level": "Study", "Query": {"NoSuchTag": "x"}}, 400),
                         ({"Level": "Study", "Query": {"PatientID": 5}}, 400),
                         ({"Level": "Study", "Query": {"StudyDate": "2019*"}}, 400),
                         ({"Level": "Study", "Query": {}, "Limit": "x"}, 400)):
        r = lethe.post("/tools/find", json=body)
        assert r.status_code == status, body
        assert "Details" in r.json()


def test_lookup(lethe):
    a = upload(lethe, patient_id="LOOK1", study_uid="1.2.840.99.1")
    r = lethe.post("/tools/lookup", content=b"1.2.840.99.1").json()
    assert r == [{"ID": a["ParentStudy"], "Path": f"/studies/{a['ParentStudy']}", "Type": "Study"}]
    assert lethe.post("/tools/lookup", content=b"LOOK1").json()[0]["Type"] == "Patient"
    assert lethe.post("/tools/lookup", content=b"nothing").json() == []
