"""Main tags follow the files: the newest Orthanc's reconstruction after a modification that
writes into resources that already exist, patient renames, and the reconstruct routes."""

from __future__ import annotations

import io

import pydicom
import pytest

from tests.support.corpus import sample
from tests.support.dicomgen import make_file, to_bytes
from tests.support.servers import start_orthanc

PATIENT_TAGS = ("PatientName", "PatientID", "PatientBirthDate", "PatientSex")


def upload(client, data: bytes) -> dict:
    r = client.post("/instances", content=data)
    assert r.status_code == 200, r.text
    return r.json()


def get(client, path: str) -> dict:
    r = client.get(path)
    assert r.status_code == 200, (path, r.text)
    return r.json()


def modify(client, level: str, rid: str, body: dict, status: int = 200) -> dict:
    r = client.post(f"/{level}/{rid}/modify", json=body)
    assert r.status_code == status, r.text
    return r.json()


def described(client, patient_id: str) -> dict:
    """Every main tag that ``client`` shows for a patient and the resources below it."""
    seen = {}
    patient = get(client, f"/patients/{patient_id}")
    seen[patient_id] = patient["MainDicomTags"]
    for study_id in patient["Studies"]:
        study = get(client, f"/studies/{study_id}")
        seen[study_id] = (study["MainDicomTags"], study["PatientMainDicomTags"])
        for series_id in study["Series"]:
            series = get(client, f"/series/{series_id}")
            seen[series_id] = series["MainDicomTags"]
            for instance_id in series["Instances"]:
                seen[instance_id] = get(client, f"/instances/{instance_id}")["MainDicomTags"]
    return seen


def assert_index_describes_files(make_app, client, patient_id: str) -> None:
    """Every MainDicomTags and PatientMainDicomTags field of a patient's resources is what a
    new server indexes from the same files."""
    fresh = make_app()
    for instance in get(client, f"/patients/{patient_id}/instances"):
        upload(fresh, client.get(f"/instances/{instance['ID']}/file").content)
    assert described(client, patient_id) == described(fresh, patient_id)


def patient_with_two_studies(client) -> dict:
    """Patient TEST_1 "Test" with studies 1.2.3 (two series) and 2.3.4 (one series)."""
    common = {"patient_id": "TEST_1", "PatientName": "Test", "PatientBirthDate": "19000101",
              "PatientSex": "M"}
    first = upload(client, make_file(study_uid="1.2.3", series_uid="1.2.3.1", sop_uid="1.2.3.1.1",
                                     StudyDescription="first", **common))
    upload(client, make_file(study_uid="1.2.3", series_uid="1.2.3.2", sop_uid="1.2.3.2.1",
                             StudyDescription="first", **common))
    second = upload(client, make_file(study_uid="2.3.4", series_uid="2.3.4.1",
                                      sop_uid="2.3.4.1.1", StudyDescription="second", **common))
    return {"patient": first["ParentPatient"], "studies": [first["ParentStudy"],
                                                          second["ParentStudy"]]}


def test_an_in_place_study_modification_rebuilds_every_main_tag(make_app):
    lethe = make_app(OverwriteInstances=True)
    a = upload(lethe, make_file(study_uid="1.2.9", series_uid="1.2.9.1", sop_uid="1.2.9.1.1",
                                patient_id="P9", PatientName="Old^Name", StudyDescription="old",
                                AccessionNumber="A1", SeriesDescription="s-old"))
    answer = modify(lethe, "studies", a["ParentStudy"], {
        "Replace": {"StudyInstanceUID": "1.2.9", "StudyDescription": "new",
                    "PatientName": "New^Name", "AccessionNumber": "A2",
                    "SeriesDescription": "s-new"},
        "Keep": ["SeriesInstanceUID", "SOPInstanceUID"], "Force": True})
    assert answer["ID"] == a["ParentStudy"]
    study = get(lethe, f"/studies/{a['ParentStudy']}")
    assert study["MainDicomTags"]["StudyDescription"] == "new"
    assert study["MainDicomTags"]["AccessionNumber"] == "A2"
    assert study["MainDicomTags"]["StudyInstanceUID"] == "1.2.9"
    assert study["PatientMainDicomTags"]["PatientName"] == "New^Name"
    assert study["PatientMainDicomTags"]["PatientID"] == "P9"
    patient = get(lethe, f"/patients/{a['ParentPatient']}")
    assert patient["MainDicomTags"]["PatientName"] == "New^Name"
    series = get(lethe, f"/series/{a['ParentSeries']}")
    assert series["MainDicomTags"]["SeriesDescription"] == "s-new"
    instance = get(lethe, f"/instances/{a['ID']}")
    assert instance["MainDicomTags"]["SOPInstanceUID"] == "1.2.9.1.1"
    assert_index_describes_files(make_app, lethe, a["ParentPatient"])
    # the lookup of identifiers follows the files too
    assert lethe.post("/tools/lookup", content=b"1.2.9").json()[0]["ID"] == a["ParentStudy"]


