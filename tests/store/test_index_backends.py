"""Every method of the index, on each backend (SQLite and PostgreSQL) alike; and what
PostgreSQL adds: concurrent connections, the server lock, the connection settings."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from lethe.config import PostgreSQLConfig, config_from_dict
from lethe.store.index import IndexUnavailable
from lethe.store.model import Attachment, Level, NewInstance, RebuiltInstance
from lethe.store.sqlindex import MIGRATIONS, SqlIndex
from lethe.store.sqlite import SQLiteIndex
from tests.support.postgres import BACKENDS, PostgresServer


def pg_config(server: PostgresServer, database: str, **options: object) -> PostgreSQLConfig:
    """The ``PostgreSQL`` section of a configuration for ``database``."""
    return config_from_dict({"PostgreSQL": server.section(database, **options)}).PostgreSQL


def open_index(request: pytest.FixtureRequest, backend: str, place: Path) -> SqlIndex:
    """An index on ``backend``: in ``place`` (SQLite), or in the test's database."""
    if backend == "sqlite":
        return SQLiteIndex(place / "index.sqlite")
    from lethe.store.postgresql import PostgreSQLIndex

    server = request.getfixturevalue("postgres_server")
    return PostgreSQLIndex(pg_config(server, request.getfixturevalue("postgres_database")))


@pytest.fixture(params=BACKENDS)
def index(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlIndex]:
    """An empty index on each backend."""
    opened = open_index(request, request.param, tmp_path)
    yield opened
    opened.close()


def new(patient: str = "P", study: str = "S", series: str = "E", instance: str = "I",
        job: str | None = None, **instance_tags: str) -> NewInstance:
    """An instance whose resources have the IDs ``p-<patient>``, ``s-<study>``...; each
    ID is also the identifier (PatientID...) of its resource."""
    ids = (f"p-{patient}", f"s-{study}", f"e-{series}", f"i-{instance}")
    tags = {Level.PATIENT: {"PatientID": patient, "PatientName": f"Name {patient}"},
            Level.STUDY: {"StudyInstanceUID": study, "StudyDescription": f"Study {study}"},
            Level.SERIES: {"SeriesInstanceUID": series, "Modality": "CT"},
            Level.INSTANCE: {"SOPInstanceUID": instance, **instance_tags}}
    return NewInstance(ids, tags, {"ReceptionDate": "20240101T000000", "Origin": "RestApi"},
                       Attachment(f"uuid-{instance}-{job or ''}", 100, "md5"), job=job)


def change_log(index: SqlIndex) -> list[tuple[int, str, str]]:
    return [(c.seq, c.change_type, c.resource_id) for c in index.changes(0, 1000)]


# --- writing ---------------------------------------------------------------
def test_store_creates_the_parents_and_logs_them_instance_first(index: SqlIndex):
    assert index.store(new(), overwrite=False).status == "Success"
    assert index.lookup("i-I").level is Level.INSTANCE
    assert index.lookup("i-I").parent_id == "e-E"
    assert index.lookup("p-P").parent_id is None
    assert index.children("p-P") == ["s-S"]
    assert [index.count(level) for level in Level] == [1, 1, 1, 1]
    assert change_log(index) == [(1, "NewInstance", "i-I"), (2, "NewSeries", "e-E"),
                                 (3, "NewStudy", "s-S"), (4, "NewPatient", "p-P")]
    assert index.last_change() == 4
    assert index.main_tags("p-P") == {"PatientID": "P", "PatientName": "Name P"}
    assert list(index.metadata("i-I")) == ["ReceptionDate", "Origin"]
    assert set(index.metadata("e-E")) == {"LastUpdate"}
    assert index.attachment("i-I") == Attachment("uuid-I-", 100, "md5")
    assert index.attachment("i-I", content_type=2) is None
    assert index.total_size() == 100
    assert index.all_attachment_uuids() == {"uuid-I-"}

    assert index.store(new(instance="J"), overwrite=False).status == "Success"
    assert change_log(index)[-1] == (5, "NewInstance", "i-J")  # the parents existed
    assert index.instances_of("p-P") == ["i-I", "i-J"]
    assert index.instances_of("p-P", tree_order=True) == ["i-I", "i-J"]
    assert index.instances_of("i-J") == ["i-J"]
    assert index.instances_of("nothing") == []
    assert {a.uuid for a in index.attachments_of("s-S")} == {"uuid-I-", "uuid-J-"}


