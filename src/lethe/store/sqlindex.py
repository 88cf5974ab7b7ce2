"""The index in portable SQL, shared by the SQLite and PostgreSQL backends.

The statements use ``?`` placeholders and only SQL that both engines run alike:
``RETURNING``, ``ON CONFLICT``, no ``LIMIT -1`` (:data:`NO_LIMIT` instead), and no
``ORDER BY`` on text, whose collation differs between databases (text is sorted in
Python). A backend supplies connections (:meth:`SqlIndex._connect`, or
:meth:`SqlIndex._connection` for a pool), the auto-increment spelling of the schema, how
to open transactions, and which of its errors mean that a concurrent transaction
conflicted (:attr:`SqlIndex._conflicts`): a write method is then run again.

The schema is versioned: :data:`MIGRATIONS` is a numbered list applied in order, in one
transaction, when an index opens (:meth:`SqlIndex.migrate`), and the ``schema_version``
table records the migrations applied.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import logging
import random
import threading
import time
from abc import abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Concatenate, ParamSpec, TypeVar

from lethe.dicom.maintags import normalize_identifier
from lethe.errors import ErrorCode, LetheError, unknown_resource
from lethe.store.index import AttachmentWrite, Index, IndexUnavailable, Revision
from lethe.store.jobs_sql import JOBS_SCHEMA, JobStep, forget_reserved, save_step
from lethe.store.model import (
    IDENTIFIER_OF_LEVEL,
    Attachment,
    Change,
    DeleteOutcome,
    Export,
    Level,
    NewInstance,
    RebuiltInstance,
    Resource,
    StoreOutcome,
)
from lethe.store.pseudonyms import (
    PSEUDONYMS_SCHEMA,
    MergeCounts,
    RegisterEntry,
    entries_after,
    find_entries,
    merge_entries,
)
from lethe.store.recycling import StorageLimits, StorageMode

log = logging.getLogger(__name__)

# Migration 1: the schema of the indexes made before versioning. Running it again on one
# of them changes nothing (IF NOT EXISTS everywhere), so such an index becomes version 1.
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

# Migration 2: attachments of every level, compressed or not, with revisions; revisions of
# metadata; the recycling order of the patients (a protected patient has no row there).
ATTACHMENTS_AND_RECYCLING = """
ALTER TABLE attachments ADD COLUMN compressed_size BIGINT NOT NULL DEFAULT 0;
ALTER TABLE attachments ADD COLUMN compressed_md5 TEXT NOT NULL DEFAULT '';
ALTER TABLE attachments ADD COLUMN compression INTEGER NOT NULL DEFAULT 1;
ALTER TABLE attachments ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
UPDATE attachments SET compressed_size = size, compressed_md5 = md5;
ALTER TABLE metadata ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
CREATE TABLE IF NOT EXISTS recycling_order (
    resource_id BIGINT NOT NULL PRIMARY KEY REFERENCES resources(internal_id),
    seq BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS recycling_order_seq ON recycling_order(seq);
INSERT INTO recycling_order (resource_id, seq)
    SELECT internal_id, 0 FROM resources WHERE level = 0
"""

# Migration 3: the log of exported resources (/exports), and the labels looked up by name
# (/tools/labels, /tools/find with Labels).
EXPORTS_LOG = """
CREATE TABLE IF NOT EXISTS exports (
    seq BIGINT PRIMARY KEY,
    level INTEGER NOT NULL,
    public_id TEXT NOT NULL,
    remote TEXT NOT NULL,
    patient_id TEXT NOT NULL,
    study_uid TEXT NOT NULL,
    series_uid TEXT NOT NULL,
    sop_uid TEXT NOT NULL,
    date TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS labels_label ON labels(label)
"""

# Migration 4: the saved jobs, their steps and reserved files, and the nodes sharing the
# index (lethe.store.jobs_sql). Migration 5: the pseudonym register (lethe.store.pseudonyms).
MIGRATIONS: tuple[str, ...] = (SCHEMA, ATTACHMENTS_AND_RECYCLING, EXPORTS_LOG, JOBS_SCHEMA,
                               PSEUDONYMS_SCHEMA)
"""The migrations of the schema: migration ``n`` is ``MIGRATIONS[n - 1]``, a script of
statements separated by ``;`` (never inside a statement or a comment) in which
``{autoincrement}`` stands for the backend's auto-increment primary key. Both backends run
the same list. A released migration is never edited: a change of schema is a new one."""

SCHEMA_VERSION_TABLE = ("CREATE TABLE IF NOT EXISTS schema_version "
                        "(version INTEGER PRIMARY KEY, applied TEXT NOT NULL)")

NO_LIMIT = 2**63 - 1
"""The largest ``LIMIT`` and ``OFFSET`` (a signed 64-bit integer): both engines accept it as
"no limit", whereas SQLite's ``-1`` is an error in PostgreSQL and PostgreSQL's ``NULL`` is
one in SQLite."""

MAX_ATTEMPTS = 10
"""How many times a write transaction runs before a conflict with concurrent transactions
is reported to the caller."""

RETRY_PAUSE = 0.01
"""Seconds: the pause before the second attempt; each further attempt waits one more."""

CHANGE_COUNTER = "ChangeSequence"
EXPORT_COUNTER = "ExportSequence"
EXPORT_COLUMNS = ("seq, level, public_id, remote, date, patient_id, study_uid, series_uid, "
                  "sop_uid")
"""The columns of an export row, in the order of :class:`Export`'s fields."""
ATTACHMENT_COLUMNS = ("uuid, size, md5, content_type, compressed_size, compressed_md5, "
                      "compression, revision")
"""The columns of an attachment row, in the order of :class:`Attachment`'s fields."""
USER_CONTENT = 1024  # content types from here on are user attachments (Orthanc's)
IDENTIFIERS_FILLED = "IdentifiersFilled"  # property: the identifiers table is complete
NEW_CHANGE = {Level.PATIENT: "NewPatient", Level.STUDY: "NewStudy",
              Level.SERIES: "NewSeries", Level.INSTANCE: "NewInstance"}


def now_stamp() -> str:
    """The local time in Orthanc's ``YYYYMMDDTHHMMSS`` form."""
    return datetime.now().strftime("%Y%m%dT%H%M%S")


def utc_stamp() -> str:
    """The UTC time in Orthanc's ``YYYYMMDDTHHMMSS`` form (the date of an export)."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S")


def _export(row: tuple) -> Export:
    return Export(row[0], Level(row[1]), *row[2:])


def _bounded(value: int) -> int:
    """``value`` clamped to what a ``LIMIT`` or ``OFFSET`` accepts on every backend."""
    return max(0, min(value, NO_LIMIT))


class Conflict(Exception):
    """A concurrent transaction created or removed a row that this one relied on. Raised
    inside a write transaction, it makes :func:`retried` run the transaction again."""


_Self = TypeVar("_Self", bound="SqlIndex")
_Params = ParamSpec("_Params")
_Result = TypeVar("_Result")


def retried(method: Callable[Concatenate[_Self, _Params], _Result]
            ) -> Callable[Concatenate[_Self, _Params], _Result]:
    """Run a write method again when its transaction failed on a conflict with a
    concurrent transaction (one of :attr:`SqlIndex._conflicts`), which rolled it back: at
    most :data:`MAX_ATTEMPTS` times, pausing a little longer each time. Then, as Orthanc,
    give up with :class:`LetheError` ``DATABASE_CANNOT_SERIALIZE`` (503). The method must
    do nothing outside its one transaction."""

    @functools.wraps(method)
    def run(self: _Self, *args: _Params.args, **kwargs: _Params.kwargs) -> _Result:
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                return method(self, *args, **kwargs)
            except self._conflicts as exc:
                log.debug("%s conflicted with a concurrent transaction (%s), attempt %d",
                          method.__name__, type(exc).__name__, attempt)
                if attempt == MAX_ATTEMPTS:
                    raise LetheError(ErrorCode.DATABASE_CANNOT_SERIALIZE,
                                     f"the index gave up after {attempt} attempts "
                                     "conflicting with concurrent transactions") from exc
                time.sleep(RETRY_PAUSE * attempt * random.uniform(0.5, 1.5))
        raise AssertionError("unreachable")

    return run


@dataclass
class _BatchMemo:
    """What one store transaction already did: the parents it met (public ID -> internal
    ID) and the parent metadata it wrote, so that a batch of instances of one series
    does not repeat them."""

    parents: dict[str, int] = field(default_factory=dict)
    metadata: set[tuple[int, str, str]] = field(default_factory=set)
    usage: list[int] | None = None  # [bytes on disk, patients], when limits are checked

    def forget(self) -> None:
        """Forget the rows met: they may have been deleted (recycled) or rolled back."""
        self.parents.clear()
        self.metadata.clear()


class SqlIndex(Index):
    """An :class:`Index` over DB-API connections: by default one per thread, kept open."""

    _autoincrement: str
    """The column definition of an auto-increment primary key (``{autoincrement}`` in
    :data:`MIGRATIONS`)."""

    _conflicts: tuple[type[BaseException], ...] = (Conflict,)
    """The errors that mean "a concurrent transaction conflicted with this one, which was
    rolled back": the write methods run again on them (:func:`retried`)."""

    _now_ms: str = "CAST((julianday('now') - 2440587.5) * 86400000 AS BIGINT)"
    """An SQL expression of the database's clock in milliseconds since the epoch (the
    heartbeats of the nodes sharing the index, :mod:`lethe.store.jobs_table`)."""

    def __init__(self) -> None:
        self._local = threading.local()
        self._all: list[Any] = []
        self._all_lock = threading.Lock()
        # told (level, ID) of each resource a committed transaction deleted: the resource,
        # those below it, the parents left empty, the patients recycled (Orthanc's
        # SignalResourceDeleted, the hooks' OnDeleted<Level>)
        self.deleted_listener: Callable[[Level, str], None] | None = None

    # --- backend hooks -----------------------------------------------------
    @abstractmethod
    def _connect(self) -> Any:
        """A new DB-API connection in autocommit mode."""

    @abstractmethod
    def _begin_write(self, cur: Any) -> None:
        """Start a transaction that will write."""

    def _begin_read(self, cur: Any) -> None:
        """Start a transaction that only reads, and reads one snapshot."""
        cur.execute("BEGIN")

    def _lock_schema(self, cur: Any) -> None:
        """In a write transaction: keep other servers sharing the database from migrating
        its schema until the transaction ends (nothing to do where a write transaction
        already excludes every other writer)."""

    @contextmanager
    def _connection(self) -> Iterator[Any]:
        """The connection of one transaction: by default this thread's own, kept open."""
        yield self._conn()

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

    def _relaxed_unless(self, durable: bool) -> contextlib.AbstractContextManager[None]:
        """:meth:`_relaxed` unless ``durable``: a write the next durable commit of the index
        makes durable too, when nothing is acknowledged in between."""
        return contextlib.nullcontext() if durable else self._relaxed()

    @contextmanager
    def _write(self, logs_changes: bool = False) -> Iterator[Any]:
        """A write transaction; one that ``logs_changes`` claims the change counter first
        (:func:`_claim_changes`)."""
        with self._connection() as conn:
            cur = conn.cursor()
            self._begin_write(cur)
            deleted: list[tuple[Level, str]] = []
            _journal.deleted = deleted  # filled by _delete_rows
            try:
                if logs_changes:
                    _claim_changes(cur)
                yield cur
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            finally:
                _journal.deleted = None
            cur.execute("COMMIT")
            if deleted and self.deleted_listener is not None:
                for level, public_id in deleted:
                    self.deleted_listener(level, public_id)

    @contextmanager
    def _read(self) -> Iterator[Any]:
        with self._connection() as conn:
            cur = conn.cursor()
            self._begin_read(cur)
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

    # --- schema ------------------------------------------------------------
    @retried
    def migrate(self) -> int:
        """Bring the schema to the newest version: apply the migrations of
        :data:`MIGRATIONS` that the index lacks, in order, in one transaction, and record
        them. Returns the version found: 0 for a new database, and for an index made before
        versioning (migration 1 leaves it as it is, and marks it as version 1).

        Raises :class:`IndexUnavailable` when the index was made by a newer Lethe.
        """
        with self._write() as cur:
            self._lock_schema(cur)
            cur.execute(SCHEMA_VERSION_TABLE)
            found = _schema_version(cur)
            if found > len(MIGRATIONS):
                raise IndexUnavailable(
                    f"the index has schema version {found}, newer than this Lethe knows "
                    f"({len(MIGRATIONS)}): it was made by a newer Lethe")
            for version in range(found + 1, len(MIGRATIONS) + 1):
                script = MIGRATIONS[version - 1].format(autoincrement=self._autoincrement)
                for statement in _statements(script):
                    cur.execute(statement)
                cur.execute("INSERT INTO schema_version (version, applied) VALUES (?, ?)",
                            (version, now_stamp()))
        if found < len(MIGRATIONS):
            log.info("index schema migrated from version %d to %d", found, len(MIGRATIONS))
        return found

    @property
    def schema_version(self) -> int:
        """The version of the schema: the number of the last migration applied."""
        with self._read() as cur:
            return _schema_version(cur)

    # --- writing -----------------------------------------------------------
    def store(self, new: NewInstance, overwrite: bool) -> StoreOutcome:
        return self.store_batch([new], overwrite)[0]

    @retried
    def store_batch(self, batch: list[NewInstance], overwrite: bool,
                    finish_job: str | None = None,
                    limits: StorageLimits | None = None, *,
                    step: JobStep | None = None) -> list[StoreOutcome]:
        stamp = now_stamp()
        seen = _BatchMemo()
        with self._write(logs_changes=True) as cur:
            if limits is None or not limits.active:
                outcomes = [self._store_one(cur, new, overwrite, stamp, seen) for new in batch]
            else:
                outcomes = [self._store_limited(cur, new, overwrite, stamp, seen, limits)
                            for new in batch]
            if finish_job is not None:
                _finish_job(cur, finish_job)
            if step is not None:
                save_step(cur, step)
            return outcomes

    def _store_limited(self, cur: Any, new: NewInstance, overwrite: bool, stamp: str,
                       seen: _BatchMemo, limits: StorageLimits) -> StoreOutcome:
        """:meth:`_store_one` within the storage ``limits``: in a savepoint, rolled back
        when the limits refuse the instance (``FullStorage``); patients recycled to make
        room are in the outcome's ``recycled``."""
        if seen.usage is None:
            seen.usage = list(_usage(cur))
        before = list(seen.usage)
        patient = new.ids[Level.PATIENT]
        known = patient in seen.parents or _internal_id(cur, patient) is not None
        cur.execute("SAVEPOINT store_one")
        outcome = self._store_one(cur, new, overwrite, stamp, seen)
        if outcome.status != "Success":
            cur.execute("RELEASE SAVEPOINT store_one")
            return outcome
        seen.usage[0] += sum(a.compressed_size for a in (new.attachment, *new.extra)) - sum(
            a.compressed_size for a in outcome.replaced)
        seen.usage[1] += 0 if known else 1
        recycled = _recycle(cur, limits, seen.usage, avoid=new.ids[Level.PATIENT])
        if recycled is None:
            cur.execute("ROLLBACK TO SAVEPOINT store_one")
            cur.execute("RELEASE SAVEPOINT store_one")
            seen.usage = before
            seen.forget()
            return StoreOutcome("FullStorage")
        cur.execute("RELEASE SAVEPOINT store_one")
        if recycled:
            seen.forget()
        return dataclasses.replace(outcome, recycled=tuple(recycled))

    def _store_one(self, cur: Any, new: NewInstance, overwrite: bool, stamp: str,
                   seen: _BatchMemo) -> StoreOutcome:
        replaced: tuple[Attachment, ...] = ()
        existing = _internal_id(cur, new.ids[3])
        if existing is not None:
            if not overwrite:
                return StoreOutcome("AlreadyStored")
            replaced = tuple(_attachments_below(cur, existing, Level.INSTANCE))
            _delete_rows(cur, existing, replaced=True)
        rids: list[int] = []
        created: list[Level] = []
        for level in Level:
            public_id = new.ids[level]
            known = None if level is Level.INSTANCE else \
                seen.parents.get(public_id) or _internal_id(cur, public_id)
            if known is None:
                known = self._insert(cur, new, level, rids[-1] if rids else None)
                if known is None:  # a concurrent transaction created it meanwhile
                    known = _internal_id(cur, public_id)
                    if known is None or level is Level.INSTANCE:
                        raise Conflict(f"{level.label} {public_id} changed meanwhile")
                else:
                    created.append(level)
            rids.append(known)
            if level is not Level.INSTANCE:
                seen.parents[public_id] = rids[-1]
        changes = [_add_change(cur, NEW_CHANGE[level], level, new.ids[level], stamp)
                   for level in reversed(created)]  # as Orthanc logs them: the instance first
        _touch_patient(cur, rids[Level.PATIENT], changes[0], Level.PATIENT in created)
        if new.job is not None and existing is None:  # an overwritten instance is not pending
            cur.execute("INSERT INTO pending_outputs VALUES (?, ?)", (rids[-1], new.job))
        for level in (Level.PATIENT, Level.STUDY, Level.SERIES):
            values = {"LastUpdate": stamp, **new.parent_metadata.get(level, {})}
            for name, value in values.items():
                if (rids[level], name, value) not in seen.metadata:
                    _put_metadata(cur, rids[level], name, value)
                    seen.metadata.add((rids[level], name, value))
        return StoreOutcome("Success", replaced)

    def _insert(self, cur: Any, new: NewInstance, level: Level,
                parent: int | None) -> int | None:
        """Insert the resource of ``new`` at ``level`` (absent from the index when this
        transaction looked) with its main tags, and for the instance its attachment and
        metadata; its internal ID. None when a concurrent transaction inserted the same
        resource first (then nothing is inserted): another database connection may have,
        on PostgreSQL, between the look-up and the insert."""
        public_id = new.ids[level]
        cur.execute("INSERT INTO resources (public_id, level, parent_id) VALUES (?, ?, ?) "
                    "ON CONFLICT (public_id) DO NOTHING RETURNING internal_id",
                    (public_id, int(level), parent))
        row = cur.fetchone()
        if row is None:
            return None
        rid = row[0]
        _insert_main_tags(cur, rid, level, new.tags.get(level, {}))
        if level is Level.INSTANCE:
            _insert_attachment(cur, rid, new.attachment)
            for extra in new.extra:
                _insert_attachment(cur, rid, extra)
            cur.executemany("INSERT INTO metadata (resource_id, position, name, value) "
                            "VALUES (?, ?, ?, ?)",
                            [(rid, position, name, value) for position, (name, value)
                             in enumerate(new.metadata.items(), start=1)])
        return rid

    def delete(self, resource_id: str) -> DeleteOutcome | None:
        return self.delete_many([resource_id])[0]

    @retried
    def delete_many(self, resource_ids: list[str]) -> list[DeleteOutcome | None]:
        with self._write(logs_changes=True) as cur:
            return [_delete_resource(cur, rid) for rid in resource_ids]

    @retried
    def set_metadata(self, resource_id: str, name: str, value: str) -> bool:
        with self._write() as cur:
            rid = _internal_id(cur, resource_id)
            if rid is None:
                return False
            _put_metadata(cur, rid, name, value)
            return True

    @retried
    def delete_metadata(self, resource_id: str, name: str) -> bool:
        with self._write() as cur:
            rid = _internal_id(cur, resource_id)
            if rid is None:
                return False
            cur.execute("DELETE FROM metadata WHERE resource_id = ? AND name = ?", (rid, name))
            return cur.rowcount > 0

    @retried
    def set_label(self, resource_id: str, label: str, present: bool) -> bool:
        with self._write() as cur:
            rid = _internal_id(cur, resource_id)
            if rid is None:
                return False
            cur.execute("DELETE FROM labels WHERE resource_id = ? AND label = ?", (rid, label))
            if present:
                cur.execute("INSERT INTO labels VALUES (?, ?)", (rid, label))
            return True

    @retried
    def rebuild_main_tags(self, rebuilt: list[RebuiltInstance],
                          durable: bool = True) -> list[str]:
        done = []
        with self._relaxed_unless(durable), self._write() as cur:
            for instance in rebuilt:
                chain = _ancestor_chain(cur, instance.instance_id)
                if chain is None:
                    continue
                for level in instance.levels:
                    cur.execute("DELETE FROM main_tags WHERE resource_id = ?", (chain[level],))
                    cur.execute("DELETE FROM identifiers WHERE resource_id = ?", (chain[level],))
                    _insert_main_tags(cur, chain[level], level, instance.tags.get(level, {}))
                for name, value in instance.metadata.items():
                    _put_metadata(cur, chain[Level.INSTANCE], name, value)
                if instance.attachment is not None:
                    a = instance.attachment
                    cur.execute("UPDATE attachments SET uuid = ?, size = ?, md5 = ?, "
                                "compressed_size = ?, compressed_md5 = ? "
                                "WHERE resource_id = ? AND content_type = ?",
                                (a.uuid, a.size, a.md5, a.compressed_size, a.compressed_md5,
                                 chain[Level.INSTANCE], a.content_type))
                done.append(instance.instance_id)
        return done

    # --- metadata with revisions ------------------------------------------
    def metadata_entry(self, resource_id: str, name: str) -> tuple[str, int] | None:
        with self._read() as cur:
            cur.execute("SELECT m.value, m.revision FROM metadata m JOIN resources r ON "
                        "m.resource_id = r.internal_id WHERE r.public_id = ? AND m.name = ?",
                        (resource_id, name))
            row = cur.fetchone()
        return None if row is None else (row[0], int(row[1]))

    @retried
    def put_metadata(self, resource_id: str, name: str, value: str,
                     expected: Revision | None = None, log_change: bool = False) -> int:
        with self._write(logs_changes=log_change) as cur:
            row, old = _metadata_row(cur, resource_id, name)
            if old is not None:
                _check_revision(expected, int(old[1]), _md5(old[0]))
            _put_metadata(cur, row[0], name, value)
            if log_change:
                _add_change(cur, "UpdatedMetadata", Level(row[1]), resource_id, now_stamp())
            return 0 if old is None else int(old[1]) + 1

    @retried
    def remove_metadata(self, resource_id: str, name: str, expected: Revision | None = None,
                        log_change: bool = False) -> bool:
        with self._write(logs_changes=log_change) as cur:
            row, old = _metadata_row(cur, resource_id, name)
            if old is None:
                return False
            _check_revision(expected, int(old[1]), _md5(old[0]))
            cur.execute("DELETE FROM metadata WHERE resource_id = ? AND name = ?",
                        (row[0], name))
            if log_change:
                _add_change(cur, "UpdatedMetadata", Level(row[1]), resource_id, now_stamp())
            return True

    # --- attachments -------------------------------------------------------
    def attachments(self, resource_id: str) -> list[Attachment]:
        with self._read() as cur:
            cur.execute(f"SELECT {_prefixed('a.', ATTACHMENT_COLUMNS)} FROM attachments a "
                        "JOIN resources r ON a.resource_id = r.internal_id "
                        "WHERE r.public_id = ? ORDER BY a.content_type", (resource_id,))
            return [Attachment(*row) for row in cur.fetchall()]

    @retried
    def put_attachment(self, resource_id: str, attachment: Attachment,
                       expected: Revision | None = None,
                       limits: StorageLimits | None = None) -> AttachmentWrite:
        with self._write(logs_changes=True) as cur:
            row = _resource_row(cur, resource_id)
            if row is None:
                raise LetheError(ErrorCode.INEXISTENT_ITEM, f"no resource {resource_id}")
            rid, level = row[0], Level(row[1])
            old = _attachment_row(cur, rid, attachment.content_type)
            revision = 0
            if old is not None:
                _check_revision(expected, old.revision, old.md5)
                revision = old.revision + 1
                cur.execute("DELETE FROM attachments WHERE resource_id = ? AND "
                            "content_type = ?", (rid, attachment.content_type))
            recycled: list[Attachment] = []
            if limits is not None and limits.active:
                usage = list(_usage(cur))
                usage[0] += attachment.compressed_size
                found = _recycle(cur, limits, usage, avoid=_patient_of(cur, rid))
                if found is None:
                    raise LetheError(ErrorCode.FULL_STORAGE, limits.describe(*usage),
                                     http_status=507)
                recycled = found
            new = dataclasses.replace(attachment, revision=revision)
            _insert_attachment(cur, rid, new)
            if attachment.content_type >= USER_CONTENT:
                _add_change(cur, "UpdatedAttachment", level, resource_id, now_stamp())
            return AttachmentWrite(new, old, tuple(recycled))

    @retried
    def delete_attachment(self, resource_id: str, content_type: int,
                          expected: Revision | None = None) -> Attachment | None:
        with self._write(logs_changes=True) as cur:
            row = _resource_row(cur, resource_id)
            if row is None:
                raise unknown_resource(f"no resource {resource_id}")
            old = _attachment_row(cur, row[0], content_type)
            if old is None:
                return None
            _check_revision(expected, old.revision, old.md5)
            cur.execute("DELETE FROM attachments WHERE resource_id = ? AND content_type = ?",
                        (row[0], content_type))
            if content_type >= USER_CONTENT:
                _add_change(cur, "UpdatedAttachment", Level(row[1]), resource_id, now_stamp())
            return old

    @retried
    def replace_attachment_file(self, resource_id: str, old: Attachment,
                                new: Attachment) -> Attachment | None:
        with self._write(logs_changes=True) as cur:
            row = _resource_row(cur, resource_id)
            if row is None:
                return None
            current = _attachment_row(cur, row[0], old.content_type)
            if current is None or current.uuid != old.uuid:
                return None  # changed meanwhile
            replaced = dataclasses.replace(new, content_type=old.content_type,
                                           revision=current.revision + 1)
            cur.execute("DELETE FROM attachments WHERE resource_id = ? AND content_type = ?",
                        (row[0], old.content_type))
            _insert_attachment(cur, row[0], replaced)
            if old.content_type >= USER_CONTENT:
                _add_change(cur, "UpdatedAttachment", Level(row[1]), resource_id, now_stamp())
            return replaced

    # --- protection and recycling -----------------------------------------
    def is_protected(self, patient_id: str) -> bool | None:
        with self._read() as cur:
            row = _resource_row(cur, patient_id)
            if row is None or Level(row[1]) is not Level.PATIENT:
                return None
            cur.execute("SELECT 1 FROM recycling_order WHERE resource_id = ?", (row[0],))
            return cur.fetchone() is None

    @retried
    def set_protected(self, patient_id: str, protected: bool) -> bool:
        with self._write(logs_changes=True) as cur:
            row = _resource_row(cur, patient_id)
            if row is None or Level(row[1]) is not Level.PATIENT:
                return False
            cur.execute("SELECT 1 FROM recycling_order WHERE resource_id = ?", (row[0],))
            listed = cur.fetchone() is not None
            if protected and listed:
                cur.execute("DELETE FROM recycling_order WHERE resource_id = ?", (row[0],))
            elif not protected and not listed:  # as Orthanc: the most recent patient now
                # (a number of the change counter, unused by any change: as a Deleted one)
                _touch_patient(cur, row[0], _bump(cur, CHANGE_COUNTER), True)
            return True

    @retried
    def recycle(self, limits: StorageLimits) -> list[Attachment]:
        if not limits.active or limits.mode is not StorageMode.RECYCLE:
            return []
        with self._write(logs_changes=True) as cur:
            return _recycle(cur, limits, list(_usage(cur)), avoid=None) or []

    @retried
    def finish_job(self, job_id: str) -> None:
        with self._write() as cur:
            _finish_job(cur, job_id)

    def pending_outputs(self) -> list[str]:
        with self._read() as cur:
            cur.execute("SELECT r.public_id FROM pending_outputs p JOIN resources r "
                        "ON p.resource_id = r.internal_id ORDER BY r.internal_id")
            return [r[0] for r in cur.fetchall()]

    @retried
    def next_sequence(self, name: str, count: int = 1) -> int:
        # A counter value lost to a power failure is only drawn again: no fsync needed.
        with self._relaxed(), self._write() as cur:
            return _bump(cur, name, count)

    @retried
    def log_change(self, change_type: str, level: Level, resource_id: str) -> None:
        with self._write(logs_changes=True) as cur:
            _add_change(cur, change_type, level, resource_id, now_stamp())

    @retried
    def log_stable(self, resources: list[tuple[Level, str]]) -> list[str]:
        stamp, logged = now_stamp(), []
        with self._write(logs_changes=True) as cur:
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
                        "ON c.parent_id = p.internal_id WHERE p.public_id = ?", (resource_id,))
            return sorted(r[0] for r in cur.fetchall())

    def list_ids(self, level: Level, since: int = 0, limit: int = 0) -> list[str]:
        sql = "SELECT public_id FROM resources WHERE level = ? ORDER BY internal_id"
        params: tuple = (int(level),)
        if limit > 0 or since > 0:
            sql += " LIMIT ? OFFSET ?"
            params += (_bounded(limit) if limit > 0 else NO_LIMIT, _bounded(since))
        with self._read() as cur:
            cur.execute(sql, params)
            return [r[0] for r in cur.fetchall()]

    def main_tags(self, resource_id: str) -> dict[str, str]:
        with self._read() as cur:
            cur.execute("SELECT t.name, t.value FROM main_tags t JOIN resources r ON "
                        "t.resource_id = r.internal_id WHERE r.public_id = ?", (resource_id,))
            return dict(sorted(cur.fetchall()))

    def metadata(self, resource_id: str) -> dict[str, str]:
        with self._read() as cur:
            cur.execute("SELECT m.name, m.value FROM metadata m JOIN resources r ON "
                        "m.resource_id = r.internal_id WHERE r.public_id = ? ORDER BY m.position",
                        (resource_id,))
            return dict(cur.fetchall())

    def labels(self, resource_id: str) -> list[str]:
        with self._read() as cur:
            cur.execute("SELECT l.label FROM labels l JOIN resources r ON "
                        "l.resource_id = r.internal_id WHERE r.public_id = ?", (resource_id,))
            return sorted(r[0] for r in cur.fetchall())

    def attachment(self, instance_id: str, content_type: int = 1) -> Attachment | None:
        with self._read() as cur:
            rid = _internal_id(cur, instance_id)
            return None if rid is None else _attachment_row(cur, rid, content_type)

    def instances_of(self, resource_id: str, tree_order: bool = False) -> list[str]:
        with self._read() as cur:
            row = _resource_row(cur, resource_id)
            if row is None:
                return []
            if tree_order:
                top = int(row[1])
                order = ", ".join(f"r{lv}.internal_id" for lv in range(top + 1, 4))
                cur.execute(f"SELECT r3.public_id FROM {_ancestor_joins(Level.INSTANCE)} "
                            f"WHERE r{top}.internal_id = ? ORDER BY {order or 'r3.internal_id'}",
                            (row[0],))
                return [r[0] for r in cur.fetchall()]
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
        return self.total_sizes()[0]

    def total_sizes(self) -> tuple[int, int]:
        with self._read() as cur:
            cur.execute("SELECT COALESCE(SUM(compressed_size), 0), COALESCE(SUM(size), 0) "
                        "FROM attachments")
            disk, uncompressed = cur.fetchone()
            return int(disk), int(uncompressed)

    def changes(self, since: int, limit: int, *, to: int | None = None,
                types: tuple[str, ...] = (), from_end: bool = False) -> list[Change]:
        sql = ("SELECT seq, change_type, level, public_id, date FROM changes "
               "WHERE seq > ?")
        params: list[Any] = [max(since, -NO_LIMIT)]
        if to is not None:
            sql += " AND seq <= ?"
            params.append(max(min(to, NO_LIMIT), -NO_LIMIT))
        if types:
            sql += f" AND change_type IN ({', '.join('?' * len(types))})"
            params += types
        sql += f" ORDER BY seq{' DESC' if from_end else ''} LIMIT ?"
        params.append(_bounded(limit))
        with self._read() as cur:
            cur.execute(sql, params)
            rows = [Change(r[0], r[1], Level(r[2]), r[3], r[4]) for r in cur.fetchall()]
        return rows[::-1] if from_end else rows

    def last_change_entry(self) -> Change | None:
        with self._read() as cur:
            cur.execute("SELECT seq, change_type, level, public_id, date FROM changes "
                        "ORDER BY seq DESC LIMIT 1")
            row = cur.fetchone()
        return None if row is None else Change(row[0], row[1], Level(row[2]), row[3], row[4])

    @retried
    def clear_changes(self) -> None:
        with self._write(logs_changes=True) as cur:
            cur.execute("DELETE FROM changes")

    @retried
    def log_export(self, resource_id: str, remote: str) -> bool:
        with self._write() as cur:
            row = _resource_row(cur, resource_id)
            if row is None:
                return False
            level = Level(row[1])
            identifiers: dict[Level, str] = {}
            current: tuple[int, int, int | None] | None = row
            while current is not None:
                rid, lv, parent = current
                cur.execute("SELECT value FROM main_tags WHERE resource_id = ? AND name = ?",
                            (rid, IDENTIFIER_OF_LEVEL[Level(lv)]))
                found = cur.fetchone()
                identifiers[Level(lv)] = found[0] if found else ""
                if parent is None:
                    break
                cur.execute("SELECT internal_id, level, parent_id FROM resources "
                            "WHERE internal_id = ?", (parent,))
                current = cur.fetchone()
            seq = _bump(cur, EXPORT_COUNTER)
            cur.execute("INSERT INTO exports (seq, level, public_id, remote, patient_id, "
                        "study_uid, series_uid, sop_uid, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (seq, int(level), resource_id, remote,
                         *(identifiers.get(lv, "") for lv in Level), utc_stamp()))
            return True

    def exports(self, since: int, limit: int) -> list[Export]:
        with self._read() as cur:
            cur.execute(f"SELECT {EXPORT_COLUMNS} FROM exports WHERE seq > ? "
                        "ORDER BY seq LIMIT ?", (max(since, -NO_LIMIT), _bounded(limit)))
            return [_export(r) for r in cur.fetchall()]

    def last_export(self) -> Export | None:
        with self._read() as cur:
            cur.execute(f"SELECT {EXPORT_COLUMNS} FROM exports ORDER BY seq DESC LIMIT 1")
            row = cur.fetchone()
        return None if row is None else _export(row)

    @retried
    def clear_exports(self) -> None:
        with self._write() as cur:
            cur.execute("DELETE FROM exports")

    def all_labels(self) -> list[str]:
        with self._read() as cur:
            cur.execute("SELECT DISTINCT label FROM labels")
            return sorted(r[0] for r in cur.fetchall())

    def labels_of_level(self, level: Level) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        with self._read() as cur:
            cur.execute("SELECT r.public_id, l.label FROM labels l JOIN resources r "
                        "ON l.resource_id = r.internal_id WHERE r.level = ?", (int(level),))
            for public_id, label in cur.fetchall():
                found.setdefault(public_id, []).append(label)
        return {rid: sorted(labels) for rid, labels in found.items()}

    def last_change(self) -> int:
        with self._read() as cur:
            cur.execute("SELECT value FROM properties WHERE name = ?", (CHANGE_COUNTER,))
            row = cur.fetchone()
            return int(row[0]) if row else 0

    def search(self, level: Level, identified: tuple[Level, tuple[str, ...]] | None = None
               ) -> list[tuple[str, dict[str, str]]]:
        lv = int(level)
        values: tuple[str, ...]
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
        sql = ("SELECT r.public_id FROM identifiers i CROSS JOIN resources r "
               "WHERE r.internal_id = i.resource_id AND i.value = ? AND r.level = ?")
        params: tuple = (normalize_identifier(value), int(level))
        if "_" in value or "%" in value:  # normalized, they would be spaces: compare as is
            sql += (" AND EXISTS (SELECT 1 FROM main_tags t WHERE t.resource_id = "
                    "r.internal_id AND t.name = ? AND t.value = ?)")
            params += (IDENTIFIER_OF_LEVEL[level], value)
        with self._read() as cur:
            # CROSS JOIN: SQLite keeps this join order (from the identifier's index);
            # elsewhere it is a plain inner join.
            cur.execute(sql + " ORDER BY r.internal_id", params)
            return [row[0] for row in cur.fetchall()]

    @retried
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

    # --- the pseudonym register (lethe.store.pseudonyms) ------------------------------
    @retried
    def merge_pseudonyms(self, key_name: str, entries: list[RegisterEntry],
                         strict: bool, durable: bool = True) -> MergeCounts:
        with self._relaxed_unless(durable), self._write() as cur:
            return merge_entries(cur, key_name, entries, now_stamp(), strict)

    def find_pseudonyms(self, key_name: str, *, pseudonym: str | None = None,
                        original: str | None = None) -> list[RegisterEntry]:
        with self._read() as cur:
            return find_entries(cur, key_name, pseudonym=pseudonym, original=original)

    def pseudonyms_after(self, key_name: str, after: int, limit: int
                         ) -> list[tuple[int, RegisterEntry]]:
        with self._read() as cur:
            return entries_after(cur, key_name, after, _bounded(limit))


