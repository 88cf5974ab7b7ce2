"""One job list for several nodes on one PostgreSQL index (``"Lock": false``).

Every job is a row of the index (:mod:`lethe.jobs.persistence`) owned by the node that
runs or keeps it: the node it was submitted to, so that a synchronous caller gets its
answer there. The others show it in ``/jobs`` from its row, and forward the actions asked
of it (pause, resume, cancel, resubmit) through the row's ``request`` column; a finished
job is deleted from any node.

A thread of each node looks at the index every :data:`POLL_INTERVAL` seconds:

- it applies the actions other nodes forwarded to its jobs;
- it forgets the finished jobs another node deleted (and stops keeping a job another node
  took over: the job itself stops at its next step, :class:`OwnershipLost`);
- it claims the jobs that no living node keeps (their node died: its heartbeat,
  :mod:`lethe.store.nodes`, is older than the timeout; or it stopped and handed them
  over), one compare-and-set per job so that exactly one node gets each, and takes them
  back: they resume from their last step (:meth:`IndexJournal.take_back`);
- it saves the progress of its running jobs, for the other nodes' ``/jobs``.
"""

from __future__ import annotations

import logging
import threading

from lethe.jobs.engine import JobEngine
from lethe.jobs.persistence import IndexJournal
from lethe.store.jobs_table import JobsTable
from lethe.store.nodes import NODE_TIMEOUT
from lethe.store.store import Store

log = logging.getLogger(__name__)

POLL_INTERVAL = 1.0
"""Seconds between two looks at the shared job list."""


class JobCluster:
    """This node's part in the shared job list: a thread between :meth:`start` and
    :meth:`stop` (see the module)."""

    def __init__(self, engine: JobEngine, journal: IndexJournal, table: JobsTable,
                 interval: float = POLL_INTERVAL, timeout: float = NODE_TIMEOUT) -> None:
        self._engine = engine
        self._journal = journal
        self._table = table
        self._node = journal.node
        self._interval = interval
        self._timeout = timeout
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Look once now (jobs orphaned by a node that died are claimed at once), then
        every interval in a thread."""
        self.poll()
        self._thread = threading.Thread(target=self._run, name="lethe-jobs-cluster",
                                        daemon=True)
        self._thread.start()

    def poll(self) -> None:
        """One look at the shared job list (see the module)."""
        for job_id, action in self._table.take_requests(self._node):
            log.info("action %s asked of job %s by another node", action, job_id)
            self._engine.apply(job_id, action)
        kept = self._engine.kept()
        for job_id in kept - self._table.ids(self._node):
            log.info("job %s was deleted or taken over by another node", job_id)
            self._engine.drop(job_id)
        for row in self._table.orphaned(self._node, self._timeout):
            if self._stopping.is_set():
                return
            if not self._table.claim(row.id, self._node, row.owner, self._timeout):
                continue
            claimed = self._table.row(row.id)
            if claimed is not None:
                log.info("%s job %s claimed from %s", row.job_type, row.id,
                         "a node that died" if row.owner else "a node that stopped")
                self._journal.take_back(self._engine, [claimed])
        self._engine.save_running()

    def _run(self) -> None:
        while not self._stopping.wait(self._interval):
            try:
                self.poll()
            except Exception as exc:  # noqa: BLE001 - the next look tries again
                log.warning("the shared job list could not be read: %s", exc)

    def stop(self) -> None:
        """Stop looking (before the engine stops, so that it claims nothing more)."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None


def start_saved_jobs(engine: JobEngine, journal: IndexJournal | None,
                     store: Store) -> JobCluster | None:
    """Take back the saved jobs at a server's start-up: all of them when the server owns
    the index alone; with other nodes, those no living node keeps, now and from then on
    (the :class:`JobCluster` returned, to stop before the engine). Nothing without a
    journal (no ``SaveJobs``)."""
    if journal is None:
        return None
    if not store.shared:
        taken = journal.take_back_all(engine)
        if taken:
            log.info("%d saved jobs taken back", taken)
        return None
    cluster = JobCluster(engine, journal, store.jobs)
    cluster.start()
    return cluster
