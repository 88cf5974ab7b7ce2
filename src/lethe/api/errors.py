"""Turn exceptions into Orthanc's JSON error body, in one place."""

from __future__ import annotations

import logging
from http import HTTPStatus

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

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
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(allowed_methods(request))
    return error_response(request, code, exc.status_code, details, headers=headers)


def allowed_methods(request: Request) -> list[str]:
    """Every method of every route whose path matches the request's path."""
    methods: set[str] = set()
    for route in request.app.routes:
        regex = getattr(route, "path_regex", None)
        if regex is not None and regex.match(request.url.path):
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)


class InternalErrorMiddleware:
    """Answer any unhandled exception with Orthanc's 500 body, logged with its traceback;
    a ``RecursionError`` (input nested too deeply) is a 400 instead.

    Unlike Starlette's own error middleware it does not re-raise, so the server keeps
    the keep-alive connection usable (no silent close after the answer).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)
        try:
            await self.app(scope, receive, tracking_send)
        except RecursionError:
            # Input nested deeper than a route can walk (a JSON body read without
            # read_json, a DICOM file): the request's fault, not the server's.
            if started:
                raise
            response = error_response(Request(scope), ErrorCode.BAD_FILE_FORMAT, 400,
                                      "the request nests values too deeply to be processed")
            await response(scope, receive, send)
        except Exception as exc:
            request = Request(scope)
            log.error("unhandled error on %s %s", request.method, request.url.path,
                      exc_info=exc)
            if started:
                raise
            response = error_response(request, ErrorCode.INTERNAL_ERROR, 500)
            await response(scope, receive, send)