# --- SQL helpers (each runs inside the caller's transaction) ----------------
def _internal_id(cur: Any, public_id: str) -> int | None:
    cur.execute("SELECT internal_id FROM resources WHERE public_id = ?", (public_id,))
    row = cur.fetchone()
    return None if row is None else row[0]


def _resource_row(cur: Any, public_id: str) -> tuple[int, int, int | None] | None:
    cur.execute("SELECT internal_id, level, parent_id FROM resources WHERE public_id = ?",
                (public_id,))
    return cur.fetchone()


def _insert_main_tags(cur: Any, rid: int, level: Level, tags: dict[str, str]) -> None:
    """Store the main tags of a resource, and its identifier when it has one."""
    cur.executemany("INSERT INTO main_tags (resource_id, name, value) VALUES (?, ?, ?)",
                    [(rid, k, v) for k, v in tags.items()])
    if IDENTIFIER_OF_LEVEL[level] in tags:
        cur.execute("INSERT INTO identifiers VALUES (?, ?)",
                    (rid, normalize_identifier(tags[IDENTIFIER_OF_LEVEL[level]])))


def _ancestor_chain(cur: Any, instance_id: str) -> tuple[int, int, int, int] | None:
    """Internal IDs of (patient, study, series, instance) for an instance, or None."""
    cur.execute("SELECT r0.internal_id, r1.internal_id, r2.internal_id, r3.internal_id "
                f"FROM {_ancestor_joins(Level.INSTANCE)} "
                "WHERE r3.public_id = ? AND r3.level = ?", (instance_id, int(Level.INSTANCE)))
    return cur.fetchone()


