"""The Part 10 writer's own encoder against pydicom's writer, byte for byte.

:func:`lethe.dicom.encoding.encode_element` must give exactly the bytes of pydicom's
``write_data_element`` for every element it accepts (and accept the plain ones), in implicit and
explicit VR, little and big endian; the file meta information and whole data sets must come out
as pydicom writes them.
"""

from __future__ import annotations

import datetime
import io
import warnings
from pathlib import Path

import pydicom
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydicom.charset import convert_encodings, default_encoding
from pydicom.dataelem import DataElement, RawDataElement
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.filebase import DicomBytesIO, DicomFileLike
from pydicom.filereader import read_dataset
from pydicom.filewriter import write_data_element, write_dataset, write_file_meta_info
from pydicom.sequence import Sequence
from pydicom.tag import BaseTag
from pydicom.uid import ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian

from lethe.dicom import encoding, part10
from lethe.dicom.engine import ModificationContext, apply
from lethe.dicom.request import ModificationRequest
from lethe.dicom.tags import DEFAULT_TAGS
from lethe.dicom.uids import UidMapper
from lethe.errors import LetheError
from tests.dicom.differential import fast_and_full_files
from tests.support import corpus
from tests.support.dicomgen import make_dataset, to_bytes

PYDICOM_FILES = Path(pydicom.__file__).parent / "data" / "test_files"
ENCODINGS = [(True, True), (False, True), (False, False)]  # (implicit, little)
CHARSETS = ["ISO_IR 100", "ISO_IR 192", "ISO_IR 144", "ISO_IR 126", "GB18030",
            ["", "ISO 2022 IR 87"], ["ISO 2022 IR 6", "ISO 2022 IR 149"], ["", "ISO 2022 IR 100"]]
# A tag of each VR (the ambiguous and the sequence ones excepted).
TAG_OF_VR = {
    "AE": 0x00080054, "AS": 0x00101010, "AT": 0x00209165, "CS": 0x00080060, "DA": 0x00080020,
    "DS": 0x00101030, "DT": 0x0008002A, "FD": 0x00189087, "FL": 0x00089459, "IS": 0x00200013,
    "LO": 0x00080080, "LT": 0x00204000, "OB": 0x00290010, "OD": 0x00720067, "OF": 0x00640009,
    "OL": 0x00660040, "OV": 0x00660129, "OW": 0x00660023, "PN": 0x00100010, "SH": 0x00080050,
    "SL": 0x00186020, "SS": 0x00189219, "ST": 0x00080081, "SV": 0x0072007C, "TM": 0x00080030,
    "UC": 0x00189613, "UI": 0x00080018, "UL": 0x00081161, "UN": 0x00091001, "UR": 0x00080120,
    "US": 0x00280010, "UT": 0x00189074, "UV": 0x0072007F,
}


def pydicom_bytes(element: DataElement | RawDataElement, implicit: bool, little: bool,
                  charset: object) -> bytes:
    stream = DicomBytesIO()
    stream.is_implicit_VR, stream.is_little_endian = implicit, little
    write_data_element(stream, element, charset)
    return stream.getvalue()


def assert_encodes_as_pydicom(element: DataElement | RawDataElement | None,
                              charset: object = None) -> None:
    """Our bytes equal pydicom's in every encoding, and we answer None exactly where pydicom
    fails. Nothing to check without an element."""
    if element is None:
        return
    encodings = convert_encodings(charset or default_encoding)
    for implicit, little in ENCODINGS:
        ours = encoding.encode_element(element, implicit=implicit, little=little,
                                     encodings=encodings)
        try:
            theirs = pydicom_bytes(element, implicit, little, charset)
        except Exception:  # noqa: BLE001 - pydicom refuses the value: so must we
            assert ours is None, (element, implicit, little)
            continue
        assert ours == theirs, (element, implicit, little)