def test_an_instance_stored_again_is_kept_or_replaced(index: SqlIndex):
    index.store(new(), overwrite=False)
    assert index.store(new(), overwrite=False).status == "AlreadyStored"
    replacement = new()
    replacement.attachment = Attachment("uuid-new", 7, "md5-new")
    outcome = index.store(replacement, overwrite=True)
    assert outcome.status == "Success"
    assert outcome.replaced == (Attachment("uuid-I-", 100, "md5"),)
    assert index.attachment("i-I") == Attachment("uuid-new", 7, "md5-new")
    assert [c[1] for c in change_log(index)] == [  # the replaced instance's are forgotten
        "NewSeries", "NewStudy", "NewPatient", "NewInstance"]


def test_a_batch_is_one_transaction(index: SqlIndex):
    index.store(new(instance="A"), overwrite=False)
    outcomes = index.store_batch([new(instance="A"), new(instance="B"), new(instance="C")],
                                 overwrite=True)
    assert [o.status for o in outcomes] == ["Success"] * 3
    assert [o.replaced for o in outcomes][1:] == [(), ()]
    assert index.instances_of("e-E") == ["i-A", "i-B", "i-C"]
    broken = new(instance="D")
    broken.tags[Level.INSTANCE]["Broken"] = None  # type: ignore[assignment] - NOT NULL
    with pytest.raises(Exception):  # noqa: B017 - each backend has its own error class
        index.store_batch([new(patient="Q", instance="X"), broken], overwrite=False)
    assert index.lookup("p-Q") is None and index.lookup("i-X") is None
    assert index.count(Level.INSTANCE) == 3


def test_job_outputs_are_pending_until_the_job_ends(index: SqlIndex):
    index.store(new(instance="A", job="job-1"), overwrite=False)
    index.store_batch([new(instance="B", job="job-2")], overwrite=False)
    index.store(new(instance="C"), overwrite=False)
    assert index.pending_outputs() == ["i-A", "i-B"]
    index.finish_job("job-1")
    assert index.pending_outputs() == ["i-B"]
    index.store_batch([new(instance="D", job="job-2")], overwrite=False, finish_job="job-2")
    assert index.pending_outputs() == []
    assert index.store(new(instance="C", job="job-3"), overwrite=True).status == "Success"
    assert index.pending_outputs() == []  # an overwritten instance is never pending


def test_delete_removes_the_subtree_and_the_ancestors_left_empty(index: SqlIndex):
    index.store_batch([new(series="A", instance="1"), new(series="A", instance="2"),
                       new(series="B", instance="3")], overwrite=False)
    index.set_label("e-A", "keep", True)
    last = index.last_change()
    outcome = index.delete("e-A")
    assert outcome is not None
    assert {a.uuid for a in outcome.attachments} == {"uuid-1-", "uuid-2-"}
    assert outcome.remaining_ancestor is not None and outcome.remaining_ancestor.id == "s-S"
    assert index.lookup("e-A") is None and index.lookup("i-1") is None
    assert index.last_change() == last  # a Deleted change takes no number (Orthanc's)...
    assert "e-A" not in {c[2] for c in change_log(index)}  # ...and is not kept, nor the rest
    assert index.labels("e-A") == []
    outcome = index.delete("i-3")
    assert outcome is not None and outcome.remaining_ancestor is None  # all pruned
    assert [index.count(level) for level in Level] == [0, 0, 0, 0]
    assert index.delete("p-P") is None
    index.store_batch([new(patient=name, study=name, series=name, instance=name)
                       for name in "xy"], overwrite=False)
    outcomes = index.delete_many(["i-x", "nothing", "p-y"])
    assert outcomes[1] is None and all(o is not None for o in (outcomes[0], outcomes[2]))
    assert index.all_attachment_uuids() == set()