def _metadata_row(cur: Any, resource_id: str, name: str) -> tuple[Any, Any]:
    """The resource's row (internal ID, level, parent) and its metadata ``name`` as
    (value, revision), None if it has none; 404 for an unknown resource."""
    row = _resource_row(cur, resource_id)
    if row is None:
        raise unknown_resource(f"no resource {resource_id}")
    cur.execute("SELECT value, revision FROM metadata WHERE resource_id = ? AND name = ?",
                (row[0], name))
    return row, cur.fetchone()


def _put_metadata(cur: Any, rid: int, name: str, value: str) -> None:
    cur.execute("UPDATE metadata SET value = ?, revision = revision + 1 "
                "WHERE resource_id = ? AND name = ?", (value, rid, name))
    if cur.rowcount == 0:
        cur.execute("INSERT INTO metadata (resource_id, position, name, value) VALUES "
                    "(?, (SELECT COALESCE(MAX(position), 0) + 1 FROM metadata "
                    "WHERE resource_id = ?), ?, ?)", (rid, rid, name, value))


def _insert_attachment(cur: Any, rid: int, a: Attachment) -> None:
    cur.execute(f"INSERT INTO attachments (resource_id, {ATTACHMENT_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (rid, a.uuid, a.size, a.md5, a.content_type, a.compressed_size,
                 a.compressed_md5, a.compression, a.revision))


