"""An outgoing C-STORE association kept open between sends (``DicomAssociationCloseDelay``).

Orthanc keeps the association of Lua's ``SendToModality`` open after a send, and closes it
once it has been idle for ``DicomAssociationCloseDelay`` seconds (default 5; 0 closes it at
once): a script that forwards each instance as it arrives then sends a whole study on one
association instead of one association per instance. Only Lua's sends do this, as in
Orthanc (``TimeoutDicomConnectionManager``); a REST ``/modalities/{m}/store`` opens and
releases an association of its own, since a modality may act when an association ends.

:class:`AssociationCache` holds at most one association, as Orthanc does: a send to another
peer (another AET, host, port, local AET or timeout) releases it and opens a new one; a send
that needs a SOP class or a transfer syntax it did not propose opens a new one proposing
both the old and the new (Orthanc's renegotiation). An association the peer closed while
idle is opened again. One send uses it at a time.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from lethe.network.scu import Peer, StoreSession

log = logging.getLogger(__name__)


def _parameters(peer: Peer, move_originator: tuple[str, int] | None) -> tuple[object, ...]:
    """What makes two associations the same (Orthanc's ``DicomAssociationParameters``)."""
    return (peer.modality, peer.local_aet, peer.timeout, peer.maximum_pdu, peer.tls,
            move_originator)


class AssociationCache:
    """The association of Lua's sends; every method may be called from any thread."""

    def __init__(self, close_delay: float) -> None:
        """``close_delay``: seconds of idleness before the association is released."""
        self.close_delay = close_delay
        self._lock = threading.Lock()  # held by the send using the association
        self._session: StoreSession | None = None
        self._key: tuple[object, ...] | None = None
        self._pairs: set[tuple[str, str]] = set()
        self._last_use = 0.0
        self._timer: threading.Timer | None = None
        self.opened = 0  # associations opened so far

    @contextmanager
    def session(self, peer: Peer, pairs: Iterable[tuple[str, str]],
                move_originator: tuple[str, int] | None = None) -> Iterator[StoreSession]:
        """An open association to ``peer`` proposing (at least) ``pairs``, kept open after
        the block for :attr:`close_delay` seconds; an error in the block aborts it."""
        wanted = set(pairs)
        with self._lock:
            session = self._reusable(peer, wanted, move_originator)
            try:
                yield session
            except BaseException as exc:
                self._session = None
                session.__exit__(type(exc), exc, exc.__traceback__)
                raise
            self._last_use = time.monotonic()
            if self.close_delay <= 0:
                self._close()
            else:
                self._schedule(self.close_delay)

    def _reusable(self, peer: Peer, wanted: set[tuple[str, str]],
                  move_originator: tuple[str, int] | None) -> StoreSession:
        key = _parameters(peer, move_originator)
        session = self._session
        if session is not None and key == self._key and wanted <= self._pairs and \
                session.is_open:
            session.peer = peer  # the same parameters, with this send's outgoing filter
            return session
        if key == self._key and session is not None and session.is_open:
            wanted |= self._pairs  # renegotiate: what it proposed, and what is needed now
        self._close()
        session = StoreSession(peer, sorted(wanted), move_originator).__enter__()
        self._session, self._key, self._pairs = session, key, wanted
        self.opened += 1
        return session

    def _schedule(self, delay: float) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(delay, self._close_if_idle)
        self._timer.daemon = True
        self._timer.start()

    def _close_if_idle(self) -> None:
        with self._lock:
            idle = time.monotonic() - self._last_use
            if idle >= self.close_delay:
                self._close()
            elif self._session is not None:
                self._schedule(self.close_delay - idle)

    def _close(self) -> None:
        """Release the association, if any (the lock is held)."""
        session, self._session, self._key, self._pairs = self._session, None, None, set()
        if session is not None:
            log.info("closing the idle DICOM association with %s", session.peer.modality.aet)
            try:
                session.__exit__(None, None, None)
            except Exception:  # noqa: BLE001 - the peer went away: nothing left to release
                log.debug("releasing an idle association failed", exc_info=True)

    def close(self) -> None:
        """Release the association now (when the server stops)."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._close()
