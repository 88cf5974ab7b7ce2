"""Reading request bodies: size limit, gzip, JSON."""

from __future__ import annotations

import json
import zlib
from typing import Any

from starlette.requests import Request

from lethe.errors import ErrorCode, LetheError, bad_file_format


async def read_body(request: Request) -> bytes:
    """The whole body, gunzipped if sent with ``Content-Encoding: gzip``.

    Raises 413 beyond ``MaximumRequestSize`` (also for chunked bodies).
    """
    limit = request.app.state.config.MaximumRequestSize
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    body = b"".join(chunks)
    if request.headers.get("content-encoding", "").lower() == "gzip":
        body = _gunzip(body, limit)
    return body


def _gunzip(body: bytes, limit: int) -> bytes:
    """Inflate a gzip body, refusing (413) more than ``limit`` bytes once inflated."""
    inflater = zlib.decompressobj(wbits=31)
    try:
        inflated = inflater.decompress(body, limit + 1)
    except zlib.error:
        raise bad_file_format("the body is not valid gzip data") from None
    if len(inflated) > limit or inflater.unconsumed_tail:
        raise _too_large(limit)
    return inflated


def _too_large(limit: int) -> LetheError:
    return LetheError(ErrorCode.REQUEST_TOO_LARGE,
                      f"the body is larger than MaximumRequestSize ({limit} bytes)")


async def read_json(request: Request, *, allow_empty: bool = False) -> Any:
    """The body decoded as JSON; 400 ``Bad file format`` when it is not JSON."""
    body = await read_body(request)
    if not body.strip():
        if allow_empty:
            return {}
        raise bad_file_format("the body is empty, a JSON document was expected")
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise bad_file_format("the body is not a valid JSON document") from None


async def read_json_object(request: Request) -> dict[str, Any]:
    """The body as a JSON object; 400 ``Bad file format`` otherwise."""
    value = await read_json(request)
    if not isinstance(value, dict):
        raise bad_file_format("the body must be a JSON object")
    return value
