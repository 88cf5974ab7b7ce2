"""Tests against a real `lethe serve` process: concurrency, keep-alive, configuration."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from lethe.config import ConfigError, load_config
from tests.support.dicomgen import make_file
from tests.support.servers import start_lethe


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = start_lethe(tmp_path_factory.mktemp("lethe-live"))
    yield srv
    srv.stop()


def test_eight_threads_upload_400_files(server, tmp_path):
    files = [make_file(patient_id=f"P{n % 7}", study_uid=f"1.2.9.{n % 11}",
                       series_uid=f"1.2.9.{n % 11}.{n % 3}") for n in range(400)]
    # every file is sent twice, from different threads
    work = files + files[::-1]
    local = threading.local()

    def send(data: bytes) -> dict:
        if not hasattr(local, "client"):
            local.client = server.client()
        r = local.client.post("/instances", content=data)
        assert r.status_code == 200, r.text
        return r.json()

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(send, work))
    ids = {a["ID"] for a in answers}
    assert len(ids) == 400
    assert sum(a["Status"] == "Success" for a in answers) == 400
    with server.client() as client:
        listed = client.get("/instances").json()
        assert sorted(listed) == sorted(ids)
        assert client.get("/statistics").json()["CountInstances"] == 400
    storage = Path(server.workdir / "storage")
    files_on_disk = [p for p in storage.glob("??/??/*") if p.is_file()]
    assert len(files_on_disk) == 400


def test_keep_alive_clients_do_not_block_each_other(server):
    """A client holding an idle keep-alive connection does not stop others."""
    with server.client() as idle, server.client() as active:
        assert idle.get("/system").status_code == 200
        for _ in range(20):
            assert active.get("/system").status_code == 200


def test_serve_reports_bad_configuration(tmp_path):
    config = tmp_path / "bad.json"
    config.write_text('{ "HttpPort": "eighty" }')
    with pytest.raises(ConfigError, match="HttpPort"):
        load_config(config)


def test_configuration_allows_comments(tmp_path):
    config = tmp_path / "c.json"
    config.write_text('{\n // a comment\n "Name": "X", /* another */ "HttpPort": 9000 }')
    loaded = load_config(config)
    assert loaded.Name == "X" and loaded.HttpPort == 9000


def test_http_error_has_content_type(server):
    r = httpx.get(server.url + "/instances/unknown")
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")


def test_serve_refuses_a_bad_dictionary_entry(tmp_path):
    import subprocess
    import sys

    config = tmp_path / "bad.json"
    config.write_text('{"Dictionary": {"zz": 5}, "StorageDirectory": "%s"}' % (tmp_path / "s"))  # noqa: UP031
    lethe = Path(sys.executable).with_name("lethe")
    run = subprocess.run([str(lethe), "serve", "--config", str(config)], capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 2
    assert "Dictionary" in run.stderr and "zz" in run.stderr


def test_x_forwarded_for_is_ignored(server):
    """As Orthanc: the client's own address counts, for the remote-access rule and for
    the RemoteIP metadata, whatever X-Forwarded-For claims."""
    with server.client() as client:
        answer = client.post("/instances", content=make_file(patient_id="FORWARDED"),
                             headers={"X-Forwarded-For": "192.0.2.7"})
        assert answer.status_code == 200, answer.text
        remote_ip = client.get(f"/instances/{answer.json()['ID']}/metadata/RemoteIP")
    assert remote_ip.status_code == 200
    assert remote_ip.text == "127.0.0.1"
