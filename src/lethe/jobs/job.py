"""What a concrete job implements, and what it sees of the engine that runs it.

A job does its work in steps inside :meth:`Job.run`. Between two steps it
calls :meth:`JobControl.checkpoint`, which raises :class:`JobPaused` or
:class:`JobCanceled` when the engine wants the job to stop there; the job lets
that exception leave ``run()``. A paused job is later resumed by calling
``run()`` again, so the job keeps its own position (the index of the next
step) and continues from it.

Failure is any other exception leaving ``run()``: a
:class:`lethe.errors.LetheError` is reported with its code and details, any
other exception as an internal error. After a failure or a cancel the engine
calls :meth:`Job.rollback`.

The engine never calls ``run()``, ``rollback()`` and ``reset()`` of one job at
the same time, but ``content()`` may be called from another thread at any
moment, also while ``run()`` executes.

Saved jobs (``SaveJobs``): a job that can be rebuilt after a restart says how in
:meth:`Job.describe_for_resume` (a JSON object naming a ``Kind`` that
:mod:`lethe.jobs.persistence` knows), and records each step it commits with
:meth:`JobControl.saved_step`, in the same store transaction as the step's work:
rebuilt from its description and its saved steps, it continues after the last
step committed. A job that cannot be rebuilt ends as a failure when the server
that ran it stops.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from lethe.store.jobs_sql import JobStep


class JobInterrupted(BaseException):
    """Raised by :meth:`JobControl.checkpoint` to stop ``run()`` between two steps.

    It derives from ``BaseException`` so that an ``except Exception`` inside a
    job does not swallow it by accident.
    """


class JobPaused(JobInterrupted):
    """The job must stop here; ``run()`` will be called again to continue."""


class JobCanceled(JobInterrupted):
    """The job must stop here for good; the engine rolls it back."""


class JobControl(ABC):
    """The engine's side of a running job, handed to :meth:`Job.run`."""

    @abstractmethod
    def checkpoint(self) -> None:
        """Return when the job may go on; raise :class:`JobPaused` or :class:`JobCanceled`
        when it must stop. Call it between steps, once the finished step is recorded in
        the job's position."""

    @abstractmethod
    def set_progress(self, fraction: float) -> None:
        """Report the part of the work done, from 0.0 to 1.0 (clamped)."""

    def saved_step(self, number: int, data: dict[str, Any]) -> JobStep | None:
        """The step ``number`` (0, 1, ... since the job's start or reset) for the store to
        save in the transaction that commits its work (``data``: the job's own JSON record
        of it), or None when the job is not saved. The store refuses the step, and the
        work, with :class:`~lethe.store.jobs_sql.OwnershipLost` when another node took
        the job over: the job then lets that exception leave ``run()``."""
        return None


class Job(ABC):
    """A unit of work run by :class:`lethe.jobs.engine.JobEngine`.

    ``job_type`` is Orthanc's job type (``"ResourceModification"``,
    ``"SplitStudy"``, ``"MergeStudy"``), shown as ``Type`` in ``/jobs/{id}``.
    """

    job_type: str
    output_tag: str | None = None
    """The tag of the job's pending outputs in the index, for a job that makes some."""

    @abstractmethod
    def run(self, control: JobControl) -> None:
        """Do the remaining steps, from the job's current position.

        Call ``control.checkpoint()`` between steps and ``control.set_progress()`` as the
        work advances; let :class:`JobInterrupted` propagate. Returning means success.
        """

    @abstractmethod
    def content(self) -> dict:
        """Orthanc's ``Content`` of the job (the synchronous answer), partial while running.

        Called from any thread, also while ``run()`` executes: read shared state under the
        job's own lock, and return a new object each time.
        """

    @abstractmethod
    def rollback(self) -> None:
        """Undo everything the job created. Called after a failure and after a cancel,
        possibly more than once and possibly for a job that never ran: must be idempotent.
        Its own errors are logged and otherwise ignored."""

    @abstractmethod
    def reset(self) -> None:
        """Forget the position so that the next ``run()`` starts from the beginning.
        Called on a failed (already rolled back) job that is resubmitted."""

    def describe_for_resume(self) -> dict[str, Any] | None:
        """What rebuilds this job after a restart: a JSON object with a ``Kind`` known to
        :mod:`lethe.jobs.persistence`; None (the default) for a job that cannot be rebuilt.
        Called once, when the job is submitted."""
        return None
