"""Where the tests find the sample corpus and the reference files, and what a test does when
something it needs is absent.

One setting locates both:

- ``LETHE_SAMPLES``: the sample corpus folder (default: ``shared/samples`` beside the
  repository, that is ``<repo>/../shared/samples``);
- the reference files (Orthanc's OpenAPI description, the PS3.15 tables) are always in the
  folder ``reference`` beside it: ``$LETHE_SAMPLES/../reference``.

A test that needs the corpus, the reference files or a program (Orthanc, dciodvfy) that is not
there is skipped, with a reason naming what is missing: "<what> not found at <where> (...)" or
"<program> is not installed (...)". Under CI (``CI=true``) or with ``LETHE_REQUIRE_ALL=1``, such
a skip is a failure instead (see ``tests/conftest.py``), so that a CI run with everything
installed cannot silently test less.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
SAMPLES = Path(os.environ.get("LETHE_SAMPLES")
               or REPOSITORY.parent / "shared" / "samples").resolve()
REFERENCE = SAMPLES.parent / "reference"

REQUIRE_ALL = (os.environ.get("CI", "").lower() == "true"
               or os.environ.get("LETHE_REQUIRE_ALL") == "1")
"""True when a missing prerequisite fails its tests instead of skipping them."""

MISSING_PREREQUISITE = re.compile(r" not found at | is not installed")
"""What the reason of a skip caused by a missing corpus, reference file or program says."""

CRASHES_ORTHANC = frozenset({"2026-05-06-Deeply-Nested-Sequence.dcm"})
"""Samples that crash Orthanc 1.10.1 (a segmentation fault): never sent to the oracle."""

_NOT_DICOM = frozenset({".txt", ".dic", ".md", ".dump", ".sh", ".png", ".raw"})


def samples() -> Path:
    """The sample corpus folder; skips the running test when it is not there."""
    if not SAMPLES.is_dir():
        pytest.skip(f"sample corpus not found at {SAMPLES} (set LETHE_SAMPLES)")
    return SAMPLES


def require(path: Path) -> Path:
    """``path``, a file or folder of the sample corpus or of the reference folder; skips the
    running test when it is not there."""
    if path.is_relative_to(SAMPLES):
        samples()
        if not path.exists():
            pytest.skip(f"sample not found at {path} (set LETHE_SAMPLES)")
    elif not path.exists():
        pytest.skip(f"reference file not found at {path} (read from the folder 'reference' "
                    "beside LETHE_SAMPLES)")
    return path


def sample(relative: str) -> Path:
    """One file or folder of the sample corpus; skips the running test when it is not there."""
    return require(SAMPLES / relative)


def reference(relative: str) -> Path:
    """One reference file; skips the running test when it is not there."""
    return require(REFERENCE / relative)


def sample_files() -> list[Path]:
    """Every DICOM file of the sample corpus (empty when the corpus is absent: a test that
    needs the corpus asks for it with ``samples()`` or the ``samples_dir`` fixture)."""
    if not SAMPLES.is_dir():
        return []
    return sorted(p for p in SAMPLES.rglob("*")
                  if p.is_file() and p.suffix.lower() not in _NOT_DICOM)


def program_missing(program: str, package: str) -> str | None:
    """The reason to skip a test that runs ``program`` when it is not on the PATH
    ("<program> is not installed (apt-get install -y <package>)"), else None."""
    if shutil.which(program) is None:
        return f"{program} is not installed (apt-get install -y {package})"
    return None
