"""A ZIP archive produced while it is sent: Python's :mod:`zipfile` writing to a sink that
cannot seek, drained after every step.

Why :mod:`zipfile` can do this: given an output without ``tell``/``seek``, it writes each
member's local header at once, then the compressed data, then a data descriptor (CRC and
sizes, bit 3 of the flags), and finally the central directory; it uses ZIP64 records by
itself where an offset, a size or the number of entries needs them (past 4 GiB, past 65,535
entries). Nothing is ever rewritten, so every byte can leave as soon as it is written.

Memory: one chunk of input (:data:`CHUNK`) and its compressed output, plus zipfile's list of
entries for the central directory (about 100 bytes each).

Compression: deflate at level 1 (:data:`COMPRESSION_LEVEL`), where Orthanc uses level 6. On
DICOM pixel data, level 6 is 2 to 4 times slower for an archive about 1 % smaller (measured on
the sample corpus: 30 MB/s and 46.0 % of the input at level 6, 69 MB/s and 47.1 % at level 1;
on the noisy CT slices of ``benchmarks/`` ct500, 9.5 MB/s and 48.5 % against 45 MB/s and
49.0 %). The members' contents are what matters to a client, and they are the same.
"""

from __future__ import annotations

import time
import zipfile
from collections.abc import Iterator
from typing import IO, BinaryIO, cast

CHUNK = 1024 * 1024
"""Bytes of a member read (and compressed) at a time."""

COMPRESSION_LEVEL = 1
_ZIP64_HINT = 1 << 31
_LEVEL_ATTRIBUTE = ("compress_level" if "compress_level" in zipfile.ZipInfo.__slots__
                    else "_compresslevel")  # members larger than this get ZIP64 sizes in their local header


class _Sink:
    """Collects what zipfile writes until :meth:`take` drains it. It has no ``tell`` and no
    ``seek``: zipfile then streams (data descriptors, nothing rewritten)."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        """Nothing to do: the bytes stay until :meth:`take`."""

    def take(self) -> bytes:
        """Everything written since the last call."""
        out = b"".join(self._parts)
        self._parts.clear()
        return out


class ZipStream:
    """A ZIP archive written member after member; every method returns (or yields) the bytes
    of the archive produced meanwhile, to be sent in that order.

    Member names are used as given (``/``-separated, no leading ``/``); their dates are the
    local time of creation, as Orthanc sets them. Not thread-safe: one producer.
    """

    def __init__(self, compression_level: int = COMPRESSION_LEVEL) -> None:
        self._sink = _Sink()
        self._level = compression_level
        self._zip = zipfile.ZipFile(cast(IO[bytes], self._sink), mode="w",
                                    compression=zipfile.ZIP_DEFLATED, allowZip64=True,
                                    compresslevel=compression_level)
        self._member: IO[bytes] | None = None  # the member being written, if any
        self.size = 0
        """Bytes of the archive produced so far."""

    def _take(self) -> bytes:
        data = self._sink.take()
        self.size += len(data)
        return data

    def _info(self, name: str, size: int) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        # zipfile applies its own level only to members it names itself: a ZipInfo given to
        # open() carries its level (``_compresslevel``, ``compress_level`` from Python 3.13).
        setattr(info, _LEVEL_ATTRIBUTE, self._level)
        info.file_size = size  # only a hint here: zipfile decides on ZIP64 from it
        return info

    def add_file(self, name: str, size: int, source: BinaryIO) -> Iterator[bytes]:
        """Add a member read from ``source`` (``size`` bytes expected; a file that turns out
        longer or shorter is still stored whole and right). Yields the archive bytes: the
        local header at once, then the compressed data after each :data:`CHUNK` read."""
        member = self._zip.open(self._info(name, size), mode="w",
                                force_zip64=size > _ZIP64_HINT)
        self._member = member
        yield self._take()
        while True:
            chunk = source.read(CHUNK)
            if not chunk:
                break
            member.write(chunk)
            data = self._take()
            if data:
                yield data
        self._member = None
        member.close()
        yield self._take()

    def add_bytes(self, name: str, data: bytes) -> bytes:
        """Add a member held in memory; the archive bytes it produced."""
        with self._zip.open(self._info(name, len(data)), mode="w",
                            force_zip64=len(data) > _ZIP64_HINT) as member:
            member.write(data)
        return self._take()

    def close(self) -> bytes:
        """Write the central directory (ZIP64 end records when needed); the last bytes."""
        self._zip.close()
        return self._take()

    def abort(self) -> None:
        """Give up (the client went away): release what is held, produce nothing more."""
        try:
            if self._member is not None:
                self._member.close()
            self._zip.close()
        except (ValueError, OSError, RuntimeError):
            pass
        self._sink.take()
