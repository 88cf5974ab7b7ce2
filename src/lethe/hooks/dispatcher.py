"""One dispatcher for the events of the server, served to Lua and Python front ends.

The events are declared here once (:class:`EventName`, and the filters of
:class:`FrontEnd`); the Lua scripts of ``LuaScripts`` (:mod:`lethe.hooks.lua`) and the modules
of ``PythonScripts`` (:mod:`lethe.hooks.python`) are two front ends of the same dispatcher.

- **Filters** (an instance received or sent, an HTTP request, a C-FIND or worklist query)
  run inline, where the answer is needed, in the caller's thread (never the event loop's):
  each front end is asked in turn, a refusal by one is final, and a front end that fails is
  logged and accepts.
- **Events** (a stored instance, a stable resource, a deleted or updated resource, a job
  submitted, succeeded or failed, the heart beat) are queued and delivered on one thread of
  the dispatcher, in order: a slow or failing callback never blocks an upload, an association
  or a job. Stored, stable and updated resources are read from the change log (so every path
  that stores an instance is seen, as Orthanc's ``SignalChange``); deleted ones come from the
  index, for every resource a transaction removed (the one deleted, those below it, parents
  left empty, recycled patients: Orthanc's ``SignalResourceDeleted``); job events come from
  the job engine.

Containment: a callback that raises is logged (its message, never the arguments, which may
carry patient data) and the next event is delivered. A callback that stores or modifies
through the in-process REST API makes new events of one generation more: beyond
:data:`MAX_GENERATIONS`, such events are dropped with an error, so that a script that
re-triggers itself stops. A callback that never returns holds the dispatcher's thread (as in
Orthanc); uploads, associations and jobs go on.
"""

from __future__ import annotations

import logging
import queue
import threading
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from lethe.store.model import Level

log = logging.getLogger(__name__)

MAX_GENERATIONS = 8
"""Events caused by callbacks, caused by callbacks...: deeper ones are dropped."""
POLL_INTERVAL = 0.1  # seconds between two reads of the change log

class EventName(StrEnum):
    """The queued events, named as Orthanc's Lua callbacks."""

    STORED_INSTANCE = "OnStoredInstance"
    STABLE_PATIENT = "OnStablePatient"
    STABLE_STUDY = "OnStableStudy"
    STABLE_SERIES = "OnStableSeries"
    DELETED_PATIENT = "OnDeletedPatient"
    DELETED_STUDY = "OnDeletedStudy"
    DELETED_SERIES = "OnDeletedSeries"
    DELETED_INSTANCE = "OnDeletedInstance"
    UPDATED_PATIENT = "OnUpdatedPatient"
    UPDATED_STUDY = "OnUpdatedStudy"
    UPDATED_SERIES = "OnUpdatedSeries"
    UPDATED_INSTANCE = "OnUpdatedInstance"
    JOB_SUBMITTED = "OnJobSubmitted"
    JOB_SUCCESS = "OnJobSuccess"
    JOB_FAILURE = "OnJobFailure"
    HEART_BEAT = "OnHeartBeat"

_LEVEL_NAMES = {Level.PATIENT: "Patient", Level.STUDY: "Study", Level.SERIES: "Series",
                Level.INSTANCE: "Instance"}
_STABLE = {"StablePatient": EventName.STABLE_PATIENT, "StableStudy": EventName.STABLE_STUDY,
           "StableSeries": EventName.STABLE_SERIES}

def _change_event(change_type: str, level: Level) -> EventName | None:
    """The event of a change of the log, or None if it has none."""
    if change_type == "NewInstance":
        return EventName.STORED_INSTANCE
    if change_type in _STABLE:
        return _STABLE[change_type]
    if change_type == "Deleted":
        return EventName("OnDeleted" + _LEVEL_NAMES[level])
    if change_type in ("UpdatedAttachment", "UpdatedMetadata"):
        return EventName("OnUpdated" + _LEVEL_NAMES[level])
    return None

