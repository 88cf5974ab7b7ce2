"""Part 10 reading and writing: the header-only fast path against the full path."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pydicom
import pydicom.filebase
import pydicom.filewriter
import pytest
from pydicom.dataelem import DataElement, RawDataElement
from pydicom.uid import (
    DeflatedExplicitVRLittleEndian,
    ExplicitVRBigEndian,
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
)

from lethe.dicom import part10
from lethe.dicom.engine import ModificationContext, apply
from lethe.dicom.request import ModificationRequest
from lethe.dicom.tags import DEFAULT_TAGS
from lethe.dicom.uids import UidMapper
from lethe.errors import ErrorCode, LetheError
from tests.dicom.differential import fast_and_full_files
from tests.support.corpus import sample, sample_files
from tests.support.dicomgen import make_dataset, to_bytes

PYDICOM_FILES = Path(pydicom.__file__).parent / "data" / "test_files"
PIXEL_DATA = 0x7FE00010


def pydicom_file(name: str) -> bytes:
    return (PYDICOM_FILES / name).read_bytes()


def corpus() -> list[Path]:
    return sorted(p for p in PYDICOM_FILES.iterdir()
                  if p.is_file() and p.suffix == ".dcm") + sample_files()


def header_only_request() -> ModificationRequest:
    return ModificationRequest.parse(
        {"Replace": {"PatientName": "Fast^Path", "InstitutionName": "Lethe"},
         "Remove": ["StudyDescription"]}, anonymize=False, tags=DEFAULT_TAGS)


@pytest.mark.filterwarnings("ignore")
@pytest.mark.usefixtures("samples_dir")
def test_fast_and_full_paths_give_identical_files_on_the_whole_corpus() -> None:
    request = header_only_request()
    context = ModificationContext(UidMapper(b"corpus"))
    compared = 0
    for path in corpus():
        data = path.read_bytes()
        try:
            header = part10.read_header(data)
        except LetheError:
            # The sample built to crash parsers, and a bare data set shifted by one byte.
            assert path.name in ("2026-05-06-Deeply-Nested-Sequence.dcm", "no_meta.dcm")
            continue
        full = part10.read_full(data)
        assert header.transfer_syntax == full.transfer_syntax, path
        apply(header.dataset, request, context)
        apply(full.dataset, request, context)
        fast, full_file = fast_and_full_files(data, header, full)
        assert fast == full_file, path
        written = pydicom.dcmread(io.BytesIO(fast))
        assert written.PatientName == "Fast^Path", path
        assert "StudyDescription" not in written, path
        compared += 1
    assert compared > 250


def test_the_fast_path_is_taken_for_little_and_big_endian_and_the_pixels_are_copied() -> None:
    for name in ("CT_small.dcm", "MR_small_bigendian.dcm", "MR_small_implicit.dcm",
                 "JPEG2000.dcm"):
        data = pydicom_file(name)
        header = part10.read_header(data)
        assert header.pixel is not None, name
        element = header.dataset.get_item(PIXEL_DATA, keep_deferred=True)
        assert isinstance(element, RawDataElement) and element.value is None, name
        out = io.BytesIO()
        part10.write_modified(header, header.dataset, data, out)
        original = pydicom.dcmread(io.BytesIO(data))
        assert pydicom.dcmread(io.BytesIO(out.getvalue())).PixelData == original.PixelData


class CountingReader(io.BytesIO):
    """A source that counts how many bytes were read from it."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.bytes_read = 0

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        self.bytes_read += len(chunk)
        return chunk


class ChunkRecorder(io.BytesIO):
    """An output that records the size of every write."""

    def __init__(self) -> None:
        super().__init__()
        self.largest = 0

    def write(self, data) -> int:
        self.largest = max(self.largest, len(data))
        return super().write(data)


def test_reading_the_header_never_reads_the_pixel_data_and_writing_copies_in_chunks() -> None:
    rows = columns = 2048  # 8 MiB of pixel data
    data = to_bytes(make_dataset(rows=rows, columns=columns))
    source = CountingReader(data)
    header = part10.read_header(source)
    assert source.bytes_read < 64 * 1024
    assert header.pixel is not None and header.pixel.end - header.pixel.offset > 8 * 2**20
    out = ChunkRecorder()
    part10.write_modified(header, header.dataset, source, out)
    assert out.largest <= 2**20
    assert out.getvalue()[-rows * columns * 2:] == data[-rows * columns * 2:]


