"""``/modalities`` (list, create, change, delete, configuration), the listener's ``/tools``
and ``DicomModalities``: the same JSON as Orthanc 1.10.1, without any association."""

from __future__ import annotations

import pytest

from lethe.config import ConfigError, config_from_dict

MODALITIES = {
    "short": ["SHORT", "127.0.0.1", 2000],
    "with-manufacturer": ["GE1", "10.0.0.1", "104", "GE"],
    "long": {"AET": "LONG", "Host": "localhost", "Port": 2001, "AllowEcho": False,
             "AllowStorageCommitment": False, "LocalAet": "ME", "Timeout": 7},
}


def _orthanc_modalities(orthanc, names=()):
    with orthanc.client() as client:
        for name in names:
            client.delete(f"/modalities/{name}")


@pytest.mark.orthanc
def test_modalities_as_orthanc(make_app, orthanc) -> None:
    lethe = make_app()
    with orthanc.client() as theirs:
        try:
            for name, body in MODALITIES.items():
                for client in (lethe, theirs):
                    r = client.put(f"/modalities/{name}", json=body)
                    assert r.status_code == 200 and r.text == "", (client, r.text)
            for path in ("/modalities", "/modalities?expand",
                         "/modalities/long/configuration", "/modalities/short/configuration"):
                assert lethe.get(path).json() == theirs.get(path).json(), path
            for client in (lethe, theirs):
                assert client.delete("/modalities/short").status_code == 200
                assert client.get("/modalities/short/configuration").status_code == 404
                assert client.delete("/modalities/short").status_code == 404
            assert lethe.get("/modalities").json() == theirs.get("/modalities").json()
        finally:
            _orthanc_modalities(orthanc, MODALITIES)


@pytest.mark.orthanc
@pytest.mark.parametrize("name, body", [
    ("bad name!", ["A", "h", 1]),
    ("ok", ["A", "h"]),
    ("ok", ["A", "h", 70000]),
    ("ok", {"AET": "A", "Host": "h"}),
    ("ok", {"AET": "A", "Host": "h", "Port": 1, "AllowEcho": "yes"}),
    ("ok", ["A", "h", 1, "NoSuchVendor"]),
    ("ok", 12),
])
def test_bad_modalities_are_refused_as_by_orthanc(make_app, orthanc, name, body) -> None:
    lethe = make_app()
    with orthanc.client() as theirs:
        try:
            ours = lethe.put(f"/modalities/{name}", json=body)
            expected = theirs.put(f"/modalities/{name}", json=body)
            assert ours.status_code == expected.status_code
            assert ours.json()["OrthancError"] == expected.json()["OrthancError"]
            assert "Details" in ours.json()
        finally:
            _orthanc_modalities(orthanc, ["ok"])


def test_unknown_modality(make_app) -> None:
    lethe = make_app()
    for method, path in (("get", "/modalities/nowhere/configuration"),
                         ("post", "/modalities/nowhere/echo"),
                         ("post", "/modalities/nowhere/store")):
        r = getattr(lethe, method)(path)
        assert r.status_code == 404 and "nowhere" in r.json()["Details"], path


def test_modalities_from_the_configuration(make_app) -> None:
    lethe = make_app(DicomModalities=MODALITIES)
    assert lethe.get("/modalities").json() == sorted(MODALITIES)
    assert lethe.get("/modalities/with-manufacturer/configuration").json()["Port"] == 104
    long = lethe.get("/modalities/long/configuration").json()
    assert long["AllowEcho"] is False and long["AllowNAction"] is False
    assert long["AllowEventReport"] is False and long["AllowFind"] is True
    assert lethe.get("/modalities/long").json()[:2] == ["configuration", "echo"]


@pytest.mark.parametrize("value", [{"x": ["A", "h"]}, {"bad name": ["A", "h", 1]}, ["A"]])
def test_bad_configuration_names_the_key(value) -> None:
    with pytest.raises(ConfigError, match="DicomModalities"):
        config_from_dict({"DicomModalities": value})


def test_listener_settings_routes(make_app) -> None:
    lethe = make_app(AcceptedTransferSyntaxes=["1.2.840.10008.1.2.1", "1.2.840.10008.1.2.4.9?"])
    assert lethe.get("/tools/accepted-transfer-syntaxes").json() == [
        "1.2.840.10008.1.2.1", *(f"1.2.840.10008.1.2.4.{n}" for n in range(90, 96))]
    r = lethe.put("/tools/accepted-transfer-syntaxes", content="1.2.840.10008.1.2")
    assert r.json() == ["1.2.840.10008.1.2"]
    assert lethe.put("/tools/accepted-transfer-syntaxes", json=[1]).status_code == 400
    assert lethe.get("/tools/unknown-sop-class-accepted").text == "0"
    assert lethe.put("/tools/unknown-sop-class-accepted", content="true").status_code == 200
    assert lethe.get("/tools/unknown-sop-class-accepted").text == "1"
    assert lethe.put("/tools/unknown-sop-class-accepted", content="maybe").status_code == 400


def test_echo_to_a_dead_peer_fails_in_time(make_app) -> None:
    from tests.support.servers import free_port

    lethe = make_app(DicomModalities={"dead": ["DEAD", "127.0.0.1", free_port()]})
    r = lethe.post("/modalities/dead/echo", json={"Timeout": 2})
    assert r.status_code == 500
    assert r.json()["OrthancError"] == "Error in the network protocol"
    assert '"DEAD"' in r.json()["Details"]
