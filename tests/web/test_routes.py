"""The routes of the web interface, without a browser: the redirects to ``/ui/``, the static
files from the package, and the REST API's authentication applied to them."""

from __future__ import annotations

import httpx
import pytest


@pytest.mark.parametrize("path", ["/", "/app/explorer.html"])
def test_orthanc_entry_points_redirect_to_the_interface(server, path):
    answer = httpx.get(server.url + path)
    assert answer.status_code == 307
    assert answer.headers["location"].endswith("/ui/")


@pytest.mark.parametrize("path", ["/ui/", "/ui"])
def test_the_page_loads_its_modules_by_absolute_paths(server, path):
    answer = httpx.get(server.url + path)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    assert 'src="/ui/app.js"' in answer.text and 'href="/ui/style.css"' in answer.text
    for asset in ("/ui/app.js", "/ui/style.css", "/ui/browse.js"):
        assert httpx.get(server.url + asset).status_code == 200
    assert httpx.get(server.url + "/ui/missing.js").status_code == 404


def test_tag_names_for_completion(server):
    names = httpx.get(server.url + "/ui/keywords.json").json()
    assert "PatientName" in names and "StudyDescription" in names
    assert names == sorted(names)


def test_authentication_and_remote_access_apply_to_the_interface(make_app):
    secured = make_app(AuthenticationEnabled=True, RegisteredUsers={"alice": "wonderland"})
    for path in ("/ui/", "/ui/app.js", "/ui/keywords.json", "/"):
        answer = secured.get(path, follow_redirects=False)
        assert answer.status_code == 401, path
        assert answer.headers["www-authenticate"].startswith("Basic")
    assert secured.get("/ui/app.js", auth=("alice", "wonderland")).status_code == 200
    remote = make_app(client_host="192.0.2.7")
    assert remote.get("/ui/").status_code == 403
