"""Received files parsed in the worker pool give the same result as parsed in-process."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pydicom.data import get_testdata_file

from lethe.config import config_from_dict
from lethe.errors import ErrorCode, LetheError
from lethe.jobs import receive
from lethe.jobs.pool import WorkerPool
from lethe.jobs.receive import store_archive
from lethe.store.ingest import IngestResult, Origin
from lethe.store.model import Level
from lethe.store.store import Store

ORIGIN = Origin("RestApi", "127.0.0.1", "alice")


@pytest.fixture(scope="module")
def pool():
    workers = WorkerPool(2)
    yield workers
    workers.shutdown()


def _store(path: Path) -> Store:
    return Store.open(config_from_dict({"StorageDirectory": str(path)}))


def store_received(store: Store, pool: WorkerPool, data: bytes, origin: Origin) -> IngestResult:
    """``POST /instances`` of ``data``, from an event loop."""
    return asyncio.run(receive.receive(store, pool, data, origin))


@pytest.mark.parametrize("name", ["CT_small.dcm", "MR_small.dcm", "rtplan.dcm"])
def test_pool_and_in_process_parsing_store_the_same(tmp_path: Path, pool, name: str):
    data = Path(get_testdata_file(name)).read_bytes()
    in_pool, in_process = _store(tmp_path / "a"), _store(tmp_path / "b")
    first = store_received(in_pool, pool, data, ORIGIN)
    second = in_process.store(data, ORIGIN)
    assert first.to_json() == second.to_json()
    assert first.status == "Success"
    for level in Level:
        rid = first.to_json()[{Level.PATIENT: "ParentPatient", Level.STUDY: "ParentStudy",
                               Level.SERIES: "ParentSeries", Level.INSTANCE: "ID"}[level]]
        assert in_pool.index.main_tags(rid) == in_process.index.main_tags(rid)
    metadata = in_pool.index.metadata(first.ids.instance)
    other = in_process.index.metadata(first.ids.instance)
    assert metadata.keys() == other.keys()
    assert {k: v for k, v in metadata.items() if k != "ReceptionDate"} == \
        {k: v for k, v in other.items() if k != "ReceptionDate"}
    assert in_pool.read_file(first.ids.instance) == data
    assert store_received(in_pool, pool, data, ORIGIN).status == "AlreadyStored"


def test_a_broken_file_is_refused_by_the_worker(tmp_path: Path, pool):
    area = _store(tmp_path)
    with pytest.raises(LetheError) as refused:
        store_received(area, pool, b"\0" * 128 + b"DICM" + b"\x02\x00" * 50, ORIGIN)
    assert refused.value.code is ErrorCode.BAD_FILE_FORMAT
    assert area.check() == (set(), set()) and area.index.count(Level.INSTANCE) == 0


def test_a_large_file_is_parsed_in_process(tmp_path: Path, pool, monkeypatch):
    data = Path(get_testdata_file("CT_small.dcm")).read_bytes()
    monkeypatch.setattr(receive, "POOL_PARSE_LIMIT", len(data) - 1)
    monkeypatch.setattr(pool, "submit", lambda *args: pytest.fail("sent to the pool"))
    monkeypatch.setattr(pool, "run", lambda *args: pytest.fail("sent to the pool"))
    assert store_received(_store(tmp_path), pool, data, ORIGIN).status == "Success"


def test_an_archive_is_stored_all_or_nothing(tmp_path: Path, pool):
    good = [(name, Path(get_testdata_file(name)).read_bytes())
            for name in ("CT_small.dcm", "MR_small.dcm")]
    area = _store(tmp_path)
    with pytest.raises(LetheError) as refused:
        store_archive(area, pool, [good[0], ("broken.dcm", b"garbage"), good[1]], ORIGIN)
    assert refused.value.code is ErrorCode.BAD_FILE_FORMAT
    assert refused.value.details.startswith('ZIP member "broken.dcm": ')
    assert area.index.count(Level.INSTANCE) == 0 and area.check() == (set(), set())
    results = store_archive(area, pool, good, ORIGIN)
    assert [r.status for r in results] == ["Success", "Success"]
    assert [area.read_file(r.ids.instance) for r in results] == [content for _, content in good]


def test_the_event_loop_path_stores_as_the_threaded_one(tmp_path: Path, pool):
    data = Path(get_testdata_file("MR_small.dcm")).read_bytes()
    in_loop, threaded = _store(tmp_path / "a"), _store(tmp_path / "b")
    first = asyncio.run(receive.receive(in_loop, pool, data, ORIGIN))
    assert first.to_json() == threaded.store(data, ORIGIN).to_json()
    assert first.status == "Success" and in_loop.read_file(first.ids.instance) == data
    again = asyncio.run(receive.receive(in_loop, pool, data, ORIGIN))
    assert again.status == "AlreadyStored"
    assert in_loop.check() == (set(), set())  # the second copy was written, then deleted


def test_the_event_loop_path_refuses_a_broken_file(tmp_path: Path, pool):
    area = _store(tmp_path)
    with pytest.raises(LetheError) as refused:
        asyncio.run(receive.receive(area, pool, b"\0" * 128 + b"DICM" + b"garbage", ORIGIN))
    assert refused.value.code is ErrorCode.BAD_FILE_FORMAT
    assert area.check() == (set(), set()) and area.index.count(Level.INSTANCE) == 0


def test_a_cancelled_upload_is_still_indexed_and_leaves_no_orphan(tmp_path: Path, pool):
    data = Path(get_testdata_file("CT_small.dcm")).read_bytes()
    area = _store(tmp_path)

    async def cancel_while_the_worker_writes() -> None:
        upload = asyncio.ensure_future(receive.receive(area, pool, data, ORIGIN))
        await asyncio.sleep(0)  # the file is in the worker's hands
        upload.cancel()
        with pytest.raises(asyncio.CancelledError):
            await upload
        while area.index.count(Level.INSTANCE) == 0:  # the upload goes on without its client
            await asyncio.sleep(0.01)

    asyncio.run(asyncio.wait_for(cancel_while_the_worker_writes(), timeout=30))
    assert area.check() == (set(), set())
