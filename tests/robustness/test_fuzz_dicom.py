"""Fuzzing of DICOM input against a real ``lethe serve``.

``test_fuzzed_files_get_2xx_or_4xx`` is the fixed-seed, bounded run of the
harness (``tests/robustness/fuzzing.py``; the long run is
``tools/fuzz_dicom.py``): hypothesis draws the mutations of valid seed files,
each mutant is uploaded and, when stored, read back, modified, anonymized
(instance routes and a series job) and deleted. Every problem of the whole
run is collected, then reported at once.

The other tests pin down, one by one, the bugs the fuzzing found (each with
the smallest input that shows it), and bound the memory that lying lengths
can make the server allocate.
"""

from __future__ import annotations

import multiprocessing
import random
import re
import struct
import time
from collections import Counter

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.robustness.consistency import disagreements
from tests.robustness.dicom_mutations import (
    HUGE_LENGTHS,
    REFERENCED_IMAGE_SEQUENCE,
    DrawChooser,
    RandomChooser,
    generated_seed,
    insert_before,
    layout,
    mutate,
    nested_sequences,
    replace_sequence,
    seed_files,
    set_element,
    set_length,
    set_transfer_syntax,
    set_vr,
)
from tests.robustness.fuzzing import FuzzTarget, answer_problem, limit_memory, peak_memory
from tests.support import corpus
from tests.support.servers import start_lethe

EXAMPLES = 200
MEMORY_GROWTH_LIMIT = 64 * 1024 * 1024
ADDRESS_SPACE_LIMIT = 3 << 30  # a runaway allocation fails in the server, not in the machine
ID = re.compile(r"[0-9a-f]{8}(-[0-9a-f]{8}){4}")

# Minimal inputs for the bugs found, all built from one valid generated file.
SEED = generated_seed(True)
DEFLATED = "1.2.840.10008.1.2.1.99"
META_ONLY = SEED[:layout(SEED).dataset_at]
STRAY_ITEM = struct.pack("<HHI", 0xFFFE, 0xE000, 0)
STRAY_DELIMITER = struct.pack("<HHI", 0xFFFE, 0xE0DD, 0)
JUNK_IN_SEQUENCE = struct.pack("<HH2sHI", 0x0008, 0x1140, b"SQ", 0, 0xFFFFFFFF) + \
    b"\x01\x02\x03\x04\x05\x06\x07\x08" + STRAY_DELIMITER


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = start_lethe(tmp_path_factory.mktemp("fuzz"), {"WorkerProcesses": 1})
    limit_memory(srv.process.pid, ADDRESS_SPACE_LIMIT)
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def target(server):
    fuzz = FuzzTarget(server.url)
    yield fuzz
    fuzz.close()


@pytest.fixture(scope="module")
def seeds():
    return seed_files(corpus.SAMPLES)


def summary(problems: list[tuple[str, list[str]]]) -> str:
    """Distinct problems (route and status, IDs folded), most frequent first, each with the
    mutations of its first input."""
    kinds: Counter = Counter()
    example: dict[str, list[str]] = {}
    for problem, done in problems:
        kind = ID.sub("{id}", problem)[:60].split(" '")[0]
        kinds[kind] += 1
        example.setdefault(kind, done)
    return "\n".join(f"{count:4d} x {kind}   e.g. {'; '.join(example[kind])}"
                     for kind, count in kinds.most_common())


def test_fuzzed_files_get_2xx_or_4xx(server, target, seeds):
    problems: list[tuple[str, list[str]]] = []
    baseline = peak_memory(server.process.pid)
    requests, stored = target.requests, target.stored

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def run(data):
        chooser = DrawChooser(data)
        mutant, done = mutate(seeds, chooser)
        found = target.exercise(mutant, chooser)
        problems.extend((problem, done) for problem in found)
        assert server.process.poll() is None, f"the server died on {done}"

    run()
    with server.client() as client:
        assert disagreements(client, server.workdir / "storage") == []
        assert client.get("/instances").json() == []  # every stored mutant was deleted
    assert peak_memory(server.process.pid) - baseline < MEMORY_GROWTH_LIMIT
    stored = target.stored - stored
    assert stored > EXAMPLES // 10  # the mutants reached past the parser
    assert not problems, (f"{EXAMPLES} inputs, {stored} stored, {target.requests - requests} "
                          f"requests; problems:\n{summary(problems)}")


