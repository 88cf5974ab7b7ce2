"""Transcoding a fully read data set to another transfer syntax (spec section 10).

:func:`transcode` works **in place**: it decodes the pixel data of ``dataset`` (as
:func:`lethe.dicom.part10.read_full` gives it), encodes it again for the target transfer syntax,
replaces the pixel data element, sets the Image Pixel attributes the new encoding needs, records
lossy compression as DCMTK (so Orthanc) does, and sets ``file_meta.TransferSyntaxUID``. It returns
the same data set. Everything is computed before the data set is touched: when it raises, nothing
has changed. The SOPInstanceUID is never changed (the caller decides UIDs). :func:`transcode_file`
does read, transcode and write in one call.

What is produced
    Targets (:data:`SUPPORTED_TARGETS`): implicit and explicit VR little endian, deflated, RLE,
    JPEG baseline (.4.50), JPEG extended 12 bit (.4.51), JPEG lossless (.4.57) and SV1 (.4.70),
    JPEG-LS lossless (.4.80) and near-lossless (.4.81), JPEG 2000 lossless (.4.90) and lossy
    (.4.91). Sources: those, explicit VR big endian, and whatever else pydicom can decode.
    Encoders: pydicom's (RLE through GDCM, or pydicom's own for frames of an odd length, which
    GDCM's aborts on; JPEG-LS through pyjpegls; JPEG 2000 through openjpeg) and GDCM's JPEG
    codec for the JPEG processes, which pydicom cannot encode. Decoders: GDCM's IJG code directly
    for monochrome unsigned JPEG (DCMTK's pixels, also for 12-bit JPEG and for streams pylibjpeg
    rejects); otherwise pydicom's, in pydicom's order, then pylibjpeg alone from a frame where
    that failed.

    Only what PS3.5 tables 8.2.1-1 to 8.2.4-1 allow is produced (pydicom's ``ENCODING_PROFILES``):
    JPEG baseline needs 8 unsigned bits, JPEG extended monochrome 8 or 12 bits in 16, JPEG-LS
    8-bit YBR_FULL only, and so on. Anything else raises ``LetheError(BAD_REQUEST)`` naming what
    the target accepts (:func:`can_transcode` gives the same reason without raising). DCMTK is more
    lenient for JPEG extended (colour, BitsStored 9 to 11); Lethe refuses those. RLE also
    takes 32-bit data (4 or 12 segments, GDCM's encoder), which pydicom's table leaves out.
    Where a codec has a limit the syntax has not, another maintained encoder takes over
    (:mod:`lethe.dicom.encoders`): Pillow's libjpeg-turbo for lossy JPEG frames of an odd
    number of bytes and imagecodecs' libjpeg-turbo for lossless ones (GDCM's JPEG encoder
    refuses those); imagecodecs' OpenJPEG for JPEG 2000 images of fewer than 32 rows or
    columns, at any depth up to 16 bits, signed or not (pydicom's openjpeg always makes 6
    resolution levels); imagecodecs' CharLS for the few-pixel JPEG-LS images pyjpegls fails
    on. Signed JPEG-LS near-lossless frames with a value within NEAR of the BitsStored limits
    are coded with NEAR=0 (CharLS codes them unsigned: the error would wrap there; DCMTK
    refuses all signed data), so every pixel stays within NEAR. What is still refused: JPEG
    2000 beyond 24 bits per sample (OpenJPEG's limit), and JPEG-LS images of a few pixels
    with BitsStored < BitsAllocated (BAD_REQUEST when the codec fails: pyjpegls fails on
    them and imagecodecs writes only 8 or 16-bit precision).

Pixels
    Between the little endian native syntaxes the pixel data element is kept as it is. Otherwise
    every frame is decoded and re-encoded; a lossless target then holds exactly the decoded
    pixels. Decoding keeps the colour space of the data, except where the colour transform is
    part of the codec: lossy JPEG in YBR_FULL or YBR_FULL_422 is decoded to RGB (as DCMTK does)
    and JPEG 2000 YBR_RCT/YBR_ICT comes out RGB. Native YBR_FULL_422 is upsampled to YBR_FULL
    when it must be decoded. Output PhotometricInterpretation: the decoded one, except
    YBR_FULL_422 for colour JPEG baseline/extended (GDCM encodes YCbCr with chroma subsampling).
    PlanarConfiguration becomes 0 for re-encoded colour data. Bits and PixelRepresentation are
    unchanged. Signed JPEG lossless holds 16-bit two's complement samples (the JPEG precision is
    BitsAllocated), which every decoder reads right; JPEG-LS holds BitsStored-bit ones, as CharLS
    and PS3.5 want (DCMTK 3.6.7 does not sign-extend those when BitsStored < BitsAllocated).

Lossy quality (``lossy_quality``, 1 to 100, default 90 as Orthanc's
``DicomLossyTranscodingQuality``)
    * JPEG baseline and extended: the IJG quality factor itself.
    * JPEG-LS near-lossless: NEAR = max(1, ceil((100 - quality) / 5)), so 90 gives NEAR=2, which
      is DCMTK's fixed value; 100 gives 1 and 1 gives 20. Every pixel is then within NEAR.
    * JPEG 2000 lossy: a target root mean square error of (101 - quality) / 5 grey levels (2.2 at
      90, 0.2 at 100, 20 at 1), handed to openjpeg as the PSNR it means on the BitsStored scale.
    Like JPEG's quantisation and JPEG-LS's NEAR, the error is thus in grey levels whatever the
    bit depth, and the three lossy codecs give errors of the same order for the same quality.

Recorded in the data set (DCMTK's texts, checked against Orthanc 1.10.1)
    * JPEG lossless: DerivationDescription ``Lossless JPEG compression, selection value 1, point
      transform 0, compression ratio R``.
    * lossy targets: DerivationDescription (``Lossy compression with JPEG baseline, IJG quality
      factor Q, compression ratio R``; ``... JPEG extended sequential 8 bit|12 bit ...``;
      ``near lossless JPEG-LS compression, factor R (NEAR=N)``; for JPEG 2000, Lethe's own
      ``Lossy compression with JPEG 2000, target RMS error E, compression ratio R``),
      LossyImageCompression ``01``, LossyImageCompressionRatio and LossyImageCompressionMethod
      extended with this step,
      ImageType value 1 ``DERIVED`` (ImageType ``DERIVED`` if absent), a new SourceImageSequence
      referencing the data set's SOP class and instance ("Uncompressed predecessor") and a new
      DerivationCodeSequence ("Lossy Compression"). An older DerivationDescription is kept after
      the new text in brackets, cut at 1024 characters.
    R is the native pixel data size over the encoded size, written with 5 significant digits.

Memory
    Frames are decoded and encoded one by one. Held at once: the source pixel data (already in
    the data set), one decoded frame, and the output: for an encapsulated target the encoded
    frames and their encapsulation (up to three times the compressed size while pydicom
    encapsulates), for a native target the native pixel data (twice its size while it becomes
    ``bytes``; 1-bit data is packed from all frames at once).

Not handled: pixel data in nested data sets (icon images) stays as it is; float pixel data is
only copied between little endian native syntaxes; explicit VR big endian is a source only.

GDCM and numpy are imported by the functions that use them, not with this module: the routes
that import it to parse a request never load a codec (tests/test_lazy_imports.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate, encapsulate_extended, generate_frames
from pydicom.multival import MultiValue
from pydicom.pixels import get_decoder, get_encoder
from pydicom.pixels.encoders.base import ENCODING_PROFILES
from pydicom.pixels.utils import pack_bits
from pydicom.sequence import Sequence
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
)

from lethe.dicom import part10
from lethe.errors import bad_file_format, bad_request, out_of_range

if TYPE_CHECKING:
    import gdcm
    import numpy as np

KNOWN_TRANSFER_SYNTAXES = frozenset({
    "1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.2",
    *(f"1.2.840.10008.1.2.4.{process}" for process in range(50, 67)),
    "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81",
    *(f"1.2.840.10008.1.2.4.{number}" for number in range(90, 96)),
    *(f"1.2.840.10008.1.2.4.{number}" for number in range(100, 109)),
    "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.6.1", "1.2.840.10008.1.2.6.2",
})
"""The 42 transfer syntax UIDs Orthanc 1.10.1 knows (its ``LookupTransferSyntax``, checked against
the binary). Later versions add JPEG XL (.4.110 to .4.112) and HTJ2K (.4.201 to .4.203)."""

_NATIVE_LITTLE_ENDIAN = frozenset({
    ImplicitVRLittleEndian, ExplicitVRLittleEndian, DeflatedExplicitVRLittleEndian})
_GDCM_SYNTAXES = {  # the names of GDCM's gdcm.TransferSyntax constants
    JPEGBaseline8Bit: "JPEGBaselineProcess1",
    JPEGExtended12Bit: "JPEGExtendedProcess2_4",
    JPEGLossless: "JPEGLosslessProcess14",
    JPEGLosslessSV1: "JPEGLosslessProcess14_1",
}
_PYDICOM_TARGETS = frozenset({
    RLELossless, JPEGLSLossless, JPEGLSNearLossless, JPEG2000Lossless, JPEG2000})
LOSSY_TARGETS = frozenset({JPEGBaseline8Bit, JPEGExtended12Bit, JPEGLSNearLossless, JPEG2000})
SUPPORTED_TARGETS = frozenset(_NATIVE_LITTLE_ENDIAN | _GDCM_SYNTAXES.keys() | _PYDICOM_TARGETS)

# JPEG DCT processes (lossy): their YCbCr colour transform belongs to the codec.
_LOSSY_JPEG = frozenset(
    f"1.2.840.10008.1.2.4.{process}" for process in (*range(50, 57), *range(59, 65)))
_JPEG_SUBSAMPLED = frozenset({JPEGBaseline8Bit, JPEGExtended12Bit})
_PIXEL_DATA = 0x7FE00010
_FLOAT_PIXEL_DATA = (0x7FE00008, 0x7FE00009)
_OFFSET_TABLES = (0x7FE00001, 0x7FE00002)
_REQUIRED = ("Rows", "Columns", "SamplesPerPixel", "PhotometricInterpretation", "BitsAllocated",
             "BitsStored", "PixelRepresentation")
_MAX_DESCRIPTION = 1024
_METHODS = {JPEGBaseline8Bit: "ISO_10918_1", JPEGExtended12Bit: "ISO_10918_1",
            JPEGLSNearLossless: "ISO_14495_1", JPEG2000: "ISO_15444_1"}


@dataclass(frozen=True)
class _Image:
    """The Image Pixel attributes of the decoded pixels (``photometric``: their colour space)."""

    rows: int
    columns: int
    samples: int
    bits_allocated: int
    bits_stored: int
    signed: bool
    photometric: str
    frames: int

    @property
    def frame_bytes(self) -> int:
        return self.rows * self.columns * self.samples * self.bits_allocated // 8


@dataclass(frozen=True)
class _Encoding:
    """Everything :func:`transcode` writes into the data set, computed before it writes."""

    value: bytes
    encapsulated: bool
    photometric: str
    ratio: str = ""
    derivation: str | None = None
    offset_tables: tuple[bytes, bytes] | None = None


def can_transcode(dataset: Dataset, target: str) -> str | None:
    """``None`` if :func:`transcode` can convert ``dataset`` to ``target``, else the reason.

    Looks at the attributes only; a source whose pixel data turns out to be corrupt still fails
    in :func:`transcode` (``BAD_FILE_FORMAT``).
    """
    if target not in KNOWN_TRANSFER_SYNTAXES:
        return f"Unknown transfer syntax: {target}"
    target, source = UID(target), part10.transfer_syntax_of(dataset)
    if source == target:
        return None
    if target not in SUPPORTED_TARGETS:
        return f"Lethe cannot produce the transfer syntax {target} ({target.name})"
    if not _pixels_change(dataset, source, target):
        return None
    if any(tag in dataset for tag in _FLOAT_PIXEL_DATA):
        return ("Float pixel data is only converted between the little endian uncompressed "
                "transfer syntaxes")
    missing = [keyword for keyword in _REQUIRED if dataset.get(keyword) in (None, "")]
    if missing:
        return f"Cannot decode the pixel data without {', '.join(missing)}"
    try:
        decodable = get_decoder(source).is_available
    except NotImplementedError:
        decodable = False
    if not decodable:
        return "Lethe cannot decode the transfer syntax of this instance"
    try:
        image = _image(dataset, source)
    except (TypeError, ValueError):
        return "Cannot decode the pixel data: an Image Pixel attribute has an invalid value"
    if target in _NATIVE_LITTLE_ENDIAN:
        return None
    return _profile_mismatch(image, target) or _codec_limit(image, target)


def transcode(dataset: Dataset, target: str, *, lossy_quality: int = 90) -> Dataset:
    """Convert ``dataset`` in place to the transfer syntax ``target``; returns ``dataset``.

    ``dataset`` must hold its pixel data (:func:`part10.read_full`); its current transfer syntax
    is ``file_meta.TransferSyntaxUID``, or the encoding it was read in for a bare data set.
    Nothing is done when it already is in ``target``. Raises ``LetheError``: BAD_REQUEST when
    the target cannot be produced for this image (reason of :func:`can_transcode`),
    PARAMETER_OUT_OF_RANGE for a quality outside 1..100, BAD_FILE_FORMAT when the pixel data
    cannot be decoded; the data set is then unchanged.
    """
    if isinstance(lossy_quality, bool) or not isinstance(lossy_quality, int) \
            or not 1 <= lossy_quality <= 100:
        raise out_of_range(f"The lossy quality must be an integer from 1 to 100: {lossy_quality}")
    reason = can_transcode(dataset, target)
    if reason is not None:
        raise bad_request(reason)
    target = UID(target)
    source = part10.transfer_syntax_of(dataset)
    if _pixels_change(dataset, source, target):
        image = _image(dataset, source)
        frames = _decoded_frames(dataset, source, image)
        if target in _NATIVE_LITTLE_ENDIAN:
            encoding = _Encoding(_native_value(frames, image), False, image.photometric)
        else:
            encoding = _encode(frames, image, target, lossy_quality)
        _store(dataset, image, target, encoding)
    if not getattr(dataset, "file_meta", None):
        dataset.file_meta = FileMetaDataset()
    dataset.file_meta.TransferSyntaxUID = target
    return dataset


def transcode_file(source: bytes | BinaryIO, target: str, out: BinaryIO, *,
                   lossy_quality: int = 90) -> None:
    """Read the Part 10 file ``source``, transcode it to ``target`` and write it to ``out``.

    Raises as :func:`part10.read_full` and :func:`transcode` do; nothing is written then.
    """
    dataset = part10.read_full(source).dataset
    transcode(dataset, target, lossy_quality=lossy_quality)
    part10.write_full(dataset, out, target)


def _pixels_change(dataset: Dataset, source: UID, target: UID) -> bool:
    """Whether the pixel data must be decoded and encoded again (else it stays as it is)."""
    return (source != target
            and any(tag in dataset for tag in (_PIXEL_DATA, *_FLOAT_PIXEL_DATA))
            and not (source in _NATIVE_LITTLE_ENDIAN and target in _NATIVE_LITTLE_ENDIAN))


def _image(dataset: Dataset, source: UID) -> _Image:
    photometric = str(dataset.PhotometricInterpretation).strip()
    if photometric in ("YBR_RCT", "YBR_ICT") or (
            source in _LOSSY_JPEG and photometric in ("YBR_FULL", "YBR_FULL_422")):
        photometric = "RGB"
    elif photometric == "YBR_FULL_422":
        photometric = "YBR_FULL"
    return _Image(int(dataset.Rows), int(dataset.Columns), int(dataset.SamplesPerPixel),
                  int(dataset.BitsAllocated), int(dataset.BitsStored),
                  int(dataset.PixelRepresentation) == 1, photometric,
                  int(dataset.get("NumberOfFrames") or 1))


def _output_photometric(image: _Image, target: UID) -> str:
    if image.samples == 3 and target in _JPEG_SUBSAMPLED:
        return "YBR_FULL_422"
    return image.photometric


def _profile_mismatch(image: _Image, target: UID) -> str | None:
    """Why PS3.5 does not allow ``image`` in ``target`` (``None`` if it does)."""
    if target == RLELossless and image.bits_allocated == 32 and image.bits_stored <= 32 and (
            (image.samples == 1 and image.photometric in ("MONOCHROME1", "MONOCHROME2"))
            or (image.samples == 3 and image.photometric == "RGB" and not image.signed)):
        return None  # 4 or 12 segments (PS3.5 G.2: up to 15); pydicom's table stops at 16 bits
    profiles = ENCODING_PROFILES[target]
    photometric = _output_photometric(image, target)
    for allowed, samples, representations, allocated, stored in profiles:
        if (photometric == allowed and image.samples == samples
                and int(image.signed) in representations and image.bits_allocated in allocated
                and image.bits_stored in stored):
            return None
    accepted = "; ".join(
        f"{allowed} with {samples} sample(s), "
        f"{'signed or unsigned' if 1 in representations else 'unsigned'}, BitsAllocated "
        f"{'/'.join(map(str, allocated))}, BitsStored {_span(stored)}"
        for allowed, samples, representations, allocated, stored in profiles)
    return (f"{target.name} cannot encode this image (PhotometricInterpretation, SamplesPerPixel,"
            f" PixelRepresentation, BitsAllocated or BitsStored); it accepts: {accepted}")


def _codec_limit(image: _Image, target: UID) -> str | None:
    """Why the codecs Lethe has for ``target`` cannot encode ``image`` (``None`` if they can)."""
    if target in (JPEG2000Lossless, JPEG2000) and image.bits_stored > 24:
        # PS3.5 allows up to 38 bits; OpenJPEG, the only JPEG 2000 encoder here, stops at 24.
        return (f"{target.name} cannot encode this image: OpenJPEG encodes at most 24 bits "
                f"per sample (BitsStored is {image.bits_stored})")
    return None


def _span(values: Iterable[int]) -> str:
    values = list(values)
    return str(values[0]) if len(values) == 1 else f"{values[0]} to {values[-1]}"


def _decoded_frames(dataset: Dataset, source: UID, image: _Image) -> Iterator[np.ndarray]:
    """The frames as little endian arrays (rows, columns[, samples]) in ``image.photometric``.

    Monochrome unsigned JPEG goes to GDCM directly: its IJG decoder gives DCMTK's pixels, also
    for 12-bit JPEG, which pydicom does not hand to GDCM, and for streams pylibjpeg rejects.
    Everything else goes through pydicom's plugins in pydicom's order (GDCM first for colour
    JPEG, again as DCMTK decodes it), then, from the frame where that failed, pylibjpeg alone.
    """
    if source in _GDCM_SYNTAXES and image.samples == 1 and not image.signed:
        decoded = 0
        try:
            for fragment in generate_frames(dataset.PixelData, number_of_frames=image.frames):
                yield _gdcm_decode(fragment, image, source)
                decoded += 1
        except ValueError as error:
            raise bad_file_format("Cannot decode the pixel data of this instance") from error
        if decoded != image.frames:
            raise bad_file_format("Cannot decode the pixel data of this instance (frames missing)")
        return
    decoder = get_decoder(source)
    raw = not (source in _LOSSY_JPEG and image.photometric == "RGB")
    plugins = [""] + (["pylibjpeg"] if "pylibjpeg" in decoder.available_plugins else [])
    decoded = 0
    for plugin in plugins:
        try:
            for array, _ in decoder.iter_array(dataset, raw=raw, decoding_plugin=plugin,
                                               indices=range(decoded, image.frames)):
                yield array.astype(array.dtype.newbyteorder("<"), copy=False)
                decoded += 1
            return
        except (RuntimeError, ValueError, AttributeError) as error:
            failure = error
    # pydicom's messages may quote values of the file: they stay out of the client's answer.
    raise bad_file_format("Cannot decode the pixel data of this instance") from failure


def _gdcm_decode(fragment: bytes, image: _Image, source: UID) -> np.ndarray:
    """Decode one monochrome unsigned JPEG frame with GDCM."""
    import gdcm
    import numpy as np

    item = gdcm.Fragment()
    item.SetByteStringValue(fragment)
    fragments = gdcm.SequenceOfFragments.New()
    fragments.AddFragment(item)
    element = gdcm.DataElement(gdcm.Tag(0x7FE0, 0x0010))
    element.SetValue(fragments.__ref__())
    element.SetVLToUndefined()
    owner = _gdcm_image(image, image.bits_allocated, _gdcm_syntax(source), element)
    buffer = owner.GetImage().GetBuffer()
    data = buffer.encode("utf-8", "surrogateescape") if buffer else b""
    if len(data) != image.frame_bytes:
        raise bad_file_format("Cannot decode the pixel data of this instance (a JPEG frame)")
    dtype = np.uint8 if image.bits_allocated == 8 else np.dtype("<u2")
    return np.frombuffer(data, dtype).reshape(image.rows, image.columns)


def _gdcm_syntax(uid: UID) -> int:
    """GDCM's ``gdcm.TransferSyntax`` constant for one of the syntaxes of ``_GDCM_SYNTAXES``."""
    import gdcm

    syntax: int = getattr(gdcm.TransferSyntax, _GDCM_SYNTAXES[uid])
    return syntax


