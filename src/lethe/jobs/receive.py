"""Received DICOM files: parsed and written in the worker pool, indexed by the server.

Parsing a received file and rendering its main tags is the CPU-bound part of
an upload; done in a worker process, concurrent uploads use every core
instead of sharing the server's interpreter. The worker also writes the file
(without waiting for the disk), so the server only hands the bytes over (on a
direct channel from the event loop, see :mod:`lethe.jobs.channel`), then makes
the file durable and indexes it together with the other uploads of the moment
(:meth:`lethe.store.ingest.Ingest.index_received`).

Large files are parsed and written by the server instead: sending them to a
worker would copy them whole, and their header is small compared to their size.
"""

from __future__ import annotations

import asyncio

from lethe.errors import LetheError, bad_file_format
from lethe.jobs import worker
from lethe.jobs.pool import WorkerPool
from lethe.store.ingest import IngestResult, Origin, describe_received
from lethe.store.store import Store

POOL_PARSE_LIMIT = 4 * 1024 * 1024  # bytes: larger files are parsed in the server process


async def receive(store: Store, pool: WorkerPool, data: bytes, origin: Origin) -> IngestResult:
    """Store one received DICOM file (``POST /instances``) from the event loop; 400 if it
    cannot be stored. A file up to :data:`POOL_PARSE_LIMIT` bytes goes to a worker and no
    thread waits for it; a larger one is parsed and written by a thread of the server.

    A request cancelled meanwhile (its client went away) does not stop the upload halfway:
    a file the worker wrote is always handed to the index, which deletes it if unused.
    """
    if len(data) > POOL_PARSE_LIMIT:
        return await asyncio.to_thread(store.store, data, origin)
    return await asyncio.shield(_receive(store, pool, data, origin))


def receive_blocking(store: Store, pool: WorkerPool, data: bytes, origin: Origin
                     ) -> IngestResult:
    """:func:`receive` for a thread that may wait (a DICOM association): the same ingest, the
    worker pool parsing and writing a file up to :data:`POOL_PARSE_LIMIT` bytes (over the
    event loop's channels when it serves them: :meth:`WorkerPool.run_blocking`), the upload
    committer indexing it. Raises :class:`LetheError` (400) for a file that cannot be stored."""
    if len(data) > POOL_PARSE_LIMIT:
        return store.store(data, origin)
    new = pool.run_blocking(worker.receive, store.storage_root, data, origin, store.compressed)
    return store.index_received(new).result()


async def _receive(store: Store, pool: WorkerPool, data: bytes, origin: Origin) -> IngestResult:
    new = await pool.run(worker.receive, store.storage_root, data, origin, store.compressed)
    return await asyncio.wrap_future(store.index_received(new))


def store_archive(store: Store, pool: WorkerPool, members: list[tuple[str, bytes]],
                  origin: Origin) -> list[IngestResult]:
    """Store every member of a received ZIP archive, all or nothing: if one member cannot be
    parsed, nothing is stored and the 400 error names it."""
    pending = [(name, pool.submit(describe_received, content, origin)
                if len(content) <= POOL_PARSE_LIMIT else None) for name, content in members]
    described, refusal = [], None
    for (name, work), (_, content) in zip(pending, members, strict=True):
        try:
            described.append(work.result() if work else describe_received(content, origin))
        except LetheError as exc:
            refusal = refusal or bad_file_format(f'ZIP member "{name}": {exc.details}')
    if refusal is not None:
        raise refusal
    return store.store_described(
        [(new, content) for new, (_, content) in zip(described, members, strict=True)])
