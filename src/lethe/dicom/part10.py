"""DICOM Part 10 files in and out: a header-only fast path and a full path (design.md section 3).

Reading:

* :func:`read_header` parses every top-level element except the pixel data element, which stays
  in the source: the dataset holds a *placeholder* for it (a deferred ``RawDataElement``, value
  ``None``), and :class:`PixelElement` records where its bytes are. Elements after the pixel data
  (trailing padding, signatures...) are parsed too, so the engine sees and may change them.
* :func:`read_full` parses everything, pixel data included. It is used when a request touches the
  pixel data or transcodes, and it is what :func:`read_header` falls back to for the deflated
  transfer syntax, whose bytes after the meta header cannot be copied piecewise.

Files without a meta header (a bare data set, implicit or explicit VR) are read too; their transfer
syntax is the one the data set is encoded in.

Writing (:func:`write_modified`, :func:`write_full`) always regenerates the file meta information
(spec 3.11): MediaStorageSOPClassUID and MediaStorageSOPInstanceUID follow the data set, the
implementation UID and version name are Lethe's, and every other original meta element
(SourceApplicationEntityTitle...) is dropped, as are group 0002 elements found in the data set.
When the data set still holds the untouched pixel-data placeholder, the pixel data element is copied
from the source as bytes, in chunks; the elements before and after it are encoded by pydicom. Both
paths give byte-identical files for the same data set. Untouched elements are written from their
raw bytes; sequences are written as they were read (pydicom keeps undefined lengths).

Unreadable input raises ``LetheError(BAD_FILE_FORMAT)``; nothing here does any other I/O than the
``source`` and ``out`` objects handed in.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO

from pydicom import dcmread
from pydicom.charset import convert_encodings, default_encoding
from pydicom.dataelem import RawDataElement
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.filebase import DicomFileLike
from pydicom.filereader import read_dataset
from pydicom.filewriter import (
    correct_ambiguous_vr_element,
    write_dataset,
    write_file_meta_info,
)
from pydicom.tag import BaseTag, Tag
from pydicom.uid import (
    UID,
    DeflatedExplicitVRLittleEndian,
    ExplicitVRBigEndian,
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
)

from lethe import __version__
from lethe.errors import LetheError, bad_file_format

IMPLEMENTATION_CLASS_UID = "2.25.221278566134763489853030695087271652089"
"""Lethe's ImplementationClassUID (a UUID-derived UID under 2.25, fixed once for all versions)."""
IMPLEMENTATION_VERSION_NAME = f"LETHE_{__version__}"

# The elements pydicom's stop_before_pixels stops at: float, double float and plain pixel data.
_PIXEL_TAGS = frozenset({0x7FE00008, 0x7FE00009, 0x7FE00010})
_ITEM = 0xFFFEE000
_SEQUENCE_DELIMITER = 0xFFFEE0DD
_LONG_LENGTH_VRS = frozenset(
    {"OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"})
_COPY_CHUNK = 1 << 20
_PREAMBLE = b"\x00" * 128 + b"DICM"


@dataclass(frozen=True)
class PixelElement:
    """Where the pixel data element lies in the source: bytes ``offset`` to ``end``.

    ``placeholder`` is the deferred element standing for it in :attr:`Header.dataset`; as long
    as the data set holds this very object, the writer copies the source bytes.
    """

    tag: BaseTag
    offset: int
    end: int
    placeholder: RawDataElement


@dataclass(frozen=True)
class Header:
    """A parsed file: its data set, its transfer syntax, and where its pixel data stayed.

    ``pixel`` is ``None`` when the file has no pixel data or when the data set was read in full.
    """

    dataset: Dataset
    transfer_syntax: UID
    pixel: PixelElement | None = None


def read_header(source: bytes | BinaryIO) -> Header:
    """Parse ``source`` (bytes, or a seekable binary file at offset 0) without its pixel data."""
    stream = _as_stream(source)
    dataset = _dcmread(stream, stop_before_pixels=True)
    transfer_syntax = transfer_syntax_of(dataset)
    if transfer_syntax == DeflatedExplicitVRLittleEndian:
        stream.seek(0)
        return read_full(stream)
    offset = stream.tell()
    if not stream.read(1):
        return Header(dataset, transfer_syntax)
    implicit, little = dataset.original_encoding
    try:
        pixel = _locate_pixel_element(stream, offset, implicit, little)
        _read_trailing_elements(stream, dataset, implicit, little)
    except (EOFError, ValueError, struct.error):
        # Not laid out as the transfer syntax says (e.g. an implicit VR pixel element in an
        # explicit VR file): leave it to pydicom's tolerant reader.
        stream.seek(0)
        return read_full(stream)
    dataset[pixel.tag] = pixel.placeholder
    return Header(dataset, transfer_syntax, pixel)


