"""The JSON of a resource (``GET /{level}/{id}``, ``?expand`` listings, ``/tools/find``) in
every form Orthanc gives it.

What an expanded resource shows (:class:`Expansion`):

- its *content*: by default the fields of Orthanc's ``expand`` (``MainDicomTags``, the
  parent, the children, ``Labels``, ``IsStable`` and ``LastUpdate``, the series
  ``Status`` and ``ExpectedNumberOfInstances``, the instance ``FileSize``, ``FileUuid`` and
  ``IndexInSeries``, ``AnonymizedFrom`` and ``ModifiedFrom``); or, with Orthanc 1.12.5's
  ``ResponseContent`` (``response-content``), only what is named among ``MainDicomTags``,
  ``Metadata``, ``Children``, ``Parent``, ``Labels``, ``Status``, ``IsStable``,
  ``IsProtected`` and ``Attachments``; ``ID`` and ``Type`` always;
- the *format* of its tags: by name (``simplify``, the default), ``short``
  (``gggg,eeee``) or ``full`` (``{Name, Type, Value}`` by ``gggg,eeee``);
- its *requested tags* (``RequestedTags``, ``requested-tags``): main tags of the resource or
  of its ancestors from the index (a main tag the resource does not have is left out),
  computed tags of its level (``ModalitiesInStudy``, ``NumberOfStudyRelatedInstances``...,
  ``InstanceAvailability``; those of other levels are left out), and any other tag from
  the file of one of its instances (null when the file does not have it; file meta
  information is left out), as Orthanc 1.12.11 does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from starlette.requests import Request

from lethe.dicom import dicomjson
from lethe.dicom.dicomjson import JsonFormat, simplify_full, tag_name
from lethe.dicom.maintags import MAIN_TAGS, main_tags_json
from lethe.dicom.tags import TagDictionary, format_tag
from lethe.errors import ErrorCode, LetheError, bad_request
from lethe.store.model import Level, Resource
from lethe.store.store import Store

CONTENT_NAMES = ("MainDicomTags", "Metadata", "Children", "Parent", "Labels", "Status",
                 "IsStable", "IsProtected", "Attachments")
"""What ``ResponseContent`` may name (``RequestedTags`` is accepted too, and changes
nothing: requested tags are always shown)."""

LEGACY_METADATA = "+LegacyMetadata"  # LastUpdate, ExpectedNumberOfInstances, IndexInSeries...
LEGACY_FILE = "+LegacyFile"  # FileSize, FileUuid
EXPAND_CONTENT = frozenset({"MainDicomTags", "Children", "Parent", "Labels", "Status",
                            "IsStable", "IsProtected", LEGACY_METADATA, LEGACY_FILE})
"""The content of ``expand`` (``Expand: true``; ``IsProtected`` for patients, as Orthanc
1.12.8)."""

COMPUTED_TAGS: dict[int, Level] = {
    0x00201200: Level.PATIENT,  # NumberOfPatientRelatedStudies
    0x00201202: Level.PATIENT,  # NumberOfPatientRelatedSeries
    0x00201204: Level.PATIENT,  # NumberOfPatientRelatedInstances
    0x00201206: Level.STUDY,  # NumberOfStudyRelatedSeries
    0x00201208: Level.STUDY,  # NumberOfStudyRelatedInstances
    0x00080061: Level.STUDY,  # ModalitiesInStudy
    0x00080062: Level.STUDY,  # SOPClassesInStudy
    0x00201209: Level.SERIES,  # NumberOfSeriesRelatedInstances
    0x00080056: Level.INSTANCE,  # InstanceAvailability
}
"""The tags Orthanc computes from the index, and the level it computes each for."""

_MAIN_TAG_LEVELS: dict[int, list[Level]] = {}
for _level, _tags in MAIN_TAGS.items():
    for _tag in _tags:
        _MAIN_TAG_LEVELS.setdefault(int(_tag), []).append(_level)


# --- query arguments and body fields --------------------------------------------------------
def tags_of(request: Request) -> TagDictionary:
    """The tag dictionary of the running app (``Dictionary`` configuration included)."""
    tags: TagDictionary = request.app.state.tags
    return tags


def bool_arg(request: Request, name: str, default: bool) -> bool:
    """A Boolean query argument as Orthanc reads one: absent gives ``default``, present
    without a value (``?expand``) true, else ``true``/``false``/``1``/``0``; 400 naming
    the argument otherwise."""
    raw = request.query_params.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in ("", "true", "1"):
        return True
    if value in ("false", "0"):
        return False
    raise LetheError(ErrorCode.PARAMETER_OUT_OF_RANGE,
                     f'expected a Boolean for the argument "{name}", got "{raw[:64]}"')


def dicom_format(request: Request, default: JsonFormat) -> JsonFormat:
    """The format that ``?simplify``, ``?short`` or ``?full`` asks (in that order of
    precedence; ``=false`` or ``=0`` does not ask), else ``default``."""
    for name, fmt in (("simplify", "simplify"), ("short", "short"), ("full", "full")):
        raw = request.query_params.get(name)
        if raw is not None and raw.strip().lower() not in ("false", "0"):
            return fmt  # type: ignore[return-value]  # the literals of JsonFormat
    return default


def body_bool(body: dict[str, Any], name: str, default: bool = False) -> bool:
    """A Boolean field of a request body; 400 naming it when it is not a Boolean."""
    value = body.get(name, default)
    if not isinstance(value, bool):
        raise bad_request(f'the field "{name}" must be a Boolean, got {_shown(value)}')
    return value


def body_format(body: dict[str, Any], default: JsonFormat) -> JsonFormat:
    """The format that ``"Simplify"``, ``"Short"`` or ``"Full": true`` asks, else
    ``default``."""
    for name, fmt in (("Simplify", "simplify"), ("Short", "short"), ("Full", "full")):
        if body_bool(body, name):
            return fmt  # type: ignore[return-value]  # the literals of JsonFormat
    return default


def parse_tag_list(names: Iterable[str], what: str, tags: TagDictionary) -> tuple[int, ...]:
    """Tags named in ``names`` (names or ``gggg,eeee``), without repeats, in order; 400
    naming ``what`` and the bad entry otherwise."""
    found: dict[int, None] = {}
    for name in names:
        text = name.strip()
        if not text:
            continue
        try:
            found[int(tags.parse_tag(text))] = None
        except LetheError:
            raise bad_request(f'{what}: "{text[:64]}" is not a DICOM tag') from None
    return tuple(found)


def requested_from_query(request: Request, tags: TagDictionary) -> tuple[int, ...]:
    """``?requested-tags=`` (or Orthanc 1.11's ``?requestedTags=``): tags separated by
    ``;``."""
    text = request.query_params.get("requested-tags")
    if text is None:
        text = request.query_params.get("requestedTags", "")
    return parse_tag_list(text.split(";"), "Invalid requestedTags argument", tags)


def requested_from_body(body: dict[str, Any], tags: TagDictionary) -> tuple[int, ...]:
    """The ``RequestedTags`` field: a list of tag names."""
    value = body.get("RequestedTags", [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise bad_request('the field "RequestedTags" must be a list of strings')
    return parse_tag_list(value, 'the field "RequestedTags"', tags)


def parse_content(names: Iterable[str], what: str) -> frozenset[str]:
    """The content named in ``names`` (:data:`CONTENT_NAMES`); 400 naming ``what`` and the
    unknown name otherwise."""
    content = set()
    for name in names:
        text = name.strip()
        if not text or text == "RequestedTags":
            continue
        if text not in CONTENT_NAMES:
            raise bad_request(f'{what}: unknown content "{text[:64]}" (one of '
                              f'{", ".join(CONTENT_NAMES)})')
        content.add(text)
    return frozenset(content)


def content_from_query(request: Request) -> frozenset[str] | None:
    """``?response-content=A;B``, or None when absent."""
    text = request.query_params.get("response-content")
    return None if text is None else parse_content(text.split(";"), "response-content")


def content_from_body(body: dict[str, Any]) -> frozenset[str] | None:
    """The ``ResponseContent`` field (a list of names), or None when absent."""
    if "ResponseContent" not in body:
        return None
    value = body["ResponseContent"]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise bad_request('the field "ResponseContent" must be a list of strings')
    return parse_content(value, 'the field "ResponseContent"')


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 64 else text[:61] + "..."


@dataclass(frozen=True)
class Expansion:
    """How resources are shown: the content of each (:data:`EXPAND_CONTENT` for Orthanc's
    ``expand``), the format of its tags, and the tags requested besides."""

    content: frozenset[str] = EXPAND_CONTENT
    fmt: JsonFormat = "simplify"
    requested: tuple[int, ...] = field(default=())

    @classmethod
    def from_query(cls, request: Request, tags: TagDictionary) -> Expansion:
        """The expansion a GET request asks (``?response-content``, ``?simplify``...,
        ``?requested-tags``)."""
        content = content_from_query(request)
        return cls(EXPAND_CONTENT if content is None else content,
                   dicom_format(request, "simplify"), requested_from_query(request, tags))


SYSTEM_METADATA_NUMBERS = {
    "IndexInSeries": 1, "ReceptionDate": 2, "RemoteAET": 3, "ExpectedNumberOfInstances": 4,
    "ModifiedFrom": 5, "AnonymizedFrom": 6, "LastUpdate": 7, "Origin": 8, "TransferSyntax": 9,
    "SopClassUid": 10, "RemoteIP": 11, "CalledAET": 12, "HttpUsername": 13,
    "PixelDataOffset": 14, "MainDicomTagsSignature": 15, "MainDicomSequences": 16,
    "PixelDataVR": 17}
"""Orthanc's numbers of the metadata the server maintains (``MetadataType``)."""


def metadata_number(name: str, user_metadata: dict[str, int]) -> int | None:
    """The number Orthanc gives a metadata (``?numeric``): the server's own, one declared
    in ``UserMetadata``, or a name that is a number; None for another name."""
    if name in SYSTEM_METADATA_NUMBERS:
        return SYSTEM_METADATA_NUMBERS[name]
    if name in user_metadata:
        return user_metadata[name]
    return int(name) if name.isascii() and name.isdigit() else None


def metadata_name(key: str, user_metadata: dict[str, int]) -> str:
    """The name under which the metadata that a route calls ``key`` is kept: Orthanc takes a
    number for the metadata of that number (``/metadata/2`` is ``ReceptionDate``, and a number
    declared in ``UserMetadata`` is that name); any other key is its own name."""
    if not (key.isascii() and key.isdigit()):
        return key
    number = int(key)
    names = {**{n: name for name, n in user_metadata.items()},
             **{n: name for name, n in SYSTEM_METADATA_NUMBERS.items()}}
    return names.get(number, str(number))


# --- one resource -------------------------------------------------------------------------
def is_stable(last_update: str | None, stable_age: float) -> bool:
    """Whether nothing was received for ``stable_age`` seconds after ``last_update``."""
    if not last_update:
        return True
    try:
        then = datetime.strptime(last_update, "%Y%m%dT%H%M%S")
    except ValueError:
        return True
    return (datetime.now() - then).total_seconds() >= stable_age


def _unsigned(text: str | None) -> int | None:
    """An unsigned 32-bit integer written in ASCII digits, else None."""
    value = (text or "").strip()
    if not (value.isascii() and value.isdigit()) or int(value) > 0xFFFFFFFF:
        return None
    return int(value)


def series_status(store: Store, series_id: str, metadata: dict[str, str]
                  ) -> tuple[str, int | None]:
    """Orthanc's ``Status`` of a series and its ``ExpectedNumberOfInstances``: ``Unknown``
    without an expected count; ``Inconsistent`` when an instance's IndexInSeries is out of
    1..expected or repeated; ``Complete`` when every index is there, else ``Missing``."""
    expected = _unsigned(metadata.get("ExpectedNumberOfInstances"))
    if expected is None:
        return "Unknown", None
    indexes: set[int] = set()
    for instance_id in store.children(series_id):
        text = store.metadata(instance_id).get("IndexInSeries")
        if text is None:
            continue
        value = text.strip()
        if not value.lstrip("-").isdigit() or not value.isascii():
            return "Unknown", expected
        index = int(value)
        if index <= 0 or index > expected or index in indexes:
            return "Inconsistent", expected
        indexes.add(index)
    return ("Complete" if len(indexes) == expected else "Missing"), expected


def expand(store: Store, resource: Resource, expansion: Expansion, *, stable_age: float,
           tags: TagDictionary) -> dict[str, Any]:
    """The JSON of ``resource`` as ``expansion`` asks, keys sorted as Orthanc sorts them."""
    content, level, rid = expansion.content, resource.level, resource.id
    body: dict[str, Any] = {"ID": rid, "Type": level.label}
    legacy = LEGACY_METADATA in content
    needs_metadata = legacy or "Metadata" in content or "IsStable" in content or (
        "Status" in content and level is Level.SERIES)
    metadata = store.metadata(rid) if needs_metadata else {}
    if "Parent" in content and level is not Level.PATIENT:
        body["Parent" + level.parent.label] = resource.parent_id
    if "Children" in content and level is not Level.INSTANCE:
        body[level.child.plural.capitalize()] = store.children(rid)
    if level is Level.SERIES and ("Status" in content or legacy):
        status, expected = series_status(store, rid, metadata)
        if "Status" in content:
            body["Status"] = status
        if legacy:
            body["ExpectedNumberOfInstances"] = expected
    if level is Level.INSTANCE and LEGACY_FILE in content:
        attachment = store.attachment(rid)
        body["FileSize"] = attachment.size if attachment else 0
        body["FileUuid"] = attachment.uuid if attachment else ""
    if level is Level.INSTANCE and legacy:
        body["IndexInSeries"] = _unsigned(metadata.get("IndexInSeries"))
    if legacy:
        for name in ("AnonymizedFrom", "ModifiedFrom"):
            if name in metadata:
                body[name] = metadata[name]
        if level is not Level.INSTANCE:
            body["LastUpdate"] = metadata.get("LastUpdate", "")
    if "IsStable" in content and level is not Level.INSTANCE:
        body["IsStable"] = is_stable(metadata.get("LastUpdate"), stable_age)
    if "MainDicomTags" in content:
        own, patient = store.main_tags_with_patient(rid)
        body["MainDicomTags"] = main_tags_json(own, level, expansion.fmt)
        if level is Level.STUDY:
            body["PatientMainDicomTags"] = main_tags_json(patient, Level.PATIENT,
                                                          expansion.fmt)
    if "Labels" in content:
        body["Labels"] = store.labels(rid)
    if "Metadata" in content:
        body["Metadata"] = dict(sorted(metadata.items()))
    if "Attachments" in content:
        body["Attachments"] = attachments_json(store, rid)
    if "IsProtected" in content and level is Level.PATIENT:
        body["IsProtected"] = is_protected(store, rid)
    if expansion.requested:
        body["RequestedTags"] = requested_tags(store, resource, expansion.requested,
                                               expansion.fmt, tags=tags)
    return dict(sorted(body.items()))


def expand_all(store: Store, ids: Iterable[str], expansion: Expansion, *,
               stable_age: float, tags: TagDictionary) -> list[dict[str, Any]]:
    """:func:`expand` of each of ``ids`` that still exists, in order."""
    found = (store.lookup(rid) for rid in ids)
    return [expand(store, resource, expansion, stable_age=stable_age, tags=tags)
            for resource in found if resource is not None]


def attachments_json(store: Store, resource_id: str) -> list[dict[str, Any]]:
    """``Attachments`` of ResponseContent: the files attached to the resource itself."""
    found = store.attachments(resource_id)
    return [{"CompressedMD5": a.compressed_md5, "CompressedSize": a.compressed_size,
             "ContentType": a.content_type, "UncompressedMD5": a.md5,
             "UncompressedSize": a.size, "Uuid": a.uuid}
            for a in sorted(found, key=lambda a: a.content_type)]


def is_protected(store: Store, patient_id: str) -> bool:
    """Whether a patient is protected from recycling."""
    return bool(store.is_protected(patient_id))


# --- requested tags -----------------------------------------------------------------------
def one_instance(store: Store, resource_id: str, level: Level) -> str:
    """The instance whose file stands for a resource (``/module``, requested tags): the
    resource itself for an instance, else the last one received of its last series, which
    is the one Orthanc reads (404 when the resource does not exist or has no instance)."""
    store.resource(resource_id, level)
    if level is Level.INSTANCE:
        return resource_id
    instances = store.instances_of(resource_id, tree_order=True)
    if not instances:
        raise LetheError(ErrorCode.UNKNOWN_RESOURCE, "the resource has no instance")
    return instances[-1]


def instance_tags(store: Store, instance_id: str, fmt: JsonFormat, *,
                  tags: TagDictionary, long_values: Iterable[int] = (),
                  whole: bool = False,
                  default_encoding: str = dicomjson.DEFAULT_ENCODING) -> dict[str, Any]:
    """The tags of an instance's file in format ``fmt``, as ``/instances/{id}/tags`` shows
    them: the pixel data element as null (its value is never read), the elements after it
    left out unless ``whole``, values over 256 bytes as null unless in ``long_values``; text
    of files that declare no character set read as ``default_encoding``."""
    header = store.read_header(instance_id)
    return dicomjson.dataset_json(header.dataset, fmt, ignore_length=tuple(long_values),
                                  tags=tags, stop_after_pixel_data=not whole,
                                  default_encoding=default_encoding)


def _string_node(tag: int, value: str) -> dict[str, Any]:
    return {"Name": tag_name(tag), "Type": "String", "Value": value}


def _ancestry(store: Store, resource: Resource) -> dict[Level, dict[str, str]]:
    """The main tags of the resource and of each of its ancestors, by level; a study's copy
    of its patient's tags stands for the patient below the patient level."""
    found: dict[Level, dict[str, str]] = {}
    current: Resource | None = resource
    while current is not None:
        own, patient = store.main_tags_with_patient(current.id)
        found[current.level] = own
        if current.level is Level.STUDY:
            found[Level.PATIENT] = patient
            break
        current = store.lookup(current.parent_id) if current.parent_id else None
    return found


def _computed(store: Store, resource: Resource, tag: int) -> str:
    rid = resource.id
    if tag == 0x00080056:
        return "ONLINE"
    if tag == 0x00080061:
        modalities = {store.main_tags(s).get("Modality") for s in store.children(rid)}
        return "\\".join(sorted(m for m in modalities if m is not None))
    if tag == 0x00080062:
        classes = {store.metadata(i).get("SopClassUid") for i in store.instances_of(rid)}
        return "\\".join(sorted(c for c in classes if c))
    depth = {0x00201200: 1, 0x00201202: 2, 0x00201204: 3, 0x00201206: 1, 0x00201208: 2,
             0x00201209: 1}[tag]
    if depth == Level.INSTANCE - resource.level:
        return str(len(store.instances_of(rid)))
    ids = [rid]
    for _ in range(depth):
        ids = [child for parent in ids for child in store.children(parent)]
    return str(len(ids))


def requested_tags(store: Store, resource: Resource, requested: Iterable[int],
                   fmt: JsonFormat, *, tags: TagDictionary) -> dict[str, Any]:
    """The ``RequestedTags`` of a resource in format ``fmt`` (see the module docstring)."""
    full: dict[str, Any] = {}
    from_file: list[int] = []
    chain = _ancestry(store, resource)
    for tag in requested:
        if tag in COMPUTED_TAGS:
            if COMPUTED_TAGS[tag] is resource.level:
                full[format_tag(tag)] = _string_node(tag, _computed(store, resource, tag))
            continue
        if tag >> 16 == 0x0002:
            continue
        levels = [lv for lv in _MAIN_TAG_LEVELS.get(tag, ()) if lv <= resource.level]
        if levels:
            name = tag_name(tag)
            value = next((chain[lv][name] for lv in sorted(levels)
                          if name in chain.get(lv, {})), None)
            if value is not None:
                full[format_tag(tag)] = _string_node(tag, value)
            continue
        from_file.append(tag)
    if from_file:
        instance_id = one_instance(store, resource.id, resource.level)
        rendered = instance_tags(store, instance_id, "full", tags=tags, long_values=from_file)
        for tag in from_file:
            key = format_tag(tag)
            full[key] = rendered.get(key) or {"Name": tag_name(tag), "Type": "Null",
                                              "Value": None}
    return simplify_full(dict(sorted(full.items())), fmt)
