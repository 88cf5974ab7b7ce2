"""``python -m benchmarks.offline``: ``lethe anonymize`` against dicognito and Kitware's
dicom-anonymizer, on the same data set, on the same machine.

The peers are installed from the package index, at the pinned versions of :data:`PEERS`, into
a virtual environment of the benchmark's own (``benchmarks/.cache/peers-venv``, made on the
first run). Every tool reads the same folder: the data set's files hard-linked (or copied)
into one flat folder, because dicom-anonymizer reads the top level of its input folder only.

Tools, each a command line run as its own process tree, writing into an empty folder of
``--output-root``, removed after the run. That is a folder in memory (``/dev/shm``) when there
is one: on a disk, what creating 500 files costs depends on what every process deleted in the
last minutes (on ext4 without a journal, as on this project's machines, each new file's inode
is found by skipping over every inode deleted in the last minutes: up to a millisecond a file,
for every tool, after the benchmark's own earlier rounds), not on the tool. The input folder
stays on disk (in the page cache after the first round).

- ``lethe``: ``lethe anonymize SRC DST`` (default profile, a key drawn for the run, one
  worker process per core);
- ``lethe-key``: the same with a project key (``--config F --key NAME``);
- ``dicognito``: ``python -m dicognito SRC --output-directory DST`` (its console script of
  0.19.0 calls ``main()`` without its argument and fails, so it is run as a module);
- ``dicom-anonymizer``: ``dicom-anonymizer SRC DST`` (Kitware's; folder in, folder out).

Rounds alternate the order of the tools (``--repeat``, default 3); the table gives, per tool,
the median time of its whole process (start-up included), files and MB of input per second,
that time relative to Lethe's default run, the CPU time of its process tree (and relative to
Lethe's) and its peak memory (the largest summed ``VmHWM`` of its process tree, sampled, see
:class:`PeakMemory`). Each run must exit 0 and write one output file per input. A last line
compares Lethe's peak on the data set with its peak on another one (flat memory).

The peers run in one process; Lethe runs one worker per core, so it needs the whole machine:
on a shared machine, other load slows it more than them. Ratios of one run compare tools that
met about the same load (the table says how much), absolute figures less so; ``--max-load``
waits for a quieter machine before each run.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import venv
from dataclasses import dataclass
from pathlib import Path

from benchmarks.datasets import CACHE, SPECS, STAMP, GeneratedDataset, ensure_dataset
from benchmarks.machine import LOAD_WAIT, add_run_options, load_average, wait_for_load
from benchmarks.servers import LETHE_COMMAND, _machine_busy, _status_kib

PEERS = {"dicognito": "0.19.0", "dicom-anonymizer": "2.1.0"}
PEERS_VENV = CACHE / "peers-venv"
TOOLS = ("lethe", "lethe-key", "dicognito", "dicom-anonymizer")
GOAL = 3.0  # on ct500, Lethe's default run this many times as fast as the faster peer
KEY_NAME = "benchmark"
RAM_FOLDER = Path("/dev/shm")
DEFAULT_OUTPUT_ROOT = RAM_FOLDER if RAM_FOLDER.is_dir() else CACHE


@dataclass(frozen=True)
class Measure:
    """One run of one tool: wall seconds, CPU seconds of its process tree, peak MiB, and the
    share of the cores that other processes used meanwhile."""

    seconds: float
    cpu_seconds: float
    peak_mib: float
    other_load: float


class PeakMemory:
    """The peak memory of a process tree while it runs: each process's ``VmHWM`` (the
    kernel's record of its peak resident size), sampled every ``interval`` seconds, summed
    over the tree. Unlike :class:`benchmarks.servers.TreeMemory`, which scans all of
    ``/proc``, it follows ``/proc/PID/task/TID/children`` from the root, so that sampling
    often costs the measured tools next to no CPU."""

    def __init__(self, root: int, interval: float = 0.05) -> None:
        self.root, self.interval = root, interval
        self.peaks: dict[int, int] = {}  # KiB
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        tree, todo = [], [self.root]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            try:
                for task in os.listdir(f"/proc/{pid}/task"):
                    with open(f"/proc/{pid}/task/{task}/children") as f:
                        todo.extend(int(child) for child in f.read().split())
            except OSError:  # gone meanwhile
                continue
        return tree

    def _sample(self) -> None:
        for pid in self._tree():
            peak = _status_kib(pid, "VmHWM:")
            if peak:
                self.peaks[pid] = max(self.peaks.get(pid, 0), peak)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def stop(self) -> float:
        """Stop sampling; the summed peak of the tree, in MiB."""
        self._stop.set()
        self._thread.join()
        return sum(self.peaks.values()) / 1024


def ensure_peers(folder: Path = PEERS_VENV) -> Path:
    """The ``bin`` folder of a virtual environment holding the pinned :data:`PEERS`, made or
    updated if needed (a stamp file records what was installed)."""
    stamp = folder / "benchmark-peers.json"
    wanted = json.dumps(PEERS, sort_keys=True)
    if stamp.is_file() and stamp.read_text() == wanted:
        return folder / "bin"
    if not (folder / "bin" / "python").exists():
        print(f"creating {folder}", file=sys.stderr, flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(folder)
    subprocess.run([str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check",
                    *(f"{name}=={version}" for name, version in PEERS.items())], check=True)
    stamp.write_text(wanted)
    return folder / "bin"


def flat_copy(dataset: GeneratedDataset) -> Path:
    """The data set's files in one flat folder (hard links when possible), made again when
    the data set's stamp changed."""
    folder = CACHE / f"{dataset.name}-flat"
    stamp = CACHE / f"{dataset.name}-flat.json"
    recorded = (dataset.folder / STAMP).read_text()
    if stamp.is_file() and stamp.read_text() == recorded and folder.is_dir():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for file in dataset.files:
        name = "-".join(file.relative_to(dataset.folder).parts)
        try:
            os.link(file, folder / name)
        except OSError:
            shutil.copyfile(file, folder / name)
    stamp.write_text(recorded)
    return folder


