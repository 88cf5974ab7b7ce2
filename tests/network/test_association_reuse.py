"""``DicomAssociationCloseDelay``: Lua's ``SendToModality`` keeps its association open between
sends for that many seconds (one association for several instances), as Orthanc; REST
``/modalities/{m}/store`` opens one association a call. Counted at a pynetdicom SCP."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pynetdicom import AE, AllStoragePresentationContexts, evt

from tests.support.corpus import sample
from tests.support.servers import free_port

LUA = """
function OnStoredInstance(instanceId, tags, metadata, origin)
  SendToModality(instanceId, "scp")
end
"""


@dataclass
class CountingScp:
    """A storage SCP that counts the associations it accepted and released."""

    port: int
    established: int = 0
    released: int = 0
    stored: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def on(self, name: str) -> None:
        with self.lock:
            setattr(self, name, getattr(self, name) + 1)


@pytest.fixture
def scp() -> Iterator[CountingScp]:
    found = CountingScp(free_port())
    ae = AE("COUNTER")
    ae.supported_contexts = AllStoragePresentationContexts

    def store(event: evt.Event) -> int:
        found.stored.append(str(event.request.AffectedSOPInstanceUID))
        return 0

    server = ae.start_server(("127.0.0.1", found.port), block=False, evt_handlers=[
        (evt.EVT_ESTABLISHED, lambda event: found.on("established")),
        (evt.EVT_RELEASED, lambda event: found.on("released")),
        (evt.EVT_C_STORE, store)])
    yield found
    server.shutdown()


def _files(count: int) -> list[bytes]:
    return [path.read_bytes() for path in sorted(sample("Brainix/Flair").glob("*.dcm"))[:count]]


def _wait(condition, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.05)


def _lethe(make_app, tmp_path: Path, scp: CountingScp, delay: int):
    script = tmp_path / "forward.lua"
    script.write_text(LUA)
    return make_app(LuaScripts=[str(script)], DicomServerEnabled=False,
                    DicomAssociationCloseDelay=delay,
                    DicomModalities={"scp": ["COUNTER", "127.0.0.1", scp.port]})


def test_lua_sends_share_one_association(make_app, tmp_path, scp) -> None:
    """A burst of instances, each forwarded by a Lua job of its own: one association, and
    no Lua job waits for a job slot that other Lua jobs hold (``ConcurrentJobs`` 2)."""
    lethe = _lethe(make_app, tmp_path, scp, delay=4)  # room for a loaded machine
    for data in _files(6):
        assert lethe.post("/instances", content=data).status_code == 200
    _wait(lambda: len(scp.stored) == 6)
    assert scp.established == 1 and scp.released == 0
    _wait(lambda: scp.released == 1, timeout=10)  # released once idle for 4 s


def test_no_delay_closes_each_time(make_app, tmp_path, scp) -> None:
    lethe = _lethe(make_app, tmp_path, scp, delay=0)
    for sent, data in enumerate(_files(2), start=1):
        assert lethe.post("/instances", content=data).status_code == 200
        _wait(lambda sent=sent: scp.released == len(scp.stored) == sent)
    assert (scp.established, scp.released, len(scp.stored)) == (2, 2, 2)


def test_rest_store_opens_an_association_per_call(make_app, scp) -> None:
    lethe = make_app(DicomServerEnabled=False, DicomAssociationCloseDelay=5,
                     DicomModalities={"scp": ["COUNTER", "127.0.0.1", scp.port]})
    for data in _files(2):
        instance = lethe.post("/instances", content=data).json()["ID"]
        answer = lethe.post("/modalities/scp/store", json={"Resources": [instance]})
        assert answer.status_code == 200, answer.text
    _wait(lambda: scp.released == 2)
    assert scp.established == 2
