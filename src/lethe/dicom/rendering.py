"""Decoded frames and Orthanc's renderings of them: previews, windowed frames, truncated
images, numpy arrays, Matlab matrices (no I/O: data sets in, arrays and bytes out).

Decoding (:func:`decode_frame`) gives a frame as Orthanc's decoder does, as a numpy array
whose type is Orthanc's pixel format: ``uint8`` (Grayscale8), ``uint16`` (Grayscale16),
``int16`` (SignedGrayscale16), ``uint32`` (Grayscale32), ``(rows, columns, 3) uint8`` (RGB24)
and ``(rows, columns, 3) uint16`` (RGB48). Uncompressed pixel data is read with numpy as
Orthanc reads it (the stored values shifted right by ``HighBit + 1 - BitsStored``, no other
masking; 1-bit data as 0 and 255); compressed pixel data is decoded by pydicom's decoders, in
pydicom's order of plugins (GDCM first), colour made RGB. Palette colour goes through its
lookup table (16-bit entries keep their high byte for 8-bit indices, as Orthanc does).
Where Orthanc 1.10.1 cannot decode (JPEG 2000 without plugin, YBR or 16-bit colour when
uncompressed, signed 8-bit or 32-bit data), Lethe decodes: YBR becomes RGB, signed 8-bit
becomes SignedGrayscale16, signed 32-bit stays ``int32`` and float pixel data ``float32``.

Renderings (Orthanc's ``DicomImageDecoder`` and ``ImageProcessing``, in 32-bit float as
there, so that the same pixels come out):

* :func:`preview`: colour as it is (RGB48 loses its low byte), grayscale stretched from its
  minimum and maximum to 0..255 (rounded; all 0 when flat), inverted for MONOCHROME1;
* :func:`truncated`: grayscale values clamped into ``uint8``, ``uint16`` or ``int16``;
  colour is refused (415), as in Orthanc;
* :func:`rendered`: colour as the preview; grayscale through the rescale slope and
  intercept and the window (the arguments, else the first WindowCenter/WindowWidth of the
  data set or of the frame's functional groups, else the whole range of BitsStored), then
  floored into 0..255 and inverted for MONOCHROME1; then resized (nearest pixel, the size
  rounded from the ratio) after a 5x5 Gaussian smoothing when asked and shrinking.

Encoding: PNG and JPEG by Pillow, PAM (a header and the samples, big endian) here, numpy
arrays by numpy. Errors are ``LetheError``: 415 for what cannot be decoded or rendered
(naming why), 400 for an argument out of range (naming it), 404 for a frame that does not
exist (``FrameNotFound``).
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from pydicom.dataset import Dataset
from pydicom.encaps import generate_frames
from pydicom.multival import MultiValue
from pydicom.uid import (
    UID,
    DeflatedExplicitVRLittleEndian,
    ExplicitVRBigEndian,
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
)

from lethe.dicom import part10
from lethe.errors import ErrorCode, LetheError

if TYPE_CHECKING:
    import numpy as np

Mode = Literal["preview", "uint8", "uint16", "int16"]
MIME_PNG, MIME_JPEG, MIME_PAM = "image/png", "image/jpeg", "image/x-portable-arbitrarymap"

_NATIVE = frozenset({ImplicitVRLittleEndian, ExplicitVRLittleEndian,
                     DeflatedExplicitVRLittleEndian, ExplicitVRBigEndian})
_PIXEL_DATA, _FLOAT_PIXEL_DATA, _DOUBLE_PIXEL_DATA = 0x7FE00010, 0x7FE00008, 0x7FE00009
_RT_DOSE = "1.2.840.10008.5.1.4.1.1.481.2"
_PDF = "1.2.840.10008.5.1.4.1.1.104.1"
_RAW_MIME = {"1.2.840.10008.1.2.4.50": MIME_JPEG, "1.2.840.10008.1.2.4.90": "image/jp2",
             "1.2.840.10008.1.2.4.91": "image/jp2"}


class FrameNotFound(LetheError):
    """The frame asked for does not exist (Orthanc answers 404 on the image routes and 400
    Parameter out of range on the others)."""

    def __init__(self, index: int, count: int) -> None:
        super().__init__(ErrorCode.PARAMETER_OUT_OF_RANGE,
                         f"frame {index} does not exist: the instance has {count} frame(s)")


def unsupported(details: str) -> LetheError:
    """Orthanc's 415 Unsupported media type, with the reason."""
    return LetheError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, details)


