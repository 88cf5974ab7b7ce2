"""The modification engine (spec 3.2-3.10, 5.3-5.5, 6.1-6.2), and its agreement with Orthanc."""

from __future__ import annotations

import base64
import copy
import io
from pathlib import Path

import pydicom
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydicom.dataelem import DataElement, RawDataElement
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence

from lethe.dicom import part10
from lethe.dicom.engine import ModificationContext, apply
from lethe.dicom.levels import Level
from lethe.dicom.request import ModificationRequest
from lethe.dicom.tags import DEFAULT_TAGS, TagDictionary
from lethe.dicom.uids import UidMapper
from lethe.errors import ErrorCode, LetheError
from tests.dicom.differential import differences, lethe_outcome, orthanc_outcome, upload
from tests.support import corpus
from tests.support.dicomgen import CT_IMAGE_STORAGE, make_dataset
from tests.support.servers import orthanc_available, start_orthanc

UIDS = UidMapper(b"engine tests")
CONTEXT = ModificationContext(UIDS, anonymized_name="Anonymized7")
PYDICOM_FILES = Path(pydicom.__file__).parent / "data" / "test_files"
RT_STRUCT_REFERENCE = ("ReferencedFrameOfReferenceSequence", "RTReferencedStudySequence")


def run(ds: Dataset, body: dict, *, anonymize: bool = False, tags: TagDictionary = DEFAULT_TAGS,
        context: ModificationContext = CONTEXT, level: Level | None = None) -> Dataset:
    request = ModificationRequest.parse(body, anonymize=anonymize, tags=tags, level=level)
    apply(ds, request, context)
    return ds


def refusal(ds: Dataset, body: dict, **options) -> LetheError:
    with pytest.raises(LetheError) as raised:
        run(ds, body, **options)
    return raised.value


def written(ds: Dataset) -> tuple[Dataset, bytes]:
    """``ds`` written by the Part 10 writer, read back; and the file's bytes."""
    out = io.BytesIO()
    part10.write_full(ds, out, "1.2.840.10008.1.2.1")
    return pydicom.dcmread(io.BytesIO(out.getvalue())), out.getvalue()


def item(**values) -> Dataset:
    dataset = Dataset()
    for keyword, value in values.items():
        setattr(dataset, keyword, value)
    return dataset


def referencing_dataset() -> Dataset:
    """A CT whose sequences reference itself, its study and its frame of reference."""
    ds = make_dataset(FrameOfReferenceUID="1.2.826.0.1.3680043.2.1125.9")
    ds.ReferencedImageSequence = Sequence([
        item(ReferencedSOPClassUID=CT_IMAGE_STORAGE, ReferencedSOPInstanceUID=ds.SOPInstanceUID),
        item(ReferencedSOPClassUID=CT_IMAGE_STORAGE, ReferencedSOPInstanceUID="1.2.3.4.5")])
    ds.CurrentRequestedProcedureEvidenceSequence = Sequence([item(
        ReferencedSOPClassUID="1.2.840.10008.3.1.2.3.1", StudyInstanceUID=ds.StudyInstanceUID,
        SeriesInstanceUID=ds.SeriesInstanceUID, SOPInstanceUID=ds.SOPInstanceUID,
        PatientID=ds.PatientID, PatientName="Doe^John", InstitutionName="General Hospital",
        AccessionNumber="ACC1", FrameOfReferenceUID=ds.FrameOfReferenceUID,
        ContentSequence=Sequence([item(CodeMeaning="secret")]), StudyDescription="Chest")])
    nested = ds.CurrentRequestedProcedureEvidenceSequence[0]
    nested.add_new(0x00090010, "LO", "ACME")
    nested.add_new(0x00091001, "LO", "private")
    nested.add_new(0x60003000, "OW", b"\0\1")
    nested.add_new(0x60000010, "US", 4)
    ds.ReferencedFrameOfReferenceSequence = Sequence([item(
        FrameOfReferenceUID=ds.FrameOfReferenceUID,
        RTReferencedStudySequence=Sequence([item(
            ReferencedSOPClassUID="1.2.840.10008.3.1.2.3.1",
            ReferencedSOPInstanceUID=ds.StudyInstanceUID)]))])
    return ds


# --- modification ------------------------------------------------------------------------------

def test_keep_beats_replace_beats_remove() -> None:
    assert run(make_dataset(), {"Keep": ["PatientName"], "Replace": {"PatientName": "X"},
                                "Remove": ["PatientName"]}).PatientName == "Doe^John"
    assert run(make_dataset(), {"Replace": {"PatientName": "X"},
                                "Remove": ["PatientName"]}).PatientName == "X"


def test_replace_keys_are_applied_in_bytewise_order() -> None:
    assert run(make_dataset(), {"Replace": {"PatientName": "B", "0010,0010": "A"}}
               ).PatientName == "B"
    ds = run(referencing_dataset(), {"Replace": {
        "ReferencedImageSequence[0].ReferencedSOPInstanceUID": "2.2",
        "ReferencedImageSequence[*].ReferencedSOPInstanceUID": "1.1"}})
    assert [i.ReferencedSOPInstanceUID for i in ds.ReferencedImageSequence] == ["2.2", "1.1"]


