"""The job engine: a priority queue of jobs run by a bounded number of threads.

It follows Orthanc's jobs registry: states Pending, Running, Paused, Success
and Failure (Retry exists but Lethe never retries), a larger ``Priority`` runs
first (first come, first served among equals), and a bounded history of
finished jobs (``JobsHistorySize``; the oldest finished job is forgotten
first).

Differences from Orthanc, on purpose:
* a failed or canceled job is rolled back (:meth:`Job.rollback`);
* a synchronous caller gets the outcome of its job even when the history size
  is 0: :meth:`JobEngine.submit_tracked` hands out a future that outlives the
  job's entry in the registry.

Thread safety: every public method may be called from any thread. One lock
guards the registry; job code (run, rollback, reset, content) is never called
while holding it.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import os
import threading
import time
import uuid
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any

from lethe.errors import ErrorCode, LetheError
from lethe.jobs.job import Job, JobCanceled, JobControl, JobPaused

log = logging.getLogger(__name__)


class JobState(Enum):
    """Orthanc's job states, valued by their JSON names."""

    PENDING = "Pending"
    RUNNING = "Running"
    SUCCESS = "Success"
    FAILURE = "Failure"
    PAUSED = "Paused"
    RETRY = "Retry"  # part of Orthanc's vocabulary; Lethe never retries a job


FINISHED_STATES = frozenset({JobState.SUCCESS, JobState.FAILURE})


class UnknownJobError(LetheError):
    """No job with this ID in the registry (never submitted, deleted or forgotten)."""

    def __init__(self, job_id: str) -> None:
        super().__init__(ErrorCode.UNKNOWN_RESOURCE, f'Unknown job: "{job_id}"')
        self.job_id = job_id


def iso_time(moment: datetime) -> str:
    """Orthanc's time format ``YYYYMMDDTHHMMSS.ffffff`` (boost's ISO string: the
    fraction is left out when it is zero)."""
    text = moment.strftime("%Y%m%dT%H%M%S")
    return f"{text}.{moment.microsecond:06d}" if moment.microsecond else text


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _new_future() -> Future:
    future: Future = Future()
    future.set_running_or_notify_cancel()  # a waiter that gives up cannot cancel it
    return future


class _Request(Enum):
    PAUSE = "pause"
    CANCEL = "cancel"


class _Record:
    """The engine's bookkeeping of one job; every field is guarded by the engine's lock."""

    def __init__(self, job: Job, priority: int, user_data: Any = None) -> None:
        self.id = str(uuid.uuid4())
        self.job = job
        self.priority = priority
        self.user_data = user_data             # the client's JSON value, never changed
        self.state = JobState.PENDING
        self.creation_time = self.last_change = _utc_now()
        self.runtime = 0.0                     # seconds spent running, before the current run
        self.running_since: float | None = None  # time.monotonic() when the current run began
        self.progress = 0.0
        self.error: LetheError | None = None
        self.request: _Request | None = None   # asked of the running job at its next checkpoint
        self.busy = False                      # job code runs outside the lock for a transition
        self.queue_seq: int | None = None      # the live queue entry; older entries are stale
        self.future = _new_future()

    def set_state(self, state: JobState) -> None:
        if self.running_since is not None:
            self.runtime += time.monotonic() - self.running_since
            self.running_since = None
        if state is JobState.RUNNING:
            self.running_since = time.monotonic()
        self.state = state
        self.last_change = _utc_now()
        self.request = None

    def snapshot(self) -> _Snapshot:
        runtime = self.runtime
        if self.running_since is not None:
            runtime += time.monotonic() - self.running_since
        return _Snapshot(self.id, self.job.job_type, self.priority, self.state, self.progress,
                         self.creation_time, self.last_change, runtime, self.error,
                         self.user_data)


