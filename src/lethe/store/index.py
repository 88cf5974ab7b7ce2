"""The index interface: Orthanc's model of patients, studies, series and instances.

Every backend (SQLite, PostgreSQL) implements :class:`Index`. Each method is
one transaction; callers never see a connection or a cursor.
Writers must keep the ordering rules of the store: an index row is committed
only after its file is durable, and a file is deleted only after the commit
that forgets it (the index returns the attachments to delete).
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from lethe.store.model import (
    Attachment,
    Change,
    DeleteOutcome,
    Level,
    NewInstance,
    RebuiltInstance,
    Resource,
    StoreOutcome,
)


class IndexUnavailable(RuntimeError):
    """The index cannot be opened: another server holds its lock, it was made by a newer
    Lethe, or its database cannot be reached. The message says which, without secrets."""


class Index(ABC):
    """The index of stored resources."""

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
                    finish_job: str | None = None) -> list[StoreOutcome]:
        """:meth:`store` for several instances in one transaction (all or none); with
        ``finish_job``, :meth:`finish_job` of that job in the same transaction."""

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
    def set_label(self, resource_id: str, label: str, present: bool) -> bool:
        """Add (``present``) or remove a label; False if the resource does not exist."""

    @abstractmethod
    def rebuild_main_tags(self, rebuilt: list[RebuiltInstance]) -> list[str]:
        """Replace, in one transaction and in order, the main tags that each instance of
        ``rebuilt`` gives its own resource and its ancestors (of ``levels``), their
        identifiers, and the instance metadata and attachment it carries. A later
        instance of the same resource wins. Nothing is logged in the changes (as
        Orthanc's reconstruction). Instances no longer indexed are skipped; returns the
        IDs of those rebuilt."""

    @abstractmethod
    def finish_job(self, job_id: str) -> None:
        """The job ended (success or rollback): its outputs are no longer pending."""

    @abstractmethod
    def pending_outputs(self) -> list[str]:
        """Instances produced by jobs that never ended (the server stopped meanwhile)."""

    @abstractmethod
    def next_sequence(self, name: str) -> int:
        """Increment and return a global counter (1 the first time)."""

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
        """Every attachment of the instances below (or equal to) a resource."""

    @abstractmethod
    def count(self, level: Level) -> int:
        """How many resources of a level exist."""

    @abstractmethod
    def total_size(self) -> int:
        """Sum of the sizes of all attachments."""

    @abstractmethod
    def changes(self, since: int, limit: int) -> list[Change]:
        """Changes with a sequence number above ``since``, at most ``limit``."""

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

    @abstractmethod
    def close(self) -> None:
        """Release connections."""