def _attachment_row(cur: Any, rid: int, content_type: int) -> Attachment | None:
    cur.execute(f"SELECT {ATTACHMENT_COLUMNS} FROM attachments WHERE resource_id = ? "
                "AND content_type = ?", (rid, content_type))
    row = cur.fetchone()
    return None if row is None else Attachment(*row)


def _prefixed(prefix: str, columns: str) -> str:
    return ", ".join(prefix + column.strip() for column in columns.split(","))


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def _check_revision(expected: Revision | None, revision: int, md5: str) -> None:
    """409 unless ``expected`` is None or names ``revision`` and ``md5`` (what Orthanc
    compares: the revision and the MD5 of the content)."""
    if expected is not None and (expected[0] != revision or expected[1] != md5):
        raise LetheError(ErrorCode.REVISION,
                         f'the revision "{expected[0]}-{expected[1]}" is not the current one')


def _patient_of(cur: Any, rid: int) -> str:
    """The Orthanc ID of the patient of the resource ``rid``."""
    while True:
        cur.execute("SELECT public_id, parent_id FROM resources WHERE internal_id = ?", (rid,))
        public_id, parent = cur.fetchone()
        if parent is None:
            return public_id
        rid = parent


def _usage(cur: Any) -> tuple[int, int]:
    """What the storage limits count: bytes on disk (compressed sizes), and patients."""
    cur.execute("SELECT COALESCE(SUM(compressed_size), 0) FROM attachments")
    disk = int(cur.fetchone()[0])
    cur.execute("SELECT COUNT(*) FROM resources WHERE level = ?", (int(Level.PATIENT),))
    return disk, int(cur.fetchone()[0])


