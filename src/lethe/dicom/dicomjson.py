"""Orthanc 1.10.1's JSON renderings of a DICOM dataset, rule for rule.

Three formats, as ``GET /instances/{id}/tags`` gives them:

* ``full``: ``{"gggg,eeee": {"Name": ..., "Type": ..., "Value": ...}}``, with a
  ``"PrivateCreator"`` key on private leaf elements whose block is reserved in
  the same item. ``Type`` is ``"String"``, ``"Null"`` (binary, unreadable or
  empty numbers; ``Value`` null), ``"TooLong"`` (``Value`` null) or
  ``"Sequence"`` (``Value`` a list of objects; no ``PrivateCreator`` key).
* ``simplify``: ``{Name: value}``; when names repeat (``PrivateCreator``,
  ``Unknown Tag & Data``...) the element with the highest tag wins.

Keys come in Orthanc's order (sorted), so ``json.dumps`` without ``sort_keys``
gives Orthanc's key order.
* ``short``: ``{"gggg,eeee": value}``.

Every leaf value is a string (numbers formatted, multiple values joined by
``\\``) or null. The rules, each checked against the real Orthanc 1.10.1:

* Top-level elements after (7fe0,0010) are left out; PixelData and all OB, OW,
  OF, OD, OL, OV elements are ``Null``; values whose UTF-8 form is longer than
  256 bytes are ``TooLong`` unless their tag is in ``ignore_length``.
* Text VRs: for an even-length value trailing spaces are removed (an odd-length
  value keeps them), then the value ends at its first NUL. UI values also lose
  every space. Leading spaces are kept.
* Text is converted to UTF-8 from the encoding of the top-level
  SpecificCharacterSet (items' own are ignored): the first non-empty value
  decides; an unknown one means ASCII; none means ``DefaultEncoding``. See
  :func:`decode_text`.
* Numbers: integers in decimal; FL and FD as C's ``%.17g`` of the double. When
  the length is a multiple of the size all values are given, else only the
  first; too short gives ``Null``. AT gives its first tag as ``gggg,eeee``.
* Explicit VR ``UN``: a standard tag whose dictionary VR is text keeps its raw
  bytes (no stripping; one trailing NUL dropped from an even length) converted
  from the dataset encoding; a private tag whose dictionary VR is text gives its
  bytes if they are all printable ASCII, else ``Null``; anything else ``Null``.
* Implicit VR: the VR comes from DCMTK's dictionary (unknown tags are ``UN``,
  hence ``Null``). ``US or SS`` tags are resolved by PixelRepresentation of the
  same item for the eleven tags DCMTK knows how to resolve, else ``Null``.
* Names come from DCMTK 3.6.7's dictionary (see :mod:`lethe.dicom.dcmtk_dictionary`).

The dataset may be read with ``stop_before_pixels`` or ``defer_size``: binary
elements are never loaded, and elements are looked up raw, not converted.
"""

from __future__ import annotations

import math
import re
import struct
from collections.abc import Collection
from typing import Any, Literal

from pydicom.dataelem import DataElement, RawDataElement
from pydicom.dataset import Dataset
from pydicom.filereader import read_deferred_data_element
from pydicom.multival import MultiValue
from pydicom.sequence import Sequence
from pydicom.uid import DeflatedExplicitVRLittleEndian

from lethe.dicom import dcmtk_dictionary as dcmtk
from lethe.dicom.tags import TagDictionary, format_tag

JsonFormat = Literal["full", "simplify", "short"]
MAXIMUM_STRING_LENGTH = 256
DEFAULT_ENCODING = "Latin1"
UNKNOWN_TAG_NAME = "Unknown Tag & Data"
PIXEL_DATA = 0x7FE00010
SPECIFIC_CHARACTER_SET = 0x00080005
PIXEL_REPRESENTATION = 0x00280103

TEXT_VRS = frozenset({"AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST",
                      "TM", "UC", "UI", "UR", "UT"})
