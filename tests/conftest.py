"""Fixtures shared by the whole suite: sample files, Lethe apps and the Orthanc oracle.

The sample corpus and the reference files are located by ``tests/support/corpus.py``
(``LETHE_SAMPLES``). Under CI (``CI=true``) or with ``LETHE_REQUIRE_ALL=1``, a test skipped
because the corpus, a reference file or a program is missing fails instead.
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests.support import corpus
from tests.support.servers import ServerProcess, orthanc_available, start_orthanc

# PostgreSQL's fixtures: postgres_server, postgres_database, index_backend, app_databases.
pytest_plugins = ["tests.support.postgres"]

# Property tests run a fixed set of examples in `make test` (reproducible in CI);
# LETHE_HYPOTHESIS=explore draws new random examples for a search by hand.
settings.register_profile("fixed", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None)
settings.load_profile("explore" if os.environ.get("LETHE_HYPOTHESIS") == "explore" else "fixed")

ORTHANC_MISSING = "Orthanc is not installed (apt-get install -y orthanc)"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item,
                              call: pytest.CallInfo) -> Generator[None, pytest.TestReport,
                                                                  pytest.TestReport]:
    """A skip for a missing corpus, reference file or program is reported at the test that
    skipped (not in the helper that raised it); when everything is required
    (``corpus.REQUIRE_ALL``), it is a failure naming what is missing instead."""
    report = yield
    if not (report.skipped and isinstance(report.longrepr, tuple)) or hasattr(report, "wasxfail"):
        return report
    reason = report.longrepr[2].removeprefix("Skipped: ")
    if corpus.MISSING_PREREQUISITE.search(reason):
        if corpus.REQUIRE_ALL:
            report.outcome = "failed"
            report.longrepr = (f"{reason}\nRequired because CI=true or LETHE_REQUIRE_ALL=1: "
                               "this run must not skip it.")
        else:
            path, line = item.reportinfo()[:2]
            report.longrepr = (str(path), (line or 0) + 1, f"Skipped: {reason}")
    return report


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The sample corpus; skips when it is not there."""
    return corpus.samples()


@pytest.fixture(scope="session")
def orthanc(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A running Orthanc 1.10.1 (Debian package) on a free loopback port, for differential tests."""
    if not orthanc_available():
        pytest.skip(ORTHANC_MISSING)
    server = start_orthanc(tmp_path_factory.mktemp("orthanc"))
    yield server
    server.stop()


@pytest.fixture
def make_app(tmp_path: Path, app_databases):
    """A factory of Lethe apps on empty storage: ``make_app(**config)`` gives a TestClient
    connected from the loopback address. With the ``postgresql`` backend (see
    ``index_backend``), each app has its index in a database of its own."""
    from starlette.testclient import TestClient

    from lethe.api.app import create_app
    from lethe.config import config_from_dict

    clients = []

    def factory(client_host: str = "127.0.0.1", **options) -> TestClient:
        options.setdefault("StorageDirectory", str(tmp_path / f"storage{len(clients)}"))
        app_databases.configure(options)
        client = TestClient(create_app(config_from_dict(options)), client=(client_host, 50000),
                            raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return client

    yield factory
    for client in clients:
        client.__exit__(None, None, None)
    app_databases.drop()


@pytest.fixture
def lethe(make_app):
    """A Lethe app with the default configuration on empty storage."""
    return make_app()


@pytest.fixture
def orthanc_fresh(tmp_path: Path) -> Iterator[ServerProcess]:
    """An Orthanc 1.10.1 of this test alone, on empty storage."""
    if not orthanc_available():
        pytest.skip(ORTHANC_MISSING)
    server = start_orthanc(tmp_path / "orthanc-fresh")
    yield server
    server.stop()
