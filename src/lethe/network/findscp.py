"""C-FIND SCP: the answers to a query at the patient, study, series or instance level.

As Orthanc 1.10.1 (``OrthancFindRequestHandler``):

* the keys of groups below 0008 are ignored; a key with an empty value asks for that value
  without constraining it; a sequence key asks for the sequence (its items are ignored);
* the constraints are matched with ``/tools/find``'s rules (:mod:`lethe.store.find`), case
  sensitive except for person names (PN) unless ``CaseSensitivePN``;
* an answer holds each key of the query, with the value of the resource (empty when it has
  none), plus ``RetrieveAETitle`` (the listener's AET). The values are the main tags of the
  resource and of its ancestors, or, when the query asks for a tag that is no main tag (or
  for a sequence), those of the file of one instance of the resource;
* ``NumberOfPatientRelatedStudies``... ``ModalitiesInStudy``, ``SOPClassesInStudy`` and
  ``NumberOfSeriesRelatedInstances`` are computed when the query asks for them at their level;
* the answers are written in ``DefaultEncoding`` (characters it cannot hold are left out);
* with a ``ModalitiesInStudy`` constraint, Orthanc looks for series and gathers them by
  StudyInstanceUID: one answer per UID (two patients' studies sharing a UID give one), in
  the order of the UIDs;
* ``LimitFindResults`` (``LimitFindInstances`` at the instance level) cuts the answers, which
  then end with the status "matching terminated" (0xFE00) instead of success.
"""

from __future__ import annotations

import codecs
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pydicom import config
from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence
from pydicom.tag import BaseTag, Tag

from lethe.dicom.dicomjson import (
    MAXIMUM_STRING_LENGTH,
    detect_encoding,
    dictionary_entry,
    element_string,
    tag_name,
)
from lethe.dicom.maintags import (
    ANY_MAIN_TAG,
    FIND_TAGS,
    MAIN_TAGS,
    MODALITIES_IN_STUDY,
    FindConstraint,
)
from lethe.errors import LetheError, bad_request
from lethe.store.find import FindQuery, find_tagged
from lethe.store.ingest import PATIENT_COPY
from lethe.store.model import Level
from lethe.store.store import Store

log = logging.getLogger(__name__)

QUERY_RETRIEVE_LEVEL = 0x00080052
SPECIFIC_CHARACTER_SET = 0x00080005
RETRIEVE_AE_TITLE = 0x00080054
SOP_CLASSES_IN_STUDY = 0x00080062

_PATIENT_COUNTERS = {0x00201200: "studies", 0x00201202: "series", 0x00201204: "instances"}
_STUDY_COUNTERS = {0x00201206: "series", 0x00201208: "instances"}
_SERIES_COUNTERS = {0x00201209: "instances"}
COMPUTED_TAGS = frozenset({*_PATIENT_COUNTERS, *_STUDY_COUNTERS, *_SERIES_COUNTERS,
                           int(MODALITIES_IN_STUDY), SOP_CLASSES_IN_STUDY})
"""Tags whose values C-FIND computes from the index (at their level)."""

_TERMS = {  # Orthanc's encoding name -> the SpecificCharacterSet it writes
    "Ascii": "ISO_IR 6", "Utf8": "ISO_IR 192", "Latin1": "ISO_IR 100", "Latin2": "ISO_IR 101",
    "Latin3": "ISO_IR 109", "Latin4": "ISO_IR 110", "Latin5": "ISO_IR 148",
    "Cyrillic": "ISO_IR 144", "Arabic": "ISO_IR 127", "Greek": "ISO_IR 126",
    "Hebrew": "ISO_IR 138", "Thai": "ISO_IR 166", "Japanese": "ISO_IR 13",
    "Chinese": "GB18030", "Korean": "ISO 2022 IR 149", "JapaneseKanji": "ISO 2022 IR 87",
    "SimplifiedChinese": "ISO 2022 IR 58",
}
_NUMBER_VRS = {"US": int, "SS": int, "UL": int, "SL": int, "UV": int, "SV": int, "FL": float,
               "FD": float}
