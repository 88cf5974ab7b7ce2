"""The fast reader gives exactly what pydicom's ``dcmread`` gives, or declines."""

from __future__ import annotations

import io
import struct
import warnings
from pathlib import Path

import pydicom.data
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydicom import dcmread
from pydicom.data import get_testdata_file
from pydicom.dataelem import DataElement, RawDataElement
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence

from lethe.dicom.rawread import read_plain, sequence_is_plain
from tests.robustness.dicom_mutations import DrawChooser, mutate, seed_files
from tests.support import corpus

MODES = [(True, None), (False, None), (False, 4096)]  # stop_before_pixels, defer_size


def _testdata_files() -> list[Path]:
    """pydicom's bundled test files (those it would download are left out)."""
    return sorted((Path(pydicom.data.__file__).parent / "test_files").rglob("*.dcm"))


def _pydicom(data: bytes, stop_before_pixels: bool, defer_size: int | None):
    stream = io.BytesIO(data)
    try:
        dataset = dcmread(stream, stop_before_pixels=stop_before_pixels, force=True,
                          defer_size=defer_size)
    except Exception:  # noqa: BLE001 - pydicom refuses it: the fast reader must decline
        return None, None
    return dataset, stream.tell()


def _assert_same_element(ours, theirs, where: str) -> None:
    assert type(ours) is type(theirs), where
    if isinstance(theirs, RawDataElement):
        assert tuple(ours) == tuple(theirs), where
        assert type(ours.tag) is type(theirs.tag), where
        return
    assert isinstance(theirs, DataElement)
    assert (ours.tag, ours.VR, ours.file_tell, ours.is_undefined_length) == \
        (theirs.tag, theirs.VR, theirs.file_tell, theirs.is_undefined_length), where
    if isinstance(theirs.value, Sequence):
        assert ours.value.is_undefined_length == theirs.value.is_undefined_length, where
        assert len(ours.value) == len(theirs.value), where
        for number, (item, expected) in enumerate(zip(ours.value, theirs.value, strict=True)):
            assert item.file_tell == expected.file_tell, where
            _assert_same_dataset(item, expected, f"{where}/{number}")
    else:
        assert ours.value == theirs.value, where


def _assert_same_dataset(ours: Dataset, theirs: Dataset, where: str = "") -> None:
    assert list(ours.keys()) == list(theirs.keys()), where
    for tag in theirs.keys():  # noqa: SIM118 - keys: the elements must stay as read
        _assert_same_element(ours.get_item(tag, keep_deferred=True),
                             theirs.get_item(tag, keep_deferred=True), f"{where} {tag}")
    assert ours.original_encoding == theirs.original_encoding, where
    assert ours.original_character_set == theirs.original_character_set, where


def _assert_same_values(ours: Dataset, theirs: Dataset) -> None:
    """Same elements with the same values once converted (pydicom converts two file meta
    elements while reading, the fast reader leaves them raw until used)."""
    assert [(e.tag, e.VR, e.value) for e in ours] == [(e.tag, e.VR, e.value) for e in theirs]
    assert ours.original_encoding == theirs.original_encoding


def _check(data: bytes, stop_before_pixels: bool, defer_size: int | None) -> bool:
    """Compare with pydicom; True when the fast reader read the file."""
    expected, position = _pydicom(data, stop_before_pixels, defer_size)
    stream = io.BytesIO(data)
    ours = read_plain(stream, stop_before_pixels=stop_before_pixels, defer_size=defer_size)
    if ours is None:
        return False
    assert expected is not None, "the fast reader read a file pydicom refuses"
    _assert_same_dataset(ours, expected)
    _assert_same_values(ours.file_meta, expected.file_meta)
    assert ours.preamble == expected.preamble
    assert stream.tell() == position
    return True


@pytest.mark.parametrize(("stop_before_pixels", "defer_size"), MODES)
def test_pydicom_test_files_read_as_pydicom_reads_them(stop_before_pixels, defer_size):
    read = [_check(path.read_bytes(), stop_before_pixels, defer_size)
            for path in _testdata_files()]
    # Encapsulated pixel data is left to pydicom when the pixel data is read.
    assert sum(read) >= (60 if stop_before_pixels else 20)


