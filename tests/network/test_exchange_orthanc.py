"""Lethe and Orthanc 1.10.1 talking DICOM to each other through their REST APIs: C-ECHO,
C-STORE (synchronous, as a job, straight), C-MOVE both ways, C-GET, the ``/queries`` tree,
and a study anonymized then sent."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.network.nodes import Node, Pair, pair
from tests.support.corpus import sample

BRAINIX = "Brainix/Flair"
KNEE = "Knee/T1"


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    with pair(tmp_path_factory.mktemp("exchange")) as both:
        yield both


def _upload(node: Node, folder: str) -> str:
    """Upload a sample series; its study's Orthanc ID."""
    with node.client() as client:
        for path in sorted(sample(folder).glob("*.dcm")):
            answer = client.post("/instances", content=path.read_bytes())
            assert answer.status_code == 200, answer.text
        return answer.json()["ParentStudy"]


def _instances_of(node: Node, study: str) -> set[str]:
    with node.client() as client:
        answer = client.get(f"/studies/{study}/instances")
        return {i["ID"] for i in answer.json()} if answer.status_code == 200 else set()


def _clear(*nodes: Node) -> None:
    for node in nodes:
        with node.client() as client:
            for patient in client.get("/patients").json():
                client.delete(f"/patients/{patient}")


@pytest.mark.orthanc
def test_echo_both_ways(servers: Pair) -> None:
    with servers.lethe.client() as lethe, servers.orthanc.client() as orthanc:
        assert lethe.post("/modalities/orthanc/echo", json={}).json() == {}
        assert lethe.post("/modalities/orthanc/echo", content=b"").status_code == 200
        assert lethe.post("/modalities/orthanc/echo",
                          json={"CheckFind": True}).status_code == 200
        assert orthanc.post("/modalities/lethe/echo", json={}).status_code == 200
        tool = lethe.post("/tools/dicom-echo", json={"AET": "ORTHANC", "Host": "127.0.0.1",
                                                     "Port": servers.orthanc.port})
        assert tool.status_code == 200


@pytest.mark.orthanc
def test_store_both_ways(servers: Pair) -> None:
    _clear(servers.lethe, servers.orthanc)
    study = _upload(servers.lethe, BRAINIX)
    with servers.lethe.client() as lethe, servers.orthanc.client() as orthanc:
        ours = lethe.post("/modalities/orthanc/store", json={"Resources": [study]})
        assert ours.status_code == 200, ours.text
        assert _instances_of(servers.orthanc, study) == _instances_of(servers.lethe, study)
        # the other way, to compare the answers
        _clear(servers.lethe)
        theirs = orthanc.post("/modalities/lethe/store", json={"Resources": [study]})
        assert theirs.status_code == 200, theirs.text
        assert _instances_of(servers.lethe, study) == _instances_of(servers.orthanc, study)
        assert ours.json() == {**theirs.json(), "LocalAet": "LETHE", "RemoteAet": "ORTHANC"}
        assert ours.json()["InstancesCount"] == len(list(sample(BRAINIX).glob("*.dcm")))
        instance = sorted(_instances_of(servers.lethe, study))[0]
        origin = lethe.get(f"/instances/{instance}/metadata?expand").json()
        assert origin["RemoteAET"] == "ORTHANC" and origin["CalledAET"] == "LETHE"


@pytest.mark.orthanc
def test_store_as_a_job_and_bodies(servers: Pair) -> None:
    _clear(servers.lethe, servers.orthanc)
    study = _upload(servers.lethe, KNEE)
    with servers.lethe.client() as lethe:
        job = lethe.post("/modalities/orthanc/store",
                         json={"Resources": [study], "Synchronous": False,
                               "MoveOriginatorAet": "SOMEONE", "MoveOriginatorID": 7}).json()
        for _ in range(100):
            state = lethe.get(f"/jobs/{job['ID']}").json()
            if state["State"] in ("Success", "Failure"):
                break
            time.sleep(0.1)
        assert state["State"] == "Success" and state["Type"] == "DicomModalityStore", state
        assert state["Content"]["MoveOriginatorAET"] == "SOMEONE"
        assert state["Content"]["MoveOriginatorID"] == 7
        assert _instances_of(servers.orthanc, study) == _instances_of(servers.lethe, study)
        one = sorted(_instances_of(servers.lethe, study))[0]
        assert lethe.post("/modalities/orthanc/store", content=one).status_code == 200
        assert lethe.post("/modalities/orthanc/store", json=one).status_code == 200
        for body, status in (({"Resources": ["nope"]}, 400), ({"Resource": []}, 400),
                             ({"Resources": ["0" * 8 + "-00000000" * 4]}, 404), (3, 400)):
            assert lethe.post("/modalities/orthanc/store", json=body).status_code == status, body


