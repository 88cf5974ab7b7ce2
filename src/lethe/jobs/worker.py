"""What a worker process does for one instance of a job.

A worker reads the source file from the storage area, applies the engine,
writes the new file into the storage area (durably, under a new UUID) and
returns what the index needs. It never touches the index: the job commits.
"""

from __future__ import annotations

from dataclasses import dataclass

from lethe.dicom.engine import ModificationContext
from lethe.dicom.modify_file import modify_file
from lethe.dicom.request import ModificationRequest
from lethe.store.ingest import Origin, identifiers_of, instance_metadata, level_tags
from lethe.store.model import Attachment, NewInstance
from lethe.store.storage import FilesystemStorage


@dataclass(frozen=True)
class SharedWork:
    """What every instance of one job shares."""

    storage_root: str
    request: ModificationRequest
    context: ModificationContext
    origin: Origin
    default_quality: int = 90


@dataclass(frozen=True)
class Produced:
    """A new instance written to the storage area, ready to be indexed."""

    source_id: str
    new: NewInstance


def produce(shared: SharedWork, source_id: str, source_uuid: str) -> Produced:
    """Modify one stored instance into a new file; nothing is indexed here."""
    storage = FilesystemStorage(shared.storage_root)
    with storage.open(source_uuid) as source, storage.writer() as (out, file_uuid):
        dataset = modify_file(source, out, shared.request, shared.context,
                              shared.default_quality)
        size = out.tell()
    ids = identifiers_of(dataset)
    new = NewInstance(
        ids=(ids.patient, ids.study, ids.series, ids.instance),
        tags=level_tags(dataset),
        metadata=instance_metadata(dataset, shared.origin, None),
        attachment=Attachment(file_uuid, size),
    )
    return Produced(source_id, new)