@pytest.mark.parametrize(("body", "changed"), [
    ({}, {"SOPInstanceUID"}),
    ({"Replace": {"SeriesInstanceUID": "1.2.3"}, "Force": True},
     {"SeriesInstanceUID", "SOPInstanceUID"}),
    ({"Replace": {"StudyInstanceUID": "1.2.3"}, "Force": True},
     {"StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID"}),
    ({"Replace": {"PatientID": "P2"}, "Force": True},
     {"StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID"})])
def test_the_detected_level_decides_which_uids_change(body: dict, changed: set[str]) -> None:
    original = make_dataset()
    ds = run(make_dataset(study_uid=original.StudyInstanceUID,
                          series_uid=original.SeriesInstanceUID,
                          sop_uid=original.SOPInstanceUID), body)
    levels = {"StudyInstanceUID": Level.STUDY, "SeriesInstanceUID": Level.SERIES,
              "SOPInstanceUID": Level.INSTANCE}
    for keyword, level in levels.items():
        replaced = body.get("Replace", {}).get(keyword)
        if replaced:
            assert ds[keyword].value == replaced
        elif keyword in changed:
            assert ds[keyword].value == UIDS.map_uid(level, original[keyword].value)
        else:
            assert ds[keyword].value == original[keyword].value


@pytest.mark.parametrize(("level", "kept"), [
    (Level.PATIENT, set()), (Level.STUDY, set()), (Level.SERIES, {"StudyInstanceUID"}),
    (Level.INSTANCE, {"StudyInstanceUID", "SeriesInstanceUID"})])
def test_an_explicit_level_decides_which_uids_change(level: Level, kept: set[str]) -> None:
    original = make_dataset()
    ds = run(make_dataset(study_uid=original.StudyInstanceUID,
                          series_uid=original.SeriesInstanceUID,
                          sop_uid=original.SOPInstanceUID), {}, level=level)
    for keyword in ("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID"):
        assert (ds[keyword].value == original[keyword].value) is (keyword in kept)


def test_keep_and_force_keep_the_sop_instance_uid() -> None:
    original = make_dataset()
    ds = run(make_dataset(sop_uid=original.SOPInstanceUID),
             {"Replace": {"PatientName": "Hello"}, "Keep": ["SOPInstanceUID"], "Force": True})
    assert ds.SOPInstanceUID == original.SOPInstanceUID and ds.PatientName == "Hello"
    assert refusal(make_dataset(), {"Keep": ["SOPInstanceUID"]}).code is ErrorCode.BAD_REQUEST


def test_uids_are_consistent_across_the_instances_of_one_context() -> None:
    first, second = make_dataset(), make_dataset()
    second.StudyInstanceUID, second.SeriesInstanceUID = first.StudyInstanceUID, "1.2.3.999"
    originals = [(ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SOPInstanceUID)
                 for ds in (first, second)]
    shared = ModificationContext(UidMapper.random())
    request = ModificationRequest.parse({}, anonymize=False, tags=DEFAULT_TAGS,
                                        level=Level.STUDY)
    for ds in (first, second):
        apply(ds, request, shared)
    assert first.StudyInstanceUID == second.StudyInstanceUID != originals[0][0]
    assert first.SeriesInstanceUID != second.SeriesInstanceUID
    assert first.SOPInstanceUID != second.SOPInstanceUID
    again = make_dataset(study_uid=originals[0][0], series_uid=originals[0][1],
                         sop_uid=originals[0][2])
    apply(again, request, shared)
    assert (again.StudyInstanceUID, again.SeriesInstanceUID, again.SOPInstanceUID) == (
        first.StudyInstanceUID, first.SeriesInstanceUID, first.SOPInstanceUID)
    other = make_dataset(study_uid=originals[0][0])
    apply(other, request, ModificationContext(UidMapper.random()))
    assert other.StudyInstanceUID != first.StudyInstanceUID


def test_a_missing_uid_of_the_level_is_inserted() -> None:
    ds = make_dataset()
    del ds.SeriesInstanceUID
    run(ds, {}, level=Level.SERIES)
    assert ds.SeriesInstanceUID == UIDS.map_uid(Level.SERIES, "")


def test_nested_replace_and_remove_act_on_existing_items_only() -> None:
    ds = run(referencing_dataset(), {
        "Replace": {"ReferencedImageSequence[*].ReferencedFrameNumber": "1",
                    "ReferencedImageSequence[5].ReferencedSOPInstanceUID": "9.9",
                    "SourceImageSequence[0].ReferencedSOPInstanceUID": "9.9",
                    "CurrentRequestedProcedureEvidenceSequence[0].ContentSequence[*].CodeValue": "C"},
        "Remove": ["ReferencedImageSequence[1].ReferencedSOPClassUID",
                   "ReferencedImageSequence[*].PatientAge", "OtherSequence[0].PatientName"]},
        tags=TagDictionary.from_config({"0009,0099": ["SQ", "OtherSequence"]}))
    images = ds.ReferencedImageSequence
    assert len(images) == 2 and [i.ReferencedFrameNumber for i in images] == [1, 1]
    assert "ReferencedSOPClassUID" in images[0] and "ReferencedSOPClassUID" not in images[1]
    assert "SourceImageSequence" not in ds
    assert ds.CurrentRequestedProcedureEvidenceSequence[0].ContentSequence[0].CodeValue == "C"


