"""A fast reader for the common DICOM file: what pydicom's ``dcmread`` returns, sooner.

pydicom's reader is general: it reads through a file object, asks a callback at every element,
and handles every transfer syntax and every broken file it can. Most stored files are plain: a
preamble, an explicit VR little endian meta group, then a data set in implicit or explicit VR
little endian (with any pixel data when reading stops before it, native pixel data otherwise).
:func:`read_plain` parses exactly those, from a buffer, with one ``struct`` call an element, and
builds the very objects pydicom builds: a :class:`FileDataset` of ``RawDataElement`` values
(sequences of undefined length are read by pydicom's own ``read_sequence``), the same file
meta, preamble and original encoding, and the stream left where pydicom leaves it. (pydicom
converts two file meta elements while reading; here they stay raw until used, with the same
values then.)

:func:`sequence_is_plain` walks a raw sequence value as bytes, to check a received file's
sequences without building them; :func:`sequence_tags` lists the tags met on the way.

Anything else (no preamble, a command set, big endian or deflated data, a VR pydicom would
guess, an undefined length that is not a sequence, a value running past the end of the file...)
gives ``None``, and the caller reads the file with pydicom. The equivalence is tested element by
element against pydicom on the corpus and on pydicom's test files.
"""

from __future__ import annotations

import contextlib
import io
import mmap
import struct
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from typing import Any, BinaryIO

from pydicom import config
from pydicom.charset import convert_encodings, default_encoding
from pydicom.datadict import dictionary_VR
from pydicom.dataelem import DataElement, RawDataElement, empty_value_for_VR
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.filereader import read_sequence
from pydicom.tag import BaseTag
from pydicom.uid import (
    DeflatedExplicitVRLittleEndian,
    ExplicitVRBigEndian,
    ImplicitVRLittleEndian,
    PrivateTransferSyntaxes,
)
from pydicom.valuerep import VR
from pydicom.values import convert_string

from lethe.dicom.encoding import (
    ITEM,
    ITEM_DELIMITER,
    LONG_LENGTH_VRS,
    PIXEL_TAGS,
    SEQUENCE_DELIMITER,
    UNDEFINED_LENGTH,
)

_EXPLICIT_HEAD = struct.Struct("<HH2sH").unpack_from
_IMPLICIT_HEAD = struct.Struct("<HHHH").unpack_from
"""Group, element, and the low and high halves of the length (the same shape as above)."""
_LONG_LENGTH = struct.Struct("<L").unpack_from
_TAG: Callable[[bytes | mmap.mmap, int], tuple[int, int]] = struct.Struct("<HH").unpack_from
_ITEM_HEAD = struct.Struct("<HHL").unpack_from

_VRS = {vr.value.encode(): (vr.value, vr.value in LONG_LENGTH_VRS) for vr in VR
        if len(vr.value) == 2}
"""Explicit VR bytes -> (VR, whether a 4-byte length follows)."""
_UNKNOWN_VR: tuple[str | None, bool] = (None, False)
_new_raw = tuple.__new__

_CHARSET = 0x00080005
_INTERNED_MAX = 1 << 16
_interned: dict[int, BaseTag] = {}
_TRANSFER_SYNTAX = 0x00020010


def interned_tag(number: int) -> BaseTag:
    """The one ``BaseTag`` of ``number`` shared by every file read (up to 65,536 of them;
    a fresh one beyond).

    A ``BaseTag`` compares in Python, and a set or dictionary lookup compares the keys it
    finds unless they are the same object: tags that the profiles and the files share
    (:func:`lethe.dicom.profiles.load_profile` uses these too) are then looked up at the
    cost of an ``int``. Fetching one also costs less than making one.
    """
    tag = _interned.get(number)
    if tag is None:
        tag = BaseTag(number)
        if len(_interned) < _INTERNED_MAX:
            _interned[number] = tag
    return tag


class _NotPlain(Exception):
    """The file is not one :func:`read_plain` reads: pydicom must."""


