"""Server settings and small tools: ``/tools/default-encoding``, ``/tools/log-level``,
``/tools/metrics(-prometheus)``, ``/plugins``, ``/tools``, ``/system``, ``/tools/generate-uid``,
``/tools/now(-local)``, ``/tools/dicom-conformance``, ``/tools/invalidate-tags``,
``/tools/bulk-content`` and ``/tools/bulk-delete``; against Orthanc 1.10.1 where it has them,
else against the OpenAPI description of Orthanc 1.12.11."""

from __future__ import annotations

import json
import logging
import re
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from pydicom.data import get_testdata_file

from tests.support.corpus import REFERENCE
from tests.support.dicomgen import make_dataset, to_bytes
from tests.support.servers import start_lethe

CT = Path(get_testdata_file("CT_small.dcm"))
MR = Path(get_testdata_file("MR_small.dcm"))


@pytest.mark.orthanc
def test_default_encoding_follows_orthanc(orthanc, lethe):
    with orthanc.client() as oracle:
        try:
            for method, body in [("GET", None), ("PUT", "utf8"), ("GET", None),
                                 ("PUT", "NotAnEncoding"), ("PUT", "Latin2"), ("GET", None)]:
                t = oracle.request(method, "/tools/default-encoding", content=body)
                o = lethe.request(method, "/tools/default-encoding", content=body)
                assert o.status_code == t.status_code, (method, body)
                if t.status_code == 200:
                    assert o.text == t.text, (method, body)
        finally:
            oracle.put("/tools/default-encoding", content="Latin1")
    assert lethe.app.state.network.settings.default_encoding == "Latin2"  # C-FIND answers


def test_the_default_encoding_applies_to_created_instances(lethe):
    lethe.put("/tools/default-encoding", content="Utf8")
    made = lethe.post("/tools/create-dicom", json={"Tags": {"PatientName": "Ünï"}}).json()
    found = lethe.get(f"/instances/{made['ID']}/tags?simplify").json()
    assert (found["SpecificCharacterSet"], found["PatientName"]) == ("ISO_IR 192", "Ünï")


@pytest.mark.orthanc
def test_log_levels_follow_orthanc(orthanc, lethe):
    loggers = {name: logging.getLogger(name).level
               for name in ("lethe", "lethe.api", "uvicorn", "lethe.network", "pynetdicom",
                            "lethe.store", "lethe.jobs", "lethe.lua", "lethe.plugins")}
    try:
        with orthanc.client() as oracle:
            categories = sorted(name[len("log-level-"):] for name in oracle.get("/tools").json()
                                if name.startswith("log-level-"))
            assert categories == ["dicom", "generic", "http", "jobs", "lua", "plugins",
                                  "sqlite"]
            for path in ["/tools/log-level"] + [f"/tools/log-level-{c}" for c in categories]:
                for body in ("verbose", "trace", "loud", "default"):
                    t = oracle.put(path, content=body)
                    o = lethe.put(path, content=body)
                    assert o.status_code == t.status_code, (path, body)
                    assert lethe.get(path).text == oracle.get(path).text, (path, body)
    finally:
        for name, level in loggers.items():
            logging.getLogger(name).setLevel(level)


def test_metrics_count_requests_and_can_be_turned_off(lethe):
    assert lethe.get("/tools/metrics").text == "1"
    lethe.post("/instances", content=CT.read_bytes())
    text = lethe.get("/tools/metrics-prometheus").text
    values = {}
    for line in text.splitlines():
        name, value, stamp = line.rsplit(" ", 2)
        assert re.fullmatch(r"[0-9]{13}", stamp), line
        values[name] = float(value)
    assert values["orthanc_count_instances"] == 1
    assert values["lethe_instances_received_total"] == 1
    assert values["lethe_http_requests_total"] >= 2
    assert values['lethe_http_requests_total{method="POST"}'] == 1
    assert values["lethe_disk_size_bytes"] == CT.stat().st_size
    assert values["orthanc_jobs_pending"] == 0
    assert lethe.put("/tools/metrics", content="0").status_code == 200
    assert lethe.get("/tools/metrics").text == "0"
    assert lethe.get("/tools/metrics-prometheus").text == ""
    assert lethe.put("/tools/metrics", content="maybe").status_code == 400
    assert lethe.put("/tools/metrics", content="true").status_code == 200
    later = lethe.get("/tools/metrics-prometheus").text
    assert "lethe_http_requests_total " in later


