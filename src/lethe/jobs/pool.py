"""The worker-process pool shared by all jobs (CPU-bound DICOM work off the server process).

Processes are started with ``forkserver`` (forking a threaded server is not
safe) and preload the engine modules once. The pool is created on first use.
Threads submit tasks through the process pool; the event loop runs them over
direct channels to the same processes (:mod:`lethe.jobs.channel`) once
:meth:`WorkerPool.serve_channels` runs there, and so does a thread that waits for
one task (:meth:`WorkerPool.run_blocking`, a C-STORE's association): handing it to
the loop costs the server less than the process pool's threads and shared queue.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import pydicom.config

from lethe.jobs.channel import ChannelServer, serve_in_worker
from lethe.jobs.rehearsal import rehearse

log = logging.getLogger(__name__)

PRELOAD = ["lethe.jobs.worker"]
WATCH_INTERVAL = 1.0  # seconds between two checks that the server still runs


def skip_read_validation() -> None:
    """Have pydicom not validate the values it reads, in this process: in its default mode
    it only warns (values are the same either way), which costs about 5% of a
    modification's CPU and fills the log with remarks on the stored files. The workers
    and the server (whose instance routes run the engine) both skip it."""
    pydicom.config.settings.reading_validation_mode = pydicom.config.IGNORE


def _start_worker(server_pid: int, channel_address: str | None) -> None:
    """In a new worker: watch the server, rehearse the engine (:mod:`lethe.jobs.rehearsal`),
    and connect to the server's channel if it has one; values read are not validated
    (:func:`skip_read_validation`)."""
    skip_read_validation()
    _watch_server(server_pid)
    rehearse()
    if channel_address is not None:
        serve_in_worker(channel_address)


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


def _in_loop(loop: asyncio.AbstractEventLoop) -> bool:
    """Whether this thread runs ``loop`` (where waiting for a result would block it)."""
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:  # no running loop in this thread
        return False


class WorkerPool:
    """A lazily started process pool of ``size`` workers (0: one per core); with
    ``channels``, each worker also answers the event loop's tasks over a direct channel."""

    def __init__(self, size: int = 0, channels: bool = False) -> None:
        self.size = size or os.cpu_count() or 1
        self._executor: ProcessPoolExecutor | None = None
        self._with_channels = channels
        self._channels: ChannelServer | None = None  # bound with the first workers
        self._loop: asyncio.AbstractEventLoop | None = None  # the loop serving the channels
        self._lock = threading.Lock()

    def _get(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(PRELOAD)
                if self._with_channels and self._channels is None:
                    self._channels = ChannelServer()
                address = self._channels.address if self._channels else None
                self._executor = ProcessPoolExecutor(
                    self.size, mp_context=context, initializer=_start_worker,
                    initargs=(os.getpid(), address))
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
        """Run ``function(*args)`` in a worker process. A pool broken by a worker that
        died (its tasks in flight failed with ``BrokenProcessPool``) is replaced by a new
        one first."""
        executor = self._get()
        try:
            return executor.submit(function, *args)
        except BrokenProcessPool:
            log.error("a worker process died: starting a new pool")
            self._discard(executor)
            self.warm_up()
            return self._get().submit(function, *args)

    def _discard(self, executor: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._executor is executor:
                self._executor = None
        executor.shutdown(wait=False, cancel_futures=True)

    async def serve_channels(self) -> None:
        """Answer the workers' channels on the running event loop (when the pool has them)."""
        if self._with_channels:
            self._get()
            assert self._channels is not None
            await self._channels.serve()
            self._loop = asyncio.get_running_loop()

    def run_blocking(self, function: Callable[..., Any], *args: Any) -> Any:
        """``function(*args)`` in a worker process, for a thread that may wait (not the event
        loop's): handed to the event loop that serves the channels, which sends it over a
        channel (one wake-up of the loop, instead of the process pool's two threads and
        shared queue); through the process pool when no loop serves them."""
        loop = self._loop
        if loop is not None and self._channels is not None and self._channels.connected \
                and loop.is_running() and not _in_loop(loop):
            return asyncio.run_coroutine_threadsafe(self.run(function, *args), loop).result()
        return self.submit(function, *args).result()

    async def run(self, function: Callable[..., Any], *args: Any) -> Any:
        """``function(*args)`` in a worker process, awaited by the event loop: over a
        channel when one is connected to this loop, else through the process pool."""
        if self._channels is not None and self._channels.available():
            return await self._channels.call(function, *args)
        return await asyncio.wrap_future(self.submit(function, *args))

    def shutdown(self) -> None:
        """Stop the workers (waiting for running tasks) and close the channels."""
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=True, cancel_futures=True)
                self._executor = None
            if self._channels is not None:
                self._channels.close()
                self._channels = None
                self._loop = None
