"""Routes of ZIP archives and DICOM media: ``/{level}/{id}/archive``, ``/{level}/{id}/media``,
``/tools/create-archive``, ``/tools/create-media(-extended)``, and the jobs' output
(``/jobs/{id}/archive``).

Synchronous (the default): the archive is streamed as it is written, from a thread that
produces it one chunk at a time; it is not a job of ``/jobs`` (so that it starts at once,
whatever jobs are running), and a client that goes away stops it. Asynchronous: an
``Archive``/``Media`` job writes it into a temporary file, kept for ``GET /jobs/{id}/archive``
until the next asynchronous archive finishes or ``DELETE /jobs/{id}/archive`` (Orthanc's
``MediaArchiveSize`` of 1).

Options (JSON body of a POST; the GET routes take ``transcode``, ``lossy-quality``,
``filename`` and, for media, ``extended``): ``Synchronous``/``Asynchronous``, ``Priority``,
``UserData``, ``Transcode`` (a transfer syntax UID), ``LossyQuality`` (1 to 100; default
``DicomLossyTranscodingQuality``), ``Filename`` (of ``Content-Disposition``; default
``<id>.zip``, ``Archive.zip`` for the tools routes, ``archive.zip`` for a job's output), and,
for media, ``Extended`` (SeriesDescription in the DICOMDIR; default true for
``create-media-extended`` only). Lethe also serves ``/instances/{id}/archive`` and ``/media``
(Orthanc has none: ``/tools/create-archive`` with one instance gives the same archive).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Generator
from typing import Any

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from lethe.api.body import read_json
from lethe.api.jobs import engine_of, parse_job_options
from lethe.api.resources import LEVEL_BY_PLURAL, store_of
from lethe.api.responses import file_response, json_response, text_response
from lethe.api.threads import run_in_thread
from lethe.dicom.transcode import KNOWN_TRANSFER_SYNTAXES, SUPPORTED_TARGETS
from lethe.errors import ErrorCode, LetheError, bad_file_format, bad_request, out_of_range
from lethe.jobs.archive import (
    ArchiveJob,
    ArchiveOptions,
    ArchiveOutputs,
    Progress,
    archive_chunks,
)
from lethe.jobs.archive_plan import ArchivePlan, plan_archive
from lethe.store.model import Level

ZIP_TYPE = "application/zip"


def outputs_of(request: Request) -> ArchiveOutputs:
    """The archives of the asynchronous jobs of the running app (created at first use)."""
    state = request.app.state
    outputs = getattr(state, "archive_outputs", None)
    if outputs is None:
        outputs = state.archive_outputs = ArchiveOutputs()
    return outputs


def content_disposition(filename: str) -> dict[str, str]:
    """Orthanc's ``Content-Disposition`` header (no ``attachment;``)."""
    return {"Content-Disposition": f'filename="{filename}"'}


