"""The samples against Orthanc 1.10.1: the same script, the same upload, the same effect."""

from __future__ import annotations

import pytest

from tests.hooks.conftest import sample, settle, wait_for
from tests.support.dicomgen import make_file
from tests.support.servers import orthanc_available, start_orthanc

pytestmark = pytest.mark.orthanc


@pytest.fixture
def oracle_with(tmp_path, storage_scp):
    """``oracle_with(script)``: an Orthanc 1.10.1 running the script, knowing the test's
    storage SCP as modality ``sample``."""
    if not orthanc_available():
        pytest.skip("Orthanc is not installed (apt-get install -y orthanc)")
    started = []

    def start(script: str):
        server = start_orthanc(tmp_path / f"orthanc{len(started)}", {
            "LuaScripts": [script],
            "DicomModalities": {"sample": ["SAMPLE", "127.0.0.1", storage_scp.port]}})
        started.append(server)
        return server.client()
    yield start
    for server in started:
        server.stop()


def _sent(storage_scp) -> dict:
    """What the SCP received, without what differs by nature (UIDs, implementation)."""
    ds = wait_for(lambda: storage_scp.received and storage_scp.received[-1])
    storage_scp.received.clear()
    return {elem.keyword or str(elem.tag): str(elem.value) for elem in ds
            if elem.keyword not in ("SOPInstanceUID", "PixelData")}


@pytest.mark.filterwarnings("ignore:The value length")  # the sample's StationName
def test_autorouting_modification(lua_app, oracle_with, storage_scp):
    upload = make_file(StationName="Old", MilitaryRank="Major")
    oracle = oracle_with(sample("AutoroutingModification.lua"))
    oracle.post("/instances", content=upload)
    theirs = _sent(storage_scp)
    wait_for(lambda: oracle.get("/instances").json() == [])
    lethe = lua_app(sample("AutoroutingModification.lua"))
    lethe.post("/instances", content=upload)
    ours = _sent(storage_scp)
    settle(lethe)
    assert ours == theirs
    assert lethe.get("/instances").json() == []


def test_modify_instance_with_sequence(lua_app, oracle_with):
    upload = make_file()
    oracle = oracle_with(sample("ModifyInstanceWithSequence.lua"))
    oracle.post("/instances", content=upload)

    def modified() -> list[str] | None:
        ids = oracle.get("/instances").json()
        if len(ids) == 1 and oracle.get(f"/instances/{ids[0]}/metadata/Origin").text == "Lua":
            return ids
        return None
    theirs = wait_for(modified)
    lethe = lua_app(sample("ModifyInstanceWithSequence.lua"))
    lethe.post("/instances", content=upload)
    settle(lethe)
    ours = lethe.get("/instances").json()
    assert len(ours) == len(theirs) == 1
    tags = [client.get(f"/instances/{ids[0]}/tags?simplify").json()
            for client, ids in ((oracle, theirs), (lethe, ours))]
    assert tags[0]["OtherPatientIDsSequence"] == tags[1]["OtherPatientIDsSequence"]