def _touch_patient(cur: Any, patient: int, seq: int, new: bool) -> None:
    """Make ``patient`` the most recent of the recycling order (Orthanc's
    ``TagMostRecentPatient``): its position is ``seq``, the sequence number of the change
    that logged its newest instance (the change counter only grows, and the transactions
    that draw from it run one at a time). A protected patient (without row) stays
    protected."""
    if new:
        cur.execute("INSERT INTO recycling_order (resource_id, seq) VALUES (?, ?)",
                    (patient, seq))
    else:
        cur.execute("UPDATE recycling_order SET seq = ? WHERE resource_id = ?", (seq, patient))


def _recycle(cur: Any, limits: StorageLimits, usage: list[int],
             avoid: str | None) -> list[Attachment] | None:
    """While ``usage`` ([bytes on disk, patients], updated here) is over ``limits``,
    delete the patient that comes first in the recycling order, except ``avoid``; the
    attachments of the patients deleted, or None when the limits are still exceeded
    (``Reject`` mode, or no patient left to recycle): the caller rolls back then."""
    files: list[Attachment] = []
    while limits.exceeded(*usage):
        if limits.mode is StorageMode.REJECT:
            return None
        # the patients of an index made before the recycling order have position 0: the
        # oldest first, in the order they were created
        cur.execute("SELECT r.public_id FROM recycling_order o JOIN resources r "
                    "ON r.internal_id = o.resource_id WHERE r.public_id <> ? "
                    "ORDER BY o.seq, o.resource_id LIMIT 1", (avoid or "",))
        row = cur.fetchone()
        if row is None:
            return None
        outcome = _delete_resource(cur, row[0])
        assert outcome is not None  # found in this transaction
        files += outcome.attachments
        usage[0] -= sum(a.compressed_size for a in outcome.attachments)
        usage[1] -= 1
        log.info("patient %s recycled: the storage was over its limits", row[0])
    return files


