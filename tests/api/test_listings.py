"""Listings and resources in every form: ``expand``, ``short``, ``full``, ``since``/``limit``,
child and parent routes, compared with Orthanc 1.10.1; ``requested-tags`` with the computed
tags and ``response-content``, as Orthanc's own integration tests check them (Orthanc 1.11 to
1.12.11, ``Tests/Tests.py``)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.corpus import sample
from tests.support.dicomgen import make_file

# What Orthanc 1.10.1 does not show: labels (1.12), protection (1.12.8); the file UUID and
# the times are each server's own. Children lists are sorted in Lethe (as in Orthanc 1.12.5).
NEWER_FIELDS = ("Labels", "IsProtected", "FileUuid", "LastUpdate", "IsStable")
CHILDREN = ("Studies", "Series", "Instances")


def _comparable(body: Any) -> Any:
    """An answer without what only newer Orthancs show, lists of resources sorted by ID."""
    if isinstance(body, list):
        items = [_comparable(item) for item in body]
        return sorted(items, key=lambda i: i["ID"] if isinstance(i, dict) else i)
    if isinstance(body, dict) and "ID" in body:
        return {key: sorted(value) if key in CHILDREN else value
                for key, value in body.items() if key not in NEWER_FIELDS}
    return body


def _upload_both(oracle, lethe, files: list[bytes]) -> list[dict]:
    answers = []
    for data in files:
        theirs = oracle.post("/instances", content=data)
        ours = lethe.post("/instances", content=data)
        assert theirs.status_code == ours.status_code == 200
        answers.append(theirs.json())
    return answers


def _two_patients() -> list[bytes]:
    return [make_file(patient_id=f"LIST{p}", study_uid=f"1.2.7.{p}", series_uid=f"1.2.7.{p}.{s}",
                      sop_uid=f"1.2.7.{p}.{s}.{n}", SeriesNumber=s, InstanceNumber=n)
            for p in (1, 2) for s in (1, 2) for n in (1, 2)]


@pytest.mark.orthanc
def test_listings_and_resources_match_orthanc(orthanc_fresh, make_app):
    lethe = make_app(StableAge=1)
    with orthanc_fresh.client() as oracle:
        answers = _upload_both(oracle, lethe, _two_patients())
        first = answers[0]
        paths = []
        for level in ("patients", "studies", "series", "instances"):
            paths += [f"/{level}", f"/{level}?expand", f"/{level}?expand&short",
                      f"/{level}?expand&full", f"/{level}?since=1&limit=2",
                      f"/{level}?expand&since=0&limit=1"]
        for level, key in (("patients", "ParentPatient"), ("studies", "ParentStudy"),
                           ("series", "ParentSeries"), ("instances", "ID")):
            paths += [f"/{level}/{first[key]}{suffix}" for suffix in ("", "?short", "?full")]
        paths += [f"/patients/{first['ParentPatient']}/{child}?short"
                  for child in ("studies", "series", "instances")]
        paths += [f"/studies/{first['ParentStudy']}/series?full",
                  f"/series/{first['ParentSeries']}/instances",
                  f"/instances/{first['ID']}/patient?full", f"/instances/{first['ID']}/series",
                  f"/series/{first['ParentSeries']}/study?short"]
        for path in paths:
            theirs, ours = oracle.get(path), lethe.get(path)
            assert ours.status_code == theirs.status_code, path
            if "since" in path and "expand" not in path:
                assert ours.json() == theirs.json(), path  # creation order, as Orthanc
            else:
                assert _comparable(ours.json()) == _comparable(theirs.json()), path


def test_expand_false_lists_the_children_ids(lethe):
    answer = lethe.post("/instances", content=make_file(patient_id="EXP")).json()
    study = answer["ParentStudy"]
    assert lethe.get(f"/studies/{study}/instances?expand=false").json() == [answer["ID"]]
    assert lethe.get(f"/studies/{study}/series?expand=0").json() == [answer["ParentSeries"]]
    expanded = lethe.get(f"/studies/{study}/series?expand").json()
    assert expanded == lethe.get(f"/studies/{study}/series").json()
    assert expanded[0]["MainDicomTags"]["Modality"] == "CT"
    assert lethe.get("/instances?expand=true").json() == lethe.get("/instances?expand").json()
    assert lethe.get("/instances?expand=false").json() == [answer["ID"]]
    assert lethe.get("/instances?expand=perhaps").status_code == 400


def _upload(lethe, relative: str) -> dict:
    answer = lethe.post("/instances", content=sample(relative).read_bytes())
    assert answer.status_code == 200
    return answer.json()


REQUESTED = "PatientID;StudyDescription;SeriesDescription;SOPClassUID;RepetitionTime;" \
            "DerivationCodeSequence"


def _check_requested(resource: dict) -> None:
    tags = resource["RequestedTags"]
    assert len(tags) == 6, tags
    assert tags["PatientID"] == "ozp00SjY2xG"
    assert tags["StudyDescription"] == "Knee (R)"
    assert tags["SeriesDescription"] == "AX.  FSE PD"
    assert tags["SOPClassUID"] == "1.2.840.10008.5.1.4.1.1.4"
    assert tags["RepetitionTime"] == "2800"
    assert len(tags["DerivationCodeSequence"][0]) == 3
    assert tags["DerivationCodeSequence"][0]["CodeValue"] == "121327"


def test_requested_tags_of_every_level(lethe):
    """Orthanc's ``test_requested_tags``: main tags of any level, tags from the file,
    sequences; the same in listings, single resources and both spellings of the argument."""
    answer = _upload(lethe, "DummyCT.dcm")
    for level, key in (("patients", "ParentPatient"), ("studies", "ParentStudy"),
                       ("series", "ParentSeries"), ("instances", "ID")):
        listed = lethe.get(f"/{level}?expand&requested-tags={REQUESTED}").json()
        _check_requested(listed[0])
        assert "RequestedTags" not in lethe.get(f"/{level}?expand").json()[0]
        single = lethe.get(f"/{level}/{answer[key]}?requestedTags={REQUESTED}").json()
        _check_requested(single)
        assert {k: v for k, v in single.items() if k != "RequestedTags"} == \
            lethe.get(f"/{level}/{answer[key]}").json()
    short = lethe.get(f"/instances/{answer['ID']}?short&requested-tags=PatientID").json()
    assert short["RequestedTags"] == {"0010,0020": "ozp00SjY2xG"}
    full = lethe.get(f"/instances/{answer['ID']}?full&requested-tags=0010,0020").json()
    assert full["RequestedTags"] == {"0010,0020": {"Name": "PatientID", "Type": "String",
                                                   "Value": "ozp00SjY2xG"}}
    missing = lethe.get(f"/instances/{answer['ID']}?requested-tags=Allergies;0011,1011")
    assert missing.json()["RequestedTags"] == {"Allergies": None,
                                               "Unknown Tag & Data": None}
    bad = lethe.get(f"/instances/{answer['ID']}?requested-tags=NoSuchTag")
    assert bad.status_code == 400 and "NoSuchTag" in bad.json()["Details"]


def test_requested_tags_of_children_lists(lethe):
    """Orthanc's ``test_list_resources_requested_tags``."""
    answer = _upload(lethe, "DummyCT.dcm")
    study, patient = answer["ParentStudy"], answer["ParentPatient"]
    series = lethe.get(f"/studies/{study}/series?expand&simplify&requestedTags="
                       "PatientName;Modality;SeriesInstanceUID;MRAcquisitionType").json()
    assert series[0]["RequestedTags"] == {
        "MRAcquisitionType": "2D", "Modality": "MR", "PatientName": "KNIX",
        "SeriesInstanceUID": "1.2.840.113619.2.176.2025.1499492.7391.1171285944.394"}
    instances = lethe.get(f"/patients/{patient}/instances?expand&requestedTags=PatientName;"
                          "Rows;Columns;InstanceAvailability").json()
    assert instances[0]["RequestedTags"] == {"Columns": "512", "InstanceAvailability": "ONLINE",
                                             "PatientName": "KNIX", "Rows": "512"}


