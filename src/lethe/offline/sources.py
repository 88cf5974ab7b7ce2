"""The input files of an offline run: a folder, a ZIP file, or a DICOMDIR.

Each input is a :class:`SourceFile`: its name (the path relative to the folder, the ZIP member
name, or the DICOMDIR's referenced file ID joined with ``/``), where to read it and its size.
A folder is walked in name order, skipping DICOMDIR files (they index files, they are no
instances) and the state folder of a run writing into it; a ZIP file gives its members (not
folders); a DICOMDIR gives the files its records reference, relative to its folder.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pydicom

STATE_FOLDER = ".lethe-state"


@dataclass(frozen=True)
class SourceFile:
    """One input file: ``name`` (unique in the run), ``path`` (a file, or the ZIP file that
    holds ``member``) and ``size`` in bytes."""

    name: str
    path: str
    member: str | None
    size: int

    def read(self) -> bytes:
        """The file's bytes."""
        if self.member is None:
            return Path(self.path).read_bytes()
        with zipfile.ZipFile(self.path) as archive:
            return archive.read(self.member)


def find_sources(source: Path) -> list[SourceFile]:
    """The input files of ``source`` (see the module docstring), in a stable order.

    Raises
    ------
    FileNotFoundError
        When ``source`` does not exist.
    ValueError
        When ``source`` is a file that is neither a ZIP file nor a DICOMDIR (the message
        names it).
    """
    if source.is_dir():
        return _folder(source)
    if not source.exists():
        raise FileNotFoundError(f"{source} does not exist")
    if zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as archive:
            return [SourceFile(info.filename, str(source), info.filename, info.file_size)
                    for info in archive.infolist() if not info.is_dir()]
    if _is_dicomdir(source):
        return _dicomdir(source)
    raise ValueError(f"{source} is neither a folder, a ZIP file nor a DICOMDIR")


def _folder(root: Path) -> list[SourceFile]:
    found = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if d != STATE_FOLDER)
        for name in sorted(names):
            if name.upper() == "DICOMDIR":
                continue
            path = Path(folder) / name
            found.append(SourceFile(path.relative_to(root).as_posix(), str(path), None,
                                    path.stat().st_size))
    return found


def _is_dicomdir(path: Path) -> bool:
    if path.name.upper() != "DICOMDIR":
        return False
    try:
        meta = pydicom.dcmread(path, stop_before_pixels=True, specific_tags=[]).file_meta
    except Exception:  # noqa: BLE001 - not a DICOM file: not a DICOMDIR
        return False
    return str(meta.get("MediaStorageSOPClassUID", "")) == "1.2.840.10008.1.3.10"


def _dicomdir(path: Path) -> list[SourceFile]:
    dicomdir = pydicom.dcmread(path)
    found: dict[str, SourceFile] = {}
    for record in dicomdir.DirectoryRecordSequence:
        file_id = record.get("ReferencedFileID")
        if not file_id:
            continue
        parts = [file_id] if isinstance(file_id, str) else list(file_id)
        name = "/".join(str(part) for part in parts)
        file = path.parent.joinpath(*parts)
        if name not in found and file.is_file():
            found[name] = SourceFile(name, str(file), None, file.stat().st_size)
    return [found[name] for name in sorted(found)]