@dataclass(frozen=True)
class Event:
    """One queued event: its name, the resource or job it is about, and its generation
    (0: caused by a client; n + 1: caused by a callback handling an event of generation n)."""

    name: EventName
    subject: str = ""
    generation: int = 0

class FrontEnd(Protocol):
    """What a language offers the dispatcher. Every method is called with no lock held by
    the dispatcher; a front end serializes its own interpreter."""

    def handles(self, name: str) -> bool:
        """True if a callback of this name (an :class:`EventName` or a filter) is defined."""

    def start(self, server: ServerApi) -> None:
        """Load the scripts and run their ``Initialize``; errors are logged."""

    def stop(self) -> None:
        """Run ``Finalize``; errors are logged."""

    def deliver(self, event: Event, server: ServerApi) -> None:
        """Run the callback of a queued event (on the dispatcher's thread); may raise."""

    def filter(self, name: str, *args: Any) -> Any:
        """Run the filter ``name`` with ``args``; its answer (may raise)."""

class ServerApi(Protocol):
    """What callbacks may ask of the server: the REST API in process, and the data of an
    event (read when the event is delivered)."""

    def rest(self, method: str, uri: str, body: bytes = b"",
             headers: dict[str, str] | None = None, origin: str = "Lua"
             ) -> tuple[int, bytes]:
        """Call the REST API in process; the status and the body of the answer. The
        instances it stores have the origin ``origin`` (``Lua``, ``Plugins``)."""

    def event_arguments(self, event: Event) -> tuple[Any, ...]:
        """The arguments of the callback of ``event`` after the subject (tags, metadata...)."""

    def submit_job(self, job: Any) -> str:
        """Submit a :class:`~lethe.jobs.job.Job` to the server's job engine; its ID."""

    def configuration(self) -> dict[str, Any]:
        """The configuration keys Lethe knows, with their values (``GetOrthancConfiguration``)."""

    def set_stable_status(self, resource_id: str, stable: bool) -> bool:
        """Orthanc's ``SetStableStatus``: make a patient, study or series stable now, or
        unstable again; whether its status changed."""


