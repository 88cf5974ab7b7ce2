"""Storage commitment (push model), as Orthanc 1.10.1 does it, in both roles.

* **SCP**: a modality asks (N-ACTION) whether instances are stored here. The request is
  answered at once, and a ``StorageCommitmentScp`` job looks each instance up (success when
  an instance of that SOP instance UID is stored with that SOP class; else 0x0112 "no such
  object instance", or 0x0119 "class / instance conflict") and reports the outcome
  (N-EVENT-REPORT) on a new association to the modality, found by its AET.
* **SCU**: ``/modalities/{m}/storage-commitment`` (and ``/modalities/{m}/store`` with
  ``StorageCommitment``) sends the request and keeps a pending report under a new transaction
  UID; the modality's N-EVENT-REPORT, received by the listener, completes it.
  ``/storage-commitment/{id}`` shows it; ``/storage-commitment/{id}/remove`` deletes the
  instances it reported as stored.

Reports are kept in memory, the last :data:`REPORTS_KEPT` ones, as in Orthanc.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydicom.dataset import Dataset
from pydicom.sequence import Sequence
from pydicom.uid import UID, ExplicitVRLittleEndian, ImplicitVRLittleEndian, generate_uid

from lethe.errors import ErrorCode, LetheError
from lethe.jobs.job import Job, JobControl
from lethe.store.model import Level
from lethe.store.store import Store

if TYPE_CHECKING:
    from lethe.network.scu import Peer

log = logging.getLogger(__name__)

REPORTS_KEPT = 100
PUSH_MODEL = "1.2.840.10008.1.20.1"  # Storage Commitment Push Model SOP Class
INSTANCE_UID = "1.2.840.10008.1.20.1.1"  # its well-known SOP instance
SUCCESS, NO_SUCH_INSTANCE, CLASS_CONFLICT = 0x0000, 0x0112, 0x0119
_DESCRIPTIONS = {
    0x0110: "A general failure in processing the operation was encountered",
    NO_SUCH_INSTANCE: "One or more of the elements in the Referenced SOP Instance Sequence "
                      "was not available",
    0x0213: "The SCP does not currently have enough resources to store the requested SOP "
            "Instance(s)",
    0x0122: "Storage Commitment has been requested for a SOP Instance with a SOP Class that "
            "is not supported by the SCP",
    CLASS_CONFLICT: "The SOP Class of an element in the Referenced SOP Instance Sequence did "
                    "not correspond to the SOP class registered for this SOP Instance at the "
                    "SCP",
    0x0131: "The Transaction UID of the Storage Commitment Request is already in use",
}
_SYNTAXES: list[str | UID] = [ExplicitVRLittleEndian, ImplicitVRLittleEndian]


@dataclass
class Report:
    """What a modality answered to a storage commitment request (pending until then)."""

    remote_aet: str
    complete: bool = False
    success: list[tuple[str, str]] = field(default_factory=list)
    failures: list[tuple[str, str, int]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Orthanc's JSON of the report."""
        status = "Pending" if not self.complete else "Failure" if self.failures else "Success"
        body: dict[str, Any] = {"RemoteAET": self.remote_aet, "Status": status}
        if self.complete:
            body["Success"] = [{"SOPClassUID": c, "SOPInstanceUID": i} for c, i in self.success]
            body["Failures"] = [
                {"SOPClassUID": c, "SOPInstanceUID": i, "FailureReason": r,
                 "Description": _DESCRIPTIONS.get(r, "Unknown failure reason")}
                for c, i, r in self.failures]
        return body


class Reports:
    """The storage commitment reports by transaction UID; safe to use from any thread."""

    def __init__(self, size: int = REPORTS_KEPT) -> None:
        self._lock = threading.Lock()
        self._size = size
        self._reports: OrderedDict[str, Report] = OrderedDict()

    def put(self, transaction: str, report: Report) -> None:
        """Keep ``report`` (the oldest is forgotten beyond the size)."""
        with self._lock:
            self._reports[transaction] = report
            self._reports.move_to_end(transaction)
            while len(self._reports) > self._size:
                self._reports.popitem(last=False)

    def get(self, transaction: str) -> Report:
        """The report of ``transaction``; 404 ``Inexistent item`` otherwise."""
        with self._lock:
            found = self._reports.get(transaction)
        if found is None:
            raise LetheError(ErrorCode.INEXISTENT_ITEM,
                             f"No storage commitment transaction with UID: {transaction}")
        return found


def request_dataset(transaction: str, instances: list[tuple[str, str]]) -> Dataset:
    """The N-ACTION information of a request: the transaction and the SOP references."""
    dataset = Dataset()
    dataset.TransactionUID = transaction
    dataset.ReferencedSOPSequence = Sequence([_reference(c, i) for c, i in instances])
    return dataset


def _reference(sop_class: str, sop_instance: str, reason: int | None = None) -> Dataset:
    item = Dataset()
    item.ReferencedSOPClassUID = sop_class
    item.ReferencedSOPInstanceUID = sop_instance
    if reason is not None:
        item.FailureReason = reason
    return item


