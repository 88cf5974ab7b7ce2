"""Direct encoding of plain DICOM elements, byte for byte as pydicom's writer encodes them.

pydicom's ``write_data_element`` costs tens of microseconds an element, and most elements a
modification writes are raw values, plain strings, numbers or bytes, or sequences read from the
file. :func:`encode_element` and :func:`encode_value` encode those exactly as pydicom does;
anything else (ambiguous VRs, buffered values, sequences built in memory, values of other types,
values pydicom refuses...) is left to pydicom: the functions answer None. Pure functions, no I/O.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable
from decimal import Decimal
from struct import pack
from typing import Any

from pydicom.charset import convert_encodings, default_encoding, encode_string
from pydicom.dataelem import DataElement, RawDataElement
from pydicom.dataset import Dataset
from pydicom.multival import MultiValue
from pydicom.tag import ItemDelimiterTag, ItemTag, SequenceDelimiterTag, Tag
from pydicom.valuerep import EXPLICIT_VR_LENGTH_32, PersonName

Element = DataElement | RawDataElement

# pydicom's constants as plain ``int`` and ``str``: the readers and writers compare millions of
# tags and VRs with them, and a comparison with a ``BaseTag`` or a ``VR`` member costs a call.
ITEM = int(ItemTag)
ITEM_DELIMITER = int(ItemDelimiterTag)
SEQUENCE_DELIMITER = int(SequenceDelimiterTag)
UNDEFINED_LENGTH = 0xFFFFFFFF
"""The value length of an undefined-length sequence or item (PS3.5 7.1; pydicom names none)."""
PIXEL_TAGS = frozenset(int(Tag(keyword)) for keyword in (
    "FloatPixelData", "DoubleFloatPixelData", "PixelData"))
"""Float, double float and plain pixel data: where pydicom's ``stop_before_pixels`` stops."""
LONG_LENGTH_VRS = frozenset(vr.value for vr in EXPLICIT_VR_LENGTH_32)
"""The VRs whose explicit VR header has a 32-bit length (pydicom's ``EXPLICIT_VR_LENGTH_32``)."""

_ITEM_GROUP, _ITEM_ELEMENT = ITEM >> 16, ITEM & 0xFFFF


def converts(dataset: Dataset, implicit: bool, little: bool) -> bool:
    """Whether pydicom's ``write_dataset`` converts the raw elements of ``dataset`` to write it
    in this encoding: another encoding, or a character set other than the one read (its own
    test, on pydicom's ``_character_set``)."""
    return (dataset.original_encoding != (implicit, little)
            or dataset.original_character_set != dataset._character_set)


DEFAULT_ENCODINGS = [default_encoding]
# The lookup-table descriptors, whose first value pydicom writes as US even when the VR is SS.
_LUT_DESCRIPTORS = frozenset({0x00281101, 0x00281102, 0x00281103, 0x00283002})
# Types in the order of their frequency (MultiValue last: isinstance is slow on it).
_MULTI_VALUE_TYPES = (list, tuple, MultiValue)
_SIZED_TYPES = (str, PersonName, bytes, bytearray, list, tuple, MultiValue)
_PLAIN_TYPES = (str, PersonName, int, float, bytes, bytearray, Decimal, list, tuple, MultiValue)
_BINARY_NUMBER_FORMATS = {"FD": "d", "FL": "f", "SL": "l", "SS": "h", "SV": "q",
                          "UL": "L", "US": "H", "UV": "Q"}


def encode_element(element: Element, *, implicit: bool, little: bool,
                   encodings: list[str]) -> bytes | None:
    """The bytes pydicom's ``write_data_element`` writes for ``element``, or None when it is
    not a plain element.

    Plain are: a raw element with a value and a defined length (written as it is), a value
    :func:`encode_value` encodes, and a sequence whose items were read from the file in the
    encoding written (:func:`_encoded_items`). ``encodings`` are the Python encodings of the
    character set (pydicom's ``convert_encodings``).
    """
    if isinstance(element, RawDataElement):
        if (element.value is None or element.length == UNDEFINED_LENGTH
                or not (implicit or element.VR in _STANDARD_VRS)):
            return None
        # VR is None only in implicit VR, where _header does not read it.
        return _header(element.tag, element.VR, len(element.value), implicit,  # type: ignore[arg-type]
                       little) + element.value
    if element.VR == "SQ":
        value = _encoded_items(element.value, implicit, little, encodings)
        if value is None:
            return None
        if not element.is_undefined_length:
            return _header(element.tag, "SQ", len(value), implicit, little) + value
        return (_header(element.tag, "SQ", UNDEFINED_LENGTH, implicit, little) + value
                + _delimiter(SEQUENCE_DELIMITER, little))
    if element.is_undefined_length:
        return None
    return encode_value(element.tag, element.VR, element.value, implicit=implicit,
                        little=little, encodings=encodings)


