"""Tools that create, describe and delete resources: ``/tools/create-dicom``,
``/tools/bulk-content``, ``/tools/bulk-delete``, ``/tools/generate-uid``,
``/tools/invalidate-tags``, ``/tools/dicom-conformance``; and the protection of patients
against recycling (``/patients/{id}/protected``)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from pydicom.charset import python_encoding
from pydicom.dataset import Dataset
from pydicom.uid import generate_uid
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe.api.body import read_body, read_json
from lethe.api.instances import origin_of
from lethe.api.listing import EXPAND_CONTENT, Expansion, body_bool, body_format, expand, tags_of
from lethe.api.resources import default_encoding_of, store_of
from lethe.api.responses import json_response, text_response
from lethe.api.threads import run_in_thread
from lethe.dicom.create import (
    CreationRequest,
    build_instance,
    series_instance,
    to_file,
)
from lethe.dicom.modules import MODULE_TAGS
from lethe.errors import ErrorCode, LetheError, bad_file_format, bad_request, out_of_range
from lethe.store.model import Level
from lethe.store.store import Store

log = logging.getLogger(__name__)

SPECIFIC_CHARACTER_SET = 0x00080005
BINARY_VRS = frozenset({"OB", "OW", "OF", "OD", "OL", "OV", "UN", "SQ"})


def new_uid(root: str) -> str:
    """A new random UID under ``root`` (``UidRoot``): ``2.25.<UUID as a decimal>`` for the
    default root, else the root and random digits, 64 characters at most."""
    return str(generate_uid(prefix=None if root == "2.25" else root + "."))


# --- create-dicom -------------------------------------------------------------------------
async def create_dicom(request: Request) -> Response:
    """``POST /tools/create-dicom``: store a new instance (or a new series) made from the
    JSON body (:mod:`lethe.dicom.create`); Orthanc's answer of a stored instance, or for a
    series its ID, path and status."""
    body = await read_json(request)
    state = request.app.state
    parsed = CreationRequest.parse(body, state.tags, state.config.DefaultPrivateCreator)
    origin = origin_of(request)

    def work() -> dict[str, Any]:
        store = store_of(request)
        root = state.config.UidRoot
        parent, level, charset = _parent(store, parsed.parent)
        base = build_instance(parsed, state.tags, new_uid=lambda: new_uid(root),
                              now=datetime.now(UTC),
                              default_encoding=default_encoding_of(request), parent=parent,
                              parent_level=level, parent_charset=charset)
        if not parsed.series:
            return store.store(to_file(base), origin).to_json()
        files = [to_file(series_instance(base, parsed, index, state.tags,
                                         lambda: new_uid(root)))
                 for index in range(len(parsed.series))]
        series = ""
        try:
            for data in files:
                series = store.store(data, origin).ids.series
        except BaseException:
            if series and store.lookup(series) is not None:
                store.delete(series, Level.SERIES)
            raise
        return {"ID": series, "Path": f"/series/{series}", "Status": "Success"}
    return json_response(await run_in_thread(work))


def _parent(store: Store, parent_id: str | None
            ) -> tuple[Dataset | None, Level | None, str | None]:
    """For a ``Parent``: the text tags of its modules and of those above, as one of its
    instances has them, its level, and that instance's character set (when Lethe knows
    it)."""
    if parent_id is None:
        return None, None, None
    resource = store.lookup(parent_id)
    if resource is None:
        raise LetheError(ErrorCode.CREATE_DICOM_BAD_PARENT, f'no resource "{parent_id}"')
    if resource.level is Level.INSTANCE:
        raise LetheError(ErrorCode.CREATE_DICOM_PARENT_IS_INSTANCE,
                         f'"{parent_id}" is an instance')
    instances = store.instances_of(parent_id)
    if not instances:
        raise LetheError(ErrorCode.CREATE_DICOM_BAD_PARENT, f'"{parent_id}" has no instance')
    sibling = store.read_dataset(instances[0])
    wanted = set().union(*(MODULE_TAGS[level] for level in Level if level <= resource.level))
    copied = Dataset()
    for tag in sorted(wanted):
        if tag in sibling and sibling[tag].VR not in BINARY_VRS:
            copied[tag] = sibling[tag]
    charset = sibling.get(SPECIFIC_CHARACTER_SET)
    term = str(charset.value) if charset is not None else None
    return copied, resource.level, term if term in python_encoding and term else None


# --- bulk-content, bulk-delete --------------------------------------------------------------
def _resources(body: Any) -> list[str]:
    """The ``Resources`` of a bulk body: a list of strings (400 naming the field
    otherwise)."""
    if not isinstance(body, dict):
        raise bad_request("the body must contain a JSON object")
    found = body.get("Resources")
    if not isinstance(found, list) or not all(isinstance(item, str) for item in found):
        raise bad_file_format("List of strings expected in field: Resources")
    return found


async def bulk_content(request: Request) -> Response:
    """``POST /tools/bulk-content``: the JSON of each resource of ``Resources`` (unknown
    ones are left out), with its ``Metadata`` unless ``"Metadata": false``; with
    ``Level``, the resources of that level above or below them (sorted by ID)."""
    body = await read_json(request)
    resources = _resources(body)
    metadata = body_bool(body, "Metadata", True)
    fmt = body_format(body, "simplify") if "Format" not in body else _format(body["Format"])
    level = None
    if "Level" in body:
        if not isinstance(body["Level"], str):
            raise bad_request('the field "Level" must be a string')
        try:
            level = Level.parse(body["Level"])
        except ValueError:
            raise out_of_range(f'unknown resource level: "{body["Level"]}"') from None
    content = EXPAND_CONTENT | ({"Metadata"} if metadata else set())
    expansion = Expansion(frozenset(content), fmt)
    tags, age = tags_of(request), request.app.state.config.StableAge

    def work() -> list[dict[str, Any]]:
        store = store_of(request)
        ids = resources if level is None else sorted(_at_level(store, resources, level))
        answer = []
        for rid in ids:
            resource = store.lookup(rid)
            if resource is not None:
                answer.append(expand(store, resource, expansion, stable_age=age, tags=tags))
        return answer
    return json_response(await run_in_thread(work))


def _format(value: object) -> Any:
    """Orthanc's ``Format`` field: ``Human`` (tags by name), ``Short`` or ``Full``."""
    formats = {"Human": "simplify", "Short": "short", "Full": "full"}
    if not isinstance(value, str) or value not in formats:
        raise out_of_range(f'the field "Format" must be "Human", "Short" or "Full", got '
                           f"{value!r}")
    return formats[value]


