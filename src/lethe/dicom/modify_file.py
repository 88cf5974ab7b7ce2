"""Apply a modification request to a whole DICOM file: bytes in, bytes out.

The header-only fast path (design.md section 3) is used whenever it is valid:
the pixel data is then copied from the source as bytes, never decoded or
held in memory. A request that transcodes reads the file in full, applies
the request, then re-encodes the pixel data for the target syntax.
"""

from __future__ import annotations

import logging
from typing import BinaryIO

from pydicom.dataset import Dataset
from pydicom.uid import ExplicitVRLittleEndian

from lethe.dicom.engine import ModificationContext, apply
from lethe.dicom.part10 import (
    read_full,
    read_header,
    transfer_syntax_of,
    write_full,
    write_modified,
)
from lethe.dicom.request import PIXEL_DATA, ModificationRequest
from lethe.dicom.transcode import transcode
from lethe.errors import LetheError, bad_file_format, bad_request

log = logging.getLogger(__name__)

DEFAULT_LOSSY_QUALITY = 90


def modify_file(source: bytes | BinaryIO, out: BinaryIO, request: ModificationRequest,
                context: ModificationContext,
                default_quality: int = DEFAULT_LOSSY_QUALITY) -> Dataset:
    """Write the modified file of ``source`` to ``out``; return the modified data set.

    Exported as :func:`lethe.dicom.apply_to_file`. Unless the request transcodes, only the
    header is parsed and modified (:func:`lethe.dicom.engine.apply`); the pixel data is copied
    from ``source`` as bytes. The file meta information is regenerated.

    Parameters
    ----------
    source : bytes or binary file
        A DICOM file (Part 10, or a bare data set): its bytes, or a seekable binary file at
        offset 0.
    out : binary file
        Where the new file is written.
    request : ModificationRequest
        The parsed request.
    context : ModificationContext
        What the instances of one job share (UID mapping, anonymized PatientName).
    default_quality : int, optional
        The lossy quality (1-100) of a lossy ``Transcode`` when the request has no
        ``LossyQuality``.

    Returns
    -------
    pydicom.dataset.Dataset
        The modified data set. When the pixel data was copied as bytes, it holds a
        placeholder instead of the pixel data.

    Raises
    ------
    lethe.errors.LetheError
        ``BAD_FILE_FORMAT`` for a file that cannot be read; ``BAD_REQUEST`` for a value that
        the instance cannot hold (see :func:`lethe.dicom.engine.apply`) or a target transfer
        syntax that cannot encode the image. ``out`` is then incomplete: discard it.
    """
    try:
        if request.transcode is None:
            header = read_header(source)
            _check_pixels_fit(header.dataset, request)
            apply(header.dataset, request, context)
            write_modified(header, header.dataset, source, out)
            return header.dataset
        header = read_full(source)
        apply(header.dataset, request, context)
        if PIXEL_DATA in request.replaced_tags:  # the new pixel data is native, not encoded
            header.dataset.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        transcode(header.dataset, request.transcode,
                  lossy_quality=request.lossy_quality or default_quality)
        write_full(header.dataset, out, request.transcode)
        return header.dataset
    except (LetheError, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - a stored file the engine cannot handle
        log.warning("stored file cannot be modified: %s", type(exc).__name__)
        raise bad_file_format(
            f"the stored file cannot be modified ({type(exc).__name__})") from None


def _check_pixels_fit(dataset: Dataset, request: ModificationRequest) -> None:
    """Refuse to put native pixel data (a replaced PixelData) into a file whose transfer
    syntax encapsulates compressed pixel data: the output would not be valid (Orthanc
    refuses too, with an empty 400)."""
    if PIXEL_DATA not in request.replaced_tags:
        return
    syntax = transfer_syntax_of(dataset)
    if syntax.is_compressed:
        raise bad_request(
            f"PixelData is replaced with native pixel data, which the transfer syntax of the "
            f"instance ({syntax.name}) cannot hold: ask for an uncompressed one as well, for "
            f'example "Transcode": "{ExplicitVRLittleEndian}"')
