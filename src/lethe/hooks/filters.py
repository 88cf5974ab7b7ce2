"""The inline filters of received instances, for the upload paths (REST and C-STORE).

:func:`check_received` runs ``ReceivedInstanceFilter`` (Lua or Python) with Orthanc's
arguments: the instance's simplified tags, the origin table, and ``info``
(``HasPixelData``, ``TransferSyntaxUID``); :func:`cstore_status` runs it for a C-STORE,
then ``ReceivedCStoreInstanceFilter``, which answers the DIMSE status. It parses the header in the caller's thread: call
it from a thread that may wait (never the event loop), and only when a filter is defined.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from pydicom.datadict import dictionary_has_tag
from pydicom.datadict import dictionary_VR as dictionary_vr
from pydicom.dataset import Dataset

from lethe.dicom.dicomjson import dataset_json
from lethe.dicom.identifiers import ResourceIds
from lethe.errors import LetheError
from lethe.hooks.dispatcher import Dispatcher
from lethe.hooks.server import bound_to_caller
from lethe.store.ingest import Origin, parse_dicom

log = logging.getLogger(__name__)

RECEIVED_FILTER = "ReceivedInstanceFilter"
CSTORE_FILTER = "ReceivedCStoreInstanceFilter"


def origin_table(origin: Origin) -> dict[str, str]:
    """Orthanc's ``origin`` argument for an instance received from ``origin``."""
    table = {"RequestOrigin": origin.kind}
    if origin.kind == "DicomProtocol":
        table.update(RemoteIp=origin.remote_ip, RemoteAet=origin.remote_aet,
                     CalledAet=origin.called_aet)
    elif origin.kind == "RestApi":
        table.update(RemoteIp=origin.remote_ip, Username=origin.username)
    return table


def _received_arguments(data: bytes, origin: Origin) -> tuple[Dataset, tuple[Any, ...]]:
    """The parsed header of a received file, and the arguments of the filters of received
    instances: its simplified tags, the origin table, and ``info``."""
    ds = parse_dicom(data)
    meta = getattr(ds, "file_meta", None)
    info: dict[str, Any] = {"HasPixelData": 0x7FE00010 in ds}
    syntax = getattr(meta, "TransferSyntaxUID", None) if meta is not None else None
    if syntax:
        info["TransferSyntaxUID"] = str(syntax)
    return ds, (dataset_json(ds, "simplify"), origin_table(origin), info)


def check_received(dispatcher: Dispatcher, data: bytes, origin: Origin) -> dict[str, Any] | None:
    """None if the instance may be stored; otherwise Orthanc's answer to its upload
    (``Status`` ``FilteredOut``, with the IDs it would have had). Raises
    :class:`~lethe.errors.LetheError` (400) for a file that is no DICOM file."""
    ds, arguments = _received_arguments(data, origin)
    if dispatcher.filter(RECEIVED_FILTER, *arguments):
        return None
    ids = ResourceIds.from_dicom(str(ds.get("PatientID", "") or ""),
                                 str(ds.get("StudyInstanceUID", "")),
                                 str(ds.get("SeriesInstanceUID", "")),
                                 str(ds.get("SOPInstanceUID", "")))
    return {"ID": ids.instance, "ParentPatient": ids.patient, "ParentSeries": ids.series,
            "ParentStudy": ids.study, "Path": f"/instances/{ids.instance}",
            "Status": "FilteredOut"}


def filters_received_cstore(dispatcher: Dispatcher | None) -> bool:
    """True if some filter of received instances applies to a C-STORE."""
    return dispatcher is not None and (dispatcher.handles(RECEIVED_FILTER) or
                                       dispatcher.handles(CSTORE_FILTER))


def cstore_status(dispatcher: Dispatcher, data: bytes, origin: Origin) -> int | None:
    """None if an instance received by C-STORE may be stored; otherwise the DIMSE status
    to answer, nothing being stored, as Orthanc: 0 (success) when ``ReceivedInstanceFilter``
    refuses it, else the status ``ReceivedCStoreInstanceFilter`` returned when it is not 0.
    Raises :class:`~lethe.errors.LetheError` (400) for a file that is no DICOM file."""
    _, arguments = _received_arguments(data, origin)
    if dispatcher.handles(RECEIVED_FILTER) and not dispatcher.filter(RECEIVED_FILTER,
                                                                     *arguments):
        return 0x0000
    if dispatcher.handles(CSTORE_FILTER):
        return dispatcher.status_filter(CSTORE_FILTER, *arguments) or None
    return None


