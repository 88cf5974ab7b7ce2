"""The PostgreSQL backend of the index (Orthanc's PostgreSQL plugin, index only).

The statements are those of :mod:`lethe.store.sqlindex`; this module supplies the
connections and the transactions:

- A pool of at most ``IndexConnectionsCount`` connections, opened when needed and kept;
  each transaction borrows one. Statements written with ``?`` are sent with psycopg's
  ``%s`` (:func:`psycopg_statement`, one translation per statement text, cached).
- Writers run in READ COMMITTED. Concurrent writers never duplicate a resource (the shared
  SQL inserts with ``ON CONFLICT DO NOTHING`` and then reads the row another connection
  created) and draw counters atomically (one upsert ``RETURNING`` the value). Those that
  log changes (stores, deletions) first lock the change counter, so they run one at a
  time and commit in the order of their sequence numbers; the others (metadata, labels)
  run side by side. What still conflicts (a deadlock, a unique or foreign key violation)
  rolls back, and the write runs again (:func:`~lethe.store.sqlindex.retried`).
- Readers see one snapshot (REPEATABLE READ, READ ONLY), as SQLite readers do.
- Text is sent and read through :data:`ADAPTERS`, which escape the NUL character that
  PostgreSQL's text cannot hold (:func:`escape_text`): values keep it, as on SQLite.
- With ``Lock`` (the default, Orthanc's single-writer mode), the index holds a session
  advisory lock for its lifetime, on a connection of its own, and does not open while
  another server holds it. Schema migrations take a transaction advisory lock, so that
  servers sharing a database (``Lock`` false) never migrate it twice.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import abc, errors
from psycopg.abc import AdaptContext, Buffer
from psycopg.adapt import AdaptersMap, Dumper, Loader, PyFormat
from psycopg.conninfo import make_conninfo
from psycopg.pq import Format, TransactionStatus

from lethe.config import PostgreSQLConfig
from lethe.store.index import IndexUnavailable
from lethe.store.sqlindex import Conflict, SqlIndex

log = logging.getLogger(__name__)

SERVER_LOCK = 0x4C65746865
"""Key of the session advisory lock of the server that owns the index (``Lock``)."""

SCHEMA_LOCK = 0x4C65746866
"""Key of the transaction advisory lock held while the schema is migrated."""

CONNECT_TIMEOUT = 10
"""Seconds before an attempt to connect gives up."""


@functools.lru_cache(maxsize=4096)
def psycopg_statement(sql: str, with_params: bool = True) -> str:
    """``sql`` with psycopg's placeholders: each ``?`` becomes ``%s``, and a literal ``%``
    is doubled. The shared SQL has no ``?`` outside its placeholders. psycopg reads
    placeholders only when parameters are given: without them, ``sql`` is sent as it is."""
    return sql.replace("%", "%%").replace("?", "%s") if with_params else sql


ESCAPE = "\ue000"  # a private-use character
_ESCAPED = re.compile("\ue000([\ue0000])")


def escape_text(value: str) -> str:
    """``value`` as PostgreSQL's text can hold it: that text cannot hold a NUL character
    (SQLite's can, and a stored value keeps it), so NUL is written as :data:`ESCAPE` ``0``
    and :data:`ESCAPE` itself as two. The escaping is one to one: equal values stay
    equal in SQL. Nothing changes for a value with neither character."""
    if "\x00" not in value and ESCAPE not in value:
        return value
    return value.replace(ESCAPE, ESCAPE * 2).replace("\x00", ESCAPE + "0")


def unescape_text(value: str) -> str:
    """The value that :func:`escape_text` wrote as ``value``."""
    if ESCAPE not in value:
        return value
    return _ESCAPED.sub(lambda m: "\x00" if m.group(1) == "0" else ESCAPE, value)


def _escaping(base: type[abc.Dumper]) -> type[Dumper]:
    """A dumper that escapes (:func:`escape_text`), then dumps with psycopg's ``base``."""

    class EscapingDumper(Dumper):
        oid = base.oid
        format = base.format

        def __init__(self, cls: type, context: AdaptContext | None = None) -> None:
            super().__init__(cls, context)
            self._base = base(cls, context)

        def dump(self, obj: str) -> Buffer | None:
            return self._base.dump(escape_text(obj))

    return EscapingDumper


def _unescaping(base: type[abc.Loader]) -> type[Loader]:
    """A loader that loads with psycopg's ``base``, then unescapes (:func:`unescape_text`)."""

    class UnescapingLoader(Loader):
        format = base.format

        def __init__(self, oid: int, context: AdaptContext | None = None) -> None:
            super().__init__(oid, context)
            self._base = base(oid, context)

        def load(self, data: Buffer) -> str:
            return unescape_text(self._base.load(data))

    return UnescapingLoader


ADAPTERS = AdaptersMap(psycopg.adapters)
"""How Lethe's connections send and read text: escaped (:func:`escape_text`)."""
for _format in (PyFormat.TEXT, PyFormat.BINARY):
    ADAPTERS.register_dumper(str, _escaping(psycopg.adapters.get_dumper(str, _format)))
for _type in ("text", "varchar"):
    _oid = psycopg.adapters.types[_type].oid
    for _pq_format in (Format.TEXT, Format.BINARY):
        _loader = psycopg.adapters.get_loader(_oid, _pq_format)
        if _loader is not None:
            ADAPTERS.register_loader(_oid, _unescaping(_loader))


class QmarkCursor(psycopg.Cursor[Any]):
    """A psycopg cursor that takes statements with ``?`` placeholders."""

    def execute(self, query: Any, params: Any = None, **kwargs: Any) -> QmarkCursor:
        if isinstance(query, str):
            query = psycopg_statement(query, params is not None)
        return super().execute(query, params, **kwargs)

    def executemany(self, query: Any, params_seq: Iterable[Any], **kwargs: Any) -> None:
        if isinstance(query, str):
            query = psycopg_statement(query)
        super().executemany(query, params_seq, **kwargs)


def conninfo(config: PostgreSQLConfig) -> str:
    """The libpq connection string of the ``PostgreSQL`` section: ``ConnectionUri`` when
    given (it takes precedence, as in Orthanc), else ``Host``, ``Port``, ``Database``,
    ``Username`` and ``Password``, each left to libpq's defaults when empty; ``EnableSsl``
    requires an encrypted connection."""
    ssl: dict[str, str | int] = {"sslmode": "require"} if config.EnableSsl else {}
    if config.ConnectionUri:
        return make_conninfo(config.ConnectionUri, connect_timeout=CONNECT_TIMEOUT, **ssl)
    fields: dict[str, str | int] = {
        "host": config.Host, "port": config.Port, "dbname": config.Database,
        "user": config.Username, "password": config.Password, **ssl}
    return make_conninfo("", connect_timeout=CONNECT_TIMEOUT, application_name="lethe",
                         **{key: value for key, value in fields.items() if value})


def describe(info: str) -> str:
    """Where a connection string leads (host, port, database), without its password."""
    try:
        params = psycopg.conninfo.conninfo_to_dict(info)
    except psycopg.ProgrammingError:
        return "the configured PostgreSQL database"
    return (f"database {params.get('dbname') or '(default)'} on "
            f"{params.get('host') or '(default host)'}:{params.get('port') or 5432}")


class _Pool:
    """At most ``size`` connections, opened on demand and kept; one borrower at a time
    each. A connection given back broken, or inside a transaction, is closed."""

    def __init__(self, connect: Callable[[], psycopg.Connection[Any]], size: int) -> None:
        self._connect = connect
        self._size = max(1, size)
        self._idle: list[psycopg.Connection[Any]] = []
        self._opened = 0
        self._changed = threading.Condition()
        self._closed = False

    def put(self, conn: psycopg.Connection[Any]) -> None:
        """Add a connection opened elsewhere (counted against ``size``)."""
        with self._changed:
            self._opened += 1
            self._idle.append(conn)
            self._changed.notify()

    @contextmanager
    def connection(self) -> Iterator[psycopg.Connection[Any]]:
        """Borrow a connection for the time of the ``with`` block."""
        conn = self._take()
        try:
            yield conn
        finally:
            self._give_back(conn)

    def _take(self) -> psycopg.Connection[Any]:
        with self._changed:
            while True:
                if self._closed:
                    raise IndexUnavailable("the index is closed")
                if self._idle:
                    return self._idle.pop()
                if self._opened < self._size:
                    self._opened += 1
                    break
                self._changed.wait()
        try:
            return self._connect()
        except BaseException:
            with self._changed:
                self._opened -= 1
                self._changed.notify()
            raise

    def _give_back(self, conn: psycopg.Connection[Any]) -> None:
        healthy = not conn.closed and conn.info.transaction_status == TransactionStatus.IDLE
        with self._changed:
            if healthy and not self._closed:
                self._idle.append(conn)
                self._changed.notify()
                return
            self._opened -= 1
            self._changed.notify()
        conn.close()

    def close(self) -> None:
        """Close the idle connections; those borrowed are closed when given back."""
        with self._changed:
            self._closed = True
            idle, self._idle = self._idle, []
            self._changed.notify_all()
        for conn in idle:
            conn.close()


class PostgreSQLIndex(SqlIndex):
    """An index in a PostgreSQL database, created (or migrated to the newest schema) when
    opened.

    Raises :class:`IndexUnavailable` when the database cannot be reached after
    ``MaximumConnectionRetries`` further attempts ``ConnectionRetryInterval`` seconds apart,
    when ``Lock`` is set and another server holds the lock, or when the schema is newer
    than this Lethe's.
    """

    _autoincrement = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
    _conflicts = (Conflict, errors.SerializationFailure, errors.DeadlockDetected,
                  errors.UniqueViolation, errors.ForeignKeyViolation)
    _now_ms = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)"

    def __init__(self, config: PostgreSQLConfig) -> None:
        super().__init__()
        self._conninfo = conninfo(config)
        self.where = describe(self._conninfo)
        self._pool = _Pool(self._connect, config.IndexConnectionsCount)
        self._lock_conn: psycopg.Connection[Any] | None = None
        first = self._connect_patiently(config.MaximumConnectionRetries,
                                        config.ConnectionRetryInterval)
        try:
            if config.Lock:
                self._lock_conn = self._take_lock(first)
            else:
                self._pool.put(first)
            self.migrate()
            self.fill_identifiers()
        except BaseException:
            self.close()
            raise

    def _connect(self) -> psycopg.Connection[Any]:
        return psycopg.connect(self._conninfo, autocommit=True, cursor_factory=QmarkCursor,
                               context=ADAPTERS)

    def _connect_patiently(self, retries: int, interval: float) -> psycopg.Connection[Any]:
        """The first connection: the server may still be starting (as in Orthanc, the
        attempts are ``retries + 1``, ``interval`` seconds apart)."""
        for attempt in range(retries + 1):
            try:
                return self._connect()
            except psycopg.OperationalError as exc:
                if attempt == retries:
                    raise IndexUnavailable(
                        f"cannot connect to the PostgreSQL index ({self.where}): "
                        f"{str(exc).strip()}") from None
                log.warning("cannot connect to the PostgreSQL index (%s), new attempt in %s s",
                            self.where, interval)
                time.sleep(interval)
        raise AssertionError("unreachable")

    def _take_lock(self, conn: psycopg.Connection[Any]) -> psycopg.Connection[Any]:
        """Hold the server lock on ``conn`` (kept open for that), or refuse to open."""
        row = conn.execute("SELECT pg_try_advisory_lock(?)", (SERVER_LOCK,)).fetchone()
        if row is None or not row[0]:
            conn.close()
            raise IndexUnavailable(
                f"another server holds the lock of the PostgreSQL index ({self.where}): "
                'stop it, or set "Lock": false in the "PostgreSQL" section of every server '
                "that shares the database")
        return conn

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection[Any]]:
        with self._pool.connection() as conn:
            yield conn

    def _begin_write(self, cur: Any) -> None:
        cur.execute("BEGIN ISOLATION LEVEL READ COMMITTED")

    def _begin_read(self, cur: Any) -> None:
        cur.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")

    def _lock_schema(self, cur: Any) -> None:
        cur.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))

    def close(self) -> None:
        """Close the connections, releasing the server lock."""
        self._pool.close()
        if self._lock_conn is not None:
            self._lock_conn.close()
            self._lock_conn = None
