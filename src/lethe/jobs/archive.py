"""ZIP archives and DICOM media, written as they are read: streamed to a client, or written
by an asynchronous ``Archive``/``Media`` job into a temporary file fetched at
``/jobs/{id}/archive``.

:func:`archive_chunks` is the one producer: a generator of the archive's bytes that reads the
files of an :class:`~lethe.jobs.archive_plan.ArchivePlan` one chunk at a time
(:class:`~lethe.jobs.zipstream.ZipStream`), so that memory stays flat whatever the archive's
size; closing it stops the work at once (a client that went away).

``Transcode``: each file whose transfer syntax differs from the target is transcoded in the
worker pool (a few files ahead of the writer), and written whole; a file that cannot be
transcoded is written as it is, as Orthanc does. A media's DICOMDIR records the syntax
actually written.

Files deleted while an archive is written are left out (Orthanc: "An instance was removed
after the job was issued"); the names of the others do not change.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
import threading
import weakref
from collections import deque
from collections.abc import Generator
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, BinaryIO, cast

from pydicom.dataset import Dataset
from pydicom.uid import ImplicitVRLittleEndian

from lethe.dicom.dicomdir import DicomDir
from lethe.dicom.part10 import parse_file
from lethe.errors import ErrorCode, LetheError
from lethe.jobs.archive_plan import ArchivePlan, Member
from lethe.jobs.job import Job, JobControl
from lethe.jobs.pool import WorkerPool
from lethe.jobs.zipstream import ZipStream
from lethe.store.store import Store

log = logging.getLogger(__name__)

MEGA = 1024 * 1024
TRANSCODE_AHEAD = 8
"""Files transcoded ahead of the writer (each held in memory until written)."""
_GONE = (ErrorCode.UNKNOWN_RESOURCE, ErrorCode.INEXISTENT_FILE)


@dataclass(frozen=True)
class ArchiveOptions:
    """How the files are written: ``transcode`` (a transfer syntax UID, or None to write
    the stored files), ``lossy_quality`` (1 to 100) for lossy targets."""

    transcode: str | None = None
    lossy_quality: int = 90


class Progress:
    """What a producer has done so far (read from any thread)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.instances = 0
        self.archive_size = 0

    @property
    def fraction(self) -> float:
        return self.instances / self.total if self.total else 1.0


def transcoded_copy(data: bytes, target: str, lossy_quality: int) -> bytes | None:
    """The Part 10 file ``data`` transcoded to ``target``; None when it cannot be (Orthanc
    then archives the file as it is). Runs in a worker process."""
    import io

    from lethe.dicom.transcode import transcode_file

    out = io.BytesIO()
    try:
        transcode_file(data, target, out, lossy_quality=lossy_quality)
    except LetheError:
        return None
    return out.getvalue()


def archive_chunks(store: Store, plan: ArchivePlan, options: ArchiveOptions,
                   progress: Progress, pool: WorkerPool | None = None
                   ) -> Generator[bytes, None, None]:
    """The bytes of the archive of ``plan``, in order, each piece as soon as it is written.

    Closing the generator (``close()``) stops it: open files are closed, pending transcodes
    canceled. A file that cannot be read raises ``LetheError`` (the archive is then cut).
    """
    stream = ZipStream()
    directory = DicomDir(plan.extended) if plan.media else None
    transcoder = _Transcoder(store, plan.members, options, pool) if options.transcode else None
    try:
        for index, member in enumerate(plan.members):
            if transcoder is not None:
                data = transcoder.result(index)
                if data is None:
                    continue
                yield stream.add_bytes(member.name, data)
                header = parse_file(data, stop_before_pixels=True) if directory else None
            else:
                try:
                    source = store.open_file(member.instance_id)
                except LetheError as error:
                    if error.code not in _GONE:
                        raise
                    log.warning("an instance was deleted while it was archived")
                    continue
                with source:
                    yield from stream.add_file(member.name, member.size, source)
                header = _header(store, member) if directory else None
            if directory is not None and header is not None:
                directory.add(header, member.file_id, _syntax(header))
            progress.instances += 1
            progress.archive_size = stream.size
        if directory is not None:
            yield stream.add_bytes("DICOMDIR", directory.encode())
        yield stream.close()
        progress.archive_size = stream.size
    except BaseException:
        stream.abort()
        raise
    finally:
        if transcoder is not None:
            transcoder.cancel()


def _header(store: Store, member: Member) -> Dataset | None:
    try:
        return store.read_dataset(member.instance_id)
    except LetheError as error:
        if error.code in _GONE:
            return None
        raise


def _syntax(header: Dataset) -> str:
    meta = getattr(header, "file_meta", None)
    syntax = meta.get("TransferSyntaxUID") if meta else None
    return str(syntax or ImplicitVRLittleEndian)


