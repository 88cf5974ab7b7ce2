"""The deprecated C-FIND routes of Orthanc: ``/modalities/{m}/find-patient``, ``find-study``,
``find-series``, ``find-instance`` and ``find`` (patients, with their studies and series).

As Orthanc 1.10.1: the body (tags and values) fills a template of the level's main tags; only
the main tags of the level and a few identifiers are sent (a normalized query); a study query
needs a PatientID or an AccessionNumber of more than two characters, a series query also a
StudyInstanceUID, an instance query also a SeriesInstanceUID (else: no answer, ``[]``). Each
answer is its data set as simplified JSON.
"""

from __future__ import annotations

from typing import Any

from pydicom.dataset import Dataset
from pydicom.tag import Tag
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe.api.body import read_json
from lethe.api.network_args import network_of
from lethe.api.responses import json_response
from lethe.api.threads import run_in_thread
from lethe.dicom.dicomjson import dataset_json
from lethe.dicom.levels import Level
from lethe.dicom.maintags import MAIN_TAGS
from lethe.errors import bad_file_format
from lethe.network import scu
from lethe.network.queries import query_dataset
from lethe.network.service import DicomNetwork

PATIENT_ID, ACCESSION, STUDY_UID, SERIES_UID = 0x00100020, 0x00080050, 0x0020000D, 0x0020000E
MODALITIES_IN_STUDY = 0x00080061
# Main tags that Orthanc leaves out of the templates: not in the study or series modules.
_NOT_STUDY_MODULE = {int(Tag(k)) for k in (
    "InstitutionName", "RequestingPhysician", "RequestedProcedureDescription")}
_NOT_SERIES_MODULE = {int(Tag(k)) for k in (
    "Manufacturer", "StationName", "SequenceName", "CardiacNumberOfImages",
    "ImagesInAcquisition", "NumberOfSlices", "NumberOfTemporalPositions", "NumberOfTimeSlices",
    "ImageOrientationPatient", "SeriesType", "AcquisitionDeviceProcessingDescription",
    "ContrastBolusAgent")}
_TEMPLATE_EXTRA = {Level.PATIENT: (), Level.STUDY: (PATIENT_ID, ACCESSION),
                   Level.SERIES: (PATIENT_ID, ACCESSION, STUDY_UID),
                   Level.INSTANCE: (PATIENT_ID, ACCESSION, STUDY_UID, SERIES_UID)}
# What each level's query keeps besides the level's main tags (Orthanc's Find<Level>).
_COPIED = {Level.PATIENT: (), Level.STUDY: (PATIENT_ID, ACCESSION, MODALITIES_IN_STUDY),
           Level.SERIES: (PATIENT_ID, ACCESSION, STUDY_UID),
           Level.INSTANCE: (PATIENT_ID, ACCESSION, STUDY_UID, SERIES_UID)}


def template(level: Level) -> dict[int, str]:
    """Orthanc's ``SetupFind<Level>Template``: the level's main tags (and identifiers), empty."""
    tags = {int(tag) for tag in MAIN_TAGS[level]}
    if level is Level.STUDY:
        tags -= _NOT_STUDY_MODULE
    elif level is Level.SERIES:
        tags -= _NOT_SERIES_MODULE
    return dict.fromkeys(sorted(tags | set(_TEMPLATE_EXTRA[level])), "")


def _fields(request: Request, body: Any) -> dict[int, str]:
    """The tags and values of the body."""
    if not isinstance(body, dict):
        raise bad_file_format("the body must be a JSON object of tags and values")
    fields: dict[int, str] = {}
    tags = request.app.state.tags
    for name, value in body.items():
        if not isinstance(value, str):
            raise bad_file_format(f'the value of "{name}" must be a string, got {value!r}')
        fields[int(tags.parse_tag(name))] = value
    return fields


def _find(network: DicomNetwork, peer: scu.Peer, level: Level,
          fields: dict[int, str]) -> list[Dataset]:
    """One level of the legacy query: the level's main tags and the identifiers above."""
    own = {int(tag) for tag in MAIN_TAGS[level]}
    sent = {tag: value for tag, value in fields.items() if tag in own or tag in _COPIED[level]}
    short = {tag: len(fields.get(tag, "")) <= 2 for tag in (PATIENT_ID, ACCESSION, STUDY_UID,
                                                              SERIES_UID)}
    if level >= Level.STUDY and short[PATIENT_ID] and short[ACCESSION]:
        return []
    if level >= Level.SERIES and short[STUDY_UID]:
        return []
    if level is Level.INSTANCE and short[SERIES_UID]:
        return []
    identifier = query_dataset(level, sent, manufacturer=peer.modality.manufacturer,
                               encoding=network.settings.default_encoding)
    return scu.find(peer, identifier, "patient" if level is Level.PATIENT else "study")


def _json(answer: Dataset) -> dict[str, Any]:
    """An answer as Orthanc shows it here: simplified JSON of the data set, with the meta
    header elements that DCMTK derives from its SOP class and instance UIDs."""
    found = dataset_json(answer, "simplify")
    for meta, source in (("MediaStorageSOPClassUID", "SOPClassUID"),
                         ("MediaStorageSOPInstanceUID", "SOPInstanceUID")):
        if found.get(source):
            found[meta] = found[source]
    return dict(sorted(found.items()))


async def find_level(request: Request) -> Response:
    network = network_of(request)
    modality = network.modalities.get(request.path_params["id"])
    level = {"find-patient": Level.PATIENT, "find-study": Level.STUDY,
             "find-series": Level.SERIES,
             "find-instance": Level.INSTANCE}[request.url.path.rsplit("/", 1)[-1]]
    fields = {**template(level), **_fields(request, await read_json(request))}
    answers = await run_in_thread(_find, network, network.peer(modality), level, fields)
    return _response([_json(a) for a in answers])


def _tree(network: DicomNetwork, peer: scu.Peer, body: dict[int, str]) -> list[dict]:
    """``/find``: the patients, each with its studies, each with its series."""
    patients = []
    for patient in _find(network, peer, Level.PATIENT, {**template(Level.PATIENT), **body}):
        found = _json(patient)
        studies_query = {**template(Level.STUDY), **body,
                         PATIENT_ID: str(patient.get("PatientID", ""))}
        found["Studies"] = []
        for study in _find(network, peer, Level.STUDY, studies_query):
            study_json = _json(study)
            series_query = {**template(Level.SERIES), **body,
                            PATIENT_ID: str(study.get("PatientID", "")),
                            STUDY_UID: str(study.get("StudyInstanceUID", ""))}
            study_json["Series"] = [_json(s) for s in _find(network, peer, Level.SERIES,
                                                             series_query)]
            found["Studies"].append(study_json)
        patients.append(found)
    return patients


async def find_tree(request: Request) -> Response:
    network = network_of(request)
    modality = network.modalities.get(request.path_params["id"])
    fields = _fields(request, await read_json(request))
    return _response(await run_in_thread(_tree, network, network.peer(modality), fields))


def _response(content: Any) -> Response:
    return json_response(content)


routes = [Route(f"/modalities/{{id}}/{name}", find_level, methods=["POST"])
          for name in ("find-patient", "find-study", "find-series", "find-instance")]
routes.append(Route("/modalities/{id}/find", find_tree, methods=["POST"]))
