"""Split and merge of studies (spec section 9), planned as modification jobs.

Both are expressed as modification requests applied by the same engine:

- split: the client's ``Replace``/``Remove`` (Patient and General Study
  modules only) at Study level, so that the instances get one new
  StudyInstanceUID, one new SeriesInstanceUID per source series and new
  SOPInstanceUIDs;
- merge: the target study's Patient and General Study module values replace
  the source's (tags the target lacks, or holds as binary, sequence or
  long values, are removed), at Series level: new series and instance UIDs,
  the target's StudyInstanceUID.
"""

from __future__ import annotations

from typing import Any

from pydicom.tag import BaseTag, Tag

from lethe.config import Config
from lethe.dicom.dicomjson import MAXIMUM_STRING_LENGTH, element_string, tag_name
from lethe.dicom.modules import MODULE_TAGS
from lethe.dicom.request import ModificationRequest
from lethe.dicom.tags import TagDictionary, format_tag
from lethe.errors import ErrorCode, LetheError, bad_file_format, bad_request, out_of_range
from lethe.jobs.modification import ModificationPlan, ParsedFrom
from lethe.jobs.submission import new_context
from lethe.store.ingest import Origin
from lethe.store.model import Level
from lethe.store.store import Store

# Orthanc's "DICOM 2011, Tables C.7-1 and C.7-3" (spec 9.1): what a merge copies.
MERGED_TAGS = tuple(Tag(t) for t in sorted(MODULE_TAGS[Level.PATIENT] | MODULE_TAGS[Level.STUDY]))
STUDY_INSTANCE_UID, SERIES_INSTANCE_UID = Tag(0x0020000D), Tag(0x0020000E)
SPLIT_ALLOWED = frozenset(MERGED_TAGS) - {STUDY_INSTANCE_UID, SERIES_INSTANCE_UID}


def _not_found(details: str) -> LetheError:
    return LetheError(ErrorCode.UNKNOWN_RESOURCE, details)


def _string_list(body: dict, name: str) -> list[str]:
    value = body.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise bad_file_format(f"List of strings expected in field: {name}")
    return value


def _split_tag(name: str, tags: TagDictionary) -> BaseTag:
    tag = tags.parse_tag(name)
    if tag not in SPLIT_ALLOWED:
        raise out_of_range("Cannot modify the following tag while splitting a study (not in "
                           f"the patient/study modules): {tag_name(tag)} ({format_tag(tag)})")
    return tag


def _modification(body: dict, tags: TagDictionary, level: Level) -> ModificationRequest:
    return ModificationRequest.parse(body, anonymize=False, tags=tags, level=level)


def plan_split(store: Store, config: Config, tags: TagDictionary, study_id: str,
               body: dict[str, Any], keep_source: bool, permissive: bool,
               origin: Origin) -> ModificationPlan:
    """Validate a ``/studies/{id}/split`` body and plan its job."""
    study = store.lookup(study_id)
    if study is None or study.level is not Level.STUDY:
        raise _not_found(f"Cannot split unknown study {study_id}")
    series, instances = _string_list(body, "Series"), _string_list(body, "Instances")
    if not series and not instances:
        raise bad_request('Both the "Series" and the "Instances" fields are missing')
    sources: dict[str, None] = {}
    for sid in series:
        found = store.lookup(sid)
        if found is None or found.level is not Level.SERIES or found.parent_id != study_id:
            raise _not_found(f"This series does not belong to the study to be split: {sid}")
        sources.update(dict.fromkeys(store.instances_of(sid)))
    for iid in instances:
        found = store.lookup(iid)
        parent = store.lookup(found.parent_id or "") if found else None
        if (found is None or found.level is not Level.INSTANCE or parent is None
                or parent.parent_id != study_id):
            raise _not_found(f"This instance does not belong to the study to be split: {iid}")
        sources[iid] = None
    replace = body.get("Replace", {})
    if not isinstance(replace, dict) or not all(isinstance(v, str) for v in replace.values()):
        raise bad_file_format('"Replace" must be an object of strings')
    request_body = {
        "Replace": {format_tag(_split_tag(k, tags)): v for k, v in replace.items()},
        "Remove": [format_tag(_split_tag(k, tags)) for k in _string_list(body, "Remove")],
        "Force": True}
    request = _modification(request_body, tags, Level.STUDY)
    context = new_context(store, config, request)
    study_uid = store.main_tags(study_id).get("StudyInstanceUID", "")
    return ModificationPlan(request, context, tuple(sources), (study_id,), Level.STUDY,
                            keep_source, permissive, origin, job_type="SplitStudy",
                            target_study_uid=context.uids.map_uid(Level.STUDY, study_uid),
                            parsed_from=ParsedFrom(request_body, False, Level.STUDY))


def _merge_sources(store: Store, target_id: str, resources: list[str]) -> tuple[str, ...]:
    sources: dict[str, None] = {}
    for rid in resources:
        found = store.lookup(rid)
        if found is None:
            raise _not_found(f"Cannot find this resource: {rid}")
        if found.level is Level.PATIENT:
            raise _not_found("This resource is neither a study, nor a series, nor an "
                             f"instance: {rid} is a Patient")
        if found.level is Level.STUDY and rid == target_id:
            raise _not_found(f"Cannot merge a study into the same study: {rid}")
        if found.level is Level.SERIES and found.parent_id == target_id:
            raise _not_found(f"Cannot merge series {rid} into its parent study {target_id}")
        if found.level is Level.INSTANCE and \
                store.resource(found.parent_id or "").parent_id == target_id:
            raise _not_found(f"Cannot merge instance {rid} into its parent study {target_id}")
        sources.update(dict.fromkeys(store.instances_of(rid)))
    return tuple(sources)


def _target_values(store: Store, target_id: str) -> dict:
    """The merge request: the target's module values, or removal where it has none."""
    instances = store.instances_of(target_id)
    if not instances:
        raise _not_found(f"The target study has no instance: {target_id}")
    ds = store.read_dataset(instances[0])
    replace, remove = {}, []
    for tag in MERGED_TAGS:
        value = element_string(ds, tag)
        if value is not None and len(value.encode("utf-8")) <= MAXIMUM_STRING_LENGTH:
            replace[format_tag(tag)] = value
        elif tag == Tag(0x00100020):
            replace[format_tag(tag)] = ""  # identifiers are never removed
        else:
            remove.append(format_tag(tag))
    return {"Replace": replace, "Remove": remove, "Force": True}


def plan_merge(store: Store, config: Config, tags: TagDictionary, target_id: str,
               body: dict[str, Any], keep_source: bool, permissive: bool,
               origin: Origin) -> ModificationPlan:
    """Validate a ``/studies/{id}/merge`` body and plan its job."""
    target = store.lookup(target_id)
    if target is None or target.level is not Level.STUDY:
        raise _not_found(f"Cannot merge into an unknown study: {target_id}")
    resources = body.get("Resources")
    if not isinstance(resources, list) or not all(isinstance(r, str) for r in resources):
        raise bad_file_format("List of strings expected in field: Resources")
    sources = _merge_sources(store, target_id, resources)
    request_body = _target_values(store, target_id)
    request = _modification(request_body, tags, Level.SERIES)
    return ModificationPlan(request, new_context(store, config, request), sources,
                            tuple(resources), Level.STUDY, keep_source, permissive, origin,
                            job_type="MergeStudy",
                            parsed_from=ParsedFrom(request_body, False, Level.SERIES))
