"""Profile Lethe during chosen steps with py-spy, and summarise the samples.

py-spy is not a dependency of Lethe: install it into the venv to profile
(``.venv/bin/pip install py-spy``). It samples the server and its worker
processes (``--subprocesses``) and writes collapsed stacks (``--format raw``),
which :func:`summarise` turns into the functions that take the most samples,
by own time and by time including callees, in percent of all samples.
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

PY_SPY = Path(sys.executable).with_name("py-spy")
LINE_NUMBER = re.compile(r":\d+\)$")
PROCESS_FRAME = re.compile(r'process \d+:"[^"]*";?')  # one per process of the chain
# Leaf frames of a thread that waits (py-spy does not always see these threads as idle).
WAITING = frozenset({"Condition.wait (threading.py)", "_PollLikeSelector.select (selectors.py)",
                     "EpollSelector.select (selectors.py)", "wait (multiprocessing/connection.py)"})


class PySpy:
    """``py-spy record`` attached to a process tree while the ``with`` block runs."""

    def __init__(self, pid: int, output: Path, rate: int = 100) -> None:
        command = str(PY_SPY) if PY_SPY.exists() else shutil.which("py-spy")
        if command is None:
            raise RuntimeError("py-spy is not installed: .venv/bin/pip install py-spy")
        output.parent.mkdir(parents=True, exist_ok=True)
        self.output = output
        self._command = [command, "record", "--pid", str(pid), "--subprocesses",
                         "--format", "raw", "--rate", str(rate), "--output", str(output)]
        self._process: subprocess.Popen | None = None

    def __enter__(self) -> PySpy:
        self._process = subprocess.Popen(self._command, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.PIPE)
        time.sleep(1.0)  # let it attach before the step starts
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._process is not None
        self._process.send_signal(signal.SIGINT)
        try:
            self._process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


def _split(stack: str) -> tuple[str, list[str]]:
    """The role of the sampled process (``worker`` for the pool's processes, forked by the
    forkserver, else ``server``) and the frames of its stack, line numbers dropped, root
    first. With ``--subprocesses`` a stack starts with the chain of its processes."""
    chain = PROCESS_FRAME.findall(stack)
    role = "worker" if any("forkserver" in process for process in chain) else "server"
    code = PROCESS_FRAME.sub("", stack)
    return role, [LINE_NUMBER.sub(")", frame) for frame in code.split(";") if frame]


def summarise(raw: Path, top: int = 20) -> str:
    """Per role (the server process, the worker processes together): the ``top`` functions
    by own samples and by inclusive samples, in percent of the busy samples of the profile.

    Samples whose leaf frame is a wait (:data:`WAITING`) are counted apart. py-spy counts a
    call into C (fsync, sqlite, pickling) as own time of the Python function that made it;
    threads it sees as idle are not sampled.
    """
    own: dict[str, Counter[str]] = {}
    inclusive: dict[str, Counter[str]] = {}
    roles: Counter[str] = Counter()
    waiting = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        role, frames = _split(stack)
        if not frames:
            continue
        if frames[-1] in WAITING:
            waiting += int(count)
            continue
        roles[role] += int(count)
        own.setdefault(role, Counter())[frames[-1]] += int(count)
        for frame in set(frames):
            inclusive.setdefault(role, Counter())[frame] += int(count)
    total = sum(roles.values())
    if not total:
        return f"{raw}: no samples"
    lines = [f"{raw.name}: {total} busy samples (and {waiting} waiting): " + ", ".join(
        f"{role} {100 * n / total:.1f}%" for role, n in roles.most_common())]
    for role, _ in roles.most_common():
        lines.append(f"{role}, own time:")
        lines += [f"  {100 * n / total:5.1f}%  {name}" for name, n in own[role].most_common(top)]
        lines.append(f"{role}, including callees:")
        lines += [f"  {100 * n / total:5.1f}%  {name}"
                  for name, n in inclusive[role].most_common(top)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m benchmarks.profile FILE...``: summarise recorded profiles."""
    for name in argv if argv is not None else sys.argv[1:]:
        print(summarise(Path(name)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
