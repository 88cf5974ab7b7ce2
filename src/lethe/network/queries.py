"""Queries sent to modalities (``/modalities/{m}/query``) and their answers (``/queries``).

A query is run once, when it is made; its answers are kept in memory, the last
``QueryRetrieveSize`` queries only (the least recently used is forgotten first), as Orthanc's
query/retrieve archive. As Orthanc's C-FIND SCU (``DicomControlUserConnection``):

* the query is "normalized" unless ``"Normalize": false``: only the tags of the modules of its
  level and above (PS3.3 patient, study, series, SOP common modules) and the computed tags of
  its level are sent;
* for a modality whose ``Manufacturer`` is ``GenericNoWildcardInDates`` (dates) or
  ``GenericNoUniversalWildcard`` (every tag), a ``*`` alone is sent as an empty value;
* the identifiers of the query's level and above (PatientID, StudyInstanceUID,
  AccessionNumber, SeriesInstanceUID, SOPInstanceUID) are always asked for (empty, or ``*``
  for a ``GE`` modality);
* the patient level uses the patient root model, the other levels the study root model; a
  retrieve is a C-MOVE (study root) of the identifiers of an answer.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from pydicom.dataset import Dataset

from lethe.dicom.dicomjson import dictionary_entry, element_string, tag_name
from lethe.dicom.modules import orthanc_module_tags
from lethe.errors import ErrorCode, LetheError, bad_request
from lethe.network.findscp import QUERY_RETRIEVE_LEVEL, SPECIFIC_CHARACTER_SET, strings_dataset
from lethe.network.modalities import RemoteModality
from lethe.store.model import Level

PATIENT_ID, STUDY_UID, SERIES_UID, SOP_UID = 0x00100020, 0x0020000D, 0x0020000E, 0x00080018
ACCESSION_NUMBER = 0x00080050

_MODULE_TAGS = orthanc_module_tags()
"""Orthanc's ``DicomTag::AddTagsForModule``: the tags a normalized query keeps, by level."""
_COMPUTED: dict[Level, frozenset[int]] = {
    Level.PATIENT: frozenset({0x00201200, 0x00201202, 0x00201204}),
    Level.STUDY: frozenset({0x00080061, 0x00201206, 0x00201208, 0x00080062}),
    Level.SERIES: frozenset({0x00201209}),
    Level.INSTANCE: frozenset(),
}
_EXPECTED: dict[Level, tuple[int, ...]] = {
    Level.PATIENT: (PATIENT_ID,), Level.STUDY: (ACCESSION_NUMBER, STUDY_UID, PATIENT_ID),
    Level.SERIES: (SERIES_UID, ACCESSION_NUMBER, STUDY_UID, PATIENT_ID),
    Level.INSTANCE: (SOP_UID, SERIES_UID, ACCESSION_NUMBER, STUDY_UID, PATIENT_ID)}
LEVEL_TERMS = {Level.PATIENT: "PATIENT", Level.STUDY: "STUDY", Level.SERIES: "SERIES",
               Level.INSTANCE: "IMAGE"}
"""The QueryRetrieveLevel sent for each level."""


def normalized(level: Level, fields: dict[int, str]) -> dict[int, str]:
    """The fields a normalized query at ``level`` keeps."""
    allowed = {SPECIFIC_CHARACTER_SET} | _COMPUTED[level]
    for upper in Level:
        if upper <= level:
            allowed |= _MODULE_TAGS[upper]
    return {tag: value for tag, value in fields.items() if tag in allowed}


def _manufacturer_fix(fields: dict[int, str], manufacturer: str) -> dict[int, str]:
    """A lone ``*`` sent empty: in dates for ``GenericNoWildcardInDates``, everywhere for
    ``GenericNoUniversalWildcard``."""
    if manufacturer not in ("GenericNoWildcardInDates", "GenericNoUniversalWildcard"):
        return fields
    fixed = dict(fields)
    for tag, value in fields.items():
        entry = dictionary_entry(tag)
        if value == "*" and (manufacturer == "GenericNoUniversalWildcard"
                             or (entry is not None and entry[0] == "DA")):
            fixed[tag] = ""
    return fixed


def move_dataset(level: Level, fields: dict[int, str], *, manufacturer: str = "Generic",
                 encoding: str = "Latin1") -> Dataset:
    """The C-MOVE (or C-GET) identifier of ``fields`` at ``level``."""
    fields = _manufacturer_fix(dict(fields), manufacturer)
    fields.pop(SPECIFIC_CHARACTER_SET, None)
    fields[QUERY_RETRIEVE_LEVEL] = LEVEL_TERMS[level]
    return strings_dataset(fields, encoding)


