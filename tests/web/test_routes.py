"""The routes of the web interface, without a browser: the redirects to ``/ui/``, the static
files from the package, and the REST API's authentication applied to them."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files

import httpx
import pytest
import uvicorn

from lethe.api.app import create_app
from lethe.config import config_from_dict
from tests.support.dicomgen import make_file
from tests.support.servers import free_port


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


def test_the_page_preloads_every_module(server):
    """Each module of the interface is fetched with the page, not after ``app.js`` is read:
    a preload link per file, and no file without one."""
    page = httpx.get(server.url + "/ui/").text
    modules = {path.name for path in files("lethe.web").joinpath("static").iterdir()
               if path.name.endswith(".js") and path.name != "app.js"}
    preloaded = set(re.findall(r'<link rel="modulepreload" href="/ui/([a-z]+\.js)">', page))
    assert preloaded == modules


@contextmanager
def serving(app) -> Iterator[str]:
    """``app`` served by uvicorn on a free loopback port, in a thread: its base URL."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(),
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def test_the_interface_in_a_browser_behind_authentication(browser, tmp_path):
    """The page's requests carry the credentials the browser was given, as any request to the
    REST API; without them, nothing is shown."""
    from playwright.sync_api import Error as PlaywrightError  # the fixture checked it is there

    config = config_from_dict({"StorageDirectory": str(tmp_path / "storage"),
                               "AuthenticationEnabled": True,
                               "RegisteredUsers": {"alice": "wonderland"}})
    with serving(create_app(config)) as url:
        with httpx.Client(base_url=url, auth=("alice", "wonderland")) as client:
            assert client.post("/instances", content=make_file(
                patient_id="AUTH", PatientName="Secured^Sam")).status_code == 200
        allowed = browser.new_context(http_credentials={"username": "alice",
                                                        "password": "wonderland"})
        page = allowed.new_page()
        page.goto(url + "/ui/#/studies")
        page.get_by_role("link", name="Secured Sam").wait_for()
        assert page.locator("#server").inner_text().startswith("Lethe")
        allowed.close()
        refused = browser.new_context()  # the browser would ask; headless, it gives up
        with pytest.raises(PlaywrightError, match="ERR_INVALID_AUTH_CREDENTIALS"):
            refused.new_page().goto(url + "/ui/")
        refused.close()