def test_an_in_place_modification_rebuilds_from_what_its_workers_wrote(make_app, monkeypatch):
    lethe = make_app(OverwriteInstances=True)
    a = upload(lethe, make_file(study_uid="1.2.8", series_uid="1.2.8.1", sop_uid="1.2.8.1.1",
                                patient_id="P8", StudyDescription="old", SeriesDescription="s"))
    store = lethe.app.state.store

    def no_reading(*args, **kwargs):
        raise AssertionError("a file was read again")

    monkeypatch.setattr(store, "read_file", no_reading)
    modify(lethe, "studies", a["ParentStudy"], {
        "Replace": {"StudyInstanceUID": "1.2.8", "StudyDescription": "new",
                    "SeriesDescription": "s-new"},
        "Keep": ["SeriesInstanceUID", "SOPInstanceUID"], "Force": True})
    monkeypatch.undo()
    assert get(lethe, f"/studies/{a['ParentStudy']}")["MainDicomTags"]["StudyDescription"] == "new"
    assert get(lethe, f"/series/{a['ParentSeries']}")["MainDicomTags"]["SeriesDescription"] == \
        "s-new"
    assert_index_describes_files(make_app, lethe, a["ParentPatient"])


def test_a_series_modification_into_the_same_series_rebuilds_its_tags(make_app):
    lethe = make_app()
    a = upload(lethe, make_file(study_uid="1.4", series_uid="1.4.1", SeriesDescription="before"))
    upload(lethe, make_file(study_uid="1.4", series_uid="1.4.1", SeriesDescription="before"))
    answer = modify(lethe, "series", a["ParentSeries"], {
        "Replace": {"SeriesDescription": "TOTO"}, "Keep": ["SeriesInstanceUID"], "Force": True})
    assert answer["ID"] == a["ParentSeries"]
    assert answer["ParentResources"] == [a["ParentSeries"]]
    series = get(lethe, f"/series/{a['ParentSeries']}")
    assert series["MainDicomTags"]["SeriesDescription"] == "TOTO"
    assert len(series["Instances"]) == 4  # the sources are kept (KeepSource defaults to true)
    fresh = make_app()  # what a new server indexes from the modified files alone
    for instance_id in series["Instances"]:
        data = lethe.get(f"/instances/{instance_id}/file").content
        if pydicom.dcmread(io.BytesIO(data)).SeriesDescription == "TOTO":
            upload(fresh, data)
    assert get(fresh, f"/series/{a['ParentSeries']}")["MainDicomTags"] == series["MainDicomTags"]
    assert get(fresh, f"/studies/{a['ParentStudy']}")["MainDicomTags"] == \
        get(lethe, f"/studies/{a['ParentStudy']}")["MainDicomTags"]


def test_a_patient_rename_with_two_studies_renames_the_patient(make_app):
    lethe = make_app()
    ids = patient_with_two_studies(lethe)
    answer = modify(lethe, "patients", ids["patient"], {
        "Replace": {"PatientName": "TOTO"}, "Force": True, "KeepSource": False})
    assert answer["ID"] == ids["patient"]
    patient = get(lethe, f"/patients/{ids['patient']}")
    assert patient["MainDicomTags"]["PatientName"] == "TOTO"
    assert len(patient["Studies"]) == 2
    for study_id in patient["Studies"]:
        study = get(lethe, f"/studies/{study_id}")
        assert study["PatientMainDicomTags"]["PatientName"] == "TOTO"
        assert study_id not in ids["studies"]
    assert_index_describes_files(make_app, lethe, ids["patient"])


@pytest.mark.parametrize("keep", [["StudyInstanceUID", "SeriesInstanceUID"],
                                  ["StudyInstanceUID"]])
