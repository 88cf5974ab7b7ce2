"""The saved jobs, the nodes sharing the index and their heartbeats: each method is one
transaction of the index (:mod:`lethe.store.jobs_sql` has the schema).

Everything here is portable SQL run by both backends. Claiming a job is a compare-and-set
(``UPDATE ... WHERE owner = <the owner seen>``): of several nodes that try to claim the same
job, exactly one changes the row, whatever the backend's isolation. The clock of heartbeats is
the database's (:attr:`SqlIndex._now_ms`), so that the nodes' own clocks never need to agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from lethe.store.jobs_sql import ACTIVE_STATES, JOB_COLUMNS, JobRow, forget_reserved
from lethe.store.sqlindex import SqlIndex, retried

_T = TypeVar("_T")
_ROW_SELECT = f"SELECT {', '.join(JOB_COLUMNS)} FROM jobs"


@retried
def _in_write(index: SqlIndex, work: Callable[[Any], _T]) -> _T:
    with index._write() as cur:
        return work(cur)


def _in_read(index: SqlIndex, work: Callable[[Any], _T]) -> _T:
    with index._read() as cur:
        return work(cur)


def _marks(values: Iterable[object]) -> str:
    return ", ".join("?" for _ in values)


class JobsTable:
    """The ``jobs``, ``job_steps``, ``job_files`` and ``nodes`` tables of an index.
    Thread-safe, as the index is."""

    def __init__(self, index: SqlIndex) -> None:
        self._index = index

    # --- rows -------------------------------------------------------------
    def insert(self, row: JobRow) -> None:
        """Add a job (its ID must be new)."""
        def work(cur: Any) -> None:
            cur.execute(f"INSERT INTO jobs ({', '.join(JOB_COLUMNS)}) "
                        f"VALUES ({_marks(JOB_COLUMNS)})", row.values())
        _in_write(self._index, work)

    def update(self, row: JobRow, owner: str | None, durable: bool = True) -> bool:
        """Write ``row`` over the job of its ID, if the job is still owned by ``owner``
        (``row.owner`` may hand it to another owner, or to none); False when it is not
        (taken over, or deleted). ``request`` is left as it is. Unless ``durable``, the
        write may be lost to a power failure until the next durable one."""
        columns = [c for c in JOB_COLUMNS if c not in ("id", "request")]

        def work(cur: Any) -> bool:
            cur.execute(f"UPDATE jobs SET {', '.join(f'{c} = ?' for c in columns)} "
                        f"WHERE id = ? AND {_owner_is(owner)}",
                        (*(getattr(row, c) for c in columns), row.id, *_owner_value(owner)))
            return bool(cur.rowcount == 1)
        with self._index._relaxed_unless(durable):
            return _in_write(self._index, work)

    def delete(self, job_ids: list[str]) -> None:
        """Forget jobs, their steps included."""
        if not job_ids:
            return

        def work(cur: Any) -> None:
            cur.execute(f"DELETE FROM job_steps WHERE job_id IN ({_marks(job_ids)})", job_ids)
            cur.execute(f"DELETE FROM jobs WHERE id IN ({_marks(job_ids)})", job_ids)
        _in_write(self._index, work)

    def row(self, job_id: str) -> JobRow | None:
        """The job ``job_id``, or None."""
        def work(cur: Any) -> JobRow | None:
            cur.execute(f"{_ROW_SELECT} WHERE id = ?", (job_id,))
            found = cur.fetchone()
            return None if found is None else JobRow(*found)
        return _in_read(self._index, work)

    def rows(self, owner: str | None = None, *, not_owner: str | None = None) -> list[JobRow]:
        """Every job in the order of submission; only those of ``owner``, or only those
        of other owners than ``not_owner`` (and of none), when given."""
        sql = _ROW_SELECT
        params: tuple[str, ...] = ()
        if owner is not None:
            sql, params = sql + " WHERE owner = ?", (owner,)
        elif not_owner is not None:
            sql, params = sql + " WHERE owner IS NULL OR owner <> ?", (not_owner,)

        def work(cur: Any) -> list[JobRow]:
            cur.execute(sql + " ORDER BY internal_id", params)
            return [JobRow(*found) for found in cur.fetchall()]
        return _in_read(self._index, work)

    def ids(self, owner: str | None = None) -> set[str]:
        """The IDs of every job, or of the jobs of ``owner``."""
        def work(cur: Any) -> set[str]:
            if owner is None:
                cur.execute("SELECT id FROM jobs")
            else:
                cur.execute("SELECT id FROM jobs WHERE owner = ?", (owner,))
            return {found[0] for found in cur.fetchall()}
        return _in_read(self._index, work)

    # --- steps ------------------------------------------------------------
    def steps(self, job_id: str) -> list[str]:
        """The steps a job saved (JSON text each), in order."""
        def work(cur: Any) -> list[str]:
            cur.execute("SELECT data FROM job_steps WHERE job_id = ? ORDER BY step", (job_id,))
            return [found[0] for found in cur.fetchall()]
        return _in_read(self._index, work)

    def clear_steps(self, job_id: str) -> None:
        """Forget the steps of a job (it starts again from its beginning)."""
        _in_write(self._index, lambda cur: cur.execute(
            "DELETE FROM job_steps WHERE job_id = ?", (job_id,)))

    # --- other nodes' requests, and claims ------------------------------------
    def ask(self, job_id: str, action: str) -> bool:
        """Ask the owner of a job for ``action`` (``pause``, ``resume``, ``cancel``,
        ``resubmit``); False for no such job."""
        def work(cur: Any) -> bool:
            cur.execute("UPDATE jobs SET request = ? WHERE id = ?", (action, job_id))
            return bool(cur.rowcount == 1)
        return _in_write(self._index, work)

    def take_requests(self, owner: str) -> list[tuple[str, str]]:
        """The ``(job ID, action)`` asked of the jobs of ``owner``, now forgotten."""
        def work(cur: Any) -> list[tuple[str, str]]:
            cur.execute("SELECT id, request FROM jobs WHERE owner = ? AND request IS NOT NULL",
                        (owner,))
            asked = [(found[0], found[1]) for found in cur.fetchall()]
            for job_id, action in asked:
                cur.execute("UPDATE jobs SET request = NULL WHERE id = ? AND request = ?",
                            (job_id, action))
            return asked
        return _in_write(self._index, work)

    def orphaned(self, node: str, timeout: float) -> list[JobRow]:
        """The jobs that no living node keeps: owned by none, or by a node other than
        ``node`` whose heartbeat is older than ``timeout`` seconds (or that has none), in
        the order of submission."""
        def work(cur: Any) -> list[JobRow]:
            cur.execute(f"{_ROW_SELECT} WHERE owner IS NULL OR (owner <> ? AND NOT EXISTS "
                        f"(SELECT 1 FROM nodes n WHERE n.id = jobs.owner AND "
                        f"n.heartbeat >= {self._index._now_ms} - ?)) ORDER BY internal_id",
                        (node, int(timeout * 1000)))
            return [JobRow(*found) for found in cur.fetchall()]
        return _in_read(self._index, work)

    def claim(self, job_id: str, node: str, seen_owner: str | None, timeout: float,
              force: bool = False) -> bool:
        """Make ``node`` the owner of a job that :meth:`orphaned` found, if it still has
        the owner seen then and that owner is still dead (with ``force``: whatever its
        heartbeat, for a server that owns the index alone); False when another node was
        faster (or the owner came back)."""
        def work(cur: Any) -> bool:
            if force:
                cur.execute("UPDATE jobs SET owner = ? WHERE id = ?", (node, job_id))
            elif seen_owner is None:
                cur.execute("UPDATE jobs SET owner = ? WHERE id = ? AND owner IS NULL",
                            (node, job_id))
            else:
                cur.execute(f"UPDATE jobs SET owner = ? WHERE id = ? AND owner = ? AND NOT "
                            f"EXISTS (SELECT 1 FROM nodes n WHERE n.id = ? AND n.heartbeat "
                            f">= {self._index._now_ms} - ?)",
                            (node, job_id, seen_owner, seen_owner, int(timeout * 1000)))
            return bool(cur.rowcount == 1)
        return _in_write(self._index, work)

    def fail_unfinished(self, details: str, stamp: int) -> int:
        """End every job that has not ended as a failure with ``details`` (a start-up
        that does not resume jobs); how many."""
        def work(cur: Any) -> int:
            cur.execute(f"UPDATE jobs SET state = 'Failure', error = 'CANCELED_JOB', "
                        f"error_details = ?, last_change = ?, owner = NULL, request = NULL "
                        f"WHERE state IN ({_marks(ACTIVE_STATES)})",
                        (details, stamp, *ACTIVE_STATES))
            return int(cur.rowcount)
        return _in_write(self._index, work)

    # --- outputs ----------------------------------------------------------
    def stopped_outputs(self) -> list[str]:
        """The pending outputs (instance IDs) of jobs that will not resume: every job's
        but those of the jobs that have not ended and can be rebuilt."""
        def work(cur: Any) -> list[str]:
            cur.execute(f"SELECT r.public_id FROM pending_outputs p JOIN resources r "
                        f"ON p.resource_id = r.internal_id WHERE p.job_id NOT IN "
                        f"(SELECT output_tag FROM jobs WHERE output_tag IS NOT NULL AND "
                        f"description IS NOT NULL AND state IN ({_marks(ACTIVE_STATES)})) "
                        f"ORDER BY r.internal_id", ACTIVE_STATES)
            return [found[0] for found in cur.fetchall()]
        return _in_read(self._index, work)

    def pending_outputs_of(self, output_tag: str) -> list[str]:
        """The pending outputs (instance IDs) of the job tagged ``output_tag``."""
        def work(cur: Any) -> list[str]:
            cur.execute("SELECT r.public_id FROM pending_outputs p JOIN resources r "
                        "ON p.resource_id = r.internal_id WHERE p.job_id = ? "
                        "ORDER BY r.internal_id", (output_tag,))
            return [found[0] for found in cur.fetchall()]
        return _in_read(self._index, work)

    def reserve(self, output_tag: str, uuids: list[str]) -> None:
        """Record that the job tagged ``output_tag`` is about to write files named
        ``uuids``."""
        def work(cur: Any) -> None:
            cur.executemany("INSERT INTO job_files (uuid, output_tag) VALUES (?, ?)",
                            [(uuid, output_tag) for uuid in uuids])
        with self._index._relaxed():  # lost to a power failure: the next sweep removes them
            _in_write(self._index, work)

    def reserved_unindexed(self, output_tag: str) -> list[str]:
        """The files reserved by the job tagged ``output_tag`` that no attachment names."""
        def work(cur: Any) -> list[str]:
            cur.execute("SELECT f.uuid FROM job_files f WHERE f.output_tag = ? AND NOT EXISTS "
                        "(SELECT 1 FROM attachments a WHERE a.uuid = f.uuid)", (output_tag,))
            return [found[0] for found in cur.fetchall()]
        return _in_read(self._index, work)

    def forget_reserved(self, output_tag: str) -> None:
        """Forget the files reserved by the job tagged ``output_tag``."""
        _in_write(self._index, lambda cur: forget_reserved(cur, output_tag))

    # --- nodes ------------------------------------------------------------
    def beat(self, node: str, about: str) -> None:
        """Record that ``node`` is alive now (by the database's clock)."""
        def work(cur: Any) -> None:
            cur.execute(f"UPDATE nodes SET heartbeat = {self._index._now_ms} WHERE id = ?",
                        (node,))
            if cur.rowcount == 0:
                cur.execute(f"INSERT INTO nodes (id, heartbeat, about) VALUES "
                            f"(?, {self._index._now_ms}, ?)", (node, about))
        with self._index._relaxed():
            _in_write(self._index, work)

    def leave(self, node: str) -> None:
        """Forget ``node`` (it stops): the jobs it still owns are orphaned at once."""
        _in_write(self._index, lambda cur: cur.execute("DELETE FROM nodes WHERE id = ?",
                                                       (node,)))

    def living_nodes(self, timeout: float) -> list[str]:
        """The nodes whose heartbeat is at most ``timeout`` seconds old, by ID."""
        def work(cur: Any) -> list[str]:
            cur.execute(f"SELECT id FROM nodes WHERE heartbeat >= {self._index._now_ms} - ?",
                        (int(timeout * 1000),))
            return sorted(found[0] for found in cur.fetchall())
        return _in_read(self._index, work)

    def forget_dead_nodes(self, age: float) -> int:
        """Remove the nodes silent for more than ``age`` seconds that own no job."""
        def work(cur: Any) -> int:
            cur.execute(f"DELETE FROM nodes WHERE heartbeat < {self._index._now_ms} - ? AND "
                        "NOT EXISTS (SELECT 1 FROM jobs j WHERE j.owner = nodes.id)",
                        (int(age * 1000),))
            return int(cur.rowcount)
        return _in_write(self._index, work)


def _owner_is(owner: str | None) -> str:
    return "owner IS NULL" if owner is None else "owner = ?"


def _owner_value(owner: str | None) -> tuple[str, ...]:
    return () if owner is None else (owner,)
