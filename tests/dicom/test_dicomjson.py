"""Orthanc's JSON renderings of datasets (lethe.dicom.dicomjson).

Files are built byte by byte where the exact encoding matters (odd lengths,
NUL bytes, explicit UN, implicit VR). The differential tests compare every
rendering with the real Orthanc 1.10.1 on the sample corpus, pydicom's test
files and the hand-built edge cases.
"""

from __future__ import annotations

import io
import json
import struct
import uuid
from pathlib import Path

import httpx
import pydicom
import pytest
from pydicom.data import get_charset_files, get_testdata_file
from pydicom.dataset import Dataset

from lethe.dicom import dicomjson
from lethe.dicom.dicomjson import (
    UNKNOWN_TAG_NAME,
    absorbed_by_meta,
    dataset_json,
    decode_text,
    element_string,
    full_json,
    header_json,
    short_json,
    simplified_json,
    tag_name,
)
from tests.support.corpus import CRASHES_ORTHANC, sample_files

# --- Hand-built files ---------------------------------------------------------------------

_LONG_HEADER = {"OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UN", "UR", "UT"}
EXPLICIT_LE, IMPLICIT_LE = "1.2.840.10008.1.2.1", "1.2.840.10008.1.2"
EXPLICIT_BE = "1.2.840.10008.1.2.2"


def element(tag: int, vr: str, value: bytes | str | list[bytes], *, implicit: bool = False,
            big_endian: bool = False) -> bytes:
    """One data element; ``value`` is written as is (no padding), a list makes a sequence."""
    order = ">" if big_endian else "<"
    if isinstance(value, list):
        body = b"".join(struct.pack("<HHI", 0xFFFE, 0xE000, len(item)) + item for item in value)
    else:
        body = value.encode("latin_1") if isinstance(value, str) else value
    group, elem = tag >> 16, tag & 0xFFFF
    if implicit:
        return struct.pack(order + "HHI", group, elem, len(body)) + body
    if vr in _LONG_HEADER:
        return struct.pack(order + "HH2sHI", group, elem, vr.encode(), 0, len(body)) + body
    return struct.pack(order + "HH2sH", group, elem, vr.encode(), len(body)) + body


def body(elements: list[tuple[int, str, object]], *, implicit: bool = False,
         big_endian: bool = False) -> bytes:
    """Elements sorted by tag, as the content of a dataset or an item."""
    return b"".join(element(t, vr, v, implicit=implicit, big_endian=big_endian)
                    for t, vr, v in sorted(elements, key=lambda e: e[0]))