_NUMBER_FORMATS = {"US": "H", "SS": "h", "UL": "I", "SL": "i", "FL": "f", "FD": "d"}
# Orthanc's own names for some tags, whatever the DCMTK dictionary says.
_NAME_PATCHES = {0x00101000: "OtherPatientIDs"}
# The "US or SS" tags that DCMTK resolves through PixelRepresentation in implicit VR.
_PIXEL_REPRESENTATION_XS = frozenset({
    0x00280106, 0x00280107, 0x00280108, 0x00280109, 0x00280120, 0x00280121, 0x00283002,
    0x00409211, 0x00409216, 0x00603004, 0x00603006})

# SpecificCharacterSet term -> Orthanc's encoding name.
_CHARACTER_SETS = {
    "ISO_IR 6": "Ascii", "ISO 2022 IR 6": "Ascii", "ISO_IR 192": "Utf8",
    "ISO_IR 100": "Latin1", "ISO 2022 IR 100": "Latin1",
    "ISO_IR 101": "Latin2", "ISO 2022 IR 101": "Latin2",
    "ISO_IR 109": "Latin3", "ISO 2022 IR 109": "Latin3",
    "ISO_IR 110": "Latin4", "ISO 2022 IR 110": "Latin4",
    "ISO_IR 148": "Latin5", "ISO 2022 IR 148": "Latin5",
    "ISO_IR 144": "Cyrillic", "ISO 2022 IR 144": "Cyrillic",
    "ISO_IR 127": "Arabic", "ISO 2022 IR 127": "Arabic",
    "ISO_IR 126": "Greek", "ISO 2022 IR 126": "Greek",
    "ISO_IR 138": "Hebrew", "ISO 2022 IR 138": "Hebrew",
    "ISO_IR 166": "Thai", "ISO 2022 IR 166": "Thai",
    "ISO_IR 13": "Japanese", "ISO 2022 IR 13": "Japanese",
    "GB18030": "Chinese", "GBK": "Chinese",
    "ISO 2022 IR 149": "Korean", "ISO 2022 IR 87": "JapaneseKanji",
    "ISO 2022 IR 58": "SimplifiedChinese",
}
# Orthanc's encoding name -> Python codec matching the iconv conversion Orthanc uses.
_CODECS = {
    "Latin1": "latin_1", "Latin2": "iso8859_2", "Latin3": "iso8859_3", "Latin4": "iso8859_4",
    "Latin5": "iso8859_9", "Cyrillic": "iso8859_5", "Windows1251": "cp1251",
    "Arabic": "iso8859_6", "Greek": "iso8859_7", "Hebrew": "iso8859_8", "Japanese": "shift_jis",
    "Chinese": "gb18030", "Thai": "tis_620", "JapaneseKanji": "iso2022_jp",
    "SimplifiedChinese": "gb2312",
}
ENCODINGS = frozenset(_CODECS) | {"Ascii", "Utf8", "Korean"}
# glibc's SHIFT-JIS reads the single bytes 0x5c and 0x7e as JIS X 0201 Roman.
_JIS_ROMAN = str.maketrans({"\\": "\u00a5", "~": "\u203e"})
_C1_CONTROLS = re.compile("[\x80-\x9f]")
_ISO2022_CONTROLS = re.compile("\x1b[noNO~}|]|\x1b[\x20-\x2f]+[\x30-\x7e]|[\x0e\x0f]")


# --- DCMTK's dictionary -------------------------------------------------------------------

def _parity_ok(value: int, parity: str) -> bool:
    return parity == "u" or (value % 2 == 0) == (parity == "e")