OUTGOING_CSTORE_FILTER = "OutgoingCStoreInstanceFilter"


def outgoing_check(dispatcher: Dispatcher) -> Callable[[bytes, str, str], bool]:
    """The check of an instance about to be sent by C-STORE: ``check(file, aet, host)`` is
    False when ``OutgoingCStoreInstanceFilter`` (Lua; ``outgoing_cstore_instance_filter``
    in Python) refuses it. The filter gets the instance's simplified tags and the
    destination (``RemoteAet``, ``RemoteIp``); one that fails is logged and lets it go.
    Made where the sending is decided (a request, maybe a callback's in-process call), it
    may be called from a job's thread (:func:`~lethe.hooks.server.bound_to_caller`)."""
    def check(data: bytes, aet: str, host: str) -> bool:
        if not dispatcher.handles(OUTGOING_CSTORE_FILTER):
            return True
        try:
            tags = dataset_json(parse_dicom(data), "simplify")
        except LetheError as exc:
            log.error("filter %s not run: %s", OUTGOING_CSTORE_FILTER, exc.code.description)
            return True
        return bool(dispatcher.filter(OUTGOING_CSTORE_FILTER, tags,
                                      {"RemoteAet": aet, "RemoteIp": host}))
    return bound_to_caller(check)


FIND_FILTER = "IncomingFindRequestFilter"
OUTGOING_FIND_FILTER = "OutgoingFindRequestFilter"


def filter_find_query(dispatcher: Dispatcher, identifier: Dataset, origin: dict[str, Any],
                      name: str = FIND_FILTER) -> Dataset:
    """The C-FIND query after the filter ``name`` (``IncomingFindRequestFilter``, whose
    second argument is the ``origin`` of the request, or ``OutgoingFindRequestFilter``,
    whose second argument is the modality queried): the filter gets the query's
    elements as Orthanc gives them (``{"gggg,eeee": text}``, sequences and binary values as
    empty strings) and returns the query to run; an element it removed is removed, one it
    changed or added gets the text it returned (with the dictionary's VR). A filter that
    fails leaves the query unchanged."""
    source: dict[str, str] = {}
    for element in identifier:
        key = f"{element.tag.group:04x},{element.tag.element:04x}"
        value = element.value
        source[key] = "" if element.VR == "SQ" or isinstance(value, bytes) or value is None \
            else str(value)
    given = dict(source)  # a filter may change it in place
    answer = dispatcher.filter(name, given, origin, default=given)
    if answer == []:
        return _with_level(Dataset(), identifier)
    if not isinstance(answer, dict) or answer == source:
        return identifier
    query = Dataset()
    for key, text in answer.items():
        tag = _parse_tag(key)
        if tag is None or not isinstance(text, str):
            continue
        if key in source and source[key] == text and tag in identifier:
            query[tag] = identifier[tag]
        else:
            vr = dictionary_vr(tag) if dictionary_has_tag(tag) else "LO"
            query.add_new(tag, vr, text or None)
    return _with_level(query, identifier)


def _with_level(query: Dataset, identifier: Dataset) -> Dataset:
    for keyword in ("QueryRetrieveLevel", "SpecificCharacterSet"):
        if keyword in identifier and keyword not in query:
            setattr(query, keyword, identifier.data_element(keyword).value)  # type: ignore[union-attr]
    return query


def _parse_tag(key: str) -> int | None:
    group, _, element = key.partition(",")
    try:
        return (int(group, 16) << 16) | int(element, 16)
    except ValueError:
        return None


def find_origin(event: Any) -> dict[str, str]:
    """Orthanc's ``origin`` argument of ``IncomingFindRequestFilter``, from a pynetdicom
    C-FIND event: ``RemoteIp``, ``RemoteAet``, ``CalledAet``."""
    requestor = event.assoc.requestor
    primitive = requestor.primitive
    return {"RemoteIp": str(requestor.address), "RemoteAet": str(requestor.ae_title).strip(),
            "CalledAet": str(primitive.called_ae_title).strip() if primitive is not None
            else ""}
