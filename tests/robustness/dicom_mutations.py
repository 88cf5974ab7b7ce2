"""Hostile DICOM files: structure-aware mutations of valid files, for fuzzing.

A mutation takes the bytes of a file and a :class:`Chooser` (where every
random decision comes from) and returns the mutated bytes and a short
description. Decisions come from hypothesis (``DrawChooser``: derandomized
runs are reproducible, and a failure raised inside a hypothesis test shrinks
to a simple input) or from a seeded ``random.Random`` (``RandomChooser``,
for the long runs of ``tools/fuzz_dicom.py``); both run the same mutations.

The mutations know the layout of the file (:func:`layout`): where each
element, item and delimiter starts, where its length field is and what it
says, at any depth. They produce truncations, wrong and huge declared
lengths (4 GB declared in a 1 KB file), bad VRs, broken sequences and
delimiters, deep nesting, bad character sets and values, duplicated and
out-of-order elements, wrong transfer syntaxes, and random byte changes.
"""

from __future__ import annotations

import contextlib
import io
import random
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from hypothesis import strategies as st
from pydicom.datadict import dictionary_has_tag, dictionary_VR
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence as DicomSequence
from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian

T = TypeVar("T")

LONG_LENGTH_VRS = frozenset(b"OB OD OF OL OV OW SQ SV UC UN UR UT UV".split())
ALL_VRS = (b"AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM "
           b"UC UI UL UN UR US UT UV").split()
UNDEFINED = 0xFFFFFFFF
ITEM, ITEM_END, SEQUENCE_END = 0xFFFEE000, 0xFFFEE00D, 0xFFFEE0DD
IMPLICIT_LITTLE = "1.2.840.10008.1.2"
EXPLICIT_LITTLE = "1.2.840.10008.1.2.1"
TRANSFER_SYNTAXES = (IMPLICIT_LITTLE, EXPLICIT_LITTLE, "1.2.840.10008.1.2.2",
                     "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.90",
                     "1.2.840.10008.1.2.5", "1.2.3.4", "", "1.2.840.10008.1.2.1\x00junk")
CHARACTER_SETS = (b"ISO_IR 192", b"ISO_IR 100", b"ISO_IR 999", b"\\ISO 2022 IR 87",
                  b"ISO 2022 IR 6\\ISO 2022 IR 87\\ISO 2022 IR 159", b"GB18030", b"GBK",
                  b"ISO_IR 13\\ISO_IR 192", b"\x1b$B", b"utf-8", b"\xff\xfe", b"\\\\\\")
HOSTILE_TEXT = (b"\xff\xfe\xfd", b"\x1b$B", b"\x1b(J\x1b$)C", b"\xc3(", b"\xe2\x82",
                b"\x8e\xa1", b"\x00\x00", b"\\\\", b"<script>", b"\xed\xa0\x80")
HUGE_LENGTHS = (0xFFFFFFFE, 0xFFFFFFF0, 0xFFFFFFF8, 0x80000000, 0x7FFFFFFF, 0x40000000)
NESTING_DEPTHS = (8, 64, 200, 1000, 5000, 20000)
REFERENCED_IMAGE_SEQUENCE = 0x00081140
MAX_WALK_DEPTH = 100  # the layout of deeper elements is not recorded


class Chooser(Protocol):
    """Where a mutation's decisions come from."""

    def integer(self, low: int, high: int) -> int:
        """An integer from ``low`` to ``high`` inclusive."""

    def choice(self, options: Sequence[T]) -> T:
        """One of ``options`` (not empty)."""


