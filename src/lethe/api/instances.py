"""Routes of instances: upload, the DICOM file, and its tags in Orthanc's JSON forms."""

from __future__ import annotations

import io
import string
import zipfile
from typing import BinaryIO

from pydicom.dataset import Dataset
from pydicom.sequence import Sequence
from pydicom.tag import Tag
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe.api.body import read_body
from lethe.api.resources import flag, store_of
from lethe.api.responses import file_response, json_response, output_response, spooled_output
from lethe.dicom import dicomjson
from lethe.dicom.transcode import KNOWN_TRANSFER_SYNTAXES, transcode_file
from lethe.errors import ErrorCode, LetheError, bad_file_format, out_of_range
from lethe.jobs.receive import receive, store_archive
from lethe.store.ingest import Origin

ZIP_MAGIC = b"PK\x03\x04"


def origin_of(request: Request) -> Origin:
    """The Origin metadata of what this request stores."""
    client = request.scope.get("client")
    username = request.scope.get("state", {}).get("username", "")
    return Origin("RestApi", client[0] if client else "", username)


def zip_members(data: bytes, limit: int) -> list[tuple[str, bytes]]:
    """The files of a ZIP archive; 400 if it is not a valid archive, 413 if its members
    add up to more than ``limit`` bytes once inflated."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [info for info in archive.infolist() if not info.is_dir()]
            if sum(info.file_size for info in members) > limit:
                raise LetheError(ErrorCode.REQUEST_TOO_LARGE, "the ZIP members are larger "
                                 f"than MaximumRequestSize ({limit} bytes) once inflated")
            return [(info.filename, _read_member(archive, info, limit)) for info in members]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
        raise bad_file_format(f"the body is not a valid ZIP archive ({exc})") from None


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A member's content, never more than ``limit`` bytes (a lying header is refused)."""
    with archive.open(info) as member:
        content = member.read(limit + 1)
    if len(content) > limit:
        raise LetheError(ErrorCode.REQUEST_TOO_LARGE, f'ZIP member "{info.filename}" is '
                         f"larger than MaximumRequestSize ({limit} bytes)")
    return content


def upload_archive(request: Request, data: bytes) -> list:
    """Store every member of a ZIP archive (all or nothing); the files are parsed in the
    worker pool."""
    store, pool, origin = store_of(request), request.app.state.pool, origin_of(request)
    members = zip_members(data, request.app.state.config.MaximumRequestSize)
    return [result.to_json() for result in store_archive(store, pool, members, origin)]


async def post_instances(request: Request) -> Response:
    data = await read_body(request)
    if data.startswith(ZIP_MAGIC):
        return json_response(await run_in_threadpool(upload_archive, request, data))
    result = await receive(store_of(request), request.app.state.pool, data, origin_of(request))
    return json_response(result.to_json())


async def get_file(request: Request) -> Response:
    """The stored file, or (``?transcode=UID``) the file in another transfer syntax."""
    rid = request.path_params["id"]
    target = request.query_params.get("transcode")
    headers = {"Content-Disposition": f'filename="{rid}.dcm"'}
    if target is None:
        fp = await run_in_threadpool(store_of(request).open_file, rid)
        return file_response(fp, "application/dicom", headers=headers)
    if target not in KNOWN_TRANSFER_SYNTAXES:
        raise out_of_range(f"Unknown transfer syntax: {target}")
    quality = request.app.state.config.DicomLossyTranscodingQuality

    def write(out: BinaryIO) -> None:
        with store_of(request).open_file(rid) as source:
            transcode_file(source, target, out, lossy_quality=quality)
    return output_response(await run_in_threadpool(spooled_output, write), "application/dicom",
                           headers=headers)


def _format(request: Request, default: dicomjson.JsonFormat) -> dicomjson.JsonFormat:
    if flag(request, "simplify"):
        return "simplify"
    if flag(request, "short"):
        return "short"
    return default


async def get_tags(request: Request) -> Response:
    rid = request.path_params["id"]
    default: dicomjson.JsonFormat = ("simplify" if request.url.path.endswith("simplified-tags")
                                     else "full")

    def work() -> dict:
        ds = store_of(request).read_dataset(rid)
        return dicomjson.dataset_json(ds, _format(request, default),
                                      tags=request.app.state.tags)
    return json_response(await run_in_threadpool(work))


async def get_header(request: Request) -> Response:
    rid = request.path_params["id"]

    def work() -> dict:
        ds = store_of(request).read_dataset(rid)
        return dicomjson.header_json(ds, _format(request, "full"))
    return json_response(await run_in_threadpool(work))


def _content_target(ds: Dataset, parts: list[str]) -> object:
    """Follow ``gggg-eeee/index/gggg-eeee/...`` from the dataset; 404 if absent."""
    node: object = ds
    for part in parts:
        if isinstance(node, Dataset):
            hex_digits = part.replace("-", "").replace(",", "")
            if len(hex_digits) != 8 or not all(c in string.hexdigits for c in hex_digits):
                raise LetheError(ErrorCode.UNKNOWN_RESOURCE, f'not a tag: "{part}"')
            tag = Tag(int(hex_digits, 16))
            if tag not in node:
                raise LetheError(ErrorCode.UNKNOWN_RESOURCE, f"no tag {part}")
            raw = node.get_item(tag)
            node = node[tag].value if node[tag].VR == "SQ" else raw
        elif isinstance(node, Sequence) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            raise LetheError(ErrorCode.UNKNOWN_RESOURCE, f'no item "{part}"')
    return node


def _value_bytes(elem: object) -> bytes:
    """The stored bytes of an element's value (raw elements are not decoded)."""
    value = getattr(elem, "value", b"")
    if isinstance(value, bytes | bytearray):
        return bytes(value)
    if isinstance(value, list | tuple):
        return "\\".join(str(v) for v in value).encode("utf-8")
    return b"" if value is None else str(value).encode("utf-8")


async def get_content(request: Request) -> Response:
    rid = request.path_params["id"]
    parts = [p for p in request.path_params.get("path", "").split("/") if p]

    def work() -> Response:
        ds = store_of(request).read_dataset(rid, stop_before_pixels=False)
        node = _content_target(ds, parts)
        if isinstance(node, Dataset):
            return json_response([f"{t.group:04x}-{t.element:04x}" for t in sorted(node.keys())])
        if isinstance(node, Sequence):
            return json_response([str(i) for i in range(len(node))])
        return Response(_value_bytes(node), media_type="application/octet-stream")
    return await run_in_threadpool(work)


routes = [
    Route("/instances", post_instances, methods=["POST"]),
    Route("/instances/{id}/file", get_file, methods=["GET"]),
    Route("/instances/{id}/tags", get_tags, methods=["GET"]),
    Route("/instances/{id}/simplified-tags", get_tags, methods=["GET"]),
    Route("/instances/{id}/header", get_header, methods=["GET"]),
    Route("/instances/{id}/content", get_content, methods=["GET"]),
    Route("/instances/{id}/content/{path:path}", get_content, methods=["GET"]),
]