# --- decoding -------------------------------------------------------------------------
def frames_count(dataset: Dataset) -> int:
    """Orthanc's number of frames: NumberOfFrames, 1 when absent or not a number (whether
    there are pixels or not)."""
    value = dataset.get("NumberOfFrames")
    try:
        count = int(str(value).strip()) if value not in (None, "") else 1
    except ValueError:
        return 1
    if count < 0:
        raise LetheError(ErrorCode.BAD_FILE_FORMAT, "NumberOfFrames is negative")
    return count


def decode_frame(dataset: Dataset, index: int) -> np.ndarray:
    """Frame ``index`` (from 0) of a fully read data set, in Orthanc's pixel format (see the
    module's docstring). Raises :class:`FrameNotFound`, or 415 naming why it cannot be
    decoded."""
    count = frames_count(dataset)
    if not 0 <= index < count:
        raise FrameNotFound(index, count)
    if _FLOAT_PIXEL_DATA in dataset or _DOUBLE_PIXEL_DATA in dataset:
        return _float_frame(dataset, index)
    if _PIXEL_DATA not in dataset:
        raise unsupported("the instance has no pixel data")
    info = _Info.of(dataset)
    syntax = part10.transfer_syntax_of(dataset)
    if syntax in _NATIVE:
        frame = _native_frame(dataset, info, index, syntax == ExplicitVRBigEndian)
    else:
        frame = _compressed_frame(dataset, info, index, syntax)
    if info.photometric == "PALETTE COLOR":
        return _palette(dataset, frame, info)
    return _orthanc_format(frame, info)


class _Info:
    """The Image Pixel attributes Orthanc reads (DicomImageInformation)."""

    def __init__(self, rows: int, columns: int, samples: int, allocated: int, stored: int,
                 high_bit: int, signed: bool, planar: bool, photometric: str) -> None:
        self.rows, self.columns, self.samples = rows, columns, samples
        self.allocated, self.stored, self.high_bit = allocated, stored, high_bit
        self.signed, self.planar, self.photometric = signed, planar, photometric

    @classmethod
    def of(cls, dataset: Dataset) -> _Info:
        try:
            allocated = int(dataset.BitsAllocated)
            stored = int(dataset.get("BitsStored") or allocated)
            samples = int(dataset.get("SamplesPerPixel") or 1)
            info = cls(int(dataset.Rows), int(dataset.Columns), samples, allocated, stored,
                       int(dataset.get("HighBit", stored - 1)),
                       int(dataset.get("PixelRepresentation") or 0) == 1,
                       samples > 1 and int(dataset.get("PlanarConfiguration") or 0) == 1,
                       str(dataset.get("PhotometricInterpretation", "")).strip().upper())
        except (AttributeError, TypeError, ValueError):
            raise unsupported("the Image Pixel attributes (Rows, Columns, BitsAllocated...) "
                              "are missing or invalid") from None
        if allocated not in (1, 8, 16, 32) or stored > allocated or samples not in (1, 3):
            raise unsupported(f"cannot decode {samples} sample(s) of {allocated} bits "
                              f"({stored} stored)")
        return info


def _native_frame(dataset: Dataset, info: _Info, index: int, big_endian: bool) -> np.ndarray:
    import numpy as np

    data = dataset.PixelData
    pixels = info.rows * info.columns * info.samples
    if info.allocated == 1:
        start, length = index * pixels, pixels
        first, last = start // 8, (start + length + 7) // 8
        if last > len(data):
            raise unsupported("the pixel data is shorter than its attributes say")
        bits = np.unpackbits(np.frombuffer(data, np.uint8, last - first, first),
                             bitorder="little")
        offset = start - first * 8
        return bits[offset:offset + length].reshape(info.rows, info.columns) * np.uint8(255)
    size = info.allocated // 8
    dtype = np.dtype(f"{'>' if big_endian else '<'}{'i' if info.signed else 'u'}{size}")
    if (index + 1) * pixels * size > len(data):
        raise unsupported("the pixel data is shorter than its attributes say")
    values = np.frombuffer(data, dtype, pixels, index * pixels * size).astype(dtype.newbyteorder("="))
    shift = info.high_bit + 1 - info.stored
    if shift > 0:
        values = values >> shift
    if info.samples == 1:
        return values.reshape(info.rows, info.columns)
    if info.planar:
        return np.ascontiguousarray(values.reshape(3, info.rows, info.columns).transpose(1, 2, 0))
    frame = values.reshape(info.rows, info.columns, 3)
    if info.photometric.startswith("YBR_FULL"):
        return _ybr_to_rgb(frame, info)
    return frame


