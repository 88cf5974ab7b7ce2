"""Start Lethe and Orthanc on empty storage, and measure each server's peak memory.

Both servers run on free loopback ports in a fresh temporary folder that is
removed when they stop. Lethe is the venv's ``lethe serve`` with the default
``WorkerProcesses`` (one per core); Orthanc is the Debian package 1.10.1 with
its default configuration, except ports and folders. Both listen for DICOM on a
loopback port of their own (``dicom_port``).

Memory: :class:`TreeMemory` follows the server process and all its
descendants (Lethe's forkserver and worker processes). The kernel keeps each
process's peak resident size (``VmHWM``); :meth:`TreeMemory.reset` clears it
(``/proc/<pid>/clear_refs``) at the start of a step, and a sampling thread
records the peaks of processes that exit before the step ends (and the
resident size at the start, right after the reset). The peak of a
tree is the sum of its processes' peaks, an upper bound: peaks of different
processes need not coincide, and pages the forkserver shares with the workers
count once per process. The sampled maximum of the summed proportional set
size (``Pss``, shared pages divided among their users) is kept beside it as
the realistic figure.

CPU: :class:`CpuMeter` measures the CPU time of the server tree during each
step (robust to other load, unlike wall time), and, since the machine is
shared, how much of the cores other processes used meanwhile.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from tests.support.servers import ServerProcess, free_port, start_orthanc

LETHE_COMMAND = Path(sys.executable).with_name("lethe")
SERVERS = ("lethe", "orthanc")
KIB = 1024


@dataclass(frozen=True)
class MemoryPeak:
    """Peak memory of a process tree during one step, in MiB."""

    hwm_mib: float
    pss_mib: float
    processes: int
    start_mib: float = 0.0  # the tree's resident size when the step started

    @property
    def growth_mib(self) -> float:
        """How far the peak rose above the resident size at the start."""
        return self.hwm_mib - self.start_mib


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        # the command name may hold spaces: the fields after it start after the last ')'
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def process_tree(root: int) -> list[int]:
    """``root`` and all its descendants that are alive now."""
    children = _children_map()
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, ()))
    return tree


def _status_kib(pid: int, field: str) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        return None
    return 0


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeMemory:
    """Peak memory of a process tree, step by step (see the module docstring)."""

    def __init__(self, root: int, interval: float = 0.25) -> None:
        self.root = root
        self.interval = interval
        self._lock = threading.Lock()
        self._hwm: dict[int, int] = {}
        self._pss = 0
        self._start = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        tree = process_tree(self.root)
        with self._lock:  # reads after a reset never mix with reads before it
            pss = sum(_pss_kib(pid) for pid in tree)
            for pid in tree:
                hwm = _status_kib(pid, "VmHWM:")
                if hwm is not None:
                    self._hwm[pid] = max(self._hwm.get(pid, 0), hwm)
            self._pss = max(self._pss, pss)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def reset(self) -> None:
        """Start a new measurement: clear the kernel's peaks of the whole tree."""
        with self._lock:
            for pid in process_tree(self.root):
                with contextlib.suppress(OSError), open(f"/proc/{pid}/clear_refs", "w") as f:
                    f.write("5")
            self._hwm = {}
            self._pss = 0
        self._sample()
        with self._lock:
            self._start = sum(self._hwm.values())

    def peak(self) -> MemoryPeak:
        """The peaks since the last :meth:`reset`."""
        self._sample()
        with self._lock:
            return MemoryPeak(sum(self._hwm.values()) / KIB, self._pss / KIB, len(self._hwm),
                              self._start / KIB)

    def close(self) -> None:
        self._stop.set()
        self._thread.join()


def _machine_busy() -> int:
    """Clock ticks all cores spent busy since boot."""
    with open("/proc/stat") as f:
        fields = [int(v) for v in f.readline().split()[1:]]
    return sum(fields) - fields[3] - fields[4]  # minus idle and iowait


