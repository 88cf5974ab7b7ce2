"""Tag names, VRs and the Dictionary configuration (spec 2.4 and 5.4)."""

from __future__ import annotations

import pytest
from pydicom.datadict import DicomDictionary
from pydicom.tag import BaseTag, Tag

from lethe.dicom.tags import DEFAULT_TAGS, TagDictionary, format_tag, resolve_vr
from lethe.errors import ErrorCode, LetheError

MY_DICTIONARY = {
    "7001,0010": ["LO", "PrivateCreatorForMy", 1, 1, "MyPrivateCreator"],
    "7001,1001": ["CS", "MyPrivateTag", 1, 1, "MyPrivateCreator"],
    "7003,01": ["DS", "ShortPrivateTag", 1, 1, "ShortCreator"],
    "7005,1002": ["US", "NoCreatorTag"],
    "0009,1001": ["UT", "OverridesGems", 1, 1, "MyPrivateCreator"],
    "0011,0011": ["SH", "SameNameTwice", 1, 1, "First"],
    "0008,0070": ["UT", "MyManufacturer", 1, 0],
    "4321,1234": ["FD", "PatientName", 1, 1, "Clash"],
}


@pytest.fixture(scope="module")
def custom() -> TagDictionary:
    return TagDictionary.from_config(MY_DICTIONARY)


@pytest.mark.parametrize("text", [
    "0010,0010", "0010-0010", "00100010", "(0010,0010)", "(0010-0010)", "(00100010)",
    "10,10", "0010,10", "PatientName",
])
def test_every_form_of_patient_name(text: str) -> None:
    tag = DEFAULT_TAGS.parse_tag(text)
    assert isinstance(tag, BaseTag)
    assert tag == 0x00100010


@pytest.mark.parametrize(("text", "expected"), [
    ("10,1010", 0x00101010),            # DCMTK short hex
    ("7fe0,0010", 0x7FE00010),          # lower-case hex
    ("7FE0,0010", 0x7FE00010),
    ("0009,1001", 0x00091001),          # private tags are plain hex
    ("1,2", 0x00010002),
    ("OtherPatientIDs", 0x00101000),    # retired, as newest Orthanc
    ("RETIRED_OtherPatientIDs", 0x00101000),  # retired, as DCMTK 3.6.7 names it
    ("RETIRED_CurveData", 0x50003000),  # repeating group, first group
    ("CurveData", 0x50003000),
    ("OverlayData", 0x60003000),
    ("SourceImageIDs", 0x00203100),
    ("ReferencedImageSequence", 0x00081140),
    ("PixelPaddingValue", 0x00280120),
])
def test_accepted_names(text: str, expected: int) -> None:
    assert DEFAULT_TAGS.parse_tag(text) == expected


def test_every_pydicom_keyword_is_a_name() -> None:
    for tag, entry in DicomDictionary.items():
        if entry[4]:
            assert DEFAULT_TAGS.parse_tag(entry[4]) == tag


@pytest.mark.parametrize(("text", "details"), [
    ("patientname", 'Unknown DICOM tag: "patientname"'),       # names are case-sensitive
    ("RETIRED_PatientName", 'Unknown DICOM tag: "RETIRED_PatientName"'),  # not retired
    ("", 'Unknown DICOM tag: ""'),
    ("Seq[0]", 'Unknown DICOM tag: "Seq[0]"'),
    ("0010,00100", 'Unknown DICOM tag: "0010,00100"'),
    ("00100010a", 'Unknown DICOM tag: "00100010a"'),
    ("0010;0010", 'Unknown DICOM tag: "0010;0010"'),
    (" PatientName", 'Unknown DICOM tag: " PatientName"'),
    ("10-1010", 'Unknown DICOM tag: "10-1010"'),
    ("(zzzz,0010)", "Cannot parse tag: (zzzz,0010)"),
    ("(10,1010)", "Cannot parse tag: (10,1010)"),
    ("(PatientName)", "Cannot parse tag: (PatientName)"),
    ("MyPrivateTag", 'Unknown DICOM tag: "MyPrivateTag"'),  # only with the configuration
])
def test_unknown_names(text: str, details: str) -> None:
    with pytest.raises(LetheError) as caught:
        DEFAULT_TAGS.parse_tag(text)
    assert caught.value.code is ErrorCode.UNKNOWN_DICOM_TAG
    assert caught.value.http_status == 400
    assert caught.value.details == details


def test_configuration_names(custom: TagDictionary) -> None:
    assert custom.parse_tag("MyPrivateTag") == 0x70011001
    assert custom.parse_tag("PrivateCreatorForMy") == 0x70010010
    assert custom.parse_tag("ShortPrivateTag") == 0x70030001  # as written, as DCMTK registers it
    assert custom.parse_tag("MyManufacturer") == 0x00080070
    assert custom.parse_tag("PatientName") == 0x43211234  # the configuration wins a clash
    assert custom.parse_tag("0010,0010") == 0x00100010


