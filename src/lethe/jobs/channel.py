"""Direct channels between the server's event loop and the worker processes.

The process pool hands a task over through two threads of the server (the
executor's manager and its queue feeder) and a shared queue with locks; for
an upload, that costs more server time than the upload's own index work. A
channel is a Unix socket from each worker to the server: the event loop
writes the task on it and reads the answer itself, with no thread in between.

The server listens before the workers start (:meth:`ChannelServer.__init__`
binds the socket); each worker connects from a thread of its own
(:func:`serve_in_worker`) and answers the tasks of its connection in order.
A frame is a 4-byte little-endian length and a pickle: ``(function, args)``
one way, ``(True, result)`` or ``(False, exception)`` the other. The socket
lives in a private folder (mode 0700) of the server's user, named after the
server's process ID: a server that was killed cannot remove its folder, so the
next server removes the folders of processes that no longer run.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import os
import pickle
import shutil
import socket
import struct
import tempfile
import threading
import weakref
from collections.abc import Callable
from typing import Any

from lethe.jobs.worker import sendable

log = logging.getLogger(__name__)

_LENGTH = struct.Struct("<I")
CONNECT_TIMEOUT = 10.0  # seconds a starting worker waits for the server's socket
FOLDER_PREFIX = "lethe-workers-"


def _frame(value: Any) -> bytes:
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return _LENGTH.pack(len(payload)) + payload


class WorkerGone(ConnectionError):
    """The worker process of a channel exited with tasks in flight."""


class _Channel(asyncio.Protocol):
    """The server's end of one worker's connection: tasks in flight, answered in order."""

    def __init__(self, server: ChannelServer) -> None:
        self._server = server
        self._transport: asyncio.Transport | None = None
        self._buffer = bytearray()
        self.in_flight: collections.deque[asyncio.Future] = collections.deque()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport  # type: ignore[assignment]
        self._server.connected.append(self)

    def connection_lost(self, exc: Exception | None) -> None:
        with contextlib.suppress(ValueError):
            self._server.connected.remove(self)
        while self.in_flight:
            future = self.in_flight.popleft()
            if not future.done():
                future.set_exception(WorkerGone("a worker process exited during the task"))

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        while len(self._buffer) >= _LENGTH.size:
            (length,) = _LENGTH.unpack_from(self._buffer)
            end = _LENGTH.size + length
            if len(self._buffer) < end:
                return
            succeeded, value = pickle.loads(self._buffer[_LENGTH.size:end])  # noqa: S301
            del self._buffer[:end]
            future = self.in_flight.popleft()
            if future.done():  # cancelled meanwhile
                continue
            if succeeded:
                future.set_result(value)
            else:
                future.set_exception(value)

    def call(self, function: Callable[..., Any], args: tuple) -> asyncio.Future:
        assert self._transport is not None
        future = asyncio.get_running_loop().create_future()
        self._transport.write(_frame((function, args)))
        self.in_flight.append(future)
        return future


class ChannelServer:
    """The listening end: a Unix socket bound at creation, served by an event loop once
    :meth:`serve` runs there."""

    def __init__(self, backlog: int = 64) -> None:
        remove_stale_folders()
        self._folder = tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-")  # mode 0700
        self._remove_folder = weakref.finalize(self, shutil.rmtree, self._folder, True)
        self.address = os.path.join(self._folder, "channel")
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._socket.bind(self.address)
        self._socket.listen(backlog)
        self._server: asyncio.AbstractServer | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self.connected: list[_Channel] = []

    async def serve(self) -> None:
        """Accept the workers' connections on the running event loop."""
        self._loop = asyncio.get_running_loop()
        self._server = await self._loop.create_unix_server(
            lambda: _Channel(self), sock=self._socket)

    def available(self) -> bool:
        """Whether :meth:`call` can run a task from the current thread now: it is the
        serving loop's, and a worker is connected."""
        try:
            return bool(self.connected) and asyncio.get_running_loop() is self._loop
        except RuntimeError:  # no running loop in this thread
            return False

    def call(self, function: Callable[..., Any], *args: Any) -> asyncio.Future:
        """Run ``function(*args)`` in the connected worker with the fewest tasks in flight
        (only when :meth:`available`)."""
        channel = min(self.connected, key=lambda c: len(c.in_flight))
        return channel.call(function, args)

    def close(self) -> None:
        """Stop listening and remove the socket (the workers see their connection end)."""
        if self._server is not None:
            self._server.close()
        else:
            self._socket.close()
        self._remove_folder()


def remove_stale_folders(parent: str | None = None) -> int:
    """Remove the channel folders in ``parent`` (the temporary folder by default) left by
    servers of this user that no longer run; how many were removed."""
    parent = parent or tempfile.gettempdir()
    removed = 0
    with os.scandir(parent) as entries:
        for entry in entries:
            pid = _owner_pid(entry.name)
            if pid is None or _is_running(pid) or not entry.is_dir(follow_symlinks=False) \
                    or entry.stat(follow_symlinks=False).st_uid != os.getuid():
                continue
            shutil.rmtree(entry.path, ignore_errors=True)
            removed += 1
    return removed


def _owner_pid(name: str) -> int | None:
    """The server process ID in a channel folder's name (None: not a channel folder)."""
    pid, sep, _ = name.removeprefix(FOLDER_PREFIX).partition("-")
    if not name.startswith(FOLDER_PREFIX) or not sep or not pid.isdigit():
        return None
    return int(pid)


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it runs as another user
        pass
    return True


def serve_in_worker(address: str) -> None:
    """In a worker process: connect to the server's channel from a daemon thread and answer
    its tasks until the connection ends."""
    threading.Thread(target=_answer_tasks, args=(address,), name="server-channel",
                     daemon=True).start()


def _answer_tasks(address: str) -> None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(CONNECT_TIMEOUT)
        sock.connect(address)
        sock.settimeout(None)
    except OSError as exc:
        sock.close()
        log.warning("worker without a channel to the server: %s", exc)
        return
    with sock, sock.makefile("rb") as incoming:  # any failure closes the channel
        while True:
            head = incoming.read(_LENGTH.size)
            if len(head) < _LENGTH.size:
                return  # the server closed the channel
            (length,) = _LENGTH.unpack(head)
            sock.sendall(_answer(incoming.read(length)))


def _answer(task: bytes) -> bytes:
    """The frame answering one task frame's payload: the result of ``function(*args)``, or
    the exception raised (unpickling the task included)."""
    try:
        function, args = pickle.loads(task)  # noqa: S301 - written by the server
        return _frame((True, function(*args)))
    except Exception as exc:  # noqa: BLE001 - sent back to the caller
        return _frame((False, sendable(exc)))
