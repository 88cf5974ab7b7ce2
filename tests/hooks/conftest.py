"""Fixtures of the hook tests: Lethe apps running scripts, and a DICOM storage SCP."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pydicom.dataset import Dataset

from tests.support.servers import free_port

SAMPLES = Path(__file__).parent / "lua_samples"  # Orthanc's samples, unchanged


def sample(name: str) -> str:
    """The path of one of Orthanc's Lua samples."""
    return str(SAMPLES / name)


def wait_for(condition: Callable[[], object], timeout: float = 10.0) -> object:
    """Poll ``condition`` until it is true; its value (fails on timeout)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("condition not met in time")


def settle(client) -> None:
    """Wait until the hooks delivered every event logged so far."""
    time.sleep(0.3)  # the change log is read every 0.1 s
    assert client.app.state.hooks.wait_idle(20)


@dataclass
class StorageScp:
    """A pynetdicom storage SCP (AET ``SAMPLE``) keeping what it receives."""

    port: int
    received: list[Dataset] = field(default_factory=list)


@pytest.fixture
def storage_scp() -> Iterator[StorageScp]:
    from pynetdicom import AE, AllStoragePresentationContexts, evt

    scp = StorageScp(free_port())

    def handle(event) -> int:
        scp.received.append(event.dataset)
        return 0

    ae = AE(ae_title="SAMPLE")
    ae.supported_contexts = AllStoragePresentationContexts
    server = ae.start_server(("127.0.0.1", scp.port), block=False,
                             evt_handlers=[(evt.EVT_C_STORE, handle)])
    yield scp
    server.shutdown()


@pytest.fixture
def lua_app(make_app, storage_scp):
    """``lua_app(*scripts, **config)``: a Lethe app running Lua scripts, knowing the storage
    SCP as modality ``sample``."""
    def factory(*scripts: str, **options):
        options.setdefault("DicomModalities", {"sample": ["SAMPLE", "127.0.0.1",
                                                          storage_scp.port]})
        options.setdefault("StableAge", 1)
        return make_app(LuaScripts=list(scripts), **options)
    return factory