def read_full(source: bytes | BinaryIO) -> Header:
    """Parse all of ``source``, pixel data included (deflated data sets are inflated)."""
    dataset = _dcmread(_as_stream(source), stop_before_pixels=False)
    return Header(dataset, transfer_syntax_of(dataset))


def write_modified(header: Header, dataset: Dataset, source: bytes | BinaryIO,
                   out: BinaryIO) -> None:
    """Write ``dataset`` (``header.dataset`` after modification) as a Part 10 file to ``out``.

    The transfer syntax is the source's. If ``dataset`` still holds the pixel-data placeholder of
    ``header``, the pixel data element is copied from ``source`` unchanged; if the modification
    removed or replaced it, the data set is written as it is.
    """
    pixel = header.pixel
    if pixel is not None and dataset.get_item(pixel.tag, keep_deferred=True) is not \
            pixel.placeholder:
        pixel = None
    _write(out, dataset, header.transfer_syntax, pixel, _as_stream(source))


def write_full(dataset: Dataset, out: BinaryIO, transfer_syntax: str) -> None:
    """Write a complete ``dataset`` as a Part 10 file in ``transfer_syntax``.

    Pixel data is written as it is in the data set: changing between native and encapsulated
    syntaxes (transcoding) is the caller's business.
    """
    _write(out, dataset, UID(transfer_syntax), None, None)


def _as_stream(source: bytes | BinaryIO) -> BinaryIO:
    if isinstance(source, bytes | bytearray | memoryview):
        return io.BytesIO(source)
    return source


def _dcmread(stream: BinaryIO, *, stop_before_pixels: bool) -> Dataset:
    """pydicom's tolerant reader, refusing what it would only read as garbage.

    Without a meta header, pydicom reads any bytes as some data set; a real bare data set starts
    with an element of group 0008 (identifying information), which is what is required here.
    """
    try:
        dataset = dcmread(stream, stop_before_pixels=stop_before_pixels, force=True)
    except (EOFError, ValueError, KeyError, TypeError, NotImplementedError, OSError,
            struct.error, zlib.error, RecursionError) as error:
        raise _invalid(stream) from error
    first = next(iter(dataset.keys()), None)  # noqa: SIM118 - keys, not converted elements
    if first is None or (not dataset.file_meta and first.group != 0x0008):
        raise _invalid(stream)
    return dataset


def _invalid(stream: BinaryIO) -> LetheError:
    """Orthanc's error for an unreadable file (it names no value read from the file)."""
    return bad_file_format(f"Cannot parse an invalid DICOM file (size: {_size(stream)} bytes)")


def transfer_syntax_of(dataset: Dataset) -> UID:
    """The file's transfer syntax; for a bare data set, the encoding pydicom detected
    (little endian when nothing is known)."""
    meta = getattr(dataset, "file_meta", None)
    declared = meta.get("TransferSyntaxUID") if meta is not None else None
    if declared:
        return UID(str(declared).strip(" \0"))
    implicit, little = dataset.original_encoding
    if implicit:
        return ImplicitVRLittleEndian
    return ExplicitVRLittleEndian if little is not False else ExplicitVRBigEndian


def _locate_pixel_element(stream: BinaryIO, offset: int, implicit: bool,
                          little: bool) -> PixelElement:
    """Parse the pixel element's header at ``offset``, skip its value, return where it lies."""
    endian = "<" if little else ">"
    stream.seek(offset)
    group, element = struct.unpack(endian + "HH", _read_exactly(stream, 4))
    tag = Tag(group, element)
    if int(tag) not in _PIXEL_TAGS:
        raise ValueError(f"expected pixel data at byte {offset}")
    vr: str | None = None
    if implicit:
        (length,) = struct.unpack(endian + "L", _read_exactly(stream, 4))
    else:
        vr = _read_exactly(stream, 2).decode("latin-1")
        if not vr.isalpha() or not vr.isupper():
            raise ValueError("pixel data element without an explicit VR")
        if vr in _LONG_LENGTH_VRS:
            (length,) = struct.unpack(endian + "2xL", _read_exactly(stream, 6))
        else:
            (length,) = struct.unpack(endian + "H", _read_exactly(stream, 2))
    value_tell = stream.tell()
    if length == 0xFFFFFFFF:
        _skip_items(stream, endian)
    elif value_tell + length > _size(stream):
        raise EOFError("pixel data truncated")
    else:
        stream.seek(value_tell + length)
    end = stream.tell()
    placeholder = RawDataElement(tag, vr, length, None, value_tell, implicit, little)
    return PixelElement(tag, offset, end, placeholder)


