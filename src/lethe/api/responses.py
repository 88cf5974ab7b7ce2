"""Orthanc-shaped responses."""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import AsyncIterator, Callable
from typing import Any, BinaryIO, cast

from starlette.responses import Response, StreamingResponse

from lethe.api.threads import run_in_thread

JSON_TYPE = "application/json"
CHUNK = 1024 * 1024
SPOOL_IN_MEMORY = 32 * 1024 * 1024
ANSWER_FROM_MEMORY = 4 * 1024 * 1024
"""Outputs up to this size are answered from memory in one piece, larger ones streamed."""


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
    # A binary file; typeshed types SpooledTemporaryFile as IO[bytes], not BinaryIO.
    out = cast(BinaryIO, tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY))  # noqa: SIM115
    try:
        write(out)
    except BaseException:
        out.close()
        raise
    out.seek(0)
    return out


def spooled_output(write: Callable[[BinaryIO], object]) -> bytes | BinaryIO:
    """:func:`spool`, then the output itself when it is at most :data:`ANSWER_FROM_MEMORY`
    bytes (the temporary file is closed), else the rewound temporary file."""
    out = spool(write)
    if out.seek(0, io.SEEK_END) > ANSWER_FROM_MEMORY:
        out.seek(0)
        return out
    with out:
        out.seek(0)
        return out.read()


def file_size(fp: BinaryIO) -> int:
    """The size of an open file, left at its start."""
    size = fp.seek(0, io.SEEK_END)
    fp.seek(0)
    return size


def small_file_in_memory(fp: BinaryIO) -> bytes | BinaryIO:
    """The content of an open file when it is at most :data:`ANSWER_FROM_MEMORY` bytes (the
    file is closed), else the file rewound, to be streamed: a small file is then answered
    in one piece from the thread that opened it, with no hop per chunk."""
    try:
        if file_size(fp) > ANSWER_FROM_MEMORY:
            return fp
        with fp:
            return fp.read()
    except BaseException:
        fp.close()
        raise


def output_in_memory(write: Callable[[BinaryIO], object]) -> bytes:
    """The output of ``write(out)`` written to memory: for outputs known to be small."""
    out = io.BytesIO()
    write(out)
    return out.getvalue()


def output_response(output: bytes | BinaryIO, media_type: str,
                    headers: dict[str, str] | None = None) -> Response:
    """An output of :func:`spooled_output` or :func:`output_in_memory`: bytes are answered
    in one piece, with their length; a file is streamed (:func:`file_response`)."""
    if isinstance(output, bytes):
        return Response(output, media_type=media_type, headers=headers)
    return file_response(output, media_type, headers)


def file_response(fp: BinaryIO, media_type: str,
                  headers: dict[str, str] | None = None) -> StreamingResponse:
    """Stream an open file in chunks, closing it at the end (never held whole in memory).

    Each chunk is read in a worker thread; a short read is the end of the file (``fp`` is a
    buffered binary file, whose reads are short only at the end).
    """
    async def chunks() -> AsyncIterator[bytes]:
        try:
            while True:
                chunk = await run_in_thread(fp.read, CHUNK)
                if chunk:
                    yield chunk
                if len(chunk) < CHUNK:
                    return
        finally:
            fp.close()
    return StreamingResponse(chunks(), media_type=media_type, headers=headers)
