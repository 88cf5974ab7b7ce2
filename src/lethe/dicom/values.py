"""Casting a JSON ``Replace`` value to a pydicom element (Orthanc behaviour spec 5.1-5.3).

The VR is the dictionary's (:meth:`TagDictionary.dictionary_vr`, with the
request's private creator for private tags). Summary of the casting:

* ``null`` is an empty value; a JSON array is only for SQ (each item an
  object ``{tag: value}`` cast recursively, or ``[]`` for an empty item);
  numbers, booleans and objects are refused (``BAD_PARAMETER_TYPE``).
* A string starting with ``data:application/octet-stream;base64,`` is
  base64-decoded before casting, whatever the VR.
* Text VRs keep the text without format validation (DS ``abc`` is accepted,
  as DCMTK does), split on backslashes except LT, ST, UT and UR. Text is cut
  at its first NUL (DCMTK takes C strings) and insignificant padding is
  removed exactly as pydicom removes it when reading, so the element equals
  what a written file reads back as. Text VRs of the default repertoire
  (AE AS CS DA DS DT IS TM UI UR) must be Latin-1, as pydicom writes them so.
* Numeric VRs are parsed as DCMTK/C++ ``lexical_cast`` parses them: no
  spaces; a single US, UL or UV value wraps when negative (US ``-5`` is
  65531); SS, SL and SV are range-checked; UL, UV, SV, OL and OV accept
  backslash multi-values (without wrapping), US, SS, SL, FL, FD, OF and OD do
  not. ``US or SS`` tags are US, or SS when a value is negative (DCMTK refuses
  single negative values there and wraps multi-values; Lethe keeps the sign).
  Orthanc 1.10.1 cannot set UV, SV or multi-valued OL at all; Lethe can.
  AT takes tag names or hex, backslash-separated (Orthanc: one tag only).
* OB, UN and VRs nobody knows (private tags without a creator) take the
  bytes, padded with a NUL to even length; OW needs an even byte count
  (Orthanc answers 500, Lethe 400). ``OB or OW`` is OB.

Not handled here (spec 5.3): top-level PixelData given as ``data:image/png`` or
``data:image/jpeg`` (decoded by :mod:`lethe.dicom.images`), EncapsulatedDocument
given as ``data:application/pdf``, and fitting the text of PN/LO/SH/LT/ST/UC/UT
values to the dataset's SpecificCharacterSet (the writer encodes ``str``).
"""

from __future__ import annotations

import base64
import binascii
import math
import re
import struct

from pydicom import config
from pydicom.dataelem import DataElement, empty_value_for_VR
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence
from pydicom.tag import BaseTag, Tag

from lethe.dicom.tags import TagDictionary, format_tag, resolve_vr
from lethe.errors import ErrorCode, LetheError, bad_file_format

DATA_URI_PREFIX = "data:application/octet-stream;base64,"

_DEFAULT_REPERTOIRE_VRS = frozenset({"AE", "AS", "CS", "DA", "DS", "DT", "IS", "TM", "UI", "UR"})
_TEXT_VRS = _DEFAULT_REPERTOIRE_VRS | {"LO", "LT", "PN", "SH", "ST", "UC", "UT"}
_SINGLE_TEXT_VRS = frozenset({"LT", "ST", "UT", "UR"})

# VR -> (lowest, highest, wraps negative values, backslash multi-values allowed)
_INTEGER_VRS = {
    "US": (0, 2**16 - 1, True, False),
    "UL": (0, 2**32 - 1, True, True),
    "UV": (0, 2**64 - 1, True, True),
    "SS": (-(2**15), 2**15 - 1, False, False),
    "SL": (-(2**31), 2**31 - 1, False, False),
    "SV": (-(2**63), 2**63 - 1, False, True),
}
_XS_VRS = frozenset({"US or SS", "US or OW", "US or SS or OW"})
_FLOAT_VRS = {"FL": "<f", "FD": "<d"}
# Binary VRs holding numbers: VR -> (VR whose text rules apply, struct code)
_PACKED_VRS = {"OF": ("FL", "f"), "OD": ("FD", "d"), "OL": ("UL", "I"), "OV": ("UV", "Q")}

_NUMERIC_VRS = frozenset({*_INTEGER_VRS, *_FLOAT_VRS, *_PACKED_VRS, *_XS_VRS, "AT"})
_OB_VRS = frozenset({"OB", "OB or OW", "OB_OW"})

_INTEGER = re.compile(r"[+-]?[0-9]+")
_FLOAT = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_NOT_FINITE = re.compile(r"[+-]?(?:inf|infinity|nan)", re.IGNORECASE)
_ECHO_LIMIT = 200


