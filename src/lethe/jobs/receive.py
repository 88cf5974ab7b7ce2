"""Received DICOM files: parsed in the worker pool, written and indexed by the server.

Parsing a received file and rendering its main tags is the CPU-bound part of
an upload; done in a worker process, concurrent uploads use every core
instead of sharing the server's interpreter. Large files are parsed in the
server process instead: sending them to a worker would copy them whole, and
their header is small compared to their size.
"""

from __future__ import annotations

from concurrent.futures import Future

from lethe.errors import LetheError, bad_file_format
from lethe.jobs.pool import WorkerPool
from lethe.store.ingest import IngestResult, Origin, describe_received
from lethe.store.model import NewInstance
from lethe.store.store import Store

POOL_PARSE_LIMIT = 4 * 1024 * 1024  # bytes: larger files are parsed in the server process


def store_received(store: Store, pool: WorkerPool, data: bytes, origin: Origin) -> IngestResult:
    """Store one received DICOM file (``POST /instances``); 400 if it cannot be stored."""
    return store.ingest.store_described(_describe(pool, data, origin).result(), data)


def store_archive(store: Store, pool: WorkerPool, members: list[tuple[str, bytes]],
                  origin: Origin) -> list[IngestResult]:
    """Store every member of a received ZIP archive, all or nothing: if one member cannot be
    parsed, nothing is stored and the 400 error names it."""
    pending = [(name, _describe(pool, content, origin)) for name, content in members]
    described, refusal = [], None
    for name, work in pending:
        try:
            described.append(work.result())
        except LetheError as exc:
            refusal = refusal or bad_file_format(f'ZIP member "{name}": {exc.details}')
    if refusal is not None:
        raise refusal
    return [store.ingest.store_described(new, content)
            for new, (_, content) in zip(described, members, strict=True)]


def _describe(pool: WorkerPool, data: bytes, origin: Origin) -> Future:
    """:func:`describe_received` of ``data``, in the pool unless the file is large."""
    if len(data) <= POOL_PARSE_LIMIT:
        return pool.submit(describe_received, data, origin)
    done: Future[NewInstance] = Future()
    try:
        done.set_result(describe_received(data, origin))
    except LetheError as exc:
        done.set_exception(exc)
    return done