_DCMTK_VRS = {"xs": "US", "px": "OW", "ox": "OB", "lt": "OW", "up": "UL", "na": "UN"}


@dataclass(frozen=True)
class FindSettings:
    """What the answers depend on besides the store."""

    aet: str
    default_encoding: str = "Latin1"
    case_sensitive_pn: bool = False
    limit_results: int = 0
    limit_instances: int = 0


@dataclass(frozen=True)
class FindOutcome:
    """The answers to a C-FIND, and whether they are all (False: cut by the limit,
    ``LimitFindResults`` or the worklists' ``LimitAnswers``)."""

    answers: list[Dataset]
    complete: bool = True


def query_level(identifier: Dataset) -> Level:
    """The ``QueryRetrieveLevel`` of a request; 400 naming it when absent or unknown."""
    value = identifier.get(QUERY_RETRIEVE_LEVEL)
    text = str(value.value).strip() if value is not None and value.value else ""
    if not text:
        raise bad_request("C-FIND request without the tag 0008,0052 (QueryRetrieveLevel)")
    try:
        return Level.parse(text)
    except ValueError:
        raise bad_request(f'unknown QueryRetrieveLevel: "{text}"') from None


@dataclass(frozen=True)
class _Key:
    tag: int
    value: str | None  # None: null (no value), or a sequence
    sequence: bool = False


def _keys(identifier: Dataset, default_encoding: str) -> list[_Key]:
    """The keys of the request that count: group 0008 and above, in tag order."""
    encoding = detect_encoding(identifier, default_encoding)
    keys = []
    for tag in sorted(identifier.keys()):  # keys: the elements stay unconverted
        if tag.group < 0x0008:
            continue
        element = identifier[tag]
        if element.VR == "SQ" or isinstance(element.value, Sequence):
            keys.append(_Key(int(tag), None, sequence=True))
        else:
            keys.append(_Key(int(tag), element_string(identifier, tag, encoding=encoding)))
    return keys


def _query(level: Level, keys: list[_Key], settings: FindSettings) -> FindQuery:
    constraints, modalities = [], None
    for key in keys:
        if key.sequence or not key.value or key.tag in (QUERY_RETRIEVE_LEVEL,
                                                        SPECIFIC_CHARACTER_SET):
            continue
        if key.tag & 0xFFFF == 0:  # group lengths
            continue
        entry = dictionary_entry(key.tag)
        sensitive = settings.case_sensitive_pn if entry and entry[0] == "PN" else True
        constraint = FindConstraint.parse(key.tag, key.value, case_sensitive=sensitive)
        if constraint is None:
            continue
        if key.tag == MODALITIES_IN_STUDY:
            modalities = constraint
        else:
            constraints.append(constraint)
    limit = settings.limit_instances if level is Level.INSTANCE else settings.limit_results
    return FindQuery(level, tuple(constraints), modalities, limit=limit + 1 if limit else 0)


def find_answers(store: Store, identifier: Dataset, settings: FindSettings) -> FindOutcome:
    """Answer the C-FIND request ``identifier``. Raises :class:`LetheError` for a request
    that cannot be answered (no level, a wildcard where none is allowed...)."""
    level = query_level(identifier)
    keys = _keys(identifier, settings.default_encoding)
    query = _query(level, keys, settings)
    found = find_tagged(store, query)
    if query.modalities is not None:
        found = _by_study_uid(found)
    limit = query.limit - 1 if query.limit else 0
    complete = not limit or len(found) <= limit
    if not complete:
        found = found[:limit]
    needs_file = any(k.sequence or (k.tag not in ANY_MAIN_TAG and k.tag not in COMPUTED_TAGS
                                    and k.tag not in (QUERY_RETRIEVE_LEVEL,
                                                      SPECIFIC_CHARACTER_SET))
                     for k in keys)
    answers = []
    for resource_id, tags in found:
        try:
            answers.append(_answer(store, resource_id, level, tags, keys, needs_file, settings))
        except LetheError:  # deleted meanwhile, or its file is missing
            continue
    return FindOutcome(answers, complete)


