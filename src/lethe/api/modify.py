"""Modification and anonymization routes: one instance in memory, or resources as jobs."""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable
from typing import BinaryIO

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from lethe.api.body import read_body, read_json_object
from lethe.api.deidentify import instance_plan_response, plan_json
from lethe.api.instances import origin_of
from lethe.api.jobs import parse_job_options, run_job
from lethe.api.pseudonyms import record_instance_pseudonyms
from lethe.api.resources import LEVEL_BY_PLURAL, store_of
from lethe.api.responses import file_size, output_in_memory, output_response, spooled_output
from lethe.api.system import check_level
from lethe.api.threads import run_in_thread, run_short
from lethe.dicom.modify_file import modify_file
from lethe.dicom.proof import modify_file_verified
from lethe.dicom.request import ModificationRequest
from lethe.errors import bad_file_format
from lethe.jobs.modification import ModificationJob, ModificationPlan, ParsedFrom
from lethe.jobs.studies import plan_merge, plan_split
from lethe.jobs.submission import check_submission, new_context, source_instances
from lethe.store.model import COMPRESSION_NONE, Attachment, Level
from lethe.store.store import Store

SMALL_FILE = 1024 * 1024
"""Stored files up to this size are modified in memory by the instance routes."""


def _parse(request: Request, body: object, anonymize: bool, **options) -> ModificationRequest:
    state = request.app.state
    return ModificationRequest.parse(
        body, anonymize=anonymize, tags=state.tags,
        default_private_creator=state.config.DefaultPrivateCreator, **options)


def _is_anonymization(request: Request) -> bool:
    return request.scope["path"].endswith("/anonymize")


class ParsedRequestCache:
    """The last parsed requests of ``/instances/{id}/modify|anonymize``, by route and body.

    A key is the route kind (anonymize or modify) and the exact body bytes, so that only the
    same request on the same kind of route shares an entry. A :class:`ModificationRequest`
    is never changed once parsed (the engine copies the elements it inserts), so one entry
    serves any number of requests, concurrent ones included. At most ``size`` entries are
    kept (least recently used first out), and bodies over ``max_body`` bytes are not kept.
    Used from the event loop only: it needs no lock.
    """

    def __init__(self, size: int = 64, max_body: int = 64 * 1024) -> None:
        self.size = size
        self.max_body = max_body
        self._entries: OrderedDict[tuple[bool, bytes], ModificationRequest] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, anonymize: bool, body: bytes,
            parse: Callable[[], ModificationRequest]) -> ModificationRequest:
        """The request parsed from ``body`` for this route kind: cached, or ``parse()``
        (whose errors propagate, nothing being cached)."""
        if len(body) > self.max_body:
            return parse()
        key = (anonymize, body)
        parsed = self._entries.get(key)
        if parsed is not None:
            self._entries.move_to_end(key)
            return parsed
        parsed = self._entries[key] = parse()
        if len(self._entries) > self.size:
            self._entries.popitem(last=False)
        return parsed


async def instance_route(request: Request) -> Response:
    """``POST /instances/{id}/modify|anonymize``: the modified file, nothing stored.

    A stored file of at most :data:`SMALL_FILE` bytes is modified in memory (read whole,
    written to memory), unless the request transcodes; a larger one is read from its file
    and written to a spooled temporary file.
    """
    rid = request.path_params["id"]
    body = await read_body(request)
    anonymize = _is_anonymization(request)
    parsed = request.app.state.parsed_requests.get(
        anonymize, body, lambda: _parse(request, body, anonymize, instance_route=True))
    if parsed.dry_run:
        return await instance_plan_response(request, parsed)
    store, config = store_of(request), request.app.state.config
    attachment = _file_answered_here(store, parsed, rid)

    def modify() -> bytes | BinaryIO:
        with store.open_file(rid, attachment) as fp:  # 404 before a counter value is drawn
            context = new_context(store, config, parsed)
            in_memory = parsed.transcode is None and file_size(fp) <= SMALL_FILE
            source = fp.read() if in_memory else fp

            def write(out: BinaryIO) -> None:
                if parsed.verify:
                    written = modify_file_verified(source, out, parsed, context,
                                                   config.DicomLossyTranscodingQuality,
                                                   parsed.allow_burned_in)
                else:
                    written = modify_file(source, out, parsed, context,
                                          config.DicomLossyTranscodingQuality)
                record_instance_pseudonyms(store, parsed, context, rid, written)
            return output_in_memory(write) if in_memory else spooled_output(write)
    return output_response(await run_short(attachment is not None, modify),
                           "application/dicom")


def _file_answered_here(store: Store, parsed: ModificationRequest,
                        instance_id: str) -> Attachment | None:
    """The instance's file attachment when the request is answered on the event loop
    (:func:`run_short`), else None (404 for an unknown instance).

    That is a file of at most :data:`SMALL_FILE` bytes stored as it is, modified without
    transcoding, with a local index and no pseudonym register entry to write (the
    ``Anonymized<N>`` counter is drawn from memory, :mod:`lethe.store.sequences`): the work
    waits on nothing and takes about a millisecond of CPU, less than the 5 ms a thread may
    keep the interpreter, where a hop to a thread would add a fifth to the latency."""
    if not store.index.local or parsed.transcode is not None or (
            parsed.pseudonymization_key is not None and store.pseudonym_register):
        return None
    attachment = store.file_attachment(instance_id)
    small = attachment.compression == COMPRESSION_NONE and attachment.size <= SMALL_FILE
    return attachment if small else None


