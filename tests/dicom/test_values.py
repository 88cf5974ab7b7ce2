"""Casting JSON Replace values to elements (spec 5.1-5.3 and the errors of 2.5)."""

from __future__ import annotations

import math
import struct
import warnings
from io import BytesIO
from pathlib import Path

import pydicom
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.multival import MultiValue
from pydicom.sequence import Sequence
from pydicom.tag import BaseTag
from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian

from lethe.dicom.tags import DEFAULT_TAGS, TagDictionary, format_tag
from lethe.dicom.values import DATA_URI_PREFIX, make_element
from lethe.errors import ErrorCode, LetheError

TEXT_VR_TAGS = {
    "AE": "RetrieveAETitle", "AS": "PatientAge", "CS": "ImageType", "DA": "StudyDate",
    "DS": "PixelSpacing", "DT": "AcquisitionDateTime", "IS": "ReferencedFrameNumber",
    "LO": "StudyDescription", "LT": "ImageComments", "PN": "PatientName",
    "SH": "StationName", "ST": "InstitutionAddress", "TM": "StudyTime",
    "UC": "LongCodeValue", "UI": "FrameOfReferenceUID", "UR": "RetrieveURL",
    "UT": "StrainAdditionalInformation",
}


def make(name: str, value: object, **kwargs) -> DataElement:
    return make_element(DEFAULT_TAGS.parse_tag(name), value, tags=DEFAULT_TAGS, **kwargs)


def write_and_read(element: DataElement, syntax=ExplicitVRLittleEndian) -> Dataset:
    """Write ``element`` in a Part 10 file (UTF-8 character set) and read the file back."""
    dataset = Dataset()
    dataset.SpecificCharacterSet = "ISO_IR 192"
    dataset[element.tag] = element
    dataset.file_meta = FileMetaDataset()
    dataset.file_meta.TransferSyntaxUID = syntax
    dataset.preamble = b"\0" * 128
    buffer = BytesIO()
    pydicom.dcmwrite(buffer, dataset)
    return pydicom.dcmread(BytesIO(buffer.getvalue()))


def read_back(element: DataElement, syntax=ExplicitVRLittleEndian) -> DataElement:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pydicom warns about DS "abc" and the like
        return write_and_read(element, syntax)[element.tag]


def comparable(value: object) -> object:
    """A value that compares equal exactly when the DICOM values are the same."""
    if isinstance(value, MultiValue | list):
        return [comparable(v) for v in value]
    if isinstance(value, pydicom.valuerep.PersonName):
        return str(value)
    if hasattr(value, "original_string"):  # DS and IS: the text as written
        return value.original_string
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if isinstance(value, Sequence):
        return [{int(e.tag): (e.VR, comparable(e.value)) for e in item} for item in value]
    return value


def assert_round_trip(element: DataElement) -> None:
    """Written in explicit and implicit VR, the element reads back with the same value."""
    read = read_back(element)
    assert read.VR == element.VR
    assert comparable(read.value) == comparable(element.value)
    if " or " in DEFAULT_TAGS.dictionary_vr(element.tag):
        # Implicit VR cannot tell US from SS, nor OB from OW: compare the bytes.
        raw = write_and_read(element, ImplicitVRLittleEndian).get_item(element.tag).value
        value = element.value
        values = value if isinstance(value, MultiValue) else [] if value is None else [value]
        expected = value if isinstance(value, bytes) else \
            struct.pack(f"<{len(values)}H", *(v % 65536 for v in values))
        assert (raw or b"") == expected
    else:
        read = read_back(element, ImplicitVRLittleEndian)
        assert comparable(read.value) == comparable(element.value)


def rejected(name: str, value: object, code: ErrorCode, **kwargs) -> LetheError:
    with pytest.raises(LetheError) as caught:
        make(name, value, **kwargs)
    assert caught.value.code is code
    assert caught.value.http_status == 400
    return caught.value


# --- text VRs ------------------------------------------------------------------

