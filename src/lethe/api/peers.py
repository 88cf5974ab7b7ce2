"""``/peers``: Orthanc peers over HTTP (list, create, change, delete, ``/system``,
``/store`` as an ``OrthancPeerStore`` job, ``/store-straight``), as Orthanc 1.10.1."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe.api.body import read_body, read_json
from lethe.api.jobs import parse_job_options, run_job
from lethe.api.modalities import store_resources
from lethe.api.network_args import network_of
from lethe.api.resources import flag, store_of
from lethe.api.responses import json_response, text_response
from lethe.api.threads import run_in_thread
from lethe.dicom.transcode import KNOWN_TRANSFER_SYNTAXES
from lethe.errors import bad_file_format, out_of_range
from lethe.network import peers
from lethe.network.jobs import instances_of_resources


def _peer(request: Request) -> peers.OrthancPeer:
    return network_of(request).peers.get(request.path_params["id"])


def _timeout(request: Request, peer: peers.OrthancPeer) -> int:
    return peer.timeout or network_of(request).peers.default_timeout


async def list_peers(request: Request) -> Response:
    items = network_of(request).peers.items()
    if flag(request, "expand"):
        return json_response({name: peer.public_json() for name, peer in items})
    return json_response([name for name, _ in items])


async def peer_operations(request: Request) -> Response:
    _peer(request)
    return json_response(["configuration", "store", "store-straight", "system"])


async def put_peer(request: Request) -> Response:
    name = request.path_params["id"]
    body = await read_json(request)
    network_of(request).peers.put(name, peers.OrthancPeer.parse(body, f'peer "{name}"'))
    return text_response("")


async def delete_peer(request: Request) -> Response:
    network_of(request).peers.delete(request.path_params["id"])
    return text_response("")


async def peer_configuration(request: Request) -> Response:
    return json_response(_peer(request).public_json())


async def peer_system(request: Request) -> Response:
    peer = _peer(request)
    return json_response(await run_in_thread(peers.system, peer, _timeout(request, peer)))


async def peer_store(request: Request) -> Response:
    peer = _peer(request)
    resources, body = store_resources(await read_body(request))
    options = parse_job_options(body, keep_source_default=True)
    transcode = body.get("Transcode")
    if transcode is not None and transcode not in KNOWN_TRANSFER_SYNTAXES:
        raise out_of_range(f'the field "Transcode" names an unknown transfer syntax: '
                           f"{transcode!r}")
    compress = body.get("Compress", False)
    if not isinstance(compress, bool):
        raise bad_file_format(f'the field "Compress" must be a Boolean, got {compress!r}')
    store = store_of(request)
    network = network_of(request)
    export_to = request.path_params["id"] if network.settings.log_exported_resources else None
    instances = await run_in_thread(instances_of_resources, store, resources, export_to)
    job = peers.PeerStoreJob(store, peer, _timeout(request, peer), instances, resources,
                             options.permissive, compress, transcode,
                             request.app.state.config.DicomLossyTranscodingQuality)
    return await run_job(request, job, options)


async def peer_store_straight(request: Request) -> Response:
    """The DICOM file of the body, posted as it is to the peer's ``/instances``."""
    peer = _peer(request)
    data = await read_body(request)

    def work() -> Any:
        return json.loads(peers.call(peer, "instances", data=data,
                                     timeout=_timeout(request, peer)))
    return json_response(await run_in_thread(work))


routes = [
    Route("/peers", list_peers, methods=["GET"]),
    Route("/peers/{id}", peer_operations, methods=["GET"]),
    Route("/peers/{id}", put_peer, methods=["PUT"]),
    Route("/peers/{id}", delete_peer, methods=["DELETE"]),
    Route("/peers/{id}/configuration", peer_configuration, methods=["GET"]),
    Route("/peers/{id}/system", peer_system, methods=["GET"]),
    Route("/peers/{id}/store", peer_store, methods=["POST"]),
    Route("/peers/{id}/store-straight", peer_store_straight, methods=["POST"]),
]
