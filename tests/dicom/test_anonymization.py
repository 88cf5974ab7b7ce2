"""Anonymization end to end: every table entry's effect, residual identity, and Orthanc 1.10.1.

* Every tag of each profile table, at top level and inside one item of a kept sequence
  (ReferencedImageSequence), gets exactly the table's action (spec 3.2, 3.7, Appendix A).
* The default anonymization of every sample file leaves no identifying source value behind
  (:mod:`lethe.dicom.residual`), and planted leaks are found.
* Differential: our output and Orthanc's remove, empty, keep and remap the same elements of real
  files, with the divergences Lethe documents (design.md section 7).
"""

from __future__ import annotations

import copy
import io
import json
import re
import struct
import warnings
from collections import defaultdict
from importlib.resources import files
from pathlib import Path

import pydicom
import pytest
from pydicom.data import get_testdata_file, get_testdata_files
from pydicom.datadict import dictionary_VR
from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.filebase import DicomBytesIO
from pydicom.filewriter import write_dataset
from pydicom.sequence import Sequence
from pydicom.tag import BaseTag, Tag
from pydicom.uid import ExplicitVRLittleEndian
from pydicom.valuerep import STR_VR

from lethe import __version__
from lethe.dicom import part10
from lethe.dicom.engine import ModificationContext, apply
from lethe.dicom.levels import Level
from lethe.dicom.profiles import DICOM_VERSIONS, load_profile
from lethe.dicom.request import ModificationRequest
from lethe.dicom.residual import find_residual_identity
from lethe.dicom.tags import DEFAULT_TAGS, resolve_vr
from lethe.dicom.uids import UidMapper
from tests.support import corpus

KEY = b"test_anonymization key"
ANONYMIZED_NAME = "Anonymized7"
UID_PATTERN = re.compile(r"(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*")
REFERENCED_IMAGE_SEQUENCE = Tag(0x0008, 0x1140)
PATIENT_NAME, PATIENT_ID = Tag(0x0010, 0x0010), Tag(0x0010, 0x0020)
PATIENT_IDENTITY_REMOVED, DEIDENTIFICATION_METHOD = Tag(0x0012, 0x0062), Tag(0x0012, 0x0063)
# Curve/overlay samples (removed ranges), a private block, and public tags outside every table.
RANGE_TAGS = {Tag(0x5000, 0x0005): 3, Tag(0x5000, 0x3000): b"\x01\x02",
              Tag(0x6000, 0x3000): b"\x01\x02", Tag(0x6000, 0x4000): "Overlay comment",
              Tag(0x6002, 0x4000): "Second overlay comment"}
PRIVATE_TAGS = {Tag(0x0009, 0x0010): ("LO", "ACME 1.0"), Tag(0x0009, 0x1001): ("LO", "private")}
KEPT_PUBLIC = {Tag(0x0008, 0x0060): ("CS", "OT"), Tag(0x0008, 0x0100): ("SH", "CV1")}
# Another element of the overlay group whose OverlayData (6000,3000) the ranges remove: it goes
# with it (an Overlay Plane without its Type 1 OverlayData is invalid), except under 2008.
OVERLAY_PLANE = {Tag(0x6000, 0x0010): ("US", 4)}
TEXT_VALUES = {
    "AE": "STATION1", "AS": "045Y", "CS": "VALUE1", "DA": "20200317", "DS": "1.5",
    "DT": "20200317093015", "IS": "7", "LO": "Long string", "LT": "Long text",
    "PN": "Roe^Richard", "SH": "Short", "ST": "Short text", "TM": "093015",
    "UC": "Unlimited characters", "UR": "http://example.com/x", "UT": "Unlimited text",
}
OTHER_VALUES = {"OB": b"\x01\x02", "OW": b"\x01\x02", "UN": b"\x01\x02", "OD": bytes(8),
                "OF": bytes(4), "OL": bytes(4), "OV": bytes(8), "US": 7, "SS": -7, "UL": 7,
                "SL": -7, "SV": -7, "UV": 7, "FL": 1.5, "FD": 1.5, "AT": 0x00100010}


def context() -> ModificationContext:
    return ModificationContext(uids=UidMapper(KEY), anonymized_name=ANONYMIZED_NAME)


def anonymize(dataset: Dataset, body: dict | None = None) -> ModificationRequest:
    """Anonymize ``dataset`` in place, as POST .../anonymize with ``body`` would."""
    request = ModificationRequest.parse(body or {}, anonymize=True, tags=DEFAULT_TAGS)
    apply(dataset, request, context())
    return request


