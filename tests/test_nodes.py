"""Jobs that survive their server, and several nodes on one PostgreSQL index, as a user runs
them: real ``lethe serve`` processes on free loopback ports, killed with SIGKILL.

- One node (SQLite) killed in the middle of a 400-instance study anonymization and started
  again: the job resumes under its ID and finishes; no instance is produced twice, nothing
  is left over.
- Two nodes on one PostgreSQL index and one storage folder: uploads through both give the
  same IDs and one change log, one ``Anonymized<N>`` counter and one job list; an action
  asked on one node reaches the node that runs the job; node A killed in the middle of a
  job, node B takes it over and finishes it.
"""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pydicom
import pytest

from lethe.config import config_from_dict
from lethe.store.store import Store
from tests.robustness.consistency import disagreements, lethe_check, temporary_files
from tests.robustness.test_crash_safety import check_acknowledged, kill
from tests.support.dicomgen import make_file
from tests.support.postgres import PostgresServer
from tests.support.servers import ServerProcess, start_lethe

STUDY_SIZE = 400
BASE = {"WorkerProcesses": 1}


def wait_for(what: str, probe: Callable[[], object], timeout: float = 60.0) -> object:
    """The first true answer of ``probe``, asked every 50 ms; fails after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        answer = probe()
        if answer:
            return answer
        time.sleep(0.05)
    raise AssertionError(f"{what}: not within {timeout} s")


def job_of(server: ServerProcess, job_id: str) -> dict:
    with server.client() as client:
        answer = client.get(f"/jobs/{job_id}")
        assert answer.status_code == 200, answer.text
        return answer.json()


def ended(server: ServerProcess, job_id: str) -> dict | None:
    state = job_of(server, job_id)
    return state if state["State"] in ("Success", "Failure") else None


def upload_study(servers: list[ServerProcess], size: int = STUDY_SIZE) -> dict[str, bytes]:
    """A study of ``size`` instances in two series, sent by four threads spread over
    ``servers``; instance ID -> bytes."""
    files = [make_file(patient_id="NODES", study_uid="1.2.826.0.1.3680043.10.9",
                       series_uid=f"1.2.826.0.1.3680043.10.9.{n % 2}",
                       sop_uid=f"1.2.826.0.1.3680043.10.9.{n % 2}.{n}", InstanceNumber=n)
             for n in range(size)]
    stored: dict[str, bytes] = {}

    def send(server: ServerProcess, chunk: list[bytes]) -> None:
        with server.client() as client:
            for data in chunk:
                answer = client.post("/instances", content=data)
                assert answer.status_code == 200, answer.text
                stored[answer.json()["ID"]] = data

    threads = [threading.Thread(target=send, args=(servers[n % len(servers)], files[n::4]))
               for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(stored) == size
    return stored


def start_anonymization(server: ServerProcess) -> dict:
    """An asynchronous anonymization of the server's only study, with UserData."""
    with server.client() as client:
        study = client.get("/studies").json()[0]
        answer = client.post(f"/studies/{study}/anonymize",
                             json={"Asynchronous": True, "UserData": {"run": 1}})
        assert answer.status_code == 200, answer.text
        return answer.json()


def caught_midway(server: ServerProcess, job_id: str) -> dict:
    """The job's description once it is between 20 and 70 % done."""
    def probe() -> dict | None:
        state = job_of(server, job_id)
        assert state["State"] in ("Pending", "Running"), state
        return state if 20 <= state["Progress"] <= 70 else None
    return wait_for("the job half-way", probe, timeout=60)  # type: ignore[return-value]


def check_outputs(server: ServerProcess, job: dict, sources: dict[str, bytes]) -> None:
    """Every source is there, and the job's new study holds one output per source."""
    check_acknowledged(server, sources)
    with server.client() as client:
        study = job["Content"]["ID"]
        assert len(client.get(f"/studies/{study}/instances").json()) == len(sources)
        assert len(client.get("/instances").json()) == 2 * len(sources)


def check_steps(config: dict, job_id: str, produced: int) -> None:
    """With every server stopped: the store agrees with itself, no output is pending, and
    the job's saved steps produced each instance once."""
    reader = Store.open_for_reading(config_from_dict(config))
    try:
        assert reader.check() == (set(), set())
        assert reader.pending_outputs() == []
        outputs = [tuple(ids) for text in reader.jobs.steps(job_id)
                   for ids in json.loads(text)["outputs"]]
    finally:
        reader.close()
    assert len(outputs) == produced and len(set(outputs)) == produced


