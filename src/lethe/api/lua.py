"""``POST /tools/execute-script``, and the ``IncomingHttpRequestFilter`` of the hooks.

- ``/tools/execute-script`` runs the body as Lua in the interpreter of ``LuaScripts``
  (functions it defines become callbacks, until a restart) and answers what it printed, as
  plain text. Refused (403) unless ``ExecuteLuaEnabled``; a script that fails is a 500
  "Cannot execute a Lua command" whose details are the Lua message.
- :class:`HttpFilterMiddleware` asks the hooks' ``IncomingHttpRequestFilter`` (Lua or
  Python) about each request, on a thread of the pool (never on the event loop): a refusal is
  a 403 without a body, as in Orthanc. Requests of the REST API in process (callbacks calling ``RestApiGet``...) are not
  filtered, as in Orthanc.
"""

from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from lethe.api.body import read_body
from lethe.api.threads import run_in_thread
from lethe.errors import ErrorCode, LetheError
from lethe.hooks.dispatcher import Dispatcher

log = logging.getLogger(__name__)

HTTP_FILTER = "IncomingHttpRequestFilter"


async def execute_script(request: Request) -> Response:
    lua = request.app.state.lua
    if not request.app.state.config.ExecuteLuaEnabled or lua is None:
        raise LetheError(ErrorCode.FORBIDDEN_ACCESS, "the execution of Lua scripts through "
                         "the REST API is disabled (ExecuteLuaEnabled is false)")
    code = await read_body(request)
    output = await run_in_thread(lua.execute, code)
    return Response(output, media_type="text/plain")


class HttpFilterMiddleware:
    """ASGI middleware running the ``IncomingHttpRequestFilter`` of ``dispatcher``; with no
    such filter defined, it costs one set look-up per request."""

    def __init__(self, app: ASGIApp, dispatcher: Dispatcher) -> None:
        self.app = app
        self.dispatcher = dispatcher

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or "lethe.origin" in scope or \
                not self.dispatcher.handles(HTTP_FILTER):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope["headers"]}
        username = scope.get("state", {}).get("username", "")
        allowed = await run_in_thread(
            self.dispatcher.filter, HTTP_FILTER, scope["method"], scope["path"],
            client[0] if client else "", username, headers)
        if not allowed:
            await Response(status_code=403)(scope, receive, send)  # as Orthanc: no body
            return
        await self.app(scope, receive, send)


routes = [Route("/tools/execute-script", execute_script, methods=["POST"])]
