"""C-STORE SCP: a received data set goes into the same ingest as ``POST /instances``.

The data set arrives encoded in the transfer syntax of its presentation context; it is kept
as it came, behind a meta header written here (the transfer syntax, the SOP class and
instance of the request, ``SourceApplicationEntityTitle``: the calling AET, as Orthanc writes
it), and handed to :func:`~lethe.jobs.receive.receive_blocking`: a worker process parses and
writes it durably, the upload committer indexes it, with the ``Origin`` metadata of a DICOM
reception (``DicomProtocol``, ``RemoteAET``, ``RemoteIP``, ``CalledAET``). The association
thread waits for that, so the status it answers says what happened:

* 0x0000: stored (or already stored);
* 0xC000 (cannot understand): the data set has no SOP class or instance UID, or ingest
  refused the file (not DICOM, truncated, without StudyInstanceUID...);
* 0xA900 (data set does not match SOP class): its SOP class or instance UID is not the
  request's, as DCMTK checks for Orthanc;
* 0xA700 (out of resources): anything else (a full disk, a stopped server).

The filters of the hooks come first: ``ReceivedInstanceFilter`` refusing the instance is
answered 0x0000 (as Orthanc, for compatibility), ``ReceivedCStoreInstanceFilter`` (Lua;
``incoming_cstore_instance_filter`` in Python) returning a status other than 0 is answered
that status; either way nothing is stored and the association goes on.

Apart from a filter's refusal, the instance is stored if and only if the answer is
0x0000. An association aborted in the middle of a
data set never reaches this handler: pynetdicom drops the partial data set.
"""

from __future__ import annotations

import io
import logging
import struct
from typing import TYPE_CHECKING, cast

from pydicom.dataset import FileMetaDataset
from pydicom.filebase import DicomBytesIO
from pydicom.filewriter import write_file_meta_info
from pydicom.uid import UID
from pynetdicom.dimse_primitives import C_STORE

from lethe.dicom.part10 import IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME, parse_file
from lethe.errors import LetheError
from lethe.hooks.filters import cstore_status, filters_received_cstore
from lethe.jobs.receive import receive_blocking
from lethe.network.encoded import explicit_element
from lethe.store.ingest import Origin

if TYPE_CHECKING:
    from pynetdicom.events import Event

    from lethe.network.service import DicomNetwork

log = logging.getLogger(__name__)

SUCCESS = 0x0000
OUT_OF_RESOURCES = 0xA700
DOES_NOT_MATCH = 0xA900
CANNOT_UNDERSTAND = 0xC000


def handle_store(network: DicomNetwork, event: Event) -> int:
    """Store the data set of a C-STORE request; the DIMSE status to answer."""
    request = cast(C_STORE, event.request)
    calling = str(event.assoc.requestor.ae_title).strip()
    primitive = event.assoc.requestor.primitive
    called = str(primitive.called_ae_title).strip() if primitive is not None else ""
    origin = Origin("DicomProtocol", event.assoc.requestor.address, "", calling, called)
    return store_dataset(network, cast(io.BytesIO, request.DataSet).getvalue(),
                         UID(event.context.transfer_syntax), str(request.AffectedSOPClassUID),
                         str(request.AffectedSOPInstanceUID), origin)


def store_dataset(network: DicomNetwork, dataset: bytes, syntax: str, sop_class: str,
                  sop_instance: str, origin: Origin) -> int:
    """Store a received encoded data set whose C-STORE request named ``sop_class`` and
    ``sop_instance``; the DIMSE status to answer."""
    found = sop_uids(dataset, syntax)
    if found is None or not all(found):
        return CANNOT_UNDERSTAND
    if found != (sop_class, sop_instance):
        return DOES_NOT_MATCH
    data = part10_bytes(dataset, syntax, found[0], found[1], origin.remote_aet)
    try:
        hooks = network.hooks  # ReceivedInstanceFilter, ReceivedCStoreInstanceFilter
        if hooks is not None and filters_received_cstore(hooks):
            refused = cstore_status(hooks, data, origin)
            if refused is not None:
                return refused
        receive_blocking(network.store, network.pool, data, origin)
    except LetheError as exc:
        if exc.http_status < 500:
            log.warning("C-STORE from %r refused: %s", origin.remote_aet, exc.code.description)
            return CANNOT_UNDERSTAND
        log.error("C-STORE from %r failed: %s", origin.remote_aet, exc.code.description)
        return OUT_OF_RESOURCES
    except Exception:
        log.error("C-STORE from %r failed", origin.remote_aet, exc_info=True)
        return OUT_OF_RESOURCES
    return SUCCESS


def part10_bytes(dataset: bytes, syntax: str, sop_class: str, sop_instance: str,
                 source_aet: str) -> bytes:
    """A Part 10 file made of a preamble, a meta header and the encoded ``dataset`` as is."""
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = UID(sop_class)
    meta.MediaStorageSOPInstanceUID = UID(sop_instance)
    meta.TransferSyntaxUID = UID(syntax)
    meta.ImplementationClassUID = UID(IMPLEMENTATION_CLASS_UID)
    meta.ImplementationVersionName = IMPLEMENTATION_VERSION_NAME
    if source_aet:
        meta.SourceApplicationEntityTitle = source_aet
    out = DicomBytesIO()
    out.write(b"\x00" * 128 + b"DICM")
    write_file_meta_info(out, meta, enforce_standard=True)
    out.write(dataset)
    return out.getvalue()


def sop_uids(dataset: bytes, syntax: str) -> tuple[str, str] | None:
    """``(SOPClassUID, SOPInstanceUID)`` of an encoded data set ("" for a missing one), or
    None when it cannot be read. Elements of a little endian data set are walked as bytes up
    to group 0008; other syntaxes are parsed."""
    syntax = UID(syntax)
    if syntax.is_little_endian and not syntax.is_deflated:
        try:
            return _walk_little_endian(dataset, syntax.is_implicit_VR)
        except (struct.error, ValueError):
            return None
    try:
        parsed = parse_file(b"\x00" * 128 + b"DICM" + _minimal_meta(syntax) + dataset,
                            stop_before_pixels=True)
    except LetheError:
        return None
    return (str(parsed.get("SOPClassUID", "") or ""), str(parsed.get("SOPInstanceUID", "") or ""))


_SOP_CLASS, _SOP_INSTANCE = 0x00080016, 0x00080018


def _walk_little_endian(data: bytes, implicit: bool) -> tuple[str, str]:
    found = {_SOP_CLASS: "", _SOP_INSTANCE: ""}
    position = 0
    while position + 8 <= len(data):
        group, element = struct.unpack_from("<HH", data, position)
        tag = (group << 16) | element
        if tag > _SOP_INSTANCE:
            break
        if implicit:
            (length,) = struct.unpack_from("<I", data, position + 4)
            start = position + 8
        else:
            _, length, start = explicit_element(data, position)
        if length == 0xFFFFFFFF:
            raise ValueError("an element of undefined length before the SOP instance UID")
        if tag in found:
            found[tag] = data[start:start + length].decode("ascii", "replace").rstrip("\x00 ")
        position = start + length
    return found[_SOP_CLASS], found[_SOP_INSTANCE]


def _minimal_meta(syntax: str) -> bytes:
    meta = FileMetaDataset()
    meta.TransferSyntaxUID = UID(syntax)
    out = DicomBytesIO()
    write_file_meta_info(out, meta, enforce_standard=False)
    return out.getvalue()
