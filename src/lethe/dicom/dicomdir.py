"""The DICOMDIR of a DICOM media archive (PS3.3 Annex F, PS3.10 section 8).

The records are those Orthanc's DICOMDIR writer makes (as DCMTK's ``DicomDirInterface``
builds them), one PATIENT, STUDY and SERIES record per resource and one IMAGE record per
instance:

* PATIENT: PatientID, PatientName;
* STUDY: StudyDate and StudyTime (falling back to the series, acquisition and content date or
  time, then to the present UTC time), StudyDescription, StudyInstanceUID, StudyID,
  AccessionNumber;
* SERIES: Modality, SeriesInstanceUID, SeriesNumber and, for an *extended* DICOMDIR,
  SeriesDescription (type 3: an Extended SOP Class, as dciodvfy notes);
* IMAGE: InstanceNumber and the references to the file (its File ID, SOP class, SOP
  instance and transfer syntax).

Values are copied as their stored bytes, with the SpecificCharacterSet of their instance in
each record (Orthanc writes them as ASCII, dropping other characters); dates and times in the
old ACR-NEMA form (``1997.04.24``, ``14:04:38``) are written in the current one. Where an
instance lacks a value that the record requires (type 1: StudyID, Modality, SeriesNumber,
InstanceNumber, PatientID), one is invented as ``dcmgpdir --invent`` does (``STUDY1``,
``OT``, the series' and the instance's rank, from 1, ``UNKNOWN``), so that the DICOMDIR stays
valid; Orthanc writes the record without it. The file-set ID is Orthanc's, ``ORTHANC_MEDIA``.

The files themselves are not written here: the caller streams them into the archive under the
File IDs it gives, and :meth:`DicomDir.encode` gives the DICOMDIR that references them, encoded
with pydicom's writer as pydicom's ``FileSet.write()`` encodes one (and read back by
``FileSet``, ``dciodvfy`` and ``dcmdump +D`` in the tests).

Why not pydicom's ``FileSet`` itself (measured on the 500 instances of the ``ct500`` benchmark
data set, 2 shared cores, header-only data sets read beforehand, best of 3): this writer makes
the DICOMDIR in 0.85 to 1.35 s, ``FileSet.add`` of each data set and ``FileSet.write`` to a
temporary folder in 5.6 to 13.4 s. ``FileSet.add`` compares each instance with every one
added before and saves a staged copy of it to disk: 0.99 s for 250 instances, 2.02 s for 500,
7.98 s for 1,000 (quadratic). It also names the files its own way (``PT000000/ST000000/
SE000000/IM000000``: Orthanc's ``IMAGES/IM<n>`` would need its private ``_write_dicomdir``),
refuses instances that lack a type 1 value of a record (Orthanc writes them; this writer
invents the value as ``dcmgpdir --invent``), and needs custom records for the extended
SeriesDescription. The DICOMDIR is the last member of the stream, so its time is a stall
before the archive ends. The media archive of ct500 (``GET /studies/{id}/media`` read to its
end, best of 2) took 13.1 s with this writer against 58.4 s for Orthanc 1.10.1 on the same
loaded machine; ``tests/api/test_archives.py`` checks the records against ``FileSet``'s reading.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator, Sequence

from pydicom.datadict import tag_for_keyword
from pydicom.dataelem import DataElement, RawDataElement
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.filebase import DicomBytesIO
from pydicom.filewriter import write_dataset, write_file_meta_info
from pydicom.sequence import Sequence as PydicomSequence
from pydicom.uid import (
    UID,
    ExplicitVRLittleEndian,
    MediaStorageDirectoryStorage,
    generate_uid,
)

FILE_SET_ID = "ORTHANC_MEDIA"

_DATE_SOURCES = ("StudyDate", "SeriesDate", "AcquisitionDate", "ContentDate")
_TIME_SOURCES = ("StudyTime", "SeriesTime", "AcquisitionTime", "ContentTime")
_KEPT = ("SpecificCharacterSet", "PatientID", "PatientName", *_DATE_SOURCES, *_TIME_SOURCES,
         "StudyDescription", "StudyInstanceUID", "StudyID", "AccessionNumber", "Modality",
         "SeriesInstanceUID", "SeriesNumber", "SeriesDescription", "InstanceNumber",
         "SOPClassUID", "SOPInstanceUID")
"""Every element a record may copy (all of them text: their bytes do not depend on the byte
order of the source)."""

Element = DataElement | RawDataElement


class _Node:
    """A directory record and the records below it, by key."""

    __slots__ = ("record", "children", "offset")

    def __init__(self, record: Dataset) -> None:
        self.record = record
        self.children: dict[str, _Node] = {}
        self.offset = 0  # of the record's item tag, from the start of the file


class DicomDir:
    """Collects the instances of a media archive, then encodes their DICOMDIR.

    Only a summary of each instance is kept (the few elements its records need), so that
    memory grows by a few hundred bytes an instance, whatever the size of the files.
    """

    def __init__(self, extended: bool = False) -> None:
        self.extended = extended
        self._entries: list[tuple[Dataset, tuple[str, ...]]] = []

    def add(self, header: Dataset, file_id: Sequence[str], transfer_syntax: str) -> None:
        """Record the instance whose data set is ``header`` (its pixel data is not needed),
        stored in the archive under ``file_id`` (``("IMAGES", "IM0")``) in
        ``transfer_syntax``. Instances without SOPInstanceUID, or without SOP class (in
        the data set or its meta header), get no record."""
        summary = Dataset()
        for keyword in _KEPT:
            element = _element(header, keyword)
            if element is not None:
                summary[element.tag] = element
        meta = getattr(header, "file_meta", None) or FileMetaDataset()
        if not summary.get("SOPClassUID") and meta.get("MediaStorageSOPClassUID"):
            summary.SOPClassUID = meta.MediaStorageSOPClassUID
        if not summary.get("SOPInstanceUID") or not summary.get("SOPClassUID"):
            return
        summary.file_meta = FileMetaDataset()
        summary.file_meta.TransferSyntaxUID = UID(transfer_syntax)
        self._entries.append((summary, tuple(file_id)))

    def encode(self) -> bytes:
        """The DICOMDIR file (explicit VR little endian) referencing every instance added.

        Records are grouped as pydicom's ``FileSet`` groups them (one PATIENT per PatientID,
        one STUDY per StudyInstanceUID, one SERIES per SeriesInstanceUID, one IMAGE per SOP
        instance: a second instance with the same SOPInstanceUID gets no record), in the
        order the instances were added, and encoded as ``FileSet.write()`` encodes them
        (items of defined length, offsets from the start of the file). ``FileSet`` itself
        does not write it (see the module's docstring for the measurements).
        """
        roots = self._tree()
        nodes = list(_depth_first(roots.values()))
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = MediaStorageDirectoryStorage
        meta.MediaStorageSOPInstanceUID = generate_uid()
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        directory = Dataset()
        directory.FileSetID = FILE_SET_ID
        directory.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity = 0
        directory.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity = 0
        directory.FileSetConsistencyFlag = 0

        out = _new_buffer()
        out.write(b"\0" * 128 + b"DICM")
        write_file_meta_info(out, meta, enforce_standard=True)
        # Each item is its tag and length (8 bytes), then its record, whose length does not
        # depend on the offsets it holds (UL values); the sequence starts with 12 bytes.
        offset = out.tell() + len(_encoded(directory)) + 12
        for node in nodes:
            node.offset = offset
            offset += 8 + len(_encoded(node.record))
        for siblings in [list(roots.values())] + [list(n.children.values()) for n in nodes]:
            for index, node in enumerate(siblings):
                following = siblings[index + 1] if index + 1 < len(siblings) else None
                lower = next(iter(node.children.values()), None)
                node.record.OffsetOfTheNextDirectoryRecord = following.offset if following else 0
                node.record.OffsetOfReferencedLowerLevelDirectoryEntity = (
                    lower.offset if lower else 0)
        if roots:
            top = list(roots.values())
            directory.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity = top[0].offset
            directory.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity = top[-1].offset
        directory.DirectoryRecordSequence = PydicomSequence([n.record for n in nodes])
        write_dataset(out, directory)
        return bytes(out.getvalue())

    def _tree(self) -> dict[str, _Node]:
        """The PATIENT > STUDY > SERIES > IMAGE records of every instance, by key."""
        roots: dict[str, _Node] = {}
        seen: set[str] = set()
        invented = _Inventions()
        now = datetime.datetime.now(datetime.UTC)
        for summary, file_id in self._entries:
            uid = str(summary.SOPInstanceUID)
            if uid in seen:
                continue
            seen.add(uid)
            records = self._records(summary, now, invented)
            records[-1].ReferencedFileID = list(file_id)
            level = roots
            for record, key in zip(records, _keys(records), strict=True):
                node = level.get(key)
                if node is None:
                    node = level[key] = _Node(record)
                level = node.children
        return roots

    def _records(self, summary: Dataset, now: datetime.datetime,
                 invented: _Inventions) -> list[Dataset]:
        """The PATIENT, STUDY, SERIES and IMAGE records of one instance."""
        study_uid = str(summary.get("StudyInstanceUID", ""))
        series_uid = str(summary.get("SeriesInstanceUID", ""))

        patient = _record("PATIENT", summary)
        _copy(patient, summary, "PatientID", default="UNKNOWN")
        _copy(patient, summary, "PatientName", default="")

        study = _record("STUDY", summary)
        _copy_first(study, "StudyDate", summary, _DATE_SOURCES, now.strftime("%Y%m%d"))
        _copy_first(study, "StudyTime", summary, _TIME_SOURCES, now.strftime("%H%M%S"))
        _copy(study, summary, "StudyDescription", default="")
        study.StudyInstanceUID = study_uid
        _copy(study, summary, "StudyID", default=invented.study(study_uid))
        _copy(study, summary, "AccessionNumber", default="")

        series = _record("SERIES", summary)
        _copy(series, summary, "Modality", default="OT")
        series.SeriesInstanceUID = series_uid
        _copy(series, summary, "SeriesNumber", default=invented.series(study_uid, series_uid))
        if self.extended:
            _copy(series, summary, "SeriesDescription", default=None)

        image = _record("IMAGE", summary)
        _copy(image, summary, "InstanceNumber", default=invented.instance(series_uid))
        image.ReferencedFileID = None
        image.ReferencedSOPClassUIDInFile = summary.SOPClassUID
        image.ReferencedSOPInstanceUIDInFile = summary.SOPInstanceUID
        image.ReferencedTransferSyntaxUIDInFile = summary.file_meta.TransferSyntaxUID
        return [patient, study, series, image]


class _Inventions:
    """The values invented for missing type 1 attributes, the same for a whole resource."""

    def __init__(self) -> None:
        self._studies: dict[str, str] = {}
        self._series: dict[str, dict[str, str]] = {}
        self._instances: dict[str, int] = {}

    def study(self, study_uid: str) -> str:
        return self._studies.setdefault(study_uid, f"STUDY{len(self._studies) + 1}")

    def series(self, study_uid: str, series_uid: str) -> str:
        numbers = self._series.setdefault(study_uid, {})
        return numbers.setdefault(series_uid, str(len(numbers) + 1))

    def instance(self, series_uid: str) -> str:
        self._instances[series_uid] = self._instances.get(series_uid, 0) + 1
        return str(self._instances[series_uid])


def _keys(records: list[Dataset]) -> list[str]:
    """What makes each record unique at its level (pydicom's ``RecordNode.key``)."""
    patient, study, series, image = records
    return [str(patient.PatientID), str(study.StudyInstanceUID),
            str(series.SeriesInstanceUID), str(image.ReferencedSOPInstanceUIDInFile)]


def _depth_first(nodes: Iterable[_Node]) -> Iterator[_Node]:
    """Records in the order of the Directory Record Sequence: each followed by those below."""
    for node in nodes:
        yield node
        yield from _depth_first(node.children.values())


def _new_buffer() -> DicomBytesIO:
    buffer = DicomBytesIO()
    buffer.is_little_endian = True
    buffer.is_implicit_VR = False
    return buffer


def _encoded(dataset: Dataset) -> bytes:
    """``dataset`` encoded in explicit VR little endian."""
    buffer = _new_buffer()
    write_dataset(buffer, dataset)
    return bytes(buffer.getvalue())


def _element(dataset: Dataset, keyword: str) -> Element | None:
    """An element of ``dataset`` as it was read (raw bytes stay raw when their VR is known)."""
    tag = _tag(keyword)
    if tag not in dataset:
        return None
    element = dataset.get_item(tag)
    if isinstance(element, RawDataElement) and (element.VR is None or len(element.VR) != 2):
        return dataset[tag]  # implicit VR source: converted, so that the VR is known
    return element


def _tag(keyword: str) -> int:
    tag = tag_for_keyword(keyword)
    assert tag is not None, keyword  # every keyword used here is in the dictionary
    return tag


def _has_value(element: Element) -> bool:
    if isinstance(element, RawDataElement):
        return bool(element.value and element.value.strip(b" \0"))
    return not element.is_empty


def _record(kind: str, summary: Dataset) -> Dataset:
    record = Dataset()
    record.OffsetOfTheNextDirectoryRecord = 0
    record.RecordInUseFlag = 0xFFFF
    record.OffsetOfReferencedLowerLevelDirectoryEntity = 0
    record.DirectoryRecordType = kind
    if "SpecificCharacterSet" in summary:
        record[0x00080005] = summary.get_item(0x00080005)
    return record


def _copy(record: Dataset, summary: Dataset, keyword: str, *, default: str | None) -> None:
    """Copy an element of the summary; a missing or empty one gets ``default`` (None: left
    out)."""
    tag = _tag(keyword)
    element = summary.get_item(tag) if tag in summary else None
    if element is not None and _has_value(element):
        record[tag] = element
    elif default is not None:
        setattr(record, keyword, default)


def _copy_first(record: Dataset, keyword: str, summary: Dataset, sources: Sequence[str],
                default: str) -> None:
    """Set ``keyword`` (DA or TM) to the first of ``sources`` that has a value, else to
    ``default``."""
    for source in sources:
        element = summary.get_item(_tag(source)) if source in summary else None
        if element is not None and _has_value(element):
            text = (element.value.decode("ascii", "replace")
                    if isinstance(element, RawDataElement) else str(element.value))
            setattr(record, keyword, _current_form(text.strip(" \0")))
            return
    setattr(record, keyword, default)


def _current_form(text: str) -> str:
    """A date or time in today's form: ACR-NEMA's ``1997.04.24`` and ``14:04:38`` lose their
    separators (PS3.5 6.2: DA and TM have none)."""
    if re.fullmatch(r"[0-9]{4}\.[0-9]{2}\.[0-9]{2}", text):
        return text.replace(".", "")
    if re.fullmatch(r"[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]*)?)?", text):
        return text.replace(":", "")
    return text