def test_a_patient_rename_that_keeps_the_study_uids_rebuilds_the_studies(make_app, keep):
    lethe = make_app()
    ids = patient_with_two_studies(lethe)
    modify(lethe, "patients", ids["patient"], {
        "Replace": {"PatientName": "TOTO"}, "Keep": keep, "Force": True, "KeepSource": False})
    patient = get(lethe, f"/patients/{ids['patient']}")
    assert patient["MainDicomTags"]["PatientName"] == "TOTO"
    assert sorted(patient["Studies"]) == sorted(ids["studies"])
    for study_id in patient["Studies"]:
        study = get(lethe, f"/studies/{study_id}")
        assert study["MainDicomTags"]["StudyInstanceUID"] in ("1.2.3", "2.3.4")
        assert study["PatientMainDicomTags"]["PatientName"] == "TOTO"
    assert_index_describes_files(make_app, lethe, ids["patient"])


def test_a_patient_rename_that_keeps_every_uid(make_app):
    lethe = make_app(OverwriteInstances=True)
    ids = patient_with_two_studies(lethe)
    body = {"Replace": {"PatientName": "TOTO"}, "Force": True,
            "Keep": ["StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID"]}
    refused = modify(lethe, "patients", ids["patient"], {**body, "KeepSource": False}, 400)
    assert "KeepSource" in refused["Details"]
    modify(lethe, "patients", ids["patient"], {**body, "KeepSource": True})
    patient = get(lethe, f"/patients/{ids['patient']}")
    assert patient["MainDicomTags"]["PatientName"] == "TOTO"
    assert sorted(patient["Studies"]) == sorted(ids["studies"])
    for study_id in ids["studies"]:
        assert get(lethe, f"/studies/{study_id}")["PatientMainDicomTags"]["PatientName"] == "TOTO"
    assert get(lethe, "/statistics")["CountInstances"] == 3
    assert_index_describes_files(make_app, lethe, ids["patient"])


def test_a_patient_is_modified_without_a_new_patient_id_only_with_force(lethe):
    ids = patient_with_two_studies(lethe)
    refused = modify(lethe, "patients", ids["patient"], {"Replace": {"PatientName": "X"}}, 400)
    assert "PatientID is required" in refused["Details"]
    modify(lethe, "patients", ids["patient"], {"Replace": {"PatientName": "Other"},
                                               "Force": True})
    patient = get(lethe, f"/patients/{ids['patient']}")
    assert len(patient["Studies"]) == 4  # the new studies join the same patient
    assert patient["MainDicomTags"]["PatientName"] == "Other"


def test_a_study_level_rename_is_refused_while_the_patient_has_other_studies(lethe):
    ids = patient_with_two_studies(lethe)
    refused = modify(lethe, "studies", ids["studies"][0], {
        "Replace": {"PatientName": "TOTO"}, "Force": True, "KeepSource": True}, 400)
    assert refused["Details"].startswith("Trying to change patient tags in a study.")
    assert refused["Details"].endswith("Failing tag: 0010,0010")
    assert get(lethe, f"/patients/{ids['patient']}")["MainDicomTags"]["PatientName"] == "Test"


def test_a_study_moves_to_an_existing_patient_only_when_its_tags_match(lethe):
    ids = patient_with_two_studies(lethe)
    knee = upload(lethe, make_file(patient_id="KNEE", PatientName="Knee", StudyDescription="k"))
    wrong = [({"PatientID": "TEST_1"}, "0010,0010"),
             ({"PatientID": "TEST_1", "PatientName": "Test", "PatientBirthDate": "19000101",
               "PatientSex": "F"}, "0010,0040")]
    for replace, failing in wrong:
        refused = modify(lethe, "studies", knee["ParentStudy"],
                         {"Replace": replace, "Force": True, "KeepSource": False}, 400)
        assert refused["Details"].endswith(f"Failing tag: {failing}"), refused
    refused = modify(lethe, "studies", knee["ParentStudy"], {
        "Replace": {"PatientID": "TEST_1", "PatientName": "Test", "PatientBirthDate": "19000101",
                    "PatientSex": "M", "0010,1000": "TUTU"}, "Force": True}, 400)
    assert "not defined yet in this patient" in refused["Details"]
    moved = modify(lethe, "studies", knee["ParentStudy"], {
        "Replace": {"PatientID": "TEST_1", "PatientName": "Test", "PatientBirthDate": "19000101",
                    "PatientSex": "M"}, "Force": True, "KeepSource": False})
    assert moved["PatientID"] == ids["patient"]
    assert get(lethe, f"/studies/{moved['ID']}")["PatientMainDicomTags"]["PatientName"] == "Test"
    patient = get(lethe, f"/patients/{ids['patient']}")
    assert patient["MainDicomTags"]["PatientName"] == "Test"
    assert len(patient["Studies"]) == 3
    assert lethe.get(f"/patients/{knee['ParentPatient']}").status_code == 404


