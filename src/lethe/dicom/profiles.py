"""The de-identification profiles: PS3.15 Table E.1-1 as applied by Orthanc.

A profile is chosen by the ``DicomVersion`` option of an anonymization (``2008``, ``2017c``,
``2021b`` or ``2023b``). Its contents are package data (``profiles/orthanc-<version>.json``,
described in ``profiles/README.md``); this module turns one file into a :class:`Profile`, once
per process.

Each table entry has one action:

* ``remove``: the tag goes into :attr:`Profile.removals`; the repeating-group patterns
  ``(50xx,xxxx)``, ``(60xx,3000)`` and ``(60xx,4000)`` into :attr:`Profile.removed_ranges`;
* ``clear``: :attr:`Profile.clearings` (zero-length value);
* ``uid``: :attr:`Profile.uids` (consistent remapping), including the Study, Series and SOP
  Instance UID entries;
* ``keep``: ReferencedImageSequence and SourceImageSequence (PS3.15 ``X/Z/U*``): kept, their
  content handled by the nested rules. Public tags not in the table are kept too;
* ``dummy``: PatientName, PatientID, PatientIdentityRemoved and DeidentificationMethod, which the
  engine replaces itself; they are in none of the sets.

Every table also carries the private-tag rule (all odd-group tags removed unless the request
keeps them); it is implicit in every profile and has no field.

Divergences of Lethe from Orthanc that the engine implements with these sets (they are recorded
here because they change what a profile means):

* Orthanc consults the removed ranges only inside sequences, so top-level curve data, overlay
  data and overlay comments survive its anonymization. Lethe follows PS3.15 and removes them at
  every level, top level included.
* The ranges cover the repeating groups, which are even groups only: an odd group such as
  (6001,xxxx) holds private tags, governed by the private-tag rule, not by a range. Orthanc's
  ranges also match the odd groups in between.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files

from pydicom.tag import BaseTag, Tag

from lethe.dicom.levels import Level
from lethe.dicom.rawread import interned_tag
from lethe.errors import ErrorCode, LetheError

DICOM_VERSIONS = ("2008", "2017c", "2021b", "2023b")
DEFAULT_DICOM_VERSION = "2023b"

_STUDY_INSTANCE_UID = Tag(0x0020, 0x000D)
_SERIES_INSTANCE_UID = Tag(0x0020, 0x000E)
_DEIDENTIFICATION_METHOD = Tag(0x0012, 0x0063)
# RT Structure Set: ReferencedFrameOfReferenceSequence > RTReferencedStudySequence >
# ReferencedSOPInstanceUID holds a study UID, so it is mapped with the study map.
_RT_REFERENCED_STUDY_PARENTS = (Tag(0x3006, 0x0010), Tag(0x3006, 0x0012))
_REFERENCED_SOP_INSTANCE_UID = Tag(0x0008, 0x1155)


@dataclass(frozen=True)
class TagRange:
    """Tags of the even groups ``group_from..group_to`` with elements ``element_from..element_to``
    (bounds included)."""

    group_from: int
    group_to: int
    element_from: int
    element_to: int

    def contains(self, tag: int) -> bool:
        """Whether ``tag`` lies in the range."""
        group, element = tag >> 16, tag & 0xFFFF
        return (group % 2 == 0 and self.group_from <= group <= self.group_to
                and self.element_from <= element <= self.element_to)


@dataclass(frozen=True)
class Profile:
    """One edition of the basic profile: which tags are removed, cleared or remapped."""

    version: str
    removals: frozenset[BaseTag]
    clearings: frozenset[BaseTag]
    uids: frozenset[BaseTag]
    removed_ranges: tuple[TagRange, ...]
    method: str
    """The profile's part of DeidentificationMethod, e.g.
    ``PS 3.15-2023b Table E.1-1 Basic Profile`` (2008: ``PS 3.15-2008 Table E.1-1``)."""

    def __reduce__(self) -> tuple[Callable[[str], Profile], tuple[str]]:
        """Pickled by version: a worker process loads its own copy once (a job sends its
        request to every worker, and the tables are large)."""
        return load_profile, (self.version,)

    def in_removed_range(self, tag: int) -> bool:
        """Whether ``tag`` is curve data, overlay data or overlay comments (not in 2008)."""
        return tag >> 16 in self.range_groups and any(r.contains(tag)
                                                      for r in self.removed_ranges)

    @cached_property
    def range_groups(self) -> frozenset[int]:
        """The groups the removed ranges cover: most tags are told apart by their group."""
        return frozenset(group for r in self.removed_ranges
                         for group in range(r.group_from, r.group_to + 1))

    def uid_level(self, tag: int, parent_chain: Sequence[tuple[int, int]]) -> Level:
        """The map (study, series or instance) for the UID tag ``tag``.

        ``parent_chain`` lists the (sequence tag, item index) pairs from the top level down to the
        item holding the element; it is empty at top level. StudyInstanceUID uses the study map
        and SeriesInstanceUID the series map, wherever they are. Every other UID tag (the SOP
        Instance UID, references, frames of reference...) uses the instance map, except a
        ReferencedSOPInstanceUID exactly at ReferencedFrameOfReferenceSequence >
        RTReferencedStudySequence > ReferencedSOPInstanceUID, which holds a study UID (RT
        Structure Set) and uses the study map (spec 3.3).
        """
        if tag == _STUDY_INSTANCE_UID:
            return Level.STUDY
        if tag == _SERIES_INSTANCE_UID:
            return Level.SERIES
        if (tag == _REFERENCED_SOP_INSTANCE_UID
                and tuple(step[0] for step in parent_chain) == _RT_REFERENCED_STUDY_PARENTS):
            return Level.STUDY
        return Level.INSTANCE


def load_profile(version: str) -> Profile:
    """The profile of ``version``, read once per process.

    Parameters
    ----------
    version : str
        One of :data:`DICOM_VERSIONS` (the ``DicomVersion`` option of an anonymization).

    Returns
    -------
    Profile
        The removals, clearings and remapped UIDs of that edition of PS3.15 Table E.1-1.

    Raises
    ------
    lethe.errors.LetheError
        ``PARAMETER_OUT_OF_RANGE`` for an unknown version (Orthanc's error, whose details echo
        the version).
    """
    if version not in DICOM_VERSIONS:
        raise LetheError(ErrorCode.PARAMETER_OUT_OF_RANGE,
                         f"Unknown specific version of the DICOM standard: {version}")
    return _read_profile(version)


@cache
def _read_profile(version: str) -> Profile:
    resource = files("lethe.dicom") / "profiles" / f"orthanc-{version}.json"
    entries = json.loads(resource.read_text(encoding="utf-8"))
    sets: dict[str, set[BaseTag]] = {"remove": set(), "clear": set(), "uid": set()}
    ranges: list[TagRange] = []
    method = ""
    for entry in entries:
        action = entry["action"]
        if entry.get("pattern") == "private":
            continue
        if "range" in entry:
            if action != "remove":
                raise ValueError(f"profile {version}: range {entry['tag']} is not removed")
            ranges.append(_parse_range(entry["range"]))
            continue
        tag = _parse_tag(entry["tag"])
        if action in sets:
            sets[action].add(tag)
        elif action == "dummy" and tag == _DEIDENTIFICATION_METHOD:
            method = entry["value"].split(" - ", 1)[1]
        elif action not in ("dummy", "keep"):
            raise ValueError(f"profile {version}: unknown action {action!r} for {entry['tag']}")
    if not method:
        raise ValueError(f"profile {version}: no DeidentificationMethod entry")
    return Profile(version=version, removals=frozenset(sets["remove"]),
                   clearings=frozenset(sets["clear"]), uids=frozenset(sets["uid"]),
                   removed_ranges=tuple(ranges), method=method)


def _parse_tag(text: str) -> BaseTag:
    """The tag ``(gggg,eeee)``, interned with the tags of the files read
    (:func:`lethe.dicom.rawread.interned_tag`: the engine's set lookups then find the same
    objects)."""
    group, element = text.strip("()").split(",")
    return interned_tag(int(group, 16) << 16 | int(element, 16))


def _parse_range(spec: dict[str, str]) -> TagRange:
    return TagRange(int(spec["group_from"], 16), int(spec["group_to"], 16),
                    int(spec["element_from"], 16), int(spec["element_to"], 16))