def test_metadata_keep_their_insertion_order(index: SqlIndex):
    index.store(new(), overwrite=False)
    assert index.set_metadata("i-I", "1024", "a")
    assert index.set_metadata("i-I", "ReceptionDate", "changed")
    assert list(index.metadata("i-I").items())[0] == ("ReceptionDate", "changed")
    assert list(index.metadata("i-I"))[-1] == "1024"
    assert index.delete_metadata("i-I", "1024")
    assert not index.delete_metadata("i-I", "1024")
    assert not index.set_metadata("nothing", "1024", "a")
    assert not index.delete_metadata("nothing", "1024")


def test_labels_are_sorted_by_code_point_on_every_backend(index: SqlIndex):
    index.store(new(), overwrite=False)
    for label in ("b", "B", "a", "A_1", "a-2"):
        assert index.set_label("s-S", label, True)
    assert index.set_label("s-S", "b", True)  # twice: once
    assert index.labels("s-S") == ["A_1", "B", "a", "a-2", "b"]
    assert index.set_label("s-S", "B", False)
    assert index.labels("s-S") == ["A_1", "a", "a-2", "b"]
    assert not index.set_label("nothing", "a", True)


def test_counters_and_logged_changes(index: SqlIndex):
    assert [index.next_sequence("AnonymizedPatient") for _ in range(3)] == [1, 2, 3]
    assert index.next_sequence("Other") == 1
    assert index.next_sequence("Other", 16) == 17  # a block: values 2 to 17
    assert index.next_sequence("Other") == 18
    index.store(new(), overwrite=False)
    index.log_change("ModifiedStudy", Level.STUDY, "s-S")
    assert change_log(index)[-1] == (5, "ModifiedStudy", "s-S")
    assert index.log_stable([(Level.SERIES, "e-E"), (Level.STUDY, "gone")]) == ["e-E"]
    assert change_log(index)[-1] == (6, "StableSeries", "e-E")
    assert [c.seq for c in index.changes(2, 2)] == [3, 4]
    assert [c.seq for c in index.changes(5, 2**70)] == [6]  # any limit is accepted
    assert index.changes(6, 10) == []


def test_text_keeps_nul_characters_on_every_backend(index: SqlIndex):
    odd = "a\x00b\ue000c\ue0000"  # PostgreSQL stores them escaped, with this character
    one = new(ImageComments=odd)
    index.store(one, overwrite=False)
    assert index.main_tags("i-I")["ImageComments"] == odd
    assert index.set_metadata("i-I", "1024", odd) and index.metadata("i-I")["1024"] == odd
    assert index.set_label("s-S", odd, True) and index.labels("s-S") == [odd]
    assert index.set_label("s-S", odd, False) and index.labels("s-S") == []  # found again
    assert index.delete_metadata("i-I", "1024")


# --- reading ---------------------------------------------------------------
def test_list_ids_pages_in_creation_order(index: SqlIndex):
    index.store_batch([new(patient=name, study=name, series=name, instance=name)
                       for name in "cab"], overwrite=False)
    assert index.list_ids(Level.PATIENT) == ["p-c", "p-a", "p-b"]
    assert index.list_ids(Level.PATIENT, since=1) == ["p-a", "p-b"]  # an offset alone
    assert index.list_ids(Level.PATIENT, limit=2) == ["p-c", "p-a"]
    assert index.list_ids(Level.PATIENT, since=2, limit=5) == ["p-b"]
    assert index.list_ids(Level.PATIENT, since=2**70, limit=2**70) == []
    assert index.children("s-c") == ["e-c"]
    assert index.children("nothing") == []


