"""DICOM Part 10 files in and out: a header-only fast path and a full path (design.md section 3).

Reading:

* :func:`parse_file` is the one parser of a DICOM file, stored or received: Lethe's fast reader
  for a plain file, pydicom's otherwise. Everything else (the two below, the store, ingest)
  reads a file through it.
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
from the source as bytes: in chunks, or by the kernel (``os.copy_file_range``) from one file to
another. Both paths give byte-identical files for the same data set.
Untouched elements are written from their raw bytes; sequences are written as they were read
(pydicom keeps undefined lengths).

Every byte written is the byte pydicom's writer (``write_file_meta_info``, ``write_dataset``)
would write, but most elements do not go through it (it costs tens of microseconds an element):
untouched elements are copied from the source in runs when the encoding and character set are the
source's, and plain elements (strings, numbers, bytes, sequences read from the file) are encoded
by :func:`encode_element`. pydicom's writer is used for the rest, and for a data set whose raw
elements it would convert (another encoding or character set).

Unreadable input raises ``LetheError(BAD_FILE_FORMAT)``; nothing here does any other I/O than the
``source`` and ``out`` objects handed in.
"""

from __future__ import annotations

import io
import os
import struct
import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from operator import itemgetter
from typing import BinaryIO

from pydicom import dcmread
from pydicom.charset import convert_encodings, default_encoding
from pydicom.dataelem import DataElement, RawDataElement
from pydicom.dataset import Dataset
from pydicom.filebase import DicomBytesIO, DicomFileLike
from pydicom.filereader import read_dataset
from pydicom.filewriter import correct_ambiguous_vr_element, write_data_element, write_dataset
from pydicom.tag import BaseTag, Tag
from pydicom.uid import (
    UID,
    DeflatedExplicitVRLittleEndian,
    ExplicitVRBigEndian,
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
)

from lethe import __version__
from lethe.dicom.encoding import (
    DEFAULT_ENCODINGS,
    ITEM,
    LONG_LENGTH_VRS,
    PIXEL_TAGS,
    SEQUENCE_DELIMITER,
    UNDEFINED_LENGTH,
    Element,
    converts,
    encode_element,
    encode_value,
    padded,
)
from lethe.dicom.rawread import read_plain
from lethe.errors import LetheError, bad_file_format

IMPLEMENTATION_CLASS_UID = "2.25.221278566134763489853030695087271652089"
"""Lethe's ImplementationClassUID (a UUID-derived UID under 2.25, fixed once for all versions)."""
IMPLEMENTATION_VERSION_NAME = f"LETHE_{__version__}"

_COPY_CHUNK = 1 << 20
_KERNEL_COPY_MIN = 1 << 14  # below this, one read and one write cost less than the set-up
_FILES = (io.FileIO, io.BufferedReader, io.BufferedWriter, io.BufferedRandom)
_PREAMBLE = b"\x00" * 128 + b"DICM"
_SOP_TAGS = {"SOPClassUID": 0x00080016, "SOPInstanceUID": 0x00080018}
_TRANSFER_SYNTAX = 0x00020010


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
    dataset = parse_file(stream, stop_before_pixels=True)
    transfer_syntax = transfer_syntax_of(dataset)
    if transfer_syntax == DeflatedExplicitVRLittleEndian:
        stream.seek(0)
        return read_full(stream)
    offset = stream.tell()
    if not stream.read(1):
        return Header(dataset, transfer_syntax)
    # Read from a file, so never (None, None).
    implicit, little = dataset.original_encoding
    try:
        pixel = _locate_pixel_element(stream, offset, implicit, little)  # type: ignore[arg-type]
        _read_trailing_elements(stream, dataset, implicit, little)  # type: ignore[arg-type]
    except (EOFError, ValueError, struct.error):
        # Not laid out as the transfer syntax says (e.g. an implicit VR pixel element in an
        # explicit VR file): leave it to pydicom's tolerant reader.
        stream.seek(0)
        return read_full(stream)
    dataset[pixel.tag] = pixel.placeholder
    return Header(dataset, transfer_syntax, pixel)


