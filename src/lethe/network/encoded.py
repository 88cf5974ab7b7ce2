"""Stored files sent over DICOM as the bytes they were stored with.

pynetdicom encodes a pydicom data set again before a C-STORE; Lethe sends the data set bytes
of the stored file instead (they are what the sender gave, group lengths and all, and
nothing is decoded). :class:`EncodedInstance` is a stored file split into its transfer syntax
and its data set bytes; :func:`send_c_store` sends one on an established association, in its
own transfer syntax when the peer accepted it, else transcoded to one the peer accepted.

pynetdicom's C-MOVE and C-GET providers take the instances to send as ``Dataset`` objects
and call ``send_c_store`` of the association: :class:`EncodedDataset` carries an
:class:`EncodedInstance` through them, and :func:`send_encoded_instances` makes an
association send those with :func:`send_c_store`.
"""

from __future__ import annotations

import contextlib
import io
import logging
import socket
import struct
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import UID, ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian
from pydicom.valuerep import EXPLICIT_VR_LENGTH_32
from pynetdicom.association import Association
from pynetdicom.dimse_primitives import C_STORE
from pynetdicom.presentation import PresentationContext, build_context

from lethe.dicom.part10 import parse_file
from lethe.dicom.transcode import transcode_file
from lethe.errors import ErrorCode, LetheError


def _quiet_pynetdicom() -> None:
    """pynetdicom logs every request and answer at INFO, identifiers (patient data) included:
    Lethe logs none of it, and pynetdicom's own messages only from WARNING up."""
    from pynetdicom import _config

    _config.LOG_REQUEST_IDENTIFIERS = False
    _config.LOG_RESPONSE_IDENTIFIERS = False
    _config.LOG_HANDLER_LEVEL = "none"
    logging.getLogger("pynetdicom").setLevel(logging.WARNING)


_quiet_pynetdicom()

_LONG_VRS = frozenset(vr.encode("ascii") for vr in EXPLICIT_VR_LENGTH_32)


def explicit_element(data: bytes, position: int) -> tuple[bytes, int, int]:
    """The VR, value length and value offset of the explicit VR little endian element whose
    header starts at ``position`` of ``data`` (``struct.error`` if the header is cut)."""
    vr = data[position + 4:position + 6]
    if vr in _LONG_VRS:
        return vr, struct.unpack_from("<I", data, position + 8)[0], position + 12
    return vr, struct.unpack_from("<H", data, position + 6)[0], position + 8


