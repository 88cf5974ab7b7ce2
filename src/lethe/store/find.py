"""``/tools/find``: searching the index by main DICOM tags, with Orthanc's matching rules.

The matching rules of each constraint are those of
:class:`lethe.dicom.maintags.FindConstraint` (Orthanc 1.10.1's). A
constraint on a main tag is checked against the main tags of the resource
and of its ancestors; one on a main tag of a lower level matches nothing.
As in Orthanc, when a constraint is on a tag that is no main tag at all, it
and those on main tags of lower levels are checked against the DICOM file of
one instance of each resource that passes the others (the first stored).
``ModalitiesInStudy`` (Study level) matches when any series of the study has
one of the modalities.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydicom.tag import Tag

from lethe.dicom.dicomjson import detect_encoding, element_string, tag_name
from lethe.dicom.maintags import (
    ANY_MAIN_TAG,
    FIND_TAGS,
    MAIN_TAGS,
    MODALITIES_IN_STUDY,
    FindConstraint,
)
from lethe.dicom.tags import DEFAULT_TAGS
from lethe.errors import LetheError, bad_request, out_of_range
from lethe.store.index import Index
from lethe.store.ingest import PATIENT_COPY
from lethe.store.model import IDENTIFIER_OF_LEVEL, Level
from lethe.store.store import Store


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


def find(store: Store, query: FindQuery) -> list[str]:
    """Orthanc IDs of the resources matching ``query``, in creation order."""
    return [rid for rid, _ in find_tagged(store, query)]


def find_tagged(store: Store, query: FindQuery) -> list[tuple[str, dict[str, str]]]:
    """The resources matching ``query``, in creation order, each with the main tags of itself
    and of its ancestors (:meth:`Index.search`): what C-FIND answers from."""
    if query.modalities is not None and query.level is not Level.STUDY:
        return []
    in_index, in_files = _split(query)
    found = []
    for rid, tags in store.index.search(query.level, _identified(query)):
        if not all(_matches(c, tags, query.level) for c in in_index):
            continue
        if query.modalities is not None and \
                not _matches_modalities(store.index, rid, query.modalities):
            continue
        if in_files and not _file_matches(store, rid, in_files):
            continue
        found.append((rid, tags))
    found = found[query.since:]
    return found[:query.limit] if query.limit else found


def _matches(constraint: FindConstraint, tags: dict[str, str], level: Level) -> bool:
    """Whether a resource of ``level`` with the main tags ``tags`` (its own and its
    ancestors') passes ``constraint``. As in Orthanc, a patient tag of a study (or below)
    is matched twice: in the database against the patient's value, in memory against the
    study's copy (which Orthanc merges first), the patient's when the study has none."""
    name = tag_name(constraint.tag)
    value = tags.get(name)
    if level is Level.PATIENT or constraint.tag not in MAIN_TAGS[Level.PATIENT]:
        return constraint.matches(value)
    copy = tags.get(PATIENT_COPY + name, value)
    return constraint.matches(value) and constraint.matches_in_file(copy)


def _split(query: FindQuery) -> tuple[list[FindConstraint], list[FindConstraint]]:
    """The constraints checked against the index, and those checked against a file.

    As in Orthanc: main tags of the query's level and above are checked in the index; a tag
    that is no main tag needs the file, and once the file is read, main tags of lower levels
    are checked there too (without a file, they match nothing: the index has no such main
    tag for the resource, which is kept as a constraint that fails).
    """
    visible = FIND_TAGS[query.level]
    in_index = [c for c in query.constraints if c.tag in ANY_MAIN_TAG]
    in_files = [c for c in query.constraints if c.tag not in ANY_MAIN_TAG]
    if in_files:
        in_files += [c for c in in_index if c.tag not in visible]
        in_index = [c for c in in_index if c.tag in visible]
    return in_index, in_files


def _file_matches(store: Store, resource_id: str, constraints: list[FindConstraint]) -> bool:
    """Whether the file of the first instance of a resource passes ``constraints``."""
    instances = store.index.instances_of(resource_id)
    try:
        dataset = store.read_dataset(instances[0]) if instances else None
    except LetheError:  # its file is missing: nothing to match
        dataset = None
    if dataset is None:
        return False
    encoding = detect_encoding(dataset)
    return all(c.matches_in_file(element_string(dataset, c.tag, encoding=encoding))
               for c in constraints)
