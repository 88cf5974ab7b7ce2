"""Outputs of a job that never ended are removed when the store opens again."""

from __future__ import annotations

from lethe.config import config_from_dict
from lethe.store.ingest import Origin, identifiers_of, instance_metadata, level_tags, parse_dicom
from lethe.store.model import Attachment, NewInstance
from lethe.store.store import Store
from tests.support.dicomgen import make_file


def job_output(store: Store, data: bytes, job: str) -> NewInstance:
    """A produced instance as a job indexes it: file written first, tagged with its job."""
    ds = parse_dicom(data)
    ids = identifiers_of(ds)
    return NewInstance((ids.patient, ids.study, ids.series, ids.instance), level_tags(ds),
                       instance_metadata(ds, Origin(), None),
                       Attachment(store.storage.write(data), len(data)), job=job)


def test_pending_outputs_are_discarded_at_open(tmp_path):
    config = config_from_dict({"StorageDirectory": str(tmp_path)})
    store = Store.open(config)
    received = store.store(make_file(patient_id="KEEP"), Origin())
    interrupted = job_output(store, make_file(patient_id="JOB1"), "job-1")
    finished = job_output(store, make_file(patient_id="JOB2"), "job-2")
    assert [o.status for o in store.ingest.index_written([interrupted, finished])] == [
        "Success", "Success"]
    store.index.finish_job("job-2")
    assert store.index.pending_outputs() == [interrupted.ids[3]]
    store.close()

    reopened = Store.open(config)
    assert reopened.index.lookup(interrupted.ids[3]) is None
    assert reopened.index.lookup(finished.ids[3]) is not None
    assert reopened.index.lookup(received.ids.instance) is not None
    assert reopened.index.pending_outputs() == []
    assert reopened.check() == (set(), set())
    reopened.close()


def test_an_overwritten_instance_is_never_pending(tmp_path):
    config = config_from_dict({"StorageDirectory": str(tmp_path), "OverwriteInstances": True})
    store = Store.open(config)
    data = make_file(patient_id="SAME")
    store.store(data, Origin())
    output = job_output(store, data, "job-1")
    assert [o.status for o in store.ingest.index_written([output])] == ["Success"]
    assert store.index.pending_outputs() == []
    store.close()
