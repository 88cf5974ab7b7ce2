"""One owner per storage: an exclusive lock on each folder a process owns (design.md section 10).

A server locks its storage folder, and the folder of its SQLite index when it is another one,
before it touches anything in them, and holds the locks as long as it runs: a second server
started by mistake on the same folder, or ``lethe check --repair``, is refused instead of
removing the files that the first one is writing.

The lock is ``fcntl.flock`` on the file :data:`LOCK_FILE` of the folder. The system releases
it when the process ends, however it ends, so a crash never leaves a stale lock. A flock
belongs to an open file, not to a process: a second lock taken in the same process (two apps
on one folder in a test) is refused too. Once it holds the lock, the owner writes its PID,
host and command line into the file, so that a refused process can name it.

The lock is advisory: it keeps out Lethe processes, which all take it, not other programs.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shlex
import socket
import sys
from pathlib import Path

LOCK_FILE = "lethe.lock"
MAX_HOLDER_SIZE = 4096  # bytes of the lock file read to name its holder


class FolderInUse(Exception):
    """Another process (or another lock of this one) holds the lock of a folder. The message
    is one line naming the folder and the holder."""

    def __init__(self, folder: Path, holder: str) -> None:
        super().__init__(f"the folder {folder} is in use by {holder}")
        self.folder = folder
        self.holder = holder


class OwnerLock:
    """The exclusive locks of the folders a process owns, held until :meth:`release` or
    the end of the process."""

    def __init__(self, *folders: str | Path) -> None:
        """Lock each distinct folder of ``folders`` (created if needed), in order.

        Raises :class:`FolderInUse` for the first folder whose lock another holder has; no
        lock is kept then. Other failures (a filesystem without locks) raise ``OSError``.
        """
        self._descriptors: list[int] = []
        try:
            for folder in dict.fromkeys(Path(f).resolve() for f in folders):
                self._descriptors.append(_lock(folder))
        except BaseException:
            self.release()
            raise

    def release(self) -> None:
        """Release every lock (idempotent). The lock files stay: removing one could let two
        processes each lock a different file of the same name."""
        while self._descriptors:
            os.close(self._descriptors.pop())  # the last descriptor of the file: unlocked


def _lock(folder: Path) -> int:
    """Lock ``folder`` and sign its lock file; the open descriptor that holds the lock."""
    folder.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _holder(descriptor)
        os.close(descriptor)
        raise FolderInUse(folder, holder) from None
    except BaseException:
        os.close(descriptor)
        raise
    os.ftruncate(descriptor, 0)
    os.pwrite(descriptor, (json.dumps(_signature()) + "\n").encode(), 0)
    return descriptor


def _signature() -> dict[str, object]:
    """What names this process in a lock file: PID, host and command line."""
    command = shlex.join([Path(sys.argv[0]).name, *sys.argv[1:]]) if sys.argv else ""
    return {"pid": os.getpid(), "host": socket.gethostname(), "command": command[:300]}


def _holder(descriptor: int) -> str:
    """The holder of a lock, as its lock file names it (it may not have signed it yet)."""
    with contextlib.suppress(OSError, ValueError):
        signed = json.loads(os.pread(descriptor, MAX_HOLDER_SIZE, 0))
        if isinstance(signed, dict) and "pid" in signed:
            command = signed.get("command")
            return (f"process {signed['pid']} on {signed.get('host') or 'an unknown host'}"
                    + (f" ({command})" if command else ""))
    return "another process (not named in its lock file yet)"
