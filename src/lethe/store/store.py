"""The store: the index and the storage area together, and the rules between them.

This is the only object the upper layers use to read and write resources.
It keeps the ordering rules: a file is durable before its index row is
committed, and deleted only after the commit that forgets it.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import BinaryIO

import pydicom
from pydicom.dataset import Dataset

from lethe.config import Config
from lethe.errors import ErrorCode, LetheError, unknown_resource
from lethe.store.index import Index
from lethe.store.ingest import Ingest, IngestResult, Origin
from lethe.store.model import DeleteOutcome, Level, Resource
from lethe.store.sqlite import SQLiteIndex
from lethe.store.stability import StabilityMonitor
from lethe.store.storage import FilesystemStorage

log = logging.getLogger(__name__)

INDEX_FILE = "index.sqlite"


class Store:
    """Index + storage area + ingest."""

    def __init__(self, index: Index, storage: FilesystemStorage, overwrite: bool,
                 stable_age: float | None = None) -> None:
        self.index = index
        self.storage = storage
        self.stability = None if stable_age is None else StabilityMonitor(index, stable_age)
        self.ingest = Ingest(index, storage, overwrite, self.stability)

    @classmethod
    def open(cls, config: Config) -> Store:
        """Open (creating if needed) the embedded store of ``config``."""
        storage = FilesystemStorage(config.StorageDirectory)
        removed = storage.cleanup()
        if removed:
            log.warning("removed %d temporary files left by an interrupted write", removed)
        index = SQLiteIndex(Path(config.index_directory) / INDEX_FILE)
        store = cls(index, storage, config.OverwriteInstances, config.StableAge)
        store.discard_pending_outputs()
        store.discard_unindexed_files()
        return store

    def discard_unindexed_files(self) -> int:
        """Delete files that no index row names (a stop between a file's rename and its
        index commit leaves one). Only safe while no other writer shares the storage area:
        this runs when the store opens, before the server accepts requests."""
        orphans, _ = self.check()
        for file_uuid in orphans:
            self.storage.delete(file_uuid)
        if orphans:
            log.warning("removed %d files that no index row refers to", len(orphans))
        return len(orphans)

    def discard_pending_outputs(self) -> int:
        """Delete what jobs interrupted by a stop of the server had produced."""
        pending = self.index.pending_outputs()
        for instance_id in pending:
            if self.index.lookup(instance_id) is not None:
                self.delete(instance_id, Level.INSTANCE)
        if pending:
            log.warning("removed %d instances left by jobs that were interrupted", len(pending))
        return len(pending)

    def close(self) -> None:
        """Index the uploads that are waiting, stop the stability monitor, then release the
        index connections."""
        self.ingest.close()
        if self.stability is not None:
            self.stability.close()
        self.index.close()

    # --- resources ---------------------------------------------------------
    def resource(self, resource_id: str, level: Level | None = None) -> Resource:
        """The resource ``resource_id`` (of ``level`` if given); 404 otherwise."""
        found = self.index.lookup(resource_id)
        if found is None or (level is not None and found.level is not level):
            raise unknown_resource()
        return found

    def store(self, data: bytes, origin: Origin) -> IngestResult:
        """Store one DICOM file (``POST /instances``), parsing it in this process."""
        return self.ingest.store_bytes(data, origin)

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
        """Parse an instance's stored file (header only by default)."""
        data = self.read_file(instance_id)
        return pydicom.dcmread(io.BytesIO(data), stop_before_pixels=stop_before_pixels,
                               force=True)

    def check(self) -> tuple[set[str], set[str]]:
        """Consistency: (files without index rows, index rows without files)."""
        on_disk = set(self.storage.all_uuids())
        indexed = self.index.all_attachment_uuids()
        return on_disk - indexed, indexed - on_disk