class Dispatcher:
    """The front ends, the queue of events and its thread (see the module's docstring)."""

    def __init__(self, front_ends: list[FrontEnd] | None = None) -> None:
        self.front_ends: list[FrontEnd] = front_ends or []
        self._queue: queue.Queue[Event | _Marker | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._generations: dict[str, int] = {}  # resource ID -> generation of its events
        self._server: ServerApi | None = None
        self._stopping = threading.Event()

    @property
    def active(self) -> bool:
        """True when some front end is loaded (otherwise nothing is ever queued)."""
        return bool(self.front_ends)

    def handles(self, name: str) -> bool:
        """True if some front end defines the callback ``name``."""
        return any(front.handles(name) for front in self.front_ends)

    # --- life cycle ---------------------------------------------------------------------
    def start(self, server: ServerApi, heart_beat: float = 0) -> None:
        """Start every front end (their ``Initialize``), then the thread of the events, and
        with ``heart_beat`` (seconds) a thread queueing ``OnHeartBeat`` that often."""
        self._server = server
        for front in self.front_ends:
            front.start(server)
        self._thread = threading.Thread(target=self._run, name="lethe-hooks", daemon=True)
        self._thread.start()
        if heart_beat > 0:
            threading.Thread(target=self._beat, args=(heart_beat,), name="lethe-heart-beat",
                             daemon=True).start()

    def _beat(self, period: float) -> None:
        while not self._stopping.wait(period):
            if self._queue.qsize() < 100:  # a stuck callback: beats are not piled up
                self.notify(EventName.HEART_BEAT)

    def stop(self, timeout: float = 10.0) -> None:
        """Deliver the events queued so far (for up to ``timeout`` seconds), then run each
        front end's ``Finalize``."""
        self._stopping.set()
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.error("a callback still runs at shutdown; its later events are dropped")
            self._thread = None
        for front in self.front_ends:
            front.stop()

    # --- events ---------------------------------------------------------------------------
    def notify(self, name: EventName, subject: str = "") -> None:
        """Queue an event (any thread; returns at once). Its generation is the one recorded
        for ``subject`` by :meth:`record_generation` by the time it is delivered, else 0:
        a callback's in-process call records it before the callback returns, so before
        any event of what it made is delivered."""
        if not self.active or not self.handles(name):
            return
        self._queue.put(Event(name, subject))

    def notify_change(self, change_type: str, level: Level, resource_id: str) -> None:
        """Queue the event of a change of the log, if it has one."""
        name = _change_event(change_type, level)
        if name is not None:
            self.notify(name, resource_id)

    def record_generation(self, resource_ids: list[str], generation: int) -> None:
        """Record that resources were made by a callback of an event of ``generation - 1``:
        their coming events are of ``generation``."""
        for rid in resource_ids:
            self._generations[rid] = max(generation, self._generations.get(rid, 0))
        if len(self._generations) > 100_000:  # never delivered (no such callback): forget
            self._generations.clear()

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Wait until every queued event was delivered (tests); False on timeout."""
        done = threading.Event()
        self._queue.put(_Marker(done))
        return done.wait(timeout)

    def _run(self) -> None:
        while True:
            event = self._queue.get()
            if event is None:
                return
            if isinstance(event, _Marker):
                event.done.set()
                continue
            self._deliver(event)

    def _deliver(self, event: Event) -> None:
        generation = self._generations.get(event.subject, event.generation)
        if generation != event.generation:
            event = Event(event.name, event.subject, generation)
        if event.generation > MAX_GENERATIONS:
            log.error("%s dropped: callbacks re-triggered themselves %d times",
                      event.name.value, MAX_GENERATIONS)
            return
        assert self._server is not None
        current.generation = event.generation
        try:
            for front in self.front_ends:
                if front.handles(event.name):
                    try:
                        front.deliver(event, self._server)
                    except Exception as exc:  # noqa: BLE001 - the next event is delivered
                        log.error("callback %s failed: %s", event.name.value,
                                  describe_error(exc))
        finally:
            current.generation = 0

    # --- filters --------------------------------------------------------------------------
    def filter(self, name: str, *args: Any, default: Any = True) -> Any:
        """Ask each front end defining the filter ``name``; ``default`` when none does.

        For a predicate (``default`` True) the first refusal is the answer; otherwise each
        front end gets the previous one's answer as first argument (a C-FIND query it may
        rewrite). A front end that fails is logged and leaves the answer unchanged."""
        answer = default
        for front in self.front_ends:
            if not front.handles(name):
                continue
            try:
                if default is True:
                    if not front.filter(name, *args):
                        return False
                else:
                    answer = front.filter(name, answer, *args[1:]) if args else answer
                    args = (answer, *args[1:])
            except Exception as exc:  # noqa: BLE001 - a broken filter accepts
                log.error("filter %s failed: %s", name, describe_error(exc))
        return answer

    def status_filter(self, name: str, *args: Any) -> int:
        """Ask each front end defining the filter ``name``, which answers a DIMSE status
        (``ReceivedCStoreInstanceFilter``): 0 accepts, the first other status is the
        answer. A front end that fails, or answers no integer in [0, 0xFFFF], is logged
        and accepts."""
        for front in self.front_ends:
            if not front.handles(name):
                continue
            try:
                status = front.filter(name, *args)
                if isinstance(status, bool) or not isinstance(status, int) or \
                        not 0 <= status <= 0xFFFF:
                    raise TypeError(f"{name} must return a DIMSE status (an integer)")
            except Exception as exc:  # noqa: BLE001 - a broken filter accepts
                log.error("filter %s failed: %s", name, describe_error(exc))
                continue
            if status:
                return status
        return 0

@dataclass
class _Marker:
    done: threading.Event

class _Current(threading.local):
    generation: int = 0

current = _Current()
"""The generation of the event whose callback runs on this thread (0 elsewhere)."""

def describe_error(exc: BaseException) -> str:
    """A script error for the log: its message only (first line, at most 300 characters).
    Arguments and values are never logged; a script's own message is the script's choice."""
    text = str(exc).strip().splitlines()
    first = text[0] if text else type(exc).__name__
    return first[:300]
