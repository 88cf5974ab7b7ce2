"""Deterministic benchmark data sets, generated with pydicom into a cache folder.

- ``ct500``: 1 patient, 1 study, 2 series, 500 CT slices of 512x512 16-bit;
- ``small2000``: 2,000 images of 64x64 16-bit, 10 patients, 20 studies, 40 series;
- ``mf200``: one multi-frame image of 400 frames of 512x512 16-bit (200 MiB of pixels).

Every instance carries realistic patient, study, series and equipment tags, a
nested sequence (request attributes with a code sequence inside) and private
tags (a small block and a 4 KB binary blob, as scanners write). Generation is
deterministic (UIDs derived from the data set name and indices, pixel data
from seeded generators), so each data set is made once and reused; a stamp
file records what the folder holds. ``quick`` variants are tiny versions of
the same layouts for smoke runs.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian

CACHE = Path(__file__).resolve().parent / ".cache"
GENERATOR_VERSION = 2
CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2"
MULTIFRAME_WORD_SC = "1.2.840.10008.5.1.4.1.1.7.3"
STAMP = "dataset.json"


@dataclass(frozen=True)
class DatasetSpec:
    """The layout of one data set: ``patients`` x ``studies_per_patient`` x
    ``series_per_study`` x ``instances_per_series`` images of ``rows`` x ``columns``
    x ``frames`` 16-bit pixels. ``latency_calls`` is how many single-instance
    calls the latency steps make."""

    name: str
    patients: int
    studies_per_patient: int
    series_per_study: int
    instances_per_series: int
    rows: int
    columns: int
    frames: int = 1
    latency_calls: int = 50

    @property
    def layout(self) -> dict:
        """What the files depend on (everything but ``latency_calls``)."""
        return {k: v for k, v in self.__dict__.items() if k != "latency_calls"}

    @property
    def instances(self) -> int:
        return (self.patients * self.studies_per_patient * self.series_per_study
                * self.instances_per_series)


SPECS = {
    "ct500": DatasetSpec("ct500", 1, 1, 2, 250, 512, 512),
    "small2000": DatasetSpec("small2000", 10, 2, 2, 50, 64, 64),
    "mf200": DatasetSpec("mf200", 1, 1, 1, 1, 512, 512, frames=400, latency_calls=10),
}
QUICK_SPECS = {
    "ct500": DatasetSpec("ct500-quick", 1, 1, 2, 10, 128, 128, latency_calls=10),
    "small2000": DatasetSpec("small2000-quick", 2, 2, 2, 5, 64, 64, latency_calls=10),
    "mf200": DatasetSpec("mf200-quick", 1, 1, 1, 1, 512, 512, frames=20, latency_calls=5),
}


@dataclass(frozen=True)
class GeneratedDataset:
    """A data set on disk: its spec and its files, in study/series/instance order."""

    spec: DatasetSpec
    folder: Path
    files: tuple[Path, ...]
    total_bytes: int

    @property
    def name(self) -> str:
        return self.spec.name


def ensure_dataset(name: str, quick: bool = False, cache: Path = CACHE) -> GeneratedDataset:
    """The data set ``name`` (a key of :data:`SPECS`), generated into ``cache`` if needed."""
    spec = (QUICK_SPECS if quick else SPECS)[name]
    folder = cache / spec.name
    stamp = folder / STAMP
    expected = {"generator": GENERATOR_VERSION, "pydicom": pydicom.__version__,
                "layout": spec.layout}
    if stamp.is_file():
        recorded = json.loads(stamp.read_text())
        files = tuple(folder / f for f in recorded.get("files", []))
        if ({k: recorded.get(k) for k in expected} == expected
                and all(f.is_file() for f in files)):
            return GeneratedDataset(spec, folder, files, recorded["total_bytes"])
    files = _generate(spec, folder)
    total = sum(f.stat().st_size for f in files)
    stamp.write_text(json.dumps({**expected, "total_bytes": total,
                                 "files": [str(f.relative_to(folder)) for f in files]}))
    return GeneratedDataset(spec, folder, tuple(files), total)


def _uid(*parts: object) -> str:
    """A deterministic UID (under 2.25: a 128-bit decimal) for the given parts."""
    digest = hashlib.sha256("/".join(["lethe-benchmark", *map(str, parts)]).encode()).digest()
    return f"2.25.{int.from_bytes(digest[:16], 'big')}"


def _generate(spec: DatasetSpec, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.rglob("*.dcm"):
        old.unlink()
    phantom = _phantom(spec.rows, spec.columns)
    files = []
    for patient in range(spec.patients):
        for study_in_patient in range(spec.studies_per_patient):
            study = patient * spec.studies_per_patient + study_in_patient
            for series in range(spec.series_per_study):
                target = folder / f"study{study:02d}" / f"series{series}"
                target.mkdir(parents=True, exist_ok=True)
                for number in range(spec.instances_per_series):
                    ds = _instance(spec, patient, study, series, number)
                    seed = [spec.name, study, series, number]
                    ds.PixelData = _pixels(phantom, spec.frames, seed)
                    path = target / f"{number:04d}.dcm"
                    ds.save_as(path, enforce_file_format=True)
                    files.append(path)
    return files


def _phantom(rows: int, columns: int) -> np.ndarray:
    """A CT-like body section: air outside, soft tissue inside, a denser core (stored values,
    rescale intercept -1024)."""
    y, x = np.ogrid[:rows, :columns]
    cy, cx = rows / 2, columns / 2
    body = ((y - cy) / (0.42 * rows)) ** 2 + ((x - cx) / (0.47 * columns)) ** 2 <= 1
    core = ((y - cy) / (0.12 * rows)) ** 2 + ((x - cx) / (0.1 * columns)) ** 2 <= 1
    image = np.zeros((rows, columns), dtype=np.uint16)
    image[body] = 1064
    image[core] = 1724
    return image


def _pixels(phantom: np.ndarray, frames: int, seed: list) -> bytes:
    """``frames`` noisy copies of the phantom, little-endian 16-bit."""
    rng = np.random.default_rng(int(_uid(*seed).rsplit(".", 1)[-1]) % 2**63)
    out = np.empty((frames, *phantom.shape), dtype="<u2")
    for frame in range(frames):
        out[frame] = phantom + rng.integers(0, 48, size=phantom.shape, dtype=np.uint16)
    return out.tobytes()


PATIENT_NAMES = ["Martin^Claire", "Dubois^Jean^Pierre", "Lambert^Sophie", "Moreau^Luc",
                 "Garcia^Elena", "Schmidt^Anna", "Rossi^Marco", "Nowak^Piotr",
                 "Jansen^Eva", "Silva^Tiago"]


def _instance(spec: DatasetSpec, patient: int, study: int, series: int, number: int) -> Dataset:
    """The header of one instance (no pixel data yet)."""
    multiframe = spec.frames > 1
    study_uid = _uid(spec.name, "study", study)
    series_uid = _uid(spec.name, "series", study, series)
    sop_uid = _uid(spec.name, "instance", study, series, number)
    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.SOPClassUID = MULTIFRAME_WORD_SC if multiframe else CT_IMAGE_STORAGE
    ds.SOPInstanceUID = sop_uid
    ds.StudyDate = ds.SeriesDate = ds.AcquisitionDate = ds.ContentDate = f"202403{study + 1:02d}"
    ds.StudyTime = "081500"
    ds.SeriesTime = f"08{16 + series:02d}00"
    ds.AcquisitionTime = ds.ContentTime = f"08{16 + series:02d}{number % 60:02d}.{number:06d}"
    ds.AccessionNumber = f"ACC{20240000 + study}"
    ds.Modality = "OT" if multiframe else "CT"
    ds.Manufacturer = "Lethe Imaging"
    ds.InstitutionName = "Hopital Saint-Exemple"
    ds.InstitutionAddress = "1 rue de l'Exemple, 75000 Paris"
    ds.ReferringPhysicianName = "House^Gregory"
    ds.StationName = "CT-ROOM-2"
    ds.StudyDescription = "CT THORAX ABDOMEN"
    ds.SeriesDescription = ["Thorax 1.0 B30f", "Abdomen 3.0 B40f"][series % 2]
    ds.InstitutionalDepartmentName = "Radiology"
    ds.PerformingPhysicianName = "Grey^Meredith"
    ds.OperatorsName = "Tech^Alex"
    ds.ManufacturerModelName = "Benchmark 128"
    ds.ProcedureCodeSequence = _codes("RPID17", "CT chest abdomen with contrast")
    ds.RequestAttributesSequence = Sequence([_request_item(study)])
    ds.PatientName = PATIENT_NAMES[patient % len(PATIENT_NAMES)]
    ds.PatientID = f"PID{100000 + patient}"
    ds.IssuerOfPatientID = "HOSP"
    ds.PatientBirthDate = f"19{50 + patient:02d}0{1 + patient % 9}15"
    ds.PatientSex = "FM"[patient % 2]
    ds.OtherPatientIDs = f"OLD{patient}"
    ds.PatientAge = f"{74 - patient:03d}Y"
    ds.PatientWeight = 72.5
    ds.PatientAddress = "2 avenue du Test, Lyon"
    ds.BodyPartExamined = "CHEST"
    ds.SliceThickness = 1.0
    ds.KVP = 120
    ds.DeviceSerialNumber = "SN-0042"
    ds.SoftwareVersions = "VB20A"
    ds.ProtocolName = "Thorax-Abdomen"
    ds.PatientPosition = "HFS"
    ds.StudyInstanceUID = study_uid
    ds.SeriesInstanceUID = series_uid
    ds.StudyID = f"{study + 1}"
    ds.SeriesNumber = series + 1
    ds.AcquisitionNumber = 1
    ds.InstanceNumber = number + 1
    ds.ImagePositionPatient = [-250.0, -250.0, -float(number)]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.FrameOfReferenceUID = _uid(spec.name, "frame", study)
    ds.PositionReferenceIndicator = ""
    ds.SliceLocation = -float(number)
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    if multiframe:
        ds.NumberOfFrames = spec.frames
        ds.FrameIncrementPointer = 0x00181063
        ds.FrameTime = 40.0
    ds.Rows, ds.Columns = spec.rows, spec.columns
    ds.PixelSpacing = [0.7, 0.7]
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
    ds.WindowCenter, ds.WindowWidth = 40, 400
    ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = -1024, 1, "HU"
    _private_tags(ds, number)
    ds.file_meta = FileMetaDataset()
    ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID
    ds.file_meta.MediaStorageSOPInstanceUID = sop_uid
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    return ds


def _codes(value: str, meaning: str) -> Sequence:
    item = Dataset()
    item.CodeValue, item.CodingSchemeDesignator, item.CodeMeaning = value, "99HOSP", meaning
    return Sequence([item])


def _request_item(study: int) -> Dataset:
    """A request attributes item with a code sequence inside (two levels of nesting)."""
    item = Dataset()
    item.RequestedProcedureID = f"RP{study}"
    item.ScheduledProcedureStepID = f"SPS{study}"
    item.ScheduledProcedureStepDescription = "CT thorax abdomen"
    item.RequestedProcedureCodeSequence = _codes("RPID17", "CT chest abdomen")
    item.ScheduledProtocolCodeSequence = _codes("P-17", "Thorax-Abdomen protocol")
    return item


def _private_tags(ds: Dataset, number: int) -> None:
    """A small private block, a private sequence, and a 4 KB private blob."""
    block = ds.private_block(0x0009, "LETHE BENCH 1.0", create=True)
    block.add_new(0x01, "LO", "scanner note")
    block.add_new(0x02, "DS", "1.5")
    block.add_new(0x03, "UL", number)
    inner = Dataset()
    inner.add_new(0x00090010, "LO", "LETHE BENCH 1.0")
    inner.add_new(0x00091001, "LO", "nested private value")
    block.add_new(0x04, "SQ", Sequence([inner]))
    blob = ds.private_block(0x0029, "LETHE CSA HEADER", create=True)
    blob.add_new(0x10, "OB", bytes(range(256)) * 16)
