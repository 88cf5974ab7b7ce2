"""Files stored compressed as Orthanc stores them (``StorageCompression``): the format, and
what a damaged file gives."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from lethe.errors import ErrorCode, LetheError
from lethe.store.model import COMPRESSION_ZLIB
from lethe.store.storage import FilesystemStorage, compress, decompress


def test_the_format_is_the_size_then_a_zlib_stream():
    data = b"DICOM " * 1000
    stored = compress(data)
    assert struct.unpack_from("<Q", stored)[0] == len(data)
    assert stored[8:] == zlib.compress(data, 6)
    assert decompress(stored) == data
    assert compress(b"") == b"" and decompress(b"") == b""  # as Orthanc: nothing at all


@pytest.mark.parametrize("damage", [lambda s: s[:-3], lambda s: s[:8] + b"junk" + s[12:],
                                    lambda s: struct.pack("<Q", 5) + s[8:], lambda s: s[:4]])
def test_a_damaged_file_is_a_corrupted_file(tmp_path: Path, damage):
    storage = FilesystemStorage(tmp_path)
    attachment = storage.write_content(b"x" * 5000, compressed=True)
    assert attachment.compression == COMPRESSION_ZLIB
    assert storage.read_content(attachment.uuid, COMPRESSION_ZLIB) == b"x" * 5000
    path = storage.path(attachment.uuid)
    path.write_bytes(damage(path.read_bytes()))
    for read in (lambda: storage.read_content(attachment.uuid, COMPRESSION_ZLIB),
                 lambda: decompress(path.read_bytes())):
        with pytest.raises(LetheError) as caught:
            read()
        assert caught.value.code is ErrorCode.CORRUPTED_FILE


def test_write_content_describes_both_forms(tmp_path: Path):
    storage = FilesystemStorage(tmp_path)
    plain = storage.write_content(b"abc", 1024)
    assert (plain.size, plain.compressed_size, plain.md5 == plain.compressed_md5) == (3, 3, True)
    packed = storage.write_content(b"abc" * 100, 1024, compressed=True, store_md5=False)
    assert packed.size == 300 and packed.compressed_size == storage.size(packed.uuid)
    assert (packed.md5, packed.compressed_md5) == ("", "")
