"""What the transcoder encodes with another encoder where its main codec has a limit the
transfer syntax has not, and what stays refused (``lethe.dicom.encoders``)."""

from __future__ import annotations

import io

import numpy as np
import pydicom
import pytest
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import generate_frames
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

from lethe.dicom import part10
from lethe.dicom.transcode import can_transcode, transcode

BASE, JLS_NEAR, J2K_LOSSLESS, J2K = ("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.81",
                                     "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91")
JPEG_LOSSLESS, SV1, RLE = ("1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70",
                          "1.2.840.10008.1.2.5")


def image(rows: int, columns: int, *, samples: int = 1, bits: int = 8, stored: int = 0,
          signed: bool = False, values: tuple[int, int] | None = None) -> tuple[Dataset, np.ndarray]:
    stored = stored or bits
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.SOPClassUID, ds.SOPInstanceUID = "1.2.840.10008.5.1.4.1.1.7", generate_uid()
    ds.Rows, ds.Columns, ds.SamplesPerPixel = rows, columns, samples
    ds.PhotometricInterpretation = "RGB" if samples == 3 else "MONOCHROME2"
    if samples == 3:
        ds.PlanarConfiguration = 0
    ds.BitsAllocated, ds.BitsStored, ds.HighBit = bits, stored, stored - 1
    ds.PixelRepresentation = int(signed)
    low, high = values or ((-(1 << (stored - 3)), 1 << (stored - 3)) if signed
                           else (0, (1 << stored) - 1))
    y, x = np.mgrid[:rows, :columns]
    plane = (x * 5 + y * 11) % (high - low + 1) + low
    pixels = np.stack([plane, plane[::-1], plane[:, ::-1]], -1) if samples == 3 else plane
    pixels = pixels.astype(f"<{'i' if signed else 'u'}{bits // 8}")
    ds.PixelData = pixels.tobytes() + b"\0" * (pixels.nbytes % 2)
    return ds, pixels


def round_trip(ds: Dataset, target: str) -> np.ndarray:
    assert can_transcode(ds, target) is None
    transcode(ds, target)
    out = io.BytesIO()
    part10.write_full(ds, out, target)
    result = pydicom.dcmread(io.BytesIO(out.getvalue()))
    assert result.file_meta.TransferSyntaxUID == target
    return result.pixel_array


@pytest.mark.parametrize("samples", [1, 3])
def test_lossy_jpeg_of_an_odd_number_of_bytes(samples):
    ds, pixels = image(33, 51, samples=samples)  # 33 x 51 x samples bytes: odd
    decoded = round_trip(ds, BASE)
    if samples == 3:
        assert ds.PhotometricInterpretation == "YBR_FULL_422"
    # 4:2:2 chroma subsampling costs more on this pattern's sharp colour edges
    assert np.abs(decoded.astype(int) - pixels.astype(int)).mean() < (3 if samples == 1 else 10)


@pytest.mark.parametrize("target", [JPEG_LOSSLESS, SV1])
@pytest.mark.parametrize(("samples", "signed"), [(1, False), (1, True), (3, False)])
def test_lossless_jpeg_of_an_odd_number_of_bytes(target, samples, signed):
    ds, pixels = image(33, 51, samples=samples, signed=signed)  # GDCM refuses these
    assert np.array_equal(round_trip(ds, target).reshape(pixels.shape), pixels)
    assert ds.PhotometricInterpretation == ("RGB" if samples == 3 else "MONOCHROME2")


@pytest.mark.parametrize(("rows", "columns", "samples", "bits"),
                         [(16, 20, 1, 16), (3, 5, 3, 8), (1, 1, 1, 8), (31, 200, 1, 8)])
def test_small_jpeg_2000(rows, columns, samples, bits):
    ds, pixels = image(rows, columns, samples=samples, bits=bits)
    assert np.array_equal(round_trip(ds, J2K_LOSSLESS).reshape(pixels.shape), pixels)
    ds, pixels = image(rows, columns, samples=samples, bits=bits)
    lossy = round_trip(ds, J2K).reshape(pixels.shape)
    assert np.abs(lossy.astype(int) - pixels.astype(int)).mean() < 0.02 * (1 << bits)


@pytest.mark.parametrize("signed", [False, True])
def test_small_12_bit_jpeg_2000_keeps_its_precision(signed):
    ds, pixels = image(16, 20, bits=16, stored=12, signed=signed)
    assert np.array_equal(round_trip(ds, J2K_LOSSLESS).reshape(pixels.shape), pixels)
    codestream = next(generate_frames(ds.PixelData, number_of_frames=1))
    siz = codestream.index(b"\xff\x51")  # SIZ: Ssiz of the component is precision - 1 (+ sign)
    assert codestream[siz + 40] == (0x80 if signed else 0) | 11


def test_signed_jpeg_ls_near_lossless_keeps_its_bound():
    ds, pixels = image(64, 64, bits=16, stored=12, signed=True)
    decoded = round_trip(ds, JLS_NEAR)
    assert np.abs(decoded.astype(int) - pixels.astype(int)).max() <= 2  # NEAR at quality 90


def test_signed_jpeg_ls_near_lossless_near_the_limits_is_coded_with_near_0():
    ds, pixels = image(64, 64, bits=16, signed=True, values=(-32768, 32767))
    decoded = round_trip(ds, JLS_NEAR)  # the error would wrap across the limits: NEAR=0
    assert np.array_equal(decoded, pixels)
    assert ds.LossyImageCompression == "01" and "NEAR=2" in ds.DerivationDescription


@pytest.mark.parametrize(("samples", "signed"), [(1, False), (1, True), (3, False)])
def test_rle_of_32_bit_data(samples, signed):
    ds, pixels = image(12, 10, samples=samples, bits=32, signed=signed,
                       values=(-(1 << 30), 1 << 30) if signed else (0, 1 << 31))
    assert np.array_equal(round_trip(ds, RLE).reshape(pixels.shape), pixels)