def _gdcm_image(image: _Image, bits_allocated: int, syntax: int,
                element: gdcm.DataElement) -> gdcm.ImageWriter:
    """A GDCM image of one frame holding ``element``, owned by the returned writer.

    GDCM counts references to images: one created from Python would be freed while a converter
    still refers to it, which aborts the process. The writer's image is freed by GDCM.
    """
    import gdcm

    owner = gdcm.ImageWriter()
    codec_image = owner.GetImage()
    codec_image.SetNumberOfDimensions(2)
    codec_image.SetDimensions((image.columns, image.rows, 1))
    codec_image.SetPixelFormat(gdcm.PixelFormat(
        image.samples, bits_allocated, image.bits_stored, image.bits_stored - 1, int(image.signed)))
    codec_image.SetPhotometricInterpretation(gdcm.PhotometricInterpretation(
        gdcm.PhotometricInterpretation.GetPIType(image.photometric)))
    if image.samples > 1:
        codec_image.SetPlanarConfiguration(0)
    codec_image.SetTransferSyntax(gdcm.TransferSyntax(syntax))
    codec_image.SetDataElement(element)
    return owner


def _native_value(frames: Iterator[np.ndarray], image: _Image) -> bytes:
    """The uncompressed little endian pixel data (padded to an even length)."""
    if image.bits_allocated == 1:
        import numpy as np

        return pack_bits(np.concatenate([frame.ravel() for frame in frames]))
    value = bytearray(image.frame_bytes * image.frames)
    for index, frame in enumerate(frames):
        start = index * image.frame_bytes
        value[start:start + image.frame_bytes] = frame.tobytes()
    if len(value) % 2:
        value.append(0)
    return bytes(value)


