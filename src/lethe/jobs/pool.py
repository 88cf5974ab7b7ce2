"""The worker-process pool shared by all jobs (CPU-bound DICOM work off the server process).

Processes are started with ``forkserver`` (forking a threaded server is not
safe) and preload the engine modules once. The pool is created on first use.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

PRELOAD = ["lethe.jobs.worker"]
WATCH_INTERVAL = 1.0  # seconds between two checks that the server still runs


def _watch_server(server_pid: int) -> None:
    """In a worker: exit when the server process is gone (killed without shutting the
    pool down), instead of lingering forever."""
    def watch() -> None:
        while True:
            time.sleep(WATCH_INTERVAL)
            try:
                os.kill(server_pid, 0)
            except ProcessLookupError:
                os._exit(0)
    threading.Thread(target=watch, name="server-watch", daemon=True).start()


class WorkerPool:
    """A lazily started process pool of ``size`` workers (0: one per core)."""

    def __init__(self, size: int = 0) -> None:
        self.size = size or os.cpu_count() or 1
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _get(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(PRELOAD)
                self._executor = ProcessPoolExecutor(
                    self.size, mp_context=context, initializer=_watch_server,
                    initargs=(os.getpid(),))
            return self._executor

    def warm_up(self) -> None:
        """Start every worker process now, in the background, so that neither the first
        job nor an upload (submitted from the event loop) waits for one to start. The pool
        starts a process for each task submitted while none is idle: one task each."""
        def start_all() -> None:
            for started in [self.submit(os.getpid) for _ in range(self.size)]:
                started.result()
        threading.Thread(target=start_all, name="pool-warm-up", daemon=True).start()

    def submit(self, function: Callable[..., Any], *args: Any) -> Future:
        """Run ``function(*args)`` in a worker process."""
        return self._get().submit(function, *args)

    def shutdown(self) -> None:
        """Stop the workers (waiting for running tasks)."""
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=True, cancel_futures=True)
                self._executor = None