def read_plain(stream: BinaryIO, *, stop_before_pixels: bool,
               defer_size: int | None = None) -> FileDataset | None:
    """``dcmread(stream, stop_before_pixels=..., defer_size=..., force=True)`` for a plain file.

    ``stream`` is at offset 0: a ``BytesIO`` or a real file. Returns ``None`` (stream position
    unspecified) when the file is not plain; otherwise the data set pydicom would return, with
    ``stream`` positioned after the last element read (at the pixel data element when
    ``stop_before_pixels`` stopped there).
    """
    with _buffer_of(stream) as buffer:
        if buffer is None:
            return None
        try:
            dataset, position = _read(buffer, stream, stop_before_pixels, defer_size)
        except Exception:  # noqa: BLE001 - not plain, or not as expected: pydicom decides
            return None
    stream.seek(position)
    return dataset


@contextlib.contextmanager
def _buffer_of(stream: BinaryIO) -> Iterator[bytes | mmap.mmap | None]:
    """The whole content of ``stream`` without copying it: a ``BytesIO``'s bytes, or a file
    mapped in memory (``None`` when it cannot be)."""
    if isinstance(stream, io.BytesIO):
        yield stream.getvalue()
        return
    try:
        mapped = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
    except (AttributeError, OSError, ValueError):  # not a file, or an empty one
        yield None
        return
    try:
        yield mapped
    finally:
        mapped.close()


def _read(buffer: bytes | mmap.mmap, stream: BinaryIO, stop_before_pixels: bool,
          defer_size: int | None) -> tuple[FileDataset, int]:
    if len(buffer) < 132 or buffer[128:132] != b"DICM":
        raise _NotPlain
    reader = _Reader(buffer, implicit=False, defer_size=None)
    meta_elements, position = reader.elements(132, meta=True)
    implicit = _implicit_syntax(meta_elements)
    file_meta = FileMetaDataset(meta_elements)
    file_meta.set_original_encoding(False, True, default_encoding)
    _check_first_element(buffer, position, implicit)
    reader = _Reader(buffer, implicit, defer_size)
    elements, end = reader.elements(position, meta=False, stop_at_pixels=stop_before_pixels)
    dataset = FileDataset(stream, elements, buffer[:128], file_meta, implicit, True)
    dataset.set_original_encoding(implicit, True, dataset._character_set)
    return dataset, end


def _implicit_syntax(meta_elements: Mapping[Any, DataElement | RawDataElement]) -> bool:
    """Whether the data set is implicit VR, from the raw TransferSyntaxUID (decoded as
    pydicom decodes a UID); a syntax that is not little endian, or that pydicom reads another
    way, is not plain."""
    raw = meta_elements.get(_TRANSFER_SYNTAX)
    if raw is None or not raw.value:
        raise _NotPlain
    text = raw.value.decode(default_encoding).rstrip("\0 ")
    if "\\" in text:
        raise _NotPlain  # several values
    syntax = text.strip()
    if syntax in (ExplicitVRBigEndian, DeflatedExplicitVRLittleEndian) \
            or syntax in PrivateTransferSyntaxes:
        raise _NotPlain
    return syntax == ImplicitVRLittleEndian


def _check_first_element(buffer: bytes | mmap.mmap, position: int, implicit: bool) -> None:
    """The data set starts with an element of its syntax (pydicom would guess otherwise), and
    not with a command set (group 0000), which pydicom reads apart."""
    if len(buffer) < position + 8:
        raise _NotPlain  # an empty data set, or a few stray bytes
    group, _ = _TAG(buffer, position)
    first, second = buffer[position + 4], buffer[position + 5]
    looks_implicit = not (0x40 < first < 0x5B and 0x40 < second < 0x5B)
    if group == 0 or looks_implicit != implicit:
        raise _NotPlain


@lru_cache(maxsize=64)
def _empty_value(vr: str | None) -> bytes | None:
    # raw=True gives bytes or None, which pydicom's annotation does not say.
    return empty_value_for_VR(vr, raw=True)  # type: ignore[return-value]


