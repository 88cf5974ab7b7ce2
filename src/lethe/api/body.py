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


MAX_JSON_DEPTH = 100
"""The deepest nesting of arrays and objects a JSON body may have. Deeper bodies are refused
(400) before any route sees them: no request needs more (a DICOM data set given as JSON nests
two levels a sequence), and whatever walks a body recursively, now or when it is shown again
(``UserData`` of a job), stays far from Python's recursion limit."""


async def read_json(request: Request, *, allow_empty: bool = False) -> Any:
    """The body decoded as JSON (:func:`parse_json`); with ``allow_empty``, an empty body
    is ``{}``."""
    body = await read_body(request)
    if not body.strip():
        if allow_empty:
            return {}
        raise bad_file_format("the body is empty, a JSON document was expected")
    return parse_json(body)


def parse_json(data: bytes | str) -> Any:
    """``data`` decoded as JSON; 400 ``Bad file format`` when it is not JSON, or when it
    nests arrays and objects deeper than :data:`MAX_JSON_DEPTH` levels."""
    try:
        value = json.loads(data)
    except RecursionError:
        raise _too_deep() from None
    except (ValueError, UnicodeDecodeError):
        raise bad_file_format("the body is not a valid JSON document") from None
    if json_depth(value) > MAX_JSON_DEPTH:
        raise _too_deep()
    return value


def json_depth(value: Any) -> int:
    """How deeply arrays and objects nest in a decoded JSON ``value`` (0 for a scalar), found
    without recursion; the walk stops one level past :data:`MAX_JSON_DEPTH`."""
    depth, layer = 0, [value]
    while depth <= MAX_JSON_DEPTH:
        below: list[Any] = []
        for item in layer:
            if isinstance(item, dict):
                below.extend(item.values())
            elif isinstance(item, list):
                below.extend(item)
        if not below and not any(isinstance(item, dict | list) for item in layer):
            return depth
        depth += 1
        layer = below
    return depth


def _too_deep() -> LetheError:
    return bad_file_format(f"the JSON body nests arrays and objects deeper than "
                           f"{MAX_JSON_DEPTH} levels")


async def read_json_object(request: Request) -> dict[str, Any]:
    """The body as a JSON object; 400 ``Bad file format`` otherwise."""
    value = await read_json(request)
    if not isinstance(value, dict):
        raise bad_file_format("the body must be a JSON object")
    return value
