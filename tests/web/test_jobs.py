"""The job list in a real browser: pause, resume and cancel of a pending and of a running job,
checked through the REST API.

A DICOM store job to DCMTK's storescp told to sleep a second in each C-STORE is a job that
runs for as long as needed, one instance per second, pausing and canceling between two
instances. With ``ConcurrentJobs`` 1 a job submitted meanwhile waits, Pending.
"""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator

import httpx
import pytest
from pydicom.uid import generate_uid

from tests.support import corpus
from tests.support.dicomgen import make_file
from tests.support.servers import ServerProcess, free_port, start_lethe

INSTANCES = 30


@pytest.fixture(scope="module")
def slow_peer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """The port of a storescp (AET ``SLOW``) that takes a second to store each instance."""
    missing = corpus.program_missing("storescp", "dcmtk")
    if missing:
        pytest.skip(missing)
    port = free_port()
    folder = tmp_path_factory.mktemp("slow-peer")
    process = subprocess.Popen(["storescp", "-aet", "SLOW", "--sleep-during", "1", "-od",
                                str(folder), str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not _listening(port):
            assert process.poll() is None and time.monotonic() < deadline, "storescp did not start"
            time.sleep(0.05)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, slow_peer: int) -> Iterator[ServerProcess]:
    """Lethe running one job at a time, knowing the slow peer as modality ``slow``."""
    process = start_lethe(tmp_path_factory.mktemp("web-jobs"), {
        "ConcurrentJobs": 1, "DicomModalities": {"slow": ["SLOW", "127.0.0.1", slow_peer]}})
    yield process
    process.stop()


def upload_study(client: httpx.Client, count: int, description: str) -> str:
    study, series = generate_uid(), generate_uid()
    for n in range(count):
        answer = client.post("/instances", content=make_file(
            patient_id="JOBS", study_uid=study, series_uid=series, rows=8, columns=8,
            InstanceNumber=n + 1, StudyDescription=description)).json()
    return answer["ParentStudy"]


def wait_state(client: httpx.Client, job: str, *states: str, timeout: float = 20) -> dict:
    """The job once its state is one of ``states`` (through the REST API)."""
    deadline = time.monotonic() + timeout
    while True:
        info = client.get(f"/jobs/{job}").json()
        if info["State"] in states:
            return info
        assert time.monotonic() < deadline, info
        time.sleep(0.05)


def test_pause_resume_and_cancel_from_the_job_list(page, server):
    with server.client() as client:
        slow_study = upload_study(client, INSTANCES, "Slow")
        quick_study = upload_study(client, 1, "Quick")
        running = client.post("/modalities/slow/store", json={
            "Resources": [slow_study], "Asynchronous": True}).json()["ID"]
        wait_state(client, running, "Running")
        pending = client.post(f"/studies/{quick_study}/modify", json={
            "Replace": {"StudyDescription": "Done"}, "Asynchronous": True}).json()["ID"]
        assert client.get(f"/jobs/{pending}").json()["State"] == "Pending"

    page.goto(server.url + "/ui/#/jobs")
    slow_row = page.locator(f"tr[data-job='{running}']")
    quick_row = page.locator(f"tr[data-job='{pending}']")
    slow_row.get_by_text("Running").wait_for()
    quick_row.get_by_text("Pending").wait_for()
    assert quick_row.get_by_text("Modification of 1 instance").count() == 1

    # The pending job, with the keyboard: Pause, then the focus is on Resume.
    with server.client() as client:
        quick_row.get_by_role("button", name="Pause").focus()
        page.keyboard.press("Enter")
        wait_state(client, pending, "Paused")
        quick_row.get_by_text("Paused").wait_for()
        page.wait_for_function("document.activeElement.dataset.action === 'resume'")
        page.keyboard.press("Enter")
        wait_state(client, pending, "Pending")
        quick_row.get_by_text("Pending").wait_for()

        # The running job: paused between two instances, the queued one runs meanwhile.
        slow_row.get_by_role("button", name="Pause").click()
        paused = wait_state(client, running, "Paused")
        slow_row.get_by_text("Paused").wait_for()
        assert wait_state(client, pending, "Success")["State"] == "Success"
        quick_row.get_by_text("Success").wait_for()
        assert quick_row.get_by_role("link", name="Open the result (study)").count() == 1
        assert 0 <= paused["Progress"] < 100
        slow_row.get_by_role("button", name="Resume").click()
        wait_state(client, running, "Running")
        slow_row.get_by_text("Running").wait_for()

        # Canceled: a failure the list shows, with Retry.
        slow_row.get_by_role("button", name="Cancel").click()
        canceled = wait_state(client, running, "Failure")
        assert canceled["ErrorCode"] == 37
        assert canceled["Progress"] < 100
        slow_row.get_by_role("button", name="Retry").wait_for()
        assert "Failure" in slow_row.locator("td").nth(2).inner_text()