@pytest.mark.usefixtures("samples_dir")  # the generated seeds alone are too few
def test_lying_lengths_do_not_allocate(server, target, seeds):
    """4 GB declared in files of a few KB: every element of every seed in turn."""
    chooser = RandomChooser(random.Random(0))
    target.exercise(seeds[0], chooser)  # warm up: the worker pool is started
    baseline = peak_memory(server.process.pid)
    tried = 0
    for seed in seeds:
        for number, element in enumerate(layout(seed).elements[::4]):
            length = struct.pack("<I", HUGE_LENGTHS[number % 2])
            if element.length_size == 4:
                mutant = seed[:element.length_at] + length + seed[element.value_at:]
            else:  # widen the length field: VR UN, 4-byte length
                mutant = seed[:element.offset + 4] + b"UN\0\0" + length + seed[element.value_at:]
            target.exercise(mutant, chooser)
            tried += 1
    assert server.process.poll() is None
    assert tried > 80
    assert peak_memory(server.process.pid) - baseline < MEMORY_GROWTH_LIMIT


# --- bugs found by the fuzzing ---------------------------------------------------------
def assert_refused(answer) -> None:
    assert answer.status_code == 400, answer.text
    assert answer_problem(answer) is None
    assert answer.json()["OrthancStatus"] == 15  # Bad file format


@pytest.mark.parametrize("body", [META_ONLY, META_ONLY[:140], b"{}", b"\x08\x00"],
                         ids=["meta-only", "meta-truncated", "json", "two-bytes"])
def test_an_empty_data_set_is_refused(lethe, body):
    assert_refused(lethe.post("/instances", content=body))


@pytest.mark.parametrize("body", [
    set_transfer_syntax(SEED, DEFLATED),  # zlib.error: the data set is not deflated
    set_length(SEED, 0x00020000, 3),  # BytesLengthException: group length of 3 bytes
    (SEED[:132 + 4] + b"UN\0\0" + struct.pack("<I", 0x40000000) + SEED[132 + 8:])[:141],
    replace_sequence(SEED, REFERENCED_IMAGE_SEQUENCE, JUNK_IN_SEQUENCE),  # OSError
], ids=["deflate-not-deflated", "group-length-3-bytes", "truncated-UN-meta", "junk-in-sequence"])
def test_parser_errors_are_refused(lethe, body):
    assert_refused(lethe.post("/instances", content=body))


def test_an_unknown_vr_on_a_main_tag_is_refused(lethe):
    assert_refused(lethe.post("/instances", content=set_vr(SEED, 0x00080016, b"XX")))


@pytest.mark.parametrize("number", [b"--5 ", b"\xb2 ", b"\xb9\xb2"], ids=["--5", "²", "¹²"])
def test_a_non_numeric_instance_number_is_served(lethe, number):
    stored = lethe.post("/instances", content=set_element(SEED, 0x00200013, b"IS", number))
    assert stored.status_code == 200, stored.text
    answer = lethe.get(f"/instances/{stored.json()['ID']}")
    assert answer.status_code == 200, answer.text
    assert answer.json()["IndexInSeries"] is None


ACCEPTED_HOSTILE = {  # files that ingest stores although they are broken
    "unknown-transfer-syntax": set_transfer_syntax(SEED, "1.2.3.4"),
    "junk-after-transfer-syntax": set_transfer_syntax(SEED, "1.2.840.10008.1.2.1\0junk"),
    "stray-item": insert_before(SEED, 0x00080060, STRAY_ITEM),
    "stray-delimiter": insert_before(SEED, 0x00080060, STRAY_DELIMITER),
    "odd-length-in-item": set_length(SEED, 0x00080100, 7),
}


def test_sequences_hidden_in_un_elements_are_refused_when_too_deep(lethe):
    """A known sequence stored as UN is parsed like a sequence: 1000 levels are refused."""
    body = replace_sequence(SEED, REFERENCED_IMAGE_SEQUENCE,
                            nested_sequences(1000, False, b"UN", True))
    answer = lethe.post("/instances", content=body)
    assert answer.status_code == 400, answer.text
    assert lethe.get("/instances").json() == []


@pytest.mark.parametrize("name", sorted(ACCEPTED_HOSTILE))
def test_stored_files_are_modified_or_refused(lethe, name):
    stored = lethe.post("/instances", content=ACCEPTED_HOSTILE[name])
    assert stored.status_code == 200, stored.text
    instance, series = stored.json()["ID"], stored.json()["ParentSeries"]
    answers = [lethe.post(f"/instances/{instance}/modify", json={"Replace": {"PatientName": "X"}}),
               lethe.post(f"/instances/{instance}/anonymize", json={}),
               lethe.post(f"/series/{series}/anonymize", json={})]
    assert [answer_problem(a) for a in answers] == [None, None, None]


