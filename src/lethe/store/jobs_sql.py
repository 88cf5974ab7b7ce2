"""The jobs in the index (``SaveJobs``): the schema, the row types, and the statements that
run inside another transaction.

A job is one row of ``jobs``: its description in Orthanc's terms (type, priority, state,
times, error, ``UserData``, the last ``Content``), what rebuilds it after a restart
(``description``, JSON; NULL for a job that cannot be rebuilt), the tag of its pending
outputs (``output_tag``), the node that runs or keeps it (``owner``; NULL: any node may take
it) and an action that another node asked of it (``request``).

Its progress is a list of steps (``job_steps``): each batch a job commits records its step
in the same transaction as the batch, so that a job resumed after a crash continues exactly
after what was committed, never writing an instance twice. ``job_files`` lists the files a
job is about to write (reserved before its workers write them), so that a node taking over
the job of a node that died can remove the files that were written and never indexed: they
are known to be that job's own. ``nodes`` holds the heartbeat of every server sharing the
index (:mod:`lethe.store.nodes`).

Times are integers: microseconds since the epoch (UTC) for the job times, milliseconds of
the database's clock for heartbeats.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

JOBS_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    internal_id {autoincrement},
    id TEXT NOT NULL UNIQUE,
    job_type TEXT NOT NULL,
    priority BIGINT NOT NULL,
    state TEXT NOT NULL,
    creation_time BIGINT NOT NULL,
    last_change BIGINT NOT NULL,
    runtime BIGINT NOT NULL,
    progress DOUBLE PRECISION NOT NULL,
    error TEXT NOT NULL,
    error_details TEXT NOT NULL,
    user_data TEXT,
    content TEXT NOT NULL,
    description TEXT,
    output_tag TEXT,
    owner TEXT,
    request TEXT
);
CREATE INDEX IF NOT EXISTS jobs_owner ON jobs(owner);
CREATE TABLE IF NOT EXISTS job_steps (
    job_id TEXT NOT NULL,
    step BIGINT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (job_id, step)
);
CREATE TABLE IF NOT EXISTS job_files (
    uuid TEXT NOT NULL PRIMARY KEY,
    output_tag TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS job_files_tag ON job_files(output_tag);
CREATE TABLE IF NOT EXISTS nodes (
    id TEXT NOT NULL PRIMARY KEY,
    heartbeat BIGINT NOT NULL,
    about TEXT NOT NULL
)
"""
"""Migration: the tables of saved jobs and of the nodes sharing the index."""

ACTIVE_STATES = ("Pending", "Running", "Paused")
"""The states of a job that has not ended (Orthanc's ``Retry`` is never used)."""

ENDED_STATES = ("Success", "Failure")

JOB_COLUMNS = ("id", "job_type", "priority", "state", "creation_time", "last_change",
               "runtime", "progress", "error", "error_details", "user_data", "content",
               "description", "output_tag", "owner", "request")


class OwnershipLost(Exception):  # noqa: N818 - a state, not an error of the caller
    """The job's row names another owner: a node took it over (this one was thought dead)
    or it was deleted. Raised inside the transaction that saves a step, which is rolled
    back: the node must stop running the job without undoing anything."""

    def __init__(self, job_id: str) -> None:
        super().__init__(f"job {job_id} is no longer run by this node")
        self.job_id = job_id


@dataclass
class JobRow:
    """One row of ``jobs``. ``runtime`` is in microseconds; ``error`` is the name of an
    :class:`~lethe.errors.ErrorCode` (empty: no error); ``user_data``, ``content`` and
    ``description`` are JSON text."""

    id: str
    job_type: str
    priority: int
    state: str
    creation_time: int
    last_change: int
    runtime: int
    progress: float
    error: str
    error_details: str
    user_data: str | None
    content: str
    description: str | None
    output_tag: str | None
    owner: str | None
    request: str | None = None

    def values(self) -> tuple[Any, ...]:
        """The values of :data:`JOB_COLUMNS`, in order."""
        return tuple(getattr(self, name) for name in JOB_COLUMNS)


@dataclass(frozen=True)
class JobStep:
    """A step of a job to save with the batch it committed: ``data`` (JSON text) is the
    job's own record of it. The transaction that saves it fails with
    :class:`OwnershipLost` unless the job's row still names ``owner``."""

    job_id: str
    owner: str
    number: int
    data: str


def save_step(cur: Any, step: JobStep) -> None:
    """Save ``step`` in the caller's transaction, after checking (and locking until the
    transaction ends) that its job is still owned by ``step.owner``."""
    cur.execute("UPDATE jobs SET owner = owner WHERE id = ? AND owner = ?",
                (step.job_id, step.owner))
    if cur.rowcount != 1:
        raise OwnershipLost(step.job_id)
    cur.execute("INSERT INTO job_steps (job_id, step, data) VALUES (?, ?, ?)",
                (step.job_id, step.number, step.data))


def forget_reserved(cur: Any, output_tag: str) -> None:
    """Forget the files reserved by the job whose outputs are tagged ``output_tag`` (its
    outputs are no longer pending: what it wrote is indexed or was deleted)."""
    cur.execute("DELETE FROM job_files WHERE output_tag = ?", (output_tag,))
