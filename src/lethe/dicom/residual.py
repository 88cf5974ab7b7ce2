"""Residual-identity check: does an anonymized data set still carry identifying source values?

:func:`find_residual_identity` compares a source data set with its anonymized output and reports
every place of the output whose value contains an identifying value of the source. It is a
verification tool (tests, audits), independent of how the output was produced.

Identifying source values are the string values, at any depth of the source, of the public tags
the profile removes, clears or remaps (removals, clearings, uids, the curve/overlay ranges) and
of PatientName and PatientID: names, IDs, dates, accession numbers, institutions, physicians,
descriptions, original UIDs. Multi-valued elements give one value per component; a person name
also gives its family, given and middle name components. Private tags of the source are not a
source of identifying values (their meaning is unknown, and most hold vendor constants).

Values that identify nobody are ignored, to avoid false positives:

* values shorter than 3 characters once leading/trailing spaces and NULs are stripped
  (including empty values);
* generic words (``NONE``, ``UNKNOWN``, ``ANONYMOUS``, ``YES``, ``N/A``...), pseudonyms of the
  form ``Anonymized<N>``, and values made only of zeros and punctuation (``000000``, ``0.0``);
* standard DICOM UIDs (``1.2.840.10008.*``), such as coding scheme or transfer syntax UIDs.

Only the data sets are compared: the file meta information (group 0002) is not the engine's (it
is regenerated when the file is written) and is not looked at.

Where the output is searched: every element at any depth, private blocks included, string values
and the bytes of OB/OW/UN values decoded as Latin-1 (best effort; a non-ASCII value is also
looked for in its UTF-8 form). Pixel data (group 7FE0), overlay data (60xx,3000) and curve data
(50xx,3000) are images, not text, and are not searched. An output element is not searched when
the profile keeps it and the source holds the same value at the same place (a public tag outside
the profile's sets): the profile itself decided to keep that value.

A value is found when it occurs in the output text, case-insensitively, as a whole token: the
characters around it must not be letters or digits (for UIDs, numbers and times: not digits or
dots, so ``1.2.3`` is not found inside ``1.2.34``; for dates, no digit before it, so a date is
found at the start of a date-time).

The leaked values are never put in exceptions, logs or a :class:`Leak`'s text form; a leak names
the output location and the source tag.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from pydicom.datadict import keyword_for_tag
from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset
from pydicom.multival import MultiValue
from pydicom.tag import BaseTag, Tag

from lethe.dicom.profiles import Profile
from lethe.dicom.tags import format_tag

_PATIENT_NAME = Tag(0x0010, 0x0010)
_PATIENT_ID = Tag(0x0010, 0x0020)
_MIN_LENGTH = 3
_GENERIC = frozenset({
    "none", "unknown", "unk", "anonymous", "anon", "anonymized", "anonymised", "null", "nil",
    "n/a", "not applicable", "yes", "no", "true", "false", "other", "removed", "empty",
})
_GENERIC_PATTERN = re.compile(r"anonymi[sz]ed\d*|[0\s.,:;/\\^+_-]*", re.IGNORECASE)
_STANDARD_UID_PREFIX = "1.2.840.10008."
_BINARY_VRS = frozenset({"OB", "OW", "UN"})
_NON_TEXT_VRS = frozenset({"AT", "FD", "FL", "OD", "OF", "OL", "OV", "SL", "SS", "SV", "UL",
                           "US", "UV", "US or SS", "OB or OW", "US or OW", "US or SS or OW"})
_KIND_OF_VR = {"PN": "name", "UI": "uid", "DA": "date", "DT": "date", "TM": "time",
               "DS": "number", "IS": "number"}
# Characters that may not touch a found value, per kind of value.
_BOUNDS = {"uid": ("[0-9.]", "[0-9.]"), "number": ("[0-9.]", "[0-9.]"),
           "time": ("[0-9.]", "[0-9.]"), "date": ("[0-9]", None)}
_TEXT_BOUNDS = ("[0-9a-z]", "[0-9a-z]")


class IdentifyingTags(Protocol):
    """Which public tags of a source hold identifying values: a :class:`Profile` (its
    removals, clearings, UIDs and ranges, PatientName and PatientID), or what one request
    removes, empties, replaces or shifts (:func:`lethe.dicom.verify.request_identity`)."""

    def is_identifying(self, tag: BaseTag) -> bool:
        """Whether the source values of ``tag`` identify."""

@dataclass(frozen=True)
class Leak:
    """An identifying source value found in the output.

    ``path`` locates the output element (``ReferencedStudySequence[0].(0009,1001)``: keywords
    for public tags, ``(gggg,eeee)`` otherwise); ``source_tag`` names the source tag that held
    the value (keyword, else ``gggg,eeee``): the output element's own tag if it held the value
    in the source, else the first one that did; ``kind`` is ``name``, ``uid``, ``date``, ``time``,
    ``number`` or ``text``. ``value`` is the leaked value itself, for the caller's own use: it is
    left out of the text form so that logging a leak does not log patient data.
    """

    path: str
    source_tag: str
    kind: str
    value: str = field(repr=False, compare=False)


@dataclass(frozen=True)
class Needle:
    """One identifying source value, and the pattern that finds it in text (see the module
    docstring); :mod:`lethe.dicom.clean` also uses it to scrub text."""

    value: str
    folded_forms: tuple[str, ...]  # quick substring test before the pattern
    kind: str
    source_tags: tuple[str, ...]  # every source tag holding the value, in data set order
    pattern: re.Pattern[str]


def find_residual_identity(source: Dataset, output: Dataset,
                           profile: Profile | IdentifyingTags) -> list[Leak]:
    """Every output location holding an identifying value of ``source``.

    The module docstring says which source values identify, where the output is searched and
    how a value is matched.

    Parameters
    ----------
    source : pydicom.dataset.Dataset
        The data set before anonymization.
    output : pydicom.dataset.Dataset
        The anonymized data set (or a file read from the output).
    profile : Profile or IdentifyingTags
        The profile the anonymization applied (``ModificationRequest.profile``): its
        removals, clearings and UIDs are the identifying tags of ``source``; or any object
        that says which tags identify (:class:`IdentifyingTags`), such as what one request
        changes (:func:`lethe.dicom.verify.request_identity`).

    Returns
    -------
    list of Leak
        One per output location and source tag, in output order; empty when nothing leaks.
        A value the request kept on purpose (``Keep``) is reported too.
    """
    needles = identifying_values(source, profile)
    if not needles:
        return []
    leaks: list[Leak] = []
    for path, tag, text in _searchable_texts(output, source, profile, ""):
        folded = text.casefold()
        own = _tag_name(tag, brackets=False)
        reported: set[str] = set()
        for needle in needles:  # longest first: a full name wins over its components
            if not (any(form in folded for form in needle.folded_forms)
                    and needle.pattern.search(text)):
                continue
            source_tag = own if own in needle.source_tags else needle.source_tags[0]
            if source_tag not in reported:
                reported.add(source_tag)
                leaks.append(Leak(path, source_tag, needle.kind, needle.value))
    return leaks


def identifying_values(source: Dataset, profile: Profile | IdentifyingTags) -> list[Needle]:
    """The identifying values of ``source`` (public tags that ``profile`` says identify, at
    any depth; trivial values left out), one needle per distinct value, longest first."""
    found: dict[str, tuple[str, str, list[str]]] = {}  # folded value: value, kind, tags
    for elem in _elements(source):
        if elem.tag.is_private or not _is_identifying_tag(elem.tag, profile):
            continue
        kind = _KIND_OF_VR.get(elem.VR, "text")
        name = _tag_name(elem.tag, brackets=False)
        for value in _values_of(elem):
            if not _is_trivial(value, kind):
                tags = found.setdefault(value.casefold(), (value, kind, []))[2]
                if name not in tags:
                    tags.append(name)
    needles = [_needle(value, kind, tuple(tags)) for value, kind, tags in found.values()]
    return sorted(needles, key=lambda n: -len(n.value))


def _is_identifying_tag(tag: BaseTag, profile: Profile | IdentifyingTags) -> bool:
    if not isinstance(profile, Profile):
        return profile.is_identifying(tag)
    return (tag in profile.removals or tag in profile.clearings or tag in profile.uids
            or tag in (_PATIENT_NAME, _PATIENT_ID) or profile.in_removed_range(tag))


def _elements(dataset: Dataset) -> Iterator[DataElement]:
    """Every element of ``dataset`` at any depth, images excepted."""
    for tag in _text_tags(dataset):
        elem = dataset[tag]
        if elem.VR == "SQ":
            for item in elem.value:
                yield from _elements(item)
        else:
            yield elem


def _values_of(elem: DataElement) -> list[str]:
    """The stripped string values of a source element (person names also give components).

    Binary values are not text, except those of VR UN (a text element of unknown VR).
    """
    raw = elem.value
    if elem.VR in _NON_TEXT_VRS or raw is None or (isinstance(raw, bytes) and elem.VR != "UN"):
        return []
    if isinstance(raw, bytes):
        components = [raw.decode("latin-1")]
    elif isinstance(raw, list | MultiValue):
        components = list(raw)
    else:
        components = [raw]
    values = []
    for component in components:
        text = str(component)
        values.append(text)
        if elem.VR == "PN":
            for group in text.split("="):
                values.extend(group.split("^")[:3])
    return [v.strip(" \x00") for v in values]


def _is_trivial(value: str, kind: str) -> bool:
    return (len(value) < _MIN_LENGTH or value.casefold() in _GENERIC
            or _GENERIC_PATTERN.fullmatch(value) is not None
            or (kind == "uid" and value.startswith(_STANDARD_UID_PREFIX)))


def _needle(value: str, kind: str, source_tags: tuple[str, ...]) -> Needle:
    before, after = _BOUNDS.get(kind, _TEXT_BOUNDS)
    forms = {value, value.encode("utf-8").decode("latin-1")}
    body = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    pattern = f"(?<!{before})(?:{body})" + (f"(?!{after})" if after else "")
    folded_forms = tuple(form.casefold() for form in forms)
    return Needle(value, folded_forms, kind, source_tags, re.compile(pattern, re.IGNORECASE))


def _searchable_texts(output: Dataset, source: Dataset | None,
                      profile: Profile | IdentifyingTags,
                      prefix: str) -> Iterator[tuple[str, BaseTag, str]]:
    """(path, tag, text) of every output element to search, walking the source alongside."""
    for tag in _text_tags(output):
        elem = output[tag]
        path = prefix + _tag_name(tag, brackets=True)
        original = source[tag] if source is not None and tag in source else None
        if elem.VR == "SQ":
            source_items = original.value if original is not None and original.VR == "SQ" else []
            for index, item in enumerate(elem.value):
                twin = source_items[index] if index < len(source_items) else None
                yield from _searchable_texts(item, twin, profile, f"{path}[{index}].")
        elif not _kept_by_profile(elem, original, profile):
            text = _text_of(elem)
            if text:
                yield path, tag, text


def _kept_by_profile(elem: DataElement, original: DataElement | None,
                     profile: Profile | IdentifyingTags) -> bool:
    return (original is not None and not elem.tag.is_private
            and not _is_identifying_tag(elem.tag, profile) and elem.value == original.value)


def _text_of(elem: DataElement) -> str:
    """The whole value of an output element as text ("" for numbers and binary non-text)."""
    if elem.VR in _NON_TEXT_VRS or elem.value is None:
        return ""
    if isinstance(elem.value, bytes):
        return elem.value.decode("latin-1") if elem.VR in _BINARY_VRS else ""
    if isinstance(elem.value, list | MultiValue):
        return "\\".join(str(v) for v in elem.value)
    return str(elem.value)


def _text_tags(dataset: Dataset) -> list[BaseTag]:
    """The tags of ``dataset`` (iterating a Dataset yields elements), images excepted:
    pixel data (group 7FE0), overlay data (60xx,3000) and curve data (50xx,3000)."""
    return [tag for tag in dataset.keys()  # noqa: SIM118
            if tag >> 16 != 0x7FE0 and not (0x5000 <= tag >> 16 <= 0x60FF
                                             and tag & 0xFFFF == 0x3000)]


def _tag_name(tag: BaseTag, *, brackets: bool) -> str:
    keyword = "" if tag.is_private else keyword_for_tag(tag)
    if keyword:
        return keyword
    return f"({format_tag(tag)})" if brackets else format_tag(tag)
