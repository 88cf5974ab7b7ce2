"""The modification job's pipeline: a window of work in flight, batches synced and indexed
together, checkpoints between batches, and nothing left behind by a cancel or a failure."""

from __future__ import annotations

from pathlib import Path

import pydicom
import pytest

from lethe.config import config_from_dict
from lethe.dicom.request import ModificationRequest
from lethe.dicom.tags import DEFAULT_TAGS
from lethe.errors import ErrorCode, LetheError
from lethe.jobs import modification
from lethe.jobs.job import JobCanceled, JobControl
from lethe.jobs.modification import ModificationJob, ModificationPlan
from lethe.jobs.pool import WorkerPool
from lethe.jobs.submission import new_context, source_instances
from lethe.store.ingest import Origin
from lethe.store.model import Level
from lethe.store.store import Store
from tests.support.dicomgen import make_file

INSTANCES = 70  # more than two batches


class Control(JobControl):
    """Counts checkpoints; cancels at the checkpoint numbered ``cancel_at``."""

    def __init__(self, cancel_at: int | None = None) -> None:
        self.checkpoints = 0
        self.cancel_at = cancel_at
        self.progress: list[float] = []

    def checkpoint(self) -> None:
        self.checkpoints += 1
        if self.checkpoints == self.cancel_at:
            raise JobCanceled

    def set_progress(self, fraction: float) -> None:
        self.progress.append(fraction)


@pytest.fixture(scope="module")
def pool():
    workers = WorkerPool(2)
    yield workers
    workers.shutdown()


@pytest.fixture
def store(tmp_path: Path) -> tuple[Store, str]:
    """A store holding one study of INSTANCES instances; and that study's ID."""
    config = config_from_dict({"StorageDirectory": str(tmp_path / "storage")})
    opened = Store.open(config)
    study_uid, series_uid = "1.2.3.4", "1.2.3.4.5"
    for number in range(INSTANCES):
        result = opened.store(make_file(study_uid=study_uid, series_uid=series_uid,
                                        sop_uid=f"1.2.3.4.5.{number}",
                                        InstanceNumber=number), Origin())
    return opened, result.ids.study


def _job(store: Store, pool: WorkerPool, study: str, body: dict, **options) -> ModificationJob:
    config = config_from_dict({})
    request = ModificationRequest.parse(body, anonymize=False, tags=DEFAULT_TAGS,
                                        level=Level.STUDY)
    plan = ModificationPlan(request, new_context(store, config, request),
                            source_instances(store, [study]), (study,), Level.STUDY,
                            options.get("keep_source", True), options.get("permissive", False))
    return ModificationJob(store, pool, plan)


def test_every_instance_is_modified_and_indexed_in_batches(store, pool):
    opened, study = store
    job = _job(opened, pool, study, {"Replace": {"StudyDescription": "Batched"}})
    batches: list[int] = []
    index_written = opened.ingest.index_written

    def counting(batch, finish_job=None):
        batches.append(len(batch))
        return index_written(batch, finish_job)
    opened.ingest.index_written = counting
    control = Control()
    job.run(control)
    content = job.content()
    assert content["InstancesCount"] == INSTANCES and content["FailedInstancesCount"] == 0
    new_study = content["ID"]
    instances = opened.index.instances_of(new_study)
    assert len(instances) == INSTANCES
    # a full batch while instances are sent, then what each task brings; one checkpoint
    # between two batches, none after the last one
    assert sum(batches) == INSTANCES and len(batches) >= 2
    assert batches[0] >= modification.BATCH
    assert control.checkpoints == len(batches) - 1
    numbers = set()
    for instance in instances:
        ds = pydicom.dcmread(opened.open_file(instance))
        assert ds.StudyDescription == "Batched"
        numbers.add(int(ds.InstanceNumber))
    assert numbers == set(range(INSTANCES))
    assert opened.index.pending_outputs() == []
    assert opened.check() == (set(), set())


