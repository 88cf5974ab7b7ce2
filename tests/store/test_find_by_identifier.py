"""/tools/find through the identifiers' index: the same answers as checking every resource."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from lethe.config import config_from_dict
from lethe.store import find as find_module
from lethe.store.find import FindQuery, find
from lethe.store.ingest import Origin
from lethe.store.model import Level
from lethe.store.store import Store
from tests.support.dicomgen import make_file

PATIENTS = ("Pat_1", "PAT 1", "pat%2", "Other")
QUERIES = [
    {"PatientID": "pat_1"}, {"PatientID": "PAT_1"}, {"PatientID": "Pat_1"}, {"PatientID": "pat 2"},
    {"PatientID": "Pat_1\\Other"}, {"PatientID": "nobody"}, {"PatientID": "P*"},
    {"StudyInstanceUID": "1.2.11"}, {"StudyInstanceUID": "1.2.11\\1.2.42"},
    {"SeriesInstanceUID": "1.2.31.2"}, {"SOPInstanceUID": "1.2.32.2.2"},
    {"PatientID": "Pat_1", "StudyInstanceUID": "1.2.11"},
    {"PatientID": "Other", "StudyInstanceUID": "1.2.11"},
    {"StudyInstanceUID": "1.2.11", "PatientName": "Doe*"},
    {"SOPInstanceUID": "1.2.32.2.2", "PatientID": "pat%2"},
]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    root = tmp_path_factory.mktemp("find")
    store = Store.open(config_from_dict({"StorageDirectory": str(root)}))
    for p, patient in enumerate(PATIENTS):
        for s in range(2):
            for r in range(2):
                for i in range(2):
                    store.store(make_file(patient_id=patient, PatientName=f"Doe^{p}",
                                          study_uid=f"1.2.{p + 1}{s + 1}",
                                          series_uid=f"1.2.{p + 1}{s + 1}.{r + 1}",
                                          sop_uid=f"1.2.{p + 1}{s + 1}.{r + 1}.{i + 1}"),
                                Origin())
    yield store
    store.close()


@pytest.mark.parametrize("level", ["Patient", "Study", "Series", "Instance"])
@pytest.mark.parametrize("query", QUERIES, ids=str)
@pytest.mark.parametrize("case_sensitive", [False, True])
def test_the_index_finds_what_a_full_scan_finds(store, monkeypatch, level, query,
                                                 case_sensitive):
    parsed = FindQuery.parse({"Level": level, "Query": query, "CaseSensitive": case_sensitive})
    through_index = find(store, parsed)
    monkeypatch.setattr(find_module, "_identified", lambda query: None)
    assert through_index == find(store, parsed)


def test_a_constraint_on_an_identifier_narrows_the_search(store):
    assert find_module._identified(FindQuery.parse(
        {"Level": "Instance", "Query": {"PatientID": "a", "StudyInstanceUID": "b\\c"}})) == (
        Level.STUDY, ("b", "c"))
    assert find_module._identified(FindQuery.parse(
        {"Level": "Study", "Query": {"SOPInstanceUID": "a", "PatientID": "P"}})) == (
        Level.PATIENT, ("P",))
    for query in ({"PatientID": "P*"}, {"PatientName": "x"}, {}):
        assert find_module._identified(FindQuery.parse({"Level": "Study", "Query": query})) \
            is None
    found = find(store, FindQuery.parse({"Level": "Instance",
                                               "Query": {"StudyInstanceUID": "1.2.11"}}))
    assert len(found) == 4


def test_the_search_starts_from_the_identifiers_index(tmp_path: Path):
    store = Store.open(config_from_dict({"StorageDirectory": str(tmp_path)}))
    plans: list[str] = []
    probe = sqlite3.connect(store.index.path)
    store.index._conn().set_trace_callback(lambda sql: plans.extend(
        str(row) for row in probe.execute("EXPLAIN QUERY PLAN " + sql)
    ) if "FROM identifiers" in sql else None)
    store.index.search(Level.INSTANCE, (Level.STUDY, ("1.2.3",)))
    store.index._conn().set_trace_callback(None)
    assert "SEARCH i USING INDEX identifiers_value" in plans[0], plans
    assert not any("SCAN" in plan for plan in plans), plans
    probe.close()
    store.close()