def read_full(source: bytes | BinaryIO) -> Header:
    """Parse all of ``source``, pixel data included (deflated data sets are inflated)."""
    dataset = parse_file(source, stop_before_pixels=False)
    return Header(dataset, transfer_syntax_of(dataset))


def write_modified(header: Header, dataset: Dataset, source: bytes | BinaryIO,
                   out: BinaryIO) -> None:
    """Write ``dataset`` (``header.dataset`` after modification) as a Part 10 file to ``out``.

    The transfer syntax is the source's. If ``dataset`` still holds the pixel-data placeholder of
    ``header``, the pixel data element is copied from ``source`` unchanged; if the modification
    removed or replaced it, the data set is written as it is.
    """
    pixel = header.pixel
    # get_item() returns raw elements as they are, which pydicom's annotation does not say.
    if pixel is not None and dataset.get_item(  # type: ignore[comparison-overlap]
            pixel.tag, keep_deferred=True) is not pixel.placeholder:
        pixel = None
    _write(out, dataset, header.transfer_syntax, pixel, _as_stream(source))


def write_full(dataset: Dataset, out: BinaryIO, transfer_syntax: str) -> None:
    """Write a complete ``dataset`` as a Part 10 file in ``transfer_syntax``.

    Pixel data is written as it is in the data set: changing between native and encapsulated
    syntaxes (transcoding) is the caller's business.
    """
    _write(out, dataset, UID(transfer_syntax), None, None)


class _BytesSource(io.BytesIO):
    """A stream over immutable bytes that also keeps a view of them: :func:`_copy` writes a
    span from the view, without reading it into a new bytes object first (for the pixel data
    of an image in memory, that copy cost more than the rest of the header work)."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.view = memoryview(data)


def _as_stream(source: bytes | BinaryIO) -> BinaryIO:
    if isinstance(source, bytes):
        return _BytesSource(source)
    if isinstance(source, bytearray | memoryview):
        return io.BytesIO(source)
    return source


def parse_file(source: bytes | BinaryIO, *, stop_before_pixels: bool,
               defer_size: int | None = None, check_lengths: bool = False) -> Dataset:
    """Parse a DICOM file: the one parser of Lethe's stored and received files.

    A plain file is read by Lethe's own reader (:func:`~lethe.dicom.rawread.read_plain`, one
    ``struct`` call an element), any other by pydicom's tolerant reader (``force=True``);
    both give the same data set. ``source`` is bytes, or a seekable binary file at offset 0,
    left after the last element read (at the pixel data element when ``stop_before_pixels``
    stopped there). Values longer than ``defer_size`` bytes stay unread in the source, as
    with pydicom's ``dcmread``.

    With ``check_lengths`` (received files), a value that runs past the end of the file,
    or a last value of undefined length without its delimiter, is refused: Lethe's reader
    refuses such files itself, pydicom's reads a short value without complaint.

    Raises ``LetheError(BAD_FILE_FORMAT)``, naming the size only, for what is not DICOM.
    Without a meta header, pydicom reads any bytes as some data set; a real bare data set
    starts with an element of group 0008 (identifying information), which is required here.
    """
    stream = _as_stream(source)
    try:
        dataset = read_plain(stream, stop_before_pixels=stop_before_pixels,
                             defer_size=defer_size)
        if dataset is None:
            stream.seek(0)
            dataset = dcmread(stream, stop_before_pixels=stop_before_pixels,
                              defer_size=defer_size, force=True)
            if check_lengths:
                _check_lengths(dataset, stream)
    except (EOFError, ValueError, KeyError, TypeError, NotImplementedError, OSError,
            struct.error, zlib.error, RecursionError) as error:
        raise _invalid(stream) from error
    first = next(iter(dataset.keys()), None)  # noqa: SIM118 - keys, not converted elements
    if first is None or (not dataset.file_meta and first.group != 0x0008):
        raise _invalid(stream)
    return dataset


def _check_lengths(dataset: Dataset, stream: BinaryIO) -> None:
    """Every raw top-level element of ``dataset`` ends inside the file ``stream`` it was read
    from; the last one, if its length is undefined, ends the file with a sequence delimiter
    (EOFError otherwise). The stream position is kept.

    pydicom reads a short value without complaint, and skips large (deferred) values without
    reading them. A deflated data set, inflated from a stream, is not checked.
    """
    meta = getattr(dataset, "file_meta", None)
    if meta is not None and meta.get("TransferSyntaxUID") == DeflatedExplicitVRLittleEndian:
        return
    size = _size(stream)
    last: RawDataElement | None = None
    for tag in dataset.keys():  # noqa: SIM118 - keys: the elements stay raw
        raw = dataset.get_item(tag, keep_deferred=True)
        if not isinstance(raw, RawDataElement) or raw.value_tell is None:
            continue  # parsed by pydicom while reading (a sequence of undefined length)
        if raw.length != UNDEFINED_LENGTH and raw.value_tell + raw.length > size:
            raise EOFError("element runs past the end of the file")
        if last is None or raw.value_tell > last.value_tell:
            last = raw
    if last is not None and last.length == UNDEFINED_LENGTH:
        delimiter = struct.pack("<HHI" if last.is_little_endian else ">HHI",
                                SEQUENCE_DELIMITER >> 16, SEQUENCE_DELIMITER & 0xFFFF, 0)
        position = stream.tell()
        stream.seek(max(0, size - len(delimiter)))
        tail = stream.read(len(delimiter))
        stream.seek(position)
        if tail != delimiter:
            raise EOFError("undefined-length value without its delimiter")


def _invalid(stream: BinaryIO) -> LetheError:
    """Orthanc's error for an unreadable file (it names no value read from the file)."""
    return bad_file_format(f"Cannot parse an invalid DICOM file (size: {_size(stream)} bytes)")