@pytest.mark.parametrize(("name", "text", "vr", "value"), [
    ("ImageType", "A\\B\\C", "CS", ["A", "B", "C"]),         # spec 5.2 example
    ("SliceThickness", "abc", "DS", "abc"),                   # no format validation
    ("PixelSpacing", "1.5\\abc", "DS", ["1.5", "abc"]),
    ("PixelSpacing", " 0.5\\2 ", "DS", ["0.5", "2"]),
    ("PixelSpacing", "12345678901234567890", "DS", "12345678901234567890"),
    ("StudyDate", "notadate", "DA", "notadate"),
    ("ReferencedFrameNumber", "1.5", "IS", "1.5"),
    ("ReferencedFrameNumber", "x\\2", "IS", ["x", "2"]),
    ("Modality", "ABCDEFGHIJKLMNOPQRSTU", "CS", "ABCDEFGHIJKLMNOPQRSTU"),
    ("RetrieveAETitle", "  AE  \\ B ", "AE", ["AE", "B"]),  # AE spaces are not significant
    ("PatientName", "a \\ b  ", "PN", ["a ", " b"]),         # as Orthanc stores it
    ("PatientName", "Éric^Ωmega", "PN", "Éric^Ωmega"),
    ("StudyDescription", "Hello \\ World ", "LO", ["Hello", " World"]),
    ("StationName", "ab\0cd", "SH", "ab"),                    # DCMTK stops at NUL
    ("SliceThickness", "1\0abc", "DS", "1"),
    ("ImageComments", "x\\y  ", "LT", "x\\y"),                # no split for LT, ST, UT, UR
    ("InstitutionAddress", "a\\b", "ST", "a\\b"),
    ("StrainAdditionalInformation", "long\\text", "UT", "long\\text"),
    ("RetrieveURL", "http://a\\b \t", "UR", "http://a\\b"),
    ("LongCodeValue", "u\\c", "UC", ["u", "c"]),
    ("FrameOfReferenceUID", "abc", "UI", "abc"),
    ("StudyTime", "101010.5", "TM", "101010.5"),
    ("AcquisitionDateTime", "20200101", "DT", "20200101"),
    ("PatientAge", "030Y", "AS", "030Y"),
    ("Modality", "é", "CS", "é"),
])
def test_text_vrs(name: str, text: str, vr: str, value: object) -> None:
    element = make(name, text)
    assert vr == element.VR
    assert comparable(element.value) == comparable(value)
    assert_round_trip(element)


@pytest.mark.parametrize("vr", sorted(TEXT_VR_TAGS))
def test_text_empty_and_null(vr: str) -> None:
    for value in ("", None, "  "):
        element = make(TEXT_VR_TAGS[vr], value)
        assert vr == element.VR
        assert element.is_empty
        assert_round_trip(element)


@pytest.mark.parametrize("vr", ["AE", "AS", "CS", "DA", "DS", "DT", "IS", "TM", "UI", "UR"])
def test_default_repertoire_needs_latin1(vr: str) -> None:
    tag = format_tag(DEFAULT_TAGS.parse_tag(TEXT_VR_TAGS[vr]))
    error = rejected(TEXT_VR_TAGS[vr], "Ω", ErrorCode.BAD_FILE_FORMAT)
    assert error.details == (
        f'While creating a DICOM instance, tag ({tag}) of VR {vr} has out-of-range value: "Ω" '
        "(characters outside Latin-1 in a default-repertoire VR)")


# --- numbers -------------------------------------------------------------------

