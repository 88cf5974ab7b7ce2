"""Files written without fsync and made durable together by FilesystemStorage.sync."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lethe.store import storage as storage_module
from lethe.store.storage import FilesystemStorage


def _write(area: FilesystemStorage, data: bytes, durable: bool) -> str:
    with area.writer(durable=durable) as (out, file_uuid):
        out.write(data)
    return file_uuid


def test_a_non_durable_write_is_complete_under_its_name(tmp_path: Path):
    area = FilesystemStorage(tmp_path)
    file_uuid = _write(area, b"DICM" * 100, durable=False)
    assert area.read(file_uuid) == b"DICM" * 100
    assert list(tmp_path.rglob("*.tmp")) == []
    area.sync([file_uuid])
    assert area.read(file_uuid) == b"DICM" * 100


@pytest.mark.parametrize("with_syncfs", [True, False])
def test_sync_flushes_each_file_and_folder(tmp_path: Path, monkeypatch, with_syncfs: bool):
    area = FilesystemStorage(tmp_path)
    uuids = [_write(area, bytes([n]) * 10, durable=False) for n in range(5)]
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(storage_module.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    if not with_syncfs:
        monkeypatch.setattr(storage_module, "_SYNCFS", None)
    area.sync(uuids)
    folders = {area.path(u).parent for u in uuids} | {area.path(u).parent.parent for u in uuids}
    expected = 0 if with_syncfs else len(uuids) + len(folders) + 1  # files, folders, root
    assert len(synced) == expected
    assert [area.read(u) for u in uuids] == [bytes([n]) * 10 for n in range(5)]


def test_syncing_nothing_does_nothing(tmp_path: Path, monkeypatch):
    area = FilesystemStorage(tmp_path)
    monkeypatch.setattr(storage_module, "_syncfs", lambda folder: pytest.fail("synced"))
    area.sync([])


def test_a_failed_write_leaves_nothing(tmp_path: Path):
    area = FilesystemStorage(tmp_path)
    with pytest.raises(RuntimeError), area.writer(durable=False) as (out, _):
        out.write(b"partial")
        raise RuntimeError("interrupted")
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    assert list(area.all_uuids()) == []


def test_a_durable_write_syncs_the_holder_of_each_folder_it_made(tmp_path: Path, monkeypatch):
    area = FilesystemStorage(tmp_path)
    synced: list[str] = []
    real_fsync = storage_module._fsync
    monkeypatch.setattr(storage_module, "_fsync",
                        lambda path: (synced.append(str(path)), real_fsync(path)))
    first = _write(area, b"a", durable=True)
    leaf, top = area.path(first).parent, area.path(first).parent.parent
    assert synced == [str(tmp_path), str(top), str(leaf)]  # both folders made, then the file's

    synced.clear()  # next: a new leaf folder under the existing top folder
    new_leaf = "fe" if leaf.name == "ff" else "ff"  # never the first file's own leaf
    monkeypatch.setattr(storage_module.uuid, "uuid4",
                        lambda: f"{top.name}{new_leaf}0000-0000-4000-8000-000000000000")
    second = _write(area, b"b", durable=True)
    assert area.path(second).parent == top / new_leaf
    assert synced == [str(top), str(top / new_leaf)]  # the root is not synced again
    assert area.read(second) == b"b"


def test_the_walk_sees_the_fan_out_folders_only(tmp_path: Path):
    area = FilesystemStorage(tmp_path)
    kept = [_write(area, b"x", durable=False) for _ in range(5)]
    leaf = area.path(kept[0]).parent
    (leaf / f"{kept[0][:-4]}0000.tmp").write_bytes(b"partial")  # an interrupted write
    (tmp_path / "index.sqlite").write_bytes(b"")  # beside the fan-out, not in it
    (tmp_path / "abc" / "de").mkdir(parents=True)
    (tmp_path / "abc" / "de" / "stray").write_bytes(b"")
    (leaf / "sub").mkdir()  # a folder in a leaf is no file
    assert sorted(area.all_uuids()) == sorted(kept)
    assert area.cleanup() == 1
    assert not list(leaf.glob("*.tmp"))
    assert sorted(area.all_uuids()) == sorted(kept)
    assert (tmp_path / "abc" / "de" / "stray").exists()