def _encode(frames: Iterator[np.ndarray], image: _Image, target: UID, quality: int) -> _Encoding:
    """Encode every frame for ``target`` and encapsulate them."""
    photometric = _output_photometric(image, target)
    encode_frame, parameter = _frame_encoder(image, target, photometric, quality)
    encoded = []
    for frame in frames:
        try:
            encoded.append(encode_frame(frame))
        except (ValueError, RuntimeError) as error:
            raise bad_request(f"{target.name} cannot encode the pixel data of this "
                              "image") from error
    ratio = _ratio(image.frame_bytes * image.frames / max(1, sum(map(len, encoded))))
    offset_tables = None
    if sum(len(frame) + 8 for frame in encoded[:-1]) < 2**32:
        value = encapsulate(encoded, has_bot=True)
    else:
        value, *tables = encapsulate_extended(encoded)
        offset_tables = (tables[0], tables[1])
    return _Encoding(value, True, photometric, ratio,
                     _derivation(image, target, quality, parameter, ratio), offset_tables)


def _frame_encoder(image: _Image, target: UID, photometric: str,
                   quality: int) -> tuple[Callable[[np.ndarray], bytes], float | None]:
    """A function encoding one frame, and what quality maps to (NEAR, J2K RMS error)."""
    from lethe.dicom import encoders

    if target in _GDCM_SYNTAXES and image.frame_bytes % 2:  # 8-bit: GDCM refuses odd frames
        if target in LOSSY_TARGETS:
            return (lambda frame: encoders.pillow_jpeg(frame, quality)), None
        return encoders.lossless_jpeg, None
    if target in _GDCM_SYNTAXES:
        return (lambda frame: _gdcm_encode(frame, image, target, quality)), None
    if target == RLELossless and image.bits_allocated == 32:
        return (lambda frame: _gdcm_rle_encode(frame, image)), None
    if target in (JPEG2000Lossless, JPEG2000):
        return _j2k_encoder(image, target, photometric, quality)
    encoder = get_encoder(target)
    options = _pydicom_options(image, photometric)
    if target in (JPEGLSLossless, JPEGLSNearLossless):
        return _jpeg_ls_encoder(image, target, options, quality)
    # GDCM's RLE encoder is fast but aborts the process on a frame of odd length (which
    # pydicom pads); pydicom's own encoder is slow but safe.
    options["encoding_plugin"] = "gdcm" if image.frame_bytes % 2 == 0 else "pydicom"
    return (lambda frame: bytes(encoder.encode(frame, **options))), None