def test_the_only_study_of_a_patient_renames_the_patient(make_app):
    lethe = make_app()
    knee = upload(lethe, make_file(patient_id="KNEE", PatientName="Knee", StudyDescription="k"))
    moved = modify(lethe, "studies", knee["ParentStudy"], {
        "Replace": {"PatientName": "Test Knee", "StudyDescription": "Knee study"},
        "Keep": ["StudyInstanceUID"], "Force": True, "KeepSource": False})
    assert moved["ID"] == knee["ParentStudy"]
    study = get(lethe, f"/studies/{moved['ID']}")
    assert study["PatientMainDicomTags"]["PatientName"] == "Test Knee"
    assert study["MainDicomTags"]["StudyDescription"] == "Knee study"
    patient = get(lethe, f"/patients/{knee['ParentPatient']}")
    assert patient["MainDicomTags"]["PatientName"] == "Test Knee"
    assert_index_describes_files(make_app, lethe, knee["ParentPatient"])
    renamed = modify(lethe, "studies", knee["ParentStudy"], {
        "Replace": {"PatientName": "Test Knee 2", "PatientID": "TEST_KNEE_2",
                    "StudyDescription": "Knee study 2"},
        "Keep": ["StudyInstanceUID"], "Force": True, "KeepSource": False})
    patient = get(lethe, f"/patients/{renamed['PatientID']}")
    assert patient["MainDicomTags"]["PatientName"] == "Test Knee 2"
    assert lethe.get(f"/patients/{knee['ParentPatient']}").status_code == 404
    assert_index_describes_files(make_app, lethe, renamed["PatientID"])


def test_which_instance_wins_when_a_modification_disagrees_with_its_siblings(lethe):
    """A series-level modification that keeps the study UID and changes a study tag: the
    study's main tags come from the modified series (the newest Orthanc's reconstruction),
    although the other series still says otherwise."""
    a = upload(lethe, make_file(study_uid="1.5", series_uid="1.5.1", StudyDescription="one"))
    upload(lethe, make_file(study_uid="1.5", series_uid="1.5.2", StudyDescription="one"))
    modify(lethe, "series", a["ParentSeries"], {
        "Replace": {"StudyDescription": "two"}, "Force": True, "KeepSource": False})
    assert get(lethe, f"/studies/{a['ParentStudy']}")["MainDicomTags"]["StudyDescription"] == "two"
    # read again from the files: the first series received (now the other one) wins
    assert lethe.post(f"/studies/{a['ParentStudy']}/reconstruct").status_code == 200
    assert get(lethe, f"/studies/{a['ParentStudy']}")["MainDicomTags"]["StudyDescription"] == "one"


def test_a_job_that_creates_new_resources_changes_no_other_resource(lethe):
    a = upload(lethe, make_file(patient_id="P2", PatientName="Keep^Me"))
    anonymized = lethe.post(f"/studies/{a['ParentStudy']}/anonymize", json={}).json()
    assert anonymized["PatientID"] != a["ParentPatient"]
    assert get(lethe, f"/patients/{a['ParentPatient']}")["MainDicomTags"]["PatientName"] == \
        "Keep^Me"


# --- the reconstruct routes ------------------------------------------------------------
def three_instances(client) -> dict:
    """Study 1.6 with series 1.6.1 (instances "a", "c") and 1.6.2 (instance "b"), received
    in the order a, b, c, each with its own StudyDescription and SeriesDescription."""
    answers = {}
    for name, series in (("a", "1.6.1"), ("b", "1.6.2"), ("c", "1.6.1")):
        answers[name] = upload(client, make_file(
            study_uid="1.6", series_uid=series, patient_id="P6", PatientName=f"Name^{name}",
            StudyDescription=f"study {name}", SeriesDescription=f"series {name}"))
    return answers


def study_and_patient(client, answer: dict) -> tuple[str, str, str]:
    study = get(client, f"/studies/{answer['ParentStudy']}")
    return (study["MainDicomTags"]["StudyDescription"],
            study["PatientMainDicomTags"]["PatientName"],
            get(client, f"/patients/{answer['ParentPatient']}")["MainDicomTags"]["PatientName"])