def _finish_job(cur: Any, job_id: str) -> None:
    cur.execute("DELETE FROM pending_outputs WHERE job_id = ?", (job_id,))
    forget_reserved(cur, job_id)


def _bump(cur: Any, name: str, count: int = 1) -> int:
    """Add ``count`` to the counter ``name`` (0 before the first time) and return it: one
    statement, atomic across connections (the row stays locked until the transaction ends,
    so the counter also orders the transactions that draw from it)."""
    cur.execute("INSERT INTO properties (name, value) VALUES (?, ?) ON CONFLICT (name) "
                "DO UPDATE SET value = properties.value + ? RETURNING value",
                (name, count, count))
    return int(cur.fetchone()[0])


def _claim_changes(cur: Any) -> None:
    """Lock the change counter before any other row. The transactions that log changes
    then run one at a time from there on, as on SQLite: on PostgreSQL they would otherwise
    lock rows in different orders and deadlock. They also commit in the order of their
    sequence numbers, so a reader of the changes never sees a later number before an
    earlier one. (Servers sharing a database that write in parallel would draw their
    numbers at commit instead.)"""
    cur.execute("INSERT INTO properties (name, value) VALUES (?, 0) ON CONFLICT (name) "
                "DO UPDATE SET value = properties.value", (CHANGE_COUNTER,))


