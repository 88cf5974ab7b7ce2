"""Jobs that talk to modalities: C-STORE of stored instances, C-MOVE of query answers.

:class:`StoreJob` is Orthanc's ``DicomModalityStore`` job (``/modalities/{m}/store``): the
instances are sent one by one on one association (opened at the first instance, closed when
the job pauses or ends). A refused instance fails the job, unless ``Permissive``: then it is
counted in ``FailedInstancesCount`` and the job goes on. An instance deleted since the job
was made counts as failed. Nothing sent can be taken back: a failed or canceled job rolls
nothing back.

:class:`MoveJob` is Orthanc's ``DicomMoveScu`` job (``/queries/{id}/retrieve``): one C-MOVE
for each answer retrieved.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

from lethe.errors import LetheError
from lethe.jobs.job import Job, JobControl
from lethe.network import commitment, scu
from lethe.network.associations import AssociationCache
from lethe.network.commitment import Reports
from lethe.network.encoded import EncodedInstance
from lethe.network.retrieve import syntax_pairs
from lethe.network.scu import Peer, StoreSession
from lethe.store.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoreOrder:
    """What a store job sends, where, and how."""

    peer: Peer
    instances: tuple[str, ...]
    parent_resources: tuple[str, ...]
    permissive: bool = False
    move_originator: tuple[str, int] | None = None
    transcode: str | None = None
    description: str = "REST API"
    storage_commitment: bool = False


class StoreJob(Job):
    """Send stored instances to a modality (``DicomModalityStore``)."""

    job_type = "DicomModalityStore"

    def __init__(self, store: Store, order: StoreOrder, lossy_quality: int = 90,
                 commitments: Reports | None = None,
                 associations: AssociationCache | None = None) -> None:
        """With ``commitments`` (and ``order.storage_commitment``), the modality is asked to
        commit what was sent, once everything is sent; the report is kept there. With
        ``associations`` (Lua's sends), the association comes from there and stays open
        after the job (``DicomAssociationCloseDelay``)."""
        self._associations = associations
        self._store = store
        self._order = order
        self._quality = lossy_quality
        self._commitments = commitments
        self._transaction = ""
        self._lock = threading.Lock()
        self._position = 0
        self._failed: list[str] = []
        self._sent: list[tuple[str, str]] = []  # (SOP class, SOP instance) of each sent

    def run(self, control: JobControl) -> None:
        order = self._order
        total = len(order.instances)
        if self._position >= total:
            return
        pairs = syntax_pairs(self._store, list(order.instances[self._position:]))
        if order.transcode:
            pairs = [(sop_class, order.transcode) for sop_class, _ in pairs]
        opened = StoreSession if self._associations is None else self._associations.session
        with opened(order.peer, pairs, order.move_originator) as session:
            while self._position < total:
                control.checkpoint()
                instance_id = order.instances[self._position]
                self._send_one(session, instance_id)
                with self._lock:
                    self._position += 1
                control.set_progress(self._position / total)
        if order.storage_commitment and self._commitments is not None:
            with self._lock:
                sent = list(self._sent)
            transaction = commitment.request(self._commitments, order.peer, sent)
            with self._lock:
                self._transaction = transaction

    def _send_one(self, session: StoreSession, instance_id: str) -> None:
        try:
            encoded = EncodedInstance.from_file(self._store.read_file(instance_id))
            if self._order.transcode and encoded.transfer_syntax != self._order.transcode:
                encoded = encoded.transcoded(self._order.transcode, self._quality)
            session.store(encoded)
        except LetheError as exc:
            if not self._order.permissive:
                raise
            log.warning("instance %s not sent: %s", instance_id, exc.code.description)
            with self._lock:
                self._failed.append(instance_id)
            return
        with self._lock:
            self._sent.append((encoded.sop_class, encoded.sop_instance))

    def content(self) -> dict[str, Any]:
        order = self._order
        with self._lock:
            failed = len(self._failed)
        content: dict[str, Any] = {
            "Description": order.description,
            "FailedInstancesCount": failed,
            "InstancesCount": len(order.instances),
            "LocalAet": order.peer.local_aet,
            "ParentResources": list(order.parent_resources),
            "RemoteAet": order.peer.modality.aet,
        }
        if order.move_originator is not None:
            content["MoveOriginatorAET"], content["MoveOriginatorID"] = order.move_originator
        if order.storage_commitment:
            with self._lock:
                content["StorageCommitmentTransactionUID"] = self._transaction
        return dict(sorted(content.items()))

    def rollback(self) -> None:
        """What was sent stays sent: nothing to undo."""

    def reset(self) -> None:
        with self._lock:
            self._position = 0
            self._failed.clear()
            self._sent.clear()


class MoveJob(Job):
    """C-MOVE each of ``queries`` from a modality to ``target_aet`` (``DicomMoveScu``)."""

    job_type = "DicomMoveScu"

    def __init__(self, peer: Peer, target_aet: str, queries: list[tuple[Any, dict[str, Any]]],
                 permissive: bool = False, description: str = "REST API") -> None:
        """``queries``: ``(C-MOVE identifier data set, its JSON for Content)`` pairs."""
        self._peer = peer
        self._target = target_aet
        self._queries = queries
        self._permissive = permissive
        self._description = description
        self._lock = threading.Lock()
        self._position = 0

    def run(self, control: JobControl) -> None:
        total = len(self._queries)
        while self._position < total:
            control.checkpoint()
            identifier, _ = self._queries[self._position]
            try:
                scu.move(self._peer, identifier, self._target)
            except LetheError:
                if not self._permissive:
                    raise
            with self._lock:
                self._position += 1
            control.set_progress(self._position / total)

    def content(self) -> dict[str, Any]:
        return {"Description": self._description, "LocalAet": self._peer.local_aet,
                "Query": [shown for _, shown in self._queries],
                "RemoteAet": self._peer.modality.aet, "TargetAet": self._target}

    def rollback(self) -> None:
        """What was moved stays moved: nothing to undo."""

    def reset(self) -> None:
        with self._lock:
            self._position = 0


class _Inline(JobControl):
    """The control of a job run on the caller's thread: never paused nor canceled."""

    def checkpoint(self) -> None:
        """Always go on."""

    def set_progress(self, fraction: float) -> None:
        """Nobody watches the progress."""


def run_inline(job: Job) -> dict[str, Any]:
    """Run ``job`` on this thread, outside the job engine; its content. For what Orthanc
    runs inside another job (Lua's ``SendToModality`` inside the Lua job): waiting for a
    job of the engine from a job could take every slot of ``ConcurrentJobs`` and wait
    forever."""
    job.run(_Inline())
    return job.content()


def instances_of_resources(store: Store, resources: list[str],
                           export_to: str | None = None) -> list[str]:
    """The instances below each resource, in tree order, each once; 404 for an unknown one.

    With ``export_to`` (the name of a modality or a peer, ``LogExportedResources`` being
    true), each resource is logged for ``/exports`` as it is found, as Orthanc logs it when
    it makes a ``/modalities/{m}/store`` or ``/peers/{p}/store`` job: before anything is
    sent, whether the sending then succeeds or not (the resources before an unknown one
    stay logged)."""
    seen: dict[str, None] = {}
    for resource in resources:
        store.resource(resource)
        seen.update(dict.fromkeys(store.instances_of(resource, tree_order=True)))
        if export_to is not None:
            store.log_export(resource, export_to)
    return list(seen)