def _pydicom_options(image: _Image, photometric: str) -> dict[str, Any]:
    """The Image Pixel options pydicom's encoders take for one frame of ``image``."""
    return {"rows": image.rows, "columns": image.columns, "samples_per_pixel": image.samples,
            "bits_allocated": image.bits_allocated, "bits_stored": image.bits_stored,
            "pixel_representation": int(image.signed), "number_of_frames": 1,
            "photometric_interpretation": photometric, "planar_configuration": 0}


def _j2k_encoder(image: _Image, target: UID, photometric: str,
                 quality: int) -> tuple[Callable[[np.ndarray], bytes], float | None]:
    """JPEG 2000: pydicom's openjpeg, or imagecodecs' below 32 pixels (fewer resolution
    levels); lossy at a target RMS error of (101 - quality) / 5 grey levels."""
    from lethe.dicom import encoders

    lossless = target == JPEG2000Lossless
    error = None if lossless else (101 - quality) / 5
    psnr = None if error is None else 20 * math.log10((2 ** image.bits_stored - 1) / error)
    if min(image.rows, image.columns) < 32:
        return (lambda frame: encoders.jpeg_2000(frame, image.bits_stored, lossless=lossless,
                                                 psnr=psnr)), error
    encoder, options = get_encoder(target), _pydicom_options(image, photometric)
    if psnr is not None:
        options["j2k_psnr"] = [psnr]
    return (lambda frame: bytes(encoder.encode(frame, **options))), error


