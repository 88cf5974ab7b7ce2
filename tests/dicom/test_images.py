"""Images embedded as pixel data: PNG and JPEG data URIs for PixelData (spec 5.3)."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from lethe.dicom.images import decode_image
from lethe.errors import ErrorCode, LetheError


def encoded(image: Image.Image, image_format: str = "PNG") -> bytes:
    out = io.BytesIO()
    image.save(out, image_format)
    return out.getvalue()


def attributes(decoded) -> dict[str, object]:
    names = {0x00280011: "Columns", 0x00280010: "Rows", 0x00280002: "SamplesPerPixel",
             0x00280103: "PixelRepresentation", 0x00280004: "PhotometricInterpretation",
             0x00280100: "BitsAllocated", 0x00280101: "BitsStored", 0x00280102: "HighBit",
             0x00280006: "PlanarConfiguration"}
    return {names[tag]: value for tag, _, value in decoded.attributes}


GRAY_8 = {"Columns": 4, "Rows": 3, "SamplesPerPixel": 1, "PixelRepresentation": 0,
          "PhotometricInterpretation": "MONOCHROME2", "BitsAllocated": 8, "BitsStored": 8,
          "HighBit": 7}


def test_an_8_bit_grayscale_png():
    pixels = np.arange(12, dtype=np.uint8).reshape(3, 4) * 20
    decoded = decode_image("image/png", encoded(Image.fromarray(pixels)))
    assert decoded.pixels == pixels.tobytes()
    assert attributes(decoded) == GRAY_8


def test_a_16_bit_grayscale_png_is_little_endian():
    values = np.arange(12, dtype="<u2") * 5000
    decoded = decode_image("image/png", encoded(Image.frombytes("I;16", (4, 3),
                                                                values.tobytes())))
    assert decoded.pixels == values.tobytes()
    assert attributes(decoded) == {**GRAY_8, "BitsAllocated": 16, "BitsStored": 16,
                                   "HighBit": 15}


@pytest.mark.parametrize("channels", [3, 4])
def test_rgb_and_rgba_become_interleaved_rgb(channels):
    pixels = np.arange(12 * channels, dtype=np.uint8).reshape(3, 4, channels) * 5
    decoded = decode_image("image/png", encoded(Image.fromarray(pixels)))
    assert decoded.pixels == pixels[:, :, :3].tobytes()  # the alpha channel dropped
    assert attributes(decoded) == {**GRAY_8, "SamplesPerPixel": 3,
                                   "PhotometricInterpretation": "RGB",
                                   "PlanarConfiguration": 0}


def test_an_odd_number_of_bytes_is_padded():
    decoded = decode_image("image/png", encoded(Image.new("L", (3, 3), 7)))
    assert decoded.pixels == bytes([7] * 9) + b"\0"


def test_a_jpeg_is_decoded():
    decoded = decode_image("image/jpeg", encoded(Image.new("RGB", (8, 8), (200, 10, 10)),
                                                 "JPEG"))
    values = np.frombuffer(decoded.pixels, np.uint8).reshape(8, 8, 3)
    assert np.abs(values.astype(int) - [200, 10, 10]).max() <= 3  # lossy
    assert attributes(decoded)["PhotometricInterpretation"] == "RGB"


@pytest.mark.parametrize("image", [
    Image.new("P", (4, 3)), Image.new("LA", (4, 3)), Image.new("1", (4, 3))],
    ids=["palette", "gray-alpha", "bilevel"])
def test_other_kinds_of_image_are_refused(image):
    with pytest.raises(LetheError) as caught:
        decode_image("image/png", encoded(image))
    assert caught.value.code is ErrorCode.BAD_REQUEST
    assert f"mode {image.mode}" in caught.value.details


def test_what_is_not_the_announced_image_is_refused():
    for mime, data in (("image/png", b"not an image"),
                       ("image/png", encoded(Image.new("L", (4, 3)), "JPEG")),
                       ("image/jpeg", encoded(Image.new("L", (4, 3))))):
        with pytest.raises(LetheError) as caught:
            decode_image(mime, data)
        assert caught.value.code is ErrorCode.BAD_FILE_FORMAT


def test_an_image_too_large_to_decode_is_refused(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)
    for size in (12, 20):  # over the limit (a warning for Pillow), then over twice (an error)
        with pytest.raises(LetheError) as caught:
            decode_image("image/png", encoded(Image.new("L", (size, size))))
        assert caught.value.code is ErrorCode.BAD_REQUEST and "too large" in caught.value.details