class _Transcoder:
    """Transcodes the members a few ahead of the writer, in the worker pool (or here when
    there is none); :meth:`result` gives them in order."""

    def __init__(self, store: Store, members: tuple[Member, ...], options: ArchiveOptions,
                 pool: WorkerPool | None) -> None:
        self._store = store
        self._members = members
        self._target = options.transcode or ""
        self._quality = options.lossy_quality
        self._pool = pool
        self._pending: deque[tuple[int, Future[Any] | bytes | None]] = deque()
        self._next = 0

    def _submit(self) -> None:
        while self._next < len(self._members) and len(self._pending) < TRANSCODE_AHEAD:
            index = self._next
            self._next += 1
            self._pending.append((index, self._start(self._members[index])))

    def _start(self, member: Member) -> Future[Any] | bytes | None:
        try:
            data = self._store.read_file(member.instance_id)
            syntax = self._store.metadata(member.instance_id).get("TransferSyntax")
        except LetheError as error:
            if error.code in _GONE:
                return None
            raise
        if syntax == self._target:
            return data
        if self._pool is None:
            return transcoded_copy(data, self._target, self._quality) or data
        future = self._pool.submit(transcoded_copy, data, self._target, self._quality)
        future.original = data  # type: ignore[attr-defined]  # kept for a refusal
        return future

    def result(self, index: int) -> bytes | None:
        """The bytes to archive for member ``index`` (None: the instance is gone)."""
        self._submit()
        position, pending = self._pending.popleft()
        assert position == index
        self._submit()
        if isinstance(pending, Future):
            return pending.result() or pending.original  # type: ignore[attr-defined, no-any-return]
        return pending

    def cancel(self) -> None:
        for _, pending in self._pending:
            if isinstance(pending, Future):
                pending.cancel()
        self._pending.clear()


class ArchiveJob(Job):
    """An asynchronous ``Archive`` (or ``Media``) job: writes the archive into a temporary
    file of :class:`ArchiveOutputs`, which keeps it for ``/jobs/{id}/archive``.

    It can be paused (it continues where it stopped) and canceled (the file is removed);
    as in Orthanc, it cannot be resubmitted.
    """

    def __init__(self, store: Store, plan: ArchivePlan, options: ArchiveOptions,
                 outputs: ArchiveOutputs, pool: WorkerPool | None = None,
                 filename: str = "archive.zip") -> None:
        self.job_type = "Media" if plan.media else "Archive"
        self.filename = filename
        self._store = store
        self._plan = plan
        self._options = options
        self._outputs = outputs
        self._pool = pool
        self._progress = Progress(plan.instances_count)
        self._chunks: Generator[bytes, None, None] | None = None
        self._file: BinaryIO | None = None
        self.path: str | None = None
        """The finished archive (None until the job succeeds, and once it is discarded)."""

    def run(self, control: JobControl) -> None:
        if self._chunks is None:
            self._file = self._outputs.new_file()
            self._chunks = archive_chunks(self._store, self._plan, self._options,
                                          self._progress, self._pool)
        assert self._file is not None
        for chunk in self._chunks:
            self._file.write(chunk)
            control.set_progress(self._progress.fraction)
            control.checkpoint()
        self._file.close()
        self.path = self._file.name
        self._outputs.completed(self)

    def content(self) -> dict:
        """Orthanc's ``Content`` of an archive job."""
        size, uncompressed = self._progress.archive_size, self._plan.uncompressed_size
        body: dict[str, Any] = {
            "ArchiveSize": str(size), "ArchiveSizeMB": size // MEGA, "Description": "REST API",
            "InstancesCount": self._plan.instances_count,
            "UncompressedSize": str(uncompressed), "UncompressedSizeMB": uncompressed // MEGA}
        if self._options.transcode:
            body["Transcode"] = self._options.transcode
        return body

    def rollback(self) -> None:
        if self._chunks is not None:
            self._chunks.close()
            self._chunks = None
        if self._file is not None:
            self._file.close()
            _remove(self._file.name)
            self._file = None
        self.discard()

    def discard(self) -> None:
        """Remove the finished archive (evicted, deleted, or the job rolled back)."""
        path, self.path = self.path, None
        if path is not None:
            _remove(path)

    def reset(self) -> None:
        raise LetheError(ErrorCode.BAD_SEQUENCE_OF_CALLS,
                         "Cannot resubmit the creation of an archive")


def _remove(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


class ArchiveOutputs:
    """The archives of asynchronous jobs (Orthanc's "media archive"): the last ``capacity``
    finished ones are kept, the oldest is removed when a new one is finished (Orthanc's
    ``MediaArchiveSize``, 1 by default), or when its output is deleted. Temporary files live
    in a folder of their own, removed when the server stops. Thread-safe."""

    def __init__(self, capacity: int = 1) -> None:
        self._capacity = capacity
        self._folder = tempfile.mkdtemp(prefix="lethe-archives-")
        self._lock = threading.Lock()
        self._jobs: dict[str, ArchiveJob] = {}
        self._finished: list[ArchiveJob] = []
        weakref.finalize(self, shutil.rmtree, self._folder, True)

    def new_file(self) -> BinaryIO:
        """A new temporary file for an archive, open for writing."""
        return cast(BinaryIO, tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed by the job
            dir=self._folder, suffix=".zip", delete=False))

    def bind(self, job_id: str, job: ArchiveJob) -> None:
        """Remember that ``job_id`` is ``job`` (called once the engine gave its ID)."""
        with self._lock:
            self._jobs[job_id] = job

    def completed(self, job: ArchiveJob) -> None:
        """``job`` finished its archive: keep it, and remove the oldest beyond capacity."""
        with self._lock:
            self._finished.append(job)
            evicted = self._finished[:-self._capacity] if self._capacity else self._finished[:]
            self._finished = self._finished[len(evicted):]
            for old in evicted:
                self._forget(old)
        for old in evicted:
            old.discard()

    def _forget(self, job: ArchiveJob) -> None:
        for job_id in [i for i, j in self._jobs.items() if j is job]:
            del self._jobs[job_id]

    def output(self, job_id: str) -> ArchiveJob | None:
        """The job ``job_id`` if its archive is available."""
        with self._lock:
            job = self._jobs.get(job_id)
        return job if job is not None and job.path is not None else None

    def delete(self, job_id: str) -> bool:
        """Remove the archive of ``job_id``; False if there is none."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or job.path is None:
                return False
            self._finished = [j for j in self._finished if j is not job]
            self._forget(job)
        job.discard()
        return True