def _jpeg_ls_encoder(image: _Image, target: UID, options: dict[str, Any],
                     quality: int) -> tuple[Callable[[np.ndarray], bytes], float | None]:
    """JPEG-LS through pyjpegls, NEAR = max(1, ceil((100 - quality) / 5)) when lossy.

    A signed frame with a value within NEAR of its BitsStored limits is coded with NEAR=0
    (CharLS codes signed samples unsigned: the error would wrap there; pydicom refuses it).
    A frame pyjpegls fails on (a few pixels) goes to imagecodecs' CharLS when every allocated
    bit is stored."""
    from lethe.dicom import encoders

    encoder = get_encoder(target)
    near = max(1, math.ceil((100 - quality) / 5)) if target == JPEGLSNearLossless else 0

    def encode(frame: np.ndarray) -> bytes:
        frame_near = _signed_near(frame, image, near) if image.signed else near
        try:
            return bytes(encoder.encode(frame, jls_error=frame_near, **options))
        except RuntimeError as error:
            if not encoders.jpeg_ls_accepts(image.bits_allocated, image.bits_stored):
                raise bad_request(
                    f"{target.name} cannot encode this image: pyjpegls fails on it (a few "
                    "pixels) and no other installed encoder writes JPEG-LS of BitsStored "
                    f"{image.bits_stored} in BitsAllocated {image.bits_allocated}") from error
        return encoders.jpeg_ls(frame, frame_near)
    return encode, (near or None)


