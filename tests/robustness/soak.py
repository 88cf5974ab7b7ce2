"""A concurrency soak: client threads that upload, read, modify, anonymize and delete at once.

Each :class:`SoakClient` thread owns a patient, a study and a series: it
uploads new files into its own series, and deletes only instances it
uploaded, so it always knows which of its instances must exist. It also runs
series jobs (modify and anonymize, synchronous) on the series of any thread,
records the series each job produced, and deletes some of them. Answers must
be 2xx, or 4xx with Orthanc's error body where a race makes the request
invalid (a job whose source instance another thread deleted meanwhile);
never a 5xx or a transport error.

:func:`verify` then checks, with no request in flight, that every
acknowledged upload not deleted is there byte for byte, every produced
series not deleted is there, every deleted resource is gone, and the index
and the storage area agree exactly.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

import httpx
import pydicom

from tests.robustness.consistency import disagreements
from tests.robustness.fuzzing import answer_problem
from tests.support.dicomgen import make_file

ROOT_UID = "1.2.826.0.1.3680043.10.6"
OPERATIONS = {  # name: weight
    "upload": 30, "read": 20, "modify_instance": 8, "anonymize_instance": 8,
    "modify_series": 6, "anonymize_series": 6, "delete_instance": 12, "delete_output": 4,
    "find": 6,
}
# Answers that a race between threads may rightly give (the resource went meanwhile).
RACE_STATUSES = frozenset({404})


@dataclass
class SoakState:
    """What the threads did, shared (under ``lock``)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    series: list[str] = field(default_factory=list)  # the threads' own series (job sources)
    outputs: dict[str, str] = field(default_factory=dict)  # produced series -> "live"/"deleted"
    failures: list[str] = field(default_factory=list)
    operations: Counter = field(default_factory=Counter)


