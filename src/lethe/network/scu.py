"""Outgoing DICOM operations (SCU): C-ECHO, C-STORE, C-FIND, C-MOVE and C-GET to a modality.

Each operation opens its own association with pynetdicom, with the timeout of the modality
(``Timeout``) or of the call, else ``DicomScuTimeout``: a dead peer costs that timeout, never
a thread forever. Failures raise :class:`LetheError` ``NetworkProtocol`` (9) with Orthanc's
wording: ``DicomAssociation - <command> to AET "<AET>": <reason>``.
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pydicom.dataset import Dataset
from pydicom.uid import UID, ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian
from pynetdicom import AE, build_context, evt
from pynetdicom.association import Association
from pynetdicom.presentation import PresentationContext

from lethe.errors import ErrorCode, LetheError
from lethe.network.encoded import (
    EncodedInstance,
    StoreRefused,
    hold_reactor,
    no_delay,
    proposed_contexts,
    send_c_store,
)
from lethe.network.modalities import RemoteModality
from lethe.network.syntaxes import (
    PATIENT_ROOT_FIND,
    PATIENT_ROOT_GET,
    PATIENT_ROOT_MOVE,
    STUDY_ROOT_FIND,
    STUDY_ROOT_GET,
    STUDY_ROOT_MOVE,
    VERIFICATION,
)

log = logging.getLogger(__name__)

STORE_SUCCESS = frozenset({0x0000, 0xB000, 0xB006, 0xB007})
"""The C-STORE statuses Orthanc takes as success (success and the warnings)."""

_GENERIC: list[str | UID] = [ExplicitVRLittleEndian, ImplicitVRLittleEndian,
                             ExplicitVRBigEndian]
_FIND_MODELS = {"patient": PATIENT_ROOT_FIND, "study": STUDY_ROOT_FIND,
                "worklist": "1.2.840.10008.5.1.4.31"}  # Modality Worklist Information Model
_MOVE_MODELS = {"patient": PATIENT_ROOT_MOVE, "study": STUDY_ROOT_MOVE}
_GET_MODELS = {"patient": PATIENT_ROOT_GET, "study": STUDY_ROOT_GET}


@dataclass(frozen=True)
class Peer:
    """A remote modality as this server calls it: its parameters, the AET to call it with,
    the timeout (seconds, 0: none) and the largest PDU to announce."""

    modality: RemoteModality
    local_aet: str
    timeout: int
    maximum_pdu: int = 16384
    tls: ssl.SSLContext | None = None  # the TLS context of UseDicomTls
    # the hooks' OutgoingCStoreInstanceFilter: (file, remote AET, remote host) -> send it?
    outgoing_filter: Callable[[bytes, str, str], bool] | None = None

    def failure(self, command: str, reason: str) -> LetheError:
        """Orthanc's error for a failed ``command``."""
        return LetheError(ErrorCode.NETWORK_PROTOCOL,
                          f'DicomAssociation - {command} to AET "{self.modality.aet}": {reason}')


def _ae(peer: Peer) -> AE:
    ae = AE(peer.local_aet)
    timeout = peer.timeout or None
    ae.acse_timeout = ae.dimse_timeout = ae.network_timeout = timeout
    ae.connection_timeout = timeout
    ae.maximum_pdu_size = peer.maximum_pdu
    return ae


def _associate(peer: Peer, contexts: list[PresentationContext], handlers: list,
               roles: list | None) -> Association:
    """pynetdicom's ``associate`` to ``peer`` (over TLS with ``peer.tls``), without delay."""
    modality = peer.modality
    tls_args = (peer.tls, modality.host) if peer.tls is not None else None
    return no_delay(_ae(peer).associate(modality.host, modality.port, contexts=contexts,
                                        ae_title=modality.aet, max_pdu=peer.maximum_pdu,
                                        ext_neg=roles or None, tls_args=tls_args,
                                        evt_handlers=handlers))


@contextmanager
def association(peer: Peer, contexts: list[PresentationContext], command: str,
                handlers: list | None = None, roles: list | None = None
                ) -> Iterator[Association]:
    """An established association with ``peer`` proposing ``contexts`` (and the SCP/SCU
    ``roles``), released at the end (aborted after an error). Raises ``NetworkProtocol``
    when it cannot be established."""
    modality = peer.modality
    assoc = _associate(peer, contexts, handlers or [], roles)
    if not assoc.is_established:
        if assoc.is_rejected:
            reason = "the association was rejected"
        elif assoc.is_aborted:
            reason = "the association was aborted"
        else:
            reason = f"cannot connect to {modality.host}:{modality.port}"
        raise peer.failure(command, reason)
    try:
        yield assoc
    except BaseException:
        assoc.abort()
        raise
    else:
        assoc.release()


def echo(peer: Peer) -> None:
    """C-ECHO; raises ``NetworkProtocol`` unless the peer answers success."""
    with association(peer, [build_context(VERIFICATION, _GENERIC)],
                     "C-ECHO") as assoc:
        status = assoc.send_c_echo()
        if "Status" not in status:
            raise peer.failure("C-ECHO", "no answer")
        if status.Status != 0x0000:
            raise peer.failure("C-ECHO", f"status 0x{status.Status:04X}")


def find(peer: Peer, query: Dataset, model: str = "study") -> list[Dataset]:
    """C-FIND of ``query`` (it holds its QueryRetrieveLevel); the answers."""
    answers = []
    uid = _FIND_MODELS[model]
    with association(peer, [build_context(uid, _GENERIC)], "C-FIND") as assoc:
        for status, identifier in assoc.send_c_find(query, uid):
            code = status.get("Status") if status is not None else None
            if code is None:
                raise peer.failure("C-FIND", "no answer")
            if code in (0xFF00, 0xFF01):
                if identifier is not None:
                    answers.append(identifier)
            elif code not in (0x0000, 0xFE00):
                raise peer.failure("C-FIND", f"status 0x{code:04X}")
    return answers


