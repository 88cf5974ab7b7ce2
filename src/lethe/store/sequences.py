"""Values of the index's global counters, drawn a block at a time.

``Anonymized<N>`` takes the next value of a global counter for each anonymization
request. Drawing it is a write transaction, which may wait for another writer's commit (an
upload's fsync): drawn one block at a time and handed out from memory, a value costs a
write only once per block, and a short request that needs one (``/instances/{id}/anonymize``)
can run on the event loop without waiting for the disk.

Values are unique across servers sharing the index, increasing within a server; a block's
values not handed out when the server stops are skipped (the next server starts a new
block), where Orthanc skips none: the number names a patient, it counts nothing.
"""

from __future__ import annotations

import threading

from lethe.store.index import Index

BLOCK = 16
"""Values drawn from the index at a time."""


class SequenceReserve:
    """The values of each counter drawn from ``index`` and not handed out yet."""

    def __init__(self, index: Index, block: int = BLOCK) -> None:
        self._index = index
        self._block = block
        self._lock = threading.Lock()
        self._reserved: dict[str, tuple[int, int]] = {}  # name: (next value, last value)

    def next(self, name: str) -> int:
        """The next value of the counter ``name`` (1 the first time in a new index)."""
        with self._lock:
            value, last = self._reserved.get(name, (1, 0))
            if value > last:
                last = self._index.next_sequence(name, self._block)
                value = last - self._block + 1
            self._reserved[name] = (value + 1, last)
            return value
