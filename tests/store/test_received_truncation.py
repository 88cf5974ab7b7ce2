"""A received file cut inside any element's value is refused, whatever the element: small
values pydicom reads short without complaint, large values it skips unread, sequences, and
encapsulated pixel data of undefined length."""

from __future__ import annotations

import io
from pathlib import Path

import pydicom
import pytest
from pydicom.data import get_testdata_file
from pydicom.filereader import data_element_generator

from lethe.errors import ErrorCode, LetheError
from lethe.store.ingest import Origin, describe_received

FILES = ["CT_small.dcm", "rtplan.dcm", "SC_rgb_jpeg_dcmtk.dcm", "JPEG2000.dcm",
         "MR_small_implicit.dcm"]


def _value_spans(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of the value of every top-level element of the data set."""
    header = pydicom.dcmread(io.BytesIO(data), stop_before_pixels=True)
    implicit, little = header.original_encoding
    fp = io.BytesIO(data)
    fp.seek(132 if data[128:132] == b"DICM" else 0)
    if data[128:132] == b"DICM":
        pydicom.filereader._read_file_meta_info(fp)
    spans = []
    for raw in data_element_generator(fp, implicit, little, defer_size=1):
        start = getattr(raw, "value_tell", None)
        if start is None:
            continue
        end = fp.tell()
        spans.append((start, end))
    return spans


@pytest.mark.parametrize("name", FILES)
def test_a_cut_inside_any_value_is_refused(name: str):
    data = Path(get_testdata_file(name)).read_bytes()
    describe_received(data, Origin())  # the whole file is accepted
    checked = 0
    for start, end in _value_spans(data):
        if end - start < 2:
            continue
        for cut in {start + 1, (start + end) // 2, end - 1}:
            with pytest.raises(LetheError) as refused:
                describe_received(data[:cut], Origin())
            assert refused.value.code is ErrorCode.BAD_FILE_FORMAT, (name, cut)
            checked += 1
    assert checked >= 10
