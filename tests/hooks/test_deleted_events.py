"""``OnDeleted<Level>`` for every resource removed, as Orthanc 1.10.1 raises them: the resource
deleted, those below it, the parents left without children, and the patients recycled by
``MaximumPatientCount``; to Lua and to Python (``on_deleted_<level>``)."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from tests.hooks.conftest import settle
from tests.support.dicomgen import make_file
from tests.support.servers import orthanc_available, start_orthanc

LUA = """
deleted = {}
function OnDeletedPatient(id) print('DEL Patient ' .. id); table.insert(deleted, 'Patient ' .. id) end
function OnDeletedStudy(id) print('DEL Study ' .. id); table.insert(deleted, 'Study ' .. id) end
function OnDeletedSeries(id) print('DEL Series ' .. id); table.insert(deleted, 'Series ' .. id) end
function OnDeletedInstance(id) print('DEL Instance ' .. id); table.insert(deleted, 'Instance ' .. id) end
"""

PYTHON = """
deleted = []
def on_deleted_patient(api, resource_id): deleted.append("Patient " + resource_id)
def on_deleted_study(api, resource_id): deleted.append("Study " + resource_id)
def on_deleted_series(api, resource_id): deleted.append("Series " + resource_id)
def on_deleted_instance(api, resource_id): deleted.append("Instance " + resource_id)
"""

UPLOADS = [("P1", "1.2.3", "1.2.3.1"), ("P1", "1.2.3.4", "1.2.3.4.5")]


def _steps(client, done) -> list[set[str]]:
    """Delete an instance (its series and study go with it), then a study (its patient goes
    with it), then store three new patients with room for two (the oldest is recycled);
    the events after each step (``done()``: every event raised so far)."""
    ids = [client.post("/instances", content=make_file(
        patient_id=p, study_uid=st, series_uid=se, sop_uid=se + ".1")).json()
        for p, st, se in UPLOADS]
    steps: list[set[str]] = []

    def step() -> None:
        seen = set().union(*steps) if steps else set()
        steps.append(set(done()) - seen)

    client.delete(f"/instances/{ids[0]['ID']}")
    step()
    client.delete(f"/studies/{ids[1]['ParentStudy']}")
    step()
    for patient in ("P2", "P3", "P4"):
        client.post("/instances", content=make_file(
            patient_id=patient, study_uid=f"9.{patient[1]}", series_uid=f"9.{patient[1]}.1",
            sop_uid=f"9.{patient[1]}.1.1"))
    step()
    return steps


def _lethe_steps(make_app, tmp_path: Path, language: str) -> list[set[str]]:
    script = tmp_path / ("deleted.lua" if language == "lua" else "deleted.py")
    script.write_text(LUA if language == "lua" else PYTHON)
    key = "LuaScripts" if language == "lua" else "PythonScripts"
    client = make_app(MaximumPatientCount=2, ExecuteLuaEnabled=True, **{key: [str(script)]})

    def done() -> list[str]:
        settle(client)
        if language == "python":
            return list(client.app.state.hooks.front_ends[-1].modules[0].deleted)
        answer = client.post("/tools/execute-script", content=b"print(DumpJson(deleted))")
        return json.loads(answer.text or "[]") or []
    return _steps(client, done)


def _expected(steps: list[set[str]]) -> None:
    counts = [sorted(event.split()[0] for event in step) for step in steps]
    assert counts == [["Instance", "Series", "Study"],
                      ["Instance", "Patient", "Series", "Study"],
                      ["Instance", "Patient", "Series", "Study"]]


@pytest.mark.parametrize("language", ["lua", "python"])
def test_deleted_events(make_app, tmp_path: Path, language: str):
    _expected(_lethe_steps(make_app, tmp_path, language))


@pytest.mark.orthanc
def test_deleted_events_as_orthanc(make_app, tmp_path: Path):
    if not orthanc_available():
        pytest.skip("Orthanc is not installed (apt-get install -y orthanc)")
    script = tmp_path / "deleted.lua"
    script.write_text(LUA)
    server = start_orthanc(tmp_path / "orthanc", {"LuaScripts": [str(script)],
                                                  "MaximumPatientCount": 2})

    def done() -> list[str]:
        time.sleep(0.5)
        return re.findall(r"Lua says: DEL (\w+ [0-9a-f-]+)", server.log_text())
    try:
        with server.client() as client:
            theirs = _steps(client, done)
    finally:
        server.stop()
    _expected(theirs)
    assert _lethe_steps(make_app, tmp_path, "lua") == theirs