def element(vr: str, value: object) -> DataElement | None:
    """The element of VR ``vr`` holding ``value``; None if pydicom refuses the value."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pydicom validates the values as they are set
        try:
            return DataElement(TAG_OF_VR[vr], vr, value)
        except Exception:  # noqa: BLE001 - pydicom refuses it in many ways
            return None


text = st.text(st.characters(codec="utf-8", exclude_characters="\\"), max_size=9)
ascii_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E,
                                   exclude_characters="\\"), max_size=9)
latin1_text = st.text(st.characters(max_codepoint=0xFF, exclude_characters="\\"), max_size=9)


def values_of(strategy: st.SearchStrategy) -> st.SearchStrategy:
    """One value, or several (a list or a tuple: pydicom makes a MultiValue of a list), or
    none."""
    many = st.lists(strategy, min_size=2, max_size=4)
    return st.one_of(strategy, many, many.map(tuple), st.just([]), st.none())


@pytest.mark.parametrize("vr", ["AE", "AS", "CS", "DA", "DT", "TM", "UI", "UR"])
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(value=values_of(st.one_of(ascii_text, latin1_text, text)))
def test_default_character_set_text(vr: str, value: object) -> None:
    assert_encodes_as_pydicom(element(vr, value))


@pytest.mark.parametrize("vr", ["LO", "LT", "SH", "ST", "UC", "UT", "PN"])
@pytest.mark.parametrize("charset", CHARSETS)
@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(value=values_of(st.one_of(ascii_text, latin1_text, text)))
def test_text_in_every_character_set(vr: str, charset: object, value: object) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pydicom warns about characters it must replace
        assert_encodes_as_pydicom(element(vr, value), charset)


@settings(max_examples=40)
@given(value=values_of(st.binary(max_size=9)))
def test_text_given_as_bytes(value: object) -> None:
    assert_encodes_as_pydicom(element("LO", value), "ISO_IR 192")


@pytest.mark.parametrize("vr", ["DS", "IS"])
@settings(max_examples=60)
@given(value=values_of(st.one_of(
    st.integers(-10**9, 10**9), st.floats(-1e6, 1e6, allow_nan=False),
    st.decimals(-1000, 1000, places=3), st.sampled_from(["1", "1.50", " 7", "-0.0", "1e3"]))))
def test_number_strings(vr: str, value: object) -> None:
    assert_encodes_as_pydicom(element(vr, value))


BINARY_NUMBERS = {"FD": st.floats(width=64), "FL": st.floats(width=32),
                  "SL": st.integers(-2**31, 2**31 - 1), "SS": st.integers(-2**15, 2**15 - 1),
                  "SV": st.integers(-2**63, 2**63 - 1), "UL": st.integers(0, 2**32 - 1),
                  "US": st.integers(0, 2**16 - 1), "UV": st.integers(0, 2**64 - 1)}


@pytest.mark.parametrize("vr", sorted(BINARY_NUMBERS))
@settings(max_examples=40)
@given(data=st.data())
def test_binary_numbers(vr: str, data: st.DataObject) -> None:
    value = data.draw(values_of(st.one_of(BINARY_NUMBERS[vr], st.integers(-2**70, 2**70))))
    assert_encodes_as_pydicom(element(vr, value))


def test_a_lookup_table_descriptor_is_left_to_pydicom() -> None:
    descriptor = DataElement(0x00281101, "SS", [40000, -5, 16])
    assert encoding.encode_element(descriptor, implicit=False, little=True,
                                 encodings=[default_encoding]) is None
    assert_encodes_as_pydicom(DataElement(0x00281101, "SS", 5))


@pytest.mark.parametrize("vr", ["OB", "OD", "OF", "OL", "OV", "OW", "UN"])
@settings(max_examples=30)
@given(value=st.one_of(st.binary(max_size=11), st.none()))
def test_bytes(vr: str, value: bytes | None) -> None:
    assert_encodes_as_pydicom(element(vr, value))


@settings(max_examples=40)
@given(value=values_of(st.integers(0, 2**32 - 1)))
def test_attribute_tags(value: object) -> None:
    assert_encodes_as_pydicom(element("AT", value))


def test_zero_is_a_value_and_empty_values_have_no_bytes() -> None:
    for vr, value in (("US", 0), ("FD", 0.0), ("AT", 0), ("IS", 0), ("UL", [0, 0])):
        assert_encodes_as_pydicom(element(vr, value))
    for vr, value in (("LO", ""), ("PN", ""), ("OB", b""), ("US", None), ("CS", [])):
        encoded = encoding.encode_element(element(vr, value), implicit=False, little=True,
                                        encodings=[default_encoding])
        assert encoded is not None and encoded.endswith(b"\x00\x00"), (vr, encoded)
        assert_encodes_as_pydicom(element(vr, value))


@pytest.mark.filterwarnings("ignore")
def test_a_value_too_long_for_a_16_bit_length_gets_the_vr_un() -> None:
    long_text = element("LO", "x" * 70001)
    encoded = encoding.encode_element(long_text, implicit=False, little=True,
                                    encodings=[default_encoding])
    assert encoded[4:8] == b"UN\x00\x00"
    assert_encodes_as_pydicom(long_text)


def test_multi_valued_person_names_and_odd_lengths() -> None:
    names = element("PN", ["Yamada^Tarou=山田^太郎=やまだ^たろう", "Doe^J"])
    assert_encodes_as_pydicom(names, ["", "ISO 2022 IR 87"])
    assert_encodes_as_pydicom(element("PN", "Odd"))
    assert_encodes_as_pydicom(element("UI", "1.2.3"))  # padded with a NUL
    assert_encodes_as_pydicom(element("CS", ["A", "BC"]))


@pytest.mark.filterwarnings("ignore")
def test_what_is_not_plain_is_left_to_pydicom() -> None:
    encodings = [default_encoding]
    ambiguous = DataElement(0x00280106, "US or SS", b"\x00\x01")
    date = DataElement(0x00080020, "DA", "20240102")
    date.value = datetime.date(2024, 1, 2)
    buffered = DataElement(0x7FE00010, "OB", io.BytesIO(b"\x00\x01"))
    undefined = DataElement(0x7FE00010, "OB", b"\xfe\xff\x00\xe0\x00\x00\x00\x00",
                            is_undefined_length=True)
    deferred = RawDataElement(BaseTag(0x7FE00010), "OB", 4, None, 200, False, True)
    for unusual in (ambiguous, date, buffered, undefined, deferred,
                    DataElement(0x00080060, "CS", 5), DataElement(0x00280010, "US", "x")):
        assert encoding.encode_element(unusual, implicit=False, little=True,
                                     encodings=encodings) is None, unusual


def test_text_that_fits_no_character_set_is_encoded_as_pydicom_does() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert_encodes_as_pydicom(element("LO", "Zürich €"), "ISO_IR 100")
    assert caught  # pydicom's warning about the replaced character is kept


@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize("name", ["CT_small.dcm", "MR_small_implicit.dcm",
                                  "MR_small_bigendian.dcm", "rtplan.dcm", "rtstruct.dcm",
                                  "test-SR.dcm", "nested_priv_SQ.dcm", "ExplVR_BigEnd.dcm"])
def test_raw_and_sequence_elements_of_real_files(name: str) -> None:
    dataset = pydicom.dcmread(PYDICOM_FILES / name, force=True)
    implicit, little = dataset.original_encoding
    charset = dataset.get("SpecificCharacterSet") or default_encoding
    compared = 0
    for tag in list(dataset.keys()):  # keys: iterating the Dataset would convert elements
        raw = dataset.get_item(tag, keep_deferred=True)
        converted = dataset[tag]
        for candidate in (raw, converted):
            if not implicit and candidate.VR is None:
                continue  # pydicom cannot write it either without a VR
            ours = encoding.encode_element(candidate, implicit=implicit, little=little,
                                         encodings=convert_encodings(charset))
            try:
                theirs = pydicom_bytes(candidate, implicit, little, charset)
            except Exception:  # noqa: BLE001 - e.g. an empty raw value: pydicom fails on it
                theirs = None
            assert ours is None or ours == theirs, (name, tag)
            compared += ours is not None
    assert compared > len(dataset)  # raw and converted elements, nearly all of them


def sequence(*, undefined: bool, undefined_items: bool) -> DataElement:
    inner = Dataset()
    inner.CodeValue = "odd"
    inner.CodeMeaning = "Zürich"
    item = Dataset()
    item.ReferencedSOPInstanceUID = "1.2.3"
    item.add_new(0x0040A043, "SQ", Sequence([inner]))
    item.add_new(0x00091001, "UN", b"\x01\x02\x03")
    outer = Dataset()
    outer.SpecificCharacterSet = "ISO_IR 100"
    outer.add_new(0x00081032, "SQ", Sequence([item, Dataset()]))
    stream = DicomBytesIO()
    stream.is_implicit_VR, stream.is_little_endian = False, True
    write_dataset(stream, outer)
    data = stream.getvalue()
    if undefined:  # rewrite the outer sequence with undefined lengths, as many devices do
        outer[0x00081032].is_undefined_length = True
        for each in outer[0x00081032].value:
            each.is_undefined_length_sequence_item = undefined_items
        stream = DicomBytesIO()
        stream.is_implicit_VR, stream.is_little_endian = False, True
        write_dataset(stream, outer)
        data = stream.getvalue()
    read = read_dataset(io.BytesIO(data), False, True)
    return read[0x00081032]


@pytest.mark.parametrize("undefined,undefined_items",
                         [(False, False), (True, False), (True, True)])
def test_sequences_read_from_a_file(undefined: bool, undefined_items: bool) -> None:
    element_ = sequence(undefined=undefined, undefined_items=undefined_items)
    encoded = encoding.encode_element(element_, implicit=False, little=True,
                                    encodings=convert_encodings("ISO_IR 100"))
    assert encoded is not None
    assert encoded == pydicom_bytes(element_, False, True, "ISO_IR 100")


def test_a_sequence_built_in_memory_is_left_to_pydicom() -> None:
    item = Dataset()
    item.CodeValue = "X"
    built = DataElement(0x00081032, "SQ", Sequence([item]))
    assert encoding.encode_element(built, implicit=False, little=True,
                                 encodings=[default_encoding]) is None
    empty = DataElement(0x00081032, "SQ", Sequence([]))
    assert_encodes_as_pydicom(empty)


def meta_of(header_bytes: bytes) -> bytes:
    """The meta information group of a written file (after the preamble and prefix)."""
    length = int.from_bytes(header_bytes[140:144], "little")
    return header_bytes[132:144 + length]


@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize("sop_class", ["1.2.840.10008.5.1.4.1.1.2", "1.2.3", "", " 1.2.34 ",
                                       "1.2\\3.4 ", "1.2.3\x00", "\t1.2.3"])
@pytest.mark.parametrize("syntax", [ExplicitVRLittleEndian, ImplicitVRLittleEndian,
                                    ExplicitVRBigEndian])
def test_the_meta_information_is_written_as_pydicom_writes_it(sop_class: str,
                                                              syntax: str) -> None:
    dataset = make_dataset()
    dataset.SOPClassUID = sop_class
    out = io.BytesIO()
    part10.write_full(dataset, out, syntax)
    meta = FileMetaDataset()
    meta.FileMetaInformationGroupLength = 0
    meta.FileMetaInformationVersion = b"\x00\x01"
    meta.MediaStorageSOPClassUID = str(dataset.SOPClassUID).strip(" \0")
    meta.MediaStorageSOPInstanceUID = str(dataset.SOPInstanceUID).strip(" \0")
    meta.TransferSyntaxUID = syntax
    meta.ImplementationClassUID = part10.IMPLEMENTATION_CLASS_UID
    meta.ImplementationVersionName = part10.IMPLEMENTATION_VERSION_NAME
    expected = io.BytesIO()
    write_file_meta_info(DicomFileLike(expected), meta, enforce_standard=False)
    assert meta_of(out.getvalue()) == expected.getvalue()


@pytest.mark.filterwarnings("ignore")
@pytest.mark.usefixtures("samples_dir")
def test_whole_data_sets_are_written_as_pydicom_writes_them() -> None:
    """The full path on the corpus: every data set pydicom writes without converting it comes
    out as pydicom's ``write_dataset`` writes it."""
    compared = 0
    for path in sorted(PYDICOM_FILES.glob("*.dcm")) + corpus.sample_files():
        try:
            dataset = pydicom.dcmread(path, force=True)
            syntax = part10.transfer_syntax_of(dataset)
        except Exception:  # noqa: BLE001 - files pydicom cannot read are not the point here
            continue
        if syntax == "1.2.840.10008.1.2.1.99" or not dataset.keys():
            continue
        out = io.BytesIO()
        part10.write_full(dataset, out, syntax)  # converts what it reads (e.g. SOPClassUID)
        written = out.getvalue()
        expected = DicomBytesIO()
        expected.is_implicit_VR = syntax.is_implicit_VR
        expected.is_little_endian = syntax.is_little_endian
        try:
            body = Dataset({tag: dataset.get_item(tag, keep_deferred=True)
                            for tag in list(dataset.keys()) if tag >> 16 != 2})
            body.set_original_encoding(*dataset.original_encoding,
                                       dataset.original_character_set)
            write_dataset(expected, body)
        except Exception:  # noqa: BLE001 - pydicom cannot write it: nothing to compare
            continue
        assert written[132 + 12 + int.from_bytes(written[140:144], "little"):] == \
            expected.getvalue(), path
        compared += 1
    assert compared > 250


