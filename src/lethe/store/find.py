"""``/tools/find``: searching the index by main DICOM tags, with Orthanc's matching rules.

The matching rules of each constraint are those of
:class:`lethe.dicom.maintags.FindConstraint` (Orthanc 1.10.1's). A
constraint is checked against the main tags of the resource and of its
ancestors; a constraint on a tag that is not a main tag of those levels
matches nothing. ``ModalitiesInStudy`` (Study level) matches when any series
of the study has one of the modalities.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydicom.tag import Tag

from lethe.dicom.dicomjson import tag_name
from lethe.dicom.maintags import MODALITIES_IN_STUDY, FindConstraint
from lethe.dicom.tags import DEFAULT_TAGS
from lethe.errors import bad_request, out_of_range
from lethe.store.index import Index
from lethe.store.model import IDENTIFIER_OF_LEVEL, Level


@dataclass(frozen=True)
class FindQuery:
    """A parsed ``/tools/find`` body."""

    level: Level
    constraints: tuple[FindConstraint, ...]
    modalities: FindConstraint | None = None
    expand: bool = False
    limit: int = 0
    since: int = 0

    @classmethod
    def parse(cls, body: dict[str, Any]) -> FindQuery:
        """Validate the JSON body; errors name the field and the value."""
        level_text = body.get("Level")
        if not isinstance(level_text, str):
            raise bad_request('the field "Level" must be a string naming a resource level')
        try:
            level = Level.parse(level_text)
        except ValueError:
            raise out_of_range(f'unknown resource level: "{level_text}"') from None
        query = body.get("Query")
        if not isinstance(query, dict):
            raise bad_request('the field "Query" must be a JSON object')
        case_sensitive = _bool(body, "CaseSensitive", False)
        constraints, modalities = [], None
        for name, pattern in query.items():
            if not isinstance(pattern, str):
                raise bad_request(f'the constraint on "{name}" must be a string, got {pattern!r}')
            tag = Tag(DEFAULT_TAGS.parse_tag(name))
            constraint = FindConstraint.parse(tag, pattern, case_sensitive=case_sensitive)
            if constraint is None:
                continue
            if tag == MODALITIES_IN_STUDY:
                modalities = constraint
            else:
                constraints.append(constraint)
        return cls(level, tuple(constraints), modalities, _bool(body, "Expand", False),
                   _int(body, "Limit"), _int(body, "Since"))


def _bool(body: dict, name: str, default: bool) -> bool:
    value = body.get(name, default)
    if not isinstance(value, bool):
        raise bad_request(f'the field "{name}" must be a Boolean, got {value!r}')
    return value


def _int(body: dict, name: str) -> int:
    value = body.get(name, 0)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise bad_request(f'the field "{name}" must be a non-negative integer, got {value!r}')
    return value


def _matches_modalities(index: Index, study_id: str, constraint: FindConstraint) -> bool:
    return any(constraint.matches(index.main_tags(series).get("Modality"))
               for series in index.children(study_id))


def _identified(query: FindQuery) -> tuple[Level, tuple[str, ...]] | None:
    """The deepest level (up to the query's) whose identifier a constraint fixes, with its
    values: an equal or list constraint on PatientID, StudyInstanceUID... matches only
    resources whose normalized identifier is one of the normalized values, so the index
    can find the candidates. None if no constraint fixes an identifier."""
    names = {tag_name(c.tag): c for c in query.constraints if c.kind in ("equal", "list")}
    for level in reversed(Level):
        constraint = names.get(IDENTIFIER_OF_LEVEL[level])
        if level <= query.level and constraint is not None:
            return level, constraint.values
    return None


def find(index: Index, query: FindQuery) -> list[str]:
    """Orthanc IDs of the resources matching ``query``, in creation order."""
    if query.modalities is not None and query.level is not Level.STUDY:
        return []
    found = []
    for rid, tags in index.search(query.level, _identified(query)):
        if not all(c.matches(tags.get(tag_name(c.tag))) for c in query.constraints):
            continue
        if query.modalities is not None and not _matches_modalities(index, rid, query.modalities):
            continue
        found.append(rid)
    found = found[query.since:]
    return found[:query.limit] if query.limit else found
