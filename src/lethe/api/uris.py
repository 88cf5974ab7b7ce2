"""Request paths read as Orthanc reads them.

Orthanc's HTTP server decodes the path, removes its dot segments and ignores empty
components: ``//system``, ``/system/``, ``/instances//ID/tags`` and ``/tools/../system`` are
the same routes as ``/system``, ``/instances/ID/tags`` and ``/system``. Clients rely on it
(Orthanc's own integration tests ask for ``//system``, their base URL ending with a slash).
:class:`UriNormalizationMiddleware` rewrites the path of each request before anything else
sees it, so that routing, security and the ``Uri`` of error bodies all use the one form.
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.types import ASGIApp, Receive, Scope, Send


def normalize_path(path: str) -> str:
    """``path`` (already percent-decoded) without empty components, ``.`` segments, or the
    components that ``..`` segments cancel (a ``..`` at the root is dropped), always starting
    with ``/`` and never ending with one (except the root itself)."""
    if "//" not in path and "/." not in path and (len(path) < 2 or not path.endswith("/")):
        return path or "/"  # the usual case: nothing to rewrite
    kept: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if kept:
                kept.pop()
            continue
        kept.append(part)
    return "/" + "/".join(kept)


class UriNormalizationMiddleware:
    """ASGI middleware giving every HTTP request the path :func:`normalize_path` makes of it
    (``path``, and ``raw_path`` re-encoded from it)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path = scope.get("path", "")
            normalized = normalize_path(path)
            if normalized != path:
                scope = dict(scope)
                scope["path"] = normalized
                scope["raw_path"] = quote(normalized).encode("ascii")
        await self.app(scope, receive, send)
