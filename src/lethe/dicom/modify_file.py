"""Apply a modification request to a whole DICOM file: bytes in, bytes out.

The header-only fast path (design.md section 3) is used whenever it is valid:
the pixel data is then copied from the source as bytes, never decoded or
held in memory. A request that touches the pixel data reads the file in full.
"""

from __future__ import annotations

from typing import BinaryIO

from pydicom.dataset import Dataset
from pydicom.tag import Tag

from lethe.dicom.engine import ModificationContext, apply
from lethe.dicom.part10 import read_full, read_header, write_modified
from lethe.dicom.request import ModificationRequest

PIXEL_DATA = Tag(0x7FE0, 0x0010)


def touches_pixel_data(request: ModificationRequest) -> bool:
    """Whether the request replaces or removes the pixel data element."""
    return PIXEL_DATA in request.replaced_tags or PIXEL_DATA in request.removals


def modify_file(source: bytes | BinaryIO, out: BinaryIO, request: ModificationRequest,
                context: ModificationContext) -> Dataset:
    """Write the modified file of ``source`` to ``out``; return the modified data set.

    The returned data set holds everything but, on the fast path, the pixel
    data (a placeholder stands for it). Raises ``LetheError`` for an unreadable
    file or a value that does not fit the instance; ``out`` is then incomplete
    and must be discarded by the caller.
    """
    header = read_full(source) if touches_pixel_data(request) else read_header(source)
    apply(header.dataset, request, context)
    write_modified(header, header.dataset, source, out)
    return header.dataset