def transfer_syntax_of(dataset: Dataset) -> UID:
    """The file's transfer syntax; for a bare data set, the encoding pydicom detected
    (little endian when nothing is known)."""
    meta = getattr(dataset, "file_meta", None)
    declared = _declared_syntax(meta) if meta is not None else None
    if declared:
        return UID(declared.strip(" \0"))
    implicit, little = dataset.original_encoding
    if implicit:
        return ImplicitVRLittleEndian
    return ExplicitVRLittleEndian if little is not False else ExplicitVRBigEndian


def _declared_syntax(meta: Dataset) -> str | None:
    """The text of the meta information's TransferSyntaxUID as pydicom converts it (falsy
    when absent or empty).

    A raw single UID is decoded as pydicom decodes it, without converting the element (which
    costs more than the rest of the meta information's reading); it stays raw.
    """
    raw = meta.get_item(_TRANSFER_SYNTAX, keep_deferred=True)
    if isinstance(raw, RawDataElement) and raw.VR in ("UI", None) and raw.value is not None:
        text = raw.value.decode(default_encoding).rstrip("\0 ")
        if "\\" not in text:
            return str(UID(text))
    declared = meta.get("TransferSyntaxUID")
    return str(declared) if declared else None


def _locate_pixel_element(stream: BinaryIO, offset: int, implicit: bool,
                          little: bool) -> PixelElement:
    """Parse the pixel element's header at ``offset``, skip its value, return where it lies."""
    endian = "<" if little else ">"
    stream.seek(offset)
    group, element = struct.unpack(endian + "HH", _read_exactly(stream, 4))
    tag = Tag(group, element)
    if int(tag) not in PIXEL_TAGS:
        raise ValueError(f"expected pixel data at byte {offset}")
    vr: str | None = None
    if implicit:
        (length,) = struct.unpack(endian + "L", _read_exactly(stream, 4))
    else:
        vr = _read_exactly(stream, 2).decode("latin-1")
        if not vr.isalpha() or not vr.isupper():
            raise ValueError("pixel data element without an explicit VR")
        if vr in LONG_LENGTH_VRS:
            (length,) = struct.unpack(endian + "2xL", _read_exactly(stream, 6))
        else:
            (length,) = struct.unpack(endian + "H", _read_exactly(stream, 2))
    value_tell = stream.tell()
    if length == UNDEFINED_LENGTH:
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
        if tag == SEQUENCE_DELIMITER:
            return
        if tag != ITEM or length == UNDEFINED_LENGTH:
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