@pytest.mark.orthanc
def test_store_straight(servers: Pair) -> None:
    path = sample("TransferSyntaxes/1.2.840.10008.1.2.4.50.dcm")
    with servers.lethe.client() as lethe, servers.orthanc.client() as orthanc:
        ours = lethe.post("/modalities/orthanc/store-straight", content=path.read_bytes())
        assert ours.status_code == 200, ours.text
        theirs = orthanc.post("/modalities/orthanc/store-straight", content=path.read_bytes())
        assert ours.json() == theirs.json()
        assert lethe.get("/statistics").json()["CountInstances"] >= 0


@pytest.mark.orthanc
def test_move_both_ways(servers: Pair) -> None:
    _clear(servers.lethe, servers.orthanc)
    study = _upload(servers.orthanc, BRAINIX)
    uid = "2.16.840.1.113669.632.20.1211.10000357775"
    body = {"Level": "Study", "Resources": [{"StudyInstanceUID": uid}]}
    with servers.lethe.client() as lethe, servers.orthanc.client() as orthanc:
        answer = lethe.post("/modalities/orthanc/move", json={**body, "TargetAet": "LETHE"})
        assert answer.status_code == 200, answer.text
        assert answer.json()["TargetAet"] == "LETHE"  # a DicomMoveScu job's content
        assert _instances_of(servers.lethe, study) == _instances_of(servers.orthanc, study)
        orthanc.delete(f"/studies/{study}")
        answer = orthanc.post("/modalities/lethe/move", json={**body, "TargetAet": "ORTHANC"})
        assert answer.status_code == 200, answer.text  # Lethe, C-MOVE SCP, sent it back
        assert _instances_of(servers.orthanc, study) == _instances_of(servers.lethe, study)
        failed = lethe.post("/modalities/orthanc/move", json={
            "Level": "Study", "Resources": [{"StudyInstanceUID": "1.2.3"}]})
        assert failed.status_code == 500


@pytest.mark.orthanc
def test_get_from_orthanc(servers: Pair) -> None:
    _clear(servers.lethe, servers.orthanc)
    study = _upload(servers.orthanc, KNEE)
    with servers.lethe.client() as lethe, servers.orthanc.client() as orthanc:
        uid = orthanc.get(f"/studies/{study}").json()["MainDicomTags"]["StudyInstanceUID"]
        # Knee is JPEG 2000, which Orthanc 1.10.1 cannot transcode: naming the SOP class
        # lets Lethe propose each compressed syntax in a context of its own.
        answer = lethe.post("/modalities/orthanc/get", json={
            "Level": "Study", "Resources": [{
                "StudyInstanceUID": uid, "SOPClassesInStudy": "1.2.840.10008.5.1.4.1.1.4"}]})
        assert answer.status_code == 200, answer.text
    assert _instances_of(servers.lethe, study) == _instances_of(servers.orthanc, study)


@pytest.mark.orthanc
def test_queries_tree_as_orthanc(servers: Pair) -> None:
    """Lethe and Orthanc both query Orthanc: the same answers, in the same JSON."""
    _clear(servers.lethe, servers.orthanc)
    _upload(servers.orthanc, BRAINIX)
    _upload(servers.orthanc, KNEE)
    query = {"Level": "Study", "Query": {"PatientName": "*", "StudyDescription": "",
                                         "ModalitiesInStudy": ""}}
    with servers.lethe.client() as lethe, servers.orthanc.client() as orthanc:
        ids = {}
        for name, client in (("lethe", lethe), ("orthanc", orthanc)):
            answer = client.post("/modalities/orthanc/query", json=query)
            assert answer.status_code == 200, answer.text
            ids[name] = answer.json()["ID"]
            assert answer.json()["Path"] == f"/queries/{ids[name]}"
        for suffix in ("", "/answers", "/answers?expand", "/answers?expand&simplify",
                       "/answers/0", "/answers/0/content", "/answers/1/content?short",
                       "/level", "/modality", "/query", "/query?simplify"):
            ours = lethe.get(f"/queries/{ids['lethe']}{suffix}")
            theirs = orthanc.get(f"/queries/{ids['orthanc']}{suffix}")
            assert ours.status_code == theirs.status_code, suffix
            assert _body(ours) == _body(theirs), suffix
        assert ids["lethe"] in lethe.get("/queries").json()
        assert lethe.get("/queries/nope/answers").status_code == 404
        assert lethe.get(f"/queries/{ids['lethe']}/answers/9/content").status_code == 404
        children = lethe.post(f"/queries/{ids['lethe']}/answers/0/query-series", json={})
        assert children.status_code == 200, children.text
        series = lethe.get(f"/queries/{children.json()['ID']}/answers?expand&simplify").json()
        assert series and all(s["QueryRetrieveLevel"] == "SERIES" for s in series)
        assert lethe.post(f"/queries/{children.json()['ID']}/answers/0/query-studies",
                          json={}).status_code == 404
        retrieved = lethe.post(f"/queries/{ids['lethe']}/retrieve", json={})
        assert retrieved.status_code == 200, retrieved.text
        assert retrieved.json()["RemoteAet"] == "ORTHANC"
        assert retrieved.json()["TargetAet"] == "LETHE"
        assert len(retrieved.json()["Query"]) == 2
        assert lethe.get("/statistics").json()["CountInstances"] == \
            orthanc.get("/statistics").json()["CountInstances"]
        assert lethe.delete(f"/queries/{ids['lethe']}").status_code == 200
        assert lethe.get(f"/queries/{ids['lethe']}").status_code == 404


