"""The residual-identity check on synthetic source/output pairs with planted leaks."""

from __future__ import annotations

import copy

import pytest
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence

from lethe.dicom.profiles import load_profile
from lethe.dicom.residual import Leak, find_residual_identity

PROFILE = load_profile("2023b")
NAME = "Doe^John"
STUDY_UID = "1.2.826.0.1.3680043.8.498.1111"
SOP_UID = "1.2.826.0.1.3680043.8.498.3333"


def make_source() -> Dataset:
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.MediaStorageSOPInstanceUID = SOP_UID
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    ds.SOPInstanceUID = SOP_UID
    ds.StudyDate = "20200317"
    ds.StudyTime = "093015"
    ds.AccessionNumber = "ACC98765"
    ds.Modality = "CT"
    ds.InstitutionName = "Hospital of Saint Elsewhere"
    ds.ReferringPhysicianName = "House^Gregory"
    ds.StudyDescription = "NONE"
    ds.SeriesDescription = "AXIAL"
    ref_study = Dataset()
    ref_study.ReferencedSOPClassUID = "1.2.840.10008.3.1.2.3.1"
    ref_study.ReferencedSOPInstanceUID = "1.2.826.0.1.3680043.8.498.4444"
    ref_study.StudyDate = "20200317"
    ds.ReferencedStudySequence = Sequence([ref_study])
    ref_image = Dataset()
    ref_image.ReferencedSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    ref_image.ReferencedSOPInstanceUID = "1.2.826.0.1.3680043.8.498.5555"
    ds.ReferencedImageSequence = Sequence([ref_image])
    ds.PatientName = NAME
    ds.PatientID = "PAT4711"
    ds.PatientBirthDate = "19700101"
    ds.PatientSex = "M"
    ds.StudyInstanceUID = STUDY_UID
    ds.SeriesInstanceUID = "1.2.826.0.1.3680043.8.498.2222"
    ds.StudyID = "1"
    ds.SeriesNumber = "98765"
    ds.Rows = 2
    ds.Columns = 2
    block = ds.private_block(0x0009, "ACME 1.0", create=True)
    block.add_new(0x01, "LO", "VENDOR CONSTANT")
    ds.PixelData = b"\x00" * 8
    return ds


def make_clean_output(source: Dataset) -> Dataset:
    """What a default 2023b anonymization of make_source() looks like."""
    out = copy.deepcopy(source)
    out.file_meta.MediaStorageSOPInstanceUID = "2.25.33"
    for keyword in ("InstitutionName", "StudyDescription", "SeriesDescription",
                    "ReferencedStudySequence", "PatientBirthDate"):
        delattr(out, keyword)
    for keyword in ("StudyDate", "StudyTime", "AccessionNumber", "ReferringPhysicianName",
                    "PatientSex", "StudyID"):
        setattr(out, keyword, "")
    del out[0x00090010]
    del out[0x00091001]
    out.SOPInstanceUID = "2.25.33"
    out.StudyInstanceUID = "2.25.11"
    out.SeriesInstanceUID = "2.25.22"
    out.ReferencedImageSequence[0].ReferencedSOPInstanceUID = "2.25.55"
    out.PatientName = "Anonymized1"
    out.PatientID = "f4932800-0411-8ce6-acad-93beeaa1b3aa"
    out.PatientIdentityRemoved = "YES"
    out.DeidentificationMethod = "Lethe 0.1.0 - PS 3.15-2023b Table E.1-1 Basic Profile"
    return out


def leaks_of(output: Dataset, source: Dataset | None = None) -> set[tuple[str, str, str]]:
    found = find_residual_identity(source or make_source(), output, PROFILE)
    return {(leak.path, leak.source_tag, leak.kind) for leak in found}


def test_clean_output_has_no_leak() -> None:
    source = make_source()
    assert find_residual_identity(source, make_clean_output(source), PROFILE) == []


