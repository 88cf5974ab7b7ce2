"""The streamed ZIP writer: readable by zipfile as it was sent, ZIP64 past 65,535 entries and
past 4 GiB, nothing held back, nothing more produced once given up."""

from __future__ import annotations

import io
import os
import time
import zipfile
import zlib

import pytest

from lethe.jobs.zipstream import CHUNK, ZipStream


class Reader(io.RawIOBase):
    """``size`` bytes of a repeated pattern, read in chunks, without holding them."""

    def __init__(self, size: int, pattern: bytes) -> None:
        self.left = size
        self.pattern = pattern
        self.closed_early = False

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        n = self.left if n < 0 else min(n, self.left)
        self.left -= n
        repeats = n // len(self.pattern) + 1
        return (self.pattern * repeats)[:n]


def test_members_are_readable_and_the_stream_is_incremental():
    stream = ZipStream()
    out = bytearray()
    content = os.urandom(3 * CHUNK)  # incompressible: each chunk read gives output
    pieces = list(stream.add_file("a/b.dcm", 3 * CHUNK, io.BytesIO(content)))
    assert pieces[0].startswith(b"PK\x03\x04")  # the local header leaves before any data
    assert len(pieces) >= 4  # the header, then after each chunk read
    for piece in pieces:
        out += piece
    out += stream.add_bytes("DICOMDIR", b"directory")
    out += stream.close()
    assert stream.size == len(out)
    with zipfile.ZipFile(io.BytesIO(bytes(out))) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == ["a/b.dcm", "DICOMDIR"]
        assert archive.read("DICOMDIR") == b"directory"
        assert archive.read("a/b.dcm") == content
        info = archive.getinfo("a/b.dcm")
        assert info.file_size == 3 * CHUNK and info.flag_bits & 0x08  # data descriptor


def test_zip64_past_65535_entries():
    stream = ZipStream()
    out = io.BytesIO()
    count = 65_600
    for n in range(count):
        out.write(stream.add_bytes(f"IMAGES/IM{n}", n.to_bytes(4, "little")))
    out.write(stream.close())
    data = out.getvalue()
    assert b"PK\x06\x06" in data[-200:]  # the ZIP64 end of central directory record
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        assert len(infos) == count
        assert archive.read(infos[-1]) == (count - 1).to_bytes(4, "little")


@pytest.mark.slow
def test_zip64_past_4_gib(tmp_path):
    """An archive of 4.1 GiB (deflate level 0, to be quick), read back by zipfile: two
    minutes, mostly writing and reading the file (``pytest -m slow``)."""
    size = (4 << 30) + (100 << 20)
    pattern = os.urandom(1 << 20)
    path = tmp_path / "big.zip"
    stream = ZipStream(compression_level=0)
    started = time.monotonic()
    with open(path, "wb") as out:
        out.write(stream.add_bytes("first.dcm", b"first"))
        for piece in stream.add_file("big.dcm", size, Reader(size, pattern)):
            out.write(piece)
        out.write(stream.add_bytes("last.dcm", b"last"))
        out.write(stream.close())
    assert path.stat().st_size > 4 << 30
    with zipfile.ZipFile(path) as archive:
        assert [i.filename for i in archive.infolist()] == ["first.dcm", "big.dcm", "last.dcm"]
        assert archive.getinfo("big.dcm").file_size == size
        assert archive.getinfo("last.dcm").header_offset > 4 << 30  # a ZIP64 offset
        assert archive.read("last.dcm") == b"last"
        crc = 0
        with archive.open("big.dcm") as member:
            while chunk := member.read(16 << 20):
                crc = zlib.crc32(chunk, crc)
        assert crc == archive.getinfo("big.dcm").CRC
    print(f"4.1 GiB archive written and read back in {time.monotonic() - started:.0f} s")


def test_abort_produces_nothing_more():
    stream = ZipStream()
    pieces = stream.add_file("x", 4 * CHUNK, Reader(4 * CHUNK, b"abc"))
    next(pieces)
    next(pieces)
    pieces.close()
    stream.abort()  # no exception, even with a member open


def test_the_compression_level_is_applied():
    data = bytes(range(256)) * 2000 + os.urandom(100_000) + b"\0" * 300_000
    sizes = []
    for level in (1, 9):
        stream = ZipStream(compression_level=level)
        out = b"".join(stream.add_file("x", len(data), io.BytesIO(data))) + stream.close()
        compressed = zipfile.ZipFile(io.BytesIO(out)).getinfo("x").compress_size
        expected = zlib.compressobj(level, zlib.DEFLATED, -15)
        assert compressed == len(expected.compress(data) + expected.flush())
        sizes.append(compressed)
    assert sizes[0] != sizes[1]
