"""The Lua front end: execute-script, the functions offered to scripts, the filters."""

from __future__ import annotations

import logging

from tests.hooks.conftest import settle, wait_for
from tests.support.dicomgen import make_file


def test_execute_script_is_refused_unless_enabled(make_app):
    client = make_app()
    assert client.post("/tools/execute-script", content=b"print(42)").status_code == 403


def test_execute_script_answers_what_it_prints(make_app):
    client = make_app(ExecuteLuaEnabled=True)
    script = (b"print(42) print('a', 1, nil, true) print(DumpJson({1,2,{a='3'}})) "
              b"print(DumpJson({}, true)) print(DumpJson({a='12', b=1.5, c=true}, true)) "
              b"print(DumpJson({a='12', b=1.5, c=true}))")
    answer = client.post("/tools/execute-script", content=script)
    assert answer.status_code == 200
    # Orthanc 1.10.1's answer to the same script
    assert answer.text == ('42\na, 1, nil, true\n[1,2,{"a":3}]\n[]\n'
                           '{"a":"12","b":"1.5","c":true}\n{"a":12,"b":1.5,"c":true}\n')
    assert client.post("/tools/execute-script", content=b"return 42").text == ""


def test_execute_script_error(make_app):
    client = make_app(ExecuteLuaEnabled=True)
    answer = client.post("/tools/execute-script", content=b"error('boom')")
    assert answer.status_code == 500
    body = answer.json()
    assert body["OrthancStatus"] == 2031
    assert body["Details"].startswith('[string "line"]:1: boom')


def test_rest_api_json_and_configuration(make_app):
    client = make_app(ExecuteLuaEnabled=True, Name="Hooked")
    instance = client.post("/instances", content=make_file()).json()["ID"]
    script = (f"local i = ParseJson(RestApiGet('/instances/{instance}')) "
              f"print(i['ID']) print(RestApiGet('/nonexistent')) "
              f"print(GetOrthancConfiguration()['Name']) "
              f"print(RestApiDelete('/instances/{instance}')) "
              f"print(ParseJson('not json')) print(type(GenerateDicomUid()))").encode()
    answer = client.post("/tools/execute-script", content=script)
    assert answer.text == f"{instance}\nnil\nHooked\ntrue\nnil\nstring\n"
    assert client.get("/instances").json() == []


def test_functions_defined_by_execute_script_become_callbacks(make_app):
    client = make_app(ExecuteLuaEnabled=True)
    client.post("/tools/execute-script", content=b"""
        function OnStoredInstance(id, tags, metadata, origin)
           seen = tags['PatientID'] .. '/' .. origin['RequestOrigin'] .. '/' .. metadata['Origin']
        end""")
    client.post("/instances", content=make_file(patient_id="P42"))
    settle(client)
    assert client.post("/tools/execute-script",
                       content=b"print(seen)").text == "P42/RestApi/RestApi\n"


def test_received_instance_filter(tmp_path, make_app):
    script = tmp_path / "filter.lua"
    script.write_text("""
        function ReceivedInstanceFilter(dicom, origin, info)
           return dicom.PatientID ~= 'REFUSED' and origin.RequestOrigin == 'RestApi'
              and info.HasPixelData
        end""")
    client = make_app(LuaScripts=[str(script)])
    refused = client.post("/instances", content=make_file(patient_id="REFUSED"))
    assert refused.status_code == 200
    assert refused.json()["Status"] == "FilteredOut"  # as Orthanc 1.10.1
    assert client.get("/instances").json() == []
    assert client.post("/instances", content=make_file()).json()["Status"] == "Success"


def test_incoming_http_request_filter(tmp_path, make_app):
    script = tmp_path / "filter.lua"
    script.write_text("""
        function IncomingHttpRequestFilter(method, uri, ip, username, headers)
           return not (uri == '/tools/generate-uid' or headers['x-refuse'] == 'yes')
        end""")
    client = make_app(LuaScripts=[str(script)])
    refused = client.get("/tools/generate-uid")
    assert refused.status_code == 403 and refused.content == b""  # as Orthanc 1.10.1
    assert client.get("/system", headers={"X-Refuse": "yes"}).status_code == 403
    assert client.get("/system").status_code == 200


def test_initialize_and_finalize(tmp_path, make_app, caplog):
    script = tmp_path / "life.lua"
    script.write_text("""
        function Initialize() print('studies at start: ' .. #ParseJson(RestApiGet('/studies'))) end
        function Finalize() print('studies at end: ' .. #ParseJson(RestApiGet('/studies'))) end
        """)
    with caplog.at_level(logging.WARNING, logger="lethe.hooks.lua"):
        client = make_app(LuaScripts=[str(script)])
        client.post("/instances", content=make_file())
        client.__exit__(None, None, None)
    said = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Lua says")]
    assert said[-2:] == ["Lua says: studies at start: 0", "Lua says: studies at end: 1"]


