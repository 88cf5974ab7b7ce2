"""Saved jobs (Orthanc's ``SaveJobs``): the engine's journal in the index, and the jobs taken
back after a stop.

:class:`IndexJournal` writes every job the engine is given into the ``jobs`` table of the
index (:mod:`lethe.store.jobs_table`), and each change of its state; a job that can be
rebuilt (:meth:`Job.describe_for_resume`, a ``Kind`` known to :class:`JobFactories`) also
saves its steps as it commits them. :meth:`IndexJournal.take_back` gives the engine the jobs
of a server that stopped (at start-up), or of a node that died (:mod:`lethe.jobs.cluster`):

- a pending, running or paused job that can be rebuilt resumes where it stopped (a running
  one is queued again), under the same ID, creation time and ``UserData``;
- one that cannot (an archive, a transfer to a modality or a peer: what they hold, open
  associations or temporary files, dies with the process) ends as a failure, ``CanceledJob``
  with details saying why;
- ended jobs keep their ``Content`` as it was saved, within ``JobsHistorySize``; a failed
  one that can be rebuilt can still be resubmitted.

A job that succeeded keeps no description in the index: it held the job's UID key.
"""

from __future__ import annotations

import json
import logging
import weakref
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from lethe.config import Config
from lethe.dicom.tags import TagDictionary
from lethe.errors import ErrorCode, LetheError
from lethe.jobs.engine import (
    FINISHED_STATES,
    JobEngine,
    JobJournal,
    JobSnapshot,
    JobState,
    UnknownJobError,
)
from lethe.jobs.job import Job, JobControl
from lethe.jobs.pool import WorkerPool
from lethe.store.jobs_sql import ENDED_STATES, JobRow, JobStep
from lethe.store.store import Store

log = logging.getLogger(__name__)

Factory = Callable[[dict[str, Any], list[dict[str, Any]], set[str]], Job]
"""Rebuilds a job from its description, its saved steps and its pending outputs."""


class JobFactories:
    """The kinds of jobs that can be rebuilt, each with its factory."""

    def __init__(self, factories: dict[str, Factory] | None = None) -> None:
        self._factories = dict(factories or {})

    def register(self, kind: str, factory: Factory) -> None:
        """Rebuild the jobs whose description has this ``Kind`` with ``factory``."""
        self._factories[kind] = factory

    def knows(self, description: dict[str, Any] | None) -> bool:
        """Whether a job of ``description`` can be rebuilt."""
        return description is not None and description.get("Kind") in self._factories

    def build(self, description: dict[str, Any], steps: list[dict[str, Any]],
              created: set[str]) -> Job:
        """The job of ``description``, positioned after ``steps``."""
        return self._factories[description["Kind"]](description, steps, created)


class StoredJob(Job):
    """An ended job known from its saved row: it shows its saved ``Content``; resubmitted,
    it is rebuilt (when it can be) and runs again from its beginning."""

    def __init__(self, job_type: str, content: dict[str, Any],
                 rebuild: Callable[[], Job] | None = None,
                 description: dict[str, Any] | None = None,
                 output_tag: str | None = None) -> None:
        self.job_type = job_type
        self.output_tag = output_tag
        self._content = content
        self._rebuild = rebuild
        self._description = description
        self._real: Job | None = None

    def run(self, control: JobControl) -> None:
        if self._real is None:
            raise LetheError(ErrorCode.BAD_SEQUENCE_OF_CALLS, "this job cannot run again")
        self._real.run(control)

    def content(self) -> dict:
        return self._real.content() if self._real is not None else dict(self._content)

    def rollback(self) -> None:
        if self._real is not None:
            self._real.rollback()

    def reset(self) -> None:
        if self._rebuild is None:
            raise LetheError(ErrorCode.BAD_SEQUENCE_OF_CALLS,
                             f"Cannot resubmit this {self.job_type} job: it was taken back "
                             "after its server stopped, and jobs of this type cannot be rebuilt")
        self._real = self._rebuild()
        self._real.reset()

    def describe_for_resume(self) -> dict[str, Any] | None:
        return self._real.describe_for_resume() if self._real is not None \
            else self._description


def _micros(moment: datetime) -> int:
    return int(moment.timestamp() * 1_000_000)


def _moment(micros: int) -> datetime:
    return datetime.fromtimestamp(micros / 1_000_000, UTC)


def snapshot_of(row: JobRow) -> JobSnapshot:
    """What ``/jobs/{id}`` shows of a saved row."""
    error = None
    if row.error:
        try:
            code = ErrorCode[row.error]
        except KeyError:
            code = ErrorCode.INTERNAL_ERROR
        error = LetheError(code, row.error_details)
    return JobSnapshot(row.id, row.job_type, row.priority, JobState(row.state), row.progress,
                       _moment(row.creation_time), _moment(row.last_change),
                       row.runtime / 1_000_000, error,
                       None if row.user_data is None else json.loads(row.user_data))


