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


COMPRESSION_NONE = 1
COMPRESSION_ZLIB = 2
DICOM_UNTIL_PIXEL_DATA = 3  # Orthanc's content type of the file up to its pixel data
"""Orthanc's ``CompressionType``: a file stored as it is, or as Orthanc's ``ZlibWithSize``
(the uncompressed size, 8 bytes little-endian, then a zlib stream)."""


@dataclass(frozen=True)
class Attachment:
    """A file of the storage area attached to a resource.

    ``size`` and ``md5`` describe the content (uncompressed), ``compressed_size`` and
    ``compressed_md5`` the file as stored; for a file stored as it is they are the same,
    and are filled from ``size`` and ``md5`` when not given. ``md5`` is empty when it was
    not computed (``StoreMD5ForAttachments`` false, or the output of a job). ``revision``
    counts the replacements of a user attachment (Orthanc's revisions: 0 at first).
    """

    uuid: str
    size: int
    md5: str = ""
    content_type: int = 1  # Orthanc's FileContentType: 1 = DICOM
    compressed_size: int = -1
    compressed_md5: str = ""
    compression: int = COMPRESSION_NONE
    revision: int = 0

    def __post_init__(self) -> None:
        if self.compression == COMPRESSION_NONE and self.compressed_size < 0:
            object.__setattr__(self, "compressed_size", self.size)
            object.__setattr__(self, "compressed_md5", self.md5)

    @property
    def compressed(self) -> bool:
        """Whether the file is stored compressed (Orthanc's ``ZlibWithSize``)."""
        return self.compression != COMPRESSION_NONE


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
    the server stopped before the job ended. ``extra`` holds attachments stored
    with the DICOM file (with ``StorageCompression``, the file up to its pixel
    data, Orthanc's ``dicom-until-pixel-data``).
    """

    ids: tuple[str, str, str, str]  # patient, study, series, instance
    tags: dict[Level, dict[str, str]]
    metadata: dict[str, str]
    attachment: Attachment
    parent_metadata: dict[Level, dict[str, str]] = field(default_factory=dict)
    job: str | None = None
    extra: tuple[Attachment, ...] = ()

    @property
    def files(self) -> tuple[str, ...]:
        """The UUIDs of the files of the instance (its DICOM file first)."""
        return (self.attachment.uuid, *(a.uuid for a in self.extra))


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

    ``status`` is ``Success``, ``AlreadyStored`` or ``FullStorage`` (the storage limits
    refused it: nothing of it was indexed); ``replaced`` lists the attachments of an
    overwritten instance, ``recycled`` those of the patients recycled to make room for it
    (:mod:`lethe.store.recycling`): the caller deletes both from the storage area now that
    the index has forgotten them.
    """

    status: str
    replaced: tuple[Attachment, ...] = ()
    recycled: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class DeleteOutcome:
    """The result of deleting a resource: files to remove, and the remaining ancestor."""

    attachments: tuple[Attachment, ...]
    remaining_ancestor: Resource | None


@dataclass(frozen=True)
class Export:
    """One row of the log of exported resources (``/exports``): what was sent where, with
    the identifiers of the resource and of its ancestors when it was sent."""

    seq: int
    level: Level
    resource_id: str
    remote: str
    date: str
    patient_id: str = ""
    study_uid: str = ""
    series_uid: str = ""
    sop_uid: str = ""