def test_text_after_a_copied_element_is_encoded_in_the_data_set_character_set() -> None:
    """A changed element separated from SpecificCharacterSet by untouched ones is encoded in
    the data set's character set, as the full path encodes it (the fast path once wrote it in
    Latin-1 with replacement characters)."""
    dataset = make_dataset(InstitutionName="Hôpital")
    dataset.SpecificCharacterSet = "ISO_IR 192"
    data = to_bytes(dataset)
    request = ModificationRequest.parse(
        {"Replace": {"InstitutionName": "Zürich €", "PatientName": "Jörg^Müller"}},
        anonymize=False, tags=DEFAULT_TAGS)
    context = ModificationContext(UidMapper(b"encoding"))
    header, full = part10.read_header(data), part10.read_full(data)
    apply(header.dataset, request, context)
    apply(full.dataset, request, context)
    fast_out, full_out = io.BytesIO(), io.BytesIO()
    part10.write_modified(header, header.dataset, data, fast_out)
    part10.write_full(full.dataset, full_out, full.transfer_syntax)
    assert fast_out.getvalue() == full_out.getvalue()
    back = pydicom.dcmread(io.BytesIO(fast_out.getvalue()))
    assert back.InstitutionName == "Zürich €"
    assert back.PatientName == "Jörg^Müller"
    assert "Zürich €".encode() in fast_out.getvalue()


