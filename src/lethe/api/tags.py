"""Routes that show the DICOM tags of stored files, as Orthanc shows them.

- ``/instances/{id}/tags`` (``?simplify``, ``?short``, ``?full``, ``?whole``,
  ``?ignore-length``) and ``/instances/{id}/simplified-tags``;
- ``/instances/{id}/header`` (the file meta information);
- ``/instances/{id}/content/...``: the raw value of an element, reached through sequences
  (``0008-1140/0/0008-1155``), tags written in any of Orthanc's forms or by name;
- ``/{patients,studies,series}/{id}/shared-tags``, ``/instances-tags`` and ``/{level}/{id}/module``
  (``/studies/{id}/module-patient``), built from the ``full`` rendering of the files as Orthanc
  builds them from its stored JSON summaries;
- ``/series/{id}/ordered-slices``.

Every file is read in a worker thread; no value read from a file appears in an error.
"""

from __future__ import annotations

from typing import Any

from pydicom.charset import convert_encodings, default_encoding
from pydicom.dataelem import DataElement, RawDataElement
from pydicom.dataset import Dataset
from pydicom.encaps import generate_fragments
from pydicom.sequence import Sequence
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe.api.listing import bool_arg, dicom_format, instance_tags, one_instance, tags_of
from lethe.api.resources import default_encoding_of, store_of
from lethe.api.responses import json_response
from lethe.api.threads import run_in_thread
from lethe.dicom import dicomjson
from lethe.dicom.dicomjson import JsonFormat, simplify_full
from lethe.dicom.encoding import encode_value
from lethe.dicom.levels import Level
from lethe.dicom.modules import MODULE_TAGS
from lethe.dicom.tags import TagDictionary, format_tag
from lethe.errors import ErrorCode, LetheError
from lethe.store.store import Store

PIXEL_DATA = 0x7FE00010
UNDEFINED_LENGTH = 0xFFFFFFFF

# --- reading the tags of one instance -----------------------------------------------------
def ignore_length(request: Request, tags: TagDictionary) -> frozenset[int]:
    """The tags of ``?ignore-length=tag,tag...``, shown whatever the length of their value;
    400 naming a tag that is not one."""
    text = request.query_params.get("ignore-length", "")
    return frozenset(int(tags.parse_tag(part.strip())) for part in text.split(",")
                     if part.strip())


async def get_tags(request: Request) -> Response:
    """``GET /instances/{id}/tags`` and ``/simplified-tags`` (always ``simplify``)."""
    rid = request.path_params["id"]
    tags = tags_of(request)
    fmt: JsonFormat = ("simplify" if request.url.path.endswith("/simplified-tags")
                       else dicom_format(request, "full"))
    whole = bool_arg(request, "whole", False)
    long_values = ignore_length(request, tags)
    encoding = default_encoding_of(request)

    def work() -> dict:
        return instance_tags(store_of(request), rid, fmt, tags=tags, long_values=long_values,
                             whole=whole, default_encoding=encoding)
    return json_response(await run_in_thread(work))


async def get_header(request: Request) -> Response:
    """``GET /instances/{id}/header``: the file meta information."""
    rid = request.path_params["id"]
    fmt = dicom_format(request, "full")

    def work() -> dict:
        return dicomjson.header_json(store_of(request).read_dataset(rid), fmt)
    return json_response(await run_in_thread(work))


# --- tags of several instances ------------------------------------------------------------
def _level(request: Request) -> Level:
    """The level of the route (``/studies/{id}/module-patient``: a study)."""
    return Level.parse(request.path_params.get("level", "studies"))


def _instances(store: Store, resource_id: str, level: Level) -> list[str]:
    """The instances of a resource of ``level`` (404 if there is none such)."""
    store.resource(resource_id, level)
    return store.instances_of(resource_id, tree_order=True)


def shared_tags(store: Store, resource_id: str, level: Level, *,
                tags: TagDictionary) -> dict[str, Any]:
    """The top-level elements (in ``full`` format) that every instance of the resource has
    with the same string value: sequences and null values are never shared. Instances
    deleted meanwhile are skipped."""
    shared: dict[str, Any] | None = None
    for instance_id in _instances(store, resource_id, level):
        try:
            full = instance_tags(store, instance_id, "full", tags=tags)
        except LetheError as exc:
            if exc.code is ErrorCode.UNKNOWN_RESOURCE:
                continue
            raise
        strings = {key: node for key, node in full.items() if node.get("Type") == "String"}
        if shared is None:
            shared = strings
        else:
            shared = {key: node for key, node in shared.items()
                      if key in strings and strings[key]["Value"] == node["Value"]}
    return shared or {}