def _skip_items(stream: BinaryIO, endian: str) -> None:
    """Skip the items of an encapsulated value up to and including its sequence delimiter."""
    while True:
        group, element, length = struct.unpack(endian + "HHL", _read_exactly(stream, 8))
        tag = group << 16 | element
        if tag == _SEQUENCE_DELIMITER:
            return
        if tag != _ITEM or length == 0xFFFFFFFF:
            raise ValueError("malformed encapsulated pixel data")
        stream.seek(length, io.SEEK_CUR)


def _read_trailing_elements(stream: BinaryIO, dataset: Dataset, implicit: bool,
                            little: bool) -> None:
    """Add the top-level elements that follow the pixel data to ``dataset`` (still raw)."""
    if _remaining(stream) <= 0:
        return
    trailing = read_dataset(stream, implicit, little, parent_encoding=_charset(dataset))
    # Iterating a Dataset converts its elements; its keys() do not.
    for tag in trailing.keys():  # noqa: SIM118
        dataset[tag] = trailing.get_item(tag, keep_deferred=True)


def _read_exactly(stream: BinaryIO, count: int) -> bytes:
    data = stream.read(count)
    if len(data) != count:
        raise EOFError("unexpected end of file")
    return data


def _size(stream: BinaryIO) -> int:
    position = stream.tell()
    size = stream.seek(0, io.SEEK_END)
    stream.seek(position)
    return size


def _remaining(stream: BinaryIO) -> int:
    return _size(stream) - stream.tell()


def _charset(dataset: Dataset) -> str | list[str]:
    """The Python encodings of the data set's current SpecificCharacterSet."""
    charset = dataset.get("SpecificCharacterSet")
    return convert_encodings(charset) if charset else default_encoding


def _meta(dataset: Dataset, transfer_syntax: UID) -> FileMetaDataset:
    meta = FileMetaDataset()
    meta.FileMetaInformationGroupLength = 0  # computed by the writer
    meta.FileMetaInformationVersion = b"\x00\x01"
    meta.MediaStorageSOPClassUID = _text(dataset, "SOPClassUID")
    meta.MediaStorageSOPInstanceUID = _text(dataset, "SOPInstanceUID")
    meta.TransferSyntaxUID = transfer_syntax
    meta.ImplementationClassUID = IMPLEMENTATION_CLASS_UID
    meta.ImplementationVersionName = IMPLEMENTATION_VERSION_NAME
    return meta


def _text(dataset: Dataset, keyword: str) -> str:
    value = dataset.get(keyword)
    return "" if value is None else str(value).strip(" \0")


def _write(out: BinaryIO, dataset: Dataset, transfer_syntax: UID, pixel: PixelElement | None,
           source: BinaryIO | None) -> None:
    out.write(_PREAMBLE)
    meta_stream = DicomFileLike(out)
    # Not "enforce_standard": a data set without SOP class or instance UID gets empty ones.
    write_file_meta_info(meta_stream, _meta(dataset, transfer_syntax), enforce_standard=False)
    tags = sorted(tag for tag in dataset.keys() if tag.group != 0x0002)  # noqa: SIM118
    if transfer_syntax == DeflatedExplicitVRLittleEndian:
        body = io.BytesIO()
        _encode(body, dataset, tags, transfer_syntax, default_encoding)
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -zlib.MAX_WBITS)
        out.write(compressor.compress(body.getvalue()) + compressor.flush())
        return
    if source is None:
        _encode(out, dataset, tags, transfer_syntax, default_encoding)
        return
    copyable = _raw_copy_allowed(dataset, transfer_syntax)
    if pixel is None:
        _encode_or_copy(out, dataset, tags, transfer_syntax, default_encoding, source, copyable)
        return
    _encode_or_copy(out, dataset, [t for t in tags if t < pixel.tag], transfer_syntax,
                    default_encoding, source, copyable)
    _copy(source, pixel.offset, pixel.end, out)
    _encode_or_copy(out, dataset, [t for t in tags if t > pixel.tag], transfer_syntax,
                    _charset(dataset), source, copyable)


