"""Received DICOM files: parsed in the worker pool, written and indexed by the server.

Parsing a received file and rendering its main tags is the CPU-bound part of
an upload; done in a worker process, concurrent uploads use every core
instead of sharing the server's interpreter. Large files are parsed in the
server process instead: sending them to a worker would copy them whole, and
their header is small compared to their size.
"""

from __future__ import annotations

from lethe.jobs.pool import WorkerPool
from lethe.store.ingest import IngestResult, Origin, describe_received
from lethe.store.store import Store

POOL_PARSE_LIMIT = 4 * 1024 * 1024  # bytes: larger files are parsed in the server process


def store_received(store: Store, pool: WorkerPool, data: bytes, origin: Origin) -> IngestResult:
    """Store one received DICOM file (``POST /instances``); 400 if it cannot be stored."""
    if len(data) > POOL_PARSE_LIMIT:
        return store.store(data, origin)
    new = pool.submit(describe_received, data, origin).result()
    return store.ingest.store_described(new, data)
