"""The instance routes' fast paths: the cache of parsed requests, the in-memory answer, and
the streamed answer of large outputs, which must all give what the plain path gives."""

from __future__ import annotations

import io
import json

import pydicom
import pytest

from lethe.api import modify, responses
from lethe.api.modify import ParsedRequestCache
from lethe.dicom.engine import ModificationContext
from lethe.dicom.modify_file import modify_file
from lethe.dicom.request import ModificationRequest
from lethe.dicom.tags import TagDictionary
from lethe.dicom.uids import UidMapper
from lethe.errors import LetheError
from tests.support.dicomgen import make_file

TAGS = TagDictionary.from_config({})
MODIFY_BODY = json.dumps({"Replace": {"StudyDescription": "Étude", "InstitutionName": "Clinic"},
                          "Remove": ["AccessionNumber"]}).encode()
# Keeping the SOP instance UID makes a modification's output depend on the input alone.
DETERMINISTIC_MODIFY = json.dumps({"Replace": {"StudyDescription": "Benchmark"},
                                   "Keep": ["SOPInstanceUID"], "Force": True}).encode()


def parse(body: bytes, anonymize: bool) -> ModificationRequest:
    return ModificationRequest.parse(body, anonymize=anonymize, tags=TAGS, instance_route=True)


def counting_parser(body: bytes, anonymize: bool, calls: list):
    def parser() -> ModificationRequest:
        calls.append((anonymize, body))
        return parse(body, anonymize)
    return parser


def apply(request: ModificationRequest, source: bytes) -> bytes:
    """The modified file, with a fixed UID key and name so that outputs can be compared."""
    out = io.BytesIO()
    context = ModificationContext(UidMapper(b"fixed key"), "Anonymized7", "Lethe test")
    modify_file(source, out, request, context)
    return out.getvalue()


# --- the cache itself -------------------------------------------------------------
def test_same_body_and_route_kind_share_one_parsed_request():
    cache, calls = ParsedRequestCache(), []
    first = cache.get(False, MODIFY_BODY, counting_parser(MODIFY_BODY, False, calls))
    second = cache.get(False, MODIFY_BODY, counting_parser(MODIFY_BODY, False, calls))
    assert second is first
    assert calls == [(False, MODIFY_BODY)]


def test_route_kinds_and_bodies_never_share_an_entry():
    cache, calls = ParsedRequestCache(), []
    anonymization = cache.get(True, b"{}", counting_parser(b"{}", True, calls))
    modification = cache.get(False, b"{}", counting_parser(b"{}", False, calls))
    assert anonymization.anonymize and not modification.anonymize
    spaced = cache.get(False, b"{ }", counting_parser(b"{ }", False, calls))
    assert spaced is not modification
    other = json.dumps({"Replace": {"StudyDescription": "Other"}}).encode()
    replaced = cache.get(False, other, counting_parser(other, False, calls))
    assert replaced.replacements[0].element.value == "Other"
    assert len(calls) == 4 and len(cache) == 4


def test_least_recently_used_entry_goes_first_and_size_is_bounded():
    cache, calls = ParsedRequestCache(size=2), []
    bodies = [json.dumps({"Replace": {"StudyDescription": str(n)}}).encode() for n in range(3)]
    cache.get(False, bodies[0], counting_parser(bodies[0], False, calls))
    cache.get(False, bodies[1], counting_parser(bodies[1], False, calls))
    cache.get(False, bodies[0], counting_parser(bodies[0], False, calls))  # 1 is now oldest
    cache.get(False, bodies[2], counting_parser(bodies[2], False, calls))
    assert len(cache) == 2
    cache.get(False, bodies[0], counting_parser(bodies[0], False, calls))
    cache.get(False, bodies[1], counting_parser(bodies[1], False, calls))
    assert [body for _, body in calls] == [bodies[0], bodies[1], bodies[2], bodies[1]]


def test_large_bodies_and_errors_are_not_kept():
    cache, calls = ParsedRequestCache(max_body=20), []
    cache.get(False, MODIFY_BODY, counting_parser(MODIFY_BODY, False, calls))
    cache.get(False, MODIFY_BODY, counting_parser(MODIFY_BODY, False, calls))
    assert len(calls) == 2 and len(cache) == 0
    for _ in range(2):
        with pytest.raises(LetheError):
            cache.get(False, b"[1]", counting_parser(b"[1]", False, calls))
    assert len(calls) == 4 and len(cache) == 0


