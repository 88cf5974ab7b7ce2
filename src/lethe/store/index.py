"""The index interface: Orthanc's model of patients, studies, series and instances.

Every backend (SQLite, PostgreSQL) implements :class:`Index`. Each method is
one transaction; callers never see a connection or a cursor.
Writers must keep the ordering rules of the store: an index row is committed
only after its file is durable, and a file is deleted only after the commit
that forgets it (the index returns the attachments to delete).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from lethe.store.jobs_sql import JobStep
from lethe.store.model import (
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
from lethe.store.pseudonyms import MergeCounts, RegisterEntry
from lethe.store.recycling import StorageLimits

Revision = tuple[int, str]
"""What a client states it last saw of a metadata or attachment (``If-Match``): the
revision, and the MD5 of the content then."""


@dataclass(frozen=True)
class AttachmentWrite:
    """The result of :meth:`Index.put_attachment`: the attachment indexed (with its
    revision), the one it replaced, and the attachments of the patients recycled to make
    room (the caller deletes the files of these two after the commit)."""

    attachment: Attachment
    replaced: Attachment | None
    recycled: tuple[Attachment, ...] = ()


class IndexUnavailable(RuntimeError):
    """The index cannot be opened: another server holds its lock, it was made by a newer
    Lethe, or its database cannot be reached. The message says which, without secrets."""


class Index(ABC):
    """The index of stored resources."""

    local = False
    """Whether the index answers from this process's machine, without a network round trip
    (SQLite): a short read of it may then run on the server's event loop."""

    # --- writing -----------------------------------------------------------
    @abstractmethod
    def store(self, new: NewInstance, overwrite: bool) -> StoreOutcome:
        """Index one instance, creating its missing parents.

        When the instance exists: with ``overwrite`` false nothing changes and
        the status is ``AlreadyStored``; with ``overwrite`` true the old
        instance is replaced and its attachments are returned for deletion.
        """

    @abstractmethod
    def store_batch(self, batch: list[NewInstance], overwrite: bool,
                    finish_job: str | None = None,
                    limits: StorageLimits | None = None, *,
                    step: JobStep | None = None) -> list[StoreOutcome]:
        """:meth:`store` for several instances in one transaction (all or none); with
        ``finish_job``, :meth:`finish_job` of that job in the same transaction. Within
        ``limits`` (:mod:`lethe.store.recycling`), an instance the limits refuse has the
        status ``FullStorage`` (nothing of it is indexed, the others are), and the
        patients recycled for an instance are deleted in the same transaction. With
        ``step``, the step of a saved job is recorded in the same transaction
        (:func:`~lethe.store.jobs_sql.save_step`: :class:`~lethe.store.jobs_sql.OwnershipLost`
        when the job has another owner now, and nothing is indexed)."""

    @abstractmethod
    def delete(self, resource_id: str) -> DeleteOutcome | None:
        """Delete a resource, its descendants, and ancestors left childless.

        Returns None if the resource does not exist.
        """

    @abstractmethod
    def delete_many(self, resource_ids: list[str]) -> list[DeleteOutcome | None]:
        """:meth:`delete` each resource, in order, in one transaction."""

    @abstractmethod
    def set_metadata(self, resource_id: str, name: str, value: str) -> bool:
        """Set one metadata value; False if the resource does not exist."""

    @abstractmethod
    def delete_metadata(self, resource_id: str, name: str) -> bool:
        """Remove one metadata value; False if it was not there."""

    @abstractmethod
    def metadata_entry(self, resource_id: str, name: str) -> tuple[str, int] | None:
        """One metadata of a resource and its revision, or None if it has none."""

    @abstractmethod
    def put_metadata(self, resource_id: str, name: str, value: str,
                     expected: Revision | None = None, log_change: bool = False) -> int:
        """Set one metadata; its new revision (0 for a new one, else the old one + 1).
        ``expected`` must name the current revision and the MD5 of the current value when
        the metadata exists (:class:`LetheError` ``REVISION``, 409, otherwise); with
        ``log_change``, an ``UpdatedMetadata`` change is logged. 404 for an unknown
        resource."""

    @abstractmethod
    def remove_metadata(self, resource_id: str, name: str, expected: Revision | None = None,
                        log_change: bool = False) -> bool:
        """Remove one metadata (checked against ``expected`` as :meth:`put_metadata`);
        False if there was none."""

    @abstractmethod
    def attachments(self, resource_id: str) -> list[Attachment]:
        """The attachments of the resource itself (not of those below), by content
        type."""

    @abstractmethod
    def put_attachment(self, resource_id: str, attachment: Attachment,
                       expected: Revision | None = None,
                       limits: StorageLimits | None = None) -> AttachmentWrite:
        """Index ``attachment`` (whose file is durable) for a resource, replacing the one
        of the same content type: its revision is then the old one + 1 (else 0), and
        ``expected`` is checked as :meth:`put_metadata` checks it. A user attachment logs
        ``UpdatedAttachment``. Within ``limits``, patients other than the resource's are
        recycled to make room; 507 when there is none left, or in ``Reject`` mode."""

    @abstractmethod
    def delete_attachment(self, resource_id: str, content_type: int,
                          expected: Revision | None = None) -> Attachment | None:
        """Forget an attachment (checked against ``expected``); the attachment forgotten
        (its file is the caller's to delete), or None if there was none."""

    @abstractmethod
    def replace_attachment_file(self, resource_id: str, old: Attachment,
                                new: Attachment) -> Attachment | None:
        """Make ``new`` (the same content, stored another way) the attachment of the
        content type of ``old``, if ``old`` is still the one indexed: the attachment
        indexed (revision + 1), or None when it changed meanwhile."""

    @abstractmethod
    def is_protected(self, patient_id: str) -> bool | None:
        """Whether a patient is protected from recycling; None if there is no such
        patient."""

    @abstractmethod
    def set_protected(self, patient_id: str, protected: bool) -> bool:
        """Protect a patient from recycling, or unprotect it (it becomes the most recent
        patient of the recycling order); False if there is no such patient."""

    @abstractmethod
    def recycle(self, limits: StorageLimits) -> list[Attachment]:
        """Recycle patients until the storage is within ``limits`` (``Recycle`` mode, as
        many as there are); the attachments of the patients deleted."""

    @abstractmethod
    def set_label(self, resource_id: str, label: str, present: bool) -> bool:
        """Add (``present``) or remove a label; False if the resource does not exist."""

    @abstractmethod
    def rebuild_main_tags(self, rebuilt: list[RebuiltInstance],
                          durable: bool = True) -> list[str]:
        """Replace, in one transaction and in order, the main tags that each instance of
        ``rebuilt`` gives its own resource and its ancestors (of ``levels``), their
        identifiers, and the instance metadata and attachment it carries. A later
        instance of the same resource wins. Nothing is logged in the changes (as
        Orthanc's reconstruction). Instances no longer indexed are skipped; returns the
        IDs of those rebuilt. Unless ``durable``, the transaction may be lost to a power
        failure until the next durable one (never to a crash of the process)."""

    @abstractmethod
    def finish_job(self, job_id: str) -> None:
        """The job ended (success or rollback): its outputs are no longer pending."""

    @abstractmethod
    def pending_outputs(self) -> list[str]:
        """Instances produced by jobs that never ended (the server stopped meanwhile)."""

    @abstractmethod
    def next_sequence(self, name: str, count: int = 1) -> int:
        """Add ``count`` to a global counter (0 before the first time) and return its new
        value: the last of the ``count`` values drawn."""

    @abstractmethod
    def log_change(self, change_type: str, level: Level, resource_id: str) -> None:
        """Append an entry to the changes log."""

    @abstractmethod
    def log_stable(self, resources: list[tuple[Level, str]]) -> list[str]:
        """Log ``Stable<Level>`` (``StableSeries``...) for each ``(level, ID)`` that still
        exists, in order, in one transaction; the IDs logged."""

    # --- reading -----------------------------------------------------------
    @abstractmethod
    def lookup(self, resource_id: str) -> Resource | None:
        """The resource with this Orthanc ID, or None."""

    @abstractmethod
    def children(self, resource_id: str) -> list[str]:
        """Orthanc IDs of the direct children, sorted."""

    @abstractmethod
    def list_ids(self, level: Level, since: int = 0, limit: int = 0) -> list[str]:
        """Orthanc IDs of a level in creation order; ``limit`` 0 means all."""

    @abstractmethod
    def main_tags(self, resource_id: str) -> dict[str, str]:
        """The main DICOM tags stored for a resource (keyword -> value)."""

    @abstractmethod
    def metadata(self, resource_id: str) -> dict[str, str]:
        """All metadata of a resource (name -> value), in insertion order."""

    @abstractmethod
    def labels(self, resource_id: str) -> list[str]:
        """The labels of a resource, sorted."""

    @abstractmethod
    def attachment(self, instance_id: str, content_type: int = 1) -> Attachment | None:
        """The attachment of an instance (1 = its DICOM file), or None."""

    @abstractmethod
    def instances_of(self, resource_id: str, tree_order: bool = False) -> list[str]:
        """Orthanc IDs of every instance below (or equal to) a resource, in creation
        order; with ``tree_order``, grouped by study and by series (each group and each
        instance in creation order)."""

    @abstractmethod
    def attachments_of(self, resource_id: str) -> list[Attachment]:
        """Every attachment of a resource and of the resources below it."""

    @abstractmethod
    def count(self, level: Level) -> int:
        """How many resources of a level exist."""

    @abstractmethod
    def total_size(self) -> int:
        """The bytes of every file on disk (compressed sizes)."""

    @abstractmethod
    def total_sizes(self) -> tuple[int, int]:
        """The bytes of every attachment: on disk (compressed sizes), and uncompressed."""

    @abstractmethod
    def changes(self, since: int, limit: int, *, to: int | None = None,
                types: tuple[str, ...] = (), from_end: bool = False) -> list[Change]:
        """Changes with a sequence number above ``since`` (and at most ``to``), of one of
        ``types`` if given, in order: the first ``limit`` of them, or with ``from_end``
        the last ``limit``."""

    @abstractmethod
    def last_change_entry(self) -> Change | None:
        """The last change kept in the log, or None when it is empty."""

    @abstractmethod
    def clear_changes(self) -> None:
        """Empty the changes log (sequence numbers keep counting from where they were)."""

    @abstractmethod
    def log_export(self, resource_id: str, remote: str) -> bool:
        """Log that a resource was sent to ``remote``, with its identifiers and those of its
        ancestors; False if the resource does not exist."""

    @abstractmethod
    def exports(self, since: int, limit: int) -> list[Export]:
        """Exports with a sequence number above ``since``, at most ``limit``, in order."""

    @abstractmethod
    def last_export(self) -> Export | None:
        """The last export logged, or None."""

    @abstractmethod
    def clear_exports(self) -> None:
        """Empty the log of exports."""

    @abstractmethod
    def all_labels(self) -> list[str]:
        """Every label that some resource has, sorted."""

    @abstractmethod
    def labels_of_level(self, level: Level) -> dict[str, list[str]]:
        """The labels of the resources of ``level`` that have some (ID -> sorted labels)."""

    @abstractmethod
    def last_change(self) -> int:
        """The highest sequence number of the changes log (0 if empty)."""

    @abstractmethod
    def search(self, level: Level, identified: tuple[Level, tuple[str, ...]] | None = None
               ) -> list[tuple[str, dict[str, str]]]:
        """The resources of ``level`` in creation order, each with its main tags and its
        ancestors' (what ``/tools/find`` matches against): all of them, or, with
        ``identified=(level L, values)``, those below (or at) a resource of level L whose
        identifier equals one of ``values`` as :meth:`lookup_identifier` compares them,
        found through the identifiers' index."""

    @abstractmethod
    def lookup_identifier(self, level: Level, value: str) -> list[str]:
        """Orthanc IDs of the resources of ``level`` whose identifier
        (:data:`~lethe.store.model.IDENTIFIER_OF_LEVEL`) equals ``value`` once both are
        normalized as Orthanc normalizes identifiers, or, when ``value`` has a ``_`` or
        a ``%`` (which normalizing would turn into spaces), equals it exactly, as Orthanc
        1.12.11 compares them; in creation order. Indexed."""

    @abstractmethod
    def all_attachment_uuids(self) -> set[str]:
        """The UUIDs of every attachment known to the index."""

    # --- the pseudonym register (lethe.store.pseudonyms) -----------------------------
    @abstractmethod
    def merge_pseudonyms(self, key_name: str, entries: list[RegisterEntry],
                         strict: bool, durable: bool = True) -> MergeCounts:
        """Merge register entries of key ``key_name`` in one transaction
        (:func:`~lethe.store.pseudonyms.merge_entries`): with ``strict``, the first entry
        that contradicts the register raises
        :class:`~lethe.store.pseudonyms.RegisterConflict` and nothing is merged; without it,
        such entries are skipped and counted. Not ``durable``, the transaction may be lost
        to a power failure until the next durable commit (never to a process crash)."""

    @abstractmethod
    def find_pseudonyms(self, key_name: str, *, pseudonym: str | None = None,
                        original: str | None = None) -> list[RegisterEntry]:
        """The register entries of ``key_name`` with this ``pseudonym`` (or PatientName
        pseudonym), or with this ``original``."""

    @abstractmethod
    def pseudonyms_after(self, key_name: str, after: int, limit: int
                         ) -> list[tuple[int, RegisterEntry]]:
        """Up to ``limit`` register entries of ``key_name`` recorded after position
        ``after`` (0: the first), with their positions, in recording order."""

    @abstractmethod
    def close(self) -> None:
        """Release connections."""
