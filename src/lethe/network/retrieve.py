"""C-MOVE and C-GET SCP: send the stored instances that a request names.

The resources are found as Orthanc 1.10.1 finds them (``OrthancMoveRequestHandler``): by the
identifier of the request's ``QueryRetrieveLevel`` (PatientID, StudyInstanceUID, or
AccessionNumber when the request has a non-empty one, SeriesInstanceUID, SOPInstanceUID), each
``\\``-separated value compared exactly; without a level, the deepest identifier present
decides. A request that names nothing stored fails. The instances are sent as the bytes they
were stored with (:mod:`lethe.network.encoded`), on a new association to the move destination
(a known modality, found by its AET) for C-MOVE, on the requesting association for C-GET;
each transfer syntax is proposed as it is, with uncompressed ones beside it, and an instance
is transcoded only when the peer refused its own syntax and the modality allows transcoding.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

from pydicom.dataset import Dataset
from pydicom.tag import Tag
from pydicom.uid import UID
from pynetdicom.dimse_primitives import C_STORE

from lethe.dicom.dicomjson import element_string
from lethe.dicom.maintags import FindConstraint
from lethe.errors import LetheError, bad_request
from lethe.network.encoded import EncodedDataset, EncodedInstance, proposed_contexts
from lethe.network.findscp import QUERY_RETRIEVE_LEVEL
from lethe.store.find import FindQuery, find
from lethe.store.model import Level
from lethe.store.store import Store

if TYPE_CHECKING:
    from pynetdicom.events import Event

    from lethe.network.scu import Peer
    from lethe.network.service import DicomNetwork

log = logging.getLogger(__name__)

PENDING = 0xFF00
CANCELED = 0xFE00
_IDENTIFIERS = {Level.PATIENT: 0x00100020, Level.STUDY: 0x0020000D,
                Level.SERIES: 0x0020000E, Level.INSTANCE: 0x00080018}
_ACCESSION_NUMBER = 0x00080050


def _value(identifier: Dataset, tag: int) -> str | None:
    if tag not in identifier:
        return None
    return element_string(identifier, tag)


def _lookup(store: Store, level: Level, identifier: Dataset) -> list[str] | None:
    """Orthanc IDs of the resources of ``level`` that the request names; None when it has no
    identifier of that level."""
    tag = _IDENTIFIERS[level]
    if level is Level.STUDY and _value(identifier, _ACCESSION_NUMBER):
        tag = _ACCESSION_NUMBER
    value = _value(identifier, tag)
    if value is None:
        return None
    found: list[str] = []
    for token in value.split("\\"):
        constraint = FindConstraint(Tag(tag), "equal", (token,), case_sensitive=True)
        found += [rid for rid in find(store, FindQuery(level, (constraint,)))
                  if rid not in found]
    return found


def requested_resources(store: Store, identifier: Dataset) -> list[str]:
    """The resources a C-MOVE or C-GET request names; 400 when it names none that exists."""
    level_element = identifier.get(QUERY_RETRIEVE_LEVEL)
    level_text = str(level_element.value).strip() if level_element is not None and \
        level_element.value else ""
    if level_text:
        try:
            levels = [Level.parse(level_text)]
        except ValueError:
            raise bad_request(f'unknown QueryRetrieveLevel: "{level_text}"') from None
    else:
        levels = [Level.INSTANCE, Level.SERIES, Level.STUDY, Level.PATIENT]
    for level in levels:
        found = _lookup(store, level, identifier)
        if found is not None:
            if not found:
                raise bad_request("the request matches no resource stored here")
            return found
    raise bad_request("no DICOM identifier for the query retrieve level in the request")


def instances_to_send(store: Store, resources: list[str]) -> list[str]:
    """The instances of ``resources``, in tree order, each once."""
    seen: dict[str, None] = {}
    for resource in resources:
        seen.update(dict.fromkeys(store.instances_of(resource, tree_order=True)))
    return list(seen)


def syntax_pairs(store: Store, instances: list[str]) -> list[tuple[str, str]]:
    """The ``(SOP class, transfer syntax)`` of each instance, from its metadata (its file
    when the metadata lacks them)."""
    pairs = []
    for instance in instances:
        metadata = store.metadata(instance)
        sop_class, syntax = metadata.get("SopClassUid"), metadata.get("TransferSyntax")
        if not sop_class or not syntax:
            try:
                encoded = EncodedInstance.from_file(store.read_file(instance))
            except LetheError:
                continue
            sop_class, syntax = encoded.sop_class, encoded.transfer_syntax
        pairs.append((sop_class, syntax))
    return pairs


def _datasets(store: Store, instances: list[str], event: Event, originator: str,
              transcoding: bool) -> Iterator[tuple[int, Dataset | None]]:
    for instance in instances:
        if event.is_cancelled:
            yield CANCELED, None
            return
        try:
            encoded = EncodedInstance.from_file(store.read_file(instance))
        except LetheError:  # deleted meanwhile: a failed sub-operation
            yield PENDING, None
            continue
        yield PENDING, EncodedDataset(encoded, originator, transcoding)


def handle_move(network: DicomNetwork, event: Event) -> Iterator[Any]:
    """pynetdicom's C-MOVE provider protocol: the destination, the number of instances,
    then each instance."""
    destination = str(event.move_destination or "").strip()
    try:
        target = network.modalities.by_aet(destination)
    except LetheError:
        log.warning("C-MOVE refused: unknown move destination %r", destination)
        yield None, None
        return
    requester = str(event.assoc.requestor.ae_title).strip()
    resources = requested_resources(network.store, event.identifier)
    instances = instances_to_send(network.store, resources)
    contexts = proposed_contexts(syntax_pairs(network.store, instances),
                                 target.allow_transcoding)
    options: dict[str, Any] = {"contexts": contexts, "ae_title": target.aet,
                               "max_pdu": network.settings.maximum_pdu_length}
    if target.use_dicom_tls:
        options["tls_args"] = (network.tls.client_context(), target.host)
    yield target.host, target.port, options
    if not instances:
        raise bad_request("the C-MOVE request matches no instance")
    yield len(instances)
    yield from _datasets(network.store, instances, event, requester, target.allow_transcoding)


def handle_get(network: DicomNetwork, event: Event) -> Iterator[Any]:
    """pynetdicom's C-GET provider protocol: the number of instances, then each instance."""
    instances = instances_to_send(network.store,
                                  requested_resources(network.store, event.identifier))
    calling = str(event.assoc.requestor.ae_title).strip()
    found = network.modalities.with_aet(calling)
    transcoding = found[0].allow_transcoding if found else True
    yield len(instances)
    yield from _datasets(network.store, instances, event, "", transcoding)