def part10(elements: list[tuple[int, str, object]], *, implicit: bool = False,
           big_endian: bool = False, meta_extra: bytes = b"") -> bytes:
    """A Part 10 file with unique identifiers plus ``elements``."""
    uid = f"2.25.{uuid.uuid4().int}"
    identifiers = [(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.7\0"),
                   (0x00080018, "UI", uid.ljust(len(uid) + len(uid) % 2, "\0")),
                   (0x00100020, "LO", "PROBE "),
                   (0x0020000D, "UI", uid + ".1" + "\0" * (len(uid) % 2)),
                   (0x0020000E, "UI", uid + ".2" + "\0" * (len(uid) % 2))]
    syntax = IMPLICIT_LE if implicit else EXPLICIT_BE if big_endian else EXPLICIT_LE
    meta = (element(0x00020001, "OB", b"\0\1")
            + element(0x00020002, "UI", "1.2.840.10008.5.1.4.1.1.7\0")
            + element(0x00020003, "UI", uid.ljust(len(uid) + len(uid) % 2, "\0"))
            + element(0x00020010, "UI", syntax.ljust(len(syntax) + len(syntax) % 2, "\0"))
            + element(0x00020012, "UI", "1.2.3.4\0") + meta_extra)
    taken = {t for t, _, _ in elements}
    everything = [e for e in identifiers if e[0] not in taken] + elements
    return (b"\0" * 128 + b"DICM" + element(0x00020000, "UL", struct.pack("<I", len(meta)))
            + meta + body(everything, implicit=implicit, big_endian=big_endian))


def read(data: bytes, **options) -> Dataset:
    return pydicom.dcmread(io.BytesIO(data), force=True, **options)


def rendered(elements: list[tuple[int, str, object]], **options) -> dict:
    """The short rendering of a file holding ``elements`` (Latin-1 unless they say else)."""
    return short_json(read(part10(elements, **options)))


def value_of(vr: str, raw: bytes | str, tag: int = 0x00081030, **options) -> object:
    return rendered([(tag, vr, raw)], **options)[dicomjson.format_tag(tag)]


# --- Names --------------------------------------------------------------------------------

@pytest.mark.parametrize(("tag", "creator", "name"), [
    (0x00100010, None, "PatientName"),
    (0x00101000, None, "OtherPatientIDs"),            # Orthanc's patch: DCMTK says RETIRED_
    (0x00080001, None, "RETIRED_LengthToEnd"),
    (0x00020000, None, "FileMetaInformationGroupLength"),
    (0x00080000, None, "GenericGroupLength"),
    (0x00190000, None, "PrivateGroupLength"),
    (0x00090010, None, "PrivateCreator"),
    (0x00030010, None, "IllegalPrivateCreator"),
    (0x00091001, "GEMS_IDEN_01", "FullFidelity"),
    (0x00091101, "GEMS_IDEN_01", "FullFidelity"),      # any block of the same creator
    (0x00191014, "GEMS_ACQU_01", "EndNumberForBaseline"),  # "End NumberForBaseline" in the file
    (0x00291010, "SIEMENS CSA HEADER", "CSAImageHeaderInfo"),
    (0x70031104, "DLX_ANNOT_01", "TextAnnotation"),   # repeating private group
    (0x70021004, "DLX_ANNOT_01", UNKNOWN_TAG_NAME),   # even group: not private
    (0x00091001, None, UNKNOWN_TAG_NAME),
    (0x00091001, "NOBODY", UNKNOWN_TAG_NAME),
    (0x60023000, None, "OverlayData"),
    (0x50000005, None, "RETIRED_CurveDimensions"),
    (0x00203100, None, "RETIRED_SourceImageIDs"),
    (0x00203101, None, UNKNOWN_TAG_NAME),             # the range holds even elements only
    (0x00189201, None, UNKNOWN_TAG_NAME),
])
def test_tag_names_come_from_dcmtk_dictionary(tag, creator, name):
    assert tag_name(tag, creator) == name


# --- Text ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("vr", "raw", "expected"), [
    ("LO", "AB  ", "AB"),                  # even length: trailing spaces removed
    ("LO", "AB   ", "AB   "),              # odd length: kept
    ("LO", " A \\B ", " A \\B"),           # leading spaces and inner spaces kept
    ("LO", "A \0 ", "A "),                 # spaces stripped first, then cut at the NUL
    ("LO", "AB\0CD ", "AB"),
    ("LO", "ab\t ", "ab\t"),               # only spaces are padding
    ("ST", " st ", " st"),
    ("UT", "ut  ", "ut"),
    ("DA", "20200101 ", "20200101 "),      # odd length
    ("PN", "Doe^John=Name^^", "Doe^John=Name^^"),
    ("UI", " 1. 2 \\ 3 ", "1.2\\3"),      # UI loses every space
    ("UI", "1.2 \0", "1.2"),
    ("CS", "", ""),
])
def test_text_values_are_trimmed_like_dcmtk(vr, raw, expected):
    assert value_of(vr, raw) == expected


