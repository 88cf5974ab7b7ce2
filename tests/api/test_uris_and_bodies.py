"""Request paths read as Orthanc reads them (empty components, trailing slashes and dot
segments ignored), and JSON bodies nested to any depth refused with 400 on every route."""

from __future__ import annotations

import pytest

from lethe.api.body import MAX_JSON_DEPTH, json_depth
from lethe.api.uris import normalize_path
from tests.robustness.test_hostile_requests import fill, real_values, templates
from tests.support.dicomgen import make_file

SAME_AS_SYSTEM = ["//system", "/system/", "///system//", "/./system", "/tools/../system",
                  "/../system", "/system/."]


@pytest.mark.parametrize(("path", "expected"), [
    ("/system", "/system"), ("//system", "/system"), ("/system/", "/system"),
    ("/instances//abc/tags/", "/instances/abc/tags"), ("/a/./b/../c", "/a/c"),
    ("/../../etc/passwd", "/etc/passwd"), ("/", "/"), ("", "/"), ("//", "/"),
    ("/.hidden/x", "/.hidden/x"), ("/a/...", "/a/..."),
])
def test_normalize_path(path, expected):
    assert normalize_path(path) == expected


@pytest.mark.orthanc
def test_paths_resolve_as_in_orthanc(orthanc_fresh, lethe):
    data = make_file(patient_id="URI")
    with orthanc_fresh.client() as oracle:
        instance = oracle.post("/instances", content=data).json()["ID"]
        assert lethe.post("/instances", content=data).json()["ID"] == instance
        paths = SAME_AS_SYSTEM + ["/patients/", "//patients//", f"/instances//{instance}",
                                  f"//instances//{instance}/", f"/instances/{instance}//tags",
                                  f"/instances/{instance}/content//0010,0010",
                                  f"/instances/{instance}/tags/?simplify", "/tools/now/",
                                  "/nothing//here/", "/instances//nope"]
        for path in paths:
            theirs, ours = _get_raw(oracle, path), _get_raw(lethe, path)
            assert ours.status_code == theirs.status_code, path
            if theirs.status_code == 200 and ("instances" in path or "patients" in path):
                if "content" in path:
                    assert ours.content == theirs.content, path
                else:
                    assert _comparable(ours.json()) == _comparable(theirs.json()), path


def _comparable(body):
    """What Orthanc 1.10.1 and Lethe show alike of an answer (a resource: its ID and tags)."""
    if isinstance(body, dict) and "ID" in body:
        return body["ID"], body["MainDicomTags"]
    return body


def _get_raw(client, path: str):
    """GET ``path`` exactly as written (httpx would read ``//system`` as a host name)."""
    return client.get(client.base_url.copy_with(raw_path=path.encode()))


def test_error_bodies_name_the_normalized_uri(lethe):
    answer = _get_raw(lethe, "//instances//nope/")
    assert answer.status_code == 404
    assert answer.json()["Uri"] == "/instances/nope"


def test_json_depth():
    assert json_depth(1) == 0
    assert json_depth([]) == 1
    assert json_depth({"a": [1, {"b": []}]}) == 4
    deep: object = []
    for _ in range(MAX_JSON_DEPTH + 50):
        deep = [deep]
    assert json_depth(deep) == MAX_JSON_DEPTH + 1  # the walk stops there


def _nested(depth: int) -> bytes:
    return ("[" * depth + "]" * depth).encode()


def _nested_objects(depth: int) -> bytes:
    return ('{"a":' * depth + "1" + "}" * depth).encode()


def test_deeply_nested_json_bodies_are_400_on_every_route(lethe):
    """Every route that takes a body answers a JSON document nested deeper than Python can
    parse, or deeper than Lethe accepts, with a 4xx (400 for the routes that read JSON):
    never a 500."""
    answer = lethe.post("/instances", content=make_file(patient_id="DEEP")).json()
    ids = {"patients": answer["ParentPatient"], "studies": answer["ParentStudy"],
           "series": answer["ParentSeries"], "instances": answer["ID"], "jobs": "x"}
    refused = 0
    for method, template in templates(lethe.app):
        if method not in ("POST", "PUT"):
            continue
        path = fill(template, real_values(template, ids))
        for body in (_nested(200_000), _nested(MAX_JSON_DEPTH + 1),
                     _nested_objects(MAX_JSON_DEPTH + 5)):
            reply = lethe.request(method, path, content=body,
                                  headers={"Content-Type": "application/json"})
            assert reply.status_code < 500, (method, template, reply.text[:200])
            refused += reply.status_code == 400
    assert refused > 60
    for path in ("/tools/find", "/tools/count-resources", f"/studies/{ids['studies']}/modify",
                 f"/series/{ids['series']}/anonymize", "/tools/lookup"):
        reply = lethe.post(path, content=_nested(200_000))
        assert reply.status_code == 400 if path != "/tools/lookup" else 200, path
    reply = lethe.post("/tools/find", content=_nested_objects(MAX_JSON_DEPTH + 1))
    assert reply.status_code == 400
    assert "nests" in reply.json()["Details"]
    assert lethe.get("/system").status_code == 200
