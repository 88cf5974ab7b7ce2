"""The modification engine: one parsed request applied to one data set (spec 3.2, design.md 1).

:func:`apply` runs Orthanc's pipeline, in place:

0. check that every replacement value can be encoded in the character set it will be written in
   (nothing is changed if one cannot);
1. anonymization: the client's Study/Series/SOP Instance UIDs become the mapping of the
   instance's originals, so that nested references follow them;
2.-4. one pass over the top-level tags: private tags removed (except kept ones) when requested,
   removals (and, for an anonymization, the curve/overlay ranges) deleted, clearings emptied;
5. replacements in tag order, inserted if absent; for an anonymization also
   PatientIdentityRemoved, DeidentificationMethod and the ``Anonymized<N>`` PatientName;
6. the level's UIDs regenerated (:data:`lethe.dicom.request.MAIN_UIDS`), unless replaced or kept;
7. anonymization: identifiers and nested content (:mod:`lethe.dicom.nested`); then what the
   PS3.15 options ask (:mod:`lethe.dicom.clean`: cleaned tags, shifted dates, the standard's
   DeidentificationMethodCodeSequence and LongitudinalTemporalInformationModified);
8. nested ``Remove`` paths, then nested ``Replace`` paths, on existing items only.

An overlay whose OverlayData (60xx,3000) the profile removes goes whole: the other elements of
its group (rows, columns, type, origin...) are removed with it, at any depth, so that no Overlay
Plane is left without its Type 1 data. Private tags that ``RetainSafePrivate`` keeps
(:func:`lethe.dicom.options.is_safe_private`) survive the private-tag rule.

Top-level work is done by tag lookups and one pass over the tag keys; elements are converted
only when read or changed, and a modification does not look inside sequences at all.

Character sets (spec 5.5): new text is written in the data set's SpecificCharacterSet, or in the
one the same request sets (Latin-1 if there is none). Orthanc drops the characters that do not
fit; Lethe refuses the request (``BAD_REQUEST`` naming the tag). Existing text is re-encoded by
pydicom if the request changes the character set, so the file stays consistent (Orthanc leaves
the old bytes).

Divergences from Orthanc (design.md section 7), both for an anonymization with a profile that
has them: top-level curve data and overlay data/comments are removed as PS3.15 says (Orthanc only
removes them inside sequences), and PatientName inside sequences is emptied
(:mod:`lethe.dicom.nested`). DeidentificationMethod names Lethe, not Orthanc.

The file meta information is not the engine's: :mod:`lethe.dicom.part10` regenerates it, with
MediaStorageSOPClassUID/InstanceUID following the data set.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pydicom.charset import convert_encodings, custom_encoders
from pydicom.dataelem import DataElement
from pydicom.dataset import PIXEL_KEYWORDS, Dataset
from pydicom.tag import BaseTag
from pydicom.uid import EncapsulatedPDFStorage
from pydicom.valuerep import CUSTOMIZABLE_CHARSET_VR

from lethe import NAME, __version__
from lethe.dicom.clean import finish_anonymization, scrub_needles
from lethe.dicom.nested import (
    anonymize_identifiers,
    element_vr,
    empty_element,
    overlay_groups_removed,
    raw_uid_text,
)
from lethe.dicom.options import is_safe_private
from lethe.dicom.paths import matching_parents
from lethe.dicom.request import (
    MAIN_UIDS,
    PATIENT_ID,
    PATIENT_NAME,
    SOP_CLASS_UID,
    ModificationRequest,
    Replacement,
)
from lethe.dicom.tags import format_tag
from lethe.dicom.uids import UidMapper
from lethe.errors import bad_request

SPECIFIC_CHARACTER_SET = 0x00080005
DEIDENTIFICATION_METHOD = 0x00120063
MIME_TYPE_OF_ENCAPSULATED_DOCUMENT = 0x00420012


@dataclass(frozen=True)
class ModificationContext:
    """What all the instances of one request or job share.

    Parameters
    ----------
    uids : UidMapper
        The mapping of original UIDs and PatientIDs to new ones: one mapper for all the
        instances of a job keeps their references consistent.
    anonymized_name : str, optional
        The ``Anonymized<N>`` PatientName of an anonymization, decided once by the caller;
        required when :attr:`ModificationRequest.sets_patient_name` is true.
    method_prefix : str, optional
        DeidentificationMethod is ``f"{method_prefix} - {profile.method}"``.
    pseudonyms : bool, optional
        Keyed pseudonyms (:mod:`lethe.dicom.pseudonyms`): the PatientName of an anonymization
        is ``uids.map_patient_name(original PatientID)`` instead of ``anonymized_name``, so
        that it is the same in every run with the same key.
    """

    uids: UidMapper
    anonymized_name: str | None = None
    method_prefix: str = field(default=f"{NAME} {__version__}")
    pseudonyms: bool = False


def apply(dataset: Dataset, request: ModificationRequest, context: ModificationContext) -> None:
    """Apply ``request`` to ``dataset`` in place (spec 3.2 steps 0-8).

    Elements are converted only where they are read or changed, so a data set read with its
    values still raw (``pydicom.dcmread``'s default) stays cheap to modify. The file meta
    information is left alone.

    Parameters
    ----------
    dataset : pydicom.dataset.Dataset
        The data set to modify.
    request : ModificationRequest
        The parsed request (:meth:`ModificationRequest.parse`).
    context : ModificationContext
        What the instances of one job share; ``anonymized_name`` is required when
        ``request.sets_patient_name`` is true.

    Raises
    ------
    lethe.errors.LetheError
        ``BAD_REQUEST`` when a replacement value cannot be encoded in the instance's character
        set; the data set is then unchanged (except, in the rare case of a sequence item with
        its own character set, for the steps already done).
    ValueError
        When the request needs ``context.anonymized_name`` and the context has none (nor
        ``pseudonyms``).
    """
    if (request.sets_patient_name and context.anonymized_name is None
            and not context.pseudonyms):
        raise ValueError("this anonymization needs context.anonymized_name")
    charset = _target_charset(dataset, request)
    codec = charset.encodings[0]
    elements = [(entry, entry.element_for(codec)) for entry in request.replacements]
    for entry, element in elements:
        _check_encodable(entry, element, charset)
    for entry in request.nested_replacements:
        _check_encodable(entry, entry.cast_for(codec), charset)
    uids = context.uids
    original_patient_id = ""
    needles = []
    if request.anonymize:
        uids = _with_client_uids(dataset, request, uids)
        original_patient_id = _text(dataset, PATIENT_ID)
        needles = scrub_needles(dataset, request)
    _clean_top_level(dataset, request)
    _replace_top_level(dataset, request, context, elements, original_patient_id)
    _regenerate_uids(dataset, request, uids)
    if request.anonymize:
        anonymize_identifiers(dataset, request, uids)
        finish_anonymization(dataset, request, uids, original_patient_id, needles)
    _apply_nested_paths(dataset, request, charset)
    _declare_default_charset(dataset, request)


def _declare_default_charset(dataset: Dataset, request: ModificationRequest) -> None:
    """Declare ISO_IR 100 when new non-ASCII text went into a data set that declares no
    character set (it was encoded as Latin-1, the default; undeclared, it would be invalid
    in the default repertoire). A request that removes the tag is obeyed."""
    if SPECIFIC_CHARACTER_SET in dataset or SPECIFIC_CHARACTER_SET in request.removals:
        return
    entries = list(request.replacements) + list(request.nested_replacements)
    if any(_has_non_ascii_text(entry.element) for entry in entries):
        dataset[SPECIFIC_CHARACTER_SET] = DataElement(SPECIFIC_CHARACTER_SET, "CS", "ISO_IR 100")


def _has_non_ascii_text(element: DataElement) -> bool:
    if element.VR == "SQ":
        return any(_has_non_ascii_text(child) for item in element.value for child in item)
    if element.VR not in CUSTOMIZABLE_CHARSET_VR or element.value is None:
        return False
    values = element.value if isinstance(element.value, list) else [element.value]
    return any(not str(v).isascii() for v in values)


@dataclass(frozen=True)
class _Charset:
    """A SpecificCharacterSet: its DICOM terms (for messages) and its Python codecs."""

    terms: str
    encodings: list[str]

    @classmethod
    def of(cls, value: str | Iterable[str] | None) -> _Charset:
        """The character set of a SpecificCharacterSet value (Latin-1 when empty or absent)."""
        terms = [value] if isinstance(value, str) else list(value or [])
        terms = [term.strip() for term in terms]
        if not any(terms):
            return cls("none: Latin-1", convert_encodings(None))
        return cls("\\".join(terms), convert_encodings(terms))

    @classmethod
    def of_item(cls, item: Dataset, default: _Charset) -> _Charset:
        """The character set of a sequence item: its own, else its parent's."""
        own = item.get(SPECIFIC_CHARACTER_SET)
        return cls.of(own.value) if own is not None else default

    def fits(self, text: str) -> bool:
        """True if ``text`` can be encoded (with code extensions: each character in one)."""
        if any(_fits(text, encoding) for encoding in self.encodings):
            return True
        return (len(self.encodings) > 1
                and all(any(_fits(c, e) for e in self.encodings) for c in text))


def _fits(text: str, encoding: str) -> bool:
    encoder = custom_encoders.get(encoding)
    try:
        encoder(text, errors="strict") if encoder else text.encode(encoding)
    except (UnicodeError, LookupError):
        return False
    return True


def _target_charset(dataset: Dataset, request: ModificationRequest) -> _Charset:
    """The character set new top-level text is written in: the replaced one, else the data
    set's (spec 5.5)."""
    for entry in request.replacements:
        if entry.path.final == SPECIFIC_CHARACTER_SET:
            return _Charset.of(entry.element.value)
    return _Charset.of_item(dataset, _Charset.of(None))


def _check_encodable(entry: Replacement, element: DataElement, charset: _Charset) -> None:
    """Refuse text in ``element`` (items included) that ``charset`` cannot represent."""
    if element.VR == "SQ":
        for item in element.value:
            item_charset = _Charset.of_item(item, charset)
            for child in item.values():
                _check_encodable(entry, child, item_charset)
        return
    if element.VR not in CUSTOMIZABLE_CHARSET_VR or element.value is None:
        return
    values = element.value if isinstance(element.value, list) else [element.value]
    if not all(charset.fits(str(value)) for value in values):
        raise bad_request(
            f'Replace "{entry.key}": the value of tag {format_tag(element.tag)} cannot be '
            f"encoded in the character set of the instance ({charset.terms})")


def _with_client_uids(dataset: Dataset, request: ModificationRequest,
                      uids: UidMapper) -> UidMapper:
    """Step 1: the instance's replaced Study/Series/SOP UIDs map to the client's values."""
    overrides = {}
    for entry in request.replacements:
        level = MAIN_UIDS.get(entry.path.final)
        if level is not None:
            original = dataset.get(entry.path.final)
            overrides[level, "" if original is None else str(original.value)] = str(
                entry.element.value or "")
    return uids.with_overrides(overrides) if overrides else uids


def _clean_top_level(dataset: Dataset, request: ModificationRequest) -> None:
    """Steps 2-4 on the top-level tags (keys: iterating the Dataset would convert elements).

    A tag is removed if it is private (private tags removed, this one not kept), in the
    removals, or in a removed range and neither kept nor replaced; otherwise cleared if it is
    in the clearings.

    The tags read from a file and those of the profiles are the same objects
    (:func:`lethe.dicom.rawread.interned_tag`), which set lookups compare fastest.
    """
    tags = dataset.keys()
    removed = tags & request.removals
    if request.remove_private_tags:
        private = {tag for tag in tags if tag >> 16 & 1}  # odd groups
        if request.safe_private:
            private = {tag for tag in private if not is_safe_private(dataset, tag)}
        removed |= private - request.private_tags_to_keep
    profile = request.profile
    if profile is not None and profile.removed_ranges and not request.keeps_ranges:
        # Whatever a range removes, a whole overlay group included, lies in its groups.
        candidates = [tag for tag in tags if tag >> 16 in profile.range_groups]
        if candidates:
            groups = overlay_groups_removed(dataset, request)
            in_ranges = {tag for tag in candidates
                         if tag >> 16 in groups or profile.in_removed_range(tag)}
            removed |= in_ranges - request.kept_tags - request.replaced_tags
    cleared = (tags & request.clearings) - removed
    _delete(dataset, removed)
    for tag in cleared:
        vr = element_vr(dataset, tag)
        _store(dataset, empty_element(tag, vr))


def _delete(dataset: Dataset, tags: Iterable[BaseTag]) -> None:
    """``del dataset[tag]`` for each of ``tags``, keys of ``dataset``.

    pydicom's ``__delitem__`` only does more than deleting the key for a private creator or
    a pixel data tag (it resets its caches of them): those go through it, the others are
    deleted from the element dictionary directly (a third of the cost, for the hundreds of
    tags an anonymization removes).
    """
    elements = dataset._dict
    for tag in tags:
        if tag in PIXEL_KEYWORDS or (tag >> 16 & 1 and 0x0010 <= tag & 0xFFFF <= 0x00FF):
            del dataset[tag]
        else:
            del elements[tag]


def _store(dataset: Dataset, element: DataElement) -> None:
    """``dataset[element.tag] = element``.

    pydicom's ``__setitem__`` only does more than storing the element for a private tag
    (it records its private creator), a pixel data tag (it resets its caches) or a
    sequence (it links the items to the data set): those go through it, the others (the
    engine's new elements, mostly) are stored in the element dictionary directly.
    """
    tag = element.tag
    if tag >> 16 & 1 or tag in PIXEL_KEYWORDS or element.VR == "SQ":
        dataset[tag] = element
    else:
        dataset._dict[tag] = element


def _replace_top_level(dataset: Dataset, request: ModificationRequest,
                       context: ModificationContext,
                       elements: list[tuple[Replacement, DataElement]],
                       original_patient_id: str) -> None:
    """Step 5, in tag order; then the values an anonymization adds itself."""
    for entry, element in elements:
        _store(dataset, element)
        if entry.pdf is not None:
            _describe_pdf(dataset)
        if entry.image is not None:  # spec 5.3: the attributes of the embedded image
            for tag, vr, value in entry.image.attributes:
                dataset[tag] = DataElement(tag, vr, value)
    if request.sets_deidentification_method:
        assert request.profile is not None  # set by an anonymization only
        method = f"{context.method_prefix} - {request.profile.method}"
        _store(dataset, DataElement(DEIDENTIFICATION_METHOD, "LO", method))
    if request.sets_patient_name:
        name = (context.uids.map_patient_name(original_patient_id) if context.pseudonyms
                else context.anonymized_name)
        _store(dataset, DataElement(PATIENT_NAME, "PN", name))


def _describe_pdf(dataset: Dataset) -> None:
    """Attributes of an embedded PDF: its MIME type; SOP class, modality, conversion if absent."""
    dataset[MIME_TYPE_OF_ENCAPSULATED_DOCUMENT] = DataElement(
        MIME_TYPE_OF_ENCAPSULATED_DOCUMENT, "LO", "application/pdf")
    for tag, vr, value in ((SOP_CLASS_UID, "UI", EncapsulatedPDFStorage),
                           (0x00080060, "CS", "OT"), (0x00080064, "CS", "WSD")):
        if tag not in dataset:
            dataset[tag] = DataElement(tag, vr, value)


def _regenerate_uids(dataset: Dataset, request: ModificationRequest, uids: UidMapper) -> None:
    """Step 6: new Study/Series/SOP Instance UIDs from the level down (spec 6.1)."""
    for tag, level in MAIN_UIDS.items():
        if (request.level > level or tag in request.replaced_tags
                or tag in request.kept_tags or request.retain_uids):
            continue
        _store(dataset, DataElement(tag, "UI", uids.map_uid(level, _uid_text(dataset, tag))))


def _text(dataset: Dataset, tag: BaseTag) -> str:
    """The text of a top-level element ("" if absent or empty)."""
    element = dataset.get(tag)
    if element is None or element.value is None:
        return ""
    value = element.value
    return value.decode("latin-1") if isinstance(value, bytes) else str(value)


def _uid_text(dataset: Dataset, tag: BaseTag) -> str:
    """The text of the UID ``tag`` ("" if absent or empty), converted only if it must be."""
    element = dataset.get_item(tag, keep_deferred=True)
    if element is None:
        return ""
    text = raw_uid_text(tag, element)
    if text is None:
        original = dataset[tag]
        text = "" if original.value is None else str(original.value)
    return text


def _apply_nested_paths(dataset: Dataset, request: ModificationRequest,
                        charset: _Charset) -> None:
    """Step 8: nested removals, then nested replacements, on the items that exist."""
    for path in request.nested_removals:
        for parent in matching_parents(dataset, path):
            if path.final in parent:
                del parent[path.final]
    for entry in request.nested_replacements:
        for parent in matching_parents(dataset, entry.path):
            parent_charset = _Charset.of_item(parent, charset)
            element = entry.element_for(parent_charset.encodings[0])
            if parent_charset is not charset:
                _check_encodable(entry, element, parent_charset)
            parent[element.tag] = element
