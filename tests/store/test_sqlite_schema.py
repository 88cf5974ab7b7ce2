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


def as_made_before_versioning(conn: sqlite3.Connection) -> None:
    """Make a new index look as an index made before versioning: the schema of migration 1
    (what later migrations added by ALTER TABLE removed), without ``schema_version``."""
    conn.execute("DROP TABLE schema_version")
    for column in ("compressed_size", "compressed_md5", "compression", "revision"):
        conn.execute(f"ALTER TABLE attachments DROP COLUMN {column}")
    conn.execute("ALTER TABLE metadata DROP COLUMN revision")
    conn.execute("DROP TABLE recycling_order")


def test_the_unused_main_tag_value_index_is_dropped_from_an_older_index(tmp_path: Path):
    path = tmp_path / "index.sqlite"
    SQLiteIndex(path).close()
    with sqlite3.connect(path) as conn:  # as an index made by an earlier version
        conn.execute("CREATE INDEX main_tags_value ON main_tags(name, value)")
        as_made_before_versioning(conn)
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
        assert store.index.lookup_identifier(level, value) == [resource_id]
        assert store.index.lookup_identifier(level, value + "9") == []
    store.close()


def test_an_index_made_before_the_identifiers_table_gets_it_filled(tmp_path: Path):
    store = Store.open(config_from_dict({"StorageDirectory": str(tmp_path)}))
    ids = store.store(Path(get_testdata_file("CT_small.dcm")).read_bytes(), Origin()).ids
    path = store.index.path
    store.close()
    with sqlite3.connect(path) as conn:  # as an index made by an earlier version
        conn.execute("DROP TABLE identifiers")
        conn.execute("DELETE FROM properties WHERE name = 'IdentifiersFilled'")
        as_made_before_versioning(conn)
    index = SQLiteIndex(path)
    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
    assert index.lookup_identifier(Level.PATIENT, ds.PatientID.lower()) == [ids.patient]
    assert index.lookup_identifier(Level.INSTANCE, ds.SOPInstanceUID) == [ids.instance]
    assert index.fill_identifiers() == 0  # once only
    index.close()


def test_lookup_by_identifier_starts_from_the_identifier_index(tmp_path: Path):
    index = SQLiteIndex(tmp_path / "index.sqlite")
    plans: list[str] = []
    conn = index._conn()
    conn.set_trace_callback(lambda sql: plans.extend(
        str(row) for row in sqlite3.connect(index.path).execute("EXPLAIN QUERY PLAN " + sql)
    ) if "FROM identifiers" in sql else None)
    assert index.lookup_identifier(Level.STUDY, "1.2.3") == []
    conn.set_trace_callback(None)
    assert "SEARCH i USING INDEX identifiers_value" in plans[0], plans  # no scan of a level
    assert "USING INTEGER PRIMARY KEY" in plans[1], plans
    index.close()