def _encoded_items(items: Iterable[object] | None, implicit: bool, little: bool,
                   encodings: list[str]) -> bytes | None:
    """The items of a sequence as pydicom's ``write_sequence`` writes them, or None unless
    every item was read in the encoding written and keeps its character set (pydicom would
    convert its elements)."""
    endian = "<" if little else ">"
    parts = []
    for item in items or ():
        if not isinstance(item, Dataset) or len(item) and converts(item, implicit, little):
            return None  # (an empty item has nothing to convert)
        item_encodings = convert_encodings(
            item.get("SpecificCharacterSet", encodings) or default_encoding)
        elements = []
        for tag in sorted(item.keys(), key=int):
            if tag & 0xFFFF == 0 and tag >> 16 > 6:
                continue  # retired group length
            encoded = encode_element(item.get_item(tag), implicit=implicit, little=little,
                                     encodings=item_encodings)
            if encoded is None:
                return None
            elements.append(encoded)
        data = b"".join(elements)
        if getattr(item, "is_undefined_length_sequence_item", False):
            parts += [pack(endian + "HHL", _ITEM_GROUP, _ITEM_ELEMENT, UNDEFINED_LENGTH), data,
                      _delimiter(ITEM_DELIMITER, little)]
        else:
            parts += [pack(endian + "HHL", _ITEM_GROUP, _ITEM_ELEMENT, len(data)), data]
    return b"".join(parts)


def _delimiter(tag: int, little: bool) -> bytes:
    return pack("<HHL" if little else ">HHL", tag >> 16, tag & 0xFFFF, 0)


def encode_value(tag: int, vr: str, value: object, *, implicit: bool, little: bool,
                 encodings: list[str]) -> bytes | None:
    """The element ``tag`` of VR ``vr`` holding ``value`` (as a ``DataElement`` holds it),
    encoded as pydicom's ``write_data_element`` encodes it.

    None when ``vr`` is SQ, ambiguous or unknown, when ``value`` is not None, a string, bytes,
    a number, a ``PersonName`` or a list of those that the VR takes, or when pydicom would fail
    on it.
    """
    encoder = _VALUE_ENCODERS.get(vr)
    if encoder is None or not (value is None or isinstance(value, _PLAIN_TYPES)):
        return None
    data: bytes | None
    if value is None or isinstance(value, _SIZED_TYPES) and not value:
        data = b""  # pydicom writes no value for an empty element
    else:
        try:
            data = encoder(tag, vr, value, little, encodings)
        except (UnicodeError, struct.error, TypeError, OverflowError):
            return None  # pydicom fails on it: let it
        if data is None:
            return None
    return _header(tag, vr, len(data), implicit, little) + data


def _header(tag: int, vr: str, length: int, implicit: bool, little: bool) -> bytes:
    """An element's tag, VR (explicit VR) and value length. An explicit VR element too long
    for a 16-bit length gets the VR UN, as in pydicom (PS3.5 6.2.2)."""
    endian = "<" if little else ">"
    if implicit:
        return pack(endian + "HHL", tag >> 16, tag & 0xFFFF, length)
    if vr not in LONG_LENGTH_VRS and length > 0xFFFF:
        vr = "UN"
    if vr in LONG_LENGTH_VRS:
        return pack(endian + "HH2s2xL", tag >> 16, tag & 0xFFFF, vr.encode(), length)
    return pack(endian + "HH2sH", tag >> 16, tag & 0xFFFF, vr.encode(), length)


def _values(value: object) -> list[Any]:
    if isinstance(value, str):
        return [value]
    return list(value) if isinstance(value, _MULTI_VALUE_TYPES) else [value]


