"""``/tools/find`` beyond Orthanc 1.10.1 (labels, parents, metadata, ordering, response
content, requested tags, limits), ``/tools/count-resources`` and ``/tools/labels``, following
Orthanc's own integration tests (``Tests/Tests.py``: ``test_find_labels``,
``test_extended_find_*``, ``test_rest_find``); and the 1.10.1 part compared with Orthanc."""

from __future__ import annotations

import pytest

from tests.support.corpus import sample

KNEE_T2 = "bbf7a453-0d34251a-03663b55-46bb31b9-ffd74c59"
KNEE_T1 = "6de73705-c4e65c1b-9d9ea1b5-cabcd8e7-f15e4285"
BRAINIX_FLAIR = "1e2c125c-411b8e86-3f4fe68e-a7584dd3-c6da78f0"
BRAINIX_EPI = "2ac1316d-3e432022-62eabff2-c59f5475-9b1ac3f8"
KNEE_STUDY = "0a9b3153-2512774b-2d9580de-1fc3dcf6-3bd83918"
KNEE_PATIENT = "ca29faea-b6a0e17f-067743a1-8b778011-a48b2a17"


def _twelve(client) -> None:
    """The 12 instances of Orthanc's tests: 3 of each of 4 series of 2 patients."""
    for i in range(1, 4):
        for folder in ("Brainix/Flair", "Brainix/Epi", "Knee/T1", "Knee/T2"):
            data = sample(f"{folder}/IM-0001-000{i}.dcm").read_bytes()
            assert client.post("/instances", content=data).status_code == 200


@pytest.fixture
def twelve(lethe):
    _twelve(lethe)
    return lethe


def find(client, **body) -> list:
    answer = client.post("/tools/find", json=body)
    assert answer.status_code == 200, answer.text
    return answer.json()


def count(client, **body) -> int:
    answer = client.post("/tools/count-resources", json=body)
    assert answer.status_code == 200, answer.text
    return answer.json()["Count"]


FIND_QUERIES = [
    {"Level": "Study", "CaseSensitive": True,
     "Query": {"PatientName": "*NE*", "StudyDate": "20080819"}},
    {"Level": "Study", "Query": {"PatientName": "*NE*", "StudyDate": "20080819"}, "Since": 1},
    {"Level": "Series", "Query": {"StudyDate": "20080818-20080820", "Modality": "MR"}},
    {"Level": "Study", "Query": {"StudyDate": "20080818-", "ModalitiesInStudy": "MR"}},
    {"Level": "Patient", "Query": {"PatientName": "BRAINIX\\KNEE\\NOPE"}},
    {"Level": "Patient", "CaseSensitive": True, "Query": {"PatientName": "*n*"}},
    {"Level": "Instance", "Query": {}, "Since": 3, "Limit": 4},
    {"Level": "Study", "Expand": True, "Query": {"StudyDate": "20061201-20091201"}},
    {"Level": "Series", "Expand": True, "Query": {"PatientPosition": "HFS"}},
    {"Level": "Series", "Query": {"SeriesDescription": "T*"}, "Expand": True, "Short": True},
    {"Level": "Instance", "Query": {"PatientName": "*NE*"}, "Expand": True, "Full": True},
]


@pytest.mark.orthanc
def test_find_matches_orthanc(orthanc_fresh, lethe):
    """What Orthanc 1.10.1 has: the same IDs (in the same order when paging: Lethe lists in
    creation order, 1.10.1 in the order of its SQL lookup otherwise), the same expanded
    resources (without what newer Orthancs add: labels, requested tags of non-main tags)."""
    with orthanc_fresh.client() as oracle:
        _twelve(oracle)
        _twelve(lethe)
        for body in FIND_QUERIES:
            theirs = oracle.post("/tools/find", json=body).json()
            ours = find(lethe, **body)
            if body.get("Expand"):
                drop = ("Labels", "RequestedTags", "IsProtected", "FileUuid", "LastUpdate",
                        "IsStable")
                ours = [{k: v for k, v in item.items() if k not in drop} for item in ours]
                theirs = [{k: v for k, v in item.items() if k not in drop} for item in theirs]
                for item in ours + theirs:
                    for key in ("Series", "Instances"):
                        if key in item:
                            item[key] = sorted(item[key])
            if "Since" not in body:
                ours, theirs = sorted(ours, key=str), sorted(theirs, key=str)
            assert ours == theirs, body