def test_modification_never_looks_inside_sequences() -> None:
    ds = referencing_dataset()
    original = ds.CurrentRequestedProcedureEvidenceSequence[0].StudyInstanceUID
    run(ds, {
        "Replace": {"StudyInstanceUID": "1.2.3"}, "Force": True, "RemovePrivateTags": True,
        "Keep": ["CurrentRequestedProcedureEvidenceSequence[0].InstitutionName"]})
    nested = ds.CurrentRequestedProcedureEvidenceSequence[0]
    assert nested.StudyInstanceUID == original != ds.StudyInstanceUID
    assert 0x00091001 in nested and nested.InstitutionName == "General Hospital"


def test_sequences_are_created_and_replaced() -> None:
    procedure = [{"CodeValue": "2", "CodingSchemeDesignator": "1", "CodeMeaning": "1"}]
    ds = run(make_dataset(), {"Replace": {"ProcedureCodeSequence": procedure}})
    assert [(i.CodeValue, i.CodingSchemeDesignator, i.CodeMeaning)
            for i in ds.ProcedureCodeSequence] == [("2", "1", "1")]
    ds = run(referencing_dataset(), {"Replace": {"ReferencedImageSequence": [[], {}]}})
    assert [len(i) for i in ds.ReferencedImageSequence] == [0, 0]
    ds = run(referencing_dataset(), {"Replace": {"ReferencedImageSequence": []}})
    assert len(ds.ReferencedImageSequence) == 0
    reread, _ = written(ds)
    assert len(reread.ReferencedImageSequence) == 0


def test_a_binary_value_in_a_sequence_from_a_data_uri() -> None:
    content = "data:application/octet-stream;base64,SSB3YXMgaGVyZSBpbiAyMDE5LiAgTWFydHkgTWNGbHku"
    ds = run(make_dataset(), {"Replace": {"EncryptedAttributesSequence": [{
        "EncryptedContentTransferSyntaxUID": "1.2.840.10008.1.2",
        "EncryptedContent": content}]}})
    reread, _ = written(ds)
    encrypted = reread.EncryptedAttributesSequence[0]
    # 33 bytes: padded to an even length with a NUL, as DCMTK pads them.
    assert encrypted.EncryptedContent == b"I was here in 2019.  Marty McFly.\0"
    assert encrypted.EncryptedContentTransferSyntaxUID == "1.2.840.10008.1.2"


def test_a_private_tag_from_the_dictionary_and_its_creator() -> None:
    tags = TagDictionary.from_config({
        "7001,0010": ["LO", "PrivateCreatorForMy", 1, 1, "MyPrivateCreator"],
        "7001,1001": ["CS", "MyPrivateTag", 1, 1, "MyPrivateCreator"]})
    ds = run(make_dataset(), {"Replace": {"MyPrivateTag": "Hello"},
                              "PrivateCreator": "MyPrivateCreator"}, tags=tags)
    assert (ds[0x70011001].VR, ds[0x70011001].value) == ("CS", "Hello")
    assert 0x70010010 not in ds  # the creator is the client's business
    ds = run(make_dataset(), {"Replace": {"MyPrivateTag": "Hello",
                                          "PrivateCreatorForMy": "MyPrivateCreator"},
                              "PrivateCreator": "MyPrivateCreator"}, tags=tags)
    reread, _ = written(ds)
    assert reread[0x70010010].value == "MyPrivateCreator" and reread[0x70011001].value == "Hello"


def with_private_tags(ds: Dataset) -> Dataset:
    ds.add_new(0x00090010, "LO", "ACME")
    ds.add_new(0x00091001, "LO", "one")
    ds.add_new(0x00091002, "LO", "two")
    ds.add_new(0x00290010, "LO", "OTHER")
    ds.add_new(0x00291001, "SH", "three")
    return ds


def test_remove_private_tags_except_the_kept_ones() -> None:
    ds = run(with_private_tags(make_dataset()),
             {"RemovePrivateTags": True, "Keep": ["0009,1001"]})
    assert [tag for tag in ds.keys() if tag.is_private] == [0x00091001]  # noqa: SIM118
    ds = run(with_private_tags(make_dataset()), {"Replace": {"PatientName": "X"}})
    assert sum(1 for tag in ds.keys() if tag.is_private) == 5  # noqa: SIM118


def test_replacing_pixel_data_and_embedding_a_pdf() -> None:
    ds = run(make_dataset(), {"Replace": {
        "PixelData": "data:application/octet-stream;base64,AAECAw=="}})
    assert (ds[0x7FE00010].VR, ds.PixelData) == ("OW", b"\0\1\2\3")
    pdf = b"%PDF-1.4\n%%EOF\n"  # odd length: padded
    uri = "data:application/pdf;base64," + base64.b64encode(pdf).decode()
    ds = make_dataset()
    del ds.Modality
    run(ds, {"Replace": {"EncapsulatedDocument": uri}})
    assert ds.EncapsulatedDocument == pdf + b"\0"
    assert ds.MIMETypeOfEncapsulatedDocument == "application/pdf"
    assert ds.SOPClassUID == CT_IMAGE_STORAGE  # present: kept (newest Orthanc)
    assert (ds.Modality, ds.ConversionType) == ("OT", "WSD")
    ds = make_dataset()
    del ds.SOPClassUID
    assert run(ds, {"Replace": {"EncapsulatedDocument": uri}}).SOPClassUID == (
        "1.2.840.10008.5.1.4.1.1.104.1")