def _filename(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise bad_file_format(f"String value expected in field: {field}")
    if not value or any(c in value for c in '"\\') or not value.isprintable():
        raise bad_request(f'{field} must be a non-empty file name without quotes, '
                          f'backslashes or control characters, got "{value}"')
    return value


def _transcode(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise bad_file_format(f"String value expected in field: {field}")
    if value not in KNOWN_TRANSFER_SYNTAXES:
        raise out_of_range(f"Unknown transfer syntax: {value}")
    if value not in SUPPORTED_TARGETS:
        raise bad_request(f"Cannot transcode to transfer syntax: {value} (Lethe cannot "
                          "produce it)")
    return value


def _quality(value: object, field: str) -> int:
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise bad_file_format(f"Integer value expected in field: {field}")
    if not 1 <= value <= 100:
        raise out_of_range(f"{field} must be between 1 and 100, got {value}")
    return value


def _boolean(value: object, field: str) -> bool:
    if not isinstance(value, bool):
        raise bad_file_format(f"Boolean value expected in field: {field}")
    return value


class _Request:
    """The archive asked for: resources, media or ZIP, options, answer."""

    def __init__(self, request: Request, resources: list[str], *, media: bool,
                 extended: bool, filename: str, patient_from_study: bool) -> None:
        self.request = request
        self.resources = resources
        self.media = media
        self.extended = extended
        self.filename = filename
        self.patient_from_study = patient_from_study
        self.transcode: str | None = None
        self.quality: int = request.app.state.config.DicomLossyTranscodingQuality
        self.synchronous = True
        self.priority = 0
        self.user_data: Any = None
        self.job_filename = "archive.zip"

    def read_query(self) -> None:
        """The options of a GET route."""
        query = self.request.query_params
        if "transcode" in query:
            self.transcode = _transcode(query["transcode"], "transcode")
        if "lossy-quality" in query:
            self.quality = _quality(query["lossy-quality"], "lossy-quality")
        if "filename" in query:
            self.filename = _filename(query["filename"], "filename")
        if self.media and "extended" in query:
            self.extended = True

    def read_body(self, body: Any) -> None:
        """The options of a POST route (a JSON object; create-archive also takes a list)."""
        if not isinstance(body, dict):
            return
        options = parse_job_options(body, keep_source_default=True)
        self.synchronous, self.priority = options.synchronous, options.priority
        self.user_data = options.user_data
        if "Transcode" in body:
            self.transcode = _transcode(body["Transcode"], "Transcode")
        if "LossyQuality" in body:
            self.quality = _quality(body["LossyQuality"], "LossyQuality")
        if "Filename" in body:
            self.filename = self.job_filename = _filename(body["Filename"], "Filename")
        if self.media and "Extended" in body:
            self.extended = _boolean(body["Extended"], "Extended")

    async def answer(self) -> Response:
        plan = await run_in_thread(
            plan_archive, store_of(self.request), self.resources, media=self.media,
            extended=self.extended, patient_from_study=self.patient_from_study)
        options = ArchiveOptions(self.transcode, self.quality)
        if self.synchronous:
            return self._stream(plan, options)
        return await run_in_thread(self._submit, plan, options)  # writes the job row

    def _stream(self, plan: ArchivePlan, options: ArchiveOptions) -> Response:
        chunks = archive_chunks(store_of(self.request), plan, options,
                                Progress(plan.instances_count), self.request.app.state.pool)
        return StreamingResponse(_in_threads(chunks), media_type=ZIP_TYPE,
                                 headers=content_disposition(self.filename))

    def _submit(self, plan: ArchivePlan, options: ArchiveOptions) -> Response:
        outputs = outputs_of(self.request)
        job = ArchiveJob(store_of(self.request), plan, options, outputs,
                         self.request.app.state.pool, filename=self.job_filename)
        job_id, _ = engine_of(self.request).submit_tracked(job, self.priority, self.user_data)
        outputs.bind(job_id, job)
        return json_response({"ID": job_id, "Path": f"/jobs/{job_id}"})


async def _in_threads(chunks: Generator[bytes, None, None]) -> AsyncIterator[bytes]:
    """Run the producer in worker threads, one chunk at a time. When the response stops
    (the client went away, the task is canceled), the producer is closed at once: its files
    are closed and nothing more is read."""
    done = object()
    try:
        while True:
            chunk = await run_in_thread(next, chunks, done)
            if chunk is done:
                return
            if chunk:
                yield chunk  # type: ignore[misc]
    finally:
        chunks.close()


async def _single(request: Request, media: bool, post: bool) -> Response:
    level, rid = LEVEL_BY_PLURAL[request.path_params["level"]], request.path_params["id"]
    await run_in_thread(store_of(request).resource, rid, level)
    archive = _Request(request, [rid], media=media, extended=False, filename=f"{rid}.zip",
                       patient_from_study=level in (Level.STUDY, Level.SERIES))
    if post:
        archive.read_body(await read_json(request))
    else:
        archive.read_query()
    return await archive.answer()


async def get_archive(request: Request) -> Response:
    return await _single(request, media=False, post=False)


async def post_archive(request: Request) -> Response:
    return await _single(request, media=False, post=True)


async def get_media(request: Request) -> Response:
    return await _single(request, media=True, post=False)


async def post_media(request: Request) -> Response:
    return await _single(request, media=True, post=True)


def _resources_of(body: Any) -> list[str]:
    """Orthanc's list of resources: the body itself, or its ``Resources``."""
    if isinstance(body, dict):
        if "Resources" not in body:
            raise bad_file_format("Missing field Resources in the JSON body")
        body = body["Resources"]
    if not isinstance(body, list) or not all(isinstance(item, str) for item in body):
        raise bad_file_format("Expected a list of strings (Orthanc identifiers)")
    return body


def _tools(media: bool, extended: bool):  # noqa: ANN202 - a route endpoint
    async def endpoint(request: Request) -> Response:
        if request.method == "POST":
            body = await read_json(request)
            archive = _Request(request, _resources_of(body), media=media, extended=extended,
                               filename="Archive.zip", patient_from_study=False)
            archive.read_body(body)
        else:
            if "resources" not in request.query_params:
                raise bad_request("Missing resources argument")
            resources = sorted({r for r in request.query_params["resources"].split(",") if r})
            archive = _Request(request, resources, media=media, extended=extended,
                               filename="Archive.zip", patient_from_study=False)
            archive.read_query()
        return await archive.answer()
    return endpoint


async def get_job_output(request: Request) -> Response:
    """``GET /jobs/{id}/archive``: the archive of a finished asynchronous job."""
    job_id, key = request.path_params["id"], request.path_params["key"]
    await run_in_thread(engine_of(request).get, job_id)  # 404 for an unknown job
    job = outputs_of(request).output(job_id) if key == "archive" else None
    fp = None
    if job is not None and job.path is not None:
        try:
            fp = await asyncio.to_thread(open, job.path, "rb")
        except FileNotFoundError:
            fp = None
    if job is None or fp is None:
        raise LetheError(ErrorCode.INEXISTENT_ITEM, f"Job has no such output: {key}")
    return file_response(fp, ZIP_TYPE, headers=content_disposition(job.filename))


async def delete_job_output(request: Request) -> Response:
    """``DELETE /jobs/{id}/archive`` (Orthanc 1.12.1): remove the archive of a job."""
    job_id, key = request.path_params["id"], request.path_params["key"]
    await run_in_thread(engine_of(request).get, job_id)
    if key != "archive" or not outputs_of(request).delete(job_id):
        raise LetheError(ErrorCode.INEXISTENT_ITEM, f"Job has no such output: {key}")
    return text_response("")


_LEVELS = "/{level:level}/{id}"
routes = [
    Route(_LEVELS + "/archive", get_archive, methods=["GET"]),
    Route(_LEVELS + "/archive", post_archive, methods=["POST"]),
    Route(_LEVELS + "/media", get_media, methods=["GET"]),
    Route(_LEVELS + "/media", post_media, methods=["POST"]),
    Route("/tools/create-archive", _tools(False, False), methods=["GET", "POST"]),
    Route("/tools/create-media", _tools(True, False), methods=["GET", "POST"]),
    Route("/tools/create-media-extended", _tools(True, True), methods=["GET", "POST"]),
    Route("/jobs/{id}/{key}", get_job_output, methods=["GET"]),
    Route("/jobs/{id}/{key}", delete_job_output, methods=["DELETE"]),
]
