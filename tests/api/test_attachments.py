"""The attachments of resources (``/{level}/{id}/attachments``), storage compression, MD5s, and
the revisions of attachments and metadata (``ETag``, ``If-Match``, ``CheckRevisions``).

Differential against Orthanc 1.10.1 where it has the behaviour; its SQLite index keeps no
revisions (every revision it reports is 0), so revisions follow the Orthanc Book and the
OpenAPI description (as Orthanc's PostgreSQL index keeps them).
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pydicom.data import get_testdata_file

from tests.support.servers import ServerProcess, orthanc_available, start_orthanc

CT = Path(get_testdata_file("CT_small.dcm"))
MR = Path(get_testdata_file("MR_small.dcm"))
ORACLE_CONFIG = {"StorageCompression": True, "UserContentType": {"sample": 1024}}
READ_OPERATIONS = ("size", "compressed-size", "md5", "compressed-md5", "is-compressed")


@pytest.fixture(scope="module")
def oracle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """Orthanc 1.10.1 storing compressed files, with a named user attachment."""
    if not orthanc_available():
        pytest.skip("Orthanc is not installed (apt-get install -y orthanc)")
    server = start_orthanc(tmp_path_factory.mktemp("orthanc-attachments"), ORACLE_CONFIG)
    yield server
    server.stop()


def upload(client: httpx.Client, path: Path) -> dict:
    answer = client.post("/instances", content=path.read_bytes())
    assert answer.status_code == 200, answer.text
    return answer.json()


def stored_file(root: Path, file_uuid: str) -> bytes:
    """The bytes of a file of a storage area (both servers use the same fan-out)."""
    return (root / file_uuid[:2] / file_uuid[2:4] / file_uuid).read_bytes()


# --- differential ------------------------------------------------------------------------
@pytest.mark.orthanc
def test_the_dicom_attachment_of_a_compressed_storage_matches_orthanc(oracle, make_app):
    lethe = make_app(**ORACLE_CONFIG)
    with oracle.client() as orthanc:
        theirs, ours = upload(orthanc, CT)["ID"], upload(lethe, CT)["ID"]
        base_t, base_o = f"/instances/{theirs}/attachments", f"/instances/{ours}/attachments"
        # compressed, the file up to its pixel data is stored apart too
        assert lethe.get(base_o).json() == orthanc.get(base_t).json() == \
            ["dicom", "dicom-until-pixel-data"]
        t = orthanc.get(base_t + "/dicom-until-pixel-data/info").json()
        o = lethe.get(base_o + "/dicom-until-pixel-data/info").json()
        assert {**o, "Uuid": ""} == {**t, "Uuid": ""}
        assert lethe.get(base_o + "?full").json() == orthanc.get(base_t + "?full").json()
        info_t = orthanc.get(base_t + "/dicom/info").json()
        info_o = lethe.get(base_o + "/dicom/info").json()
        assert {**info_o, "Uuid": ""} == {**info_t, "Uuid": ""}  # zlib level 6 as Orthanc
        for operation in READ_OPERATIONS:
            t, o = orthanc.get(f"{base_t}/dicom/{operation}"), lethe.get(
                f"{base_o}/dicom/{operation}")
            assert (o.status_code, o.text) == (t.status_code, t.text), operation
            assert o.headers["ETag"] == t.headers["ETag"], operation
        # 1.10.1 also lists "uuid", a route it does not have; newer Orthanc does not
        operations = [op for op in orthanc.get(base_t + "/dicom").json() if op != "uuid"]
        assert lethe.get(base_o + "/dicom").json() == operations
        raw_t = orthanc.get(base_t + "/dicom/compressed-data").content
        raw_o = lethe.get(base_o + "/dicom/compressed-data").content
        assert raw_o == raw_t
        assert lethe.get(base_o + "/dicom/data").content == CT.read_bytes()
        data = lethe.get(base_o + "/dicom/data")
        assert data.headers["content-type"] == "application/dicom"
        assert lethe.get(f"/instances/{ours}/file").content == CT.read_bytes()
        # the file on disk is the stored form, as Orthanc writes it
        on_disk = stored_file(Path(lethe.app.state.config.StorageDirectory), info_o["Uuid"])
        assert on_disk == raw_o
        assert struct.unpack_from("<Q", on_disk)[0] == CT.stat().st_size
        assert zlib.decompress(on_disk[8:]) == CT.read_bytes()
        assert lethe.post(base_o + "/dicom/verify-md5").json() == {}
        stats_t = orthanc.get(f"/patients/{upload(orthanc, CT)['ParentPatient']}/statistics")
        patient = lethe.get(f"/instances/{ours}/patient").json()["ID"]
        assert lethe.get(f"/patients/{patient}/statistics").json() == stats_t.json()


@pytest.mark.orthanc
def test_user_attachments_answer_as_orthanc(oracle, make_app):
    lethe = make_app(**ORACLE_CONFIG)
    with oracle.client() as orthanc:
        theirs, ours = upload(orthanc, MR), upload(lethe, MR)
        for level, key in (("instances", "ID"), ("patients", "ParentPatient")):
            base_t = f"/{level}/{theirs[key]}/attachments"
            base_o = f"/{level}/{ours[key]}/attachments"
            for name, body in (("sample", b"hello world"), ("1030", b""),
                               ("2000", bytes(range(256)) * 8)):
                t = orthanc.put(f"{base_t}/{name}", content=body)
                o = lethe.put(f"{base_o}/{name}", content=body)
                assert (o.status_code, o.json(), o.headers["ETag"]) == \
                    (t.status_code, t.json(), t.headers["ETag"]), name
                for operation in READ_OPERATIONS:
                    t = orthanc.get(f"{base_t}/{name}/{operation}")
                    o = lethe.get(f"{base_o}/{name}/{operation}")
                    assert (o.status_code, o.text) == (t.status_code, t.text), (name, operation)
                assert lethe.get(f"{base_o}/{name}/data").content == body
                t = orthanc.get(f"{base_t}/{name}/compressed-data")
                o = lethe.get(f"{base_o}/{name}/compressed-data")
                assert o.content == t.content, name
            assert lethe.get(base_o).json() == orthanc.get(base_t).json()
            assert lethe.get(base_o + "?full").json() == orthanc.get(base_t + "?full").json()
            for operation in ("uncompress", "compress"):
                t = orthanc.post(f"{base_t}/sample/{operation}")
                o = lethe.post(f"{base_o}/sample/{operation}")
                assert (o.status_code, o.json()) == (t.status_code, t.json())
                t = orthanc.get(f"{base_t}/sample/info").json()
                o = lethe.get(f"{base_o}/sample/info").json()
                assert {**o, "Uuid": ""} == {**t, "Uuid": ""}, operation
            assert lethe.delete(f"{base_o}/sample").status_code == \
                orthanc.delete(f"{base_t}/sample").status_code == 200
            assert lethe.get(f"{base_o}/sample/info").status_code == \
                orthanc.get(f"{base_t}/sample/info").status_code == 404
        for name in ("dicom", "1023", "65536", "unknown-name"):
            t = orthanc.put(f"/instances/{theirs['ID']}/attachments/{name}", content=b"x")
            o = lethe.put(f"/instances/{ours['ID']}/attachments/{name}", content=b"x")
            assert o.status_code == t.status_code, name
        assert lethe.delete(f"/instances/{ours['ID']}/attachments/dicom").status_code == 403
        stats_t = orthanc.get(f"/patients/{theirs['ParentPatient']}/statistics").json()
        stats_o = lethe.get(f"/patients/{ours['ParentPatient']}/statistics").json()
        assert stats_o == stats_t
        changes_t = [(c["ChangeType"], c["ResourceType"])
                     for c in orthanc.get("/changes?limit=100").json()["Changes"]
                     if c["ChangeType"] == "UpdatedAttachment"]
        changes_o = [(c["ChangeType"], c["ResourceType"])
                     for c in lethe.get("/changes?limit=100").json()["Changes"]
                     if c["ChangeType"] == "UpdatedAttachment"]
        assert changes_o == changes_t


# --- Lethe alone -------------------------------------------------------------------------
def test_an_attachment_of_an_unknown_resource_or_another_level_is_404(lethe):
    instance = upload(lethe, CT)
    assert lethe.put("/instances/nope/attachments/1024", content=b"x").status_code == 404
    path = f"/patients/{instance['ID']}/attachments"
    assert lethe.get(path).status_code == 404
    assert lethe.put(path + "/1024", content=b"x").status_code == 404
    assert lethe.get(f"/instances/{instance['ID']}/attachments/1024/size").status_code == 404
    refused = lethe.put(f"/instances/{instance['ID']}/attachments/foo", content=b"x")
    assert refused.status_code == 404 and "UserContentType" in refused.json()["Details"]


def test_a_deleted_resource_takes_its_attachments_of_every_level_with_it(lethe):
    instance = upload(lethe, CT)
    for level, key in (("patients", "ParentPatient"), ("studies", "ParentStudy"),
                       ("series", "ParentSeries"), ("instances", "ID")):
        assert lethe.put(f"/{level}/{instance[key]}/attachments/1024",
                         content=level.encode()).status_code == 200
    store = lethe.app.state.store
    assert len(store.index.all_attachment_uuids()) == 5
    assert lethe.delete(f"/instances/{instance['ID']}").status_code == 200  # the last one
    assert store.index.all_attachment_uuids() == set()
    assert store.check() == (set(), set())  # no file left behind


def test_revisions_advance_and_guard_writes(lethe):
    instance = upload(lethe, CT)["ID"]
    path = f"/instances/{instance}/attachments/1024"
    first = lethe.put(path, content=b"one")
    assert first.headers["ETag"] == f'"0-{hashlib.md5(b"one").hexdigest()}"'
    second = lethe.put(path, content=b"two", headers={"If-Match": first.headers["ETag"]})
    assert second.headers["ETag"] == f'"1-{hashlib.md5(b"two").hexdigest()}"'
    stale = lethe.put(path, content=b"three", headers={"If-Match": first.headers["ETag"]})
    assert stale.status_code == 409 and stale.json()["OrthancStatus"] == 43
    assert lethe.get(path + "/data").content == b"two"
    assert lethe.get(path + "/info", headers={"If-None-Match": second.headers["ETag"]}
                     ).status_code == 304
    assert lethe.get(path + "/data", headers={"If-None-Match": first.headers["ETag"]}
                     ).content == b"two"
    bad = lethe.put(path, content=b"x", headers={"If-Match": "garbage"})
    assert bad.status_code == 400 and "If-Match" in bad.json()["Details"]
    assert lethe.post(path + "/compress").status_code == 200  # a new revision
    assert lethe.get(path).headers["ETag"] == f'"2-{hashlib.md5(b"two").hexdigest()}"'
    assert lethe.delete(path, headers={"If-Match": second.headers["ETag"]}).status_code == 409
    assert lethe.delete(path, headers={"If-Match": lethe.get(path).headers["ETag"]}
                        ).status_code == 200


def test_check_revisions_asks_for_if_match(make_app):
    lethe = make_app(CheckRevisions=True)
    assert lethe.get("/system").json()["CheckRevisions"] is True
    instance = upload(lethe, CT)["ID"]
    for path in (f"/instances/{instance}/attachments/1024",
                 f"/instances/{instance}/metadata/1024"):
        created = lethe.put(path, content=b"v1")
        assert created.status_code == 200, path  # a first value needs no revision
        assert lethe.put(path, content=b"v2").status_code == 409, path
        assert lethe.delete(path).status_code == 409, path
        tag = lethe.get(path).headers["ETag"]
        assert tag == created.headers["ETag"]
        updated = lethe.put(path, content=b"v2", headers={"If-Match": tag})
        assert updated.status_code == 200, path
        assert lethe.delete(path, headers={"If-Match": updated.headers["ETag"]}
                            ).status_code == 200, path


def test_metadata_have_revisions_and_log_their_changes(lethe):
    instance = upload(lethe, CT)["ID"]
    path = f"/instances/{instance}/metadata/1024"
    first = lethe.put(path, content=b"a")
    assert first.headers["ETag"] == f'"0-{hashlib.md5(b"a").hexdigest()}"'
    got = lethe.get(path)
    assert got.text == "a" and got.headers["ETag"] == first.headers["ETag"]
    assert lethe.get(path, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    second = lethe.put(path, content=b"b", headers={"If-Match": first.headers["ETag"]})
    assert second.headers["ETag"].startswith('"1-')
    assert lethe.put(path, content=b"c", headers={"If-Match": first.headers["ETag"]}
                     ).status_code == 409
    assert lethe.delete(path).status_code == 200
    changes = [c["ChangeType"] for c in lethe.get("/changes").json()["Changes"]]
    assert changes.count("UpdatedMetadata") == 3


def test_store_md5_false_keeps_no_md5(make_app):
    lethe = make_app(StoreMD5ForAttachments=False)
    instance = upload(lethe, CT)["ID"]
    base = f"/instances/{instance}/attachments/dicom"
    assert lethe.get(base + "/info").json()["UncompressedMD5"] == ""
    assert lethe.get(base + "/md5").status_code == 404
    assert "md5" not in lethe.get(base).json()
    assert lethe.post(base + "/verify-md5").status_code == 404


def test_verify_md5_finds_a_damaged_file(lethe):
    instance = upload(lethe, CT)["ID"]
    info = lethe.get(f"/instances/{instance}/attachments/dicom/info").json()
    area = Path(lethe.app.state.config.StorageDirectory)
    damaged = area / info["Uuid"][:2] / info["Uuid"][2:4] / info["Uuid"]
    damaged.write_bytes(damaged.read_bytes()[:-1] + b"\x01")
    answer = lethe.post(f"/instances/{instance}/attachments/dicom/verify-md5")
    assert answer.status_code == 400 and answer.json()["OrthancStatus"] == 20


def test_named_user_content_types_have_their_media_type(make_app):
    lethe = make_app(UserContentType={"report": [1026, "application/pdf"], "note": 1027})
    patient = upload(lethe, CT)["ParentPatient"]
    base = f"/patients/{patient}/attachments"
    assert lethe.put(base + "/report", content=b"%PDF-1.4").status_code == 200
    assert lethe.put(base + "/1027", content=b"text").status_code == 200
    assert lethe.get(base).json() == ["report", "note"]
    assert lethe.get(base + "?full").json() == {"report": 1026, "note": 1027}
    assert lethe.get(base + "/report/data").headers["content-type"] == "application/pdf"
    assert lethe.get(base + "/note/data").headers["content-type"] == \
        "application/octet-stream"


def test_compressed_storage_serves_every_reader(make_app):
    """Jobs, archives and tag routes read a compressed file as a plain one; files stored
    before compression was turned on stay readable, and /uncompress stores one plainly."""
    lethe = make_app(StorageCompression=True)
    instance = upload(lethe, CT)
    assert lethe.get(f"/instances/{instance['ID']}/tags?simplify").json()["PatientName"]
    job = lethe.post(f"/studies/{instance['ParentStudy']}/anonymize", json={})
    assert job.status_code == 200, job.text
    new_study = job.json()["ID"]
    new_instance = lethe.get(f"/studies/{new_study}/instances").json()[0]["ID"]
    info = lethe.get(f"/instances/{new_instance}/attachments/dicom/info").json()
    assert lethe.get(f"/instances/{new_instance}/attachments/dicom/is-compressed").text == "1"
    assert info["CompressedSize"] < info["UncompressedSize"]
    archive = lethe.get(f"/studies/{new_study}/archive")
    assert archive.status_code == 200 and archive.content.startswith(b"PK")
    assert lethe.post(f"/instances/{new_instance}/attachments/dicom/uncompress"
                      ).status_code == 200
    assert lethe.get(f"/instances/{new_instance}/attachments/dicom/is-compressed").text == "0"
    assert lethe.get(f"/instances/{new_instance}/file").content.startswith(b"\0" * 128 + b"DICM")
    assert lethe.app.state.store.check() == (set(), set())
