"""Authentication and remote-access rules hold on every route of the app."""

from __future__ import annotations

import base64

import pytest
from starlette.routing import Mount, Route

from lethe.api.security import check_credentials, is_loopback

USERS = {"alice": "s3cret"}


def every_route(client) -> list[tuple[str, str]]:
    """(method, concrete path) for each route of the app, with dummy path parameters."""
    found = []
    for route in client.app.routes:
        if isinstance(route, Mount):  # static files (the web interface): one of them
            found.append(("GET", route.path + "/index.html"))
            continue
        assert isinstance(route, Route)
        path = route.path
        for name, value in (("{level:level}", "patients"), ("{relative:relative}", "studies"),
                            ("{path:path}", "0010-0010"), ("{id}", "x"), ("{name}", "1025"),
                            ("{label}", "l")):
            path = path.replace(name, value)
        for method in sorted(route.methods or ()):
            if method != "HEAD":
                found.append((method, path))
    assert len(found) > 20
    return found


def basic(user: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def test_every_route_requires_credentials(make_app):
    client = make_app(AuthenticationEnabled=True, RegisteredUsers=USERS)
    for method, path in every_route(client):
        r = client.request(method, path)
        assert r.status_code == 401, (method, path)
        assert r.headers["www-authenticate"] == 'Basic realm="Lethe"'
        assert r.json()["OrthancStatus"] == 29
        r = client.request(method, path, headers=basic("alice", "wrong"))
        assert r.status_code == 401, (method, path)


def test_valid_credentials_are_accepted(make_app):
    client = make_app(AuthenticationEnabled=True, RegisteredUsers=USERS)
    assert client.get("/system", headers=basic("alice", "s3cret")).status_code == 200


def test_remote_clients_are_refused_unless_allowed(make_app):
    remote = make_app(client_host="192.0.2.7")
    for method, path in every_route(remote):
        assert remote.request(method, path).status_code == 403, (method, path)
    allowed = make_app(client_host="192.0.2.7", RemoteAccessAllowed=True)
    assert allowed.get("/system").status_code == 200


def test_request_size_limit(make_app):
    client = make_app(MaximumRequestSize=1000)
    r = client.post("/instances", content=b"x" * 2000)
    assert r.status_code == 413


@pytest.mark.parametrize("host, expected", [
    ("127.0.0.1", True), ("127.8.9.1", True), ("::1", True), ("::ffff:127.0.0.1", True),
    ("10.0.0.1", False), ("testclient", False), (None, False)])
def test_is_loopback(host, expected):
    assert is_loopback(host) is expected


def test_check_credentials_rejects_malformed_headers():
    assert check_credentials("Basic !!!", USERS) is None
    assert check_credentials("Bearer abc", USERS) is None
    assert check_credentials(basic("alice", "s3cret")["Authorization"], USERS) == "alice"
    assert check_credentials(basic("bob", "s3cret")["Authorization"], USERS) is None
