"""Storage commitment over REST: ``/modalities/{m}/storage-commitment`` (ask a modality),
``/storage-commitment/{id}`` (its report) and ``/storage-commitment/{id}/remove`` (delete
what it reported as stored), as Orthanc 1.10.1 (:mod:`lethe.network.commitment`)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe.api.body import read_json
from lethe.api.network_args import modality_of, network_of, peer_of
from lethe.api.resources import store_of
from lethe.api.responses import json_response
from lethe.api.threads import run_in_thread
from lethe.dicom.levels import Level
from lethe.errors import ErrorCode, LetheError, bad_file_format
from lethe.network import commitment
from lethe.network.jobs import instances_of_resources
from lethe.store.store import Store


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
    _, modality = modality_of(request)
    body = await read_json(request)
    if not isinstance(body, dict):
        raise bad_file_format("Must provide a JSON object")
    instances = await run_in_thread(_commitment_instances, request, body)
    network = network_of(request)
    transaction = await run_in_thread(commitment.request, network.commitments,
                                      peer_of(request, modality, body), instances)
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
    await run_in_thread(work)
    return json_response({})


routes = [
    Route("/modalities/{id}/storage-commitment", storage_commitment, methods=["POST"]),
    Route("/storage-commitment/{id}", commitment_report, methods=["GET"]),
    Route("/storage-commitment/{id}/remove", remove_committed, methods=["POST"]),
]
