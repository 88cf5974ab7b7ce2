"""Stable resources: the ``StablePatient``, ``StableStudy`` and ``StableSeries`` changes.

As in Orthanc, a patient, study or series becomes stable when no instance was
stored in it for ``StableAge`` seconds: its ``Stable<Level>`` change is then
logged once (``/changes``), which is what clients that process complete studies
wait for. Each stored instance makes its series, study and patient unstable
again. Like Orthanc, the monitor keeps the unstable resources in memory: those
still unstable when the server stops get no change.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable, Iterable

from lethe.store.index import Index
from lethe.store.model import Level

log = logging.getLogger(__name__)

CHECK_INTERVAL = 1.0  # seconds between two checks, at most
PARENT_LEVELS = (Level.PATIENT, Level.STUDY, Level.SERIES)


class StabilityMonitor:
    """Unstable resources, and a thread that logs their change once they are stable.

    The thread starts with the first :meth:`touch` (an offline command that stores nothing
    never starts it) and stops at :meth:`close`.
    """

    def __init__(self, index: Index, stable_age: float,
                 clock: Callable[[], float] = time.monotonic,
                 leader: Callable[[], bool] | None = None) -> None:
        """With ``leader`` (several nodes share the index, :mod:`lethe.store.nodes`), the
        changes are logged only while ``leader()`` is true; otherwise the resources stable
        by then are forgotten without a change (the leader logs them)."""
        self.index = index
        self.stable_age = stable_age
        self._leader = leader
        self._clock = clock
        self._last_stored: dict[tuple[Level, str], float] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def touch(self, instances: Iterable[tuple[str, str, str, str]]) -> None:
        """Record that instances were stored now: ``(patient, study, series, instance)`` IDs."""
        with self._lock:  # the clock is read under the lock: the dict stays in time order
            now = self._clock()
            for ids in instances:
                for level in PARENT_LEVELS:
                    key = (level, ids[level])
                    self._last_stored.pop(key, None)  # re-inserted at the end
                    self._last_stored[key] = now
            self._start()

    def _start(self) -> None:
        """Start the thread, once (the lock held)."""
        if self._thread is None and not self._stopping.is_set():
            self._thread = threading.Thread(target=self._run, name="stability", daemon=True)
            self._thread.start()

    def set_status(self, level: Level, resource_id: str, stable: bool) -> bool:
        """Orthanc's ``SetStableStatus``: make an unstable patient, study or series stable
        now (its change is logged at once), or a stable one unstable (as if an instance
        were stored in it now, its parents untouched). Whether its status changed."""
        key = (level, resource_id)
        with self._lock:
            unstable = key in self._last_stored
            if stable:
                if not unstable:
                    return False
                del self._last_stored[key]
            else:
                self._last_stored.pop(key, None)
                self._last_stored[key] = self._clock()
                self._start()
                return not unstable
        self.index.log_stable([key])
        return True

    def log_stable(self) -> list[str]:
        """Log the change of every resource stable by now (series before their study, a
        study before its patient) and forget them; their IDs. A resource deleted meanwhile
        gets no change; one stored into again while its change is logged stays unstable."""
        deadline = self._clock() - self.stable_age
        with self._lock:
            stable = list(itertools.takewhile(lambda entry: entry[1] <= deadline,
                                              self._last_stored.items()))  # in time order
        if not stable:
            return []
        # sorted() is stable: the time order is kept within a level
        logged = [] if self._leader is not None and not self._leader() else \
            self.index.log_stable(sorted((key for key, _ in stable), key=lambda k: -k[0]))
        with self._lock:
            for key, stored in stable:
                if self._last_stored.get(key) == stored:
                    del self._last_stored[key]
        return logged

    def _run(self) -> None:
        interval = min(CHECK_INTERVAL, self.stable_age) if self.stable_age > 0 else CHECK_INTERVAL
        while not self._stopping.wait(interval):
            try:
                self.log_stable()
            except Exception as exc:  # noqa: BLE001 - the next check tries again
                log.warning("stable resources not logged yet: %s", exc)

    def close(self) -> None:
        """Stop the thread; resources still unstable get no change."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join()