@pytest.mark.parametrize(("encoding", "raw", "expected"), [
    ("Latin1", b"\xe9\r\n\x80", "\xe9\r\n\x80"),
    ("Ascii", bytes(range(1, 32)) + b"\x7fZ\xe9", "\nZ"),  # printable ASCII and line feeds
    ("Utf8", b"ab\xc3cd", "abd"),          # an invalid sequence swallows the byte it tried
    ("Utf8", b"ab\xe2\x82", "ab"),
    ("Utf8", b"ab\xed\xa0\x80cd\xc0\xaf", "abcd"),   # surrogates and overlong forms dropped
    ("Utf8", "é😀".encode(), "é😀"),
    ("Japanese", b"a\\b~c\xb1", "a\u00a5b\u203ec\uff71"),  # JIS X 0201 Roman
    ("JapaneseKanji", b"a\x1b$B;3ED\x1b(Bz", "a山田z"),
    ("Korean", b"\xc8\xab\xb1\xe6\xb5\xbf", "홍길동"),
    ("Korean", b"A\x80\xffB\xc9\xa1\xf3bZ\xb5", "A\x80\uf8f7B\ue000Z"),  # IBM-949 oddities
    ("Thai", b"\xe9\x80", "\u0e49"),       # no C1 controls in glibc's TIS-620
    ("Arabic", b"\xe9\xa9", "\u0649"),     # undefined bytes skipped
    ("Chinese", b"\xcd\xf5", "王"),
])
def test_decode_text_follows_orthanc_conversions(encoding, raw, expected):
    assert decode_text(raw, encoding) == expected


def test_code_extensions_remove_iso2022_escapes_without_switching():
    assert decode_text(b"a\x1b-F\xe1z\x0e", "Latin1", code_extensions=True) == "a\xe1z"
    assert decode_text(b"a\x1b$)C\xc8\xabz", "Korean", code_extensions=True) == "a홍z"


@pytest.mark.parametrize(("charset", "expected"), [
    (None, "\xe9"),                        # DefaultEncoding (Latin1)
    ("ISO_IR 192", ""),                    # a lone 0xe9 is invalid UTF-8
    ("ISO_IR 6", ""),
    ("FOO", ""),                           # unsupported: ASCII
    ("\\ISO 2022 IR 100", "\xe9"),         # the first non-empty value decides
    ("ISO 2022 IR 6\\ISO 2022 IR 100", ""),
    (" iso_ir 144 ", "щ"),
])
@pytest.mark.filterwarnings("ignore:Unknown encoding")
def test_specific_character_set_selects_the_encoding(charset, expected):
    elements = [(0x00081030, "LO", b"\xe9 ")]
    if charset is not None:
        elements.append((0x00080005, "CS", charset + " " * (len(charset) % 2)))
    assert rendered(elements)["0008,1030"] == expected


def test_items_use_the_top_level_character_set():
    item = body([(0x00080005, "CS", "ISO_IR 192"), (0x00081030, "LO", b"\xc3\xa9")])
    out = rendered([(0x00080005, "CS", "ISO_IR 100"), (0x00081110, "SQ", [item])])
    assert out["0008,1110"][0]["0008,1030"] == "\xc3\xa9"


def test_specific_character_set_itself_goes_through_the_conversion():
    out = rendered([(0x00080005, "CS", "ISO 2022 IR 13\\ISO 2022 IR 87 ")])
    assert out["0008,0005"] == "ISO 2022 IR 13\u00a5ISO 2022 IR 87"


# --- Numbers and tags ---------------------------------------------------------------------

def _pack(fmt: str, *values) -> bytes:
    return struct.pack("<" + fmt, *values)