def test_counts_match_finds(twelve):
    for body in FIND_QUERIES:
        if body.get("CaseSensitive"):
            continue
        plain = {k: v for k, v in body.items() if k not in ("Since", "Limit")}
        assert count(twelve, **body) == len(find(twelve, **plain)), body
    assert count(twelve, Level="Instance", Query={}, Since=5, Limit=1) == 12  # both ignored


def test_find_labels(lethe):
    """Orthanc's ``test_find_labels`` (1.12.11: ``None`` with no label: unlabelled only)."""
    answer = lethe.post("/instances", content=sample("DummyCT.dcm").read_bytes()).json()
    instance, series = answer["ID"], answer["ParentSeries"]

    def execute(labels, constraint, query=None, level="Instance"):
        return len(find(lethe, Level=level, Query=query or {}, Labels=labels,
                        LabelsConstraint=constraint))

    expected_without = {((), "All"): 1, ((), "Any"): 1, ((), "None"): 1, (("a",), "All"): 0,
                        (("a",), "Any"): 0, (("a",), "None"): 1, (("a", "b"), "Any"): 0}
    for (labels, constraint), found in expected_without.items():
        assert execute(list(labels), constraint) == found, (labels, constraint)
    assert lethe.put(f"/instances/{instance}/labels/a").status_code == 200
    expected_with_a = {((), "All"): 1, ((), "Any"): 1, ((), "None"): 0, (("a",), "All"): 1,
                       (("a",), "None"): 0, (("b",), "None"): 1, (("a", "b"), "All"): 0,
                       (("a", "b"), "Any"): 1, (("a", "b"), "None"): 0}
    for (labels, constraint), found in expected_with_a.items():
        assert execute(list(labels), constraint) == found, (labels, constraint)
    assert execute(["a"], "All", {"PatientID": "nope"}) == 0
    assert execute(["a"], "All", {"PatientID": ""}) == 1
    assert execute(["a"], "All", {"PatientID": "ozp00SjY2xG"}) == 1
    lethe.put(f"/series/{series}/labels/b")
    assert execute(["b"], "Any", {"PatientID": "ozp00SjY2xG"}, "Series") == 1
    assert execute(["a"], "Any", {}, "Series") == 0
    assert execute(["a"], "None", {}, "Series") == 1
    assert lethe.get("/tools/labels").json() == ["a", "b"]
    lethe.delete(f"/instances/{instance}/labels/a")
    assert lethe.get("/tools/labels").json() == ["b"]
    for bad in ({"Labels": ["a b"]}, {"Labels": "a"}, {"LabelsConstraint": "Some"}):
        answer = lethe.post("/tools/find", json={"Level": "Study", "Query": {}, **bad})
        assert answer.status_code == 400, bad


