"""A received file is written without fsync and made durable before the index names it."""

from __future__ import annotations

import os

import pytest

from lethe.config import config_from_dict
from lethe.errors import LetheError
from lethe.store.ingest import Origin, describe_received, write_described
from lethe.store.model import Level
from lethe.store.store import Store
from tests.support.dicomgen import make_file


@pytest.fixture
def store(tmp_path):
    opened = Store.open(config_from_dict({"StorageDirectory": str(tmp_path)}))
    yield opened
    opened.close()


def test_the_writer_of_a_received_file_does_not_sync(store: Store, monkeypatch):
    monkeypatch.setattr(os, "fsync", lambda fd: pytest.fail("the writer synced"))
    data = make_file()
    new = write_described(store.storage, describe_received(data, Origin()), data)
    assert store.storage.read(new.attachment.uuid) == data


def test_the_files_are_synced_before_the_index_commits(store: Store, monkeypatch):
    events: list[tuple[str, object]] = []
    real_sync, real_store_batch = store.storage.sync, store.index.store_batch

    def sync(file_uuids):
        file_uuids = list(file_uuids)
        events.append(("sync", file_uuids))
        real_sync(file_uuids)

    def store_batch(batch, *args, **kwargs):
        events.append(("index", [new.attachment.uuid for new in batch]))
        return real_store_batch(batch, *args, **kwargs)

    monkeypatch.setattr(store.storage, "sync", sync)
    monkeypatch.setattr(store.index, "store_batch", store_batch)
    data = make_file(patient_id="DURABLE")
    new = write_described(store.storage, describe_received(data, Origin()), data)
    result = store.index_received(new).result(timeout=30)
    assert result.status == "Success"
    assert events == [("sync", [new.attachment.uuid]), ("index", [new.attachment.uuid])]


def test_a_failed_sync_indexes_nothing_and_removes_the_file(store: Store, monkeypatch):
    def failing_sync(file_uuids):
        list(file_uuids)
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(store.storage, "sync", failing_sync)
    data = make_file(patient_id="LOST")
    new = write_described(store.storage, describe_received(data, Origin()), data)
    with pytest.raises(OSError, match="Input/output error"):
        store.index_received(new).result(timeout=30)
    assert store.index.count(Level.INSTANCE) == 0
    assert list(store.storage.all_uuids()) == []


def test_a_refused_file_is_neither_synced_nor_indexed(store: Store, monkeypatch):
    monkeypatch.setattr(store.storage, "sync", lambda uuids: pytest.fail("synced"))
    with pytest.raises(LetheError):
        store.store(b"not a DICOM file", Origin())
    assert list(store.storage.all_uuids()) == []