# --- character sets ----------------------------------------------------------------------------

def test_a_value_the_character_set_cannot_encode_is_refused_and_nothing_changes() -> None:
    ds = make_dataset()  # ISO_IR 100
    before = ds.SOPInstanceUID
    error = refusal(ds, {"Replace": {"PatientName": "Éric^Ωmega", "StationName": "S"}})
    assert error.code is ErrorCode.BAD_REQUEST
    assert "0010,0010" in error.details and "(ISO_IR 100)" in error.details
    assert "Éric" not in error.details
    assert ds.PatientName == "Doe^John" and ds.SOPInstanceUID == before
    assert "StationName" not in ds
    nested = {"ProcedureCodeSequence": [{"CodeMeaning": "Ω"}]}
    assert "0008,0104" in refusal(make_dataset(), {"Replace": nested}).details
    nested_path = {"ReferencedImageSequence[0].ReferencedSOPClassUID": "1",
                   "CurrentRequestedProcedureEvidenceSequence[0].InstitutionName": "Ω"}
    assert refusal(referencing_dataset(), {"Replace": nested_path}).code is ErrorCode.BAD_REQUEST


def test_latin1_is_the_default_character_set() -> None:
    ds = make_dataset()
    del ds.SpecificCharacterSet
    _, data = written(run(ds, {"Replace": {"PatientName": "Éric"}}))
    assert "Éric".encode("latin-1") in data
    assert refusal(ds, {"Replace": {"PatientName": "Ω"}}).code is ErrorCode.BAD_REQUEST


def test_utf8_data_sets_take_any_text() -> None:
    ds = run(make_dataset(SpecificCharacterSet="ISO_IR 192"),
             {"Replace": {"PatientName": "Éric^Ωmega"}})
    reread, data = written(ds)
    assert "Éric^Ωmega".encode() in data and reread.PatientName == "Éric^Ωmega"


def test_replacing_the_character_set_changes_the_encoding_of_new_values() -> None:
    ds = run(make_dataset(InstitutionName="Hôpital"),
             {"Replace": {"SpecificCharacterSet": "ISO_IR 192", "PatientName": "Ωmega"}})
    reread, data = written(ds)
    assert "Ωmega".encode() in data and reread.PatientName == "Ωmega"
    # Unlike Orthanc, the existing text is re-encoded so that the file stays consistent.
    assert "Hôpital".encode() in data and reread.InstitutionName == "Hôpital"
    error = refusal(make_dataset(SpecificCharacterSet="ISO_IR 192"),
                    {"Replace": {"SpecificCharacterSet": "ISO_IR 100", "PatientName": "Ωmega"}})
    assert error.code is ErrorCode.BAD_REQUEST


def test_code_extensions() -> None:
    ds = run(make_dataset(SpecificCharacterSet=["", "ISO 2022 IR 87"]),
             {"Replace": {"PatientName": "Yamada^Tarou=山田^太郎"}})
    reread, _ = written(ds)
    assert reread.PatientName == "Yamada^Tarou=山田^太郎"


# --- anonymization -----------------------------------------------------------------------------

def test_default_anonymization() -> None:
    original = with_private_tags(make_dataset())
    ds = run(with_private_tags(make_dataset(
        patient_id="PAT1", study_uid=original.StudyInstanceUID,
        series_uid=original.SeriesInstanceUID, sop_uid=original.SOPInstanceUID)),
        {}, anonymize=True)
    assert ds.PatientName == "Anonymized7"
    assert ds.PatientID == UIDS.map_patient_id("PAT1")
    assert ds.StudyInstanceUID == UIDS.map_uid(Level.STUDY, original.StudyInstanceUID)
    assert ds.SeriesInstanceUID == UIDS.map_uid(Level.SERIES, original.SeriesInstanceUID)
    assert ds.SOPInstanceUID == UIDS.map_uid(Level.INSTANCE, original.SOPInstanceUID)
    assert (ds.PatientBirthDate, ds.AccessionNumber, ds.StudyDate, ds.PatientSex) == (
        "", "", "", "")
    assert "InstitutionName" not in ds and "StudyDescription" not in ds
    assert not [tag for tag in ds.keys() if tag.is_private]  # noqa: SIM118
    assert ds.PatientIdentityRemoved == "YES"
    assert ds.DeidentificationMethod == "Lethe 0.1.0 - PS 3.15-2023b Table E.1-1 Basic Profile"
    assert ds.Modality == "CT" and ds.Rows == 4


def test_deidentification_method_prefix_and_when_it_is_dropped() -> None:
    context = ModificationContext(UIDS, anonymized_name="A", method_prefix="Lethe 9.9")
    ds = run(make_dataset(), {"DicomVersion": "2008"}, anonymize=True, context=context)
    assert ds.DeidentificationMethod == "Lethe 9.9 - PS 3.15-2008 Table E.1-1"
    ds = make_dataset(DeidentificationMethod="Original")
    ds = run(ds, {"Keep": ["StudyDescription"]}, anonymize=True)
    assert ds.DeidentificationMethod == "Original" and ds.StudyDescription == "Chest"


