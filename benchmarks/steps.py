"""The benchmark steps, run in this order against each server on a fresh, empty storage.

A step returns its timings in seconds: one total for a throughput step, one
per call for a latency step. Each step is timed end to end on the client
(httpx, one connection reused; the job routes are synchronous), and checked
afterwards (outside the timing) so that both servers are known to have done
the same work.

The resources each step works on are the *original* ones, uploaded by
``upload_1`` (and again by ``upload_4`` after ``delete``); jobs keep their
sources (``KeepSource`` default), except split and merge, which run last:
split moves the last series of each study into a new study, merge moves it
back.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx

from benchmarks.datasets import DatasetSpec, GeneratedDataset
from benchmarks.servers import BenchServer, CpuUse, MemoryPeak

STUDY_MODIFY = {"Replace": {"StudyDescription": "Benchmark study",
                            "InstitutionName": "Benchmark clinic"}}
SERIES_MODIFY = {"Replace": {"SeriesDescription": "Benchmark series"}}
INSTANCE_MODIFY = {"Replace": {"StudyDescription": "Benchmark instance",
                               "InstitutionName": "Benchmark clinic"}}


class StepFailed(RuntimeError):
    """A server answered a step with an error or with the wrong result."""


@dataclass
class Originals:
    """The uploaded resources: studies in upload order, their series and instance counts."""

    instances: list[str] = field(default_factory=list)
    series: dict[str, list[str]] = field(default_factory=dict)
    instances_per_study: dict[str, int] = field(default_factory=dict)
    instances_per_series: dict[str, int] = field(default_factory=dict)

    @property
    def studies(self) -> list[str]:
        return list(self.series)


class Run:
    """One server, one data set, one repetition: the state the steps share."""

    def __init__(self, server: BenchServer, dataset: GeneratedDataset,
                 latency_calls: int | None = None) -> None:
        self.server = server
        self.dataset = dataset
        self.latency_calls = latency_calls or dataset.spec.latency_calls
        self.client = server.client()
        self.originals = Originals()
        self.split_targets: dict[str, str] = {}
        self.study_sizes: dict[str, int] = {}  # before the split (series modify adds series)

    def post(self, path: str, body: dict | None = None, content: bytes | None = None,
             client: httpx.Client | None = None) -> httpx.Response:
        response = (client or self.client).post(
            path, json=body if content is None else None, content=content)
        if response.status_code != 200:
            raise StepFailed(f"{self.server.label}: POST {path} answered "
                             f"{response.status_code}: {response.text[:500]}")
        return response

    def get_json(self, path: str) -> object:
        response = self.client.get(path)
        if response.status_code != 200:
            raise StepFailed(f"{self.server.label}: GET {path} answered {response.status_code}")
        return response.json()

    def expect_instances(self, level: str, resource_id: str, expected: int) -> None:
        found = len(self.get_json(f"/{level}/{resource_id}/instances"))
        if found != expected:
            raise StepFailed(f"{self.server.label}: /{level}/{resource_id} holds {found} "
                             f"instances, expected {expected}")

    def close(self) -> None:
        self.client.close()


def _every_instance(spec: DatasetSpec) -> int:
    return spec.instances


def _one_instance(spec: DatasetSpec) -> int:
    return 1


def _one_series_per_study(spec: DatasetSpec) -> int:
    return spec.instances // spec.series_per_study


@dataclass(frozen=True)
class Step:
    """One benchmark step. ``goal`` is the target ratio of Lethe's time to Orthanc's
    (None: reported only); ``latency`` steps report median and p90 per call;
    ``count`` tells how many instances one run of the step processes (one call of a
    latency step)."""

    key: str
    label: str
    action: Callable[[Run], list[float]]
    goal: float | None = None
    latency: bool = False
    min_series_per_study: int = 1
    count: Callable[[DatasetSpec], int] = _every_instance

    def applies_to(self, dataset: GeneratedDataset) -> bool:
        return dataset.spec.series_per_study >= self.min_series_per_study

    def instances(self, dataset: GeneratedDataset) -> int:
        """How many instances one run of the step processes."""
        return self.count(dataset.spec)


@dataclass(frozen=True)
class StepResult:
    """What one step measured on one server in one repetition."""

    seconds: list[float]
    memory: MemoryPeak
    cpu: CpuUse

    @property
    def value(self) -> float:
        """The total time, or the median call time of a latency step."""
        return statistics.median(self.seconds)

    @property
    def p90(self) -> float:
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def measure(step: Step, run: Run) -> StepResult:
    """Run ``step`` once, with the server's memory peaks reset before it and its CPU use
    measured."""
    run.server.memory.reset()
    run.server.cpu.start()
    seconds = step.action(run)
    return StepResult(seconds, run.server.memory.peak(), run.server.cpu.stop())


# --- upload and delete ---------------------------------------------------------
def _upload(run: Run, threads: int) -> list[float]:
    files = run.dataset.files

    def send(part: int) -> list[tuple[int, dict]]:
        answers = []
        with run.server.client() as client:
            for index in range(part, len(files), threads):
                answer = run.post("/instances", content=files[index].read_bytes(),
                                  client=client).json()
                answers.append((index, answer))
        return answers

    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        parts = list(pool.map(send, range(threads)))
    elapsed = time.perf_counter() - start
    answers = [answer for _, answer in sorted(a for part in parts for a in part)]
    originals = Originals()
    for answer in answers:
        originals.instances.append(answer["ID"])
        study, series = answer["ParentStudy"], answer["ParentSeries"]
        if series not in originals.series.setdefault(study, []):
            originals.series[study].append(series)
        originals.instances_per_study[study] = originals.instances_per_study.get(study, 0) + 1
        originals.instances_per_series[series] = originals.instances_per_series.get(series, 0) + 1
    run.originals = originals
    stored = len(run.get_json("/instances"))
    if stored != len(files):
        raise StepFailed(f"{run.server.label}: {stored} instances stored, {len(files)} sent")
    return [elapsed]


def upload_one_thread(run: Run) -> list[float]:
    return _upload(run, 1)


def upload_four_threads(run: Run) -> list[float]:
    return _upload(run, 4)


def delete_studies(run: Run) -> list[float]:
    start = time.perf_counter()
    for study in run.originals.studies:
        response = run.client.delete(f"/studies/{study}")
        if response.status_code != 200:
            raise StepFailed(f"{run.server.label}: DELETE /studies/{study} answered "
                             f"{response.status_code}")
    elapsed = time.perf_counter() - start
    if run.get_json("/instances"):
        raise StepFailed(f"{run.server.label}: instances left after deleting every study")
    return [elapsed]


# --- archives --------------------------------------------------------------------
def archive(run: Run) -> list[float]:
    """``GET /studies/{id}/archive`` of every study, read to its end (streamed by both)."""
    sizes = []
    start = time.perf_counter()
    for study in run.originals.studies:
        size = 0
        with run.client.stream("GET", f"/studies/{study}/archive") as response:
            if response.status_code != 200:
                raise StepFailed(f"{run.server.label}: archive answered {response.status_code}")
            for chunk in response.iter_raw():
                size += len(chunk)
        sizes.append(size)
    elapsed = time.perf_counter() - start
    if not all(sizes):
        raise StepFailed(f"{run.server.label}: an empty archive")
    return [elapsed]


def archive_first_byte(run: Run) -> list[float]:
    """The time to the first byte of ``GET /studies/{id}/archive`` (the client then goes
    away: the server should stop)."""
    timings = []
    for study in run.originals.studies[:run.latency_calls]:
        start = time.perf_counter()
        with run.server.client() as client, \
                client.stream("GET", f"/studies/{study}/archive") as response:
            next(response.iter_raw())
            timings.append(time.perf_counter() - start)
    time.sleep(1)  # let the server notice
    return timings


# --- resource jobs ---------------------------------------------------------------
def first_job(run: Run) -> list[float]:
    """A one-instance job on a server that ran no job yet (Lethe starts its pool here)."""
    start = time.perf_counter()
    run.post("/tools/bulk-anonymize", {"Resources": [run.originals.instances[0]]})
    return [time.perf_counter() - start]


def _resource_jobs(run: Run, level: str, route: str, body: dict) -> list[float]:
    if level == "studies":
        resources = [(s, run.originals.instances_per_study[s]) for s in run.originals.studies]
    else:
        resources = list(run.originals.instances_per_series.items())
    answers = []
    start = time.perf_counter()
    for resource, _ in resources:
        answers.append(run.post(f"/{level}/{resource}/{route}", body).json())
    elapsed = time.perf_counter() - start
    for (_, count), answer in zip(resources, answers, strict=True):
        run.expect_instances(level, answer["ID"], count)
    return [elapsed]


def study_anonymize(run: Run) -> list[float]:
    return _resource_jobs(run, "studies", "anonymize", {})


def study_modify(run: Run) -> list[float]:
    return _resource_jobs(run, "studies", "modify", STUDY_MODIFY)


def series_anonymize(run: Run) -> list[float]:
    return _resource_jobs(run, "series", "anonymize", {})


def series_modify(run: Run) -> list[float]:
    return _resource_jobs(run, "series", "modify", SERIES_MODIFY)


def bulk_anonymize(run: Run) -> list[float]:
    series = [s for study in run.originals.studies for s in run.originals.series[study]]
    start = time.perf_counter()
    answer = run.post("/tools/bulk-anonymize", {"Resources": series}).json()
    elapsed = time.perf_counter() - start
    produced = [r for r in answer.get("Resources", []) if r["Type"] == "Instance"]
    if len(produced) != len(run.originals.instances):
        raise StepFailed(f"{run.server.label}: bulk-anonymize produced {len(produced)} "
                         f"instances, expected {len(run.originals.instances)}")
    return [elapsed]


def split(run: Run) -> list[float]:
    """Each study gives its last original series to a new study (KeepSource false)."""
    for study in run.originals.studies:
        run.study_sizes[study] = len(run.get_json(f"/studies/{study}/instances"))
    answers = []
    start = time.perf_counter()
    for study in run.originals.studies:
        body = {"Series": [run.originals.series[study][-1]]}
        answers.append(run.post(f"/studies/{study}/split", body).json())
    elapsed = time.perf_counter() - start
    for study, answer in zip(run.originals.studies, answers, strict=True):
        run.split_targets[study] = answer["TargetStudy"]
        moved = run.originals.instances_per_series[run.originals.series[study][-1]]
        run.expect_instances("studies", answer["TargetStudy"], moved)
    return [elapsed]


def merge(run: Run) -> list[float]:
    """Each study takes back the study split from it (KeepSource false)."""
    start = time.perf_counter()
    for study in run.originals.studies:
        run.post(f"/studies/{study}/merge", {"Resources": [run.split_targets[study]]})
    elapsed = time.perf_counter() - start
    for study in run.originals.studies:
        run.expect_instances("studies", study, run.study_sizes[study])
    return [elapsed]


# --- single instances ------------------------------------------------------------
def _instance_calls(run: Run, route: str, body: dict) -> list[float]:
    instances = run.originals.instances
    calls = run.latency_calls
    stride = max(1, len(instances) // calls)
    timings = []
    for n in range(calls):
        instance = instances[(n * stride) % len(instances)]
        start = time.perf_counter()
        response = run.post(f"/instances/{instance}/{route}", body)
        timings.append(time.perf_counter() - start)
        if not response.content[128:132] == b"DICM":
            raise StepFailed(f"{run.server.label}: /instances/{instance}/{route} "
                             "did not answer a DICOM file")
    return timings


def instance_anonymize(run: Run) -> list[float]:
    return _instance_calls(run, "anonymize", {})


def instance_modify(run: Run) -> list[float]:
    return _instance_calls(run, "modify", INSTANCE_MODIFY)


# --- the DICOM network (benchmarks/dicom_steps.py) ---------------------------------
def cstore_1(run: Run) -> list[float]:
    from benchmarks import dicom_steps

    return dicom_steps.cstore_one_association(run)


def cstore_4(run: Run) -> list[float]:
    from benchmarks import dicom_steps

    return dicom_steps.cstore_four_associations(run)


def modality_store(run: Run) -> list[float]:
    from benchmarks import dicom_steps

    return dicom_steps.modality_store(run)


STEPS = (
    Step("upload_1", "upload, 1 thread", upload_one_thread),
    Step("delete", "delete studies", delete_studies),
    Step("cstore_1", "C-STORE received, 1 association", cstore_1, goal=1.0),
    Step("cstore_4", "C-STORE received, 4 associations", cstore_4, goal=1.0),
    Step("upload_4", "upload, 4 threads", upload_four_threads, goal=1.0),
    Step("modality_store", "/modalities/{m}/store (C-STORE sent)", modality_store, goal=1.0),
    Step("archive", "study archive (ZIP, streamed)", archive, goal=1.0),
    Step("archive_first_byte", "archive: first byte", archive_first_byte, latency=True,
         count=_one_instance),
    Step("first_job", "first job (1 instance)", first_job, count=_one_instance),
    Step("study_anonymize", "study anonymize", study_anonymize, goal=1 / 3),
    Step("study_modify", "study modify", study_modify, goal=1 / 3),
    Step("series_anonymize", "series anonymize", series_anonymize, goal=1 / 3),
    Step("series_modify", "series modify", series_modify, goal=1 / 3),
    Step("instance_anonymize", "instance anonymize", instance_anonymize, goal=1.0, latency=True,
         count=_one_instance),
    Step("instance_modify", "instance modify", instance_modify, goal=1.0, latency=True,
         count=_one_instance),
    Step("bulk_anonymize", "bulk-anonymize (all series)", bulk_anonymize, goal=1 / 1.5),
    Step("split", "split (last series)", split, goal=1 / 1.5, min_series_per_study=2,
         count=_one_series_per_study),
    Step("merge", "merge (it back)", merge, goal=1 / 1.5, min_series_per_study=2,
         count=_one_series_per_study),
)
STEP_KEYS = tuple(step.key for step in STEPS)


def select_steps(keys: list[str] | None) -> list[Step]:
    """The steps named in ``keys`` (all when None), with the steps they depend on."""
    if keys is None:
        return list(STEPS)
    unknown = set(keys) - set(STEP_KEYS)
    if unknown:
        raise ValueError(f"unknown steps {sorted(unknown)}; known: {', '.join(STEP_KEYS)}")
    wanted = {"upload_1", *keys}
    if wanted - {"upload_1", "delete", "upload_4"}:
        wanted.add("first_job")  # start Lethe's worker pool before the measured jobs
    if wanted & {"delete", "upload_4", "cstore_1", "cstore_4"}:
        wanted |= {"delete", "upload_4"}
    if "merge" in wanted:
        wanted.add("split")
    return [step for step in STEPS if step.key in wanted]
