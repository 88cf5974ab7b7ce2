"""A script that raises, loops or re-triggers itself is contained: the error is logged
without patient data, the upload is kept, the server keeps answering."""

from __future__ import annotations

import logging
import time

from lethe.hooks.dispatcher import MAX_GENERATIONS
from tests.hooks.conftest import settle, wait_for
from tests.support.dicomgen import make_file


def _app(make_app, tmp_path, script: str, time_limit: float = 0):
    path = tmp_path / "script.lua"
    path.write_text(script)
    client = make_app(LuaScripts=[str(path)])
    if time_limit:
        client.app.state.lua.time_limit = time_limit
    return client


def test_a_callback_that_raises(make_app, tmp_path, caplog):
    client = _app(make_app, tmp_path, """
        function OnStoredInstance(id, tags) error('cannot route ' .. id) end""")
    with caplog.at_level(logging.ERROR):
        for _ in range(2):
            assert client.post("/instances", content=make_file(
                patient_id="SECRET-ID")).status_code == 200
        settle(client)
    assert len(client.get("/instances").json()) == 2  # kept
    failures = [r.getMessage() for r in caplog.records if "OnStoredInstance failed" in r.getMessage()]
    assert len(failures) == 2  # each event delivered
    assert not any("SECRET-ID" in r.getMessage() or "Doe" in r.getMessage()
                   for r in caplog.records)


def test_a_callback_that_loops(make_app, tmp_path, caplog):
    client = _app(make_app, tmp_path, """
        count = 0
        function OnStoredInstance(id) count = count + 1 while true do end end""",
                  time_limit=1)
    with caplog.at_level(logging.ERROR):
        client.post("/instances", content=make_file())
        time.sleep(0.3)  # the callback is looping now
        started = time.monotonic()
        assert client.post("/instances", content=make_file()).status_code == 200
        assert client.get("/system").status_code == 200
        assert time.monotonic() - started < 1  # the uploads do not wait for the script
        settle(client)
    stopped = [r for r in caplog.records if "longer than 1 seconds" in r.getMessage()]
    assert len(stopped) == 2  # both events delivered, each stopped
    assert len(client.get("/instances").json()) == 2


def test_a_filter_that_loops_accepts(make_app, tmp_path):
    client = _app(make_app, tmp_path, """
        function ReceivedInstanceFilter(dicom) while true do end end""", time_limit=0.5)
    answer = client.post("/instances", content=make_file())
    assert answer.json()["Status"] == "Success"


def test_a_filter_that_raises_accepts(make_app, tmp_path):
    client = _app(make_app, tmp_path, """
        function IncomingHttpRequestFilter() error('broken') end""")
    assert client.get("/system").status_code == 200


def test_a_script_that_triggers_itself(make_app, tmp_path, caplog):
    client = _app(make_app, tmp_path, """
        function OnStoredInstance(id, tags, metadata, origin)
           local modified = RestApiPost('/instances/' .. id .. '/modify',
                                        '{"Replace": {"StationName": "again"}}')
           RestApiPost('/instances', modified)
        end""")
    with caplog.at_level(logging.ERROR):
        client.post("/instances", content=make_file())
        wait_for(lambda: any("re-triggered" in r.getMessage() for r in caplog.records), 30)
        settle(client)
    count = len(client.get("/instances").json())
    assert count == MAX_GENERATIONS + 2  # the upload, then one per generation allowed
    time.sleep(0.5)
    assert len(client.get("/instances").json()) == count  # it stopped


def test_a_filter_triggered_by_a_callback_does_not_deadlock(make_app, tmp_path):
    """OnStoredInstance holds the interpreter and uploads through the REST API in process:
    ReceivedInstanceFilter, of the same interpreter, runs on the callback's thread."""
    client = _app(make_app, tmp_path, """
        filtered = {}
        function ReceivedInstanceFilter(dicom, origin)
           table.insert(filtered, origin.RequestOrigin)
           return true
        end
        function OnStoredInstance(id, tags, metadata, origin)
           if origin.RequestOrigin ~= 'Lua' then
              local copy = RestApiPost('/instances/' .. id .. '/modify',
                                       '{"Replace": {"StationName": "copy"}}')
              RestApiPost('/instances', copy)
           end
        end""", time_limit=5)
    client.post("/instances", content=make_file())
    wait_for(lambda: len(client.get("/instances").json()) == 2)
    settle(client)
    lua = client.app.state.lua
    assert lua.lua.eval("table.concat(filtered, ',')") == b"RestApi,Lua"