class StoreRefused(Exception):
    """No presentation context fits an instance: nothing was sent. ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class EncodedInstance:
    """A stored DICOM file: its transfer syntax, SOP class and instance UIDs, and the bytes
    of its data set (``data[offset:]``)."""

    data: bytes
    offset: int
    transfer_syntax: str
    sop_class: str
    sop_instance: str

    @classmethod
    def from_file(cls, data: bytes) -> EncodedInstance:
        """Split a stored file. The UIDs come from its meta header, or from its data set when
        the header lacks them (a file stored without one is implicit VR little endian);
        400 ``Bad file format`` when neither has them."""
        meta, offset = _read_meta(data)
        syntax = meta.get(0x00020010, ImplicitVRLittleEndian)
        sop_class, sop_instance = meta.get(0x00020002, ""), meta.get(0x00020003, "")
        if not sop_class or not sop_instance:
            dataset = parse_file(data, stop_before_pixels=True)
            sop_class = str(dataset.get("SOPClassUID", "") or "")
            sop_instance = str(dataset.get("SOPInstanceUID", "") or "")
        if not sop_class or not sop_instance:
            raise LetheError(ErrorCode.BAD_FILE_FORMAT,
                             "the instance has no SOPClassUID or SOPInstanceUID")
        return cls(data, offset, syntax, sop_class, sop_instance)

    @property
    def dataset_bytes(self) -> bytes:
        """The encoded data set, without preamble and meta header."""
        return self.data[self.offset:]

    def transcoded(self, syntax: str, quality: int = 90) -> EncodedInstance:
        """The same instance in another transfer syntax (:func:`transcode_file`)."""
        out = io.BytesIO()
        transcode_file(self.data, syntax, out, lossy_quality=quality)
        return EncodedInstance.from_file(out.getvalue())


def _read_meta(data: bytes) -> tuple[dict[int, str], int]:
    """The string values of the meta header of a Part 10 file (tag -> value), and where its
    data set starts; ``({}, 0)`` for a data set without preamble."""
    if len(data) < 132 or data[128:132] != b"DICM":
        return {}, 0
    values: dict[int, str] = {}
    position = 132
    try:
        while position + 8 <= len(data):
            group, element = struct.unpack_from("<HH", data, position)
            if group != 0x0002:
                break
            vr, length, start = explicit_element(data, position)
            if vr == b"UI":
                values[(group << 16) | element] = data[start:start + length].decode(
                    "ascii", "replace").rstrip("\x00 ")
            position = start + length
    except struct.error:
        raise LetheError(ErrorCode.BAD_FILE_FORMAT, "truncated meta header") from None
    return values, position


class EncodedDataset(Dataset):
    """A pydicom data set that stands for an :class:`EncodedInstance` in pynetdicom's C-MOVE
    and C-GET providers (which need ``SOPClassUID`` and ``SOPInstanceUID``)."""

    def __init__(self, instance: EncodedInstance, originator_aet: str = "",
                 transcoding: bool = True) -> None:
        super().__init__()
        self.SOPClassUID = instance.sop_class
        self.SOPInstanceUID = instance.sop_instance
        self.file_meta = FileMetaDataset()
        self.file_meta.TransferSyntaxUID = UID(instance.transfer_syntax)
        self.lethe_instance = instance
        self.lethe_originator = originator_aet  # the AET that asked for a C-MOVE
        self.lethe_transcoding = transcoding


def choose_context(assoc: Association, instance: EncodedInstance, transcoding: bool = True
                   ) -> tuple[PresentationContext, EncodedInstance]:
    """The accepted presentation context to send ``instance`` on, and the instance in that
    context's transfer syntax: its own syntax when accepted; else (with ``transcoding``)
    explicit VR little endian, then another accepted syntax it can be transcoded to.
    Raises :class:`StoreRefused` when none fits."""
    contexts = [cx for cx in assoc.accepted_contexts
                if cx.abstract_syntax == instance.sop_class and cx.as_scu]
    for cx in contexts:
        if cx.transfer_syntax[0] == instance.transfer_syntax:
            return cx, instance
    if not contexts:
        raise StoreRefused(f"no presentation context was accepted for SOP class "
                           f"{instance.sop_class}")
    if not transcoding:
        raise StoreRefused(f"the peer does not accept transfer syntax "
                           f"{instance.transfer_syntax} for SOP class {instance.sop_class}, "
                           "and transcoding is not allowed")
    ordered = sorted(contexts, key=lambda cx: cx.transfer_syntax[0] != ExplicitVRLittleEndian)
    failure = ""
    for cx in ordered:
        try:
            return cx, instance.transcoded(cx.transfer_syntax[0])
        except LetheError as exc:
            failure = exc.details
    raise StoreRefused(f"cannot transcode from {instance.transfer_syntax} to a transfer "
                       f"syntax the peer accepted ({failure})")


def send_c_store(assoc: Association, instance: EncodedInstance, msg_id: int = 1, *,
                 originator_aet: str | None = None, originator_id: int | None = None,
                 transcoding: bool = True) -> int:
    """Send ``instance`` in a C-STORE request on ``assoc`` and return the peer's status.

    Raises :class:`StoreRefused` when no accepted context fits (nothing sent), and
    ``TimeoutError`` when the peer does not answer within the DIMSE timeout (the
    association is aborted then).
    """
    context, instance = choose_context(assoc, instance, transcoding)
    request = C_STORE()
    request.MessageID = msg_id
    request.Priority = 0  # medium, as Orthanc sends
    request.AffectedSOPClassUID = instance.sop_class
    request.AffectedSOPInstanceUID = instance.sop_instance
    if originator_aet:
        request.MoveOriginatorApplicationEntityTitle = originator_aet
    if originator_id is not None:
        request.MoveOriginatorMessageID = originator_id
    data = instance.dataset_bytes
    if len(data) % 2:  # a PDV fragment has an even length: pad (a deflated stream, e.g.)
        data += b"\x00"
    request.DataSet = io.BytesIO(data)
    # The association's reactor must not take the answer: it is held for good
    # (hold_reactor), or it is running the C-GET provider that calls this.
    held = not assoc._reactor_checkpoint.is_set()
    if not held:
        hold_reactor(assoc)
    try:
        assoc.dimse.send_msg(request, int(context.context_id or 0))
        _, response = assoc.dimse.get_msg(block=True)
    finally:
        if not held:
            assoc._reactor_checkpoint.set()
    if response is None:
        assoc._handle_no_response()
        raise TimeoutError("no answer to the C-STORE request")
    status = getattr(response, "Status", None)
    if status is None:
        raise TimeoutError("the C-STORE answer has no status")
    return int(status)


def _send_c_store_or_encoded(assoc: Association, dataset: Any, msg_id: int = 1,
                             priority: int = 2, originator_aet: str | None = None,
                             originator_id: int | None = None) -> Dataset:
    """``Association.send_c_store``, except that an :class:`EncodedDataset` is sent as its
    stored bytes. The status is returned as pynetdicom does (a data set with ``Status``)."""
    if not isinstance(dataset, EncodedDataset):
        return Association.send_c_store(assoc, dataset, msg_id, priority, originator_aet,
                                        originator_id)
    status = Dataset()
    try:
        status.Status = send_c_store(assoc, dataset.lethe_instance, msg_id,
                                     originator_aet=dataset.lethe_originator or originator_aet,
                                     originator_id=originator_id,
                                     transcoding=dataset.lethe_transcoding)
    except StoreRefused as exc:
        raise ValueError(exc.reason) from None
    except TimeoutError:
        return Dataset()
    return status


def hold_reactor(assoc: Association) -> Association:
    """Stop the reactor of ``assoc`` (the thread that serves what the peer asks) until the
    association ends, for an association that only sends requests and reads their answers:
    pausing it around each request, as pynetdicom does, races with back-to-back requests
    (a reactor that has just been released may still take the next answer). Returns
    ``assoc``."""
    assoc._reactor_checkpoint.clear()
    while assoc.is_established and not assoc._is_paused:
        time.sleep(0.0001)
    return assoc


def send_encoded_instances(assoc: Association) -> Association:
    """Make ``assoc`` send :class:`EncodedDataset` objects as their stored bytes (for the
    C-MOVE and C-GET providers), without delay (:func:`no_delay`); returns ``assoc``."""
    assoc.send_c_store = partial(_send_c_store_or_encoded, assoc)  # type: ignore[method-assign]
    return no_delay(assoc)


def no_delay(assoc: Association) -> Association:
    """Turn Nagle's algorithm off on the socket of ``assoc`` (``TCP_NODELAY``): the last,
    short PDU of a data set and the small DIMSE answers leave at once, instead of waiting
    for the peer's delayed acknowledgement (about 40 ms an instance). Returns ``assoc``."""
    transport = getattr(assoc.dul, "socket", None)
    sock = getattr(transport, "socket", None)
    if sock is not None:
        with contextlib.suppress(OSError):  # closed meanwhile, or not TCP
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return assoc