def received_by_get(network: DicomNetwork, peer: Peer, identifiers: list[Dataset],
                    sop_classes: str | None) -> int:
    """C-GET each of ``identifiers`` from ``peer``, storing what arrives as a DICOM reception
    (``Origin`` ``DicomProtocol``, the peer's AET); the number of instances stored. The
    SOP classes proposed are ``sop_classes`` (``\\``-separated) or the most common storage
    classes (pynetdicom's list, as Orthanc proposes DCMTK's), those the listener accepts
    (``AcceptedSopClasses``, ``RejectedSopClasses``)."""
    from pynetdicom import StoragePresentationContexts

    from lethe.network import scu
    from lethe.network.storescp import store_dataset
    from lethe.store.ingest import Origin

    wanted = [uid for uid in sop_classes.split("\\") if uid] if sop_classes else \
        [str(cx.abstract_syntax) for cx in StoragePresentationContexts]
    wanted = [uid for uid in wanted if network.accepts_sop_class(uid)]  # Orthanc 1.12.6
    modality = peer.modality
    origin = Origin("DicomProtocol", modality.host, "", modality.aet, peer.local_aet)

    def on_instance(event: Event) -> int:
        request = cast(C_STORE, event.request)
        return store_dataset(network, cast(io.BytesIO, request.DataSet).getvalue(),
                             UID(event.context.transfer_syntax),
                             str(request.AffectedSOPClassUID),
                             str(request.AffectedSOPInstanceUID), origin)

    received = 0
    for identifier in identifiers:
        received += scu.get(peer, identifier, on_instance, wanted, network.accepted_syntaxes())
    return received