# --- one node, SQLite ----------------------------------------------------------
def test_a_job_resumes_after_its_server_was_killed(tmp_path: Path):
    server = start_lethe(tmp_path, BASE)
    sources = upload_study([server])
    job = start_anonymization(server)
    before = caught_midway(server, job["ID"])
    kill(server)

    server = start_lethe(tmp_path, BASE)
    try:
        after = wait_for("the resumed job's end", lambda: ended(server, job["ID"]))
        assert isinstance(after, dict) and after["State"] == "Success", after
        assert after["CreationTime"] == before["CreationTime"]
        assert after["UserData"] == {"run": 1}
        check_outputs(server, after, sources)
        with server.client() as client:
            assert disagreements(client, tmp_path / "storage") == []
        assert temporary_files(tmp_path / "storage") == []
    finally:
        server.stop()
    check = lethe_check(tmp_path / "lethe.json")
    assert check.returncode == 0 and "outputs of unfinished jobs: 0" in check.stdout, check.stdout
    check_steps({"StorageDirectory": str(tmp_path / "storage")}, job["ID"], STUDY_SIZE)


# --- two nodes, PostgreSQL -------------------------------------------------------
@pytest.fixture
def shared(tmp_path: Path, postgres_server: PostgresServer,
           postgres_database: str) -> dict:
    """The configuration that nodes share: one storage folder, one PostgreSQL index."""
    section = postgres_server.section(postgres_database, Lock=False)
    return {**BASE, "StorageDirectory": str(tmp_path / "shared"), "PostgreSQL": section}


@pytest.fixture
def two_nodes(tmp_path: Path, shared: dict) -> Iterator[list[ServerProcess]]:
    nodes = [start_lethe(tmp_path / name, shared) for name in ("a", "b")]
    yield nodes
    for node in nodes:
        node.stop()


def anonymized_name(server: ServerProcess, instance: str) -> str:
    with server.client() as client:
        answer = client.post(f"/instances/{instance}/anonymize", json={})
        assert answer.status_code == 200, answer.text
    return str(pydicom.dcmread(io.BytesIO(answer.content)).PatientName)


def test_nodes_share_ids_changes_counter_and_jobs(two_nodes: list[ServerProcess]):
    a, b = two_nodes
    sources = upload_study([a, b])
    with a.client() as on_a, b.client() as on_b:
        assert set(on_a.get("/instances").json()) == set(on_b.get("/instances").json()) \
            == set(sources)
        changes = on_a.get("/changes", params={"limit": 10000}).json()
        assert changes == on_b.get("/changes", params={"limit": 10000}).json()
        numbers = [change["Seq"] for change in changes["Changes"]]
        assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
        assert sum(c["ChangeType"] == "NewInstance" for c in changes["Changes"]) == STUDY_SIZE
    instance = next(iter(sources))
    names = {anonymized_name(a, instance), anonymized_name(b, instance)}
    assert len(names) == 2 and all(name.startswith("Anonymized") for name in names)

    job = start_anonymization(a)  # runs on A; paused and resumed through B
    with b.client() as on_b:
        assert job["ID"] in on_b.get("/jobs").json()
        assert on_b.post(f"/jobs/{job['ID']}/pause").status_code == 200
    paused = wait_for("the job paused", lambda: job_of(a, job["ID"])["State"] == "Paused",
                      timeout=20)
    assert paused and job_of(b, job["ID"])["State"] == "Paused"
    with b.client() as on_b:
        assert on_b.post(f"/jobs/{job['ID']}/resume").status_code == 200
    done = wait_for("the job's end", lambda: ended(b, job["ID"]))
    assert isinstance(done, dict) and done["State"] == "Success", done
    with b.client() as on_b:
        assert on_b.delete(f"/jobs/{job['ID']}").status_code == 200
    wait_for("the job forgotten by A", lambda: job["ID"] not in job_ids(a), timeout=10)


def job_ids(server: ServerProcess) -> list[str]:
    with server.client() as client:
        return client.get("/jobs").json()


def test_a_node_takes_over_the_job_of_a_node_that_died(tmp_path: Path, shared: dict):
    a = start_lethe(tmp_path / "a", shared)
    b = start_lethe(tmp_path / "b", shared)
    try:
        sources = upload_study([a, b])
        job = start_anonymization(a)
        assert job["ID"] in job_ids(b)
        before = caught_midway(a, job["ID"])
        kill(a)
        after = wait_for("the job finished by B", lambda: ended(b, job["ID"]), timeout=60)
        assert isinstance(after, dict) and after["State"] == "Success", after
        assert after["CreationTime"] == before["CreationTime"]
        assert after["UserData"] == {"run": 1}
        check_outputs(b, after, sources)
        with b.client() as client:
            assert disagreements(client, Path(shared["StorageDirectory"])) == []
        check = lethe_check(b.workdir / "lethe.json")
        assert check.returncode == 0 and "outputs of unfinished jobs: 0" in check.stdout, \
            check.stdout
    finally:
        a.stop()
        b.stop()
    assert temporary_files(Path(shared["StorageDirectory"])) == []
    check_steps(shared, job["ID"], STUDY_SIZE)
