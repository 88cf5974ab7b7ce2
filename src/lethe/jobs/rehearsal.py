"""A rehearsal of the engine when a process starts, so that its first real task is not slow.

The first modification in a process costs 10 to 40 ms more than the next ones:
pydicom and the engine load dictionaries, codecs and the PS3.15 profile on first
use. The server and each worker process therefore parse, anonymize and modify a
small generated instance in memory once at start-up (nothing is stored).
"""

from __future__ import annotations

import io
import logging

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.filewriter import dcmwrite
from pydicom.sequence import Sequence
from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid

from lethe.dicom.engine import ModificationContext
from lethe.dicom.levels import Level
from lethe.dicom.modify_file import modify_file
from lethe.dicom.request import ModificationRequest
from lethe.dicom.tags import DEFAULT_TAGS
from lethe.dicom.uids import UidMapper
from lethe.store.ingest import Origin, describe_received

log = logging.getLogger(__name__)


def rehearse() -> None:
    """Describe, anonymize and modify a generated instance in memory. A failure is only
    logged (at debug level): the real tasks report their own errors."""
    try:
        data = _instance()
        describe_received(data, Origin())
        for body, anonymize in (({}, True), ({"Replace": {"PatientName": "A"}}, False)):
            request = ModificationRequest.parse(body, anonymize=anonymize, tags=DEFAULT_TAGS,
                                                level=Level.STUDY)
            context = ModificationContext(UidMapper.random("2.25"), "Anonymized1")
            modify_file(data, io.BytesIO(), request, context)
    except Exception as exc:  # noqa: BLE001 - a rehearsal must never stop a process
        log.debug("engine rehearsal failed: %s", exc)


def _instance() -> bytes:
    """A small CT instance with a sequence and 2x2 pixels, as a Part 10 file."""
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID = CTImageStorage
    ds.SOPClassUID = CTImageStorage
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
    ds.StudyInstanceUID, ds.SeriesInstanceUID = generate_uid(), generate_uid()
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.PatientName, ds.PatientID, ds.StudyDate, ds.Modality = "Rehearsal^R", "R", "20000101", "CT"
    item = Dataset()
    item.ReferencedSOPClassUID, item.ReferencedSOPInstanceUID = CTImageStorage, generate_uid()
    ds.ReferencedImageSequence = Sequence([item])
    ds.Rows = ds.Columns = 2
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 0
    ds.PixelData = bytes(8)
    out = io.BytesIO()
    dcmwrite(out, ds, enforce_file_format=True)
    return out.getvalue()
