"""The ``/jobs`` routes, and what every job-starting route shares: reading the job
options of its body and answering synchronously (the job's ``Content``) or with a
job handle."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe.api.responses import json_response
from lethe.api.threads import run_in_thread
from lethe.errors import LetheError, bad_file_format
from lethe.jobs.engine import JobEngine, UnknownJobError
from lethe.jobs.job import Job

_INT32 = range(-2**31, 2**31)


@dataclass(frozen=True)
class JobOptions:
    """The options every job route accepts (spec 2.3)."""

    synchronous: bool
    priority: int
    permissive: bool
    keep_source: bool
    user_data: Any = None  # any JSON value; None when the body has no UserData


def parse_job_options(body: dict[str, Any], *, keep_source_default: bool) -> JobOptions:
    """Read ``KeepSource``, ``Permissive``, ``Synchronous``/``Asynchronous``, ``Priority``
    and ``UserData`` (any JSON value, shown by ``/jobs/{id}``, as Orthanc 1.12.9 does).

    ``Synchronous`` wins when present; otherwise ``Asynchronous`` is read and negated;
    the default is synchronous. A wrong JSON type is 400 ``Bad file format`` with
    Orthanc's details (``Boolean value expected in field: KeepSource``).
    """
    if not isinstance(body, dict):
        raise bad_file_format("the body must be a JSON object")
    keep_source = _boolean(body, "KeepSource", keep_source_default)
    permissive = _boolean(body, "Permissive", False)
    if "Synchronous" in body:
        synchronous = _boolean(body, "Synchronous", True)
    else:
        synchronous = not _boolean(body, "Asynchronous", False)
    priority = body.get("Priority", 0)
    if isinstance(priority, bool) or not isinstance(priority, int) or priority not in _INT32:
        raise bad_file_format("Integer value expected in field: Priority")
    return JobOptions(synchronous, priority, permissive, keep_source, body.get("UserData"))


def _boolean(body: dict[str, Any], field: str, default: bool) -> bool:
    value = body.get(field, default)
    if not isinstance(value, bool):
        raise bad_file_format(f"Boolean value expected in field: {field}")
    return value


def engine_of(request: Request) -> JobEngine:
    """The job engine of the running app."""
    return request.app.state.jobs


async def run_job(request: Request, job: Job | Callable[[], Job],
                  options: JobOptions) -> Response:
    """Submit ``job`` with the priority and user data of ``options``. Synchronous: wait for
    it without blocking the event loop and answer its ``Content``, or raise its error (code
    and details) as a :class:`LetheError`. Asynchronous: answer the handle
    ``{"ID": ..., "Path": "/jobs/<id>"}`` at once. ``job`` may be the function that plans
    the job (its errors are the request's): it runs on the thread that submits it."""
    engine = engine_of(request)

    def submit() -> tuple[str, Future]:
        planned = job if isinstance(job, Job) else job()
        return engine.submit_tracked(planned, options.priority, options.user_data)
    # one thread for both: planning reads the index, a saved job is written to it
    job_id, outcome = await run_in_thread(submit)
    if not options.synchronous:
        return json_response({"ID": job_id, "Path": f"/jobs/{job_id}"})
    return json_response(await asyncio.wrap_future(outcome))


async def list_jobs(request: Request) -> Response:
    engine = engine_of(request)
    if "expand" in request.query_params:  # any value expands, as Orthanc's /jobs
        return json_response(await run_in_thread(engine.get_all))
    return json_response(engine.list_ids())


async def get_job(request: Request) -> Response:
    return json_response(await run_in_thread(engine_of(request).get,
                                             request.path_params["id"]))


async def delete_job(request: Request) -> Response:
    await run_in_thread(engine_of(request).delete, request.path_params["id"])
    return json_response({})


def _action(method: Callable[[JobEngine, str], None]) -> Callable:
    """The route of one job action. An unknown job is answered 400, as Orthanc answers
    every action it could not apply (``GET`` and ``DELETE`` answer 404)."""
    async def endpoint(request: Request) -> Response:
        try:
            await run_in_thread(method, engine_of(request), request.path_params["id"])
        except UnknownJobError as exc:
            raise LetheError(exc.code, exc.details, http_status=400) from None
        return json_response({})
    return endpoint


routes = [
    Route("/jobs", list_jobs, methods=["GET"]),
    Route("/jobs/{id}", get_job, methods=["GET"]),
    Route("/jobs/{id}", delete_job, methods=["DELETE"]),
    Route("/jobs/{id}/cancel", _action(JobEngine.cancel), methods=["POST"]),
    Route("/jobs/{id}/pause", _action(JobEngine.pause), methods=["POST"]),
    Route("/jobs/{id}/resubmit", _action(JobEngine.resubmit), methods=["POST"]),
    Route("/jobs/{id}/resume", _action(JobEngine.resume), methods=["POST"]),
]
