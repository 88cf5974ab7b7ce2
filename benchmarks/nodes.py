"""``python -m benchmarks.nodes``: upload and study-anonymize throughput of Lethe on one and
on two nodes sharing a PostgreSQL index, against Orthanc on SQLite (and on its PostgreSQL
plugin when installed), on the same machine, reported as ratios.

Configurations, each on empty storage (and an empty database) for each repetition:

- ``orthanc``: Orthanc 1.10.1 with its SQLite index (the reference of the ratios);
- ``orthanc-pg``: Orthanc with the PostgreSQL index plugin
  (``/usr/share/orthanc/plugins/libOrthancPostgreSQLIndex.so``, ``apt-get install
  orthanc-postgresql``), when it is there;
- ``lethe``: one Lethe server on SQLite;
- ``lethe-pg-1``: one Lethe node on PostgreSQL (``"Lock": false``);
- ``lethe-pg-2``: two Lethe nodes on one PostgreSQL database and one storage folder.

Steps: ``upload`` sends every file of the data set with 4 client threads (spread over the
nodes); ``study_anonymize`` anonymizes every study (synchronous jobs) with 2 client threads
(one per node for two nodes: a job runs on the node it was sent to). Every server has
``ConcurrentJobs`` 2 and Lethe its default ``WorkerProcesses`` (one per core per node).

PostgreSQL is started for the run as the tests start it (``tests/support/postgres.py``),
but durable (``fsync`` on, PostgreSQL's defaults), as a production server would be.

How it scales: a second node adds the CPU of its own machine. On one machine, the two nodes
share its cores, so the second node can only win what one node leaves idle (waits on the
database, on fsync, on the client); the figures of ``lethe-pg-2`` against ``lethe-pg-1`` on
one machine measure the cost of sharing (heartbeats, claims, the change-log lock between
nodes) more than a gain.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
from tests.support.postgres import PostgresServer, postgres_bindir
from tests.support.servers import ServerProcess, orthanc_available, start_lethe, start_orthanc

from benchmarks.datasets import CACHE, SPECS, GeneratedDataset, ensure_dataset

PLUGIN = "/usr/share/orthanc/plugins/libOrthancPostgreSQLIndex.so"
CONFIGURATIONS = ("orthanc", "orthanc-pg", "lethe", "lethe-pg-1", "lethe-pg-2")
LABELS = {"orthanc": "Orthanc 1.10.1, SQLite", "orthanc-pg": "Orthanc 1.10.1, PostgreSQL",
          "lethe": "Lethe, SQLite, 1 server", "lethe-pg-1": "Lethe, PostgreSQL, 1 node",
          "lethe-pg-2": "Lethe, PostgreSQL, 2 nodes"}
STEPS = ("upload", "study_anonymize")
UPLOAD_THREADS = 4
JOB_THREADS = 2


class DurablePostgres(PostgresServer):
    """The tests' PostgreSQL server, with PostgreSQL's durable defaults."""

    def start(self) -> None:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres",
                  "--auth=trust", "-E", "UTF8", "--no-locale")
        from tests.support.servers import free_port

        self.port = free_port()
        options = (f"-p {self.port} -k {self.root} -c listen_addresses={self.host} "
                   "-c max_connections=400 -c shared_buffers=256MB")
        self._run(str(self.bindir / "pg_ctl"), "start", "-w", "-t", "60", "-D",
                  str(self.data), "-l", str(self.log), "-o", options)


@dataclass
class Setup:
    """The servers of one configuration (one or two nodes)."""

    name: str
    servers: list[ServerProcess]
    root: Path | None = None  # removed when the servers stop

    def client(self, n: int) -> httpx.Client:
        server = self.servers[n % len(self.servers)]
        return httpx.Client(base_url=server.url, timeout=httpx.Timeout(1800.0),
                            headers={"Accept-Encoding": "identity"})

    def stop(self) -> None:
        for server in self.servers:
            server.stop()
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)


def start(name: str, postgres: PostgresServer | None) -> Setup:
    """Start configuration ``name`` on empty storage."""
    root = Path(tempfile.mkdtemp(prefix=f"bench-nodes-{name}-"))
    common = {"StableAge": 60, "ConcurrentJobs": 2}
    if name.startswith("orthanc"):
        extra: dict = {**common, "Name": "Orthanc"}
        if name == "orthanc-pg":
            assert postgres is not None
            extra["Plugins"] = [PLUGIN]
            extra["PostgreSQL"] = {**postgres.section(postgres.create_database()),
                                   "EnableStorage": False, "Lock": True}
        return Setup(name, [start_orthanc(root / "orthanc", extra)], root)
    if name == "lethe":
        return Setup(name, [start_lethe(root / "lethe", common)], root)
    assert postgres is not None
    shared = {**common, "StorageDirectory": str(root / "shared"),
              "PostgreSQL": postgres.section(postgres.create_database(), Lock=False)}
    count = 2 if name == "lethe-pg-2" else 1
    return Setup(name, [start_lethe(root / f"node{n}", shared) for n in range(count)], root)


def upload(setup: Setup, dataset: GeneratedDataset) -> tuple[float, list[str]]:
    """Every file sent with :data:`UPLOAD_THREADS` threads; the time and the studies."""
    files = dataset.files
    studies: set[str] = set()
    lock = threading.Lock()

    def send(part: int) -> None:
        with setup.client(part) as client:
            for index in range(part, len(files), UPLOAD_THREADS):
                answer = client.post("/instances", content=files[index].read_bytes())
                answer.raise_for_status()
                with lock:
                    studies.add(answer.json()["ParentStudy"])

    began = time.perf_counter()
    with ThreadPoolExecutor(UPLOAD_THREADS) as pool:
        list(pool.map(send, range(UPLOAD_THREADS)))
    elapsed = time.perf_counter() - began
    with setup.client(0) as client:
        stored = len(client.get("/instances").json())
    if stored != len(files):
        raise RuntimeError(f"{setup.name}: {stored} instances stored, {len(files)} sent")
    return elapsed, sorted(studies)


def study_anonymize(setup: Setup, studies: list[str], expected: int) -> float:
    """Every study anonymized (synchronously) by :data:`JOB_THREADS` threads."""
    produced: list[int] = []

    def work(part: int) -> None:
        with setup.client(part) as client:
            for study in studies[part::JOB_THREADS]:
                answer = client.post(f"/studies/{study}/anonymize", json={})
                answer.raise_for_status()
                new = answer.json()["ID"]
                produced.append(len(client.get(f"/studies/{new}/instances").json()))

    began = time.perf_counter()
    with ThreadPoolExecutor(JOB_THREADS) as pool:
        list(pool.map(work, range(JOB_THREADS)))
    elapsed = time.perf_counter() - began
    if sum(produced) != expected:
        raise RuntimeError(f"{setup.name}: {sum(produced)} instances anonymized, "
                           f"{expected} expected")
    return elapsed


def run_once(name: str, dataset: GeneratedDataset,
             postgres: PostgresServer | None) -> dict[str, float]:
    setup = start(name, postgres)
    try:
        upload_s, studies = upload(setup, dataset)
        anonymize_s = study_anonymize(setup, studies, len(dataset.files))
    finally:
        setup.stop()
    return {"upload": upload_s, "study_anonymize": anonymize_s}


def format_table(dataset: GeneratedDataset, results: dict[str, list[dict[str, float]]],
                 references: list[str]) -> str:
    """One line per configuration: per step, the median time, the throughput, and the ratio
    of the time to each reference configuration's."""
    count = len(dataset.files)
    studies = dataset.spec.patients * dataset.spec.studies_per_patient
    runs = max(len(r) for r in results.values())
    medians = {name: {step: statistics.median(r[step] for r in found) for step in STEPS}
               for name, found in results.items() if found}
    bases = [(name, medians[name]) for name in references if name in medians]
    names = ", ".join(f"x{n + 1} {LABELS[name]}" for n, (name, _) in enumerate(bases))
    lines = [f"{dataset.name}: {count} instances, {studies} studies; median of {runs} runs; "
             f"ratios: time over {names} (below 1: faster)"]
    ratio_heads = "".join(f" {'x' + str(n + 1):>5}" for n in range(len(bases)))
    lines.append(f"{'configuration':30}" + "".join(
        f"  {step:>16} {'inst/s':>6}{ratio_heads}" for step in ("upload s", "anonymize s")))
    for name, times in medians.items():
        cells = []
        for step in STEPS:
            ratios = "".join(f" {times[step] / base[step]:5.2f}" for _, base in bases)
            cells.append(f"  {times[step]:16.2f} {count / times[step]:6.0f}{ratios}")
        lines.append(f"{LABELS[name]:30}" + "".join(cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.nodes", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", default="small2000", choices=list(SPECS))
    parser.add_argument("--quick", action="store_true", help="a tiny data set: a smoke run")
    parser.add_argument("--repeat", type=int, default=None, help="runs per configuration "
                        "(default 3; 1 with --quick)")
    parser.add_argument("--configurations", default=",".join(CONFIGURATIONS),
                        help=f"comma-separated, from {', '.join(CONFIGURATIONS)}")
    args = parser.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 3)
    wanted = [c.strip() for c in args.configurations.split(",") if c.strip()]
    unknown = [c for c in wanted if c not in CONFIGURATIONS]
    if unknown:
        parser.error(f"unknown configurations: {', '.join(unknown)}")
    skipped = _unavailable(wanted)
    for name, reason in skipped.items():
        print(f"{LABELS[name]}: skipped, {reason}", file=sys.stderr)
    wanted = [c for c in wanted if c not in skipped]
    dataset = ensure_dataset(args.dataset, args.quick)
    postgres = None
    if any("pg" in name for name in wanted):
        bindir = postgres_bindir()
        assert bindir is not None
        postgres = DurablePostgres(bindir)
        postgres.start()
    results: dict[str, list[dict[str, float]]] = {name: [] for name in wanted}
    try:
        for repetition in range(repeat):
            order = wanted if repetition % 2 == 0 else list(reversed(wanted))
            for name in order:
                measured = run_once(name, dataset, postgres)
                results[name].append(measured)
                print(f"  {LABELS[name]:30} upload {measured['upload']:7.2f} s, study "
                      f"anonymize {measured['study_anonymize']:7.2f} s  "
                      f"(load {os.getloadavg()[0]:.2f})", file=sys.stderr, flush=True)
    finally:
        if postgres is not None:
            postgres.stop()
    print(format_table(dataset, results, ["orthanc", "orthanc-pg"]))
    output = CACHE / "results" / f"nodes-{time.strftime('%Y%m%d-%H%M%S')}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps({"dataset": dataset.name, "results": results}, indent=1))
    print(f"measurements written to {output}")
    return 0


def _unavailable(wanted: list[str]) -> dict[str, str]:
    """The configurations that cannot run here, and why."""
    missing: dict[str, str] = {}
    checks: dict[str, Callable[[], str | None]] = {
        "orthanc": lambda: None if orthanc_available() else "Orthanc is not installed",
        "orthanc-pg": lambda: None if orthanc_available() and os.path.exists(PLUGIN) else
        f"Orthanc's PostgreSQL plugin is not installed ({PLUGIN})",
    }
    for name in wanted:
        reason = checks.get(name, lambda: None)()
        if reason is None and "pg" in name and postgres_bindir() is None:
            reason = "PostgreSQL is not installed (initdb and pg_ctl not found)"
        if reason is not None:
            missing[name] = reason
    return missing


if __name__ == "__main__":
    sys.exit(main())
