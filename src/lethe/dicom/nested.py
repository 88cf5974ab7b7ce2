"""Step 7 of an anonymization: identifiers at top level and everything inside sequences (spec 3.7).

At top level, only the tags of the request's uid set (PatientID and the profile's UID tags the
client left alone) are remapped, where they exist. Inside sequence items, each element gets the
first rule that applies:

1. it lies under a ``Keep`` path (a top-level ``Keep`` protects the whole subtree): untouched;
2. private tag, private tags removed: removed;
3. in the removals, or in a removed range (curves, overlays): removed;
4. in the clearings: text VRs (UI included) emptied, other VRs (sequences too) removed;
5. StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID: remapped in their level's map, even if
   the client kept or replaced them at top level (a replaced one maps to the client's value);
6. PatientID, unless the client touched it at top level: remapped like the top-level one;
7. other tags of the uid set: remapped (instance map; study map for the RT Structure Set
   reference of :meth:`lethe.dicom.profiles.Profile.uid_level`);
8. otherwise kept, and walked into if it is a sequence.

Divergence from Orthanc (design.md section 7): Orthanc leaves PatientName unchanged inside
sequences. PS3.15 lists Patient's Name as ``Z``, so when the request gives the top-level
PatientName its ``Anonymized<N>`` value, Lethe treats nested PatientName as a cleared tag (rule
4: emptied). A client that keeps, replaces or removes PatientName gets Orthanc's rules for it.

With PS3.15 options (:mod:`lethe.dicom.options`): ``RetainSafePrivate`` keeps the safe private
elements in rule 2, ``CleanGraphics`` turns rule 3's ranges off, ``RetainUIDs`` turns rule 5 off.
An overlay whose OverlayData is removed goes whole (:func:`overlay_groups_removed`).

Only sequences are decoded; other elements are converted only when they are changed.
"""

from __future__ import annotations

from functools import lru_cache

from pydicom import config
from pydicom.charset import default_encoding
from pydicom.datadict import dictionary_VR
from pydicom.dataelem import DataElement, RawDataElement, empty_value_for_VR
from pydicom.dataset import Dataset
from pydicom.multival import MultiValue
from pydicom.tag import BaseTag
from pydicom.valuerep import STR_VR

from lethe.dicom.options import is_safe_private
from lethe.dicom.paths import path_matches
from lethe.dicom.rawread import sequence_tags
from lethe.dicom.request import MAIN_UIDS, PATIENT_ID, PATIENT_NAME, ModificationRequest
from lethe.dicom.tags import resolve_vr
from lethe.dicom.uids import UidMapper

Chain = tuple[tuple[BaseTag, int], ...]
_MAYBE_SEQUENCE_VRS = frozenset({None, "UN", "SQ"})
"""The VRs of an element that may hold a sequence (:func:`_vr` looks up the others)."""


def anonymize_identifiers(dataset: Dataset, request: ModificationRequest,
                          uids: UidMapper) -> None:
    """Remap the top-level uid-set tags, then apply the nested rules inside every sequence."""
    if request.profile is None:
        raise ValueError("the nested rules only apply to an anonymization")
    for tag in sorted(dataset.keys() & request.uid_tags):
        _remap(dataset, tag, (), request, uids)
    # items(): iterating the Dataset would convert elements. Most elements have a VR that
    # tells at once that they are no sequence.
    for tag, element in list(dataset.items()):
        if element.VR in _MAYBE_SEQUENCE_VRS and _holds_sequence(tag, element) \
                and may_change(element, request):
            _walk_sequence(dataset, tag, (), request, uids)


def _walk_sequence(dataset: Dataset, tag: BaseTag, chain: Chain, request: ModificationRequest,
                   uids: UidMapper) -> None:
    for index, item in enumerate(dataset[tag].value):
        if not isinstance(item, Dataset):
            continue  # a value decoded from a malformed UN element: not an item
        item_chain = (*chain, (tag, index))
        groups = overlay_groups_removed(item, request)
        for item_tag in list(item.keys()):
            if item_tag >> 16 in groups and not any(
                    path_matches(path, item_chain, item_tag) for path in request.kept_paths):
                del item[item_tag]
                continue
            _visit(item, item_tag, item_chain, request, uids)


