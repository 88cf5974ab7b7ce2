"""``python -m benchmarks``: run the steps against Lethe and Orthanc and print one table per
data set.

Each repetition starts each server on empty storage, runs every step, and
stops it; the servers run one after the other (never together), and their
order alternates between repetitions. ``--quick`` uses tiny data sets and one
repetition (unless ``--repeat`` is given) for a smoke run. ``--profile``
records py-spy profiles of Lethe during the named steps (the timings of a
profiled run are not representative).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.datasets import CACHE, SPECS, GeneratedDataset, ensure_dataset
from benchmarks.machine import LOAD_WAIT, add_run_options, load_average, wait_for_load
from benchmarks.profile import PySpy, summarise
from benchmarks.report import Results, as_record, format_table
from benchmarks.servers import SERVERS, BenchServer
from benchmarks.steps import STEP_KEYS, Run, Step, measure, select_steps


def _names(text: str, allowed: tuple[str, ...] | list[str], what: str) -> list[str]:
    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in allowed]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown {what} {', '.join(unknown) or '(none)'}; choose from {', '.join(allowed)}")
    return names


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", default=",".join(SPECS),
                        type=lambda t: _names(t, list(SPECS), "data sets"),
                        help=f"comma-separated, from {', '.join(SPECS)} (default: all)")
    parser.add_argument("--repeat", type=int, default=None,
                        help="repetitions per server (default 3; 1 with --quick)")
    parser.add_argument("--quick", action="store_true", help="tiny data sets: a smoke run")
    parser.add_argument("--servers", default=",".join(SERVERS),
                        type=lambda t: _names(t, SERVERS, "servers"))
    parser.add_argument("--steps", type=lambda t: _names(t, STEP_KEYS, "steps"), default=None,
                        help="only these steps (and those they need): "
                             + ", ".join(STEP_KEYS))
    parser.add_argument("--profile", type=lambda t: _names(t, STEP_KEYS, "steps"), default=[],
                        help="py-spy profiles of Lethe during these steps")
    parser.add_argument("--latency-calls", type=int, default=None,
                        help="calls per latency step (default: 50; 10 for mf200)")
    parser.add_argument("--profile-rate", type=int, default=100,
                        help="py-spy samples per second (default 100)")
    add_run_options(parser, "<time>", "each server's run")
    parser.add_argument("--snapshot", action="store_true",
                        help="run Lethe from a copy of the committed src/ at HEAD, so that "
                             "edits made during the run do not change what is measured")
    parser.add_argument("--keep-workdir", action="store_true",
                        help="keep the servers' storage folders (to inspect logs)")
    return parser


def _lethe_version() -> str:
    """The commit of the working tree Lethe runs from (``+`` when it has changes)."""
    root = Path(__file__).resolve().parents[1]
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "src"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("+" if dirty else "")


def _use_snapshot() -> str:
    """Extract ``src/`` at HEAD into the cache and make the Lethe servers import it."""
    root = Path(__file__).resolve().parents[1]
    commit = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True, check=True).stdout.strip()
    target = CACHE / "snapshots" / commit
    if not (target / "src" / "lethe").is_dir():
        target.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(root), "archive", "--format=tar", "HEAD",
                                  "src"], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    # The servers inherit this: PYTHONPATH comes before the editable install's path.
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(target / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])
    return commit


def _run_server(kind: str, dataset: GeneratedDataset, steps: list[Step], results: Results,
                args: argparse.Namespace, profile_dir: Path, repetition: int) -> None:
    with BenchServer(kind, args.keep_workdir) as server:
        run = Run(server, dataset, args.latency_calls)
        try:
            for step in steps:
                profiling = kind == "lethe" and step.key in args.profile
                output = profile_dir / f"{dataset.name}-{step.key}-{repetition}.txt"
                profiler = PySpy(server.pid, output, args.profile_rate) if profiling else \
                    contextlib.nullcontext()
                with profiler:
                    result = measure(step, run)
                results.setdefault(step.key, {}).setdefault(kind, []).append(result)
                print(f"  {server.label:8} {step.key:20} {result.value:9.3f} s"
                      f"  {result.memory.hwm_mib:7.0f} MiB", file=sys.stderr, flush=True)
                if profiling:
                    print(summarise(output), file=sys.stderr, flush=True)
        finally:
            run.close()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 3)
    steps = select_steps(args.steps)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    version = f"snapshot of {_use_snapshot()}" if args.snapshot else _lethe_version()
    record = {"started": stamp, "repeat": repeat, "quick": args.quick,
              "servers": args.servers, "lethe": version, "load_before": load_average(),
              "datasets": []}
    print(f"benchmark {stamp}, Lethe at {record['lethe']}: {load_average()}", flush=True)
    for name in args.datasets:
        dataset = ensure_dataset(name, args.quick)
        active = [step for step in steps if step.applies_to(dataset)]
        results: Results = {}
        for repetition in range(repeat):
            order = args.servers if repetition % 2 == 0 else list(reversed(args.servers))
            print(f"{dataset.name} repetition {repetition + 1}/{repeat}: {load_average()}",
                  file=sys.stderr, flush=True)
            for kind in order:
                wait_for_load(args.max_load, time.monotonic() + LOAD_WAIT)
                _run_server(kind, dataset, active, results, args, CACHE / "profiles", repetition)
        print()
        print(format_table(dataset, active, results, repeat))
        now = version if args.snapshot else _lethe_version()
        print(f"after {dataset.name}: {load_average()}; Lethe at {now}", flush=True)
        record["datasets"].append(as_record(dataset, results))
    record["load_after"] = load_average()
    output = args.json or CACHE / "results" / f"{stamp}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(record, indent=1))
    print(f"\nmeasurements written to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