def table(version: str) -> list[dict]:
    resource = files("lethe.dicom") / "profiles" / f"orthanc-{version}.json"
    return json.loads(resource.read_text(encoding="utf-8"))


def tag_of(entry: dict) -> BaseTag:
    group, element = entry["tag"].strip("()").split(",")
    return Tag(int(group, 16), int(element, 16))


def table_actions(version: str) -> dict[BaseTag, str]:
    """Every tag of the table, group 0002 (file meta, not in a data set) excepted."""
    return {tag_of(e): e["action"] for e in table(version)
            if "pattern" not in e and tag_of(e).group != 0x0002}


def original_value(tag: BaseTag, vr: str) -> object:
    if vr == "UI":
        return f"1.2.826.0.1.3680043.8.498.{int(tag)}"
    if vr == "SQ":
        item = Dataset()
        item.CodeValue = "CV1"
        return Sequence([item])
    return TEXT_VALUES.get(vr, OTHER_VALUES.get(vr))


def fill(dataset: Dataset, version: str) -> None:
    """Put every table tag, the range samples, a private block and kept tags in ``dataset``."""
    for tag in table_actions(version):
        vr = resolve_vr(dictionary_VR(tag))
        dataset.add(DataElement(tag, vr, original_value(tag, vr)))
    for tag, value in RANGE_TAGS.items():
        vr = resolve_vr(dictionary_VR(tag))
        dataset.add(DataElement(tag, "OW" if tag.element == 0x3000 else vr, value))
    for tag, (vr, value) in {**PRIVATE_TAGS, **KEPT_PUBLIC, **OVERLAY_PLANE}.items():
        dataset.add(DataElement(tag, vr, value))


def every_tag_dataset(version: str) -> Dataset:
    dataset, item = Dataset(), Dataset()
    fill(dataset, version)
    fill(item, version)
    dataset[REFERENCED_IMAGE_SEQUENCE].value = Sequence([item])
    return dataset


def is_empty(element: DataElement) -> bool:
    return element.value is None or len(element.value) == 0


def observed(source: Dataset, output: Dataset, tag: BaseTag) -> str:
    """What happened to ``tag``: absent, empty, kept, or changed."""
    if tag not in output:
        return "absent"
    before, after = source[tag], output[tag]
    if before.VR == "SQ":
        return "empty" if not after.value else "kept"
    if after.value == before.value:
        return "kept"
    return "empty" if is_empty(after) else "changed"


def expected_uid(version: str, tag: BaseTag, original: str, chain: tuple) -> str:
    """The new UID the context's mapper gives, in the map the profile chooses."""
    return UidMapper(KEY).map_uid(load_profile(version).uid_level(tag, chain), original)


@pytest.mark.parametrize("version", DICOM_VERSIONS)
def test_every_table_entry_at_top_level(version: str) -> None:
    source = every_tag_dataset(version)
    output = copy.deepcopy(source)
    request = anonymize(output, {"DicomVersion": version})
    mapper = UidMapper(KEY)
    wrong = {}
    for tag, action in table_actions(version).items():
        seen = observed(source, output, tag)
        original = source[tag].value
        if tag == PATIENT_NAME:
            ok = output[tag].value == ANONYMIZED_NAME
        elif tag == PATIENT_ID:
            ok = output[tag].value == mapper.map_patient_id(original)
        elif tag == PATIENT_IDENTITY_REMOVED:
            ok = output[tag].value == "YES"
        elif tag == DEIDENTIFICATION_METHOD:
            ok = output[tag].value == f"Lethe {__version__} - {request.profile.method}"
        elif action == "uid":
            ok = seen == "changed" and output[tag].value == expected_uid(version, tag, original,
                                                                         ())
        elif tag == REFERENCED_IMAGE_SEQUENCE:
            ok = seen == "kept"  # its item is checked by the nested test
        else:
            ok = seen == {"remove": "absent", "clear": "empty", "keep": "kept"}[action]
        if not ok:
            wrong[f"{tag} {action}"] = seen
    assert wrong == {}
    # Lethe removes the top-level curve and overlay ranges (Orthanc keeps them), not in 2008.
    for tag in {**RANGE_TAGS, **OVERLAY_PLANE}:
        assert (tag in output) == (version == "2008"), tag
    assert not any(tag in output for tag in PRIVATE_TAGS)
    assert all(observed(source, output, tag) == "kept" for tag in KEPT_PUBLIC)
    assert output.SourceImageSequence[0].CodeValue == "CV1"