def _signed_near(frame: np.ndarray, image: _Image, near: int) -> int:
    """``near``, or 0 when a value of the signed frame lies within ``near`` of the limits
    of BitsStored: CharLS codes signed samples as their two's complement, unsigned, so the
    error stays within NEAR except across the wrap between the largest and smallest value."""
    low, high = -(1 << (image.bits_stored - 1)), (1 << (image.bits_stored - 1)) - 1
    if frame.size and (int(frame.min()) < low + near or int(frame.max()) > high - near):
        return 0
    return near


def _gdcm_rle_encode(frame: np.ndarray, image: _Image) -> bytes:
    """Encode one 32-bit frame with GDCM's RLE codec (pydicom's RLE encoder refuses 32 bits;
    its frames are always of an even length, which GDCM needs)."""
    import gdcm
    import numpy as np

    element = gdcm.DataElement(gdcm.Tag(0x7FE0, 0x0010))
    element.SetByteStringValue(np.ascontiguousarray(frame).tobytes())
    owner = _gdcm_image(image, 32, gdcm.TransferSyntax.ExplicitVRLittleEndian, element)
    converter = gdcm.ImageChangeTransferSyntax()
    converter.SetTransferSyntax(gdcm.TransferSyntax(gdcm.TransferSyntax.RLELossless))
    converter.SetInput(owner.GetImage())
    fragments = (converter.GetOutput().GetDataElement().GetSequenceOfFragments()
                 if converter.Change() else None)
    if fragments is None:
        raise bad_request(f"{RLELossless.name} cannot encode this image (GDCM refused it)")
    data: bytes = fragments.GetFragment(0).GetByteValue().GetBuffer().encode(
        "utf-8", "surrogateescape")
    return data