class IndexJournal(JobJournal):
    """The engine's jobs in the index of ``store``, as kept by this node
    (``store.node_id``). With ``several_nodes``, ``/jobs`` also shows the jobs that other
    nodes keep, and actions on them are asked through the index."""

    def __init__(self, store: Store, factories: JobFactories,
                 several_nodes: bool = False) -> None:
        self._store = store
        self._table = store.jobs
        self.node = store.node_id
        self._factories = factories
        self._several = several_nodes
        self._descriptions: weakref.WeakKeyDictionary[Job, str | None] = \
            weakref.WeakKeyDictionary()

    # --- the engine's own jobs ------------------------------------------------
    def resumable(self, job: Job) -> bool:
        return self._description(job) is not None

    def _description(self, job: Job) -> str | None:
        if job not in self._descriptions:
            try:
                described = job.describe_for_resume()
            except Exception:
                log.error("%s job cannot be described for a resume", job.job_type,
                          exc_info=True)
                described = None
            if described is not None and not self._factories.knows(described):
                described = None
            self._descriptions[job] = None if described is None else json.dumps(described)
        return self._descriptions[job]

    def _row(self, snapshot: JobSnapshot, job: Job, owner: str | None,
             state: JobState | None = None) -> JobRow:
        state = state or snapshot.state
        error = snapshot.error
        return JobRow(
            id=snapshot.id, job_type=snapshot.job_type, priority=snapshot.priority,
            state=state.value, creation_time=_micros(snapshot.creation_time),
            last_change=_micros(snapshot.last_change),
            runtime=int(snapshot.runtime * 1_000_000), progress=snapshot.progress,
            error=error.code.name if error else "", error_details=error.details if error else "",
            user_data=None if snapshot.user_data is None else json.dumps(snapshot.user_data),
            content=_content_json(job),
            description=None if state is JobState.SUCCESS else self._description(job),
            output_tag=job.output_tag, owner=owner)

    def added(self, snapshot: JobSnapshot, job: Job) -> None:
        self._table.insert(self._row(snapshot, job, self.node))

    def changed(self, snapshot: JobSnapshot, job: Job, durable: bool = True) -> None:
        if not self._table.update(self._row(snapshot, job, self.node), self.node, durable):
            log.debug("job %s is no longer kept by this node", snapshot.id)

    def restarted(self, job_id: str) -> None:
        self._table.clear_steps(job_id)

    def forgotten(self, job_ids: list[str]) -> None:
        self._table.delete(job_ids)

    def released(self, snapshot: JobSnapshot, job: Job) -> None:
        state = JobState.PAUSED if snapshot.state is JobState.PAUSED else JobState.PENDING
        self._table.update(self._row(snapshot, job, None, state), self.node)

    def step(self, job_id: str, number: int, data: dict[str, Any]) -> JobStep | None:
        return JobStep(job_id, self.node, number, json.dumps(data))

    def owns(self, job_id: str) -> bool:
        try:
            row = self._table.row(job_id)
        except Exception:  # noqa: BLE001 - the index is out of reach: roll back as before
            log.warning("cannot tell whether job %s is still this node's", job_id)
            return True
        return row is None or row.owner in (self.node, None)

    # --- other nodes' jobs ----------------------------------------------------
    def other_ids(self, local: set[str]) -> list[str]:
        return sorted(self._table.ids() - local) if self._several else []

    def describe_other(self, job_id: str) -> dict[str, Any] | None:
        if not self._several:
            return None
        row = self._table.row(job_id)
        return None if row is None else _describe(row)

    def describe_others(self, local: set[str]) -> list[dict[str, Any]]:
        if not self._several:
            return []
        return [_describe(row) for row in self._table.rows(not_owner=self.node)
                if row.id not in local]

    def ask_other(self, job_id: str, action: str) -> None:
        row = self._table.row(job_id) if self._several else None
        if row is None:
            raise UnknownJobError(job_id)
        state = JobState(row.state)
        if action == "delete":
            if state not in FINISHED_STATES:
                raise _wrong_state(action, job_id, state, "only a finished job can be deleted")
            self._table.delete([job_id])  # its node forgets it at its next look
            return
        if action == "resume" and state is not JobState.PAUSED:
            raise _wrong_state(action, job_id, state, "only a paused job can be resumed")
        if action == "resubmit" and state is not JobState.FAILURE:
            raise _wrong_state(action, job_id, state, "only a failed job can be resubmitted")
        if action in ("pause", "cancel") and state in FINISHED_STATES:
            return  # no effect, as on a job of this node
        self._table.ask(job_id, action)

    # --- taking jobs back -------------------------------------------------------
    def take_back(self, engine: JobEngine, rows: list[JobRow]) -> None:
        """Give ``engine`` the jobs of ``rows`` (claimed by this node already): resumed,
        failed, or in the history (see the module). Ended ones go first, oldest first, so
        that the history keeps the newest."""
        ended = sorted((r for r in rows if r.state in ENDED_STATES), key=lambda r: r.last_change)
        for row in ended + [r for r in rows if r.state not in ENDED_STATES]:
            try:
                self._take_back_one(engine, row)
            except Exception:
                log.error("job %s could not be taken back", row.id, exc_info=True)

    def _take_back_one(self, engine: JobEngine, row: JobRow) -> None:
        snapshot = snapshot_of(row)
        description = None if row.description is None else json.loads(row.description)
        content = json.loads(row.content)
        if snapshot.state in FINISHED_STATES:
            rebuild = None
            if snapshot.state is JobState.FAILURE and self._factories.knows(description):
                assert description is not None
                rebuild = self._rebuilder(description)
            job: Job = StoredJob(row.job_type, content, rebuild, description, row.output_tag)
            self._descriptions[job] = row.description if rebuild is not None else None
            engine.adopt(row.id, job, snapshot, resumable=rebuild is not None)
            return
        reason = f"jobs of type {row.job_type} cannot be resumed"
        if self._factories.knows(description):
            assert description is not None
            try:
                tag = row.output_tag
                if tag is not None:
                    self._store.discard_reserved_outputs(tag)
                created = set(self._table.pending_outputs_of(tag)) if tag is not None else set()
                steps = [json.loads(text) for text in self._table.steps(row.id)]
                job = self._factories.build(description, steps, created)
            except LetheError as exc:
                reason = f"it could not be rebuilt: {exc.details or exc.code.description}"
            except (KeyError, TypeError, ValueError) as exc:
                reason = f"it could not be rebuilt ({type(exc).__name__})"
            else:
                self._descriptions[job] = row.description
                engine.adopt(row.id, job, snapshot, resumable=True)
                log.info("%s job %s resumes from its step %d", row.job_type, row.id,
                         len(steps))
                return
        self._fail(engine, row, snapshot, content, reason)

    def _fail(self, engine: JobEngine, row: JobRow, snapshot: JobSnapshot,
              content: dict[str, Any], reason: str) -> None:
        """End a job that cannot resume: its pending outputs are removed."""
        if row.output_tag is not None:
            self._store.discard_job_outputs(row.output_tag)
        error = LetheError(ErrorCode.CANCELED_JOB,
                           f"the server that ran this job stopped, and {reason}")
        failed = JobSnapshot(snapshot.id, snapshot.job_type, snapshot.priority,
                             JobState.FAILURE, snapshot.progress, snapshot.creation_time,
                             datetime.now(UTC), snapshot.runtime, error, snapshot.user_data)
        job = StoredJob(row.job_type, content)
        self._descriptions[job] = None
        engine.adopt(row.id, job, failed, resumable=False)
        log.warning("%s job %s ended as a failure: %s", row.job_type, row.id, reason)

    def _rebuilder(self, description: dict[str, Any]) -> Callable[[], Job]:
        return lambda: self._factories.build(description, [], set())

    def take_back_all(self, engine: JobEngine) -> int:
        """At the start-up of a server that owns the index alone: take back every job
        saved by the servers before it; how many."""
        rows = self._table.rows()
        claimed = [row for row in rows
                   if self._table.claim(row.id, self.node, row.owner, 0, force=True)]
        fresh = [found for row in claimed if (found := self._table.row(row.id)) is not None]
        self.take_back(engine, fresh)
        return len(fresh)


