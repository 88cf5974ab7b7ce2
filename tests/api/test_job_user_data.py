"""``UserData``: any JSON value given to a job-starting route travels with the job and is
shown by ``/jobs/{id}`` and ``/jobs?expand`` (Orthanc 1.12.9)."""

from __future__ import annotations

import pydicom
import pytest

from tests.support.dicomgen import make_file
from tests.support.jobs import wait_for_job


def upload_study(client, series: int = 1) -> dict:
    study = pydicom.uid.generate_uid()
    answer = {}
    for _ in range(series):
        answer = client.post("/instances", content=make_file(
            study_uid=study, series_uid=pydicom.uid.generate_uid())).json()
    return answer


@pytest.mark.parametrize("user_data", [{"user-data": "titi"}, "simple-string", 7, [1, "a"],
                                       {"nested": {"list": [True, None]}}])
def test_user_data_is_returned_by_the_job(lethe, user_data):
    a = upload_study(lethe)
    handle = lethe.post(f"/studies/{a['ParentStudy']}/modify", json={
        "Replace": {"PatientName": "toto"}, "UserData": user_data, "Asynchronous": True}).json()
    job = wait_for_job(lethe, handle["ID"])
    assert job["State"] == "Success"
    assert job["UserData"] == user_data
    listed = {j["ID"]: j for j in lethe.get("/jobs?expand").json()}
    assert listed[handle["ID"]]["UserData"] == user_data


def test_every_job_route_keeps_user_data(lethe):
    a = upload_study(lethe, series=2)
    study = a["ParentStudy"]
    routes = [(f"/studies/{study}/anonymize", {}),
              (f"/series/{a['ParentSeries']}/modify", {"Replace": {"SeriesDescription": "x"}}),
              (f"/patients/{a['ParentPatient']}/anonymize", {}),
              ("/tools/bulk-modify", {"Resources": [study], "Replace": {"StudyID": "9"}}),
              ("/tools/bulk-anonymize", {"Resources": [study]}),
              (f"/studies/{study}/split", {"Series": [a["ParentSeries"]], "KeepSource": True})]
    for route, body in routes:
        r = lethe.post(route, json={**body, "UserData": route, "Asynchronous": True})
        assert r.status_code == 200, (route, r.text)
        assert wait_for_job(lethe, r.json()["ID"])["UserData"] == route


def test_a_job_without_user_data_has_no_such_field(lethe):
    a = upload_study(lethe)
    handle = lethe.post(f"/studies/{a['ParentStudy']}/anonymize",
                        json={"Asynchronous": True}).json()
    assert "UserData" not in wait_for_job(lethe, handle["ID"])


def test_a_synchronous_answer_does_not_carry_user_data(lethe):
    a = upload_study(lethe)
    answer = lethe.post(f"/studies/{a['ParentStudy']}/anonymize",
                        json={"UserData": {"a": 1}}).json()
    assert "UserData" not in answer
    assert answer["Type"] == "Study"
