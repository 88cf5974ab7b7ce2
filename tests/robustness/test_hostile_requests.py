"""Security of the REST API against hostile requests (extends ``tests/api/test_security.py``).

- every route, with path traversal (plain and URL-encoded), NUL bytes, very
  long values and markup in each of its path parameters, next to real IDs;
- un-normalized ``..`` segments, NUL bytes and huge URLs sent raw to a real server;
- ``MaximumRequestSize`` for chunked, gzip and ZIP bodies, and bodies that
  cost far more to parse than their size;
- no patient data in the server's log at the default level;
- the XSS sample is served as data (JSON, DICOM, octets), never as HTML;
- HTTP details: ``Allow`` on 405, keep-alive after a 500, metadata names.
"""

from __future__ import annotations

import gzip
import io
import json
import socket
import threading
import time
import zipfile

import httpx
import pydicom
import pytest
import uvicorn
from starlette.routing import Mount, Route

from lethe.api.app import create_app
from lethe.config import config_from_dict
from tests.robustness.dicom_mutations import set_transfer_syntax, set_vr
from tests.robustness.fuzzing import answer_problem
from tests.support import corpus
from tests.support.dicomgen import make_file
from tests.support.servers import free_port, start_lethe

XSS_SAMPLE = corpus.SAMPLES / "2017-06-27-XSSInjection.dcm"
HOSTILE_VALUES = [
    "../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "..%252F..%252Fetc%252Fpasswd", "..\\..\\..\\etc\\passwd", "%00", "a%00b",
    "x" * 20000, "<script>alert(1)</script>", "'; DROP TABLE resources; --", "%ff%fe",
    "0010-0010%00",  # Unicode digits: test_metadata_names_with_unicode_digits
]
DATA_TYPES = ("application/json", "application/dicom", "application/octet-stream",
              "application/zip", "application/gzip", "application/pdf", "image/png")
LEVEL_WORDS = {"patients": "studies", "studies": "series", "series": "instances",
               "instances": "patient"}
SECRETS = ("Zyxwv", "Sekret", "PID-SEKRET-77")


def templates(app) -> list[tuple[str, str]]:
    """(method, path template) of every route, one per level for ``{level}`` routes."""
    found = []
    for route in app.routes:
        if isinstance(route, Mount):  # static files (the web interface): one of them
            found.append(("GET", route.path + "/index.html"))
            continue
        assert isinstance(route, Route)
        for method in sorted((route.methods or set()) - {"HEAD"}):
            levels = route.param_convertors["level"].regex.split("|") \
                if "level" in route.param_convertors else [None]
            for level in levels:
                path = route.path.replace("{level:level}", level or "")\
                    .replace("{level:owner}", level or "")
                path = path.replace("{relative:relative}", LEVEL_WORDS.get(level or "", ""))
                found.append((method, path.replace("{path:path}", "{path}")))
    return found


