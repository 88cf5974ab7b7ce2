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
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future
from pathlib import Path
from typing import BinaryIO

from pydicom.dataset import Dataset

from lethe.config import Config
from lethe.dicom.part10 import Header, parse_file, read_header
from lethe.dicom.uids import UidMapper
from lethe.errors import ErrorCode, LetheError, unknown_resource
from lethe.store.index import Index, Revision
from lethe.store.ingest import (
    PATIENT_COPY,
    Ingest,
    IngestResult,
    Origin,
    describe_stored,
    level_tags,
)
from lethe.store.jobs_sql import JobStep
from lethe.store.jobs_table import JobsTable
from lethe.store.lock import OwnerLock
from lethe.store.model import (
    DICOM_UNTIL_PIXEL_DATA,
    Attachment,
    Change,
    DeleteOutcome,
    Export,
    Level,
    NewInstance,
    RebuiltInstance,
    Resource,
    StoreOutcome,
)
from lethe.store.nodes import Membership, new_node_id
from lethe.store.pseudonyms import MergeCounts, RegisterEntry, entries_of
from lethe.store.recycling import StorageLimits
from lethe.store.sequences import SequenceReserve
from lethe.store.sqlindex import SqlIndex
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
                 stable_age: float | None = None, owner: OwnerLock | None = None, *,
                 compressed: bool = False, store_md5: bool = True,
                 limits: StorageLimits | None = None, shared: bool = False) -> None:
        """With ``shared``, other nodes share the index and the storage area
        (:mod:`lethe.store.nodes`): the stability monitor follows the change log instead of
        this node's stores, and :meth:`start_node` starts this node's heartbeat."""
        self.index = index
        self.storage = storage
        self.node_id = new_node_id()
        self.shared = shared
        self._jobs = JobsTable(index) if isinstance(index, SqlIndex) else None
        self._sequences = SequenceReserve(index)
        self.membership: Membership | None = None
        self.stability = None if stable_age is None else StabilityMonitor(
            index, stable_age, leader=self._is_leader if shared else None)
        if shared and self._jobs is not None and isinstance(index, SqlIndex):
            self.membership = Membership(index, self._jobs, self.node_id, self.stability)
        self.ingest = Ingest(index, storage, overwrite, None if shared else self.stability,
                             compressed=compressed, store_md5=store_md5, limits=limits)
        self._owner = owner
        # told (level, ID) of each resource deleted, by any path (the hooks' OnDeleted<Level>)
        self.deleted_listener: Callable[[Level, str], None] | None = None
        if isinstance(index, SqlIndex):
            index.deleted_listener = self._signal_deleted
        # keyed anonymizations record what they replaced (PseudonymRegister.Enabled)
        self.pseudonym_register = False

    def _signal_deleted(self, level: Level, resource_id: str) -> None:
        """Tell :attr:`deleted_listener` (after the commit: a failure is only logged)."""
        if self.deleted_listener is not None:
            try:
                self.deleted_listener(level, resource_id)
            except Exception as exc:  # noqa: BLE001 - the deletion is done all the same
                log.error("the deletion of a resource was not signalled: %s", exc)

    def _is_leader(self) -> bool:
        return self.membership is not None and self.membership.is_leader

    @classmethod
    def open(cls, config: Config, *, exclusive: bool = False) -> Store:
        """Open (creating if needed) the store of ``config`` as its owner.

        First lock its storage folder, and the folder of its SQLite index if it has one
        (:class:`~lethe.store.lock.OwnerLock`, held until :meth:`close`); then open the
        index (:func:`open_index`) and remove what an interrupted run left (temporary files,
        outputs of jobs that never ended and will not resume, files that no index row
        names).

        On a PostgreSQL index with ``"Lock": false``, other nodes may share the storage
        area (unless ``exclusive``, as ``lethe check --repair`` asks): the storage folder is
        locked shared, and the clean-up runs only when no other node holds it (the lock was
        exclusive); then this node joins the others (:meth:`start_node`).

        Raises :class:`~lethe.store.lock.FolderInUse`, naming the other process, when
        another one owns a folder: nothing has been touched then.
        """
        folders = [config.StorageDirectory]
        if not config.PostgreSQL.EnableIndex:
            folders.append(config.index_directory)
        shared = config.PostgreSQL.EnableIndex and not config.PostgreSQL.Lock and not exclusive
        owner = OwnerLock(*folders, shared=shared)
        limits = StorageLimits.from_config(config.MaximumStorageSize,
                                           config.MaximumPatientCount,
                                           config.MaximumStorageMode)
        try:
            store = cls(open_index(config), FilesystemStorage(config.StorageDirectory),
                        config.OverwriteInstances, config.StableAge, owner,
                        compressed=config.StorageCompression,
                        store_md5=config.StoreMD5ForAttachments, limits=limits, shared=shared)
        except BaseException:
            owner.release()
            raise
        store.pseudonym_register = config.PseudonymRegister.Enabled
        try:
            if owner.exclusive:
                store._repair(keep_resumable=config.SaveJobs)
            else:
                log.warning("start-up clean-up skipped: other nodes share the storage area "
                            "%s (temporary files and files without index rows are removed "
                            "by the first node that starts alone, or by lethe check "
                            "--repair while no node runs)", config.StorageDirectory)
            owner.share()
            store.recycle()
            if store.membership is not None:
                store.membership.start()
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def open_for_reading(cls, config: Config) -> Store:
        """Open the existing store of ``config`` without owning it: no lock is taken and
        nothing is repaired, so that it can be read beside the server that owns it
        (``lethe check``). The caller must only read, or write the pseudonym register
        (``lethe pseudonyms import``), on which no file depends.

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

    def _repair(self, keep_resumable: bool = False) -> None:
        """Remove, logging how many of each: temporary files of interrupted writes, the
        outputs of jobs that never ended (the server stopped meanwhile) except those of
        saved jobs that will resume (``keep_resumable``, ``SaveJobs``: the others end as
        failures), and files that no index row names (a stop between a file's rename and its
        index commit leaves one).

        Only the owner may do this, before it accepts requests: beside another process, it
        would remove the files that process is writing.
        """
        removed = self.storage.cleanup()
        if removed:
            log.warning("removed %d temporary files left by an interrupted write", removed)
        if self._jobs is not None and not keep_resumable:
            ended = self._jobs.fail_unfinished(
                "the server restarted with SaveJobs false: the job was not resumed",
                time.time_ns() // 1000)
            if ended:
                log.warning("%d saved jobs ended as failures: SaveJobs is false", ended)
        pending = self._jobs.stopped_outputs() if self._jobs is not None else \
            self.index.pending_outputs()
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
        if self.membership is not None:
            self.membership.stop()
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

    def metadata_entry(self, resource_id: str, name: str) -> tuple[str, int] | None:
        """One metadata of a resource and its revision, or None if it has none."""
        return self.index.metadata_entry(resource_id, name)

    def put_metadata(self, resource_id: str, name: str, value: str,
                     expected: Revision | None = None) -> int:
        """Set a user metadata, logging ``UpdatedMetadata``; its new revision. A metadata
        that exists is replaced only if ``expected`` is None or names its revision and
        the MD5 of its value (409 otherwise); 404 for an unknown resource."""
        return self.index.put_metadata(resource_id, name, value, expected, log_change=True)

    def remove_metadata(self, resource_id: str, name: str,
                        expected: Revision | None = None) -> bool:
        """Remove a user metadata (checked against ``expected`` as :meth:`put_metadata`),
        logging ``UpdatedMetadata``; False if there was none."""
        return self.index.remove_metadata(resource_id, name, expected, log_change=True)

    def labels(self, resource_id: str) -> list[str]:
        """The labels of a resource, sorted."""
        return self.index.labels(resource_id)

    def set_label(self, resource_id: str, label: str, present: bool) -> bool:
        """Add (``present``) or remove a label; False if the resource does not exist."""
        return self.index.set_label(resource_id, label, present)

    # --- changes and counters ----------------------------------------------
    def changes(self, since: int, limit: int, *, to: int | None = None,
                types: tuple[str, ...] = (), from_end: bool = False) -> list[Change]:
        """The changes logged after sequence number ``since`` (up to ``to`` included), of
        one of ``types`` if given, in order: the first ``limit``, or with ``from_end`` the
        last ``limit`` of them."""
        return self.index.changes(since, limit, to=to, types=types, from_end=from_end)

    def last_change(self) -> int:
        """The sequence number of the last change logged (0 if none), even if the log was
        emptied since or that change was forgotten with its resource."""
        return self.index.last_change()

    def last_change_entry(self) -> Change | None:
        """The last change kept in the log, or None when it is empty."""
        return self.index.last_change_entry()

    def clear_changes(self) -> None:
        """Empty the changes log (``DELETE /changes``); numbering goes on."""
        self.index.clear_changes()

    def log_change(self, change_type: str, level: Level, resource_id: str) -> None:
        """Append a change of ``change_type`` about a resource to the log."""
        self.index.log_change(change_type, level, resource_id)

    def log_export(self, resource_id: str, remote: str) -> bool:
        """Log, for ``/exports``, that a resource was sent to ``remote`` (a modality or a
        peer, as named in the request), with its PatientID, StudyInstanceUID... and the UTC
        date; False if the resource does not exist. Callers log only when
        ``LogExportedResources`` is true."""
        return self.index.log_export(resource_id, remote)

    def exports(self, since: int, limit: int) -> list[Export]:
        """The exports logged after sequence number ``since``, at most ``limit``, in order."""
        return self.index.exports(since, limit)

    def last_export(self) -> Export | None:
        """The last export logged, or None."""
        return self.index.last_export()

    def clear_exports(self) -> None:
        """Empty the log of exports (``DELETE /exports``)."""
        self.index.clear_exports()

    def all_labels(self) -> list[str]:
        """Every label in use on some resource, sorted (``/tools/labels``)."""
        return self.index.all_labels()

    def labels_of_level(self, level: Level) -> dict[str, list[str]]:
        """The labels of the resources of ``level`` that have some (ID -> sorted labels)."""
        return self.index.labels_of_level(level)

    def search(self, level: Level, identified: tuple[Level, tuple[str, ...]] | None = None
               ) -> list[tuple[str, dict[str, str]]]:
        """The resources of ``level`` in creation order, each with the main tags of itself
        and of its ancestors (:meth:`Index.search`), all of them or those under a resource
        whose identifier is one of the given values (``identified``)."""
        return self.index.search(level, identified)

    def upload_counts(self) -> dict[str, int]:
        """How many uploads (REST and DICOM) were indexed with each status since the server
        started."""
        return dict(self.ingest.statuses)

    def next_sequence(self, name: str) -> int:
        """The next value of the global counter ``name`` (1 the first time), drawn from
        memory most of the time (:mod:`lethe.store.sequences`)."""
        return self._sequences.next(name)

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
        """Make durable and index an upload whose file a worker wrote into
        :attr:`storage_root` (:func:`~lethe.store.ingest.write_received`), in one storage sync
        and one transaction with the uploads of the moment. The future has the answer; the
        file is deleted unless its instance was stored."""
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
        self.resource(resource_id, level)  # 404 for an unknown one, or one of another level
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

    def delete_many(self, resource_ids: list[str]) -> int:
        """Delete the resources (of any level) that still exist among ``resource_ids``, in
        one index transaction, their files after it; how many were deleted
        (``/tools/bulk-delete``)."""
        return self.delete_instances(resource_ids)

    def _delete_files(self, outcome: DeleteOutcome) -> None:
        """The files of a committed deletion."""
        for attachment in outcome.attachments:
            self.storage.delete(attachment.uuid)

    # --- instance files ----------------------------------------------------
    def file_attachment(self, instance_id: str) -> Attachment:
        """The attachment of an instance's DICOM file; 404 if the instance is unknown."""
        attachment = self.index.attachment(instance_id)
        if attachment is None:
            self.resource(instance_id, Level.INSTANCE)  # 404 for what is not an instance
            raise LetheError(ErrorCode.INEXISTENT_FILE, "the instance has no DICOM attachment")
        return attachment

    def open_file(self, instance_id: str, attachment: Attachment | None = None) -> BinaryIO:
        """Open the DICOM file of an instance (inflated if stored compressed); 404 if
        unknown. ``attachment`` is its :meth:`file_attachment`, when looked up already."""
        attachment = attachment or self.file_attachment(instance_id)
        try:
            return self.storage.open_content(attachment.uuid, attachment.compression)
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
        only by default); 400 if it is not DICOM. For the header of a compressed file, the
        file up to its pixel data is read when it was stored apart (``StorageCompression``):
        the whole file is not inflated."""
        if stop_before_pixels:
            header = self.index.attachment(instance_id, DICOM_UNTIL_PIXEL_DATA)
            if header is not None:
                self.resource(instance_id, Level.INSTANCE)
                with self.open_attachment(header) as fp:
                    return parse_file(fp, stop_before_pixels=True)
        with self.open_file(instance_id) as fp:
            return parse_file(fp, stop_before_pixels=stop_before_pixels)

    def read_header(self, instance_id: str) -> Header:
        """Parse an instance's stored file without reading the value of its pixel data
        (:func:`~lethe.dicom.part10.read_header`: the data set holds a placeholder for it,
        and the elements that follow it); 400 if it is not DICOM."""
        with self.open_file(instance_id) as fp:
            return read_header(fp)

    def attachment(self, instance_id: str, content_type: int = 1) -> Attachment | None:
        """An attachment of a resource as the index knows it (by default the DICOM file of
        an instance: UUID, size, MD5...), or None."""
        return self.index.attachment(instance_id, content_type)

    # --- attachments -------------------------------------------------------
    @property
    def compressed(self) -> bool:
        """Whether new files are stored compressed (``StorageCompression``)."""
        return self.ingest.compressed

    def attachments(self, resource_id: str) -> list[Attachment]:
        """The attachments of a resource itself, by content type."""
        return self.index.attachments(resource_id)

    def open_attachment(self, attachment: Attachment, compressed_data: bool = False
                        ) -> BinaryIO:
        """Open the content of an attachment (inflated), or with ``compressed_data`` its
        file as stored; :class:`LetheError` ``INEXISTENT_FILE`` when the file is missing."""
        try:
            if compressed_data:
                return self.storage.open(attachment.uuid)
            return self.storage.open_content(attachment.uuid, attachment.compression)
        except FileNotFoundError:
            raise LetheError(ErrorCode.INEXISTENT_FILE, f"the file {attachment.uuid} is "
                             "missing from the storage area") from None

    def put_attachment(self, resource_id: str, content_type: int, data: bytes,
                       expected: Revision | None = None) -> Attachment:
        """Attach ``data`` to a resource as its attachment ``content_type``, replacing the
        one there (see :meth:`Index.put_attachment` for ``expected``, the revisions and
        the storage limits). The new file is durable before the index names it; the
        replaced file, and those of recycled patients, are deleted after the commit.
        Returns the attachment indexed."""
        new = self.storage.write_content(data, content_type, compressed=self.compressed,
                                         store_md5=self.ingest.store_md5)
        try:
            written = self.index.put_attachment(resource_id, new, expected,
                                                self.ingest.limits)
        except BaseException:
            self.storage.delete(new.uuid)
            raise
        for old in ((written.replaced,) if written.replaced else ()) + written.recycled:
            self.storage.delete(old.uuid)
        return written.attachment

    def delete_attachment(self, resource_id: str, content_type: int,
                          expected: Revision | None = None) -> bool:
        """Remove an attachment of a resource (checked against ``expected``), its file
        after the commit; False if there was none."""
        old = self.index.delete_attachment(resource_id, content_type, expected)
        if old is None:
            return False
        self.storage.delete(old.uuid)
        return True

    def change_compression(self, resource_id: str, content_type: int, compressed: bool
                           ) -> Attachment | None:
        """Store an attachment again, compressed or not (``/compress``, ``/uncompress``);
        nothing when it is stored so already. Returns the attachment indexed, None if the
        resource has no such attachment. The old file goes after the commit."""
        old = self.index.attachment(resource_id, content_type)
        if old is None:
            return None
        if old.compressed == compressed:
            return old
        with self.open_attachment(old) as fp:
            data = fp.read()
        new = self.storage.write_content(data, content_type, compressed=compressed,
                                         store_md5=bool(old.md5))
        try:
            indexed = self.index.replace_attachment_file(resource_id, old, new)
        except BaseException:
            self.storage.delete(new.uuid)
            raise
        if indexed is None:  # changed meanwhile: the newer one stays
            self.storage.delete(new.uuid)
            return self.index.attachment(resource_id, content_type)
        self.storage.delete(old.uuid)
        return indexed

    # --- protection and recycling -----------------------------------------
    def is_protected(self, patient_id: str) -> bool | None:
        """Whether a patient is protected from recycling; None for no such patient."""
        return self.index.is_protected(patient_id)

    def set_protected(self, patient_id: str, protected: bool) -> bool:
        """Protect a patient from recycling or unprotect it; False for no such patient."""
        return self.index.set_protected(patient_id, protected)

    def recycle(self) -> int:
        """Recycle patients until the storage is within its limits (``Recycle`` mode),
        as at start-up after the limits were lowered; how many files were deleted."""
        limits = self.ingest.limits
        if limits is None or not limits.active:
            return 0
        files = self.index.recycle(limits)
        for attachment in files:
            self.storage.delete(attachment.uuid)
        return len(files)

    def disk_size(self, resource_id: str | None = None) -> int:
        """The size in bytes on disk of the files of a resource (its own and those of every
        resource below it), or of every file of the store."""
        if resource_id is None:
            return self.index.total_size()
        return sum(a.compressed_size for a in self.index.attachments_of(resource_id))

    def sizes(self, resource_id: str | None = None) -> dict[str, int]:
        """Orthanc's sizes of a resource (its files and those below it), or of the whole
        store: ``Disk`` and ``Uncompressed`` of every attachment, ``DicomDisk`` and
        ``DicomUncompressed`` of the DICOM files."""
        if resource_id is None:
            disk, uncompressed = self.index.total_sizes()
            return {"Disk": disk, "Uncompressed": uncompressed}
        found = self.index.attachments_of(resource_id)
        dicom = [a for a in found if a.content_type == 1]
        return {"Disk": sum(a.compressed_size for a in found),
                "Uncompressed": sum(a.size for a in found),
                "DicomDisk": sum(a.compressed_size for a in dicom),
                "DicomUncompressed": sum(a.size for a in dicom)}

    @property
    def storage_root(self) -> str:
        """The folder of the storage area, from which worker processes open it."""
        return str(self.storage.root)

    # --- reconstruction ----------------------------------------------------
    def rebuild_main_tags(self, instance_ids: Iterable[str],
                          levels: tuple[Level, ...] = tuple(Level),
                          files: bool = False, *,
                          described: Mapping[str, RebuiltInstance] | None = None,
                          durable: bool = True) -> list[str]:
        """Read the files of ``instance_ids`` again and replace the main tags that each
        gives its own resource and its ancestors of ``levels`` (Orthanc's "reconstruct"),
        in order, in one index transaction: a later instance of the same resource wins.
        With ``files``, the attachment rows get the files' actual size and MD5 too.
        ``described`` has what is known already of some files, without ``files``
        (:func:`~lethe.store.ingest.described_as_written`): those are not read again.
        ``durable``: see :meth:`Index.rebuild_main_tags`.

        Instances deleted meanwhile are skipped; a missing or unreadable file raises
        :class:`LetheError`. Returns the IDs of the instances rebuilt.
        """
        rebuilt, described = [], described or {}
        for instance_id in instance_ids:
            if instance_id in described:
                rebuilt.append(described[instance_id])
                continue
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
        return self.index.rebuild_main_tags(rebuilt, durable)

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

    # --- saved jobs and nodes (SaveJobs, several nodes) ---------------------
    @property
    def jobs(self) -> JobsTable:
        """The saved jobs and the nodes sharing the index (:mod:`lethe.store.jobs_table`).
        Raises :class:`LetheError` for an index that cannot keep them."""
        if self._jobs is None:
            raise LetheError(ErrorCode.NOT_IMPLEMENTED, "this index cannot save jobs")
        return self._jobs

    @property
    def saves_jobs(self) -> bool:
        """Whether the index can keep jobs (:attr:`jobs`)."""
        return self._jobs is not None

    def commit_job_outputs(self, batch: list[NewInstance], finish_job: str | None,
                           step: JobStep | None) -> list[StoreOutcome]:
        """:meth:`commit_outputs`, recording ``step`` of a saved job in the same
        transaction; :class:`~lethe.store.jobs_sql.OwnershipLost` (nothing indexed, the
        batch's files deleted) when another node took the job over."""
        if step is None:
            return self.commit_outputs(batch, finish_job)
        return self.ingest.index_written(batch, finish_job, step=step)

    def reserve_outputs(self, output_tag: str, count: int) -> list[str]:
        """``count`` new file UUIDs for the outputs of the job tagged ``output_tag``. When
        other nodes share the storage area they are recorded first, so that a node taking
        the job over after this one died removes those written and never indexed
        (:meth:`discard_reserved_outputs`)."""
        uuids = [str(uuid.uuid4()) for _ in range(count)]
        if self.shared and self._jobs is not None:
            self._jobs.reserve(output_tag, uuids)
        return uuids

    def discard_reserved_outputs(self, output_tag: str) -> int:
        """Delete the files (and temporary files) reserved by the job tagged
        ``output_tag`` that no index row names, and forget the reservations: before a job
        that stopped on another node resumes. How many files were there."""
        if self._jobs is None:
            return 0
        removed = 0
        for file_uuid in self._jobs.reserved_unindexed(output_tag):
            path = self.storage.path(file_uuid)
            for name in (path, path.with_name(path.name + ".tmp")):
                if name.exists():
                    name.unlink(missing_ok=True)
                    removed += 1
        self._jobs.forget_reserved(output_tag)
        return removed

    def discard_job_outputs(self, output_tag: str) -> int:
        """Delete the pending outputs of the job tagged ``output_tag`` (a job that stopped
        and will not resume) and end their pending state; how many instances."""
        if self._jobs is None:
            return 0
        removed = self.delete_instances(self._jobs.pending_outputs_of(output_tag))
        self.finish_job(output_tag)
        return removed

    # --- the pseudonym register (lethe.store.pseudonyms) ---------------------------------
    def record_pseudonyms(self, key_name: str, uids: UidMapper, shift_dates: bool,
                          outputs: Iterable[tuple[str, Mapping[Level, Mapping[str, str]]
                                                  | Dataset]],
                          durable: bool = True) -> int:
        """Record in the register of ``key_name`` what a keyed anonymization with ``uids``
        replaced (:func:`~lethe.store.pseudonyms.entries_of`), when the register is enabled
        (:attr:`pseudonym_register`; else nothing happens).

        ``outputs`` holds, for each output, the ID of its source instance (still indexed)
        and the output's main tags per level, or its data set. Entries already recorded are left as they
        are; entries that contradict the register (the key got another secret) are skipped
        and counted in a warning. Not ``durable``, they may be lost to a power failure until
        the next durable commit of the index: a job's batch commit, which follows. How many
        entries were new or completed a row.
        """
        if not self.pseudonym_register:
            return 0
        entries: dict[RegisterEntry, None] = {}
        parents: dict[str, tuple[str | None, dict[str, str], dict[str, str]]] = {}
        for source_id, written in outputs:
            original = self._original_tags(source_id, parents)
            if original is not None:
                tags = level_tags(written) if isinstance(written, Dataset) else written
                entries.update(dict.fromkeys(entries_of(uids, shift_dates, original, tags)))
        if not entries:
            return 0
        counts = self.index.merge_pseudonyms(key_name, list(entries), strict=False,
                                             durable=durable)
        if counts.conflicts:
            log.warning("pseudonym register of key %r: %d entries contradict those recorded "
                        "before (was the key's secret changed?) and were not recorded",
                        key_name, counts.conflicts)
        return counts.added + counts.completed

    def _original_tags(self, instance_id: str,
                       parents: dict[str, tuple[str | None, dict[str, str], dict[str, str]]]
                       ) -> dict[Level, dict[str, str]] | None:
        """The main tags per level of a stored instance and its parents (the patient's as
        its study kept them), or None if it is gone; ``parents`` caches the parents."""
        found = self.index.lookup(instance_id)
        if found is None:
            return None
        tags = {Level.INSTANCE: self.index.main_tags(instance_id)}
        parent = found.parent_id
        patient_copy: dict[str, str] = {}
        for level in (Level.SERIES, Level.STUDY, Level.PATIENT):
            if parent is None:
                return None
            if parent not in parents:
                own, copy = self.main_tags_with_patient(parent)
                resource = self.index.lookup(parent)
                parents[parent] = (resource.parent_id if resource else None, own, copy)
            next_parent, tags[level], copy = parents[parent]
            patient_copy = copy or patient_copy
            parent = next_parent
        tags[Level.PATIENT] = {**tags[Level.PATIENT], **patient_copy}
        return tags

    def find_pseudonyms(self, key_name: str, *, pseudonym: str | None = None,
                        original: str | None = None) -> list[RegisterEntry]:
        """The register entries of ``key_name`` whose pseudonym (or pseudonymous
        PatientName) is ``pseudonym``, or whose original is ``original``."""
        return self.index.find_pseudonyms(key_name, pseudonym=pseudonym, original=original)

    def export_pseudonyms(self, key_name: str, page: int = 1000) -> Iterator[RegisterEntry]:
        """Every register entry of ``key_name``, in recording order, read ``page`` at a
        time (each page one read transaction)."""
        after = 0
        while True:
            rows = self.index.pseudonyms_after(key_name, after, page)
            yield from (entry for _, entry in rows)
            if len(rows) < page:
                return
            after = rows[-1][0]

    def has_pseudonyms(self, key_name: str) -> bool:
        """Whether the register holds entries of ``key_name``."""
        return bool(self.index.pseudonyms_after(key_name, 0, 1))

    def import_pseudonyms(self, key_name: str, entries: list[RegisterEntry]) -> MergeCounts:
        """Merge ``entries`` into the register of ``key_name``, all or nothing:
        :class:`~lethe.store.pseudonyms.RegisterConflict` for the first one that contradicts
        it (nothing is imported then)."""
        return self.index.merge_pseudonyms(key_name, entries, strict=True)
