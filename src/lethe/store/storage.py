"""The storage area: one file per attachment on the filesystem.

Files are named by a random UUID in a two-level folder fan-out
(``ab/cd/abcd....``), as Orthanc does. A write goes to a temporary name in the
final folder and is renamed into place once complete; then the file is fsync'd,
and its folder (and the holder of any folder made for it), so a file that
:meth:`FilesystemStorage.write` returned is durable, content and name. Syncing
after the rename lets one journal commit hold the content and the names, where a
sync before it would need two or three (measured on ext4: a durable write of a small
file 25 to 35 % faster). A crash before the syncs end leaves a file that no index
row names (it is indexed only after them), which :meth:`cleanup` and the start-up
remove, as temporary files left by a crash, which end in ``.tmp``.

Many files written at once (a job's batch) are written without fsync
(``writer(durable=False)``) and made durable together by :meth:`sync`, one
``syncfs`` for the whole batch instead of two fsyncs per file.

With ``StorageCompression``, a file holds its content as Orthanc stores it
(``ZlibWithSize``): the size of the content, 8 bytes little-endian, then the
content compressed by zlib (:func:`compress`); :meth:`FilesystemStorage.open_content`
reads either form back.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import hashlib
import os
import struct
import tempfile
import time
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, cast

from lethe.errors import ErrorCode, LetheError
from lethe.store.model import COMPRESSION_NONE, COMPRESSION_ZLIB, Attachment

TMP_SUFFIX = ".tmp"
COPY_CHUNK = 1024 * 1024
ZLIB_LEVEL = 6  # Orthanc's (zlib's default)
SIZE_HEADER = struct.Struct("<Q")
SPOOL_IN_MEMORY = 32 * 1024 * 1024


def compress(data: bytes) -> bytes:
    """``data`` as Orthanc's ``ZlibWithSize`` stores it: its size (8 bytes, little-endian),
    then its zlib stream. Empty data stays empty, as in Orthanc."""
    if not data:
        return b""
    return SIZE_HEADER.pack(len(data)) + zlib.compress(data, ZLIB_LEVEL)


def decompress(stored: bytes) -> bytes:
    """The content of a file written by :func:`compress`; :class:`LetheError`
    ``CORRUPTED_FILE`` when it is not such a file."""
    if not stored:
        return b""
    with _corrupted_unless_valid():
        size = SIZE_HEADER.unpack_from(stored)[0]
        data = zlib.decompress(stored[SIZE_HEADER.size:])
        if len(data) != size:
            raise ValueError("size mismatch")
    return data


@contextmanager
def _corrupted_unless_valid() -> Iterator[None]:
    try:
        yield
    except (ValueError, struct.error, zlib.error):
        raise LetheError(ErrorCode.CORRUPTED_FILE,
                         "a compressed file of the storage area is corrupted") from None


def content_attachment(file_uuid: str, data: bytes, stored: bytes, content_type: int,
                       compressed: bool, store_md5: bool = True) -> Attachment:
    """The attachment of ``data`` stored as ``stored`` under ``file_uuid`` (compressed or
    not); without ``store_md5`` (Orthanc's ``StoreMD5ForAttachments`` false), its MD5s
    are left empty."""
    md5 = hashlib.md5(data).hexdigest() if store_md5 else ""
    if not compressed:
        return Attachment(file_uuid, len(data), md5, content_type)
    stored_md5 = hashlib.md5(stored).hexdigest() if store_md5 else ""
    return Attachment(file_uuid, len(data), md5, content_type, len(stored), stored_md5,
                      COMPRESSION_ZLIB)


class FilesystemStorage:
    """Attachments stored as files under ``root``."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self._root = str(self.root)

    def path(self, file_uuid: str) -> Path:
        """Where the file of ``file_uuid`` lives (it may not exist)."""
        if len(file_uuid) != 36 or not all(c in "0123456789abcdef-" for c in file_uuid):
            raise ValueError(f"not a storage UUID: {file_uuid!r}")
        return self.root / file_uuid[0:2] / file_uuid[2:4] / file_uuid

    @contextmanager
    def writer(self, durable: bool = True,
               file_uuid: str | None = None) -> Iterator[tuple[BinaryIO, str]]:
        """A new file to write into, and its UUID (``file_uuid`` if given: a UUID drawn
        and reserved beforehand, :meth:`lethe.store.store.Store.reserve_outputs`).

        The file becomes visible under its UUID, complete, when the ``with``
        block ends without an exception; otherwise nothing is left behind. It
        is durable then too, unless ``durable`` is false: the caller must then
        :meth:`sync` it before anything refers to it.
        """
        # Plain strings and os calls: this runs for every file a job writes.
        file_uuid = file_uuid or str(uuid.uuid4())
        folder = os.path.join(self._root, file_uuid[0:2], file_uuid[2:4])
        final = os.path.join(folder, file_uuid)
        tmp = final + TMP_SUFFIX
        made: list[str] = []  # the holders of the folders made here, whose names need a sync
        renamed = False
        try:
            with self._create(tmp, folder, made) as out:
                yield out, file_uuid
                out.flush()
                os.replace(tmp, final)
                renamed = True
                if durable:  # after the rename: one journal commit holds the content and
                    os.fsync(out.fileno())  # the names (the folders' fsyncs find it done)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(final if renamed else tmp)
            raise
        if durable:
            for holder in (*made, folder):
                _fsync(holder)

    def _create(self, tmp: str, folder: str, made: list[str]) -> BinaryIO:
        """Open the new file ``tmp`` in ``folder``, creating the fan-out folders the first
        time (the holder of each folder made is added to ``made``)."""
        try:
            return open(tmp, "w+b")  # noqa: SIM115 - the caller closes it
        except FileNotFoundError:
            self._make_folders(folder, made)
            return open(tmp, "w+b")  # noqa: SIM115

    def _make_folders(self, folder: str, made: list[str]) -> None:
        """Create ``folder`` and its parent (either may exist, made meanwhile by another
        writer); add to ``made`` the folder holding each one made here (the parent, the root
        for the parent), which a durable write fsyncs to make the new name durable.

        A folder made by another writer is made durable by that writer, a few system calls
        after it appeared: the window in which a power loss could lose a folder both saw is
        that short, as for any folder found existing.
        """
        parent = os.path.dirname(folder)
        for path, holder in ((parent, self._root), (folder, parent)):
            try:
                os.mkdir(path)
            except FileExistsError:
                continue
            made.append(holder)

    def sync(self, file_uuids: Iterable[str]) -> None:
        """Make files written with ``writer(durable=False)`` durable, content and name.

        One ``syncfs`` of the storage area's filesystem where the system has it;
        otherwise an fsync of each file and of each folder on the way to it.
        """
        file_uuids = list(file_uuids)
        if not file_uuids:
            return
        if _SYNCFS is not None:
            _syncfs(self.root)
            return
        folders: set[Path] = {self.root}
        for file_uuid in file_uuids:
            path = self.path(file_uuid)
            _fsync(path)
            folders.update((path.parent, path.parent.parent))
        for folder in sorted(folders, reverse=True):  # the deepest first
            _fsync(folder)

    def write(self, chunks: bytes | Iterable[bytes], durable: bool = True,
              file_uuid: str | None = None) -> str:
        """Store ``chunks`` under a new UUID (or ``file_uuid``) and return it; durably unless
        ``durable`` is false (see :meth:`writer`)."""
        with self.writer(durable, file_uuid) as (out, file_uuid):
            if isinstance(chunks, bytes | bytearray | memoryview):
                out.write(chunks)
            else:
                for chunk in chunks:
                    out.write(chunk)
        return file_uuid

    def write_content(self, data: bytes, content_type: int = 1, *, compressed: bool = False,
                      store_md5: bool = True, durable: bool = True,
                      file_uuid: str | None = None) -> Attachment:
        """Store ``data`` under a new UUID (or ``file_uuid``), compressed (:func:`compress`)
        or as it is; durably unless ``durable`` is false (see :meth:`writer`). Its
        attachment, with MD5s unless not ``store_md5``."""
        stored = compress(data) if compressed else data
        file_uuid = self.write(stored, durable, file_uuid)
        return content_attachment(file_uuid, data, stored, content_type, compressed,
                                  store_md5)

    def open_content(self, file_uuid: str, compression: int = COMPRESSION_NONE) -> BinaryIO:
        """Open the content of ``file_uuid`` for reading: the file itself, or for a
        compressed file its content, inflated into a temporary file (in memory up to
        32 MiB). FileNotFoundError if absent; :class:`LetheError` ``CORRUPTED_FILE``
        for a compressed file that cannot be inflated."""
        source = self.open(file_uuid)
        if compression == COMPRESSION_NONE:
            return source
        out = cast(BinaryIO, tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY))  # noqa: SIM115
        try:
            with source, _corrupted_unless_valid():
                header = source.read(SIZE_HEADER.size)
                if header:
                    size = SIZE_HEADER.unpack(header)[0]
                    inflater = zlib.decompressobj()
                    while chunk := source.read(COPY_CHUNK):
                        out.write(inflater.decompress(chunk))
                    out.write(inflater.flush())
                    if not inflater.eof or out.tell() != size:
                        raise ValueError("truncated")
        except BaseException:
            out.close()
            raise
        out.seek(0)
        return out

    def read_content(self, file_uuid: str, compression: int = COMPRESSION_NONE) -> bytes:
        """The whole content of ``file_uuid`` (inflated if compressed)."""
        with self.open_content(file_uuid, compression) as fp:
            return fp.read()

    def write_from(self, source: BinaryIO) -> str:
        """Store the rest of the binary stream ``source``; return the new UUID."""
        return self.write(iter(lambda: source.read(COPY_CHUNK), b""))

    def open(self, file_uuid: str) -> BinaryIO:
        """Open the file of ``file_uuid`` for reading (FileNotFoundError if absent)."""
        return open(self.path(file_uuid), "rb")

    def read(self, file_uuid: str) -> bytes:
        """The whole content of ``file_uuid``."""
        return self.path(file_uuid).read_bytes()

    def size(self, file_uuid: str) -> int:
        """Size in bytes of ``file_uuid``."""
        return self.path(file_uuid).stat().st_size

    def delete(self, file_uuid: str) -> None:
        """Remove the file of ``file_uuid``; absent files are ignored."""
        self.path(file_uuid).unlink(missing_ok=True)

    def all_uuids(self) -> Iterator[str]:
        """The UUIDs of every complete file in the storage area."""
        for entry in self._files():
            if not entry.name.endswith(TMP_SUFFIX):
                yield entry.name

    def age(self, file_uuid: str) -> float | None:
        """Seconds since ``file_uuid`` was last written (never negative); None if absent."""
        try:
            return max(0.0, time.time() - self.path(file_uuid).stat().st_mtime)
        except FileNotFoundError:
            return None

    def temporary_files(self) -> list[str]:
        """The names of the temporary files: writes in progress, or left by a write that
        was interrupted."""
        return [entry.name for entry in self._files() if entry.name.endswith(TMP_SUFFIX)]

    def cleanup(self) -> int:
        """Remove temporary files left by an interrupted write; return how many."""
        count = 0
        for entry in self._files():
            if entry.name.endswith(TMP_SUFFIX):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
                count += 1
        return count

    def _files(self) -> Iterator[os.DirEntry]:
        """Every file in the fan-out folders (``xx/yy/``). The start-up checks walk the
        whole area: ``os.scandir`` does it three to four times faster than ``Path.glob``."""
        for top in _folders(self._root):
            for leaf in _folders(top.path):
                with os.scandir(leaf.path) as entries:
                    yield from (e for e in entries if e.is_file(follow_symlinks=False))


def _folders(path: str) -> list[os.DirEntry]:
    """The fan-out folders in ``path``: those with two-character names."""
    with os.scandir(path) as entries:
        return [e for e in entries if len(e.name) == 2 and e.is_dir(follow_symlinks=False)]


def _fsync(path: Path | str) -> None:
    """fsync a file or a folder."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _load_syncfs() -> Callable[[int], int] | None:
    """The C library's ``syncfs`` (Linux), or None where there is none."""
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None


_SYNCFS = _load_syncfs()


def _syncfs(folder: Path) -> None:
    """Flush every written file of the filesystem that holds ``folder`` to its disk."""
    assert _SYNCFS is not None  # callers check that the C library has it
    fd = os.open(folder, os.O_RDONLY)
    try:
        if _SYNCFS(fd) != 0:
            error = ctypes.get_errno()
            raise OSError(error, f"syncfs failed: {os.strerror(error)}")
    finally:
        os.close(fd)