def padded(data: bytes, padding: bytes) -> bytes:
    return data + padding if len(data) % 2 else data


def _default_charset_text(tag: int, vr: str, value: object, little: bool,
                          encodings: list[str]) -> bytes | None:
    """AE, AS, CS, DA, DT, TM, UI, UR (pydicom's ``write_string``): str values only."""
    values = _values(value)
    if not all(isinstance(v, str) for v in values):
        return None
    return padded("\\".join(values).encode(default_encoding), b"\0" if vr == "UI" else b" ")


def _number_string(tag: int, vr: str, value: object, little: bool,
                   encodings: list[str]) -> bytes | None:
    """DS, IS (pydicom's ``write_number_string``): each value as read, else ``str()``."""
    text = "\\".join(v.original_string if hasattr(v, "original_string") else str(v)
                     for v in _values(value))
    return padded(text.encode(default_encoding), b" ")


def _custom_charset_text(tag: int, vr: str, value: object, little: bool,
                         encodings: list[str]) -> bytes | None:
    """LO, LT, SH, ST, UC, UT (pydicom's ``write_text``): str values in the character set
    (pydicom's ``encode_string``), or bytes as they are."""
    values = _values(value)
    if all(isinstance(v, str) for v in values):
        return padded(b"\\".join(encode_string(v, encodings) for v in values), b" ")
    if all(isinstance(v, bytes) for v in values):
        return padded(b"\\".join(values), b" ")
    return None


def _person_name(tag: int, vr: str, value: object, little: bool,
                 encodings: list[str]) -> bytes | None:
    """PN (pydicom's ``write_PN``): one ``PersonName``, or a list of several."""
    if isinstance(value, PersonName):
        values = [value]
    elif isinstance(value, _MULTI_VALUE_TYPES) and len(value) > 1:
        values = list(value)
    else:
        return None
    if not all(isinstance(v, PersonName) for v in values):
        return None
    return padded(b"\\".join(v.encode(encodings) for v in values), b" ")


def _binary_numbers(tag: int, vr: str, value: object, little: bool,
                    encodings: list[str]) -> bytes | None:
    """FD, FL, SL, SS, SV, UL, US, UV (pydicom's ``write_numbers``)."""
    number_format = ("<" if little else ">") + _BINARY_NUMBER_FORMATS[vr]
    if not isinstance(value, list | MultiValue):
        return pack(number_format, value)
    if vr == "SS" and tag in _LUT_DESCRIPTORS:
        return None
    return pack(number_format[0] + str(len(value)) + number_format[1], *value)


def _padded_bytes(tag: int, vr: str, value: object, little: bool,
                  encodings: list[str]) -> bytes | None:
    """OB, OD, OF, OL, OV, OW: the bytes, padded with a NUL to an even length."""
    return padded(bytes(value), b"\0") if isinstance(value, bytes | bytearray) else None


def _unknown(tag: int, vr: str, value: object, little: bool,
             encodings: list[str]) -> bytes | None:
    """UN: the bytes as they are."""
    return bytes(value) if isinstance(value, bytes | bytearray) else None


def _attribute_tags(tag: int, vr: str, value: object, little: bool,
                    encodings: list[str]) -> bytes | None:
    """AT: each tag as two unsigned shorts."""
    values = _values(value)
    if not all(isinstance(v, int) and 0 <= v <= 0xFFFFFFFF for v in values):
        return None
    endian = "<" if little else ">"
    return b"".join(pack(endian + "HH", v >> 16, v & 0xFFFF) for v in values)


_VALUE_ENCODERS: dict[str, Callable[..., bytes | None]] = {
    **dict.fromkeys(("AE", "AS", "CS", "DA", "DT", "TM", "UI", "UR"), _default_charset_text),
    **dict.fromkeys(("DS", "IS"), _number_string),
    **dict.fromkeys(("LO", "LT", "SH", "ST", "UC", "UT"), _custom_charset_text),
    "PN": _person_name,
    **dict.fromkeys(_BINARY_NUMBER_FORMATS, _binary_numbers),
    **dict.fromkeys(("OB", "OD", "OF", "OL", "OV", "OW"), _padded_bytes),
    "UN": _unknown,
    "AT": _attribute_tags,
}
_STANDARD_VRS = frozenset({*_VALUE_ENCODERS, "SQ"})
