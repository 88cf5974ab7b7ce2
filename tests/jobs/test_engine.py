"""The job engine with small real jobs: ordering, concurrency, pause/resume, cancel and
rollback, resubmit, history, failures, synchronous waits and shutdown."""

from __future__ import annotations

import asyncio
import logging
import re
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from lethe.errors import ErrorCode, LetheError
from lethe.jobs.engine import JobEngine, UnknownJobError, iso_time
from lethe.jobs.job import Job, JobControl

ISO_TIME = re.compile(r"^\d{8}T\d{6}(\.\d{6})?$")


class StepJob(Job):
    """Does ``steps`` numbered steps; step ``n`` "creates" the number ``n``.

    Gated jobs wait for a permit from the test before each step, so that the test decides
    where the job stands. ``fail_at`` makes the step of that number raise ``error`` once.
    """

    job_type = "Test"

    def __init__(self, steps: int = 3, *, gated: bool = False, delay: float = 0.0,
                 fail_at: int | None = None, error: BaseException | None = None,
                 name: str = "", started: list[str] | None = None) -> None:
        self.steps = steps
        self.position = 0
        self.created: list[int] = []
        self.rolled_back: list[int] = []
        self.rollbacks = 0
        self.starts: list[int] = []  # the position at each call of run()
        self.name = name
        self._started = started
        self._gated, self._delay = gated, delay
        self._fail_at = fail_at
        self._error = error or LetheError(ErrorCode.CANNOT_STORE_INSTANCE, "step failed")
        self._reached = threading.Semaphore(0)
        self._permits = threading.Semaphore(0)
        self._lock = threading.Lock()

    def run(self, control: JobControl) -> None:
        self.starts.append(self.position)
        if self._started is not None:
            self._started.append(self.name)
        while self.position < self.steps:
            control.checkpoint()
            self._reached.release()
            if self._gated and not self._permits.acquire(timeout=5):
                raise AssertionError("the test never allowed this step")
            if self.position == self._fail_at:
                self._fail_at = None
                raise self._error
            time.sleep(self._delay)
            with self._lock:
                self.created.append(self.position)
                self.position += 1
            control.set_progress(self.position / self.steps)

    def content(self) -> dict:
        with self._lock:
            return {"Created": list(self.created)}

    def rollback(self) -> None:
        with self._lock:
            self.rollbacks += 1
            self.rolled_back += self.created
            self.created = []

    def reset(self) -> None:
        self.position = 0

    # --- the test's side ---
    def reached(self, count: int = 1) -> None:
        """Wait until the job has begun ``count`` more steps."""
        for _ in range(count):
            assert self._reached.acquire(timeout=2), "the job did not reach its next step"

    def allow(self, count: int = 1) -> None:
        for _ in range(count):
            self._permits.release()


def wait_state(engine: JobEngine, job_id: str, state: str, timeout: float = 2.0) -> dict:
    """Poll ``engine.get`` until the job is in ``state``; its JSON."""
    deadline = time.monotonic() + timeout
    while True:
        info = engine.get(job_id)
        if info["State"] == state:
            return info
        assert time.monotonic() < deadline, f"job stayed {info['State']}, expected {state}"
        time.sleep(0.005)


@pytest.fixture
def make_engine():
    engines = []

    def factory(concurrent_jobs: int = 1, history_size: int = 10) -> JobEngine:
        engine = JobEngine(concurrent_jobs, history_size)
        engines.append(engine)
        return engine
    yield factory
    for engine in engines:
        engine.shutdown(timeout=5)


