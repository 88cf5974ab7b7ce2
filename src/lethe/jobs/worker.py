"""What a worker process does for one instance of a job.

A worker reads the source file from the storage area, applies the engine,
writes the new file into the storage area under a new UUID and returns what
the index needs. It never touches the index, and it does not make the file
durable: the job syncs a batch of new files at once before indexing them.

What every instance of a job shares (:class:`SharedWork`: the parsed request
with its profile, the UID key...) is pickled once by the job and unpickled
once per worker process, which keeps it in a small cache by job key.

A job sends a few instances per task (:func:`produce_chunk`): each task costs
two trips between processes and wakes several threads, which a chunk shares.
"""

from __future__ import annotations

import io
import logging
import pickle
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import BinaryIO

from pydicom.dataset import Dataset

from lethe.dicom.engine import ModificationContext
from lethe.dicom.modify_file import modify_file
from lethe.dicom.proof import modify_file_verified
from lethe.dicom.request import ModificationRequest
from lethe.errors import ErrorCode, LetheError
from lethe.store.ingest import (
    Origin,
    identifiers_of,
    instance_metadata,
    level_tags,
    write_received,
)
from lethe.store.model import COMPRESSION_NONE, Attachment, NewInstance
from lethe.store.storage import FilesystemStorage

log = logging.getLogger(__name__)

SHARED_CACHE_SIZE = 8  # jobs whose shared work a worker keeps unpickled


@dataclass(frozen=True)
class SharedWork:
    """What every instance of one job shares."""

    storage_root: str
    request: ModificationRequest
    context: ModificationContext
    origin: Origin
    default_quality: int = 90
    compressed: bool = False  # outputs are stored compressed (StorageCompression)
    verify: bool = False  # "Verify": burned-in refusal and residual-identity check
    allow_burned_in: bool = False  # "AllowBurnedInAnnotation"


@dataclass(frozen=True)
class SharedTicket:
    """A :class:`SharedWork` pickled once, and the key workers cache it under."""

    key: str
    pickled: bytes

    @classmethod
    def of(cls, key: str, shared: SharedWork) -> SharedTicket:
        return cls(key, pickle.dumps(shared, protocol=pickle.HIGHEST_PROTOCOL))


@dataclass(frozen=True)
class Produced:
    """A new instance written to the storage area (not yet durable), ready to be indexed."""

    source_id: str
    new: NewInstance


_shared_cache: OrderedDict[str, SharedWork] = OrderedDict()


def _shared_work(ticket: SharedTicket) -> SharedWork:
    """The unpickled shared work of ``ticket``, from this process's cache when it is there."""
    shared = _shared_cache.get(ticket.key)
    if shared is None:
        shared = pickle.loads(ticket.pickled)  # noqa: S301 - pickled by the job itself
        _shared_cache[ticket.key] = shared
        while len(_shared_cache) > SHARED_CACHE_SIZE:
            _shared_cache.popitem(last=False)
    return shared


@lru_cache(maxsize=4)
def _storage(root: str) -> FilesystemStorage:
    """The storage area at ``root``, opened once per worker process."""
    return FilesystemStorage(root)


def produce(ticket: SharedTicket, source_id: str, source_uuid: str,
            source_compression: int = COMPRESSION_NONE,
            output_uuid: str | None = None) -> Produced:
    """Modify one stored instance (its file stored as ``source_compression`` says) into a
    new file (named ``output_uuid`` if given: reserved by the job), compressed if the
    job's outputs are; nothing is indexed or synced here."""
    shared = _shared_work(ticket)
    storage = _storage(shared.storage_root)
    with storage.open_content(source_uuid, source_compression) as source:
        if shared.compressed:
            buffer = io.BytesIO()
            dataset = _modify(shared, source, buffer)
            attachment = storage.write_content(buffer.getvalue(), compressed=True,
                                               store_md5=False, durable=False,
                                               file_uuid=output_uuid)
        else:
            with storage.writer(durable=False, file_uuid=output_uuid) as (out, file_uuid):
                dataset = _modify(shared, source, out)
                attachment = Attachment(file_uuid, out.tell())
    ids = identifiers_of(dataset)
    new = NewInstance(
        ids=(ids.patient, ids.study, ids.series, ids.instance),
        tags=level_tags(dataset),
        metadata=instance_metadata(dataset, shared.origin, None),
        attachment=attachment,
    )
    return Produced(source_id, new)


def _modify(shared: SharedWork, source: BinaryIO, out: BinaryIO) -> Dataset:
    """The engine on one file; with ``Verify``, refused and checked (:mod:`lethe.dicom.proof`)."""
    if shared.verify:
        return modify_file_verified(source, out, shared.request, shared.context,
                                    shared.default_quality, shared.allow_burned_in)
    return modify_file(source, out, shared.request, shared.context, shared.default_quality)


Source = tuple[str, str | None] | tuple[str, str | None, int] | tuple[str, str | None, int, str]
"""A source instance of :func:`produce_chunk`: its ID, the UUID of its file (None: deleted
meanwhile), how that file is stored (:data:`~lethe.store.model.COMPRESSION_NONE` when
not given), and the UUID of the file to write (a new one when not given)."""


def produce_chunk(ticket: SharedTicket,
                  sources: tuple[Source, ...]) -> list[Produced | Exception]:
    """:func:`produce` for each source, in order. An instance that fails (or whose UUID
    is ``None``: it was deleted meanwhile) gives its exception in its place, and the others
    are still produced: the job decides what a failure means."""
    results: list[Produced | Exception] = []
    for source_id, source_uuid, *stored in sources:
        try:
            if source_uuid is None:
                raise LetheError(ErrorCode.UNKNOWN_RESOURCE,
                                 f"instance {source_id} was deleted meanwhile")
            results.append(produce(ticket, source_id, source_uuid, *stored))
        except Exception as exc:  # noqa: BLE001 - sent back to the job, per instance
            results.append(sendable(exc))
    return results


def sendable(exc: Exception) -> Exception:
    """``exc`` if it survives the trip back to the caller, else an internal error naming its
    type (the details are logged here)."""
    try:
        pickle.dumps(exc)
    except Exception:  # noqa: BLE001 - any pickling failure
        log.error("a task failed in a worker process", exc_info=exc)
        return LetheError(ErrorCode.INTERNAL_ERROR,
                          f"a task failed in a worker process ({type(exc).__name__})")
    return exc


def receive(storage_root: str, data: bytes, origin: Origin,
            compressed: bool = False) -> NewInstance:
    """Parse a received file and write it (``compressed`` or not, not yet durable) into the
    storage area: everything an upload does before the server syncs and indexes it."""
    return write_received(_storage(storage_root), data, origin, compressed)
