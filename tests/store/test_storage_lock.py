"""One owner per storage: the folder lock of :mod:`lethe.store.lock`, and a check that only reads."""

from __future__ import annotations

import fcntl
import json
import os
import uuid
from pathlib import Path

import pytest

from lethe.api.app import create_app
from lethe.config import config_from_dict
from lethe.store.ingest import Origin
from lethe.store.lock import LOCK_FILE, FolderInUse, OwnerLock
from lethe.store.store import Store
from tests.support.dicomgen import make_file


def _config(storage: Path, **options):
    return config_from_dict({"StorageDirectory": str(storage), **options})


def _plant(storage: Path, name: str, age: float = 0.0) -> Path:
    """A file in the storage area, as a write in flight (or a crash) leaves it; ``age``
    seconds old."""
    path = storage / name[:2] / name[2:4] / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(make_file())
    if age:
        moment = path.stat().st_mtime - age
        os.utime(path, (moment, moment))
    return path


def test_a_second_owner_is_refused_naming_the_folder_and_the_holder(tmp_path):
    owner = Store.open(_config(tmp_path))
    try:
        with pytest.raises(FolderInUse) as refused:
            Store.open(_config(tmp_path))
        message = str(refused.value)
        assert str(tmp_path.resolve()) in message and f"process {os.getpid()}" in message
        assert "\n" not in message
        signed = json.loads((tmp_path / LOCK_FILE).read_text())
        assert signed["pid"] == os.getpid() and signed["host"] and "command" in signed
    finally:
        owner.close()
    Store.open(_config(tmp_path)).close()  # released with the store


def test_a_refused_open_touches_nothing(tmp_path):
    owner = Store.open(_config(tmp_path))
    try:
        in_flight = [_plant(tmp_path, f"{uuid.uuid4()}.tmp"), _plant(tmp_path, str(uuid.uuid4()))]
        with pytest.raises(FolderInUse):
            Store.open(_config(tmp_path))
        assert all(path.exists() for path in in_flight)
    finally:
        owner.close()


def test_the_index_folder_is_owned_too(tmp_path):
    owner = Store.open(_config(tmp_path / "a", IndexDirectory=str(tmp_path / "index")))
    try:
        with pytest.raises(FolderInUse, match=str(tmp_path / "index")):
            Store.open(_config(tmp_path / "b", IndexDirectory=str(tmp_path / "index")))
        Store.open(_config(tmp_path / "b")).close()  # the lock taken on b was given back
    finally:
        owner.close()


def test_two_apps_on_one_folder(tmp_path):
    from starlette.testclient import TestClient

    loopback = ("127.0.0.1", 50000)
    with TestClient(create_app(_config(tmp_path)), client=loopback) as client:
        assert client.get("/system").status_code == 200
        with pytest.raises(FolderInUse):
            create_app(_config(tmp_path))
    # The first one shut down, which gave the folder back.
    with TestClient(create_app(_config(tmp_path)), client=loopback) as client:
        assert client.get("/system").status_code == 200


def test_a_holder_that_has_not_signed_yet(tmp_path):
    descriptor = os.open(tmp_path / LOCK_FILE, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        with pytest.raises(FolderInUse, match="another process"):
            OwnerLock(tmp_path)
    finally:
        os.close(descriptor)


def test_check_only_reads_and_leaves_recent_files_out(tmp_path):
    owner = Store.open(_config(tmp_path))
    try:
        owner.store(make_file(), Origin())
        temporary = _plant(tmp_path, f"{uuid.uuid4()}.tmp")
        recent = _plant(tmp_path, str(uuid.uuid4()))
        old = _plant(tmp_path, str(uuid.uuid4()), age=3600)
        reader = Store.open_for_reading(_config(tmp_path))  # beside the owner
        try:
            assert reader.check(settle=10) == ({old.name}, set())
            assert reader.check() == ({old.name, recent.name}, set())
            assert reader.temporary_files() == [temporary.name]
        finally:
            reader.close()
        assert temporary.exists() and recent.exists() and old.exists()
    finally:
        owner.close()


def test_check_looks_again_at_what_changed_meanwhile(tmp_path, monkeypatch):
    store = Store.open(_config(tmp_path))
    try:
        attachment = store.attachment(store.store(make_file(), Origin()).ids.instance)
        assert attachment is not None
        vanished = str(uuid.uuid4())  # a row deleted with its file meanwhile
        answers = iter([{vanished}, {attachment.uuid}])  # read before the commit, then after
        monkeypatch.setattr(store.index, "all_attachment_uuids", lambda: next(answers))
        assert store.check() == (set(), set())
    finally:
        store.close()


def test_reading_needs_an_existing_store(tmp_path):
    with pytest.raises(FileNotFoundError, match="StorageDirectory"):
        Store.open_for_reading(_config(tmp_path / "absent"))
    (tmp_path / "storage").mkdir()
    with pytest.raises(FileNotFoundError, match="IndexDirectory"):
        Store.open_for_reading(_config(tmp_path / "storage"))
    assert list((tmp_path / "storage").iterdir()) == []  # nothing created