@pytest.mark.parametrize(("name", "text", "vr", "value"), [
    ("Rows", "7", "US", 7),
    ("Rows", "+5", "US", 5),
    ("Rows", "05", "US", 5),
    ("Rows", "-5", "US", 65531),                  # wraps like DCMTK
    ("Rows", "-65535", "US", 1),
    ("Rows", "65535", "US", 65535),
    ("TagAngleSecondAxis", "-32768", "SS", -32768),
    ("ReferencePixelX0", "-12", "SL", -12),
    ("SimpleFrameList", "1\\2", "UL", [1, 2]),
    ("SimpleFrameList", "-1", "UL", 4294967295),
    ("SimpleFrameList", "-4294967295", "UL", 1),
    ("SelectorUVValue", "4\\5", "UV", [4, 5]),
    ("SelectorUVValue", "18446744073709551615", "UV", 2**64 - 1),
    ("SelectorSVValue", "-3\\4", "SV", [-3, 4]),
    ("PixelPaddingValue", "5", "US", 5),          # xs
    ("PixelPaddingValue", "5\\6", "US", [5, 6]),
    ("PixelPaddingValue", "-5", "SS", -5),         # DCMTK refuses; Lethe keeps the sign
    ("PixelPaddingValue", "-5\\6", "SS", [-5, 6]),
    ("PixelPaddingValue", "65535", "US", 65535),
    ("LUTData", "1\\2", "US", [1, 2]),             # US or OW
    ("ExaminedBodyThickness", "1e3", "FL", 1000.0),
    ("ExaminedBodyThickness", ".5", "FL", 0.5),
    ("ExaminedBodyThickness", "5.", "FL", 5.0),
    ("ExaminedBodyThickness", "0.1", "FL", struct.unpack("<f", struct.pack("<f", 0.1))[0]),
    ("ExaminedBodyThickness", "1e-50", "FL", 0.0),
    ("ExaminedBodyThickness", "inf", "FL", math.inf),
    ("ExaminedBodyThickness", "-INF", "FL", -math.inf),
    ("ExaminedBodyThickness", "Infinity", "FL", math.inf),
    ("ExaminedBodyThickness", "nan", "FL", math.nan),
    ("EventTimeOffset", "0.1", "FD", 0.1),
    ("EventTimeOffset", "-1.5e300", "FD", -1.5e300),
    ("FloatPixelData", "1.5", "OF", struct.pack("<f", 1.5)),
    ("DoubleFloatPixelData", "1.5", "OD", struct.pack("<d", 1.5)),
    ("LongTrianglePointIndexList", "7", "OL", struct.pack("<I", 7)),
    ("LongTrianglePointIndexList", "-1", "OL", b"\xff\xff\xff\xff"),
    ("LongTrianglePointIndexList", "1\\2", "OL", struct.pack("<2I", 1, 2)),
    ("SelectorOVValue", "1\\2", "OV", struct.pack("<2Q", 1, 2)),
    ("FrameIncrementPointer", "PatientName", "AT", 0x00100010),
    ("FrameIncrementPointer", "0018,1063", "AT", 0x00181063),
    ("SelectorATValue", "PatientName\\(0018,1063)", "AT", [0x00100010, 0x00181063]),
])
def test_numeric_vrs(name: str, text: str, vr: str, value: object) -> None:
    element = make(name, text)
    assert vr == element.VR
    assert comparable(element.value) == comparable(value)
    assert_round_trip(element)


@pytest.mark.parametrize(("name", "text"), [
    ("Rows", " 7 "), ("Rows", "1\\2"), ("Rows", "65536"), ("Rows", "-65536"), ("Rows", "abc"),
    ("Rows", "1.5"), ("Rows", "0x10"), ("Rows", "1_000"), ("Rows", "٣"),
    ("TagAngleSecondAxis", "40000"), ("TagAngleSecondAxis", "-32769"),
    ("TagAngleSecondAxis", "1\\2"),
    ("ReferencePixelX0", "2147483648"), ("ReferencePixelX0", "-1\\2"),
    ("SimpleFrameList", "4294967296"), ("SimpleFrameList", "1\\-2"), ("SimpleFrameList", "1\\\\2"),
    ("SelectorUVValue", "18446744073709551616"), ("SelectorSVValue", "9223372036854775808"),
    ("PixelPaddingValue", "70000"), ("PixelPaddingValue", "-40000"),
    ("PixelPaddingValue", "-1\\40000"),
    ("ExaminedBodyThickness", "1e39"), ("ExaminedBodyThickness", "1\\2"),
    ("ExaminedBodyThickness", "0x10"), ("ExaminedBodyThickness", " 1"),
    ("ExaminedBodyThickness", "abc"), ("ExaminedBodyThickness", "1e"),
    ("EventTimeOffset", "1e400"), ("EventTimeOffset", "1\\2"),
    ("FloatPixelData", "1\\2"), ("DoubleFloatPixelData", "x"),
    ("LongTrianglePointIndexList", "4294967296"),
])
def test_numeric_rejections(name: str, text: str) -> None:
    tag = DEFAULT_TAGS.parse_tag(name)
    error = rejected(name, text, ErrorCode.BAD_FILE_FORMAT)
    assert error.details.startswith(f"While creating a DICOM instance, tag ({format_tag(tag)}) ")
    assert f'"{text}"' in error.details