def overlay_groups_removed(dataset: Dataset, request: ModificationRequest) -> frozenset[int]:
    """The overlay groups (60xx, even) of ``dataset`` whose OverlayData (60xx,3000) the request
    removes (a range of the profile, not kept or replaced at top level): each goes whole,
    since an Overlay Plane without its Type 1 OverlayData is invalid."""
    if request.profile is None or not request.profile.removed_ranges or request.keeps_ranges:
        return frozenset()
    return frozenset(tag >> 16 for tag in dataset.keys()  # noqa: SIM118 - no conversion
                     if tag & 0xFFFF == 0x3000 and 0x6000 <= tag >> 16 <= 0x60FF
                     and request.removes_range(tag) and tag not in request.kept_tags
                     and tag not in request.replaced_tags)


def _visit(item: Dataset, tag: BaseTag, chain: Chain, request: ModificationRequest,
           uids: UidMapper) -> None:
    """Apply the first matching rule of spec 3.7 to the element ``tag`` of a sequence item."""
    if any(path_matches(path, chain, tag) for path in request.kept_paths):
        return
    profile = request.profile
    assert profile is not None  # anonymize_identifiers checked it
    if ((tag.is_private and request.remove_private_tags
         and not (request.safe_private and is_safe_private(item, tag)))
            or tag in request.removals or request.removes_range(tag)):
        del item[tag]
    elif tag in request.clearings or (tag == PATIENT_NAME and request.sets_patient_name):
        vr = element_vr(item, tag)
        if vr in STR_VR:
            item[tag] = empty_element(tag, vr)
        else:
            del item[tag]
    elif (tag in MAIN_UIDS and not request.retain_uids) or tag in request.uid_tags:
        _remap(item, tag, chain, request, uids)
    elif _is_sequence(item, tag) and may_change(item.get_item(tag, keep_deferred=True),
                                                 request):
        _walk_sequence(item, tag, chain, request, uids)


def may_change(sequence: DataElement | RawDataElement, request: ModificationRequest) -> bool:
    """Whether the rules above may change something inside ``sequence``.

    False only for a sequence still raw (explicit VR, as read: never converted) none of
    whose elements, at any depth, has a tag that a rule removes, empties or remaps
    (:func:`_rule_may_apply`): walking it would change nothing, and left raw it is written
    back as its own bytes instead of being decoded and encoded again."""
    if not isinstance(sequence, RawDataElement):
        return True
    tags = sequence_tags(sequence, RAW_WALK_DEPTH)
    return tags is None or any(_rule_may_apply(tag, request) for tag in tags)


RAW_WALK_DEPTH = 64
"""The deepest raw sequence :func:`may_change` looks into; a deeper one is walked."""


def _rule_may_apply(tag: int, request: ModificationRequest) -> bool:
    """Whether a rule of :func:`_visit` (2 to 7) may change the element ``tag`` of an item,
    judged on its tag alone: a private tag when private tags go (safe ones included), a tag
    the request removes (ranges included), empties or remaps."""
    return bool((tag >> 16) & 1 and request.remove_private_tags) \
        or tag in request.removals or request.removes_range(tag) \
        or tag in request.clearings or (tag == PATIENT_NAME and request.sets_patient_name) \
        or (tag in MAIN_UIDS and not request.retain_uids) or tag in request.uid_tags


