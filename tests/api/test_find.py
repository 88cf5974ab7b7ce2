"""/tools/find and /tools/lookup."""

from __future__ import annotations

import pytest

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


def test_lookup_compares_identifiers_as_orthanc_normalizes_them(lethe):
    a = upload(lethe, patient_id="Look 1", study_uid="1.2.840.99.2")
    patient = [{"ID": a["ParentPatient"], "Path": f"/patients/{a['ParentPatient']}",
                "Type": "Patient"}]
    for text in (b"Look 1", b"LOOK 1", b"look 1", b" look 1\n", b"Lo\tok 1"):
        assert lethe.post("/tools/lookup", content=text).json() == patient, text
    assert lethe.post("/tools/lookup", content=b"Look 12").json() == []
    assert lethe.post("/tools/lookup", content=b"").json() == []


def test_lookup_compares_an_identifier_with_underscore_or_percent_exactly(lethe):
    """Orthanc 1.12.11: ``_`` and ``%`` are characters, not spaces (1.10.1 found
    ``5Yp0E`` for ``_5Yp0E``)."""
    a = upload(lethe, patient_id="Look_1", study_uid="1.2.840.99.4")
    upload(lethe, patient_id="5Yp0E", study_uid="1.2.840.99.5")
    patient = [{"ID": a["ParentPatient"], "Path": f"/patients/{a['ParentPatient']}",
                "Type": "Patient"}]
    for text in (b"Look_1", b" Look_1\n"):
        assert lethe.post("/tools/lookup", content=text).json() == patient, text
    for text in (b"LOOK_1", b"look_1", b"Look%1", b"_5Yp0E", b"%5Yp0E", b"Look_12"):
        assert lethe.post("/tools/lookup", content=text).json() == [], text
    assert len(lethe.post("/tools/lookup", content=b"5yp0e").json()) == 1


def test_lookup_takes_wildcards_as_characters(lethe):
    a = upload(lethe, patient_id="P*")
    upload(lethe, patient_id="P1")
    assert [r["ID"] for r in lethe.post("/tools/lookup", content=b"P*").json()] == [
        a["ParentPatient"]]
    assert lethe.post("/tools/lookup", content=b"P?").json() == []


def test_lookup_lists_every_level_that_matches_patients_first(lethe):
    a = upload(lethe, patient_id="1.2.3", study_uid="1.2.3", series_uid="9.9", sop_uid="9.9.1")
    b = upload(lethe, patient_id="X", study_uid="1.2.4", series_uid="1.2.3", sop_uid="9.9.2")
    assert lethe.post("/tools/lookup", content=b"1.2.3").json() == [
        {"ID": a["ParentPatient"], "Path": f"/patients/{a['ParentPatient']}", "Type": "Patient"},
        {"ID": a["ParentStudy"], "Path": f"/studies/{a['ParentStudy']}", "Type": "Study"},
        {"ID": b["ParentSeries"], "Path": f"/series/{b['ParentSeries']}", "Type": "Series"}]


def test_a_deleted_resource_is_no_longer_looked_up(lethe):
    a = upload(lethe, patient_id="GONE", study_uid="1.2.840.99.3")
    assert len(lethe.post("/tools/lookup", content=b"gone").json()) == 1
    assert lethe.delete(f"/patients/{a['ParentPatient']}").status_code == 200
    assert lethe.post("/tools/lookup", content=b"gone").json() == []
    assert lethe.post("/tools/lookup", content=b"1.2.840.99.3").json() == []

@pytest.mark.orthanc
def test_lookup_answers_as_orthanc(orthanc_fresh, lethe):
    files = [make_file(patient_id="Look_1", study_uid="1.2.3", series_uid="1.2.3.4",
                       sop_uid="1.2.3.4.5", AccessionNumber="ACC_9", PatientName="Doe^J"),
             make_file(patient_id="1.2.3", study_uid="1.2.4", series_uid="1.2.4.1",
                       sop_uid="1.2.4.1.1")]
    # Orthanc 1.12.11 compares identifiers with "_" or "%" exactly, and takes "*" and "?"
    # as characters: 1.10.1 is the oracle for the others only.
    queries = [b"look 1", b"LOOK 1", b"1.2.3", b"1.2.3.4 ", b"1.2.4.1.1", b"Doe^J", b"P1\\X",
               b"", b"  ", "Look 1\u00e9".encode()]
    with orthanc_fresh.client() as oracle:
        for data in files:
            assert oracle.post("/instances", content=data).status_code == 200
            assert lethe.post("/instances", content=data).status_code == 200
        for text in queries:
            theirs = oracle.post("/tools/lookup", content=text)
            ours = lethe.post("/tools/lookup", content=text)
            assert ours.status_code == theirs.status_code, text
            if theirs.status_code == 200:
                assert ours.json() == theirs.json(), text
            else:
                assert ours.json()["OrthancError"] == theirs.json()["OrthancError"], text


