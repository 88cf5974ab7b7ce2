"""The filters of C-STORE: ``ReceivedCStoreInstanceFilter`` (Lua) and
``incoming_cstore_instance_filter`` (Python) on the SCP, driven by DCMTK's storescu, and
``OutgoingCStoreInstanceFilter`` / ``outgoing_cstore_instance_filter`` on the SCU side."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.hooks.conftest import settle
from tests.network import dcmtk
from tests.support.dicomgen import make_file
from tests.support.servers import free_port

LUA = """
function ReceivedInstanceFilter(dicom, origin, info)
  return dicom.PatientID ~= 'DROPPED'
end

function ReceivedCStoreInstanceFilter(dicom, origin, info)
  if dicom.PatientID == 'REFUSED' and origin.RequestOrigin == 'DicomProtocol'
     and origin.RemoteAet == 'TESTER' and info.HasPixelData then
    return 0xA700
  end
  return 0
end
"""

PYTHON = """
def received_instance_filter(tags, origin, info):
    return tags["PatientID"] != "DROPPED"

def incoming_cstore_instance_filter(tags, origin, info):
    if tags["PatientID"] == "REFUSED" and origin["RemoteAet"] == "TESTER":
        return 0xA700
    return 0
"""


def _responses(output: str) -> list[str]:
    """The status of each C-STORE response storescu received (``-v``), as it names it."""
    return re.findall(r"Received Store Response \(([^)]*)\)", output)


def _store_four(make_app, tmp_path: Path, **config) -> tuple[list[str], set[str], str]:
    """storescu of four instances (patients KEPT, REFUSED, DROPPED, KEPT2) on one
    association to a Lethe configured with ``config``: the responses, the patients stored,
    and storescu's output."""
    dcmtk.require_dcmtk()
    port = free_port()
    client = make_app(DicomPort=port, DicomBindAddress="127.0.0.1", DicomAet="LETHE", **config)
    files = []
    for patient in ("KEPT", "REFUSED", "DROPPED", "KEPT2"):
        path = tmp_path / f"{patient}.dcm"
        path.write_bytes(make_file(patient_id=patient))
        files.append(path)
    network = client.app.state.network
    network.start()
    try:
        done = dcmtk.store(port, *files, options=("-v", "-nh", "-aec", "LETHE"))
    finally:
        network.stop()
    patients = {client.get(f"/patients/{p}").json()["MainDicomTags"]["PatientID"]
                for p in client.get("/patients").json()}
    return _responses(done.stderr), patients, done.stderr


@pytest.mark.parametrize("language", ["lua", "python"])
def test_received_cstore_instance_filter(make_app, tmp_path: Path, language: str):
    script = tmp_path / ("filter.lua" if language == "lua" else "filter.py")
    script.write_text(LUA if language == "lua" else PYTHON)
    key = "LuaScripts" if language == "lua" else "PythonScripts"
    responses, patients, output = _store_four(make_app, tmp_path, **{key: [str(script)]})
    # one association: the refused instance is answered its status, the others go on;
    # ReceivedInstanceFilter's refusal is answered success (as Orthanc)
    assert responses == ["Success", "Refused: OutOfResources", "Success", "Success"], output
    assert output.count("Requesting Association") == 1
    assert patients == {"KEPT", "KEPT2"}  # neither the refused nor the dropped one stored


def test_broken_cstore_filter_accepts(make_app, tmp_path: Path):
    """A filter that raises or answers no status is logged and accepts the instance."""
    script = tmp_path / "broken.lua"
    script.write_text("""
function ReceivedCStoreInstanceFilter(dicom, origin, info)
  if dicom.PatientID == 'REFUSED' then error('boom') end
  return 'not a status'
end
""")
    responses, patients, output = _store_four(make_app, tmp_path, LuaScripts=[str(script)])
    assert responses == ["Success"] * 4, output
    assert patients == {"KEPT", "REFUSED", "DROPPED", "KEPT2"}


OUTGOING_LUA = """
function OutgoingCStoreInstanceFilter(dicom, destination)
  return not (destination['RemoteAet'] == 'SAMPLE' and destination['RemoteIp'] == '127.0.0.1'
              and dicom.PatientID == 'SKIPPED')
end
"""

OUTGOING_PYTHON = """
def outgoing_cstore_instance_filter(tags, destination):
    return not (destination["RemoteAet"] == "SAMPLE" and tags["PatientID"] == "SKIPPED")
"""


@pytest.mark.parametrize("language", ["lua", "python"])
def test_outgoing_cstore_instance_filter(make_app, storage_scp, tmp_path: Path,
                                         language: str):
    script = tmp_path / ("outgoing.lua" if language == "lua" else "outgoing.py")
    script.write_text(OUTGOING_LUA if language == "lua" else OUTGOING_PYTHON)
    key = "LuaScripts" if language == "lua" else "PythonScripts"
    client = make_app(DicomModalities={"sample": ["SAMPLE", "127.0.0.1", storage_scp.port]},
                      **{key: [str(script)]})
    ids = [client.post("/instances", content=make_file(patient_id=p)).json()["ID"]
           for p in ("SENT", "SKIPPED", "SENT2")]
    r = client.post("/modalities/sample/store", json={"Resources": ids, "Synchronous": True})
    assert r.status_code == 200, r.text
    assert sorted(ds.PatientID for ds in storage_scp.received) == ["SENT", "SENT2"]


def test_outgoing_filter_of_a_store_made_by_a_callback(make_app, storage_scp, tmp_path: Path):
    """A callback holding the interpreter sends by C-STORE: the filter of the same
    interpreter runs on the callback's thread, without waiting for the interpreter."""
    import time

    script = tmp_path / "route.lua"
    script.write_text(OUTGOING_LUA + """
function OnStoredInstance(instanceId, tags, metadata, origin)
  RestApiPost('/modalities/sample/store', instanceId)
end
""")
    client = make_app(DicomModalities={"sample": ["SAMPLE", "127.0.0.1", storage_scp.port]},
                      LuaScripts=[str(script)])
    started = time.monotonic()
    for patient in ("SENT", "SKIPPED"):
        client.post("/instances", content=make_file(patient_id=patient))
    settle(client)
    assert time.monotonic() - started < 8  # no filter waited FILTER_WAIT for the lock
    assert [ds.PatientID for ds in storage_scp.received] == ["SENT"]