@pytest.mark.parametrize(("tag", "creator", "vr"), [
    (0x70011001, "MyPrivateCreator", "CS"),   # spec 5.4 table
    (0x70011001, "", "UN"),
    (0x70011001, "Other", "UN"),
    (0x70011201, "MyPrivateCreator", "CS"),   # any block: low 8 bits only
    (0x70011002, "MyPrivateCreator", "UN"),
    (0x70031501, "ShortCreator", "DS"),       # "7003,01" describes every xx01
    (0x70030001, "ShortCreator", "DS"),
    (0x70051002, "", "US"),                   # entry without a creator
    (0x70051002, "Someone", "UN"),
    (0x00091001, "MyPrivateCreator", "UT"),   # the configuration before pydicom's
    (0x00091001, "GEMS_IDEN_01", "LO"),       # pydicom's private dictionary
    (0x00091101, "GEMS_IDEN_01", "LO"),
    (0x00091027, "GEMS_IDEN_01", "SL"),
    (0x00091027, "", "UN"),                   # spec 5.4: no creator, UN
    (0x70010010, "", "LO"),                   # private creator elements
    (0x000900FF, "Anyone", "LO"),
    (0x00080070, "", "UT"),                   # public entry overrides pydicom
])
def test_private_and_configured_vrs(custom: TagDictionary, tag: int, creator: str,
                                    vr: str) -> None:
    assert custom.vr_of(tag, creator) == vr


@pytest.mark.parametrize(("tag", "dictionary_vr", "vr"), [
    (0x00100010, "PN", "PN"),
    (0x00280010, "US", "US"),
    (0x00280120, "US or SS", "US"),           # PixelPaddingValue (xs)
    (0x7FE00010, "OB or OW", "OB"),           # PixelData
    (0x60003000, "OB or OW", "OB"),           # OverlayData, repeating group
    (0x60023000, "OB or OW", "OB"),
    (0x00281201, "OW", "OW"),                 # RedPaletteColorLookupTableData
    (0x00283006, "US or OW", "US"),           # LUTData
    (0x00081140, "SQ", "SQ"),
    (0x00089999, "UN", "UN"),                 # unknown public tag
    (0xFFFEE000, "NONE", "UN"),               # Item
])
def test_public_vrs(tag: int, dictionary_vr: str, vr: str) -> None:
    assert DEFAULT_TAGS.dictionary_vr(tag) == dictionary_vr
    assert DEFAULT_TAGS.vr_of(tag) == vr
    assert resolve_vr(dictionary_vr) == vr


def test_keyword_of(custom: TagDictionary) -> None:
    assert DEFAULT_TAGS.keyword_of(0x00100010) == "PatientName"
    assert DEFAULT_TAGS.keyword_of(Tag(0x60023000)) == "OverlayData"
    assert DEFAULT_TAGS.keyword_of(0x00089999) == ""
    assert DEFAULT_TAGS.keyword_of(0x00091001) == ""
    assert custom.keyword_of(0x70011001) == "MyPrivateTag"
    assert custom.keyword_of(0x00080070) == "MyManufacturer"


@pytest.mark.parametrize(("tag", "text"), [
    (0x00100010, "0010,0010"), (0x7FE00010, "7fe0,0010"), (Tag(0x0009, 0x10AB), "0009,10ab"),
    (0xFFFEE000, "fffe,e000"), (0, "0000,0000"),
])
def test_format_tag(tag: int, text: str) -> None:
    assert format_tag(tag) == text


@pytest.mark.parametrize(("entries", "fragment"), [
    ({"zzzz,0010": ["LO", "X"]}, "'zzzz,0010'"),
    ({"PatientName": ["LO", "X"]}, "'PatientName'"),
    ({"7001,1001": "LO"}, "'7001,1001'"),
    ({"7001,1001": ["LO"]}, "'7001,1001'"),
    ({"7001,1001": ["XX", "Name"]}, "unknown VR 'XX'"),
    ({"7001,1001": ["LO", ""]}, "no name"),
    ({"7001,1001": ["LO", 3]}, "no name"),
    ({"7001,1001": ["LO", "Name", "1"]}, "bad multiplicity '1'"),
    ({"7001,1001": ["LO", "Name", 1, True]}, "bad multiplicity True"),
    ({"7001,1001": ["LO", "Name", 1, 1, 7]}, "private creator"),
    ({"7001,1001": ["LO", "Name", 1, 1, "C", "extra"]}, "'7001,1001'"),
])
def test_bad_configuration(entries: dict, fragment: str) -> None:
    with pytest.raises(ValueError, match="Dictionary") as caught:
        TagDictionary.from_config(entries)
    assert fragment in str(caught.value)


def test_configuration_must_be_an_object() -> None:
    with pytest.raises(ValueError, match="Dictionary"):
        TagDictionary.from_config([])  # type: ignore[arg-type]
