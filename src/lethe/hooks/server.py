"""What callbacks reach of the server: the REST API in process, event data, the change log.

**The REST API in process.** A callback runs on a thread of its own (the dispatcher's, or the
thread of an upload that a filter serves); :meth:`HookServer.rest` hands the request to the
application on its event loop and waits for the answer on the callback's thread, never on the
loop. Such a request is marked in its ASGI scope (``lethe.origin``: ``Lua`` or ``Plugins``):
the instances it stores have that origin, and it skips the HTTP filter and the authentication,
as Orthanc's ``RestApiGet`` and friends do.

**No deadlock on re-entry.** A callback that holds its interpreter and calls the REST API may
cause a filter of the same interpreter (a ``RestApiPost('/instances', ...)`` passes through
``ReceivedInstanceFilter``). The request carries, in its context, the waiting callback's
:class:`Reentry`; :func:`run_for_caller` sends the filter to that thread, which runs it while
it waits (the interpreter's lock is re-entrant on its own thread). Any other thread takes the
interpreter's lock as usual.
"""

from __future__ import annotations

import asyncio
import contextvars
import dataclasses
import json
import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar
from urllib.parse import unquote

from lethe.config import Config
from lethe.errors import bad_request
from lethe.hooks.dispatcher import Dispatcher, Event, EventName, current
from lethe.jobs.engine import JobEngine
from lethe.jobs.job import Job
from lethe.store.model import Level
from lethe.store.store import Store

log = logging.getLogger(__name__)

T = TypeVar("T")
REST_TIMEOUT = 3600.0  # seconds a callback waits for one in-process REST call


