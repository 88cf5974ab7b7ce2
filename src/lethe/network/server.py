"""The DICOM listener: pynetdicom's association server, with Orthanc's rules of admission.

Each association runs on a thread of its own (pynetdicom's), so a slow peer holds only its
own thread; nothing here waits on the HTTP event loop. What the listener does:

* **association** (``EVT_REQUESTED``): rejected when ``DicomCheckCalledAet`` is on and the
  called AET is not ``DicomAet`` (reason: called AE title not recognised), or when the calling
  AET may not connect (:meth:`~lethe.network.modalities.ModalityRegistry.connection_allowed`;
  reason: calling AE title not recognised). The presentation contexts are decided for each
  association: echo, query/retrieve and storage commitment in the three uncompressed transfer
  syntaxes; the storage SOP classes accepted (``AcceptedSopClasses`` less
  ``RejectedSopClasses``; with ``UnknownSopClassAccepted``, UIDs that are no standard UID)
  in the accepted transfer syntaxes of the moment
  (``AcceptedTransferSyntaxes``), in the role the peer proposes (a C-GET peer is the SCP).
* **TLS** (``DicomTlsEnabled``, :mod:`lethe.network.tls`): every connection is wrapped in
  the listener's TLS context; the handshake runs on the association's own thread (a client
  that does not speak TLS, or shows no trusted certificate, costs only that thread), and a
  failed one closes the connection before any association.
* **requests**: a request the calling modality may not make aborts the association, as in
  Orthanc. C-ECHO, C-STORE (:mod:`lethe.network.storescp`), C-FIND
  (:mod:`lethe.network.findscp`), C-MOVE and C-GET (:mod:`lethe.network.retrieve`).
"""

from __future__ import annotations

import logging
import socket
import ssl
from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from pydicom.dataset import Dataset
from pynetdicom import AE, evt
from pynetdicom.presentation import PresentationContext
from pynetdicom.service_class import StorageServiceClass

from lethe.errors import LetheError
from lethe.hooks.filters import FIND_FILTER, filter_find_query, find_origin
from lethe.network import commitment, findscp, retrieve, storescp, worklists
from lethe.network.encoded import hold_reactor, send_encoded_instances
from lethe.network.modalities import Request
from lethe.network.syntaxes import (
    GENERIC_SYNTAXES,
    PATIENT_ROOT_FIND,
    PATIENT_ROOT_GET,
    PATIENT_ROOT_MOVE,
    STORAGE_COMMITMENT,
    STUDY_ROOT_FIND,
    STUDY_ROOT_GET,
    STUDY_ROOT_MOVE,
    VERIFICATION,
    pynetdicom_storage_classes,
)

if TYPE_CHECKING:
    from pynetdicom.association import Association
    from pynetdicom.transport import ThreadedAssociationServer

    from lethe.network.service import DicomNetwork

log = logging.getLogger(__name__)

MAXIMUM_ASSOCIATIONS = 64

_GENERIC_SOP_CLASSES = (VERIFICATION, PATIENT_ROOT_FIND, STUDY_ROOT_FIND, PATIENT_ROOT_MOVE,
                        STUDY_ROOT_MOVE, PATIENT_ROOT_GET, STUDY_ROOT_GET, STORAGE_COMMITMENT)


def _context(uid: str, syntaxes: Iterable[str]) -> PresentationContext:
    context = PresentationContext()
    context.abstract_syntax = uid
    context.transfer_syntax = list(syntaxes)
    context.scu_role = True  # accept the role the requestor proposes (C-GET: it is the SCP)
    context.scp_role = True
    return context


class _ListenerAE(AE):
    """The listener's AE: the associations it opens for C-MOVE sub-operations send stored
    instances as their bytes (:func:`~lethe.network.encoded.send_encoded_instances`), their
    reactor held (:func:`~lethe.network.encoded.hold_reactor`): they only send."""

    def associate(self, *args: Any, **kwargs: Any) -> Association:
        assoc = send_encoded_instances(super().associate(*args, **kwargs))
        return hold_reactor(assoc) if assoc.is_established else assoc


