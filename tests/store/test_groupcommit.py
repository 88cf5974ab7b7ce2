"""Group commit: concurrent callers share one commit call, each gets its own result."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from lethe.store.groupcommit import GroupCommit


class SlowCommit:
    """Records each group it commits; takes a little time so that callers pile up."""

    def __init__(self, fail_on: int | None = None) -> None:
        self.groups: list[list[int]] = []
        self.fail_on = fail_on
        self.lock = threading.Lock()

    def __call__(self, items: list[int]) -> list[str]:
        with self.lock:
            self.groups.append(list(items))
        time.sleep(0.01)
        if self.fail_on in items:
            raise RuntimeError(f"cannot commit {self.fail_on}")
        return [f"result {item}" for item in items]


def submitter(group: GroupCommit):
    """A blocking caller, as a thread of the server is."""
    return lambda item: group.submit(item).result(timeout=10)


def test_a_lone_caller_commits_at_once():
    commit = SlowCommit()
    group = GroupCommit(commit)
    started = time.perf_counter()
    assert group.submit(7).result(timeout=10) == "result 7"
    assert time.perf_counter() - started < 1.0
    assert commit.groups == [[7]]


def test_concurrent_callers_share_commits_and_get_their_own_result():
    commit = SlowCommit()
    group = GroupCommit(commit)
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(submitter(group), range(200)))
    assert results == [f"result {n}" for n in range(200)]
    committed = [item for items in commit.groups for item in items]
    assert sorted(committed) == list(range(200))  # each item exactly once
    assert len(commit.groups) < 100  # groups of several items were formed


def test_groups_never_exceed_the_limit():
    commit = SlowCommit()
    group = GroupCommit(commit, max_group=3)
    with ThreadPoolExecutor(10) as pool:
        list(pool.map(submitter(group), range(60)))
    assert max(len(items) for items in commit.groups) <= 3


def test_a_failed_commit_fails_its_group_only():
    commit = SlowCommit(fail_on=13)
    group = GroupCommit(commit)

    def submit(item: int) -> str:
        try:
            return group.submit(item).result(timeout=10)
        except RuntimeError as exc:
            return str(exc)

    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(submit, range(40)))
    failed_group = next(items for items in commit.groups if 13 in items)
    for item, result in enumerate(results):
        expected = "cannot commit 13" if item in failed_group else f"result {item}"
        assert result == expected
    assert group.submit(99).result(timeout=10) == "result 99"  # the next group commits


def test_an_error_reaches_a_lone_caller():
    group = GroupCommit(SlowCommit(fail_on=1))
    with pytest.raises(RuntimeError, match="cannot commit 1"):
        group.submit(1).result(timeout=10)


def test_submit_does_not_block_and_items_queued_meanwhile_form_one_group():
    release = threading.Event()
    groups: list[list[int]] = []

    def commit(items: list[int]) -> list[int]:
        groups.append(list(items))
        release.wait(10)
        return [item * 2 for item in items]

    group = GroupCommit(commit)
    first = group.submit(1)
    while not groups:  # the committer holds the first group
        time.sleep(0.001)
    later = [group.submit(n) for n in (2, 3, 4)]
    assert not any(future.done() for future in [first, *later])
    release.set()
    assert [future.result(timeout=10) for future in [first, *later]] == [2, 4, 6, 8]
    assert groups == [[1], [2, 3, 4]]


def test_close_commits_what_waits_then_refuses_new_items():
    commit = SlowCommit()
    group = GroupCommit(commit)
    futures = [group.submit(n) for n in range(5)]
    group.close()
    assert all(future.done() for future in futures)
    assert sorted(item for items in commit.groups for item in items) == list(range(5))
    with pytest.raises(RuntimeError, match="closed"):
        group.submit(9)


def test_a_commit_with_a_missing_result_fails_its_group():
    group = GroupCommit(lambda items: items[1:])
    with pytest.raises(RuntimeError, match="0 results committing 1 items"):
        group.submit(1).result(timeout=10)
