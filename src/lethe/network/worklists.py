"""Modality worklists: the C-FIND SCP of Orthanc's ModalityWorklists plugin, and the query
filter of the hooks.

Configured as the plugin is (``"Worklists": {"Enable": true, "Database": "/folder"}``, with
``FilterIssuerAet`` and ``LimitAnswers``), the listener answers C-FIND requests of the Modality
Worklist Information Model from the files ending in ``.wl`` (any case) of the folder, read at
each request, in the order the folder lists them. As Orthanc:

* the query first loses an item of ``ReferencedStudySequence`` or
  ``ReferencedPatientSequence`` whose two UIDs are empty (DCMTK's rule, kept by Orthanc);
  then the hooks' ``IncomingWorklistRequestFilter`` (Lua) or
  ``incoming_worklist_request_filter`` (Python) may rewrite it: it gets the query as
  ``{"gggg,eeee": value}`` (a sequence as a list of such items) and the origin of the
  request, and returns the query to run;
* with ``FilterIssuerAet``, the query matched (not the one the answers are made of) has the
  calling AET as ``ScheduledStationAETitle`` in its ``ScheduledProcedureStepSequence`` (made
  if absent), and no empty ``PregnancyStatus``;
* a worklist matches (:class:`WorklistMatcher`, Orthanc's ``HierarchicalMatcher``) when each
  non-empty text key matches its value with the rules of C-FIND (wildcards, ranges, lists;
  person names case-insensitive unless ``CaseSensitivePN``), a worklist without the tag
  failing; and, for a sequence key with one non-empty item, when the worklist has no such
  sequence or one of its items matches the item;
* an answer holds the keys of the query that the worklist has (group lengths and
  SpecificCharacterSet apart), their values as the file has them, a sequence key with the
  items that match (cut down to the item's keys), and the worklist's SpecificCharacterSet;
* ``LimitAnswers`` (0: none): once more than that many worklists matched, the answers stop
  there, with the status "matching terminated" (0xFE00), as the plugin does it (which sends
  one answer more than the limit).
"""

from __future__ import annotations

import copy
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydicom import dcmread
from pydicom.charset import python_encoding
from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset
from pydicom.errors import InvalidDicomError
from pydicom.sequence import Sequence
from pydicom.valuerep import PersonName

from lethe.dicom.create import ENCODING_TERMS
from lethe.dicom.dicomjson import detect_encoding, dictionary_entry, element_string
from lethe.dicom.maintags import FindConstraint
from lethe.errors import LetheError, bad_request
from lethe.network.findscp import FindOutcome, encodable, find_responses

if TYPE_CHECKING:
    from lethe.config import Config
    from lethe.hooks.dispatcher import Dispatcher
    from lethe.network.service import DicomNetwork

log = logging.getLogger(__name__)

WORKLIST_FILTER = "IncomingWorklistRequestFilter"
SPECIFIC_CHARACTER_SET = 0x00080005
SCHEDULED_PROCEDURE_STEP_SEQUENCE = 0x00400100
SCHEDULED_STATION_AE_TITLE = 0x00400001
PREGNANCY_STATUS = 0x001021C0
_REFERENCED_SEQUENCES = (0x00081110, 0x00081120)  # ReferencedStudy/PatientSequence
_REFERENCED_UIDS = (0x00081150, 0x00081155)  # ReferencedSOPClassUID, ReferencedSOPInstanceUID


@dataclass(frozen=True)
class WorklistSettings:
    """The ``Worklists`` section of the configuration (the plugin's names)."""

    enabled: bool = False
    database: str = ""
    filter_issuer_aet: bool = False
    limit_answers: int = 0
    case_sensitive_pn: bool = False   # CaseSensitivePN
    default_encoding: str = "Latin1"  # DefaultEncoding: the answers are written in it

    @classmethod
    def from_config(cls, config: Config) -> WorklistSettings:
        """The settings of a configuration; ``ValueError`` naming the key of a bad value."""
        return cls.parse(config.Worklists, config.CaseSensitivePN, config.DefaultEncoding)

    @classmethod
    def parse(cls, section: dict[str, Any], case_sensitive_pn: bool = False,
              default_encoding: str = "Latin1") -> WorklistSettings:
        """The settings of a ``Worklists`` section; ``ValueError`` naming the key of a bad
        value (``Database`` is required when ``Enable`` is true)."""
        kinds = {"Enable": bool, "Database": str, "FilterIssuerAet": bool, "LimitAnswers": int}
        for key, value in section.items():
            kind = kinds.get(key)
            if kind is None:
                continue  # other keys of the plugin's section are ignored, as the plugin does
            negative = isinstance(value, int) and (isinstance(value, bool) or value < 0)
            if not isinstance(value, kind) or (kind is int and negative):
                wanted = {bool: "a boolean", str: "a string", int: "an integer >= 0"}[kind]
                raise ValueError(f"key 'Worklists.{key}' must be {wanted}, got {value!r}")
        enabled = section.get("Enable", False)
        if enabled and not section.get("Database"):
            raise ValueError("key 'Worklists.Database' must contain a path when "
                             "'Worklists.Enable' is true")
        return cls(enabled, section.get("Database", ""), section.get("FilterIssuerAet", False),
                   section.get("LimitAnswers", 0), case_sensitive_pn, default_encoding)