def _by_study_uid(found: list[tuple[str, dict[str, str]]]) -> list[tuple[str, dict[str, str]]]:
    """Studies found through ``ModalitiesInStudy`` as Orthanc answers them: one per
    StudyInstanceUID (the first found), in the order of the UIDs."""
    unique: dict[str, tuple[str, dict[str, str]]] = {}
    for resource_id, tags in found:
        unique.setdefault(tags.get("StudyInstanceUID", ""), (resource_id, tags))
    return [unique[uid] for uid in sorted(unique)]


def _answer(store: Store, resource_id: str, level: Level, tags: dict[str, str],
            keys: list[_Key], needs_file: bool, settings: FindSettings) -> Dataset:
    values: dict[int, Any] = {RETRIEVE_AE_TITLE: settings.aet}
    source = _first_file(store, resource_id) if needs_file else None
    encoding = detect_encoding(source) if source is not None else None
    visible = FIND_TAGS[level]
    for key in keys:
        if key.tag == SPECIFIC_CHARACTER_SET:
            continue
        if key.tag == QUERY_RETRIEVE_LEVEL:
            values[key.tag] = key.value or ""
        elif key.sequence:  # answered only when the file has it
            element = source.get(key.tag) if source is not None else None
            if element is not None and element.VR == "SQ":
                values[key.tag] = Sequence(element.value)
        elif source is not None:
            text = element_string(source, key.tag, encoding=encoding)
            too_long = text is not None and len(text.encode("utf-8")) > MAXIMUM_STRING_LENGTH
            values[key.tag] = "" if text is None or too_long else text
        else:
            values[key.tag] = _main_tag(tags, Tag(key.tag), level) if key.tag in visible else ""
    values.update(_counters(store, resource_id, level, {k.tag for k in keys}))
    return strings_dataset(values, settings.default_encoding)


def _main_tag(tags: dict[str, str], tag: BaseTag, level: Level) -> str:
    """The value of a main tag for an answer at ``level``: a patient tag of a study (or
    below) is the study's copy (Orthanc merges the study's tags before the patient's)."""
    name = tag_name(tag)
    if level is not Level.PATIENT and tag in MAIN_TAGS[Level.PATIENT]:
        return tags.get(PATIENT_COPY + name, tags.get(name, ""))
    return tags.get(name, "")


def _first_file(store: Store, resource_id: str) -> Dataset | None:
    instances = store.instances_of(resource_id)
    return store.read_dataset(instances[0]) if instances else None


def _counters(store: Store, resource_id: str, level: Level, asked: set[int]) -> dict[int, str]:
    """The computed tags the query asks for at ``level``."""
    out: dict[int, str] = {}
    if level is Level.PATIENT and asked & _PATIENT_COUNTERS.keys():
        counts = _descendants(store, resource_id, Level.PATIENT)
        out.update({tag: str(len(counts[kind])) for tag, kind in _PATIENT_COUNTERS.items()
                    if tag in asked})
    elif level is Level.STUDY and asked & (COMPUTED_TAGS - _PATIENT_COUNTERS.keys()
                                           - _SERIES_COUNTERS.keys()):
        counts = _descendants(store, resource_id, Level.STUDY)
        out.update({tag: str(len(counts[kind])) for tag, kind in _STUDY_COUNTERS.items()
                    if tag in asked})
        if MODALITIES_IN_STUDY in asked:
            modalities = {store.main_tags(series).get("Modality") for series in counts["series"]}
            out[int(MODALITIES_IN_STUDY)] = "\\".join(sorted(m for m in modalities
                                                             if m is not None))
        if SOP_CLASSES_IN_STUDY in asked:
            classes = {store.metadata(i).get("SopClassUid") for i in counts["instances"]}
            out[SOP_CLASSES_IN_STUDY] = "\\".join(sorted(c for c in classes if c is not None))
    elif level is Level.SERIES and asked & _SERIES_COUNTERS.keys():
        out.update({tag: str(len(store.children(resource_id))) for tag in _SERIES_COUNTERS
                    if tag in asked})
    return out