def _raw_copy_allowed(dataset: Dataset, transfer_syntax: UID) -> bool:
    """Whether untouched (raw) elements may be copied from the source as bytes: the
    encoding and the character set are the source's."""
    implicit, little = dataset.original_encoding
    return (implicit == transfer_syntax.is_implicit_VR
            and little == transfer_syntax.is_little_endian
            and _charset(dataset) == convert_encodings(dataset.original_character_set))


def _raw_span(element: object, implicit: bool) -> tuple[int, int] | None:
    """Where a raw element lies in its source, header included; None if it cannot be copied."""
    if not isinstance(element, RawDataElement) or element.value_tell is None:
        return None
    if element.length == 0xFFFFFFFF or element.is_implicit_VR != implicit:
        return None
    header = 8 if implicit or element.VR not in _LONG_LENGTH_VRS else 12
    return element.value_tell - header, element.value_tell + element.length


def _encode_or_copy(out: BinaryIO, dataset: Dataset, tags: list[BaseTag],
                    transfer_syntax: UID, parent_encoding: str | list[str],
                    source: BinaryIO, copyable: bool) -> None:
    """Encode ``tags`` in order, copying runs of untouched elements from ``source`` as bytes
    (the pydicom writer costs about 50 us an element; a copy, one read per run)."""
    if not copyable:
        _encode(out, dataset, tags, transfer_syntax, parent_encoding)
        return
    implicit = transfer_syntax.is_implicit_VR
    pending: list[BaseTag] = []
    run: list[int] = []  # [start, end] of the current run of copyable bytes
    for tag in tags:
        if tag.element == 0 and tag.group > 6:
            continue  # retired group lengths are not written (PS3.5 7.2), as pydicom does
        span = _raw_span(dataset.get_item(tag, keep_deferred=True), implicit)
        if span is None:
            if run:
                _copy(source, run[0], run[1], out)
                run = []
            pending.append(tag)
            continue
        if pending:
            _encode(out, dataset, pending, transfer_syntax, parent_encoding)
            pending = []
        if run and run[1] == span[0]:
            run[1] = span[1]
        else:
            if run:
                _copy(source, run[0], run[1], out)
            run = list(span)
    if run:
        _copy(source, run[0], run[1], out)
    if pending:
        _encode(out, dataset, pending, transfer_syntax, parent_encoding)


def _encode(out: BinaryIO, dataset: Dataset, tags: Iterable[BaseTag], transfer_syntax: UID,
            parent_encoding: str | list[str]) -> None:
    """Encode the elements ``tags`` of ``dataset`` as pydicom's ``write_dataset`` would.

    The elements are gathered in a view sharing them (raw ones stay raw), which carries the
    original encoding of ``dataset`` so that pydicom re-encodes text only if the character set
    changed.
    """
    elements = {tag: dataset.get_item(tag) for tag in tags}
    if not elements:
        return
    if not transfer_syntax.is_implicit_VR:
        # Elements read as implicit VR from a file that declares explicit VR (pydicom tolerates
        # the mix) get a single, explicit VR, which an explicit VR encoding must write.
        little = transfer_syntax.is_little_endian
        elements.update({tag: correct_ambiguous_vr_element(dataset[tag], dataset, little)
                         for tag, element in elements.items()
                         if element.VR is None or len(element.VR) != 2})
    view = Dataset(elements, parent_encoding=parent_encoding)
    implicit, little = dataset.original_encoding
    view.set_original_encoding(implicit, little, dataset.original_character_set)
    stream = DicomFileLike(out)
    stream.is_implicit_VR = transfer_syntax.is_implicit_VR
    stream.is_little_endian = transfer_syntax.is_little_endian
    write_dataset(stream, view, parent_encoding)


def _copy(source: BinaryIO, start: int, end: int, out: BinaryIO) -> None:
    """Copy ``source[start:end]`` to ``out`` in bounded chunks."""
    source.seek(start)
    remaining = end - start
    while remaining > 0:
        chunk = source.read(min(_COPY_CHUNK, remaining))
        if not chunk:
            raise _invalid(source)
        out.write(chunk)
        remaining -= len(chunk)
