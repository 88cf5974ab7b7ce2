"""The result table of one data set, and the JSON record of a whole benchmark run.

Per step: each server's median over the repetitions (of the total time, or,
for a latency step, of each repetition's median and p90 call time), the
ratio Lethe/Orthanc of those times (below 1: Lethe is faster), the goal for
that ratio, the throughput of both, the CPU time the server's process tree
spent per instance (per call for a latency step; median over the
repetitions), which the other load on a shared machine does not inflate as
it does wall time, and each server's peak memory over the repetitions: the
summed VmHWM of its process tree and, in parentheses, the sampled peak of its
summed PSS (see :mod:`benchmarks.servers`).
"""

from __future__ import annotations

import statistics
from dataclasses import asdict

from benchmarks.datasets import GeneratedDataset
from benchmarks.steps import Step, StepResult

MIB = 1024 * 1024
# results[step key][server kind] = one StepResult per repetition
Results = dict[str, dict[str, list[StepResult]]]


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _time(results: list[StepResult], p90: bool = False) -> float | None:
    return _median([r.p90 if p90 else r.value for r in results])


def _memory(results: list[StepResult]) -> str:
    if not results:
        return "-"
    hwm = max(r.memory.hwm_mib for r in results)
    pss = max(r.memory.pss_mib for r in results)
    return f"{hwm:.0f} ({pss:.0f})"


def _cpu_per_instance(step: Step, dataset: GeneratedDataset,
                      results: list[StepResult]) -> float | None:
    """Median over the repetitions of the server's CPU milliseconds per instance (per call
    for a latency step)."""
    per = [1000 * r.cpu.server_s / (len(r.seconds) if step.latency else step.instances(dataset))
           for r in results]
    return _median(per)


def _milliseconds(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.0f}" if value >= 100 else f"{value:.3g}"


def _rate(per_second: float) -> str:
    return f"{per_second:.0f}" if per_second >= 10 else f"{per_second:.2f}"


def _seconds(value: float | None, latency: bool) -> str:
    if value is None:
        return "-"
    return f"{value * 1000:.1f}" if latency else f"{value:.2f}"


def _rows(step: Step, dataset: GeneratedDataset, per_server: dict[str, list[StepResult]]):
    lethe, orthanc = per_server.get("lethe", []), per_server.get("orthanc", [])
    variants = [("median", False), ("p90", True)] if step.latency else [("", False)]
    for suffix, p90 in variants:
        label = f"{step.label} {suffix}".strip()
        lethe_t, orthanc_t = _time(lethe, p90), _time(orthanc, p90)
        ratio = lethe_t / orthanc_t if lethe_t and orthanc_t else None
        goal = step.goal if not p90 else None
        verdict = "" if goal is None or ratio is None else ("ok" if ratio <= goal else "MISS")
        rate = ("" if step.latency or not lethe_t or not orthanc_t else
                f"{_rate(step.instances(dataset) / lethe_t)}/"
                f"{_rate(step.instances(dataset) / orthanc_t)}")
        cpu = ["", "", ""]
        if not p90:
            lethe_c = _cpu_per_instance(step, dataset, lethe)
            orthanc_c = _cpu_per_instance(step, dataset, orthanc)
            cpu = [_milliseconds(lethe_c), _milliseconds(orthanc_c),
                   f"{lethe_c / orthanc_c:.2f}" if lethe_c and orthanc_c else "-"]
        yield [label, "ms" if step.latency else "s", _seconds(lethe_t, step.latency),
               _seconds(orthanc_t, step.latency), f"{ratio:.2f}" if ratio else "-",
               f"<={goal:.2f}" if goal else "", verdict, rate, *cpu,
               _memory(lethe) if not p90 else "", _memory(orthanc) if not p90 else ""]


HEADER = ["step", "unit", "Lethe", "Orthanc", "L/O", "goal", "", "inst/s L/O",
          "CPU ms L", "CPU ms O", "CPU L/O", "Lethe MiB", "Orthanc MiB"]


def format_table(dataset: GeneratedDataset, steps: list[Step], results: Results,
                 repeat: int) -> str:
    """The table of one data set (see the module docstring)."""
    rows = [HEADER]
    for step in steps:
        if step.key in results:
            rows.extend(_rows(step, dataset, results[step.key]))
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
    lines = [f"{dataset.name}: {dataset.spec.instances} instances, "
             f"{dataset.total_bytes / MIB:.1f} MiB; medians of {repeat} repetition(s); "
             "memory: peak summed VmHWM of the process tree (sampled peak summed PSS)"]
    for n, row in enumerate(rows):
        cells = [cell.ljust(w) if i in (0, 1) else cell.rjust(w)
                 for i, (cell, w) in enumerate(zip(row, widths, strict=True))]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.extend(_memory_summary(dataset, results))
    lines.append(_other_load_summary(results))
    return "\n".join(lines)


def _other_load_summary(results: Results) -> str:
    """How busy other processes kept the machine during each server's steps: the mean
    weighted by step duration, and the largest share in a step of a second or more."""
    parts = []
    for kind, label in (("lethe", "Lethe"), ("orthanc", "Orthanc")):
        runs = [r for per_server in results.values() for r in per_server.get(kind, [])]
        wall = sum(r.cpu.wall for r in runs)
        if wall:
            mean = sum(r.cpu.other * r.cpu.wall for r in runs) / wall
            long_steps = [r.cpu.other for r in runs if r.cpu.wall >= 1.0]
            top = (f"{100 * max(long_steps):.0f}% at most" if long_steps
                   else "no step lasted a second")
            parts.append(f"during {label}'s steps {100 * mean:.0f}% on average, {top}")
    return "other processes' share of the cores: " + "; ".join(parts)


def _memory_summary(dataset: GeneratedDataset, results: Results) -> list[str]:
    """Each server's peak over all steps, and its largest rise during a step after the
    first job (against the file size for a one-file data set)."""
    largest = max(f.stat().st_size for f in dataset.files) / MIB
    lines = []
    for kind, label in (("lethe", "Lethe"), ("orthanc", "Orthanc")):
        runs = [(key, r.memory) for key, per_server in results.items()
                for r in per_server.get(kind, [])]
        if not runs:
            continue
        key, top = max(runs, key=lambda run: run[1].hwm_mib)
        pss = max(memory.pss_mib for _, memory in runs)
        line = (f"{label} peak: {top.hwm_mib:.0f} MiB summed VmHWM over {top.processes} "
                f"processes (in {key}), {pss:.0f} MiB summed PSS")
        rises = [(k, m.growth_mib) for k, m in runs
                 if k not in ("upload_1", "delete", "upload_4", "first_job")]
        if rises:
            rise_key, rise = max(rises, key=lambda r: r[1])
            line += f"; largest rise in a step after the first job: {rise:.0f} MiB (in {rise_key})"
            if dataset.spec.instances == 1:
                line += f" = {rise / largest:.2f}x the file size ({largest:.1f} MiB)"
        lines.append(line)
    return lines


def as_record(dataset: GeneratedDataset, results: Results) -> dict:
    """A JSON-serialisable record of every measurement of one data set."""
    return {"dataset": dataset.name, "instances": dataset.spec.instances,
            "bytes": dataset.total_bytes,
            "steps": {key: {kind: [{"seconds": r.seconds, "memory": asdict(r.memory),
                                    "cpu": asdict(r.cpu)}
                                   for r in runs]
                            for kind, runs in per_server.items()}
                      for key, per_server in results.items()}}
