"""A worker's chunk of instances: one result per instance, failures in their place."""

from __future__ import annotations

import pickle

from lethe.config import config_from_dict
from lethe.dicom.engine import ModificationContext
from lethe.dicom.levels import Level
from lethe.dicom.request import ModificationRequest
from lethe.dicom.tags import DEFAULT_TAGS
from lethe.dicom.uids import UidMapper
from lethe.errors import ErrorCode, LetheError
from lethe.jobs import worker
from lethe.jobs.worker import Produced, SharedTicket, SharedWork, produce_chunk
from lethe.store.ingest import Origin
from lethe.store.store import Store
from tests.support.dicomgen import make_file


def _ticket(root: str) -> SharedTicket:
    request = ModificationRequest.parse({"Replace": {"StudyDescription": "Chunk"}},
                                        anonymize=False, tags=DEFAULT_TAGS, level=Level.STUDY)
    context = ModificationContext(UidMapper.random("2.25"))
    return SharedTicket.of("chunk-test", SharedWork(root, request, context, Origin()))


def test_a_chunk_gives_one_result_per_instance_in_order(tmp_path):
    store = Store.open(config_from_dict({"StorageDirectory": str(tmp_path / "storage")}))
    stored = [store.store(make_file(sop_uid=f"1.2.3.{n}"), Origin()) for n in range(3)]
    uuids = [store.index.attachment(s.ids.instance).uuid for s in stored]
    store.storage.path(uuids[1]).write_bytes(b"not DICOM")
    sources = (("a", uuids[0]), ("b", uuids[1]), ("c", None), ("d", uuids[2]))
    results = produce_chunk(_ticket(str(store.storage.root)), sources)
    assert [type(r) for r in results] == [Produced, LetheError, LetheError, Produced]
    assert [results[0].source_id, results[3].source_id] == ["a", "d"]
    assert results[1].code is ErrorCode.BAD_FILE_FORMAT
    assert results[2].code is ErrorCode.UNKNOWN_RESOURCE
    assert pickle.loads(pickle.dumps(results))[2].code is ErrorCode.UNKNOWN_RESOURCE


class _Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("cannot pickle this")


def test_an_exception_that_cannot_travel_becomes_an_internal_error():
    sent = worker.sendable(_Unpicklable("details"))
    assert isinstance(sent, LetheError) and sent.code is ErrorCode.INTERNAL_ERROR
    assert "_Unpicklable" in sent.details
    plain = FileNotFoundError("missing")
    assert worker.sendable(plain) is plain