def _ybr_to_rgb(frame: np.ndarray, info: _Info) -> np.ndarray:
    from pydicom.pixels import convert_color_space

    return convert_color_space(frame, "YBR_FULL", "RGB")


def _compressed_frame(dataset: Dataset, info: _Info, index: int, syntax: UID) -> np.ndarray:
    """Decoded as the transcoder decodes (:func:`lethe.dicom.transcode.decode_frame`: GDCM's
    IJG code for monochrome JPEG, as DCMTK; pydicom's plugins otherwise), YBR made RGB."""
    from pydicom.pixels import get_decoder

    from lethe.dicom.transcode import decode_frame as decode_compressed

    try:
        available = get_decoder(syntax).is_available
    except NotImplementedError:
        available = False
    if not available:
        raise unsupported(f"Lethe cannot decode the transfer syntax {syntax}")
    try:
        frame, photometric = decode_compressed(dataset, index)
    except (LetheError, ValueError, TypeError, KeyError) as error:
        # pydicom's messages may quote values of the file: they stay out of the answer.
        raise unsupported(f"the pixel data cannot be decoded ({syntax.name})") from error
    if frame.ndim == 3 and photometric.startswith("YBR_FULL"):
        return _ybr_to_rgb(frame, info)
    return frame


def _float_frame(dataset: Dataset, index: int) -> np.ndarray:
    import numpy as np

    tag = _FLOAT_PIXEL_DATA if _FLOAT_PIXEL_DATA in dataset else _DOUBLE_PIXEL_DATA
    rows, columns = int(dataset.Rows), int(dataset.Columns)
    dtype = np.dtype("<f4" if tag == _FLOAT_PIXEL_DATA else "<f8")
    data = dataset[tag].value
    count = rows * columns
    if (index + 1) * count * dtype.itemsize > len(data):
        raise unsupported("the pixel data is shorter than its attributes say")
    values = np.frombuffer(data, dtype, count, index * count * dtype.itemsize)
    return values.astype(np.float32).reshape(rows, columns)


def _palette(dataset: Dataset, frame: np.ndarray, info: _Info) -> np.ndarray:
    import numpy as np
    from pydicom.pixels import apply_color_lut

    if info.samples != 1 or info.signed or info.stored not in (8, 16):
        raise unsupported("only unsigned 8-bit and 16-bit palette colour images are decoded")
    try:
        rgb = apply_color_lut(frame, dataset)
    except (ValueError, AttributeError, KeyError, IndexError) as error:
        raise unsupported("the palette colour lookup table cannot be applied") from error
    descriptor = dataset.get("RedPaletteColorLookupTableDescriptor") or [0, 0, 8]
    if int(descriptor[2]) == 16 and info.stored == 8:
        return (rgb >> 8).astype(np.uint8)  # Orthanc keeps the high byte
    return rgb.astype(np.uint16 if int(descriptor[2]) == 16 else np.uint8)


def _orthanc_format(frame: np.ndarray, info: _Info) -> np.ndarray:
    import numpy as np

    if frame.ndim == 3:
        if frame.dtype.itemsize == 1:
            return frame.astype(np.uint8, copy=False)
        return frame.astype(np.uint16, copy=False)
    if info.allocated == 1:
        return frame.astype(np.uint8, copy=False)
    if frame.dtype == np.int8:
        return frame.astype(np.int16)
    if info.allocated == 8 and not info.signed:
        return frame.astype(np.uint8, copy=False)
    return frame


# --- renderings -----------------------------------------------------------------------
def is_color(frame: np.ndarray) -> bool:
    return frame.ndim == 3


def preview(frame: np.ndarray, invert: bool) -> np.ndarray:
    """Orthanc's preview: colour as RGB24, grayscale stretched into 0..255."""
    import numpy as np

    if is_color(frame):
        return frame if frame.dtype == np.uint8 else (frame >> 8).astype(np.uint8)
    low, high = (frame.min(), frame.max()) if frame.size else (0, 0)
    if low == high:
        out = np.zeros(frame.shape, np.uint8)
    else:
        scale = np.float32(255.0) / np.float32(float(high) - float(low))
        offset = np.float32(-float(low)) * scale
        values = scale * frame.astype(np.float32) + offset
        out = _iround(np.clip(values, 0, 255)).astype(np.uint8)
    return 255 - out if invert else out


