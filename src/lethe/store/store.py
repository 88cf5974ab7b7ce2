"""The store: the index and the storage area together, and the rules between them.

:class:`Store` is the one door of this layer: the API and the jobs call its methods, never
the index, the storage area or ingest directly, so that another backend plugs in behind
it. It keeps the ordering rules: a file is durable before its index row is committed, and
deleted only after the commit that forgets it. A store opened by :meth:`Store.open` owns
its folders (:mod:`lethe.store.lock`): only its owner repairs or deletes.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable
from concurrent.futures import Future
from pathlib import Path
from typing import BinaryIO

from pydicom.dataset import Dataset

from lethe.config import Config
from lethe.dicom.part10 import parse_file
from lethe.errors import ErrorCode, LetheError, unknown_resource
from lethe.store.index import Index
from lethe.store.ingest import PATIENT_COPY, Ingest, IngestResult, Origin, describe_stored
from lethe.store.lock import OwnerLock
from lethe.store.model import (
    Attachment,
    Change,
    DeleteOutcome,
    Level,
    NewInstance,
    Resource,
    StoreOutcome,
)
from lethe.store.sqlite import SQLiteIndex
from lethe.store.stability import StabilityMonitor
from lethe.store.storage import FilesystemStorage

log = logging.getLogger(__name__)

INDEX_FILE = "index.sqlite"


def open_index(config: Config, owner: bool = True) -> Index:
    """The index of ``config``: in PostgreSQL when its ``PostgreSQL`` section has
    ``EnableIndex``, else the SQLite file in ``IndexDirectory``. Not the ``owner``
    (a reader beside the server that owns it), it takes no PostgreSQL ``Lock``. Raises
    :class:`~lethe.store.index.IndexUnavailable` when it cannot be opened."""
    if config.PostgreSQL.EnableIndex:
        from lethe.store.postgresql import PostgreSQLIndex

        return PostgreSQLIndex(config.PostgreSQL if owner
                               else dataclasses.replace(config.PostgreSQL, Lock=False))
    return SQLiteIndex(Path(config.index_directory) / INDEX_FILE)


class Store:
    """The index, the storage area and ingest together: what the API and the jobs use.

    ``index``, ``storage`` and ``ingest`` belong to the store layer (and its tests); the
    layers above call the methods only. Every method may be called from any thread.
    """

    def __init__(self, index: Index, storage: FilesystemStorage, overwrite: bool,
                 stable_age: float | None = None, owner: OwnerLock | None = None) -> None:
        self.index = index
        self.storage = storage
        self.stability = None if stable_age is None else StabilityMonitor(index, stable_age)
        self.ingest = Ingest(index, storage, overwrite, self.stability)
        self._owner = owner

    @classmethod
    def open(cls, config: Config) -> Store:
        """Open (creating if needed) the store of ``config`` as its owner.

        First lock its storage folder, and the folder of its SQLite index if it has one
        (:class:`~lethe.store.lock.OwnerLock`, held until :meth:`close`); then open the
        index (:func:`open_index`) and remove what an interrupted run left (temporary files,
        outputs of jobs that never ended, files that no index row names).

        Raises :class:`~lethe.store.lock.FolderInUse`, naming the other process, when
        another one owns a folder: nothing has been touched then.
        """
        folders = [config.StorageDirectory]
        if not config.PostgreSQL.EnableIndex:
            folders.append(config.index_directory)
        owner = OwnerLock(*folders)
        try:
            store = cls(open_index(config), FilesystemStorage(config.StorageDirectory),
                        config.OverwriteInstances, config.StableAge, owner)
        except BaseException:
            owner.release()
            raise
        try:
            store._repair()
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def open_for_reading(cls, config: Config) -> Store:
        """Open the existing store of ``config`` without owning it: no lock is taken and
        nothing is repaired, so that it can be read beside the server that owns it
        (``lethe check``). The caller must only read.

        Raises ``FileNotFoundError`` naming the storage folder or the SQLite index when
        there is none (nothing is created).
        """
        storage = Path(config.StorageDirectory)
        if not storage.is_dir():
            raise FileNotFoundError(f"no storage folder at {storage} (StorageDirectory)")
        index = Path(config.index_directory) / INDEX_FILE
        if not config.PostgreSQL.EnableIndex and not index.is_file():
            raise FileNotFoundError(f"no index at {index} (IndexDirectory)")
        return cls(open_index(config, owner=False), FilesystemStorage(storage),
                   config.OverwriteInstances)

    def _repair(self) -> None:
        """Remove, logging how many of each: temporary files of interrupted writes, the
        outputs of jobs that never ended (the server stopped meanwhile), and files that no
        index row names (a stop between a file's rename and its index commit leaves one).

        Only the owner may do this, before it accepts requests: beside another process, it
        would remove the files that process is writing.
        """
        removed = self.storage.cleanup()
        if removed:
            log.warning("removed %d temporary files left by an interrupted write", removed)
        pending = self.index.pending_outputs()
        for instance_id in pending:
            if self.index.lookup(instance_id) is not None:
                self.delete(instance_id, Level.INSTANCE)
        if pending:
            log.warning("removed %d instances left by jobs that were interrupted", len(pending))
        orphans, _ = self.check()
        for file_uuid in orphans:
            self.storage.delete(file_uuid)
        if orphans:
            log.warning("removed %d files that no index row refers to", len(orphans))

    def close(self) -> None:
        """Index the uploads that are waiting, stop the stability monitor, release the
        index connections, then the folders if this store owns them."""
        self.ingest.close()
        if self.stability is not None:
            self.stability.close()
        self.index.close()
        if self._owner is not None:
            self._owner.release()

    # --- resources ---------------------------------------------------------
    def resource(self, resource_id: str, level: Level | None = None) -> Resource:
        """The resource ``resource_id`` (of ``level`` if given); 404 otherwise."""
        found = self.index.lookup(resource_id)
        if found is None or (level is not None and found.level is not level):
            raise unknown_resource()
        return found

    def lookup(self, resource_id: str) -> Resource | None:
        """The resource ``resource_id``, or None if there is none."""
        return self.index.lookup(resource_id)

    def children(self, resource_id: str) -> list[str]:
        """Orthanc IDs of the direct children of a resource, sorted."""
        return self.index.children(resource_id)

    def list_ids(self, level: Level, since: int = 0, limit: int = 0) -> list[str]:
        """Orthanc IDs of the resources of ``level`` in creation order, skipping the first
        ``since``, at most ``limit`` of them (0: all)."""
        return self.index.list_ids(level, since, limit)

    def instances_of(self, resource_id: str, tree_order: bool = False) -> list[str]:
        """Orthanc IDs of every instance below (or equal to) a resource, in creation order
        (with ``tree_order``: grouped by study and by series, each group and each instance
        in creation order); empty if the resource does not exist."""
        return self.index.instances_of(resource_id, tree_order)

    def lookup_identifier(self, level: Level, value: str) -> list[str]:
        """Orthanc IDs of the resources of ``level`` whose identifier (PatientID,
        StudyInstanceUID...) matches ``value`` as Orthanc compares identifiers
        (:meth:`Index.lookup_identifier`), in creation order."""
        return self.index.lookup_identifier(level, value)

    def count(self, level: Level) -> int:
        """How many resources of ``level`` exist."""
        return self.index.count(level)

    # --- main tags, metadata, labels ---------------------------------------
    def main_tags(self, resource_id: str) -> dict[str, str]:
        """The main DICOM tags of a resource (keyword -> value); a study's copy of its
        patient's tags is left out (see :meth:`main_tags_with_patient`)."""
        return self.main_tags_with_patient(resource_id)[0]

    def main_tags_with_patient(self, resource_id: str
                               ) -> tuple[dict[str, str], dict[str, str]]:
        """The main DICOM tags of a resource, and the patient main tags it keeps: for a
        study, those its patient had when the study was created (Orthanc's
        ``PatientMainDicomTags``); empty for the other levels."""
        own: dict[str, str] = {}
        patient: dict[str, str] = {}
        for name, value in self.index.main_tags(resource_id).items():
            if name.startswith(PATIENT_COPY):
                patient[name[len(PATIENT_COPY):]] = value
            else:
                own[name] = value
        return own, patient

    def metadata(self, resource_id: str) -> dict[str, str]:
        """Every metadata of a resource (name -> value), in the order they were set."""
        return self.index.metadata(resource_id)

    def set_metadata(self, resource_id: str, name: str, value: str) -> bool:
        """Set one metadata of a resource; False if the resource does not exist."""
        return self.index.set_metadata(resource_id, name, value)

    def delete_metadata(self, resource_id: str, name: str) -> bool:
        """Remove one metadata of a resource; False if it had none of that name."""
        return self.index.delete_metadata(resource_id, name)

    def labels(self, resource_id: str) -> list[str]:
        """The labels of a resource, sorted."""
        return self.index.labels(resource_id)

    def set_label(self, resource_id: str, label: str, present: bool) -> bool:
        """Add (``present``) or remove a label; False if the resource does not exist."""
        return self.index.set_label(resource_id, label, present)

    # --- changes and counters ----------------------------------------------
    def changes(self, since: int, limit: int) -> list[Change]:
        """The changes logged after sequence number ``since``, at most ``limit``."""
        return self.index.changes(since, limit)

    def last_change(self) -> int:
        """The sequence number of the last change logged (0 if none)."""
        return self.index.last_change()

    def next_sequence(self, name: str) -> int:
        """Increment the global counter ``name`` and return its value (1 the first time)."""
        return self.index.next_sequence(name)

    # --- writing -----------------------------------------------------------
    def store(self, data: bytes, origin: Origin) -> IngestResult:
        """Store one DICOM file (``POST /instances``), parsing it in this process."""
        return self.ingest.store_bytes(data, origin)

    def store_described(self, received: list[tuple[NewInstance, bytes]]
                        ) -> list[IngestResult]:
        """Write received files that :func:`~lethe.store.ingest.describe_received`
        described (``(description, bytes)`` pairs) and index them together; their answers,
        in order."""
        return self.ingest.store_described(received)

    def index_received(self, new: NewInstance) -> Future[IngestResult]:
        """Index an upload whose file a worker wrote durably into :attr:`storage_root`
        (:func:`~lethe.store.ingest.write_received`), in one transaction with the uploads of
        the moment. The future has the answer; the file is deleted unless its instance was
        stored."""
        return self.ingest.index_received(new)

    def commit_outputs(self, batch: list[NewInstance], finish_job: str | None = None
                       ) -> list[StoreOutcome]:
        """Make the files of a job's ``batch``, written without fsync into
        :attr:`storage_root`, durable (one storage sync), then index them in one
        transaction; with ``finish_job``, that job's outputs stop being pending in the same
        transaction. The files of instances not stored, and of instances overwritten, are
        deleted. The outcome of each instance, in order."""
        return self.ingest.index_written(batch, finish_job)

    def finish_job(self, job_id: str) -> None:
        """The job ended (success or rollback): its outputs are no longer pending, so the
        next start-up keeps them."""
        self.index.finish_job(job_id)

    def discard_output(self, file_uuid: str) -> None:
        """Delete a file written for a job that will not be indexed (absent: ignored)."""
        self.storage.delete(file_uuid)

    def delete(self, resource_id: str, level: Level | None = None) -> DeleteOutcome:
        """Delete a resource; its files go after the index commit."""
        self.resource(resource_id, level)
        outcome = self.index.delete(resource_id)
        if outcome is None:
            raise unknown_resource()
        self._delete_files(outcome)
        return outcome

    def delete_instances(self, instance_ids: list[str]) -> int:
        """Delete the instances that still exist among ``instance_ids`` (and parents left
        empty) in one index transaction, their files after it; return how many."""
        outcomes = [o for o in self.index.delete_many(instance_ids) if o is not None]
        for outcome in outcomes:
            self._delete_files(outcome)
        return len(outcomes)

    def _delete_files(self, outcome: DeleteOutcome) -> None:
        """The files of a committed deletion."""
        for attachment in outcome.attachments:
            self.storage.delete(attachment.uuid)

    # --- instance files ----------------------------------------------------
    def open_file(self, instance_id: str) -> BinaryIO:
        """Open the DICOM file of an instance; 404 if unknown."""
        self.resource(instance_id, Level.INSTANCE)
        attachment = self.index.attachment(instance_id)
        if attachment is None:
            raise LetheError(ErrorCode.INEXISTENT_FILE, "the instance has no DICOM attachment")
        try:
            return self.storage.open(attachment.uuid)
        except FileNotFoundError:
            raise LetheError(ErrorCode.INEXISTENT_FILE,
                             f"the DICOM file of instance {instance_id} is missing "
                             "from the storage area") from None

    def read_file(self, instance_id: str) -> bytes:
        """The bytes of an instance's DICOM file."""
        with self.open_file(instance_id) as fp:
            return fp.read()

    def read_dataset(self, instance_id: str, stop_before_pixels: bool = True) -> Dataset:
        """Parse an instance's stored file (:func:`~lethe.dicom.part10.parse_file`; header
        only by default); 400 if it is not DICOM."""
        with self.open_file(instance_id) as fp:
            return parse_file(fp, stop_before_pixels=stop_before_pixels)

    def attachment(self, instance_id: str) -> Attachment | None:
        """The DICOM file of an instance as the index knows it (UUID, size, MD5), or None."""
        return self.index.attachment(instance_id)

    def disk_size(self, resource_id: str | None = None) -> int:
        """The size in bytes of the files of a resource (every instance below it), or of
        every file of the store."""
        if resource_id is None:
            return self.index.total_size()
        return sum(a.size for a in self.index.attachments_of(resource_id))

    @property
    def storage_root(self) -> str:
        """The folder of the storage area, from which worker processes open it."""
        return str(self.storage.root)

    # --- reconstruction ----------------------------------------------------
    def rebuild_main_tags(self, instance_ids: Iterable[str],
                          levels: tuple[Level, ...] = tuple(Level),
                          files: bool = False) -> list[str]:
        """Read the files of ``instance_ids`` again and replace the main tags that each
        gives its own resource and its ancestors of ``levels`` (Orthanc's "reconstruct"),
        in order, in one index transaction: a later instance of the same resource wins.
        With ``files``, the attachment rows get the files' actual size and MD5 too.

        Instances deleted meanwhile are skipped; a missing or unreadable file raises
        :class:`LetheError`. Returns the IDs of the instances rebuilt.
        """
        rebuilt = []
        for instance_id in instance_ids:
            attachment = self.index.attachment(instance_id)
            if attachment is None:
                continue
            try:
                data = self.read_file(instance_id)
            except LetheError as exc:
                if exc.code is ErrorCode.UNKNOWN_RESOURCE:
                    continue
                raise
            rebuilt.append(describe_stored(instance_id, data, levels,
                                           attachment if files else None))
        return self.index.rebuild_main_tags(rebuilt)

    # --- consistency -------------------------------------------------------
    def check(self, settle: float = 0.0) -> tuple[set[str], set[str]]:
        """Consistency: the UUIDs of the files without index rows, and of the index rows
        without files.

        It only reads, and may run beside the server that owns the store: what an upload,
        a job or a deletion changes meanwhile is not reported, as each difference found is
        looked at again after a second reading of the index. A file between its rename and
        its index commit still looks like a file without index row for that moment: those
        written in the last ``settle`` seconds are left out.
        """
        on_disk = set(self.storage.all_uuids())
        indexed = self.index.all_attachment_uuids()
        orphans, missing = on_disk - indexed, indexed - on_disk
        if orphans or missing:
            indexed = self.index.all_attachment_uuids()
            orphans = {uuid for uuid in orphans - indexed
                       if (age := self.storage.age(uuid)) is not None and age >= settle}
            missing = {uuid for uuid in missing & indexed if self.storage.age(uuid) is None}
        return orphans, missing

    def pending_outputs(self) -> list[str]:
        """Instances produced by jobs that have not ended: jobs running now, or jobs that a
        stop of the server interrupted (the next start-up removes those)."""
        return self.index.pending_outputs()

    def temporary_files(self) -> list[str]:
        """The names of the temporary files of the storage area: writes in progress, or
        left by an interrupted write (the next start-up removes those)."""
        return self.storage.temporary_files()