def test_search_and_lookup_by_identifier(index: SqlIndex):
    index.store_batch([new(patient="Pa_1", study="1.2", series="a", instance="a"),
                       new(patient="pa 1", study="1.3", series="b", instance="b"),
                       new(patient="Other", study="1.4", series="c", instance="c")],
                      overwrite=False)
    found = dict(index.search(Level.STUDY))
    assert list(found) == ["s-1.2", "s-1.3", "s-1.4"]
    assert found["s-1.2"]["PatientID"] == "Pa_1" and found["s-1.2"]["StudyInstanceUID"] == "1.2"
    assert [rid for rid, _ in index.search(Level.SERIES, (Level.STUDY, ("1.4", "1.3")))] == [
        "e-b", "e-c"]
    assert index.lookup_identifier(Level.PATIENT, "PA 1") == ["p-Pa_1", "p-pa 1"]
    assert index.lookup_identifier(Level.PATIENT, "other") == ["p-Other"]
    assert index.lookup_identifier(Level.STUDY, "1.2") == ["s-1.2"]
    assert index.lookup_identifier(Level.STUDY, "1.5") == []


def test_rebuilt_main_tags_replace_the_stored_ones(index: SqlIndex):
    index.store(new(), overwrite=False)
    rebuilt = RebuiltInstance("i-I", {Level.PATIENT: {"PatientID": "NEW"}},
                              {"TransferSyntax": "1.2.840.10008.1.2"}, (Level.PATIENT,))
    assert index.rebuild_main_tags([rebuilt, RebuiltInstance("i-gone", {}, {})]) == ["i-I"]
    assert index.main_tags("p-P") == {"PatientID": "NEW"}
    assert index.lookup_identifier(Level.PATIENT, "new") == ["p-P"]
    assert index.metadata("i-I")["TransferSyntax"] == "1.2.840.10008.1.2"