class _Unfit(ValueError):
    """A value the VR cannot hold; ``reason`` is appended to the error details."""

    def __init__(self, reason: str = "") -> None:
        super().__init__(reason)
        self.reason = reason


def _echo(text: str) -> str:
    return text if len(text) <= _ECHO_LIMIT else text[:_ECHO_LIMIT] + "..."


def _bad_type(tag: BaseTag) -> LetheError:
    return LetheError(ErrorCode.BAD_PARAMETER_TYPE, f"Bad Parameter type for tag {format_tag(tag)}")


def _out_of_range(tag: BaseTag, text: str, vr: str = "", reason: str = "") -> LetheError:
    """Orthanc's message; Lethe-only refusals also name the VR and the reason."""
    where = f"tag ({format_tag(tag)})" + (f" of VR {vr}" if reason else "")
    suffix = f" ({reason})" if reason else ""
    return bad_file_format(
        f'While creating a DICOM instance, {where} has out-of-range value: "{_echo(text)}"{suffix}')


def make_element(tag: int, value: object, *, tags: TagDictionary, private_creator: str = "",
                 encoding: str = "latin_1") -> DataElement:
    """The element ``tag`` holding the JSON ``value`` cast to the tag's VR (spec 5).

    ``private_creator`` selects the VR of private tags (also inside sequence
    items). ``encoding`` is the Python codec of the dataset's character set:
    plain strings given for binary VRs (OB, OW, UN...) are encoded with it,
    dropping characters it cannot encode (as Orthanc does), and data-URI bytes
    given for text VRs outside the default repertoire are decoded with it.

    Raises ``LetheError``: ``BAD_PARAMETER_TYPE`` for a JSON type the tag
    cannot take, ``BAD_FILE_FORMAT`` for a value its VR cannot hold,
    ``UNKNOWN_DICOM_TAG`` for an unknown tag name in an item or AT value.
    """
    tag = Tag(tag)
    vr = tags.dictionary_vr(tag, private_creator)
    if isinstance(value, list):
        if vr != "SQ":
            raise _bad_type(tag)
        items = [_make_item(tag, item, tags, private_creator, encoding) for item in value]
        return DataElement(tag, "SQ", Sequence(items))
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise _bad_type(tag)
    if vr == "SQ":
        raise _out_of_range(tag, value)
    payload: str | bytes = value
    if value.startswith(DATA_URI_PREFIX):
        try:
            payload = base64.b64decode(value[len(DATA_URI_PREFIX):], validate=True)
        except binascii.Error:
            raise _out_of_range(tag, value, vr, "bad base64 in the data URI") from None
    try:
        return _cast(tag, vr, payload, tags, encoding)
    except _Unfit as unfit:
        raise _out_of_range(tag, value, vr, unfit.reason) from None


def _make_item(tag: BaseTag, item: object, tags: TagDictionary, private_creator: str,
               encoding: str) -> Dataset:
    """One sequence item from a JSON object (keys in sorted order, as Orthanc reads them)."""
    dataset = Dataset()
    if isinstance(item, list) and not item:
        return dataset
    if not isinstance(item, dict):
        raise _bad_type(tag)
    for name in sorted(item):
        element = make_element(tags.parse_tag(name), item[name], tags=tags,
                               private_creator=private_creator, encoding=encoding)
        dataset[element.tag] = element
    return dataset


def _cast(tag: BaseTag, vr: str, payload: str | bytes, tags: TagDictionary,
          encoding: str) -> DataElement:
    if tag.group == 0xFFFE:
        raise _Unfit("item and delimitation tags cannot be set")
    if vr in _TEXT_VRS:
        text = payload if isinstance(payload, str) else _decode(payload, vr, encoding)
        return _text_element(tag, vr, text)
    if vr not in _NUMERIC_VRS:  # OB, OW, UN and VRs nobody knows
        data = payload if isinstance(payload, bytes) else payload.encode(encoding, "ignore")
        return _bytes_element(tag, vr, data)
    text = payload.decode("latin_1") if isinstance(payload, bytes) else payload
    if text == "":
        return DataElement(tag, resolve_vr(vr), None)
    if vr == "AT":
        return DataElement(tag, "AT", [tags.parse_tag(part) for part in text.split("\\")])
    if vr in _PACKED_VRS:
        rule, code = _PACKED_VRS[vr]
        numbers = _parse_numbers(rule, text)
        numbers = numbers if isinstance(numbers, list) else [numbers]
        return DataElement(tag, vr, struct.pack(f"<{len(numbers)}{code}", *numbers))
    if vr in _XS_VRS:
        numbers = [_parse_integer(part, -(2**15), 2**16 - 1, False) for part in text.split("\\")]
        if min(numbers) < 0 and max(numbers) >= 2**15:
            raise _Unfit("mixes negative values and values above 32767")
        vr = "SS" if min(numbers) < 0 else "US"
        return DataElement(tag, vr, numbers[0] if len(numbers) == 1 else numbers)
    return DataElement(tag, vr, _parse_numbers(vr, text))


