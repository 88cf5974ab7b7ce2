"""Global counters handed out from blocks drawn from the index (Anonymized<N>)."""

from __future__ import annotations

import threading
from pathlib import Path

from lethe.store.sequences import BLOCK, SequenceReserve
from lethe.store.sqlite import SQLiteIndex


def test_values_follow_each_other_and_the_index_is_written_once_a_block(tmp_path: Path):
    index = SQLiteIndex(tmp_path / "index")
    reserve = SequenceReserve(index)
    assert [reserve.next("A") for _ in range(BLOCK + 3)] == list(range(1, BLOCK + 4))
    assert reserve.next("B") == 1  # counters are apart
    assert index.next_sequence("A") == 2 * BLOCK + 1  # two blocks drawn, no more


def test_a_new_server_starts_after_the_blocks_drawn_before(tmp_path: Path):
    index = SQLiteIndex(tmp_path / "index")
    assert [SequenceReserve(index).next("A") for _ in range(2)] == [1, BLOCK + 1]
    index.close()
    reopened = SQLiteIndex(tmp_path / "index")
    assert SequenceReserve(reopened).next("A") == 2 * BLOCK + 1


def test_servers_sharing_an_index_never_hand_out_the_same_value(tmp_path: Path):
    index = SQLiteIndex(tmp_path / "index")
    reserves = [SequenceReserve(index, block=4) for _ in range(3)]
    drawn: list[list[int]] = [[] for _ in range(6)]

    def draw(n: int) -> None:
        drawn[n].extend(reserves[n % 3].next("A") for _ in range(50))

    threads = [threading.Thread(target=draw, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    values = [value for part in drawn for value in part]
    assert len(set(values)) == len(values) == 300
    assert all(part == sorted(part) for part in drawn)  # increasing within a server
