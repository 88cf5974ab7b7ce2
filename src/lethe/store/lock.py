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

Several nodes on one PostgreSQL index (``"Lock": false``) share a storage folder: each holds a
*shared* lock on it (``shared=True``), which keeps out a server that wants the folder for
itself (SQLite, or ``"Lock": true``) and lets the other nodes in. A node that finds nobody
there gets the lock exclusively first (:attr:`OwnerLock.exclusive`): only then may it sweep
what is not known to be its own (temporary files, files without index rows), before it
shares the lock (:meth:`OwnerLock.share`). A node that starts meanwhile waits for the end of
that sweep. The lock file says which kind of holder signed it last (``mode``).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import shlex
import socket
import sys
import time
from pathlib import Path

LOCK_FILE = "lethe.lock"
MAX_HOLDER_SIZE = 4096  # bytes of the lock file read to name its holder
SWEEP_WAIT = 600.0
"""Seconds a node waits, at most, for another node's start-up sweep to end."""
RETRY_INTERVAL = 0.2

OWNER, SWEEPING, SHARED = "owner", "sweeping", "shared"
"""The modes a lock file names: a server that owns the folder, a node that sweeps it at its
start-up, a node that shares it."""

log = logging.getLogger(__name__)


class FolderInUse(Exception):
    """Another process (or another lock of this one) holds the lock of a folder. The message
    is one line naming the folder and the holder."""

    def __init__(self, folder: Path, holder: str) -> None:
        super().__init__(f"the folder {folder} is in use by {holder}")
        self.folder = folder
        self.holder = holder


class OwnerLock:
    """The locks of the folders a process owns (or shares), held until :meth:`release` or
    the end of the process."""

    def __init__(self, *folders: str | Path, shared: bool = False,
                 wait: float = SWEEP_WAIT) -> None:
        """Lock each distinct folder of ``folders`` (created if needed), in order:
        exclusively, or with ``shared`` exclusively when nobody holds it
        (:attr:`exclusive` tells) and else shared with the other nodes, waiting up to
        ``wait`` seconds for a node that sweeps it.

        Raises :class:`FolderInUse` for the first folder whose lock another holder has (a
        holder that wants it for itself, for a shared lock); no lock is kept then. Other
        failures (a filesystem without locks) raise ``OSError``.
        """
        self._descriptors: list[int] = []
        self._folders: list[Path] = []
        self._wait = wait
        self._shared = shared
        self.exclusive = True
        """Whether this process holds every folder alone (always, unless ``shared``): it
        may then remove what it does not know to be its own."""
        try:
            for folder in dict.fromkeys(Path(f).resolve() for f in folders):
                if shared:
                    descriptor, alone = _lock_shared(folder, wait)
                    self.exclusive = self.exclusive and alone
                else:
                    descriptor = _lock(folder)
                self._descriptors.append(descriptor)
                self._folders.append(folder)
        except BaseException:
            self.release()
            raise

    def share(self) -> None:
        """Let other nodes in: turn exclusive locks taken with ``shared`` into shared ones
        (after the sweep they allowed). Raises :class:`FolderInUse` if a server that wants
        the folder for itself took it in the instant between (the lock is then lost)."""
        if not self._shared or not self.exclusive or not self._descriptors:
            return
        for descriptor, folder in zip(self._descriptors, self._folders, strict=True):
            try:
                _take_shared(descriptor, folder, self._wait)
            except FolderInUse:
                self.release()
                raise
        self.exclusive = False

    def release(self) -> None:
        """Release every lock (idempotent). The lock files stay: removing one could let two
        processes each lock a different file of the same name."""
        while self._descriptors:
            os.close(self._descriptors.pop())  # the last descriptor of the file: unlocked


def _open(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    return os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)


def _lock(folder: Path) -> int:
    """Lock ``folder`` exclusively and sign its lock file; the open descriptor that holds
    the lock."""
    descriptor = _open(folder)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _holder(descriptor)
        os.close(descriptor)
        raise FolderInUse(folder, holder) from None
    except BaseException:
        os.close(descriptor)
        raise
    _sign(descriptor, OWNER)
    return descriptor


def _lock_shared(folder: Path, wait: float) -> tuple[int, bool]:
    """Lock ``folder`` for a node: exclusively if nobody holds it (True), else shared
    (False), waiting up to ``wait`` seconds for a node that sweeps it; the descriptor."""
    descriptor = _open(folder)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        try:
            _take_shared(descriptor, folder, wait)
        except BaseException:
            os.close(descriptor)
            raise
        return descriptor, False
    except BaseException:
        os.close(descriptor)
        raise
    _sign(descriptor, SWEEPING)
    return descriptor, True


def _take_shared(descriptor: int, folder: Path, wait: float) -> None:
    """Take a shared lock on ``descriptor``, waiting while a node sweeps the folder, and
    sign it (an exclusive lock of ``descriptor`` becomes shared). Raises
    :class:`FolderInUse` when a holder wants the folder for itself (the first second, any
    holder is waited for: it may not have signed the lock file yet)."""
    start = time.monotonic()
    told = False
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            waited = time.monotonic() - start
            if waited > wait or (waited > 1.0 and _mode(descriptor) != SWEEPING):
                raise FolderInUse(folder, _holder(descriptor)) from None
            if not told:
                log.info("waiting for %s to end its start-up clean-up of %s",
                         _holder(descriptor), folder)
                told = True
            time.sleep(RETRY_INTERVAL)
            continue
        _sign(descriptor, SHARED)
        return


def _sign(descriptor: int, mode: str) -> None:
    os.ftruncate(descriptor, 0)
    os.pwrite(descriptor, (json.dumps({**_signature(), "mode": mode}) + "\n").encode(), 0)


def _signature() -> dict[str, object]:
    """What names this process in a lock file: PID, host and command line."""
    command = shlex.join([Path(sys.argv[0]).name, *sys.argv[1:]]) if sys.argv else ""
    return {"pid": os.getpid(), "host": socket.gethostname(), "command": command[:300]}


def _signed(descriptor: int) -> dict[str, object] | None:
    with contextlib.suppress(OSError, ValueError):
        signed = json.loads(os.pread(descriptor, MAX_HOLDER_SIZE, 0))
        if isinstance(signed, dict) and "pid" in signed:
            return signed
    return None


def _mode(descriptor: int) -> str:
    """The mode of the last holder that signed the lock file (``owner`` if unsigned)."""
    signed = _signed(descriptor)
    mode = signed.get("mode") if signed else None
    return mode if isinstance(mode, str) else OWNER


def _holder(descriptor: int) -> str:
    """The holder of a lock, as its lock file names it (it may not have signed it yet)."""
    signed = _signed(descriptor)
    if signed is not None:
        command = signed.get("command")
        nodes = " and other nodes" if signed.get("mode") == SHARED else ""
        return (f"process {signed['pid']} on {signed.get('host') or 'an unknown host'}"
                + (f" ({command})" if command else "") + nodes)
    return "another process (not named in its lock file yet)"