def test_accepted_hostile_files_keep_their_bytes(lethe):
    """What ingest accepts is stored as received, byte for byte."""
    for body in ACCEPTED_HOSTILE.values():
        stored = lethe.post("/instances", content=body)
        assert stored.status_code == 200
        assert lethe.get(f"/instances/{stored.json()['ID']}/file").content == body
        assert lethe.delete(f"/instances/{stored.json()['ID']}").status_code == 200


def test_deep_nesting_is_refused_or_served(lethe):
    """Sequences nested up to 20000 levels (Orthanc 1.10.1 crashes on such files)."""
    for depth in (64, 1000, 20000):
        for undefined in (False, True):
            for vr in (b"SQ", b"UN"):
                body = replace_sequence(SEED, REFERENCED_IMAGE_SEQUENCE,
                                        nested_sequences(depth, undefined, vr, True))
                answer = lethe.post("/instances", content=body)
                assert answer_problem(answer) is None, (depth, undefined, vr)
                if answer.status_code == 200:
                    instance = answer.json()["ID"]
                    for route in ("/tags", "/simplified-tags", "/header", "/file"):
                        read = lethe.get(f"/instances/{instance}{route}")
                        assert answer_problem(read) is None, (depth, undefined, vr, route)
                    lethe.delete(f"/instances/{instance}")



def test_nesting_below_an_unknown_element_is_bounded(lethe):
    implicit = generated_seed(False)
    nested = bytearray(nested_sequences(1000, False, b"SQ", False))
    level = 16  # bytes per level: element header and item header, implicit VR
    nested[500 * level + 3] = 0x68  # level 500: (0008,1140) becomes the unknown (0008,6840)
    stored = lethe.post("/instances", content=replace_sequence(
        implicit, REFERENCED_IMAGE_SEQUENCE, bytes(nested)))
    assert answer_problem(stored) is None
    if stored.status_code == 200:
        for route in ("/tags", "/tags?simplify", "/header", "/simplified-tags"):
            answer = lethe.get(f"/instances/{stored.json()['ID']}{route}")
            assert answer_problem(answer) is None, route


def transcode_deep_nesting(depth: int, memory_limit: int, answers) -> None:
    """In a child process under an address-space limit: store a file whose UN element
    hides sequences ``depth`` levels deep, then transcode it; put the statuses in
    ``answers``."""
    import resource
    import tempfile

    from starlette.testclient import TestClient

    from lethe.api.app import create_app
    from lethe.config import config_from_dict

    resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    body = replace_sequence(SEED, REFERENCED_IMAGE_SEQUENCE,
                            nested_sequences(depth, False, b"UN", True))
    with tempfile.TemporaryDirectory() as storage, TestClient(
            create_app(config_from_dict({"StorageDirectory": storage})),
            client=("127.0.0.1", 50000), raise_server_exceptions=False) as client:
        stored = client.post("/instances", content=body)
        answers.put(stored.status_code)
        if stored.status_code == 200:
            answer = client.post(f"/instances/{stored.json()['ID']}/modify",
                                 json={"Transcode": "1.2.840.10008.1.2"})
            answers.put(answer.status_code)


def test_transcoding_deep_nesting_is_bounded():
    context = multiprocessing.get_context("spawn")
    answers = context.Queue()
    child = context.Process(target=transcode_deep_nesting, args=(400, 2 << 30, answers))
    child.start()
    deadline, peak = time.monotonic() + 20, 0
    while child.is_alive() and time.monotonic() < deadline and peak < 4 * MEMORY_GROWTH_LIMIT:
        peak = max(peak, peak_memory(child.pid))
        time.sleep(0.05)
    if child.is_alive():
        child.kill()
    child.join()
    statuses = []
    while not answers.empty():
        statuses.append(answers.get())
    assert peak < 4 * MEMORY_GROWTH_LIMIT, f"{peak >> 20} MB and growing, statuses {statuses}"
    assert child.exitcode == 0, f"exit code {child.exitcode}, statuses {statuses}"
    assert statuses and all(status < 500 for status in statuses), statuses


def test_a_group_length_written_as_text_is_served_or_refused(lethe):
    stored = lethe.post("/instances", content=set_vr(SEED, 0x00020000, b"LO"))
    assert answer_problem(stored) is None
    if stored.status_code == 200:
        for route in ("/tags", "/header", "/simplified-tags"):
            answer = lethe.get(f"/instances/{stored.json()['ID']}{route}")
            assert answer_problem(answer) is None, route