@pytest.mark.parametrize(("vr", "raw", "expected"), [
    ("FD", _pack("3d", 0.1, 1 / 3, 1e300),
     "0.10000000000000001\\0.33333333333333331\\1.0000000000000001e+300"),
    ("FD", _pack("5d", -0.0, float("inf"), float("nan"), 1e16, 1e17),
     "-0\\inf\\nan\\10000000000000000\\1e+17"),
    ("FL", _pack("3f", 118.2, 3.0, 16777217.0), "118.19999694824219\\3\\16777216"),
    ("FL", _pack("f", 1.5) + b"\0\0", "1.5"),    # not a multiple of 4: first value only
    ("FL", b"\1\2", None),                       # too short
    ("FD", b"", None),
    ("US", _pack("3H", 1, 65535, 0), "1\\65535\\0"),
    ("US", b"\5\0\6", "5\\6"),                   # odd length padded with a zero byte
    ("SS", _pack("2h", -1, -32768), "-1\\-32768"),
    ("SL", _pack("i", -2 ** 31), "-2147483648"),
    ("UL", _pack("2I", 2 ** 32 - 1, 0), "4294967295\\0"),
    ("AT", _pack("4H", 0x0010, 0x0010, 0x0020, 0x000D), "0010,0010"),  # first tag only
    ("AT", b"\x10\0", None),
    ("OB", b"abcd", None),
    ("OF", _pack("f", 1.0), None),
    ("OD", _pack("d", 1.0), None),
])
def test_numbers_and_binary_values(vr, raw, expected):
    assert value_of(vr, raw, tag=0x00189089) == expected


def test_big_endian_numbers():
    out = rendered([(0x00280010, "US", struct.pack(">H", 512)),
                    (0x00189089, "FD", struct.pack(">d", 2.5))], big_endian=True)
    assert (out["0028,0010"], out["0018,9089"]) == ("512", "2.5")


# --- Structure ----------------------------------------------------------------------------

def test_full_format_of_leaves_sequences_and_private_tags():
    item = body([(0x00230010, "LO", "GEMS_STDY_01"), (0x00231070, "FD", _pack("d", 1.5))])
    ds = read(part10([(0x00230010, "LO", "GEMS_STDY_01"), (0x00231001, "SQ", [item, b""]),
                      (0x00081115, "SQ", []), (0x7FE00010, "OB", b"\0\0")]))
    out = full_json(ds)
    assert out["0023,1001"] == {
        "Name": "NumberOfSeriesInStudy", "Type": "Sequence", "Value": [
            {"0023,0010": {"Name": "PrivateCreator", "Type": "String", "Value": "GEMS_STDY_01"},
             "0023,1070": {"Name": "StartTimeSecsInFirstAxial", "PrivateCreator": "GEMS_STDY_01",
                           "Type": "String", "Value": "1.5"}},
            {}]}
    assert out["0008,1115"] == {"Name": "ReferencedSeriesSequence", "Type": "Sequence",
                                "Value": []}
    assert out["7fe0,0010"] == {"Name": "PixelData", "Type": "Null", "Value": None}
    assert simplified_json(ds)["NumberOfSeriesInStudy"][0]["StartTimeSecsInFirstAxial"] == "1.5"


def test_private_creator_is_resolved_in_the_same_item_only():
    inner = body([(0x00091002, "LO", "inner ")])
    out = full_json(read(part10([(0x00090010, "LO", "GEMS_IDEN_01"), (0x00091002, "LO", "CT01"),
                                 (0x00400275, "SQ", [inner]), (0x00131010, "LO", "none"),
                                 (0x00150010, "LO", ""), (0x00151001, "LO", "empty")])))
    assert out["0009,1002"]["PrivateCreator"] == "GEMS_IDEN_01"
    assert out["0009,1002"]["Name"] == "SuiteId"
    nested = out["0040,0275"]["Value"][0]["0009,1002"]
    assert "PrivateCreator" not in nested and nested["Name"] == UNKNOWN_TAG_NAME
    assert "PrivateCreator" not in out["0013,1010"]
    assert "PrivateCreator" not in out["0015,1001"]    # an empty creator reserves nothing


def test_simplified_names_collide_and_the_highest_tag_wins():
    out = simplified_json(read(part10([(0x00090010, "LO", "FIRST "), (0x00290010, "LO", "LAST"),
                                       (0x00131010, "LO", "x "), (0x00203101, "CS", "SRC ")])))
    assert out["PrivateCreator"] == "LAST"
    assert out[UNKNOWN_TAG_NAME] == "SRC"