def _gdcm_encode(frame: np.ndarray, image: _Image, target: UID, quality: int) -> bytes:
    """Encode one frame with GDCM's JPEG codec (lossless or IJG ``quality``)."""
    import gdcm
    import numpy as np

    # GDCM picks its 8/12/16-bit library from BitsAllocated: 12-bit lossy JPEG is declared so.
    declared_bits = 12 if target == JPEGExtended12Bit and image.bits_allocated == 16 \
        else image.bits_allocated
    element = gdcm.DataElement(gdcm.Tag(0x7FE0, 0x0010))
    element.SetByteStringValue(np.ascontiguousarray(frame).tobytes())
    owner = _gdcm_image(image, declared_bits, gdcm.TransferSyntax.ExplicitVRLittleEndian, element)
    codec = gdcm.JPEGCodec()
    codec.SetLossless(target not in LOSSY_TARGETS)
    if target in LOSSY_TARGETS:
        codec.SetQuality(quality)
    converter = gdcm.ImageChangeTransferSyntax()
    converter.SetTransferSyntax(gdcm.TransferSyntax(_gdcm_syntax(target)))
    converter.SetUserCodec(codec)
    converter.SetInput(owner.GetImage())
    if not converter.Change():
        raise bad_request(f"{target.name} cannot encode this image (GDCM refused it)")
    fragments = converter.GetOutput().GetDataElement().GetSequenceOfFragments()
    data: bytes = fragments.GetFragment(0).GetByteValue().GetBuffer().encode(
        "utf-8", "surrogateescape")
    return data


def _derivation(image: _Image, target: UID, quality: int, parameter: float | None,
                ratio_text: str) -> str | None:
    """DCMTK's DerivationDescription text for this step (``None`` when DCMTK sets none)."""
    if target == JPEGBaseline8Bit:
        return (f"Lossy compression with JPEG baseline, IJG quality factor {quality}, "
                f"compression ratio {ratio_text}")
    if target == JPEGExtended12Bit:
        return (f"Lossy compression with JPEG extended sequential {image.bits_stored} bit, "
                f"IJG quality factor {quality}, compression ratio {ratio_text}")
    if target in (JPEGLossless, JPEGLosslessSV1):
        return ("Lossless JPEG compression, selection value 1, point transform 0, "
                f"compression ratio {ratio_text}")
    if target == JPEGLSNearLossless:
        return f"near lossless JPEG-LS compression, factor {ratio_text} (NEAR={parameter})"
    if target == JPEG2000:
        return (f"Lossy compression with JPEG 2000, target RMS error {parameter:g}, "
                f"compression ratio {ratio_text}")
    return None


def _ratio(ratio: float) -> str:
    """A compression ratio as DCMTK writes it: 5 significant digits."""
    return f"{ratio:.5G}"