def _remap(dataset: Dataset, tag: BaseTag, chain: Chain, request: ModificationRequest,
           uids: UidMapper) -> None:
    """Replace the identifier ``tag`` by its mapped value (each value of a multi-valued one)."""
    profile = request.profile
    assert profile is not None  # anonymize_identifiers checked it
    raw = dataset.get_item(tag, keep_deferred=True)
    text = raw_uid_text(tag, raw) if tag != PATIENT_ID else None
    if text is not None:  # a UID read without converting it (faster)
        level = profile.uid_level(tag, chain)
        dataset[tag] = DataElement(tag, "UI", uids.map_uid(level, text))
        return
    element = dataset[tag]
    if element.VR not in STR_VR:
        return
    if tag == PATIENT_ID:
        def mapped(value: str) -> str:
            return uids.map_patient_id(value)
    else:
        level = profile.uid_level(tag, chain)

        def mapped(value: str) -> str:
            return uids.map_uid(level, value)
    value = element.value
    if isinstance(value, MultiValue):
        new_value: str | list[str] = [mapped(str(v)) for v in value]
    else:
        new_value = mapped("" if value is None else str(value))
    dataset[tag] = DataElement(tag, element.VR, new_value)


def raw_uid_text(tag: BaseTag, element: DataElement | RawDataElement) -> str | None:
    """The text of a raw, single-valued UI element (empty if it has no value), without
    converting it; None if pydicom must convert it (not raw, not UI, several values).

    pydicom's value strips the padding of that text, which UID maps strip anyway.
    """
    if not isinstance(element, RawDataElement) or (element.VR or _dictionary_vr(tag)) != "UI":
        return None
    if element.value is None:
        return "" if element.length == 0 else None
    text = element.value.decode(default_encoding)
    return None if "\\" in text else text


def _dictionary_vr(tag: BaseTag) -> str | None:
    """The VR the DICOM dictionary gives ``tag``, None if it has none."""
    try:
        return dictionary_VR(tag)
    except KeyError:
        return None


def element_vr(dataset: Dataset, tag: BaseTag) -> str:
    """The VR of an element without converting it.

    Raw elements read with implicit VR have none, and a sequence may be stored with the explicit
    VR UN: both get their (unambiguous) dictionary VR, as pydicom gives them once converted.
    """
    return _vr(tag, dataset.get_item(tag, keep_deferred=True))


def _vr(tag: BaseTag, element: DataElement | RawDataElement) -> str:
    if element.VR not in (None, "UN"):
        return element.VR
    try:
        return resolve_vr(dictionary_VR(tag))
    except KeyError:
        return element.VR or "UN"


def empty_element(tag: BaseTag, vr: str) -> DataElement:
    """``DataElement(tag, vr, empty_value_for_VR(vr))``, at a fraction of the cost.

    pydicom's constructor converts and validates the value, which costs microseconds; the
    converted empty value of each tag and VR (immutable, but for a sequence's, which is made
    as usual) is made once, and the new element is given it as converted. An empty value
    passes pydicom's validation in every VR, so nothing is skipped but the work.
    """
    if vr == "SQ":
        return DataElement(tag, vr, empty_value_for_VR(vr))
    settings = (config.use_none_as_empty_text_VR_value, config.replace_un_with_known_vr,
                config.datetime_conversion)
    return DataElement(tag, vr, _converted_empty(tag, vr, settings), already_converted=True)


@lru_cache(maxsize=1024)
def _converted_empty(tag: BaseTag, vr: str, settings: tuple[bool, bool, bool]) -> object:
    """The value of ``DataElement(tag, vr, empty_value_for_VR(vr))``; ``settings`` stands
    for the pydicom settings that the empty value and its conversion depend on."""
    return DataElement(tag, vr, empty_value_for_VR(vr)).value


def _is_sequence(dataset: Dataset, tag: BaseTag) -> bool:
    return _holds_sequence(tag, dataset.get_item(tag, keep_deferred=True))


def _holds_sequence(tag: BaseTag, element: DataElement | RawDataElement) -> bool:
    if isinstance(element, RawDataElement) and element.value is None:
        return False  # a deferred value (pixel data left in the file) is never a sequence
    return _vr(tag, element) == "SQ"