def fill(template: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        template = template.replace("{" + name + "}", value)
    return template


@pytest.fixture
def stored(lethe):
    """The app with the XSS sample stored; (client, {collection: ID})."""
    answer = lethe.post("/instances", content=corpus.require(XSS_SAMPLE).read_bytes())
    assert answer.status_code == 200
    body = answer.json()
    ids = {"patients": body["ParentPatient"], "studies": body["ParentStudy"],
           "series": body["ParentSeries"], "instances": body["ID"]}
    return lethe, ids


def real_values(template: str, ids: dict[str, str]) -> dict[str, str]:
    collection = template.split("/")[1]
    return {"id": ids.get(collection, "x"), "name": "1024", "label": "ok", "path": "0010-0010"}


# --- hostile path parameters ----------------------------------------------------------
def test_hostile_path_parameters_on_every_route(stored, tmp_path):
    client, ids = stored
    tried = 0
    for method, template in templates(client.app):
        for parameter in ("id", "name", "label", "path"):
            if "{" + parameter + "}" not in template:
                continue
            for value in HOSTILE_VALUES:
                values = real_values(template, ids) | {parameter: value}
                answer = client.request(method, fill(template, values), json={})
                tried += 1
                where = (method, template, parameter, value[:40])
                assert answer_problem(answer) is None, where
                assert answer.status_code >= 400 or parameter == "path", where
                assert b"root:" not in answer.content, where
    assert tried > 300
    # The real resources are untouched, and nothing was written outside the storage area.
    assert client.get(f"/instances/{ids['instances']}/file").content == XSS_SAMPLE.read_bytes()
    assert not (tmp_path / "etc").exists()


def raw_get(port: int, target: bytes) -> tuple[int, bytes]:
    """Send ``GET target`` exactly as given (no normalization); (status, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: lethe\r\nConnection: close\r\n\r\n")
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = start_lethe(tmp_path_factory.mktemp("hostile"), {"MaximumRequestSize": 1 << 20})
    yield srv
    srv.stop()


def test_raw_dot_segments_and_huge_urls_on_a_real_server(server):
    with server.client() as client:
        instance = client.post("/instances", content=make_file()).json()["ID"]
    targets = [b"/../../../../etc/passwd", b"/instances/../../../../etc/passwd",
               b"/instances/" + instance.encode() + b"/content/../../../../etc/passwd",
               b"/instances/" + instance.encode() + b"/content/..%2f..%2f..%2fetc%2fpasswd",
               b"/instances/%00/file", b"/instances/" + b"a" * 100_000 + b"/file",
               b"/tools/lookup?" + b"x" * 100_000]
    for target in targets:
        status, body = raw_get(server.port, target)
        assert 400 <= status < 500, (target[:60], status)
        assert b"root:" not in body
        if len(target) < 10_000:  # past the HTTP parser's limits uvicorn answers by itself
            assert json.loads(body)["HttpStatus"] == status
    assert raw_get(server.port, b"/system")[0] == 200


def test_nul_bytes_in_values(stored):
    client, ids = stored
    instance = ids["instances"]
    assert client.put(f"/instances/{instance}/metadata/1024", content=b"a\x00b").status_code == 200
    assert client.get(f"/instances/{instance}/metadata/1024").content == b"a\x00b"
    assert client.post("/tools/lookup", content=b"1.2\x003").json() == []
    found = client.post("/tools/find", json={"Level": "Patient", "Query": {"PatientID": "\x00*"}})
    assert found.status_code == 200 and found.json() == []
    assert client.put(f"/instances/{instance}/labels/a%00b").status_code == 400


# --- body size -----------------------------------------------------------------------
def chunks(size: int):
    for _ in range(size // 1000):
        yield b"x" * 1000


def test_chunked_bodies_obey_the_size_limit(make_app, server):
    client = make_app(MaximumRequestSize=10_000)
    for path in ("/instances", "/tools/find", "/tools/lookup"):
        answer = client.post(path, content=chunks(50_000))  # no Content-Length: chunked
        assert answer.status_code == 413, path
        assert answer.json()["OrthancStatus"] == 3001
    with httpx.Client(base_url=server.url, timeout=30) as real:
        answer = real.post("/instances", content=chunks(3 << 20))  # limit: 1 MB
        assert answer.status_code == 413
        assert real.get("/system").status_code == 200


def test_gzip_bodies_obey_the_size_limit_once_inflated(make_app):
    client = make_app(MaximumRequestSize=1 << 20)
    bomb = gzip.compress(b"\xff" * (64 << 20), compresslevel=9)
    assert len(bomb) < 100_000
    answer = client.post("/instances", content=bomb, headers={"Content-Encoding": "gzip"})
    assert answer.status_code == 413


def test_zip_members_obey_the_size_limit(make_app):
    client = make_app(MaximumRequestSize=1 << 20)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("a.dcm", b"\xff" * (64 << 20))
    assert len(archive.getvalue()) < 100_000
    answer = client.post("/instances", content=archive.getvalue())
    assert answer.status_code == 413


def test_a_body_of_zeros_is_refused_quickly(lethe):
    body = b"\0" * 128 + b"DICM" + b"\0" * (4 << 20)
    started = time.monotonic()
    answer = lethe.post("/instances", content=body)
    assert answer.status_code == 400
    assert time.monotonic() - started < 1.5


# --- logs ------------------------------------------------------------------------------
def test_patient_data_never_reaches_the_log(tmp_path):
    """At the default log level, through normal work, failing jobs and hostile files."""
    data = make_file(patient_id="PID-SEKRET-77", PatientName="Zyxwv^Sekret",
                     StudyDescription="Sekret study", InstitutionName="Sekret Hospital")
    hostile = [set_vr(data, 0x00100010, b"UL"), set_vr(data, 0x00100020, b"SQ"),
               set_transfer_syntax(data, "1.2.3.4"), data[:700]]
    server = start_lethe(tmp_path)
    try:
        with server.client() as client:
            body = client.post("/instances", content=data).json()
            instance, series = body["ID"], body["ParentSeries"]
            for route in ("", "/tags", "/simplified-tags", "/header", "/content/0010-0010"):
                assert client.get(f"/instances/{instance}{route}").status_code == 200
            for path, request in (("modify", {"Replace": {"StudyDescription": "changed"}}),
                                  ("modify", {"Replace": {"PatientBirthDate": "Sekret"}}),
                                  ("anonymize", {}), ("anonymize", {"Keep": ["PatientName"]})):
                client.post(f"/instances/{instance}/{path}", json=request)
                client.post(f"/series/{series}/{path}", json=request)
            client.post("/tools/find", json={"Level": "Instance", "Expand": True,
                                             "Query": {"PatientName": "Zyxwv*"}})
            client.post("/tools/lookup", content=b"PID-SEKRET-77")
            client.get(f"/patients/{body['ParentPatient']}")
            for file in hostile:  # rejected, or stored and failing later in a job
                answer = client.post("/instances", content=file)
                if answer.status_code == 200:
                    client.post(f"/series/{answer.json()['ParentSeries']}/anonymize", json={})
    finally:
        server.stop()
    log = server.log_text()
    assert "job" in log  # the log was captured
    leaks = [line for line in log.splitlines() if any(s in line for s in SECRETS)]
    assert leaks == []


# --- XSS -------------------------------------------------------------------------------
def test_the_xss_sample_is_served_as_data(stored):
    client, ids = stored
    original = pydicom.dcmread(XSS_SAMPLE, stop_before_pixels=True)
    answered = 0
    for method, template in templates(client.app):
        if method != "GET" or "{label}" in template:
            continue
        values = real_values(template, ids) | {"name": "SopClassUid"}
        answer = client.get(fill(template, values))
        if answer.status_code != 200:
            continue
        answered += 1
        kind = answer.headers["content-type"].split(";")[0]
        plain_ok = ("/metadata/" in template or template.startswith("/tools/")
                    or template.endswith(("/matlab", "/protected"))
                    or "/attachments/" in template)  # where Orthanc answers plain text
        script = template == "/plugins/explorer.js" and kind == "application/javascript"
        # the web interface: static files holding no data (it reads the data as JSON)
        static = template in ("/", "/ui", "/app/explorer.html") or template.startswith("/ui/")
        assert kind in DATA_TYPES or (plain_ok and kind == "text/plain") or script or static, \
            (template, kind)
        if kind == "application/json":
            json.loads(answer.text)  # well-formed: every quote and backslash escaped
    assert answered > 30
    simplified = client.get(f"/instances/{ids['instances']}/simplified-tags").json()
    for keyword in ("PatientName", "StudyDescription", "SeriesDescription"):
        assert simplified[keyword] == str(original.data_element(keyword).value)
    assert "<script>" in simplified["PatientName"]  # data kept as sent, never rewritten
    answer = client.get("/instances/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert answer.headers["content-type"].startswith("application/json")
    assert json.loads(answer.text)["Uri"].startswith("/instances/<script>")


# --- HTTP details --------------------------------------------------------------------------
def test_metadata_names_with_unicode_digits(stored):
    client, ids = stored
    answer = client.put(f"/instances/{ids['instances']}/metadata/%C2%B2", content=b"x")
    assert answer_problem(answer) is None


def test_method_not_allowed_lists_every_method(lethe):
    for path, methods in (("/instances", {"GET", "POST"}),
                          ("/instances/x", {"GET", "DELETE"}),
                          ("/patients/x/metadata/1024", {"GET", "PUT", "DELETE"})):
        answer = lethe.request("PATCH", path)
        assert answer.status_code == 405
        assert {m.strip() for m in answer.headers["allow"].split(",")} - {"HEAD"} == methods


def failing(request):
    raise RuntimeError("a bug")


def read_response(sock: socket.socket) -> tuple[bytes, bytes]:
    """One HTTP response with a Content-Length: (head, body)."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                  if line.lower().startswith(b"content-length:"))
    while len(body) < length:
        body += sock.recv(65536)
    return head, body


def test_a_500_announces_that_it_closes_the_connection(tmp_path):
    app = create_app(config_from_dict({"StorageDirectory": str(tmp_path)}))
    app.add_route("/test-failure", failing)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.01)
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"GET /test-failure HTTP/1.1\r\nHost: lethe\r\n\r\n")
            head, _ = read_response(sock)
            assert head.startswith(b"HTTP/1.1 500")
            try:
                closed = sock.recv(1) == b""
            except TimeoutError:
                closed = False  # kept open: fine
        assert not closed or b"connection: close" in head.lower()
    finally:
        server.should_exit = True
        thread.join(timeout=15)
