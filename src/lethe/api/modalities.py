"""The DICOM network over REST: ``/modalities``, ``/queries`` and the listener's ``/tools``.

Every route that talks to a modality runs its association on a thread of the pool (or in a
job), with the modality's timeout: the event loop never waits on a peer. Errors follow
Orthanc: an unknown modality is 404 ``Inexistent item``, a failed association or a refused
instance 500 ``Error in the network protocol`` naming the AET.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydicom.dataset import Dataset
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe.api.body import read_body, read_json
from lethe.api.jobs import parse_job_options, run_job
from lethe.api.resources import flag, store_of
from lethe.api.responses import json_response, text_response
from lethe.dicom.levels import Level
from lethe.errors import ErrorCode, LetheError, bad_file_format, out_of_range
from lethe.network import commitment, scu
from lethe.network.encoded import EncodedInstance
from lethe.network.jobs import MoveJob, StoreJob, StoreOrder, instances_of_resources
from lethe.network.modalities import RemoteModality
from lethe.network.queries import (
    QueryRecord,
    answer_values,
    move_dataset,
    move_identifiers,
    query_dataset,
    values_json,
)
from lethe.network.retrieve import received_by_get
from lethe.network.service import DicomNetwork
from lethe.network.syntaxes import validate_patterns
from lethe.store.store import Store

_ORTHANC_ID = re.compile(r"[0-9a-f]{8}(-[0-9a-f]{8}){4}")
_MODALITY_OPERATIONS = ["configuration", "echo", "find", "find-instance", "find-patient",
                        "find-series", "find-study", "get", "move", "query",
                        "storage-commitment", "store", "store-straight"]


def network_of(request: Request) -> DicomNetwork:
    """The DICOM network of the running app."""
    return request.app.state.network


def _modality(request: Request) -> tuple[str, RemoteModality]:
    name = request.path_params["id"]
    return name, network_of(request).modalities.get(name)


def _string(body: dict[str, Any], key: str, default: str | None = None) -> str | None:
    value = body.get(key, default)
    if value is not None and not isinstance(value, str):
        raise bad_file_format(f'the field "{key}" must be a string, got {value!r}')
    return value


def _timeout(body: dict[str, Any]) -> int | None:
    value = body.get("Timeout")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise bad_file_format(f'the field "Timeout" must be a non-negative integer, got {value!r}')
    return value


def _peer(request: Request, modality: RemoteModality, body: dict[str, Any]) -> scu.Peer:
    return network_of(request).peer(modality, _string(body, "LocalAet"), _timeout(body))


# --- /modalities ----------------------------------------------------------------------
async def list_modalities(request: Request) -> Response:
    items = network_of(request).modalities.items()
    if flag(request, "expand"):
        return json_response({name: m.to_json() for name, m in items})
    return json_response([name for name, _ in items])


async def modality_operations(request: Request) -> Response:
    _modality(request)
    return json_response(_MODALITY_OPERATIONS)


async def put_modality(request: Request) -> Response:
    name = request.path_params["id"]
    body = await read_json(request)
    network_of(request).modalities.put(name, RemoteModality.parse(body, f'modality "{name}"'))
    return text_response("")


async def delete_modality(request: Request) -> Response:
    network_of(request).modalities.delete(request.path_params["id"])
    return text_response("")


async def modality_configuration(request: Request) -> Response:
    return json_response(_modality(request)[1].to_json())


# --- C-ECHO -----------------------------------------------------------------------------
def _echo(network: DicomNetwork, peer: scu.Peer, body: dict[str, Any]) -> None:
    scu.echo(peer)
    check_find = body.get("CheckFind", network.settings.echo_checks_find)
    if not isinstance(check_find, bool):
        raise bad_file_format(f'the field "CheckFind" must be a Boolean, got {check_find!r}')
    if check_find:
        scu.find(peer, query_dataset(Level.STUDY, {}, encoding=network.settings.default_encoding))


async def echo(request: Request) -> Response:
    _, modality = _modality(request)
    body = await read_json(request, allow_empty=True)
    if not isinstance(body, dict):
        raise bad_file_format("the body must be a JSON object")
    await run_in_threadpool(_echo, network_of(request), _peer(request, modality, body), body)
    return json_response({})


async def echo_tool(request: Request) -> Response:
    """``/tools/dicom-echo``: C-ECHO to a modality given in the body."""
    body = await read_json(request)
    if not isinstance(body, dict):
        raise bad_file_format("the body must be a JSON object describing a modality")
    modality = RemoteModality.parse(body, "the body")
    await run_in_threadpool(_echo, network_of(request), _peer(request, modality, body), body)
    return json_response({})


# --- C-STORE ----------------------------------------------------------------------------
def store_resources(data: bytes) -> tuple[list[str], dict[str, Any]]:
    """The resources and the options of a ``/store`` body: an Orthanc ID as text, a JSON
    string, a JSON array of IDs, or ``{"Resources": [...], options...}``."""
    text = data.decode("utf-8", "replace").strip()
    if _ORTHANC_ID.fullmatch(text):
        return [text], {}
    try:
        body = json.loads(data) if text else None
    except ValueError:
        raise bad_file_format("Must provide a JSON value") from None
    options: dict[str, Any] = {}
    if isinstance(body, str):
        resources: Any = [body]
    elif isinstance(body, list):
        resources = body
    elif isinstance(body, dict):
        if "Resources" not in body:
            raise bad_file_format('Missing field in JSON: "Resources"')
        resources, options = body["Resources"], body
        if not isinstance(resources, list):
            raise bad_file_format('JSON field "Resources" must contain an array')
    else:
        raise bad_file_format("Must provide a JSON object, or a JSON array of strings")
    ids = []
    for item in resources:
        if not isinstance(item, str):
            raise bad_file_format("Resources to be exported must be specified as a JSON array "
                                  "of strings")
        if not _ORTHANC_ID.fullmatch(item.strip()):
            raise bad_file_format(f"This string is not a valid Orthanc identifier: {item.strip()}")
        ids.append(item.strip())
    return ids, options


async def store(request: Request) -> Response:
    name, modality = _modality(request)
    resources, body = store_resources(await read_body(request))
    options = parse_job_options(body, keep_source_default=True)
    network = network_of(request)
    originator_id = body.get("MoveOriginatorID", 0)
    if isinstance(originator_id, bool) or not isinstance(originator_id, int) or \
            not 0 <= originator_id <= 65535:
        raise bad_file_format("the field \"MoveOriginatorID\" must be an integer from 0 to "
                              f"65535, got {originator_id!r}")
    originator_aet = _string(body, "MoveOriginatorAet", network.settings.aet) or ""
    transcode = _string(body, "Transcode")
    if transcode is not None:
        from lethe.dicom.transcode import KNOWN_TRANSFER_SYNTAXES

        if transcode not in KNOWN_TRANSFER_SYNTAXES:
            raise out_of_range(f'the field "Transcode" names an unknown transfer syntax: '
                               f'"{transcode}"')
    commitment_asked = body.get("StorageCommitment", False)
    if not isinstance(commitment_asked, bool):
        raise bad_file_format(f'the field "StorageCommitment" must be a Boolean, got '
                              f"{commitment_asked!r}")
    instances = await run_in_threadpool(instances_of_resources, store_of(request), resources)
    order = StoreOrder(_peer(request, modality, body), tuple(instances), tuple(resources),
                       options.permissive,
                       (originator_aet, originator_id) if originator_id else None, transcode,
                       storage_commitment=commitment_asked)
    job = StoreJob(store_of(request), order, network.settings.lossy_quality,
                   network.commitments if commitment_asked else None)
    return await run_job(request, job, options)


def _store_straight(network: DicomNetwork, peer: scu.Peer, data: bytes) -> dict[str, str]:
    instance = EncodedInstance.from_file(data)
    with scu.StoreSession(peer, [(instance.sop_class, instance.transfer_syntax)]) as session:
        session.store(instance)
    return {"SOPClassUID": instance.sop_class, "SOPInstanceUID": instance.sop_instance}


async def store_straight(request: Request) -> Response:
    """Send the DICOM file of the body as it is (no storage)."""
    _, modality = _modality(request)
    data = await read_body(request)
    if not data:
        raise bad_file_format("the body must be a DICOM file")
    peer = _peer(request, modality, {})
    return json_response(await run_in_threadpool(_store_straight, network_of(request), peer,
                                                 data))


# --- C-FIND: /modalities/{m}/query and /queries -------------------------------------
def _query_fields(request: Request, body: dict[str, Any], key: str = "Query") -> dict[int, str]:
    query = body.get(key, {})
    if not isinstance(query, dict):
        raise bad_file_format(f'the field "{key}" must be a JSON object')
    fields = {}
    tags = request.app.state.tags
    for name, value in query.items():
        if not isinstance(value, str):
            raise bad_file_format(f'the value of "{name}" in "{key}" must be a string, got '
                                  f"{value!r}")
        fields[int(tags.parse_tag(name))] = value
    return fields


def _run_query(network: DicomNetwork, record: QueryRecord) -> str:
    peer = network.peer(record.modality, record.local_aet, record.timeout)
    identifier = query_dataset(record.level, record.fields, normalize=record.normalize,
                               manufacturer=record.modality.manufacturer,
                               encoding=network.settings.default_encoding)
    model = "patient" if record.level is Level.PATIENT else "study"
    answers = scu.find(peer, identifier, model)
    record.answers = [answer_values(a, record.level) for a in answers]
    return network.queries.add(record)


async def query(request: Request) -> Response:
    name, modality = _modality(request)
    body = await read_json(request)
    if not isinstance(body, dict):
        raise bad_file_format("Must provide a JSON object")
    level_text = body.get("Level")
    if not isinstance(level_text, str):
        raise bad_file_format('The JSON body must contain field "Level"')
    level = _level(level_text)
    normalize = body.get("Normalize", True)
    if not isinstance(normalize, bool):
        raise bad_file_format('The field "Normalize" must contain a Boolean')
    network = network_of(request)
    record = QueryRecord(network.queries.new_id(), name, modality, level,
                         _query_fields(request, body), normalize,
                         _string(body, "LocalAet", network.settings.aet) or network.settings.aet,
                         _timeout(body))
    query_id = await run_in_threadpool(_run_query, network, record)
    return json_response({"ID": query_id, "Path": f"/queries/{query_id}"})


def _level(text: str) -> Level:
    try:
        return Level.parse(text)
    except ValueError:
        raise out_of_range(f'unknown resource level: "{text}"') from None


def _record(request: Request) -> QueryRecord:
    return network_of(request).queries.get(request.path_params["id"])


def _format(request: Request, default: str = "full") -> str:
    if flag(request, "simplify"):
        return "simplify"
    if flag(request, "short"):
        return "short"
    return default


async def list_queries(request: Request) -> Response:
    return json_response(network_of(request).queries.ids())


async def query_operations(request: Request) -> Response:
    _record(request)
    return json_response(["answers", "level", "modality", "query", "retrieve"])


async def delete_query(request: Request) -> Response:
    network_of(request).queries.remove(request.path_params["id"])
    return text_response("")


async def query_answers(request: Request) -> Response:
    record = _record(request)
    if flag(request, "expand"):
        fmt = _format(request)
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
    return json_response(values_json(answer, _format(request)))


async def query_level(request: Request) -> Response:
    return text_response(_record(request).level.label)


async def query_modality(request: Request) -> Response:
    return text_response(_record(request).modality_name)


async def query_arguments(request: Request) -> Response:
    record = _record(request)
    return json_response(values_json(dict(sorted(record.fields.items())), _format(request)))


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
    fields = _query_fields(request, body)
    for tag in _COPIED[parent.level]:
        value = answer.get(tag)
        if value is None:
            raise LetheError(ErrorCode.INEXISTENT_TAG,
                             f"the answer has no ({tag >> 16:04x},{tag & 0xFFFF:04x})")
        fields[tag] = value
    timeout = _timeout(body)
    network = network_of(request)
    record = QueryRecord(network.queries.new_id(), parent.modality_name, parent.modality,
                         level, fields, parent.normalize, parent.local_aet,
                         parent.timeout if timeout is None else timeout)
    query_id = await run_in_threadpool(_run_query, network, record)
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
    target = _string(body, "TargetAet", network.settings.aet) or network.settings.aet
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
    timeout = _timeout(body)
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


# --- C-MOVE and C-GET from a modality -------------------------------------------------
def _retrieve_body(request: Request, body: Any, modality: RemoteModality
                   ) -> tuple[Level, list[Dataset]]:
    if not isinstance(body, dict) or not isinstance(body.get("Resources"), list) or \
            not isinstance(body.get("Level"), str):
        raise bad_file_format("Must provide a JSON body containing fields Resources and Level")
    level = _level(body["Level"])
    network = network_of(request)
    identifiers = []
    for item in body["Resources"]:
        if not isinstance(item, dict):
            raise bad_file_format("each item of \"Resources\" must be a JSON object of tags")
        item = {k: v for k, v in item.items() if k != "SOPClassesInStudy"}  # for C-GET
        fields = _query_fields(request, {"Query": item})
        identifiers.append(move_dataset(level, fields, manufacturer=modality.manufacturer,
                                        encoding=network.settings.default_encoding))
    return level, identifiers


async def move(request: Request) -> Response:
    _, modality = _modality(request)
    body = await read_json(request)
    _, identifiers = _retrieve_body(request, body, modality)
    network = network_of(request)
    target = _string(body, "TargetAet", network.settings.aet) or network.settings.aet
    peer = _peer(request, modality, body)

    def work() -> None:
        for identifier in identifiers:
            scu.move(peer, identifier, target)
    await run_in_threadpool(work)
    return json_response({})


async def get(request: Request) -> Response:
    """C-GET from a modality: the instances received are stored as C-STORE receptions."""
    _, modality = _modality(request)
    body = await read_json(request)
    _, identifiers = _retrieve_body(request, body, modality)
    network = network_of(request)
    peer = _peer(request, modality, body)
    # The SOP classes to propose (Orthanc 1.12.6: in each resource; the union is proposed).
    named = [item.get("SOPClassesInStudy") for item in body["Resources"]]
    if any(value is not None and not isinstance(value, str) for value in named):
        raise bad_file_format('the field "SOPClassesInStudy" must be a string of UIDs '
                              'separated by "\\"')
    sop_classes = "\\".join(value for value in named if value) or None

    await run_in_threadpool(received_by_get, network, peer, identifiers, sop_classes)
    return json_response({})


# --- storage commitment ----------------------------------------------------------------
def _instance_uids(store: Store, instance_id: str) -> tuple[str, str]:
    sop_class = store.metadata(instance_id).get("SopClassUid")
    sop_instance = store.main_tags(instance_id).get("SOPInstanceUID")
    if not sop_class or not sop_instance:
        raise LetheError(ErrorCode.INTERNAL_ERROR,
                         f"instance {instance_id} has no SOP class or SOP instance UID")
    return sop_class, sop_instance


def _commitment_instances(request: Request, body: dict[str, Any]) -> list[tuple[str, str]]:
    """The ``(SOP class, SOP instance)`` pairs of ``Resources`` (Orthanc IDs) and
    ``DicomInstances`` (``[class, instance]`` pairs or ``{"SOPClassUID", "SOPInstanceUID"}``)."""
    if "Resources" not in body and "DicomInstances" not in body:
        raise bad_file_format('The JSON body must contain field "Resources" or '
                              '"DicomInstances"')
    store = store_of(request)
    resources = body.get("Resources", [])
    if not isinstance(resources, list) or not all(isinstance(r, str) for r in resources):
        raise bad_file_format('The field "Resources" must be a list of Orthanc identifiers')
    pairs = [_instance_uids(store, instance)
             for instance in instances_of_resources(store, resources)]
    listed = body.get("DicomInstances", [])
    if not isinstance(listed, list):
        raise bad_file_format('The field "DicomInstances" must be a list')
    for item in listed:
        if isinstance(item, list) and len(item) == 2 and all(isinstance(v, str) for v in item):
            pairs.append((item[0], item[1]))
        elif isinstance(item, dict) and isinstance(item.get("SOPClassUID"), str) and \
                isinstance(item.get("SOPInstanceUID"), str):
            pairs.append((item["SOPClassUID"], item["SOPInstanceUID"]))
        else:
            raise bad_file_format('Each item of "DicomInstances" must be [SOPClassUID, '
                                  'SOPInstanceUID] or an object with these two fields, got '
                                  f"{item!r}")
    return pairs


async def storage_commitment(request: Request) -> Response:
    _, modality = _modality(request)
    body = await read_json(request)
    if not isinstance(body, dict):
        raise bad_file_format("Must provide a JSON object")
    instances = await run_in_threadpool(_commitment_instances, request, body)
    network = network_of(request)
    transaction = await run_in_threadpool(commitment.request, network.commitments,
                                          _peer(request, modality, body), instances)
    return json_response({"ID": transaction, "Path": f"/storage-commitment/{transaction}"})


async def commitment_report(request: Request) -> Response:
    report = network_of(request).commitments.get(request.path_params["id"])
    return json_response(report.to_json())


async def remove_committed(request: Request) -> Response:
    """Delete the instances a successful storage commitment reported as stored remotely."""
    report = network_of(request).commitments.get(request.path_params["id"])
    if report.to_json()["Status"] != "Success":
        raise LetheError(ErrorCode.BAD_SEQUENCE_OF_CALLS,
                         "Cannot remove the instances of a storage commitment that did not "
                         "succeed")
    store = store_of(request)

    def work() -> None:
        for _, sop_instance in report.success:
            for instance in store.lookup_identifier(Level.INSTANCE, sop_instance):
                if store.main_tags(instance).get("SOPInstanceUID") == sop_instance:
                    store.delete(instance, Level.INSTANCE)
    await run_in_threadpool(work)
    return json_response({})


# --- the listener's settings ---------------------------------------------------------
def _uid_key(uid: str) -> tuple[int, ...]:
    return tuple(int(part) for part in uid.split(".") if part.isdigit())


async def accepted_syntaxes(request: Request) -> Response:
    network = network_of(request)
    if request.method == "PUT":
        data = (await read_body(request)).decode("utf-8", "replace").strip()
        try:
                value: Any = json.loads(data)
        except ValueError:
            value = data
        try:
            network.set_accepted_patterns(validate_patterns(value, "the body"))
        except ValueError as exc:
            raise bad_file_format(str(exc)) from None
    return json_response(sorted(network.accepted_syntaxes(), key=_uid_key))


async def unknown_sop_class(request: Request) -> Response:
    network = network_of(request)
    if request.method == "PUT":
        text = (await read_body(request)).decode("utf-8", "replace").strip().lower()
        if text not in ("0", "1", "true", "false"):
            raise bad_file_format(f'the body must be "0", "1", "true" or "false", got "{text}"')
        network.set_unknown_sop_class_accepted(text in ("1", "true"))
        return text_response("")
    return text_response("1" if network.unknown_sop_class_accepted() else "0")


routes = [
    Route("/modalities", list_modalities, methods=["GET"]),
    Route("/modalities/{id}", modality_operations, methods=["GET"]),
    Route("/modalities/{id}", put_modality, methods=["PUT"]),
    Route("/modalities/{id}", delete_modality, methods=["DELETE"]),
    Route("/modalities/{id}/configuration", modality_configuration, methods=["GET"]),
    Route("/modalities/{id}/echo", echo, methods=["POST"]),
    Route("/modalities/{id}/store", store, methods=["POST"]),
    Route("/modalities/{id}/store-straight", store_straight, methods=["POST"]),
    Route("/modalities/{id}/query", query, methods=["POST"]),
    Route("/modalities/{id}/move", move, methods=["POST"]),
    Route("/modalities/{id}/get", get, methods=["POST"]),
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
    Route("/modalities/{id}/storage-commitment", storage_commitment, methods=["POST"]),
    Route("/storage-commitment/{id}", commitment_report, methods=["GET"]),
    Route("/storage-commitment/{id}/remove", remove_committed, methods=["POST"]),
    Route("/tools/dicom-echo", echo_tool, methods=["POST"]),
    Route("/tools/accepted-transfer-syntaxes", accepted_syntaxes, methods=["GET", "PUT"]),
    Route("/tools/unknown-sop-class-accepted", unknown_sop_class, methods=["GET", "PUT"]),
]