def _descendants(store: Store, resource_id: str, level: Level) -> dict[str, list[str]]:
    """The studies, series and instances below a patient or a study."""
    found: dict[str, list[str]] = {"studies": [], "series": [], "instances": []}
    current = [resource_id]
    for below in Level:
        if below <= level:
            continue
        current = [child for parent in current for child in store.children(parent)]
        found[{Level.STUDY: "studies", Level.SERIES: "series",
               Level.INSTANCE: "instances"}[below]] = current
    return found


def _vr(tag: int) -> str:
    entry = dictionary_entry(tag)
    vr = entry[0] if entry is not None else "UN"
    return _DCMTK_VRS.get(vr, vr) if vr.islower() else vr


def strings_dataset(values: dict[int, Any], encoding_name: str) -> Dataset:
    """A data set of ``values`` (Orthanc's strings, or sequences), written in the character
    set of ``encoding_name`` (an Orthanc encoding name, e.g. ``Latin1``), as Orthanc makes
    C-FIND answers and queries from a map of tags."""
    dataset = Dataset()
    term = _TERMS.get(encoding_name, "ISO_IR 100")
    dataset.SpecificCharacterSet = term
    codec = _codec(term)
    for tag in sorted(values):
        value = values[tag]
        vr = _vr(tag)
        if isinstance(value, Sequence):
            dataset[tag] = DataElement(tag, "SQ", value)
            continue
        # Values are taken as they are (a query holds wildcards and ranges in dates, UIDs...)
        dataset[tag] = DataElement(tag, vr, _typed(vr, value, codec),
                                   validation_mode=config.IGNORE)
    return dataset


def _codec(term: str) -> str | None:
    from pydicom.charset import python_encoding

    name = python_encoding.get(term)
    try:
        return codecs.lookup(name).name if name else None
    except LookupError:
        return None


def _typed(vr: str, value: str, codec: str | None) -> Any:
    """``value`` (Orthanc's string) as pydicom wants it for ``vr``: numbers for binary
    numbers, nothing for other binary values, else the text without the characters the
    answer's character set cannot hold."""
    if vr in _NUMBER_VRS:
        try:
            numbers = [_NUMBER_VRS[vr](v) for v in value.split("\\") if v.strip()]
        except ValueError:
            return None
        return numbers[0] if len(numbers) == 1 else numbers or None
    if vr in ("OB", "OW", "OD", "OF", "OL", "OV", "UN", "AT"):
        return None
    if codec is not None and not value.isascii():
        value = "".join(c for c in value if encodable(c, codec))
    return value


def encodable(character: str, codec: str) -> bool:
    """Whether ``character`` has a code in the Python codec ``codec``."""
    try:
        character.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def iter_statuses(outcome: FindOutcome) -> Iterator[tuple[int, Dataset | None]]:
    """The pending answers, then the final status for pynetdicom's C-FIND provider."""
    for answer in outcome.answers:
        yield 0xFF00, answer
    if not outcome.complete:
        yield 0xFE00, None


def find_responses(event: Any, find: Callable[[], FindOutcome],
                   what: str) -> Iterator[tuple[int, Dataset | None]]:
    """pynetdicom's C-FIND responses to ``event``: the pending answers of ``find()``, then
    its final status (0xFE00 when the answers were cut, or once the requester cancels);
    0xC000 (unable to process) when ``find()`` raises, logged as a ``what`` failure."""
    try:
        outcome = find()
    except LetheError as exc:
        log.warning("%s refused: %s", what, exc.details or exc.code.description)
        yield 0xC000, None
        return
    except Exception:
        log.error("%s failed", what, exc_info=True)
        yield 0xC000, None
        return
    for status, answer in iter_statuses(outcome):
        if event.is_cancelled:
            yield 0xFE00, None
            return
        yield status, answer
