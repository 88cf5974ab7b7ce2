"""Orthanc 1.10.1's main DICOM tags, and how ``/tools/find`` matches them.

Main tags are what the index stores per resource and what the resource JSON
shows as ``MainDicomTags`` (a study also shows ``PatientMainDicomTags``: the
patient tags of the study's own first instance, not those of the patient
resource). The lists are Orthanc's defaults before 1.11 (no
``ExtraMainDicomTags``). A value is Orthanc's string for the top-level element
(see :mod:`lethe.dicom.dicomjson`); absent, binary, sequence and null values,
and values longer than 256 UTF-8 bytes, are not stored.

``/tools/find`` in Orthanc 1.10.1 matches a constraint twice, and a resource
must pass both (see :class:`FindConstraint`):

1. in SQL against the stored value, or for *identifier* tags against
   :func:`normalize_identifier` of the value and of the query; case-insensitive
   comparisons fold ASCII letters only, ``*``/``?`` act as SQL ``%``/``_``;
2. in memory against the stored value, case-insensitive comparisons
   upper-casing both sides (accented letters included), wildcards as a regular
   expression matched in full.

The ``CaseSensitive`` body option (default false) applies to every VR.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydicom.dataset import Dataset
from pydicom.tag import BaseTag, Tag

from lethe.dicom.dicomjson import (
    DEFAULT_ENCODING,
    MAXIMUM_STRING_LENGTH,
    JsonFormat,
    detect_encoding,
    dictionary_entry,
    element_string,
    tag_name,
)
from lethe.dicom.levels import Level
from lethe.dicom.tags import format_tag
from lethe.errors import out_of_range


def _tags(*keywords: str) -> tuple[BaseTag, ...]:
    return tuple(Tag(keyword) for keyword in keywords)


MAIN_TAGS: dict[Level, tuple[BaseTag, ...]] = {
    Level.PATIENT: _tags(
        "PatientName", "PatientBirthDate", "PatientSex", "OtherPatientIDs", "PatientID"),
    Level.STUDY: _tags(
        "StudyDate", "StudyTime", "StudyID", "StudyDescription", "AccessionNumber",
        "StudyInstanceUID", "RequestedProcedureDescription", "InstitutionName",
        "RequestingPhysician", "ReferringPhysicianName"),
    Level.SERIES: _tags(
        "SeriesDate", "SeriesTime", "Modality", "Manufacturer", "StationName",
        "SeriesDescription", "BodyPartExamined", "SequenceName", "ProtocolName", "SeriesNumber",
        "CardiacNumberOfImages", "ImagesInAcquisition", "NumberOfTemporalPositions",
        "NumberOfSlices", "NumberOfTimeSlices", "SeriesInstanceUID", "ImageOrientationPatient",
        "SeriesType", "OperatorsName", "PerformedProcedureStepDescription",
        "AcquisitionDeviceProcessingDescription", "ContrastBolusAgent"),
    Level.INSTANCE: _tags(
        "InstanceCreationDate", "InstanceCreationTime", "AcquisitionNumber", "ImageIndex",
        "InstanceNumber", "NumberOfFrames", "TemporalPositionIdentifier", "SOPInstanceUID",
        "ImagePositionPatient", "ImageComments", "ImageOrientationPatient"),
}
"""The main tags of each level, in Orthanc's order: Orthanc 1.10.1's hand-written lists
(``PATIENT_MAIN_DICOM_TAGS``, ``STUDY_MAIN_DICOM_TAGS``, ``SERIES_MAIN_DICOM_TAGS`` and
``INSTANCE_MAIN_DICOM_TAGS`` in ``OrthancFramework/Sources/DicomFormat/DicomMap.cpp``), named
by their pydicom keywords."""

IDENTIFIER_TAGS: frozenset[BaseTag] = frozenset(_tags(
    "PatientID", "PatientName", "PatientBirthDate", "StudyInstanceUID", "AccessionNumber",
    "StudyDescription", "StudyDate", "SeriesInstanceUID", "SOPInstanceUID"))
"""Tags matched on normalized values in the SQL phase of /tools/find, at every query level."""

ANY_MAIN_TAG: frozenset[BaseTag] = frozenset(
    tag for level_tags in MAIN_TAGS.values() for tag in level_tags)
"""The main tags of every level."""

# Main tags a query at each level can constrain: its own and those of its ancestors
# (the patient tags are copied at the study level). Constraints on other tags
# need the DICOM files; constraints on tags of lower levels match nothing.
FIND_TAGS: dict[Level, frozenset[BaseTag]] = {
    level: frozenset(tag for upper in Level if upper <= level for tag in MAIN_TAGS[upper])
    for level in Level
}

MODALITIES_IN_STUDY = Tag("ModalitiesInStudy")
MODALITY = Tag("Modality")
RANGE_VRS = frozenset({"DA", "DT", "TM"})
WILDCARD_VRS = frozenset({"AE", "CS", "LO", "LT", "PN", "SH", "ST", "UC", "UR", "UT"})


def _check_level(level: Level) -> None:
    if not isinstance(level, Level):
        raise ValueError(f"unknown resource level: {level!r}")


def main_tags(ds: Dataset, level: Level, *, default_encoding: str = DEFAULT_ENCODING,
              encoding: tuple[str, bool] | None = None) -> dict[str, str]:
    """The main tags of ``level`` as Orthanc stores them for the resource created by ``ds``:
    name -> string value. ``encoding`` is a :func:`detect_encoding` result to reuse; it is detected when None."""
    _check_level(level)
    encoding = encoding or detect_encoding(ds, default_encoding)
    present = ds.keys()
    tags: dict[str, str] = {}
    for tag in MAIN_TAGS[level]:
        if tag not in present:
            continue
        value = element_string(ds, tag, encoding=encoding)
        if value is not None and len(value.encode("utf-8")) <= MAXIMUM_STRING_LENGTH:
            tags[tag_name(tag)] = value
    return tags


def main_tags_json(tags: Mapping[str, str], level: Level, fmt: JsonFormat = "simplify"
                   ) -> dict[str, Any]:
    """Stored main tags of ``level`` (name -> value) as a resource JSON shows them: by name
    (default, ``simplify``), by ``gggg,eeee`` (``?short``) or as ``{Name, Type, Value}``
    objects by ``gggg,eeee`` (``?full``)."""
    _check_level(level)
    if fmt == "simplify":
        return dict(tags)
    out: dict[str, Any] = {}
    for tag in MAIN_TAGS[level]:
        name = tag_name(tag)
        if name in tags:
            key = format_tag(tag)
            out[key] = tags[name] if fmt == "short" else {
                "Name": name, "Type": "String", "Value": tags[name]}
    return dict(sorted(out.items()))


def normalize_identifier(value: str) -> str:
    """Orthanc's normalized form of an identifier: ``%`` and ``_`` become spaces; non-ASCII,
    control and white-space characters other than space are removed; upper case; stripped."""
    if value.isascii() and value.isprintable():  # the usual case: nothing to remove
        return value.replace("%", " ").replace("_", " ").upper().strip(" ")
    kept = (" " if c in "%_" else c for c in value
            if c in "%_" or (c.isascii() and (c == " " or (c.isprintable() and not c.isspace()))))
    return "".join(kept).upper().strip(" ")


def upper_case_with_accents(value: str) -> str:
    """Upper case, accented letters included (one character for one)."""
    return "".join(u if len(u := c.upper()) == 1 else c for c in value)


def _ascii_lower(value: str) -> str:
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in value)


def _wildcard_regex(pattern: str) -> re.Pattern[str]:
    return re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c)
                              for c in pattern), re.DOTALL)


def wildcard_matches(value: str, pattern: str, case_sensitive: bool = True) -> bool:
    """Whether all of ``value`` matches ``pattern`` (``*`` any run, ``?`` one character).

    Case-insensitive matching upper-cases both sides, accented letters included.
    """
    if not case_sensitive:
        value, pattern = upper_case_with_accents(value), upper_case_with_accents(pattern)
    return _wildcard_regex(pattern).fullmatch(value) is not None


def dicom_date_range_matches(value: str, query: str) -> bool:
    """Whether ``value`` lies in the range ``query`` (``lower-upper``, either side may be
    empty) by plain string comparison, as Orthanc does for DA, DT and TM.

    The range splits at the first ``-``. Orthanc compares strings, so ``-2020``
    excludes ``20200315`` (longer than ``2020``) but includes an empty value.
    """
    lower, _, upper = query.partition("-")
    return _in_range(value, lower, upper)


def _in_range(value: str, lower: str, upper: str) -> bool:
    return (not lower or value >= lower) and (not upper or value <= upper)


ConstraintKind = Literal["equal", "range", "list", "wildcard"]


@dataclass(frozen=True)
class FindConstraint:
    """One ``Query`` entry of ``/tools/find``, parsed as Orthanc 1.10.1 does.

    ``values``: equal and wildcard hold one pattern; range holds (lower, upper),
    either possibly empty; list holds its items (taken literally).
    """

    tag: BaseTag
    kind: ConstraintKind
    values: tuple[str, ...]
    case_sensitive: bool = False

    @classmethod
    def parse(cls, tag: int, query: str, *, case_sensitive: bool = False
              ) -> FindConstraint | None:
        """The constraint of ``query`` on ``tag``; None when it constrains nothing.

        An empty query, or a range with both sides empty, constrains nothing.
        Ranges apply to DA, DT and TM; ``\\`` makes a list; ``*`` or ``?`` make a
        wildcard for AE, CS, LO, LT, PN, SH, ST, UC, UR and UT. ModalitiesInStudy
        constrains Modality. Raises ``Parameter out of range`` for a wildcard
        character anywhere else (except in list items).
        """
        tag = Tag(tag)
        if query == "":
            return None
        entry = dictionary_entry(tag)
        vr = entry[0] if entry is not None else "UN"
        if vr in RANGE_VRS and "-" in query:
            lower, _, upper = query.partition("-")
            if not lower and not upper:
                return None
            _no_wildcard(tag, lower + upper, query)
            return cls(tag, "range", (lower, upper), case_sensitive)
        if tag == MODALITIES_IN_STUDY:
            tag, vr = MODALITY, "CS"
        if "\\" in query:
            return cls(tag, "list", tuple(query.split("\\")), case_sensitive)
        if vr in WILDCARD_VRS and ("*" in query or "?" in query):
            return cls(tag, "wildcard", (query,), case_sensitive)
        _no_wildcard(tag, query, query)
        return cls(tag, "equal", (query,), case_sensitive)

    def matches(self, value: str | None) -> bool:
        """Whether a resource whose main tag has ``value`` (None: absent) passes."""
        if value is None:
            return False
        return self._database_match(value) and self._memory_match(value)

    def matches_in_file(self, value: str | None) -> bool:
        """Whether an instance whose file has ``value`` for this tag (None: absent, or no
        string: a sequence, binary) passes: Orthanc's check of a tag that is no main tag,
        read from the file of one instance of each candidate."""
        return value is not None and self._memory_match(value)

    def _database_match(self, value: str) -> bool:
        values = self.values
        if self.tag in IDENTIFIER_TAGS:
            value, values = normalize_identifier(value), tuple(map(normalize_identifier, values))
        if self.kind == "wildcard":
            pattern = values[0]
            if pattern == "*":
                return True
            if not self.case_sensitive:
                value, pattern = _ascii_lower(value), _ascii_lower(pattern)
            return _wildcard_regex(pattern).fullmatch(value) is not None
        if not self.case_sensitive:
            value, values = _ascii_lower(value), tuple(map(_ascii_lower, values))
        return _compare(self.kind, value, values)

    def _memory_match(self, value: str) -> bool:
        if self.kind == "wildcard":
            return wildcard_matches(value, self.values[0], self.case_sensitive)
        values = self.values
        if not self.case_sensitive:
            value, values = upper_case_with_accents(value), tuple(
                map(upper_case_with_accents, values))
        return _compare(self.kind, value, values)


def _compare(kind: ConstraintKind, value: str, values: tuple[str, ...]) -> bool:
    if kind == "range":
        return _in_range(value, *values)
    if kind == "list":
        return value in values
    return value == values[0]


def _no_wildcard(tag: BaseTag, text: str, query: str) -> None:
    if "*" in text or "?" in text:
        raise out_of_range(f"wildcards are not allowed in a query on tag {tag_name(tag)} "
                           f"({tag.group:04x},{tag.element:04x}) with this value "
                           f"representation: \"{query}\"")
