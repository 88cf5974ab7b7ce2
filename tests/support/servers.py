"""Start real servers for tests: the Debian Orthanc 1.10.1 oracle, and Lethe itself.

Both run as subprocesses on free loopback ports with empty storage in a
temporary directory, and are stopped when the fixture ends.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ORTHANC_BINARY = "/usr/sbin/Orthanc"


def free_port() -> int:
    """A TCP port on the loopback interface that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def orthanc_available() -> bool:
    """True when the Debian Orthanc binary is installed."""
    return os.access(ORTHANC_BINARY, os.X_OK)


def _wait_until_up(url: str, process: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with code {process.returncode}")
        try:
            if httpx.get(url + "/system", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"server at {url} did not answer within {timeout} s")


class ServerProcess:
    """A server subprocess on a loopback port; ``url`` is its base URL."""

    def __init__(self, command: list[str], port: int, workdir: Path, log_name: str) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.workdir = workdir
        self._log = open(workdir / log_name, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            command, cwd=workdir, stdout=self._log, stderr=subprocess.STDOUT)
        try:
            _wait_until_up(self.url, self.process)
        except Exception:
            self.stop()
            raise

    def client(self, **kwargs) -> httpx.Client:
        """An HTTP client bound to this server."""
        return httpx.Client(base_url=self.url, timeout=120.0, **kwargs)

    def stop(self) -> None:
        """Terminate the server and wait for it."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()

    def log_text(self) -> str:
        """What the server printed so far."""
        return Path(self._log.name).read_text(errors="replace")


def start_orthanc(workdir: Path, extra: dict | None = None) -> ServerProcess:
    """Start Orthanc 1.10.1 with empty storage in ``workdir`` on a free port."""
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config = {
        "Name": "OrthancOracle",
        "StorageDirectory": str(workdir / "storage"),
        "IndexDirectory": str(workdir / "storage"),
        "HttpPort": port,
        "DicomServerEnabled": False,
        "DicomPort": free_port(),
        "RemoteAccessAllowed": False,
        "AuthenticationEnabled": False,
        "HttpBindAddress": "127.0.0.1",
        "Plugins": [],
        "StableAge": 1,
        "ConcurrentJobs": 1,
    }
    config.update(extra or {})
    (workdir / "orthanc.json").write_text(json.dumps(config))
    return ServerProcess([ORTHANC_BINARY, str(workdir / "orthanc.json")], port, workdir,
                         "orthanc.log")


def start_lethe(workdir: Path, extra: dict | None = None) -> ServerProcess:
    """Start ``lethe serve`` with empty storage in ``workdir`` on a free port."""
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config = {
        "StorageDirectory": str(workdir / "storage"),
        "HttpPort": port,
        "HttpBindAddress": "127.0.0.1",
        "StableAge": 1,
        "DicomServerEnabled": False,  # tests of the DICOM network turn it on
        "DicomPort": free_port(),
        "DicomBindAddress": "127.0.0.1",
    }
    config.update(extra or {})
    (workdir / "lethe.json").write_text(json.dumps(config))
    lethe = shutil.which("lethe") or str(Path(sys.executable).with_name("lethe"))
    return ServerProcess([lethe, "serve", "--config", str(workdir / "lethe.json")], port,
                         workdir, "lethe.log")