def _at_level(store: Store, resources: list[str], level: Level) -> set[str]:
    """The resources of ``level`` above or below (or equal to) each of ``resources``."""
    found: set[str] = set()
    for rid in resources:
        resource = store.lookup(rid)
        if resource is None:
            continue
        if resource.level is level:
            found.add(rid)
        elif resource.level < level:
            layer = [rid]
            for _ in range(level - resource.level):
                layer = [child for parent in layer for child in store.children(parent)]
            found.update(layer)
        else:
            current: Any = resource
            while current is not None and current.level > level:
                current = store.lookup(current.parent_id or "")
            if current is not None:
                found.add(current.id)
    return found


async def bulk_delete(request: Request) -> Response:
    """``POST /tools/bulk-delete``: delete every resource of ``Resources`` (unknown ones are
    ignored), in one index transaction."""
    resources = _resources(await read_json(request))
    await run_in_thread(store_of(request).delete_many, sorted(set(resources)))
    return text_response("")


# --- small tools ----------------------------------------------------------------------------
async def generate_uid_route(request: Request) -> Response:
    """``GET /tools/generate-uid?level=...``: a new PatientID (a UUID) or a new UID under
    ``UidRoot``."""
    level = request.query_params.get("level", "")
    if level == "patient":
        import uuid

        return text_response(str(uuid.uuid4()))
    if level not in ("study", "series", "instance"):
        raise out_of_range('the argument "level" must be "patient", "study", "series" or '
                           f'"instance", got "{level}"')
    return text_response(new_uid(request.app.state.config.UidRoot))


async def invalidate_tags(request: Request) -> Response:
    """``POST /tools/invalidate-tags``: Orthanc drops its cached JSON summaries of the
    instances; Lethe keeps none (tags are read from the files, with the dictionary of the
    moment), so there is nothing to drop."""
    await read_body(request)
    return text_response("")


async def dicom_conformance(request: Request) -> Response:
    """``GET /tools/dicom-conformance``: Lethe's DICOM conformance statement (plain text),
    from what its listener serves."""
    network = request.app.state.network
    return text_response(await run_in_thread(conformance_statement,
                                             network.accepted_syntaxes()))


