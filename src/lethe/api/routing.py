"""A Starlette router that tries only the routes a path can match.

Starlette's :class:`~starlette.routing.Router` tries every route's regular expression in
order until one matches: with the two hundred routes of Orthanc's API, a path near the end of
the list costs about a hundred matches on each request. Most routes begin with a literal
segment (``/instances/...``, ``/tools/...``), which a request path must equal to match, or
a parameter restricted to a few words (:class:`WordsConvertor`: ``/{level:level}/...``), so
:class:`IndexedRouter` keeps, for each first segment, the routes that can match a path
beginning with it, in their order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from starlette._utils import get_route_path  # what Route.matches itself uses
from starlette.convertors import (
    Convertor,
    FloatConvertor,
    IntegerConvertor,
    StringConvertor,
    UUIDConvertor,
)
from starlette.routing import BaseRoute, Match, Route, Router
from starlette.types import Receive, Scope, Send


class WordsConvertor(Convertor):
    """A path parameter restricted to a fixed set of words (``register_url_convertor``)."""

    def __init__(self, *words: str) -> None:
        self.words = tuple(words)
        # Starlette declares regex a class variable; it reads it from the instance.
        self.regex = "|".join(re.escape(word) for word in words)  # type: ignore[misc]

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


PARAMETER = re.compile(r"\{(\w+)(?::(\w+))?\}")
"""A path parameter: its name, and its convertor's name if it has one."""


def first_segment(path: str) -> str:
    """The first segment of a path: ``"instances"`` for ``/instances/abc``, ``""`` for ``/``."""
    return path.split("/", 2)[1] if path.startswith("/") else ""


SEGMENT_CONVERTORS = (StringConvertor, IntegerConvertor, FloatConvertor, UUIDConvertor,
                      WordsConvertor)
"""The convertors whose values never hold a ``/``: a route whose parameters all have one of
them matches paths of as many segments as its own."""


def _first_segments(route: BaseRoute) -> tuple[str, ...] | None:
    """The first segments that paths matched by ``route`` can have, or None when they are
    not known (a parameter other than a :class:`WordsConvertor`, a route without a path)."""
    path = getattr(route, "path", None)
    if not isinstance(path, str) or not path.startswith("/"):
        return None
    segment = first_segment(path)
    if "{" not in segment:
        return (segment,)
    parameter = PARAMETER.fullmatch(segment)
    convertor = getattr(route, "param_convertors", {}).get(parameter and parameter[1])
    return convertor.words if isinstance(convertor, WordsConvertor) else None


def _slashes(route: BaseRoute) -> int | None:
    """How many ``/`` the paths matched by ``route`` have, or None when it varies (a mount,
    a ``path`` parameter)."""
    if not isinstance(route, Route):
        return None
    if not all(isinstance(c, SEGMENT_CONVERTORS) for c in route.param_convertors.values()):
        return None
    return route.path.count("/")


class IndexedRouter(Router):
    """A :class:`~starlette.routing.Router` that, for an HTTP request, looks for a full
    match among the routes that can match its path, in their order, before falling back to
    Starlette's own handling (which a 405, a 404 or a redirection needs).

    A path can match only the routes of its first segment (or of a first segment that
    varies) and of its number of segments (or of a number that varies). The first full
    match among those routes is the first among all routes, since a route left out cannot
    match the path: the answer is the same, with a few regular expressions tried instead of
    a hundred. Routes added after construction are tried by the fallback only.
    """

    def __init__(self, routes: Sequence[BaseRoute], **kwargs) -> None:
        super().__init__(routes=list(routes), **kwargs)
        shapes = [(_first_segments(route), _slashes(route)) for route in self.routes]
        segments = {s for firsts, _ in shapes if firsts is not None for s in firsts} | {None}
        counts = {n for _, n in shapes if n is not None}
        self._most_slashes = max(counts, default=0) + 1  # more: only routes of any count
        self._index = {
            (segment, slashes): [
                route for route, (firsts, n) in zip(self.routes, shapes, strict=True)
                if (firsts is None or segment in firsts) and n in (None, slashes)]
            for segment in segments for slashes in range(self._most_slashes + 1)}

    def candidates(self, path: str) -> list[BaseRoute]:
        """The routes, in order, that can fully match ``path``."""
        segment = first_segment(path)
        key = segment if (segment, 0) in self._index else None
        return self._index[key, min(path.count("/"), self._most_slashes)]

    async def app(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            for route in self.candidates(get_route_path(scope)):
                match, child_scope = route.matches(scope)
                if match is Match.FULL:
                    scope.setdefault("router", self)
                    scope["route"] = route
                    scope.update(child_scope)
                    await route.handle(scope, receive, send)
                    return
        await super().app(scope, receive, send)