def test_tags_that_are_no_main_tags_are_read_from_the_files(lethe):
    a = upload(lethe, patient_id="W1", study_uid="1.2.8.1", PatientWeight="70",
               DeviceSerialNumber="SN-1", StudyDescription="first")
    b = upload(lethe, patient_id="W2", study_uid="1.2.8.2", PatientWeight="80",
               DeviceSerialNumber="SN-2", StudyDescription="second")
    find = lambda level, query: lethe.post(  # noqa: E731
        "/tools/find", json={"Level": level, "Query": query}).json()
    assert find("Patient", {"PatientWeight": "70"}) == [a["ParentPatient"]]
    assert find("Instance", {"DeviceSerialNumber": "sn-*"}) == [a["ID"], b["ID"]]
    assert find("Series", {"DeviceSerialNumber": "SN-2\\SN-9"}) == [b["ParentSeries"]]
    assert find("Study", {"PatientWeight": "80", "PatientID": "W1"}) == []
    # a main tag of a lower level matches nothing, unless a file is read anyway
    assert find("Patient", {"StudyDescription": "second"}) == []
    assert find("Patient", {"StudyDescription": "second", "PatientWeight": "80"}) == [
        b["ParentPatient"]]
    assert find("Patient", {"ReferencedStudySequence": "x"}) == []  # a sequence: no string


FILE_QUERIES = [
    {"PatientWeight": "70"}, {"PatientWeight": "70.0"}, {"DeviceSerialNumber": "sn-1"},
    {"DeviceSerialNumber": "SN-*"}, {"DeviceSerialNumber": "SN-1\\SN-3"},
    {"ManufacturerModelName": "Modèle?"}, {"ManufacturerModelName": "MODÈLE X"},
    {"PerformingPhysicianName": "doe*"}, {"SoftwareVersions": "*"},
    {"PatientWeight": "70", "PatientID": "F1"}, {"PatientWeight": "70", "PatientID": "F2"},
    {"DeviceSerialNumber": "SN-2", "StudyDescription": "second"},
    {"ReferencedStudySequence": "x"}, {"Manufacturer": "ACME"},
]


@pytest.mark.orthanc
@pytest.mark.parametrize("case_sensitive", [False, True])
def test_constraints_on_tags_that_are_no_main_tags_match_as_orthanc(orthanc_fresh, lethe,
                                                                    case_sensitive):
    files = [make_file(patient_id="F1", study_uid="1.2.7.1", series_uid="1.2.7.1.1",
                       sop_uid="1.2.7.1.1.1", PatientWeight="70", DeviceSerialNumber="SN-1",
                       ManufacturerModelName="Modèle X", PerformingPhysicianName="Doe^Jo",
                       Manufacturer="ACME", StudyDescription="first"),
             make_file(patient_id="F1", study_uid="1.2.7.1", series_uid="1.2.7.1.1",
                       sop_uid="1.2.7.1.1.2", PatientWeight="71", DeviceSerialNumber="SN-3"),
             make_file(patient_id="F2", study_uid="1.2.7.2", series_uid="1.2.7.2.1",
                       sop_uid="1.2.7.2.1.1", PatientWeight="70", DeviceSerialNumber="SN-2",
                       StudyDescription="second", SoftwareVersions="1.0")]
    with orthanc_fresh.client() as oracle:
        for data in files:
            assert oracle.post("/instances", content=data).status_code == 200
            assert lethe.post("/instances", content=data).status_code == 200
        for query in FILE_QUERIES:
            for level in ("Patient", "Study", "Series", "Instance"):
                body = {"Level": level, "Query": query, "CaseSensitive": case_sensitive}
                theirs = oracle.post("/tools/find", json=body)
                ours = lethe.post("/tools/find", json=body)
                assert ours.status_code == theirs.status_code, (level, query)
                if theirs.status_code == 200:  # in an order Orthanc does not specify
                    assert sorted(ours.json()) == sorted(theirs.json()), (level, query)
