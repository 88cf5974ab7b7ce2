"""Encoders the transcoder falls back on where its main codec has a limit the transfer syntax
does not (:mod:`lethe.dicom.transcode`): Pillow's libjpeg-turbo for 8-bit lossy JPEG frames
of an odd number of bytes (GDCM's JPEG encoder aborts on those), Pillow's OpenJPEG for JPEG
2000 images smaller than 32 pixels (pydicom's OpenJPEG binding always makes 6 resolution
levels, which need 32). Pillow is imported when a frame is encoded, not with this module.
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


def pillow_j2k_accepts(bits_allocated: int, bits_stored: int, signed: bool,
                       samples: int) -> bool:
    """Whether :func:`pillow_j2k` can write such pixels: unsigned, 8-bit grayscale or RGB,
    or 16-bit grayscale, every allocated bit stored (Pillow writes the precision of its
    image mode, which must be BitsStored)."""
    if signed or bits_stored != bits_allocated:
        return False
    return bits_allocated == 8 or (bits_allocated == 16 and samples == 1)


def pillow_j2k(frame: np.ndarray, *, lossless: bool, psnr: float | None = None) -> bytes:
    """A frame as a JPEG 2000 codestream (no JP2 box) with as many resolution levels as its
    size allows (OpenJPEG needs 2**(levels - 1) pixels in each direction): reversible 5/3
    wavelet when ``lossless``, else irreversible 9/7 at ``psnr`` dB. RGB is coded without a
    colour transform, as pydicom codes RGB."""
    import numpy as np
    from PIL import Image

    rows, columns = frame.shape[:2]
    levels = max(1, min(6, int(math.log2(max(1, min(rows, columns)))) + 1))
    image = Image.fromarray(np.ascontiguousarray(frame))
    options: dict[str, object] = {"no_jp2": True, "num_resolutions": levels, "mct": 0,
                                  "irreversible": not lossless}
    if not lossless:
        options.update(quality_mode="dB", quality_layers=[psnr])
    out = io.BytesIO()
    image.save(out, "JPEG2000", **options)
    return out.getvalue()
