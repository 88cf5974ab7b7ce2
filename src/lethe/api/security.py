"""Remote-access and HTTP Basic authentication rules, applied to every route.

- ``RemoteAccessAllowed`` false: only loopback clients are served (403 otherwise).
- ``AuthenticationEnabled`` true: every request needs HTTP Basic credentials
  from ``RegisteredUsers`` (401 with ``WWW-Authenticate`` otherwise), but the routes of an
  enabled pseudonym register with users (:func:`checks_own_users`), which check their own
  (:mod:`lethe.api.pseudonyms`).
- Request bodies larger than ``MaximumRequestSize`` are refused with 413.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hmac
import ipaddress

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from lethe.api.errors import error_response
from lethe.config import Config
from lethe.errors import ErrorCode

REGISTER_ROOT = "/pseudonyms"
"""The routes of the pseudonym register: only ``PseudonymRegister.Users`` may use them."""


def checks_own_users(config: Config, path: str) -> bool:
    """Whether ``path`` is a route of the pseudonym register (:data:`REGISTER_ROOT`) and the
    register is enabled with users: the route then checks the credentials of
    ``PseudonymRegister.Users`` instead of ``RegisteredUsers``. A disabled register's routes
    need the API's credentials, then refuse (403)."""
    register = config.PseudonymRegister
    return register.Enabled and bool(register.Users) and (
        path == REGISTER_ROOT or path.startswith(REGISTER_ROOT + "/"))


@functools.lru_cache(maxsize=1024)
def is_loopback(host: str | None) -> bool:
    """True for 127.0.0.0/8, ::1 and IPv4-mapped loopback addresses (answers are memoized:
    a client's address is parsed once, not on each of its requests)."""
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


def _header(scope: Scope, name: bytes) -> str | None:
    """The first value of header ``name`` (lower case, as ASGI servers give names)."""
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return None


class SecurityMiddleware:
    """ASGI middleware enforcing the access rules of the configuration.

    An accepted request costs two header look-ups; a ``Request`` is only built to answer
    a refusal.
    """

    def __init__(self, app: ASGIApp, config: Config) -> None:
        self.app = app
        self.config = config

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or "lethe.origin" in scope:  # hooks' calls in process
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        if not self.config.RemoteAccessAllowed and not is_loopback(client[0] if client else None):
            await self._refuse(scope, receive, send, ErrorCode.FORBIDDEN_ACCESS, 403,
                               "remote access is not allowed (RemoteAccessAllowed)")
            return
        if self.config.AuthenticationEnabled and not checks_own_users(self.config,
                                                                       scope["path"]):
            user = check_credentials(_header(scope, b"authorization"),
                                     self.config.RegisteredUsers)
            if user is None:
                realm = self.config.Name.replace('"', "")
                await self._refuse(scope, receive, send, ErrorCode.UNAUTHORIZED, 401,
                                   headers={"WWW-Authenticate": f'Basic realm="{realm}"'})
                return
            scope.setdefault("state", {})["username"] = user
        length = _header(scope, b"content-length")
        if length and length.isdigit() and int(length) > self.config.MaximumRequestSize:
            await self._refuse(scope, receive, send, ErrorCode.REQUEST_TOO_LARGE, 413,
                               f"the body is larger than MaximumRequestSize "
                               f"({self.config.MaximumRequestSize} bytes)")
            return
        await self.app(scope, receive, send)

    @staticmethod
    async def _refuse(scope: Scope, receive: Receive, send: Send, code: ErrorCode, status: int,
                      details: str = "", headers: dict[str, str] | None = None) -> None:
        response = error_response(Request(scope), code, status, details, headers=headers)
        await response(scope, receive, send)