def _content_json(job: Job) -> str:
    """The job's ``Content`` as JSON text (``{}`` if it has none that JSON can hold)."""
    try:
        return json.dumps(job.content())
    except Exception:
        log.error("the Content of a %s job cannot be saved", job.job_type, exc_info=True)
        return "{}"


def _describe(row: JobRow) -> dict[str, Any]:
    return snapshot_of(row).describe(json.loads(row.content))


def _wrong_state(action: str, job_id: str, state: JobState, rule: str) -> LetheError:
    return LetheError(ErrorCode.BAD_SEQUENCE_OF_CALLS,
                      f'Cannot {action} job "{job_id}": {rule} (state: {state.value})')


def saved_jobs(config: Config, store: Store, pool: WorkerPool,
               tags: TagDictionary) -> IndexJournal | None:
    """The journal of a server's job engine: None without ``SaveJobs`` (or with an index
    that cannot keep jobs). The modification jobs (``ResourceModification``, split and
    merge) can be rebuilt; the other types end as failures after a stop."""
    if not config.SaveJobs or not store.saves_jobs:
        return None
    from lethe.jobs import modification_state

    def modification(description: dict[str, Any], steps: list[dict[str, Any]],
                     created: set[str]) -> Job:
        return modification_state.rebuild_job(description, steps, created, store, pool,
                                              config, tags)

    factories = JobFactories({modification_state.KIND: modification})
    return IndexJournal(store, factories, several_nodes=store.shared)
