"""Turn exceptions into Orthanc's JSON error body, in one place."""

from __future__ import annotations

import logging
from http import HTTPStatus

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from lethe.api.responses import json_response
from lethe.errors import ErrorCode, LetheError

log = logging.getLogger(__name__)

_HTTP_CODES = {
    400: ErrorCode.BAD_REQUEST, 401: ErrorCode.UNAUTHORIZED, 403: ErrorCode.FORBIDDEN_ACCESS,
    404: ErrorCode.UNKNOWN_RESOURCE, 405: ErrorCode.BAD_REQUEST,
    413: ErrorCode.REQUEST_TOO_LARGE, 415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
}


def error_body(request: Request, code: ErrorCode, status: int, details: str = "") -> dict:
    """Orthanc's error object for ``code`` answered with HTTP ``status``."""
    body = {
        "HttpError": HTTPStatus(status).phrase,
        "HttpStatus": status,
        "Message": code.description,
        "Method": request.method,
        "OrthancError": code.description,
        "OrthancStatus": code.code,
        "Uri": request.url.path,
    }
    if details:
        body["Details"] = details
    return body


def error_response(request: Request, code: ErrorCode, status: int, details: str = "",
                   headers: dict[str, str] | None = None) -> Response:
    """A JSON error response (always with a Content-Type)."""
    return json_response(error_body(request, code, status, details), status, headers=headers)


async def lethe_error_handler(request: Request, exc: Exception) -> Response:
    """Handler for :class:`LetheError`."""
    assert isinstance(exc, LetheError)
    return error_response(request, exc.code, exc.http_status, exc.details)


async def http_error_handler(request: Request, exc: Exception) -> Response:
    """Handler for Starlette's own HTTP errors (unknown route, wrong method)."""
    assert isinstance(exc, HTTPException)
    code = _HTTP_CODES.get(exc.status_code, ErrorCode.BAD_REQUEST)
    details = "" if exc.status_code in (404, 405) else str(exc.detail or "")
    return error_response(request, code, exc.status_code, details, headers=exc.headers)


async def internal_error_handler(request: Request, exc: Exception) -> Response:
    """Any other exception: 500, logged with its traceback, no internals to the client."""
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(request, ErrorCode.INTERNAL_ERROR, 500)