def dictionary_entry(tag: int, private_creator: str | None = None) -> tuple[str, str] | None:
    """(VR, name) of ``tag`` in DCMTK's dictionary, None if unknown.

    A private data element is looked up with the creator of its block (exact
    element first, then its low byte); without a creator only the generic
    entries (group lengths, private creators) can match.
    """
    group, element = tag >> 16, tag & 0xFFFF
    standard, private = dcmtk.tables()
    if private_creator is not None:
        entry = (private.get((private_creator, tag))
                 or private.get((private_creator, (group << 16) | (element & 0xFF))))
        if entry is not None:
            return entry
        for (low, high, parity), creator, elem, vr, name in dcmtk.PRIVATE_RANGES:
            if (creator == private_creator and low <= group <= high and _parity_ok(group, parity)
                    and elem in (element, element & 0xFF)):
                return vr, name
        return None
    entry = standard.get(tag)
    if entry is not None:
        return entry
    for (g_low, g_high, g_par), (e_low, e_high, e_par), vr, name in dcmtk.STANDARD_RANGES:
        if (g_low <= group <= g_high and _parity_ok(group, g_par)
                and e_low <= element <= e_high and _parity_ok(element, e_par)):
            return vr, name
    return None


def tag_name(tag: int, private_creator: str | None = None) -> str:
    """The name Orthanc gives ``tag`` (``Unknown Tag & Data`` when it has none)."""
    patched = _NAME_PATCHES.get(int(tag))
    if patched is not None:
        return patched
    entry = dictionary_entry(int(tag), private_creator)
    return entry[1] if entry is not None else UNKNOWN_TAG_NAME


# --- Text ---------------------------------------------------------------------------------

def detect_encoding(ds: Dataset, default_encoding: str = DEFAULT_ENCODING) -> tuple[str, bool]:
    """(Orthanc encoding name, has code extensions) from the SpecificCharacterSet of ``ds``.

    The first non-empty value decides (an unsupported one means ``Ascii``);
    without a non-empty value ``default_encoding`` applies. Code extensions
    means the element has more than one value.
    """
    elem = ds.get_item(SPECIFIC_CHARACTER_SET)
    if elem is None:
        return default_encoding, False
    value = elem.value
    if isinstance(value, bytes):
        value = value.decode("latin_1")
    if value is None:
        terms: list[str] = [""]
    elif isinstance(value, str):
        terms = value.split("\\")
    else:
        terms = [str(v) for v in value]
    for term in terms:
        term = term.strip().upper()
        if term:
            return _CHARACTER_SETS.get(term, "Ascii"), len(terms) > 1
    return default_encoding, len(terms) > 1


def _to_ascii(data: bytes) -> str:
    """Orthanc's ASCII conversion: printable ASCII and line feeds only."""
    return "".join(chr(b) for b in data if 0x20 <= b < 0x7F or b == 0x0A)


def _utf8_skip_invalid(data: bytes) -> str:
    """Decode UTF-8 skipping invalid sequences exactly as Boost.Locale does.

    A lead byte consumes the following bytes one by one and the whole attempt is
    dropped at the first non-continuation byte; overlong forms, surrogates and
    code points above U+10FFFF are dropped too.
    """
    out, i, n = [], 0, len(data)
    while i < n:
        lead = data[i]
        i += 1
        if lead < 0x80:
            out.append(chr(lead))
            continue
        trail = -1 if lead < 0xC2 else 1 if lead < 0xE0 else 2 if lead < 0xF0 \
            else 3 if lead <= 0xF4 else -1
        if trail < 0:
            continue
        code = lead & ((1 << (6 - trail)) - 1)
        valid = True
        for _ in range(trail):
            if i >= n:
                valid = False
                break
            byte = data[i]
            i += 1
            if byte & 0xC0 != 0x80:
                valid = False
                break
            code = (code << 6) | (byte & 0x3F)
        width = 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
        if valid and code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF and width == trail + 1:
            out.append(chr(code))
    return "".join(out)


def _decode_skipping_invalid(data: bytes, codec: str) -> str:
    """Decode, skipping one byte where the input is invalid, as Boost.Locale over iconv does."""
    parts = []
    while data:
        try:
            parts.append(data.decode(codec))
            break
        except UnicodeDecodeError as error:
            parts.append(data[:error.start].decode(codec))
            data = data[error.start + 1:]
    return "".join(parts)