def test_orthanc_out_of_range_message_is_exact() -> None:
    error = rejected("Rows", "abc", ErrorCode.BAD_FILE_FORMAT)
    assert error.details == \
        'While creating a DICOM instance, tag (0028,0010) has out-of-range value: "abc"'


@pytest.mark.parametrize("name", ["Rows", "TagAngleSecondAxis", "ReferencePixelX0",
                                  "SimpleFrameList", "SelectorUVValue", "SelectorSVValue",
                                  "PixelPaddingValue", "ExaminedBodyThickness", "EventTimeOffset",
                                  "FloatPixelData", "DoubleFloatPixelData",
                                  "LongTrianglePointIndexList", "SelectorOVValue",
                                  "FrameIncrementPointer"])
def test_numeric_empty_and_null(name: str) -> None:
    for value in ("", None):
        element = make(name, value)
        assert element.is_empty
        assert element.VM == 0
        assert read_back(element).is_empty


def test_unknown_tag_in_an_at_value() -> None:
    error = rejected("FrameIncrementPointer", "NoSuchTag", ErrorCode.UNKNOWN_DICOM_TAG)
    assert error.details == 'Unknown DICOM tag: "NoSuchTag"'


# --- bytes ---------------------------------------------------------------------

@pytest.mark.parametrize(("name", "text", "vr", "value"), [
    ("EncryptedContent", "hello", "OB", b"hello\0"),       # padded to even length
    ("EncryptedContent", "hi", "OB", b"hi"),
    ("PixelData", "abc", "OB", b"abc\0"),                  # OB or OW: OB
    ("OverlayData", "ab", "OB", b"ab"),
    ("RedPaletteColorLookupTableData", "ab", "OW", b"ab"),
    ("0008,9999", "hi", "UN", b"hi"),                       # unknown public tag
    ("0009,1027", "123", "UN", b"123\0"),                   # private, no creator (spec 5.4)
    ("EncryptedContent", "", "OB", None),
    ("EncryptedContent", None, "OB", None),
    ("EncryptedContent", "é", "OB", b"\xe9\0"),             # Latin-1 by default
])
def test_bytes_vrs(name: str, text: object, vr: str, value: bytes) -> None:
    element = make(name, text)
    assert vr == element.VR
    assert element.value == value
    assert_round_trip(element)


def test_bytes_from_text_use_the_dataset_encoding() -> None:
    assert make("EncryptedContent", "é", encoding="utf_8").value == b"\xc3\xa9"
    # Characters the character set cannot hold are dropped, as Orthanc does (spec 5.5).
    assert make("EncryptedContent", "aΩb", encoding="latin_1").value == b"ab"


def test_odd_ow_is_a_400_naming_tag_vr_and_value() -> None:
    error = rejected("RedPaletteColorLookupTableData", "abc", ErrorCode.BAD_FILE_FORMAT)
    assert error.details == ('While creating a DICOM instance, tag (0028,1201) of VR OW has '
                             'out-of-range value: "abc" (odd number of bytes)')


def test_item_tags_cannot_be_set() -> None:
    error = rejected("FFFE,E000", "x", ErrorCode.BAD_FILE_FORMAT)
    assert "fffe,e000" in error.details


# --- private tags --------------------------------------------------------------

def test_private_creator_selects_the_vr() -> None:
    tags = TagDictionary.from_config({
        "7001,0010": ["LO", "PrivateCreatorForMy", 1, 1, "MyPrivateCreator"],
        "7001,1001": ["CS", "MyPrivateTag", 1, 1, "MyPrivateCreator"],
    })
    tag = tags.parse_tag("MyPrivateTag")
    element = make_element(tag, "Hello", tags=tags, private_creator="MyPrivateCreator")
    assert (element.VR, element.value) == ("CS", "Hello")
    element = make_element(tag, "Hello", tags=tags)
    assert (element.VR, element.value) == ("UN", b"Hello\0")   # spec 5.4 table
    element = make_element(tag, "Hello", tags=tags, private_creator="Other")
    assert element.VR == "UN"
    element = make("0009,1001", "Hello", private_creator="GEMS_IDEN_01")
    assert (element.VR, element.value) == ("LO", "Hello")
    element = make("0009,1027", "123", private_creator="GEMS_IDEN_01")
    assert (element.VR, element.value) == ("SL", 123)