class Reentry:
    """The thread of a callback waiting for an in-process REST call, and the work that the
    call's filters send back to it."""

    def __init__(self) -> None:
        self.thread = threading.get_ident()
        self.work: queue.Queue[tuple[Callable[[], Any], Future[Any]]] = queue.Queue()
        self.lock = threading.Lock()
        self.active = True  # False once the call answered: work is then run where it comes

    def wait(self, future: Future[T], timeout: float) -> T:
        """The result of ``future``, running the work sent meanwhile on this thread; raises
        TimeoutError after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        try:
            while not future.done():
                try:
                    item = self.work.get(timeout=0.02)
                except queue.Empty:
                    if time.monotonic() > deadline:
                        raise TimeoutError("in-process REST call") from None
                    continue
                _serve(*item)
        finally:
            with self.lock:
                self.active = False
            while not self.work.empty():  # sent just before: served all the same
                _serve(*self.work.get())
        return future.result()


def _serve(function: Callable[[], Any], answer: Future[Any]) -> None:
    try:
        answer.set_result(function())
    except BaseException as exc:  # noqa: BLE001 - handed to the waiting filter
        answer.set_exception(exc)


_waiting: contextvars.ContextVar[Reentry | None] = contextvars.ContextVar(
    "lethe_hooks_waiting", default=None)


def run_for_caller(function: Callable[[], T], lock: Callable[[], Any]) -> T:
    """Run ``function`` under ``lock()`` (a context manager around a re-entrant lock): on the
    thread of the callback whose in-process REST call this is, if any (where the lock is
    re-entered when that callback holds it), otherwise on this thread."""
    def locked() -> T:
        with lock():
            return function()

    waiting = _waiting.get()
    if waiting is not None and waiting.thread != threading.get_ident():
        answer: Future[T] = Future()
        with waiting.lock:
            queued = waiting.active
            if queued:
                waiting.work.put((locked, answer))
        if queued:
            return answer.result()
    return locked()  # no caller waits any more (a task that outlived its request)


def bound_to_caller(function: Callable[..., T]) -> Callable[..., T]:
    """``function``, to be called later from any thread (a job's) as if from this one: the
    filters it runs go to the callback whose in-process REST call this is, if any (a job
    that this call starts and waits for would otherwise wait for that callback's
    interpreter)."""
    waiting = _waiting.get()
    if waiting is None:
        return function

    def bound(*args: Any, **kwargs: Any) -> T:
        token = _waiting.set(waiting)
        try:
            return function(*args, **kwargs)
        finally:
            _waiting.reset(token)
    return bound


class HookServer:
    """The :class:`~lethe.hooks.dispatcher.ServerApi` of a running application, and the
    thread that turns the change log into events."""

    def __init__(self, app: Any, loop: asyncio.AbstractEventLoop, store: Store,
                 config: Config, dispatcher: Dispatcher, tags: Any = None,
                 jobs: JobEngine | None = None) -> None:
        self.app = app
        self.jobs = jobs
        self.loop = loop
        self.store = store
        self.config = config
        self.dispatcher = dispatcher
        self.tags = tags
        self._stopping = threading.Event()
        self._watcher: threading.Thread | None = None

    # --- the REST API in process ------------------------------------------------------------
    def rest(self, method: str, uri: str, body: bytes = b"",
             headers: dict[str, str] | None = None, origin: str = "Lua") -> tuple[int, bytes]:
        """Call the REST API from a callback's thread; the status and body of the answer.
        Raises RuntimeError on the event loop's thread (it would wait for itself)."""
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is self.loop:
            raise RuntimeError("the REST API cannot be called from the event loop")
        reentry = Reentry()
        token = _waiting.set(reentry)
        try:  # the request's task copies this context, with the Reentry in it
            future = asyncio.run_coroutine_threadsafe(
                self._call(method, uri, body, headers or {}, origin), self.loop)
        finally:
            _waiting.reset(token)
        status, answer = reentry.wait(future, REST_TIMEOUT)
        if current.generation or method in ("POST", "PUT"):
            self._record_generation(answer)
        return status, answer

    def _record_generation(self, answer: bytes) -> None:
        """The resources an answer names were made by a callback: one generation more."""
        if not answer.startswith(b"{") or len(answer) > 65536:
            return
        try:
            parsed = json.loads(answer)
        except ValueError:
            return
        ids = [parsed[k] for k in ("ID", "ParentSeries", "ParentStudy", "ParentPatient")
               if isinstance(parsed.get(k), str)]
        self.dispatcher.record_generation(ids, current.generation + 1)

    async def _call(self, method: str, uri: str, body: bytes, headers: dict[str, str],
                    origin: str) -> tuple[int, bytes]:
        path, _, query = uri.partition("?")
        if not path.startswith("/"):
            path = "/" + path
        raw_headers = [(k.lower().encode("latin-1"), str(v).encode("latin-1"))
                       for k, v in headers.items()]
        raw_headers.append((b"content-length", str(len(body)).encode()))
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
                 "method": method, "scheme": "http", "path": unquote(path),
                 "raw_path": path.encode("utf-8"), "query_string": query.encode("utf-8"),
                 "root_path": "", "headers": raw_headers, "client": ("127.0.0.1", 0),
                 "server": ("127.0.0.1", 0), "state": {}, "lethe.origin": origin}
        sent = False
        status = 500
        chunks: list[bytes] = []

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            await asyncio.Event().wait()  # no disconnect: cancelled with the response
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, send)
        return status, b"".join(chunks)

    # --- event data -------------------------------------------------------------------------
    def event_arguments(self, event: Event) -> tuple[Any, ...]:
        """Orthanc's arguments after the subject: ``(tags, metadata, origin)`` of a stored
        instance (its simplified tags), ``(tags, metadata)`` of a stable resource (its main
        tags; a study's without its patient's), nothing for the other events."""
        if event.name is EventName.STORED_INSTANCE:
            from lethe.api.listing import instance_tags

            metadata = self.store.metadata(event.subject)
            tags = instance_tags(self.store, event.subject, "simplify", tags=self.tags)
            return tags, metadata, origin_table(metadata)
        if event.name in (EventName.STABLE_PATIENT, EventName.STABLE_STUDY,
                          EventName.STABLE_SERIES):
            return self.store.main_tags(event.subject), self.store.metadata(event.subject)
        return ()

    def submit_job(self, job: Job) -> str:
        """Submit ``job`` to the job engine; its ID."""
        assert self.jobs is not None, "no job engine"
        return self.jobs.submit(job)

    def set_stable_status(self, resource_id: str, stable: bool) -> bool:
        """Make a patient, study or series stable now (its ``Stable<Level>`` change and
        callback follow at once) or unstable again (stable ``StableAge`` seconds later);
        whether its status changed. Raises :class:`~lethe.errors.LetheError`: 404 for an
        unknown resource, 400 for an instance."""
        found = self.store.resource(resource_id)
        if found.level is Level.INSTANCE:
            raise bad_request(f"SetStableStatus applies to patients, studies and series, not "
                              f"to the instance {resource_id}")
        if self.store.stability is None:
            return False
        return self.store.stability.set_status(found.level, resource_id, stable)

    def configuration(self) -> dict[str, Any]:
        """The configuration keys Lethe knows, with their values."""
        return {f.name: _plain(getattr(self.config, f.name))
                for f in dataclasses.fields(self.config)}

    # --- the change log ---------------------------------------------------------------------
    def watch_changes(self, interval: float = 0.1) -> None:
        """Start the thread that queues the events of the changes logged from now on."""
        since = self.store.last_change()

        def run() -> None:
            nonlocal since
            while not self._stopping.wait(interval):
                try:
                    for change in self.store.changes(since, 500):
                        since = change.seq
                        self.dispatcher.notify_change(change.change_type, change.level,
                                                      change.resource_id)
                except Exception as exc:  # noqa: BLE001 - read again at the next tick
                    log.warning("change log not read for the hooks: %s", exc)

        if self.dispatcher.active:
            self._watcher = threading.Thread(target=run, name="lethe-hooks-changes",
                                             daemon=True)
            self._watcher.start()

    def stop(self) -> None:
        """Stop reading the change log (the events read are still delivered)."""
        self._stopping.set()
        if self._watcher is not None:
            self._watcher.join()


def origin_table(metadata: dict[str, str]) -> dict[str, str]:
    """Orthanc's ``origin`` argument, from an instance's metadata: ``RequestOrigin``, and
    ``RemoteIp`` with ``RemoteAet`` and ``CalledAet`` (DICOM) or ``Username`` (REST)."""
    kind = metadata.get("Origin", "Unknown")
    table = {"RequestOrigin": kind}
    if kind == "DicomProtocol":
        table.update(RemoteIp=metadata.get("RemoteIP", ""),
                     RemoteAet=metadata.get("RemoteAET", ""),
                     CalledAet=metadata.get("CalledAET", ""))
    elif kind == "RestApi":
        table.update(RemoteIp=metadata.get("RemoteIP", ""),
                     Username=metadata.get("HttpUsername", ""))
    return table


def _plain(value: Any) -> Any:
    return dataclasses.asdict(value) if dataclasses.is_dataclass(value) and \
        not isinstance(value, type) else value

