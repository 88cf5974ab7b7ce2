"""Nodes sharing an index: heartbeats, the leader, and stable resources logged once
whichever node stored the instances (:mod:`lethe.store.nodes`)."""

from __future__ import annotations

import time
from pathlib import Path

from lethe.config import config_from_dict
from lethe.store.ingest import Origin
from lethe.store.model import Level
from lethe.store.storage import FilesystemStorage
from lethe.store.store import Store, open_index
from tests.support.dicomgen import make_file


def beat(nodes: list[Store]) -> None:
    """A heartbeat of each node, twice: each one then knows of all the others."""
    for _ in range(2):
        for node in nodes:
            assert node.membership is not None
            node.membership.beat()


def _node(tmp_path: Path) -> Store:
    config = config_from_dict({"StorageDirectory": str(tmp_path)})
    return Store(open_index(config), FilesystemStorage(tmp_path), False, stable_age=0.3,
                 shared=True)


def test_one_leader_logs_the_stable_resources_that_any_node_stored(tmp_path):
    nodes = [_node(tmp_path), _node(tmp_path)]
    try:
        beat(nodes)
        leaders = [node for node in nodes if node.membership and node.membership.is_leader]
        assert len(leaders) == 1
        follower = next(node for node in nodes if node is not leaders[0])
        stored = follower.store(make_file(), Origin())  # stored by the node that is not leader
        beat(nodes)  # both follow the change log
        deadline = time.monotonic() + 5
        stable: list[str] = []
        while time.monotonic() < deadline and len(stable) < 3:
            time.sleep(0.1)
            stable = [c.change_type for c in follower.changes(0, 100)
                      if c.change_type.startswith("Stable")]
        assert stable == ["StableSeries", "StableStudy", "StablePatient"]
        time.sleep(1.5)  # the other monitor let them go without a second change
        assert [c.change_type for c in follower.changes(0, 100)
                if c.change_type.startswith("Stable")] == stable
        assert stored.ids.instance in follower.list_ids(Level.INSTANCE)
    finally:
        for node in nodes:
            node.close()


def test_a_node_that_stops_leaves_and_the_other_becomes_leader(tmp_path):
    first, second = _node(tmp_path), _node(tmp_path)
    try:
        assert first.membership is not None and second.membership is not None
        beat([first, second])
        before = {first.membership.is_leader, second.membership.is_leader}
        assert before == {True, False}
        leader, other = (first, second) if first.membership.is_leader else (second, first)
        assert leader.membership is not None and other.membership is not None
        leader.membership.start()
        leader.membership.stop()  # leaves the nodes table
        other.membership.beat()
        assert other.membership.is_leader
    finally:
        first.close()
        second.close()
