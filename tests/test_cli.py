"""``lethe serve`` and ``lethe check`` as a user runs them: one owner per storage, a check
that only reads beside a running server, and a port in use reported in one line."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from lethe.store.lock import LOCK_FILE
from tests.robustness.consistency import disagreements
from tests.support.dicomgen import make_file
from tests.support.servers import ServerProcess, free_port, start_lethe

CONFIG = {"WorkerProcesses": 1, "StableAge": 3600}  # no Stable* change logged meanwhile
INSTANCES = 50
LETHE = Path(sys.executable).with_name("lethe")


def lethe(*args: str) -> subprocess.CompletedProcess:
    """Run the ``lethe`` command to its end."""
    return subprocess.run([str(LETHE), *args], capture_output=True, text=True, timeout=120)


def output_lines(result: subprocess.CompletedProcess) -> list[str]:
    return (result.stdout + result.stderr).strip().splitlines()


def plant(storage: Path, name: str, age: float = 0.0) -> Path:
    """A file in a storage area, as a write in flight leaves it; ``age`` seconds old."""
    path = storage / name[:2] / name[2:4] / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(make_file())
    if age:
        moment = time.time() - age
        os.utime(path, (moment, moment))
    return path


def files_of(storage: Path) -> dict[str, tuple[int, int]]:
    """Every file of a storage area (the index and the lock aside): size and mtime."""
    return {str(p.relative_to(storage)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in storage.glob("??/??/*") if p.is_file()}


def index_rows(storage: Path) -> list[str]:
    """The content of an SQLite index, as SQL."""
    with contextlib.closing(sqlite3.connect(storage / "index.sqlite")) as conn:
        return list(conn.iterdump())


def config_beside(server: ServerProcess, name: str, **changes: object) -> Path:
    """A configuration file like ``server``'s (same storage), with ``changes``."""
    config = json.loads((server.workdir / "lethe.json").read_text())
    config.update(changes)
    path = server.workdir / name
    path.write_text(json.dumps(config))
    return path


def wait_for_job(server: ServerProcess, job_id: str) -> dict:
    with server.client() as client:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            state = client.get(f"/jobs/{job_id}").json()
            if state["State"] not in ("Pending", "Running"):
                return state
            time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not end")


@pytest.fixture(scope="module")
def owner(tmp_path_factory) -> ServerProcess:
    """A running server holding one study of INSTANCES instances."""
    server = start_lethe(tmp_path_factory.mktemp("owner"), CONFIG)
    with server.client() as client:
        for number in range(INSTANCES):
            answer = client.post("/instances", content=make_file(
                patient_id="OWNER", study_uid="1.2.826.0.1.3680043.10.9",
                series_uid="1.2.826.0.1.3680043.10.9.1",
                sop_uid=f"1.2.826.0.1.3680043.10.9.1.{number}", InstanceNumber=number))
            assert answer.status_code == 200, answer.text
    yield server
    server.stop()


def test_a_second_server_on_the_same_storage_is_refused(owner):
    storage = owner.workdir / "storage"
    in_flight = [plant(storage, f"{uuid.uuid4()}.tmp"), plant(storage, str(uuid.uuid4()))]
    before = files_of(storage)
    second = subprocess.Popen(
        [str(LETHE), "serve", "--config",
         str(config_beside(owner, "second.json", HttpPort=free_port()))],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    # Anonymize the study again and again for as long as the second server tries to start
    # (an anonymization of 50 instances takes a fraction of its start-up).
    states = []
    with owner.client() as client:
        study = client.get("/studies").json()[0]
        while second.poll() is None or not states:
            job = client.post(f"/studies/{study}/anonymize", json={"Asynchronous": True})
            states.append(wait_for_job(owner, job.json()["ID"]))
    lines = second.communicate(timeout=60)[0].strip().splitlines()

    assert second.returncode != 0
    assert len(lines) == 1, lines
    assert str(storage) in lines[0] and f"process {owner.process.pid}" in lines[0], lines
    assert "listening" not in lines[0]
    assert [state["State"] for state in states] == ["Success"] * len(states), states
    assert set(before) <= set(files_of(storage))  # nothing removed, in flight or not
    for path in in_flight:
        path.unlink()
    with owner.client() as client:
        assert len(client.get("/instances").json()) == (1 + len(states)) * INSTANCES
        assert disagreements(client, storage) == []


def test_check_beside_a_running_server_changes_nothing(owner):
    storage = owner.workdir / "storage"
    config = str(owner.workdir / "lethe.json")
    planted = [plant(storage, f"{uuid.uuid4()}.tmp"), plant(storage, str(uuid.uuid4())),
               plant(storage, str(uuid.uuid4()), age=3600)]
    files, rows = files_of(storage), index_rows(storage)

    check = lethe("check", "--config", config)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "files without index rows: 1" in check.stdout  # the recent one is not counted
    assert f"file without index row: {planted[2].name}" in check.stdout
    assert "index rows without files: 0" in check.stdout
    assert "temporary files: 1" in check.stdout
    assert "Nothing was changed" in check.stdout
    assert files_of(storage) == files and index_rows(storage) == rows

    repair = lethe("check", "--repair", "--config", config)
    assert repair.returncode == 1
    lines = output_lines(repair)
    assert len(lines) == 1, lines
    assert "refused" in lines[0] and str(storage) in lines[0], lines
    assert f"process {owner.process.pid}" in lines[0], lines
    assert files_of(storage) == files and index_rows(storage) == rows
    for path in planted:
        path.unlink()


def test_check_repair_once_the_server_is_stopped(tmp_path):
    server = start_lethe(tmp_path, CONFIG)
    with server.client() as client:
        kept = client.post("/instances", content=make_file()).json()["ID"]
    server.stop()
    storage = tmp_path / "storage"
    orphan, temporary = plant(storage, str(uuid.uuid4())), plant(storage, f"{uuid.uuid4()}.tmp")

    repair = lethe("check", "--repair", "--config", str(tmp_path / "lethe.json"))
    assert repair.returncode == 0, repair.stdout + repair.stderr
    assert "files without index rows: 0" in repair.stdout
    assert "temporary files: 0" in repair.stdout
    assert "removed 1 files that no index row refers to" in repair.stderr
    assert not orphan.exists() and not temporary.exists()
    assert (storage / LOCK_FILE).exists()  # the lock file stays; its lock went with the process
    server = start_lethe(tmp_path, CONFIG)
    try:
        with server.client() as client:
            assert client.get("/instances").json() == [kept]
    finally:
        server.stop()


def test_a_port_in_use_is_one_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        config = tmp_path / "lethe.json"
        config.write_text(json.dumps({"StorageDirectory": str(tmp_path / "storage"),
                                      "HttpPort": port, "HttpBindAddress": "127.0.0.1"}))
        result = lethe("serve", "--config", str(config))
    assert result.returncode != 0
    assert output_lines(result) == [f"lethe: port {port} is already in use (HttpPort)"]
    assert not (tmp_path / "storage").exists()  # neither the storage nor its lock touched