async def resource_route(request: Request) -> Response:
    """``POST /{patients|studies|series}/{id}/modify|anonymize``: a job that stores the result."""
    level = LEVEL_BY_PLURAL[request.path_params["level"]]
    rid = request.path_params["id"]
    body = await read_json_object(request)
    anonymize = _is_anonymization(request)
    options = parse_job_options(body, keep_source_default=True)
    parsed = _parse(request, body, anonymize, level=level)
    if parsed.dry_run:
        return JSONResponse(await run_in_thread(_dry_run, request, parsed, [rid], level,
                                                options, level))
    return await run_job(request, functools.partial(
        _plan_job, request, parsed, [rid], level, options, level,
        _parsed_from(request, body, anonymize, level)), options)


async def bulk_route(request: Request) -> Response:
    """``POST /tools/bulk-modify|bulk-anonymize``: resources of any levels, one job."""
    body = await read_json_object(request)
    anonymize = request.scope["path"].endswith("bulk-anonymize")
    resources = body.get("Resources")
    if not isinstance(resources, list) or not all(isinstance(r, str) for r in resources):
        raise bad_file_format("List of strings expected in field: Resources")
    options = parse_job_options(body, keep_source_default=True)
    level = None
    if not anonymize and "Level" in body:
        level = check_level(body["Level"])
    parsed = _parse(request, body, anonymize, level=level)
    check_as = level or parsed.level
    if parsed.dry_run:
        return JSONResponse(await run_in_thread(_dry_run, request, parsed, resources,
                                                check_as, options, None))
    return await run_job(request, functools.partial(
        _plan_job, request, parsed, resources, check_as, options, None,
        _parsed_from(request, body, anonymize, level)), options)


def _dry_run(request: Request, parsed: ModificationRequest, resources: list[str],
             level: Level, options, output_level: Level | None) -> dict:
    """``DryRun``: the checks of a real submission, then the plan; nothing is written."""
    sources = _checked_sources(request, parsed, resources, level, options, output_level)
    return plan_json(store_of(request), request.app.state.config, parsed, resources, sources)


def _checked_sources(request: Request, parsed: ModificationRequest, resources: list[str],
                     level: Level, options, output_level: Level | None) -> tuple[str, ...]:
    """The source instances of a submission, after its checks (the resources exist at the
    output level, and :func:`check_submission` accepts each)."""
    store, config = store_of(request), request.app.state.config
    if output_level is not None:
        store.resource(resources[0], output_level)
    sources = source_instances(store, resources)
    for rid in resources if output_level is not None else ():
        check_submission(store, config, parsed, level, rid, options.keep_source)
    return sources


def _parsed_from(request: Request, body: dict, anonymize: bool,
                 level: Level | None) -> ParsedFrom:
    """How :func:`_parse` parsed ``body``: what parses it again for a saved job."""
    return ParsedFrom(body, anonymize, level, request.app.state.config.DefaultPrivateCreator)


def _plan_job(request: Request, parsed: ModificationRequest, resources: list[str],
              level: Level, options, output_level: Level | None,
              parsed_from: ParsedFrom | None = None) -> ModificationJob:
    store, config = store_of(request), request.app.state.config
    sources = _checked_sources(request, parsed, resources, level, options, output_level)
    plan = ModificationPlan(parsed, new_context(store, config, parsed), sources,
                            tuple(resources), output_level, options.keep_source,
                            options.permissive, origin_of(request),
                            default_quality=config.DicomLossyTranscodingQuality,
                            verify=parsed.verify, allow_burned_in=parsed.allow_burned_in,
                            parsed_from=parsed_from)
    return ModificationJob(store, request.app.state.pool, plan)


async def split_route(request: Request) -> Response:
    """``POST /studies/{id}/split``: move series or instances into a new study."""
    return await _study_job(request, plan_split)


async def merge_route(request: Request) -> Response:
    """``POST /studies/{id}/merge``: move studies, series or instances into this study."""
    return await _study_job(request, plan_merge)


async def _study_job(request: Request, planner) -> Response:
    body = await read_json_object(request)
    options = parse_job_options(body, keep_source_default=False)
    state = request.app.state

    def plan() -> ModificationJob:
        made = planner(state.store, state.config, state.tags, request.path_params["id"], body,
                       options.keep_source, options.permissive, origin_of(request))
        return ModificationJob(state.store, state.pool, made)
    return await run_job(request, plan, options)


routes = [
    Route("/studies/{id}/split", split_route, methods=["POST"]),
    Route("/studies/{id}/merge", merge_route, methods=["POST"]),
    Route("/instances/{id}/modify", instance_route, methods=["POST"]),
    Route("/instances/{id}/anonymize", instance_route, methods=["POST"]),
    Route("/{level:owner}/{id}/modify", resource_route, methods=["POST"]),
    Route("/{level:owner}/{id}/anonymize", resource_route, methods=["POST"]),
    Route("/tools/bulk-modify", bulk_route, methods=["POST"]),
    Route("/tools/bulk-anonymize", bulk_route, methods=["POST"]),
]