def _body(answer) -> object:
    return answer.json() if "json" in answer.headers.get("content-type", "") else answer.text


@pytest.mark.orthanc
def test_anonymize_then_send(servers: Pair) -> None:
    """The job chain of the issue: /studies/{id}/anonymize, then /modalities/{m}/store of
    the new study; Orthanc receives the anonymized study only."""
    _clear(servers.lethe, servers.orthanc)
    study = _upload(servers.lethe, BRAINIX)
    with servers.lethe.client() as lethe, servers.orthanc.client() as orthanc:
        anonymized = lethe.post(f"/studies/{study}/anonymize", json={}).json()
        sent = lethe.post("/modalities/orthanc/store",
                          json={"Resources": [anonymized["ID"]], "Synchronous": False}).json()
        for _ in range(100):
            state = lethe.get(f"/jobs/{sent['ID']}").json()["State"]
            if state in ("Success", "Failure"):
                break
            time.sleep(0.1)
        assert state == "Success"
        received = orthanc.get("/studies?expand").json()
        assert [s["ID"] for s in received] == [anonymized["ID"]]
        names = {s["PatientMainDicomTags"].get("PatientName") for s in received}
        assert "BRAINIX" not in names
        assert len(_instances_of(servers.orthanc, anonymized["ID"])) == \
            len(list(sample(BRAINIX).glob("*.dcm")))


def _report(node: Node, transaction: str) -> dict:
    with node.client() as client:
        for _ in range(100):
            report = client.get(f"/storage-commitment/{transaction}").json()
            if report.get("Status") != "Pending":
                return report
            time.sleep(0.1)
    raise AssertionError(f"storage commitment {transaction} still pending")


def _sorted_report(report: dict) -> dict:
    return {key: sorted(value, key=lambda item: item["SOPInstanceUID"])
            if isinstance(value, list) else value for key, value in report.items()}


@pytest.mark.orthanc
def test_storage_commitment_both_ways(servers: Pair) -> None:
    """Each asks the other to commit the same instances (one of them unknown): the reports
    are Orthanc's, Lethe acting as SCU, then as SCP."""
    _clear(servers.lethe, servers.orthanc)
    study = _upload(servers.lethe, KNEE)
    _upload(servers.orthanc, KNEE)
    body = {"Resources": [study], "DicomInstances": [["1.2.840.10008.5.1.4.1.1.4", "1.2.3"]]}
    reports = {}
    for node, remote in ((servers.lethe, "orthanc"), (servers.orthanc, "lethe")):
        with node.client() as client:
            answer = client.post(f"/modalities/{remote}/storage-commitment", json=body)
            assert answer.status_code == 200, answer.text
            assert answer.json()["Path"] == f"/storage-commitment/{answer.json()['ID']}"
        reports[node.aet] = _sorted_report(_report(node, answer.json()["ID"]))
    ours, theirs = reports["LETHE"], reports["ORTHANC"]
    assert ours["Status"] == "Failure" and ours["RemoteAET"] == "ORTHANC"
    assert {**ours, "RemoteAET": "LETHE"} == theirs
    assert [f["FailureReason"] for f in ours["Failures"]] == [274]
    assert len(ours["Success"]) == len(list(sample(KNEE).glob("*.dcm")))