def test_the_anonymized_name_comes_from_the_context() -> None:
    with pytest.raises(ValueError):
        run(make_dataset(), {}, anonymize=True, context=ModificationContext(UIDS))
    ds = make_dataset()
    del ds.PatientName
    assert run(ds, {}, anonymize=True).PatientName == "Anonymized7"
    assert run(make_dataset(), {"Remove": ["PatientName"]}, anonymize=True,
               context=ModificationContext(UIDS)).get("PatientName") is None


def test_patient_id_absent_stays_absent_and_empty_gets_a_value() -> None:
    ds = make_dataset()
    del ds.PatientID
    assert "PatientID" not in run(ds, {}, anonymize=True)
    assert run(make_dataset(patient_id=""), {}, anonymize=True).PatientID == (
        UIDS.map_patient_id(""))


def test_the_nested_rules() -> None:
    ds = referencing_dataset()
    original = copy.deepcopy(ds)
    run(ds, {"DicomVersion": "2021b"}, anonymize=True)
    nested = ds.CurrentRequestedProcedureEvidenceSequence[0]
    assert 0x00090010 not in nested and 0x00091001 not in nested  # private
    assert "InstitutionName" not in nested and "StudyDescription" not in nested  # removals
    # overlay data range: the whole overlay group goes, not to leave an invalid Overlay Plane
    assert 0x60003000 not in nested and 0x60000010 not in nested
    assert nested.AccessionNumber == ""  # cleared string
    assert "ContentSequence" not in nested  # cleared sequence: removed
    assert nested.PatientName == ""  # divergence: PS3.15 Z
    assert nested.StudyInstanceUID == ds.StudyInstanceUID
    assert nested.SeriesInstanceUID == ds.SeriesInstanceUID
    assert nested.SOPInstanceUID == ds.SOPInstanceUID
    assert nested.PatientID == ds.PatientID
    assert nested.FrameOfReferenceUID == ds.FrameOfReferenceUID == UIDS.map_uid(
        Level.INSTANCE, original.FrameOfReferenceUID)
    images = ds.ReferencedImageSequence  # X/Z/U*: kept, UIDs remapped
    assert images[0].ReferencedSOPInstanceUID == ds.SOPInstanceUID
    assert images[1].ReferencedSOPInstanceUID == UIDS.map_uid(Level.INSTANCE, "1.2.3.4.5")
    assert images[0].ReferencedSOPClassUID == CT_IMAGE_STORAGE
    rt = ds.ReferencedFrameOfReferenceSequence[0].RTReferencedStudySequence[0]
    assert rt.ReferencedSOPInstanceUID == ds.StudyInstanceUID  # RT-STRUCT: study map


def test_kept_paths_protect_their_subtree_and_nested_operations_come_last() -> None:
    ds = referencing_dataset()
    original = copy.deepcopy(ds)
    run(ds, {
        "Keep": ["CurrentRequestedProcedureEvidenceSequence[0].InstitutionName", "ReferencedImageSequence"],
        "Remove": ["ReferencedImageSequence[1].ReferencedSOPClassUID"]}, anonymize=True)
    assert ds.CurrentRequestedProcedureEvidenceSequence[0].InstitutionName == "General Hospital"
    assert "StudyDescription" not in ds.CurrentRequestedProcedureEvidenceSequence[0]
    images = ds.ReferencedImageSequence
    assert images[0].ReferencedSOPInstanceUID == original.SOPInstanceUID
    assert "ReferencedSOPClassUID" not in images[1]


def test_keep_private_tags_keeps_them_everywhere() -> None:
    ds = run(with_private_tags(referencing_dataset()), {"KeepPrivateTags": True},
             anonymize=True)
    assert 0x00091002 in ds and 0x00091001 in ds.CurrentRequestedProcedureEvidenceSequence[0]
    ds = run(with_private_tags(referencing_dataset()), {"Keep": ["0009,1001"]}, anonymize=True)
    assert 0x00091001 in ds and 0x00090010 not in ds
    assert 0x00091001 not in ds.CurrentRequestedProcedureEvidenceSequence[0]


def test_client_uids_are_followed_by_nested_references() -> None:
    ds = run(referencing_dataset(), {"Replace": {"StudyInstanceUID": "1.2.3",
                                                 "SOPInstanceUID": "1.2.3.4"}, "Force": True},
             anonymize=True)
    assert ds.StudyInstanceUID == ds.CurrentRequestedProcedureEvidenceSequence[0].StudyInstanceUID == "1.2.3"
    assert ds.ReferencedImageSequence[0].ReferencedSOPInstanceUID == "1.2.3.4"
    rt = ds.ReferencedFrameOfReferenceSequence[0].RTReferencedStudySequence[0]
    assert rt.ReferencedSOPInstanceUID == "1.2.3"


def test_kept_main_uids_do_not_stop_nested_remapping() -> None:
    ds = referencing_dataset()
    original = copy.deepcopy(ds)
    run(ds, {"Keep": ["StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID"],
             "Force": True}, anonymize=True)
    assert ds.SOPInstanceUID == original.SOPInstanceUID
    assert ds.ReferencedImageSequence[0].ReferencedSOPInstanceUID == UIDS.map_uid(
        Level.INSTANCE, original.SOPInstanceUID)


