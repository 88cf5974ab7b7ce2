"""The ``ResourceModification`` job: modify or anonymize many instances and store the results.

The instances are modified in the worker-process pool, a chunk at a time
(the next chunk is already running while the previous one is committed), and
each chunk is indexed in one transaction. Memory is bounded by the chunk
size, never by the size of the study.

All or nothing: a failure (without ``Permissive``) or a cancel removes every
resource the job created, and the sources are deleted (``KeepSource`` false)
only after the last instance was committed.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import uuid
from concurrent.futures import Future
from dataclasses import dataclass, field

from lethe.dicom.engine import ModificationContext
from lethe.dicom.request import ModificationRequest
from lethe.errors import ErrorCode, LetheError
from lethe.jobs.job import Job, JobControl, JobInterrupted
from lethe.jobs.pool import WorkerPool
from lethe.jobs.worker import Produced, SharedWork, produce
from lethe.store.ingest import Origin
from lethe.store.model import Level, NewInstance
from lethe.store.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ModificationPlan:
    """Everything a modification job needs, decided when the request is accepted.

    ``sources`` are the Orthanc IDs of the source instances (no duplicates);
    ``output_level`` is the level whose new resource the answer names
    (``None`` for the bulk routes, which list every produced resource);
    ``parents`` are the resources the client named (``ParentResources``).
    ``job_type`` is ``ResourceModification``, ``SplitStudy`` or ``MergeStudy``;
    split and merge record no provenance metadata and answer with
    ``TargetStudy`` (and, for a split, ``TargetStudyUID``).
    """

    request: ModificationRequest
    context: ModificationContext
    sources: tuple[str, ...]
    parents: tuple[str, ...]
    output_level: Level | None
    keep_source: bool
    permissive: bool
    origin: Origin = field(default_factory=Origin)
    job_type: str = "ResourceModification"
    default_quality: int = 90
    target_study_uid: str | None = None

    @property
    def records_provenance(self) -> bool:
        """Whether produced resources get ModifiedFrom / AnonymizedFrom metadata."""
        return self.job_type == "ResourceModification"


class ModificationJob(Job):
    """Orthanc's ``ResourceModification`` job over a set of source instances."""

    def __init__(self, store: Store, pool: WorkerPool, plan: ModificationPlan) -> None:
        self.job_type = plan.job_type
        self.store = store
        self.pool = pool
        self.plan = plan
        self.chunk = max(2, 2 * pool.size)
        self._shared = SharedWork(str(store.storage.root), plan.request, plan.context,
                                  plan.origin, plan.default_quality)
        self._lock = threading.Lock()
        self._source_chains: dict[str, tuple[str, str, str, str]] = {}
        self.output_tag = uuid.uuid4().hex  # marks this job's outputs as pending in the index
        self.reset()

    # --- Job interface -------------------------------------------------------
    def reset(self) -> None:
        with self._lock:
            self._position = 0
            self._created: list[str] = []
            self._produced: list[tuple[str, str, str, str]] = []
            self._failed = 0
            self._sources_deleted = False

    def content(self) -> dict:
        with self._lock:
            if self.plan.job_type != "ResourceModification":
                return self._study_content()
            body = {"Description": "REST API", "FailedInstancesCount": self._failed,
                    "InstancesCount": len(self.plan.sources),
                    "IsAnonymization": self.plan.request.anonymize,
                    "ParentResources": sorted(self.plan.parents)}
            if self.plan.request.transcode:
                body["Transcode"] = self.plan.request.transcode
            if self.plan.output_level is None:
                body["Resources"] = _resource_list(self._produced)
            elif self._produced:
                level = self.plan.output_level
                first = self._produced[0]
                body.update({"ID": first[level], "Path": f"/{level.plural}/{first[level]}",
                             "PatientID": first[Level.PATIENT], "Type": level.label})
            return body

    def _study_content(self) -> dict:
        """The answer of a split or a merge."""
        body: dict = {"Description": "REST API", "FailedInstancesCount": self._failed,
                      "InstancesCount": len(self.plan.sources)}
        if self._produced:
            body["TargetStudy"] = self._produced[0][Level.STUDY]
        if self.plan.target_study_uid is not None:
            body["TargetStudyUID"] = self.plan.target_study_uid
        return body

    def run(self, control: JobControl) -> None:
        total = len(self.plan.sources)
        chunk = self._submit(self._position)
        while chunk:
            results = self._collect(chunk)
            following = self._position + len(chunk)
            next_chunk = self._submit(following) if following < total else []
            try:
                self._commit(results, len(chunk))
                control.set_progress(self._position / (total + 1))
                control.checkpoint()
            except BaseException:
                self._discard(next_chunk)
                raise
            chunk = next_chunk
        self.store.index.finish_job(self.output_tag)
        if not self.plan.keep_source and not self._sources_deleted:
            self._delete_sources()
        control.set_progress(1.0)

    def rollback(self) -> None:
        with self._lock:
            created, self._created = self._created, []
            self._produced = []
        for instance_id in created:
            with contextlib.suppress(LetheError):  # already gone
                self.store.delete(instance_id, Level.INSTANCE)
        self.store.index.finish_job(self.output_tag)
        if created:
            log.info("job rolled back: %d new instances removed", len(created))

    # --- steps -------------------------------------------------------------
    def _submit(self, start: int) -> list[tuple[str, Future | LetheError]]:
        """Send the chunk of sources starting at ``start`` to the pool."""
        submitted: list[tuple[str, Future | LetheError]] = []
        for source_id in self.plan.sources[start:start + self.chunk]:
            attachment = self.store.index.attachment(source_id)
            if attachment is None:
                submitted.append((source_id, LetheError(
                    ErrorCode.UNKNOWN_RESOURCE, f"instance {source_id} was deleted meanwhile")))
            else:
                submitted.append((source_id, self.pool.submit(
                    produce, self._shared, source_id, attachment.uuid)))
        return submitted

    def _collect(self, in_flight: list[tuple[str, Future | LetheError]]) -> list[Produced]:
        """Wait for a chunk; a failed instance fails the job unless ``Permissive``."""
        results, error = [], None
        for source_id, work in in_flight:
            try:
                if isinstance(work, LetheError):
                    raise work
                results.append(work.result())
            except Exception as exc:  # noqa: BLE001 - reported per instance below
                if self.plan.permissive:
                    log.warning("instance %s failed in a permissive job: %s", source_id,
                                _describe(exc))
                    with self._lock:
                        self._failed += 1
                elif error is None:
                    error = exc
        if error is not None:
            self._delete_files(results)
            raise _as_job_error(error)
        return results

    def _commit(self, results: list[Produced], chunk_size: int) -> None:
        """Index a chunk of produced instances in one transaction; advance the position."""
        batch, fresh = [], []
        try:
            for produced in results:
                new = produced.new
                new.job = self.output_tag
                if self.plan.records_provenance:
                    self._add_provenance(new, self._source_chain(produced.source_id))
                fresh.append(self.store.index.lookup(new.ids[Level.INSTANCE]) is None)
                batch.append(new)
        except BaseException:
            self._delete_files(results)  # not indexed: nothing else refers to them
            raise
        statuses = self.store.ingest.index_written(batch) if batch else []
        with self._lock:
            for new, status, is_new in zip(batch, statuses, fresh, strict=True):
                self._produced.append(tuple(new.ids))
                if status == "Success" and is_new:
                    self._created.append(new.ids[Level.INSTANCE])
            self._position += chunk_size

    def _add_provenance(self, new: NewInstance, source: tuple[str, str, str, str]) -> None:
        """ModifiedFrom/AnonymizedFrom on the instance, and on each parent whose ID changed."""
        key = "AnonymizedFrom" if self.plan.request.anonymize else "ModifiedFrom"
        new.metadata[key] = source[Level.INSTANCE]
        for level in (Level.PATIENT, Level.STUDY, Level.SERIES):
            if new.ids[level] != source[level]:
                new.parent_metadata.setdefault(level, {})[key] = source[level]

    def _source_chain(self, instance_id: str) -> tuple[str, str, str, str]:
        """(patient, study, series, instance) Orthanc IDs of a source instance."""
        series = self.store.resource(instance_id).parent_id or ""
        if series not in self._source_chains:
            study = self.store.resource(series).parent_id or ""
            patient = self.store.resource(study).parent_id or ""
            self._source_chains[series] = (patient, study, series)
        return (*self._source_chains[series], instance_id)

    def _discard(self, in_flight: list[tuple[str, Future | LetheError]]) -> None:
        """Wait for work that will not be committed and delete its files."""
        for _, work in in_flight:
            if isinstance(work, Future):
                with contextlib.suppress(Exception):  # a failed task left no file
                    self._delete_files([work.result()])

    def _delete_files(self, results: list[Produced]) -> None:
        for produced in results:
            self.store.storage.delete(produced.new.attachment.uuid)

    def _delete_sources(self) -> None:
        produced = {ids[Level.INSTANCE] for ids in self._produced}
        for source_id in self.plan.sources:
            if source_id not in produced and self.store.index.lookup(source_id) is not None:
                self.store.delete(source_id, Level.INSTANCE)
        self._sources_deleted = True


def _resource_list(produced: list[tuple[str, str, str, str]]) -> list[dict]:
    """Every produced instance and all its parents: Instance, Series, Study, Patient groups."""
    listing = []
    for level in (Level.INSTANCE, Level.SERIES, Level.STUDY, Level.PATIENT):
        for rid in sorted({ids[level] for ids in produced}):
            listing.append({"ID": rid, "Path": f"/{level.plural}/{rid}", "Type": level.label})
    return listing


def _describe(exc: BaseException) -> str:
    return exc.details if isinstance(exc, LetheError) else type(exc).__name__


def _as_job_error(exc: BaseException) -> BaseException:
    if isinstance(exc, LetheError | JobInterrupted):
        return exc
    if isinstance(exc, FileNotFoundError):
        return LetheError(ErrorCode.INEXISTENT_FILE, "a source file is missing from the storage area")
    log.error("instance modification failed", exc_info=exc)
    return LetheError(ErrorCode.INTERNAL_ERROR, f"instance modification failed ({type(exc).__name__})")
