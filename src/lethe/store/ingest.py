"""Ingest: turn received bytes into an indexed instance, atomically.

The bytes are stored as they are (no rewrite); only the header is parsed
(pixel data and other large values are deferred, never copied). The file is
written and made durable first, then the index row is committed; if indexing
fails the new file is removed, so nothing half-stored is ever visible.

A received file is written without fsync, by a worker process that goes on to
the next upload at once; the upload committer makes the files written
meanwhile durable together (one ``syncfs``, measured cheaper than an fsync of
one file and its folder) just before it indexes them together.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import struct
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from pydicom.datadict import dictionary_has_tag, dictionary_VR
from pydicom.dataelem import RawDataElement
from pydicom.dataset import Dataset
from pydicom.tag import Tag
from pydicom.uid import ImplicitVRLittleEndian

from lethe.dicom.dicomjson import detect_encoding
from lethe.dicom.encoding import UNDEFINED_LENGTH
from lethe.dicom.identifiers import ResourceIds
from lethe.dicom.maintags import main_tags
from lethe.dicom.part10 import parse_file
from lethe.dicom.rawread import sequence_is_plain
from lethe.errors import ErrorCode, LetheError, bad_file_format
from lethe.store.groupcommit import GroupCommit
from lethe.store.index import Index
from lethe.store.jobs_sql import JobStep
from lethe.store.model import (
    DICOM_UNTIL_PIXEL_DATA,
    Attachment,
    Level,
    NewInstance,
    RebuiltInstance,
    StoreOutcome,
)
from lethe.store.recycling import StorageLimits, StorageMode
from lethe.store.stability import StabilityMonitor
from lethe.store.storage import FilesystemStorage, compress, content_attachment

log = logging.getLogger(__name__)

PIXEL_DATA = Tag(0x7FE0, 0x0010)
DEFER_SIZE = 4096
PATIENT_COPY = "Patient/"
MAX_NESTING = 64  # sequence levels; deeper files are refused
IDENTIFIER_KEYWORDS = ("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID")


@dataclass(frozen=True)
class Origin:
    """Who sent an instance: becomes the instance metadata Origin, RemoteIP, ..."""

    kind: str = "RestApi"
    remote_ip: str = ""
    username: str = ""
    remote_aet: str = ""
    called_aet: str = ""  # the AET a DICOM sender called (kind "DicomProtocol")


@dataclass(frozen=True)
class IngestResult:
    """The answer to one stored file, as ``POST /instances`` reports it."""

    ids: ResourceIds
    status: str

    def to_json(self) -> dict:
        """Orthanc's JSON answer for this instance."""
        return {"ID": self.ids.instance, "ParentPatient": self.ids.patient,
                "ParentSeries": self.ids.series, "ParentStudy": self.ids.study,
                "Path": f"/instances/{self.ids.instance}", "Status": self.status}


def parse_dicom(data: bytes) -> Dataset:
    """Parse a received DICOM file's header, checking it is complete.

    Raises :class:`LetheError` (400) for an empty, non-DICOM or truncated body.
    Large values (pixel data among them) are deferred: not read into memory.
    """
    if not data:
        raise bad_file_format("Received an empty DICOM file")
    has_preamble = len(data) >= 132 and data[128:132] == b"DICM"
    with refusing_unparsable(len(data)):
        _check_tag_order(data, has_preamble)
        ds = parse_file(data, stop_before_pixels=False, defer_size=DEFER_SIZE,
                        check_lengths=True)
        _check_sequences(ds)
        if not has_preamble and not any(_has_value(ds, k) for k in IDENTIFIER_KEYWORDS):
            raise EOFError("without DICM and without identifiers: not DICOM at all")
        return ds


@contextmanager
def refusing_unparsable(size: int) -> Iterator[None]:
    """Turn any parser failure on untrusted bytes into 400 ``Bad file format``.

    The details name the size only: nothing read from the file is echoed.
    """
    try:
        yield
    except LetheError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure means an invalid file
        log.debug("unparsable DICOM body: %s", type(exc).__name__)
        raise bad_file_format(
            f"Cannot parse an invalid DICOM file (size: {size} bytes)") from None


def _check_tag_order(data: bytes, has_preamble: bool) -> None:
    """Refuse, before pydicom reads it, a data set that starts with a group 0000 tag
    (a body of zeros or similar garbage would otherwise be parsed slowly)."""
    start = 132
    if has_preamble and len(data) >= 144 and data[132:136] == b"\x02\x00\x00\x00":
        (length,) = struct.unpack_from("<I", data, 140)  # (0002,0000) UL value
        start = 144 + length
    elif not has_preamble:
        start = 0
    if len(data) >= start + 4 and struct.unpack_from("<H", data, start)[0] == 0:
        raise EOFError("the data set starts with an invalid tag")


