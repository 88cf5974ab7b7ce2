"""What the routes of the DICOM network read from a request: the network, the modality named
in the path, the fields of a JSON body (each error names the field and the value)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from lethe.api.resources import flag
from lethe.dicom.levels import Level
from lethe.errors import bad_file_format, out_of_range
from lethe.network.modalities import RemoteModality
from lethe.network.scu import Peer
from lethe.network.service import DicomNetwork


def network_of(request: Request) -> DicomNetwork:
    """The DICOM network of the running app."""
    return request.app.state.network


def modality_of(request: Request) -> tuple[str, RemoteModality]:
    """The name and the modality of the path's ``{id}``; 404 if there is none."""
    name = request.path_params["id"]
    return name, network_of(request).modalities.get(name)


def string_field(body: dict[str, Any], key: str, default: str | None = None) -> str | None:
    """The string ``body[key]`` (``default`` when absent); 400 for another type."""
    value = body.get(key, default)
    if value is not None and not isinstance(value, str):
        raise bad_file_format(f'the field "{key}" must be a string, got {value!r}')
    return value


def timeout_field(body: dict[str, Any]) -> int | None:
    """``Timeout`` of the body (seconds), None when absent; 400 unless a natural number."""
    value = body.get("Timeout")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise bad_file_format(f'the field "Timeout" must be a non-negative integer, got {value!r}')
    return value


def peer_of(request: Request, modality: RemoteModality, body: dict[str, Any]) -> Peer:
    """How to call ``modality``, with the ``LocalAet`` and ``Timeout`` of the body."""
    return network_of(request).peer(modality, string_field(body, "LocalAet"), timeout_field(body))


def query_fields(request: Request, body: dict[str, Any], key: str = "Query") -> dict[int, str]:
    """The tags (names or ``gggg,eeee``) and string values of ``body[key]``."""
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


def level_of(text: str) -> Level:
    """A resource level named by Orthanc's words; 400 naming the text otherwise."""
    try:
        return Level.parse(text)
    except ValueError:
        raise out_of_range(f'unknown resource level: "{text}"') from None


def json_format(request: Request, default: str = "full") -> str:
    """``simplify``, ``short`` or ``default``, from the request's arguments."""
    if flag(request, "simplify"):
        return "simplify"
    if flag(request, "short"):
        return "short"
    return default
