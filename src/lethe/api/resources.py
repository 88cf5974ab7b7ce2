"""Routes over the resource hierarchy: lists, details, children, parents,
deletion, statistics, metadata and labels of patients, studies, series and instances."""

from __future__ import annotations

import hashlib
import re

from starlette.convertors import register_url_convertor
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe.api.body import read_body
from lethe.api.listing import (
    Expansion,
    bool_arg,
    content_from_query,
    expand,
    expand_all,
    metadata_name,
    metadata_number,
    tags_of,
)
from lethe.api.responses import json_response, text_response
from lethe.api.revisions import delete_revision, etag, not_modified, write_revision
from lethe.api.routing import WordsConvertor
from lethe.api.threads import run_in_thread, run_short
from lethe.errors import ErrorCode, LetheError, bad_request
from lethe.store.model import Level
from lethe.store.store import Store

SYSTEM_METADATA = ("IndexInSeries", "ReceptionDate", "RemoteAET", "ModifiedFrom",
                   "AnonymizedFrom", "LastUpdate", "Origin", "TransferSyntax", "SopClassUid",
                   "RemoteIP", "CalledAET", "HttpUsername", "PixelDataOffset",
                   "ExpectedNumberOfInstances", "MainDicomTagsSignature")
LEVEL_BY_PLURAL = {level.plural: level for level in Level}


def store_of(request: Request) -> Store:
    """The store of the running app."""
    return request.app.state.store


def default_encoding_of(request: Request) -> str:
    """The encoding of text in files that declare none: ``DefaultEncoding``, or what
    ``PUT /tools/default-encoding`` set since."""
    state = request.app.state
    return str(getattr(state, "default_encoding", None) or state.config.DefaultEncoding)


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


def _level(request: Request) -> Level:
    return LEVEL_BY_PLURAL[request.path_params["level"]]


def expanded(request: Request, ids: list[str], expansion: Expansion | None = None
             ) -> list[dict]:
    """The JSON of each of ``ids`` that still exists, as ``expansion`` asks (by default as
    the request's query asks: :meth:`Expansion.from_query`)."""
    tags = tags_of(request)
    return expand_all(store_of(request), ids, expansion or Expansion.from_query(request, tags),
                      stable_age=request.app.state.config.StableAge, tags=tags)


async def list_resources(request: Request) -> Response:
    """``GET /{level}``: the IDs in creation order (``since``, ``limit``), or with
    ``expand`` or ``response-content`` the resources themselves."""
    level = _level(request)
    since, limit = int_arg(request, "since"), int_arg(request, "limit")
    content = content_from_query(request)
    expand_them = content is not None or bool_arg(request, "expand", False)
    expansion = Expansion.from_query(request, tags_of(request)) if expand_them else None

    def work() -> list:
        ids = store_of(request).list_ids(level, since, limit)
        return ids if expansion is None else expanded(request, ids, expansion)
    return json_response(await run_in_thread(work))


async def get_resource(request: Request) -> Response:
    """``GET /{level}/{id}`` (``?short``, ``?full``, ``?requested-tags``)."""
    level, rid = _level(request), request.path_params["id"]
    tags = tags_of(request)
    expansion = Expansion.from_query(request, tags)

    store = store_of(request)

    def work() -> dict:
        return expand(store, store.resource(rid, level), expansion,
                      stable_age=request.app.state.config.StableAge, tags=tags)
    return json_response(await run_short(store.index.local, work))  # a few index reads


async def delete_resource(request: Request) -> Response:
    level, rid = _level(request), request.path_params["id"]
    outcome = await run_in_thread(store_of(request).delete, rid, level)
    ancestor = outcome.remaining_ancestor
    body = None if ancestor is None else {
        "ID": ancestor.id, "Path": f"/{ancestor.level.plural}/{ancestor.id}",
        "Type": ancestor.level.label}
    return json_response({"RemainingAncestor": body})


async def relative_route(request: Request) -> Response:
    """Descendants (``/patients/{id}/studies``, ``/studies/{id}/instances``, ...: expanded
    unless ``?expand=false``) or the ancestor (``/instances/{id}/patient``,
    ``/series/{id}/study``, ...), in the forms :class:`Expansion` describes."""
    level, rid, name = _level(request), request.path_params["id"], request.path_params["relative"]
    target = Level.parse(name)
    descendant = target > level and name == target.plural
    ancestor = target < level and name == target.key
    if not (descendant or ancestor):
        raise LetheError(ErrorCode.UNKNOWN_RESOURCE, f'{level.label} has no "{name}"')
    tags = tags_of(request)
    expansion = Expansion.from_query(request, tags)
    expand_them = ancestor or content_from_query(request) is not None or bool_arg(
        request, "expand", True)

    def work() -> dict | list:
        store = store_of(request)
        resource = store.resource(rid, level)
        if target < level:
            while resource.level > target:
                resource = store.resource(resource.parent_id or "")
            return expand(store, resource, expansion,
                          stable_age=request.app.state.config.StableAge, tags=tags)
        ids = [rid]
        for _ in range(target - level):
            ids = [c for i in ids for c in store.children(i)]
        return expanded(request, ids, expansion) if expand_them else ids
    return json_response(await run_in_thread(work))