class RandomChooser:
    """Decisions from a seeded :class:`random.Random`."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def integer(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def choice(self, options: Sequence[T]) -> T:
        return options[self.rng.randrange(len(options))]


class DrawChooser:
    """Decisions drawn from hypothesis (the object ``st.data()`` gives)."""

    def __init__(self, data: st.DataObject) -> None:
        self.data = data

    def integer(self, low: int, high: int) -> int:
        return self.data.draw(st.integers(low, high))

    def choice(self, options: Sequence[T]) -> T:
        return options[self.data.draw(st.integers(0, len(options) - 1))]


# --- layout -----------------------------------------------------------------
@dataclass(frozen=True)
class Element:
    """One element header (or item / delimiter) found in a file."""

    offset: int  # where its tag starts
    tag: int
    vr: bytes | None  # as written (explicit VR), else None
    length_at: int  # where its length field starts
    length_size: int  # 2 or 4 bytes
    length: int
    depth: int  # 0 for top-level elements and the meta header

    @property
    def value_at(self) -> int:
        return self.length_at + self.length_size

    @property
    def is_delimiter(self) -> bool:
        return self.tag >> 16 == 0xFFFE


@dataclass(frozen=True)
class Layout:
    """Where things are in a file; walking stops at the first inconsistency."""

    elements: tuple[Element, ...]
    dataset_at: int  # where the data set starts (after the meta header)
    explicit: bool

    def top_level(self) -> list[Element]:
        return [e for e in self.elements if e.depth == 0 and e.offset >= self.dataset_at]


class _Stop(Exception):
    pass


class _Walker:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.found: list[Element] = []

    def header(self, pos: int, explicit: bool, depth: int) -> Element:
        if pos + 8 > len(self.data) or depth > MAX_WALK_DEPTH:
            raise _Stop
        group, number = struct.unpack_from("<HH", self.data, pos)
        tag = group << 16 | number
        vr = None
        if group == 0xFFFE or not explicit:
            length_at, size = pos + 4, 4
        else:
            vr = self.data[pos + 4:pos + 6]
            length_at, size = (pos + 8, 4) if vr in LONG_LENGTH_VRS else (pos + 6, 2)
        if length_at + size > len(self.data):
            raise _Stop
        length = int.from_bytes(self.data[length_at:length_at + size], "little")
        element = Element(pos, tag, vr, length_at, size, length, depth)
        self.found.append(element)
        return element

    def dataset(self, pos: int, end: int, explicit: bool, depth: int) -> int:
        """Walk elements to ``end`` or past an item delimiter; return where it stopped."""
        while pos < end:
            element = self.header(pos, explicit, depth)
            if element.tag == ITEM_END:
                return element.value_at
            pos = self.value(element, explicit)
        return pos

    def value(self, element: Element, explicit: bool) -> int:
        start, length = element.value_at, element.length
        if self.is_sequence(element):
            return self.items(start, explicit, element.depth + 1,
                              None if length == UNDEFINED else start + length)
        if length == UNDEFINED:  # encapsulated pixel data: items of raw fragments
            return self.fragments(start, element.depth + 1)
        if start + length > len(self.data):
            raise _Stop
        return start + length

    def is_sequence(self, element: Element) -> bool:
        if element.vr is not None:
            return element.vr == b"SQ" or (element.vr == b"UN" and element.length == UNDEFINED)
        known = dictionary_has_tag(element.tag) and dictionary_VR(element.tag) == "SQ"
        return known or (element.length == UNDEFINED and element.tag != 0x7FE00010)

    def items(self, pos: int, explicit: bool, depth: int, end: int | None) -> int:
        while end is None or pos < end:
            item = self.header(pos, explicit, depth)
            if item.tag == SEQUENCE_END:
                return item.value_at
            if item.tag != ITEM:
                raise _Stop
            if item.length == UNDEFINED:
                pos = self.dataset(item.value_at, len(self.data), explicit, depth)
            else:
                pos = self.dataset(item.value_at, item.value_at + item.length, explicit, depth)
        return pos

    def fragments(self, pos: int, depth: int) -> int:
        while True:
            item = self.header(pos, False, depth)
            if item.tag == SEQUENCE_END:
                return item.value_at
            if item.tag != ITEM or item.value_at + item.length > len(self.data):
                raise _Stop
            pos = item.value_at + item.length


def layout(data: bytes) -> Layout:
    """The layout of a Part 10 file or bare little-endian data set, as far as it is sound.

    The data set of a big-endian or deflated file is not walked (only its meta header is).
    """
    walker = _Walker(data)
    dataset_at, syntax = 0, None
    try:
        if data[128:132] == b"DICM":
            dataset_at = 132
            while data[dataset_at:dataset_at + 2] == b"\x02\x00":
                element = walker.header(dataset_at, True, 0)
                if element.tag == 0x00020010:
                    value = data[element.value_at:element.value_at + element.length]
                    syntax = value.decode("latin-1").strip("\x00 ")
                dataset_at = walker.value(element, True)
    except _Stop:
        return Layout(tuple(walker.found), dataset_at, True)
    explicit = syntax != IMPLICIT_LITTLE if syntax is not None else \
        data[dataset_at + 4:dataset_at + 6] in ALL_VRS
    if syntax in (None, IMPLICIT_LITTLE, EXPLICIT_LITTLE) or \
            syntax.startswith("1.2.840.10008.1.2.4"):
        with contextlib.suppress(_Stop):  # as far as the data set is sound
            walker.dataset(dataset_at, len(data), explicit, 0)
    return Layout(tuple(walker.found), dataset_at, explicit)


# --- edits (also used directly by the regression tests) -------------------------
def _replace(data: bytes, start: int, end: int, new: bytes) -> bytes:
    return data[:start] + new + data[end:]


def _with_length(data: bytes, element: Element, length: int) -> bytes:
    size = element.length_size
    return _replace(data, element.length_at, element.value_at,
                    (length % (1 << 8 * size)).to_bytes(size, "little"))


def encode_element(tag: int, vr: bytes, value: bytes, explicit: bool = True) -> bytes:
    """One little-endian element, explicit or implicit VR."""
    head = struct.pack("<HH", tag >> 16, tag & 0xFFFF)
    if not explicit:
        return head + struct.pack("<I", len(value)) + value
    if vr in LONG_LENGTH_VRS:
        return head + vr + b"\0\0" + struct.pack("<I", len(value)) + value
    return head + vr + struct.pack("<H", len(value)) + value


def _pad(value: bytes, padding: bytes = b" ") -> bytes:
    return value + padding if len(value) % 2 else value


def _pick(options: Sequence[Element], chooser: Chooser) -> Element | None:
    return chooser.choice(options) if options else None


def find(data: bytes, tag: int) -> Element:
    """The first meta or top-level element ``tag`` of ``data`` (KeyError if absent)."""
    found = layout(data)
    for element in found.elements:
        if element.tag == tag and element.depth == 0:
            return element
    raise KeyError(f"{tag:08x}")


def set_element(data: bytes, tag: int, vr: bytes, value: bytes) -> bytes:
    """Replace the meta or top-level element ``tag`` (or insert it in tag order)."""
    found = layout(data)
    explicit = found.explicit or tag >> 16 == 0x0002
    new = encode_element(tag, vr, value, explicit)
    same = [e for e in found.elements if e.depth == 0 and e.tag == tag]
    if same and same[0].length != UNDEFINED:
        return _replace(data, same[0].offset, same[0].value_at + same[0].length, new)
    return insert_before(data, tag, new)


def insert_before(data: bytes, tag: int, raw: bytes) -> bytes:
    """Insert ``raw`` before the first top-level element whose tag is ``tag`` or more."""
    at = next((e.offset for e in layout(data).top_level() if e.tag >= tag), len(data))
    return _replace(data, at, at, raw)


def set_length(data: bytes, tag: int, length: int) -> bytes:
    """Write ``length`` in the length field of the element ``tag`` (at any depth)."""
    element = next(e for e in layout(data).elements if e.tag == tag)
    return _with_length(data, element, length)


def set_vr(data: bytes, tag: int, vr: bytes) -> bytes:
    """Write ``vr`` over the VR of the meta or top-level element ``tag``."""
    at = find(data, tag).offset + 4
    return _replace(data, at, at + 2, vr)


def set_transfer_syntax(data: bytes, uid: str) -> bytes:
    """Declare ``uid`` in the meta header (group length not updated)."""
    return set_element(data, 0x00020010, b"UI", _pad(uid.encode("latin-1"), b"\0"))


def replace_sequence(data: bytes, tag: int, raw: bytes) -> bytes:
    """Put ``raw`` in place of the top-level element ``tag`` (or where it would be)."""
    top = layout(data).top_level()
    start = next((e.offset for e in top if e.tag >= tag), len(data))
    end = next((e.offset for e in top if e.tag > tag), len(data))
    return _replace(data, start, max(start, end), raw)


# --- mutations ------------------------------------------------------------------
def truncate(data: bytes, chooser: Chooser) -> tuple[bytes, str]:
    """Cut the file near an element boundary, or anywhere."""
    elements = layout(data).elements
    if elements and chooser.integer(0, 1):
        cut = chooser.choice(elements).offset + chooser.integer(-2, 14)
    else:
        cut = chooser.integer(0, max(0, len(data) - 1))
    cut = min(max(cut, 0), len(data) - 1)
    return data[:cut], f"truncated to {cut} of {len(data)} bytes"


def wrong_length(data: bytes, chooser: Chooser) -> tuple[bytes, str]:
    """Declare another length than the value has."""
    element = _pick(layout(data).elements, chooser)
    if element is None:
        return truncate(data, chooser)
    options = (0, 1, element.length + 1, element.length - 1, element.length * 2,
               element.length + 8, len(data) - element.value_at + chooser.integer(-4, 4),
               UNDEFINED, chooser.integer(0, 0xFFFFFFFF))
    length = chooser.choice(options)
    return _with_length(data, element, length), \
        f"length of {element.tag:08x} at {element.offset}: {element.length} -> {length}"


def huge_length(data: bytes, chooser: Chooser) -> tuple[bytes, str]:
    """Declare gigabytes in a small file; 2-byte length fields are widened (VR UN) first."""
    found = layout(data)
    element = _pick([e for e in found.elements if e.offset >= found.dataset_at], chooser)
    if element is None:
        return truncate(data, chooser)
    length = chooser.choice(HUGE_LENGTHS)
    if element.length_size == 4:
        return _with_length(data, element, length), \
            f"length of {element.tag:08x} at {element.offset} -> {length:#x}"
    header = data[element.offset:element.offset + 4] + b"UN\0\0" + struct.pack("<I", length)
    return _replace(data, element.offset, element.value_at, header), \
        f"{element.tag:08x} at {element.offset} made UN with length {length:#x}"


def bad_vr(data: bytes, chooser: Chooser) -> tuple[bytes, str]:
    """Write another VR: a wrong valid one, lower case, binary junk."""
    element = _pick([e for e in layout(data).elements if e.vr is not None], chooser)
    if element is None:
        return byte_changes(data, chooser)
    vr = chooser.choice((chooser.choice(ALL_VRS), element.vr.lower(), b"\0\0", b"\xff\xfe",
                         b"??", b"XX", b"SQ", b"UN", b"OB"))
    at = element.offset + 4
    return _replace(data, at, at + 2, vr), \
        f"VR of {element.tag:08x} at {element.offset}: {element.vr!r} -> {vr!r}"


def break_sequence(data: bytes, chooser: Chooser) -> tuple[bytes, str]:
    """Remove, duplicate or change an item or delimiter, or add a stray one."""
    found = layout(data)
    marks = [e for e in found.elements if e.is_delimiter]
    action = chooser.integer(0, 3) if marks else 4
    if action == 4:
        at = chooser.choice(found.top_level() or [Element(len(data), 0, None, 0, 4, 0, 0)]).offset
        tag = chooser.choice((ITEM, ITEM_END, SEQUENCE_END))
        stray = struct.pack("<HHI", tag >> 16, tag & 0xFFFF, chooser.choice((0, UNDEFINED, 4)))
        return _replace(data, at, at, stray), f"stray {tag:08x} inserted at {at}"
    mark = chooser.choice(marks)
    end = mark.value_at
    if action == 0:
        return _replace(data, mark.offset, end, b""), f"{mark.tag:08x} at {mark.offset} removed"
    if action == 1:
        return _replace(data, mark.offset, mark.offset, data[mark.offset:end]), \
            f"{mark.tag:08x} at {mark.offset} doubled"
    if action == 2:
        tag = chooser.choice((ITEM, ITEM_END, SEQUENCE_END, 0xFFFE0000, 0x00080018))
        return _replace(data, mark.offset, mark.offset + 4, struct.pack("<HH", tag >> 16,
                                                                        tag & 0xFFFF)), \
            f"{mark.tag:08x} at {mark.offset} became {tag:08x}"
    return wrong_length(data, chooser)


def nested_sequences(depth: int, undefined: bool, vr: bytes, explicit: bool) -> bytes:
    """ReferencedImageSequence holding one item holding the same sequence, ``depth`` times."""
    head = struct.pack("<HH", REFERENCED_IMAGE_SEQUENCE >> 16, REFERENCED_IMAGE_SEQUENCE & 0xFFFF)
    head += vr + b"\0\0" if explicit else b""
    if undefined:
        opening = head + struct.pack("<IHHI", UNDEFINED, 0xFFFE, 0xE000, UNDEFINED)
        closing = struct.pack("<HHIHHI", 0xFFFE, 0xE00D, 0, 0xFFFE, 0xE0DD, 0)
        return opening * depth + closing * depth
    level_size = len(head) + 4 + 8  # element header, then item header
    parts = []
    for level in range(depth, 0, -1):  # sizes known from the inside: no copying
        inner = (level - 1) * level_size
        parts.append(head + struct.pack("<IHHI", inner + 8, 0xFFFE, 0xE000, inner))
    return b"".join(parts)


def deep_nesting(data: bytes, chooser: Chooser) -> tuple[bytes, str]:
    """Put sequences nested up to thousands of levels deep in place of ReferencedImageSequence."""
    found = layout(data)
    depth = chooser.choice(NESTING_DEPTHS)
    undefined = bool(chooser.integer(0, 1))
    vr = chooser.choice((b"SQ", b"UN"))
    nested = nested_sequences(depth, undefined, vr, found.explicit)
    return replace_sequence(data, REFERENCED_IMAGE_SEQUENCE, nested), \
        f"{vr.decode()} nested {depth} deep ({'undefined' if undefined else 'defined'} lengths)"


def bad_charset(data: bytes, chooser: Chooser) -> tuple[bytes, str]:
    """Declare an unknown or inconsistent character set, or put undecodable bytes in text."""
    found = layout(data)
    text = [e for e in found.elements if e.offset >= found.dataset_at and e.length not in
            (0, UNDEFINED) and e.length < 256 and (e.vr in (b"PN", b"LO", b"SH", b"ST", b"LT",
                                                             b"UT", b"UC") or e.tag in
                                                    (0x00100010, 0x00100020, 0x00081030))]
    if text and chooser.integer(0, 1):
        element = chooser.choice(text)
        junk = chooser.choice(HOSTILE_TEXT)[:element.length]
        at = element.value_at + chooser.integer(0, element.length - len(junk))
        return _replace(data, at, at + len(junk), junk), \
            f"bytes {junk!r} written in {element.tag:08x} at {at}"
    value = _pad(chooser.choice(CHARACTER_SETS))
    return set_element(data, 0x00080005, b"CS", value), f"SpecificCharacterSet {value!r}"


def splice(data: bytes, chooser: Chooser) -> tuple[bytes, str]:
    """Copy a top-level element elsewhere: duplicates and out-of-order tags."""
    top = [e for e in layout(data).top_level() if e.length != UNDEFINED and
           e.value_at + e.length <= len(data)]
    if len(top) < 2:
        return byte_changes(data, chooser)
    source, target = chooser.choice(top), chooser.choice(top)
    piece = data[source.offset:source.value_at + source.length]
    return _replace(data, target.offset, target.offset, piece), \
        f"{source.tag:08x} copied before {target.tag:08x}"


def wrong_transfer_syntax(data: bytes, chooser: Chooser) -> tuple[bytes, str]:
    """Declare another transfer syntax than the data set is encoded in."""
    if data[128:132] != b"DICM":
        return bad_charset(data, chooser)
    syntax = chooser.choice(TRANSFER_SYNTAXES)
    return set_transfer_syntax(data, syntax), \
        f"TransferSyntaxUID {syntax!r} (group length not updated)"


def byte_changes(data: bytes, chooser: Chooser) -> tuple[bytes, str]:
    """Overwrite a few bytes anywhere."""
    out = bytearray(data)
    count = chooser.integer(1, 8)
    for _ in range(count):
        out[chooser.integer(0, len(out) - 1)] = chooser.integer(0, 255)
    return bytes(out), f"{count} random bytes"


MUTATIONS: tuple[Callable[[bytes, Chooser], tuple[bytes, str]], ...] = (
    truncate, wrong_length, huge_length, bad_vr, break_sequence, deep_nesting, bad_charset,
    splice, wrong_transfer_syntax, byte_changes)


def mutate(seeds: Sequence[bytes], chooser: Chooser) -> tuple[bytes, list[str]]:
    """A seed file changed by one to three mutations; the bytes and what was done."""
    index = chooser.integer(0, len(seeds) - 1)
    data, done = seeds[index], [f"seed {index}"]
    for _ in range(chooser.integer(1, 3)):
        if not data:
            break
        data, description = chooser.choice(MUTATIONS)(data, chooser)
        done.append(description)
    return data, done


# --- seeds ------------------------------------------------------------------------
SAMPLE_SEEDS = ("DummyCT.dcm", "MarekLatin2.dcm", "2017-06-27-XSSInjection.dcm", "Issue140.dcm",
                "ColorTestMalaterre.dcm", "Encodings/Lena-shift-jis.dcm",
                "TransferSyntaxes/1.2.840.10008.1.2.4.50.dcm")


def generated_seed(explicit: bool) -> bytes:
    """A small CT file with nested sequences (defined and undefined lengths), a private
    block and Latin-1 text, with fixed UIDs (the same bytes on every run)."""
    from tests.support.dicomgen import make_dataset

    root = "1.2.826.0.1.3680043.10.9"
    ds = make_dataset(patient_id="FUZZ", study_uid=f"{root}.1", series_uid=f"{root}.1.1",
                      sop_uid=f"{root}.1.1.{int(explicit)}", PatientName="Müller^Jürgen")
    inner = Dataset()
    inner.ReferencedSOPClassUID = ds.SOPClassUID
    inner.ReferencedSOPInstanceUID = f"{root}.2"
    code = Dataset()
    code.CodeValue, code.CodingSchemeDesignator, code.CodeMeaning = "T-D3000", "SRT", "Chest"
    inner.PurposeOfReferenceCodeSequence = DicomSequence([code])
    ds.ReferencedImageSequence = DicomSequence([inner, Dataset()])
    ds.ReferencedImageSequence.is_undefined_length = True
    ds.AnatomicRegionSequence = DicomSequence([code])
    block = ds.private_block(0x0009, "LETHE FUZZ", create=True)
    block.add_new(0x01, "LO", "private value")
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    meta.TransferSyntaxUID = ExplicitVRLittleEndian if explicit else ImplicitVRLittleEndian
    ds.file_meta = meta
    out = io.BytesIO()
    ds.save_as(out, enforce_file_format=True)
    return out.getvalue()


def seed_files(samples: Path | None) -> list[bytes]:
    """The seeds: two generated files, and a few real samples when the corpus is there."""
    seeds = [generated_seed(True), generated_seed(False)]
    if samples is not None and samples.is_dir():
        seeds += [(samples / name).read_bytes() for name in SAMPLE_SEEDS
                  if (samples / name).is_file()]
    return seeds
