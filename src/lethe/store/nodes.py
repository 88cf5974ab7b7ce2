"""The nodes that share one PostgreSQL index and one storage area (``"Lock": false``).

Each node has a random ID for the life of its process, and a row of the ``nodes`` table
whose heartbeat it refreshes every :data:`HEARTBEAT_INTERVAL` seconds (by the database's
clock). A node silent for :data:`NODE_TIMEOUT` seconds is dead: the jobs it kept are taken
over by the others (:mod:`lethe.jobs.cluster`).

Stable resources (:mod:`lethe.store.stability`) stay right with several nodes: every node
follows the change log (the ``NewInstance`` changes, whichever node stored the instance)
into its own monitor, so that all of them know which resources are unstable, and only the
*leader*, the living node of smallest ID, logs the ``Stable<Level>`` changes. When the
leader dies, the next one takes over with a monitor that is already up to date.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import uuid
from typing import Any

from lethe.store.jobs_table import JobsTable
from lethe.store.model import Level
from lethe.store.sqlindex import CHANGE_COUNTER, SqlIndex
from lethe.store.stability import StabilityMonitor

log = logging.getLogger(__name__)

HEARTBEAT_INTERVAL = 1.0
"""Seconds between two heartbeats of a node."""

NODE_TIMEOUT = 10.0
"""Seconds without a heartbeat after which a node is dead and its jobs are taken over."""

FORGET_AFTER = 3600.0
"""Seconds after which the row of a dead node that keeps no job is removed."""


def new_node_id() -> str:
    """A new node ID (random, for the life of one process)."""
    return uuid.uuid4().hex


class Membership:
    """This node's heartbeat, its view of the other nodes, and the change-log follower of
    its stability monitor; a thread of its own between :meth:`start` and :meth:`stop`."""

    def __init__(self, index: SqlIndex, table: JobsTable, node_id: str,
                 stability: StabilityMonitor | None = None,
                 interval: float = HEARTBEAT_INTERVAL, timeout: float = NODE_TIMEOUT) -> None:
        self.node_id = node_id
        self.timeout = timeout
        self._index = index
        self._table = table
        self._stability = stability
        self._interval = interval
        self._leader = False
        self._since = 0
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._about = json.dumps({"pid": os.getpid(), "host": socket.gethostname()})

    @property
    def is_leader(self) -> bool:
        """Whether this node is the leader (it logs the ``Stable<Level>`` changes)."""
        return self._leader

    def start(self) -> None:
        """Beat once (the node is known from now on), then every interval in a thread."""
        self._since = self._index.last_change()
        self.beat()
        self._thread = threading.Thread(target=self._run, name="lethe-node", daemon=True)
        self._thread.start()

    def beat(self) -> None:
        """One heartbeat: record that this node lives, elect the leader, and follow the
        change log into the stability monitor."""
        self._table.beat(self.node_id, self._about)
        living = self._table.living_nodes(self.timeout)
        leader = bool(living) and living[0] == self.node_id
        if leader != self._leader:
            log.info("this node %s the leader of the nodes sharing the index",
                     "is now" if leader else "is no longer")
            self._leader = leader
        if self._stability is not None:
            self._follow()

    def _follow(self) -> None:
        """Touch the stability monitor with the instances stored since the last look."""
        with self._index._read() as cur:
            self._since, stored = _new_instances(cur, self._since)
        if stored:
            assert self._stability is not None
            self._stability.touch(stored)

    def _run(self) -> None:
        beats = 0
        while not self._stopping.wait(self._interval):
            try:
                self.beat()
                beats += 1
                if beats % 600 == 0:
                    self._table.forget_dead_nodes(FORGET_AFTER)
            except Exception as exc:  # noqa: BLE001 - the next beat tries again
                log.warning("heartbeat of this node failed: %s", exc)

    def stop(self) -> None:
        """Stop beating, and leave: the jobs this node still keeps are orphaned at once."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
            try:
                self._table.leave(self.node_id)
            except Exception as exc:  # noqa: BLE001 - the others will see it silent
                log.warning("this node could not leave the index: %s", exc)


def _new_instances(cur: Any, since: int) -> tuple[int, list[tuple[str, str, str, str]]]:
    """The last change number now, and the (patient, study, series, instance) IDs of the
    instances stored after change ``since`` that still exist, read in one snapshot."""
    cur.execute("SELECT value FROM properties WHERE name = ?", (CHANGE_COUNTER,))
    found = cur.fetchone()
    last = int(found[0]) if found else 0
    if last <= since:
        return last, []
    cur.execute("SELECT r0.public_id, r1.public_id, r2.public_id, r3.public_id FROM changes c "
                "JOIN resources r3 ON r3.public_id = c.public_id "
                "JOIN resources r2 ON r3.parent_id = r2.internal_id "
                "JOIN resources r1 ON r2.parent_id = r1.internal_id "
                "JOIN resources r0 ON r1.parent_id = r0.internal_id "
                "WHERE c.seq > ? AND c.seq <= ? AND c.change_type = 'NewInstance' "
                "AND r3.level = ? ORDER BY c.seq", (since, last, int(Level.INSTANCE)))
    return last, [(r[0], r[1], r[2], r[3]) for r in cur.fetchall()]
