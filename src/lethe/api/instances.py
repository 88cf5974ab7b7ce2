"""Routes of instances: upload and the DICOM file (their tags: :mod:`lethe.api.tags`)."""

from __future__ import annotations

import io
import zipfile
from typing import BinaryIO

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe.api.body import read_body
from lethe.api.resources import store_of
from lethe.api.responses import (
    json_response,
    output_response,
    small_file_in_memory,
    spooled_output,
)
from lethe.api.threads import run_in_thread
from lethe.dicom.transcode import KNOWN_TRANSFER_SYNTAXES, transcode_file
from lethe.errors import ErrorCode, LetheError, bad_file_format, out_of_range
from lethe.hooks.filters import RECEIVED_FILTER, check_received
from lethe.jobs.receive import receive, store_archive
from lethe.store.ingest import Origin

ZIP_MAGIC = b"PK\x03\x04"


def origin_of(request: Request) -> Origin:
    """The Origin metadata of what this request stores."""
    if "lethe.origin" in request.scope:  # a hook's call in process: "Lua" or "Plugins"
        return Origin(request.scope["lethe.origin"])
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
        return json_response(await run_in_thread(upload_archive, request, data))
    hooks = request.app.state.hooks
    if hooks.handles(RECEIVED_FILTER):  # ReceivedInstanceFilter (Lua, Python)
        refused = await run_in_thread(check_received, hooks, data, origin_of(request))
        if refused is not None:
            return json_response(refused)
    result = await receive(store_of(request), request.app.state.pool, data, origin_of(request))
    return json_response(result.to_json())


async def get_file(request: Request) -> Response:
    """The stored file, or (``?transcode=UID``) the file in another transfer syntax."""
    rid = request.path_params["id"]
    target = request.query_params.get("transcode")
    headers = {"Content-Disposition": f'filename="{rid}.dcm"'}
    if target is None:
        store = store_of(request)
        output = await run_in_thread(lambda: small_file_in_memory(store.open_file(rid)))
        return output_response(output, "application/dicom", headers=headers)
    if target not in KNOWN_TRANSFER_SYNTAXES:
        raise out_of_range(f"Unknown transfer syntax: {target}")
    quality = request.app.state.config.DicomLossyTranscodingQuality

    def write(out: BinaryIO) -> None:
        with store_of(request).open_file(rid) as source:
            transcode_file(source, target, out, lossy_quality=quality)
    return output_response(await run_in_thread(spooled_output, write), "application/dicom",
                           headers=headers)


routes = [
    Route("/instances", post_instances, methods=["POST"]),
    Route("/instances/{id}/file", get_file, methods=["GET"]),
]