# --- matching ---------------------------------------------------------------------------
class WorklistMatcher:
    """The constraints of a worklist query (Orthanc's ``HierarchicalMatcher``): the text keys
    with their constraint (None: any value), and the sequence keys with the matcher of their
    item (None: any item)."""

    def __init__(self, query: Dataset, case_sensitive_pn: bool = False,
                 encoding: tuple[str, bool] | None = None) -> None:
        """``encoding``: that of the query (a sequence item has its data set's). Raises
        :class:`LetheError` (400) for a sequence key with several items, or a wildcard where
        its VR allows none."""
        self.flat: dict[int, FindConstraint | None] = {}
        self.sequences: dict[int, WorklistMatcher | None] = {}
        encoding = encoding or detect_encoding(query)
        for element in query:
            tag = int(element.tag)
            if tag == SPECIFIC_CHARACTER_SET or tag & 0xFFFF == 0:
                continue
            if element.VR == "SQ":
                items = list(element.value or [])
                if len(items) > 1:
                    raise bad_request(f"the worklist query has {len(items)} items in the "
                                      f"sequence ({element.tag.group:04x},"
                                      f"{element.tag.element:04x})")
                self.sequences[tag] = WorklistMatcher(items[0], case_sensitive_pn, encoding) \
                    if items and len(items[0]) else None
                continue
            self.flat[tag] = _constraint(query, element, encoding, case_sensitive_pn)

    def matches(self, item: Dataset, encoding: tuple[str, bool] | None = None) -> bool:
        """Whether the worklist (or the sequence item ``item`` of a data set in
        ``encoding``) matches."""
        encoding = encoding or detect_encoding(item)
        for tag, constraint in self.flat.items():
            if constraint is not None and not constraint.matches_in_file(
                    element_string(item, tag, encoding=encoding) if tag in item else None):
                return False
        for tag, matcher in self.sequences.items():
            if matcher is None or tag not in item or item[tag].VR != "SQ":
                continue
            if not any(matcher.matches(child, encoding) for child in item[tag].value or []):
                return False
        return True

    def extract(self, item: Dataset, encoding: tuple[str, bool] | None = None) -> Dataset:
        """The answer for the matching ``item``: the keys it has, as it has them."""
        encoding = encoding or detect_encoding(item)
        answer = Dataset()
        for tag in self.flat:
            if tag in item and item[tag].VR != "SQ":
                answer[tag] = item[tag]
        for tag, matcher in self.sequences.items():
            if tag not in item or item[tag].VR != "SQ":
                continue
            children = list(item[tag].value or [])
            kept = children if matcher is None else \
                [matcher.extract(child, encoding) for child in children
                 if matcher.matches(child, encoding)]
            answer[tag] = DataElement(tag, "SQ", Sequence(kept))
        return answer


def _constraint(query: Dataset, element: DataElement, encoding: tuple[str, bool],
                case_sensitive_pn: bool) -> FindConstraint | None:
    if element.VR in ("OB", "OW", "OF", "OD", "OL", "OV", "UN") or element.value is None:
        return None  # binary keys are ignored, as Orthanc (with a warning for a value)
    text = element_string(query, element.tag, encoding=encoding)
    if not text:
        return None
    entry = dictionary_entry(int(element.tag))
    sensitive = case_sensitive_pn if entry is not None and entry[0] == "PN" else True
    return FindConstraint.parse(int(element.tag), text, case_sensitive=sensitive)


# --- the query ----------------------------------------------------------------------------
def fix_query(query: Dataset) -> Dataset:
    """Drop the single item of ReferencedStudySequence or ReferencedPatientSequence whose
    ReferencedSOPClassUID and ReferencedSOPInstanceUID are both present and empty."""
    for tag in _REFERENCED_SEQUENCES:
        element = query.get(tag)
        if element is None or element.VR != "SQ" or len(element.value or []) != 1:
            continue
        item = element.value[0]
        if all(uid in item and not item[uid].value for uid in _REFERENCED_UIDS):
            query[tag] = DataElement(tag, "SQ", Sequence([]))
    return query


