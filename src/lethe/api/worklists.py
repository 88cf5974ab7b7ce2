"""``POST /modalities/{id}/find-worklist``: C-FIND SCU against the worklists of a modality.

As Orthanc: the body is ``{"Query": {tag: value}, "Short": bool, "Full": bool}`` (or, as
Orthanc 1.9.4 and before took it, the query itself, answered in the human format); ``tag``
is a name or ``gggg,eeee``, ``value`` a string, or a list of objects for a sequence. The
query gets ``SpecificCharacterSet`` of ``DefaultEncoding`` unless it names one. The answer
is the list of the answers' tags, in the format asked (the simplified one by default).
``LocalAet`` and ``Timeout`` of the body apply to the association.
"""

from __future__ import annotations

from typing import Any

from pydicom.charset import python_encoding
from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from lethe.api.body import read_json_object
from lethe.api.listing import body_format
from lethe.api.network_args import modality_of, network_of, peer_of
from lethe.api.responses import json_response
from lethe.api.threads import run_in_thread
from lethe.dicom.create import encoding_term
from lethe.dicom.dicomjson import dataset_json
from lethe.dicom.tags import TagDictionary
from lethe.dicom.values import make_element
from lethe.errors import bad_file_format
from lethe.network import scu

SPECIFIC_CHARACTER_SET = 0x00080005


def worklist_query(fields: dict[str, Any], tags: TagDictionary, default_encoding: str
                   ) -> Dataset:
    """The C-FIND identifier of a ``Query`` object; 400 naming the tag of a bad value."""
    term = fields.get("SpecificCharacterSet", fields.get("0008,0005"))
    if term is not None and not isinstance(term, str):
        raise bad_file_format(f'the value of "SpecificCharacterSet" must be a string, got '
                              f"{term!r}")
    term = term if term is not None else encoding_term(default_encoding)
    dataset = Dataset()
    if term:
        dataset[SPECIFIC_CHARACTER_SET] = DataElement(SPECIFIC_CHARACTER_SET, "CS", term)
    codec = python_encoding.get(term.split("\\")[0] if term else "", "latin_1")
    for name, value in fields.items():
        tag = int(tags.parse_tag(name))
        if tag == SPECIFIC_CHARACTER_SET:
            continue
        if not isinstance(value, str | list):
            raise bad_file_format(f'the value of "{name}" in "Query" must be a string or a '
                                  f"list, got {value!r}")
        element = make_element(tag, value, tags=tags, encoding=codec)
        dataset[element.tag] = element
    return dataset


async def find_worklist(request: Request) -> Response:
    """``POST /modalities/{id}/find-worklist`` (see the module's docstring)."""
    _, modality = modality_of(request)
    body = await read_json_object(request)
    if "Query" in body:
        fields = body["Query"]
        if not isinstance(fields, dict):
            raise bad_file_format('the field "Query" must be a JSON object')
        fmt = body_format(body, "simplify")
    else:  # Orthanc <= 1.9.4: the body is the query
        fields = {k: v for k, v in body.items() if k not in ("LocalAet", "Timeout")}
        fmt = "simplify"
    network = network_of(request)
    tags = request.app.state.tags
    query = worklist_query(fields, tags, network.settings.default_encoding)
    peer = peer_of(request, modality, body)
    answers = await run_in_thread(scu.find, peer, query, "worklist")
    return json_response([dataset_json(answer, fmt, tags=tags) for answer in answers])


routes: list[BaseRoute] = [Route("/modalities/{id}/find-worklist", find_worklist, methods=["POST"])]
