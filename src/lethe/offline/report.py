"""Progress while an offline run works, and its report after.

:class:`Progress` prints one line on standard error: files done of the total, MB/s, the
estimated time left (rewritten in place on a terminal, every few seconds otherwise).
:func:`write_report` writes ``lethe-report.json`` and ``lethe-report.txt``: the counts of
written, skipped (done by an earlier run), refused, failed and non-DICOM inputs, the speed,
and each refusal or failure with its reason. Inputs are named by their path under the source,
which may hold names: keep the report with the source, not with a release (``--report DIR``).
A dry run writes the plan of every input to ``lethe-plan.json`` beside the report.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from lethe.offline.run import Outcome

_TERMINAL_INTERVAL = 0.2
_LOG_INTERVAL = 5.0


class Progress:
    """The progress line of a run of ``total`` inputs of ``total_bytes`` bytes."""

    def __init__(self, total: int, total_bytes: int, stream: TextIO | None = None,
                 enabled: bool = True) -> None:
        self.total, self.total_bytes = total, total_bytes
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.terminal = self.stream.isatty()
        self.done = 0
        self.bytes = 0
        self.start = time.monotonic()
        self._shown = 0.0

    def __call__(self, outcome: Outcome) -> None:
        """Count one outcome, and show the line if it is time to."""
        self.done += 1
        self.bytes += outcome.size
        now = time.monotonic()
        interval = _TERMINAL_INTERVAL if self.terminal else _LOG_INTERVAL
        if self.enabled and (now - self._shown >= interval or self.done == self.total):
            self._shown = now
            self.stream.write(("\r" if self.terminal else "") + self.line()
                              + ("" if self.terminal else "\n"))
            self.stream.flush()

    def line(self) -> str:
        """``files 12/500  3.4 MB/s  ETA 0:01:23``."""
        seconds = max(time.monotonic() - self.start, 1e-6)
        rate = self.bytes / seconds
        left = (self.total_bytes - self.bytes) / rate if rate else 0.0
        eta = time.strftime("%H:%M:%S", time.gmtime(max(left, 0.0)))
        return f"files {self.done}/{self.total}  {rate / 1e6:.1f} MB/s  ETA {eta}"

    def finish(self) -> None:
        """End the line on a terminal."""
        if self.enabled and self.terminal:
            self.stream.write("\n")


def summary(outcomes: list[Outcome], skipped: int, seconds: float,
            described: dict[str, Any]) -> dict[str, Any]:
    """The JSON report of a run (see the module docstring)."""
    counts = Counter(outcome.status for outcome in outcomes)
    size = sum(outcome.size for outcome in outcomes)
    return {
        **described,
        "Files": len(outcomes) + skipped,
        "Written": counts["written"],
        "Planned": counts["planned"],
        "Skipped": skipped,
        "Refused": counts["refused"],
        "Failed": counts["failed"],
        "NotDicom": counts["not-dicom"],
        "Bytes": size,
        "Seconds": round(seconds, 3),
        "MegabytesPerSecond": round(size / seconds / 1e6, 2) if seconds > 0 else None,
        "Problems": [{"Source": o.name, "Status": o.status, "Reason": o.detail}
                     for o in sorted(outcomes, key=lambda o: o.name)
                     if o.status in ("refused", "failed", "not-dicom")],
    }


def write_report(folder: Path, report: dict[str, Any], outcomes: list[Outcome]) -> list[Path]:
    """Write ``lethe-report.json`` and ``lethe-report.txt`` (and ``lethe-plan.json`` for a
    dry run) into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = [folder / "lethe-report.json", folder / "lethe-report.txt"]
    written[0].write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    written[1].write_text(text_report(report), encoding="utf-8")
    plans = {o.name: o.plan for o in sorted(outcomes, key=lambda o: o.name) if o.plan}
    if plans:
        written.append(folder / "lethe-plan.json")
        written[2].write_text(json.dumps(plans, indent=1) + "\n", encoding="utf-8")
    return written


def text_report(report: dict[str, Any]) -> str:
    """The report in plain English, one fact a line."""
    lines = [f"{report['Command']} {report['Source']} -> {report['Destination']}",
             f"profile {report.get('DicomVersion') or '-'}, options "
             f"{', '.join(report.get('Options') or []) or 'none'}, key {report['Key']}",
             f"{report['Files']} files: {report['Written']} written, {report['Planned']} "
             f"planned, {report['Skipped']} skipped (done by an earlier run), "
             f"{report['Refused']} refused, {report['Failed']} failed, "
             f"{report['NotDicom']} not DICOM",
             f"{report['Bytes']} bytes in {report['Seconds']} s "
             f"({report['MegabytesPerSecond']} MB/s)"]
    for problem in report["Problems"]:
        lines.append(f"{problem['Status']}: {problem['Source']}: {problem['Reason']}")
    return "\n".join(lines) + "\n"