@pytest.mark.parametrize("version", DICOM_VERSIONS)
def test_every_table_entry_inside_a_kept_sequence(version: str) -> None:
    source = every_tag_dataset(version)
    output = copy.deepcopy(source)
    anonymize(output, {"DicomVersion": version})
    before = source[REFERENCED_IMAGE_SEQUENCE].value[0]
    after = output[REFERENCED_IMAGE_SEQUENCE].value[0]
    chain = ((REFERENCED_IMAGE_SEQUENCE, 0),)
    mapper = UidMapper(KEY)
    wrong = {}
    for tag, action in table_actions(version).items():
        seen = observed(before, after, tag)
        vr = before[tag].VR
        if tag == PATIENT_ID:
            ok = after[tag].value == mapper.map_patient_id(before[tag].value) == output.PatientID
        elif tag == PATIENT_NAME:
            ok = seen == "empty"  # Lethe: PS3.15 Z inside sequences too (Orthanc keeps it)
        elif action == "uid":
            ok = seen == "changed" and after[tag].value == expected_uid(
                version, tag, before[tag].value, chain)
            if tag in output and output[tag].VR == "UI":  # same original: same map, same UID
                ok = ok and after[tag].value == output[tag].value
        elif action == "clear":
            ok = seen == ("empty" if vr in STR_VR else "absent")
        else:
            ok = seen == {"remove": "absent", "keep": "kept", "dummy": "kept"}[action]
        if not ok:
            wrong[f"{tag} {action} {vr}"] = seen
    assert wrong == {}
    for tag in {**RANGE_TAGS, **OVERLAY_PLANE}:  # 2008 has no ranges: nested ones are kept
        assert (tag in after) == (version == "2008"), tag
    assert not any(tag in after for tag in PRIVATE_TAGS)
    assert all(observed(before, after, tag) == "kept" for tag in KEPT_PUBLIC)
    assert after.ReferencedImageSequence[0].CodeValue == "CV1"


@pytest.mark.parametrize("version", DICOM_VERSIONS)
def test_meta_header_follows_the_new_sop_instance_uid(version: str) -> None:
    """The one table entry in group 0002: MediaStorageSOPInstanceUID, rewritten by part10."""
    dataset = Dataset()
    dataset.SOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    dataset.SOPInstanceUID = "1.2.826.0.1.3680043.8.498.77"
    dataset.PatientID = "P1"
    anonymize(dataset, {"DicomVersion": version})
    out = io.BytesIO()
    part10.write_full(dataset, out, ExplicitVRLittleEndian)
    written = pydicom.dcmread(io.BytesIO(out.getvalue()))
    assert written.file_meta.MediaStorageSOPInstanceUID == written.SOPInstanceUID
    assert written.SOPInstanceUID == UidMapper(KEY).map_uid(Level.INSTANCE,
                                                            "1.2.826.0.1.3680043.8.498.77")


# --- Residual identity -------------------------------------------------------------------------

def readable(paths: list[Path]) -> list[Path]:
    found = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in paths:
            try:
                pydicom.dcmread(path, stop_before_pixels=True)
            except Exception:  # noqa: BLE001 - unreadable test files are simply not used
                continue
            found.append(path)
    return found


CORPUS = readable(corpus.sample_files()) + readable(sorted(Path(p) for p in get_testdata_files()))


def corpus_id(path: Path) -> str:
    if path.is_relative_to(corpus.SAMPLES):
        return str(path.relative_to(corpus.SAMPLES))
    return f"pydicom/{path.name}"