def _decode_korean(data: bytes) -> str:
    """Decode ISO 2022 IR 149 as ICU's IBM-949 does (Orthanc's iconv has no such charset).

    Pairs are Unified Hangul Code, rows 0xC9 and 0xFE map to the private use
    area, 0x80 and 0xFF are single characters; an invalid pair is skipped whole
    when its second byte lies in 0x40-0xFE, else only its first byte is.
    """
    out, i, n = [], 0, len(data)
    while i < n:
        lead = data[i]
        if lead < 0x80:
            out.append(chr(lead))
            i += 1
        elif lead in (0x80, 0xFF):
            out.append("\u0080" if lead == 0x80 else "\uf8f7")
            i += 1
        elif i + 1 < n:
            trail = data[i + 1]
            if lead in (0xC9, 0xFE) and 0xA1 <= trail <= 0xFE:
                out.append(chr((0xE000 if lead == 0xC9 else 0xE05E) + trail - 0xA1))
            else:
                try:
                    out.append(data[i:i + 2].decode("cp949"))
                except UnicodeDecodeError:
                    if not 0x40 <= trail <= 0xFE:
                        i += 1
                        continue
            i += 2
        else:
            break
    return "".join(out)


def decode_text(data: bytes, encoding: str, code_extensions: bool = False) -> str:
    """Convert text bytes to a string as Orthanc's ``Toolbox::ConvertToUtf8`` does.

    ``encoding`` is an Orthanc encoding name (see :data:`ENCODINGS`). Bytes that
    are invalid in it are skipped. With code extensions, ISO 2022 escape
    sequences and shifts are removed afterwards (the encoding is not switched).
    """
    if encoding == "Ascii":
        return _to_ascii(data)
    if data.isascii() and encoding != "JapaneseKanji":
        text = data.decode("ascii")
    elif encoding == "Utf8":
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _utf8_skip_invalid(data)
    elif encoding == "Korean":
        text = _decode_korean(data)
    else:
        text = _decode_skipping_invalid(data, _CODECS[encoding])
    if encoding == "Thai":  # glibc's TIS-620 has no C1 controls
        text = _C1_CONTROLS.sub("", text)
    if encoding == "Japanese":
        text = text.translate(_JIS_ROMAN)
    if code_extensions:
        text = _ISO2022_CONTROLS.sub("", text)
    return text


def _text_bytes(data: bytes, vr: str) -> bytes:
    """The part of a text value DCMTK hands over: padding and everything after a NUL removed."""
    if vr == "UI":
        return data.split(b"\x00", 1)[0].replace(b" ", b"")
    if len(data) % 2 == 0:
        data = data.rstrip(b" ")
    return data.split(b"\x00", 1)[0]


def _format_number(value: int | float, vr: str) -> str:
    if vr not in ("FL", "FD"):
        return str(int(value))
    if math.isnan(value):
        return "-nan" if math.copysign(1.0, value) < 0 else "nan"
    return f"{value:.17g}"


def _numbers_from_bytes(data: bytes, vr: str, little_endian: bool) -> str | None:
    code = _NUMBER_FORMATS[vr]
    size = struct.calcsize(code)
    if len(data) % 2:
        data += b"\x00"
    count = len(data) // size if len(data) % size == 0 else min(1, len(data) // size)
    if count == 0:
        return None
    values = struct.unpack_from(("<" if little_endian else ">") + code * count, data)
    return "\\".join(_format_number(v, vr) for v in values)


def _attribute_tag(data: bytes, little_endian: bool) -> str | None:
    if len(data) < 4:
        return None
    group, element = struct.unpack_from("<HH" if little_endian else ">HH", data)
    return format_tag((group << 16) | element)


# --- Elements -----------------------------------------------------------------------------