def test_replacing_or_keeping_a_tag_leaves_its_nested_copies_alone() -> None:
    ds = referencing_dataset()
    original = copy.deepcopy(ds)
    run(ds, {"Replace": {"FrameOfReferenceUID": "1.9"}, "Keep": ["PatientName"]},
        anonymize=True)
    nested = ds.CurrentRequestedProcedureEvidenceSequence[0]
    assert ds.FrameOfReferenceUID == "1.9"
    assert nested.FrameOfReferenceUID == original.FrameOfReferenceUID
    assert ds.PatientName == "Doe^John" and nested.PatientName == "Doe^John"


@pytest.mark.parametrize(("version", "removed"), [
    ("2008", False), ("2017c", True), ("2021b", True), ("2023b", True)])
def test_top_level_curves_and_overlays_follow_ps315(version: str, removed: bool) -> None:
    ds = make_dataset()
    ds.add_new(0x60003000, "OW", b"\0\1")
    ds.add_new(0x60004000, "LT", "overlay comment")
    ds.add_new(0x50003000, "OW", b"\0\1")
    ds.add_new(0x60000010, "US", 4)
    run(ds, {"DicomVersion": version}, anonymize=True)
    assert all((tag in ds) is not removed
               for tag in (0x60003000, 0x60004000, 0x50003000, 0x60000010))
    ds = make_dataset()
    ds.add_new(0x60003000, "OW", b"\0\1")
    assert 0x60003000 in run(ds, {"Keep": ["OverlayData"]}, anonymize=True)


def test_untouched_elements_stay_raw() -> None:
    data = (PYDICOM_FILES / "CT_small.dcm").read_bytes()
    for anonymize, body in ((False, {"Replace": {"PatientName": "X"}}), (True, {})):
        header = part10.read_header(data)
        apply(header.dataset, ModificationRequest.parse(body, anonymize=anonymize,
                                                        tags=DEFAULT_TAGS), CONTEXT)
        elements = [header.dataset.get_item(tag, keep_deferred=True)
                    for tag in header.dataset.keys()]  # noqa: SIM118
        raw = sum(isinstance(element, RawDataElement) for element in elements)
        assert raw > len(elements) * 0.6, (anonymize, raw, len(elements))


# --- property: any accepted request is written and read back with its values ----------------

TEXT_TAGS = ["PatientName", "PatientID", "StudyDescription", "InstitutionName", "StationName",
             "AccessionNumber", "Modality", "StudyDate", "StudyTime", "SliceThickness",
             "InstanceNumber", "ImageComments", "SeriesInstanceUID", "OtherPatientNames",
             "PatientAge", "SpecificCharacterSet", "Rows", "WindowCenter", "PatientWeight"]
NESTED = ["ReferencedImageSequence[*].ReferencedSOPInstanceUID",
          "ReferencedImageSequence[0].ReferencedFrameNumber",
          "CurrentRequestedProcedureEvidenceSequence[0].StudyDescription"]


@st.composite
def requests(draw: st.DrawFn) -> dict:
    values = st.one_of(st.none(), st.text(max_size=12),
                       st.from_regex(r"[0-9]{1,4}(\.[0-9]{1,3})?", fullmatch=True),
                       st.sampled_from(["ISO_IR 192", "ISO_IR 100", "A\\B", "Ω", "\\"]))
    replace = draw(st.dictionaries(st.sampled_from(TEXT_TAGS + NESTED), values, max_size=6))
    remove = draw(st.lists(st.sampled_from(TEXT_TAGS + NESTED), max_size=3))
    keep = draw(st.lists(st.sampled_from(TEXT_TAGS), max_size=2))
    return {"Replace": replace, "Remove": remove, "Keep": keep, "Force": True}


@pytest.mark.filterwarnings("ignore::UserWarning")  # pydicom reading back invalid values
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=requests(), anonymize=st.booleans())
def test_any_accepted_request_is_written_and_read_back(body: dict, anonymize: bool) -> None:
    try:
        request = ModificationRequest.parse(body, anonymize=anonymize, tags=DEFAULT_TAGS)
        ds = referencing_dataset()
        apply(ds, request, CONTEXT)
    except LetheError:
        assume(False)
        return
    reread, _ = written(ds)
    for entry in request.replacements:
        if entry.path.final.element != 0:
            assert reread[entry.path.final].value == entry.element.value, entry.key
    for tag in request.removals:
        assert tag not in reread
    for entry in request.nested_replacements:
        step, final = entry.path.prefix[0], entry.path.final
        items = reread.get(step.tag, DataElement(step.tag, "SQ", [])).value
        selected = items if step.index is None else items[step.index:step.index + 1]
        assert all(i[final].value == entry.element.value for i in selected), entry.key


# --- differential: the same requests on Orthanc 1.10.1 -----------------------------------------