def _store(dataset: Dataset, image: _Image, target: UID, encoding: _Encoding) -> None:
    """Write ``encoding`` into the data set (the only step that changes it)."""
    if encoding.encapsulated:
        element = DataElement(_PIXEL_DATA, "OB", encoding.value, is_undefined_length=True)
    else:
        element = DataElement(_PIXEL_DATA, "OB" if image.bits_allocated <= 8 else "OW",
                              encoding.value)
    dataset[_PIXEL_DATA] = element
    for tag in _OFFSET_TABLES:
        if tag in dataset:
            del dataset[tag]
    if encoding.offset_tables is not None:
        dataset.ExtendedOffsetTable, dataset.ExtendedOffsetTableLengths = encoding.offset_tables
    dataset.PhotometricInterpretation = encoding.photometric
    if image.samples > 1:
        dataset.PlanarConfiguration = 0
    if encoding.derivation is not None:
        _describe(dataset, encoding.derivation)
    if target in LOSSY_TARGETS:
        _record_lossy(dataset, target, encoding.ratio)


def _describe(dataset: Dataset, text: str) -> None:
    """Set DerivationDescription to ``text``, keeping an older one in brackets (DCMTK)."""
    old = str(dataset.get("DerivationDescription") or "").strip()
    if old:
        text = f"{text} [{old}]"
        if len(text) > _MAX_DESCRIPTION:
            text = text[:_MAX_DESCRIPTION - 4] + "...]"
    dataset.DerivationDescription = text


def _record_lossy(dataset: Dataset, target: UID, ratio: str) -> None:
    """Mark a lossy step as DCMTK's ``DcmCodec::newInstance`` and lossy updates do."""
    ratios = [str(value) for value in _values(dataset.get("LossyImageCompressionRatio"))]
    methods = [str(value) for value in _values(dataset.get("LossyImageCompressionMethod"))]
    methods += [""] * (len(ratios) - len(methods))
    dataset.LossyImageCompression = "01"
    dataset.LossyImageCompressionRatio = [*ratios, ratio]
    dataset.LossyImageCompressionMethod = [*methods, _METHODS[target]]
    image_type = _values(dataset.get("ImageType"))
    dataset.ImageType = ["DERIVED", *image_type[1:]] if len(image_type) > 1 else "DERIVED"
    sop_class, sop_instance = dataset.get("SOPClassUID"), dataset.get("SOPInstanceUID")
    if sop_class and sop_instance:
        dataset.SourceImageSequence = Sequence([_item(
            ReferencedSOPClassUID=sop_class, ReferencedSOPInstanceUID=sop_instance,
            PurposeOfReferenceCodeSequence=Sequence([_code("121320", "Uncompressed predecessor")]))])
    dataset.DerivationCodeSequence = Sequence([_code("113040", "Lossy Compression")])


def _values(value: object) -> list[Any]:
    """The values of an element value: none, one, or a MultiValue's."""
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, MultiValue) else [value]


def _code(value: str, meaning: str) -> Dataset:
    return _item(CodeValue=value, CodingSchemeDesignator="DCM", CodeMeaning=meaning)


def _item(**elements: object) -> Dataset:
    item = Dataset()
    for keyword, value in elements.items():
        setattr(item, keyword, value)
    return item


def decode_frame(dataset: Dataset, index: int) -> tuple[np.ndarray, str]:
    """Frame ``index`` of the compressed pixel data of ``dataset`` decoded as :func:`transcode`
    decodes it (DCMTK's pixels for monochrome JPEG), and the photometric interpretation of
    the array (lossy JPEG colour comes out RGB; other YBR data stays YBR). For the image
    routes (:mod:`lethe.dicom.rendering`). Raises ``LetheError(BAD_FILE_FORMAT)`` when the
    pixel data cannot be decoded, ``ValueError`` when ``index`` is not a frame."""
    source = part10.transfer_syntax_of(dataset)
    image = _image(dataset, source)
    if not 0 <= index < image.frames:
        raise ValueError(f"no frame {index}")
    if source in _GDCM_SYNTAXES and image.samples == 1 and not image.signed:
        try:
            for number, fragment in enumerate(generate_frames(dataset.PixelData,
                                                              number_of_frames=image.frames)):
                if number == index:
                    return _gdcm_decode(fragment, image, source), image.photometric
        except ValueError as error:
            raise bad_file_format("Cannot decode the pixel data of this instance") from error
        raise bad_file_format("Cannot decode the pixel data of this instance (frames missing)")
    decoder = get_decoder(source)
    raw = not (source in _LOSSY_JPEG and image.photometric == "RGB")
    failure: Exception | None = None
    for plugin in [""] + (["pylibjpeg"] if "pylibjpeg" in decoder.available_plugins else []):
        try:
            for array, _ in decoder.iter_array(dataset, raw=raw, decoding_plugin=plugin,
                                               indices=[index]):
                return array.astype(array.dtype.newbyteorder("="), copy=False), image.photometric
        except (RuntimeError, ValueError, AttributeError) as error:
            failure = error
    raise bad_file_format("Cannot decode the pixel data of this instance") from failure
