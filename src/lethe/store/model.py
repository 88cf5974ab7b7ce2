"""The data model of the index: levels, resources, attachments, changes.

These are plain values passed across the :class:`~lethe.store.index.Index`
interface; no backend type leaks out of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lethe.dicom.levels import Level  # re-exported: the store's callers import it from here

IDENTIFIER_OF_LEVEL: dict[Level, str] = {
    Level.PATIENT: "PatientID", Level.STUDY: "StudyInstanceUID",
    Level.SERIES: "SeriesInstanceUID", Level.INSTANCE: "SOPInstanceUID"}
"""The main tag that identifies a resource of each level (what ``/tools/lookup`` finds)."""


@dataclass(frozen=True)
class Resource:
    """A resource of the index: its Orthanc ID, level and parent's Orthanc ID."""

    id: str
    level: Level
    parent_id: str | None


@dataclass(frozen=True)
class Attachment:
    """A file of the storage area attached to a resource."""

    uuid: str
    size: int
    md5: str = ""
    content_type: int = 1  # Orthanc's FileContentType: 1 = DICOM


@dataclass(frozen=True)
class Change:
    """One row of the changes log."""

    seq: int
    change_type: str
    level: Level
    resource_id: str
    date: str


@dataclass
class NewInstance:
    """What ingest hands to the index to store one instance.

    ``tags`` holds the main DICOM tags of each of the four levels (keyword ->
    value), ``metadata`` the instance metadata (name -> value). ``job`` names
    the job that produced the instance: until :meth:`Index.finish_job` is
    called for it, the instance is a pending output, removed at start-up if
    the server stopped before the job ended.
    """

    ids: tuple[str, str, str, str]  # patient, study, series, instance
    tags: dict[Level, dict[str, str]]
    metadata: dict[str, str]
    attachment: Attachment
    parent_metadata: dict[Level, dict[str, str]] = field(default_factory=dict)
    job: str | None = None


@dataclass(frozen=True)
class RebuiltInstance:
    """The main tags of a stored instance read again from its file (a "reconstruct").

    ``tags`` holds the main tags of each level as :class:`NewInstance` has them;
    ``metadata`` the instance metadata that follow the file (``TransferSyntax``,
    ``SopClassUid``); ``levels`` the levels whose main tags are replaced (the
    instance's own and those of its series, study and patient unless limited);
    ``attachment``, when given, replaces the instance's DICOM attachment row (a file
    whose size or MD5 no longer matched).
    """

    instance_id: str
    tags: dict[Level, dict[str, str]]
    metadata: dict[str, str]
    levels: tuple[Level, ...] = tuple(Level)
    attachment: Attachment | None = None


@dataclass(frozen=True)
class StoreOutcome:
    """The result of storing an instance.

    ``status`` is ``Success`` or ``AlreadyStored``; ``replaced`` lists the
    attachments of an overwritten instance, which the caller deletes from the
    storage area now that the index has forgotten them.
    """

    status: str
    replaced: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class DeleteOutcome:
    """The result of deleting a resource: files to remove, and the remaining ancestor."""

    attachments: tuple[Attachment, ...]
    remaining_ancestor: Resource | None
