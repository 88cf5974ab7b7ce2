"""Direct channels from the event loop to the worker processes."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from concurrent.futures.process import BrokenProcessPool

import pytest

from lethe.errors import ErrorCode, LetheError
from lethe.jobs import channel
from lethe.jobs.channel import WorkerGone
from lethe.jobs.pool import WorkerPool


def _square_and_pid(value: int) -> tuple[int, int]:
    return value * value, os.getpid()


def _refuse(details: str) -> None:
    raise LetheError(ErrorCode.BAD_FILE_FORMAT, details)


class _Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("cannot pickle this")


def _raise_unpicklable() -> None:
    raise _Unpicklable("details")


def _stop_this_worker() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


@pytest.fixture
def pool():
    workers = WorkerPool(2, channels=True)
    workers.warm_up()
    yield workers
    workers.shutdown()


async def _connected(pool: WorkerPool, count: int) -> None:
    """Serve the channels on this loop and wait until ``count`` workers are connected."""
    await pool.serve_channels()
    for _ in range(1000):
        if len(pool._channels.connected) >= count:
            return
        await asyncio.sleep(0.01)
    pytest.fail("the workers did not connect")


def test_tasks_go_over_the_channels_and_each_gets_its_own_answer(pool, monkeypatch):
    async def scenario() -> list[tuple[int, int]]:
        await _connected(pool, 2)
        monkeypatch.setattr(pool, "submit", lambda *args: pytest.fail("used the process pool"))
        return await asyncio.gather(*(pool.run(_square_and_pid, n) for n in range(300)))

    answers = asyncio.run(scenario())
    assert [square for square, _ in answers] == [n * n for n in range(300)]
    assert len({pid for _, pid in answers}) == 2  # both workers took tasks
    assert os.getpid() not in {pid for _, pid in answers}


def test_an_exception_comes_back_as_raised(pool):
    async def scenario() -> None:
        await _connected(pool, 2)
        with pytest.raises(LetheError) as refused:
            await pool.run(_refuse, "the details")
        assert refused.value.code is ErrorCode.BAD_FILE_FORMAT
        assert refused.value.details == "the details"
        with pytest.raises(LetheError) as internal:
            await pool.run(_raise_unpicklable)
        assert internal.value.code is ErrorCode.INTERNAL_ERROR
        assert "_Unpicklable" in internal.value.details
        assert (await pool.run(_square_and_pid, 3))[0] == 9

    asyncio.run(scenario())


def test_a_worker_that_dies_fails_its_task_and_a_new_pool_takes_over(pool):
    async def scenario() -> None:
        await _connected(pool, 2)
        first = await pool.run(_square_and_pid, 2)
        with pytest.raises(WorkerGone):
            await pool.run(_stop_this_worker)
        for _ in range(1000):  # the process pool, broken, stops the other worker too
            if not pool._channels.connected:
                break
            await asyncio.sleep(0.01)
        square, pid = await pool.run(_square_and_pid, 4)  # a new pool is started
        assert square == 16 and pid != first[1]
        for _ in range(1000):  # whose workers connect to the channel in turn
            if len(pool._channels.connected) == 2:
                break
            await asyncio.sleep(0.01)
        assert len(pool._channels.connected) == 2

    asyncio.run(scenario())


def test_threads_get_a_new_pool_after_a_worker_died():
    workers = WorkerPool(2)
    try:
        with pytest.raises(BrokenProcessPool):
            workers.submit(_stop_this_worker).result(timeout=30)
        assert workers.submit(_square_and_pid, 7).result(timeout=30)[0] == 49
    finally:
        workers.shutdown()


def test_without_a_serving_loop_the_process_pool_runs_the_task(pool):
    async def scenario() -> tuple[int, int]:
        return await pool.run(_square_and_pid, 5)  # serve_channels never ran on this loop

    assert asyncio.run(scenario())[0] == 25
    assert pool.submit(_square_and_pid, 6).result(timeout=30)[0] == 36


def test_a_waiting_thread_runs_its_task_over_the_loops_channels(pool, monkeypatch):
    async def scenario() -> list[tuple[int, int]]:
        await _connected(pool, 2)
        monkeypatch.setattr(pool, "submit", lambda *args: pytest.fail("used the process pool"))
        return await asyncio.gather(*(asyncio.to_thread(pool.run_blocking, _square_and_pid, n)
                                      for n in range(20)))

    answers = asyncio.run(scenario())
    assert [square for square, _ in answers] == [n * n for n in range(20)]
    assert os.getpid() not in {pid for _, pid in answers}


def test_a_waiting_thread_gets_the_exception_of_its_task(pool):
    async def scenario() -> None:
        await _connected(pool, 1)
        with pytest.raises(LetheError, match="not DICOM"):
            await asyncio.to_thread(pool.run_blocking, _refuse, "not DICOM")

    asyncio.run(scenario())


def test_a_waiting_thread_without_a_serving_loop_uses_the_process_pool(pool):
    assert pool.run_blocking(_square_and_pid, 8)[0] == 64


def _fail_to_load() -> None:
    raise ValueError("cannot be rebuilt here")


class _Unloadable:
    """Pickles in the server, fails to unpickle in the worker."""

    def __reduce__(self):
        return _fail_to_load, ()


def test_a_task_that_cannot_be_unpickled_fails_alone(pool):
    async def scenario() -> None:
        await _connected(pool, 2)
        with pytest.raises(ValueError, match="cannot be rebuilt here"):
            await pool.run(_square_and_pid, _Unloadable())
        assert (await pool.run(_square_and_pid, 8))[0] == 64
        assert len(pool._channels.connected) == 2  # the channels stay open

    asyncio.run(scenario())


def _reading_validation_mode() -> int:
    import pydicom.config

    return pydicom.config.settings.reading_validation_mode


def test_workers_read_without_pydicom_value_validation(pool):
    import pydicom.config

    assert pool.submit(_reading_validation_mode).result(timeout=30) == pydicom.config.IGNORE
    assert pydicom.config.settings.reading_validation_mode != pydicom.config.IGNORE  # here


def _dead_pid() -> int:
    """The process ID of a child that has exited (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_folders_of_servers_that_no_longer_run_are_removed(tmp_path):
    dead = tmp_path / f"{channel.FOLDER_PREFIX}{_dead_pid()}-abc"
    (dead / "inner").mkdir(parents=True)
    (dead / "channel").write_bytes(b"")
    alive = tmp_path / f"{channel.FOLDER_PREFIX}{os.getpid()}-def"
    alive.mkdir()
    unrelated = [tmp_path / f"{channel.FOLDER_PREFIX}xyz", tmp_path / "other-123-abc"]
    for folder in unrelated:
        folder.mkdir()
    assert channel.remove_stale_folders(str(tmp_path)) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [alive.name] + [f.name for f in unrelated])


def test_a_channel_server_names_its_folder_after_its_process():
    server = channel.ChannelServer()
    try:
        folder = os.path.basename(os.path.dirname(server.address))
        assert channel._owner_pid(folder) == os.getpid()
        assert os.stat(os.path.dirname(server.address)).st_mode & 0o777 == 0o700
    finally:
        server.close()
    assert not os.path.exists(os.path.dirname(server.address))