def _schema_version(cur: Any) -> int:
    cur.execute("SELECT MAX(version) FROM schema_version")
    return int(cur.fetchone()[0] or 0)


def _statements(script: str) -> list[str]:
    """The statements of a migration script, without its comment lines."""
    code = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("--"))
    return [statement.strip() for statement in code.split(";") if statement.strip()]


def _add_change(cur: Any, change_type: str, level: Level, public_id: str, stamp: str) -> int:
    """Log a change; its sequence number (0 for none). As in Orthanc, a ``Deleted`` change is
    not logged and takes no number (Orthanc only signals it to its scripts), and the changes
    of a deleted resource are forgotten."""
    if change_type == "Deleted":
        return 0
    seq = _bump(cur, CHANGE_COUNTER)
    cur.execute("INSERT INTO changes (seq, change_type, level, public_id, date) "
                "VALUES (?, ?, ?, ?, ?)", (seq, change_type, int(level), public_id, stamp))
    return seq


def _descendants(cur: Any, rid: int, level: Level, target: Level) -> list[int]:
    ids = [rid]
    while level < target and ids:
        marks = ",".join("?" * len(ids))
        cur.execute(f"SELECT internal_id FROM resources WHERE parent_id IN ({marks})", ids)
        ids = [r[0] for r in cur.fetchall()]
        level = level.child
    return ids


