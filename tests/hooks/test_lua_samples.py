"""Orthanc's Lua samples, unchanged (``tests/hooks/lua_samples``), each with its effect.

The samples that send use the modality ``sample``: a pynetdicom storage SCP of the test.
WriteToDisk.lua and ClassifyUsingAet.lua write under ``/tmp/lua`` (their ``TARGET``); the
tests use patient IDs of their own and remove what they wrote.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest

from tests.hooks.conftest import sample, settle, wait_for
from tests.support.dicomgen import make_dataset, make_file, to_bytes


def test_autorouting(lua_app, storage_scp):
    client = lua_app(sample("Autorouting.lua"))
    ds = make_dataset()
    client.post("/instances", content=to_bytes(ds))
    wait_for(lambda: client.get("/instances").json() == [])  # deleted once sent, by a job
    assert storage_scp.received[0].SOPInstanceUID == ds.SOPInstanceUID

    def kinds() -> list[tuple[str, str]]:
        jobs = [client.get(f"/jobs/{j}").json() for j in client.get("/jobs").json()]
        return [(j["Type"], j["State"]) for j in jobs]
    wait_for(lambda: ("SequenceOfOperations", "Success") in kinds())


def test_autorouting_conditional(lua_app, storage_scp):
    client = lua_app(sample("AutoroutingConditional.lua"))
    client.post("/instances", content=make_file(PatientName="Smith^David"))
    client.post("/instances", content=make_file(PatientName="Doe^John"))
    wait_for(lambda: client.get("/instances").json() == [])  # both deleted
    assert [str(d.PatientName) for d in storage_scp.received] == ["Smith^David"]


@pytest.mark.filterwarnings("ignore:The value length")  # the sample's StationName
def test_autorouting_modification(lua_app, storage_scp):
    client = lua_app(sample("AutoroutingModification.lua"))
    client.post("/instances", content=make_file(StationName="Old", MilitaryRank="Major"))
    wait_for(lambda: storage_scp.received)
    settle(client)
    sent = storage_scp.received[0]
    assert sent.StationName == "My Medical Device"
    assert "MilitaryRank" not in sent
    assert client.get("/instances").json() == []  # the original and the modified deleted


def test_modify_instance_with_sequence(lua_app):
    client = lua_app(sample("ModifyInstanceWithSequence.lua"))
    client.post("/instances", content=make_file())
    settle(client)
    instances = client.get("/instances").json()
    assert len(instances) == 1  # the original deleted, the modified one kept
    tags = client.get(f"/instances/{instances[0]}/tags?simplify").json()
    assert tags["OtherPatientIDsSequence"] == [{"PatientID": "Hello"}, {"PatientID": "World"}]
    assert client.get(f"/instances/{instances[0]}/metadata/Origin").text == "Lua"


def test_on_stable_study(lua_app, caplog):
    client = lua_app(sample("OnStableStudy.lua"))
    client.post("/instances", content=make_file(patient_id="STABLE", StationName="Old"))
    wait_for(lambda: len(client.get("/studies").json()) == 2)
    settle(client)
    studies = [client.get(f"/studies/{s}").json() for s in client.get("/studies").json()]
    modified = [s for s in studies if s["MainDicomTags"]["StudyDescription"] == "Modified study"]
    assert len(modified) == 1
    said = "\n".join(r.getMessage() for r in caplog.records)
    assert "Lua says: Received an instance for patient: STABLE - Doe^John" in said
    assert "Lua says: This study is now stable: " in said
    assert "Lua says: Modified study: " in said
    assert "Lua says: Number of stored studies at initialization: 0" in said


@pytest.fixture
def lua_folder() -> Path:
    """The ``/tmp/lua`` of the samples; what a test wrote there is removed."""
    return Path("/tmp/lua")


def test_write_to_disk(lua_app, lua_folder):
    patient = f"W2D-{uuid.uuid4().hex[:8]}"
    client = lua_app(sample("WriteToDisk.lua"))
    instance = client.post("/instances", content=make_file(
        patient_id=patient, SeriesDescription="Axial")).json()["ID"]
    folder = lua_folder / f"{patient} - Doe_John" / "20240102 - Chest" / "Axial"
    try:
        written = wait_for(lambda: (folder / f"{instance}.dcm").is_file() and
                           (folder / f"{instance}.dcm").read_bytes())
        assert written == client.get(f"/instances/{instance}/file").content
    finally:
        shutil.rmtree(lua_folder / f"{patient} - Doe_John", ignore_errors=True)


def test_classify_using_aet(lua_app, lua_folder):
    patient = f"AET-{uuid.uuid4().hex[:8]}"
    client = lua_app(sample("ClassifyUsingAet.lua"))
    ds = make_dataset(patient_id=patient, SeriesDescription="Axial")
    client.post("/instances", content=to_bytes(ds))
    folder = lua_folder / "None" / "20240102" / f"{patient} - Doe_John - Chest" / "CT - Axial"
    try:
        wait_for(lambda: (folder / f"{ds.SOPInstanceUID}.dcm").is_file())
        settle(client)
        assert client.get("/instances").json() == []  # removed once written
    finally:
        shutil.rmtree(folder.parent.parent, ignore_errors=True)