class _Reader:
    """Orthanc's string form of the elements of one dataset (ConvertLeafElement)."""

    def __init__(self, encoding: str, code_extensions: bool,
                 tags: TagDictionary | None = None) -> None:
        self.encoding = encoding
        self.code_extensions = code_extensions
        self._configured = tags if tags is not None and (
            tags.has_entries or not tags.load_private_dictionary) else None

    def entry(self, tag: int, private_creator: str | None) -> tuple[str, str] | None:
        """(VR, name) of ``tag``: the ``Dictionary`` configuration's entry first (Orthanc
        adds those to DCMTK's dictionary), then :func:`dictionary_entry`."""
        if self._configured is not None:
            found = self._configured.configured_entry(tag, private_creator)
            if found is not None:
                return found
            if private_creator is not None and not self._configured.load_private_dictionary:
                return None  # DCMTK without its private dictionary
        return dictionary_entry(tag, private_creator)

    def name(self, tag: int, private_creator: str | None) -> str:
        """:func:`tag_name`, with the ``Dictionary`` configuration's names first."""
        if self._configured is not None:
            found = self._configured.configured_entry(tag, private_creator)
            if found is not None:
                return found[1]
            if private_creator is not None and not self._configured.load_private_dictionary:
                return UNKNOWN_TAG_NAME
        return tag_name(tag, private_creator)

    def private_creator(self, item: Dataset, tag: int) -> str | None:
        """The creator reserving the block of a private data element, in the same item."""
        group, element = tag >> 16, tag & 0xFFFF
        if group % 2 == 0 or group <= 7 or group == 0xFFFF or element < 0x1000:
            return None
        reservation = item.get_item((group << 16) | (element >> 8), keep_deferred=True)
        if reservation is None or (reservation.VR is not None and reservation.VR not in TEXT_VRS):
            return None
        if isinstance(reservation, RawDataElement):
            creator = _text_bytes(_raw_bytes(item, reservation), "LO").decode("latin_1")
        else:
            creator = str(reservation.value or "")
        return creator or None

    def effective_vr(self, item: Dataset, tag: int, elem: RawDataElement,
                     private_creator: str | None) -> str:
        """The VR of an element: the file's, or in implicit VR the one DCMTK settles on."""
        if elem.VR is not None:
            return str(elem.VR)
        entry = self.entry(tag, private_creator)
        vr = entry[0] if entry is not None else "UN"
        if vr == "xs":
            representation = self.leaf(item, PIXEL_REPRESENTATION)
            if tag not in _PIXEL_REPRESENTATION_XS or representation is None:
                return "UN"
            return "US" if representation == "0" else "SS"
        return vr

    def leaf(self, item: Dataset, tag: int, private_creator: str | None = None) -> str | None:
        """The string Orthanc makes of a leaf element, None for its null value."""
        elem = item.get_item(tag, keep_deferred=True)
        if elem is None:
            return None
        return self.leaf_of(item, tag, elem, private_creator)

    def leaf_of(self, item: Dataset, tag: int, elem: DataElement | RawDataElement,
                private_creator: str | None = None) -> str | None:
        """:meth:`leaf` for ``elem``, the element ``tag`` of ``item``."""
        if isinstance(elem, DataElement):
            return self._converted(elem)
        vr = self.effective_vr(item, tag, elem, private_creator)
        if vr not in TEXT_VRS and vr not in _NUMBER_FORMATS and vr not in ("AT", "UN"):
            return None
        data = _raw_bytes(item, elem)
        if vr in TEXT_VRS:
            return decode_text(_text_bytes(data, vr), self.encoding, self.code_extensions)
        if vr in _NUMBER_FORMATS:
            return _numbers_from_bytes(data, vr, elem.is_little_endian)
        if vr == "AT":
            return _attribute_tag(data, elem.is_little_endian)
        return self._unknown_vr(tag, data, private_creator)

    def _unknown_vr(self, tag: int, data: bytes, private_creator: str | None) -> str | None:
        entry = self.entry(tag, private_creator)
        if entry is None or entry[0] not in TEXT_VRS:
            return None
        if private_creator is not None or (tag >> 16) % 2:
            printable = all(0x20 <= b < 0x7F for b in data)
            return data.decode("ascii") if printable else None
        if len(data) % 2 == 0 and data.endswith(b"\x00"):
            data = data[:-1]
        return decode_text(data, self.encoding, self.code_extensions)

    def _converted(self, elem: DataElement) -> str | None:
        """A value pydicom already converted (SpecificCharacterSet, or a modified element)."""
        vr = str(elem.VR)
        if elem.value is None:
            return "" if vr in TEXT_VRS else None
        values = list(elem.value) if isinstance(elem.value, MultiValue | list) else [elem.value]
        if vr in TEXT_VRS:
            text = "\\".join(str(v) for v in values)
            if elem.tag == SPECIFIC_CHARACTER_SET:  # read by pydicom, ASCII in the file
                return decode_text(text.encode("latin_1", "ignore"), self.encoding,
                                   self.code_extensions)
            return text
        if not values:
            return None
        if vr in _NUMBER_FORMATS:
            return "\\".join(_format_number(v, vr) for v in values)
        if vr == "AT":
            return format_tag(int(values[0]))
        return None


