"""Blocking work of the routes (the index, files, the engine), run off the event loop.

:func:`run_in_thread` does what Starlette's ``run_in_threadpool`` does, for less CPU:
``run_in_threadpool`` goes through anyio (a backend look-up, a capacity limiter, a cancel
scope), this goes straight to an executor: 15-20 us of CPU less per call, of the 85-100 us a
call costs (mostly the two wake-ups between threads), and a request makes one call or more.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

THREADS = 40
"""At most this many calls run at once (anyio's default for ``run_in_threadpool``); more
wait for a thread."""

_executor = ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="lethe-request")


async def run_in_thread(function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """``function(*args, **kwargs)`` in a thread, in a copy of this task's context (its
    context variables), returning its result or raising its exception.

    As with ``run_in_threadpool``, cancelling the awaiting task takes effect when the call
    has returned: what the call uses (an open file, a transaction) is never released under
    it.
    """
    loop = asyncio.get_running_loop()
    call = functools.partial(contextvars.copy_context().run, function, *args, **kwargs)
    future = loop.run_in_executor(_executor, call)
    try:
        return await asyncio.shield(future)
    except asyncio.CancelledError:
        await _finished(future)
        raise


async def _finished(future: asyncio.Future) -> None:
    """Wait until ``future`` is done, whatever cancels the waiting meanwhile."""
    while not future.done():
        try:
            await asyncio.shield(future)
        except asyncio.CancelledError:
            continue
        except BaseException:  # noqa: BLE001 - the call's own error; the caller re-raises its cancellation
            return


async def run_short(here: bool, function: Callable[P, T], *args: P.args,
                    **kwargs: P.kwargs) -> T:
    """``function(*args, **kwargs)`` run here, on the event loop, when ``here``: for short
    work that waits on nothing (reads of a local index, a small file in the page cache), a
    hop to a thread and back costs more latency (0.1-0.2 ms: two wake-ups) than the work.
    Otherwise in a thread (:func:`run_in_thread`). The work must not call hooks (their
    in-process REST calls need the event loop)."""
    if here:
        return function(*args, **kwargs)
    return await run_in_thread(function, *args, **kwargs)
