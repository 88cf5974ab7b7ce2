"""``/modalities/{m}/move`` as a ``DicomMoveScu`` job, synchronous or not (Orthanc 1.11.1 and
later; Lethe asks Orthanc 1.10.1 to send a study to Lethe)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.network.nodes import Pair, pair
from tests.support.corpus import sample
from tests.support.jobs import wait_for_job

BRAINIX = "Brainix/Flair"
STUDY_UID = "2.16.840.1.113669.632.20.1211.10000357775"
MOVE = {"Level": "Study", "Resources": [{"StudyInstanceUID": STUDY_UID}], "TargetAet": "LETHE"}


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    with pair(tmp_path_factory.mktemp("move-job")) as both:
        with both.orthanc.client() as orthanc:
            for path in sorted(sample(BRAINIX).glob("*.dcm")):
                assert orthanc.post("/instances", content=path.read_bytes()).status_code == 200
        yield both


def _count(client: httpx.Client) -> int:
    return int(client.get("/statistics").json()["CountInstances"])


@pytest.mark.orthanc
def test_synchronous_move_answers_the_job_content(servers: Pair) -> None:
    """Orthanc 1.11.1 made ``/move`` a ``DicomMoveScu`` job (1.10.1 answers ``{}``): its
    synchronous answer is the job's content (``DicomMoveScuJob::GetPublicContent``, the
    query in the ``Short`` format); the instances arrive as with 1.10.1."""
    with servers.lethe.client() as lethe, servers.orthanc.client() as orthanc:
        ours = lethe.post("/modalities/orthanc/move", json=MOVE)
        assert ours.status_code == 200, ours.text
        assert ours.json() == {
            "Description": "REST API", "LocalAet": "LETHE", "RemoteAet": "ORTHANC",
            "TargetAet": "LETHE",
            "Query": [{"0008,0052": "STUDY", "0020,000d": STUDY_UID}]}
        assert _count(lethe) == _count(orthanc)
        assert orthanc.post("/modalities/orthanc/move", json=MOVE).status_code == 200


@pytest.mark.orthanc
def test_asynchronous_move_is_a_job(servers: Pair) -> None:
    with servers.lethe.client() as lethe, servers.orthanc.client() as orthanc:
        for patient in lethe.get("/patients").json():
            lethe.delete(f"/patients/{patient}")
        answer = lethe.post("/modalities/orthanc/move",
                            json={**MOVE, "Asynchronous": True, "Priority": 3})
        assert answer.status_code == 200, answer.text
        assert answer.json()["Path"] == f"/jobs/{answer.json()['ID']}"
        state = wait_for_job(lethe, answer.json()["ID"])
        assert state["State"] == "Success", state
        assert (state["Type"], state["Priority"]) == ("DicomMoveScu", 3)
        assert state["Content"]["TargetAet"] == "LETHE"
        assert _count(lethe) == _count(orthanc)
        failing = lethe.post("/modalities/orthanc/move", json={
            **MOVE, "Synchronous": False, "Resources": [{"StudyInstanceUID": "1.2.3"}]})
        state = wait_for_job(lethe, failing.json()["ID"])
        assert (state["State"], state["ErrorCode"]) == ("Failure", 9)  # NetworkProtocol
        permissive = lethe.post("/modalities/orthanc/move", json={
            **MOVE, "Permissive": True, "Resources": [{"StudyInstanceUID": "1.2.3"}]})
        assert permissive.status_code == 200, permissive.text


@pytest.mark.orthanc
def test_bad_move_bodies(servers: Pair) -> None:
    with servers.lethe.client() as lethe:
        for body in ({**MOVE, "Asynchronous": "yes"}, {**MOVE, "Priority": "high"},
                     {"Level": "Study"}):
            assert lethe.post("/modalities/orthanc/move", json=body).status_code == 400, body