async def get_shared_tags(request: Request) -> Response:
    """``GET /{patients,studies,series}/{id}/shared-tags``."""
    rid, level, tags = request.path_params["id"], _level(request), tags_of(request)
    fmt = dicom_format(request, "full")

    def work() -> dict:
        return simplify_full(shared_tags(store_of(request), rid, level, tags=tags), fmt)
    return json_response(await run_in_thread(work))


async def get_instances_tags(request: Request) -> Response:
    """``GET /{patients,studies,series}/{id}/instances-tags``: instance ID -> its tags."""
    rid, level, tags = request.path_params["id"], _level(request), tags_of(request)
    fmt = dicom_format(request, "full")
    long_values = ignore_length(request, tags)
    encoding = default_encoding_of(request)

    def work() -> dict:
        store = store_of(request)
        answer = {}
        for instance_id in sorted(_instances(store, rid, level)):
            try:
                answer[instance_id] = instance_tags(store, instance_id, fmt, tags=tags,
                                                    long_values=long_values,
                                                    default_encoding=encoding)
            except LetheError as exc:
                if exc.code is not ErrorCode.UNKNOWN_RESOURCE:
                    raise
        return answer
    return json_response(await run_in_thread(work))


async def get_module(request: Request) -> Response:
    """``GET /{level}/{id}/module`` (the module of the resource's level) and
    ``/studies/{id}/module-patient``, read from one instance (:func:`one_instance`)."""
    rid, level, tags = request.path_params["id"], _level(request), tags_of(request)
    module = Level.PATIENT if request.url.path.endswith("/module-patient") else level
    fmt = dicom_format(request, "full")
    long_values = ignore_length(request, tags)

    def work() -> dict:
        store = store_of(request)
        instance_id = one_instance(store, rid, level)
        full = instance_tags(store, instance_id, "full", tags=tags, long_values=long_values)
        wanted = {format_tag(tag) for tag in MODULE_TAGS[module]}
        return simplify_full({key: node for key, node in full.items() if key in wanted}, fmt)
    return json_response(await run_in_thread(work))


# --- raw content --------------------------------------------------------------------------
def _not_found(what: str) -> LetheError:
    return LetheError(ErrorCode.UNKNOWN_RESOURCE, what)


def _item_index(text: str) -> int:
    if not text.isascii() or not text.isdigit():
        raise _not_found(f'not the index of an item: "{text[:64]}"')
    return int(text)


def _raw_value(item: Dataset, tag: int, little: bool, encodings: list[str]) -> bytes:
    """The bytes of a leaf element's value as stored, padding included; an element the
    parser already decoded (in sequence items, SpecificCharacterSet) is encoded again as
    pydicom writes it."""
    elem = item.get_item(tag, keep_deferred=True)
    if isinstance(elem, RawDataElement):
        return bytes(elem.value or b"")
    if not isinstance(elem, DataElement) or elem.value is None:
        return b""
    if isinstance(elem.value, bytes | bytearray):
        return bytes(elem.value)
    encoded = encode_value(tag, str(elem.VR), elem.value, implicit=True, little=little,
                           encodings=encodings)
    return b"" if encoded is None else encoded[8:]  # after the implicit VR header


