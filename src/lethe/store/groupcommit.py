"""Group commit: concurrent callers share one index transaction.

Each caller hands in one item and gets a future of its result. One committer
thread takes every item waiting (at most ``max_group``), commits them with one
call, and resolves each item's future; the items that arrived meanwhile form
the next group. So one transaction (one log fsync) serves all the uploads
that arrived during the previous one, and a lone item is committed at once,
never waiting for a timer or for company.

Callers never block in :meth:`GroupCommit.submit`: a thread waits with
``future.result()``, the event loop with ``asyncio.wrap_future``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class GroupCommit(Generic[Item, Result]):
    """Runs ``commit(items) -> results`` (one result per item, in order) for groups of
    concurrent :meth:`submit` calls, in one committer thread started on first use. If
    ``commit`` raises, every item of that group gets the exception; a result that is an
    exception is raised to the caller of that item alone."""

    def __init__(self, commit: Callable[[list[Item]], Sequence[Result | BaseException]],
                 max_group: int = 64,
                 name: str = "group-commit") -> None:
        self._commit = commit
        self._max_group = max_group
        self._name = name
        self._waiting: list[tuple[Item, Future[Result]]] = []
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None
        self._closed = False

    def submit(self, item: Item) -> Future[Result]:
        """Queue ``item`` for the next group; its future has the item's result."""
        future: Future[Result] = Future()
        with self._changed:
            if self._closed:
                raise RuntimeError("the group commit is closed")
            self._waiting.append((item, future))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                self._thread.start()
            self._changed.notify()
        return future

    def close(self) -> None:
        """Commit what is waiting, then stop the committer thread."""
        with self._changed:
            self._closed = True
            thread, self._thread = self._thread, None
            self._changed.notify()
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        while True:
            with self._changed:
                while not self._waiting and not self._closed:
                    self._changed.wait()
                if not self._waiting:
                    return
                group = self._waiting[:self._max_group]
                del self._waiting[:self._max_group]
            self._commit_group(group)

    def _commit_group(self, group: list[tuple[Item, Future[Result]]]) -> None:
        try:
            results = self._commit([item for item, _ in group])
            if len(results) != len(group):
                raise RuntimeError(f"{len(results)} results committing {len(group)} items")
        except BaseException as exc:  # noqa: BLE001 - handed to every caller of the group
            for _, future in group:
                future.set_exception(exc)
            return
        for (_, future), result in zip(group, results, strict=True):
            if isinstance(result, BaseException):  # this item alone failed
                future.set_exception(result)
            else:
                future.set_result(result)
