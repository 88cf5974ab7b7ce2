"""``SetStableStatus`` (Orthanc 1.12.9): the book's Lua sample makes CR series stable at
once, and Python hooks have ``api.set_stable_status``."""

from __future__ import annotations

import json
from pathlib import Path

from tests.hooks.conftest import settle, wait_for
from tests.support.dicomgen import make_file

LUA = """
stable = {}
function OnStoredInstance(instanceId, tags, metadata)
  if tags['Modality'] == 'CR' then
    local seriesId = ParseJson(RestApiGet('/instances/' .. instanceId)) ['ParentSeries']
    SetStableStatus(seriesId, true)
  end
end

function OnStableSeries(seriesId, tags, metadata)
  table.insert(stable, seriesId)
end
"""

PYTHON = """
answers = []

def on_stored_instance(api, instance_id, tags, metadata, origin):
    series = api.get(f"/instances/{instance_id}")["ParentSeries"]
    answers.append(api.set_stable_status(series, True))   # True: it was unstable
    answers.append(api.set_stable_status(series, True))   # False: stable already
    answers.append(api.set_stable_status(series, False))  # True: unstable again
    answers.append(api.set_stable_status(series, True))
    try:
        api.set_stable_status(instance_id, True)
    except Exception as exc:
        answers.append(type(exc).__name__)
"""


def _stable_series(client) -> list[str]:
    changes = client.get("/changes", params={"limit": 100}).json()["Changes"]
    return [c["ID"] for c in changes if c["ChangeType"] == "StableSeries"]


def test_lua_sample_makes_cr_series_stable(make_app, tmp_path: Path):
    script = tmp_path / "stable.lua"
    script.write_text(LUA)
    client = make_app(LuaScripts=[str(script)], StableAge=60, ExecuteLuaEnabled=True)
    cr = client.post("/instances", content=make_file(Modality="CR")).json()["ParentSeries"]
    client.post("/instances", content=make_file(Modality="CT"))
    wait_for(lambda: _stable_series(client))
    settle(client)
    assert _stable_series(client) == [cr]  # the CT series waits for StableAge
    answer = client.post("/tools/execute-script", content=b"print(DumpJson(stable))")
    assert json.loads(answer.text) == [cr]


def test_python_set_stable_status(make_app, tmp_path: Path):
    module = tmp_path / "stable.py"
    module.write_text(PYTHON)
    client = make_app(PythonScripts=[str(module)], StableAge=60)
    series = client.post("/instances", content=make_file()).json()["ParentSeries"]
    settle(client)
    answers = client.app.state.hooks.front_ends[0].modules[0].answers
    assert answers == [True, False, True, True, "LetheError"]
    assert _stable_series(client) == [series, series]
