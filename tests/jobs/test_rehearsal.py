"""The engine's rehearsal at process start (lethe.jobs.rehearsal)."""

from __future__ import annotations

import io

import pydicom

from lethe.jobs import rehearsal
from lethe.store.ingest import Origin, describe_received


def test_the_rehearsed_instance_is_a_complete_file():
    data = rehearsal._instance()
    ds = pydicom.dcmread(io.BytesIO(data))
    assert ds.file_meta.TransferSyntaxUID == pydicom.uid.ExplicitVRLittleEndian
    assert len(ds.ReferencedImageSequence) == 1 and ds.PixelData == bytes(8)
    new = describe_received(data, Origin())
    assert new.tags  # main tags rendered, as for an upload


def test_the_rehearsal_runs_the_engine_and_never_raises(monkeypatch):
    calls = []
    real = rehearsal.modify_file
    monkeypatch.setattr(rehearsal, "modify_file",
                        lambda *args: calls.append(args[2].anonymize) or real(*args))
    rehearsal.rehearse()
    assert calls == [True, False]  # an anonymization, then a modification

    def broken(*args):
        raise RuntimeError("broken engine")
    monkeypatch.setattr(rehearsal, "modify_file", broken)
    rehearsal.rehearse()  # logged only