MAXIMUM_CONTEXTS = 128
"""The most presentation contexts an association may propose (PS3.8 9.3.2.2)."""


def proposed_contexts(pairs: Iterable[tuple[str, str]], uncompressed: bool = True
                      ) -> list[PresentationContext]:
    """The presentation contexts to propose for sending instances of these ``(SOP class,
    transfer syntax)`` pairs, as Orthanc proposes them: one context per pair, then, for
    each SOP class (``uncompressed``, so that the peer may take a transcoded instance),
    explicit VR little endian alone and the other uncompressed syntaxes together. Contexts
    beyond :data:`MAXIMUM_CONTEXTS` are left out, the exact pairs first kept."""
    exact: list[PresentationContext] = []
    extra: list[PresentationContext] = []
    by_class: dict[str, set[str]] = {}
    for sop_class, syntax in pairs:
        if syntax not in by_class.setdefault(sop_class, set()):
            by_class[sop_class].add(syntax)
            exact.append(build_context(sop_class, [syntax]))
    if uncompressed:
        for sop_class, syntaxes in by_class.items():
            if ExplicitVRLittleEndian not in syntaxes:
                extra.append(build_context(sop_class, [ExplicitVRLittleEndian]))
            others: list[str | UID] = [s for s in (ImplicitVRLittleEndian, ExplicitVRBigEndian)
                                       if s not in syntaxes]
            if others:
                extra.append(build_context(sop_class, others))
    return (exact + extra)[:MAXIMUM_CONTEXTS]
