"""Saved jobs (``SaveJobs``): the engine's journal in the index, jobs taken back after a
stop or a crash, and the job list shared by nodes (claims, forwarded actions, fencing).

The jobs here are small real jobs that save one step per unit of work in a store
transaction; the nodes are stores on one index, driven by hand (no threads, no timers).
Modification jobs, and real processes killed with SIGKILL, are in ``tests/test_nodes.py``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lethe.config import config_from_dict
from lethe.errors import ErrorCode, LetheError
from lethe.jobs.cluster import JobCluster
from lethe.jobs.engine import JobEngine, UnknownJobError
from lethe.jobs.job import Job, JobControl
from lethe.jobs.persistence import IndexJournal, JobFactories
from lethe.store.storage import FilesystemStorage
from lethe.store.store import Store, open_index

KIND = "Counting"


class CountingJob(Job):
    """Counts from its position to ``total``, saving each number as a step of its own
    (one store transaction each); with a gate, each number waits for a permit."""

    job_type = "Counting"

    def __init__(self, store: Store, total: int, steps: list[dict[str, Any]] | None = None,
                 gated: bool = False) -> None:
        self.store = store
        self.total = total
        self.counted = [step["n"] for step in steps or []]
        self.position = len(self.counted)
        self.permits = threading.Semaphore(0)
        self.gated = gated
        self.fail_next = False

    def run(self, control: JobControl) -> None:
        while self.position < self.total:
            control.checkpoint()
            if self.gated and not self.permits.acquire(timeout=10):
                raise AssertionError("no permit for the next number")
            if self.fail_next:
                raise LetheError(ErrorCode.INTERNAL_ERROR, "this number failed")
            step = control.saved_step(self.position, {"n": self.position})
            self.store.commit_job_outputs([], None, step)
            self.counted.append(self.position)
            self.position += 1
            control.set_progress(self.position / self.total)

    def content(self) -> dict:
        return {"Counted": list(self.counted)}

    def rollback(self) -> None:
        self.counted = []

    def reset(self) -> None:
        self.position, self.counted = 0, []

    def describe_for_resume(self) -> dict[str, Any]:
        return {"Kind": KIND, "Total": self.total}


class PlainJob(CountingJob):
    """The same job, that cannot be rebuilt."""

    job_type = "Plain"

    def describe_for_resume(self) -> None:
        return None


class Node:
    """A store, its journal and its engine: one server of the test."""

    def __init__(self, store: Store, several: bool = False, history: int = 10) -> None:
        self.store = store
        self.rebuilt: list[CountingJob] = []
        factories = JobFactories({KIND: self._rebuild})
        self.journal = IndexJournal(store, factories, several_nodes=several)
        self.engine = JobEngine(1, history, self.journal)
        self.cluster = JobCluster(self.engine, self.journal, store.jobs, timeout=0.3)

    def _rebuild(self, description: dict, steps: list[dict], created: set[str]) -> Job:
        job = CountingJob(self.store, description["Total"], steps)
        self.rebuilt.append(job)
        return job

    def beat(self) -> None:
        self.store.jobs.beat(self.store.node_id, "{}")

    def stop(self) -> None:
        self.engine.shutdown(timeout=5)


def wait_until(probe, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if answer := probe():
            return answer
        time.sleep(0.01)
    raise AssertionError("not within the time allowed")


def steps_saved(store: Store, job_id: str) -> int:
    return len(store.jobs.steps(job_id))


@pytest.fixture
def config(tmp_path: Path):
    return config_from_dict({"StorageDirectory": str(tmp_path / "storage")})


@pytest.fixture
def stores(config) -> Iterator[list[Store]]:
    """Stores opened by the test (closed at its end)."""
    opened: list[Store] = []
    yield opened
    for store in opened:
        store.close()


def reopen(config, stores: list[Store], old: Store | None = None) -> Store:
    """The store of ``config`` opened again as a server opens it (``old`` closed first)."""
    if old is not None:
        old.close()
        stores.remove(old)
    stores.append(Store.open(config))
    return stores[-1]


def second_server(config, stores: list[Store], shared: bool = False) -> Store:
    """Another store on the same index and storage area, beside the first one (as another
    node, or as the server started after a crash while the first one still runs)."""
    stores.append(Store(open_index(config), FilesystemStorage(config.StorageDirectory),
                        config.OverwriteInstances, shared=shared))
    return stores[-1]


def test_a_job_handed_over_at_a_stop_resumes_after_its_last_step(config, stores):
    node = Node(reopen(config, stores))
    job = CountingJob(node.store, 6, gated=True)
    job_id = node.engine.submit(job, priority=4, user_data={"who": "me"})
    created = node.engine.get(job_id)["CreationTime"]
    job.permits.release(2)
    wait_until(lambda: steps_saved(node.store, job_id) == 2)
    stopping = threading.Thread(target=node.stop)
    stopping.start()
    job.permits.release(1)  # the number under way ends, then the job stops at its checkpoint
    stopping.join(10)
    assert job.counted == [0, 1, 2]

    node = Node(reopen(config, stores, node.store))
    assert node.journal.take_back_all(node.engine) == 1
    done = node.engine.wait(job_id, timeout=10)
    assert done == {"Counted": [0, 1, 2, 3, 4, 5]}
    assert node.rebuilt[0].position == 6 and steps_saved(node.store, job_id) == 6
    info = node.engine.get(job_id)
    assert (info["CreationTime"], info["Priority"], info["UserData"], info["State"]) == \
        (created, 4, {"who": "me"}, "Success")
    node.stop()


def test_after_a_crash_the_job_resumes_and_the_old_server_cannot_write(config, stores):
    old = Node(reopen(config, stores))
    job = CountingJob(old.store, 5, gated=True)
    job_id = old.engine.submit(job)
    job.permits.release(2)
    wait_until(lambda: steps_saved(old.store, job_id) == 2)
    # The old server is frozen (as if dead) while a new one starts on the same index.
    new = Node(second_server(config, stores))
    new.journal.take_back_all(new.engine)
    assert new.engine.wait(job_id, timeout=10) == {"Counted": [0, 1, 2, 3, 4]}
    outcome = old.engine.completion(job_id)
    job.permits.release(1)  # the old server wakes up: its next step is refused
    wait_until(lambda: job_id not in old.engine.kept())
    assert job.counted == [0, 1]
    assert "another node took the job over" in str(outcome.exception(timeout=5))
    assert steps_saved(new.store, job_id) == 5
    new.stop()
    old.stop()


def test_a_job_taken_over_is_not_rolled_back_by_its_old_server(config, stores):
    old = Node(reopen(config, stores))
    job = CountingJob(old.store, 4, gated=True)
    job_id = old.engine.submit(job)
    job.permits.release(1)
    wait_until(lambda: steps_saved(old.store, job_id) == 1)
    new = Node(second_server(config, stores))
    new.journal.take_back_all(new.engine)
    outcome = old.engine.completion(job_id)
    job.fail_next = True  # the old server's job fails after the takeover...
    job.permits.release(1)
    assert "another node took the job over" in str(outcome.exception(timeout=5))
    assert job.counted == [0]  # ...and is not rolled back: the job is the new server's
    assert new.engine.wait(job_id, timeout=10) == {"Counted": [0, 1, 2, 3]}
    new.stop()
    old.stop()


def test_a_job_that_cannot_be_rebuilt_fails_after_a_crash(config, stores):
    old = Node(reopen(config, stores))
    job = PlainJob(old.store, 3, gated=True)
    job_id = old.engine.submit(job)
    wait_until(lambda: old.engine.get(job_id)["State"] == "Running")
    new = Node(second_server(config, stores))
    new.journal.take_back_all(new.engine)
    info = new.engine.get(job_id)
    assert info["State"] == "Failure" and info["ErrorCode"] == ErrorCode.CANCELED_JOB.code
    assert "jobs of type Plain cannot be resumed" in info["ErrorDetails"]
    with pytest.raises(Exception, match="cannot be rebuilt"):
        new.engine.resubmit(job_id)
    job.permits.release(3)
    new.stop()
    old.stop()


def test_ended_jobs_are_kept_within_the_history_size(config, stores):
    node = Node(reopen(config, stores), history=2)
    ids = [node.engine.submit(CountingJob(node.store, 1)) for _ in range(3)]
    for job_id in ids:
        node.engine.wait(job_id, timeout=10)
    node.stop()
    node = Node(reopen(config, stores, node.store), history=2)
    node.journal.take_back_all(node.engine)
    assert node.engine.list_ids() == sorted(ids[1:])
    assert node.engine.get(ids[2])["Content"] == {"Counted": [0]}
    row = node.store.jobs.row(ids[2])
    assert row is not None and row.description is None  # a success keeps no description
    node.stop()


def test_a_failed_job_taken_back_can_be_resubmitted(config, stores):
    node = Node(reopen(config, stores))
    job = CountingJob(node.store, 3, gated=True)
    job_id = node.engine.submit(job)
    wait_until(lambda: node.engine.get(job_id)["State"] == "Running")
    node.engine.cancel(job_id)
    job.permits.release(1)
    with pytest.raises(Exception):  # noqa: B017 - canceled
        node.engine.wait(job_id, timeout=10)
    node.stop()
    node = Node(reopen(config, stores, node.store))
    node.journal.take_back_all(node.engine)
    assert node.engine.get(job_id)["State"] == "Failure"
    node.engine.resubmit(job_id)
    assert node.engine.wait(job_id, timeout=10) == {"Counted": [0, 1, 2]}
    node.stop()


def test_without_save_jobs_unfinished_jobs_end_at_the_next_start(config, stores, tmp_path):
    node = Node(reopen(config, stores))
    job = CountingJob(node.store, 3, gated=True)
    job_id = node.engine.submit(job)
    wait_until(lambda: node.engine.get(job_id)["State"] == "Running")
    # a crash: the store is closed under the job, then opened with SaveJobs false
    node.store.close()
    stores.remove(node.store)
    unsaved = config_from_dict({"StorageDirectory": str(tmp_path / "storage"),
                                "SaveJobs": False})
    store = reopen(unsaved, stores)
    row = store.jobs.row(job_id)
    assert row is not None and row.state == "Failure" and "SaveJobs false" in row.error_details
    job.permits.release(3)


# --- several nodes -------------------------------------------------------------
def test_nodes_show_each_others_jobs_and_forward_actions(config, stores):
    a = Node(reopen(config, stores), several=True)
    b = Node(second_server(config, stores, shared=True), several=True)
    a.beat()
    b.beat()
    job = CountingJob(a.store, 4, gated=True)
    job_id = a.engine.submit(job)
    assert b.engine.list_ids() == [job_id]
    wait_until(lambda: b.engine.get(job_id)["State"] == "Running")  # as A saves it
    b.engine.pause(job_id)  # forwarded: A applies it at its next look
    a.cluster.poll()
    job.permits.release(1)
    wait_until(lambda: b.engine.get(job_id)["State"] == "Paused")  # saved by A
    assert a.engine.get(job_id)["State"] == "Paused"
    with pytest.raises(Exception, match="only a failed job can be resubmitted"):
        b.engine.resubmit(job_id)
    b.engine.resume(job_id)
    a.cluster.poll()
    job.permits.release(3)
    assert a.engine.wait(job_id, timeout=10) == {"Counted": [0, 1, 2, 3]}
    assert b.engine.get_all()[0]["Content"] == {"Counted": [0, 1, 2, 3]}
    b.engine.delete(job_id)
    a.cluster.poll()
    assert a.engine.list_ids() == [] and b.engine.list_ids() == []
    with pytest.raises(UnknownJobError):
        b.engine.get(job_id)
    a.stop()
    b.stop()


def test_a_node_claims_the_jobs_of_a_node_that_died(config, stores):
    a = Node(reopen(config, stores), several=True)
    b = Node(second_server(config, stores, shared=True), several=True)
    a.beat()
    b.beat()
    job = CountingJob(a.store, 4, gated=True)
    job_id = a.engine.submit(job)
    job.permits.release(2)
    wait_until(lambda: steps_saved(a.store, job_id) == 2)
    b.cluster.poll()
    assert job_id not in b.engine.kept()  # A is alive
    time.sleep(0.4)  # A's heartbeat is older than the timeout now
    b.beat()
    b.cluster.poll()
    assert job_id in b.engine.kept()
    assert b.engine.wait(job_id, timeout=10) == {"Counted": [0, 1, 2, 3]}
    assert b.rebuilt[0].counted == [0, 1, 2, 3]
    job.permits.release(1)  # A wakes up: refused, and it lets the job go
    wait_until(lambda: job_id not in a.engine.kept())
    a.stop()
    b.stop()
