"""The pseudonym register over HTTP: look-up, export and import (:mod:`lethe.store.pseudonyms`).

The routes under :data:`~lethe.api.security.REGISTER_ROOT` answer only the HTTP Basic
credentials of ``PseudonymRegister.Users``: the credentials of ``RegisteredUsers`` open the
rest of the API, never these routes (401). A server whose register is disabled, or has no
users, refuses them (403).

- ``GET /pseudonyms/{key}?pseudonym=X`` (or ``?original=X``): the entries of key ``{key}``
  with that pseudonym (a pseudonymous PatientName finds its patient), or that original;
- ``GET /pseudonyms/{key}/export``: the whole register of the key, streamed as JSON;
- ``POST /pseudonyms/{key}/import``: merge an exported register, all or nothing (409 naming
  the first entry that contradicts the register, and its pseudonym).

A keyed anonymization records its entries itself (:meth:`Store.record_pseudonyms`): the
jobs before they index their outputs, and the instance routes through
:func:`record_instance_pseudonyms`.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable

from pydicom.dataset import Dataset
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from lethe.api.body import read_json
from lethe.api.errors import error_response
from lethe.api.resources import store_of
from lethe.api.responses import json_response
from lethe.api.security import REGISTER_ROOT, check_credentials
from lethe.api.threads import run_in_thread
from lethe.config import Config
from lethe.dicom.engine import ModificationContext
from lethe.dicom.request import ModificationRequest
from lethe.errors import ErrorCode, LetheError, bad_request, unknown_resource
from lethe.store.pseudonyms import RegisterConflict, export_chunks, parse_document
from lethe.store.store import Store


def record_instance_pseudonyms(store: Store, request: ModificationRequest,
                               context: ModificationContext, source_id: str,
                               output: Dataset) -> None:
    """After ``/instances/{id}/anonymize|modify`` wrote ``output`` from stored instance
    ``source_id``: record its pseudonyms when the request names a key (and the register
    is enabled)."""
    if request.pseudonymization_key is not None:
        store.record_pseudonyms(request.pseudonymization_key, context.uids,
                                request.shift_dates, [(source_id, output)])


def _refusal(request: Request) -> Response | None:
    """Why the request may not use the register (403 when it is disabled or has no users,
    401 with the register's own ``WWW-Authenticate`` for credentials of no register user),
    or None for a register user."""
    config: Config = request.app.state.config
    register = config.PseudonymRegister
    if not register.Enabled or not register.Users:
        key = "Enabled" if not register.Enabled else "Users"
        return error_response(request, ErrorCode.FORBIDDEN_ACCESS, 403,
                              f"the pseudonym register is disabled or has no users "
                              f"(PseudonymRegister.{key})")
    if check_credentials(request.headers.get("authorization"), register.Users) is None:
        realm = config.Name.replace('"', "") + " pseudonym register"
        return error_response(request, ErrorCode.UNAUTHORIZED, 401,
                              "the pseudonym register needs the credentials of one of its "
                              "users (PseudonymRegister.Users)",
                              headers={"WWW-Authenticate": f'Basic realm="{realm}"'})
    return None


def _guarded(handler: Callable[[Request], Awaitable[Response]]
             ) -> Callable[[Request], Awaitable[Response]]:
    """``handler``, run only for a register user (:func:`_refusal`)."""

    @functools.wraps(handler)
    async def route(request: Request) -> Response:
        return _refusal(request) or await handler(request)

    return route


def _key(request: Request, must_exist: bool) -> str:
    """The key name of the route; with ``must_exist``, 404 unless the configuration has it
    or the register holds entries of it."""
    key_name = request.path_params["key"]
    if must_exist and key_name not in request.app.state.config.PseudonymizationKeys \
            and not store_of(request).has_pseudonyms(key_name):
        raise unknown_resource(f"Unknown pseudonymization key: {key_name!r} (neither in "
                               '"PseudonymizationKeys" nor in the register)')
    return key_name


async def lookup_route(request: Request) -> Response:
    """``GET /pseudonyms/{key}?pseudonym=X|original=X``: the matching entries (404 if
    none)."""
    arguments = {name: request.query_params.get(name) for name in ("pseudonym", "original")}
    given = {name: value for name, value in arguments.items() if value}
    if len(given) != 1:
        raise bad_request('Give exactly one of the query arguments "pseudonym" and "original"')
    (name, value), = given.items()
    key_name = request.path_params["key"]
    found = await run_in_thread(store_of(request).find_pseudonyms, key_name, **given)
    if not found:
        raise unknown_resource(f"The register of key {key_name!r} has no entry whose "
                               f"{name} is {value!r}")
    return json_response({"Key": key_name, "Entries": [entry.as_json() for entry in found]})


async def export_route(request: Request) -> Response:
    """``GET /pseudonyms/{key}/export``: the register of the key, as JSON (streamed)."""
    store = store_of(request)
    key_name = await run_in_thread(_key, request, True)
    return StreamingResponse(
        (chunk.encode("utf-8") for chunk in export_chunks(key_name,
                                                          store.export_pseudonyms(key_name))),
        media_type="application/json")


async def import_route(request: Request) -> Response:
    """``POST /pseudonyms/{key}/import``: merge an exported register into the key's; how
    many entries were ``Added``, ``AlreadyKnown``, ``Completed``. 409 (nothing imported) for
    an entry that contradicts the register."""
    key_name = _key(request, False)
    document = await read_json(request)
    try:
        entries = parse_document(document, key_name)
    except ValueError as exc:
        raise bad_request(str(exc)) from None
    try:
        counts = await run_in_thread(store_of(request).import_pseudonyms, key_name, entries)
    except RegisterConflict as exc:
        raise LetheError(ErrorCode.DUPLICATE_RESOURCE, f"Nothing was imported: {exc}") from None
    return json_response({"Key": key_name, **counts.as_json()})


routes = [
    Route(REGISTER_ROOT + "/{key}", _guarded(lookup_route), methods=["GET"]),
    Route(REGISTER_ROOT + "/{key}/export", _guarded(export_route), methods=["GET"]),
    Route(REGISTER_ROOT + "/{key}/import", _guarded(import_route), methods=["POST"]),
]
