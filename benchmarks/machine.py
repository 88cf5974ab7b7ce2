"""What the benchmark scripts share about the machine: its load, and the options that wait
for it to settle and say where the measurements go."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

LOAD_WAIT = 900.0
"""Seconds a run waits at most for the load to settle (``--max-load``)."""


def load_average() -> str:
    """The load averages and the number of cores, for the printed reports."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} cores)"


def wait_for_load(limit: float | None, deadline: float) -> None:
    """Wait until the 1-minute load average is at most ``limit`` (no wait when None), or
    until the ``time.monotonic()`` ``deadline``, saying so every 15 s."""
    while limit is not None and os.getloadavg()[0] > limit and time.monotonic() < deadline:
        print(f"  waiting: {load_average()}", file=sys.stderr, flush=True)
        time.sleep(15)


def add_run_options(parser: argparse.ArgumentParser, results_name: str,
                    waits_for: str) -> None:
    """``--max-load`` (waiting before ``waits_for``, at most :data:`LOAD_WAIT` seconds) and
    ``--json`` (by default ``benchmarks/.cache/results/<results_name>.json``)."""
    parser.add_argument("--max-load", type=float, default=None,
                        help=f"before {waits_for}, wait (at most {LOAD_WAIT / 60:.0f} min) "
                             "until the 1-minute load average is at most this")
    parser.add_argument("--json", type=Path, default=None,
                        help="where to write every measurement (default: "
                             f"benchmarks/.cache/results/{results_name}.json)")