def test_computed_tags(lethe):
    """Orthanc's ``test_computed_tags``: counts, modalities and SOP classes of a patient, a
    study, a series and an instance; a computed tag of another level is left out."""
    for relative in ("Comunix/Ct/IM-0001-0001.dcm", "Comunix/Ct/IM-0001-0002.dcm",
                     "Comunix/Pet/IM-0001-0001.dcm", "Comunix/Pet/IM-0001-0002.dcm"):
        answer = _upload(lethe, relative)
    instance = lethe.get(f"/instances/{answer['ID']}?requested-tags=0008,0056").json()
    assert instance["RequestedTags"] == {"InstanceAvailability": "ONLINE"}
    series = lethe.get(f"/series/{answer['ParentSeries']}?requested-tags=0020,1209").json()
    assert series["RequestedTags"] == {"NumberOfSeriesRelatedInstances": "2"}
    study = lethe.get(f"/studies/{answer['ParentStudy']}?requested-tags="
                      "0008,0061;0008,0062;0020,1206;0020,1208;0020,1209").json()
    assert study["RequestedTags"] == {
        "ModalitiesInStudy": "CT\\PT",
        "SOPClassesInStudy": "1.2.840.10008.5.1.4.1.1.128\\1.2.840.10008.5.1.4.1.1.2",
        "NumberOfStudyRelatedSeries": "2", "NumberOfStudyRelatedInstances": "4"}
    patient = lethe.get(f"/patients/{answer['ParentPatient']}?requested-tags="
                        "0020,1200;0020,1202;0020,1204").json()
    assert patient["RequestedTags"] == {"NumberOfPatientRelatedStudies": "1",
                                        "NumberOfPatientRelatedSeries": "2",
                                        "NumberOfPatientRelatedInstances": "4"}