@dataclass(frozen=True)
class _Snapshot:
    """What ``/jobs/{id}`` shows of a record, copied under the lock."""

    id: str
    job_type: str
    priority: int
    state: JobState
    progress: float
    creation_time: datetime
    last_change: datetime
    runtime: float
    error: LetheError | None
    user_data: Any = None

    def describe(self, content: dict) -> dict:
        """Orthanc's JSON of the job, keys in Orthanc's (sorted) order."""
        now = _utc_now()
        runtime_ms = int(self.runtime * 1000)
        code = self.error.code if self.error else ErrorCode.SUCCESS
        body = {
            "Content": content,
            "CreationTime": iso_time(self.creation_time),
            "EffectiveRuntime": runtime_ms / 1000,
            "ErrorCode": code.code,
            "ErrorDescription": code.description,
            "ErrorDetails": self.error.details if self.error else "",
            "ID": self.id,
            "Priority": self.priority,
            "Progress": int(self.progress * 100 + 0.5),
            "State": self.state.value,
            "Timestamp": iso_time(now),
            "Type": self.job_type,
        }
        if self.user_data is not None:
            body["UserData"] = self.user_data
        if self.state in FINISHED_STATES:
            body["CompletionTime"] = iso_time(self.last_change)
        elif self.state is JobState.RUNNING and self.progress > 0.01 and runtime_ms > 0:
            remaining = runtime_ms / self.progress * (1.0 - self.progress)
            body["EstimatedTimeOfArrival"] = iso_time(now + timedelta(milliseconds=remaining))
        return dict(sorted(body.items()))


class _Control(JobControl):
    """The control handed to a running job: reads the engine's requests for its record."""

    def __init__(self, lock: threading.Lock, record: _Record) -> None:
        self._lock = lock
        self._record = record

    def checkpoint(self) -> None:
        with self._lock:
            request = self._record.request
        if request is _Request.CANCEL:
            raise JobCanceled
        if request is _Request.PAUSE:
            raise JobPaused

    def set_progress(self, fraction: float) -> None:
        with self._lock:
            self._record.progress = min(1.0, max(0.0, float(fraction)))