class _Reader:
    """Reads the elements of one data set level from ``buffer``."""

    def __init__(self, buffer: bytes | mmap.mmap, implicit: bool,
                 defer_size: int | None) -> None:
        self.buffer = buffer
        self.implicit = implicit
        self.defer_size = defer_size
        self.encoding: str | list[str] = default_encoding  # for sequences read by pydicom
        self._file: BinaryIO | mmap.mmap | None = None

    def elements(self, position: int, *, meta: bool,
                 stop_at_pixels: bool = False
                 ) -> tuple[dict[BaseTag, DataElement | RawDataElement], int]:
        """The elements from ``position`` to the end (or up to the first element that is not
        of group 0002 when ``meta``, or to the pixel data when ``stop_at_pixels``), and the
        position after them.

        The loop runs once an element of every file read: the element head is parsed inline,
        with one ``struct`` call, and the ``RawDataElement`` built as a plain tuple (its
        defaults appended), without method calls or the named tuple's constructor."""
        buffer, implicit, end = self.buffer, self.implicit, len(self.buffer)
        defer_size, interned = self.defer_size, _interned
        head = _IMPLICIT_HEAD if implicit else _EXPLICIT_HEAD
        elements: dict[BaseTag, DataElement | RawDataElement] = {}
        while position < end:
            if end - position < 8:
                raise _NotPlain  # pydicom ignores the stray bytes
            group, number, vr_bytes, length = head(buffer, position)
            number |= group << 16  # the tag, as an int: a BaseTag compares slowly
            if (meta and group != 2) or (stop_at_pixels and number in PIXEL_TAGS):
                return elements, position
            if implicit:
                length = vr_bytes | length << 16  # the two halves of the 4-byte length
                vr, value_at = None, position + 8
            else:
                vr, long_length = _VRS.get(vr_bytes, _UNKNOWN_VR)
                if vr is None:
                    raise _NotPlain  # pydicom guesses what the element is
                value_at = position + 8
                if long_length:
                    length = _LONG_LENGTH(buffer, value_at)[0]
                    value_at += 4
            if number == ITEM_DELIMITER:
                raise _NotPlain  # pydicom stops reading there
            tag = interned.get(number) or interned_tag(number)
            if length == UNDEFINED_LENGTH:
                elements[tag], position = self._sequence(tag, vr, value_at)
                continue
            position = value_at + length
            if position > end:
                raise _NotPlain  # truncated
            if number == _CHARSET:
                value = self._charset_value(vr, length, value_at)
            elif defer_size is not None and length > defer_size:
                value = None
            else:
                value = buffer[value_at:position] if length else _empty_value(vr)
            elements[tag] = _new_raw(RawDataElement, (tag, vr, length, value, value_at,
                                                      implicit, True, True, False))
        return elements, position

    def _charset_value(self, vr: str | None, length: int, value_at: int) -> bytes | None:
        """The raw SpecificCharacterSet value, which applies to the sequences read after it
        (never deferred, as pydicom reads it)."""
        value = self.buffer[value_at:value_at + length] if length else _empty_value(vr)
        self.encoding = convert_encodings(convert_string(value or b"", True))
        return value

    def _sequence(self, tag: BaseTag, vr: str | None, value_at: int) -> tuple[DataElement, int]:
        """An element of undefined length: a sequence, read by pydicom's ``read_sequence``."""
        if vr == "UN" and config.settings.infer_sq_for_un_vr:
            vr = "SQ"
        if vr is None:
            try:
                vr = dictionary_VR(tag)
            except KeyError:
                vr = "SQ" if _is_item(self.buffer, value_at) else None
        if vr != "SQ":
            raise _NotPlain
        file = self._seekable()
        try:
            file.seek(value_at)
            # An mmap reads and seeks as the BinaryIO that pydicom's annotation asks for.
            sequence = read_sequence(file, self.implicit, True,  # type: ignore[arg-type]
                                     UNDEFINED_LENGTH, self.encoding)
        except Exception as exc:  # noqa: BLE001 - pydicom reads broken sequences its own way
            raise _NotPlain from exc
        return DataElement(tag, "SQ", sequence, value_at, is_undefined_length=True), file.tell()

    def _seekable(self) -> BinaryIO | mmap.mmap:
        if self._file is None:
            buffer = self.buffer
            self._file = buffer if isinstance(buffer, mmap.mmap) else io.BytesIO(buffer)
        return self._file


