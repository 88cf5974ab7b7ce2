"""Long fuzzing run of Lethe's DICOM input: mutated files against a real server.

Starts ``lethe serve`` on empty storage in a temporary directory (or uses
``--url``), then sends mutants of the seed files (see
``tests/robustness/dicom_mutations.py``) until ``count`` inputs were tried or
the time budget is spent. Each stored mutant is read back, modified,
anonymized (instance routes and a series job) and deleted. Prints how many
inputs and requests were tried, the answers' statuses, the server's peak
memory growth, and every distinct problem (a 5xx, a 4xx without Orthanc's
error body, a hang, a dead server, a file not given back byte for byte) with
the mutations that caused it. Exit status 1 when something failed.

Usage::

    python tools/fuzz_dicom.py 5000 --seed 7 --budget 600 --save /tmp/fuzz-failures
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.robustness.consistency import disagreements  # noqa: E402
from tests.robustness.dicom_mutations import RandomChooser, mutate, seed_files  # noqa: E402
from tests.robustness.fuzzing import FuzzTarget, limit_memory, peak_memory  # noqa: E402
from tests.support.corpus import SAMPLES  # noqa: E402
from tests.support.servers import start_lethe  # noqa: E402

ID = re.compile(r"[0-9a-f]{8}(-[0-9a-f]{8}){4}")


def problem_kind(problem: str) -> str:
    """A problem with its IDs and response body folded: the route and the status."""
    return ID.sub("{id}", problem).split(" '")[0][:100]


def run(target: FuzzTarget, count: int, seed: int, budget: float, save: Path | None,
        server=None) -> int:
    """Fuzz ``target``; print the report; return the number of failing inputs."""
    chooser = RandomChooser(random.Random(seed))
    seeds = seed_files(SAMPLES)
    pid = server.process.pid if server is not None else None
    baseline = peak_memory(pid) if pid else 0
    kinds: Counter = Counter()
    examples: dict[str, str] = {}
    failing = tried = 0
    deadline = time.monotonic() + budget
    while tried < count and time.monotonic() < deadline:
        data, done = mutate(seeds, chooser)
        problems = target.exercise(data, chooser)
        tried += 1
        if server is not None and server.process.poll() is not None:
            problems.append(f"the server died (exit code {server.process.returncode})")
        if not problems:
            continue
        failing += 1
        if save is not None:
            (save / f"{seed}-{tried}.dcm").write_bytes(data)
            (save / f"{seed}-{tried}.txt").write_text("\n".join(done + problems) + "\n")
        for problem in problems:
            kind = problem_kind(problem)
            kinds[kind] += 1
            examples.setdefault(kind, "; ".join(done))
        if server is not None and server.process.poll() is not None:
            break
    print(f"inputs tried: {tried} (seed {seed}), stored: {target.stored}, "
          f"requests: {target.requests}, failing inputs: {failing}")
    print("statuses: " + ", ".join(f"{s}: {n}" for s, n in sorted(target.statuses.items())))
    if pid and server.process.poll() is None:
        print(f"server peak memory growth: {(peak_memory(pid) - baseline) / 2**20:.1f} MB")
    for kind, number in kinds.most_common():
        print(f"{number:6d} x {kind}\n         e.g. {examples[kind]}")
    return failing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="how many inputs to try at most")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--budget", type=float, default=300.0,
                        help="time budget in seconds (default 300)")
    parser.add_argument("--url", help="fuzz a running server instead of starting one")
    parser.add_argument("--save", type=Path, help="write failing inputs to this folder")
    parser.add_argument("--memory-limit", type=int, default=3072,
                        help="address-space limit of the server started here, in MB "
                             "(default 3072): a runaway allocation fails inside it")
    args = parser.parse_args(argv)
    if args.save is not None:
        args.save.mkdir(parents=True, exist_ok=True)
    if args.url:
        target = FuzzTarget(args.url)
        failing = run(target, args.count, args.seed, args.budget, args.save)
        target.close()
        return 1 if failing else 0
    with tempfile.TemporaryDirectory(prefix="lethe-fuzz-") as workdir:
        server = start_lethe(Path(workdir))
        limit_memory(server.process.pid, args.memory_limit << 20)
        target = FuzzTarget(server.url)
        try:
            failing = run(target, args.count, args.seed, args.budget, args.save, server)
            if server.process.poll() is None:
                with server.client() as client:
                    mismatch = disagreements(client, Path(workdir) / "storage")
                print(f"index and storage area: {'agree' if not mismatch else mismatch[:5]}")
                failing += bool(mismatch)
        finally:
            target.close()
            server.stop()
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