def _raw_bytes(item: Dataset, elem: RawDataElement) -> bytes:
    """The bytes of a raw element, reading a deferred value from the file without converting it."""
    if elem.value is not None:
        return elem.value
    if elem.length == 0:
        return b""
    source = item.buffer if getattr(item, "buffer", None) is not None else item.filename
    value = read_deferred_data_element(item.fileobj_type, source, item.timestamp, elem).value
    return b"" if value is None else value


class _Renderer:
    """Walks a dataset and builds one of Orthanc's JSON formats."""

    def __init__(self, fmt: JsonFormat, reader: _Reader, max_length: int,
                 ignore_length: Collection[int], *, include_binary: bool = True,
                 include_private: bool = True, include_unknown: bool = True,
                 stop_after_pixel_data: bool = True) -> None:
        self.fmt = fmt
        self.reader = reader
        self.max_length = max_length
        self.ignore_length = frozenset(int(t) for t in ignore_length)
        self.include_binary = include_binary
        self.include_private = include_private
        self.include_unknown = include_unknown
        self.stop_after_pixel_data = stop_after_pixel_data

    def dataset(self, item: Dataset, top_level: bool, absent_binary: int | None = None,
                skip: Collection[int] = ()) -> dict[str, Any]:
        """Render ``item`` but the tags in ``skip``; ``absent_binary`` is a binary tag left
        unread, rendered as null."""
        tags = set(map(int, item.keys())).difference(skip)  # iterating would convert values
        if absent_binary is not None:
            tags.add(absent_binary)
        out: dict[str, Any] = {}
        for tag in sorted(tags):
            if top_level and self.stop_after_pixel_data and tag > PIXEL_DATA:
                continue
            if tag not in item:
                self.put(out, tag, None, "Null", None)
            else:
                self.element(out, item, tag)
        return dict(sorted(out.items())) if self.fmt == "simplify" else out

    def element(self, out: dict[str, Any], item: Dataset, tag: int) -> None:
        if (tag >> 16) % 2 and not self.include_private:
            return
        creator = self.reader.private_creator(item, tag)
        if not self.include_unknown and self.reader.entry(tag, creator) is None:
            return
        elem = item.get_item(tag, keep_deferred=True)
        if _is_sequence(item, tag, elem, creator, self.reader):
            items = [self.dataset(child, False) for child in item[tag].value]
            self.put(out, tag, creator, "Sequence", items)
            return
        if not self.include_binary and _is_binary(item, tag, elem, creator, self.reader):
            return
        value = self.reader.leaf(item, tag, creator)
        if value is None:
            self.put(out, tag, creator, "Null", None)
        elif (self.max_length and len(value) > self.max_length // 4
              and tag not in self.ignore_length and len(value.encode("utf-8")) > self.max_length):
            self.put(out, tag, creator, "TooLong", None)
        else:
            self.put(out, tag, creator, "String", value)

    def put(self, out: dict[str, Any], tag: int, creator: str | None, kind: str,
            value: Any) -> None:
        if self.fmt == "short":
            out[format_tag(tag)] = value
            return
        name = self.reader.name(tag, creator)
        if self.fmt == "simplify":
            out[name] = value
            return
        node: dict[str, Any] = {"Name": name}
        if creator is not None and kind != "Sequence":
            node["PrivateCreator"] = creator
        node["Type"] = kind
        node["Value"] = value
        out[format_tag(tag)] = node