def test_between_two_files_the_kernel_copies_the_pixels_and_the_bytes_are_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ds = make_dataset(rows=512, columns=512)  # 512 KiB of pixel data
    ds.private_block(0x7FE1, "LETHE TEST", create=True).add_new(0x01, "OB", b"after" * 9)
    data = to_bytes(ds)
    (tmp_path / "in.dcm").write_bytes(data)
    request, context = header_only_request(), ModificationContext(UidMapper(b"kernel"))
    expected = io.BytesIO()  # not a file: copied in chunks
    header = part10.read_header(data)
    apply(header.dataset, request, context)
    part10.write_modified(header, header.dataset, data, expected)
    copied: list[int] = []
    real_copy = part10.os.copy_file_range

    def counting_copy(*args: int) -> int:
        copied.append(real_copy(*args))
        return copied[-1]

    def refusing_copy(*args: int) -> int:
        raise OSError(18, "Invalid cross-device link")

    for copy in (counting_copy, refusing_copy):  # refused: the chunked copy does it all
        monkeypatch.setattr(part10.os, "copy_file_range", copy)
        with open(tmp_path / "in.dcm", "rb") as source, open(tmp_path / "out.dcm", "wb") as out:
            header = part10.read_header(source)
            apply(header.dataset, request, context)
            part10.write_modified(header, header.dataset, source, out)
            assert out.tell() == len(expected.getvalue())
        assert (tmp_path / "out.dcm").read_bytes() == expected.getvalue()
    assert sum(copied) == 512 * 512 * 2 + 12  # the pixel data element, header included


def test_the_meta_header_is_regenerated() -> None:
    ds = make_dataset()
    data = to_bytes(ds)
    original = pydicom.dcmread(io.BytesIO(data))
    original.file_meta.SourceApplicationEntityTitle = "SOURCE"
    buffer = io.BytesIO()
    original.save_as(buffer, enforce_file_format=True)
    header = part10.read_header(buffer.getvalue())
    header.dataset.SOPInstanceUID = "1.2.3.4"
    out = io.BytesIO()
    part10.write_modified(header, header.dataset, buffer.getvalue(), out)
    meta = pydicom.dcmread(io.BytesIO(out.getvalue())).file_meta
    assert out.getvalue()[128:132] == b"DICM"
    assert meta.MediaStorageSOPInstanceUID == "1.2.3.4"
    assert meta.MediaStorageSOPClassUID == ds.SOPClassUID
    assert meta.ImplementationClassUID == part10.IMPLEMENTATION_CLASS_UID
    assert meta.ImplementationClassUID.startswith("2.25.")
    assert meta.ImplementationVersionName == "LETHE_0.1.0"
    assert meta.TransferSyntaxUID == ExplicitVRLittleEndian
    assert "SourceApplicationEntityTitle" not in meta


def test_group_0002_elements_inside_the_dataset_are_dropped() -> None:
    data = to_bytes(make_dataset())
    header = part10.read_header(data)
    header.dataset[0x00020016] = DataElement(0x00020016, "AE", "INSIDE")
    out = io.BytesIO()
    part10.write_modified(header, header.dataset, data, out)
    written = pydicom.dcmread(io.BytesIO(out.getvalue()))
    assert 0x00020016 not in written and 0x00020016 not in written.file_meta


def bare_dataset(implicit: bool, little: bool) -> bytes:
    """A data set without preamble or meta header."""
    out = pydicom.filebase.DicomBytesIO()
    out.is_implicit_VR, out.is_little_endian = implicit, little
    pydicom.filewriter.write_dataset(out, make_dataset())
    return out.getvalue()


@pytest.mark.parametrize(("data", "syntax"), [
    (bare_dataset(True, True), ImplicitVRLittleEndian),
    (bare_dataset(False, True), ExplicitVRLittleEndian),
    (pydicom_file("ExplVR_LitEndNoMeta.dcm"), ExplicitVRLittleEndian),
    (pydicom_file("ExplVR_BigEndNoMeta.dcm"), ExplicitVRBigEndian),
], ids=["implicit", "explicit", "pydicom-little", "pydicom-big"])
def test_a_bare_dataset_gets_a_meta_header(data: bytes, syntax: str) -> None:
    header = part10.read_header(data)
    assert header.transfer_syntax == syntax
    out = io.BytesIO()
    part10.write_modified(header, header.dataset, data, out)
    written = pydicom.dcmread(io.BytesIO(out.getvalue()))  # no force: a proper Part 10 file
    assert written.file_meta.TransferSyntaxUID == syntax
    assert written.file_meta.MediaStorageSOPInstanceUID == written.SOPInstanceUID
    original = pydicom.dcmread(io.BytesIO(data), force=True)
    assert list(written.keys()) == list(original.keys())
    assert written.SOPInstanceUID == original.SOPInstanceUID
    if "PixelData" in original:
        assert written.PixelData == original.PixelData


