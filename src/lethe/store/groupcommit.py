"""Group commit: concurrent callers share one index transaction.

Each caller hands in one item and waits for its result. A caller that finds
no commit in progress becomes the leader: it takes every item waiting at that
moment (its own included, at most ``max_group``), commits them with one call,
hands each caller its result, and steps down; the callers that arrived
meanwhile form the next group. So one transaction (one log fsync) serves all
the uploads that arrived during the previous one, and a lone caller commits
at once, never waiting for a timer or for company.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


@dataclass
class _Entry(Generic[Item, Result]):
    item: Item
    done: bool = False
    result: Result | None = None
    error: BaseException | None = field(default=None)


class GroupCommit(Generic[Item, Result]):
    """Runs ``commit(items) -> results`` (one result per item, in order) for groups of
    concurrent :meth:`submit` calls. If ``commit`` raises, every caller of that group
    gets the exception."""

    def __init__(self, commit: Callable[[list[Item]], list[Result]], max_group: int = 64) -> None:
        self._commit = commit
        self._max_group = max_group
        self._waiting: list[_Entry[Item, Result]] = []
        self._committing = False
        self._changed = threading.Condition()

    def submit(self, item: Item) -> Result:
        """Commit ``item`` with whatever else is waiting; return its result."""
        entry: _Entry[Item, Result] = _Entry(item)
        with self._changed:
            self._waiting.append(entry)
            while not entry.done and self._committing:
                self._changed.wait()
            if not entry.done:
                self._committing = True
                group = self._waiting[:self._max_group]
                del self._waiting[:self._max_group]
        if not entry.done:
            self._lead(group)
        if entry.error is not None:
            raise entry.error
        return entry.result  # type: ignore[return-value]

    def _lead(self, group: list[_Entry[Item, Result]]) -> None:
        try:
            results = self._commit([entry.item for entry in group])
            for entry, result in zip(group, results, strict=True):
                entry.result = result
        except BaseException as exc:  # noqa: BLE001 - handed to every caller of the group
            for entry in group:
                entry.error = exc
        with self._changed:
            for entry in group:
                entry.done = True
            self._committing = False
            self._changed.notify_all()
