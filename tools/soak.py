"""Long concurrency soak of Lethe (the short form runs in ``make test``).

Starts ``lethe serve`` on empty storage in a temporary directory (or uses
``--url`` with ``--storage``), runs client threads that upload, read,
modify and anonymize (instance routes and series jobs), find and delete at
once for the given duration (see ``tests/robustness/soak.py``), then checks
that nothing acknowledged was lost and that the index and the storage area
agree. Prints the operations done and every failure. Exit status 1 when
something failed.

Usage::

    python tools/soak.py 600 --threads 8 --seed 1
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.robustness.soak import run_soak, verify  # noqa: E402
from tests.support.servers import start_lethe  # noqa: E402


def soak(url: str, storage: Path, duration: float, threads: int, seed: int,
         server=None) -> int:
    """Run the soak against ``url``; print the report; return the number of problems."""
    started = time.monotonic()
    clients = run_soak(url, threads, duration, seed)
    elapsed = time.monotonic() - started
    if server is not None and server.process.poll() is not None:
        print(f"the server died (exit code {server.process.returncode})")
        return 1
    problems = verify(url, storage, clients)
    operations = clients[0].state.operations
    print(f"soak: {threads} threads, {elapsed:.0f} s, {sum(operations.values())} operations "
          f"({sum(operations.values()) / elapsed:.0f}/s)")
    for name, count in sorted(operations.items()):
        print(f"  {name:20s} {count}")
    kept = sum(len(c.present) for c in clients)
    deleted = sum(len(c.deleted) for c in clients)
    print(f"uploads kept: {kept}, instances deleted by the soak: {deleted}, "
          f"series produced by jobs: {len(clients[0].state.outputs)}")
    print(f"problems: {len(problems)}")
    for problem in problems:
        print(f"  {problem}")
    return len(problems)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("duration", type=float, help="seconds of soak")
    parser.add_argument("--threads", type=int, default=8, help="client threads (default 8)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--url", help="soak a running server (then --storage is needed)")
    parser.add_argument("--storage", type=Path, help="the storage area of the --url server")
    parser.add_argument("--workers", type=int, default=2,
                        help="WorkerProcesses of the server started here (default 2)")
    args = parser.parse_args(argv)
    if args.url:
        if args.storage is None:
            parser.error("--url needs --storage")
        return 1 if soak(args.url, args.storage, args.duration, args.threads, args.seed) else 0
    with tempfile.TemporaryDirectory(prefix="lethe-soak-") as workdir:
        server = start_lethe(Path(workdir), {"WorkerProcesses": args.workers,
                                             "ConcurrentJobs": 2})
        try:
            failed = soak(server.url, Path(workdir) / "storage", args.duration, args.threads,
                          args.seed, server)
        finally:
            server.stop()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
