"""Encoders the transcoder falls back on where its main codec has a limit the transfer syntax
does not (:mod:`lethe.dicom.transcode`). Each writes one frame as the codestream of its syntax:

* :func:`pillow_jpeg`: Pillow's libjpeg-turbo for 8-bit lossy JPEG frames of an odd number of
  bytes (GDCM's JPEG encoder refuses those).
* :func:`lossless_jpeg`: imagecodecs' libjpeg-turbo (3.x, which writes Process 14) for lossless
  JPEG frames of an odd number of bytes (GDCM refuses those too), first-order prediction
  (selection value 1, so valid for .4.57 and .4.70), point transform 0, RGB without a colour
  transform.
* :func:`jpeg_2000`: imagecodecs' OpenJPEG for JPEG 2000 images smaller than 32 pixels in a
  direction (pydicom's OpenJPEG binding, pylibjpeg-openjpeg 2.6, always makes 6 resolution
  levels, which need 32, and has no option to lower them), at the precision BitsStored,
  signed or not.
* :func:`jpeg_ls`: imagecodecs' CharLS for the few-pixel JPEG-LS images pyjpegls fails on
  (its output buffer is twice the frame's size, less than the headers of a tiny image), when
  every allocated bit is stored (imagecodecs writes the precision of the array's type).

Pillow and imagecodecs are imported when a frame is encoded, not with this module.
"""

from __future__ import annotations

import io
import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


def pillow_jpeg(frame: np.ndarray, quality: int) -> bytes:
    """An 8-bit frame (rows, columns) or (rows, columns, 3) RGB as a baseline JPEG stream
    of IJG ``quality``; colour is written YCbCr with 4:2:2 chroma subsampling (the
    YBR_FULL_422 the transcoder declares for colour JPEG)."""
    from PIL import Image

    out = io.BytesIO()
    Image.fromarray(frame).save(out, "JPEG", quality=quality, subsampling=1 if frame.ndim == 3
                                else 0)
    return out.getvalue()


def lossless_jpeg(frame: np.ndarray) -> bytes:
    """An 8-bit frame (rows, columns) or (rows, columns, 3) RGB as a lossless JPEG stream
    (SOF3, precision 8, selection value 1, point transform 0). Signed samples are written as
    their two's complement bytes, as the transcoder writes signed lossless JPEG of any depth;
    RGB is coded as it is (Adobe marker with no transform, components R, G, B)."""
    import imagecodecs
    import numpy as np

    data = np.ascontiguousarray(frame).view(np.uint8)
    return bytes(imagecodecs.jpeg8_encode(data, lossless=True, predictor=1, bitspersample=8))


def resolution_levels(rows: int, columns: int) -> int:
    """The most JPEG 2000 resolution levels (at most OpenJPEG's usual 6) an image of that
    size can have: OpenJPEG needs 2**(levels - 1) pixels in each direction."""
    return max(1, min(6, int(math.log2(max(1, min(rows, columns)))) + 1))


def jpeg_2000(frame: np.ndarray, bits_stored: int, *, lossless: bool,
              psnr: float | None = None) -> bytes:
    """A frame as a JPEG 2000 codestream (no JP2 box) of precision ``bits_stored`` with as
    many resolution levels as its size allows: reversible 5/3 wavelet when ``lossless``, else
    irreversible 9/7 at ``psnr`` dB (on the ``bits_stored`` scale, rounded: imagecodecs
    takes whole decibels). RGB is coded without a
    colour transform, as pydicom codes RGB."""
    import imagecodecs
    import numpy as np

    rows, columns = frame.shape[:2]
    return bytes(imagecodecs.jpeg2k_encode(
        np.ascontiguousarray(frame), level=None if lossless else round(psnr or 0),
        codecformat="J2K",
        bitspersample=bits_stored, resolutions=resolution_levels(rows, columns),
        reversible=lossless, mct=False))


def jpeg_ls_accepts(bits_allocated: int, bits_stored: int) -> bool:
    """Whether :func:`jpeg_ls` writes the precision such pixels need (BitsStored)."""
    return bits_stored == bits_allocated


def jpeg_ls(frame: np.ndarray, near: int) -> bytes:
    """A frame whose every allocated bit is stored as a JPEG-LS stream with error bound
    ``near`` (0: lossless), precision 8 or 16; colour sample-interleaved. Signed samples are
    coded as their two's complement, unsigned, as CharLS codes signed DICOM data."""
    import imagecodecs
    import numpy as np

    data = np.ascontiguousarray(frame)
    return bytes(imagecodecs.jpegls_encode(data.view(f"u{data.itemsize}"), level=near))
