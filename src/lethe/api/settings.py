"""Settings of the running server: ``/tools/default-encoding``, ``/tools/log-level`` (and its
categories), ``/tools/metrics`` and ``/tools/metrics-prometheus``, ``/plugins``, and ``/tools``
(the list of the tools).

A change made here lasts until the server stops, as in Orthanc: the configuration file is
not rewritten. (``/tools/accepted-transfer-syntaxes`` and
``/tools/unknown-sop-class-accepted`` belong to the DICOM network, in
:mod:`lethe.api.modalities`.)
"""

from __future__ import annotations

import dataclasses
import logging

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe.api.body import read_body
from lethe.api.metrics import Metrics, prometheus_text
from lethe.api.resources import default_encoding_of, store_of
from lethe.api.responses import json_response, text_response
from lethe.api.threads import run_in_thread
from lethe.dicom.create import ENCODING_TERMS
from lethe.errors import ErrorCode, LetheError, bad_file_format, out_of_range
from lethe.store.model import Level

VERBOSITY = {"default": logging.WARNING, "verbose": logging.INFO, "trace": logging.DEBUG}
"""Orthanc's verbosities and the level of Lethe's loggers each stands for."""

LOG_CATEGORIES = {
    "generic": ("lethe",), "plugins": ("lethe.plugins",), "http": ("lethe.api", "uvicorn"),
    "dicom": ("lethe.network", "pynetdicom"), "sqlite": ("lethe.store",),
    "jobs": ("lethe.jobs",), "lua": ("lethe.lua",)}
"""Orthanc's log categories and the loggers of each (the first one is reported)."""

EXPLORER_JS = "// Extensions to Orthanc Explorer by the registered plugins\n\n"
_ENCODINGS = {name.lower(): name for name in ENCODING_TERMS}
MEGABYTE = 1024 * 1024


# --- default encoding -------------------------------------------------------------------------
async def default_encoding(request: Request) -> Response:
    """``GET``: the encoding of text in files that declare none; ``PUT`` (one of Orthanc's
    names, any case): change it, answering the name."""
    state = request.app.state
    if request.method == "PUT":
        text = (await read_body(request)).decode("utf-8", "replace").strip()
        name = _ENCODINGS.get(text.lower())
        if name is None:
            raise out_of_range(f'unknown encoding "{text[:50]}" (one of: '
                               f'{", ".join(ENCODING_TERMS)})')
        state.default_encoding = name
        network = state.network
        network.settings = dataclasses.replace(network.settings, default_encoding=name)
    return text_response(default_encoding_of(request))


# --- log levels -------------------------------------------------------------------------------
def _verbosity(logger: logging.Logger) -> str:
    level = logger.getEffectiveLevel()
    return "trace" if level <= logging.DEBUG else "verbose" if level <= logging.INFO \
        else "default"


def _parse_verbosity(text: str) -> int:
    if text not in VERBOSITY:
        raise out_of_range(f'Verbosity can be "default", "verbose" or "trace": {text[:50]}')
    return VERBOSITY[text]


async def log_level(request: Request) -> Response:
    """``GET /tools/log-level``: ``default``, ``verbose`` or ``trace``, Lethe's loggers'
    level; ``PUT``: set it for every category."""
    if request.method == "PUT":
        level = _parse_verbosity((await read_body(request)).decode("utf-8", "replace").strip())
        for names in LOG_CATEGORIES.values():
            for name in names:
                logging.getLogger(name).setLevel(level)
        logging.getLogger("lethe").warning("the log level was set to %s through the REST API",
                                           logging.getLevelName(level))
        return text_response("")
    return text_response(_verbosity(logging.getLogger("lethe")))


async def log_level_category(request: Request) -> Response:
    """``/tools/log-level-<category>``: the same for the loggers of one category."""
    category = request.url.path.rstrip("/").rsplit("/log-level-", 1)[1]
    names = LOG_CATEGORIES[category]
    if request.method == "PUT":
        level = _parse_verbosity((await read_body(request)).decode("utf-8", "replace").strip())
        for name in names:
            logging.getLogger(name).setLevel(level)
        return text_response("")
    return text_response(_verbosity(logging.getLogger(names[0])))


# --- metrics ----------------------------------------------------------------------------------
def metrics_of(request: Request) -> Metrics:
    """The metrics of the running app."""
    metrics: Metrics = request.app.state.metrics
    return metrics