class SoakClient(threading.Thread):
    """One client thread of the soak."""

    def __init__(self, url: str, number: int, state: SoakState, stop_at: float,
                 seed: int) -> None:
        super().__init__(name=f"soak-{number}", daemon=True)
        self.client = httpx.Client(base_url=url, timeout=60)
        self.number, self.state, self.stop_at = number, state, stop_at
        self.rng = random.Random(seed * 1000 + number)
        self.present: dict[str, bytes] = {}  # own acknowledged instances, not deleted
        self.deleted: set[str] = set()
        self.sent = 0

    # --- the loop -------------------------------------------------------------
    def run(self) -> None:
        names, weights = zip(*OPERATIONS.items(), strict=True)
        try:
            self.upload()  # every thread has a series before the others pick it
            while time.monotonic() < self.stop_at:
                name = self.rng.choices(names, weights)[0]
                getattr(self, name)()
                with self.state.lock:
                    self.state.operations[name] += 1
        except Exception as exc:  # noqa: BLE001 - reported as a failure of the soak
            self.fail(f"{type(exc).__name__}: {exc}")
        finally:
            self.client.close()

    def fail(self, message: str) -> None:
        with self.state.lock:
            self.state.failures.append(f"{self.name}: {message}")

    def call(self, method: str, path: str, *, race: bool = False, **kwargs) -> httpx.Response:
        """A request whose answer must be 2xx (or 404 when ``race``); failures recorded."""
        try:
            answer = self.client.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            self.fail(f"{method} {path}: {type(exc).__name__}")
            raise
        problem = answer_problem(answer)
        if problem or (answer.status_code >= 400 and not
                       (race and answer.status_code in RACE_STATUSES)):
            self.fail(f"{method} {path}: {problem or answer.text[:300]}")
        return answer

    # --- operations ----------------------------------------------------------------
    def upload(self) -> None:
        self.sent += 1
        series_uid = f"{ROOT_UID}.{self.number}.1"
        data = make_file(patient_id=f"SOAK{self.number}", study_uid=f"{ROOT_UID}.{self.number}",
                         series_uid=series_uid, sop_uid=f"{series_uid}.{self.sent}",
                         InstanceNumber=self.sent)
        answer = self.call("POST", "/instances", content=data)
        if answer.status_code == 200:
            body = answer.json()
            self.present[body["ID"]] = data
            with self.state.lock:
                if body["ParentSeries"] not in self.state.series:
                    self.state.series.append(body["ParentSeries"])

    def own_instance(self) -> str | None:
        return self.rng.choice(sorted(self.present)) if self.present else None

    def read(self) -> None:
        instance = self.own_instance()
        if instance is None:
            return
        answer = self.call("GET", f"/instances/{instance}/file")
        if answer.status_code == 200 and answer.content != self.present[instance]:
            self.fail(f"GET /instances/{instance}/file: not the bytes uploaded")
        tags = self.call("GET", f"/instances/{instance}/simplified-tags")
        if tags.status_code == 200 and tags.json().get("PatientID") != f"SOAK{self.number}":
            self.fail(f"GET /instances/{instance}/simplified-tags: wrong PatientID")

    def modify_instance(self) -> None:
        instance = self.own_instance()
        if instance is None:
            return
        answer = self.call("POST", f"/instances/{instance}/modify",
                           json={"Replace": {"PatientName": f"Soak^{self.sent}"}})
        if answer.status_code == 200:
            name = str(pydicom.dcmread(BytesIO(answer.content)).PatientName)
            if name != f"Soak^{self.sent}":
                self.fail(f"POST /instances/{instance}/modify: PatientName {name!r}")

    def anonymize_instance(self) -> None:
        instance = self.own_instance()
        if instance is None:
            return
        answer = self.call("POST", f"/instances/{instance}/anonymize", json={})
        if answer.status_code == 200:
            patient = str(pydicom.dcmread(BytesIO(answer.content)).PatientID)
            if patient == f"SOAK{self.number}":
                self.fail(f"POST /instances/{instance}/anonymize: PatientID kept")

    def series_job(self, action: str, body: dict) -> None:
        with self.state.lock:
            source = self.rng.choice(self.state.series)
        # Another thread may delete an instance of the source while the job runs: 404.
        answer = self.call("POST", f"/series/{source}/{action}", json=body, race=True)
        if answer.status_code == 200:
            with self.state.lock:
                self.state.outputs[answer.json()["ID"]] = "live"

    def modify_series(self) -> None:
        self.series_job("modify", {"Replace": {"SeriesDescription": f"soak {self.name}"}})

    def anonymize_series(self) -> None:
        self.series_job("anonymize", {})

    def delete_instance(self) -> None:
        instance = self.own_instance()
        if instance is None:
            return
        answer = self.call("DELETE", f"/instances/{instance}")
        if answer.status_code == 200:
            del self.present[instance]
            self.deleted.add(instance)

    def delete_output(self) -> None:
        with self.state.lock:
            live = sorted(s for s, status in self.state.outputs.items() if status == "live")
            if not live:
                return
            series = self.rng.choice(live)
            self.state.outputs[series] = "deleting"
        answer = self.call("DELETE", f"/series/{series}")
        with self.state.lock:
            self.state.outputs[series] = "deleted" if answer.status_code == 200 else "live"

    def find(self) -> None:
        answer = self.call("POST", "/tools/find", json={
            "Level": "Instance", "Query": {"PatientID": f"SOAK{self.number}"}})
        if answer.status_code == 200 and not set(self.present) <= set(answer.json()):
            self.fail("POST /tools/find: misses instances of the thread")


def run_soak(url: str, threads: int, duration: float, seed: int = 0) -> list[SoakClient]:
    """Run ``threads`` clients for ``duration`` seconds; return them once all have stopped."""
    state = SoakState()
    stop_at = time.monotonic() + duration
    clients = [SoakClient(url, n, state, stop_at, seed) for n in range(threads)]
    for client in clients:
        client.start()
    for client in clients:
        client.join()
    return clients


def verify(url: str, storage: Path, clients: list[SoakClient]) -> list[str]:
    """What is wrong after the soak (empty when nothing): see the module docstring.
    A file of the storage area that belongs to no instance is reported as
    ``file <uuid> belongs to no instance``."""
    state = clients[0].state
    problems = list(state.failures)
    with httpx.Client(base_url=url, timeout=60) as client:
        for soak in clients:
            for instance, data in soak.present.items():
                answer = client.get(f"/instances/{instance}/file")
                if answer.status_code != 200 or answer.content != data:
                    problems.append(f"acknowledged instance {instance} lost or changed")
            for instance in soak.deleted:
                if client.get(f"/instances/{instance}").status_code != 404:
                    problems.append(f"deleted instance {instance} still there")
        for series, status in state.outputs.items():
            expected = 404 if status == "deleted" else 200
            if client.get(f"/series/{series}").status_code != expected:
                problems.append(f"produced series {series} ({status}) answers otherwise")
        problems += disagreements(client, storage)
    return problems