SAMPLE_FILES = {
    "ct": PYDICOM_FILES / "CT_small.dcm",
    "mr": PYDICOM_FILES / "MR_small.dcm",
    "rtplan": PYDICOM_FILES / "rtplan.dcm",
    "rtstruct": PYDICOM_FILES / "rtstruct.dcm",
    "brainix": corpus.SAMPLES / "Brainix" / "Epi" / "IM-0001-0001.dcm",
    "private": corpus.SAMPLES / "PrivateTags.dcm",
    "pdf": corpus.SAMPLES / "sample-pdf.dcm",
    "dummyct": corpus.SAMPLES / "DummyCT.dcm",
}
PDF_URI = "data:application/pdf;base64,JVBERi0xLjQKJXRlc3QKMSAwIG9iajw8Pj5lbmRvYmoKJSVFT0YK"
SEED_ENCRYPTED = [{"EncryptedContentTransferSyntaxUID": "1.2.840.10008.1.2",
                   "EncryptedContent": "data:application/octet-stream;base64,"
                                       "SSB3YXMgaGVyZSBpbiAyMDE5LiAgTWFydHkgTWNGbHku"}]
MODIFICATIONS = [
    ("ct", {}),
    ("ct", {"Replace": {"PatientName": "Hello"}}),
    ("ct", {"Replace": {"StudyDescription": "Desc", "InstitutionName": "My own clinic"}}),
    ("ct", {"Remove": ["InstitutionName"]}),
    ("mr", {"Remove": ["InstitutionName", "PatientWeight", "PatientComments"]}),
    ("ct", {"Replace": {"PatientID": "world", "PatientName": "hello"}, "Force": True}),
    ("ct", {"Replace": {"StudyInstanceUID": "1.2.3"}, "Force": True}),
    ("ct", {"Replace": {"SeriesInstanceUID": "1.2.3.4"}, "Force": True}),
    ("ct", {"Keep": ["SOPInstanceUID"], "Force": True}),
    ("mr", {"Replace": {"SeriesInstanceUID": "1.2.3"}, "Keep": ["SOPInstanceUID"],
            "Force": True}),
    ("ct", {"Keep": ["PatientName"], "Replace": {"PatientName": "X"}, "Remove": ["PatientName"]}),
    ("ct", {"Replace": {"PatientName": "X"}, "Remove": ["PatientName"]}),
    ("ct", {"Replace": {"0010,0010": "A", "PatientName": "B"}}),
    ("ct", {"RemovePrivateTags": True}),
    ("ct", {"RemovePrivateTags": True, "Keep": ["0043,1028"]}),
    ("brainix", {"Replace": {"ProcedureCodeSequence": [
        {"CodeValue": "2", "CodingSchemeDesignator": "1", "CodeMeaning": "1"}]}}),
    ("mr", {"Replace": {"EncryptedAttributesSequence": SEED_ENCRYPTED}}),
    ("mr", {"Replace": {"StudyDescription": "data:application/octet-stream;base64,SGVsbG8="}}),
    ("brainix", {"Replace": {"ReferencedImageSequence[1].ReferencedSOPInstanceUID": "1.2.3"}}),
    ("brainix", {"Replace": {"ReferencedImageSequence[*].ReferencedSOPInstanceUID": "1.2.3",
                             "ReferencedImageSequence[0].ReferencedSOPInstanceUID": "9.9"}}),
    ("brainix", {"Remove": ["ReferencedImageSequence[*].ReferencedSOPClassUID"]}),
    ("brainix", {"Replace": {"ReferencedImageSequence[7].ReferencedSOPInstanceUID": "1.2.3"}}),
    ("brainix", {"Replace": {"ReferencedImageSequence[0].PatientName": "Nested"}}),
    ("brainix", {"Keep": ["ReferencedImageSequence[0].ReferencedSOPInstanceUID"]}),
    ("mr", {"Replace": {"StudyDescription": None, "PatientSex": ""}}),
    ("mr", {"Replace": {"Rows": "-5", "ImageType": "A\\B\\C",
                        "FrameIncrementPointer": "PatientName"}}),
    ("mr", {"Replace": {"SpecificCharacterSet": "ISO_IR 192", "PatientName": "Éric^Ωmega"}}),
    ("ct", {"Replace": {"PatientName": "Éric"}}),
    ("mr", {"Replace": {"OtherPatientNames": "Other^Name", "0010,0000": "12"}}),
    ("mr", {"Replace": {"SliceThickness": "abc", "InstanceNumber": "1.5"}}),
    ("private", {"RemovePrivateTags": True}),
    ("rtplan", {"Replace": {"BeamSequence[0].BeamName": "B1",
                            "FractionGroupSequence[*].NumberOfBeams": "3"}}),
    ("rtplan", {"Remove": ["BeamSequence[0].ControlPointSequence[*].GantryAngle"]}),
    ("mr", {"Replace": {"PixelData": "data:application/octet-stream;base64,AAECAw=="}}),
    ("mr", {"Remove": ["PixelData"]}),
    ("mr", {"Replace": {"SOPClassUID": "1.2.840.10008.5.1.4.1.1.7"}}),
    ("pdf", {"Replace": {"EncapsulatedDocument": PDF_URI}}),
    ("dummyct", {"Replace": {"PatientName": "Compressed"}}),
]
REFUSALS = [
    ("mr", {"Replace": {"Rows": "abc"}}),
    ("mr", {"Replace": {"InstanceNumber": 5}}),
    ("mr", {"Replace": {"PatientName": []}}),
    ("mr", {"Replace": {"PatientID": "x"}}),
    ("mr", {"Remove": ["SOPInstanceUID"]}),
    ("mr", {"Remove": ["PatientID"], "Force": True}),
    ("mr", {"Keep": ["StudyInstanceUID"]}),
    ("mr", {"Replace": {"NoSuchTag": "x"}}),
    ("mr", {"Replace": {"ReferencedImageSequence.ReferencedSOPInstanceUID": "1.2"}}),
    ("mr", {"Replace": {"ReferencedImageSequence[x].PatientName": "x"}}),
    ("mr", {"Force": "yes"}),
    ("mr", b"[1]"),
    ("mr", {"PrivateCreator": 5}),
    ("mr", {"Transcode": "1.2.3"}),
]
ANONYMIZATIONS = [
    ("ct", {"DicomVersion": "2021b"}),
    ("mr", {"DicomVersion": "2021b"}),
    ("brainix", {"DicomVersion": "2021b"}),
    ("brainix", {"DicomVersion": "2017c"}),
    ("brainix", {"DicomVersion": "2008"}),
    ("brainix", {"DicomVersion": "2021b", "KeepPrivateTags": True}),
    ("brainix", {"DicomVersion": "2021b", "Keep": ["ReferencedImageSequence"]}),
    ("brainix", {"DicomVersion": "2017c", "Keep": ["StudyDescription", "SeriesDescription"],
                 "Replace": {"PatientName": "Hello", "0010-1001": "World"}}),
    ("brainix", {"DicomVersion": "2021b", "Replace": {"StudyInstanceUID": "1.2.3"},
                 "Force": True}),
    ("brainix", {"DicomVersion": "2021b", "Force": True,
                 "Keep": ["SOPInstanceUID", "StudyInstanceUID", "SeriesInstanceUID"]}),
    ("brainix", {"DicomVersion": "2021b",
                 "Remove": ["ReferencedImageSequence[*].ReferencedSOPInstanceUID"]}),
    ("ct", {"DicomVersion": "2021b", "Keep": ["0043,1028"]}),
    ("rtstruct", {"DicomVersion": "2021b"}),
    ("rtplan", {"DicomVersion": "2021b"}),
    ("private", {"DicomVersion": "2021b"}),
    ("dummyct", {"DicomVersion": "2021b"}),
]


