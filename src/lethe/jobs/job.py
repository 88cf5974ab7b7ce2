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
"""

from __future__ import annotations

from abc import ABC, abstractmethod


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


class Job(ABC):
    """A unit of work run by :class:`lethe.jobs.engine.JobEngine`.

    ``job_type`` is Orthanc's job type (``"ResourceModification"``,
    ``"SplitStudy"``, ``"MergeStudy"``), shown as ``Type`` in ``/jobs/{id}``.
    """

    job_type: str

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
