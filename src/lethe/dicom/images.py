"""Images embedded as pixel data: a PNG or JPEG given as a data URI for PixelData (spec 5.3).

As Orthanc embeds them: 8-bit and 16-bit grayscale become MONOCHROME2, RGB
stays RGB (interleaved), and RGBA becomes RGB without its alpha channel; the
image attributes (Rows, Columns, BitsAllocated...) are set to match. Other
kinds of image (palette, grayscale with alpha, bilevel, CMYK) are refused,
where Orthanc answers 500 "Not implemented yet". Pillow decodes the image; it and numpy are
imported when an image is decoded, not with this module (tests/test_lazy_imports.py).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lethe.errors import bad_file_format, bad_request

if TYPE_CHECKING:
    from PIL import Image

IMAGE_TYPES = {"image/png": "PNG", "image/jpeg": "JPEG"}
"""The media types of a PixelData data URI that are decoded as images, and their format."""

_GRAY_16 = ("I;16", "I;16L", "I;16B", "I")


@dataclass(frozen=True)
class EmbeddedImage:
    """Decoded pixels, ready for PixelData, and the image attributes that describe them."""

    pixels: bytes
    attributes: tuple[tuple[int, str, int | str], ...]
    """(tag, VR, value) of Columns, Rows... in the order Orthanc sets them."""


def decode_image(mime: str, data: bytes) -> EmbeddedImage:
    """The image of a ``data:image/png`` or ``data:image/jpeg`` URI (bytes already decoded
    from base64); 400 naming the problem for a file that is not such an image, for a kind
    of image that cannot be embedded, and for one too large to decode."""
    from PIL import Image, UnidentifiedImageError

    image_format = IMAGE_TYPES[mime]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[image_format])
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise bad_file_format(f"PixelData: the data URI does not hold a valid {image_format} "
                              f"image ({exc})") from None
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise bad_request(f"PixelData: the {image_format} image is too large to embed") from None
    return _embedded(image, image_format)


def _embedded(image: Image.Image, image_format: str) -> EmbeddedImage:
    width, height = image.size
    if image.mode == "L":
        return _describe(image.tobytes(), width, height, samples=1, bits=8)
    if image.mode in _GRAY_16:
        import numpy as np

        pixels = np.asarray(image)
        if pixels.min(initial=0) < 0 or pixels.max(initial=0) > 0xFFFF:
            raise bad_request("PixelData: the grayscale image has values beyond 16 bits")
        return _describe(pixels.astype("<u2").tobytes(), width, height, samples=1, bits=16)
    if image.mode in ("RGB", "RGBA"):
        return _describe(image.convert("RGB").tobytes(), width, height, samples=3, bits=8)
    raise bad_request(f"PixelData: a {image_format} image of mode {image.mode} cannot be "
                      "embedded (supported: 8-bit and 16-bit grayscale, RGB, RGBA)")


def _describe(pixels: bytes, width: int, height: int, *, samples: int,
              bits: int) -> EmbeddedImage:
    attributes: list[tuple[int, str, int | str]] = [
        (0x00280011, "US", width), (0x00280010, "US", height), (0x00280002, "US", samples),
        (0x00280103, "US", 0),
        (0x00280004, "CS", "RGB" if samples == 3 else "MONOCHROME2"),
        (0x00280100, "US", bits), (0x00280101, "US", bits), (0x00280102, "US", bits - 1)]
    if samples == 3:
        attributes.append((0x00280006, "US", 0))  # PlanarConfiguration: interleaved
    return EmbeddedImage(pixels + b"\0" * (len(pixels) % 2), tuple(attributes))