def _encoded_meta(dataset: Dataset, transfer_syntax: UID) -> bytes:
    """The file meta information group as pydicom's ``write_file_meta_info`` writes it (each
    UID value stripped as pydicom's ``UID`` strips it)."""
    head, tail = _constant_meta(str(transfer_syntax))
    elements = b"".join((
        head,
        _encoded_meta_element(0x00020002, "UI", _uid_text(_sop_text(dataset, "SOPClassUID"))),
        _encoded_meta_element(0x00020003, "UI",
                              _uid_text(_sop_text(dataset, "SOPInstanceUID"))),
        tail,
    ))
    return _encoded_meta_element(0x00020000, "UL", len(elements)) + elements


@lru_cache(maxsize=32)
def _constant_meta(transfer_syntax: str) -> tuple[bytes, bytes]:
    """The meta elements before and after the SOP class and instance UIDs."""
    return (_encoded_meta_element(0x00020001, "OB", b"\x00\x01"),
            _encoded_meta_element(0x00020010, "UI", _uid_text(transfer_syntax))
            + _encoded_meta_element(0x00020012, "UI", IMPLEMENTATION_CLASS_UID)
            + _encoded_meta_element(0x00020013, "SH", IMPLEMENTATION_VERSION_NAME))


def _encoded_meta_element(tag: int, vr: str, value: object) -> bytes:
    encoded = encode_value(tag, vr, value, implicit=False, little=True,
                           encodings=DEFAULT_ENCODINGS)
    if encoded is None:  # a UID that is not Latin-1 text: pydicom fails its own way
        stream = DicomBytesIO()
        stream.is_implicit_VR, stream.is_little_endian = False, True
        write_data_element(stream, DataElement(tag, vr, value))
        encoded = stream.getvalue()
    return encoded


def _uid_text(text: str) -> str:
    return "\\".join(value.strip() for value in text.split("\\"))


def _sop_text(dataset: Dataset, keyword: str) -> str:
    """The SOP class or instance UID of ``dataset`` for the meta information: its value as
    pydicom converts it, stripped of spaces and NULs.

    Reading the value converts the element, which the writer then encodes again; a raw UID
    that this would write back unchanged is read without converting it (cheaper).
    """
    tag = _SOP_TAGS[keyword]
    element = dataset.get_item(tag, keep_deferred=True)
    if element is None:
        return ""
    if isinstance(element, RawDataElement) and element.VR in ("UI", None) and element.value:
        value = element.value.decode(default_encoding).rstrip("\0 ").strip()
        if ("\\" not in value
                and padded(value.encode(default_encoding), b"\0") == element.value):
            return value.strip(" \0")
    value = dataset[tag].value  # what dataset.get(keyword) returns, without the keyword lookup
    return "" if value is None else str(value).strip(" \0")


def _write(out: BinaryIO, dataset: Dataset, transfer_syntax: UID, pixel: PixelElement | None,
           source: BinaryIO | None) -> None:
    out.write(_PREAMBLE)
    out.write(_encoded_meta(dataset, transfer_syntax))
    elements = _body_elements(dataset)
    if transfer_syntax == DeflatedExplicitVRLittleEndian:
        body = io.BytesIO()
        _body_writer(dataset, transfer_syntax, None)(body, elements)
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -zlib.MAX_WBITS)
        out.write(compressor.compress(body.getvalue()) + compressor.flush())
        return
    write_body = _body_writer(dataset, transfer_syntax, source)
    if pixel is None:
        write_body(out, elements)
        return
    pixel_tag = int(pixel.tag)  # int comparisons: BaseTag compares in Python
    write_body(out, elements[:bisect_left(elements, pixel_tag, key=itemgetter(0))])
    # A pixel element to copy comes with its source (write_modified).
    _copy(source, pixel.offset, pixel.end, out)  # type: ignore[arg-type]
    write_body(out, elements[bisect_right(elements, pixel_tag, key=itemgetter(0)):])


