"""Orthanc-shaped responses."""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import Response

JSON_TYPE = "application/json"


def json_response(content: Any, status: int = 200,
                  headers: dict[str, str] | None = None) -> Response:
    """JSON indented as Orthanc indents it (3 spaces), UTF-8."""
    text = json.dumps(content, indent=3, ensure_ascii=False, sort_keys=False) + "\n"
    return Response(text.encode("utf-8"), status_code=status, headers=headers,
                    media_type=JSON_TYPE)


def text_response(text: str, status: int = 200) -> Response:
    """Plain text, as Orthanc answers metadata values and ``/tools/now``."""
    return Response(text.encode("utf-8"), status_code=status, media_type="text/plain")


def dicom_response(data: bytes, filename: str | None = None) -> Response:
    """A DICOM file as ``application/dicom``."""
    headers = {}
    if filename:
        headers["Content-Disposition"] = f'filename="{filename}"'
    return Response(data, media_type="application/dicom", headers=headers)