def _iround(values: Any) -> Any:
    """boost's iround on non-negative floats (arrays or scalars): halves go up."""
    import numpy as np

    floor = np.floor(values)
    return floor + (values - floor >= np.float32(0.5))


def truncated(frame: np.ndarray, mode: Mode) -> np.ndarray:
    """The grayscale frame clamped into the type of ``mode`` (uint8, uint16 or int16)."""
    import numpy as np

    if is_color(frame):
        raise unsupported(f"a colour image has no {mode} rendering (use /preview)")
    dtype = np.dtype({"uint8": "u1", "uint16": "u2", "int16": "i2"}[mode])
    limits = np.iinfo(dtype)
    if frame.dtype.kind == "f":
        frame = np.floor(np.nan_to_num(frame))
    clipped: np.ndarray = np.clip(frame, limits.min, limits.max).astype(dtype)
    return clipped


def rescale(dataset: Dataset, frame_index: int) -> tuple[float, float]:
    """Orthanc's rescale (intercept, slope) of a frame: RescaleIntercept/Slope, else those
    of the frame's PixelValueTransformationSequence; (0, 1) when absent and for RT Dose."""
    if str(dataset.get("SOPClassUID", "")) == _RT_DOSE:
        return 0.0, 1.0
    for source in (dataset, _functional(dataset, frame_index, "PixelValueTransformationSequence")):
        if source is not None:
            intercept = _number(source.get("RescaleIntercept"), first=False)
            slope = _number(source.get("RescaleSlope"), first=False)
            if intercept is not None and slope is not None:
                return intercept, slope
    return 0.0, 1.0


def windowing(dataset: Dataset, frame_index: int) -> tuple[float, float]:
    """Orthanc's default window (center, width): the first WindowCenter/WindowWidth of the
    data set, else of the frame's FrameVOILUTSequence, else the range of BitsStored."""
    for source in (dataset, _functional(dataset, frame_index, "FrameVOILUTSequence")):
        if source is not None:
            center = _number(source.get("WindowCenter"), first=True)
            width = _number(source.get("WindowWidth"), first=True)
            if center is not None and width is not None:
                return center, width
    try:
        bits = int(dataset.get("BitsStored") or 8)
    except (TypeError, ValueError):
        bits = 8
    width = float(1 << (bits or 8))
    return width / 2, width


def _functional(dataset: Dataset, frame_index: int, keyword: str) -> Dataset | None:
    groups = dataset.get("PerFrameFunctionalGroupsSequence")
    if not groups or frame_index >= len(groups):
        return None
    items = groups[frame_index].get(keyword)
    return items[0] if items else None


def _number(value: object, *, first: bool) -> float | None:
    """A DS value as Orthanc parses it: a single value (``first``: the first of several)."""
    if value is None:
        return None
    if isinstance(value, MultiValue):
        if not value or (len(value) > 1 and not first):
            return None
        value = value[0]
    try:
        number = float(str(value).strip())
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def rendered(frame: np.ndarray, *, intercept: float, slope: float, center: float,
             width: float, invert: bool, size: tuple[int, int] | None,
             smooth: bool) -> np.ndarray:
    """Orthanc's ``/rendered``: 8-bit grayscale after rescale and windowing (colour as the
    preview), resized to ``size`` (columns, rows) when given."""
    import numpy as np

    if is_color(frame):
        out = preview(frame, False)
    else:
        width = max(width, 1.0)
        if abs(slope) <= 0.0001:
            slope = 0.0001
        scaling = np.float32(255.0 * slope / width)
        offset = np.float32((intercept - center + width / 2.0) / slope) * scaling
        values = scaling * frame.astype(np.float32) + offset
        out = np.floor(np.clip(values, 0, 255)).astype(np.uint8)
    if size is not None and size != (out.shape[1], out.shape[0]):
        if smooth and (size[0] < out.shape[1] or size[1] < out.shape[0]):
            out = _smooth(out)
        out = _resize(out, size)
    return 255 - out if invert and not is_color(frame) else out


def target_size(frame: np.ndarray, width: int, height: int) -> tuple[int, int]:
    """Orthanc's size of a rendered frame asked ``width`` and/or ``height`` (0: not asked):
    the ratio keeps the proportions, the smaller of two wins, the result is rounded."""
    import numpy as np

    rows, columns = frame.shape[:2]
    if not rows or not columns:
        return columns, rows
    ratio = np.float32(1)
    if width and height:
        ratio = min(np.float32(width) / np.float32(columns), np.float32(height) / np.float32(rows))
    elif width:
        ratio = np.float32(width) / np.float32(columns)
    elif height:
        ratio = np.float32(height) / np.float32(rows)
    return int(_iround(ratio * np.float32(columns))), int(_iround(ratio * np.float32(rows)))