class JobEngine:
    """Runs submitted jobs on ``concurrent_jobs`` threads (0: one per CPU core) and keeps
    the last ``history_size`` finished jobs for ``/jobs``."""

    def __init__(self, concurrent_jobs: int, history_size: int) -> None:
        if concurrent_jobs < 0 or history_size < 0:
            raise ValueError("concurrent_jobs and history_size must not be negative")
        self._history_size = history_size
        self._lock = threading.Lock()
        self._work_available = threading.Condition(self._lock)
        self._jobs: dict[str, _Record] = {}
        self._history: dict[str, _Record] = {}  # finished jobs, oldest first
        self._queue: list[tuple[int, int, _Record]] = []  # (-priority, sequence, record)
        self._sequence = itertools.count()
        self._stopping = False
        self._threads = [threading.Thread(target=self._work, name=f"lethe-job-{n}", daemon=True)
                         for n in range(concurrent_jobs or os.cpu_count() or 1)]
        for thread in self._threads:
            thread.start()

    # --- submitting and waiting ------------------------------------------------
    def submit(self, job: Job, priority: int = 0, user_data: Any = None) -> str:
        """Queue ``job``; its ID (a UUID string)."""
        return self.submit_tracked(job, priority, user_data)[0]

    def submit_tracked(self, job: Job, priority: int = 0,
                       user_data: Any = None) -> tuple[str, Future]:
        """Queue ``job``; its ID and a future of its outcome. ``user_data`` (any JSON
        value) is shown as ``UserData`` in the job's description.

        The future gives the job's ``Content`` on success and raises a
        :class:`LetheError` with the job's code and details on failure. It is resolved
        even if the history forgets the job at once (``history_size`` 0).
        """
        record = _Record(job, priority, user_data)
        with self._lock:
            self._refuse_when_stopping()
            self._jobs[record.id] = record
            self._enqueue(record)
            future = record.future
        log.info("%s job %s submitted with priority %d", job.job_type, record.id, priority)
        return record.id, future

    def completion(self, job_id: str) -> Future:
        """The future of the current run of a known job (see :meth:`submit_tracked`)."""
        with self._lock:
            return self._record(job_id).future

    def wait(self, job_id: str, timeout: float | None = None) -> dict:
        """Block until the job ends: its ``Content``, or its error raised as LetheError."""
        return self.completion(job_id).result(timeout)

    async def wait_async(self, job_id: str) -> dict:
        """:meth:`wait` for the event loop: awaits without blocking it."""
        return await asyncio.wrap_future(self.completion(job_id))

    # --- reading --------------------------------------------------------------
    def list_ids(self) -> list[str]:
        """The IDs of every job in the registry, sorted (as Orthanc lists them)."""
        with self._lock:
            return sorted(self._jobs)

    def get(self, job_id: str) -> dict:
        """Orthanc's JSON of one job (``GET /jobs/{id}``)."""
        with self._lock:
            record = self._record(job_id)
            snapshot = record.snapshot()
        return snapshot.describe(record.job.content())

    def get_all(self) -> list[dict]:
        """Orthanc's JSON of every job, sorted by ID (``GET /jobs?expand``)."""
        with self._lock:
            found = [(r.snapshot(), r.job) for r in sorted(self._jobs.values(), key=lambda r: r.id)]
        return [snapshot.describe(job.content()) for snapshot, job in found]

    # --- actions --------------------------------------------------------------
    def pause(self, job_id: str) -> None:
        """Pause a pending job now, a running job at its next checkpoint; no effect on
        paused and finished jobs (as Orthanc)."""
        with self._lock:
            record = self._record(job_id)
            if record.busy:
                return
            if record.state is JobState.PENDING:
                record.queue_seq = None
                record.set_state(JobState.PAUSED)
                log.info("job %s paused", job_id)
            elif record.state is JobState.RUNNING and record.request is None:
                record.request = _Request.PAUSE

    def resume(self, job_id: str) -> None:
        """Put a paused job back in the queue; it continues from its position."""
        with self._lock:
            record = self._record(job_id)
            if record.state is not JobState.PAUSED or record.busy:
                raise _wrong_state("resume", record, "only a paused job can be resumed")
            self._refuse_when_stopping()
            record.set_state(JobState.PENDING)
            self._enqueue(record)
        log.info("job %s resumed", job_id)

    def cancel(self, job_id: str) -> None:
        """Cancel a job: a running one at its next checkpoint, a pending or paused one now.
        It is rolled back and fails with ``CanceledJob`` (37). No effect on finished jobs."""
        with self._lock:
            record = self._record(job_id)
            if record.busy or record.state in FINISHED_STATES:
                return
            if record.state is JobState.RUNNING:
                record.request = _Request.CANCEL
                return
            record.queue_seq = None
            record.busy = True
        self._finish(record, LetheError(ErrorCode.CANCELED_JOB))

    def resubmit(self, job_id: str) -> None:
        """Reset a failed job and queue it again (it leaves the history)."""
        with self._lock:
            record = self._record(job_id)
            if record.state is not JobState.FAILURE or record.busy:
                raise _wrong_state("resubmit", record, "only a failed job can be resubmitted")
            self._refuse_when_stopping()
            record.busy = True
            del self._history[job_id]
        try:
            record.job.reset()
        except BaseException:
            with self._lock:
                record.busy = False
                self._history[job_id] = record
                self._forget_old_jobs()
            raise
        with self._lock:
            record.runtime = record.progress = 0.0
            record.error = None
            record.future = _new_future()
            record.set_state(JobState.PENDING)
            stopped = record.busy = self._stopping  # shut down meanwhile: cancel it instead
            if not stopped:
                self._enqueue(record)
        log.info("job %s resubmitted", job_id)
        if stopped:
            self._finish(record, LetheError(ErrorCode.CANCELED_JOB))

    def delete(self, job_id: str) -> None:
        """Remove a finished job from the registry."""
        with self._lock:
            record = self._record(job_id)
            if record.state not in FINISHED_STATES or record.busy:
                raise _wrong_state("delete", record, "only a finished job can be deleted")
            del self._jobs[job_id]
            del self._history[job_id]

    def shutdown(self, timeout: float | None = None) -> None:
        """Stop the engine: cancel (and roll back) every unfinished job, let running jobs
        stop at their next checkpoint, and join the threads (each for at most
        ``timeout`` seconds). Submitting afterwards is refused."""
        with self._lock:
            self._stopping = True
            idle = []
            for record in self._jobs.values():
                if record.busy or record.state in FINISHED_STATES:
                    continue
                if record.state is JobState.RUNNING:
                    record.request = _Request.CANCEL
                else:
                    record.queue_seq = None
                    record.busy = True
                    idle.append(record)
            self._work_available.notify_all()
        for record in idle:
            self._finish(record, LetheError(ErrorCode.CANCELED_JOB))
        for thread in self._threads:
            thread.join(timeout)

    # --- internals ------------------------------------------------------------
    def _record(self, job_id: str) -> _Record:
        record = self._jobs.get(job_id)
        if record is None:
            raise UnknownJobError(job_id)
        return record

    def _refuse_when_stopping(self) -> None:
        if self._stopping:
            raise LetheError(ErrorCode.BAD_SEQUENCE_OF_CALLS, "the job engine is shutting down")

    def _enqueue(self, record: _Record) -> None:
        record.queue_seq = next(self._sequence)
        heapq.heappush(self._queue, (-record.priority, record.queue_seq, record))
        self._work_available.notify()

    def _next_pending(self) -> _Record | None:
        """Wait for the next job to run (lock held); None once the engine stops."""
        while not self._stopping:
            while self._queue:
                _, sequence, record = heapq.heappop(self._queue)
                if record.queue_seq == sequence:
                    record.queue_seq = None
                    return record
            self._work_available.wait()
        return None

    def _work(self) -> None:
        while True:
            with self._lock:
                record = self._next_pending()
                if record is None:
                    return
                record.set_state(JobState.RUNNING)
            log.info("%s job %s running", record.job.job_type, record.id)
            self._run(record)

    def _run(self, record: _Record) -> None:
        error: LetheError | None = None
        try:
            record.job.run(_Control(self._lock, record))
        except JobPaused:
            with self._lock:
                if not self._stopping:
                    record.set_state(JobState.PAUSED)
                    log.info("job %s paused", record.id)
                    return
            error = LetheError(ErrorCode.CANCELED_JOB)
        except JobCanceled:
            error = LetheError(ErrorCode.CANCELED_JOB)
        except LetheError as exc:
            error = exc
        except Exception:
            log.error("%s job %s failed with an unexpected error", record.job.job_type,
                      record.id, exc_info=True)
            error = LetheError(ErrorCode.INTERNAL_ERROR)
        self._finish(record, error)

    def _finish(self, record: _Record, error: LetheError | None) -> None:
        """Roll back a failed job, record the outcome, resolve the waiters."""
        if error is not None:
            try:
                record.job.rollback()
            except Exception:
                log.error("rollback of %s job %s failed", record.job.job_type, record.id,
                          exc_info=True)
        with self._lock:
            record.busy = False
            record.error = error
            if error is None:
                record.progress = 1.0
            record.set_state(JobState.FAILURE if error else JobState.SUCCESS)
            self._history[record.id] = record
            self._forget_old_jobs()
            future = record.future
        if error is not None:
            log.info("%s job %s failed: %s", record.job.job_type, record.id,
                     error.code.description)
            future.set_exception(LetheError(error.code, error.details,
                                            http_status=error.http_status))
            return
        log.info("%s job %s succeeded", record.job.job_type, record.id)
        try:
            content = record.job.content()
        except Exception:
            log.error("content of %s job %s failed", record.job.job_type, record.id,
                      exc_info=True)
            future.set_exception(LetheError(ErrorCode.INTERNAL_ERROR))
        else:
            future.set_result(content)

    def _forget_old_jobs(self) -> None:
        while len(self._history) > self._history_size:
            oldest = next(iter(self._history))
            del self._history[oldest]
            del self._jobs[oldest]


def _wrong_state(action: str, record: _Record, rule: str) -> LetheError:
    state = "being canceled or resubmitted" if record.busy else record.state.value
    return LetheError(ErrorCode.BAD_SEQUENCE_OF_CALLS,
                      f'Cannot {action} job "{record.id}": {rule} (state: {state})')
