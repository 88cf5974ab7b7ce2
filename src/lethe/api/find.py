"""``/tools/find``, ``/tools/count-resources`` and ``/tools/labels``.

The body of ``/tools/find`` is parsed by :class:`lethe.store.find.FindQuery` (what to match,
in which order, which page); what to show of each resource by :mod:`lethe.api.listing`:
``Expand``, ``ResponseContent`` (which overrides ``Expand``), ``RequestedTags``, and
``Simplify``/``Short``/``Full`` for the format of the tags. Without ``Limit``, or with a
larger one, at most ``LimitFindResults`` resources (``LimitFindInstances`` instances) are
given when those are set, as Orthanc 1.12.11 does.
"""

from __future__ import annotations

import dataclasses

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe.api.body import read_json_object
from lethe.api.listing import (
    EXPAND_CONTENT,
    Expansion,
    body_format,
    content_from_body,
    expand_all,
    requested_from_body,
    tags_of,
)
from lethe.api.resources import store_of
from lethe.api.responses import json_response
from lethe.api.threads import run_in_thread
from lethe.store.find import FindQuery, count, find
from lethe.store.model import Level


def _limited(request: Request, query: FindQuery) -> FindQuery:
    """``query`` with its ``Limit`` capped by ``LimitFindResults`` / ``LimitFindInstances``."""
    config = request.app.state.config
    cap = config.LimitFindInstances if query.level is Level.INSTANCE else config.LimitFindResults
    if cap and (query.limit == 0 or query.limit > cap):
        return dataclasses.replace(query, limit=cap)
    return query


async def tools_find(request: Request) -> Response:
    """``POST /tools/find``: the IDs of the matching resources, or the resources themselves
    when ``Expand`` or ``ResponseContent`` asks."""
    body = await read_json_object(request)
    tags = tags_of(request)
    query = _limited(request, FindQuery.parse(body, tags))
    content = content_from_body(body)
    requested = requested_from_body(body, tags)
    expansion = None
    if content is not None or query.expand:
        extra = tuple(int(tag) for tag in query.file_tags)
        expansion = Expansion(EXPAND_CONTENT if content is None else content,
                              body_format(body, "simplify"),
                              tuple(dict.fromkeys(requested + extra)))

    def work() -> list:
        store = store_of(request)
        ids = find(store, query)
        if expansion is None:
            return ids
        return expand_all(store, ids, expansion,
                          stable_age=request.app.state.config.StableAge, tags=tags)
    return json_response(await run_in_thread(work))


async def count_resources(request: Request) -> Response:
    """``POST /tools/count-resources``: ``{"Count": n}`` of what ``/tools/find`` would find
    with the same criteria (``Since``, ``Limit`` and the display fields are ignored)."""
    body = await read_json_object(request)
    query = FindQuery.parse(body, tags_of(request))
    body_format(body, "simplify")  # checked as /tools/find checks them
    total = await run_in_thread(count, store_of(request), query)
    return json_response({"Count": total})


async def tools_labels(request: Request) -> Response:
    """``GET /tools/labels``: every label that some resource has, sorted."""
    return json_response(await run_in_thread(store_of(request).all_labels))


routes = [
    Route("/tools/find", tools_find, methods=["POST"]),
    Route("/tools/count-resources", count_resources, methods=["POST"]),
    Route("/tools/labels", tools_labels, methods=["GET"]),
]