@pytest.mark.orthanc
def test_store_with_storage_commitment_then_remove(servers: Pair) -> None:
    _clear(servers.lethe, servers.orthanc)
    study = _upload(servers.lethe, KNEE)
    with servers.lethe.client() as lethe:
        sent = lethe.post("/modalities/orthanc/store",
                          json={"Resources": [study], "StorageCommitment": True})
        assert sent.status_code == 200, sent.text
        transaction = sent.json()["StorageCommitmentTransactionUID"]
        assert _report(servers.lethe, transaction)["Status"] == "Success"
        assert lethe.post(f"/storage-commitment/{transaction}/remove").json() == {}
        assert lethe.get("/instances").json() == []
        assert lethe.get("/storage-commitment/1.2.3").status_code == 404


@pytest.mark.orthanc
def test_orthanc_peers_both_ways(servers: Pair) -> None:
    _clear(servers.lethe, servers.orthanc)
    study = _upload(servers.lethe, KNEE)
    with servers.lethe.client() as lethe, servers.orthanc.client() as orthanc:
        peer = {"lethe": {"Url": servers.lethe.url, "Username": "u", "Password": "p",
                          "HttpHeaders": {"X-Test": "1"}},
                "orthanc": {"Url": servers.orthanc.url, "Username": "u", "Password": "p",
                            "HttpHeaders": {"X-Test": "1"}}}
        for client, name in ((lethe, "orthanc"), (orthanc, "lethe")):
            assert client.put(f"/peers/{name}", json=peer[name]).status_code == 200
        ours = lethe.get("/peers?expand").json()["orthanc"]
        theirs = orthanc.get("/peers?expand").json()["lethe"]
        assert ours == {**theirs, "Url": servers.orthanc.url + "/"}
        assert lethe.get("/peers/orthanc/configuration").json() == ours
        assert lethe.get("/peers/orthanc/system").json() == orthanc.get("/system").json()
        sent = lethe.post("/peers/orthanc/store", json={"Resources": [study], "Compress": True})
        assert sent.status_code == 200, sent.text
        assert _instances_of(servers.orthanc, study) == _instances_of(servers.lethe, study)
        _clear(servers.lethe)
        back = orthanc.post("/peers/lethe/store", json={"Resources": [study], "Compress": True})
        assert back.status_code == 200, back.text
        assert _instances_of(servers.lethe, study) == _instances_of(servers.orthanc, study)
        strip = {"Peer", "Size", "SizeMB"}
        assert {k: v for k, v in sent.json().items() if k not in strip} == \
            {k: v for k, v in back.json().items() if k not in strip}
        data = sample("DummyCT.dcm").read_bytes()
        straight = lethe.post("/peers/orthanc/store-straight", content=data)
        assert straight.status_code == 200, straight.text
        assert straight.json()["ID"] == orthanc.post("/instances", content=data).json()["ID"]
        for client in (lethe, orthanc):
            assert client.get("/peers/nobody/system").status_code == 404
            assert client.delete("/peers/nobody").status_code == 404
        assert lethe.delete("/peers/orthanc").status_code == 200
        orthanc.delete("/peers/lethe")


@pytest.mark.orthanc
def test_legacy_find_routes_as_orthanc(servers: Pair) -> None:
    """The deprecated ``/modalities/{m}/find*``: Lethe and Orthanc ask Orthanc the same."""
    _clear(servers.lethe, servers.orthanc)
    _upload(servers.orthanc, BRAINIX)
    _upload(servers.orthanc, KNEE)
    with servers.lethe.client() as lethe, servers.orthanc.client() as orthanc:
        study = orthanc.get("/studies?expand").json()[0]
        patient_id = study["PatientMainDicomTags"]["PatientID"]
        study_uid = study["MainDicomTags"]["StudyInstanceUID"]
        series_uid = orthanc.get(f"/studies/{study['ID']}/series").json()[0][
            "MainDicomTags"]["SeriesInstanceUID"]
        cases = [("find-patient", {}), ("find-patient", {"PatientName": "K*"}),
                 ("find-study", {"PatientID": patient_id}), ("find-study", {"PatientID": "1"}),
                 ("find-series", {"PatientID": patient_id, "StudyInstanceUID": study_uid}),
                 ("find-instance", {"PatientID": patient_id, "StudyInstanceUID": study_uid,
                                    "SeriesInstanceUID": series_uid}),
                 ("find", {"PatientName": "*"})]
        for route, body in cases:
            ours = lethe.post(f"/modalities/orthanc/{route}", json=body)
            theirs = orthanc.post(f"/modalities/orthanc/{route}", json=body)
            assert ours.status_code == 200, (route, ours.text)
            if theirs.text.strip():  # Orthanc answers nothing when a query is refused
                assert ours.json() == theirs.json(), (route, body)
            else:
                assert ours.json() == [], (route, body)
