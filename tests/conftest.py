"""Fixtures shared by the whole suite: sample files, Lethe apps and the Orthanc oracle."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests.support.servers import ServerProcess, orthanc_available, start_orthanc

# Property tests run a fixed set of examples in `make test` (reproducible in CI);
# LETHE_HYPOTHESIS=explore draws new random examples for a search by hand.
settings.register_profile("fixed", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None)
settings.load_profile("explore" if os.environ.get("LETHE_HYPOTHESIS") == "explore" else "fixed")

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLES = SHARED / "samples"
REFERENCE = SHARED / "reference"


# Samples that crash Orthanc 1.10.1 (a segmentation fault): never send them to the oracle.
CRASHES_ORTHANC = frozenset({"2026-05-06-Deeply-Nested-Sequence.dcm"})


def sample_files() -> list[Path]:
    """Every DICOM file of the shared sample corpus (empty if the corpus is absent)."""
    if not SAMPLES.is_dir():
        return []
    return sorted(p for p in SAMPLES.rglob("*")
                  if p.is_file() and p.suffix.lower() not in {".txt", ".dic", ".md", ".dump", ".sh", ".png", ".raw"})


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The shared sample corpus; skips when it is not there."""
    if not SAMPLES.is_dir():
        pytest.skip(f"sample corpus not found at {SAMPLES}")
    return SAMPLES


@pytest.fixture(scope="session")
def orthanc(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A running Orthanc 1.10.1 (Debian package) on a free loopback port, for differential tests."""
    if not orthanc_available():
        pytest.skip("Orthanc is not installed (apt-get install -y orthanc)")
    server = start_orthanc(tmp_path_factory.mktemp("orthanc"))
    yield server
    server.stop()


@pytest.fixture
def make_app(tmp_path: Path):
    """A factory of Lethe apps on empty storage: ``make_app(**config)`` gives a TestClient
    connected from the loopback address."""
    from starlette.testclient import TestClient

    from lethe.api.app import create_app
    from lethe.config import config_from_dict

    clients = []

    def factory(client_host: str = "127.0.0.1", **options) -> TestClient:
        options.setdefault("StorageDirectory", str(tmp_path / f"storage{len(clients)}"))
        client = TestClient(create_app(config_from_dict(options)), client=(client_host, 50000),
                            raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return client

    yield factory
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def lethe(make_app):
    """A Lethe app with the default configuration on empty storage."""
    return make_app()


@pytest.fixture
def orthanc_fresh(tmp_path: Path) -> Iterator[ServerProcess]:
    """An Orthanc 1.10.1 of this test alone, on empty storage."""
    if not orthanc_available():
        pytest.skip("Orthanc is not installed (apt-get install -y orthanc)")
    server = start_orthanc(tmp_path / "orthanc-fresh")
    yield server
    server.stop()
