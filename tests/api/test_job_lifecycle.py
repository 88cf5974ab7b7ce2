"""Real modification jobs driven through /jobs: pause, resume, cancel midway, priorities."""

from __future__ import annotations

import time

import pydicom

from tests.support.dicomgen import make_file

INSTANCES = 120


def upload_series(client, count: int) -> str:
    study_uid, series_uid = pydicom.uid.generate_uid(), pydicom.uid.generate_uid()
    for n in range(count):
        answer = client.post("/instances", content=make_file(
            study_uid=study_uid, series_uid=series_uid, rows=64, columns=64,
            InstanceNumber=n + 1)).json()
    return answer["ParentSeries"]


def wait_for(client, job_id: str, predicate, timeout: float = 60.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        job = client.get(f"/jobs/{job_id}").json()
        if predicate(job):
            return job
        assert time.monotonic() < deadline, job
        time.sleep(0.005)


def snapshot(client) -> tuple[set, set]:
    store = client.app.state.store
    return set(client.get("/instances").json()), set(store.storage.all_uuids())


def test_cancel_midway_leaves_nothing_behind(lethe):
    series = upload_series(lethe, INSTANCES)
    before = snapshot(lethe)
    job_id = lethe.post(f"/series/{series}/anonymize", json={"Asynchronous": True}).json()["ID"]
    wait_for(lethe, job_id, lambda j: j["State"] != "Pending" and j["Progress"] > 0
             or j["State"] == "Success")
    assert lethe.post(f"/jobs/{job_id}/cancel", json={}).status_code == 200
    job = wait_for(lethe, job_id, lambda j: j["State"] in ("Success", "Failure"))
    if job["State"] == "Failure":  # canceled before the end: nothing may remain
        assert job["ErrorCode"] == 37
        assert snapshot(lethe) == before
    else:  # it finished first: the cancel came too late and changed nothing
        assert len(snapshot(lethe)[0]) == 2 * INSTANCES


def test_pause_and_resume_finish_the_job(lethe):
    series = upload_series(lethe, INSTANCES)
    job_id = lethe.post(f"/series/{series}/modify", json={
        "Replace": {"SeriesDescription": "paused"}, "Asynchronous": True}).json()["ID"]
    lethe.post(f"/jobs/{job_id}/pause", json={})
    job = wait_for(lethe, job_id, lambda j: j["State"] in ("Paused", "Success"))
    if job["State"] == "Paused":
        paused_progress = job["Progress"]
        time.sleep(0.1)
        assert lethe.get(f"/jobs/{job_id}").json()["Progress"] == paused_progress
        assert lethe.post(f"/jobs/{job_id}/resume", json={}).status_code == 200
    job = wait_for(lethe, job_id, lambda j: j["State"] in ("Success", "Failure"))
    assert job["State"] == "Success"
    new_series = job["Content"]["ID"]
    assert len(lethe.get(f"/series/{new_series}").json()["Instances"]) == INSTANCES


def test_resubmit_after_cancel_produces_the_result(lethe):
    series = upload_series(lethe, 10)
    job_id = lethe.post(f"/series/{series}/modify", json={
        "Replace": {"SeriesDescription": "again"}, "Asynchronous": True}).json()["ID"]
    lethe.post(f"/jobs/{job_id}/cancel", json={})
    job = wait_for(lethe, job_id, lambda j: j["State"] in ("Success", "Failure"))
    if job["State"] == "Failure":
        assert lethe.post(f"/jobs/{job_id}/resubmit", json={}).status_code == 200
        job = wait_for(lethe, job_id, lambda j: j["State"] in ("Success", "Failure"))
    assert job["State"] == "Success"
    assert len(lethe.get(f"/series/{job['Content']['ID']}").json()["Instances"]) == 10
    assert len(lethe.get("/instances").json()) == 20


def test_jobs_list_and_expand(lethe):
    series = upload_series(lethe, 2)
    out = lethe.post(f"/series/{series}/modify", json={"Replace": {"SeriesDescription": "x"},
                                                      "Asynchronous": True}).json()
    wait_for(lethe, out["ID"], lambda j: j["State"] == "Success")
    assert out["ID"] in lethe.get("/jobs").json()
    expanded = lethe.get("/jobs?expand").json()
    job = next(j for j in expanded if j["ID"] == out["ID"])
    assert job["Type"] == "ResourceModification" and job["Content"]["InstancesCount"] == 2
