"""System routes: /system, /statistics, /changes and the /tools that search the index."""

from __future__ import annotations

from datetime import datetime

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe import NAME, __version__
from lethe.api.body import read_body, read_json_object
from lethe.api.resources import expanded, int_arg, store_of
from lethe.api.responses import json_response, text_response
from lethe.errors import bad_request, out_of_range
from lethe.store.find import FindQuery, find
from lethe.store.model import Level

API_VERSION = 16
CHANGES_DEFAULT_LIMIT = 100
CHANGES_MAX_LIMIT = 10000


async def system(request: Request) -> Response:
    config = request.app.state.config
    return json_response({
        "ApiVersion": API_VERSION,
        "CheckRevisions": False,
        "DatabaseBackendPlugin": None,
        "DatabaseVersion": 6,
        "DicomAet": config.DicomAet,
        "DicomPort": config.DicomPort,
        "HttpPort": config.HttpPort,
        "IsHttpServerSecure": config.AuthenticationEnabled or not config.RemoteAccessAllowed,
        "Name": config.Name,
        "PluginsEnabled": False,
        "StorageAreaPlugin": None,
        "Version": __version__,
        "Implementation": NAME,
    })


async def statistics(request: Request) -> Response:
    def work() -> dict:
        index = store_of(request).index
        size = index.total_size()
        return {"CountInstances": index.count(Level.INSTANCE),
                "CountPatients": index.count(Level.PATIENT),
                "CountSeries": index.count(Level.SERIES),
                "CountStudies": index.count(Level.STUDY),
                "TotalDiskSize": str(size), "TotalDiskSizeMB": size // (1024 * 1024),
                "TotalUncompressedSize": str(size),
                "TotalUncompressedSizeMB": size // (1024 * 1024)}
    return json_response(await run_in_threadpool(work))


async def changes(request: Request) -> Response:
    since = int_arg(request, "since")
    limit = min(int_arg(request, "limit", CHANGES_DEFAULT_LIMIT), CHANGES_MAX_LIMIT)

    def work() -> dict:
        index = store_of(request).index
        rows = index.changes(since, limit + 1)
        done = len(rows) <= limit
        rows = rows[:limit]
        last = rows[-1].seq if rows else index.last_change()
        return {"Changes": [{"ChangeType": c.change_type, "Date": c.date, "ID": c.resource_id,
                             "Path": f"/{c.level.plural}/{c.resource_id}",
                             "ResourceType": c.level.label, "Seq": c.seq} for c in rows],
                "Done": done, "Last": last}
    return json_response(await run_in_threadpool(work))


async def now(request: Request) -> Response:
    return text_response(datetime.now().strftime("%Y%m%dT%H%M%S"))


async def tools_find(request: Request) -> Response:
    body = await read_json_object(request)
    query = FindQuery.parse(body)

    def work() -> list:
        ids = find(store_of(request).index, query)
        return expanded(request, ids) if query.expand else ids
    return json_response(await run_in_threadpool(work))


async def tools_lookup(request: Request) -> Response:
    text = (await read_body(request)).decode("utf-8", errors="replace").strip()
    if not text:
        raise bad_request("the body must contain a DICOM identifier to look up")

    def work() -> list:
        index, found = store_of(request).index, []
        for level, keyword in ((Level.PATIENT, "PatientID"), (Level.STUDY, "StudyInstanceUID"),
                               (Level.SERIES, "SeriesInstanceUID"),
                               (Level.INSTANCE, "SOPInstanceUID")):
            found += [{"ID": rid, "Path": f"/{level.plural}/{rid}", "Type": level.label}
                      for rid, _ in index.search(level, {keyword: text})]
        return found
    return json_response(await run_in_threadpool(work))


def check_level(text: object) -> Level:
    """A level named in a request body; 400 naming the value otherwise."""
    if not isinstance(text, str):
        raise bad_request("the field Level must be a string")
    try:
        return Level.parse(text)
    except ValueError:
        raise out_of_range(f'unknown resource level: "{text}"') from None


routes = [
    Route("/system", system, methods=["GET"]),
    Route("/statistics", statistics, methods=["GET"]),
    Route("/changes", changes, methods=["GET"]),
    Route("/tools/now", now, methods=["GET"]),
    Route("/tools/now-local", now, methods=["GET"]),
    Route("/tools/find", tools_find, methods=["POST"]),
    Route("/tools/lookup", tools_lookup, methods=["POST"]),
]
