"""Every writable transfer syntax against every kind of pixel data (8, 12, 16 and 32 bits, signed
and unsigned, grey and RGB, odd and tiny sizes): the transcoder either round-trips the pixels,
read back by each of pydicom's decoding plugins that is installed, or answers 400, and a 400 is
allowed only where the transfer syntax itself cannot hold the data (:func:`syntax_refuses`,
PS3.5 section 8.2 and the encoding tables of pydicom's JPEG guides) or for the two encoder
limits left (:func:`encoder_may_refuse`). dciodvfy then finds no error in the outputs of the
fallback encoders that it does not find in their source, and DCMTK decodes them exactly."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pydicom
import pytest
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.pixels import get_decoder, iter_pixels
from pydicom.uid import (
    JPEG2000,
    UID,
    DeflatedExplicitVRLittleEndian,
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
    JPEG2000Lossless,
    JPEGBaseline8Bit,
    JPEGExtended12Bit,
    JPEGLossless,
    JPEGLosslessSV1,
    JPEGLSLossless,
    JPEGLSNearLossless,
    RLELossless,
    generate_uid,
)

from lethe.dicom import part10
from lethe.dicom.transcode import SUPPORTED_TARGETS, transcode
from lethe.errors import LetheError

NATIVE = (ImplicitVRLittleEndian, ExplicitVRLittleEndian, DeflatedExplicitVRLittleEndian)
TARGETS = sorted(SUPPORTED_TARGETS)
# (BitsAllocated, BitsStored, signed, SamplesPerPixel)
KINDS = [(allocated, stored, signed, samples)
         for allocated, stored in ((8, 8), (16, 12), (16, 16), (32, 32))
         for signed in (False, True) for samples in (1, 3)]
SIZES = [(1, 1), (3, 5), (33, 51)]  # tiny; odd and below 32; odd, frames of an odd length
# Lossy error bounds at quality 90: (largest mean absolute error, largest error). Colour JPEG
# baseline halves the chroma resolution (4:2:2) of channels that differ pixel by pixel here.
LOSSY = {JPEGBaseline8Bit: (16.0, 128), JPEGExtended12Bit: (4.0, 80),
         JPEGLSNearLossless: (2, 2), JPEG2000: (4.0, 40)}


def syntax_refuses(target: UID, stored: int, signed: bool, samples: int) -> bool:
    """Where the transfer syntax itself cannot hold the pixels (PS3.5 8.2.1 to 8.2.4, G.2):
    colour must be unsigned in every compressed syntax; JPEG baseline holds 8 unsigned bits
    only; JPEG extended unsigned grey of 8 or 12 bits only; the JPEG and JPEG-LS processes at
    most 16 bits (RLE takes 32 in 4 or 12 segments, JPEG 2000 up to 38). The native syntaxes
    hold anything."""
    if target in NATIVE:
        return False
    if samples == 3 and signed:
        return True
    if stored > 16 and target not in (RLELossless, JPEG2000Lossless, JPEG2000):
        return True
    if target == JPEGBaseline8Bit:
        return signed or stored != 8
    if target == JPEGExtended12Bit:
        return signed or samples == 3 or stored not in (8, 12)
    return False


def encoder_may_refuse(target: UID, size: tuple[int, int], allocated: int, stored: int) -> bool:
    """The limits of the installed encoders left: JPEG-LS of a few pixels (pyjpegls fails
    on those whose codestream is longer than twice the frame) with BitsStored < BitsAllocated
    (imagecodecs' CharLS writes only the precision of the array's type, 8 or 16, and PS3.5
    wants BitsStored); and JPEG 2000 beyond 24 bits (OpenJPEG's limit). Such an image is
    either refused or round-trips."""
    return (target in (JPEGLSLossless, JPEGLSNearLossless) and stored != allocated
            and size[0] * size[1] < 25) or (target in (JPEG2000Lossless, JPEG2000)
                                             and stored > 24)


def image(size: tuple[int, int], allocated: int, stored: int, signed: bool,
          samples: int) -> tuple[Dataset, np.ndarray]:
    """A secondary capture image of ramps over the whole BitsStored range (both limits
    included), its pixels as an array."""
    rows, columns = size
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID = generate_uid()
    ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    ds.StudyInstanceUID, ds.SeriesInstanceUID = generate_uid(), generate_uid()
    ds.PatientName, ds.PatientID, ds.Modality, ds.ConversionType = "Matrix^Test", "M1", "OT", "WSD"
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    ds.Rows, ds.Columns, ds.SamplesPerPixel = rows, columns, samples
    ds.PhotometricInterpretation = "RGB" if samples == 3 else "MONOCHROME2"
    if samples == 3:
        ds.PlanarConfiguration = 0
    ds.BitsAllocated, ds.BitsStored, ds.HighBit = allocated, stored, stored - 1
    ds.PixelRepresentation = int(signed)
    low = -(1 << (stored - 1)) if signed else 0
    span = 1 << stored
    y, x = np.mgrid[:rows, :columns]
    plane = (x * 4099 + y * 257 + (x * y) % 7) % span + low  # reaches both limits
    plane.flat[0], plane.flat[-1] = low, low + span - 1
    pixels = np.stack([plane, plane[::-1], plane[:, ::-1]], -1) if samples == 3 else plane
    pixels = pixels.astype(f"<{'i' if signed else 'u'}{allocated // 8}")
    ds.PixelData = pixels.tobytes() + b"\0" * (pixels.nbytes % 2)
    return ds, pixels


# What a pydicom 3.0 plugin says when it cannot decode such data at all (not a bad stream):
# Pillow has no 12 and 16-bit colour JPEG 2000 and no 12-bit JPEG, pydicom gives GDCM no 12-bit
# JPEG extended, and pydicom 3.0.2 fails to correct the sign of GDCM's read-only arrays.
DECODER_LIMITS = re.compile(r"Pillow cannot decode \d+-bit multi-sample|(GDCM|Pillow) does not "
                            r"support 'JPEG Extended'|output array is read-only")


def decoded_by_every_plugin(data: bytes) -> dict[str, np.ndarray]:
    """The first frame of a Part 10 file as each installed pydicom decoding plugin gives it
    (in RGB for colour), leaving out the plugins that cannot decode such data at all."""
    dataset = pydicom.dcmread(io.BytesIO(data))
    syntax = dataset.file_meta.TransferSyntaxUID
    if not syntax.is_compressed:
        return {"native": dataset.pixel_array}
    results = {}
    for plugin in get_decoder(syntax).available_plugins:
        try:
            results[plugin] = next(iter_pixels(dataset, decoding_plugin=plugin))
        except (RuntimeError, ValueError) as error:
            if not DECODER_LIMITS.search(str(error)):
                raise
    return results


def transcoded(ds: Dataset, target: UID) -> bytes:
    transcode(ds, target)
    out = io.BytesIO()
    part10.write_full(ds, out, target)
    return out.getvalue()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: "{}in{}-{}-{}".format(
    kind[1], kind[0], "signed" if kind[2] else "unsigned", "rgb" if kind[3] == 3 else "grey"))
@pytest.mark.parametrize("target", TARGETS, ids=lambda uid: UID(uid).name)
def test_every_syntax_round_trips_or_cannot_hold_the_data(target, kind, size):
    allocated, stored, signed, samples = kind
    target = UID(target)
    ds, pixels = image(size, allocated, stored, signed, samples)
    try:
        data = transcoded(ds, target)
    except LetheError as error:
        assert error.http_status == 400, error.details
        assert syntax_refuses(target, stored, signed, samples) or encoder_may_refuse(
            target, size, allocated, stored), error.details
        assert ds.file_meta.TransferSyntaxUID == ExplicitVRLittleEndian
        return
    assert not syntax_refuses(target, stored, signed, samples)
    assert pydicom.dcmread(io.BytesIO(data)).file_meta.TransferSyntaxUID == target
    results = decoded_by_every_plugin(data)
    assert results
    for plugin, array in results.items():
        array = array.reshape(pixels.shape).astype(np.int64)
        if target in LOSSY:
            mean, largest = LOSSY[target]
            error = np.abs(array - pixels.astype(np.int64))
            assert error.mean() <= mean and error.max() <= largest, (plugin, error.max())
        else:
            assert np.array_equal(array, pixels), plugin


DCIODVFY = shutil.which("dciodvfy")


def dciodvfy_errors(path: Path) -> set[str]:
    """dciodvfy's error lines, with the values they quote left out."""
    run = subprocess.run([str(DCIODVFY), str(path)], capture_output=True, text=True,
                         timeout=60, errors="replace")
    return {re.sub(r"\s*(=|values are|- value).*$", "", line).strip()
            for line in (run.stdout + run.stderr).splitlines() if line.startswith("Error")}


@pytest.mark.skipif(DCIODVFY is None,
                    reason="dciodvfy is not installed (apt-get install dicom3tools)")
@pytest.mark.parametrize(("target", "kind", "size"), [
    (JPEGLossless, (8, 8, False, 1), (33, 51)),      # imagecodecs' lossless JPEG
    (JPEGLosslessSV1, (8, 8, False, 3), (3, 5)),
    (JPEGLosslessSV1, (8, 8, True, 1), (1, 1)),
    (JPEG2000Lossless, (16, 12, True, 1), (3, 5)),   # imagecodecs' OpenJPEG
    (JPEG2000, (16, 12, False, 1), (3, 5)),
    (JPEG2000, (8, 8, False, 3), (1, 1)),
    (JPEGLSLossless, (16, 16, False, 1), (1, 1)),    # imagecodecs' CharLS
    (JPEGLSNearLossless, (16, 12, True, 1), (33, 51)),  # NEAR=0 at the limits
    (JPEGBaseline8Bit, (8, 8, False, 3), (33, 51)),  # Pillow's libjpeg-turbo
], ids=lambda value: UID(value).name if isinstance(value, str) else None)
def test_fallback_encoders_add_no_dciodvfy_error(tmp_path, target, kind, size):
    allocated, stored, signed, samples = kind
    ds, _ = image(size, allocated, stored, signed, samples)
    source = tmp_path / "source.dcm"
    ds.save_as(source, enforce_file_format=True)
    output = tmp_path / "output.dcm"
    output.write_bytes(transcoded(ds, UID(target)))
    assert not dciodvfy_errors(output) - dciodvfy_errors(source)


DCMTK_DECODERS = {JPEGLossless: "dcmdjpeg", JPEGLosslessSV1: "dcmdjpeg",
                  JPEGLSLossless: "dcmdjpls", JPEGLSNearLossless: "dcmdjpls"}


@pytest.mark.skipif(not all(map(shutil.which, ("dcmdjpeg", "dcmdjpls"))),
                    reason="DCMTK's dcmdjpeg and dcmdjpls are not installed (apt-get install dcmtk)")
@pytest.mark.parametrize(("target", "kind", "size"), [
    (JPEGLosslessSV1, (8, 8, False, 3), (3, 5)),      # imagecodecs' lossless JPEG
    (JPEGLossless, (8, 8, True, 1), (33, 51)),
    (JPEGLSLossless, (16, 16, True, 1), (1, 1)),       # imagecodecs' CharLS
    (JPEGLSLossless, (8, 8, False, 3), (1, 1)),
    (JPEGLSNearLossless, (16, 12, True, 1), (33, 51)),  # NEAR=0 at the limits
], ids=lambda value: UID(value).name if isinstance(value, str) else None)
def test_dcmtk_decodes_the_fallback_encoders_exactly(tmp_path, target, kind, size):
    """DCMTK (Orthanc's decoder) reads the outputs of the fallback encoders back exactly."""
    ds, pixels = image(size, *kind)
    encoded, decoded = tmp_path / "encoded.dcm", tmp_path / "decoded.dcm"
    encoded.write_bytes(transcoded(ds, UID(target)))
    run = subprocess.run([str(shutil.which(DCMTK_DECODERS[target])), str(encoded), str(decoded)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert np.array_equal(pydicom.dcmread(decoded).pixel_array.reshape(pixels.shape), pixels)
