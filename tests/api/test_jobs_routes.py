"""The /jobs routes, run_job and the job options of a body, on a minimal app with a real
JobEngine; plus a differential check of the statuses against Orthanc 1.10.1."""

from __future__ import annotations

import time

import pytest
from pydicom.data import get_testdata_file
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.testclient import TestClient

from lethe.api import jobs
from lethe.api.body import read_json_object
from lethe.api.errors import InternalErrorMiddleware, http_error_handler, lethe_error_handler
from lethe.api.jobs import JobOptions, parse_job_options, run_job
from lethe.config import Config
from lethe.errors import ErrorCode, LetheError
from lethe.jobs.engine import JobEngine
from tests.jobs.test_engine import StepJob

ACTIONS = ("cancel", "pause", "resubmit", "resume")
JOB_KEYS = {"CompletionTime", "Content", "CreationTime", "EffectiveRuntime", "ErrorCode",
            "ErrorDescription", "ErrorDetails", "ID", "Priority", "Progress", "State",
            "Timestamp", "Type"}


class JobsApp:
    """A Starlette app with the /jobs routes and ``POST /test-jobs``, which starts a
    :class:`StepJob` through ``parse_job_options`` and ``run_job``."""

    def __init__(self, history_size: int = 10) -> None:
        self.engine = JobEngine(1, history_size)
        self.started: list[StepJob] = []
        app = Starlette(routes=jobs.routes + [Route("/test-jobs", self._start, methods=["POST"])],
                        middleware=[Middleware(InternalErrorMiddleware)],
                        exception_handlers={LetheError: lethe_error_handler,
                                            HTTPException: http_error_handler})
        app.state.jobs = self.engine
        app.state.config = Config()
        self.client = TestClient(app, client=("127.0.0.1", 50000), raise_server_exceptions=False)

    async def _start(self, request: Request) -> Response:
        body = await read_json_object(request)
        options = parse_job_options(body, keep_source_default=True)
        error = LetheError(ErrorCode.CANNOT_STORE_INSTANCE, "Error while storing instance 1")
        job = StepJob(steps=body.get("Steps", 2), gated=body.get("Gated", False),
                      fail_at=body.get("FailAt"), error=error)
        self.started.append(job)
        return await run_job(request, job, options)

    def start_async(self, **body) -> str:
        r = self.client.post("/test-jobs", json={"Asynchronous": True, **body})
        assert r.status_code == 200, r.text
        return r.json()["ID"]

    def wait_state(self, job_id: str, state: str) -> dict:
        deadline = time.monotonic() + 2
        while (info := self.client.get(f"/jobs/{job_id}").json())["State"] != state:
            assert time.monotonic() < deadline, info["State"]
            time.sleep(0.005)
        return info


@pytest.fixture
def make_jobs_app():
    apps = []

    def factory(history_size: int = 10) -> JobsApp:
        apps.append(JobsApp(history_size))
        return apps[-1]
    yield factory
    for app in apps:
        app.engine.shutdown(timeout=5)


def test_list_and_get_jobs(make_jobs_app):
    app = make_jobs_app()
    client = app.client
    assert client.get("/jobs").json() == []
    ids = [app.start_async(Priority=p) for p in (0, 7)]
    for job_id in ids:
        app.wait_state(job_id, "Success")
    r = client.get("/jobs")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    assert r.json() == sorted(ids)
    expanded = client.get("/jobs?expand").json()
    assert [info["ID"] for info in expanded] == sorted(ids)
    info = client.get(f"/jobs/{ids[1]}").json()
    assert set(info) == JOB_KEYS
    assert (info["Priority"], info["State"], info["Progress"], info["Content"]) == \
        (7, "Success", 100, {"Created": [0, 1]})
    assert set(expanded[sorted(ids).index(ids[1])]) == JOB_KEYS


def test_unknown_job(make_jobs_app):
    client = make_jobs_app().client
    for method in ("GET", "DELETE"):
        r = client.request(method, "/jobs/nope")
        assert r.status_code == 404
        assert (r.json()["OrthancStatus"], r.json()["Details"]) == (17, 'Unknown job: "nope"')
    for action in ACTIONS:
        r = client.post(f"/jobs/nope/{action}")
        assert r.status_code == 400, action  # Orthanc answers 400 to an action it cannot apply
        assert r.json()["OrthancStatus"] == 17 and r.json()["Method"] == "POST"


