"""Nodes sharing a storage folder (PostgreSQL index, ``"Lock": false``): shared locks, the
sweep of the node that starts alone, and servers that want the folder for themselves."""

from __future__ import annotations

import json
import threading
import time
import uuid
from pathlib import Path

import pytest

from lethe.config import config_from_dict
from lethe.store.lock import LOCK_FILE, SHARED, SWEEPING, FolderInUse, OwnerLock
from lethe.store.store import Store
from tests.support.dicomgen import make_file
from tests.support.postgres import PostgresServer


def _mode(folder: Path) -> str:
    return json.loads((folder / LOCK_FILE).read_text())["mode"]


def test_the_first_node_holds_the_folder_alone_until_it_shares_it(tmp_path):
    first = OwnerLock(tmp_path, shared=True)
    try:
        assert first.exclusive and _mode(tmp_path) == SWEEPING
        first.share()
        assert not first.exclusive and _mode(tmp_path) == SHARED
        second = OwnerLock(tmp_path, shared=True)
        assert not second.exclusive
        second.release()
    finally:
        first.release()


def test_a_server_that_owns_its_folder_and_nodes_exclude_each_other(tmp_path):
    owner = OwnerLock(tmp_path)
    try:
        with pytest.raises(FolderInUse):
            OwnerLock(tmp_path, shared=True, wait=1.5)
    finally:
        owner.release()
    node = OwnerLock(tmp_path, shared=True)
    node.share()
    try:
        with pytest.raises(FolderInUse, match="and other nodes"):
            OwnerLock(tmp_path)
    finally:
        node.release()


def test_a_node_waits_for_the_sweep_of_another(tmp_path):
    sweeping = OwnerLock(tmp_path, shared=True)
    assert sweeping.exclusive
    threading.Timer(1.5, sweeping.share).start()
    started = time.monotonic()
    waiting = OwnerLock(tmp_path, shared=True)
    try:
        assert not waiting.exclusive and time.monotonic() - started >= 1.4
    finally:
        waiting.release()
        sweeping.release()


def _plant(storage: Path) -> Path:
    name = str(uuid.uuid4())
    path = storage / name[:2] / name[2:4] / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(make_file())
    return path


def test_only_a_node_alone_sweeps_the_storage(tmp_path: Path, postgres_server: PostgresServer,
                                              postgres_database: str, caplog):
    config = config_from_dict({
        "StorageDirectory": str(tmp_path),
        "PostgreSQL": postgres_server.section(postgres_database, Lock=False)})
    orphan = _plant(tmp_path)
    first = Store.open(config)
    try:
        assert not orphan.exists()  # alone: the sweep ran
        orphan = _plant(tmp_path)
        second = Store.open(config)
        try:
            assert orphan.exists()  # another node runs: no sweep, and it says why
            assert "start-up clean-up skipped" in caplog.text
            with pytest.raises(FolderInUse):
                Store.open(config, exclusive=True)  # lethe check --repair
        finally:
            second.close()
    finally:
        first.close()
