"""DCMTK's command line tools (Debian package ``dcmtk``), run against a server under test.

Every tool is called as the AET :data:`TESTER`, which the servers of these tests know as a
modality; answers and received files are read back with pydicom. The tools run with
``TCP_NODELAY`` (DCMTK's switch to turn Nagle's algorithm off): else each exchange may wait
40 ms for a delayed acknowledgement.
"""

from __future__ import annotations

import os
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pydicom
import pytest
from pydicom.dataset import Dataset

from tests.support.corpus import program_missing

TESTER = "TESTER"
PROGRAMS = ("echoscu", "storescu", "findscu", "movescu", "getscu", "storescp")
TIMEOUT = 60


def require_dcmtk() -> None:
    """Skip the running test when a DCMTK tool is missing."""
    for program in PROGRAMS:
        reason = program_missing(program, "dcmtk")
        if reason is not None:
            pytest.skip(reason.replace(f"{program} is", "dcmtk is"))


def run(program: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run a DCMTK tool; its completed process (never raises on failure)."""
    return subprocess.run([program, *args], capture_output=True, text=True, cwd=cwd,
                          timeout=TIMEOUT, env={**os.environ, "TCP_NODELAY": "1"})


def echo(port: int, aet: str = TESTER, called: str = "ANY-SCP") -> subprocess.CompletedProcess:
    return run("echoscu", "-aet", aet, "-aec", called, "127.0.0.1", str(port))


_PROPOSE = {"1.2.840.10008.1.2.4.50": "-xy", "1.2.840.10008.1.2.4.51": "-xx",
            "1.2.840.10008.1.2.4.57": "-xs", "1.2.840.10008.1.2.4.70": "-xs",
            "1.2.840.10008.1.2.4.80": "-xt", "1.2.840.10008.1.2.4.81": "-xu",
            "1.2.840.10008.1.2.4.90": "-xv", "1.2.840.10008.1.2.4.91": "-xw",
            "1.2.840.10008.1.2.5": "-xr", "1.2.840.10008.1.2.1.99": "-xd"}


def store(port: int, *files: Path, aet: str = TESTER, options: tuple[str, ...] = ()
          ) -> subprocess.CompletedProcess:
    return run("storescu", "-aet", aet, *options, "127.0.0.1", str(port), *map(str, files))


def store_as_is(port: int, path: Path, aet: str = TESTER, called: str = "ANY-SCP"
                ) -> subprocess.CompletedProcess:
    """storescu of one file, proposing only its own SOP class and transfer syntax."""
    meta = pydicom.dcmread(path, stop_before_pixels=True, force=True).file_meta
    syntax = str(meta.get("TransferSyntaxUID", "1.2.840.10008.1.2"))
    flag = _PROPOSE.get(syntax)
    return store(port, path, aet=aet, options=("-R", "-aec", called, *([flag] if flag else [])))


def find(port: int, keys: list[str], model: str = "-S", aet: str = TESTER) -> list[Dataset]:
    """The answers of a C-FIND (``keys`` as findscu's ``-k``), in the order received; an
    AssertionError with findscu's output when it fails."""
    with tempfile.TemporaryDirectory() as folder:
        args = [model, "-X", "-aet", aet]
        for key in keys:
            args += ["-k", key]
        done = run("findscu", *args, "127.0.0.1", str(port), cwd=Path(folder))
        assert done.returncode == 0 and "E: " not in done.stderr, done.stderr
        return [pydicom.dcmread(path) for path in sorted(Path(folder).glob("rsp*.dcm"))]


def move(port: int, destination: str, keys: list[str], aet: str = TESTER
         ) -> subprocess.CompletedProcess:
    args = ["-S", "-aet", aet, "-aem", destination]
    for key in keys:
        args += ["-k", key]
    return run("movescu", *args, "127.0.0.1", str(port))


def get(port: int, folder: Path, keys: list[str], aet: str = TESTER
        ) -> subprocess.CompletedProcess:
    """C-GET into ``folder``; getscu writes what it receives as it came (``+B``)."""
    args = ["-S", "-aet", aet, "-od", str(folder), "+B"]
    for key in keys:
        args += ["-k", key]
    return run("getscu", *args, "127.0.0.1", str(port))


def _wait_for_port(port: int, process: subprocess.Popen, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "storescp did not start"
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"storescp did not listen on port {port}")


@contextmanager
def storescp(port: int, folder: Path, aet: str = TESTER) -> Iterator[Path]:
    """A storescp on ``port`` writing what it receives, bit for bit (``+B``), to ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(["storescp", "-aet", aet, "-od", str(folder), "+xa", "+B",
                                str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, "TCP_NODELAY": "1"})
    try:
        _wait_for_port(port, process)
        yield folder
    finally:
        process.terminate()
        process.wait(timeout=10)