def test_unchanged_output_leaks_everything_identifying() -> None:
    source = make_source()
    found = leaks_of(copy.deepcopy(source), source)
    paths = {path for path, _, _ in found}
    assert {"PatientName", "PatientID", "StudyDate", "AccessionNumber", "InstitutionName",
            "ReferringPhysicianName", "StudyInstanceUID", "SOPInstanceUID", "SeriesInstanceUID",
            "PatientBirthDate", "ReferencedStudySequence[0].StudyDate",
            "ReferencedImageSequence[0].ReferencedSOPInstanceUID", "SeriesDescription"} <= paths
    # Trivial, generic and standard values, and values the profile keeps, are never leaks.
    assert not paths & {"StudyID", "PatientSex", "StudyDescription", "SOPClassUID", "ImageType",
                        "ReferencedImageSequence[0].ReferencedSOPClassUID", "Modality",
                        "SeriesNumber", "(0009,1001)", "(0009,0010)"}
    assert ("SOPInstanceUID", "SOPInstanceUID", "uid") in found


def test_file_meta_is_not_compared() -> None:
    """The engine leaves the meta header to part10, which regenerates it."""
    source = make_source()
    output = make_clean_output(source)
    output.file_meta.MediaStorageSOPInstanceUID = SOP_UID
    output.file_meta.SourceApplicationEntityTitle = "HOUSE"
    assert leaks_of(output, source) == set()


def test_name_copied_into_a_private_tag() -> None:
    source = make_source()
    output = make_clean_output(source)
    block = output.private_block(0x0009, "ACME 1.0", create=True)
    block.add_new(0x01, "LO", "DOE^JOHN")
    assert leaks_of(output, source) == {("(0009,1001)", "PatientName", "name")}


def test_name_components_in_another_order() -> None:
    source = make_source()
    output = make_clean_output(source)
    output.add_new(0x00291010, "LT", "Patient: John DOE, born 1970")
    assert leaks_of(output, source) == {("(0029,1010)", "PatientName", "name")}


def test_date_in_a_kept_nested_sequence() -> None:
    source = make_source()
    output = make_clean_output(source)
    output.ReferencedStudySequence = copy.deepcopy(source.ReferencedStudySequence)
    output.ReferencedStudySequence[0].ReferencedSOPInstanceUID = "2.25.44"
    assert leaks_of(output, source) == {("ReferencedStudySequence[0].StudyDate", "StudyDate",
                                         "date")}


def test_values_inside_binary_private_elements() -> None:
    source = make_source()
    output = make_clean_output(source)
    output.add_new(0x00431001, "UN", b"\x01\x02Hospital of Saint Elsewhere\x00")
    output.add_new(0x00431002, "OB", b"\x00ACC98765\x00 20200317093015\x00")
    assert leaks_of(output, source) == {
        ("(0043,1001)", "InstitutionName", "text"),
        ("(0043,1002)", "AccessionNumber", "text"),
        ("(0043,1002)", "StudyDate", "date"),
    }


def test_non_ascii_name_in_utf8_bytes() -> None:
    source = make_source()
    source.SpecificCharacterSet = "ISO_IR 192"
    source.PatientName = "Müller^Jürgen"
    output = make_clean_output(source)
    output.add_new(0x00431001, "UN", "Jürgen Müller".encode())
    output.add_new(0x00431002, "LO", "MÜLLER")
    assert leaks_of(output, source) == {("(0043,1001)", "PatientName", "name"),
                                        ("(0043,1002)", "PatientName", "name")}


def test_values_must_be_whole_tokens() -> None:
    source = make_source()
    output = make_clean_output(source)
    output.add_new(0x00431001, "LO", "ACC987650")         # longer accession-like value
    output.add_new(0x00431002, "LO", "XDOE^JOHNX")         # name inside a longer word
    output.add_new(0x00431003, "UI", STUDY_UID + "1")      # a different UID
    output.add_new(0x00431004, "UI", STUDY_UID + ".7")     # a UID below the original
    output.add_new(0x00431005, "LO", "A120200317")         # date preceded by a digit
    output.add_new(0x00431006, "SH", "0930150")            # time followed by a digit
    assert leaks_of(output, source) == set()
    output.add_new(0x00431007, "LO", "see acc98765.")
    output.add_new(0x00431008, "UI", STUDY_UID)
    output.add_new(0x00431009, "DT", "20200317101010")
    output.add_new(0x0043100A, "SH", "093015")
    assert leaks_of(output, source) == {
        ("(0043,1007)", "AccessionNumber", "text"), ("(0043,1008)", "StudyInstanceUID", "uid"),
        ("(0043,1009)", "StudyDate", "date"), ("(0043,100a)", "StudyTime", "time"),
    }