class DicomServer:
    """The running listener of a :class:`~lethe.network.service.DicomNetwork`."""

    def __init__(self, network: DicomNetwork) -> None:
        self.network = network
        settings = network.settings
        ae = _ListenerAE(settings.aet)
        ae.maximum_pdu_size = settings.maximum_pdu_length
        ae.maximum_associations = MAXIMUM_ASSOCIATIONS
        timeout = settings.scp_timeout or None
        ae.acse_timeout = ae.dimse_timeout = ae.network_timeout = timeout
        ae.connection_timeout = settings.scu_timeout or None
        for uid in _GENERIC_SOP_CLASSES:
            ae.add_supported_context(uid, [str(s) for s in GENERIC_SYNTAXES], scu_role=True,
                                     scp_role=True)
        self._ae = ae
        self._server: ThreadedAssociationServer | None = None

    @property
    def port(self) -> int:
        """The port the listener is bound to (useful with ``DicomPort`` 0)."""
        assert self._server is not None
        return int(self._server.server_address[1])

    def start(self) -> None:
        """Bind ``DicomPort`` and serve in background threads. Raises ``OSError`` when the
        port cannot be bound."""
        settings = self.network.settings
        handlers: list[Any] = [
            (evt.EVT_REQUESTED, self._on_requested),
            (evt.EVT_C_ECHO, self._on_echo),
            (evt.EVT_C_STORE, self._on_store),
            (evt.EVT_C_FIND, self._on_find),
            (evt.EVT_C_MOVE, self._on_move),
            (evt.EVT_C_GET, self._on_get),
            (evt.EVT_N_ACTION, self._on_n_action),
            (evt.EVT_N_EVENT_REPORT, self._on_n_event_report),
        ]
        tls = self.network.tls.server_context() if self.network.tls.enabled else None
        server = self._ae.start_server((settings.bind_address, settings.port), block=False,
                                       evt_handlers=handlers, ssl_context=tls)
        assert server is not None  # not blocking: the server is returned
        if tls is not None:
            server.get_request = partial(_accept_tls, server, tls)  # type: ignore[method-assign]
        self._server = server
        log.info("DICOM listener on %s:%d (AET %s%s)", settings.bind_address, self.port,
                 settings.aet, ", TLS" if tls is not None else "")

    def stop(self) -> None:
        """Stop accepting associations, and end those in progress."""
        if self._server is not None:
            self._server.shutdown()
            self._server = None

    # --- association ---------------------------------------------------------------
    def _on_requested(self, event: evt.Event) -> None:
        assoc = event.assoc
        request = assoc.requestor.primitive
        assert request is not None  # EVT_REQUESTED comes with the A-ASSOCIATE request
        calling, called = _text(request.calling_ae_title), _text(request.called_ae_title)
        ip = assoc.requestor.address
        network = self.network
        reason = None
        if network.settings.check_called_aet and \
                not network.modalities.same_aet(called, network.settings.aet):
            reason = 0x07  # called AE title not recognised
            log.warning("association refused: called AET %r is not %r", called,
                        network.settings.aet)
        elif not network.modalities.connection_allowed(calling, ip):
            reason = 0x03  # calling AE title not recognised
            log.warning("association refused: AET %r at %s is not a known modality",
                        calling, ip)
        if reason is not None:
            assoc.acse.send_reject(0x01, 0x01, reason)
            assoc.kill()
            return
        assoc.acceptor.supported_contexts = self._contexts(request)
        send_encoded_instances(assoc)

    def _contexts(self, request: Any) -> list[PresentationContext]:
        """The presentation contexts this association may accept: the generic services,
        plus a storage context for each storage (or accepted unknown) SOP class proposed."""
        syntaxes = self.network.accepted_syntaxes()
        contexts = [_context(uid, GENERIC_SYNTAXES) for uid in _GENERIC_SOP_CLASSES]
        if self.network.worklists.enabled:  # the worklist SCP (lethe.network.worklists)
            contexts.append(_context(worklists.MODALITY_WORKLIST_FIND, GENERIC_SYNTAXES))
        if not syntaxes:
            return contexts
        seen = set()
        for proposed in request.presentation_context_definition_list:
            uid = str(proposed.abstract_syntax)
            if uid in seen:
                continue
            if self.network.accepts_sop_class(uid):
                seen.add(uid)
                if uid not in pynetdicom_storage_classes():
                    _serve_as_storage(uid)
                contexts.append(_context(uid, syntaxes))
        return contexts

    def _allowed(self, event: evt.Event, request: Request) -> bool:
        """Whether the calling modality may make ``request``; if not, the association is
        aborted (Orthanc's reaction)."""
        calling = _text(event.assoc.requestor.ae_title)
        ip = event.assoc.requestor.address
        if self.network.modalities.request_allowed(calling, ip, request):
            return True
        log.warning("%s request refused: not allowed for AET %r at %s", request.value,
                    calling, ip)
        event.assoc.abort()
        return False

    # --- services ---------------------------------------------------------------------
    def _on_echo(self, event: evt.Event) -> int:
        return 0x0000 if self._allowed(event, Request.ECHO) else 0xC000

    def _on_store(self, event: evt.Event) -> int:
        if not self._allowed(event, Request.STORE):
            return 0xA700
        return storescp.handle_store(self.network, event)

    def _on_find(self, event: evt.Event) -> Iterator[tuple[int, Dataset | None]]:
        if worklists.is_worklist_request(event):
            yield from self._on_worklist_find(event)
            return
        if not self._allowed(event, Request.FIND):
            yield 0xC000, None
            return
        yield from findscp.find_responses(event, lambda: self._find_answers(event), "C-FIND")

    def _find_answers(self, event: evt.Event) -> findscp.FindOutcome:
        identifier = event.identifier
        if self.network.hooks is not None and self.network.hooks.handles(FIND_FILTER):
            identifier = filter_find_query(self.network.hooks, identifier, find_origin(event))
        return findscp.find_answers(self.network.store, identifier, self.network.find_settings())

    def _on_worklist_find(self, event: evt.Event) -> Iterator[tuple[int, Dataset | None]]:
        if not self._allowed(event, Request.FIND_WORKLIST):
            yield 0xC000, None
            return
        yield from worklists.handle_find(self.network, event)

    def _on_move(self, event: evt.Event) -> Iterator[Any]:
        if not self._allowed(event, Request.MOVE):
            yield None, None
            return
        yield from retrieve.handle_move(self.network, event)

    def _on_get(self, event: evt.Event) -> Iterator[Any]:
        if not self._allowed(event, Request.GET):
            yield 0
            return
        yield from retrieve.handle_get(self.network, event)


    # --- storage commitment (lethe.network.commitment) ------------------------------
    def _on_n_action(self, event: evt.Event) -> tuple[int, Dataset | None]:
        """A storage commitment request: accepted at once, looked up and reported by a
        ``StorageCommitmentScp`` job; 0x0110 (processing failure) when the calling AET is
        no known modality to report to, or the request is malformed."""
        if not self._allowed(event, Request.N_ACTION):
            return 0x0110, None
        calling = _text(event.assoc.requestor.ae_title)
        called = called_aet(event)
        try:
            information = event.action_information
            transaction = str(information.get("TransactionUID", ""))
            instances = [(c, i) for c, i, _ in commitment.references(
                information, "ReferencedSOPSequence")]
            peer = self.network.peer(self.network.modalities.by_aet(calling))
        except (LetheError, AttributeError, ValueError) as exc:
            log.warning("storage commitment request from %r refused: %s", calling, exc)
            return 0x0110, None
        if event.action_type != 1 or not transaction:
            return 0x0110, None
        job = commitment.ScpJob(self.network.store, peer, transaction, called, instances)
        self.network.jobs.submit(job)
        return 0x0000, None

    def _on_n_event_report(self, event: evt.Event) -> tuple[int, Dataset | None]:
        """The outcome of a storage commitment that Lethe requested."""
        if not self._allowed(event, Request.N_EVENT_REPORT):
            return 0x0110, None
        commitment.receive_report(self.network.commitments,
                                  _text(event.assoc.requestor.ae_title),
                                  event.event_information)
        return 0x0000, None


def _accept_tls(server: ThreadedAssociationServer, context: ssl.SSLContext
                ) -> tuple[socket.socket, Any]:
    """pynetdicom's ``get_request`` with the TLS handshake left to the association's thread
    (pynetdicom does it on the thread that accepts connections, which a silent or plain
    client would block for everybody): OpenSSL runs it at the first read."""
    assert server.socket is not None
    client, address = server.socket.accept()
    return context.wrap_socket(client, server_side=True, do_handshake_on_connect=False), \
        address


def called_aet(event: evt.Event) -> str:
    """The AET the peer of an established association called."""
    primitive = event.assoc.requestor.primitive
    return _text(primitive.called_ae_title) if primitive is not None else ""


def _text(value: object) -> str:
    """An AE title as text, without padding."""
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    return str(value or "").strip()


def _serve_as_storage(uid: str) -> None:
    """Let pynetdicom serve C-STORE requests of the SOP class ``uid`` (it serves only the
    storage classes it knows, not the retired ones nor private ones): registered as a
    storage SOP class, once."""
    from pynetdicom import sop_class

    known = sop_class._SERVICE_CLASSES  # noqa: SLF001 - the registry of pynetdicom's dispatch
    if uid not in known:
        known[uid] = StorageServiceClass