def _decode(data: bytes, vr: str, encoding: str) -> str:
    codec = "latin_1" if vr in _DEFAULT_REPERTOIRE_VRS else encoding
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise _Unfit(f"the bytes are not valid {codec}") from None


def _text_element(tag: BaseTag, vr: str, text: str) -> DataElement:
    """A text element equal to what pydicom reads back once it is written."""
    text = text.split("\0", 1)[0]
    if vr in _DEFAULT_REPERTOIRE_VRS:
        try:
            text.encode("latin_1")
        except UnicodeEncodeError:
            raise _Unfit("characters outside Latin-1 in a default-repertoire VR") from None
    if vr in _SINGLE_TEXT_VRS:
        value: str | list[str] = text.rstrip() if vr == "UR" else text.rstrip(" ")
        # UT carries the text so that pydicom does not split UR on backslashes.
        return _unconverted(tag, vr, value)
    if vr == "AE":
        parts = [part.strip() for part in text.split("\\")]
    elif vr in ("LO", "SH", "UC"):
        parts = [part.rstrip(" ") for part in text.split("\\")]
    else:
        parts = (text.strip() if vr == "DS" else text.rstrip(" ")).split("\\")
    value = parts[0] if len(parts) == 1 else parts
    if value == "":
        return DataElement(tag, vr, empty_value_for_VR(vr))
    try:
        return DataElement(tag, vr, value, validation_mode=config.IGNORE)
    except OverflowError:  # IS "INF": pydicom could not read such a file back
        raise _Unfit("an infinite value for an integer string") from None
    except ValueError:
        # DS/IS text that is not a number: pydicom keeps such values as text
        # (as when it reads them from a file) and writes them unchanged. It
        # reads them back in the dataset's character set: ASCII only.
        if not text.isascii():
            raise _Unfit("characters outside ASCII in a value that is not a number") from None
        parts = [part.rstrip(" ") for part in parts]
        return _unconverted(tag, vr, parts[0] if len(parts) == 1 else parts)


def _unconverted(tag: BaseTag, vr: str, value: str | list[str]) -> DataElement:
    element = DataElement(tag, "UT", value, validation_mode=config.IGNORE)
    element.VR = vr
    return element


def _bytes_element(tag: BaseTag, vr: str, data: bytes) -> DataElement:
    if vr == "OW":
        if len(data) % 2:
            raise _Unfit("odd number of bytes")
    else:
        vr = "OB" if vr in _OB_VRS else "UN"
        if len(data) % 2:
            data += b"\0"
    return DataElement(tag, vr, data or empty_value_for_VR(vr))


def _parse_numbers(vr: str, text: str) -> int | float | list[int] | list[float]:
    """The numbers of ``text`` for the integer or float VR ``vr`` (one, or a list)."""
    if vr in _FLOAT_VRS:
        return _parse_float(text, _FLOAT_VRS[vr])
    low, high, wraps, multi = _INTEGER_VRS[vr]
    if not multi or "\\" not in text:
        return _parse_integer(text, low, high, wraps)
    # DCMTK parses multi-values itself, without the wrap of lexical_cast.
    return [_parse_integer(part, low, high, False) for part in text.split("\\")]


def _parse_integer(text: str, low: int, high: int, wraps: bool) -> int:
    if _INTEGER.fullmatch(text) is None:
        raise _Unfit()
    number = int(text)
    if wraps and -high <= number < 0:
        number += high + 1
    if not low <= number <= high:
        raise _Unfit()
    return number


def _parse_float(text: str, fmt: str) -> float:
    finite = _FLOAT.fullmatch(text) is not None
    if not finite and _NOT_FINITE.fullmatch(text) is None:
        raise _Unfit()
    number: float = float(text)
    try:
        number = struct.unpack(fmt, struct.pack(fmt, number))[0]
    except OverflowError:
        raise _Unfit() from None
    if finite and math.isinf(number):
        raise _Unfit()
    return number