def test_a_deflated_file_is_read_in_full_and_written_deflated() -> None:
    data = pydicom_file("image_dfl.dcm")
    header = part10.read_header(data)
    assert header.transfer_syntax == DeflatedExplicitVRLittleEndian
    assert header.pixel is None
    header.dataset.PatientName = "Deflated"
    out = io.BytesIO()
    part10.write_modified(header, header.dataset, data, out)
    written = pydicom.dcmread(io.BytesIO(out.getvalue()))
    assert written.file_meta.TransferSyntaxUID == DeflatedExplicitVRLittleEndian
    assert written.PatientName == "Deflated"
    assert written.PixelData == pydicom.dcmread(io.BytesIO(data)).PixelData
    # The data set after the meta header really is a raw deflate stream.
    meta_end = 132 + 12 + written.file_meta.FileMetaInformationGroupLength
    inflated = zlib.decompress(out.getvalue()[meta_end:], -zlib.MAX_WBITS)
    assert b"Deflated" in inflated


def test_removing_or_replacing_the_pixel_data_is_honoured_by_the_fast_path() -> None:
    data = pydicom_file("MR_small.dcm")
    header = part10.read_header(data)
    del header.dataset[PIXEL_DATA]
    out = io.BytesIO()
    part10.write_modified(header, header.dataset, data, out)
    assert "PixelData" not in pydicom.dcmread(io.BytesIO(out.getvalue()))

    header = part10.read_header(data)
    header.dataset[PIXEL_DATA] = DataElement(PIXEL_DATA, "OW", b"\1\2\3\4")
    out = io.BytesIO()
    part10.write_modified(header, header.dataset, data, out)
    assert pydicom.dcmread(io.BytesIO(out.getvalue())).PixelData == b"\1\2\3\4"


def test_elements_after_the_pixel_data_are_parsed_and_can_be_changed() -> None:
    ds = make_dataset()
    ds[0xFFFCFFFC] = DataElement(0xFFFCFFFC, "OB", b"\0" * 8)  # DataSetTrailingPadding
    data = to_bytes(ds)
    header = part10.read_header(data)
    assert 0xFFFCFFFC in header.dataset
    assert header.pixel is not None and header.pixel.end < len(data)
    out = io.BytesIO()
    part10.write_modified(header, header.dataset, data, out)
    assert 0xFFFCFFFC in pydicom.dcmread(io.BytesIO(out.getvalue()))
    del header.dataset[0xFFFCFFFC]
    out = io.BytesIO()
    part10.write_modified(header, header.dataset, data, out)
    written = pydicom.dcmread(io.BytesIO(out.getvalue()))
    assert 0xFFFCFFFC not in written and written.PixelData == ds.PixelData


def test_a_private_sequence_after_the_pixel_data_is_kept() -> None:
    data = sample("PrivateTags.dcm").read_bytes()
    header = part10.read_header(data)
    assert header.dataset[0x7FE11001].VR == "SQ"
    out = io.BytesIO()
    part10.write_modified(header, header.dataset, data, out)
    written = pydicom.dcmread(io.BytesIO(out.getvalue()))
    assert len(written[0x7FE11001].value) == len(pydicom.dcmread(io.BytesIO(data))[0x7FE11001].value)


@pytest.mark.parametrize("data", [b"", b"not a DICOM file at all", b"\0" * 132,
                                  pydicom_file("no_meta.dcm")])  # shifted by one byte
def test_unreadable_input_is_a_bad_file_format(data: bytes) -> None:
    for read in (part10.read_header, part10.read_full):
        with pytest.raises(LetheError) as raised:
            read(data)
        assert raised.value.code is ErrorCode.BAD_FILE_FORMAT
        assert raised.value.details == (
            f"Cannot parse an invalid DICOM file (size: {len(data)} bytes)")


def test_a_dataset_nested_too_deeply_is_refused() -> None:
    data = sample("2026-05-06-Deeply-Nested-Sequence.dcm").read_bytes()
    with pytest.raises(LetheError) as raised:
        part10.read_header(data)
    assert raised.value.code is ErrorCode.BAD_FILE_FORMAT
