"""The pseudonym register in the index (lethe.store.pseudonyms), on each backend: merging,
conflicts, look-ups, export pages, the entries of a keyed anonymization, and the migration
of an index made before the register existed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lethe.dicom.pseudonyms import keyed_mapper
from lethe.store import sqlindex
from lethe.store.model import Level
from lethe.store.pseudonyms import (
    RegisterConflict,
    RegisterEntry,
    entries_of,
    export_chunks,
    parse_document,
)
from lethe.store.sqlindex import SqlIndex
from tests.store.test_index_backends import open_index
from tests.support.postgres import BACKENDS

PATIENT = RegisterEntry("PatientID", "pseudo-1", "ORIG-1", "pseudo-1", "PATIENT^AAA",
                        "Doe^Jane", -400)
STUDY = RegisterEntry("StudyInstanceUID", "2.25.1", "1.2.3", "pseudo-1")
SERIES = RegisterEntry("SeriesInstanceUID", "2.25.2", "1.2.3.4", "pseudo-1")


@pytest.fixture(params=BACKENDS)
def index(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlIndex]:
    opened = open_index(request, request.param, tmp_path)
    yield opened
    opened.close()


def everything(index: SqlIndex, key: str = "k") -> list[RegisterEntry]:
    return [entry for _, entry in index.pseudonyms_after(key, 0, 1000)]


def test_merge_adds_once_and_completes_what_a_row_lacks(index: SqlIndex) -> None:
    bare = RegisterEntry("PatientID", "pseudo-1", "ORIG-1", "pseudo-1")
    counts = index.merge_pseudonyms("k", [bare, STUDY], strict=True)
    assert (counts.added, counts.known, counts.completed) == (2, 0, 0)
    counts = index.merge_pseudonyms("k", [PATIENT, STUDY, SERIES], strict=True)
    assert (counts.added, counts.known, counts.completed) == (1, 1, 1)
    counts = index.merge_pseudonyms("k", [bare, PATIENT, STUDY, SERIES], strict=True)
    assert (counts.added, counts.known, counts.completed) == (0, 4, 0)
    assert everything(index) == [PATIENT, STUDY, SERIES]
    assert everything(index, "other") == []


def test_a_contradicting_entry_is_refused_and_nothing_is_merged(index: SqlIndex) -> None:
    index.merge_pseudonyms("k", [PATIENT, STUDY], strict=True)
    contradictions = [
        RegisterEntry("StudyInstanceUID", "2.25.1", "9.9.9", "pseudo-1"),  # another original
        RegisterEntry("StudyInstanceUID", "2.25.7", "1.2.3", "pseudo-1"),  # another pseudonym
        RegisterEntry("PatientID", "pseudo-1", "ORIG-1", "pseudo-1", date_shift_days=-5),
    ]
    for wrong in contradictions:
        with pytest.raises(RegisterConflict) as raised:
            index.merge_pseudonyms("k", [SERIES, wrong], strict=True)
        message = str(raised.value)
        assert message.startswith("Entries[1]: ") and wrong.pseudonym in message
        assert wrong.original not in message  # never an original value
        assert everything(index) == [PATIENT, STUDY]  # SERIES was not merged either
    counts = index.merge_pseudonyms("k", [SERIES, *contradictions], strict=False)
    assert (counts.added, counts.known, counts.conflicts) == (1, 1, 2)  # recording keeps the
    assert everything(index) == [PATIENT, STUDY, SERIES]  # first date shift of a patient
    # the same values under another key name are no contradiction
    assert index.merge_pseudonyms("k2", contradictions[:1], strict=True).added == 1


def test_look_up_by_pseudonym_patient_name_or_original(index: SqlIndex) -> None:
    index.merge_pseudonyms("k", [PATIENT, STUDY, SERIES], strict=True)
    assert index.find_pseudonyms("k", pseudonym="2.25.2") == [SERIES]
    assert index.find_pseudonyms("k", pseudonym="PATIENT^AAA") == [PATIENT]
    assert index.find_pseudonyms("k", pseudonym="pseudo-1") == [PATIENT]
    assert index.find_pseudonyms("k", original="1.2.3") == [STUDY]
    assert index.find_pseudonyms("k", original="ORIG-1") == [PATIENT]
    assert index.find_pseudonyms("k", original="Doe^Jane") == []
    assert index.find_pseudonyms("other", pseudonym="2.25.2") == []


def test_export_pages_keep_the_recording_order(index: SqlIndex) -> None:
    entries = [RegisterEntry("SOPInstanceUID", f"2.25.9{n}", f"1.9.{n}", "pseudo-1")
               for n in range(7)]
    for entry in entries:
        index.merge_pseudonyms("k", [entry], strict=True)
    first = index.pseudonyms_after("k", 0, 3)
    second = index.pseudonyms_after("k", first[-1][0], 3)
    third = index.pseudonyms_after("k", second[-1][0], 3)
    assert [e for _, e in first + second + third] == entries and len(third) == 1


def test_the_exported_document_reads_back() -> None:
    import json

    text = "".join(export_chunks("k", [PATIENT, STUDY]))
    assert parse_document(json.loads(text), "k") == [PATIENT, STUDY]
    document = json.loads(text)
    for change, message in (({"Key": "other"}, '"Key" is \'other\''),
                            ({"Format": "x"}, '"Format" must be'),
                            ({"Entries": {}}, '"Entries" must be a list')):
        with pytest.raises(ValueError, match=message):
            parse_document({**document, **change}, "k")
    for item, message in (({"Kind": "Modality"}, r'Entries\[0\]: "Kind" must be one of'),
                          ({**STUDY.as_json(), "DateShiftDays": 3}, "PatientID entries only"),
                          ({**PATIENT.as_json(), "DateShiftDays": "3"}, "of type int"),
                          ({**STUDY.as_json(), "Pseudonym": ""}, '"Pseudonym" must be'),
                          ({**STUDY.as_json(), "Extra": 1}, 'unknown field "Extra"'),
                          ({**PATIENT.as_json(), "Patient": "x"}, "is its \"Pseudonym\"")):
        with pytest.raises(ValueError, match=message):
            parse_document({**document, "Entries": [item]}, "k")


def test_entries_of_record_only_the_key_s_pseudonyms() -> None:
    uids = keyed_mapper("a secret of the register tests")
    original = {Level.PATIENT: {"PatientID": "P1", "PatientName": "Doe^Jane"},
                Level.STUDY: {"StudyInstanceUID": "1.2.3"},
                Level.SERIES: {"SeriesInstanceUID": "1.2.3.4"},
                Level.INSTANCE: {"SOPInstanceUID": "1.2.3.4.5"}}
    patient = uids.map_patient_id("P1")
    written = {Level.PATIENT: {"PatientID": patient, "PatientName": uids.map_patient_name("P1")},
               Level.STUDY: {"StudyInstanceUID": uids.map_uid(Level.STUDY, "1.2.3")},
               Level.SERIES: {"SeriesInstanceUID": "1.2.3.4"},  # kept (RetainUIDs, Keep)
               Level.INSTANCE: {"SOPInstanceUID": uids.map_uid(Level.INSTANCE, "1.2.3.4.5")}}
    entries = entries_of(uids, True, original, written)
    assert [e.kind for e in entries] == ["PatientID", "StudyInstanceUID", "SOPInstanceUID"]
    assert entries[0] == RegisterEntry("PatientID", patient, "P1", patient,
                                       uids.map_patient_name("P1"), "Doe^Jane",
                                       uids.date_shift_days("P1"))
    assert entries_of(uids, False, original, written)[0].date_shift_days is None
    replaced = {**written, Level.PATIENT: {"PatientID": "CHOSEN", "PatientName": "X"}}
    assert entries_of(uids, True, original, replaced) == []  # no pseudonym of the key


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_index_made_before_the_register_is_migrated(
        request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        backend: str) -> None:
    full = sqlindex.MIGRATIONS
    monkeypatch.setattr(sqlindex, "MIGRATIONS", full[:4])  # the schema before migration 5
    older = open_index(request, backend, tmp_path)
    assert older.schema_version == 4
    older.close()
    monkeypatch.setattr(sqlindex, "MIGRATIONS", full)
    migrated = open_index(request, backend, tmp_path)
    try:
        assert migrated.schema_version == len(full) == 5
        assert migrated.merge_pseudonyms("k", [PATIENT], strict=True).added == 1
        assert migrated.find_pseudonyms("k", original="ORIG-1") == [PATIENT]
    finally:
        migrated.close()