_BodyWriter = Callable[[BinaryIO, list[tuple[int, "Element"]]], None]


def _body_writer(dataset: Dataset, transfer_syntax: UID, source: BinaryIO | None) -> _BodyWriter:
    """How the elements of ``dataset`` are written in ``transfer_syntax``.

    * encoding and declared character set are the source's: untouched elements are copied
      from ``source``, the others encoded one by one (:func:`_write_elements`);
    * pydicom's ``write_dataset`` would convert raw elements (another encoding, another
      character set): ``write_dataset`` (:func:`_write_converted`);
    * otherwise (no source, or no SpecificCharacterSet), every element is encoded one by one,
      raw ones from their raw value, as ``write_dataset`` would.
    """
    charset = dataset.get("SpecificCharacterSet") or default_encoding
    encodings = convert_encodings(charset)
    if source is not None and _raw_copy_allowed(dataset, transfer_syntax, encodings):
        return partial(_write_elements, dataset=dataset, transfer_syntax=transfer_syntax,
                       source=source, charset=charset, encodings=encodings)
    if converts(dataset, transfer_syntax.is_implicit_VR, transfer_syntax.is_little_endian):
        return partial(_write_converted, dataset=dataset, transfer_syntax=transfer_syntax)
    return partial(_write_elements, dataset=dataset, transfer_syntax=transfer_syntax,
                   source=None, charset=charset, encodings=encodings)


def _body_elements(dataset: Dataset) -> list[tuple[int, Element]]:
    """The (tag, element) pairs to write, in tag order, elements as stored (raw ones raw).

    Group 0002 belongs to the meta information; retired group lengths are not written
    (PS3.5 7.2), as pydicom does.
    """
    return sorted((int(tag), element) for tag, element in dataset.items()
                  if tag >> 16 != 0x0002 and (tag & 0xFFFF or tag >> 16 <= 6))


def _raw_copy_allowed(dataset: Dataset, transfer_syntax: UID, encodings: list[str]) -> bool:
    """Whether untouched (raw) elements may be copied from the source as bytes: the encoding
    and the declared character set (whose Python ``encodings`` are given) are the source's.

    Not without a SpecificCharacterSet: such files have always been written by pydicom's
    writer, which gives empty raw elements their dictionary VR, and their bytes stay so.
    """
    implicit, little = dataset.original_encoding
    return (implicit == transfer_syntax.is_implicit_VR
            and little == transfer_syntax.is_little_endian
            and bool(dataset.get("SpecificCharacterSet"))
            and encodings == convert_encodings(dataset.original_character_set))


def _write_elements(out: BinaryIO, elements: list[tuple[int, Element]], *, dataset: Dataset,
                    transfer_syntax: UID, source: BinaryIO | None,
                    charset: str | list[str], encodings: list[str]) -> None:
    """Write ``elements`` in order: runs of untouched elements copied from ``source`` as bytes
    (if given), the others encoded one by one (:func:`encode_element`, else pydicom's
    ``write_data_element``) exactly as pydicom's ``write_dataset`` writes them when it
    converts nothing. ``charset`` is the data set's SpecificCharacterSet (or pydicom's
    default encoding), ``encodings`` its Python encodings."""
    implicit, little = transfer_syntax.is_implicit_VR, transfer_syntax.is_little_endian
    stream = DicomFileLike(out)
    stream.is_implicit_VR, stream.is_little_endian = implicit, little
    start = end = -1  # the current run of copyable bytes (none while end < 0)
    for tag, element in elements:
        # Whether the element is raw and can be copied, and where it lies in the source, header
        # included (inline: this runs for every element written).
        if (source is not None and isinstance(element, RawDataElement)
                and element.value_tell is not None and element.length != UNDEFINED_LENGTH
                and element.is_implicit_VR == implicit):
            at = element.value_tell - (8 if implicit or element.VR not in LONG_LENGTH_VRS
                                       else 12)
            if at != end:
                if end >= 0:
                    _copy(source, start, end, out)
                start = at
            end = element.value_tell + element.length
            continue
        if end >= 0:  # a run is only started when there is a source
            _copy(source, start, end, out)  # type: ignore[arg-type]
            start = end = -1
        element = _writable(dataset, tag, element, implicit, little)
        encoded = encode_element(element, implicit=implicit, little=little, encodings=encodings)
        if encoded is None:
            write_data_element(stream, element, charset)
        else:
            out.write(encoded)
    if end >= 0:
        _copy(source, start, end, out)  # type: ignore[arg-type]


