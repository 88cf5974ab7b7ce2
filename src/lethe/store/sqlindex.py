"""The index in portable SQL, shared by the SQLite and (later) PostgreSQL backends.

The statements use ``?`` placeholders and only standard SQL; a backend
supplies connections (:meth:`SqlIndex._connect`), the schema's auto-increment
spelling, and how to open a write transaction.
"""

from __future__ import annotations

import threading
from abc import abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from lethe.dicom.maintags import normalize_identifier
from lethe.store.index import Index
from lethe.store.model import (
    IDENTIFIER_OF_LEVEL,
    Attachment,
    Change,
    DeleteOutcome,
    Level,
    NewInstance,
    Resource,
    StoreOutcome,
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS resources (
    internal_id {autoincrement},
    public_id TEXT NOT NULL UNIQUE,
    level INTEGER NOT NULL,
    parent_id BIGINT REFERENCES resources(internal_id)
);
CREATE INDEX IF NOT EXISTS resources_parent ON resources(parent_id);
CREATE INDEX IF NOT EXISTS resources_level ON resources(level, internal_id);
CREATE TABLE IF NOT EXISTS main_tags (
    resource_id BIGINT NOT NULL REFERENCES resources(internal_id),
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (resource_id, name)
);
-- No index on (name, value): no query used it (searches scan a level and check each
-- resource through the primary key), and keeping it up to date cost a quarter of the
-- CPU of a lone upload's commit. Databases made before keep it no longer.
DROP INDEX IF EXISTS main_tags_value;
CREATE TABLE IF NOT EXISTS metadata (
    resource_id BIGINT NOT NULL REFERENCES resources(internal_id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (resource_id, name)
);
CREATE TABLE IF NOT EXISTS attachments (
    resource_id BIGINT NOT NULL REFERENCES resources(internal_id),
    content_type INTEGER NOT NULL,
    uuid TEXT NOT NULL UNIQUE,
    size BIGINT NOT NULL,
    md5 TEXT NOT NULL,
    PRIMARY KEY (resource_id, content_type)
);
CREATE TABLE IF NOT EXISTS labels (
    resource_id BIGINT NOT NULL REFERENCES resources(internal_id),
    label TEXT NOT NULL,
    PRIMARY KEY (resource_id, label)
);
CREATE TABLE IF NOT EXISTS changes (
    seq BIGINT PRIMARY KEY,
    change_type TEXT NOT NULL,
    level INTEGER NOT NULL,
    public_id TEXT NOT NULL,
    date TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_public_id ON changes(public_id);
CREATE TABLE IF NOT EXISTS pending_outputs (
    resource_id BIGINT NOT NULL PRIMARY KEY REFERENCES resources(internal_id),
    job_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS pending_outputs_job ON pending_outputs(job_id);
CREATE TABLE IF NOT EXISTS properties (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
-- The identifier of each resource (PatientID, StudyInstanceUID...), normalized as Orthanc
-- normalizes identifiers: what /tools/lookup finds through an index.
CREATE TABLE IF NOT EXISTS identifiers (
    resource_id BIGINT NOT NULL PRIMARY KEY REFERENCES resources(internal_id),
    value TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS identifiers_value ON identifiers(value);
"""

CHANGE_COUNTER = "ChangeSequence"
IDENTIFIERS_FILLED = "IdentifiersFilled"  # property: the identifiers table is complete
NEW_CHANGE = {Level.PATIENT: "NewPatient", Level.STUDY: "NewStudy",
              Level.SERIES: "NewSeries", Level.INSTANCE: "NewInstance"}


def now_stamp() -> str:
    """The local time in Orthanc's ``YYYYMMDDTHHMMSS`` form."""
    return datetime.now().strftime("%Y%m%dT%H%M%S")


@dataclass
class _BatchMemo:
    """What one store transaction already did: the parents it met (public ID -> internal
    ID) and the parent metadata it wrote, so that a batch of instances of one series
    does not repeat them."""

    parents: dict[str, int] = field(default_factory=dict)
    metadata: set[tuple[int, str, str]] = field(default_factory=set)


class SqlIndex(Index):
    """An :class:`Index` over a DB-API connection per thread."""

    def __init__(self) -> None:
        self._local = threading.local()
        self._all: list[Any] = []
        self._all_lock = threading.Lock()

    # --- backend hooks -----------------------------------------------------
    @abstractmethod
    def _connect(self) -> Any:
        """A new DB-API connection in autocommit mode."""

    @abstractmethod
    def _begin_write(self, cur: Any) -> None:
        """Start a transaction that will write."""

    # --- plumbing ----------------------------------------------------------
    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._all_lock:
                self._all.append(conn)
        return conn

    @contextmanager
    def _relaxed(self) -> Iterator[None]:
        """Writes inside may be lost on a power failure (never on a process crash)."""
        yield

    @contextmanager
    def _write(self) -> Iterator[Any]:
        cur = self._conn().cursor()
        self._begin_write(cur)
        try:
            yield cur
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        cur.execute("COMMIT")

    @contextmanager
    def _read(self) -> Iterator[Any]:
        cur = self._conn().cursor()
        cur.execute("BEGIN")
        try:
            yield cur
        finally:
            cur.execute("COMMIT")

    def close(self) -> None:
        with self._all_lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()

    # --- writing -----------------------------------------------------------
    def store(self, new: NewInstance, overwrite: bool) -> StoreOutcome:
        return self.store_batch([new], overwrite)[0]

    def store_batch(self, batch: list[NewInstance], overwrite: bool,
                    finish_job: str | None = None) -> list[StoreOutcome]:
        stamp = now_stamp()
        seen = _BatchMemo()
        with self._write() as cur:
            outcomes = [self._store_one(cur, new, overwrite, stamp, seen) for new in batch]
            if finish_job is not None:
                _finish_job(cur, finish_job)
            return outcomes

    def _store_one(self, cur: Any, new: NewInstance, overwrite: bool, stamp: str,
                   seen: _BatchMemo) -> StoreOutcome:
        replaced: tuple[Attachment, ...] = ()
        existing = _internal_id(cur, new.ids[3])
        if existing is not None:
            if not overwrite:
                return StoreOutcome("AlreadyStored")
            replaced = tuple(_attachments_below(cur, existing, Level.INSTANCE))
            _delete_rows(cur, existing)
        rids: list[int] = []
        created: list[Level] = []
        for level in Level:
            public_id = new.ids[level]
            known = None if level is Level.INSTANCE else \
                seen.parents.get(public_id) or _internal_id(cur, public_id)
            if known is None:
                known = self._insert(cur, new, level, rids[-1] if rids else None)
                created.append(level)
            rids.append(known)
            if level is not Level.INSTANCE:
                seen.parents[public_id] = rids[-1]
        for level in reversed(created):  # as Orthanc logs them: the instance first
            _add_change(cur, NEW_CHANGE[level], level, new.ids[level], stamp)
        if new.job is not None and existing is None:  # an overwritten instance is not pending
            cur.execute("INSERT INTO pending_outputs VALUES (?, ?)", (rids[-1], new.job))
        for level in (Level.PATIENT, Level.STUDY, Level.SERIES):
            values = {"LastUpdate": stamp, **new.parent_metadata.get(level, {})}
            for name, value in values.items():
                if (rids[level], name, value) not in seen.metadata:
                    _put_metadata(cur, rids[level], name, value)
                    seen.metadata.add((rids[level], name, value))
        return StoreOutcome("Success", replaced)

    def _insert(self, cur: Any, new: NewInstance, level: Level, parent: int | None) -> int:
        """Insert the resource of ``new`` at ``level`` (absent from the index) with its main
        tags, and for the instance its attachment and metadata."""
        public_id = new.ids[level]
        cur.execute("INSERT INTO resources (public_id, level, parent_id) VALUES (?, ?, ?) "
                    "RETURNING internal_id", (public_id, int(level), parent))
        rid = cur.fetchone()[0]
        tags = new.tags.get(level, {})
        cur.executemany("INSERT INTO main_tags (resource_id, name, value) VALUES (?, ?, ?)",
                        [(rid, k, v) for k, v in tags.items()])
        if IDENTIFIER_OF_LEVEL[level] in tags:
            cur.execute("INSERT INTO identifiers VALUES (?, ?)",
                        (rid, normalize_identifier(tags[IDENTIFIER_OF_LEVEL[level]])))
        if level is Level.INSTANCE:
            a = new.attachment
            cur.execute("INSERT INTO attachments VALUES (?, ?, ?, ?, ?)",
                        (rid, a.content_type, a.uuid, a.size, a.md5))
            cur.executemany("INSERT INTO metadata (resource_id, position, name, value) "
                            "VALUES (?, ?, ?, ?)",
                            [(rid, position, name, value) for position, (name, value)
                             in enumerate(new.metadata.items(), start=1)])
        return rid

    def delete(self, resource_id: str) -> DeleteOutcome | None:
        return self.delete_many([resource_id])[0]

    def delete_many(self, resource_ids: list[str]) -> list[DeleteOutcome | None]:
        with self._write() as cur:
            return [_delete_resource(cur, rid) for rid in resource_ids]

    def set_metadata(self, resource_id: str, name: str, value: str) -> bool:
        with self._write() as cur:
            rid = _internal_id(cur, resource_id)
            if rid is None:
                return False
            _put_metadata(cur, rid, name, value)
            return True

    def delete_metadata(self, resource_id: str, name: str) -> bool:
        with self._write() as cur:
            rid = _internal_id(cur, resource_id)
            if rid is None:
                return False
            cur.execute("DELETE FROM metadata WHERE resource_id = ? AND name = ?", (rid, name))
            return cur.rowcount > 0

    def set_label(self, resource_id: str, label: str, present: bool) -> bool:
        with self._write() as cur:
            rid = _internal_id(cur, resource_id)
            if rid is None:
                return False
            cur.execute("DELETE FROM labels WHERE resource_id = ? AND label = ?", (rid, label))
            if present:
                cur.execute("INSERT INTO labels VALUES (?, ?)", (rid, label))
            return True

    def finish_job(self, job_id: str) -> None:
        with self._write() as cur:
            _finish_job(cur, job_id)

    def pending_outputs(self) -> list[str]:
        with self._read() as cur:
            cur.execute("SELECT r.public_id FROM pending_outputs p JOIN resources r "
                        "ON p.resource_id = r.internal_id ORDER BY r.internal_id")
            return [r[0] for r in cur.fetchall()]

    def next_sequence(self, name: str) -> int:
        # A counter value lost to a power failure is only drawn again: no fsync needed.
        with self._relaxed(), self._write() as cur:
            return _bump(cur, name)

    def log_change(self, change_type: str, level: Level, resource_id: str) -> None:
        with self._write() as cur:
            _add_change(cur, change_type, level, resource_id, now_stamp())

    def log_stable(self, resources: list[tuple[Level, str]]) -> list[str]:
        stamp, logged = now_stamp(), []
        with self._write() as cur:
            for level, resource_id in resources:
                if _internal_id(cur, resource_id) is not None:
                    _add_change(cur, f"Stable{level.label}", level, resource_id, stamp)
                    logged.append(resource_id)
        return logged

    # --- reading -----------------------------------------------------------
    def lookup(self, resource_id: str) -> Resource | None:
        with self._read() as cur:
            cur.execute("SELECT r.level, p.public_id FROM resources r LEFT JOIN resources p "
                        "ON r.parent_id = p.internal_id WHERE r.public_id = ?", (resource_id,))
            row = cur.fetchone()
        return None if row is None else Resource(resource_id, Level(row[0]), row[1])

    def children(self, resource_id: str) -> list[str]:
        with self._read() as cur:
            cur.execute("SELECT c.public_id FROM resources c JOIN resources p "
                        "ON c.parent_id = p.internal_id WHERE p.public_id = ? "
                        "ORDER BY c.public_id", (resource_id,))
            return [r[0] for r in cur.fetchall()]

    def list_ids(self, level: Level, since: int = 0, limit: int = 0) -> list[str]:
        sql = "SELECT public_id FROM resources WHERE level = ? ORDER BY internal_id"
        params: tuple = (int(level),)
        if limit > 0 or since > 0:
            sql += " LIMIT ? OFFSET ?"
            params += (limit if limit > 0 else -1, since)
        with self._read() as cur:
            cur.execute(sql, params)
            return [r[0] for r in cur.fetchall()]

    def main_tags(self, resource_id: str) -> dict[str, str]:
        with self._read() as cur:
            cur.execute("SELECT t.name, t.value FROM main_tags t JOIN resources r ON "
                        "t.resource_id = r.internal_id WHERE r.public_id = ? ORDER BY t.name",
                        (resource_id,))
            return dict(cur.fetchall())

    def metadata(self, resource_id: str) -> dict[str, str]:
        with self._read() as cur:
            cur.execute("SELECT m.name, m.value FROM metadata m JOIN resources r ON "
                        "m.resource_id = r.internal_id WHERE r.public_id = ? ORDER BY m.position",
                        (resource_id,))
            return dict(cur.fetchall())

    def labels(self, resource_id: str) -> list[str]:
        with self._read() as cur:
            cur.execute("SELECT l.label FROM labels l JOIN resources r ON "
                        "l.resource_id = r.internal_id WHERE r.public_id = ? ORDER BY l.label",
                        (resource_id,))
            return [r[0] for r in cur.fetchall()]

    def attachment(self, instance_id: str, content_type: int = 1) -> Attachment | None:
        with self._read() as cur:
            cur.execute("SELECT a.uuid, a.size, a.md5, a.content_type FROM attachments a JOIN "
                        "resources r ON a.resource_id = r.internal_id WHERE r.public_id = ? "
                        "AND a.content_type = ?", (instance_id, content_type))
            row = cur.fetchone()
        return None if row is None else Attachment(*row)

    def instances_of(self, resource_id: str) -> list[str]:
        with self._read() as cur:
            row = _resource_row(cur, resource_id)
            if row is None:
                return []
            ids = _descendants(cur, row[0], Level(row[1]), Level.INSTANCE)
            if not ids:
                return []
            marks = ",".join("?" * len(ids))
            cur.execute(f"SELECT public_id FROM resources WHERE internal_id IN ({marks}) "
                        "ORDER BY internal_id", ids)
            return [r[0] for r in cur.fetchall()]

    def attachments_of(self, resource_id: str) -> list[Attachment]:
        with self._read() as cur:
            row = _resource_row(cur, resource_id)
            return [] if row is None else _attachments_below(cur, row[0], Level(row[1]))

    def count(self, level: Level) -> int:
        with self._read() as cur:
            cur.execute("SELECT COUNT(*) FROM resources WHERE level = ?", (int(level),))
            return cur.fetchone()[0]

    def total_size(self) -> int:
        with self._read() as cur:
            cur.execute("SELECT COALESCE(SUM(size), 0) FROM attachments")
            return int(cur.fetchone()[0])

    def changes(self, since: int, limit: int) -> list[Change]:
        with self._read() as cur:
            cur.execute("SELECT seq, change_type, level, public_id, date FROM changes "
                        "WHERE seq > ? ORDER BY seq LIMIT ?", (since, limit))
            return [Change(r[0], r[1], Level(r[2]), r[3], r[4]) for r in cur.fetchall()]

    def last_change(self) -> int:
        with self._read() as cur:
            cur.execute("SELECT value FROM properties WHERE name = ?", (CHANGE_COUNTER,))
            row = cur.fetchone()
            return int(row[0]) if row else 0

    def search(self, level: Level, identified: tuple[Level, tuple[str, ...]] | None = None
               ) -> list[tuple[str, dict[str, str]]]:
        lv = int(level)
        if identified is None:
            source, terms, values = _ancestor_joins(level), "", ()
        else:
            top, values = identified[0], tuple(map(normalize_identifier, identified[1]))
            source, terms = _joins_from_identifiers(top, level)
            terms += f" AND i.value IN ({', '.join('?' * len(values))})"
        with self._read() as cur:
            cur.execute(f"SELECT r{lv}.public_id, t.name, t.value FROM {source} "
                        f"JOIN main_tags t ON t.resource_id IN ({_chain_ids(level)}) "
                        f"WHERE r{lv}.level = ?{terms} ORDER BY r{lv}.internal_id",
                        (lv, *values))
            found: dict[str, dict[str, str]] = {}
            for public_id, name, value in cur.fetchall():
                found.setdefault(public_id, {})[name] = value
        return list(found.items())

    def lookup_identifier(self, level: Level, value: str) -> list[str]:
        with self._read() as cur:
            # CROSS JOIN: SQLite keeps this join order (from the identifier's index);
            # elsewhere it is a plain inner join.
            cur.execute("SELECT r.public_id FROM identifiers i CROSS JOIN resources r "
                        "WHERE r.internal_id = i.resource_id AND i.value = ? AND r.level = ? "
                        "ORDER BY r.internal_id", (normalize_identifier(value), int(level)))
            return [row[0] for row in cur.fetchall()]

    def fill_identifiers(self) -> int:
        """Fill the identifiers table from the main tags, once, for an index made before
        the table existed; how many resources were added."""
        with self._write() as cur:
            cur.execute("SELECT value FROM properties WHERE name = ?", (IDENTIFIERS_FILLED,))
            if cur.fetchone() is not None:
                return 0
            rows = []
            for level, name in IDENTIFIER_OF_LEVEL.items():
                cur.execute("SELECT t.resource_id, t.value FROM main_tags t JOIN resources r "
                            "ON r.internal_id = t.resource_id WHERE r.level = ? AND t.name = ? "
                            "AND NOT EXISTS (SELECT 1 FROM identifiers i "
                            "WHERE i.resource_id = t.resource_id)", (int(level), name))
                rows += [(rid, normalize_identifier(value)) for rid, value in cur.fetchall()]
            cur.executemany("INSERT INTO identifiers VALUES (?, ?)", rows)
            cur.execute("INSERT INTO properties VALUES (?, 1)", (IDENTIFIERS_FILLED,))
            return len(rows)

    def all_attachment_uuids(self) -> set[str]:
        with self._read() as cur:
            cur.execute("SELECT uuid FROM attachments")
            return {r[0] for r in cur.fetchall()}


# --- SQL helpers (each runs inside the caller's transaction) ----------------
def _internal_id(cur: Any, public_id: str) -> int | None:
    cur.execute("SELECT internal_id FROM resources WHERE public_id = ?", (public_id,))
    row = cur.fetchone()
    return None if row is None else row[0]


def _resource_row(cur: Any, public_id: str) -> tuple[int, int, int | None] | None:
    cur.execute("SELECT internal_id, level, parent_id FROM resources WHERE public_id = ?",
                (public_id,))
    return cur.fetchone()


def _put_metadata(cur: Any, rid: int, name: str, value: str) -> None:
    cur.execute("UPDATE metadata SET value = ? WHERE resource_id = ? AND name = ?",
                (value, rid, name))
    if cur.rowcount == 0:
        cur.execute("INSERT INTO metadata (resource_id, position, name, value) VALUES "
                    "(?, (SELECT COALESCE(MAX(position), 0) + 1 FROM metadata "
                    "WHERE resource_id = ?), ?, ?)", (rid, rid, name, value))


def _finish_job(cur: Any, job_id: str) -> None:
    cur.execute("DELETE FROM pending_outputs WHERE job_id = ?", (job_id,))


def _bump(cur: Any, name: str) -> int:
    cur.execute("UPDATE properties SET value = value + 1 WHERE name = ? RETURNING value",
                (name,))
    row = cur.fetchone()
    if row is None:
        cur.execute("INSERT INTO properties VALUES (?, 1)", (name,))
        return 1
    return int(row[0])


def _add_change(cur: Any, change_type: str, level: Level, public_id: str, stamp: str) -> None:
    """Log a change. As in Orthanc, a ``Deleted`` change takes a sequence number
    but is not kept, and the changes of a deleted resource are forgotten."""
    seq = _bump(cur, CHANGE_COUNTER)
    if change_type != "Deleted":
        cur.execute("INSERT INTO changes (seq, change_type, level, public_id, date) "
                    "VALUES (?, ?, ?, ?, ?)", (seq, change_type, int(level), public_id, stamp))


def _descendants(cur: Any, rid: int, level: Level, target: Level) -> list[int]:
    ids = [rid]
    while level < target and ids:
        marks = ",".join("?" * len(ids))
        cur.execute(f"SELECT internal_id FROM resources WHERE parent_id IN ({marks})", ids)
        ids = [r[0] for r in cur.fetchall()]
        level = level.child
    return ids


def _attachments_below(cur: Any, rid: int, level: Level) -> list[Attachment]:
    ids = _descendants(cur, rid, level, Level.INSTANCE)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    cur.execute(f"SELECT uuid, size, md5, content_type FROM attachments "
                f"WHERE resource_id IN ({marks})", ids)
    return [Attachment(*r) for r in cur.fetchall()]


def _delete_rows(cur: Any, rid: int) -> None:
    cur.execute("DELETE FROM changes WHERE public_id = "
                "(SELECT public_id FROM resources WHERE internal_id = ?)", (rid,))
    for table in ("main_tags", "identifiers", "metadata", "attachments", "labels",
                  "pending_outputs"):
        cur.execute(f"DELETE FROM {table} WHERE resource_id = ?", (rid,))  # noqa: S608
    cur.execute("DELETE FROM resources WHERE internal_id = ?", (rid,))


def _delete_resource(cur: Any, resource_id: str) -> DeleteOutcome | None:
    row = _resource_row(cur, resource_id)
    if row is None:
        return None
    rid, level, parent = row
    files = _attachments_below(cur, rid, Level(level))
    _delete_subtree(cur, rid, Level(level))
    ancestor = _prune_ancestors(cur, parent)
    _add_change(cur, "Deleted", Level(level), resource_id, now_stamp())
    return DeleteOutcome(tuple(files), ancestor)


def _delete_subtree(cur: Any, rid: int, level: Level) -> None:
    layers = [[rid]]
    while level < Level.INSTANCE:
        level = level.child
        marks = ",".join("?" * len(layers[-1]))
        cur.execute(f"SELECT internal_id FROM resources WHERE parent_id IN ({marks})",
                    layers[-1])
        layers.append([r[0] for r in cur.fetchall()])
        if not layers[-1]:
            break
    for layer in reversed(layers):
        for child in layer:
            _delete_rows(cur, child)


def _prune_ancestors(cur: Any, parent: int | None) -> Resource | None:
    """Delete ancestors left without children; return the first one that remains."""
    while parent is not None:
        cur.execute("SELECT public_id, level, parent_id, "
                    "(SELECT COUNT(*) FROM resources c WHERE c.parent_id = r.internal_id) "
                    "FROM resources r WHERE internal_id = ?", (parent,))
        public_id, level, grandparent, count = cur.fetchone()
        if count > 0:
            return Resource(public_id, Level(level), None)
        _delete_rows(cur, parent)
        _add_change(cur, "Deleted", Level(level), public_id, now_stamp())
        parent = grandparent
    return None


def _ancestor_joins(level: Level) -> str:
    """``resources r<level>`` joined to its ancestors ``r<level-1>`` ... ``r0``."""
    return f"resources r{int(level)}{_up_to_patient(level)}"


def _up_to_patient(level: Level) -> str:
    """The joins from ``r<level>`` up to its ancestors ``r<level-1>`` ... ``r0``."""
    return "".join(f" JOIN resources r{lv - 1} ON r{lv}.parent_id = r{lv - 1}.internal_id"
                   for lv in range(int(level), 0, -1))


def _joins_from_identifiers(top: Level, level: Level) -> tuple[str, str]:
    """The tables that reach the resources of ``level`` from the identifiers of level
    ``top``, and the terms that link them (`` AND ...``): down from the identifier through
    the children (CROSS JOIN: SQLite keeps this order, elsewhere it is an inner join), then
    up from ``r<top>`` to the patient, for the ancestors' main tags."""
    tables = ["identifiers i"] + [f"resources r{lv}" for lv in range(int(top), int(level) + 1)]
    terms = [f"r{int(top)}.internal_id = i.resource_id"] + [
        f"r{lv}.parent_id = r{lv - 1}.internal_id" for lv in range(int(top) + 1, int(level) + 1)]
    return (" CROSS JOIN ".join(tables) + _up_to_patient(top),
            "".join(f" AND {term}" for term in terms))


def _chain_ids(level: Level) -> str:
    return ", ".join(f"r{lv}.internal_id" for lv in range(int(level), -1, -1))