def test_order_by(twelve):
    """Orthanc's ``test_extended_find_order_by``."""
    lethe = twelve
    for series, value in ((KNEE_T2, "kneeT2"), (KNEE_T1, "kneeT1"),
                          (BRAINIX_FLAIR, "brainixFlair"), (BRAINIX_EPI, "brainixEpi")):
        assert lethe.put(f"/series/{series}/metadata/my-metadata", content=value) \
            .status_code in (200, 400, 404)  # a name not declared in UserMetadata: 404
    studies = find(lethe, Level="Study", Expand=True, Query={"PatientName": "*"},
                   OrderBy=[{"Type": "DicomTag", "Key": "PatientName", "Direction": "ASC"}])
    assert [s["PatientMainDicomTags"]["PatientName"] for s in studies] == ["BRAINIX", "KNEE"]
    studies = find(lethe, Level="Study", Expand=True, Query={},
                   OrderBy=[{"Type": "DicomTag", "Key": "PatientName", "Direction": "DESC"}])
    assert studies[1]["PatientMainDicomTags"]["PatientName"] == "BRAINIX"
    series = find(lethe, Level="Series", Query={"SeriesDescription": "*"}, OrderBy=[
        {"Type": "DicomTag", "Key": "StudyDate", "Direction": "ASC"},
        {"Type": "DicomTag", "Key": "SeriesTime", "Direction": "ASC"}])
    assert series == [BRAINIX_FLAIR, BRAINIX_EPI, KNEE_T1, KNEE_T2]
    series = find(lethe, Level="Series", Query={}, OrderBy=[
        {"Type": "DicomTag", "Key": "PatientBirthDate", "Direction": "ASC"},
        {"Type": "DicomTag", "Key": "SeriesTime", "Direction": "ASC"}])
    assert series == [BRAINIX_FLAIR, BRAINIX_EPI, KNEE_T1, KNEE_T2]
    series = find(lethe, Level="Series", Query={}, OrderBy=[
        {"Type": "DicomTag", "Key": "BodyPartExamined", "Direction": "ASC"}])
    assert set(series[:2]) == {KNEE_T1, KNEE_T2}  # Brainix has none: last
    instances = find(lethe, Level="Instance", Expand=True, Query={},
                     RequestedTags=["InstanceNumber", "PatientBirthDate"], OrderBy=[
                         {"Type": "DicomTagAsInt", "Key": "InstanceNumber", "Direction": "DESC"},
                         {"Type": "DicomTag", "Key": "PatientBirthDate", "Direction": "ASC"}])
    numbers = [(-int(i["RequestedTags"]["InstanceNumber"]), i["RequestedTags"]["PatientBirthDate"])
               for i in instances]
    assert len(numbers) == 12 and numbers == sorted(numbers)


def test_order_and_filter_on_metadata(make_app):
    lethe = make_app(UserMetadata={"my-metadata": 1025})
    _twelve(lethe)
    values = {KNEE_T2: "kneeT2", KNEE_T1: "kneeT1", BRAINIX_FLAIR: "brainixFlair",
              BRAINIX_EPI: "brainixEpi"}
    for series, value in values.items():
        assert lethe.put(f"/series/{series}/metadata/my-metadata", content=value) \
            .status_code == 200
    order = [{"Type": "Metadata", "Key": "my-metadata", "Direction": "ASC"}]
    assert find(lethe, Level="Series", Query={}, OrderBy=order) == [
        BRAINIX_EPI, BRAINIX_FLAIR, KNEE_T1, KNEE_T2]
    order[0]["Direction"] = "DESC"
    assert find(lethe, Level="Series", Query={}, OrderBy=order) == [
        KNEE_T2, KNEE_T1, BRAINIX_FLAIR, BRAINIX_EPI]
    mixed = [{"Type": "DicomTag", "Key": "PatientName", "Direction": "ASC"},
             {"Type": "Metadata", "Key": "my-metadata", "Direction": "DESC"}]
    assert find(lethe, Level="Series", Query={}, OrderBy=mixed) == [
        BRAINIX_FLAIR, BRAINIX_EPI, KNEE_T2, KNEE_T1]
    body = {"Level": "Series", "Query": {"SeriesDescription": "T*"},
            "MetadataQuery": {"my-metadata": "*2*"}}
    assert find(lethe, **body) == [KNEE_T2]
    assert count(lethe, **body) == 1
    full = find(lethe, Level="Series", Query={"PatientName": "*"},
                RequestedTags=["StudyDate"], MetadataQuery={"my-metadata": "*nee*"},
                OrderBy=[{"Type": "DicomTag", "Key": "SeriesDescription", "Direction": "ASC"}],
                ParentPatient=KNEE_PATIENT,
                ResponseContent=["Parent", "Children", "MainDicomTags", "Metadata"])
    assert [s["ID"] for s in full] == [KNEE_T1, KNEE_T2]
    assert full[0]["ParentStudy"] == KNEE_STUDY and len(full[0]["Instances"]) == 3
    assert full[0]["Metadata"]["my-metadata"] == "kneeT1"
    assert full[0]["RequestedTags"] == {"StudyDate": "20080819"}
    for bad in ([{"Type": "Size", "Key": "x"}], [{"Type": "Metadata"}],
                [{"Type": "DicomTag", "Key": "PatientName", "Direction": "UP"}], {"a": 1}):
        answer = lethe.post("/tools/find", json={"Level": "Series", "Query": {}, "OrderBy": bad})
        assert answer.status_code == 400, bad