def filter_issuer_aet(query: Dataset, issuer: str) -> Dataset:
    """``FilterIssuerAet``: the query restricted to the worklists of the calling AET."""
    steps = query.get(SCHEDULED_PROCEDURE_STEP_SEQUENCE)
    if steps is None:
        query[SCHEDULED_PROCEDURE_STEP_SEQUENCE] = DataElement(
            SCHEDULED_PROCEDURE_STEP_SEQUENCE, "SQ", Sequence([Dataset()]))
        steps = query[SCHEDULED_PROCEDURE_STEP_SEQUENCE]
    if steps.VR != "SQ" or len(steps.value or []) != 1:
        raise bad_request("with FilterIssuerAet, ScheduledProcedureStepSequence must have "
                          "one item in a worklist query")
    # The plugin sets it whatever the query gave (its test of the given value never holds)
    steps.value[0][SCHEDULED_STATION_AE_TITLE] = DataElement(SCHEDULED_STATION_AE_TITLE,
                                                             "AE", issuer)
    pregnancy = query.get(PREGNANCY_STATUS)
    if pregnancy is not None and (pregnancy.value is None or pregnancy.value == ""):
        del query[PREGNANCY_STATUS]
    return query


def filter_worklist_query(dispatcher: Dispatcher, query: Dataset, origin: dict[str, str]
                          ) -> Dataset:
    """The query after the hooks' ``IncomingWorklistRequestFilter``: it is given as
    ``{"gggg,eeee": text}`` (a sequence as a list of such objects, a binary value as an
    empty string) and the query returned is made of what it returns (an unknown tag's value
    as LO). A filter that fails leaves the query unchanged."""
    source = query_json(query)
    given = copy.deepcopy(source)  # a filter may change it in place
    answer = dispatcher.filter(WORKLIST_FILTER, given, origin, default=given)
    if not isinstance(answer, dict) or answer == source:
        return query
    try:
        return dataset_of_json(answer, query)
    except (LetheError, ValueError, TypeError) as exc:
        log.error("filter %s returned an unusable query: %s", WORKLIST_FILTER, exc)
        return query


def query_json(dataset: Dataset) -> dict[str, Any]:
    """A query as Lua gets it: ``{"gggg,eeee": text or [items]}``."""
    encoding = detect_encoding(dataset)
    out: dict[str, Any] = {}
    for element in dataset:
        key = f"{element.tag.group:04x},{element.tag.element:04x}"
        if element.VR == "SQ":
            out[key] = [query_json(item) for item in element.value or []]
        elif isinstance(element.value, bytes) or element.value is None:
            out[key] = ""
        else:
            out[key] = element_string(dataset, element.tag, encoding=encoding) or ""
    return out


def dataset_of_json(value: dict[str, Any], original: Dataset | None = None) -> Dataset:
    """A query made of ``{"gggg,eeee": text or [items]}`` (an element the original has with
    the same text is kept as it was)."""
    dataset = Dataset()
    for key, item in value.items():
        group, _, element = str(key).partition(",")
        tag = (int(group, 16) << 16) | int(element, 16)
        if original is not None and tag in original and item == query_json_value(original,
                                                                                 tag):
            dataset[tag] = original[tag]
            continue
        entry = dictionary_entry(tag)
        vr = entry[0] if entry is not None else ("SQ" if isinstance(item, list) else "LO")
        if isinstance(item, list):
            items = [dataset_of_json(child) for child in item if isinstance(child, dict)]
            dataset[tag] = DataElement(tag, "SQ", Sequence(items))
        else:
            dataset.add_new(tag, vr, str(item) if item not in (None, "") else None)
    if original is not None and SPECIFIC_CHARACTER_SET in original and \
            SPECIFIC_CHARACTER_SET not in dataset:
        dataset[SPECIFIC_CHARACTER_SET] = original[SPECIFIC_CHARACTER_SET]
    return dataset


def query_json_value(dataset: Dataset, tag: int) -> Any:
    """The value of one element as :func:`query_json` gives it."""
    single = Dataset()
    if SPECIFIC_CHARACTER_SET in dataset:
        single[SPECIFIC_CHARACTER_SET] = dataset[SPECIFIC_CHARACTER_SET]
    single[tag] = dataset[tag]
    return query_json(single)[f"{tag >> 16:04x},{tag & 0xFFFF:04x}"]