def test_values_over_256_utf8_bytes_are_too_long_unless_ignored():
    ds = read(part10([(0x00080005, "CS", "ISO_IR 100"), (0x00081030, "LO", "a" * 256),
                      (0x0008103E, "LO", "b" * 258), (0x00081010, "SH", "\xe9" * 128),
                      (0x00080081, "ST", "\xe9" * 130), (0x00283006, "US", b"\1\0" * 200)]))
    out = full_json(ds)
    assert out["0008,1030"]["Type"] == out["0008,1010"]["Type"] == "String"
    assert out["0008,103e"] == {"Name": "SeriesDescription", "Type": "TooLong", "Value": None}
    assert out["0008,0081"]["Type"] == out["0028,3006"]["Type"] == "TooLong"
    assert short_json(ds)["0008,103e"] is None
    assert full_json(ds, ignore_length=[0x0008103E])["0008,103e"]["Value"] == "b" * 258


def test_explicit_un_values():
    out = rendered([(0x00080005, "CS", "ISO_IR 100"),
                    (0x00081030, "UN", b"AB\0CD "), (0x0008103E, "UN", b"\xe9\0"),
                    (0x00280010, "UN", b"\2\0"), (0x00090010, "LO", "GEMS_IDEN_01"),
                    (0x00091001, "UN", b"FF  "), (0x00091002, "UN", b"A\tB\r\n"),
                    (0x00091030, "UN", b"")])
    assert out["0008,1030"] == "AB\0CD "   # standard text tag: raw bytes, converted
    assert out["0008,103e"] == "\xe9"      # one trailing NUL dropped from an even length
    assert out["0028,0010"] is None        # not a text VR in the dictionary
    assert out["0009,1001"] == "FF  "      # private: printable ASCII only
    assert out["0009,1002"] is None
    assert out["0009,1030"] == ""


def test_implicit_vr_takes_dcmtk_vrs():
    sequence = body([(0x00400007, "LO", "item  ")], implicit=True)
    elements = [(0x00280106, "US", _pack("H", 65535)), (0x00281101, "US", _pack("3H", 1, 0, 16)),
                (0x00189201, "LO", "unknown "), (0x00090010, "LO", "GEMS_IDEN_01"),
                (0x00091027, "SL", _pack("i", -3)), (0x00090011, "LO", "NOBODY"),
                (0x00091101, "LO", "xx"), (0x00400275, "SQ", [sequence])]
    without = rendered(elements, implicit=True)
    signed = rendered(elements + [(0x00280103, "US", _pack("H", 1))], implicit=True)
    assert without["0028,0106"] is None and signed["0028,0106"] == "-1"
    assert signed["0028,1101"] is None            # a "US or SS" DCMTK does not resolve
    assert without["0018,9201"] is None           # unknown to DCMTK: UN
    assert without["0009,1027"] == "-3" and without["0009,1101"] is None
    assert without["0040,0275"] == [{"0040,0007": "item"}]


def test_top_level_elements_after_pixel_data_are_left_out():
    ds = read(part10([(0x7FE00010, "OW", b"\0\0"), (0x7FE10010, "LO", "X "),
                      (0xFFFCFFFC, "OB", b"\0\0"), (0x00400275, "SQ", [
                          body([(0x00081150, "UI", "1.2\0")])])]))
    assert set(short_json(ds)) >= {"7fe0,0010", "0040,0275"}
    assert not {"7fe1,0010", "fffc,fffc"} & set(short_json(ds))


def test_stop_before_pixels_and_deferred_reads_never_load_pixel_data(tmp_path: Path):
    path = tmp_path / "ct.dcm"
    path.write_bytes(part10([(0x00204000, "LT", "c" * 300), (0x7FE00010, "OW", b"\1\2" * 4000)]))
    complete = full_json(pydicom.dcmread(path))
    deferred = pydicom.dcmread(path, defer_size=100)
    assert full_json(deferred) == complete
    assert deferred.get_item(0x7FE00010, keep_deferred=True).value is None
    stopped = pydicom.dcmread(path, stop_before_pixels=True)
    assert full_json(stopped, pixel_data_tag=0x7FE00010) == complete
    assert "7fe0,0010" not in full_json(stopped)