def _process_ticks(pid: int) -> int:
    """Clock ticks used by a process and its reaped children."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return 0
    fields = stat[stat.rindex(b")") + 2:].split()
    return sum(int(v) for v in fields[11:15])  # utime, stime, cutime, cstime


@dataclass(frozen=True)
class CpuUse:
    """CPU used during one step: ``server_s`` seconds by the server tree, and ``other``,
    the share of all cores that processes other than the server tree and this benchmark
    used (clock ticks make it coarse for steps shorter than a second); ``wall`` is how long
    the step lasted."""

    server_s: float
    other: float
    wall: float


class CpuMeter:
    """Measures :class:`CpuUse` between :meth:`start` and :meth:`stop`. CPU time does not
    depend on the load as wall time does: it is the robust measure on a shared machine."""

    def __init__(self, root: int) -> None:
        self.root = root
        self._start = (0, 0, 0, 0.0)
        self._pids: set[int] = set()

    def _ticks(self) -> tuple[int, int]:
        """Ticks of the server tree (every process seen since the start) and of this process."""
        self._pids |= set(process_tree(self.root))
        return sum(_process_ticks(pid) for pid in self._pids), _process_ticks(os.getpid())

    def start(self) -> None:
        self._pids = set()
        self._start = (_machine_busy(), *self._ticks(), time.monotonic())

    def stop(self) -> CpuUse:
        busy, server, own, started = self._start
        elapsed = time.monotonic() - started
        server_now, own_now = self._ticks()
        hertz = os.sysconf("SC_CLK_TCK")
        other = (_machine_busy() - busy) - (server_now - server) - (own_now - own)
        capacity = hertz * elapsed * (os.cpu_count() or 1)
        share = min(1.0, max(0.0, other / capacity)) if capacity else 0.0
        return CpuUse((server_now - server) / hertz, share, elapsed)


class BenchServer:
    """One running server (``kind`` is ``lethe`` or ``orthanc``) on empty storage."""

    def __init__(self, kind: str, keep_workdir: bool = False) -> None:
        if kind not in SERVERS:
            raise ValueError(f"unknown server {kind!r}; expected one of {SERVERS}")
        self.kind = kind
        self.label = {"lethe": "Lethe", "orthanc": "Orthanc"}[kind]
        self.workdir = Path(tempfile.mkdtemp(prefix=f"bench-{kind}-"))
        self.keep_workdir = keep_workdir
        self.dicom_port = free_port()
        self.process = _start_lethe(self.workdir, self.dicom_port) if kind == "lethe" else \
            start_orthanc(self.workdir, {"Name": "Orthanc", "ConcurrentJobs": 2,
                                         "StableAge": 60, "DicomServerEnabled": True,
                                         "DicomPort": self.dicom_port})
        self.pid = self.process.process.pid
        self.memory = TreeMemory(self.pid)
        self.cpu = CpuMeter(self.pid)

    @property
    def url(self) -> str:
        return self.process.url

    def client(self) -> httpx.Client:
        """A client with connection reuse and a long timeout for synchronous jobs.

        It asks for uncompressed answers: httpx accepts gzip by default, and
        Orthanc then compresses every DICOM file it sends (about 1 s per 10 MB),
        which would measure zlib instead of the modification.
        """
        return httpx.Client(base_url=self.url, timeout=httpx.Timeout(1800.0),
                            headers={"Accept-Encoding": "identity"})

    def stop(self) -> None:
        self.memory.close()
        self.process.stop()
        if not self.keep_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> BenchServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _start_lethe(workdir: Path, dicom_port: int) -> ServerProcess:
    port = free_port()
    config = {"StorageDirectory": str(workdir / "storage"), "HttpPort": port,
              "HttpBindAddress": "127.0.0.1", "DicomPort": dicom_port,
              "DicomBindAddress": "127.0.0.1"}
    (workdir / "lethe.json").write_text(json.dumps(config))
    return ServerProcess([str(LETHE_COMMAND), "serve", "--config", str(workdir / "lethe.json")],
                         port, workdir, "lethe.log")
