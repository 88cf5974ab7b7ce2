"""The SQLite backend of the index (the embedded default).

One connection per thread, WAL journal, ``synchronous=FULL`` so that a
committed row survives a power loss, and ``BEGIN IMMEDIATE`` for writers so
that concurrent writers queue on the lock instead of failing on upgrade.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from lethe.store.sqlindex import SqlIndex

BUSY_TIMEOUT_MS = 60_000


class SQLiteIndex(SqlIndex):
    """An index stored in one SQLite file, created (or migrated to the newest schema)
    when opened."""

    _autoincrement = "INTEGER PRIMARY KEY AUTOINCREMENT"
    local = True

    def __init__(self, path: str | Path) -> None:
        super().__init__()
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.migrate()
        self.fill_identifiers()

    def _connect(self) -> Any:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                               timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        return conn

    def _begin_write(self, cur: Any) -> None:
        cur.execute("BEGIN IMMEDIATE")

    @contextmanager
    def _relaxed(self) -> Iterator[None]:
        """In WAL mode, ``synchronous=NORMAL`` commits without an fsync; the next
        ``FULL`` commit makes them durable too."""
        conn = self._conn()
        conn.execute("PRAGMA synchronous=NORMAL")
        try:
            yield
        finally:
            conn.execute("PRAGMA synchronous=FULL")