def test_actions_on_a_finished_job(make_jobs_app):
    app = make_jobs_app()
    client = app.client
    job_id = app.start_async()
    app.wait_state(job_id, "Success")
    for action in ("pause", "cancel"):
        r = client.post(f"/jobs/{job_id}/{action}")
        assert (r.status_code, r.json()) == (200, {})
    for action in ("resume", "resubmit"):
        r = client.post(f"/jobs/{job_id}/{action}")
        assert r.status_code == 400 and r.json()["OrthancStatus"] == 6, action
        assert "state: Success" in r.json()["Details"]
    assert client.get(f"/jobs/{job_id}").json()["State"] == "Success"
    r = client.delete(f"/jobs/{job_id}")
    assert (r.status_code, r.json()) == (200, {})
    assert client.get(f"/jobs/{job_id}").status_code == 404
    assert client.get("/jobs").json() == []


def test_pause_resume_cancel_a_running_job(make_jobs_app):
    app = make_jobs_app()
    client = app.client
    job_id = app.start_async(Steps=4, Gated=True)
    job = app.started[-1]
    job.reached()
    r = client.delete(f"/jobs/{job_id}")
    assert r.status_code == 400 and r.json()["OrthancStatus"] == 6
    assert client.post(f"/jobs/{job_id}/pause").json() == {}
    job.allow()
    assert app.wait_state(job_id, "Paused")["Content"] == {"Created": [0]}
    assert client.post(f"/jobs/{job_id}/resume").json() == {}
    job.reached()
    assert client.post(f"/jobs/{job_id}/cancel").json() == {}
    job.allow()
    info = app.wait_state(job_id, "Failure")
    assert (info["ErrorCode"], info["ErrorDescription"]) == (37, "This job was canceled")
    assert job.rolled_back == [0, 1] and job.starts == [0, 1]


def test_resubmit_a_failed_job(make_jobs_app):
    app = make_jobs_app()
    job_id = app.start_async(Steps=3, FailAt=1)
    info = app.wait_state(job_id, "Failure")
    assert (info["ErrorCode"], info["ErrorDetails"]) == (2018, "Error while storing instance 1")
    assert app.client.post(f"/jobs/{job_id}/resubmit").json() == {}
    assert app.wait_state(job_id, "Success")["Content"] == {"Created": [0, 1, 2]}


def test_asynchronous_answer_is_a_handle(make_jobs_app):
    app = make_jobs_app()
    r = app.client.post("/test-jobs", json={"Synchronous": False})
    job_id = r.json()["ID"]
    assert r.status_code == 200 and r.json() == {"ID": job_id, "Path": f"/jobs/{job_id}"}
    app.wait_state(job_id, "Success")


def test_synchronous_answer_is_the_content(make_jobs_app):
    app = make_jobs_app()
    r = app.client.post("/test-jobs", json={"Steps": 3})
    assert (r.status_code, r.json()) == (200, {"Created": [0, 1, 2]})
    assert app.client.get("/jobs").json() != []


def test_synchronous_failure_is_the_jobs_error(make_jobs_app):
    app = make_jobs_app()
    r = app.client.post("/test-jobs", json={"Steps": 3, "FailAt": 2, "Asynchronous": False})
    assert r.status_code == 500
    body = r.json()
    assert (body["OrthancStatus"], body["OrthancError"], body["Details"]) == \
        (2018, "Cannot store an instance", "Error while storing instance 1")
    assert body["Uri"] == "/test-jobs"
    assert app.started[-1].rolled_back == [0, 1]


def test_synchronous_answer_with_history_size_0(make_jobs_app):
    app = make_jobs_app(history_size=0)
    r = app.client.post("/test-jobs", json={"Steps": 2})
    assert (r.status_code, r.json()) == (200, {"Created": [0, 1]})
    r = app.client.post("/test-jobs", json={"Steps": 2, "FailAt": 0})
    assert r.status_code == 500 and r.json()["OrthancStatus"] == 2018
    assert app.client.get("/jobs").json() == []


