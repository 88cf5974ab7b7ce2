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

Saved jobs (``SaveJobs``): the engine tells a :class:`JobJournal` about every
job it is given and every change of state, and the journal keeps them in the
index (:mod:`lethe.jobs.persistence`); :meth:`JobEngine.adopt` takes back the
jobs of a stopped server (or of a node that died). A graceful stop then hands
the jobs that can be rebuilt over instead of canceling them. With several nodes,
the journal also shows the jobs that other nodes keep, and forwards the actions
asked of them.

Thread safety: every public method may be called from any thread. One lock
guards the registry; job code (run, rollback, reset, content) is never called
while holding it, nor is the journal, whose calls are serialized by a lock of
their own and always write the state of the moment (a slow write never
overwrites a newer state).
"""

from __future__ import annotations

import asyncio
import dataclasses
import heapq
import itertools
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any

from lethe.errors import ErrorCode, LetheError
from lethe.jobs.job import Job, JobCanceled, JobControl, JobPaused
from lethe.store.jobs_sql import JobStep, OwnershipLost

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


ACTIONS = ("pause", "resume", "cancel", "resubmit")
"""The actions a client may ask of a job (besides deleting it)."""


class _Record:
    """The engine's bookkeeping of one job; every field is guarded by the engine's lock."""

    def __init__(self, job: Job, priority: int, user_data: Any = None,
                 job_id: str | None = None, resumable: bool = False) -> None:
        self.id = job_id or str(uuid.uuid4())
        self.job = job
        self.resumable = resumable             # the journal can rebuild it after a stop
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

    def snapshot(self) -> JobSnapshot:
        runtime = self.runtime
        if self.running_since is not None:
            runtime += time.monotonic() - self.running_since
        return JobSnapshot(self.id, self.job.job_type, self.priority, self.state,
                           self.progress, self.creation_time, self.last_change, runtime,
                           self.error, self.user_data)


@dataclass(frozen=True)
class JobSnapshot:
    """What ``/jobs/{id}`` shows of a job (copied under the engine's lock, or read from
    the index for a job of another node)."""

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


class JobJournal:
    """Where an engine keeps its jobs beyond its memory: this base keeps nothing (no
    ``SaveJobs``); :class:`lethe.jobs.persistence.IndexJournal` keeps them in the index.

    The engine calls it outside its own lock, one call at a time (except :meth:`step`,
    called by running jobs), with the state of the moment. Its errors are logged by the
    engine, except those of :meth:`added` and of the methods about other nodes' jobs,
    which reach the caller.
    """

    def resumable(self, job: Job) -> bool:
        """Whether ``job`` can be rebuilt after a stop (it is then handed over, not
        canceled, when the engine stops)."""
        return False

    def added(self, snapshot: JobSnapshot, job: Job) -> None:
        """A job was submitted (before it may run)."""

    def changed(self, snapshot: JobSnapshot, job: Job, durable: bool = True) -> None:
        """The state, progress or error of a job changed. Unless ``durable``, the record
        may be lost to a power failure (never to a crash of the process) until the next
        durable write: the job then looks as it did before."""

    def restarted(self, job_id: str) -> None:
        """A job was reset (resubmitted): it starts again from its beginning."""

    def forgotten(self, job_ids: list[str]) -> None:
        """Jobs left the registry (deleted, or beyond the history size)."""

    def released(self, snapshot: JobSnapshot, job: Job) -> None:
        """The engine stops: a job that can be rebuilt is handed over unfinished."""

    def step(self, job_id: str, number: int, data: dict[str, Any]) -> JobStep | None:
        """The step of a running job to save with its work (:meth:`JobControl.saved_step`)."""
        return None

    def owns(self, job_id: str) -> bool:
        """Whether this engine still keeps the job (no other node took it over): checked
        before a failed job is rolled back. Errors count as yes."""
        return True

    def other_ids(self, local: set[str]) -> list[str]:
        """The IDs of the jobs that other nodes keep (not in ``local``)."""
        return []

    def describe_other(self, job_id: str) -> dict[str, Any] | None:
        """Orthanc's JSON of a job another node keeps, or None if there is none."""
        return None

    def describe_others(self, local: set[str]) -> list[dict[str, Any]]:
        """Orthanc's JSON of every job other nodes keep (not in ``local``)."""
        return []

    def ask_other(self, job_id: str, action: str) -> None:
        """Ask another node's job for ``action`` (:data:`ACTIONS`, or ``delete``); raises
        :class:`UnknownJobError` when no node keeps it, :class:`LetheError` when its state
        does not allow the action."""
        raise UnknownJobError(job_id)