def _check_sequences(ds: Dataset) -> None:
    """Refuse broken or too deeply nested sequences. A plain one is walked as bytes
    (:func:`sequence_is_plain`) and stays raw; any other is parsed down to its deepest item
    (the other elements stay raw, as the main-tag rendering needs them)."""
    for raw in list(ds.values()):  # values: the elements as read, raw or not
        if not _is_sequence(raw) or raw.tag == PIXEL_DATA:
            continue
        if not (isinstance(raw, RawDataElement) and sequence_is_plain(raw, MAX_NESTING)):
            _check_nesting(ds[raw.tag].value or ())


def _check_nesting(items: Iterable[Dataset]) -> None:
    """Parse every item below a sequence (without recursion); refuse more than
    :data:`MAX_NESTING` levels, which later processing could not handle safely."""
    pending = [(item, 1) for item in items]
    while pending:
        item, depth = pending.pop()
        if depth > MAX_NESTING:
            raise ValueError("sequences nested too deeply")
        for tag in list(item.keys()):  # keys: other elements stay raw, unconverted
            if _is_sequence(item.get_item(tag, keep_deferred=True)):
                pending.extend((child, depth + 1) for child in item[tag].value or ())


def _is_sequence(raw: object) -> bool:
    """Whether pydicom will read ``raw`` as a sequence: SQ, or UN/implicit that the
    dictionary knows as SQ, or UN of undefined length."""
    vr = getattr(raw, "VR", None)
    if vr in (None, "UN"):
        tag = getattr(raw, "tag", 0)
        if dictionary_has_tag(tag) and dictionary_VR(tag) == "SQ":
            return True
    return vr == "SQ" or (vr in (None, "UN") and getattr(raw, "length", 0) == UNDEFINED_LENGTH)


def _has_value(ds: Dataset, keyword: str) -> bool:
    return _is_filled(ds.get(keyword))


def _is_filled(value: object) -> bool:
    """Whether an element value holds more than padding."""
    return bool(str(value or "").strip(" \x00"))


def identifiers_of(ds: Dataset) -> ResourceIds:
    """The Orthanc IDs of a parsed instance; 400 if a UID is missing or empty."""
    uids = [ds.get(keyword) for keyword in IDENTIFIER_KEYWORDS]
    if not all(map(_is_filled, uids)):
        raise bad_file_format("missing StudyInstanceUID, SeriesInstanceUID or SOPInstanceUID")
    patient_id = ds.get("PatientID")
    return ResourceIds.from_dicom(None if patient_id is None else str(patient_id),
                                  *(str(uid) for uid in uids))


def pixel_data_offset(ds: Dataset) -> int | None:
    """Byte offset of the pixel data element in the file ``ds`` was read from."""
    elem = ds.get_item(PIXEL_DATA, keep_deferred=True)  # a deferred value stays unread
    tell = getattr(elem, "file_tell", None) or getattr(elem, "value_tell", None)
    if tell is None:
        return None
    implicit_vr = ds.original_encoding[0]
    return tell - (8 if implicit_vr else 12)


def instance_metadata(ds: Dataset, origin: Origin, pixel_offset: int | None) -> dict[str, str]:
    """The metadata Lethe records for a received instance, in Orthanc's order."""
    meta: dict[str, str] = {}
    number = ds.get("InstanceNumber")
    number = ds.get("ImageIndex") if number in (None, "") else number  # 0 is a number
    index = "" if number in (None, "") else str(number).strip()
    if index:
        meta["IndexInSeries"] = index
    meta["ReceptionDate"] = datetime.now().strftime("%Y%m%dT%H%M%S")
    meta["RemoteAET"] = origin.remote_aet
    meta["Origin"] = origin.kind
    meta.update(file_metadata(ds))
    meta["RemoteIP"] = origin.remote_ip
    if origin.kind == "DicomProtocol":  # as Orthanc: CalledAET for DICOM, HttpUsername for REST
        meta["CalledAET"] = origin.called_aet
    else:
        meta["HttpUsername"] = origin.username
    if pixel_offset is not None:
        meta["PixelDataOffset"] = str(pixel_offset)
    return meta


_FILE_METADATA = ("TransferSyntax", "SopClassUid")  # the names file_metadata gives