@pytest.mark.parametrize("anonymize, body", [(True, b"{}"), (False, MODIFY_BODY),
                                             (True, '{"Replace": {"PatientName": "Zoë"}}'.encode())])
def test_a_cached_request_gives_byte_identical_output(anonymize, body):
    cache = ParsedRequestCache()
    latin1 = make_file()
    utf8 = make_file(SpecificCharacterSet="ISO_IR 192", PatientName="Zoë^Ann")
    cached = cache.get(anonymize, body, lambda: parse(body, anonymize))
    # Used on several files and character sets, the cached request is left as it was.
    outputs = [apply(cache.get(anonymize, body, lambda: pytest.fail("parsed twice")), source)
               for source in (latin1, utf8, latin1, utf8)]
    assert outputs[0] == outputs[2] == apply(parse(body, anonymize), latin1)
    assert outputs[1] == outputs[3] == apply(parse(body, anonymize), utf8)
    assert outputs[0] != outputs[1]
    assert cached == parse(body, anonymize)


# --- over HTTP ----------------------------------------------------------------------
def upload(client, data: bytes) -> str:
    r = client.post("/instances", content=data)
    assert r.status_code == 200, r.text
    return r.json()["ID"]


def test_same_body_on_modify_and_anonymize_routes(lethe):
    rid = upload(lethe, make_file(PatientName="Doe^Jane"))
    names = []
    for route in ("modify", "anonymize", "modify", "anonymize", "anonymize"):
        r = lethe.post(f"/instances/{rid}/{route}", content=b"{}")
        assert r.status_code == 200, r.text
        assert r.headers["content-type"] == "application/dicom"
        assert int(r.headers["content-length"]) == len(r.content)
        names.append(str(pydicom.dcmread(io.BytesIO(r.content)).PatientName))
    # Each anonymization still draws its own Anonymized<N>: the context is never cached.
    assert names[0] == names[2] == "Doe^Jane"
    numbers = [int(name.removeprefix("Anonymized")) for name in names[1::2] + names[4:]]
    assert numbers == sorted(set(numbers)) and len(numbers) == 3


def test_different_bodies_give_their_own_values(lethe):
    rid = upload(lethe, make_file())
    for value in ("First", "Second", "First"):
        body = json.dumps({"Replace": {"StudyDescription": value}})
        r = lethe.post(f"/instances/{rid}/modify", content=body)
        assert pydicom.dcmread(io.BytesIO(r.content)).StudyDescription == value
    assert len(lethe.app.state.parsed_requests) == 2


def test_unknown_instance_is_404_even_with_a_cached_request(lethe):
    rid = upload(lethe, make_file())
    assert lethe.post(f"/instances/{rid}/anonymize", content=b"{}").status_code == 200
    r = lethe.post("/instances/unknown/anonymize", content=b"{}")
    assert r.status_code == 404 and r.json()["OrthancStatus"] == 17


def test_large_files_and_outputs_take_the_streamed_path_with_the_same_bytes(lethe, monkeypatch):
    rid = upload(lethe, make_file(rows=64, columns=64))

    def answer() -> bytes:
        r = lethe.post(f"/instances/{rid}/modify", content=DETERMINISTIC_MODIFY)
        assert r.status_code == 200, r.text
        return r.content
    in_memory = answer()
    assert lethe.post(f"/instances/{rid}/modify", content=DETERMINISTIC_MODIFY).headers[
        "content-length"] == str(len(in_memory))
    assert pydicom.dcmread(io.BytesIO(in_memory)).StudyDescription == "Benchmark"
    monkeypatch.setattr(modify, "SMALL_FILE", 0)  # read from the file, spooled, answered whole
    assert answer() == in_memory
    monkeypatch.setattr(responses, "ANSWER_FROM_MEMORY", 0)  # ... and streamed in chunks
    monkeypatch.setattr(responses, "CHUNK", 1000)
    streamed = lethe.post(f"/instances/{rid}/modify", content=DETERMINISTIC_MODIFY)
    assert "content-length" not in streamed.headers  # a streamed answer
    assert streamed.content == in_memory


@pytest.mark.parametrize("chunk", [1000, "exact", "half"])
def test_stored_file_is_streamed_whole_whatever_the_chunk_size(lethe, monkeypatch, chunk):
    data = make_file(rows=32, columns=32)
    rid = upload(lethe, data)
    sizes = {"exact": len(data), "half": len(data) // 2}
    monkeypatch.setattr(responses, "CHUNK", sizes.get(chunk, chunk))
    r = lethe.get(f"/instances/{rid}/file")
    assert r.status_code == 200
    assert r.content == data
