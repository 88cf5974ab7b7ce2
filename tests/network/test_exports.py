"""``/exports`` with ``LogExportedResources``: what Lethe logs when it sends, compared with
what Orthanc 1.10.1 logs for the same requests (Lethe and Orthanc send to each other)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from tests.network.nodes import Node, Pair, pair
from tests.support.corpus import sample

BRAINIX = "Brainix/Flair"
STUDY_UID = "2.16.840.1.113669.632.20.1211.10000357775"


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    logging_on = {"LogExportedResources": True}
    with pair(tmp_path_factory.mktemp("exports"), logging_on, logging_on) as both:
        yield both


def _prepare(node: Node, other: Node) -> tuple[str, str, str]:
    """Upload Brainix; name the other server ``target`` as a modality and as a peer. The
    IDs of the study, of its series and of its first instance."""
    with node.client() as client:
        for path in sorted(sample(BRAINIX).glob("*.dcm")):
            answer = client.post("/instances", content=path.read_bytes())
            assert answer.status_code == 200, answer.text
        assert client.put("/modalities/target", json=[other.aet, "127.0.0.1",
                                                      other.port]).status_code == 200
        assert client.put("/peers/target", json=[other.url]).status_code == 200
        first = sorted(client.get(f"/series/{answer.json()['ParentSeries']}").json()[
            "Instances"])[0]
        return answer.json()["ParentStudy"], answer.json()["ParentSeries"], first


def _send_everything(client: httpx.Client, study: str, series: str, instance: str) -> None:
    """Every way of sending, in the same order on both servers."""
    path = sample(BRAINIX)
    calls = [
        ("/modalities/target/store", {"Resources": [study]}),
        ("/modalities/target/store", instance),  # an ID as the body
        ("/modalities/target/store", {"Resources": [series, instance], "Synchronous": False}),
        ("/peers/target/store", {"Resources": [series]}),
    ]
    for route, body in calls:
        answer = (client.post(route, content=body) if isinstance(body, str)
                  else client.post(route, json=body))
        assert answer.status_code == 200, (route, answer.text)
    straight = sorted(path.glob("*.dcm"))[0].read_bytes()
    for route in ("/modalities/target/store-straight", "/peers/target/store-straight"):
        assert client.post(route, content=straight).status_code == 200, route
    move = {"Level": "Study", "Resources": [{"StudyInstanceUID": STUDY_UID}],
            "TargetAet": "TESTER"}  # the C-MOVE SCP of the other server sends nowhere useful
    client.post("/modalities/target/move", json=move)


def _exports(client: httpx.Client, query: str = "") -> dict:
    answer = client.get(f"/exports{query}")
    assert answer.status_code == 200, answer.text
    return answer.json()


def _without_dates(body: dict) -> dict:
    for export in body["Exports"]:
        assert re.fullmatch(r"\d{8}T\d{6}", export.pop("Date")), export
    return body


@pytest.mark.orthanc
def test_exports_as_orthanc(servers: Pair) -> None:
    ids = _prepare(servers.lethe, servers.orthanc)
    assert _prepare(servers.orthanc, servers.lethe) == ids  # the same IDs on both
    with servers.lethe.client() as lethe, servers.orthanc.client() as orthanc:
        for client in (lethe, orthanc):
            _send_everything(client, *ids)
        ours, theirs = _exports(lethe), _exports(orthanc)
        assert [e["ResourceType"] for e in ours["Exports"]] == \
            ["Study", "Instance", "Series", "Instance", "Series"]
        assert _without_dates(ours) == _without_dates(theirs)
        for query in ("?last", "?since=2&limit=2", "?limit=1"):
            assert _without_dates(_exports(lethe, query)) == \
                _without_dates(_exports(orthanc, query)), query
        for client in (lethe, orthanc):
            assert client.delete("/exports").status_code == 200
        assert _exports(lethe) == _exports(orthanc)


@pytest.mark.orthanc
def test_nothing_logged_when_off_or_unknown(servers: Pair) -> None:
    """An unknown resource is refused (404) and logs nothing after it."""
    with servers.lethe.client() as lethe, servers.orthanc.client() as orthanc:
        for client in (lethe, orthanc):
            client.delete("/exports")
            answer = client.post("/modalities/target/store",
                                 json={"Resources": ["0" * 8 + "-00000000" * 4]})
            assert answer.status_code == 404
        assert _exports(lethe) == _exports(orthanc) == {"Done": True, "Exports": [],
                                                        "Last": 0}