def _attachments_below(cur: Any, rid: int, level: Level) -> list[Attachment]:
    """Every attachment of the resource ``rid`` and of the resources below it (user
    attachments may belong to any level)."""
    ids, layer = [rid], [rid]
    while level < Level.INSTANCE and layer:
        marks = ",".join("?" * len(layer))
        cur.execute(f"SELECT internal_id FROM resources WHERE parent_id IN ({marks})", layer)
        layer = [r[0] for r in cur.fetchall()]
        ids += layer
        level = level.child
    marks = ",".join("?" * len(ids))
    cur.execute(f"SELECT {ATTACHMENT_COLUMNS} FROM attachments "
                f"WHERE resource_id IN ({marks})", ids)
    return [Attachment(*r) for r in cur.fetchall()]


_journal = threading.local()
"""``deleted``: the (level, public ID) of the resources the write transaction of this thread
deleted so far (:meth:`SqlIndex._write`)."""


def _delete_rows(cur: Any, rid: int, replaced: bool = False) -> None:
    """Delete the rows of one resource; noted in the journal unless ``replaced`` (an
    instance stored again over itself)."""
    cur.execute("SELECT public_id, level FROM resources WHERE internal_id = ?", (rid,))
    row = cur.fetchone()
    if row is not None:
        cur.execute("DELETE FROM changes WHERE public_id = ?", (row[0],))
        deleted = getattr(_journal, "deleted", None)
        if deleted is not None and not replaced:
            deleted.append((Level(row[1]), row[0]))
    for table in ("main_tags", "identifiers", "metadata", "attachments", "labels",
                  "pending_outputs", "recycling_order"):
        cur.execute(f"DELETE FROM {table} WHERE resource_id = ?", (rid,))  # noqa: S608
    cur.execute("DELETE FROM resources WHERE internal_id = ?", (rid,))


def _delete_resource(cur: Any, resource_id: str) -> DeleteOutcome | None:
    row = _resource_row(cur, resource_id)
    if row is None:
        return None
    rid, level, parent = row
    files = _attachments_below(cur, rid, Level(level))
    _delete_subtree(cur, rid, Level(level))
    ancestor = _prune_ancestors(cur, parent, files)
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


def _prune_ancestors(cur: Any, parent: int | None,
                     files: list[Attachment]) -> Resource | None:
    """Delete ancestors left without children, adding their attachments to ``files``;
    return the first one that remains."""
    while parent is not None:
        cur.execute("SELECT public_id, level, parent_id, "
                    "(SELECT COUNT(*) FROM resources c WHERE c.parent_id = r.internal_id) "
                    "FROM resources r WHERE internal_id = ?", (parent,))
        public_id, level, grandparent, count = cur.fetchone()
        if count > 0:
            return Resource(public_id, Level(level), None)
        files += _attachments_below(cur, parent, Level.INSTANCE)  # its own only
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
