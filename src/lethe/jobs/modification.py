"""The ``ResourceModification`` job: modify or anonymize many instances and store the results.

The instances are modified in the worker-process pool, a few per task
(:func:`chunk_size`), with a bounded window of instances in flight
(:data:`WINDOW_PER_WORKER` per worker), so that the workers never wait for the
job thread. The results are collected in source order and indexed in batches
of about :data:`BATCH` instances, and of :data:`DRAIN_BATCH` once every instance
is sent, so that little is left to index when the workers are done (a batch's
storage sync costs more the more files the system has cached, hence no smaller
batches). A batch's new files are made durable with one storage sync, then
indexed in one transaction. Memory is bounded by the window and the batch,
never by the size of the study.

All or nothing: a failure (without ``Permissive``) or a cancel removes every
resource the job created, and the sources are deleted (``KeepSource`` false)
only after the last instance was committed.

Saved (``SaveJobs``): each batch's transaction also records the job's step (its
position and the instances it produced), so that the job, rebuilt after a restart
or on another node (:mod:`lethe.jobs.modification_state`), continues after the
last batch committed; the names of the files it is about to write are reserved
first (:meth:`Store.reserve_outputs`), so that those written and never indexed can
be removed by whoever resumes it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import uuid
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from lethe.dicom.engine import ModificationContext
from lethe.dicom.request import ModificationRequest
from lethe.dicom.verify import is_verification_error
from lethe.errors import ErrorCode, LetheError
from lethe.jobs.job import Job, JobControl, JobInterrupted
from lethe.jobs.pool import WorkerPool
from lethe.jobs.worker import Produced, SharedTicket, SharedWork, produce_chunk
from lethe.store.ingest import Origin, described_as_written
from lethe.store.model import Level, NewInstance, RebuiltInstance
from lethe.store.store import Store

log = logging.getLogger(__name__)

WINDOW_PER_WORKER = 16  # instances in flight per worker process
MAX_CHUNK = 4  # most instances sent to a worker in one task
BATCH = 32  # instances indexed in one transaction while the job still sends some
DRAIN_BATCH = BATCH // 4  # the same once every instance is sent
RESERVED = 64  # output file names reserved at a time

InFlight = tuple[tuple[str, ...], Future]  # the source IDs of one task, its pending results


def chunk_size(total: int, workers: int) -> int:
    """Instances per task for a job of ``total`` instances: up to :data:`MAX_CHUNK`, as
    long as every worker still gets four tasks or more."""
    return max(1, min(MAX_CHUNK, total // (workers * 4)))


@dataclass(frozen=True)
class ParsedFrom:
    """How the request of a plan was parsed (:meth:`ModificationRequest.parse`): the JSON
    body and the options, what parses it again when the job is rebuilt after a stop."""

    body: dict[str, Any]
    anonymize: bool
    level: Level | None = None
    default_private_creator: str = ""


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
    verify: bool = False  # "Verify": every output proven, or the job fails (lethe.dicom.proof)
    allow_burned_in: bool = False  # "AllowBurnedInAnnotation"
    parsed_from: ParsedFrom | None = None  # None: the job cannot be rebuilt after a stop

    @property
    def records_provenance(self) -> bool:
        """Whether produced resources get ModifiedFrom / AnonymizedFrom metadata."""
        return self.job_type == "ResourceModification"

    @property
    def rebuilds_main_tags(self) -> bool:
        """Whether the job ends by reading one instance of each produced series again, so
        that the main tags of series, studies and patients that existed before the job
        describe the modified files (the newest Orthanc's reconstruction step)."""
        return self.job_type == "ResourceModification"


class ModificationJob(Job):
    """Orthanc's ``ResourceModification`` job over a set of source instances."""

    output_tag: str

    def __init__(self, store: Store, pool: WorkerPool, plan: ModificationPlan,
                 output_tag: str | None = None) -> None:
        """``output_tag`` is given to a job rebuilt after a stop (the tag of its pending
        outputs); a new job draws one."""
        self.job_type = plan.job_type
        self.store = store
        self.pool = pool
        self.plan = plan
        self.window = WINDOW_PER_WORKER * pool.size
        self.chunk = chunk_size(len(plan.sources), pool.size)
        self._lock = threading.Lock()
        self._source_chains: dict[str, tuple[str, str, str]] = {}
        # marks this job's outputs as pending in the index
        self.output_tag = output_tag or uuid.uuid4().hex
        self._reserved: list[str] = []  # output file names reserved and not used yet
        self._ticket = SharedTicket.of(self.output_tag, SharedWork(
            store.storage_root, plan.request, plan.context, plan.origin,
            plan.default_quality, store.compressed, plan.verify, plan.allow_burned_in))
        self.reset()

    # --- Job interface -------------------------------------------------------
    def reset(self) -> None:
        with self._lock:
            self._position = 0
            self._created: list[str] = []
            self._produced: list[tuple[str, str, str, str]] = []
            self._failed = 0
            self._sources_deleted = False
            self._first_of_series: dict[str, str] = {}  # produced series -> an instance
            self._first_described: dict[str, RebuiltInstance] = {}  # by instance, as written
            self._steps = 0  # steps saved (SaveJobs)
            self._reserved = []  # a rollback forgot the reservations

    def describe_for_resume(self) -> dict[str, Any] | None:
        from lethe.jobs.modification_state import describe_job

        return describe_job(self)

    def resume_from(self, steps: list[dict[str, Any]], created: set[str]) -> None:
        """Take the position of a job that saved ``steps`` (in order) before it stopped:
        it continues after the last batch they record. ``created`` are its pending outputs
        in the index: the instances it created, which a rollback removes."""
        with self._lock:
            for step in steps:
                self._position = int(step["position"])
                self._failed = int(step["failed"])
                for patient, study, series, instance in step["outputs"]:
                    self._produced.append((patient, study, series, instance))
                    self._first_of_series.setdefault(series, instance)
                    if instance in created:
                        self._created.append(instance)
            self._steps = len(steps)

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
            return dict(sorted(body.items()))  # Orthanc's key order

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
        window: deque[InFlight] = deque()
        batch: list[Produced] = []
        covered = 0  # sources the batch accounts for (failed ones of a permissive job too)
        following = self._position
        in_flight = 0
        finished = False  # the job's outputs are no longer pending in the index
        try:
            while following < total or window:
                while following < total and in_flight < self.window:
                    chunk = self.plan.sources[following:following + self.chunk]
                    window.append(self._submit(chunk))
                    following += len(chunk)
                    in_flight += len(chunk)
                taken = self._collect(window, batch)
                in_flight -= taken
                covered += taken
                draining = following == total  # nothing left to submit
                last = draining and not window
                if covered >= BATCH or last or (draining and covered >= DRAIN_BATCH):
                    self._commit(batch, covered, last, control)
                    batch, covered, finished = [], 0, last
                    if not last:
                        control.set_progress(self._position / (total + 1))
                        control.checkpoint()
        except BaseException:
            self._delete_files(batch)
            self._discard(window)
            raise
        if not finished:
            self.store.finish_job(self.output_tag)
        if self.plan.rebuilds_main_tags:
            self._rebuild_main_tags()
        if not self.plan.keep_source and not self._sources_deleted:
            self._delete_sources()
        control.set_progress(1.0)

    def rollback(self) -> None:
        with self._lock:
            created, self._created = self._created, []
            self._produced = []
        removed = self.store.delete_instances(created)
        self.store.finish_job(self.output_tag)
        if removed:
            log.info("job rolled back: %d new instances removed", removed)

    # --- steps -------------------------------------------------------------
    def _submit(self, chunk: tuple[str, ...]) -> InFlight:
        """Send a chunk of source instances to the pool (a deleted one as ``None``: the
        worker answers that it is unknown)."""
        sources = []
        for source_id in chunk:
            attachment = self.store.attachment(source_id)
            sources.append((source_id, None) if attachment is None
                           else (source_id, attachment.uuid, attachment.compression,
                                 self._output_name()))
        return chunk, self.pool.submit(produce_chunk, self._ticket, tuple(sources))

    def _output_name(self) -> str:
        """The UUID of the next output file, reserved :data:`RESERVED` at a time."""
        if not self._reserved:
            self._reserved = self.store.reserve_outputs(self.output_tag, RESERVED)
        return self._reserved.pop()

    def _collect(self, window: deque[InFlight], batch: list[Produced]) -> int:
        """Move the finished head of ``window`` to ``batch``, in source order, waiting for
        the first task; return how many sources were taken. A failed instance fails the job
        unless ``Permissive`` (the files of its task are in ``batch``, to be deleted)."""
        taken = 0
        while window and (taken == 0 or window[0][1].done()):
            chunk, work = window.popleft()
            taken += len(chunk)
            try:
                results = work.result()
            except Exception as exc:  # noqa: BLE001 - the task failed as a whole
                results = [exc] * len(chunk)
            batch.extend(result for result in results if isinstance(result, Produced))
            for source_id, result in zip(chunk, results, strict=True):
                if not isinstance(result, Produced):
                    self._failed_instance(source_id, result)
        return taken

    def _failed_instance(self, source_id: str, exc: Exception) -> None:
        if not self.plan.permissive or is_verification_error(exc):
            raise _as_job_error(exc) from None
        log.warning("instance %s failed in a permissive job: %s", source_id, _describe(exc))
        with self._lock:
            self._failed += 1

    def _commit(self, results: list[Produced], covered: int, last: bool,
                control: JobControl) -> None:
        """Make a batch of new files durable and index them in one transaction
        (:meth:`Store.commit_outputs`), with the job's step when it is saved; advance the
        position by the ``covered`` sources. The ``last`` batch also ends the job's pending
        state in the index."""
        batch = []
        for produced in results:
            new = produced.new
            new.job = self.output_tag
            if self.plan.records_provenance:
                self._add_provenance(new, self._source_chain(produced.source_id))
            batch.append(new)
        self._record_pseudonyms(results)
        finish = self.output_tag if last else None
        step = control.saved_step(self._steps, {
            "position": self._position + covered, "failed": self._failed,
            "outputs": [list(new.ids) for new in batch]})
        if step is not None or batch or last:
            outcomes = self.store.commit_job_outputs(batch, finish, step)
        else:
            outcomes = []
        with self._lock:
            for new, outcome in zip(batch, outcomes, strict=True):
                self._produced.append(new.ids)
                if new.ids[Level.SERIES] not in self._first_of_series:
                    self._first_of_series[new.ids[Level.SERIES]] = new.ids[Level.INSTANCE]
                    self._first_described[new.ids[Level.INSTANCE]] = described_as_written(new)
                if outcome.status == "Success" and not outcome.replaced:  # a new instance
                    self._created.append(new.ids[Level.INSTANCE])
            self._position += covered
            self._steps += step is not None

    def _record_pseudonyms(self, results: list[Produced]) -> None:
        """A keyed anonymization records what it replaced in the pseudonym register
        (:meth:`Store.record_pseudonyms`, when enabled), before its outputs are indexed: an
        indexed output always has its entries, and those of outputs a rollback removes
        stay true (the key maps those originals to those pseudonyms in every run)."""
        key_name = self.plan.request.pseudonymization_key
        if key_name is not None and results:
            self.store.record_pseudonyms(
                key_name, self.plan.context.uids, self.plan.request.shift_dates,
                [(produced.source_id, produced.new.tags) for produced in results],
                durable=False)  # the batch's commit, which follows, makes them durable

    def _rebuild_main_tags(self) -> None:
        """Rebuild the main tags of every produced series, its study and its patient from
        the first instance the job produced in that series, as the newest Orthanc does:
        in the order of those instances' IDs, so that where several series share a study
        or a patient, the one with the highest instance ID gives its tags.

        The tags are those the worker read from the dataset it wrote; only the instances
        produced before a stop (a resumed job) are read again from their files. The
        transaction needs no fsync of its own: the job's final state, saved next, makes it
        durable before anyone learns that the job ended."""
        with self._lock:
            chosen = sorted(self._first_of_series.values())
            known = {i: self._first_described[i] for i in chosen if i in self._first_described}
        self.store.rebuild_main_tags(chosen, described=known, durable=False)

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

    def _discard(self, window: deque[InFlight]) -> None:
        """Wait for work that will not be committed and delete its files."""
        for _, work in window:
            with contextlib.suppress(Exception):  # a failed task left no file
                self._delete_files([result for result in work.result()
                                    if isinstance(result, Produced)])
        window.clear()

    def _delete_files(self, results: list[Produced]) -> None:
        for produced in results:
            self.store.discard_output(produced.new.attachment.uuid)

    def _delete_sources(self) -> None:
        produced = {ids[Level.INSTANCE] for ids in self._produced}
        self.store.delete_instances([source_id for source_id in self.plan.sources
                                     if source_id not in produced])
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
