"""A whole file modified and proven: :func:`modify_file_verified`.

What ``"Verify": true`` does to each instance, on the server (the job's worker processes) and in
the offline command line alike: the instance is refused if its pixels may show identifying text
(:func:`lethe.dicom.verify.burned_in_reason`, unless ``allow_burned_in``), then modified by
:func:`lethe.dicom.modify_file.modify_file`, then its output is checked against its source
(:func:`lethe.dicom.verify.verify_output`). The output is written to ``out`` before it is
checked: a caller that gets an error discards it.
"""

from __future__ import annotations

from typing import BinaryIO

from pydicom.dataset import Dataset

from lethe.dicom.engine import ModificationContext
from lethe.dicom.modify_file import DEFAULT_LOSSY_QUALITY, modify_file
from lethe.dicom.part10 import read_header
from lethe.dicom.request import ModificationRequest
from lethe.dicom.verify import (
    burned_in_reason,
    burned_in_refused,
    verification_failed,
    verify_output,
)


def modify_file_verified(source: bytes | BinaryIO, out: BinaryIO, request: ModificationRequest,
                         context: ModificationContext,
                         default_quality: int = DEFAULT_LOSSY_QUALITY,
                         allow_burned_in: bool = False) -> Dataset:
    """:func:`~lethe.dicom.modify_file.modify_file`, refused for burned-in text and checked.

    Parameters
    ----------
    source : bytes or binary file
        The DICOM file; a file must be seekable (its header is read twice).
    out : binary file
        Where the new file is written.
    request, context, default_quality
        As for :func:`~lethe.dicom.modify_file.modify_file`.
    allow_burned_in : bool, optional
        Anonymize an instance whose pixels may show identifying text anyway (the request's
        ``AllowBurnedInAnnotation``). Only an anonymization refuses such instances.

    Returns
    -------
    pydicom.dataset.Dataset
        The modified data set.

    Raises
    ------
    lethe.errors.LetheError
        ``BAD_REQUEST`` (details starting with ``Verify:``) for burned-in text or an output
        that still holds an identifying value of the source; the errors of ``modify_file``.
    """
    original = read_header(source).dataset
    if not isinstance(source, bytes):
        source.seek(0)
    reason = burned_in_reason(original)
    if request.anonymize and reason is not None and not allow_burned_in:
        raise burned_in_refused(reason)
    dataset = modify_file(source, out, request, context, default_quality)
    leaks = verify_output(original, dataset, request)
    if leaks:
        raise verification_failed(leaks)
    return dataset
