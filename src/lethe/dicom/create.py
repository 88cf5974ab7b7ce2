"""New DICOM instances from JSON, as Orthanc's ``POST /tools/create-dicom`` makes them.

Pure DICOM: a request is parsed once (:meth:`CreationRequest.parse`), then each instance is
built as a pydicom data set (:func:`build_instance`, :func:`series_instance`) and written as a
Part 10 file (:func:`to_file`). Storing it, and finding a parent, is the caller's business.

What Orthanc does, and so Lethe:

* **Legacy form** (a body without ``Tags``, Orthanc ≤ 0.9.3): every member is a tag and a
  string value (``CREATE_DICOM_NOT_STRING`` otherwise), set as it is; ``PixelData`` takes a
  data URI. New PatientID (a UUID) and Study, Series and SOP Instance UIDs, nothing else.
* **Tags form**: the same new identifiers; ``SpecificCharacterSet`` from ``Tags``, else from
  the parent's instance, else ``DefaultEncoding``; the date and time (UTC) of creation in
  Acquisition, Content and InstanceCreation Date/Time, in Series Date/Time without a series
  parent, in Study Date/Time without a study parent; with a ``Parent``, the text tags of the
  modules of the parent's levels copied from one of its instances. Then each entry of
  ``Tags`` is set as ``/modify`` sets a ``Replace`` value (:func:`~lethe.dicom.values.make_element`:
  sequences, data URIs decoded when ``InterpretBinaryTags``, private tags under
  ``PrivateCreator``); one that would override a value already there (the parent's, or a new
  identifier) is refused (``CREATE_DICOM_OVERRIDE_TAG``) unless ``Force``, except PatientID
  and the creation dates and times. ``PixelData`` must come as ``Content``.
* **Content**: a data URI of a PNG or JPEG image (the pixels and their attributes, as
  ``/modify`` embeds them), of raw bytes (``application/octet-stream``: the pixel data as it
  is), of a PDF, or of an STL, OBJ or MTL model (an encapsulated document, with its SOP
  class and modality unless given); a list makes a series, one instance per item (a data
  URI, or ``{"Content": ..., "Tags": {...}}``), numbered from 1 (InstanceNumber,
  ImageIndex), with ImagesInAcquisition and NumberOfTemporalPositions.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydicom.charset import python_encoding
from pydicom.datadict import dictionary_VR
from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.filewriter import dcmwrite
from pydicom.tag import BaseTag, Tag
from pydicom.uid import UID, EncapsulatedPDFStorage, ExplicitVRLittleEndian

from lethe.dicom.images import IMAGE_TYPES, decode_image
from lethe.dicom.levels import Level
from lethe.dicom.part10 import IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME
from lethe.dicom.tags import TagDictionary, resolve_vr
from lethe.dicom.values import DATA_URI_PREFIX, make_element
from lethe.errors import ErrorCode, LetheError, bad_file_format, bad_request, out_of_range

SPECIFIC_CHARACTER_SET = Tag(0x00080005)
PIXEL_DATA = Tag(0x7FE00010)
PHOTOMETRIC_INTERPRETATION = Tag(0x00280004)
ENCAPSULATED_DOCUMENT = Tag(0x00420011)
MIME_TYPE_OF_ENCAPSULATED_DOCUMENT = Tag(0x00420012)
GENERIC_FILE_SOP_CLASS = "1.2.276.0.7230010.3.1.0.1"
"""The SOP class DCMTK writes in the file meta information of a data set without one (as
Orthanc's created files have it)."""

IDENTIFIERS = {Level.PATIENT: Tag("PatientID"), Level.STUDY: Tag("StudyInstanceUID"),
               Level.SERIES: Tag("SeriesInstanceUID"), Level.INSTANCE: Tag("SOPInstanceUID")}
_DATES = ("AcquisitionDate", "AcquisitionTime", "ContentDate", "ContentTime",
          "InstanceCreationDate", "InstanceCreationTime", "SeriesDate", "SeriesTime",
          "StudyDate", "StudyTime")
OVERRIDABLE = frozenset({Tag("PatientID"), *(Tag(name) for name in _DATES)})
"""The tags ``Tags`` may replace without ``Force`` although they have a value."""

DOCUMENTS = {"application/pdf": (EncapsulatedPDFStorage, "OT"),
             "model/stl": ("1.2.840.10008.5.1.4.1.1.104.3", "M3D"),
             "model/obj": ("1.2.840.10008.5.1.4.1.1.104.4", "M3D"),
             "model/mtl": ("1.2.840.10008.5.1.4.1.1.104.5", "M3D")}
"""Encapsulated documents: media type -> (SOP class, modality), set when absent."""
RAW_PIXELS = "application/octet-stream"
_DATA_URI = re.compile(r"data:([^;]+);base64,([a-zA-Z0-9=+/]*)", re.IGNORECASE)

ENCODING_TERMS = {
    "Ascii": "ISO_IR 6", "Utf8": "ISO_IR 192", "Latin1": "ISO_IR 100", "Latin2": "ISO_IR 101",
    "Latin3": "ISO_IR 109", "Latin4": "ISO_IR 110", "Latin5": "ISO_IR 148",
    "Cyrillic": "ISO_IR 144", "Windows1251": "", "Arabic": "ISO_IR 127",
    "Greek": "ISO_IR 126", "Hebrew": "ISO_IR 138", "Thai": "ISO_IR 166",
    "Japanese": "ISO_IR 13", "Chinese": "GB18030", "Korean": "ISO 2022 IR 149",
    "JapaneseKanji": "ISO 2022 IR 87", "SimplifiedChinese": "ISO 2022 IR 58"}
"""Orthanc's encodings (``DefaultEncoding``) and the SpecificCharacterSet each writes
(none for ``Windows1251``, which DICOM does not know)."""


@dataclass(frozen=True)
class SeriesItem:
    """One instance of a series to create: its content (a data URI) and its own tags."""

    content: str
    tags: tuple[tuple[str, BaseTag, Any], ...] = ()


@dataclass(frozen=True)
class CreationRequest:
    """A parsed ``/tools/create-dicom`` body (see the module docstring).

    ``tags`` holds ``(name as given, tag, JSON value)`` in the order of the names (as
    Orthanc walks them), SpecificCharacterSet left out: it is ``character_set``. ``content``
    is a data URI, a tuple of :class:`SeriesItem` (a series), or None.
    """

    tags: tuple[tuple[str, BaseTag, Any], ...]
    character_set: str | None = None
    content: str | tuple[SeriesItem, ...] | None = None
    parent: str | None = None
    private_creator: str = ""
    interpret_binary: bool = True
    force: bool = False
    legacy: bool = False

    @classmethod
    def parse(cls, body: object, tags: TagDictionary,
              default_private_creator: str = "") -> CreationRequest:
        """Check and parse a request body; :class:`LetheError` (400) naming the field and the
        value otherwise."""
        if not isinstance(body, dict):
            raise bad_request("the body of /tools/create-dicom must be a JSON object")
        if "Tags" not in body:
            return cls._legacy(body, tags)
        given = body["Tags"]
        if not isinstance(given, dict):
            raise bad_request('the field "Tags" must be a JSON object')
        charset = given.get("SpecificCharacterSet")
        if charset is not None:
            charset = check_character_set(charset)
        private_creator = _option(body, "PrivateCreator", str, default_private_creator)
        parent = _option(body, "Parent", str, None)
        return cls(
            tags=_tag_entries(given, tags),
            character_set=charset,
            content=_content(body.get("Content"), tags),
            parent=parent,
            private_creator=private_creator,
            interpret_binary=_option(body, "InterpretBinaryTags", bool, True),
            force=_option(body, "Force", bool, False))

    @classmethod
    def _legacy(cls, body: dict[str, Any], tags: TagDictionary) -> CreationRequest:
        entries = []
        for name in sorted(body):
            value = body[name]
            if not isinstance(value, str):
                raise LetheError(ErrorCode.CREATE_DICOM_NOT_STRING,
                                 f'the value of "{name}" must be a string')
            entries.append((name, tags.parse_tag(name), value))
        content = next((value for _, tag, value in entries if tag == PIXEL_DATA), None)
        return cls(tags=tuple(e for e in entries if e[1] != PIXEL_DATA), content=content,
                   legacy=True)

    @property
    def series(self) -> tuple[SeriesItem, ...]:
        """The instances of the series to create (empty: one instance)."""
        return self.content if isinstance(self.content, tuple) else ()


def check_character_set(value: object) -> str:
    """A SpecificCharacterSet given in ``Tags``: one term that DICOM and Lethe know; 400
    naming it otherwise."""
    if not isinstance(value, str):
        raise LetheError(ErrorCode.BAD_PARAMETER_TYPE,
                         "SpecificCharacterSet must be a string")
    term = value.strip()
    if term not in python_encoding or term == "":
        raise out_of_range(f"Unknown specific character set: {value}")
    return term


def encoding_term(encoding: str) -> str:
    """The SpecificCharacterSet of one of Orthanc's encoding names (``DefaultEncoding``);
    "" for one that DICOM does not name (``Windows1251``); 400 for an unknown name."""
    if encoding not in ENCODING_TERMS:
        raise out_of_range(f'unknown encoding "{encoding}" (one of: '
                           f'{", ".join(ENCODING_TERMS)})')
    return ENCODING_TERMS[encoding]


def _option(body: dict[str, Any], name: str, kind: type, default: Any) -> Any:
    if name not in body:
        return default
    value = body[name]
    if not isinstance(value, kind):
        raise bad_request(f'the field "{name}" must be a {_KINDS[kind]}')
    return value


_KINDS = {bool: "boolean", str: "string"}


def _tag_entries(given: Mapping[str, Any], tags: TagDictionary
                 ) -> tuple[tuple[str, BaseTag, Any], ...]:
    entries = []
    for name in sorted(given):
        tag = tags.parse_tag(name)
        if tag == SPECIFIC_CHARACTER_SET:
            continue
        if tag == PIXEL_DATA:
            raise LetheError(ErrorCode.CREATE_DICOM_USE_CONTENT,
                             'PixelData cannot be in "Tags": give the image as "Content"')
        entries.append((name, tag, given[name]))
    return tuple(entries)


def _content(value: object, tags: TagDictionary) -> str | tuple[SeriesItem, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        raise LetheError(ErrorCode.CREATE_DICOM_USE_DATA_URI_SCHEME,
                         '"Content" must be a data URI, or a list of them')
    if not value:
        return None
    items = []
    for index, item in enumerate(value):
        own: Any = {}
        if isinstance(item, dict):
            if "Content" not in item:
                raise LetheError(ErrorCode.CREATE_DICOM_NO_PAYLOAD,
                                 f'item {index} of "Content" has no "Content"')
            own = item.get("Tags", {})
            if not isinstance(own, dict):
                raise bad_request(f'the "Tags" of item {index} of "Content" must be a JSON '
                                  "object")
            item = item["Content"]
        if not isinstance(item, str):
            raise LetheError(ErrorCode.CREATE_DICOM_USE_DATA_URI_SCHEME,
                             f'item {index} of "Content" must be a data URI')
        items.append(SeriesItem(item, _tag_entries(own, tags)))
    return tuple(items)


# --- building -----------------------------------------------------------------------------
def new_identifiers(new_uid: Callable[[], str]) -> Dataset:
    """A data set holding a new PatientID (a UUID) and new Study, Series and SOP Instance
    UIDs drawn from ``new_uid``."""
    dataset = Dataset()
    dataset[IDENTIFIERS[Level.PATIENT]] = DataElement(IDENTIFIERS[Level.PATIENT], "LO",
                                                      str(uuid.uuid4()))
    for level in (Level.STUDY, Level.SERIES, Level.INSTANCE):
        dataset[IDENTIFIERS[level]] = DataElement(IDENTIFIERS[level], "UI", new_uid())
    return dataset


def build_instance(request: CreationRequest, tags: TagDictionary, *,
                   new_uid: Callable[[], str], now: datetime, default_encoding: str = "Latin1",
                   parent: Dataset | None = None, parent_level: Level | None = None,
                   parent_charset: str | None = None) -> Dataset:
    """The data set of a new instance (of the first instance of a new series), without its
    content for a series (:func:`series_instance` adds it).

    ``now`` is the UTC time of creation. ``parent`` holds the text tags of the modules of
    ``parent_level`` and above, as one instance of the parent has them (``parent_charset``
    is that instance's SpecificCharacterSet, if it has one). Raises :class:`LetheError`
    (400) for a value that cannot be set.
    """
    dataset = new_identifiers(new_uid)
    if request.legacy:
        for _, tag, value in request.tags:
            _set_text(dataset, tag, value)
    else:
        term = (parent_charset or request.character_set
                or encoding_term(default_encoding))
        if term:
            dataset[SPECIFIC_CHARACTER_SET] = DataElement(SPECIFIC_CHARACTER_SET, "CS", term)
        for element in parent or ():
            dataset[element.tag] = element
        _set_creation_time(dataset, now, parent_level)
        _inject(dataset, request.tags, request, tags)
    if isinstance(request.content, str):
        embed_content(dataset, request.content)
    return dataset


def series_instance(base: Dataset, request: CreationRequest, index: int,
                    tags: TagDictionary, new_uid: Callable[[], str]) -> Dataset:
    """Instance ``index`` (from 0) of the series of ``request``, from the data set
    :func:`build_instance` made: a copy with a new SOP Instance UID, the item's own tags and
    content, and its number."""
    items = request.series
    dataset = Dataset()
    for element in base:
        dataset[element.tag] = element
    for keyword, value in (("ImagesInAcquisition", str(len(items))),
                           ("NumberOfTemporalPositions", "1")):
        _set_text(dataset, Tag(keyword), value)
    sop = IDENTIFIERS[Level.INSTANCE]
    dataset[sop] = DataElement(sop, "UI", new_uid())
    item = items[index]
    _inject(dataset, item.tags, request, tags)
    embed_content(dataset, item.content)
    _set_text(dataset, Tag("InstanceNumber"), str(index + 1))
    _set_text(dataset, Tag("ImageIndex"), str(index + 1))
    return dataset


def _set_creation_time(dataset: Dataset, now: datetime, parent_level: Level | None) -> None:
    date, time = now.strftime("%Y%m%d"), now.strftime("%H%M%S") + ".000000"
    names = ["Acquisition", "Content", "InstanceCreation"]
    if parent_level in (None, Level.PATIENT, Level.STUDY):
        names.append("Series")
    if parent_level in (None, Level.PATIENT):
        names.append("Study")
    for name in names:
        _set_text(dataset, Tag(name + "Date"), date)
        _set_text(dataset, Tag(name + "Time"), time)


def _inject(dataset: Dataset, entries: Iterable[tuple[str, BaseTag, Any]],
            request: CreationRequest, tags: TagDictionary) -> None:
    encoding = _python_encoding(dataset)
    for name, tag, value in entries:
        if not request.force and tag not in OVERRIDABLE and tag in dataset:
            raise LetheError(ErrorCode.CREATE_DICOM_OVERRIDE_TAG,
                             f"{name} (use \"Force\" to replace a value the new instance "
                             "already has)")
        if not request.interpret_binary and isinstance(value, str):
            value = _keep_data_uri(value)
        element = make_element(tag, value, tags=tags, private_creator=request.private_creator,
                               encoding=encoding)
        dataset[element.tag] = element


def _keep_data_uri(value: str) -> str:
    """Without ``InterpretBinaryTags``, a data URI is text like any other. :func:`make_element`
    decodes one: the URI is given to it as the octet-stream URI of its own text instead."""
    if value.startswith(DATA_URI_PREFIX):
        return DATA_URI_PREFIX + base64.b64encode(value.encode("ascii")).decode("ascii")
    return value


def _python_encoding(dataset: Dataset) -> str:
    term = dataset.get(SPECIFIC_CHARACTER_SET)
    return python_encoding.get(str(term.value) if term is not None else "", "latin_1")


def _set_text(dataset: Dataset, tag: BaseTag, value: str) -> None:
    """Set ``tag`` to the text ``value`` with the dictionary's VR (Orthanc's
    ``ReplacePlainString``); numbers are parsed for the numeric VRs."""
    vr = resolve_vr(dictionary_VR(tag)) if _known(tag) else "UN"
    if vr in ("US", "SS", "UL", "SL"):
        dataset[tag] = DataElement(tag, vr, int(value) if value else None)
    elif vr in ("OB", "OW", "UN"):
        data = value.encode("latin_1", "ignore")
        dataset[tag] = DataElement(tag, vr, data + b"\0" * (len(data) % 2))
    else:
        dataset[tag] = DataElement(tag, vr, value)


def _known(tag: BaseTag) -> bool:
    try:
        dictionary_VR(tag)
    except KeyError:
        return False
    return True


# --- content ------------------------------------------------------------------------------
def embed_content(dataset: Dataset, data_uri: str) -> None:
    """Embed the data URI ``data_uri`` in ``dataset`` (see the module docstring); 400 for
    what is not a base64 data URI or not a valid file of its type, 415 naming a media type
    Lethe cannot embed."""
    match = _DATA_URI.fullmatch(data_uri)
    if match is None:
        raise bad_file_format('"Content" must be a base64 data URI ("data:<type>;base64,...")')
    mime = match.group(1).lower()
    try:
        data = base64.b64decode(match.group(2), validate=True)
    except binascii.Error:
        raise bad_file_format(f"bad base64 in the data URI of type {mime}") from None
    if mime in IMAGE_TYPES:
        _embed_image(dataset, mime, data)
    elif mime == RAW_PIXELS:
        dataset[PIXEL_DATA] = DataElement(PIXEL_DATA, "OW", data + b"\0" * (len(data) % 2))
    elif mime in DOCUMENTS:
        _embed_document(dataset, mime, data)
    else:
        raise LetheError(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                         f'cannot make a DICOM instance of a data URI of type "{mime}" '
                         f"(supported: {', '.join([*IMAGE_TYPES, RAW_PIXELS, *DOCUMENTS])})")


def _embed_image(dataset: Dataset, mime: str, data: bytes) -> None:
    image = decode_image(mime, data)
    if PIXEL_DATA in dataset:
        del dataset[PIXEL_DATA]
    for tag, vr, value in image.attributes:
        if tag == PHOTOMETRIC_INTERPRETATION and value != "RGB" and tag in dataset:
            continue  # grayscale: as Orthanc, only if absent
        dataset[tag] = DataElement(tag, vr, value)
    dataset[PIXEL_DATA] = DataElement(PIXEL_DATA, "OW", image.pixels)


def _embed_document(dataset: Dataset, mime: str, data: bytes) -> None:
    if mime == "application/pdf" and not data.startswith(b"%PDF-"):
        raise bad_file_format("Not a PDF file")
    sop_class, modality = DOCUMENTS[mime]
    dataset[MIME_TYPE_OF_ENCAPSULATED_DOCUMENT] = DataElement(
        MIME_TYPE_OF_ENCAPSULATED_DOCUMENT, "LO", mime)
    dataset[ENCAPSULATED_DOCUMENT] = DataElement(ENCAPSULATED_DOCUMENT, "OB",
                                                 data + b"\0" * (len(data) % 2))
    defaults = [("SOPClassUID", "UI", sop_class), ("Modality", "CS", modality)]
    if mime == "application/pdf":
        defaults.append(("ConversionType", "CS", "WSD"))
    for keyword, vr, value in defaults:
        tag = Tag(keyword)
        if tag not in dataset:
            dataset[tag] = DataElement(tag, vr, value)


# --- writing ------------------------------------------------------------------------------
def to_file(dataset: Dataset) -> bytes:
    """``dataset`` as a Part 10 file in Explicit VR Little Endian, with Lethe's
    implementation UID; the SOP class of the meta information is the data set's, or DCMTK's
    generic one when it has none (as Orthanc's files)."""
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = UID(str(dataset.get("SOPClassUID")
                                           or GENERIC_FILE_SOP_CLASS))
    meta.MediaStorageSOPInstanceUID = UID(str(dataset.get("SOPInstanceUID", "")))
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = UID(IMPLEMENTATION_CLASS_UID)
    meta.ImplementationVersionName = IMPLEMENTATION_VERSION_NAME
    dataset.file_meta = meta
    out = io.BytesIO()
    dcmwrite(out, dataset, enforce_file_format=True, little_endian=True, implicit_vr=False)
    return out.getvalue()
