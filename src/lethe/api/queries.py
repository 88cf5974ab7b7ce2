"""C-FIND towards modalities over REST: ``/modalities/{m}/query`` and the ``/queries/{id}/...``
tree (answers, content, level, modality, query, children, retrieve), as Orthanc 1.10.1.

A query runs once, when it is made (:mod:`lethe.network.queries` keeps it and its answers);
``retrieve`` is a ``DicomMoveScu`` job, synchronous by default.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe.api.body import read_body, read_json
from lethe.api.jobs import parse_job_options, run_job
from lethe.api.network_args import (
    json_format,
    level_of,
    modality_of,
    network_of,
    query_fields,
    string_field,
    timeout_field,
)
from lethe.api.resources import flag
from lethe.api.responses import json_response, text_response
from lethe.api.threads import run_in_thread
from lethe.dicom.levels import Level
from lethe.errors import ErrorCode, LetheError, bad_file_format, out_of_range
from lethe.hooks.filters import OUTGOING_FIND_FILTER, filter_find_query
from lethe.network import scu
from lethe.network.jobs import MoveJob
from lethe.network.queries import (
    QueryRecord,
    answer_values,
    move_dataset,
    move_identifiers,
    query_dataset,
    values_json,
)
from lethe.network.service import DicomNetwork


def _run_query(network: DicomNetwork, record: QueryRecord) -> str:
    peer = network.peer(record.modality, record.local_aet, record.timeout)
    identifier = query_dataset(record.level, record.fields, normalize=record.normalize,
                               manufacturer=record.modality.manufacturer,
                               encoding=network.settings.default_encoding)
    model = "patient" if record.level is Level.PATIENT else "study"
    if network.hooks is not None and network.hooks.handles(OUTGOING_FIND_FILTER):
        modality = {"AET": record.modality.aet, "Host": record.modality.host,
                    "Port": record.modality.port}
        identifier = filter_find_query(network.hooks, identifier, modality, OUTGOING_FIND_FILTER)
    answers = scu.find(peer, identifier, model)
    record.answers = [answer_values(a, record.level) for a in answers]
    return network.queries.add(record)


async def query(request: Request) -> Response:
    name, modality = modality_of(request)
    body = await read_json(request)
    if not isinstance(body, dict):
        raise bad_file_format("Must provide a JSON object")
    level_text = body.get("Level")
    if not isinstance(level_text, str):
        raise bad_file_format('The JSON body must contain field "Level"')
    level = level_of(level_text)
    normalize = body.get("Normalize", True)
    if not isinstance(normalize, bool):
        raise bad_file_format('The field "Normalize" must contain a Boolean')
    network = network_of(request)
    local_aet = string_field(body, "LocalAet") or network.settings.aet
    record = QueryRecord(network.queries.new_id(), name, modality, level,
                         query_fields(request, body), normalize, local_aet, timeout_field(body))
    query_id = await run_in_thread(_run_query, network, record)
    return json_response({"ID": query_id, "Path": f"/queries/{query_id}"})


def _record(request: Request) -> QueryRecord:
    return network_of(request).queries.get(request.path_params["id"])


async def list_queries(request: Request) -> Response:
    return json_response(network_of(request).queries.ids())


async def query_operations(request: Request) -> Response:
    _record(request)
    return json_response(["answers", "level", "modality", "query", "retrieve"])


async def delete_query(request: Request) -> Response:
    """``DELETE /queries/{id}``; an unknown ID is 404 (Orthanc answers 200 and does
    nothing)."""
    _record(request)
    network_of(request).queries.remove(request.path_params["id"])
    return text_response("")


async def query_answers(request: Request) -> Response:
    record = _record(request)
    if flag(request, "expand"):
        fmt = json_format(request)
        return json_response([values_json(a, fmt) for a in record.answers])
    return json_response([str(i) for i in range(len(record.answers))])


async def answer_operations(request: Request) -> Response:
    record = _record(request)
    record.answer(request.path_params["index"])
    operations = ["content", "retrieve"]
    if record.level is Level.PATIENT:
        operations.append("query-study")
    if record.level <= Level.STUDY:
        operations.append("query-series")
    if record.level <= Level.SERIES:
        operations.append("query-instances")
    return json_response(operations)


async def answer_content(request: Request) -> Response:
    answer = _record(request).answer(request.path_params["index"])
    return json_response(values_json(answer, json_format(request)))


async def query_level(request: Request) -> Response:
    return text_response(_record(request).level.label)


async def query_modality(request: Request) -> Response:
    return text_response(_record(request).modality_name)


async def query_arguments(request: Request) -> Response:
    record = _record(request)
    return json_response(values_json(dict(sorted(record.fields.items())), json_format(request)))


_CHILD_LEVELS = {"query-studies": Level.STUDY, "query-series": Level.SERIES,
                 "query-instances": Level.INSTANCE}
_COPIED = {Level.PATIENT: (0x00100020,), Level.STUDY: (0x0020000D,),
           Level.SERIES: (0x0020000D, 0x0020000E),
           Level.INSTANCE: (0x0020000D, 0x0020000E, 0x00080018)}


async def query_children(request: Request) -> Response:
    """``/queries/{id}/answers/{index}/query-{studies,series,instances}``: a new query of the
    children of an answer."""
    parent = _record(request)
    answer = parent.answer(request.path_params["index"])
    level = _CHILD_LEVELS[request.url.path.rsplit("/", 1)[-1]]
    if level <= parent.level:
        raise LetheError(ErrorCode.UNKNOWN_RESOURCE,
                         f"a {parent.level.label} query has no {level.plural} to query")
    body = await read_json(request, allow_empty=True)
    if not isinstance(body, dict):
        raise bad_file_format("Must provide a JSON object")
    fields = query_fields(request, body)
    for tag in _COPIED[parent.level]:
        value = answer.get(tag)
        if value is None:
            raise LetheError(ErrorCode.INEXISTENT_TAG,
                             f"the answer has no ({tag >> 16:04x},{tag & 0xFFFF:04x})")
        fields[tag] = value
    timeout = timeout_field(body)
    network = network_of(request)
    record = QueryRecord(network.queries.new_id(), parent.modality_name, parent.modality,
                         level, fields, parent.normalize, parent.local_aet,
                         parent.timeout if timeout is None else timeout)
    query_id = await run_in_thread(_run_query, network, record)
    return json_response({"ID": query_id, "Path": f"/queries/{query_id}"})


async def retrieve(request: Request) -> Response:
    """``/queries/{id}/retrieve`` (every answer) and ``/queries/{id}/answers/{i}/retrieve``:
    a ``DicomMoveScu`` job, synchronous by default; the body is a JSON object or the
    target AET as text (default: this server)."""
    record = _record(request)
    network = network_of(request)
    data = (await read_body(request)).strip()
    body: Any
    try:
        body = json.loads(data) if data else {}
    except ValueError:
        body = {"TargetAet": data.decode("utf-8", "replace")}
    if isinstance(body, str):
        body = {"TargetAet": body}
    if not isinstance(body, dict):
        raise bad_file_format("the body must be a JSON object or the target AET")
    target = string_field(body, "TargetAet", network.settings.aet) or network.settings.aet
    index = request.path_params.get("index")
    answers = [record.answer(index)] if index is not None else record.answers
    fmt = _format_of_body(body)
    queries = []
    for answer in answers:
        level, identifiers = move_identifiers(answer)
        identifier = move_dataset(level, identifiers,
                                  manufacturer=record.modality.manufacturer,
                                  encoding=network.settings.default_encoding)
        shown: dict[int, str | None] = {
            tag: answer.get(tag) for tag in (0x00080052, 0x00100020, 0x0020000D, 0x0020000E,
                                             0x00080018, 0x00080050) if tag in answer}
        queries.append((identifier, values_json(shown, fmt)))
    timeout = timeout_field(body)
    peer = network.peer(record.modality, record.local_aet,
                        record.timeout if timeout is None else timeout)
    options = parse_job_options(body, keep_source_default=True)
    return await run_job(request, MoveJob(peer, target, queries, options.permissive), options)


def _format_of_body(body: dict[str, Any]) -> str:
    fmt = body.get("Format", "Short")
    names = {"Full": "full", "Short": "short", "Simplify": "simplify"}
    if fmt not in names:
        raise out_of_range(f'the field "Format" must be Full, Short or Simplify, got {fmt!r}')
    return names[fmt]


routes = [
    Route("/modalities/{id}/query", query, methods=["POST"]),
    Route("/queries", list_queries, methods=["GET"]),
    Route("/queries/{id}", query_operations, methods=["GET"]),
    Route("/queries/{id}", delete_query, methods=["DELETE"]),
    Route("/queries/{id}/answers", query_answers, methods=["GET"]),
    Route("/queries/{id}/answers/{index}", answer_operations, methods=["GET"]),
    Route("/queries/{id}/answers/{index}/content", answer_content, methods=["GET"]),
    Route("/queries/{id}/answers/{index}/retrieve", retrieve, methods=["POST"]),
    Route("/queries/{id}/answers/{index}/query-studies", query_children, methods=["POST"]),
    Route("/queries/{id}/answers/{index}/query-series", query_children, methods=["POST"]),
    Route("/queries/{id}/answers/{index}/query-instances", query_children, methods=["POST"]),
    Route("/queries/{id}/level", query_level, methods=["GET"]),
    Route("/queries/{id}/modality", query_modality, methods=["GET"]),
    Route("/queries/{id}/query", query_arguments, methods=["GET"]),
    Route("/queries/{id}/retrieve", retrieve, methods=["POST"]),
]
