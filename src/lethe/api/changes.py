"""``/changes`` and ``/exports``: the logs of what happened to the stored resources and of
what was sent away.

``GET /changes`` pages through the changes log with ``since`` and ``limit`` (100 by default,
10000 at most); ``?last`` gives only the last change. Orthanc 1.12.5's ``type`` (change types
separated by ``;``) keeps the changes of those types, and ``to`` (a sequence number, included)
pages backwards: the *last* ``limit`` changes up to it. ``Done`` tells whether no change is left
in the direction of paging, ``Last`` is the number of the last change given (when none is,
the number of the last change ever logged) and ``First`` (when changes are given) that of the
first, so that ``to=First-1`` gives the page before.

``GET /exports`` pages through the resources sent to modalities and peers when
``LogExportedResources`` is true (``since``, ``limit``, ``?last``); ``DELETE`` empties either
log.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe.api.resources import store_of
from lethe.api.responses import json_response
from lethe.api.threads import run_in_thread
from lethe.errors import ErrorCode, LetheError, bad_request
from lethe.store.model import Change, Export

DEFAULT_LIMIT = 100
MAX_LIMIT = 10000
_CHANGE_TYPE = re.compile(r"[A-Za-z]{1,64}")


def _integer(request: Request, name: str, default: int | None, *, signed: bool = False
             ) -> int | None:
    """A whole-number query argument (``default`` when absent or empty); 400 naming it
    otherwise."""
    raw = request.query_params.get(name, "").strip()
    if not raw:
        return default
    if not re.fullmatch(r"-?[0-9]{1,19}" if signed else r"[0-9]{1,19}", raw):
        raise LetheError(ErrorCode.PARAMETER_OUT_OF_RANGE,
                         f'the argument "{name}" must be a {"" if signed else "non-negative "}'
                         f'integer, got "{raw[:64]}"')
    return int(raw)


def _types(request: Request) -> tuple[str, ...]:
    """The change types of ``?type=A;B`` (empty: every type)."""
    raw = request.query_params.get("type", "")
    names = tuple(dict.fromkeys(part.strip() for part in raw.split(";") if part.strip()))
    for name in names:
        if not _CHANGE_TYPE.fullmatch(name):
            raise bad_request(f'the argument "type" names no change type: "{name[:64]}"')
    return names


def change_json(change: Change) -> dict[str, Any]:
    """One change as Orthanc shows it."""
    return {"ChangeType": change.change_type, "Date": change.date, "ID": change.resource_id,
            "Path": f"/{change.level.plural}/{change.resource_id}",
            "ResourceType": change.level.label, "Seq": change.seq}


def export_json(export: Export) -> dict[str, Any]:
    """One export as Orthanc shows it: the identifiers down to the resource's level."""
    body: dict[str, Any] = {
        "Date": export.date, "ID": export.resource_id,
        "Path": f"/{export.level.plural}/{export.resource_id}",
        "RemoteModality": export.remote, "ResourceType": export.level.label,
        "Seq": export.seq, "PatientID": export.patient_id}
    identifiers = (("StudyInstanceUID", export.study_uid),
                   ("SeriesInstanceUID", export.series_uid),
                   ("SOPInstanceUID", export.sop_uid))
    for name, value in identifiers[:int(export.level)]:
        body[name] = value
    return dict(sorted(body.items()))


async def get_changes(request: Request) -> Response:
    """``GET /changes``."""
    last = "last" in request.query_params
    since = _integer(request, "since", 0, signed=True) or 0
    limit = min(_integer(request, "limit", DEFAULT_LIMIT) or 0, MAX_LIMIT)
    to = _integer(request, "to", None, signed=True)
    types = _types(request)

    def work() -> dict:
        store = store_of(request)
        if last:
            entry = store.last_change_entry()
            rows, done = ([] if entry is None else [entry]), True
        else:
            rows = store.changes(since, limit + 1, to=to, types=types,
                                 from_end=to is not None)
            done = len(rows) <= limit
            rows = rows[1:] if to is not None and not done else rows[:limit]
        body: dict[str, Any] = {"Changes": [change_json(c) for c in rows], "Done": done,
                                "Last": rows[-1].seq if rows else store.last_change()}
        if rows:
            body["First"] = rows[0].seq
        return dict(sorted(body.items()))
    return json_response(await run_in_thread(work))


async def delete_changes(request: Request) -> Response:
    """``DELETE /changes``: empty the changes log (sequence numbers go on)."""
    await run_in_thread(store_of(request).clear_changes)
    return Response(b"", media_type="text/plain")


async def get_exports(request: Request) -> Response:
    """``GET /exports``."""
    last = "last" in request.query_params
    since = _integer(request, "since", 0, signed=True) or 0
    limit = _integer(request, "limit", DEFAULT_LIMIT) or 0

    def work() -> dict:
        store = store_of(request)
        if last:
            entry = store.last_export()
            rows, done, since_shown = ([] if entry is None else [entry]), True, 0
        else:
            rows = store.exports(since, limit + 1)
            done = len(rows) <= limit
            rows, since_shown = rows[:limit], since
        return {"Done": done, "Exports": [export_json(e) for e in rows],
                "Last": rows[-1].seq if rows else since_shown}
    return json_response(await run_in_thread(work))


async def delete_exports(request: Request) -> Response:
    """``DELETE /exports``: empty the log of exports."""
    await run_in_thread(store_of(request).clear_exports)
    return Response(b"", media_type="text/plain")


routes = [
    Route("/changes", get_changes, methods=["GET"]),
    Route("/changes", delete_changes, methods=["DELETE"]),
    Route("/exports", get_exports, methods=["GET"]),
    Route("/exports", delete_exports, methods=["DELETE"]),
]