def test_metrics_enabled_false_collects_nothing(make_app):
    lethe = make_app(MetricsEnabled=False)
    assert lethe.get("/tools/metrics").text == "0"
    assert lethe.get("/tools/metrics-prometheus").text == ""


@pytest.mark.orthanc
def test_plugins_answer_as_orthanc_without_plugins(orthanc, lethe):
    with orthanc.client() as oracle:
        assert lethe.get("/plugins").json() == oracle.get("/plugins").json()
        t, o = oracle.get("/plugins/explorer.js"), lethe.get("/plugins/explorer.js")
        assert o.text == t.text
        assert o.headers["content-type"] == t.headers["content-type"]
        assert lethe.get("/plugins/dicom-web").status_code == \
            oracle.get("/plugins/dicom-web").status_code == 404


@pytest.mark.orthanc
def test_the_list_of_tools_names_what_is_served(orthanc, lethe):
    listed = lethe.get("/tools").json()
    assert listed == sorted(listed)
    with orthanc.client() as oracle:
        theirs = set(oracle.get("/tools").json())
    left_out: set[str] = set()  # every tool of Orthanc is served
    assert theirs - left_out <= set(listed)
    for name in listed:
        answer = lethe.get(f"/tools/{name}")
        assert answer.status_code != 404, name


def test_system_has_the_fields_of_the_newest_orthanc(make_app):
    lethe = make_app(StorageCompression=True, MaximumPatientCount=7, CheckRevisions=True,
                     UserMetadata={"Sample": 1024})
    found = lethe.get("/system").json()
    document = REFERENCE / "orthanc-openapi.json"
    if not document.is_file():
        pytest.skip(f"Orthanc's OpenAPI description not found at {document}")
    schema = json.loads(document.read_text())["paths"]["/system"]["get"]["responses"]["200"]
    example = schema["content"]["application/json"]["schema"]["example"]
    assert set(example) <= set(found)
    for name, value in example.items():
        assert type(found[name]) is type(value) or value is None, name
    assert found["ApiVersion"] == example["ApiVersion"]
    assert set(found["Capabilities"]) == set(example["Capabilities"])
    assert (found["StorageCompression"], found["MaximumPatientCount"],
            found["CheckRevisions"], found["HasLabels"]) == (True, 7, True, True)
    assert found["UserMetadata"] == {"Sample": 1024}
    assert found["Implementation"] == "Lethe"
    assert "0010,0020" in found["MainDicomTags"]["Patient"].split(";")
    assert lethe.get("/system").json()["DatabaseServerIdentifier"] == \
        found["DatabaseServerIdentifier"]


