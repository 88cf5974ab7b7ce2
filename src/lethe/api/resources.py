"""Routes over the resource hierarchy: lists, details, children, parents,
deletion, statistics, metadata and labels of patients, studies, series and instances."""

from __future__ import annotations

import re
from datetime import datetime

from starlette.concurrency import run_in_threadpool
from starlette.convertors import Convertor, register_url_convertor
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe.api.body import read_body
from lethe.api.responses import json_response, text_response
from lethe.errors import ErrorCode, LetheError, bad_request
from lethe.store.model import Level, Resource
from lethe.store.store import Store

SYSTEM_METADATA = ("IndexInSeries", "ReceptionDate", "RemoteAET", "ModifiedFrom",
                   "AnonymizedFrom", "LastUpdate", "Origin", "TransferSyntax", "SopClassUid",
                   "RemoteIP", "CalledAET", "HttpUsername", "PixelDataOffset",
                   "ExpectedNumberOfInstances", "MainDicomTagsSignature")
LEVEL_BY_PLURAL = {level.plural: level for level in Level}


def store_of(request: Request) -> Store:
    """The store of the running app."""
    return request.app.state.store


def flag(request: Request, name: str) -> bool:
    """True when the query has ``name`` (``?expand``, ``?expand=true``), not ``=false``/``=0``."""
    if name not in request.query_params:
        return False
    return request.query_params[name].lower() not in ("false", "0")


def int_arg(request: Request, name: str, default: int = 0) -> int:
    """An integer query argument; 400 naming it when it is not an integer."""
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise LetheError(ErrorCode.PARAMETER_OUT_OF_RANGE,
                         f'the argument "{name}" must be an integer, got "{raw}"') from None
    if value < 0:
        raise LetheError(ErrorCode.PARAMETER_OUT_OF_RANGE,
                         f'the argument "{name}" must not be negative, got "{raw}"')
    return value


def is_stable(last_update: str | None, stable_age: int) -> bool:
    """Whether nothing was received for ``stable_age`` seconds after ``last_update``."""
    if not last_update:
        return True
    try:
        then = datetime.strptime(last_update, "%Y%m%dT%H%M%S")
    except ValueError:
        return True
    return (datetime.now() - then).total_seconds() >= stable_age


def resource_json(store: Store, resource: Resource, stable_age: int) -> dict:
    """The JSON of ``GET /{level}/{id}``, shaped as Orthanc's."""
    metadata = store.metadata(resource.id)
    own, patient = store.main_tags_with_patient(resource.id)
    body: dict = {"ID": resource.id, "MainDicomTags": own,
                  "Type": resource.level.label, "Labels": store.labels(resource.id)}
    for name in ("AnonymizedFrom", "ModifiedFrom"):
        if name in metadata:
            body[name] = metadata[name]
    level = resource.level
    if level is not Level.PATIENT:
        body["Parent" + level.parent.label] = resource.parent_id
    if level is not Level.INSTANCE:
        body["IsStable"] = is_stable(metadata.get("LastUpdate"), stable_age)
        body["LastUpdate"] = metadata.get("LastUpdate", "")
        body[level.child.plural.capitalize()] = store.children(resource.id)
    if level is Level.STUDY:
        body["PatientMainDicomTags"] = patient
    elif level is Level.SERIES:
        expected = _integer(metadata.get("ExpectedNumberOfInstances"))
        body["ExpectedNumberOfInstances"] = expected
        body["Status"] = _series_status(len(body["Instances"]), expected)
    elif level is Level.INSTANCE:
        attachment = store.attachment(resource.id)
        body["FileSize"] = attachment.size if attachment else 0
        body["FileUuid"] = attachment.uuid if attachment else ""
        body["IndexInSeries"] = _integer(metadata.get("IndexInSeries"))
    return dict(sorted(body.items()))


def _integer(text: str | None) -> int | None:
    """An integer stored as text (ASCII digits only), else None."""
    return int(text) if text and re.fullmatch(r"-?[0-9]+", text) else None


def _series_status(count: int, expected: int | None) -> str:
    if expected is None or expected <= 0:
        return "Unknown"
    return "Complete" if count == expected else "Missing" if count < expected else "Inconsistent"


