"""Concurrency soak, short form (the long form is ``tools/soak.py``): eight client threads
upload, read, modify and anonymize (instance routes and series jobs), find and delete at
once against a real server; afterwards nothing acknowledged is lost and the index and the
storage area agree exactly (see ``tests/robustness/soak.py``)."""

from __future__ import annotations

import time

import pytest

from tests.robustness.consistency import disagreements
from tests.robustness.soak import run_soak, verify
from tests.support.dicomgen import make_file
from tests.support.servers import start_lethe

THREADS = 8
DURATION = 15.0
ORPHAN = "belongs to no instance"


@pytest.fixture(scope="module")
def soaked(tmp_path_factory):
    """(operations done, problems found) after the soak."""
    workdir = tmp_path_factory.mktemp("soak")
    server = start_lethe(workdir, {"WorkerProcesses": 2, "ConcurrentJobs": 2})
    try:
        clients = run_soak(server.url, THREADS, DURATION)
        assert server.process.poll() is None, "the server died"
        return clients[0].state.operations, verify(server.url, workdir / "storage", clients)
    finally:
        server.stop()


def test_soak_loses_nothing(soaked):
    operations, problems = soaked
    assert [p for p in problems if ORPHAN not in p] == []
    assert sum(operations.values()) > 300, operations
    assert all(operations[name] > 0 for name in (
        "upload", "read", "modify_instance", "anonymize_instance", "modify_series",
        "anonymize_series", "delete_instance", "delete_output", "find")), operations


def test_soak_leaves_no_orphan_file(soaked):
    _, problems = soaked
    assert [p for p in problems if ORPHAN in p] == []


def test_sources_deleted_during_a_job_leave_no_orphan_file(tmp_path):
    server = start_lethe(tmp_path, {"WorkerProcesses": 2})
    try:
        with server.client() as client:
            for trial in range(15):  # a race: each trial loses it with a fair chance
                uid = f"1.2.826.0.1.3680043.10.5.{trial}"
                for n in range(40):
                    answer = client.post("/instances", content=make_file(
                        study_uid=uid, series_uid=f"{uid}.1", sop_uid=f"{uid}.1.{n}"))
                series = answer.json()["ParentSeries"]
                job = client.post(f"/series/{series}/modify", json={
                    "Replace": {"SeriesDescription": "x"}, "Asynchronous": True}).json()["ID"]
                while client.get(f"/jobs/{job}").json()["Progress"] < 10:
                    time.sleep(0.002)
                for instance in client.get(f"/series/{series}").json()["Instances"][3:]:
                    client.delete(f"/instances/{instance}")
                while client.get(f"/jobs/{job}").json()["State"] in ("Pending", "Running"):
                    time.sleep(0.01)
                assert disagreements(client, tmp_path / "storage") == [], f"trial {trial}"
    finally:
        server.stop()