@pytest.mark.filterwarnings("ignore")
def test_character_set_samples_keep_their_text_when_modified() -> None:
    """Each sample's patient name, copied into InstitutionName: both read back unchanged, and
    the fast path writes what the full path writes."""
    context = ModificationContext(UidMapper(b"encoding"))
    checked = 0
    for path in sorted(corpus.sample("Encodings").rglob("*")):
        if not path.is_file() or path.suffix in (".sh", ".png") or path.name == "DICOMDIR":
            continue
        data = path.read_bytes()
        name = str(pydicom.dcmread(io.BytesIO(data)).get("PatientName", ""))
        header, full = part10.read_header(data), part10.read_full(data)
        request = ModificationRequest.parse({"Replace": {"InstitutionName": name}},
                                            anonymize=False, tags=DEFAULT_TAGS)
        try:
            apply(header.dataset, request, context)
        except LetheError:
            continue  # a name the engine cannot write back in that character set
        apply(full.dataset, request, context)
        fast, full_file = fast_and_full_files(data, header, full)
        assert fast == full_file, path
        back = pydicom.dcmread(io.BytesIO(fast))
        assert str(back.get("PatientName", "")) == name, path
        assert back.InstitutionName == name, path
        checked += not name.isascii()
    assert checked >= 10


@pytest.mark.parametrize("padding", [b"\x00", b" "])
def test_the_sop_class_uid_is_written_as_its_converted_value(padding: bytes) -> None:
    """The meta information reads SOPClassUID as pydicom converts it (padding stripped), and
    the data set element comes out as pydicom writes the converted value: NUL-padded."""
    data = to_bytes(make_dataset())
    uid = b"1.2.840.10008.5.1.4.1.1.2"
    body_at = data.rindex(uid + b"\x00")
    data = data[:body_at] + uid + padding + data[body_at + len(uid) + 1:]
    request = ModificationRequest.parse({"Replace": {"InstitutionName": "Lethe"}},
                                        anonymize=False, tags=DEFAULT_TAGS)
    header = part10.read_header(data)
    apply(header.dataset, request, ModificationContext(UidMapper(b"sop")))
    out = io.BytesIO()
    part10.write_modified(header, header.dataset, data, out)
    written = out.getvalue()
    element = b"\x08\x00\x16\x00UI\x1a\x00" + uid + b"\x00"
    assert written.count(element) == 1  # in the data set
    assert b"\x02\x00\x02\x00UI\x1a\x00" + uid + b"\x00" in written  # in the meta information
    assert uid + b" " not in written
