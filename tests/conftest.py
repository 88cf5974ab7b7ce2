"""Fixtures shared by the whole suite: sample files, Lethe apps and the Orthanc oracle."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.servers import ServerProcess, orthanc_available, start_orthanc

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLES = SHARED / "samples"
REFERENCE = SHARED / "reference"


def sample_files() -> list[Path]:
    """Every DICOM file of the shared sample corpus (empty if the corpus is absent)."""
    if not SAMPLES.is_dir():
        return []
    return sorted(p for p in SAMPLES.rglob("*")
                  if p.is_file() and p.suffix.lower() not in {".txt", ".dic", ".md"})


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