def test_bad_job_options_are_refused_before_the_job_starts(make_jobs_app):
    app = make_jobs_app()
    r = app.client.post("/test-jobs", json={"Priority": "high"})
    assert r.status_code == 400
    assert (r.json()["OrthancStatus"], r.json()["Details"]) == \
        (15, "Integer value expected in field: Priority")
    assert app.started == [] and app.client.get("/jobs").json() == []


def test_parse_job_options_defaults_and_precedence():
    assert parse_job_options({}, keep_source_default=True) == JobOptions(True, 0, False, True)
    assert parse_job_options({}, keep_source_default=False).keep_source is False
    parsed = parse_job_options({"KeepSource": True, "Permissive": True, "Priority": -3,
                                "Asynchronous": True}, keep_source_default=False)
    assert parsed == JobOptions(False, -3, True, True)
    assert parse_job_options({"Synchronous": True, "Asynchronous": True},
                             keep_source_default=True).synchronous is True
    assert parse_job_options({"Synchronous": False, "Asynchronous": False},
                             keep_source_default=True).synchronous is False
    assert parse_job_options({"Asynchronous": False}, keep_source_default=True).synchronous


@pytest.mark.parametrize(("body", "details"), [
    ({"KeepSource": "false"}, "Boolean value expected in field: KeepSource"),
    ({"Permissive": 1}, "Boolean value expected in field: Permissive"),
    ({"Synchronous": None}, "Boolean value expected in field: Synchronous"),
    ({"Synchronous": True, "Asynchronous": "x"}, None),
    ({"Asynchronous": "true"}, "Boolean value expected in field: Asynchronous"),
    ({"Priority": "1"}, "Integer value expected in field: Priority"),
    ({"Priority": 1.0}, "Integer value expected in field: Priority"),
    ({"Priority": True}, "Integer value expected in field: Priority"),
    ({"Priority": 2**31}, "Integer value expected in field: Priority"),
])
def test_parse_job_options_type_errors(body, details):
    if details is None:  # Asynchronous is not read when Synchronous is present
        assert parse_job_options(body, keep_source_default=True).synchronous is True
        return
    with pytest.raises(LetheError) as caught:
        parse_job_options(body, keep_source_default=True)
    assert (caught.value.code, caught.value.details) == (ErrorCode.BAD_FILE_FORMAT, details)


def test_parse_job_options_needs_an_object():
    with pytest.raises(LetheError) as caught:
        parse_job_options([], keep_source_default=True)  # type: ignore[arg-type]
    assert caught.value.code is ErrorCode.BAD_FILE_FORMAT


@pytest.mark.orthanc
def test_statuses_match_orthanc(orthanc_fresh, make_jobs_app):
    """The same requests on a finished job and on an unknown job give Orthanc's statuses."""
    with orthanc_fresh.client() as orthanc:
        with open(get_testdata_file("CT_small.dcm"), "rb") as f:
            study = orthanc.post("/instances", content=f.read()).json()["ParentStudy"]
        r = orthanc.post(f"/studies/{study}/modify",
                         json={"Replace": {"PatientName": "X"}, "Asynchronous": True})
        orthanc_job = r.json()["ID"]
        deadline = time.monotonic() + 10
        while orthanc.get(f"/jobs/{orthanc_job}").json()["State"] != "Success":
            assert time.monotonic() < deadline
            time.sleep(0.05)
        app = make_jobs_app()
        lethe_job = app.start_async()
        app.wait_state(lethe_job, "Success")

        def statuses(client, job_id: str) -> list[int]:
            found = [client.get(f"/jobs/{job_id}").status_code,
                     client.get("/jobs/unknown-job").status_code]
            for action in ACTIONS:
                found.append(client.post(f"/jobs/{job_id}/{action}").status_code)
                found.append(client.post(f"/jobs/unknown-job/{action}").status_code)
            return found
        assert statuses(app.client, lethe_job) == statuses(orthanc, orthanc_job)
        assert set(app.client.get(f"/jobs/{lethe_job}").json()) == \
            set(orthanc.get(f"/jobs/{orthanc_job}").json())
        assert app.client.get("/jobs").json() == [lethe_job]
        assert orthanc.get("/jobs").json() == [orthanc_job]