def _is_sequence(item: Dataset, tag: int, elem: Any, creator: str | None,
                 reader: _Reader) -> bool:
    if isinstance(elem, DataElement):
        return elem.VR == "SQ"
    if elem.VR == "SQ":
        return True
    if elem.VR is None and (elem.length == 0xFFFFFFFF
                            or reader.effective_vr(item, tag, elem, creator) == "SQ"):
        return isinstance(item[tag].value, Sequence)
    return False


def _is_binary(item: Dataset, tag: int, elem: Any, creator: str | None, reader: _Reader) -> bool:
    vr = str(elem.VR) if elem.VR is not None else reader.effective_vr(item, tag, elem, creator)
    return vr in ("OB", "OW", "UN", "ox", "px", "lt")


_LONG_HEADER_VRS = frozenset({"OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR",
                              "UT", "UV"})


def absorbed_by_meta(ds: Dataset) -> list[int]:
    """Top-level tags that DCMTK reads as file meta information.

    DCMTK reads the meta information up to the length that (0002,0000) gives;
    when that length is too large, the first elements of the data set end up in
    the header (``/header``) and are missing from ``/tags``.
    """
    meta = getattr(ds, "file_meta", None)
    group_length = meta.get(0x00020000) if meta is not None else None
    if (meta is None or group_length is None or getattr(ds, "preamble", None) is None
            or meta.get("TransferSyntaxUID") == DeflatedExplicitVRLittleEndian):
        return []  # (deflated: the positions are those of the inflated stream)
    if not isinstance(group_length.value, int):
        return []  # a group length that is not a number: nothing to learn from it
    end = 128 + 4 + 12 + group_length.value  # preamble, "DICM", (0002,0000) element
    absorbed: list[int] = []
    for tag in sorted(ds.keys()):
        elem = ds.get_item(tag, keep_deferred=True)
        if not isinstance(elem, RawDataElement) or elem.value_tell is None:
            break
        header = 12 if not elem.is_implicit_VR and elem.VR in _LONG_HEADER_VRS else 8
        if elem.value_tell - header >= end:
            break
        absorbed.append(int(tag))
    return absorbed


def dataset_json(ds: Dataset, fmt: JsonFormat = "full", *, ignore_length: Collection[int] = (),
                 default_encoding: str = DEFAULT_ENCODING, pixel_data_tag: int | None = None,
                 max_length: int = MAXIMUM_STRING_LENGTH,
                 tags: TagDictionary | None = None,
                 stop_after_pixel_data: bool = True) -> dict[str, Any]:
    """``GET /instances/{id}/tags`` in format ``fmt`` (``full``, ``simplify``, ``short``).

    ``ignore_length`` lists tags exempt from the 256-byte limit (``?ignore-length``);
    ``max_length`` 0 means no limit.
    ``default_encoding`` is the ``DefaultEncoding`` option (an Orthanc encoding
    name). ``pixel_data_tag`` is the tag where a ``stop_before_pixels`` read
    stopped, so that it is rendered (as null) like Orthanc does. ``tags`` carries the
    ``Dictionary`` configuration, whose entries name tags (private ones by their
    creator) and give the VR of implicit-VR elements before DCMTK's dictionary does.
    Top-level elements after the pixel data are left out unless ``stop_after_pixel_data`` is
    false (Orthanc 1.12.4's ``?whole``).
    """
    encoding, extensions = detect_encoding(ds, default_encoding)
    renderer = _Renderer(fmt, _Reader(encoding, extensions, tags), max_length, ignore_length,
                         stop_after_pixel_data=stop_after_pixel_data)
    return renderer.dataset(ds, True, pixel_data_tag, absorbed_by_meta(ds))


