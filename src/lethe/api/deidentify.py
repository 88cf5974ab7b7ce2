"""De-identification beyond Orthanc: the plan of a request (``DryRun``) and the proof of two
stored instances (``/instances/{id}/residual-identity``).

``"DryRun": true`` on any modify or anonymize route answers, without writing anything or
drawing an ``Anonymized<N>`` number, what the request would do to each attribute of each
instance (:mod:`lethe.dicom.plan`), a summary per resource named by the request, and which
instances a verified anonymization would refuse for burned-in text.
"""

from __future__ import annotations

import io
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from lethe.api.resources import store_of
from lethe.api.threads import run_in_thread
from lethe.config import Config
from lethe.dicom.engine import ModificationContext
from lethe.dicom.part10 import read_header
from lethe.dicom.plan import InstancePlan, plan_instance, summarize
from lethe.dicom.profiles import DEFAULT_DICOM_VERSION, load_profile
from lethe.dicom.pseudonyms import keyed_mapper
from lethe.dicom.request import ModificationRequest
from lethe.dicom.residual import find_residual_identity
from lethe.dicom.uids import UidMapper
from lethe.errors import LetheError, bad_request
from lethe.store.store import Store


def plan_context(config: Config, request: ModificationRequest) -> ModificationContext:
    """The context of a plan: a real run's mapper kind, and no counter value drawn."""
    if request.pseudonymization_key is not None:
        secret = config.PseudonymizationKeys.get(request.pseudonymization_key)
        if secret is None:
            raise bad_request(f'Unknown "PseudonymizationKey": {request.pseudonymization_key!r} '
                              '(not a key of the "PseudonymizationKeys" configuration)')
        return ModificationContext(keyed_mapper(secret, config.UidRoot), pseudonyms=True)
    return ModificationContext(UidMapper.random(config.UidRoot), anonymized_name="Anonymized")


def _instance_plan(store: Store, instance_id: str, request: ModificationRequest,
                   context: ModificationContext) -> InstancePlan:
    with store.open_file(instance_id) as fp:
        header = read_header(io.BytesIO(fp.read()))
    return plan_instance(header.dataset, request, context)


def plan_json(store: Store, config: Config, request: ModificationRequest,
              resources: list[str], sources: tuple[str, ...]) -> dict[str, Any]:
    """The answer of a ``DryRun`` over ``sources`` (the instances of ``resources``).

    ``Instances``: one entry per instance (``ID``, ``Attributes``, ``BurnedInAnnotation``, or
    ``Error`` with the engine's refusal); ``Summary``: counts over all of them;
    ``Resources``: the same counts per resource the request named.
    """
    context = plan_context(config, request)
    plans: dict[str, InstancePlan] = {}
    entries = []
    for instance_id in sources:
        try:
            plan = _instance_plan(store, instance_id, request, context)
        except LetheError as exc:
            entries.append({"ID": instance_id, "Error": exc.details or exc.code.description})
            continue
        plans[instance_id] = plan
        entries.append({"ID": instance_id, **plan.as_json()})
    per_resource = {rid: summarize(plans[i] for i in store.instances_of(rid) if i in plans)
                    for rid in resources}
    return {"DryRun": True, "Instances": entries, "Summary": summarize(plans.values()),
            "Resources": per_resource}


async def instance_plan_response(request: Request, parsed: ModificationRequest) -> Response:
    """``DryRun`` on ``/instances/{id}/modify|anonymize``: the plan of that instance."""
    store, config = store_of(request), request.app.state.config
    rid = request.path_params["id"]

    def plan() -> dict[str, Any]:
        context = plan_context(config, parsed)
        return {"DryRun": True, "ID": rid,
                **_instance_plan(store, rid, parsed, context).as_json()}
    return JSONResponse(await run_in_thread(plan))


async def residual_identity_route(request: Request) -> Response:
    """``GET /instances/{id}/residual-identity?source={id}``: where identifying values of the
    source instance survive in instance ``{id}`` (its anonymized copy).

    ``DicomVersion`` (query) names the profile whose tags identify (default 2023b). The
    answer lists ``Path``, ``SourceTag`` and ``Kind`` of each leak, never the values; an
    empty ``Leaks`` list is the proof.
    """
    store = store_of(request)
    output_id = request.path_params["id"]
    source_id = request.query_params.get("source")
    if not source_id:
        raise bad_request('The query argument "source" (the ID of the source instance) is '
                          "missing")
    version = request.query_params.get("DicomVersion", DEFAULT_DICOM_VERSION)
    profile = load_profile(version)

    def check() -> dict[str, Any]:
        with store.open_file(source_id) as fp:
            source = read_header(io.BytesIO(fp.read())).dataset
        with store.open_file(output_id) as fp:
            output = read_header(io.BytesIO(fp.read())).dataset
        leaks = find_residual_identity(source, output, profile)
        return {"ID": output_id, "Source": source_id, "DicomVersion": version,
                "Leaks": [{"Path": leak.path, "SourceTag": leak.source_tag, "Kind": leak.kind}
                          for leak in leaks]}
    return JSONResponse(await run_in_thread(check))


routes = [
    Route("/instances/{id}/residual-identity", residual_identity_route, methods=["GET"]),
]