def _writable(dataset: Dataset, tag: int, element: Element, implicit: bool,
              little: bool) -> Element:
    """The element ``tag`` (``element``, as stored in ``dataset``) as pydicom's
    ``write_dataset`` writes it: a deferred raw value read (``get_item``, which returns any
    other element as it is); in an explicit VR encoding, an element without a single VR
    converted and given one (read as implicit VR from a file that declares explicit VR, which
    pydicom tolerates)."""
    if isinstance(element, RawDataElement) and element.value is None:
        element = dataset.get_item(tag)
    if not implicit and (element.VR is None or len(element.VR) != 2):
        element = correct_ambiguous_vr_element(dataset[tag], dataset, little)
    return element


def _write_converted(out: BinaryIO, elements: list[tuple[int, Element]], *, dataset: Dataset,
                     transfer_syntax: UID) -> None:
    """Encode ``elements`` with pydicom's ``write_dataset``, which converts raw elements for
    another encoding or character set.

    The elements are gathered in a view sharing them (raw ones stay raw), which carries the
    original encoding of ``dataset`` and its current character set.
    """
    if not elements:
        return
    implicit, little = transfer_syntax.is_implicit_VR, transfer_syntax.is_little_endian
    view = Dataset({BaseTag(tag): _writable(dataset, tag, element, implicit, little)
                    for tag, element in elements}, parent_encoding=_charset(dataset))
    original_implicit, original_little = dataset.original_encoding
    view.set_original_encoding(original_implicit, original_little,
                               dataset.original_character_set)
    stream = DicomFileLike(out)
    stream.is_implicit_VR, stream.is_little_endian = implicit, little
    write_dataset(stream, view, _charset(dataset))


def _copy(source: BinaryIO, start: int, end: int, out: BinaryIO) -> None:
    """Copy ``source[start:end]`` to ``out``: from memory when the source is bytes, by the
    kernel from file to file (a large span), else, or for what the kernel did not copy, in
    bounded chunks."""
    if isinstance(source, _BytesSource) and end <= len(source.view):
        out.write(source.view[start:end])
        return
    if end - start >= _KERNEL_COPY_MIN:
        start += _copy_in_kernel(source, start, end, out)
    source.seek(start)
    remaining = end - start
    while remaining > 0:
        chunk = source.read(min(_COPY_CHUNK, remaining))
        if not chunk:
            raise _invalid(source)
        out.write(chunk)
        remaining -= len(chunk)


def _copy_in_kernel(source: BinaryIO, start: int, end: int, out: BinaryIO) -> int:
    """Copy what the kernel will of ``source[start:end]`` to ``out`` (``os.copy_file_range``,
    no trip through user space) when both are plain files; return how many bytes it copied.

    ``out`` is left after the bytes copied. Other objects (a ``BytesIO``, a spooled temporary
    file, which a ``fileno()`` call would move to disk, a pipe) are not touched.
    """
    if not (isinstance(source, _FILES) and isinstance(out, _FILES) and out.seekable()):
        return 0
    out.flush()
    position = out.tell()
    copied = 0
    try:
        while start + copied < end:
            count = os.copy_file_range(source.fileno(), out.fileno(), end - start - copied,
                                       start + copied, position + copied)
            if count == 0:  # the source ends early: the chunked copy says so
                break
            copied += count
    except OSError:  # not supported between these files: the chunked copy does the rest
        pass
    out.seek(position + copied)
    return copied