def _is_item(buffer: bytes | mmap.mmap, position: int) -> bool:
    if len(buffer) < position + 4:
        return False
    group, number = _TAG(buffer, position)
    return (group << 16 | number) == ITEM


def sequence_is_plain(raw: RawDataElement, max_depth: int) -> bool:
    """Whether ``raw``, a sequence element still raw, is well formed: explicit VR little
    endian items and elements whose lengths add up, with sequences nested at most
    ``max_depth`` deep. pydicom then reads it without trouble when it is used; ``False``
    means only that this walk cannot tell (pydicom must parse it to know)."""
    return _walk_sequence(raw, max_depth, None)


def sequence_tags(raw: RawDataElement, max_depth: int) -> set[int] | None:
    """The tags of the elements inside ``raw``, a sequence element still raw, at every
    depth (as integers); None when :func:`sequence_is_plain` is false."""
    seen: set[int] = set()
    return seen if _walk_sequence(raw, max_depth, seen) else None


def _walk_sequence(raw: RawDataElement, max_depth: int, seen: set[int] | None) -> bool:
    value = raw.value
    if raw.VR != "SQ" or raw.is_implicit_VR or not raw.is_little_endian or value is None:
        return False
    try:
        _walk_items(value, 0, len(value), False, 1, max_depth, seen)
    except (_NotPlain, struct.error):
        return False
    return True


def _walk_items(buffer: bytes, position: int, end: int, undefined: bool, depth: int,
                max_depth: int, seen: set[int] | None) -> int:
    """Walk the items of a sequence value from ``position``: up to ``end`` for a defined
    length, or through its delimiter; return the position after it. The tags of the
    elements met are added to ``seen``, if given."""
    if depth > max_depth:
        raise _NotPlain
    while position < end:
        if end - position < 8:
            raise _NotPlain
        group, number, length = _ITEM_HEAD(buffer, position)
        tag, position = group << 16 | number, position + 8
        if tag == SEQUENCE_DELIMITER and undefined:
            return position
        if tag != ITEM:
            raise _NotPlain
        if length == UNDEFINED_LENGTH:
            position = _walk_elements(buffer, position, end, True, depth, max_depth, seen)
            continue
        item_end = position + length
        if item_end > end or _walk_elements(buffer, position, item_end, False, depth,
                                            max_depth, seen) != item_end:
            raise _NotPlain
        position = item_end
    if undefined:
        raise _NotPlain  # no delimiter
    return position


def _walk_elements(buffer: bytes, position: int, end: int, undefined: bool, depth: int,
                   max_depth: int, seen: set[int] | None) -> int:
    """Walk the explicit VR elements of an item from ``position``: up to ``end`` for a
    defined length, or through its delimiter; return the position after it."""
    while position < end:
        if end - position < 8:
            raise _NotPlain
        group, number = _TAG(buffer, position)
        if (group << 16 | number) == ITEM_DELIMITER and undefined:
            return position + 8
        if seen is not None:
            seen.add(group << 16 | number)
        _, _, vr_bytes, length = _EXPLICIT_HEAD(buffer, position)
        vr, long_length = _VRS.get(vr_bytes, (None, False))
        if vr is None:
            raise _NotPlain
        value_at = position + 8
        if long_length:
            (length,) = _LONG_LENGTH(buffer, value_at)
            value_at += 4
        if length == UNDEFINED_LENGTH:
            if vr != "SQ":
                raise _NotPlain
            position = _walk_items(buffer, value_at, end, True, depth + 1, max_depth, seen)
            continue
        position = value_at + length
        if position > end:
            raise _NotPlain
        if vr == "SQ":
            _walk_items(buffer, value_at, position, False, depth + 1, max_depth, seen)
    if undefined:
        raise _NotPlain  # no delimiter
    return position