# --- schema ----------------------------------------------------------------
def _sql(index: SqlIndex, statement: str) -> None:
    with index._write() as cur:
        cur.execute(statement)


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_schema_is_versioned_and_migrated_once(request: pytest.FixtureRequest,
                                                   tmp_path: Path, backend: str):
    index = open_index(request, backend, tmp_path)
    assert index.schema_version == len(MIGRATIONS)
    assert index.migrate() == len(MIGRATIONS)  # nothing left to apply
    index.close()
    # An index made before versioning has the schema of migration 1 and no schema_version.
    if backend == "sqlite":
        (tmp_path / "index.sqlite").unlink()
    else:
        _sql_script(request, backend, tmp_path, "DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("lethe.store.sqlindex.MIGRATIONS", MIGRATIONS[:1])
        index = open_index(request, backend, tmp_path)
    _sql(index, "INSERT INTO resources (public_id, level, parent_id) VALUES ('p-P', 0, NULL)")
    _sql(index, "INSERT INTO attachments VALUES ((SELECT internal_id FROM resources), 1, "
                "'uuid-old', 100, 'md5')")
    _sql(index, "DROP TABLE schema_version")
    index.close()
    index = open_index(request, backend, tmp_path)  # recognized as version 1, then migrated
    assert index.schema_version == len(MIGRATIONS)
    assert index.lookup("p-P") is not None
    assert index.attachment("p-P") == Attachment("uuid-old", 100, "md5")  # stored as it is
    assert index.is_protected("p-P") is False  # in the recycling order
    _sql(index, f"INSERT INTO schema_version VALUES ({len(MIGRATIONS) + 1}, 'future')")
    index.close()
    with pytest.raises(IndexUnavailable, match="newer Lethe"):
        open_index(request, backend, tmp_path)


def _sql_script(request: pytest.FixtureRequest, backend: str, place: Path, script: str) -> None:
    """Run ``script`` (statements separated by ``;``) on a fresh connection of the test's
    index, without migrating it."""
    index = open_index(request, backend, place)
    for statement in script.split(";"):
        _sql(index, statement)
    index.close()


# --- PostgreSQL alone ------------------------------------------------------
@pytest.fixture
def pg(postgres_server: PostgresServer, postgres_database: str
       ) -> Iterator[tuple[PostgresServer, str]]:
    """The session's server and an empty database of this test."""
    yield postgres_server, postgres_database


def test_postgresql_statements_take_question_marks():
    from lethe.store.postgresql import psycopg_statement

    assert psycopg_statement("SELECT a FROM t WHERE b = ? AND c LIKE '5%'") == \
        "SELECT a FROM t WHERE b = %s AND c LIKE '5%%'"
    assert psycopg_statement("SELECT '5%'", with_params=False) == "SELECT '5%'"


def test_two_servers_storing_one_new_study_at_once_make_it_once(pg):
    from lethe.store.postgresql import PostgreSQLIndex

    server, database = pg
    config = pg_config(server, database, Lock=False, IndexConnectionsCount=2)
    nodes = [PostgreSQLIndex(config), PostgreSQLIndex(config)]
    rounds, per_thread, threads_per_node = 6, 5, 2
    barrier = threading.Barrier(len(nodes) * threads_per_node)
    errors: list[BaseException] = []

    def work(node: PostgreSQLIndex, worker: int) -> None:
        try:
            for study in range(rounds):  # every worker starts each new study at once
                barrier.wait()
                batch = [new(patient=f"P{study}", study=f"S{study}", series=f"E{study}",
                             instance=f"{study}-{worker}-{n}") for n in range(per_thread)]
                if worker % 2:
                    node.store_batch(batch, overwrite=False)
                else:
                    for one in batch:
                        node.store(one, overwrite=False)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
            barrier.abort()

    workers = [threading.Thread(target=work, args=(node, n * threads_per_node + t))
               for n, node in enumerate(nodes) for t in range(threads_per_node)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    assert errors == []
    index = nodes[0]
    instances = rounds * per_thread * len(workers)
    assert [index.count(level) for level in Level] == [rounds, rounds, rounds, instances]
    log = change_log(index)
    assert [seq for seq, _, _ in log] == list(range(1, len(log) + 1))  # no gap, no repeat
    kinds = [kind for _, kind, _ in log]
    assert {kind: kinds.count(kind) for kind in set(kinds)} == {
        "NewPatient": rounds, "NewStudy": rounds, "NewSeries": rounds,
        "NewInstance": instances}
    for study in range(rounds):  # each new resource logged once, after its first instance
        first = min(seq for seq, kind, rid in log
                    if kind == "NewInstance" and rid.startswith(f"i-{study}-"))
        created = [seq for seq, kind, rid in log if rid == f"s-S{study}"]
        assert len(created) == 1 and created[0] > first
    assert index.last_change() == len(log)
    for node in nodes:
        node.close()


@pytest.mark.parametrize("levels, expected", [
    (1, ("Success", ["NewInstance", "NewSeries", "NewStudy"])),  # the patient was theirs
    (4, ("AlreadyStored", [])),  # the instance was theirs: the store runs again, and sees it
])
def test_a_resource_another_connection_is_creating_is_not_created_twice(pg, levels, expected):
    import psycopg

    from lethe.store.postgresql import PostgreSQLIndex

    server, database = pg
    index = PostgreSQLIndex(pg_config(server, database))
    other = psycopg.connect(server.conninfo(database))  # a transaction, left open
    parent = None
    for level, public_id in list(enumerate(new().ids))[:levels]:
        parent = other.execute("INSERT INTO resources (public_id, level, parent_id) "
                               "VALUES (%s, %s, %s) RETURNING internal_id",
                               (public_id, level, parent)).fetchone()[0]
    outcome: list[str] = []
    storing = threading.Thread(target=lambda: outcome.append(index.store(new(), False).status))
    storing.start()
    with psycopg.connect(server.conninfo(database), autocommit=True) as watcher:
        while not watcher.execute("SELECT COUNT(*) FROM pg_stat_activity WHERE "
                                  "wait_event_type = 'Lock'").fetchone()[0]:
            assert storing.is_alive()
            time.sleep(0.01)  # until the store waits for the other transaction
    other.commit()
    storing.join()
    other.close()
    assert (outcome[0], [c[1] for c in change_log(index)]) == expected
    assert [index.count(level) for level in Level] == [1, 1, 1, 1]
    index.close()


def test_concurrent_counters_never_repeat_a_value(pg):
    from lethe.store.postgresql import PostgreSQLIndex

    server, database = pg
    index = PostgreSQLIndex(pg_config(server, database, IndexConnectionsCount=4))
    drawn: list[int] = []

    def draw() -> None:
        drawn.extend(index.next_sequence("Counter") for _ in range(25))

    threads = [threading.Thread(target=draw) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(drawn) == list(range(1, 101))
    index.close()


def test_a_second_server_is_refused_while_the_first_holds_the_lock(pg):
    from lethe.store.postgresql import PostgreSQLIndex

    server, database = pg
    first = PostgreSQLIndex(pg_config(server, database))
    with pytest.raises(IndexUnavailable, match='another server holds the lock.*"Lock": false'):
        PostgreSQLIndex(pg_config(server, database))
    shared = PostgreSQLIndex(pg_config(server, database, Lock=False))  # it takes no lock
    shared.close()
    first.close()
    PostgreSQLIndex(pg_config(server, database)).close()  # released with its connection


def test_the_connection_settings(pg):
    from lethe.store.postgresql import PostgreSQLIndex, conninfo, describe

    server, database = pg
    uri = f"postgresql://postgres@{server.host}:{server.port}/{database}"
    index = PostgreSQLIndex(PostgreSQLConfig(EnableIndex=True, ConnectionUri=uri,
                                             Host="elsewhere", Port=1))
    index.store(new(), overwrite=False)
    index.close()
    info = conninfo(PostgreSQLConfig(Host="db", Port=6000, Database="lethe",
                                     Username="me", Password="secret", EnableSsl=True))
    assert "password=secret" in info and "sslmode=require" in info
    assert "secret" not in describe(info) and describe(info) == "database lethe on db:6000"
    unreachable = PostgreSQLConfig(Host=server.host, Port=1, MaximumConnectionRetries=0)
    with pytest.raises(IndexUnavailable, match="cannot connect to the PostgreSQL index"):
        PostgreSQLIndex(unreachable)


def test_the_postgresql_section_is_checked_at_load():
    from lethe.config import ConfigError

    config = config_from_dict({"PostgreSQL": {"EnableIndex": True, "Port": 5433,
                                              "EnableStorage": False}})
    assert config.PostgreSQL.EnableIndex and config.PostgreSQL.Port == 5433
    assert config.PostgreSQL.Lock and config.PostgreSQL.IndexConnectionsCount == 50
    assert not config_from_dict({}).PostgreSQL.EnableIndex
    with pytest.raises(ConfigError, match="'PostgreSQL.Port' must be of type int"):
        config_from_dict({"PostgreSQL": {"Port": "5433"}})
    with pytest.raises(ConfigError, match="'PostgreSQL.IndexConnectionsCount' is out of range"):
        config_from_dict({"PostgreSQL": {"IndexConnectionsCount": 0}})


def test_lethe_check_reads_beside_the_owner_and_a_second_owner_is_refused(
        pg, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    import json

    from lethe.cli import main
    from lethe.store.store import Store

    server, database = pg
    paths = []
    for name in ("owner", "other"):
        (tmp_path / name).mkdir()
        paths.append(tmp_path / f"{name}.json")
        paths[-1].write_text(json.dumps({"StorageDirectory": str(tmp_path / name),
                                         "PostgreSQL": server.section(database)}))
    owner = Store.open(config_from_dict(json.loads(paths[0].read_text())))
    try:
        assert main(["check", "--config", str(paths[0])]) == 0  # a reader takes no lock
        assert main(["check", "--repair", "--config", str(paths[1])]) == 2
        assert "another server holds the lock" in capsys.readouterr().err
    finally:
        owner.close()