def _size_fields(prefix: str, size: int) -> dict:
    return {f"{prefix}Size": str(size), f"{prefix}SizeMB": size // (1024 * 1024)}


def size_statistics(sizes: dict[str, int]) -> dict:
    """Orthanc's size fields (on disk and uncompressed, of every attachment and of the DICOM
    files): ``DiskSize`` and ``DiskSizeMB``... from :meth:`Store.sizes`."""
    body: dict = {}
    for prefix, size in sizes.items():
        body.update(_size_fields(prefix, size))
    return body


async def resource_statistics(request: Request) -> Response:
    level, rid = _level(request), request.path_params["id"]

    def work() -> dict:
        store = store_of(request)
        store.resource(rid, level)
        body = size_statistics(store.sizes(rid))
        if level < Level.INSTANCE:
            counts = {Level.STUDY: "CountStudies", Level.SERIES: "CountSeries",
                      Level.INSTANCE: "CountInstances"}
            ids = [rid]
            for below in range(level + 1, Level.INSTANCE + 1):
                ids = [c for i in ids for c in store.children(i)]
                body[counts[Level(below)]] = len(ids)
        return dict(sorted(body.items()))
    return json_response(await run_in_thread(work))


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
    """``GET /{level}/{id}/metadata``: the names (``?expand``: name -> value); with
    ``?numeric`` (Orthanc 1.12), Orthanc's numbers instead of the names."""
    level, rid = _level(request), request.path_params["id"]
    numeric = flag(request, "numeric")
    user = request.app.state.config.UserMetadata

    def work() -> dict | list:
        store = store_of(request)
        store.resource(rid, level)
        values = store.metadata(rid)
        if numeric:
            numbers = {name: metadata_number(name, user) for name in values}
            values = {str(numbers[n]): v for n, v in values.items() if numbers[n] is not None}
            if not flag(request, "expand"):
                return [int(number) for number in values]
        return values if flag(request, "expand") else list(values)
    return json_response(await run_in_thread(work))


async def metadata_item(request: Request) -> Response:
    """``GET``, ``PUT`` and ``DELETE`` of one metadata, with revisions
    (:mod:`lethe.api.revisions`: ``ETag``, ``If-Match``, ``If-None-Match``)."""
    level, rid = _level(request), request.path_params["id"]
    name = metadata_name(request.path_params["name"], request.app.state.config.UserMetadata)
    store = store_of(request)
    if request.method == "GET":
        def get() -> tuple[str, int]:
            store.resource(rid, level)
            entry = store.metadata_entry(rid, name)
            if entry is None:
                raise LetheError(ErrorCode.INEXISTENT_ITEM, f'no metadata "{name}"')
            return entry
        value, revision = await run_in_thread(get)
        tag = etag(revision, _md5(value))
        if not_modified(request, revision, _md5(value)):
            return Response(status_code=304, headers={"ETag": tag})
        answer = text_response(value)
        answer.headers["ETag"] = tag
        return answer
    _user_metadata_name(request, name)
    if request.method == "DELETE":
        expected = delete_revision(request)

        def delete() -> None:
            store.resource(rid, level)
            if not store.remove_metadata(rid, name, expected):
                raise LetheError(ErrorCode.INEXISTENT_ITEM, f'no metadata "{name}"')
        await run_in_thread(delete)
        return json_response({})
    expected = write_revision(request)
    value = (await read_body(request)).decode("utf-8", errors="replace")

    def put() -> int:
        store.resource(rid, level)
        return store.put_metadata(rid, name, value, expected)
    revision = await run_in_thread(put)
    return json_response({}, headers={"ETag": etag(revision, _md5(value))})


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()


# --- labels -----------------------------------------------------------------
async def list_labels(request: Request) -> Response:
    level, rid = _level(request), request.path_params["id"]

    def work() -> list:
        store = store_of(request)
        store.resource(rid, level)
        return store.labels(rid)
    return json_response(await run_in_thread(work))


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
    return await run_in_thread(work)


_OWNERS = [level for level in Level if level is not Level.INSTANCE]
register_url_convertor("level", WordsConvertor(*(level.plural for level in Level)))
register_url_convertor("owner", WordsConvertor(*(level.plural for level in _OWNERS)))
register_url_convertor("relative", WordsConvertor(*dict.fromkeys(
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