def test_reconstruct_reads_the_files_again(lethe):
    answers = three_instances(lethe)
    study_id = answers["a"]["ParentStudy"]
    assert study_and_patient(lethe, answers["a"]) == ("study a", "Name^a", "Name^a")
    r = lethe.post(f"/studies/{study_id}/reconstruct", json={"LimitToThisLevelMainDicomTags": True})
    assert r.status_code == 200 and r.content == b""
    assert r.headers["content-type"].startswith("text/plain")
    # only the study, from the last instance received of the last series
    assert study_and_patient(lethe, answers["a"]) == ("study b", "Name^b", "Name^a")
    assert lethe.post(f"/series/{answers['c']['ParentSeries']}/reconstruct").status_code == 200
    series = get(lethe, f"/series/{answers['c']['ParentSeries']}")
    assert series["MainDicomTags"]["SeriesDescription"] == "series a"
    assert study_and_patient(lethe, answers["a"]) == ("study a", "Name^a", "Name^a")
    lethe.post(f"/instances/{answers['c']['ID']}/reconstruct", content=b"")
    assert study_and_patient(lethe, answers["a"]) == ("study c", "Name^c", "Name^c")
    assert lethe.post("/tools/reconstruct", content=b"").status_code == 200
    assert study_and_patient(lethe, answers["a"]) == ("study a", "Name^a", "Name^a")


def test_reconstruct_refuses_bad_input(lethe):
    a = upload(lethe, make_file())
    for body, field in (({"ReconstructFiles": "yes"}, "ReconstructFiles"),
                        ({"LimitToThisLevelMainDicomTags": 1}, "LimitToThisLevelMainDicomTags")):
        r = lethe.post(f"/studies/{a['ParentStudy']}/reconstruct", json=body)
        assert r.status_code == 400 and field in r.json()["Details"]
    assert lethe.post(f"/studies/{a['ParentStudy']}/reconstruct", content=b"{").status_code == 400
    assert lethe.post("/studies/nothing/reconstruct").status_code == 404
    assert lethe.post(f"/series/{a['ParentStudy']}/reconstruct").status_code == 404
    assert lethe.post("/tools/reconstruct", json=[1]).status_code == 400


def test_reconstruct_files_rewrites_the_attachment_size_and_md5(lethe):
    a = upload(lethe, make_file())
    store = lethe.app.state.store
    before = store.index.attachment(a["ID"])
    path = store.storage.path(before.uuid)
    path.write_bytes(path.read_bytes() + b"\0\0")  # the file changed behind the index
    assert lethe.post(f"/instances/{a['ID']}/reconstruct",
                      json={"ReconstructFiles": False}).status_code == 200
    assert store.index.attachment(a["ID"]) == before
    assert lethe.post(f"/instances/{a['ID']}/reconstruct",
                      json={"ReconstructFiles": True}).status_code == 200
    after = store.index.attachment(a["ID"])
    assert (after.uuid, after.size) == (before.uuid, before.size + 2)
    assert after.md5 != before.md5
    assert get(lethe, f"/instances/{a['ID']}")["FileSize"] == before.size + 2


@pytest.mark.orthanc
def test_reconstruct_chooses_the_instance_orthanc_chooses(orthanc_fresh, lethe):
    with orthanc_fresh.client() as oracle:
        for client in (oracle, lethe):
            answers = three_instances(client)
            client.post(f"/studies/{answers['a']['ParentStudy']}/reconstruct", content=b"")
            study = get(client, f"/studies/{answers['a']['ParentStudy']}")
            series = get(client, f"/series/{answers['c']['ParentSeries']}")
            seen = (study["MainDicomTags"], study["PatientMainDicomTags"],
                    series["MainDicomTags"],
                    get(client, f"/patients/{answers['a']['ParentPatient']}")["MainDicomTags"])
            if client is oracle:
                theirs = seen
        assert seen == theirs


# --- Orthanc 1.10.1 and the files that disagree -----------------------------------------
@pytest.mark.orthanc
def test_without_a_modification_the_first_instance_gives_the_tags_as_in_orthanc(
        orthanc_fresh, lethe):
    """Uploads never rewrite the main tags of a resource that exists (Orthanc 1.10.1 and
    the newest): only modifications and the reconstruct routes do."""
    with orthanc_fresh.client() as oracle:
        for client in (oracle, lethe):
            answers = three_instances(client)
            seen = study_and_patient(client, answers["a"])
            if client is oracle:
                theirs = seen
        assert seen == theirs == ("study a", "Name^a", "Name^a")