def test_heart_beat(tmp_path, make_app):
    script = tmp_path / "beat.lua"
    script.write_text("beats = 0\nfunction OnHeartBeat() beats = beats + 1 end\n")
    client = make_app(LuaScripts=[str(script)], LuaHeartBeatPeriod=1, ExecuteLuaEnabled=True)
    wait_for(lambda: client.post("/tools/execute-script",
                                 content=b"print(beats >= 2)").text == "true\n", 5)


def test_received_instance_filter_on_c_store(tmp_path, make_app):
    from pydicom.dataset import FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian
    from pynetdicom import AE
    from pynetdicom.sop_class import CTImageStorage

    from tests.support.dicomgen import make_dataset
    from tests.support.servers import free_port

    script = tmp_path / "filter.lua"
    script.write_text("""
        function ReceivedInstanceFilter(dicom, origin, info)
           return origin.RequestOrigin == 'DicomProtocol' and origin.RemoteAet == 'SENDER'
              and origin.CalledAet == 'LETHE' and dicom.PatientID ~= 'REFUSED'
        end""")
    port = free_port()
    client = make_app(LuaScripts=[str(script)], DicomPort=port, DicomAet="LETHE",
                      DicomBindAddress="127.0.0.1")
    network = client.app.state.network
    network.start()
    try:
        ae = AE(ae_title="SENDER")
        ae.add_requested_context(CTImageStorage, "1.2.840.10008.1.2.1")
        assoc = ae.associate("127.0.0.1", port, ae_title="LETHE")
        statuses = []
        for patient in ("REFUSED", "ACCEPTED"):
            ds = make_dataset(patient_id=patient)
            ds.file_meta = FileMetaDataset()
            ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
            statuses.append(assoc.send_c_store(ds).Status)
        assoc.release()
    finally:
        network.stop()
    assert statuses == [0, 0]  # as Orthanc: a refused instance is answered success
    instances = client.get("/instances").json()
    assert len(instances) == 1
    assert client.get(f"/instances/{instances[0]}/simplified-tags").json()["PatientID"] == \
        "ACCEPTED"


def test_http_functions(make_app):
    import base64
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    seen: list[tuple[str, str, bytes, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            seen.append((self.command, self.path, self.rfile.read(length),
                         self.headers.get("Authorization", "")))
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"pong")

        do_GET = do_POST = do_PUT = do_DELETE = _answer

        def log_message(self, *args) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        client = make_app(ExecuteLuaEnabled=True)
        answer = client.post("/tools/execute-script", content=f"""
            SetHttpCredentials('user', 'pwd') SetHttpTimeout(2)
            print(HttpGet('{url}/a')) print(HttpPost('{url}/b', 'body', {{}}))
            print(HttpPut('{url}/c', 'x')) print(HttpDelete('{url}/d'))""".encode())
    finally:
        server.shutdown()
    assert answer.text == "pong\npong\npong\ntrue\n"
    token = "Basic " + base64.b64encode(b"user:pwd").decode()
    assert seen == [("GET", "/a", b"", token), ("POST", "/b", b"body", token),
                    ("PUT", "/c", b"x", token), ("DELETE", "/d", b"", token)]


def test_the_other_events(tmp_path, make_app):
    script = tmp_path / "events.lua"
    script.write_text("""
        seen = {}
        local function note(name) return function(id) table.insert(seen, name) end end
        OnStablePatient = note('StablePatient')
        OnStableSeries = note('StableSeries')
        OnUpdatedInstance = note('UpdatedInstance')
        OnDeletedInstance = note('DeletedInstance')
        OnJobSubmitted = note('JobSubmitted')
        OnJobSuccess = note('JobSuccess')
        function OnStableStudy(id, tags, metadata)
           table.insert(seen, 'StableStudy:' .. tags['StudyDescription'])
        end""")
    client = make_app(LuaScripts=[str(script)], StableAge=1, ExecuteLuaEnabled=True)
    stored = client.post("/instances", content=make_file()).json()

    def seen() -> set[str]:
        text = client.post("/tools/execute-script",
                           content=b"print(table.concat(seen, ','))").text.strip()
        return set(text.split(",")) if text else set()
    wait_for(lambda: {"StablePatient", "StableSeries", "StableStudy:Chest"} <= seen(), 10)
    client.put(f"/instances/{stored['ID']}/metadata/1024", content=b"x")
    client.post(f"/studies/{stored['ParentStudy']}/modify",
                json={"Replace": {"StudyDescription": "Y"}})
    wait_for(lambda: {"UpdatedInstance", "JobSubmitted", "JobSuccess"} <= seen(), 10)
    client.delete(f"/instances/{stored['ID']}")  # its changes are forgotten, as in Orthanc
    wait_for(lambda: "DeletedInstance" in seen(), 10)