@pytest.mark.orthanc
def test_generated_uids_and_times(orthanc, lethe):
    with orthanc.client() as oracle:
        for level in ("patient", "study", "series", "instance", "other", ""):
            t = oracle.get(f"/tools/generate-uid?level={level}")
            o = lethe.get(f"/tools/generate-uid?level={level}")
            if t.status_code == 200:
                assert o.status_code == 200
                if level == "patient":
                    assert re.fullmatch(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", o.text)
                else:
                    assert o.text.startswith("2.25.") and len(o.text) <= 64
            else:
                assert o.status_code == 400  # Orthanc: 404 without a body
    utc = lethe.get("/tools/now").text
    local = lethe.get("/tools/now-local").text
    for text in (utc, local):
        assert re.fullmatch(r"[0-9]{8}T[0-9]{6}", text)
    now = datetime.now(UTC)
    assert abs((datetime.strptime(utc, "%Y%m%dT%H%M%S").replace(tzinfo=UTC) - now
                ).total_seconds()) < 60


def test_conformance_and_invalidate_tags(lethe):
    statement = lethe.get("/tools/dicom-conformance")
    assert statement.headers["content-type"].startswith("text/plain")
    assert "DICOM Conformance Statement of Lethe" in statement.text
    assert "1.2.840.10008.1.1" in statement.text  # verification
    assert "| 1.2.840.10008.5.1.4.1.1.2\n" in statement.text  # CT image storage
    assert "1.2.840.10008.1.2.1" in statement.text  # explicit VR little endian
    answer = lethe.post("/tools/invalidate-tags")
    assert (answer.status_code, answer.text) == (200, "")


@pytest.mark.orthanc
def test_bulk_content_and_bulk_delete_follow_orthanc(orthanc_fresh, lethe):
    with orthanc_fresh.client() as oracle:
        ids = [client.post("/instances", content=path.read_bytes()).json()
               for path in (CT, MR) for client in (oracle, lethe)][::2]
        for client in (oracle, lethe):
            client.put(f"/instances/{ids[0]['ID']}/metadata/1024", content="note")
        bodies = [{"Resources": [ids[0]["ID"], "nope", ids[1]["ParentStudy"]]},
                  {"Resources": [ids[0]["ParentPatient"]], "Level": "Instance"},
                  {"Resources": [ids[0]["ID"], ids[1]["ID"]], "Level": "Study",
                   "Metadata": False},
                  {"Resources": [ids[1]["ParentSeries"]], "Level": "Patient"},
                  {"Resources": "x"}, {"Resources": [1]}, {"Resources": []}]
        for body in bodies:
            t = oracle.post("/tools/bulk-content", json=body)
            o = lethe.post("/tools/bulk-content", json=body)
            assert o.status_code == t.status_code, body
            if t.status_code != 200:
                continue
            assert len(o.json()) == len(t.json()), body
            for theirs, ours in zip(t.json(), o.json(), strict=True):
                for field in ("ID", "Type", "MainDicomTags", "Metadata"):
                    if field == "Metadata" and field in theirs:
                        ours_meta = {k: v for k, v in ours[field].items()
                                     if k in theirs[field] and k not in
                                     ("ReceptionDate", "LastUpdate", "RemoteIP")}
                        theirs_meta = {k: theirs[field][k] for k in ours_meta}
                        assert ours_meta == theirs_meta, body
                        assert ours[field].get("1024") == theirs[field].get("1024")
                    else:
                        assert ours.get(field) == theirs.get(field), (body, field)
        for body in ({"Resources": [ids[0]["ParentStudy"], "nope"]}, {"Resources": "x"}):
            t = oracle.post("/tools/bulk-delete", json=body)
            o = lethe.post("/tools/bulk-delete", json=body)
            assert o.status_code == t.status_code, body
        assert lethe.get("/patients").json() == oracle.get("/patients").json()
        assert lethe.app.state.store.check() == (set(), set())


def test_shutdown_and_reset_stop_and_restart_lethe_serve(tmp_path: Path, lethe):
    assert lethe.post("/tools/shutdown").status_code == 403  # embedded: it cannot
    assert lethe.post(f"/instances/{'x' * 10}/export", content=b"/tmp/x").status_code == 403
    server = start_lethe(tmp_path / "serve")
    try:
        with server.client() as client:
            stored = client.post("/instances", content=CT.read_bytes()).json()["ID"]
            assert client.post("/tools/reset").json() == {}
            deadline = time.monotonic() + 30
            while server.log_text().count("listening on") < 2:  # started again
                assert time.monotonic() < deadline, server.log_text()
                time.sleep(0.1)
            while True:  # the same process, with the same data
                try:
                    if client.get(f"/instances/{stored}").status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert time.monotonic() < deadline, server.log_text()
                time.sleep(0.1)
            assert server.process.poll() is None
            assert client.post("/tools/shutdown").json() == {}
        assert server.process.wait(timeout=30) == 0
        assert "restarting, as POST /tools/reset asked" in server.log_text()
    finally:
        server.stop()


def _without_character_set(text: bytes) -> bytes:
    """A generated instance whose PatientName holds ``text`` and that declares no
    SpecificCharacterSet."""
    ds = make_dataset(patient_id="ENC1", PatientName="X")
    del ds.SpecificCharacterSet
    out = to_bytes(ds).replace(b"PN\x02\x00X ", b"PN" + len(text).to_bytes(2, "little")
                                   + text)
    assert text in out
    return out


@pytest.mark.orthanc
def test_the_default_encoding_decodes_the_tags_of_files_without_character_set(orthanc_fresh,
                                                                               lethe):
    data = _without_character_set("Ż\u0142ó\u0107^\u015bć".encode("iso8859_2").ljust(12, b" "))
    with orthanc_fresh.client() as oracle:
        for client in (oracle, lethe):
            client.put("/tools/default-encoding", content=b"Latin2")
            rid = client.post("/instances", content=data).json()["ID"]
            names = [client.get(f"/instances/{rid}/tags?simplify").json()["PatientName"]]
            names.append(client.get(f"/instances/{rid}/tags").json()["0010,0010"]["Value"])
            client.put("/tools/default-encoding", content=b"Latin1")
            names.append(client.get(f"/instances/{rid}/tags?simplify").json()["PatientName"])
            if client is oracle:
                theirs = names
        assert names == theirs
        assert names[0] == "Ż\u0142ó\u0107^\u015bć" and names[2] != names[0]