def test_results_keep_the_source_order(store, pool):
    opened, study = store
    job = _job(opened, pool, study, {"Replace": {"SeriesDescription": "Ordered"}})
    job.run(Control())
    produced_sources = [opened.index.metadata(ids[Level.INSTANCE])["ModifiedFrom"]
                        for ids in job._produced]
    assert produced_sources == list(job.plan.sources)


def test_a_cancel_between_batches_leaves_nothing(store, pool):
    opened, study = store
    before = opened.index.count(Level.INSTANCE)
    job = _job(opened, pool, study, {"Replace": {"StudyDescription": "Canceled"}})
    with pytest.raises(JobCanceled):
        job.run(Control(cancel_at=1))
    job.rollback()
    assert opened.index.count(Level.INSTANCE) == before
    assert opened.index.pending_outputs() == []
    assert opened.check() == (set(), set())  # in-flight files were deleted too


def test_a_failing_instance_fails_the_job_and_leaves_nothing(store, pool):
    opened, study = store
    sources = opened.index.instances_of(study)
    victim = opened.index.attachment(sources[40])
    opened.storage.path(victim.uuid).write_bytes(b"not DICOM at all")
    before = opened.index.count(Level.INSTANCE)
    job = _job(opened, pool, study, {"Replace": {"StudyDescription": "Failing"}})
    with pytest.raises(LetheError) as failure:
        job.run(Control())
    job.rollback()
    assert failure.value.code is ErrorCode.BAD_FILE_FORMAT
    assert opened.index.count(Level.INSTANCE) == before
    orphans, missing = opened.check()
    assert orphans == set() and missing == set()


def test_a_permissive_job_skips_the_failing_instance(store, pool):
    opened, study = store
    sources = opened.index.instances_of(study)
    opened.storage.path(opened.index.attachment(sources[3]).uuid).write_bytes(b"garbage")
    job = _job(opened, pool, study, {"Replace": {"StudyDescription": "Permissive"}},
               permissive=True)
    job.run(Control())
    content = job.content()
    assert content["FailedInstancesCount"] == 1
    assert len(opened.index.instances_of(content["ID"])) == INSTANCES - 1
    assert opened.index.pending_outputs() == []


def test_keep_source_false_deletes_every_source(store, pool):
    opened, study = store
    job = _job(opened, pool, study, {"Replace": {"StudyDescription": "Moved"}},
               keep_source=False)
    job.run(Control())
    assert opened.index.lookup(study) is None
    assert opened.index.count(Level.INSTANCE) == INSTANCES
    assert opened.check() == (set(), set())


@pytest.mark.parametrize(("total", "workers", "expected"), [
    (1, 2, 1), (7, 2, 1), (8, 2, 1), (16, 2, 2), (50, 2, 4), (2000, 2, 4), (50, 8, 1),
])
def test_chunks_keep_every_worker_busy(total, workers, expected):
    assert modification.chunk_size(total, workers) == expected


def test_a_failure_inside_a_chunk_leaves_none_of_the_chunk_behind(store, pool):
    opened, study = store
    sources = opened.index.instances_of(study)
    assert modification.chunk_size(len(sources), pool.size) > 2
    opened.storage.path(opened.index.attachment(sources[41]).uuid).write_bytes(b"garbage")
    before = opened.index.count(Level.INSTANCE)
    job = _job(opened, pool, study, {"Replace": {"StudyDescription": "Failing"}})
    with pytest.raises(LetheError):
        job.run(Control())
    job.rollback()
    assert opened.index.count(Level.INSTANCE) == before
    assert opened.check() == (set(), set())  # the chunk's other new files were deleted


def test_a_source_deleted_meanwhile_fails_only_itself_in_a_permissive_job(store, pool):
    opened, study = store
    job = _job(opened, pool, study, {"Replace": {"StudyDescription": "Deleted"}},
               permissive=True)
    opened.delete_instances([job.plan.sources[5]])
    job.run(Control())
    content = job.content()
    assert content["FailedInstancesCount"] == 1
    assert len(opened.index.instances_of(content["ID"])) == INSTANCES - 1
    assert opened.check() == (set(), set())