def test_header_leaves_out_binary_private_unknown_and_has_no_length_limit():
    extra = (element(0x00020013, "SH", "V" * 300) + element(0x00020016, "AE", "AE\xe9\r\nX ")
             + element(0x00020023, "LO", "unknown ") + element(0x00020102, "OB", b"\1\2"))
    ds = read(part10([], meta_extra=extra))
    out = header_json(ds)
    assert set(out) == {"0002,0000", "0002,0002", "0002,0003", "0002,0010", "0002,0012",
                        "0002,0013", "0002,0016"}
    assert out["0002,0013"]["Value"] == "V" * 300
    assert out["0002,0016"] == {"Name": "SourceApplicationEntityTitle", "Type": "String",
                                "Value": "AE\nX "}    # ASCII; odd length keeps the space
    assert header_json(ds, "simplify")["TransferSyntaxUID"] == EXPLICIT_LE
    assert header_json(read(body([(0x00100010, "PN", "NO^META ")]))) == {}


def test_a_too_long_meta_group_takes_the_first_dataset_elements(samples_dir: Path):
    ds = pydicom.dcmread(samples_dir / "TransferSyntaxes" / "1.2.840.10008.1.2.4.50.dcm",
                         stop_before_pixels=True)
    assert absorbed_by_meta(ds) == [0x00080000]
    assert "0008,0000" not in short_json(ds)
    assert header_json(ds, "short")["0008,0000"] == "378"


def test_element_string_is_the_unlimited_leaf_value():
    ds = read(part10([(0x00081030, "LO", "x" * 300), (0x00081110, "SQ", []),
                      (0x00280010, "US", _pack("H", 4))]))
    assert element_string(ds, 0x00081030) == "x" * 300
    assert element_string(ds, 0x00280010) == "4"
    assert element_string(ds, 0x00081110) is None
    assert element_string(ds, 0x00100010) is None


# --- Differential tests against Orthanc 1.10.1 --------------------------------------------

PYDICOM_FILES = [
    "CT_small.dcm", "MR_small.dcm", "MR_small_implicit.dcm", "MR_small_bigendian.dcm",
    "MR_small_padded.dcm", "rtplan.dcm", "rtstruct.dcm", "rtdose.dcm", "waveform_ecg.dcm",
    "image_dfl.dcm", "ExplVR_BigEndNoMeta.dcm", "JPEG2000.dcm", "SC_rgb_rle.dcm",
    "reportsi.dcm", "reportsi_with_empty_number_tags.dcm", "test-SR.dcm", "badVR.dcm",
    "examples_ybr_color.dcm", "examples_palette.dcm", "examples_overlay.dcm",
    "J2K_pixelrep_mismatch.dcm", "SC_rgb_small_odd.dcm", "SC_rgb_dcmtk_+eb+cr.dcm",
    "liver_1frame.dcm", "GDCMJ2K_TextGBR.dcm", "JPEG2000-embedded-sequence-delimiter.dcm",
]


