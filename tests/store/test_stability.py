"""Stable resources: StableSeries, StableStudy and StablePatient changes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from lethe.config import config_from_dict
from lethe.store.ingest import Origin
from lethe.store.model import Level
from lethe.store.stability import StabilityMonitor
from lethe.store.store import Store
from tests.support.dicomgen import make_file


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def store(tmp_path: Path):
    store = Store.open(config_from_dict({"StorageDirectory": str(tmp_path)}))
    yield store
    store.close()


def _changes(store: Store, since: int = 0) -> list[tuple[str, str]]:
    return [(c.change_type, c.resource_id) for c in store.index.changes(since, 1000)]


def _monitored(store: Store, stable_age: float) -> tuple[StabilityMonitor, Clock]:
    clock = Clock()
    monitor = StabilityMonitor(store.index, stable_age, clock=clock)
    monitor._stopping.set()  # no thread: the test calls log_stable itself
    store.ingest.stability = monitor
    return monitor, clock


def test_a_resource_is_stable_once_nothing_was_stored_in_it_for_stable_age(store):
    monitor, clock = _monitored(store, 10)
    first = store.store(make_file(patient_id="P", study_uid="1.2.1", series_uid="1.2.1.1"),
                        Origin()).ids
    clock.now += 6
    second = store.store(make_file(patient_id="P", study_uid="1.2.1", series_uid="1.2.1.2"),
                         Origin()).ids
    since = store.index.last_change()
    clock.now += 5  # the first series is stable, the second not yet
    assert monitor.log_stable() == [first.series]
    assert monitor.log_stable() == []  # once only
    clock.now += 5
    assert monitor.log_stable() == [second.series, first.study, first.patient]
    assert _changes(store, since) == [("StableSeries", first.series),
                                      ("StableSeries", second.series),
                                      ("StableStudy", first.study),
                                      ("StablePatient", first.patient)]
    assert second.study == first.study


def test_a_deleted_resource_gets_no_stable_change(store):
    monitor, clock = _monitored(store, 1)
    ids = store.store(make_file(patient_id="P", study_uid="1.2.2"), Origin()).ids
    store.delete(ids.study, Level.STUDY)
    clock.now += 2
    assert monitor.log_stable() == []
    assert not any(kind.startswith("Stable") for kind, _ in _changes(store))


def test_an_instance_stored_again_does_not_make_it_unstable(store):
    monitor, clock = _monitored(store, 1)
    data = make_file(patient_id="P", study_uid="1.2.3")
    store.store(data, Origin())
    clock.now += 2
    assert len(monitor.log_stable()) == 3
    assert store.store(data, Origin()).status == "AlreadyStored"
    clock.now += 2
    assert monitor.log_stable() == []


def test_the_monitor_thread_logs_the_changes(tmp_path: Path):
    store = Store.open(config_from_dict({"StorageDirectory": str(tmp_path), "StableAge": 0}))
    ids = store.store(make_file(patient_id="P", study_uid="1.2.4"), Origin()).ids
    for _ in range(100):
        if len(_changes(store)) == 7:
            break
        time.sleep(0.05)
    assert _changes(store)[4:] == [("StableSeries", ids.series), ("StableStudy", ids.study),
                                   ("StablePatient", ids.patient)]
    store.close()
    assert not store.stability._thread.is_alive()