@pytest.fixture(scope="module")
def orthanc_instances(tmp_path_factory: pytest.TempPathFactory) -> tuple:
    """An Orthanc of this module alone (the session one may hold other files with the same
    identifiers, e.g. DummyCT.dcm and 2017-06-27-XSSInjection.dcm), with the samples stored
    (those of the corpus only when it is there)."""
    if not orthanc_available():
        pytest.skip("Orthanc is not installed")
    server = start_orthanc(tmp_path_factory.mktemp("orthanc-engine"))
    client = server.client()
    try:
        data = {name: path.read_bytes() for name, path in SAMPLE_FILES.items()
                if path.is_file()}
        ids = {name: upload(client, content) for name, content in data.items()}
        yield client, ids, data
    finally:
        client.close()
        server.stop()


def _ignored_by_orthanc(path: str) -> bool:
    """Group 0002 elements inside sequence items: DCMTK drops them, Lethe keeps them."""
    return "." in path and path.rsplit(".", 1)[1].startswith("0002,")


def check_same(orthanc_instances: tuple, name: str, body: object, anonymize: bool) -> None:
    client, ids, data = orthanc_instances
    if name not in data:
        corpus.require(SAMPLE_FILES[name])  # skips: that sample is missing
    expected = orthanc_outcome(client, ids[name], body, anonymize=anonymize)
    assert not expected.refused, (expected.status, expected.details)
    context = ModificationContext(UidMapper.random(),
                                  anonymized_name=str(expected.dataset.get("PatientName", "")))
    actual = lethe_outcome(data[name], body, anonymize=anonymize, context=context)
    assert not actual.refused, (actual.status, actual.details)
    found = [d for d in differences(expected.dataset, actual.dataset)
             if not _ignored_by_orthanc(d.split(":", 1)[0])]
    assert found == []


@pytest.mark.orthanc
@pytest.mark.filterwarnings("ignore::UserWarning")  # pydicom reading the invalid IS "1.5"
@pytest.mark.parametrize(("name", "body"), MODIFICATIONS)
def test_modifications_agree_with_orthanc(orthanc_instances: tuple, name: str,
                                          body: dict) -> None:
    check_same(orthanc_instances, name, body, anonymize=False)


@pytest.mark.orthanc
@pytest.mark.parametrize(("name", "body"), ANONYMIZATIONS)
def test_anonymizations_agree_with_orthanc(orthanc_instances: tuple, name: str,
                                           body: dict) -> None:
    check_same(orthanc_instances, name, body, anonymize=True)


@pytest.mark.orthanc
@pytest.mark.parametrize(("name", "body"), REFUSALS)
def test_refusals_agree_with_orthanc(orthanc_instances: tuple, name: str, body: object) -> None:
    client, ids, data = orthanc_instances
    expected = orthanc_outcome(client, ids[name], body)
    actual = lethe_outcome(data[name], body)
    assert expected.refused and actual.refused
    # Lethe answers 400 where Orthanc answers 500 (unknown tags), with the same error code.
    assert actual.status == (400 if expected.status == 500 else expected.status)
    assert actual.code == expected.code
    if expected.details:
        assert actual.details == expected.details