@pytest.mark.parametrize("value", ["", "1", "M", "NONE", "none", "UNKNOWN", "000000", "0.0",
                                   "Anonymized12", "YES"])
def test_trivial_source_values_are_ignored(value: str) -> None:
    source = make_source()
    source.OtherPatientNames = value
    source.PatientName = value
    output = make_clean_output(source)
    output.add_new(0x00431001, "LO", value)
    assert leaks_of(output, source) == set()


def test_standard_uids_are_not_identifying() -> None:
    source = make_source()
    source.ReferencedImageSequence[0].ReferencedSOPInstanceUID = "1.2.840.10008.1.2.1"
    output = make_clean_output(source)
    output.add_new(0x00431001, "UI", "1.2.840.10008.1.2.1")
    assert leaks_of(output, source) == set()


def test_value_kept_by_the_profile_elsewhere_is_searched_only_when_changed() -> None:
    source = make_source()
    output = make_clean_output(source)
    # ImageType keeps "AXIAL" (the removed SeriesDescription's value): the profile keeps it.
    assert output.ImageType == ["ORIGINAL", "PRIMARY", "AXIAL"]
    assert leaks_of(output, source) == set()
    output.ImageType = ["DERIVED", "SECONDARY", "AXIAL"]  # changed: searched
    assert leaks_of(output, source) == {("ImageType", "SeriesDescription", "text")}
    output.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    output.Modality = "AXIAL"  # a kept tag whose value differs from the source
    assert leaks_of(output, source) == {("Modality", "SeriesDescription", "text")}


def test_pixel_data_and_overlays_are_not_searched() -> None:
    source = make_source()
    output = make_clean_output(source)
    output.PixelData = b"Doe^John" * 4
    output.add_new(0x60003000, "OW", b"Doe^John" * 4)
    assert leaks_of(output, source) == set()


def test_identifying_values_found_at_any_depth() -> None:
    source = make_source()
    inner = Dataset()
    inner.PersonName = "Roe^Richard"  # removed by 2023b: identifying even when nested
    source.ContentSequence = Sequence([Dataset()])
    source.ContentSequence[0].ContentSequence = Sequence([inner])
    output = make_clean_output(source)
    output.ContentSequence = Sequence([])  # cleared by 2023b
    deep = Dataset()
    deep.add_new(0x00091001, "LO", "RICHARD")
    output.ReferencedImageSequence[0].ReferencedSeriesSequence = Sequence([deep])
    assert leaks_of(output, source) == {
        ("ReferencedImageSequence[0].ReferencedSeriesSequence[0].(0009,1001)", "PersonName",
         "name")}


def test_leak_text_never_shows_the_value() -> None:
    source = make_source()
    output = make_clean_output(source)
    output.add_new(0x00091001, "LO", NAME)
    (leak,) = find_residual_identity(source, output, PROFILE)
    assert leak == Leak("(0009,1001)", "PatientName", "name", "anything")
    assert leak.value == NAME
    for text in (repr(leak), str(leak), repr([leak])):
        assert "Doe" not in text and "John" not in text


def test_profile_decides_what_is_identifying() -> None:
    source = make_source()
    output = make_clean_output(source)
    output.StudyDate = source.StudyDate
    assert leaks_of(output, source) == {("StudyDate", "StudyDate", "date")}
    # 2008 keeps StudyDate: under that profile the same output does not leak it.
    found = find_residual_identity(source, output, load_profile("2008"))
    assert all(leak.source_tag != "StudyDate" for leak in found)


def test_source_without_identifying_values() -> None:
    source = Dataset()
    source.Modality = "CT"
    output = Dataset()
    output.add_new(0x00091001, "LO", "CT")
    assert find_residual_identity(source, output, PROFILE) == []