# --- JSON types and sequences --------------------------------------------------

@pytest.mark.parametrize("value", [12, 1.5, True, False, {"a": 1}, {}, ["x"], []])
def test_bad_json_types(value: object) -> None:
    error = rejected("InstanceNumber", value, ErrorCode.BAD_PARAMETER_TYPE)
    assert error.details == "Bad Parameter type for tag 0020,0013"


@pytest.mark.parametrize("value", [12, True, {"ReferencedSOPClassUID": "1"}])
def test_bad_json_types_for_sequences(value: object) -> None:
    error = rejected("ReferencedImageSequence", value, ErrorCode.BAD_PARAMETER_TYPE)
    assert error.details == "Bad Parameter type for tag 0008,1140"


@pytest.mark.parametrize(("value", "echo"), [("x", "x"), (None, ""), ("", "")])
def test_text_for_a_sequence(value: object, echo: str) -> None:
    error = rejected("ReferencedImageSequence", value, ErrorCode.BAD_FILE_FORMAT)
    assert error.details == \
        f'While creating a DICOM instance, tag (0008,1140) has out-of-range value: "{echo}"'


@pytest.mark.parametrize("item", [1, "x", None, [1], [{}], True])
def test_bad_sequence_items(item: object) -> None:
    error = rejected("ReferencedImageSequence", [item], ErrorCode.BAD_PARAMETER_TYPE)
    assert error.details == "Bad Parameter type for tag 0008,1140"


def test_nested_sequences() -> None:
    element = make("ReferencedImageEvidenceSequence", [
        {"StudyInstanceUID": "1.2",
         "ReferencedSeriesSequence": [
             {"SeriesInstanceUID": "1.2.3",
              "ReferencedSOPSequence": [{"ReferencedSOPInstanceUID": "1.2.3.4",
                                         "ReferencedFrameNumber": "1\\2"}, []]}]},
        [],
    ])
    assert element.VR == "SQ"
    assert len(element.value) == 2
    first, second = element.value
    assert len(second) == 0
    assert first.StudyInstanceUID == "1.2"
    series = first.ReferencedSeriesSequence[0]
    assert series.SeriesInstanceUID == "1.2.3"
    assert series.ReferencedSOPSequence[0].ReferencedSOPInstanceUID == "1.2.3.4"
    assert list(series.ReferencedSOPSequence[0].ReferencedFrameNumber) == [1, 2]
    assert len(series.ReferencedSOPSequence[1]) == 0
    assert_round_trip(element)


def test_empty_sequence() -> None:
    element = make("ReferencedImageSequence", [])
    assert element.VR == "SQ"
    assert len(element.value) == 0
    assert_round_trip(element)


def test_sequence_item_keys_in_sorted_order() -> None:
    """As in Orthanc's JSON map, "0010,0010" sorts before "PatientName": the name wins."""
    element = make("ReferencedImageSequence", [{"PatientName": "B", "0010,0010": "A"}])
    assert element.value[0].PatientName == "B"


def test_sequence_items_cast_like_top_level_values() -> None:
    with pytest.raises(LetheError) as caught:
        make("ReferencedImageSequence", [{"Rows": "abc"}])
    assert caught.value.details == \
        'While creating a DICOM instance, tag (0028,0010) has out-of-range value: "abc"'
    with pytest.raises(LetheError) as caught:
        make("ReferencedImageSequence", [{"NoSuchTag": "x"}])
    assert caught.value.code is ErrorCode.UNKNOWN_DICOM_TAG