def file_metadata(ds: Dataset) -> dict[str, str]:
    """The instance metadata that the file itself decides: ``TransferSyntax`` and, when
    the file has one, ``SopClassUid``."""
    fmi = getattr(ds, "file_meta", None)
    syntax = fmi.get("TransferSyntaxUID") if fmi is not None else None
    meta = {"TransferSyntax": str(syntax or ImplicitVRLittleEndian)}
    sop_class = ds.get("SOPClassUID")
    if sop_class:
        meta["SopClassUid"] = str(sop_class)
    return meta


def describe_stored(instance_id: str, data: bytes, levels: tuple[Level, ...],
                    attachment: Attachment | None = None) -> RebuiltInstance:
    """The main tags and file metadata of a stored instance, read again from its file
    ``data`` (for :meth:`Index.rebuild_main_tags`). With ``attachment``, the attachment row
    is rewritten with the file's actual size and MD5."""
    ds = parse_dicom(data)
    with refusing_unparsable(len(data)):
        if attachment is not None:
            md5 = hashlib.md5(data).hexdigest()
            stored = ((attachment.compressed_size, attachment.compressed_md5)
                      if attachment.compressed else (len(data), md5))
            attachment = dataclasses.replace(attachment, size=len(data), md5=md5,
                                             compressed_size=stored[0],
                                             compressed_md5=stored[1])
        return RebuiltInstance(instance_id, level_tags(ds), file_metadata(ds), levels,
                               attachment)


def described_as_written(new: NewInstance) -> RebuiltInstance:
    """What :func:`describe_stored` would read again from the file of ``new`` (all levels,
    the attachment row kept), from the main tags and metadata read when it was written."""
    return RebuiltInstance(new.ids[Level.INSTANCE], new.tags,
                           {name: new.metadata[name] for name in _FILE_METADATA
                            if name in new.metadata})


def level_tags(ds: Dataset) -> dict[Level, dict[str, str]]:
    """The main tags Orthanc records per level for a new instance.

    A study keeps its own copy of the patient tags (``PatientMainDicomTags``),
    taken from the instance that created it, under :data:`PATIENT_COPY`.
    """
    encoding = detect_encoding(ds)
    tags = {level: main_tags(ds, level, encoding=encoding) for level in Level}
    tags[Level.STUDY].update({PATIENT_COPY + k: v for k, v in tags[Level.PATIENT].items()})
    return tags


def describe_received(data: bytes, origin: Origin) -> NewInstance:
    """Parse a received DICOM file and describe the instance it makes: IDs, main tags,
    metadata, size and MD5 (no attachment UUID yet). CPU work only, no I/O: it may run in
    a worker process. Raises :class:`LetheError` (400) for a file that cannot be stored."""
    ds = parse_dicom(data)
    with refusing_unparsable(len(data)):
        ids = identifiers_of(ds)
        return NewInstance(
            ids=(ids.patient, ids.study, ids.series, ids.instance),
            tags=level_tags(ds),
            metadata=instance_metadata(ds, origin, pixel_data_offset(ds)),
            attachment=Attachment("", len(data), hashlib.md5(data).hexdigest()),
            parent_metadata={Level.SERIES: {"RemoteAET": origin.remote_aet}},
        )


def write_described(storage: FilesystemStorage, new: NewInstance, data: bytes,
                    compressed: bool = False) -> NewInstance:
    """Write the received file ``data`` that :func:`describe_received` described into the
    storage area, ``compressed`` as Orthanc's ``StorageCompression`` does or as it is;
    ``new`` with the file's UUID. The file is complete under its name but not durable:
    :meth:`Ingest.index_received` makes it so before the index names it."""
    if compressed:
        offset = new.metadata.get("PixelDataOffset", "")
        if offset.isdigit() and 0 < int(offset) < len(data):  # as Orthanc: the header apart
            header = data[:int(offset)]
            stored = compress(header)
            new.extra = (content_attachment(storage.write(stored, durable=False), header,
                                            stored, DICOM_UNTIL_PIXEL_DATA, True),)
        stored = compress(data)
        file_uuid = storage.write(stored, durable=False)
        new.attachment = content_attachment(file_uuid, data, stored, 1, True)
        return new
    with storage.writer(durable=False) as (out, file_uuid):
        out.write(data)
    new.attachment = Attachment(file_uuid, new.attachment.size, new.attachment.md5)
    return new


def write_received(storage: FilesystemStorage, data: bytes, origin: Origin,
                   compressed: bool = False) -> NewInstance:
    """:func:`describe_received`, then :func:`write_described`: all an upload does before
    its index commit. It may run in a worker process."""
    return write_described(storage, describe_received(data, origin), data, compressed)