def content_of(dataset: Dataset, parts: list[str], tags: TagDictionary,
               pixel_fragments: Any) -> Response:
    """The answer of ``/content/<parts>`` for ``dataset``: the tags of a data set
    (``gggg-eeee``), the item indexes of a sequence, or the raw value of an element.
    ``pixel_fragments()`` gives the pixel data's fragments (one for native pixel data)."""
    if parts and int(tags.parse_tag(parts[0])) == PIXEL_DATA and len(parts) <= 2:
        if PIXEL_DATA not in dataset:
            raise _not_found("no pixel data")
        fragments = pixel_fragments()
        if len(parts) == 1:
            return json_response([str(i) for i in range(len(fragments))])
        index = _item_index(parts[1])
        if index >= len(fragments):
            raise _not_found(f"no fragment {index} in the pixel data")
        return Response(fragments[index], media_type="application/octet-stream")
    node = dataset
    for position in range(0, len(parts) - 1, 2):
        tag = int(tags.parse_tag(parts[position]))
        index = _item_index(parts[position + 1])
        if tag not in node:
            raise _not_found(f"no tag {format_tag(tag)}")
        value = node[tag].value
        if not isinstance(value, Sequence) or index >= len(value):
            raise _not_found(f"no item {index} in {format_tag(tag)}")
        node = value[index]
    if len(parts) % 2 == 0:
        return json_response([f"{t >> 16:04x}-{t & 0xFFFF:04x}" for t in sorted(
            map(int, node.keys()))])
    tag = int(tags.parse_tag(parts[-1]))
    if tag not in node:
        raise _not_found(f"no tag {format_tag(tag)}")
    elem = node.get_item(tag, keep_deferred=True)
    if elem is not None and (elem.VR == "SQ" or (elem.VR is None and isinstance(
            node[tag].value, Sequence))):
        return json_response([str(i) for i in range(len(node[tag].value))])
    little = dataset.original_encoding[1] is not False
    charset = dataset.get("SpecificCharacterSet")
    encodings = convert_encodings(charset) if charset else [default_encoding]
    return Response(_raw_value(node, tag, little, encodings),
                    media_type="application/octet-stream")


def pixel_fragments(dataset: Dataset) -> list[bytes]:
    """The items of encapsulated pixel data (the Basic Offset Table first, as DCMTK counts
    them), or native pixel data as one block; 400 when the items are malformed."""
    elem = dataset.get_item(PIXEL_DATA, keep_deferred=True)
    data = bytes(getattr(elem, "value", b"") or b"")
    undefined = getattr(elem, "length", 0) == UNDEFINED_LENGTH or getattr(
        elem, "is_undefined_length", False)
    if not undefined:
        return [data]
    try:
        return list(generate_fragments(data))
    except ValueError:
        raise LetheError(ErrorCode.BAD_FILE_FORMAT,
                         "the encapsulated pixel data is malformed") from None


async def get_content(request: Request) -> Response:
    """``GET /instances/{id}/content`` and ``/content/{path}``."""
    rid, tags = request.path_params["id"], tags_of(request)
    parts = [p for p in request.path_params.get("path", "").split("/") if p]

    def work() -> Response:
        store = store_of(request)
        header = store.read_header(rid)

        def fragments() -> list[bytes]:
            return pixel_fragments(store.read_dataset(rid, stop_before_pixels=False))
        return content_of(header.dataset, parts, tags, fragments)
    return await run_in_thread(work)


# --- ordered slices -----------------------------------------------------------------------
async def get_ordered_slices(request: Request) -> Response:
    """``GET /series/{id}/ordered-slices`` (deprecated in Orthanc, still served)."""
    rid = request.path_params["id"]

    def work() -> dict:
        store = store_of(request)
        store.resource(rid, Level.SERIES)
        from lethe.api.slices import order_slices  # numpy: loaded on first use

        ordering = order_slices(store, rid)
        slices, short = [], []
        for instance_id, frames in ordering.instances:
            slices += [f"/instances/{instance_id}/frames/{n}" for n in range(frames)]
            short.append([instance_id, 0, frames])
        return {"Dicom": [f"/instances/{i}/file" for i, _ in ordering.instances],
                "Slices": slices, "SlicesShort": short,
                "Type": "Volume" if ordering.is_volume else "Sequence"}
    return json_response(await run_in_thread(work))


OWNER = "/{level:owner}/{id}"
routes = [
    Route("/instances/{id}/tags", get_tags, methods=["GET"]),
    Route("/instances/{id}/simplified-tags", get_tags, methods=["GET"]),
    Route("/instances/{id}/header", get_header, methods=["GET"]),
    Route("/instances/{id}/content", get_content, methods=["GET"]),
    Route("/instances/{id}/content/{path:path}", get_content, methods=["GET"]),
    Route(OWNER + "/shared-tags", get_shared_tags, methods=["GET"]),
    Route(OWNER + "/instances-tags", get_instances_tags, methods=["GET"]),
    Route("/{level:level}/{id}/module", get_module, methods=["GET"]),
    Route("/studies/{id}/module-patient", get_module, methods=["GET"]),
    Route("/series/{id}/ordered-slices", get_ordered_slices, methods=["GET"]),
]