def test_a_failed_rebuild_source_is_skipped_when_deleted(lethe):
    a = upload(lethe, make_file())
    store = lethe.app.state.store
    assert store.rebuild_main_tags(["unknown-instance", a["ID"]]) == [a["ID"]]


@pytest.mark.orthanc
def test_private_tags_are_named_by_the_dictionary_as_in_orthanc(tmp_path, make_app):
    dictionary = {"00e1,10c2": ["UI", "PET-CT Multi Modality Name", 1, 1, "ELSCINT1"],
                  "4321,1012": ["LO", "RadioButton3", 1, 1, "RadioLogic"]}
    lethe = make_app(Dictionary=dictionary)
    oracle_server = start_orthanc(tmp_path / "orthanc", {"Dictionary": dictionary})
    try:
        with oracle_server.client() as oracle:
            for name in ("PrivateMDNTags.dcm", "Issue140.dcm"):
                data = sample(name).read_bytes()
                for fmt in ("", "?simplify", "?short"):
                    theirs = get(oracle, f"/instances/{upload(oracle, data)['ID']}/tags{fmt}")
                    ours = get(lethe, f"/instances/{upload(lethe, data)['ID']}/tags{fmt}")
                    assert ours == theirs, (name, fmt)
            simplified = get(lethe, f"/instances/{upload(lethe, data)['ID']}/tags?simplify")
            assert simplified["RadioButton3"] == "jklmopq"
    finally:
        oracle_server.stop()


def test_a_private_tag_of_the_dictionary_is_named_after_a_series_modification(make_app):
    dictionary = {"4321,1012": ["LO", "RadioButton3", 1, 1, "RadioLogic"]}
    lethe = make_app(Dictionary=dictionary)
    ds = pydicom.dcmread(io.BytesIO(make_file()))
    block = ds.private_block(0x4321, "RadioLogic", create=True)
    block.add_new(0x12, "LO", "jklmopq")
    a = upload(lethe, to_bytes(ds))
    target = modify(lethe, "series", a["ParentSeries"], {
        "Replace": {"RadioButton3": "aaabbbccc"}, "PrivateCreator": "RadioLogic"})
    instance = get(lethe, f"/series/{target['ID']}/instances")[0]["ID"]
    tag = get(lethe, f"/instances/{instance}/tags")["4321,1012"]
    assert tag == {"Name": "RadioButton3", "PrivateCreator": "RadioLogic", "Type": "String",
                   "Value": "aaabbbccc"}
    # without the entry, the tag keeps DCMTK's name for that creator (none here)
    plain = make_app()
    b = upload(plain, to_bytes(ds))
    assert get(plain, f"/instances/{b['ID']}/tags")["4321,1012"]["Name"] == "Unknown Tag & Data"


@pytest.mark.orthanc
def test_without_the_private_dictionary_private_tags_are_unknown_as_in_orthanc(tmp_path,
                                                                            make_app):
    options = {"LoadPrivateDictionary": False,
               "Dictionary": {"4321,1012": ["LO", "RadioButton3", 1, 1, "RadioLogic"]}}
    lethe = make_app(**options)
    oracle_server = start_orthanc(tmp_path / "orthanc", options)
    try:
        with oracle_server.client() as oracle:
            for name in ("PrivateMDNTags.dcm", "Issue140.dcm", "Issue124.dcm",
                         "TransferSyntaxes/1.2.840.10008.1.2.4.91.dcm"):
                data = sample(name).read_bytes()
                for fmt in ("", "?simplify"):
                    theirs = get(oracle, f"/instances/{upload(oracle, data)['ID']}/tags{fmt}")
                    ours = get(lethe, f"/instances/{upload(lethe, data)['ID']}/tags{fmt}")
                    assert ours == theirs, (name, fmt)
                    if fmt == "":  # only the Dictionary's entry names a private tag
                        named = [k for k, v in ours.items() if "PrivateCreator" in v
                                 and v["Name"] != "Unknown Tag & Data"]
                        assert named == (["4321,1012"] if name == "Issue140.dcm" else []), name
    finally:
        oracle_server.stop()