class _Control(JobControl):
    """The control handed to a running job: reads the engine's requests for its record."""

    def __init__(self, lock: threading.Lock, record: _Record, journal: JobJournal) -> None:
        self._lock = lock
        self._record = record
        self._journal = journal

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

    def saved_step(self, number: int, data: dict[str, Any]) -> JobStep | None:
        return self._journal.step(self._record.id, number, data)


class JobEngine:
    """Runs submitted jobs on ``concurrent_jobs`` threads (0: one per CPU core) and keeps
    the last ``history_size`` finished jobs for ``/jobs``; tells ``journal`` about them."""

    def __init__(self, concurrent_jobs: int, history_size: int,
                 journal: JobJournal | None = None) -> None:
        if concurrent_jobs < 0 or history_size < 0:
            raise ValueError("concurrent_jobs and history_size must not be negative")
        self._history_size = history_size
        self._journal = journal or JobJournal()
        self._journal_lock = threading.Lock()
        self._lock = threading.Lock()
        self._work_available = threading.Condition(self._lock)
        self._jobs: dict[str, _Record] = {}
        self._history: dict[str, _Record] = {}  # finished jobs, oldest first
        self._queue: list[tuple[int, int, _Record]] = []  # (-priority, sequence, record)
        self._sequence = itertools.count()
        self._stopping = False
        # told "OnJobSubmitted", "OnJobSuccess" or "OnJobFailure" and the job's ID (hooks)
        self.on_job_event: Callable[[str, str], None] | None = None
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
        record = _Record(job, priority, user_data, resumable=self._journal.resumable(job))
        with self._lock:
            self._refuse_when_stopping()
            snapshot = record.snapshot()
        with self._journal_lock:
            self._journal.added(snapshot, job)  # its errors reach the caller
        with self._lock:
            if self._stopping:
                stopped = True
            else:
                stopped = False
                self._jobs[record.id] = record
                self._enqueue(record)
            future = record.future
        if stopped:
            self._forget_saved([record.id])
            self._refuse_when_stopping()
        log.info("%s job %s submitted with priority %d", job.job_type, record.id, priority)
        if self.on_job_event is not None:
            self.on_job_event("OnJobSubmitted", record.id)
        return record.id, future

    def adopt(self, job_id: str, job: Job, snapshot: JobSnapshot, resumable: bool) -> None:
        """Take back a job that a stopped server (or a dead node) left, under its ID, with
        the times, progress, error and state of ``snapshot``: a pending or running one is
        queued (it continues from its position), a paused one stays paused, an ended one
        joins the history. The journal records that this engine keeps it now."""
        record = _Record(job, snapshot.priority, snapshot.user_data, job_id, resumable)
        record.creation_time, record.last_change = snapshot.creation_time, snapshot.last_change
        record.runtime, record.progress, record.error = (snapshot.runtime, snapshot.progress,
                                                         snapshot.error)
        forgotten: list[str] = []
        with self._lock:
            if job_id in self._jobs or self._stopping:
                return
            self._jobs[job_id] = record
            if snapshot.state in FINISHED_STATES:
                record.state = snapshot.state
                self._history[job_id] = record
                forgotten = self._forget_old_jobs()
            elif snapshot.state is JobState.PAUSED:
                record.state = JobState.PAUSED
            else:
                self._enqueue(record)
        log.info("%s job %s taken back (%s)", job.job_type, job_id, record.state.value)
        self._save(record)
        self._forget_saved(forgotten)

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
        """The IDs of every job in the registry, and of the jobs other nodes keep, sorted
        (as Orthanc lists them)."""
        with self._lock:
            local = set(self._jobs)
        return sorted(local.union(self._journal.other_ids(local)))

    def get(self, job_id: str) -> dict:
        """Orthanc's JSON of one job (``GET /jobs/{id}``), kept here or by another node."""
        with self._lock:
            record = self._jobs.get(job_id)
            snapshot = record.snapshot() if record is not None else None
        if record is None or snapshot is None:
            described = self._journal.describe_other(job_id)
            if described is None:
                raise UnknownJobError(job_id)
            return described
        return snapshot.describe(record.job.content())

    def get_all(self) -> list[dict]:
        """Orthanc's JSON of every job (here and on other nodes), sorted by ID
        (``GET /jobs?expand``)."""
        with self._lock:
            found = [(r.snapshot(), r.job) for r in sorted(self._jobs.values(), key=lambda r: r.id)]
        described = [snapshot.describe(job.content()) for snapshot, job in found]
        others = self._journal.describe_others({snapshot.id for snapshot, _ in found})
        return sorted(described + others, key=lambda body: body["ID"]) if others else described

    def running(self) -> list[tuple[JobSnapshot, Job]]:
        """The jobs running here now, with their job objects."""
        with self._lock:
            return [(r.snapshot(), r.job) for r in self._jobs.values()
                    if r.state is JobState.RUNNING]

    def save_running(self) -> None:
        """Tell the journal the progress of the jobs running now (for other nodes' views)."""
        with self._lock:
            running = [r for r in self._jobs.values() if r.state is JobState.RUNNING]
        for record in running:
            self._save(record)

    def kept(self) -> set[str]:
        """The IDs of the jobs in this engine's registry."""
        with self._lock:
            return set(self._jobs)

    def apply(self, job_id: str, action: str) -> None:
        """Apply to a job of this registry an action that another node was asked for
        (:data:`ACTIONS`); an action its state no longer allows is ignored (logged)."""
        method = {"pause": self.pause, "resume": self.resume, "cancel": self.cancel,
                  "resubmit": self.resubmit}.get(action)
        if method is None:
            log.warning("unknown action %r asked of job %s", action, job_id)
            return
        try:
            method(job_id)
        except LetheError as exc:
            log.info("action %s asked of job %s by another node not applied: %s", action,
                     job_id, exc.details or exc.code.description)

    def drop(self, job_id: str) -> None:
        """Forget a job without telling the journal (another node deleted it or runs it
        now). A running job is not stopped by this: see :class:`OwnershipLost`."""
        with self._lock:
            record = self._jobs.pop(job_id, None)
            self._history.pop(job_id, None)
            if record is not None:
                record.queue_seq = None

    # --- actions --------------------------------------------------------------
    def pause(self, job_id: str) -> None:
        """Pause a pending job now, a running job at its next checkpoint; no effect on
        paused and finished jobs (as Orthanc)."""
        if self._elsewhere(job_id, "pause"):
            return
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
                return
            else:
                return
        self._save(record)

    def resume(self, job_id: str) -> None:
        """Put a paused job back in the queue; it continues from its position."""
        if self._elsewhere(job_id, "resume"):
            return
        with self._lock:
            record = self._record(job_id)
            if record.state is not JobState.PAUSED or record.busy:
                raise _wrong_state("resume", record, "only a paused job can be resumed")
            self._refuse_when_stopping()
            record.set_state(JobState.PENDING)
            self._enqueue(record)
        log.info("job %s resumed", job_id)
        self._save(record)

    def cancel(self, job_id: str) -> None:
        """Cancel a job: a running one at its next checkpoint, a pending or paused one now.
        It is rolled back and fails with ``CanceledJob`` (37). No effect on finished jobs."""
        if self._elsewhere(job_id, "cancel"):
            return
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
        if self._elsewhere(job_id, "resubmit"):
            return
        with self._lock:
            record = self._record(job_id)
            if record.state is not JobState.FAILURE or record.busy:
                raise _wrong_state("resubmit", record, "only a failed job can be resubmitted")
            self._refuse_when_stopping()
            record.busy = True
            del self._history[job_id]
        try:
            record.job.reset()
            self._journal_call(self._journal.restarted, job_id)
        except BaseException:
            with self._lock:
                record.busy = False
                self._history[job_id] = record
                forgotten = self._forget_old_jobs()
            self._forget_saved(forgotten)
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
        else:
            self._save(record)

    def delete(self, job_id: str) -> None:
        """Remove a finished job from the registry."""
        if self._elsewhere(job_id, "delete"):
            return
        with self._lock:
            record = self._record(job_id)
            if record.state not in FINISHED_STATES or record.busy:
                raise _wrong_state("delete", record, "only a finished job can be deleted")
            del self._jobs[job_id]
            del self._history[job_id]
        self._forget_saved([job_id])

    def shutdown(self, timeout: float | None = None) -> None:
        """Stop the engine: cancel (and roll back) every unfinished job, let running jobs
        stop at their next checkpoint, and join the threads (each for at most
        ``timeout`` seconds). Submitting afterwards is refused.

        A job the journal can rebuild (``SaveJobs``) is not canceled but handed over as it
        stands, a running one at its next checkpoint: it resumes on the next server (or
        another node) from its last step."""
        with self._lock:
            self._stopping = True
            idle, kept = [], []
            for record in self._jobs.values():
                if record.busy or record.state in FINISHED_STATES:
                    continue
                if record.state is JobState.RUNNING:
                    record.request = _Request.PAUSE if record.resumable else _Request.CANCEL
                elif record.resumable:
                    record.queue_seq = None
                    kept.append(record)
                else:
                    record.queue_seq = None
                    record.busy = True
                    idle.append(record)
            self._work_available.notify_all()
        for record in kept:
            self._release(record)
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

    def _elsewhere(self, job_id: str, action: str) -> bool:
        """Ask another node for ``action`` when the job is not in this registry; True
        if it was asked (:class:`UnknownJobError` when no node keeps it)."""
        with self._lock:
            if job_id in self._jobs:
                return False
        self._journal.ask_other(job_id, action)
        return True

    def _journal_call(self, method: Any, *args: Any) -> None:
        """Call the journal, one call at a time; its errors are logged."""
        with self._journal_lock:
            try:
                method(*args)
            except Exception:
                log.error("the job journal failed (%s)", getattr(method, "__name__", "?"),
                          exc_info=True)

    def _save(self, record: _Record, durable: bool = True) -> None:
        """Tell the journal the state of ``record`` as it is now (``durable``: see
        :meth:`JobJournal.changed`)."""
        with self._journal_lock:
            with self._lock:
                snapshot = record.snapshot()
                if self._jobs.get(record.id) is not record:
                    return  # forgotten meanwhile
            try:
                self._journal.changed(snapshot, record.job, durable)
            except Exception:
                log.error("the job journal failed to save job %s", record.id, exc_info=True)

    def _forget_saved(self, job_ids: list[str]) -> None:
        if job_ids:
            self._journal_call(self._journal.forgotten, job_ids)

    def _lost(self, record: _Record) -> None:
        """Let go of a job another node took over: forgotten here, nothing undone."""
        self.drop(record.id)
        log.warning("%s job %s was taken over by another node: it stops here",
                    record.job.job_type, record.id)
        if not record.future.done():
            record.future.set_exception(LetheError(
                ErrorCode.CANCELED_JOB, "another node took the job over"))

    def _release(self, record: _Record) -> None:
        """Hand a job the journal can rebuild over, unfinished (the engine stops)."""
        with self._lock:
            snapshot = record.snapshot()
            future = record.future
        self._journal_call(self._journal.released, snapshot, record.job)
        log.info("%s job %s handed over unfinished: it resumes on the next server",
                 record.job.job_type, record.id)
        if not future.done():
            future.set_exception(LetheError(
                ErrorCode.CANCELED_JOB, "the server stopped: the job resumes when a server "
                "starts again on the same index"))

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
            # Lost to a power failure only with whatever the job indexed since (its first
            # durable commit keeps it): the job then runs again from where it was.
            self._save(record, durable=False)
            self._run(record)

    def _run(self, record: _Record) -> None:
        error: LetheError | None = None
        try:
            record.job.run(_Control(self._lock, record, self._journal))
        except JobPaused:
            with self._lock:
                stopping = self._stopping
                if not stopping:
                    record.set_state(JobState.PAUSED)
                    log.info("job %s paused", record.id)
            if not stopping:
                self._save(record)
                return
            if record.resumable:
                self._release(record)
                return
            error = LetheError(ErrorCode.CANCELED_JOB)
        except OwnershipLost:
            self._lost(record)
            return
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
        """Roll back a failed job, record the outcome, resolve the waiters. The journal
        learns of a failure before the rollback, so that a stop in the middle of it never
        resumes the job; a job another node took over meanwhile is let go, not rolled
        back (its outputs are that node's now)."""
        if error is not None:
            if not self._journal.owns(record.id):
                self._lost(record)
                return
            with self._lock:
                ending = dataclasses.replace(record.snapshot(), state=JobState.FAILURE,
                                             error=error)
            self._journal_call(self._journal.changed, ending, record.job)
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
            forgotten = self._forget_old_jobs()
            future = record.future
        self._save(record)
        self._forget_saved(forgotten)
        if self.on_job_event is not None:
            self.on_job_event("OnJobFailure" if error else "OnJobSuccess", record.id)
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

    def _forget_old_jobs(self) -> list[str]:
        """Forget the oldest finished jobs beyond the history size (lock held); their IDs,
        for the journal."""
        forgotten = []
        while len(self._history) > self._history_size:
            oldest = next(iter(self._history))
            del self._history[oldest]
            del self._jobs[oldest]
            forgotten.append(oldest)
        return forgotten


def _wrong_state(action: str, record: _Record, rule: str) -> LetheError:
    state = "being canceled or resubmitted" if record.busy else record.state.value
    return LetheError(ErrorCode.BAD_SEQUENCE_OF_CALLS,
                      f'Cannot {action} job "{record.id}": {rule} (state: {state})')