def _edge_case_files() -> list[bytes]:
    """Hand-built files covering the rules above, for Orthanc to judge."""
    texts = [(0x00081030 + i, vr, raw) for i, (vr, raw) in enumerate(
        [("LO", "AB  "), ("LO", "A \0 "), ("LO", "ab\t "), ("LO", " A  \\ B  ")])]
    return [
        part10(texts + [(0x00080005, "CS", "ISO_IR 100"), (0x00204000, "LT", "\xe9" * 130),
                        (0x00081190, "UR", "http://x  "), (0x00080014, "UI", " 1. 2 ")]),
        part10([(0x00189089, "FD", _pack("3d", 0.1, -0.0, 1e17)),
                (0x00189004, "FL", _pack("f", 0.3)),
                (0x00209165, "AT", _pack("4H", 0x10, 0x10, 0x20, 0x0D)), (0x00280011, "US", b""),
                (0x00081030, "UN", b"AB\0\0"), (0x00090010, "LO", "GEMS_IDEN_01"),
                (0x00091001, "UN", b"F\xe9  "), (0x00091101, "LO", "block"),
                (0x00090011, "LO", "GEMS_IDEN_01"), (0x60023000, "OW", b"\0\0")]),
        part10([(0x00080005, "CS", "\\ISO 2022 IR 149"),
                (0x00100010, "PN", b"Hong^Gildong=\x1b$)C\xfb\xf3^\x1b$)C\xd1\xce\xd4\xd7"),
                (0x00081030, "LO", b"A\x80\xffB\xc9\xa1\xf3bZ ")]),
        part10([(0x00080005, "CS", "ISO_IR 13 "), (0x00081030, "LO", b"a\\b~c\xb1 ")]),
        part10([(0x00080005, "CS", "ISO_IR 192"), (0x00081030, "LO", b"ab\xc3cd\xe2\x82")]),
        part10([(0x00280106, "US", _pack("H", 65535)), (0x00280103, "US", _pack("H", 1)),
                (0x00283002, "US", _pack("3H", 65535, 0, 16)), (0x00189201, "LO", "x "),
                (0x00290010, "LO", "SIEMENS CSA HEADER"), (0x00291008, "CS", "CT ")],
               implicit=True),
    ]


def _corpus() -> list[bytes]:
    files = [p.read_bytes() for p in sample_files() if p.name not in CRASHES_ORTHANC]
    files += [Path(get_testdata_file(name, download=False)).read_bytes() for name in PYDICOM_FILES]
    files += [Path(p).read_bytes() for p in get_charset_files("*.dcm")]
    return files + _edge_case_files()


@pytest.fixture(scope="module")
def stored(orthanc) -> list[tuple[str, bytes]]:
    """(Orthanc ID, stored file) of every corpus file Orthanc accepts."""
    ids: dict[str, None] = {}
    with orthanc.client() as client:
        for data in _corpus():
            response = client.post("/instances", content=data)
            if response.status_code == 200:
                ids[response.json()["ID"]] = None
        return [(i, client.get(f"/instances/{i}/file").content) for i in ids]


def _differences(client: httpx.Client, stored: list[tuple[str, bytes]], route: str, render
                 ) -> list[str]:
    bad = []
    for instance, data in stored:
        ds = read(data, defer_size=256)
        for fmt, query in (("full", ""), ("simplify", "?simplify"), ("short", "?short")):
            expected = client.get(f"/instances/{instance}/{route}{query}").json()
            if json.dumps(render(ds, fmt)) != json.dumps(expected):   # key order too
                bad.append(f"{instance} {route} {fmt}")
    return bad


@pytest.mark.orthanc
@pytest.mark.usefixtures("samples_dir")
def test_tags_equal_orthanc_on_the_corpus(orthanc, stored):
    assert len(stored) > 200
    with orthanc.client() as client:
        assert _differences(client, stored, "tags", dataset_json) == []
        simplified = [client.get(f"/instances/{i}/simplified-tags").json() for i, _ in stored]
    assert simplified == [simplified_json(read(data)) for _, data in stored]


@pytest.mark.orthanc
def test_header_equals_orthanc_on_the_corpus(orthanc, stored):
    with orthanc.client() as client:
        assert _differences(client, stored, "header", header_json) == []


@pytest.mark.orthanc
def test_ignore_length_equals_orthanc(orthanc):
    data = part10([(0x00204000, "LT", "c" * 300), (0x0008103E, "LO", "d" * 300)])
    with orthanc.client() as client:
        instance = client.post("/instances", content=data).json()["ID"]
        expected = client.get(f"/instances/{instance}/tags",
                              params={"ignore-length": "ImageComments"}).json()
    assert full_json(read(data), ignore_length=[0x00204000]) == expected