# --- answering ------------------------------------------------------------------------------
def worklist_files(folder: str) -> Iterator[Path]:
    """The ``.wl`` files of the folder (any case), in the order it lists them. Raises
    :class:`LetheError` when the folder cannot be read."""
    try:
        entries = list(os.scandir(folder))
    except OSError as exc:
        raise bad_request(f"the worklist database cannot be read: {exc.strerror}") from None
    for entry in entries:
        if entry.is_file() and Path(entry.name).suffix.lower() == ".wl":
            yield Path(entry.path)


def find_worklists(settings: WorklistSettings, query: Dataset,
                   matching: Dataset | None = None) -> FindOutcome:
    """Match ``matching`` (else ``query``) against the worklists of ``settings``; the
    answers are cut down to the keys of ``query`` (as the plugin, whose ``FilterIssuerAet``
    changes the query it matches, not the one its answers are made of)."""
    extractor = WorklistMatcher(query, settings.case_sensitive_pn)
    matcher = extractor if matching is None else \
        WorklistMatcher(matching, settings.case_sensitive_pn)
    answers: list[Dataset] = []
    for path in worklist_files(settings.database):
        try:
            worklist = dcmread(path, force=True)
        except (InvalidDicomError, OSError, ValueError, EOFError) as exc:
            log.warning("worklist %s cannot be read: %s", path.name, exc)
            continue
        if not matcher.matches(worklist):
            continue
        answers.append(_in_encoding(extractor.extract(worklist), worklist,
                                    settings.default_encoding))
        if settings.limit_answers and len(answers) > settings.limit_answers:
            return FindOutcome(answers, complete=False)
    return FindOutcome(answers)


def _in_encoding(answer: Dataset, worklist: Dataset, encoding_name: str) -> Dataset:
    """The answer written in the character set of ``encoding_name`` (``DefaultEncoding``),
    as Orthanc writes C-FIND answers; characters it cannot hold are left out."""
    if SPECIFIC_CHARACTER_SET in worklist:
        answer[SPECIFIC_CHARACTER_SET] = worklist[SPECIFIC_CHARACTER_SET]
    answer.decode()  # the text values as str, read in the worklist's character set
    term = ENCODING_TERMS.get(encoding_name) or "ISO_IR 100"
    _keep_encodable(answer, python_encoding.get(term, "latin_1"))
    answer[SPECIFIC_CHARACTER_SET] = DataElement(SPECIFIC_CHARACTER_SET, "CS", term)
    return answer


def _keep_encodable(dataset: Dataset, codec: str) -> None:
    """Leave out of the text values the characters ``codec`` cannot encode."""
    for element in dataset:
        if element.VR == "SQ":
            for item in element.value or []:
                _keep_encodable(item, codec)
        elif element.VR in _TEXT_VRS and isinstance(element.value, str | PersonName) \
                and not str(element.value).isascii():
            text = str(element.value)
            element.value = "".join(c for c in text if encodable(c, codec))


_TEXT_VRS = frozenset({"SH", "LO", "ST", "LT", "UT", "UC", "PN"})


def answer_worklist_find(settings: WorklistSettings, dispatcher: Dispatcher | None,
                         identifier: Dataset, origin: dict[str, str]) -> FindOutcome:
    """The answers to a worklist C-FIND request from ``origin`` (``RemoteIp``,
    ``RemoteAet``, ``CalledAet``). Raises :class:`LetheError` for a request that cannot be
    answered (worklists disabled, a malformed query, an unreadable folder)."""
    if not settings.enabled:
        raise bad_request("no worklist database is configured (\"Worklists\")")
    query = fix_query(identifier)
    if dispatcher is not None and dispatcher.handles(WORKLIST_FILTER):
        query = filter_worklist_query(dispatcher, query, origin)
    matching = None
    if settings.filter_issuer_aet:
        matching = filter_issuer_aet(copy.deepcopy(query), origin.get("RemoteAet", ""))
    return find_worklists(settings, query, matching)


# --- the listener -------------------------------------------------------------------------
MODALITY_WORKLIST_FIND = "1.2.840.10008.5.1.4.31"
"""Modality Worklist Information Model - FIND: the listener accepts it when worklists are
enabled."""


def is_worklist_request(event: Any) -> bool:
    """True for a pynetdicom C-FIND event of the Modality Worklist Information Model."""
    return str(event.context.abstract_syntax) == MODALITY_WORKLIST_FIND


def handle_find(network: DicomNetwork, event: Any) -> Iterator[tuple[int, Dataset | None]]:
    """Answer a worklist C-FIND event (pynetdicom's statuses and answers); a request that
    cannot be answered gets 0xC000 (unable to process), as in Orthanc."""
    from lethe.hooks.filters import find_origin

    yield from find_responses(event, lambda: answer_worklist_find(
        network.worklists, network.hooks, event.identifier, find_origin(event)),
        "worklist C-FIND")
