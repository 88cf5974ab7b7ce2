"""The SQLite index's schema: what opening an index creates, and what it removes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pydicom
from pydicom.data import get_testdata_file

from lethe.config import config_from_dict
from lethe.store.ingest import Origin
from lethe.store.model import Level
from lethe.store.sqlite import SQLiteIndex
from lethe.store.store import Store


def _indexes(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'main_tags'")}


def test_the_unused_main_tag_value_index_is_dropped_from_an_older_index(tmp_path: Path):
    path = tmp_path / "index.sqlite"
    SQLiteIndex(path).close()
    with sqlite3.connect(path) as conn:  # as an index made by an earlier version
        conn.execute("CREATE INDEX main_tags_value ON main_tags(name, value)")
    assert "main_tags_value" in _indexes(path)
    SQLiteIndex(path).close()
    assert "main_tags_value" not in _indexes(path)


def test_lookup_by_identifier_still_finds_each_level(tmp_path: Path):
    store = Store.open(config_from_dict({"StorageDirectory": str(tmp_path)}))
    path = get_testdata_file("CT_small.dcm")
    ids = store.store(Path(path).read_bytes(), Origin()).ids
    ds = pydicom.dcmread(path)
    expected = {Level.PATIENT: ("PatientID", ids.patient),
                Level.STUDY: ("StudyInstanceUID", ids.study),
                Level.SERIES: ("SeriesInstanceUID", ids.series),
                Level.INSTANCE: ("SOPInstanceUID", ids.instance)}
    for level, (keyword, resource_id) in expected.items():
        value = str(ds.data_element(keyword).value)
        assert [rid for rid, _ in store.index.search(level, {keyword: value})] == [resource_id]
        assert store.index.search(level, {keyword: value + "9"}) == []
    store.close()
