"""Lethe and Orthanc 1.10.1 with their DICOM listeners on, on free loopback ports.

Each knows the other and the DCMTK tools of the tests (AET ``TESTER``, whose storescp listens
on ``tester_port``) as modalities: ``lethe``, ``orthanc`` and ``tester``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import ORTHANC_MISSING
from tests.network.dcmtk import TESTER, require_dcmtk
from tests.support.servers import (
    ServerProcess,
    free_port,
    orthanc_available,
    start_lethe,
    start_orthanc,
)


@dataclass
class Node:
    """A server under test: its HTTP side, its DICOM port and AET."""

    server: ServerProcess
    port: int
    aet: str

    @property
    def url(self) -> str:
        return self.server.url

    def client(self) -> httpx.Client:
        return self.server.client()


@dataclass
class Pair:
    """Lethe and Orthanc side by side, and the port of the tests' own storescp."""

    lethe: Node
    orthanc: Node
    tester_port: int


def modalities(lethe_port: int, orthanc_port: int, tester_port: int) -> dict:
    return {"lethe": ["LETHE", "127.0.0.1", lethe_port],
            "orthanc": ["ORTHANC", "127.0.0.1", orthanc_port],
            "tester": [TESTER, "127.0.0.1", tester_port]}


@contextmanager
def pair(workdir: Path, lethe_extra: dict | None = None,
         orthanc_extra: dict | None = None) -> Iterator[Pair]:
    """Start both servers (skips without Orthanc or DCMTK); stop them at the end."""
    require_dcmtk()
    if not orthanc_available():
        pytest.skip(ORTHANC_MISSING)
    lethe_port, orthanc_port, tester_port = free_port(), free_port(), free_port()
    known = modalities(lethe_port, orthanc_port, tester_port)
    lethe = start_lethe(workdir / "lethe", {
        "DicomServerEnabled": True, "DicomAet": "LETHE", "DicomPort": lethe_port,
        "DicomModalities": known, **(lethe_extra or {})})
    try:
        orthanc = start_orthanc(workdir / "orthanc", {
            "DicomServerEnabled": True, "DicomAet": "ORTHANC", "DicomPort": orthanc_port,
            "DicomModalities": known, **(orthanc_extra or {})})
    except BaseException:
        lethe.stop()
        raise
    try:
        yield Pair(Node(lethe, lethe_port, "LETHE"), Node(orthanc, orthanc_port, "ORTHANC"),
                   tester_port)
    finally:
        orthanc.stop()
        lethe.stop()


@contextmanager
def lethe_node(workdir: Path, extra: dict | None = None) -> Iterator[Node]:
    """Lethe alone, with its DICOM listener on (skips without DCMTK)."""
    require_dcmtk()
    port = free_port()
    server = start_lethe(workdir, {"DicomServerEnabled": True, "DicomPort": port,
                                   "DicomAet": "LETHE", **(extra or {})})
    try:
        yield Node(server, port, "LETHE")
    finally:
        server.stop()