def full_storage(limits: StorageLimits | None) -> LetheError:
    """The error of an instance that the storage limits refused (507, as Orthanc)."""
    which = "the storage limits"
    if limits is not None:
        which = ("MaximumStorageSize" if limits.max_size and not limits.max_patients else
                 "MaximumPatientCount" if limits.max_patients and not limits.max_size else
                 "MaximumStorageSize or MaximumPatientCount")
    mode = "Reject" if limits is None or limits.mode is StorageMode.REJECT else "Recycle"
    return LetheError(ErrorCode.FULL_STORAGE, f"the storage is full ({which} reached, "
                      f"MaximumStorageMode {mode}): the instance is not stored",
                      http_status=507)


class Ingest:
    """Stores received files into a storage area and an index."""

    def __init__(self, index: Index, storage: FilesystemStorage, overwrite: bool,
                 stability: StabilityMonitor | None = None, *, compressed: bool = False,
                 store_md5: bool = True, limits: StorageLimits | None = None) -> None:
        self.index = index
        self.storage = storage
        self.overwrite = overwrite
        self.stability = stability
        self.compressed = compressed
        """Files are written compressed (``StorageCompression``)."""
        self.store_md5 = store_md5
        """Attachments keep their MD5 (``StoreMD5ForAttachments``)."""
        self.limits = limits
        """The storage limits (:mod:`lethe.store.recycling`), None for none."""
        self.statuses: Counter[str] = Counter()
        """How many uploads were indexed with each status (``Success``, ``AlreadyStored``,
        ``FullStorage``): the metrics of the server."""
        self._received: GroupCommit[NewInstance, IngestResult] = GroupCommit(
            self._index_received, name="upload-commit")

    def store_bytes(self, data: bytes, origin: Origin) -> IngestResult:
        """Parse, write and index one DICOM file; the answer of ``POST /instances``."""
        return self.store_described([(describe_received(data, origin), data)])[0]

    def store_described(self, received: list[tuple[NewInstance, bytes]]) -> list[IngestResult]:
        """Write received files that :func:`describe_received` described (``(description,
        bytes)`` pairs), and index them together; their answers, in order."""
        pending = [self.index_received(write_described(self.storage, new, data,
                                                       self.compressed))
                   for new, data in received]
        return [future.result() for future in pending]

    def index_received(self, new: NewInstance) -> Future[IngestResult]:
        """Make durable and index a received file that :func:`write_described` wrote,
        together with the files that concurrent uploads are storing (one storage sync, one
        transaction). The future has the answer; the file is deleted unless its instance
        was stored."""
        return self._received.submit(new)

    def close(self) -> None:
        """Index what is waiting, then stop the upload committer thread."""
        self._received.close()

    def _index_received(self, batch: list[NewInstance]) -> list[IngestResult | LetheError]:
        outcomes = self.index_written(batch)
        self.statuses.update(outcome.status for outcome in outcomes)
        return [full_storage(self.limits) if outcome.status == "FullStorage"
                else IngestResult(ResourceIds(*new.ids), outcome.status)
                for new, outcome in zip(batch, outcomes, strict=True)]

    def _delete(self, file_uuids: Iterable[str]) -> None:
        for file_uuid in file_uuids:
            self.storage.delete(file_uuid)

    def index_written(self, batch: list[NewInstance], finish_job: str | None = None,
                      step: JobStep | None = None) -> list[StoreOutcome]:
        """Make the files of ``batch`` durable (one storage sync), then index the instances
        in one transaction.

        Files of instances that were not stored (``AlreadyStored``, or any
        error) are deleted; so are the files of overwritten instances, after
        the commit. ``finish_job`` and ``step`` are passed to :meth:`Index.store_batch`. The series,
        study and patient of each stored instance become unstable again
        (:mod:`lethe.store.stability`). Returns the outcome of each instance.
        """
        if not self.store_md5:
            for new in batch:
                new.attachment = dataclasses.replace(new.attachment, md5="", compressed_md5="")
                new.extra = tuple(dataclasses.replace(a, md5="", compressed_md5="")
                                  for a in new.extra)
        try:
            self.storage.sync(uuid for new in batch for uuid in new.files)
            outcomes = self.index.store_batch(batch, self.overwrite, finish_job, self.limits,
                                              step=step)
        except BaseException:
            for new in batch:
                self._delete(new.files)
            raise
        for new, outcome in zip(batch, outcomes, strict=True):
            if outcome.status != "Success":
                self._delete(new.files)
            for old in outcome.replaced + outcome.recycled:
                self.storage.delete(old.uuid)
        if self.stability is not None:
            self.stability.touch(new.ids for new, outcome in zip(batch, outcomes, strict=True)
                                 if outcome.status == "Success")
        return outcomes