def _level(request: Request) -> Level:
    return LEVEL_BY_PLURAL[request.path_params["level"]]


def expanded(request: Request, ids: list[str]) -> list[dict]:
    """The resource JSON of each of ``ids`` that still exists."""
    store, age = store_of(request), request.app.state.config.StableAge
    found = (store.lookup(i) for i in ids)
    return [resource_json(store, r, age) for r in found if r is not None]


async def list_resources(request: Request) -> Response:
    level = _level(request)
    since, limit = int_arg(request, "since"), int_arg(request, "limit")
    expand = flag(request, "expand")

    def work() -> list:
        ids = store_of(request).list_ids(level, since, limit)
        return expanded(request, ids) if expand else ids
    return json_response(await run_in_threadpool(work))


async def get_resource(request: Request) -> Response:
    level, rid = _level(request), request.path_params["id"]

    def work() -> dict:
        store = store_of(request)
        return resource_json(store, store.resource(rid, level), request.app.state.config.StableAge)
    return json_response(await run_in_threadpool(work))


async def delete_resource(request: Request) -> Response:
    level, rid = _level(request), request.path_params["id"]
    outcome = await run_in_threadpool(store_of(request).delete, rid, level)
    ancestor = outcome.remaining_ancestor
    body = None if ancestor is None else {
        "ID": ancestor.id, "Path": f"/{ancestor.level.plural}/{ancestor.id}",
        "Type": ancestor.level.label}
    return json_response({"RemainingAncestor": body})


async def relative_route(request: Request) -> Response:
    """Descendants (``/patients/{id}/studies``, ``/studies/{id}/instances``, ...) or the
    ancestor (``/instances/{id}/patient``, ``/series/{id}/study``, ...), expanded."""
    level, rid, name = _level(request), request.path_params["id"], request.path_params["relative"]
    target = Level.parse(name)
    descendant = target > level and name == target.plural
    ancestor = target < level and name == target.key
    if not (descendant or ancestor):
        raise LetheError(ErrorCode.UNKNOWN_RESOURCE, f'{level.label} has no "{name}"')

    def work() -> dict | list:
        store = store_of(request)
        resource = store.resource(rid, level)
        if target < level:
            while resource.level > target:
                resource = store.resource(resource.parent_id or "")
            return resource_json(store, resource, request.app.state.config.StableAge)
        ids = [rid]
        for _ in range(target - level):
            ids = [c for i in ids for c in store.children(i)]
        return expanded(request, ids)
    return json_response(await run_in_threadpool(work))