def test_success_json_has_orthanc_fields(make_engine):
    engine = make_engine()
    job = StepJob(steps=4)
    before = datetime.now(UTC)
    job_id = engine.submit(job, priority=3)
    assert engine.wait(job_id, timeout=2) == {"Created": [0, 1, 2, 3]}
    info = engine.get(job_id)
    assert list(info) == sorted(info)
    assert set(info) == {"CompletionTime", "Content", "CreationTime", "EffectiveRuntime",
                         "ErrorCode", "ErrorDescription", "ErrorDetails", "ID", "Priority",
                         "Progress", "State", "Timestamp", "Type"}
    assert info["ID"] == job_id and re.fullmatch(r"[0-9a-f-]{36}", job_id)
    assert (info["Type"], info["Priority"], info["State"], info["Progress"]) == \
        ("Test", 3, "Success", 100)
    assert (info["ErrorCode"], info["ErrorDescription"], info["ErrorDetails"]) == \
        (0, "Success", "")
    assert info["Content"] == {"Created": [0, 1, 2, 3]}
    assert isinstance(info["EffectiveRuntime"], float) and info["EffectiveRuntime"] >= 0
    for key in ("CreationTime", "CompletionTime", "Timestamp"):
        assert ISO_TIME.match(info[key]), info[key]
        moment = datetime.strptime(info[key][:15], "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
        assert before - timedelta(seconds=1) <= moment <= datetime.now(UTC)  # UTC, not local
    assert info["CreationTime"] <= info["CompletionTime"] <= info["Timestamp"]


def test_iso_time_is_boost_format():
    assert iso_time(datetime(2020, 12, 27, 16, 18, 42, 520129)) == "20201227T161842.520129"
    assert iso_time(datetime(2020, 12, 27, 16, 18, 42, 5)) == "20201227T161842.000005"
    assert iso_time(datetime(2020, 12, 27, 16, 18, 42)) == "20201227T161842"


def test_higher_priority_runs_first_and_equals_in_order(make_engine):
    engine = make_engine(concurrent_jobs=1)
    started: list[str] = []
    blocker = StepJob(steps=1, gated=True, name="blocker", started=started)
    engine.submit(blocker)
    blocker.reached()
    ids = [engine.submit(StepJob(steps=1, name=name, started=started), priority)
           for name, priority in (("low1", 0), ("high1", 5), ("low2", 0), ("high2", 5),
                                  ("neg", -1))]
    assert all(engine.get(i)["State"] == "Pending" for i in ids)
    blocker.allow()
    for job_id in ids:
        engine.wait(job_id, timeout=2)
    assert started == ["blocker", "high1", "high2", "low1", "low2", "neg"]


def test_at_most_concurrent_jobs_run_at_once(make_engine):
    before = set(threading.enumerate())
    engine = make_engine(concurrent_jobs=2)
    assert len(set(threading.enumerate()) - before) == 2
    jobs = [StepJob(steps=1, gated=True) for _ in range(4)]
    ids = [engine.submit(job) for job in jobs]
    jobs[0].reached()
    jobs[1].reached()
    time.sleep(0.05)  # room for a third job to start if the bound were broken
    assert [engine.get(i)["State"] for i in ids] == ["Running", "Running", "Pending", "Pending"]
    jobs[0].allow()
    jobs[2].reached()
    assert [engine.get(i)["State"] for i in ids][2:] == ["Running", "Pending"]
    for job in jobs[1:]:
        job.allow()
    assert [engine.wait(i, timeout=2) for i in ids] == [{"Created": [0]}] * 4


def test_pause_and_resume_continue_from_the_position(make_engine):
    engine = make_engine()
    job = StepJob(steps=5, gated=True)
    job_id = engine.submit(job)
    job.reached()
    job.allow()             # step 0 completes
    job.reached()           # step 1 begun
    engine.pause(job_id)    # takes effect at the checkpoint before step 2
    job.allow()
    info = wait_state(engine, job_id, "Paused")
    assert job.created == [0, 1] and info["Content"] == {"Created": [0, 1]}
    assert info["Progress"] == 40
    assert "CompletionTime" not in info and "EstimatedTimeOfArrival" not in info
    time.sleep(0.03)
    assert engine.get(job_id)["EffectiveRuntime"] == info["EffectiveRuntime"]  # no pause time
    engine.pause(job_id)    # pausing a paused job changes nothing
    engine.resume(job_id)
    job.reached()
    job.allow(3)
    assert engine.wait(job_id, timeout=2) == {"Created": [0, 1, 2, 3, 4]}
    assert job.starts == [0, 2] and job.rollbacks == 0


def test_pause_of_a_pending_job_keeps_it_out_of_the_queue(make_engine):
    engine = make_engine(concurrent_jobs=1)
    blocker = StepJob(steps=1, gated=True)
    blocker_id = engine.submit(blocker)
    blocker.reached()
    job = StepJob(steps=1)
    job_id = engine.submit(job)
    engine.pause(job_id)
    assert engine.get(job_id)["State"] == "Paused"
    blocker.allow()
    engine.wait(blocker_id, timeout=2)
    engine.wait(engine.submit(StepJob(steps=1)), timeout=2)  # would run after the paused one
    assert job.starts == [] and engine.get(job_id)["State"] == "Paused"
    engine.resume(job_id)
    assert engine.wait(job_id, timeout=2) == {"Created": [0]}


def test_running_job_shows_partial_content_and_an_eta(make_engine):
    engine = make_engine()
    job = StepJob(steps=5, gated=True, delay=0.01)
    job_id = engine.submit(job)
    job.reached()
    job.allow(2)
    job.reached(2)
    info = engine.get(job_id)
    assert info["State"] == "Running" and info["Content"] == {"Created": [0, 1]}
    assert info["Progress"] == 40 and "CompletionTime" not in info
    assert info["Timestamp"] < info["EstimatedTimeOfArrival"]
    assert info["EffectiveRuntime"] >= 0.02
    job.allow(3)
    engine.wait(job_id, timeout=2)
    assert "EstimatedTimeOfArrival" not in engine.get(job_id)


def test_cancel_midway_rolls_back_and_fails_with_37(make_engine):
    engine = make_engine()
    job = StepJob(steps=5, gated=True)
    job_id = engine.submit(job)
    job.reached()
    job.allow(2)
    job.reached(2)          # step 2 begun, steps 0 and 1 done
    engine.cancel(job_id)
    job.allow()             # step 2 completes; the checkpoint after it stops the job
    info = wait_state(engine, job_id, "Failure")
    assert (info["ErrorCode"], info["ErrorDescription"], info["ErrorDetails"]) == \
        (37, "This job was canceled", "")
    assert info["Progress"] == 60 and "CompletionTime" in info
    assert job.rolled_back == [0, 1, 2] and job.created == [] and job.rollbacks == 1
    with pytest.raises(LetheError) as caught:
        engine.wait(job_id)
    assert caught.value.code is ErrorCode.CANCELED_JOB
    engine.cancel(job_id)   # canceling a finished job changes nothing
    engine.pause(job_id)
    assert engine.get(job_id)["ErrorCode"] == 37 and job.rollbacks == 1


def test_cancel_of_pending_and_paused_jobs(make_engine):
    engine = make_engine(concurrent_jobs=1)
    blocker = StepJob(steps=2, gated=True)
    blocker_id = engine.submit(blocker)
    blocker.reached()
    pending = StepJob(steps=1)
    pending_id = engine.submit(pending)
    engine.cancel(pending_id)
    assert engine.get(pending_id)["State"] == "Failure"
    assert engine.get(pending_id)["ErrorCode"] == 37 and pending.rollbacks == 1
    engine.pause(blocker_id)
    blocker.allow()
    wait_state(engine, blocker_id, "Paused")
    assert blocker.created == [0]
    engine.cancel(blocker_id)
    info = engine.get(blocker_id)
    assert (info["State"], info["ErrorCode"]) == ("Failure", 37)
    assert blocker.rolled_back == [0] and pending.starts == []


def test_failure_with_lethe_error_keeps_code_and_details(make_engine):
    engine = make_engine()
    error = LetheError(ErrorCode.CANNOT_STORE_INSTANCE, "Error while storing a modified instance x")
    job = StepJob(steps=3, fail_at=1, error=error)
    job_id = engine.submit(job)
    with pytest.raises(LetheError) as caught:
        engine.wait(job_id, timeout=2)
    assert (caught.value.code, caught.value.details) == (error.code, error.details)
    info = engine.get(job_id)
    assert (info["State"], info["ErrorCode"], info["ErrorDescription"], info["ErrorDetails"]) == \
        ("Failure", 2018, "Cannot store an instance", "Error while storing a modified instance x")
    assert info["Progress"] == 33 and job.rolled_back == [0] and job.rollbacks == 1


def test_failure_with_other_exception_is_internal_and_logged(make_engine, caplog):
    engine = make_engine()
    job = StepJob(steps=2, fail_at=0, error=ValueError("boom"))
    with caplog.at_level(logging.ERROR, logger="lethe.jobs.engine"):
        job_id = engine.submit(job)
        with pytest.raises(LetheError) as caught:
            engine.wait(job_id, timeout=2)
    assert caught.value.code is ErrorCode.INTERNAL_ERROR and "boom" not in caught.value.details
    info = engine.get(job_id)
    assert (info["ErrorCode"], info["ErrorDescription"], info["ErrorDetails"]) == \
        (-1, "Internal error", "")
    assert job.rollbacks == 1
    logged = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(logged) == 1 and logged[0].exc_info[0] is ValueError and job_id in logged[0].message


def test_resubmit_resets_and_runs_again(make_engine):
    engine = make_engine()
    job = StepJob(steps=3, fail_at=2)
    job_id = engine.submit(job)
    with pytest.raises(LetheError):
        engine.wait(job_id, timeout=2)
    assert job.rolled_back == [0, 1]
    engine.resubmit(job_id)
    assert engine.wait(job_id, timeout=2) == {"Created": [0, 1, 2]}
    info = engine.get(job_id)
    assert (info["State"], info["ErrorCode"], info["ErrorDetails"]) == ("Success", 0, "")
    assert job.starts == [0, 0]
    with pytest.raises(LetheError) as caught:
        engine.resubmit(job_id)
    assert caught.value.code is ErrorCode.BAD_SEQUENCE_OF_CALLS
    assert caught.value.http_status == 400


def test_wrong_states_and_unknown_ids(make_engine):
    engine = make_engine()
    job = StepJob(steps=1, gated=True)
    job_id = engine.submit(job)
    job.reached()
    for action in (engine.resume, engine.resubmit, engine.delete):
        with pytest.raises(LetheError) as caught:
            action(job_id)
        assert caught.value.code is ErrorCode.BAD_SEQUENCE_OF_CALLS
        assert "Running" in caught.value.details
    job.allow()
    engine.wait(job_id, timeout=2)
    for action in (engine.get, engine.pause, engine.resume, engine.cancel, engine.resubmit,
                   engine.delete, engine.wait):
        with pytest.raises(UnknownJobError) as caught:
            action("no-such-job")
        assert caught.value.code is ErrorCode.UNKNOWN_RESOURCE and caught.value.http_status == 404


def test_delete_only_finished_jobs(make_engine):
    engine = make_engine()
    job_id = engine.submit(StepJob(steps=1))
    engine.wait(job_id, timeout=2)
    engine.delete(job_id)
    assert engine.list_ids() == []
    with pytest.raises(UnknownJobError):
        engine.get(job_id)


def test_history_keeps_the_newest_finished_jobs(make_engine):
    engine = make_engine(concurrent_jobs=1, history_size=2)
    ids = []
    for _ in range(4):
        ids.append(engine.submit(StepJob(steps=1)))
        engine.wait(ids[-1], timeout=2)
    assert engine.list_ids() == sorted(ids[2:])
    assert [info["ID"] for info in engine.get_all()] == sorted(ids[2:])
    running = StepJob(steps=1, gated=True)
    running_id = engine.submit(running)
    running.reached()
    assert engine.list_ids() == sorted(ids[2:] + [running_id])  # unfinished jobs do not count
    running.allow()
    engine.wait(running_id, timeout=2)
    assert engine.list_ids() == sorted([ids[3], running_id])


def test_synchronous_outcome_survives_history_size_0(make_engine):
    engine = make_engine(history_size=0)
    job_id, outcome = engine.submit_tracked(StepJob(steps=2))
    assert outcome.result(timeout=2) == {"Created": [0, 1]}
    assert engine.list_ids() == []
    with pytest.raises(UnknownJobError):
        engine.get(job_id)
    failing_id, outcome = engine.submit_tracked(StepJob(steps=2, fail_at=1))
    with pytest.raises(LetheError) as caught:
        outcome.result(timeout=2)
    assert caught.value.code is ErrorCode.CANNOT_STORE_INSTANCE
    assert engine.list_ids() == []


def test_wait_async_does_not_block_the_loop(make_engine):
    engine = make_engine()
    job = StepJob(steps=2, gated=True)
    job_id = engine.submit(job)

    async def scenario() -> dict:
        waiting = asyncio.ensure_future(engine.wait_async(job_id))
        await asyncio.sleep(0.01)     # the loop keeps running while the job waits
        assert not waiting.done()
        job.allow(2)
        return await asyncio.wait_for(waiting, timeout=2)
    assert asyncio.run(scenario()) == {"Created": [0, 1]}


def test_shutdown_cancels_and_rolls_back_unfinished_jobs(make_engine):
    before = set(threading.enumerate())
    engine = make_engine(concurrent_jobs=1)
    running = StepJob(steps=400, delay=0.005)
    pending = StepJob(steps=1)
    running_id, running_outcome = engine.submit_tracked(running)
    pending_id, pending_outcome = engine.submit_tracked(pending)
    running.reached(2)
    engine.shutdown(timeout=2)
    assert set(threading.enumerate()) - before == set()
    for job_id, job in ((running_id, running), (pending_id, pending)):
        info = engine.get(job_id)
        assert (info["State"], info["ErrorCode"]) == ("Failure", 37)
        assert job.created == [] and job.rollbacks == 1
    assert running.position < 400 and pending.starts == []
    for outcome in (running_outcome, pending_outcome):
        with pytest.raises(LetheError) as caught:
            outcome.result(timeout=0)
        assert caught.value.code is ErrorCode.CANCELED_JOB
    with pytest.raises(LetheError) as caught:
        engine.submit(StepJob())
    assert caught.value.code is ErrorCode.BAD_SEQUENCE_OF_CALLS


def test_bad_sizes_are_refused():
    with pytest.raises(ValueError):
        JobEngine(-1, 10)
    with pytest.raises(ValueError):
        JobEngine(1, -1)