def query_dataset(level: Level, fields: dict[int, str], *, normalize: bool = True,
                  manufacturer: str = "Generic", encoding: str = "Latin1") -> Dataset:
    """The C-FIND identifier of a query at ``level``."""
    if normalize:
        fields = _manufacturer_fix(normalized(level, fields), manufacturer)
    else:
        fields = dict(fields)
    fields.pop(SPECIFIC_CHARACTER_SET, None)
    fields[QUERY_RETRIEVE_LEVEL] = LEVEL_TERMS[level]
    universal = "*" if manufacturer == "GE" else ""
    for tag in _EXPECTED[level]:  # the identifiers of the level and above, always asked
        fields.setdefault(tag, universal)
    return strings_dataset(fields, encoding)


def answer_values(answer: Dataset, level: Level) -> dict[int, str | None]:
    """An answer as Orthanc keeps it (its leaf elements as strings, None for null or binary
    values), with the query's level when the answer does not say it."""
    values: dict[int, str | None] = {}
    for tag in sorted(answer.keys()):
        element = answer[tag]
        if element.VR == "SQ" or tag.group < 0x0008:
            continue
        values[int(tag)] = element_string(answer, tag)
    values.setdefault(QUERY_RETRIEVE_LEVEL, LEVEL_TERMS[level])
    return dict(sorted(values.items()))


def values_json(values: dict[int, str | None], fmt: str = "full") -> dict[str, Any]:
    """Orthanc's JSON of a map of tags (``full``, ``short`` or ``simplify``)."""
    out: dict[str, Any] = {}
    for tag in sorted(values):
        value = values[tag]
        key = f"{tag >> 16:04x},{tag & 0xFFFF:04x}"
        if fmt == "simplify":
            out[tag_name(tag)] = value
        elif fmt == "short":
            out[key] = value
        else:
            out[key] = {"Name": tag_name(tag), "Type": "Null" if value is None else "String",
                        "Value": value}
    return out


def move_identifiers(values: dict[int, str | None]) -> tuple[Level, dict[int, str]]:
    """The level and identifiers of a C-MOVE that retrieves an answer
    (``DicomControlUserConnection::Move``); 404 ``Inexistent tag`` when one is missing."""
    term = values.get(QUERY_RETRIEVE_LEVEL) or ""
    try:
        level = Level.parse(term)
    except ValueError:
        raise bad_request(f'the answer has an unknown QueryRetrieveLevel: "{term}"') from None
    wanted = {Level.PATIENT: (PATIENT_ID,), Level.STUDY: (STUDY_UID,),
              Level.SERIES: (STUDY_UID, SERIES_UID),
              Level.INSTANCE: (STUDY_UID, SERIES_UID, SOP_UID)}[level]
    identifiers = {}
    for tag in wanted:
        value = values.get(tag)
        if value is None:
            raise LetheError(ErrorCode.INEXISTENT_TAG,
                             f"the answer has no {tag_name(tag)} to retrieve it by")
        identifiers[tag] = value
    return level, identifiers


@dataclass
class QueryRecord:
    """One query sent to a modality, and its answers."""

    id: str
    modality_name: str
    modality: RemoteModality
    level: Level
    fields: dict[int, str]
    normalize: bool
    local_aet: str
    timeout: int | None
    answers: list[dict[int, str | None]] = field(default_factory=list)

    def answer(self, index: str) -> dict[int, str | None]:
        """The answer at ``index`` (a decimal string); 404 otherwise."""
        if not index.isdigit() or int(index) >= len(self.answers):
            raise LetheError(ErrorCode.UNKNOWN_RESOURCE, f"no answer {index} to query {self.id}")
        return self.answers[int(index)]


class QueryArchive:
    """The last ``size`` queries, by ID (least recently used forgotten first)."""

    def __init__(self, size: int) -> None:
        self.size = max(size, 1)
        self._lock = threading.Lock()
        self._records: OrderedDict[str, QueryRecord] = OrderedDict()

    def new_id(self) -> str:
        """A fresh query ID."""
        return str(uuid.uuid4())

    def add(self, record: QueryRecord) -> str:
        """Keep ``record``; its ID."""
        with self._lock:
            self._records[record.id] = record
            while len(self._records) > self.size:
                self._records.popitem(last=False)
        return record.id

    def get(self, query_id: str) -> QueryRecord:
        """The query ``query_id`` (now the most recently used); 404 otherwise."""
        with self._lock:
            record = self._records.get(query_id)
            if record is None:
                raise LetheError(ErrorCode.UNKNOWN_RESOURCE, f"unknown query: {query_id}")
            self._records.move_to_end(query_id)
            return record

    def remove(self, query_id: str) -> None:
        """Forget the query ``query_id`` (absent: nothing happens, as in Orthanc)."""
        with self._lock:
            self._records.pop(query_id, None)

    def ids(self) -> list[str]:
        """The IDs of the queries kept, oldest first."""
        with self._lock:
            return list(self._records)