@pytest.mark.parametrize(("stop_before_pixels", "defer_size"), MODES)
def test_corpus_read_as_pydicom_reads_it(stop_before_pixels, defer_size):
    corpus.samples()
    files = corpus.sample_files()
    read = [_check(path.read_bytes(), stop_before_pixels, defer_size) for path in files]
    assert sum(read) > len(files) // (2 if stop_before_pixels else 4)


@pytest.mark.parametrize("name", [
    "CT_small.dcm",
    "reportsi.dcm",  # explicit VR sequences of undefined length
    "nested_priv_SQ.dcm",  # implicit VR, a private sequence of undefined length
    "UN_sequence.dcm",  # a sequence stored as UN of undefined length
])
def test_a_real_file_is_read_through_a_memory_map(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(Path(get_testdata_file(name)).read_bytes())
    with path.open("rb") as stream:
        ours = read_plain(stream, stop_before_pixels=True)
        position = stream.tell()
    assert ours is not None
    with path.open("rb") as stream:
        expected = dcmread(stream, stop_before_pixels=True, force=True)
        assert position == stream.tell()
    _assert_same_dataset(ours, expected)
    assert ours.filename == expected.filename


def _explicit(tag: int, vr: bytes, value: bytes) -> bytes:
    return struct.pack("<HH2sH", tag >> 16, tag & 0xFFFF, vr, len(value)) + value


def _file(body: bytes, syntax: bytes = b"1.2.840.10008.1.2.1\x00") -> bytes:
    meta = _explicit(0x00020010, b"UI", syntax)
    return (b"\x00" * 128 + b"DICM" + _explicit(0x00020000, b"UL", struct.pack("<L", len(meta)))
            + meta + body)


PATIENT = _explicit(0x00100010, b"PN", b"Doe^John")


@pytest.mark.parametrize(("case", "data"), [
    ("no preamble", PATIENT),
    ("big endian", _file(PATIENT, b"1.2.840.10008.1.2.2\x00")),
    ("deflated", _file(PATIENT, b"1.2.840.10008.1.2.1.99")),
    ("truncated value", _file(PATIENT[:-2])),
    ("stray bytes at the end", _file(PATIENT + b"\x08\x00")),
    ("unknown VR", _file(_explicit(0x00100010, b"XY", b"Doe^John"))),
    ("implicit VR in an explicit file", _file(struct.pack("<HHL", 0x10, 0x10, 4) + b"Doe^")),
    ("command set", _file(_explicit(0x00000002, b"UI", b"1.2\x00") + PATIENT)),
    ("empty data set", _file(b"")),
    ("item delimiter at top level", _file(PATIENT + struct.pack("<HHL", 0xFFFE, 0xE00D, 0))),
    ("undefined length text", _file(struct.pack("<HH2sHL", 0x10, 0x10, b"UT", 0, 0xFFFFFFFF)
                                    + b"Doe^" + struct.pack("<HHL", 0xFFFE, 0xE0DD, 0))),
])
def test_files_that_are_not_plain_are_left_to_pydicom(case, data):
    assert read_plain(io.BytesIO(data), stop_before_pixels=False) is None, case


def test_a_plain_file_built_here_is_read():
    data = _file(PATIENT + _explicit(0x00100020, b"LO", b"ID42"))
    assert _check(data, False, None)
    dataset = read_plain(io.BytesIO(data), stop_before_pixels=False)
    assert dataset.PatientName == "Doe^John" and dataset.PatientID == "ID42"


# --- sequence_is_plain -------------------------------------------------------------
def _item(body: bytes, undefined: bool = False) -> bytes:
    if undefined:
        return struct.pack("<HHL", 0xFFFE, 0xE000, 0xFFFFFFFF) + body + \
            struct.pack("<HHL", 0xFFFE, 0xE00D, 0)
    return struct.pack("<HHL", 0xFFFE, 0xE000, len(body)) + body


def _sequence_element(tag: int, items: bytes, undefined: bool = False) -> bytes:
    head = struct.pack("<HH2sH", tag >> 16, tag & 0xFFFF, b"SQ", 0)
    if undefined:
        return head + struct.pack("<L", 0xFFFFFFFF) + items + \
            struct.pack("<HHL", 0xFFFE, 0xE0DD, 0)
    return head + struct.pack("<L", len(items)) + items


def _raw_sequence(items: bytes) -> RawDataElement:
    return RawDataElement(0x00081115, "SQ", len(items), items, 0, False, True)


def _nested(depth: int) -> bytes:
    """Items of a sequence whose items hold a sequence, ``depth`` levels of items in all."""
    items = _item(PATIENT)
    for _ in range(depth - 1):
        items = _item(_sequence_element(0x00081115, items))
    return items


@pytest.mark.parametrize("undefined", [False, True])
def test_a_well_formed_sequence_is_plain_and_pydicom_agrees(undefined):
    items = _item(PATIENT, undefined) + _item(
        _sequence_element(0x00081199, _item(PATIENT, undefined), undefined))
    raw = _raw_sequence(items)
    assert sequence_is_plain(raw, 64)
    dataset = Dataset({raw.tag: raw})
    assert dataset[raw.tag].value[1].ReferencedSOPSequence[0].PatientName == "Doe^John"


@pytest.mark.parametrize(("case", "items"), [
    ("truncated item", _item(PATIENT)[:-3]),
    ("item length past the value", struct.pack("<HHL", 0xFFFE, 0xE000, 400) + PATIENT),
    ("not an item", PATIENT),
    ("item without its delimiter", _item(PATIENT, True)[:-8]),
    ("nested sequence without its delimiter",
     _item(_sequence_element(0x00081199, _item(PATIENT), True)[:-8])),
    ("element straddling the item end", _item(PATIENT[:6]) + PATIENT[6:]),
    ("unknown VR in an item", _item(_explicit(0x00100010, b"XY", b"Doe^John"))),
])
def test_a_broken_sequence_is_not_plain(case, items):
    assert not sequence_is_plain(_raw_sequence(items), 64), case


def test_nesting_deeper_than_the_limit_is_not_plain():
    assert sequence_is_plain(_raw_sequence(_nested(5)), 5)
    assert not sequence_is_plain(_raw_sequence(_nested(6)), 5)


def test_an_implicit_vr_sequence_is_left_to_pydicom():
    raw = _raw_sequence(_item(PATIENT))._replace(is_implicit_VR=True)
    assert not sequence_is_plain(raw, 64)


def test_plain_sequences_of_the_corpus_are_read_by_pydicom():
    files = corpus.sample_files() + _testdata_files()
    plain = 0
    for path in files:
        dataset = read_plain(io.BytesIO(path.read_bytes()), stop_before_pixels=True)
        for tag in list(dataset.keys()) if dataset is not None else ():
            raw = dataset.get_item(tag, keep_deferred=True)
            if isinstance(raw, RawDataElement) and sequence_is_plain(raw, 64):
                plain += 1
                _read_every_item(dataset[tag].value)
    assert plain > 20


def _read_every_item(sequence: Sequence) -> None:
    """Convert every element below ``sequence``, as a use of the data set would."""
    assert isinstance(sequence, Sequence)
    for item in sequence:
        for element in item:
            if element.VR == "SQ":
                _read_every_item(element.value)


# --- hostile files -----------------------------------------------------------------
@pytest.fixture(scope="module")
def seeds() -> list[bytes]:
    return seed_files(corpus.SAMPLES)


@pytest.mark.parametrize(("stop_before_pixels", "defer_size"), MODES)
def test_mutated_files_are_declined_or_read_as_pydicom_reads_them(seeds, stop_before_pixels,
                                                                 defer_size):
    read = []

    @settings(max_examples=150, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def run(data):
        mutant, _ = mutate(seeds, DrawChooser(data))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pydicom warns about what it repairs
            read.append(_check(mutant, stop_before_pixels, defer_size))

    run()
    assert any(read), "some mutants should still be plain files"
