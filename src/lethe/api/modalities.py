"""The DICOM network over REST: ``/modalities`` (list, change, C-ECHO, C-STORE, C-MOVE, C-GET)
and the listener's ``/tools``; the queries (:mod:`lethe.api.queries`) and storage commitment
(:mod:`lethe.api.commitment`) have modules of their own, whose routes these include.

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
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe.api import commitment as commitment_api
from lethe.api import queries
from lethe.api.body import read_body, read_json
from lethe.api.jobs import parse_job_options, run_job
from lethe.api.network_args import (
    level_of,
    modality_of,
    network_of,
    peer_of,
    query_fields,
    string_field,
)
from lethe.api.resources import flag, store_of
from lethe.api.responses import json_response, text_response
from lethe.api.threads import run_in_thread
from lethe.dicom.levels import Level
from lethe.errors import bad_file_format, out_of_range
from lethe.network import scu
from lethe.network.encoded import EncodedInstance
from lethe.network.findscp import QUERY_RETRIEVE_LEVEL
from lethe.network.jobs import (
    MoveJob,
    StoreJob,
    StoreOrder,
    instances_of_resources,
    run_inline,
)
from lethe.network.modalities import RemoteModality
from lethe.network.queries import (
    LEVEL_TERMS,
    move_dataset,
    query_dataset,
    values_json,
)
from lethe.network.retrieve import received_by_get
from lethe.network.service import DicomNetwork
from lethe.network.syntaxes import validate_patterns

_ORTHANC_ID = re.compile(r"[0-9a-f]{8}(-[0-9a-f]{8}){4}")
_MODALITY_OPERATIONS = ["configuration", "echo", "find", "find-instance", "find-patient",
                        "find-series", "find-study", "get", "move", "query",
                        "storage-commitment", "store", "store-straight"]


# --- /modalities ----------------------------------------------------------------------
async def list_modalities(request: Request) -> Response:
    items = network_of(request).modalities.items()
    if flag(request, "expand"):
        return json_response({name: m.to_json() for name, m in items})
    return json_response([name for name, _ in items])


async def modality_operations(request: Request) -> Response:
    modality_of(request)
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
    return json_response(modality_of(request)[1].to_json())


# --- C-ECHO -----------------------------------------------------------------------------
def _echo(network: DicomNetwork, peer: scu.Peer, body: dict[str, Any]) -> None:
    scu.echo(peer)
    check_find = body.get("CheckFind", network.settings.echo_checks_find)
    if not isinstance(check_find, bool):
        raise bad_file_format(f'the field "CheckFind" must be a Boolean, got {check_find!r}')
    if check_find:
        scu.find(peer, query_dataset(Level.STUDY, {}, encoding=network.settings.default_encoding))


async def echo(request: Request) -> Response:
    _, modality = modality_of(request)
    body = await read_json(request, allow_empty=True)
    if not isinstance(body, dict):
        raise bad_file_format("the body must be a JSON object")
    await run_in_thread(_echo, network_of(request), peer_of(request, modality, body), body)
    return json_response({})


async def echo_tool(request: Request) -> Response:
    """``/tools/dicom-echo``: C-ECHO to a modality given in the body."""
    body = await read_json(request)
    if not isinstance(body, dict):
        raise bad_file_format("the body must be a JSON object describing a modality")
    modality = RemoteModality.parse(body, "the body")
    await run_in_thread(_echo, network_of(request), peer_of(request, modality, body), body)
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
    name, modality = modality_of(request)
    resources, body = store_resources(await read_body(request))
    options = parse_job_options(body, keep_source_default=True)
    network = network_of(request)
    originator_id = body.get("MoveOriginatorID", 0)
    if isinstance(originator_id, bool) or not isinstance(originator_id, int) or \
            not 0 <= originator_id <= 65535:
        raise bad_file_format("the field \"MoveOriginatorID\" must be an integer from 0 to "
                              f"65535, got {originator_id!r}")
    originator_aet = string_field(body, "MoveOriginatorAet", network.settings.aet) or ""
    transcode = string_field(body, "Transcode")
    if transcode is not None:
        from lethe.dicom.transcode import KNOWN_TRANSFER_SYNTAXES

        if transcode not in KNOWN_TRANSFER_SYNTAXES:
            raise out_of_range(f'the field "Transcode" names an unknown transfer syntax: '
                               f'"{transcode}"')
    commitment_asked = body.get("StorageCommitment", False)
    if not isinstance(commitment_asked, bool):
        raise bad_file_format(f'the field "StorageCommitment" must be a Boolean, got '
                              f"{commitment_asked!r}")
    # Lua's SendToModality keeps its association open, and Orthanc logs no export for it
    lua = request.scope.get("lethe.origin") == "Lua"
    export_to = name if network.settings.log_exported_resources and not lua else None
    instances = await run_in_thread(instances_of_resources, store_of(request), resources,
                                    export_to)
    order = StoreOrder(peer_of(request, modality, body), tuple(instances), tuple(resources),
                       options.permissive,
                       (originator_aet, originator_id) if originator_id else None, transcode,
                       storage_commitment=commitment_asked)
    job = StoreJob(store_of(request), order, network.settings.lossy_quality,
                   network.commitments if commitment_asked else None,
                   network.lua_associations if lua else None)
    if lua and options.synchronous:  # from the Lua job, which Orthanc sends from itself
        return json_response(await run_in_thread(run_inline, job))
    return await run_job(request, job, options)


def _store_straight(network: DicomNetwork, peer: scu.Peer, data: bytes) -> dict[str, str]:
    instance = EncodedInstance.from_file(data)
    with scu.StoreSession(peer, [(instance.sop_class, instance.transfer_syntax)]) as session:
        session.store(instance)
    return {"SOPClassUID": instance.sop_class, "SOPInstanceUID": instance.sop_instance}


async def store_straight(request: Request) -> Response:
    """Send the DICOM file of the body as it is (no storage)."""
    _, modality = modality_of(request)
    data = await read_body(request)
    if not data:
        raise bad_file_format("the body must be a DICOM file")
    peer = peer_of(request, modality, {})
    return json_response(await run_in_thread(_store_straight, network_of(request), peer,
                                             data))


# --- C-MOVE and C-GET from a modality -------------------------------------------------
def _retrieve_body(request: Request, body: Any, modality: RemoteModality
                   ) -> tuple[Level, list[tuple[Dataset, dict[str, Any]]]]:
    """The level and the identifiers of a ``/move`` or ``/get`` body, each with its JSON
    (Orthanc's ``Short`` format, as a ``DicomMoveScu`` job shows its ``Query``)."""
    if not isinstance(body, dict) or not isinstance(body.get("Resources"), list) or \
            not isinstance(body.get("Level"), str):
        raise bad_file_format("Must provide a JSON body containing fields Resources and Level")
    level = level_of(body["Level"])
    network = network_of(request)
    identifiers = []
    for item in body["Resources"]:
        if not isinstance(item, dict):
            raise bad_file_format("each item of \"Resources\" must be a JSON object of tags")
        item = {k: v for k, v in item.items() if k != "SOPClassesInStudy"}  # for C-GET
        fields = query_fields(request, {"Query": item})
        identifier = move_dataset(level, fields, manufacturer=modality.manufacturer,
                                  encoding=network.settings.default_encoding)
        shown = values_json({**fields, QUERY_RETRIEVE_LEVEL: LEVEL_TERMS[level]}, "short")
        identifiers.append((identifier, shown))
    return level, identifiers


async def move(request: Request) -> Response:
    """C-MOVE from a modality: a ``DicomMoveScu`` job (Orthanc's), synchronous unless
    ``Asynchronous`` (or ``Synchronous: false``), with ``Priority`` and ``Permissive``."""
    _, modality = modality_of(request)
    body = await read_json(request)
    _, queries = _retrieve_body(request, body, modality)
    network = network_of(request)
    target = string_field(body, "TargetAet", network.settings.aet) or network.settings.aet
    options = parse_job_options(body, keep_source_default=True)
    job = MoveJob(peer_of(request, modality, body), target, queries, options.permissive)
    return await run_job(request, job, options)


async def get(request: Request) -> Response:
    """C-GET from a modality: the instances received are stored as C-STORE receptions."""
    _, modality = modality_of(request)
    body = await read_json(request)
    _, queries = _retrieve_body(request, body, modality)
    identifiers = [identifier for identifier, _ in queries]
    network = network_of(request)
    peer = peer_of(request, modality, body)
    # The SOP classes to propose (Orthanc 1.12.6: in each resource; the union is proposed).
    named = [item.get("SOPClassesInStudy") for item in body["Resources"]]
    if any(value is not None and not isinstance(value, str) for value in named):
        raise bad_file_format('the field "SOPClassesInStudy" must be a string of UIDs '
                              'separated by "\\"')
    sop_classes = "\\".join(value for value in named if value) or None

    await run_in_thread(received_by_get, network, peer, identifiers, sop_classes)
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


async def accepted_sop_classes(request: Request) -> Response:
    """``/tools/accepted-sop-classes`` (Orthanc 1.12.6): the SOP classes the listener takes
    for C-STORE, ``AcceptedSopClasses`` less ``RejectedSopClasses``, sorted as text."""
    return json_response(network_of(request).accepted_sop_classes())


async def unknown_sop_class(request: Request) -> Response:
    network = network_of(request)
    if request.method == "PUT":
        text = (await read_body(request)).decode("utf-8", "replace").strip().lower()
        if text not in ("0", "1", "true", "false"):
            raise bad_file_format(f'the body must be "0", "1", "true" or "false", got "{text}"')
        network.set_unknown_sop_class_accepted(text in ("1", "true"))
        return text_response("")
    return text_response("1" if network.unknown_sop_class_accepted() else "0")


routes = commitment_api.routes + queries.routes + [
    Route("/modalities", list_modalities, methods=["GET"]),
    Route("/modalities/{id}", modality_operations, methods=["GET"]),
    Route("/modalities/{id}", put_modality, methods=["PUT"]),
    Route("/modalities/{id}", delete_modality, methods=["DELETE"]),
    Route("/modalities/{id}/configuration", modality_configuration, methods=["GET"]),
    Route("/modalities/{id}/echo", echo, methods=["POST"]),
    Route("/modalities/{id}/store", store, methods=["POST"]),
    Route("/modalities/{id}/store-straight", store_straight, methods=["POST"]),
    Route("/modalities/{id}/move", move, methods=["POST"]),
    Route("/modalities/{id}/get", get, methods=["POST"]),
    Route("/tools/dicom-echo", echo_tool, methods=["POST"]),
    Route("/tools/accepted-sop-classes", accepted_sop_classes, methods=["GET"]),
    Route("/tools/accepted-transfer-syntaxes", accepted_syntaxes, methods=["GET", "PUT"]),
    Route("/tools/unknown-sop-class-accepted", unknown_sop_class, methods=["GET", "PUT"]),
]
