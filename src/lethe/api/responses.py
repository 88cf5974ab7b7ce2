"""Orthanc-shaped responses."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from starlette.responses import Response, StreamingResponse

JSON_TYPE = "application/json"
CHUNK = 1024 * 1024
SPOOL_IN_MEMORY = 32 * 1024 * 1024


def json_response(content: Any, status: int = 200,
                  headers: dict[str, str] | None = None) -> Response:
    """JSON indented as Orthanc indents it (3 spaces), UTF-8."""
    text = json.dumps(content, indent=3, ensure_ascii=False, sort_keys=False) + "\n"
    return Response(text.encode("utf-8"), status_code=status, headers=headers,
                    media_type=JSON_TYPE)


def text_response(text: str, status: int = 200) -> Response:
    """Plain text, as Orthanc answers metadata values and ``/tools/now``."""
    return Response(text.encode("utf-8"), status_code=status, media_type="text/plain")


def spool(write: Callable[[BinaryIO], object]) -> BinaryIO:
    """Run ``write(out)`` into a temporary file (in memory up to 32 MiB) and rewind it.

    The file is closed, and the exception re-raised, if ``write`` fails.
    """
    out = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115
    try:
        write(out)
    except BaseException:
        out.close()
        raise
    out.seek(0)
    return out


def file_response(fp: BinaryIO, media_type: str,
                  headers: dict[str, str] | None = None) -> StreamingResponse:
    """Stream an open file in chunks, closing it at the end (never held whole in memory)."""
    def chunks() -> Iterator[bytes]:
        with fp:
            while chunk := fp.read(CHUNK):
                yield chunk
    return StreamingResponse(chunks(), media_type=media_type, headers=headers)