def conformance_statement(syntaxes: list[str]) -> str:
    """The conformance statement of a listener accepting the transfer syntaxes
    ``syntaxes``, laid out as Orthanc's."""
    from pydicom.uid import UID
    from pynetdicom import StoragePresentationContexts

    from lethe.network import syntaxes as network_syntaxes

    def rows(uids: list[str]) -> str:
        named = [(UID(uid).name.replace(" ", ""), uid) for uid in uids]
        width = max((len(name) for name, _ in named), default=0)
        return "\n".join(f"  {name.ljust(width)} | {uid}" for name, uid in named)

    def section(title: str, text: str, uids: list[str]) -> str:
        rule = "-" * (len(title))
        return f"{rule}\n{title}\n{rule}\n\n{text}\n\n{rows(uids)}\n\n\n"

    storage = [str(context.abstract_syntax) for context in StoragePresentationContexts]
    find = [network_syntaxes.PATIENT_ROOT_FIND, network_syntaxes.STUDY_ROOT_FIND]
    move = [network_syntaxes.PATIENT_ROOT_MOVE, network_syntaxes.STUDY_ROOT_MOVE]
    get = [network_syntaxes.PATIENT_ROOT_GET, network_syntaxes.STUDY_ROOT_GET]
    title = "DICOM Conformance Statement of Lethe"
    return ("=" * len(title) + f"\n{title}\n" + "=" * len(title) + "\n\n\n"
            + section("Echo SCP Conformance", "Lethe supports the following SOP Classes as "
                      "an SCP for C-Echo:", [network_syntaxes.VERIFICATION])
            + section("Store SCP Conformance", "Lethe supports the following SOP Classes as "
                      "an SCP for C-Store (and, with UnknownSopClassAccepted, any other):",
                      storage)
            + section("Find SCP Conformance", "Lethe supports the following SOP Classes as "
                      "an SCP for C-Find:", find)
            + section("Move SCP Conformance", "Lethe supports the following SOP Classes as "
                      "an SCP for C-Move:", move)
            + section("Get SCP Conformance", "Lethe supports the following SOP Classes as "
                      "an SCP for C-Get:", get)
            + section("Storage Commitment SCP Conformance", "Lethe supports the following "
                      "SOP Classes as an SCP for Storage Commitment (push model):",
                      [network_syntaxes.STORAGE_COMMITMENT])
            + section("Transfer Syntaxes", "Lethe accepts the following transfer syntaxes "
                      "for C-Store (AcceptedTransferSyntaxes):", sorted(syntaxes)))


# --- protection -----------------------------------------------------------------------------
async def protected(request: Request) -> Response:
    """``GET /patients/{id}/protected`` (``1`` or ``0``) and ``PUT`` (``1``, ``0``,
    ``true`` or ``false``): the protection of a patient against recycling."""
    patient_id = request.path_params["id"]
    store = store_of(request)
    if request.method == "GET":
        found = await run_in_thread(store.is_protected, patient_id)
        if found is None:
            raise out_of_range(f'no patient "{patient_id}"')
        return text_response("1" if found else "0")
    text = (await read_body(request)).decode("utf-8", "replace").strip()
    if text not in ("0", "1", "true", "false"):
        raise bad_file_format(f'Boolean value expected ("0", "1", "true" or "false"), got '
                              f'"{text[:50]}"')
    if not await run_in_thread(store.set_protected, patient_id, text in ("1", "true")):
        raise out_of_range(f'no patient "{patient_id}"')
    return text_response("")


# --- the server itself ----------------------------------------------------------------------
async def shutdown(request: Request) -> Response:
    """``POST /tools/shutdown`` (stop) and ``POST /tools/reset`` (stop, then start again with
    the configuration file read anew), once the answer is sent. Only a server started by
    ``lethe serve`` can do it (403 otherwise: an application embedded in another program)."""
    stop = getattr(request.app.state, "shutdown", None)
    if stop is None:
        raise LetheError(ErrorCode.FORBIDDEN_ACCESS, "this server was not started by "
                         "`lethe serve`: it cannot stop or restart itself")
    restart = request.url.path.rstrip("/").endswith("/reset")
    log.warning("%s asked through the REST API", "a restart" if restart else "a shutdown")
    answer = json_response({})
    answer.background = BackgroundTask(stop, restart)
    return answer


async def export_instance(request: Request) -> Response:
    """``POST /instances/{id}/export``: Orthanc writes the file at a path of the server's
    filesystem when ``RestApiWriteToFileSystemEnabled``, off by default since Orthanc
    1.12.0 (403). Lethe never writes where a client says: always 403."""
    await read_body(request)
    raise LetheError(ErrorCode.FORBIDDEN_ACCESS, "writing files onto the server's filesystem "
                     "is disabled (as Orthanc's RestApiWriteToFileSystemEnabled false): "
                     "download the file from /instances/{id}/file instead")


routes = [
    Route("/tools/shutdown", shutdown, methods=["POST"]),
    Route("/tools/reset", shutdown, methods=["POST"]),
    Route("/instances/{id}/export", export_instance, methods=["POST"]),
    Route("/tools/create-dicom", create_dicom, methods=["POST"]),
    Route("/tools/bulk-content", bulk_content, methods=["POST"]),
    Route("/tools/bulk-delete", bulk_delete, methods=["POST"]),
    Route("/tools/generate-uid", generate_uid_route, methods=["GET"]),
    Route("/tools/invalidate-tags", invalidate_tags, methods=["POST"]),
    Route("/tools/dicom-conformance", dicom_conformance, methods=["GET"]),
    Route("/patients/{id}/protected", protected, methods=["GET", "PUT"]),
]
