"""System routes: /system, /statistics, /tools/now and /tools/lookup (/changes and
/exports: :mod:`lethe.api.changes`; /tools/find: :mod:`lethe.api.find`)."""

from __future__ import annotations

import functools
import importlib.resources
from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe import NAME, __version__
from lethe.api.body import read_body
from lethe.api.resources import store_of
from lethe.api.responses import json_response, text_response
from lethe.api.threads import run_in_thread
from lethe.errors import bad_request, out_of_range
from lethe.store.model import Level

API_VERSION = 30
"""The version of Orthanc's REST API that Lethe follows (Orthanc 1.12.11's)."""
CAPABILITIES = {"HasExtendedChanges": True, "HasExtendedFind": True,
                "HasKeyValueStores": False, "HasQueues": False, "HasReserveQueueValue": False}
"""The optional features of Orthanc's index that Lethe has (``/system``'s ``Capabilities``):
the ``/tools/find`` and the ``/changes`` (``type``, ``to``) of Orthanc 1.12.5; not the
key-value stores and queues of Orthanc 1.12.8."""


async def system(request: Request) -> Response:
    """``GET /system``: the fields of Orthanc 1.12.11's answer, and ``Implementation``."""
    config = request.app.state.config
    return json_response({
        "ApiVersion": API_VERSION,
        "Capabilities": CAPABILITIES,
        "CheckRevisions": config.CheckRevisions,
        "DatabaseBackendPlugin": None,
        "DatabaseServerIdentifier": _server_identifier(config),
        "DatabaseVersion": 6,
        "DicomAet": config.DicomAet,
        "DicomDefaultRetrieveMethod": "C-MOVE",
        "DicomPort": config.DicomPort,
        "HasLabels": True,
        "HttpPort": config.HttpPort,
        "Implementation": NAME,
        "IngestTranscoding": "",
        "IsHttpServerSecure": config.AuthenticationEnabled or not config.RemoteAccessAllowed,
        "MainDicomTags": _main_tags_signature(),
        "MaximumPatientCount": config.MaximumPatientCount,
        "MaximumStorageMode": config.MaximumStorageMode,
        "MaximumStorageSize": config.MaximumStorageSize,
        "Name": config.Name,
        "OverwriteInstances": config.OverwriteInstances,
        "PatientLevelEnabled": True,
        "PluginsEnabled": False,
        "ReadOnly": False,
        "StorageAreaPlugin": None,
        "StorageCompression": config.StorageCompression,
        "UserMetadata": config.UserMetadata,
        "Version": __version__,
    })


@functools.cache
def _main_tags_signature() -> dict[str, str]:
    """The main tags of each level as ``/system`` lists them: ``gggg,eeee`` joined by
    ``;``, sorted."""
    from lethe.dicom.maintags import MAIN_TAGS

    return {level.label: ";".join(sorted(f"{tag.group:04x},{tag.element:04x}"
                                         for tag in MAIN_TAGS[level])) for level in Level}


def _server_identifier(config: object) -> str:
    """An identifier of this server's index (``DatabaseServerIdentifier``), stable across
    restarts: an Orthanc-style hash of the storage folder and the server name."""
    import hashlib

    text = f"{getattr(config, 'StorageDirectory', '')}|{getattr(config, 'Name', '')}"
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
    return "-".join(digest[i:i + 8] for i in range(0, 40, 8))


async def statistics(request: Request) -> Response:
    def work() -> dict:
        store = store_of(request)
        sizes = store.sizes()
        disk, uncompressed = sizes["Disk"], sizes["Uncompressed"]
        return {"CountInstances": store.count(Level.INSTANCE),
                "CountPatients": store.count(Level.PATIENT),
                "CountSeries": store.count(Level.SERIES),
                "CountStudies": store.count(Level.STUDY),
                "TotalDiskSize": str(disk), "TotalDiskSizeMB": disk // (1024 * 1024),
                "TotalUncompressedSize": str(uncompressed),
                "TotalUncompressedSizeMB": uncompressed // (1024 * 1024)}
    return json_response(await run_in_thread(work))


async def now(request: Request) -> Response:
    """``/tools/now``: the UTC time; ``/tools/now-local``: the local time (``YYYYMMDDTHHMMSS``)."""
    local = request.url.path.rstrip("/").endswith("-local")
    moment = datetime.now() if local else datetime.now(UTC)
    return text_response(moment.strftime("%Y%m%dT%H%M%S"))


async def tools_lookup(request: Request) -> Response:
    """``POST /tools/lookup``: the resources whose identifier (PatientID, StudyInstanceUID,
    SeriesInstanceUID or SOPInstanceUID) is the body, compared as Orthanc 1.12.11 compares
    identifiers (:meth:`~lethe.store.store.Store.lookup_identifier`: normalized, case
    ignored, unless the body has a ``_`` or a ``%``, then exactly); ``*`` and ``?`` are
    characters like any other; patients first. An empty body finds nothing."""
    text = (await read_body(request)).decode("utf-8", errors="replace").strip()

    def work() -> list:
        store = store_of(request)
        return [{"ID": rid, "Path": f"/{level.plural}/{rid}", "Type": level.label}
                for level in Level for rid in store.lookup_identifier(level, text)]
    return json_response(await run_in_thread(work) if text else [])


def check_level(text: object) -> Level:
    """A level named in a request body; 400 naming the value otherwise."""
    if not isinstance(text, str):
        raise bad_request("the field Level must be a string")
    try:
        return Level.parse(text)
    except ValueError:
        raise out_of_range(f'unknown resource level: "{text}"') from None


@functools.cache
def _openapi_document() -> bytes:
    return (importlib.resources.files("lethe.api") / "openapi.json").read_bytes()


async def openapi(request: Request) -> Response:
    """Lethe's OpenAPI description (generated by tools/make_openapi.py)."""
    return Response(_openapi_document(), media_type="application/json")


routes = [
    Route("/openapi.json", openapi, methods=["GET"]),
    Route("/system", system, methods=["GET"]),
    Route("/statistics", statistics, methods=["GET"]),
    Route("/tools/now", now, methods=["GET"]),
    Route("/tools/now-local", now, methods=["GET"]),
    Route("/tools/lookup", tools_lookup, methods=["POST"]),
]
