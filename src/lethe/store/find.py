"""``/tools/find`` and ``/tools/count-resources``: searching the index with Orthanc's
matching rules.

The matching rules of each ``Query`` constraint are those of
:class:`lethe.dicom.maintags.FindConstraint` (Orthanc 1.10.1's). A
constraint on a main tag is checked against the main tags of the resource
and of its ancestors; one on a main tag of a lower level matches nothing.
As in Orthanc, when a constraint is on a tag that is no main tag at all, it
and those on main tags of lower levels are checked against the DICOM file of
one instance of each resource that passes the others (the first stored).
``ModalitiesInStudy`` (Study level) matches when any series of the study has
one of the modalities.

Orthanc 1.12's other criteria are checked too: ``Labels`` with ``LabelsConstraint``
(``All``, the default: every label; ``Any``: one of them, or any resource for an empty list;
``None``: none of them, or no label at all for an empty list, as Orthanc 1.12.11),
``ParentPatient``/``ParentStudy``/``ParentSeries`` (descendants of that resource), and
``MetadataQuery`` (metadata name -> value, ``*`` and ``?`` as wildcards, case-sensitive; a
resource without the metadata does not match). ``OrderBy`` sorts on main tags of the resource
or of its ancestors (``DicomTag``, ``DicomTagAsInt``, ``DicomTagAsFloat``) or on metadata
(``Metadata``, ``MetadataAsInt``, ``MetadataAsFloat``), ``ASC`` or ``DESC``, resources without
the value last; then ``Since`` and ``Limit`` page through the result, which is in creation
order otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from pydicom.tag import BaseTag, Tag

from lethe.dicom.dicomjson import detect_encoding, element_string, tag_name
from lethe.dicom.maintags import (
    ANY_MAIN_TAG,
    FIND_TAGS,
    MAIN_TAGS,
    MODALITIES_IN_STUDY,
    FindConstraint,
    wildcard_matches,
)
from lethe.dicom.tags import DEFAULT_TAGS, TagDictionary
from lethe.errors import LetheError, bad_request, out_of_range
from lethe.store.ingest import PATIENT_COPY
from lethe.store.model import IDENTIFIER_OF_LEVEL, Level
from lethe.store.store import Store

LabelsConstraint = Literal["All", "Any", "None"]
ORDER_TYPES = ("DicomTag", "DicomTagAsInt", "DicomTagAsFloat", "Metadata", "MetadataAsInt",
               "MetadataAsFloat")
_LABEL = re.compile(r"[A-Za-z0-9_-]{1,64}")
_PARENTS = {"ParentPatient": Level.PATIENT, "ParentStudy": Level.STUDY,
            "ParentSeries": Level.SERIES}


@dataclass(frozen=True)
class OrderKey:
    """One ``OrderBy`` entry: sort on a main tag (by keyword) or on a metadata, as text or as a
    number, ascending or not."""

    on_tag: bool
    key: str
    kind: Literal["text", "int", "float"] = "text"
    ascending: bool = True


@dataclass(frozen=True)
class FindQuery:
    """A parsed ``/tools/find`` body."""

    level: Level
    constraints: tuple[FindConstraint, ...]
    modalities: FindConstraint | None = None
    expand: bool = False
    limit: int = 0
    since: int = 0
    labels: tuple[str, ...] = ()
    labels_constraint: LabelsConstraint = "All"
    parents: tuple[tuple[Level, str], ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()
    order_by: tuple[OrderKey, ...] = ()

    @classmethod
    def parse(cls, body: dict[str, Any], tags: TagDictionary = DEFAULT_TAGS) -> FindQuery:
        """Validate the JSON body; errors (400) name the field and the value."""
        level_text = body.get("Level")
        if not isinstance(level_text, str):
            raise bad_request('the field "Level" must be a string naming a resource level')
        try:
            level = Level.parse(level_text)
        except ValueError:
            raise out_of_range(f'unknown resource level: "{level_text[:64]}"') from None
        query = body.get("Query", {})
        if not isinstance(query, dict):
            raise bad_request('the field "Query" must be a JSON object')
        case_sensitive = _bool(body, "CaseSensitive", False)
        constraints, modalities = [], None
        for name, pattern in query.items():
            if not isinstance(pattern, str):
                raise bad_request(f'the constraint on "{name[:64]}" must be a string, '
                                  f"got {_shown(pattern)}")
            tag = Tag(tags.parse_tag(name))
            constraint = FindConstraint.parse(tag, pattern, case_sensitive=case_sensitive)
            if constraint is None:
                continue
            if tag == MODALITIES_IN_STUDY:
                modalities = constraint
            else:
                constraints.append(constraint)
        return cls(level, tuple(constraints), modalities, _bool(body, "Expand", False),
                   _int(body, "Limit"), _int(body, "Since"), _labels(body),
                   _labels_constraint(body), _parents(body, level), _metadata(body),
                   _order_by(body, tags))

    @property
    def file_tags(self) -> tuple[BaseTag, ...]:
        """The constrained tags that are no main tags (matched in files), and
        ModalitiesInStudy (computed): Orthanc adds them to the requested tags."""
        found = [c.tag for c in self.constraints if c.tag not in ANY_MAIN_TAG]
        if self.modalities is not None:
            found.append(MODALITIES_IN_STUDY)
        return tuple(dict.fromkeys(found))


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 64 else text[:61] + "..."


def _bool(body: dict, name: str, default: bool) -> bool:
    value = body.get(name, default)
    if not isinstance(value, bool):
        raise bad_request(f'the field "{name}" must be a Boolean, got {_shown(value)}')
    return value


def _int(body: dict, name: str) -> int:
    value = body.get(name, 0)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise bad_request(f'the field "{name}" must be a non-negative integer, '
                          f"got {_shown(value)}")
    return value


def _strings(body: dict, name: str) -> list[str]:
    value = body.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise bad_request(f'the field "{name}" must be a list of strings')
    return value


def _labels(body: dict) -> tuple[str, ...]:
    labels = _strings(body, "Labels")
    for label in labels:
        if not _LABEL.fullmatch(label):
            raise out_of_range(f'invalid label "{label[:64]}" in the field "Labels": use 1 to '
                               '64 letters, digits, "_" or "-"')
    return tuple(dict.fromkeys(labels))


def _labels_constraint(body: dict) -> LabelsConstraint:
    value = body.get("LabelsConstraint", "All")
    if value == "All" or value == "Any" or value == "None":
        return value
    raise bad_request('the field "LabelsConstraint" must be "All", "Any" or "None", '
                      f"got {_shown(value)}")


def _parents(body: dict, level: Level) -> tuple[tuple[Level, str], ...]:
    found = []
    for name, parent_level in _PARENTS.items():
        if name not in body:
            continue
        value = body[name]
        if not isinstance(value, str):
            raise bad_request(f'the field "{name}" must be a string, got {_shown(value)}')
        if parent_level >= level:
            raise bad_request(f'the field "{name}" needs a query at a lower level than '
                              f'{parent_level.label}, not {level.label}')
        found.append((parent_level, value.strip()))
    return tuple(found)


def _metadata(body: dict) -> tuple[tuple[str, str], ...]:
    value = body.get("MetadataQuery", {})
    if not isinstance(value, dict):
        raise bad_request('the field "MetadataQuery" must be a JSON object')
    for name, pattern in value.items():
        if not isinstance(pattern, str):
            raise bad_request(f'the constraint on metadata "{name[:64]}" must be a string, '
                              f"got {_shown(pattern)}")
    return tuple((name, pattern) for name, pattern in value.items() if pattern != "")


def _order_by(body: dict, tags: TagDictionary) -> tuple[OrderKey, ...]:
    value = body.get("OrderBy", [])
    if not isinstance(value, list):
        raise bad_request('the field "OrderBy" must be a list of objects')
    keys = []
    for entry in value:
        if not isinstance(entry, dict):
            raise bad_request(f'each entry of "OrderBy" must be an object, got {_shown(entry)}')
        kind, key = entry.get("Type"), entry.get("Key")
        direction = entry.get("Direction", "ASC")
        if kind not in ORDER_TYPES:
            raise bad_request(f'"Type" of an "OrderBy" entry must be one of '
                              f'{", ".join(ORDER_TYPES)}, got {_shown(kind)}')
        if not isinstance(key, str) or not key:
            raise bad_request(f'"Key" of an "OrderBy" entry must be a string, got {_shown(key)}')
        if direction not in ("ASC", "DESC"):
            raise bad_request('"Direction" of an "OrderBy" entry must be "ASC" or "DESC", '
                              f"got {_shown(direction)}")
        on_tag = kind.startswith("DicomTag")
        name = tag_name(tags.parse_tag(key)) if on_tag else key
        numeric: Literal["text", "int", "float"] = (
            "int" if kind.endswith("AsInt") else "float" if kind.endswith("AsFloat") else "text")
        keys.append(OrderKey(on_tag, name, numeric, direction == "ASC"))
    return tuple(keys)


def _matches_modalities(store: Store, study_id: str, constraint: FindConstraint) -> bool:
    return any(constraint.matches(store.main_tags(series).get("Modality"))
               for series in store.children(study_id))


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
    """Orthanc IDs of the resources matching ``query``, in creation order (or as its
    ``OrderBy`` sorts them), ``Since`` and ``Limit`` applied."""
    return [rid for rid, _ in find_tagged(store, query)]


def count(store: Store, query: FindQuery) -> int:
    """How many resources match ``query`` (``Since``, ``Limit`` and ``OrderBy`` ignored)."""
    return len(_matching(store, query))


def find_tagged(store: Store, query: FindQuery) -> list[tuple[str, dict[str, str]]]:
    """The resources matching ``query``, in creation order (or as its ``OrderBy`` sorts
    them), each with the main tags of itself and of its ancestors (:meth:`Store.search`):
    what C-FIND answers from. ``Since`` and ``Limit`` are applied."""
    found = _matching(store, query)
    if query.order_by:
        found = _ordered(store, found, query.order_by)
    found = found[query.since:]
    return found[:query.limit] if query.limit else found


def _matching(store: Store, query: FindQuery) -> list[tuple[str, dict[str, str]]]:
    if query.modalities is not None and query.level is not Level.STUDY:
        return []
    in_index, in_files = _split(query)
    allowed = _descendants_of(store, query)
    labelled = store.labels_of_level(query.level) if (
        query.labels or query.labels_constraint == "None") else {}
    found = []
    for rid, tags in store.search(query.level, _identified(query)):
        if allowed is not None and rid not in allowed:
            continue
        if not _labels_match(set(labelled.get(rid, ())), query):
            continue
        if not all(_matches(c, tags, query.level) for c in in_index):
            continue
        if query.modalities is not None and \
                not _matches_modalities(store, rid, query.modalities):
            continue
        if query.metadata and not _metadata_matches(store.metadata(rid), query.metadata):
            continue
        if in_files and not _file_matches(store, rid, in_files):
            continue
        found.append((rid, tags))
    return found


def _descendants_of(store: Store, query: FindQuery) -> set[str] | None:
    """The resources of the query's level below every ``Parent...`` resource, or None when
    the query names no parent."""
    allowed: set[str] | None = None
    for level, parent_id in query.parents:
        resource = store.lookup(parent_id)
        ids = [parent_id] if resource is not None and resource.level is level else []
        for _ in range(query.level - level):
            ids = [child for rid in ids for child in store.children(rid)]
        allowed = set(ids) if allowed is None else allowed & set(ids)
    return allowed


def _labels_match(have: set[str], query: FindQuery) -> bool:
    wanted = query.labels
    if query.labels_constraint == "All":
        return all(label in have for label in wanted)
    if query.labels_constraint == "Any":
        return not wanted or any(label in have for label in wanted)
    return not have if not wanted else not any(label in have for label in wanted)


def _metadata_matches(values: dict[str, str], constraints: tuple[tuple[str, str], ...]
                      ) -> bool:
    for name, pattern in constraints:
        value = values.get(name)
        if value is None:
            return False
        if "*" in pattern or "?" in pattern:
            if not wildcard_matches(value, pattern):
                return False
        elif value != pattern:
            return False
    return True


def _sort_value(store: Store, rid: str, tags: dict[str, str], key: OrderKey
                ) -> str | int | float | None:
    """The value a resource is sorted on for ``key`` (None when it has none)."""
    text = tags.get(key.key) if key.on_tag else store.metadata(rid).get(key.key)
    if text is None:
        return None
    if key.kind == "text":
        return text
    try:
        return int(text.strip()) if key.kind == "int" else float(text.strip())
    except ValueError:
        return None


def _value_key(pair: tuple[Any, Any]) -> Any:
    """The sort key of a ``(value, item)`` pair whose value is present (of one kind)."""
    return pair[0]


def _ordered(store: Store, found: list[tuple[str, dict[str, str]]],
             keys: tuple[OrderKey, ...]) -> list[tuple[str, dict[str, str]]]:
    """``found`` sorted on ``keys`` (the first decides; equal values keep the creation
    order), values missing last whatever the direction."""
    for key in reversed(keys):
        valued = [(_sort_value(store, rid, tags, key), (rid, tags)) for rid, tags in found]
        present = [pair for pair in valued if pair[0] is not None]
        present.sort(key=_value_key, reverse=not key.ascending)
        found = [item for _, item in present] + [item for value, item in valued
                                                 if value is None]
    return found


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
    instances = store.instances_of(resource_id)
    try:
        dataset = store.read_dataset(instances[0]) if instances else None
    except LetheError:  # its file is missing: nothing to match
        dataset = None
    if dataset is None:
        return False
    encoding = detect_encoding(dataset)
    return all(c.matches_in_file(element_string(dataset, c.tag, encoding=encoding))
               for c in constraints)
