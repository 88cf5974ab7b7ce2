"""The options of PS3.15's confidentiality profile (Table E.1-1's option columns), as data.

An anonymization request may name options (``"Options": ["RetainSafePrivate", ...]``); each
changes what the basic profile does to the tags its column of Table E.1-1 names:

* ``K`` (keep): the tag is kept as it is;
* ``C`` (clean): the tag is kept, cleaned of what identifies: dates and date-times are shifted
  by the patient's date shift (:mod:`lethe.dicom.dates`; only with
  ``RetainLongitudinalModifiedDates``, else the basic action stays), times are kept (the shift
  is a whole number of days), sequences are kept and their items handled by the nested rules
  of the profile, and text has every identifying value of the instance (the values the request
  removes, empties or replaces: names, IDs, dates, UIDs...) replaced by ``X``
  (:mod:`lethe.dicom.clean`). Other values are kept.

Where two chosen options disagree on a tag, ``C`` wins over ``K`` (the more protective action);
``RetainLongitudinalFullDates`` and ``RetainLongitudinalModifiedDates`` cannot be chosen
together. ``Keep``, ``Replace`` and ``Remove`` of the request still win over the options, as
over the profile. The options of each DicomVersion are package data
(``profiles/options-<version>.json``) and the safe private attributes of Table E.3.10-1
(``profiles/safe-private.json``), both made by ``tools/generate_ps315_options.py``, which
names their source.

Beyond the columns:

* ``RetainUIDs`` also keeps StudyInstanceUID, SeriesInstanceUID and SOPInstanceUID (no new UIDs
  at all; PatientID still gets its pseudonym);
* ``RetainSafePrivate`` keeps, at any depth, the private elements that Table E.3.10-1 lists
  for their block's private creator, and the creator elements of those blocks;
* ``CleanGraphics`` keeps curves, overlays (the whole overlay group) and graphic annotations,
  their text cleaned.

An anonymization whose request has the ``Options`` field (an empty list included) also gets
DeidentificationMethodCodeSequence (0012,0064), the CID 7050 codes of the basic profile and of
each option applied, and LongitudinalTemporalInformationModified (0028,0303): ``MODIFIED`` with
``RetainLongitudinalModifiedDates``, ``UNMODIFIED`` with ``RetainLongitudinalFullDates``,
``REMOVED`` otherwise, as PS3.15 E.1.1 asks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from pydicom.datadict import dictionary_VR
from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence
from pydicom.tag import BaseTag, Tag

from lethe.errors import bad_request

# Option name -> (CID 7050 code value, code meaning), in the order the code sequence lists them.
OPTIONS: dict[str, tuple[str, str]] = {
    "CleanGraphics": ("113103", "Clean Graphics Option"),
    "CleanStructuredContent": ("113104", "Clean Structured Content Option"),
    "CleanDescriptors": ("113105", "Clean Descriptors Option"),
    "RetainLongitudinalFullDates": (
        "113106", "Retain Longitudinal Temporal Information Full Dates Option"),
    "RetainLongitudinalModifiedDates": (
        "113107", "Retain Longitudinal Temporal Information Modified Dates Option"),
    "RetainPatientCharacteristics": ("113108", "Retain Patient Characteristics Option"),
    "RetainDeviceIdentity": ("113109", "Retain Device Identity Option"),
    "RetainUIDs": ("113110", "Retain UIDs Option"),
    "RetainSafePrivate": ("113111", "Retain Safe Private Option"),
    "RetainInstitutionIdentity": ("113112", "Retain Institution Identity Option"),
}
BASIC_PROFILE = ("113100", "Basic Application Confidentiality Profile")
DEIDENTIFICATION_METHOD_CODE_SEQUENCE = Tag(0x0012, 0x0064)
LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED = Tag(0x0028, 0x0303)
_DATE_VRS = frozenset({"DA", "DT"})
_RANGE_PATTERNS = frozenset({"(50xx,xxxx)", "(60xx,3000)", "(60xx,4000)"})


@dataclass(frozen=True)
class OptionEffects:
    """What the chosen options change in a profile.

    ``names`` are the options in :data:`OPTIONS` order; ``kept`` the tags an option keeps,
    ``cleaned`` those it cleans (both out of the profile's sets); the flags say what the
    options do beyond single tags.
    """

    names: tuple[str, ...]
    kept: frozenset[BaseTag]
    cleaned: frozenset[BaseTag]
    retain_uids: bool
    keeps_ranges: bool
    safe_private: bool
    shift_dates: bool
    full_dates: bool

    @property
    def temporal_information(self) -> str:
        """The value of LongitudinalTemporalInformationModified for these options."""
        if self.shift_dates:
            return "MODIFIED"
        return "UNMODIFIED" if self.full_dates else "REMOVED"


def parse_options(value: object) -> tuple[str, ...]:
    """The ``Options`` field of a request: option names, each once, in :data:`OPTIONS` order.

    Raises
    ------
    lethe.errors.LetheError
        ``BAD_REQUEST`` naming the field and the value: not a list of strings, an unknown
        option, or both longitudinal options.
    """
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise bad_request('"Options" must be a list of option names')
    unknown = [v for v in value if v not in OPTIONS]
    if unknown:
        raise bad_request(f'Unknown option in "Options": {unknown[0]!r} (known: '
                          f"{', '.join(OPTIONS)})")
    if {"RetainLongitudinalFullDates", "RetainLongitudinalModifiedDates"} <= set(value):
        raise bad_request('"Options" cannot hold both RetainLongitudinalFullDates and '
                          "RetainLongitudinalModifiedDates")
    return tuple(name for name in OPTIONS if name in value)


def resolve_options(names: tuple[str, ...], version: str) -> OptionEffects:
    """The effects of the options ``names`` on the profile of DicomVersion ``version``.

    Parameters
    ----------
    names : tuple of str
        Options, as :func:`parse_options` returns them.
    version : str
        The DicomVersion whose option columns apply.

    Returns
    -------
    OptionEffects
        The tags each chosen option keeps or cleans (``C`` wins over ``K``; a date cleaned
        without ``RetainLongitudinalModifiedDates`` keeps its basic action), and the flags.
    """
    chosen = set(names)
    shift_dates = "RetainLongitudinalModifiedDates" in chosen
    kept: set[BaseTag] = set()
    cleaned: set[BaseTag] = set()
    keeps_ranges = False
    for key, codes in option_table(version).items():
        actions = {code for option, code in codes.items() if option in chosen}
        if not actions:
            continue
        if key in _RANGE_PATTERNS:
            keeps_ranges = True
            continue
        tag = _parse_tag(key)
        if "C" in actions:
            if _dictionary_vr(tag) in _DATE_VRS and not shift_dates:
                continue
            cleaned.add(tag)
        else:
            kept.add(tag)
    return OptionEffects(names=names, kept=frozenset(kept), cleaned=frozenset(cleaned),
                         retain_uids="RetainUIDs" in chosen, keeps_ranges=keeps_ranges,
                         safe_private="RetainSafePrivate" in chosen, shift_dates=shift_dates,
                         full_dates="RetainLongitudinalFullDates" in chosen)


@cache
def option_table(version: str) -> dict[str, dict[str, str]]:
    """``{tag or pattern: {option: "K" or "C"}}`` of DicomVersion ``version`` (package data)."""
    resource = files("lethe.dicom") / "profiles" / f"options-{version}.json"
    entries = json.loads(resource.read_text(encoding="utf-8"))
    return {entry["tag"]: dict(entry["options"]) for entry in entries}


@cache
def safe_private_table() -> frozenset[tuple[int, str, int]]:
    """PS3.15 Table E.3.10-1: (group, private creator, element byte) of each safe attribute."""
    resource = files("lethe.dicom") / "profiles" / "safe-private.json"
    entries = json.loads(resource.read_text(encoding="utf-8"))
    return frozenset((int(e["group"], 16), e["creator"], int(e["element"], 16))
                     for e in entries)


@cache
def _safe_creators() -> frozenset[tuple[int, str]]:
    return frozenset((group, creator) for group, creator, _ in safe_private_table())


def is_safe_private(dataset: Dataset, tag: int) -> bool:
    """Whether the private element ``tag`` of ``dataset`` is a safe private attribute
    (Table E.3.10-1), or the private creator of a block that has such attributes.

    The block's private creator element is read from ``dataset`` (the data set or sequence
    item holding the element); an element whose block has no creator is not safe.
    """
    group, element = tag >> 16, tag & 0xFFFF
    if group % 2 == 0 or element < 0x10:
        return False
    if element <= 0xFF:
        return (group, _creator(dataset, tag)) in _safe_creators()
    creator = _creator(dataset, (group << 16) | (element >> 8))
    return (group, creator, element & 0xFF) in safe_private_table()


def _creator(dataset: Dataset, tag: int) -> str:
    element = dataset.get(tag)
    if element is None or element.value is None:
        return ""
    value = element.value
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    return str(value).strip(" \x00")


def code_sequence(names: tuple[str, ...]) -> DataElement:
    """DeidentificationMethodCodeSequence (0012,0064): the CID 7050 codes of the basic profile
    and of each option of ``names`` (coding scheme ``DCM``), in that order."""
    items = []
    for value, meaning in (BASIC_PROFILE, *(OPTIONS[name] for name in names)):
        item = Dataset()
        item.add_new(0x00080100, "SH", value)
        item.add_new(0x00080102, "SH", "DCM")
        item.add_new(0x00080104, "LO", meaning)
        items.append(item)
    return DataElement(DEIDENTIFICATION_METHOD_CODE_SEQUENCE, "SQ", Sequence(items))


def _parse_tag(text: str) -> BaseTag:
    group, element = text.strip("()").split(",")
    return Tag(int(group, 16), int(element, 16))


def _dictionary_vr(tag: BaseTag) -> str | None:
    try:
        return dictionary_VR(tag)
    except KeyError:
        return None