def move(peer: Peer, query: Dataset, target_aet: str, model: str = "study") -> int:
    """C-MOVE of ``query`` to ``target_aet``; the number of instances moved. Raises
    ``NetworkProtocol`` when the peer reports a failure."""
    uid = _MOVE_MODELS[model]
    completed = 0
    with association(peer, [build_context(uid, _GENERIC)], "C-MOVE") as assoc:
        for status, _ in assoc.send_c_move(query, target_aet, uid):
            code = status.get("Status") if status is not None else None
            if code is None:
                raise peer.failure("C-MOVE", "no answer")
            if code not in (0xFF00, 0xFF01, 0x0000):
                raise peer.failure("C-MOVE", f"status 0x{code:04X}")
            completed = int(status.get("NumberOfCompletedSuboperations", completed) or 0)
    return completed


def get(peer: Peer, query: Dataset, on_instance: Callable[[evt.Event], int],
        sop_classes_wanted: Iterable[str], syntaxes: list[str], model: str = "study") -> int:
    """C-GET of ``query``, proposing to receive ``sop_classes_wanted`` in ``syntaxes``; each
    C-STORE received is handed to ``on_instance(event)``, which answers its status. The
    number of instances received with success."""
    from pynetdicom.pdu_primitives import SCP_SCU_RoleSelectionNegotiation

    uid = _GET_MODELS[model]
    contexts = [build_context(uid, _GENERIC)]
    roles: list[Any] = []
    wanted = list(sop_classes_wanted)[:127]
    # A context for each compressed syntax when there is room: the peer then sends each
    # instance in its own syntax, instead of transcoding it to the uncompressed one it
    # would take from a single context (which Orthanc 1.10.1 cannot always do).
    groups: list[list[str | UID]] = [[s] for s in syntaxes if s not in _GENERIC]
    groups.append([s for s in syntaxes if s in _GENERIC])
    groups = [g for g in groups if g]
    if len(wanted) * len(groups) > 127:
        groups = [list(syntaxes)]
    for sop_class in wanted:
        contexts += [build_context(sop_class, group) for group in groups]
        role = SCP_SCU_RoleSelectionNegotiation()
        role.sop_class_uid = sop_class
        role.scu_role = False
        role.scp_role = True
        roles.append(role)
    received = [0]

    def on_store(event: evt.Event) -> int:
        status = on_instance(event)
        if status == 0x0000:
            received[0] += 1
        return status

    assoc = _associate(peer, contexts, [(evt.EVT_C_STORE, on_store)], roles)
    if not assoc.is_established:
        raise peer.failure("C-GET", "the association was not established")
    try:
        for status, _ in assoc.send_c_get(query, uid):
            code = status.get("Status") if status is not None else None
            if code is None:
                raise peer.failure("C-GET", "no answer")
            if code not in (0xFF00, 0xFF01, 0x0000):
                raise peer.failure("C-GET", f"status 0x{code:04X}")
    except BaseException:
        assoc.abort()
        raise
    assoc.release()
    return received[0]


class StoreSession:
    """One association that sends stored instances (C-STORE), proposing the SOP classes and
    transfer syntaxes given at the start (:func:`~lethe.network.encoded.proposed_contexts`).
    ``store()`` raises ``NetworkProtocol`` with Orthanc's wording for a refused instance."""

    def __init__(self, peer: Peer, pairs: Iterable[tuple[str, str]],
                 move_originator: tuple[str, int] | None = None) -> None:
        self.peer = peer
        self.move_originator = move_originator
        self._context = association(peer, proposed_contexts(pairs,
                                                            peer.modality.allow_transcoding),
                                    "C-STORE")
        self._assoc: Association | None = None
        self._message_id = 0

    def __enter__(self) -> StoreSession:
        self._assoc = hold_reactor(self._context.__enter__())  # it only sends
        return self

    def __exit__(self, *exc: object) -> None:
        self._context.__exit__(*exc)  # type: ignore[arg-type]

    def store(self, instance: EncodedInstance) -> bool:
        """Send one instance; False when the peer's ``outgoing_filter`` skips it (nothing
        sent). Raises ``NetworkProtocol`` unless the peer stored it."""
        assert self._assoc is not None
        modality = self.peer.modality
        if self.peer.outgoing_filter is not None and \
                not self.peer.outgoing_filter(instance.data, modality.aet, modality.host):
            return False
        self._message_id = self._message_id % 65535 + 1
        aet, message = self.move_originator or (None, None)
        try:
            status = send_c_store(self._assoc, instance, self._message_id,
                                  originator_aet=aet, originator_id=message,
                                  transcoding=self.peer.modality.allow_transcoding)
        except StoreRefused as exc:
            raise LetheError(ErrorCode.NETWORK_PROTOCOL,
                             "No valid presentation context was negotiated for SOP class UID "
                             f"[{instance.sop_class}] and transfer syntax "
                             f"[{instance.transfer_syntax}] while sending to modality "
                             f"[{self.peer.modality.aet}] ({exc.reason})") from None
        except TimeoutError as exc:
            raise self.peer.failure("C-STORE", str(exc)) from None
        if status not in STORE_SUCCESS:
            raise LetheError(ErrorCode.NETWORK_PROTOCOL,
                             f'C-STORE SCU to AET "{self.peer.modality.aet}" has failed with '
                             f"DIMSE status 0x{status:04X}")
        return True

    @property
    def is_open(self) -> bool:
        """Whether the association still stands."""
        return self._assoc is not None and self._assoc.is_established