def commands(tool: str, source: Path, output: Path, peers: Path, work: Path,
             jobs: int) -> list[str]:
    """The command line of ``tool`` reading ``source`` and writing into ``output``."""
    lethe = [str(LETHE_COMMAND), "anonymize", str(source), str(output),
             "--report", str(work / "report")] + (["--jobs", str(jobs)] if jobs else [])
    if tool == "lethe":
        return lethe
    if tool == "lethe-key":
        config = work / "lethe-key.json"
        config.write_text(json.dumps({"PseudonymizationKeys": {KEY_NAME: "benchmark secret"}}))
        return [*lethe, "--config", str(config), "--key", KEY_NAME]
    if tool == "dicognito":
        return [str(peers / "python"), "-m", "dicognito", str(source), "--output-directory",
                str(output), "--quiet"]
    if tool == "dicom-anonymizer":
        output.mkdir(parents=True)  # it refuses an output folder that does not exist
        return [str(peers / "dicom-anonymizer"), str(source), str(output)]
    raise ValueError(f"unknown tool {tool!r}")


def run_tool(tool: str, source: Path, expected: int, peers: Path, jobs: int,
             output_root: Path = DEFAULT_OUTPUT_ROOT) -> Measure:
    """Run ``tool`` once on ``source`` into a fresh folder of ``output_root`` (removed after),
    check that it succeeded and wrote ``expected`` files, and measure it."""
    work = Path(tempfile.mkdtemp(prefix=f"offline-{tool}-", dir=output_root))
    output = work / "out"
    try:
        command = commands(tool, source, output, peers, work, jobs)
        log = work / "log.txt"
        with open(log, "wb") as sink:
            before = _cpu_seconds()
            began = time.perf_counter()
            process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
            memory = PeakMemory(process.pid)
            code = process.wait()
            elapsed = time.perf_counter() - began
            after = _cpu_seconds()
            peak = memory.stop()
        written = sum(1 for p in output.rglob("*") if p.is_file()) if output.is_dir() else 0
        if code != 0 or written != expected:
            tail = log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"{tool}: exit code {code}, {written} files written of "
                               f"{expected}\n{tail}")
        tree, others = after[0] - before[0], after[2] - before[2] - (after[1] - before[1])
        share = min(1.0, max(0.0, (others - tree) / (elapsed * (os.cpu_count() or 1))))
        return Measure(elapsed, tree, peak, share)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _cpu_seconds() -> tuple[float, float, float]:
    """CPU seconds so far of the children waited for (a finished run's whole process tree),
    of this process (its memory sampling) and of the whole machine."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = resource.getrusage(resource.RUSAGE_SELF)
    return (children.ru_utime + children.ru_stime, own.ru_utime + own.ru_stime,
            _machine_busy() / os.sysconf("SC_CLK_TCK"))


def format_table(dataset: GeneratedDataset, results: dict[str, list[Measure]],
                 rounds: int) -> str:
    """The table of the medians (see the module docstring)."""
    files, megabytes = len(dataset.files), dataset.total_bytes / 1e6
    base = statistics.median(m.seconds for m in results["lethe"]) if "lethe" in results \
        else None
    base_cpu = statistics.median(m.cpu_seconds for m in results["lethe"]) \
        if "lethe" in results else None
    header = ["tool", "seconds", "files/s", "MB/s", "x Lethe", "CPU s", "CPU x Lethe",
              "peak MiB"]
    rows = [header]
    for tool, measures in results.items():
        seconds = statistics.median(m.seconds for m in measures)
        cpu = statistics.median(m.cpu_seconds for m in measures)
        rows.append([tool, f"{seconds:.2f}", f"{files / seconds:.0f}",
                     f"{megabytes / seconds:.1f}", f"{seconds / base:.2f}" if base else "-",
                     f"{cpu:.2f}", f"{cpu / base_cpu:.2f}" if base_cpu else "-",
                     f"{max(m.peak_mib for m in measures):.0f}"])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [f"{dataset.name}: {files} files, {megabytes:.1f} MB; medians of {rounds} "
             f"round(s); peak MiB: largest summed VmHWM of the process tree"]
    for n, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                               for i, (cell, w) in enumerate(zip(row, widths, strict=True))))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    peers = [statistics.median(m.seconds for m in results[p]) for p in PEERS if p in results]
    if base and peers:
        speedup = min(peers) / base
        verdict = (f" (goal on ct500 >= {GOAL:.0f}): {'ok' if speedup >= GOAL else 'MISS'}"
                   if dataset.name == "ct500" else "")
        lines.append(f"Lethe is {speedup:.1f} times as fast as the faster peer{verdict}")
    other = [m.other_load for measures in results.values() for m in measures]
    lines.append(f"other processes' share of the cores: {100 * statistics.mean(other):.0f}% "
                 f"on average, {100 * max(other):.0f}% at most")
    return "\n".join(lines)


def _flat_memory(dataset: GeneratedDataset, results: dict[str, list[Measure]], peers: Path,
                 jobs: int, output_root: Path) -> str | None:
    """Lethe's peak memory on the data set against its peak on another one of other sizes
    (small2000: four times as many, smaller, files; ct500 for small2000): the same peak says
    that memory grows neither with the number of files nor with their total size."""
    if "lethe" not in results:
        return None
    other = ensure_dataset("small2000" if dataset.name != "small2000" else "ct500")
    measure = run_tool("lethe", flat_copy(other), len(other.files), peers, jobs, output_root)
    peak = max(m.peak_mib for m in results["lethe"])
    return (f"flat memory: Lethe's peak is {peak:.0f} MiB on {dataset.name} "
            f"({len(dataset.files)} files, {dataset.total_bytes / 1e6:.0f} MB), "
            f"{measure.peak_mib:.0f} MiB on {other.name} ({len(other.files)} files, "
            f"{other.total_bytes / 1e6:.0f} MB)")


def _tools(text: str) -> list[str]:
    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in TOOLS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown tool {', '.join(unknown) or '(none)'}; "
                                         f"choose from {', '.join(TOOLS)}")
    return names


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.offline", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", default="ct500", choices=list(SPECS))
    parser.add_argument("--repeat", type=int, default=None,
                        help="rounds (default 3; 1 with --quick)")
    parser.add_argument("--quick", action="store_true", help="a tiny data set: a smoke run")
    parser.add_argument("--tools", type=_tools, default=list(TOOLS),
                        help=f"comma-separated, from {', '.join(TOOLS)} (default: all)")
    parser.add_argument("--jobs", type=int, default=0,
                        help="Lethe's --jobs (default 0: one worker per core)")
    parser.add_argument("--output-root", type=Path, default=DEFAULT_OUTPUT_ROOT,
                        help=f"where the tools write (default: {DEFAULT_OUTPUT_ROOT}; see "
                             "above)")
    add_run_options(parser, "offline-<time>", "each run (the waits of all runs together)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    rounds = args.repeat or (1 if args.quick else 3)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    peers = ensure_peers()
    dataset = ensure_dataset(args.dataset, args.quick)
    source = flat_copy(dataset)
    print(f"offline benchmark {stamp}: {dataset.name}, {load_average()}", flush=True)
    results: dict[str, list[Measure]] = {tool: [] for tool in args.tools}
    deadline = time.monotonic() + LOAD_WAIT
    for number in range(rounds):
        order = args.tools if number % 2 == 0 else list(reversed(args.tools))
        for tool in order:
            wait_for_load(args.max_load, deadline)
            measure = run_tool(tool, source, len(dataset.files), peers, args.jobs,
                               args.output_root)
            results[tool].append(measure)
            print(f"  round {number + 1}/{rounds} {tool:17} {measure.seconds:7.2f} s "
                  f"{measure.peak_mib:6.0f} MiB", file=sys.stderr, flush=True)
    print()
    print(format_table(dataset, results, rounds))
    flat = None if args.quick else _flat_memory(dataset, results, peers, args.jobs,
                                                args.output_root)
    if flat is not None:
        print(flat)
    output = args.json or CACHE / "results" / f"offline-{stamp}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps({"started": stamp, "dataset": dataset.name, "rounds": rounds,
                                  "peers": PEERS, "jobs": args.jobs or os.cpu_count(),
                                  "output_root": str(args.output_root),
                                  "results": {t: [m.__dict__ for m in ms]
                                              for t, ms in results.items()}}, indent=1))
    print(f"\nmeasurements written to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