def references(dataset: Dataset | None, keyword: str) -> list[tuple[str, str, int]]:
    """``(SOP class, SOP instance, failure reason)`` of each item of a sequence of ``dataset``
    (reason 0 when the item has none)."""
    items = dataset.get(keyword) if dataset is not None else None
    return [(str(item.get("ReferencedSOPClassUID", "")),
             str(item.get("ReferencedSOPInstanceUID", "")), int(item.get("FailureReason", 0)))
            for item in (items or [])]


def new_transaction() -> str:
    """A new transaction UID."""
    return generate_uid(prefix="2.25.")


def send_request(peer: Peer, transaction: str, instances: list[tuple[str, str]]) -> None:
    """N-ACTION: ask ``peer`` to commit ``instances``; raises ``NetworkProtocol`` unless it
    accepts the request (its report comes later, to the listener)."""
    from pynetdicom import build_context

    from lethe.network.scu import association

    contexts = [build_context(PUSH_MODEL, _SYNTAXES)]
    with association(peer, contexts, "Storage commitment") as assoc:
        status, _ = assoc.send_n_action(request_dataset(transaction, instances), 1,
                                        PUSH_MODEL, INSTANCE_UID)
        code = status.get("Status") if status is not None else None
        if code != 0x0000:
            raise peer.failure("Storage commitment", "the request was refused" if code is None
                               else f"status 0x{code:04X}")


def send_report(peer: Peer, transaction: str, outcomes: list[tuple[str, str, int]]) -> None:
    """N-EVENT-REPORT of a transaction to ``peer``, on an association where Lethe is the
    storage commitment SCP."""
    from pynetdicom import build_context, build_role

    from lethe.network.scu import association

    success = [(c, i) for c, i, r in outcomes if r == SUCCESS]
    failed = [(c, i, r) for c, i, r in outcomes if r != SUCCESS]
    dataset = Dataset()
    dataset.TransactionUID = transaction
    if success:
        dataset.ReferencedSOPSequence = Sequence([_reference(c, i) for c, i in success])
    if failed:
        dataset.FailedSOPSequence = Sequence([_reference(c, i, r) for c, i, r in failed])
    contexts = [build_context(PUSH_MODEL, _SYNTAXES)]
    roles = [build_role(PUSH_MODEL, scp_role=True)]
    with association(peer, contexts, "Storage commitment", roles=roles) as assoc:
        status, _ = assoc.send_n_event_report(dataset, 2 if failed else 1, PUSH_MODEL,
                                              INSTANCE_UID)
    code = status.get("Status") if status is not None else None
    if code != 0x0000:
        raise peer.failure("Storage commitment", "the report was refused")


def lookup(store: Store, sop_class: str, sop_instance: str) -> int:
    """Whether an instance is stored: 0 (success), 0x0112 or 0x0119 (another SOP class)."""
    reason = NO_SUCH_INSTANCE
    for instance in store.lookup_identifier(Level.INSTANCE, sop_instance):
        if store.main_tags(instance).get("SOPInstanceUID") != sop_instance:
            continue
        if store.metadata(instance).get("SopClassUid") == sop_class:
            return SUCCESS
        reason = CLASS_CONFLICT
    return reason


class ScpJob(Job):
    """``StorageCommitmentScp``: look the instances up, then report to the modality."""

    job_type = "StorageCommitmentScp"

    def __init__(self, store: Store, peer: Peer, transaction: str, called_aet: str,
                 instances: list[tuple[str, str]]) -> None:
        self._store = store
        self._peer = peer
        self._transaction = transaction
        self._called = called_aet
        self._instances = instances
        self._outcomes: list[tuple[str, str, int]] = []

    def run(self, control: JobControl) -> None:
        while len(self._outcomes) < len(self._instances):
            control.checkpoint()
            sop_class, sop_instance = self._instances[len(self._outcomes)]
            self._outcomes.append((sop_class, sop_instance,
                                   lookup(self._store, sop_class, sop_instance)))
            control.set_progress(len(self._outcomes) / (len(self._instances) + 1))
        send_report(self._peer, self._transaction, self._outcomes)

    def content(self) -> dict[str, Any]:
        return {"CalledAet": self._called, "Description": "",
                "RemoteAet": self._peer.modality.aet, "TransactionUid": self._transaction}

    def rollback(self) -> None:
        """A report, once sent, cannot be taken back."""

    def reset(self) -> None:
        self._outcomes = []


def request(reports: Reports, peer: Peer, instances: list[tuple[str, str]]) -> str:
    """Ask ``peer`` to commit ``instances``: a pending report is kept first (the answer may
    come at once), then the request is sent; the transaction UID."""
    transaction = new_transaction()
    reports.put(transaction, Report(peer.modality.aet))
    send_request(peer, transaction, instances)
    return transaction


def receive_report(reports: Reports, remote_aet: str, information: Dataset | None) -> None:
    """Keep the outcome of a transaction that a modality reported (N-EVENT-REPORT)."""
    transaction = str(information.get("TransactionUID", "")) if information is not None else ""
    report = Report(remote_aet, complete=True)
    report.success = [(c, i) for c, i, _ in references(information, "ReferencedSOPSequence")]
    report.failures = references(information, "FailedSOPSequence")
    reports.put(transaction, report)