def simplify_full(full: dict[str, Any], fmt: JsonFormat) -> dict[str, Any]:
    """A ``full`` rendering (or a part of one: some of its tags) in format ``fmt``, as Orthanc
    simplifies its stored JSON: ``String`` gives its value, ``Null`` and ``TooLong`` give
    null, a sequence the list of its items simplified. ``simplify`` names each tag by its
    ``Name`` (keys sorted; the element with the highest tag wins a repeated name),
    ``short`` by ``gggg,eeee``; ``full`` gives ``full`` back as it is."""
    if fmt == "full":
        return full
    out: dict[str, Any] = {}
    for key in sorted(full):
        node = full[key]
        kind, value = node.get("Type"), node.get("Value")
        if kind == "Sequence":
            value = [simplify_full(item, fmt) for item in value or ()]
        elif kind != "String":
            value = None
        out[node.get("Name", UNKNOWN_TAG_NAME) if fmt == "simplify" else key] = value
    return dict(sorted(out.items())) if fmt == "simplify" else out


def full_json(ds: Dataset, **options: Any) -> dict[str, Any]:
    """The ``full`` format of :func:`dataset_json`."""
    return dataset_json(ds, "full", **options)


def simplified_json(ds: Dataset, **options: Any) -> dict[str, Any]:
    """The ``simplify`` format of :func:`dataset_json` (``/simplified-tags``)."""
    return dataset_json(ds, "simplify", **options)


def short_json(ds: Dataset, **options: Any) -> dict[str, Any]:
    """The ``short`` format of :func:`dataset_json`."""
    return dataset_json(ds, "short", **options)


def header_json(ds: Dataset, fmt: JsonFormat = "full") -> dict[str, Any]:
    """``GET /instances/{id}/header``: the file meta information of ``ds`` in format ``fmt``.

    Unlike ``/tags``: binary (OB, OW, UN), private and unknown elements are left
    out, text is read as ASCII and values have no length limit. A file without
    meta information gives ``{}``; elements of :func:`absorbed_by_meta` are part
    of the header.
    """
    renderer = _Renderer(fmt, _Reader("Ascii", False), 0, (),
                         include_binary=False, include_private=False, include_unknown=False,
                         stop_after_pixel_data=False)
    meta = getattr(ds, "file_meta", None)
    out = renderer.dataset(meta, True) if meta is not None else {}
    for tag in absorbed_by_meta(ds):
        renderer.element(out, ds, tag)
    return dict(sorted(out.items())) if fmt == "simplify" else out


def element_string(ds: Dataset, tag: int, *, default_encoding: str = DEFAULT_ENCODING,
                   encoding: tuple[str, bool] | None = None) -> str | None:
    """Orthanc's string for the top-level leaf element ``tag`` of ``ds``.

    None when the element is absent, a sequence, binary or otherwise null for
    Orthanc. No length limit is applied. ``encoding`` is a
    :func:`detect_encoding` result to reuse; it is detected when None.
    """
    elem = ds.get_item(tag, keep_deferred=True)
    if elem is None:
        return None
    reader = _Reader(*(encoding or detect_encoding(ds, default_encoding)))
    if _is_sequence(ds, tag, elem, None, reader):
        return None
    return reader.leaf_of(ds, tag, elem, reader.private_creator(ds, tag))