def test_parents(twelve):
    """Orthanc's ``test_extended_find_parent``."""
    series = find(twelve, Level="Series", Query={"SeriesDescription": "T*"},
                  ParentStudy=KNEE_STUDY)
    assert sorted(series) == sorted([KNEE_T1, KNEE_T2])
    assert sorted(find(twelve, Level="Series", Query={"SeriesDescription": "T*"},
                       ParentPatient=KNEE_PATIENT)) == sorted([KNEE_T1, KNEE_T2])
    body = {"Level": "Instance", "Query": {"SeriesDescription": "T*"},
            "ParentPatient": KNEE_PATIENT}
    assert len(find(twelve, **body)) == 6
    assert count(twelve, **body) == 6
    assert find(twelve, Level="Instance", Query={}, ParentSeries=KNEE_STUDY) == []
    answer = twelve.post("/tools/find", json={"Level": "Study", "Query": {},
                                              "ParentSeries": KNEE_T1})
    assert answer.status_code == 400 and "ParentSeries" in answer.json()["Details"]


def test_response_content_and_requested_tags(twelve):
    """Orthanc's ``test_extended_find_expand``."""
    body = {"Level": "Series", "Query": {"SeriesDescription": "T*"},
            "RequestedTags": ["StudyDate"]}
    expanded = find(twelve, **body, Expand=True)[0]
    for key in ("ExpectedNumberOfInstances", "ID", "Instances", "Labels", "LastUpdate",
                "MainDicomTags", "ParentStudy", "RequestedTags", "Status", "Type", "IsStable"):
        assert key in expanded
    for key in ("Attachments", "Metadata", "IsProtected"):
        assert key not in expanded
    assert all(isinstance(i, str) for i in find(twelve, **body))  # without Expand: IDs
    only = find(twelve, **body, ResponseContent=["MainDicomTags"])[0]
    assert set(only) == {"ID", "Type", "RequestedTags", "MainDicomTags"}
    instance = find(twelve, Level="Instances", Query={"SeriesDescription": "T*"},
                    ResponseContent=[], RequestedTags=["SOPClassUID"])[0]
    assert set(instance) == {"ID", "Type", "RequestedTags"}
    assert "SOPClassUID" in instance["RequestedTags"]
    attachments = find(twelve, Level="Instances", Query={}, ResponseContent=["Attachments"])
    assert "Uuid" in attachments[0]["Attachments"][0]
    patients = find(twelve, Level="Patients", Query={}, ResponseContent=["IsProtected"])
    assert set(patients[0]) == {"ID", "Type", "IsProtected"}
    studies = find(twelve, Level="Study", Query={"ModalitiesInStudy": "MR"}, Expand=True,
                   RequestedTags=["NumberOfStudyRelatedSeries"])
    assert studies[0]["RequestedTags"]["ModalitiesInStudy"] == "MR"  # from the query
    assert studies[0]["RequestedTags"]["NumberOfStudyRelatedSeries"] == "2"


def test_limits_of_the_configuration(make_app):
    """``LimitFindResults`` and ``LimitFindInstances`` cap ``/tools/find`` (Orthanc
    1.12.11), with or without a larger ``Limit``."""
    lethe = make_app(LimitFindResults=2, LimitFindInstances=5)
    _twelve(lethe)
    assert len(find(lethe, Level="Series", Query={})) == 2
    assert len(find(lethe, Level="Series", Query={}, Limit=3)) == 2
    assert len(find(lethe, Level="Series", Query={}, Limit=1)) == 1
    assert len(find(lethe, Level="Instance", Query={}, Since=2, Limit=20)) == 5
    assert count(lethe, Level="Instance", Query={}) == 12