def _size_fields(prefix: str, size: int) -> dict:
    return {f"{prefix}Size": str(size), f"{prefix}SizeMB": size // (1024 * 1024)}


def size_statistics(size: int) -> dict:
    """Orthanc's size fields (disk, uncompressed, and their DICOM-only twins)."""
    body: dict = {}
    for prefix in ("DicomDisk", "DicomUncompressed", "Disk", "Uncompressed"):
        body.update(_size_fields(prefix, size))
    return body


async def resource_statistics(request: Request) -> Response:
    level, rid = _level(request), request.path_params["id"]

    def work() -> dict:
        store = store_of(request)
        store.resource(rid, level)
        body = size_statistics(store.disk_size(rid))
        if level < Level.INSTANCE:
            counts = {Level.STUDY: "CountStudies", Level.SERIES: "CountSeries",
                      Level.INSTANCE: "CountInstances"}
            ids = [rid]
            for below in range(level + 1, Level.INSTANCE + 1):
                ids = [c for i in ids for c in store.children(i)]
                body[counts[Level(below)]] = len(ids)
        return dict(sorted(body.items()))
    return json_response(await run_in_threadpool(work))


# --- metadata ---------------------------------------------------------------
def _user_metadata_name(request: Request, name: str) -> str:
    """Check that ``name`` is user metadata that clients may change."""
    if name in SYSTEM_METADATA:
        raise bad_request(f'metadata "{name}" is maintained by the server and cannot be changed')
    user = request.app.state.config.UserMetadata
    if name in user or (re.fullmatch(r"[0-9]{1,5}", name) and 1024 <= int(name) <= 65535):
        return name
    raise LetheError(ErrorCode.INEXISTENT_ITEM,
                     f'unknown metadata "{name}" (declare it in UserMetadata, or use '
                     "a number from 1024 to 65535)")


async def list_metadata(request: Request) -> Response:
    level, rid = _level(request), request.path_params["id"]

    def work() -> dict | list:
        store = store_of(request)
        store.resource(rid, level)
        values = store.metadata(rid)
        return values if flag(request, "expand") else list(values)
    return json_response(await run_in_threadpool(work))


async def metadata_item(request: Request) -> Response:
    level, rid, name = _level(request), request.path_params["id"], request.path_params["name"]
    store = store_of(request)
    if request.method == "GET":
        def get() -> str:
            store.resource(rid, level)
            values = store.metadata(rid)
            if name not in values:
                raise LetheError(ErrorCode.INEXISTENT_ITEM, f'no metadata "{name}"')
            return values[name]
        return text_response(await run_in_threadpool(get))
    _user_metadata_name(request, name)
    value = (await read_body(request)).decode("utf-8", errors="replace")

    def change() -> None:
        store.resource(rid, level)
        if request.method == "PUT":
            store.set_metadata(rid, name, value)
        elif not store.delete_metadata(rid, name):
            raise LetheError(ErrorCode.INEXISTENT_ITEM, f'no metadata "{name}"')
    await run_in_threadpool(change)
    return json_response({})


# --- labels -----------------------------------------------------------------
async def list_labels(request: Request) -> Response:
    level, rid = _level(request), request.path_params["id"]

    def work() -> list:
        store = store_of(request)
        store.resource(rid, level)
        return store.labels(rid)
    return json_response(await run_in_threadpool(work))


def check_label(label: str) -> str:
    """Orthanc's label rule: 1 to 64 characters among letters, digits, ``_`` and ``-``."""
    if not (0 < len(label) <= 64) or not all(c.isascii() and (c.isalnum() or c in "_-")
                                             for c in label):
        raise LetheError(ErrorCode.PARAMETER_OUT_OF_RANGE,
                         f'invalid label "{label}": use 1 to 64 letters, digits, "_" or "-"')
    return label


async def label_item(request: Request) -> Response:
    level, rid = _level(request), request.path_params["id"]
    label = check_label(request.path_params["label"])

    def work() -> Response:
        store = store_of(request)
        store.resource(rid, level)
        if request.method == "GET":
            if label not in store.labels(rid):
                raise LetheError(ErrorCode.UNKNOWN_RESOURCE, f'no label "{label}"')
            return text_response("")
        store.set_label(rid, label, request.method == "PUT")
        return json_response({})
    return await run_in_threadpool(work)


class _Choice(Convertor):
    """A path segment restricted to a fixed set of words."""

    def __init__(self, *words: str) -> None:
        # Starlette declares regex a class variable; it reads it from the instance.
        self.regex = "|".join(words)  # type: ignore[misc]

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


_OWNERS = [level for level in Level if level is not Level.INSTANCE]
register_url_convertor("level", _Choice(*(level.plural for level in Level)))
register_url_convertor("owner", _Choice(*(level.plural for level in _OWNERS)))
register_url_convertor("relative", _Choice(*dict.fromkeys(
    [level.plural for level in Level] + [level.key for level in _OWNERS])))

LEVEL = "/{level:level}/{id}"
routes = [
    Route("/{level:level}", list_resources, methods=["GET"]),
    Route(LEVEL, get_resource, methods=["GET"]),
    Route(LEVEL, delete_resource, methods=["DELETE"]),
    Route(LEVEL + "/statistics", resource_statistics, methods=["GET"]),
    Route(LEVEL + "/metadata", list_metadata, methods=["GET"]),
    Route(LEVEL + "/metadata/{name}", metadata_item, methods=["GET", "PUT", "DELETE"]),
    Route(LEVEL + "/labels", list_labels, methods=["GET"]),
    Route(LEVEL + "/labels/{label}", label_item, methods=["GET", "PUT", "DELETE"]),
    Route(LEVEL + "/{relative:relative}", relative_route, methods=["GET"]),
]