def test_private_tags_in_sequences_use_the_same_creator() -> None:
    element = make("ReferencedImageSequence",
                   [{"0009,0010": "GEMS_IDEN_01", "0009,1001": "x",
                     "ReferencedImageSequence": [{"0009,0010": "GEMS_IDEN_01", "0009,1027": "7"}]}],
                   private_creator="GEMS_IDEN_01")
    item = element.value[0]
    assert (item[0x00091001].VR, item[0x00091001].value) == ("LO", "x")
    nested = item.ReferencedImageSequence[0]
    assert (nested[0x00091027].VR, nested[0x00091027].value) == ("SL", 7)
    assert_round_trip(element)


def test_sequence_of_an_unknown_private_tag_is_refused() -> None:
    rejected("0009,1001", [], ErrorCode.BAD_PARAMETER_TYPE)


# --- data URIs -----------------------------------------------------------------

def data_uri(data: bytes) -> str:
    import base64
    return DATA_URI_PREFIX + base64.b64encode(data).decode()


@pytest.mark.parametrize(("name", "data", "vr", "value"), [
    ("StudyDescription", b"Hello", "LO", "Hello"),                       # spec 5.3 example
    ("SliceThickness", b"1.5", "DS", "1.5"),
    ("Rows", b"12", "US", 12),
    ("EncryptedContent", b"\x00\x01\x02", "OB", b"\x00\x01\x02\x00"),
    ("RedPaletteColorLookupTableData", b"\x00\xff", "OW", b"\x00\xff"),
    ("0009,1027", bytes(range(256)), "UN", bytes(range(256))),
    ("PatientName", "Éric".encode("latin_1"), "PN", "Éric"),
    ("ImageType", b"A\\B", "CS", ["A", "B"]),
    ("StudyDescription", b"", "LO", ""),
])
def test_data_uris(name: str, data: bytes, vr: str, value: object) -> None:
    element = make(name, data_uri(data))
    assert vr == element.VR
    assert comparable(element.value) == comparable(value)
    assert_round_trip(element)


def test_data_uri_text_is_decoded_with_the_dataset_encoding() -> None:
    assert make("PatientName", data_uri("Éric".encode()), encoding="utf_8").value == "Éric"
    error = rejected("PatientName", data_uri(b"\xff"), ErrorCode.BAD_FILE_FORMAT,
                     encoding="utf_8")
    assert "not valid utf_8" in error.details


def test_bad_base64() -> None:
    error = rejected("StudyDescription", DATA_URI_PREFIX + "!!", ErrorCode.BAD_FILE_FORMAT)
    assert "bad base64" in error.details


def test_other_data_uris_are_plain_text() -> None:
    """image/png and application/pdf belong to the engine (top-level PixelData and
    EncapsulatedDocument only); here they are text like any other."""
    text = "data:image/png;base64,AAAA"
    assert make("StudyDescription", text).value == text


def test_long_values_are_echoed_shortened() -> None:
    error = rejected("Rows", "9" * 1000, ErrorCode.BAD_FILE_FORMAT)
    assert len(error.details) < 300
    assert error.details.endswith('..."')


# --- properties ----------------------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(vr=st.sampled_from(sorted(TEXT_VR_TAGS)), text=st.text(max_size=40))
def test_any_accepted_text_round_trips(vr: str, text: str) -> None:
    try:
        element = make(TEXT_VR_TAGS[vr], text)
    except LetheError as error:
        assert error.code is ErrorCode.BAD_FILE_FORMAT
        assert vr in {"AE", "AS", "CS", "DA", "DS", "DT", "IS", "TM", "UI", "UR"}
        if "infinite" in error.details:
            assert vr == "IS"
            return
        limit = 127 if vr in ("DS", "IS") else 255
        assert any(ord(c) > limit for c in text.split("\0", 1)[0])
        return
    assert vr == element.VR
    assert_round_trip(element)


NUMERIC_TAGS = ["Rows", "TagAngleSecondAxis", "ReferencePixelX0", "SimpleFrameList",
                "SelectorUVValue", "SelectorSVValue", "PixelPaddingValue",
                "ExaminedBodyThickness", "EventTimeOffset", "FloatPixelData",
                "DoubleFloatPixelData", "LongTrianglePointIndexList", "SelectorOVValue",
                "EncryptedContent", "RedPaletteColorLookupTableData", "0008,9999"]

