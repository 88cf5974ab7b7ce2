"""Direct channels from the event loop to the worker processes."""

from __future__ import annotations

import asyncio
import os
import signal
from concurrent.futures.process import BrokenProcessPool

import pytest

from lethe.errors import ErrorCode, LetheError
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