def test_response_content(lethe):
    answer = _upload(lethe, "DummyCT.dcm")
    series = lethe.get("/series?response-content=MainDicomTags&requested-tags=StudyDate").json()
    assert set(series[0]) == {"ID", "Type", "MainDicomTags", "RequestedTags"}
    series = lethe.get("/series?response-content=Children;Parent;Status;IsStable;Labels;"
                       "Metadata").json()
    assert set(series[0]) == {"ID", "Type", "Instances", "ParentStudy", "Status", "IsStable",
                              "Labels", "Metadata"}
    assert "LastUpdate" in series[0]["Metadata"]
    instances = lethe.get("/instances?response-content=Attachments").json()
    assert set(instances[0]) == {"ID", "Type", "Attachments"}
    attachment = instances[0]["Attachments"][0]
    assert attachment["ContentType"] == 1 and attachment["UncompressedSize"] == 2472
    assert set(attachment) == {"Uuid", "ContentType", "UncompressedSize", "CompressedSize",
                               "UncompressedMD5", "CompressedMD5"}
    patients = lethe.get("/patients?response-content=IsProtected&since=0&limit=5").json()
    assert patients == [{"ID": answer["ParentPatient"], "IsProtected": False,
                         "Type": "Patient"}]
    bad = lethe.get("/series?response-content=MainDicomTags;Everything")
    assert bad.status_code == 400 and "Everything" in bad.json()["Details"]


def test_expanded_patients_show_their_protection(lethe):
    """Orthanc 1.12.8: ``IsProtected`` in an expanded patient."""
    answer = lethe.post("/instances", content=make_file(patient_id="PROT")).json()
    patient = lethe.get(f"/patients/{answer['ParentPatient']}").json()
    assert patient["IsProtected"] is False
    assert "IsProtected" not in lethe.get(f"/studies/{answer['ParentStudy']}").json()


def test_numeric_metadata(make_app):
    """Orthanc 1.12: ``?numeric`` lists the metadata by their numbers."""
    lethe = make_app(UserMetadata={"my-metadata": 2000})
    answer = lethe.post("/instances", content=make_file(patient_id="NUM")).json()
    study = answer["ParentStudy"]
    assert lethe.put(f"/studies/{study}/metadata/my-metadata", content=b"v").status_code == 200
    assert lethe.put(f"/studies/{study}/metadata/1030", content=b"w").status_code == 200
    names = lethe.get(f"/studies/{study}/metadata").json()
    numbers = lethe.get(f"/studies/{study}/metadata?numeric").json()
    assert "LastUpdate" in names and 7 in numbers and 2000 in numbers and 1030 in numbers
    assert len(numbers) == len(names)
    expanded = lethe.get(f"/studies/{study}/metadata?expand&numeric").json()
    assert expanded["2000"] == "v" and expanded["1030"] == "w" and "7" in expanded


def test_metadata_by_number(make_app):
    """Orthanc takes a metadata's number for its name: ``/metadata/2`` is ``ReceptionDate``,
    and a number declared in ``UserMetadata`` is that metadata."""
    lethe = make_app(UserMetadata={"my-metadata": 2000})
    instance = lethe.post("/instances", content=make_file(patient_id="BYNUM")).json()["ID"]
    base = f"/instances/{instance}/metadata"
    assert lethe.get(f"{base}/2").text == lethe.get(f"{base}/ReceptionDate").text
    assert lethe.put(f"{base}/2000", content=b"by number").status_code == 200
    assert lethe.get(f"{base}/my-metadata").text == "by number"
    assert lethe.get(f"{base}?expand").json()["my-metadata"] == "by number"
    assert lethe.delete(f"{base}/my-metadata").status_code == 200
    assert lethe.get(f"{base}/2000").status_code == 404
    refused = lethe.put(f"{base}/2", content=b"x")
    assert refused.status_code == 400 and "ReceptionDate" in refused.json()["Details"]
    assert lethe.put(f"{base}/3000", content=b"free").status_code == 200
    assert lethe.get(f"{base}/3000").text == "free"