@pytest.mark.parametrize("path", CORPUS, ids=corpus_id)
def test_default_anonymization_leaves_no_identity(path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = pydicom.dcmread(path, stop_before_pixels=True)
        output = copy.deepcopy(source)
        request = anonymize(output)
        assert find_residual_identity(source, output, request.profile) == []


def test_corpus_is_there() -> None:
    corpus.samples()
    assert len(CORPUS) > 300


def test_planted_name_in_a_kept_private_tag_is_found() -> None:
    source = pydicom.dcmread(get_testdata_file("CT_small.dcm"), stop_before_pixels=True)
    block = source.private_block(0x0029, "PLANTED 1.0", create=True)
    block.add_new(0x01, "LO", str(source.PatientName).replace("^", " "))
    planted = block.get_tag(0x01)
    output = copy.deepcopy(source)
    request = anonymize(output, {"KeepPrivateTags": True})
    leaks = find_residual_identity(source, output, request.profile)
    assert [(leak.path, leak.source_tag, leak.kind) for leak in leaks] == [
        (f"({planted >> 16:04x},{planted & 0xFFFF:04x})", "PatientName", "name")]


def test_planted_date_in_a_kept_nested_sequence_is_found() -> None:
    source = pydicom.dcmread(get_testdata_file("CT_small.dcm"), stop_before_pixels=True)
    item = Dataset()
    item.ReferencedSOPClassUID = "1.2.840.10008.3.1.2.3.1"
    item.ReferencedSOPInstanceUID = "1.2.826.0.1.3680043.8.498.9"
    item.StudyDate = source.StudyDate
    source.ReferencedStudySequence = Sequence([item])
    output = copy.deepcopy(source)
    request = anonymize(output, {"Keep": ["ReferencedStudySequence"]})
    leaks = {(leak.path, leak.source_tag, leak.kind)
             for leak in find_residual_identity(source, output, request.profile)}
    assert ("ReferencedStudySequence[0].StudyDate", "StudyDate", "date") in leaks
    assert ("ReferencedStudySequence[0].ReferencedSOPInstanceUID", "ReferencedSOPInstanceUID",
            "uid") in leaks
    assert all(path.startswith("ReferencedStudySequence[0].") for path, _, _ in leaks)


def un_encoded_sequence(tag: int, items: list[Dataset]) -> bytes:
    """An explicit VR little endian element of VR UN holding a sequence (implicit VR items)."""
    value = b""
    for item in items:
        buffer = DicomBytesIO()
        buffer.is_little_endian, buffer.is_implicit_VR = True, True
        write_dataset(buffer, item)
        body = buffer.getvalue()
        value += struct.pack("<HHI", 0xFFFE, 0xE000, len(body)) + body
    return struct.pack("<HH2sHI", tag >> 16, tag & 0xFFFF, b"UN", 0, len(value)) + value


def test_sequence_stored_as_un_is_anonymized() -> None:
    """Sequences stored with the explicit VR UN (pydicom's rtdose_rle.dcm has one) are walked."""
    item = Dataset()
    item.ReferencedSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    item.ReferencedSOPInstanceUID = "1.2.826.0.1.3680043.8.498.5"
    item.PatientBirthDate = "19700101"
    item.add_new(0x00091001, "LO", "private")
    dataset = Dataset()
    dataset.SOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    dataset.SOPInstanceUID = "1.2.826.0.1.3680043.8.498.6"
    dataset.file_meta = FileMetaDataset()
    dataset.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    buffer = io.BytesIO()
    dataset.save_as(buffer, implicit_vr=False, little_endian=True, enforce_file_format=True)
    # ReferencedSeriesSequence, last element of the file, stored with VR UN.
    data = buffer.getvalue() + un_encoded_sequence(0x00081115, [item])
    header = part10.read_header(data)
    assert header.dataset.get_item(0x00081115).VR == "UN"
    anonymize(header.dataset)
    nested = header.dataset.ReferencedSeriesSequence[0]
    assert nested.ReferencedSOPInstanceUID == UidMapper(KEY).map_uid(
        Level.INSTANCE, "1.2.826.0.1.3680043.8.498.5")
    assert "PatientBirthDate" not in nested or nested.PatientBirthDate == ""
    assert 0x00091001 not in nested


# --- Differential test against Orthanc 1.10.1 --------------------------------------------------

def differential_sample(name: str) -> bytes:
    """The bytes of one file of the differential test (spec: a handful of real files)."""
    if name == "synthetic":
        return synthetic_divergences()
    if name == "synthetic-rtstruct":
        return synthetic_rt_struct()
    if name in ("CT_small", "MR_small", "rtstruct", "reportsi"):
        return Path(get_testdata_file(f"{name}.dcm")).read_bytes()
    if name == "Brainix":
        return sorted(corpus.sample("Brainix").rglob("*.dcm"))[0].read_bytes()
    if name == "Comunix":
        return sorted(p for p in corpus.sample("Comunix").rglob("*") if p.is_file())[0].read_bytes()
    return corpus.sample(f"{name}.dcm").read_bytes()


def synthetic_divergences() -> bytes:
    """A file showing Lethe's documented divergences: top-level curve/overlay, nested name."""
    dataset = Dataset()
    dataset.SOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    dataset.SOPInstanceUID = "1.2.826.0.1.3680043.8.498.101"
    dataset.StudyInstanceUID = "1.2.826.0.1.3680043.8.498.102"
    dataset.SeriesInstanceUID = "1.2.826.0.1.3680043.8.498.103"
    dataset.PatientID = "DIVERGENCES"
    dataset.PatientName = "Roe^Richard"
    dataset.Modality = "OT"
    dataset.add_new(0x50000005, "US", 3)
    dataset.add_new(0x60000010, "US", 4)
    dataset.add_new(0x60003000, "OW", b"\x01\x02")
    dataset.add_new(0x60004000, "LT", "Overlay comment")
    item = Dataset()
    item.ReferencedSOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    item.ReferencedSOPInstanceUID = dataset.SOPInstanceUID
    item.PatientName = "Roe^Richard"
    item.PatientID = "DIVERGENCES"
    dataset.SourceImageSequence = Sequence([item])
    dataset.file_meta = FileMetaDataset()
    dataset.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    buffer = io.BytesIO()
    dataset.save_as(buffer, implicit_vr=False, little_endian=True, enforce_file_format=True)
    return buffer.getvalue()


def synthetic_rt_struct() -> bytes:
    """An RT Structure Set whose RT study reference (study map) and an image reference
    (instance map) hold the same original UID as the StudyInstanceUID (spec 3.3)."""
    dataset = Dataset()
    dataset.SOPClassUID = "1.2.840.10008.5.1.4.1.1.481.3"
    dataset.SOPInstanceUID = "1.2.826.0.1.3680043.8.498.201"
    dataset.StudyInstanceUID = "1.2.826.0.1.3680043.8.498.202"
    dataset.SeriesInstanceUID = "1.2.826.0.1.3680043.8.498.203"
    dataset.PatientID = "RTSTRUCT"
    dataset.Modality = "RTSTRUCT"
    series = Dataset()
    series.SeriesInstanceUID = "1.2.826.0.1.3680043.8.498.204"
    study = Dataset()
    study.ReferencedSOPClassUID = "1.2.840.10008.3.1.2.3.1"
    study.ReferencedSOPInstanceUID = dataset.StudyInstanceUID
    study.RTReferencedSeriesSequence = Sequence([series])
    frame = Dataset()
    frame.FrameOfReferenceUID = "1.2.826.0.1.3680043.8.498.205"
    frame.RTReferencedStudySequence = Sequence([study])
    dataset.ReferencedFrameOfReferenceSequence = Sequence([frame])
    image = Dataset()
    image.ReferencedSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    image.ReferencedSOPInstanceUID = dataset.StudyInstanceUID
    dataset.SourceImageSequence = Sequence([image])
    dataset.file_meta = FileMetaDataset()
    dataset.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    buffer = io.BytesIO()
    dataset.save_as(buffer, implicit_vr=False, little_endian=True, enforce_file_format=True)
    return buffer.getvalue()


def flatten(dataset: Dataset, chain: tuple = ()) -> dict[tuple, DataElement]:
    """Every element by path (parent (tag, index) pairs + tag); group lengths and pixels out."""
    found = {}
    for tag in dataset.keys():  # noqa: SIM118 - iterating a Dataset yields elements
        if tag.element == 0x0000 or tag.group == 0x7FE0:
            continue
        element = dataset[tag]
        found[(*chain, tag)] = element
        if element.VR == "SQ":
            for index, item in enumerate(element.value):
                found.update(flatten(item, (*chain, (tag, index))))
    return found


def classify(before: DataElement | None, after: DataElement | None) -> str:
    if after is None:
        return "absent"
    if before is None:
        return "added"
    if before.VR == "SQ":
        return "kept" if len(after.value) == len(before.value) else "emptied"
    if after.value == before.value:
        return "kept"
    return "emptied" if is_empty(after) else "changed"


def uid_partition(paths: list[tuple], flat: dict[tuple, DataElement]) -> set[frozenset]:
    """Which changed elements share a new value: the references between them."""
    groups = defaultdict(set)
    for path in paths:
        groups[str(flat[path].value)].add(path)
    return {frozenset(group) for group in groups.values()}


def is_top_level_range(path: tuple) -> bool:
    tag = path[-1]
    return len(path) == 1 and (tag.group & 0xFF00 in (0x5000, 0x6000)) and (
        tag.group & 0xFF00 == 0x5000 or tag.element in (0x3000, 0x4000))


def is_overlay_plane(path: tuple) -> bool:
    """An element of an overlay group (60xx, even): Lethe removes the group with its data."""
    tag = path[-1]
    return 0x6000 <= tag.group <= 0x60FF and tag.group % 2 == 0


@pytest.fixture(scope="module")
def orthanc_client(orthanc):
    with orthanc.client() as client:
        yield client


@pytest.mark.orthanc
@pytest.mark.parametrize("version", ["2008", "2017c", "2021b"])
@pytest.mark.parametrize("sample", ["CT_small", "MR_small", "PrivateTags", "DicomSeg", "Brainix",
                                    "Comunix", "rtstruct", "reportsi", "synthetic",
                                    "synthetic-rtstruct"])
def test_same_as_orthanc(orthanc_client, sample: str, version: str) -> None:
    data = differential_sample(sample)
    upload = orthanc_client.post("/instances", content=data)
    assert upload.status_code == 200, upload.text
    response = orthanc_client.post(f"/instances/{upload.json()['ID']}/anonymize",
                                   json={"DicomVersion": version})
    assert response.status_code == 200, response.text
    theirs = pydicom.dcmread(io.BytesIO(response.content), stop_before_pixels=True)

    header = part10.read_header(data)
    request = ModificationRequest.parse({"DicomVersion": version}, anonymize=True,
                                        tags=DEFAULT_TAGS)
    apply(header.dataset, request, ModificationContext(uids=UidMapper.random(),
                                                       anonymized_name="Anonymized1"))
    written = io.BytesIO()
    part10.write_modified(header, header.dataset, data, written)
    ours = pydicom.dcmread(io.BytesIO(written.getvalue()), stop_before_pixels=True)

    source = flatten(pydicom.dcmread(io.BytesIO(data), stop_before_pixels=True, force=True))
    flat_theirs, flat_ours = flatten(theirs), flatten(ours)
    differences, divergences = {}, set()
    for path in set(source) | set(flat_theirs) | set(flat_ours):
        before = source.get(path)
        expected = classify(before, flat_theirs.get(path))
        got = classify(before, flat_ours.get(path))
        if expected == got:
            continue
        if version != "2008" and is_top_level_range(path) and (expected, got) == ("kept",
                                                                                  "absent"):
            divergences.add("top-level range")
        elif version != "2008" and is_overlay_plane(path) and (expected, got) == ("kept",
                                                                                   "absent"):
            divergences.add("overlay group")
        elif len(path) > 1 and path[-1] == PATIENT_NAME and expected == "kept" and (
                got == "emptied"):
            divergences.add("nested PatientName")
        else:
            differences[path] = (expected, got)
    assert differences == {}
    if sample == "synthetic":
        wanted = {"nested PatientName"} | ({"top-level range", "overlay group"}
                                           if version != "2008" else set())
        assert divergences == wanted

    # Both add the same replacements; the texts differ where documented.
    assert re.fullmatch(r"Anonymized\d+", str(theirs.PatientName))
    assert ours.PatientName == "Anonymized1"
    method = request.profile.method
    assert theirs.DeidentificationMethod == f"Orthanc 1.10.1 - {method}"
    assert ours.DeidentificationMethod == f"Lethe {__version__} - {method}"
    assert theirs.PatientIdentityRemoved == ours.PatientIdentityRemoved == "YES"

    # UIDs and PatientIDs change in the same places, and equal originals stay equal.
    changed = [p for p in source if classify(source[p], flat_theirs.get(p)) == "changed"
               and p[-1] not in (PATIENT_NAME, DEIDENTIFICATION_METHOD)]
    assert uid_partition(changed, flat_theirs) == uid_partition(changed, flat_ours)
    for path in changed:
        value = str(flat_ours[path].value)
        if flat_ours[path].VR == "UI":
            assert UID_PATTERN.fullmatch(value) and len(value) <= 64, path
    if sample == "synthetic-rtstruct":
        study_reference = ours.ReferencedFrameOfReferenceSequence[0].RTReferencedStudySequence[0]
        assert study_reference.ReferencedSOPInstanceUID == ours.StudyInstanceUID
        assert ours.SourceImageSequence[0].ReferencedSOPInstanceUID != ours.StudyInstanceUID
    assert ours.file_meta.MediaStorageSOPInstanceUID == ours.SOPInstanceUID
    assert theirs.file_meta.MediaStorageSOPInstanceUID == theirs.SOPInstanceUID
