"""Page load times of the web interface on an index of 10,000 instances (issue 20: under 1 s).

The instances are made from one generated file whose identifiers are rewritten in place (same
lengths), and sent as ZIP archives: the index is built in about 20 s. Each page is loaded in a
fresh browser context (nothing cached), timed from the navigation until its content is shown.
"""

from __future__ import annotations

import io
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.support.dicomgen import make_file

INSTANCES = 10_000
PER_STUDY = 10
BIG_SERIES = 100  # one series with this many instances, for the thumbnails page
LIMIT = 1.0  # seconds

ROOT = "1.2.826.0.1.3680043.10.1."
_STUDY, _SERIES, _SOP = (f"{ROOT}{kind}{0:012d}" for kind in (1, 2, 3))


def _template() -> bytes:
    return make_file(patient_id="PT000000", study_uid=_STUDY, series_uid=_SERIES, sop_uid=_SOP,
                     PatientName="Load^000000")


def _instance(template: bytes, study: int, number: int) -> bytes:
    """Instance ``number`` of study ``study``: the template with its identifiers rewritten."""
    return (template.replace(b"PT000000", b"PT%06d" % study)
            .replace(b"Load^000000", b"Load^%06d" % study)
            .replace(_STUDY.encode(), f"{ROOT}1{study:012d}".encode())
            .replace(_SERIES.encode(), f"{ROOT}2{study:012d}".encode())
            .replace(_SOP.encode(), f"{ROOT}3{study:06d}{number:06d}".encode()))


def _archives() -> list[bytes]:
    """ZIP archives of the 10,000 instances: one study of ``BIG_SERIES``, the rest by tens."""
    template = _template()
    files = [_instance(template, 0, n) for n in range(BIG_SERIES)]
    files += [_instance(template, 1 + n // PER_STUDY, n % PER_STUDY)
              for n in range(INSTANCES - BIG_SERIES)]
    archives = []
    for start in range(0, len(files), 1000):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            for n, content in enumerate(files[start:start + 1000]):
                archive.writestr(f"{start + n}.dcm", content)
        archives.append(buffer.getvalue())
    return archives


def _timed(browser, url: str, selector: str) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        start = time.monotonic()
        page.goto(url)
        page.locator(selector).first.wait_for(timeout=30_000)
        return time.monotonic() - start
    finally:
        context.close()


def test_pages_load_in_under_a_second_on_10000_instances(browser, server):
    started = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda body: httpx.post(server.url + "/instances", content=body,
                                                        timeout=300), _archives()))
    assert {answer.status_code for answer in answers} == {200}
    built = time.monotonic() - started
    with server.client() as client:
        assert client.get("/statistics").json()["CountInstances"] == INSTANCES
        study = client.post("/tools/lookup", content=f"{ROOT}1{0:012d}").json()[0]["ID"]
        series = client.get(f"/studies/{study}").json()["Series"][0]
        instance = client.get(f"/series/{series}").json()["Instances"][0]

    ui = server.url + "/ui/"
    timings = {
        "studies": _timed(browser, ui + "#/studies", "main tbody tr"),
        "patients": _timed(browser, ui + "#/patients", "main tbody tr"),
        "study": _timed(browser, ui + f"#/studies/{study}", "main tbody tr"),
        "series (100 instances)": _timed(browser, ui + f"#/series/{series}", ".thumbs img"),
        "instance": _timed(browser, ui + f"#/instances/{instance}", ".tags li"),
        "jobs": _timed(browser, ui + "#/jobs", "main h1"),
        "upload": _timed(browser, ui + "#/upload", "#drop-zone"),
    }
    report = ", ".join(f"{page} {seconds:.3f} s" for page, seconds in timings.items())
    print(f"\n{INSTANCES} instances indexed in {built:.1f} s; page loads: {report}")
    slow = {page: seconds for page, seconds in timings.items() if seconds >= LIMIT}
    assert not slow, f"pages slower than {LIMIT} s: {slow}"
