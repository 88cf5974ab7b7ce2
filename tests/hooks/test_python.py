"""The Python front end (``PythonScripts``): the README's recipe, filters, job events."""

from __future__ import annotations

from pathlib import Path

from pydicom.uid import generate_uid

from tests.hooks.conftest import settle, wait_for
from tests.support.dicomgen import make_file

RECIPE = Path(__file__).parent / "anonymize_and_send.py"


def test_anonymize_when_stable_and_send(make_app, storage_scp):
    client = make_app(PythonScripts=[str(RECIPE)], StableAge=1, DicomModalities={
        "sample": ["SAMPLE", "127.0.0.1", storage_scp.port]})
    study = generate_uid()
    for _ in range(2):
        client.post("/instances", content=make_file(patient_id="REAL", study_uid=study))
    wait_for(lambda: len(storage_scp.received) == 2, 20)
    settle(client)
    for sent in storage_scp.received:
        assert sent.PatientID != "REAL" and str(sent.PatientName) != "Doe^John"
        assert sent.StudyInstanceUID != study
        assert sent.StudyDescription == "Chest"
    assert len(client.get("/studies").json()) == 1  # the original only: the copy deleted


def test_filters_and_job_events(make_app, tmp_path):
    module = tmp_path / "hooks.py"
    module.write_text('''
events = []

def received_instance_filter(tags, origin, info):
    return tags["PatientID"] != "REFUSED"

def incoming_http_request_filter(method, uri, ip, username, headers):
    return uri != "/tools/generate-uid"

def on_stored_instance(api, instance_id, tags, metadata, origin):
    events.append(("stored", tags["PatientID"], origin["RequestOrigin"]))

def on_job_submitted(api, job_id):
    events.append(("submitted", api.get(f"/jobs/{job_id}")["Type"]))

def on_job_success(api, job_id):
    events.append(("success", job_id))
''')
    client = make_app(PythonScripts=[str(module)])
    assert client.post("/instances", content=make_file(
        patient_id="REFUSED")).json()["Status"] == "FilteredOut"
    assert client.get("/tools/generate-uid").status_code == 403
    study = client.post("/instances", content=make_file(patient_id="P1")).json()["ParentStudy"]
    client.post(f"/studies/{study}/modify", json={"Replace": {"StudyDescription": "X"},
                                                   "Asynchronous": True})
    wait_for(lambda: any(e[0] == "success" for e in _events(client)))
    settle(client)
    events = _events(client)
    assert ("stored", "P1", "RestApi") in events
    assert events.count(("stored", "P1", "RestApi")) == 2  # and the modified copy
    assert ("submitted", "ResourceModification") in events


def _events(client) -> list:
    front = client.app.state.hooks.front_ends[0]
    return list(front.modules[0].events)


def test_the_readme_shows_the_tested_recipe():
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    shown = readme.split("and send it to the modality `sample`:\n\n```python\n")[1]
    shown = shown.split("```")[0]
    tested = RECIPE.read_text().split('"""', 2)[2].lstrip("\n")
    assert shown == tested