async def metrics_enabled(request: Request) -> Response:
    """``GET /tools/metrics``: ``1`` when metrics are collected; ``PUT`` (``1``, ``0``,
    ``true``, ``false``): turn the collection on or off."""
    metrics = metrics_of(request)
    if request.method == "PUT":
        text = (await read_body(request)).decode("utf-8", "replace").strip()
        if text not in ("0", "1", "true", "false"):
            raise bad_file_format(f'Boolean value expected ("0", "1", "true" or "false"), '
                                  f'got "{text[:50]}"')
        metrics.enabled = text in ("1", "true")
        return text_response("")
    return text_response("1" if metrics.enabled else "0")


async def metrics_prometheus(request: Request) -> Response:
    """``GET /tools/metrics-prometheus``: the metrics in Prometheus's text format (empty
    when they are not collected)."""
    metrics = metrics_of(request)
    if not metrics.enabled:
        return Response(b"", media_type="text/plain; version=0.0.4")
    jobs = request.app.state.jobs

    def work() -> str:
        store = store_of(request)
        sizes = store.sizes()
        states: dict[str, int] = {}
        for job in jobs.get_all():
            states[job.get("State", "")] = states.get(job.get("State", ""), 0) + 1
        uploads = store.upload_counts()
        lines: list[tuple[str, float]] = [
            ("orthanc_count_instances", store.count(Level.INSTANCE)),
            ("orthanc_count_patients", store.count(Level.PATIENT)),
            ("orthanc_count_series", store.count(Level.SERIES)),
            ("orthanc_count_studies", store.count(Level.STUDY)),
            ("orthanc_disk_size_mb", sizes["Disk"] / MEGABYTE),
            ("orthanc_uncompressed_size_mb", sizes["Uncompressed"] / MEGABYTE),
            ("orthanc_jobs_pending", states.get("Pending", 0)),
            ("orthanc_jobs_running", states.get("Running", 0)),
            ("orthanc_jobs_completed", states.get("Success", 0) + states.get("Failure", 0)),
            ("orthanc_jobs_success", states.get("Success", 0)),
            ("orthanc_jobs_failed", states.get("Failure", 0)),
            ("orthanc_up_time_s", metrics.up_time),
            ("orthanc_last_change", store.last_change()),
            *metrics.request_lines(),
            ("lethe_disk_size_bytes", sizes["Disk"]),
            ("lethe_uncompressed_size_bytes", sizes["Uncompressed"]),
            ("lethe_instances_received_total", uploads.get("Success", 0)),
            ("lethe_instances_already_stored_total", uploads.get("AlreadyStored", 0)),
            ("lethe_instances_refused_total", uploads.get("FullStorage", 0)),
        ]
        return prometheus_text(lines)
    text = await run_in_thread(work)
    return Response(text.encode("utf-8"), media_type="text/plain; version=0.0.4")


# --- plugins and the list of tools ------------------------------------------------------------
async def plugins(request: Request) -> Response:
    """``GET /plugins``: what Orthanc lists without any plugin."""
    return json_response(["explorer.js"])


async def plugin(request: Request) -> Response:
    """``GET /plugins/{id}``: Lethe has no plugins (404)."""
    raise LetheError(ErrorCode.UNKNOWN_RESOURCE,
                     f'no plugin "{request.path_params["id"]}" (Lethe loads no plugins)')


async def explorer_js(request: Request) -> Response:
    """``GET /plugins/explorer.js``: the (empty) extensions of Orthanc Explorer."""
    return Response(EXPLORER_JS.encode("utf-8"), media_type="application/javascript")


async def tools(request: Request) -> Response:
    """``GET /tools``: the names of the tools Lethe serves (``/tools/<name>``), sorted."""
    names = set()
    for route in request.app.routes:
        path = getattr(route, "path", "")
        if path.startswith("/tools/"):
            names.add(path[len("/tools/"):].split("/", 1)[0])
    return json_response(sorted(names))


routes = [
    Route("/tools", tools, methods=["GET"]),
    Route("/tools/default-encoding", default_encoding, methods=["GET", "PUT"]),
    Route("/tools/log-level", log_level, methods=["GET", "PUT"]),
    *(Route(f"/tools/log-level-{category}", log_level_category, methods=["GET", "PUT"])
      for category in LOG_CATEGORIES),
    Route("/tools/metrics", metrics_enabled, methods=["GET", "PUT"]),
    Route("/tools/metrics-prometheus", metrics_prometheus, methods=["GET"]),
    Route("/plugins", plugins, methods=["GET"]),
    Route("/plugins/explorer.js", explorer_js, methods=["GET"]),
    Route("/plugins/{id}", plugin, methods=["GET"]),
]