numeric_text = st.one_of(
    st.integers(-(2**65), 2**65).map(str),
    st.floats(allow_nan=True).map(repr),
    st.lists(st.integers(-(2**16), 2**33).map(str), min_size=1, max_size=4).map("\\".join),
    st.text(alphabet="0123456789+-.eE\\ ", max_size=12),
    st.text(max_size=12),
)


@settings(max_examples=150, deadline=None)
@given(name=st.sampled_from(NUMERIC_TAGS), text=numeric_text)
def test_any_accepted_number_round_trips(name: str, text: str) -> None:
    try:
        element = make(name, text)
    except LetheError as error:
        assert error.code is ErrorCode.BAD_FILE_FORMAT
        return
    assert_round_trip(element)


@settings(max_examples=60, deadline=None)
@given(value=st.integers(0, 65535))
def test_every_us_value(value: int) -> None:
    assert make("Rows", str(value)).value == value
    assert make("Rows", str(-value)).value == (-value) % 65536


# --- differential test against Orthanc -----------------------------------------

DIFFERENTIAL = {
    "StudyDescription": "Hello \\ World ",
    "ImageType": "A\\B\\C",
    "SliceThickness": "abc",
    "PixelSpacing": " 0.5\\2 ",
    "ReferencedFrameNumber": "7",
    "StudyDate": "notadate",
    "StudyTime": "101010",
    "AcquisitionDateTime": "20200101",
    "PatientAge": "030Y",
    "RetrieveAETitle": "  AE  \\ B ",
    "InstitutionAddress": "a\\b",
    "ImageComments": "x\\y",
    "StrainAdditionalInformation": "long\\text",
    "RetrieveURL": "http://a\\b",
    "LongCodeValue": "u\\c",
    "FrameOfReferenceUID": "1.2.3",
    "StationName": "ab\0cd",
    "Rows": "-5",
    "PixelPaddingValue": "5\\6",
    "SmallestImagePixelValue": "5",
    "TagAngleSecondAxis": "-32768",
    "ReferencePixelX0": "-12",
    "SimpleFrameList": "1",
    "ConcatenationFrameOffsetNumber": "-1",
    "ExaminedBodyThickness": "1e3",
    "EventTimeOffset": "0.1",
    "FloatPixelData": "1.5",
    "DoubleFloatPixelData": "1.5",
    "LongTrianglePointIndexList": "7",
    "FrameIncrementPointer": "PatientName",
    "DimensionIndexPointer": "0018,1063",
    "EncryptedContent": "hello",
    "RedPaletteColorLookupTableData": "ab",
    "0008,9999": "hi",
    "0009,1002": "abc",
    "SeriesDescription": DATA_URI_PREFIX + "SGVsbG8=",
    "PatientWeight": "",
    "BodyPartExamined": None,
    "ReferencedImageSequence": [{"ReferencedSOPClassUID": "1.2",
                                 "ReferencedSOPInstanceUID": "1.2.3"}, []],
}


@pytest.mark.orthanc
def test_same_values_as_orthanc(orthanc) -> None:
    from pydicom.data import get_testdata_file

    with orthanc.client() as client:
        upload = client.post("/instances",
                             content=Path(get_testdata_file("CT_small.dcm")).read_bytes())
        instance = upload.json()["ID"]
        answer = client.post(f"/instances/{instance}/modify",
                             json={"Replace": DIFFERENTIAL, "PrivateCreator": "GEMS_IDEN_01"})
        assert answer.status_code == 200, answer.text
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        produced = pydicom.dcmread(BytesIO(answer.content))
        for name, value in DIFFERENTIAL.items():
            ours = make(name, value, private_creator="GEMS_IDEN_01")
            theirs = produced[ours.tag]
            assert (name, theirs.VR) == (name, ours.VR)
            assert (name, comparable(theirs.value)) == (name, comparable(ours.value))


@pytest.mark.parametrize("text", ["INFINITY", "-inf", "inf"])
def test_infinite_integer_strings_are_refused(text):
    with pytest.raises(LetheError) as caught:
        make_element(BaseTag(0x00200013), text, tags=DEFAULT_TAGS)
    assert caught.value.code is ErrorCode.BAD_FILE_FORMAT
    assert text in caught.value.details
