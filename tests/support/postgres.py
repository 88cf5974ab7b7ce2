"""A PostgreSQL server for the tests, started as a user would start one.

``initdb`` makes a cluster in a temporary folder, ``pg_ctl start`` serves it on a free
loopback port (its unix socket in the same folder), and each test or app gets a database of
its own. As root, the server runs as the ``postgres`` user (PostgreSQL refuses to run as
root), in a folder that user owns. The cluster trades durability for speed (``fsync=off``):
it only lives for the test session.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.servers import free_port

SUPERUSER = "postgres"
BACKEND_ENV = "LETHE_TEST_INDEX"
"""The environment variable that makes ``make_app`` build its apps on PostgreSQL."""


def postgres_bindir() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: ``$LETHE_PG_BIN``, the ``PATH``, or the
    newest ``/usr/lib/postgresql/<version>/bin`` (Debian); None when there is none."""
    candidates = [os.environ.get("LETHE_PG_BIN", "")]
    found = shutil.which("initdb")
    candidates.append(str(Path(found).parent) if found else "")
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                         key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit()
                         else 0, reverse=True)
    for candidate in candidates:
        if candidate and (Path(candidate) / "initdb").is_file() and \
                (Path(candidate) / "pg_ctl").is_file():
            return Path(candidate)
    return None


class PostgresServer:
    """A PostgreSQL cluster of the test session on ``127.0.0.1:port``, with trust
    authentication for :data:`SUPERUSER`."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.host = "127.0.0.1"
        self.port = 0
        self.root = Path(tempfile.mkdtemp(prefix="lethe-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self._as_user: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            owner = pwd.getpwnam(SUPERUSER)
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
            self._as_user = ["runuser", "-u", SUPERUSER, "--"]
        self._names = itertools.count(1)
        self._names_lock = threading.Lock()

    def _run(self, *command: str) -> None:
        result = subprocess.run([*self._as_user, *command], capture_output=True, text=True,
                                check=False)
        if result.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}): "
                               f"{result.stdout}{result.stderr}{log}")

    def start(self) -> None:
        """``initdb`` then ``pg_ctl start`` on a free port (another try on another port if
        the first was taken meanwhile)."""
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", SUPERUSER,
                  "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync")
        for attempt in range(3):
            self.port = free_port()
            options = (f"-p {self.port} -k {self.root} -c listen_addresses={self.host} "
                       "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                       "-c max_connections=400")
            try:
                self._run(str(self.bindir / "pg_ctl"), "start", "-w", "-t", "60",
                          "-D", str(self.data), "-l", str(self.log), "-o", options)
                return
            except RuntimeError:
                if attempt == 2:
                    raise

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        try:
            if (self.data / "postmaster.pid").exists():
                self._run(str(self.bindir / "pg_ctl"), "stop", "-D", str(self.data),
                          "-m", "fast", "-w")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def conninfo(self, database: str = "postgres") -> str:
        """A libpq connection string for ``database``."""
        return f"host={self.host} port={self.port} user={SUPERUSER} dbname={database}"

    def section(self, database: str, **options: object) -> dict[str, object]:
        """The ``PostgreSQL`` configuration section for ``database``."""
        return {"EnableIndex": True, "Host": self.host, "Port": self.port,
                "Database": database, "Username": SUPERUSER, "Password": "", **options}

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.conninfo(), autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self) -> str:
        """A new empty database; its name."""
        with self._names_lock:
            name = f"lethe_test_{next(self._names)}"
        self._admin(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        """Drop a database, closing the connections still open to it."""
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_postgres() -> PostgresServer:
    """Start a server for the session; skip the test when PostgreSQL is not installed,
    except in CI (``CI=true``), where a missing PostgreSQL is a failure."""
    bindir = postgres_bindir()
    if bindir is None:
        reason = ("PostgreSQL is not installed (apt-get install -y postgresql): "
                  "initdb and pg_ctl not found")
        if os.environ.get("CI") == "true":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    server = PostgresServer(bindir)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    return server


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The PostgreSQL server of the test session (see :func:`start_postgres`)."""
    server = start_postgres()
    yield server
    server.stop()


@pytest.fixture
def postgres_database(postgres_server: PostgresServer) -> Iterator[str]:
    """An empty database of this test alone, dropped afterwards."""
    name = postgres_server.create_database()
    yield name
    postgres_server.drop_database(name)


BACKENDS = ("sqlite", "postgresql")


@pytest.fixture
def index_backend() -> str:
    """The index of the apps ``make_app`` builds: ``sqlite``, or ``postgresql`` when
    ``LETHE_TEST_INDEX=postgresql``. A module runs on both backends with
    ``pytestmark = pytest.mark.parametrize("index_backend", BACKENDS)``."""
    backend = os.environ.get(BACKEND_ENV, "sqlite") or "sqlite"
    if backend not in BACKENDS:
        pytest.fail(f"{BACKEND_ENV}={backend!r}: expected one of {', '.join(BACKENDS)}",
                    pytrace=False)
    return backend


class AppDatabases:
    """The databases of one test's apps: one per app on the session's server, dropped
    when the test ends; nothing at all on the ``sqlite`` backend."""

    def __init__(self, server: PostgresServer | None) -> None:
        self.server = server
        self.names: list[str] = []

    def configure(self, options: dict[str, object]) -> None:
        """Give an app's configuration ``options`` a database of its own, unless it names
        a ``PostgreSQL`` section already."""
        if self.server is not None and "PostgreSQL" not in options:
            self.names.append(self.server.create_database())
            options["PostgreSQL"] = self.server.section(self.names[-1])

    def drop(self) -> None:
        """Drop the databases (after the apps have closed their connections)."""
        if self.server is not None:
            for name in self.names:
                self.server.drop_database(name)


@pytest.fixture
def app_databases(request: pytest.FixtureRequest, index_backend: str) -> AppDatabases:
    """The databases of this test's apps on ``index_backend`` (the first use of the
    ``postgresql`` backend starts the session's server, or skips the test)."""
    if index_backend != "postgresql":
        return AppDatabases(None)
    return AppDatabases(request.getfixturevalue("postgres_server"))
