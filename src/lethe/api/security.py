"""Remote-access and HTTP Basic authentication rules, applied to every route.

- ``RemoteAccessAllowed`` false: only loopback clients are served (403 otherwise).
- ``AuthenticationEnabled`` true: every request needs HTTP Basic credentials
  from ``RegisteredUsers`` (401 with ``WWW-Authenticate`` otherwise).
- Request bodies larger than ``MaximumRequestSize`` are refused with 413.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import ipaddress

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from lethe.api.errors import error_response
from lethe.config import Config
from lethe.errors import ErrorCode


def is_loopback(host: str | None) -> bool:
    """True for 127.0.0.0/8, ::1 and IPv4-mapped loopback addresses."""
    if not host:
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return address.is_loopback or bool(mapped and mapped.is_loopback)


def check_credentials(header: str | None, users: dict[str, str]) -> str | None:
    """The user name if ``header`` carries valid Basic credentials, else None."""
    if not header or not header.lower().startswith("basic "):
        return None
    try:
        decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    name, sep, password = decoded.partition(":")
    expected = users.get(name)
    if not sep or expected is None:
        return None
    if hmac.compare_digest(password.encode("utf-8"), expected.encode("utf-8")):
        return name
    return None


class SecurityMiddleware:
    """ASGI middleware enforcing the access rules of the configuration."""

    def __init__(self, app: ASGIApp, config: Config) -> None:
        self.app = app
        self.config = config

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        client = scope.get("client")
        if not self.config.RemoteAccessAllowed and not is_loopback(client[0] if client else None):
            response = error_response(request, ErrorCode.FORBIDDEN_ACCESS, 403,
                                      "remote access is not allowed (RemoteAccessAllowed)")
            await response(scope, receive, send)
            return
        if self.config.AuthenticationEnabled:
            user = check_credentials(request.headers.get("authorization"),
                                     self.config.RegisteredUsers)
            if user is None:
                realm = self.config.Name.replace('"', "")
                response = error_response(request, ErrorCode.UNAUTHORIZED, 401,
                                          headers={"WWW-Authenticate": f'Basic realm="{realm}"'})
                await response(scope, receive, send)
                return
            scope.setdefault("state", {})["username"] = user
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > self.config.MaximumRequestSize:
            response = error_response(request, ErrorCode.REQUEST_TOO_LARGE, 413,
                                      f"the body is larger than MaximumRequestSize "
                                      f"({self.config.MaximumRequestSize} bytes)")
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
