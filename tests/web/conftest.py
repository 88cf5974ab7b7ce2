"""Fixtures of the web interface tests: a headless Chromium driven by Playwright, and Lethe
started as a real process.

Playwright's own browser download is not used: the tests launch Debian's ``chromium``
(``apt-get install -y chromium``, as ``.ci/run`` does). Without Playwright or Chromium the tests
skip with the reason (a failure under CI, see ``tests/conftest.py``).
"""

from __future__ import annotations

import base64
import importlib.util
import shutil
from collections.abc import Iterator

import pytest

from tests.support import corpus
from tests.support.servers import ServerProcess, start_lethe

CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    """Debian's Chromium, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """A headless Chromium (a Playwright ``Browser``) for the tests of one module (Playwright's
    event loop does not outlive the module)."""
    if importlib.util.find_spec("playwright") is None:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    missing = corpus.program_missing("chromium", "chromium")
    if missing:
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """``lethe serve`` on a free loopback port with empty storage, for one test module."""
    process = start_lethe(tmp_path_factory.mktemp("web"))
    yield process
    process.stop()


@pytest.fixture
def page(browser, server: ServerProcess):
    """A fresh page (its own context: no cache, no storage) that fails the test on a script
    error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.set_default_timeout(15_000)
    yield tab
    context.close()
    assert not errors, f"script errors in the page: {errors}"


def drop_files(page, selector: str, files: dict[str, bytes]) -> None:
    """Drop ``files`` (name -> content) on the element at ``selector``, as a user dragging
    them from a file manager would."""
    encoded = {name: base64.b64encode(content).decode() for name, content in files.items()}
    transfer = page.evaluate_handle("""(files) => {
        const transfer = new DataTransfer();
        for (const [name, data] of Object.entries(files)) {
            const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
            transfer.items.add(new File([bytes], name, { type: "application/dicom" }));
        }
        return transfer;
    }""", encoded)
    page.dispatch_event(selector, "dragover", {"dataTransfer": transfer})
    page.dispatch_event(selector, "drop", {"dataTransfer": transfer})


def drop_paths(page, selector: str, paths: list) -> None:
    """Drop files and folders of the local disk (``paths``) on the element at ``selector``,
    through Chromium's own drag and drop (DevTools ``Input.dispatchDragEvent``): the page sees
    folders as directory entries, as when they are dragged from a file manager."""
    box = page.locator(selector).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    data = {"items": [], "files": [str(path) for path in paths], "dragOperationsMask": 255}
    devtools = page.context.new_cdp_session(page)
    try:
        for kind in ("dragEnter", "dragOver", "drop"):
            devtools.send("Input.dispatchDragEvent", {"type": kind, "x": x, "y": y, "data": data})
    finally:
        devtools.detach()