def _resize(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Nearest pixel, as Orthanc's ``ImageProcessing::Resize``."""
    import numpy as np

    columns, rows = size
    if not columns or not rows:
        return np.zeros((rows, columns, *image.shape[2:]), image.dtype)

    def lookup(target: int, source: int) -> np.ndarray:
        scale = np.float32(source) / np.float32(target)
        positions = np.floor((np.arange(target, dtype=np.float32) + np.float32(0.5)) * scale)
        found: np.ndarray = np.clip(positions.astype(np.int64), 0, source - 1)
        return found

    resized: np.ndarray = image[lookup(rows, image.shape[0])][:, lookup(columns, image.shape[1])]
    return resized


def _smooth(image: np.ndarray) -> np.ndarray:
    """Orthanc's 5x5 Gaussian (1 4 6 4 1), borders repeated, truncated to integers."""
    import numpy as np

    kernel = (1, 4, 6, 4, 1)
    pad = [(2, 2), (2, 2)] + [(0, 0)] * (image.ndim - 2)
    padded = np.pad(image.astype(np.int64), pad, mode="edge")
    rows, columns = image.shape[:2]
    horizontal = np.zeros((rows + 4, *image.shape[1:]), np.int64)
    for i, k in enumerate(kernel):
        horizontal += k * padded[:, i:i + columns]
    total = np.zeros(image.shape, np.int64)
    for i, k in enumerate(kernel):
        total += k * horizontal[i:i + rows]
    return (total // 256).astype(np.uint8)


# --- encodings ------------------------------------------------------------------------
def encode(image: np.ndarray, mime: str, quality: int = 90) -> bytes:
    """``image`` (uint8, uint16 or int16 grayscale, or RGB24) as PNG, JPEG or PAM."""
    import numpy as np

    if mime == MIME_PAM:
        return _pam(image)
    from PIL import Image

    out = io.BytesIO()
    if mime == MIME_JPEG:
        if image.dtype != np.uint8:
            raise LetheError(ErrorCode.NOT_ACCEPTABLE, "JPEG holds 8-bit images only: ask for "
                             f"{MIME_PNG} or {MIME_PAM}")
        Image.fromarray(image).save(out, "JPEG", quality=quality)
    elif image.dtype == np.uint8:
        Image.fromarray(image).save(out, "PNG")
    else:  # 16-bit grayscale; signed values as their two's complement
        Image.fromarray(np.ascontiguousarray(image.view(np.uint16))).save(out, "PNG")
    return out.getvalue()


def _pam(image: np.ndarray) -> bytes:
    """The PAM file of ``image`` (Netpbm's P7; 16-bit samples big endian)."""
    import numpy as np

    depth = 3 if image.ndim == 3 else 1
    wide = image.dtype.itemsize == 2
    header = (f"P7\nWIDTH {image.shape[1]}\nHEIGHT {image.shape[0]}\nDEPTH {depth}\n"
              f"MAXVAL {65535 if wide and depth == 1 else 255}\n"
              f"TUPLTYPE {'RGB' if depth == 3 else 'GRAYSCALE'}\nENDHDR\n")
    samples = image.astype(">u2" if wide else np.uint8, copy=False)
    return header.encode("ascii") + np.ascontiguousarray(samples).tobytes()


def negotiate(accept: str | None) -> str | None:
    """The image type to answer for an ``Accept`` header (PNG by default and for
    wildcards; the highest quality wins, then the first listed); None if it accepts none
    of PNG, JPEG and PAM."""
    if not accept or not accept.strip():
        return MIME_PNG
    best: tuple[float, int, str] | None = None
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        kind = fields[0].lower()
        quality = 1.0
        for parameter in fields[1:]:
            match = re.fullmatch(r"q\s*=\s*([0-9.]+)", parameter)
            if match:
                try:
                    quality = float(match.group(1))
                except ValueError:
                    quality = 0.0
        mime = {"*/*": MIME_PNG, "image/*": MIME_PNG}.get(kind, kind)
        if mime not in (MIME_PNG, MIME_JPEG, MIME_PAM) or quality <= 0:
            continue
        if best is None or quality > best[0]:
            best = (quality, position, mime)
    return best[2] if best else None


def numpy_file(frames: Iterable[np.ndarray], *, shape_of_one: bool, compress: bool,
               rescaled: Sequence[tuple[float, float]] | None) -> bytes:
    """Orthanc's ``/numpy``: the frames as one array of shape (frames, rows, columns,
    channels), or (rows, columns, channels) for ``shape_of_one``; grayscale frames as 32-bit
    floats through their (intercept, slope) when ``rescaled`` gives them. ``compress``: an
    ``.npz`` whose array is ``arr_0``."""
    import numpy as np

    arrays = []
    for number, frame in enumerate(frames):
        if rescaled is not None and not (is_color(frame) and frame.dtype == np.uint8):
            intercept, slope = rescaled[number]
            frame = np.float32(slope) * frame.astype(np.float32) + np.float32(intercept)
        elif frame.dtype not in (np.uint8, np.uint16, np.int16, np.float32):
            frame = frame.astype(np.float32)
        arrays.append(frame if frame.ndim == 3 else frame[:, :, None])
    if arrays and any(a.shape != arrays[0].shape for a in arrays):
        raise LetheError(ErrorCode.INCOMPATIBLE_IMAGE_SIZE,
                         "The size of the frames varies across the instance(s)")
    if arrays and any(a.dtype != arrays[0].dtype for a in arrays):
        raise LetheError(ErrorCode.INCOMPATIBLE_IMAGE_FORMAT,
                         "The pixel format of the frames varies across the instance(s)")
    array = arrays[0] if shape_of_one else np.stack(arrays)
    out = io.BytesIO()
    if compress:
        np.savez_compressed(out, array)
    else:
        np.save(out, array)
    return out.getvalue()


def matlab(frame: np.ndarray) -> str:
    """Orthanc's Octave/Matlab matrix of a frame (``double([ ... ])``)."""
    import numpy as np

    if is_color(frame):
        if frame.dtype != np.uint8:
            raise unsupported("16-bit colour images have no Matlab rendering")
        values = " ".join(map(str, frame.ravel().tolist()))
        return (f"double(permute(reshape([ {values} ], [ 3 {frame.shape[0]} "
                f"{frame.shape[1]} ]), [ 3 2 1 ]))")
    rows = (" ".join(_matlab_number(v) for v in row) + " " for row in frame.tolist())
    return "double([ " + "; ".join(rows) + "])"


def _matlab_number(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


# --- raw frames and documents ---------------------------------------------------------
def raw_frame(dataset: Dataset, index: int) -> tuple[bytes, str]:
    """The stored bytes of frame ``index`` (its fragments for encapsulated pixel data) and
    their type, as Orthanc's ``/frames/{n}/raw``."""
    count = frames_count(dataset)
    if not 0 <= index < count:
        raise FrameNotFound(index, count)
    if _PIXEL_DATA not in dataset:  # Orthanc: no frame to index, 400
        raise LetheError(ErrorCode.PARAMETER_OUT_OF_RANGE, "the instance has no pixel data")
    syntax = part10.transfer_syntax_of(dataset)
    data = dataset.PixelData
    if syntax in _NATIVE:
        info = _Info.of(dataset)
        size = info.rows * info.columns * info.samples * info.allocated
        if info.allocated == 1:
            start, stop = index * size // 8, ((index + 1) * size + 7) // 8
        else:
            start, stop = index * size // 8, (index + 1) * size // 8
        if stop > len(data):
            raise unsupported("the pixel data is shorter than its attributes say")
        return bytes(data[start:stop]), "application/octet-stream"
    try:
        frames = generate_frames(data, number_of_frames=count)
        for number, frame in enumerate(frames):
            if number == index:
                return bytes(frame), _RAW_MIME.get(str(syntax), "application/octet-stream")
    except (ValueError, StopIteration):
        pass
    raise unsupported("the encapsulated pixel data has fewer frames than NumberOfFrames")


def encapsulated_pdf(dataset: Dataset) -> bytes | None:
    """The PDF of an Encapsulated PDF instance (its trailing pad byte removed, as Orthanc
    does), None for any other instance."""
    if str(dataset.get("SOPClassUID", "")).strip() != _PDF:
        return None
    if str(dataset.get("MIMETypeOfEncapsulatedDocument", "")).strip() != "application/pdf":
        return None
    document = dataset.get("EncapsulatedDocument")
    if document is None:
        return None
    pdf = bytes(document)
    if pdf and pdf[-1] not in (10, 13):
        pdf = pdf[:-1]
    return pdf
