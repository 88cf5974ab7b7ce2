"""C-ECHO and C-STORE SCP: storescu and echoscu against Lethe and Orthanc 1.10.1.

Received files go through the ingest of ``POST /instances``: the same Orthanc IDs, the data
set kept byte for byte, Orthanc's ``Origin`` metadata. The refusals are Orthanc's: an unknown
calling AET when nothing is always allowed, a modality that may not store, a transfer syntax
or SOP class not accepted. A broken data set is refused with a failure status, and an
association aborted in the middle of a data set leaves nothing behind.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pynetdicom import AE, build_context
from pynetdicom.dimse_messages import C_STORE_RQ
from pynetdicom.dimse_primitives import C_STORE
from pynetdicom.pdu import P_DATA_TF

from lethe.network.encoded import EncodedInstance, send_c_store
from tests.network import dcmtk
from tests.network.nodes import Pair, lethe_node, pair
from tests.support.corpus import sample

FILES = ("TransferSyntaxes/1.2.840.10008.1.2.dcm", "TransferSyntaxes/1.2.840.10008.1.2.1.dcm",
         "TransferSyntaxes/1.2.840.10008.1.2.2.dcm",
         "TransferSyntaxes/1.2.840.10008.1.2.4.50.dcm", "SignedCT.dcm",
         "Encodings/Lena-latin1.dcm")
ORIGIN_METADATA = ("Origin", "RemoteAET", "RemoteIP", "TransferSyntax", "SopClassUid",
                   "IndexInSeries")


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    """Both servers with the defaults of Orthanc (echo and store always allowed)."""
    with pair(tmp_path_factory.mktemp("store")) as both:
        yield both


@pytest.fixture(scope="module")
def strict(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    """Both servers accepting only known modalities, uncompressed syntaxes and standard
    SOP classes; the modality "readonly" may not store."""
    options = {"DicomAlwaysAllowEcho": False, "DicomAlwaysAllowStore": False,
               "AcceptedTransferSyntaxes": ["1.2.840.10008.1.2", "1.2.840.10008.1.2.1"],
               "UnknownSopClassAccepted": False}
    with pair(tmp_path_factory.mktemp("strict"), options, options) as both:
        for node in (both.lethe, both.orthanc):
            with node.client() as client:
                r = client.put("/modalities/readonly", json={
                    "AET": "READONLY", "Host": "127.0.0.1", "Port": 104, "AllowStore": False})
                assert r.status_code == 200, r.text
        yield both


def _instances(node) -> set[str]:
    with node.client() as client:
        return set(client.get("/instances").json())


def test_echo(servers: Pair) -> None:
    assert dcmtk.echo(servers.lethe.port).returncode == 0


def test_stored_as_by_orthanc(servers: Pair) -> None:
    files = [sample(name) for name in FILES]
    for node in (servers.lethe, servers.orthanc):
        for path in files:  # one storescu each, proposing the file's own SOP class and syntax
            done = dcmtk.store_as_is(node.port, path, called=node.aet)
            assert done.returncode == 0, done.stderr
    ids = _instances(servers.lethe)
    assert ids == _instances(servers.orthanc)
    with servers.lethe.client() as lethe, servers.orthanc.client() as orthanc:
        for path in files:
            original = EncodedInstance.from_file(path.read_bytes())
            found = lethe.post("/tools/lookup", content=original.sop_instance).json()
            instance = next(f["ID"] for f in found if f["Type"] == "Instance")
            ours = lethe.get(f"/instances/{instance}/metadata?expand").json()
            theirs = orthanc.get(f"/instances/{instance}/metadata?expand").json()
            # An empty InstanceNumber: Orthanc records IndexInSeries "", Lethe none.
            assert {k: ours.get(k) or "" for k in ORIGIN_METADATA} == \
                {k: theirs.get(k) or "" for k in ORIGIN_METADATA}
            assert ours["Origin"] == "DicomProtocol" and ours["CalledAET"] == "LETHE"
            assert theirs["CalledAET"] == "ORTHANC"
            assert "HttpUsername" not in ours


def test_data_set_kept_byte_for_byte(servers: Pair) -> None:
    """What arrives is stored as it came (storescu itself re-encodes what it sends, so the
    data sets are sent here as the bytes of the files)."""
    files = [sample(name) for name in (
        "Comunix/Ct/IM-0001-0001.dcm", "TransferSyntaxes/1.2.840.10008.1.2.4.70.dcm",
        "TransferSyntaxes/1.2.840.10008.1.2.4.90.dcm", "TransferSyntaxes/1.2.840.10008.1.2.5.dcm",
        "Encodings/Lena-utf8.dcm", "PrivateTags.dcm")]
    with servers.lethe.client() as lethe:
        for path in files:
            original = EncodedInstance.from_file(path.read_bytes())
            assoc = _association(servers.lethe.port, original.sop_class,
                                 original.transfer_syntax)
            try:
                assert send_c_store(assoc, original) == 0x0000, path.name
            finally:
                assoc.release()
            found = lethe.post("/tools/lookup", content=original.sop_instance).json()
            instance = next(f["ID"] for f in found if f["Type"] == "Instance")
            stored = EncodedInstance.from_file(lethe.get(f"/instances/{instance}/file").content)
            assert stored.dataset_bytes == original.dataset_bytes, path.name
            assert stored.transfer_syntax == original.transfer_syntax


def test_several_associations_at_once(servers: Pair, tmp_path: Path) -> None:
    import concurrent.futures

    files = sorted(sample("Brainix/Flair").glob("*.dcm"))
    with concurrent.futures.ThreadPoolExecutor(4) as threads:
        runs = list(threads.map(lambda part: dcmtk.store(servers.lethe.port, *part),
                                [files[i::4] for i in range(4)]))
    assert all(run.returncode == 0 for run in runs), [run.stderr for run in runs]
    with servers.lethe.client() as lethe:
        series = lethe.get("/series?expand").json()
    assert any(len(s["Instances"]) == len(files) for s in series)


@pytest.mark.parametrize("kind", ["echo", "store"])
def test_unknown_calling_aet_is_rejected(strict: Pair, kind: str) -> None:
    for node in (strict.lethe, strict.orthanc):
        before = _instances(node)
        if kind == "echo":
            done = dcmtk.echo(node.port, aet="STRANGER")
        else:
            done = dcmtk.store(node.port, sample(FILES[1]), aet="STRANGER")
        assert done.returncode != 0, node.aet
        assert "Calling AE Title Not Recognized" in done.stderr, done.stderr
        assert _instances(node) == before


def test_modality_that_may_not_store(strict: Pair) -> None:
    for node in (strict.lethe, strict.orthanc):
        assert dcmtk.echo(node.port, aet="READONLY").returncode == 0
        done = dcmtk.store(node.port, sample(FILES[1]), aet="READONLY")
        assert done.returncode != 0 or "Store Failed" in done.stderr, node.aet
        assert not _instances(node), node.aet


def _accepted(port: int, path: Path) -> bool:
    """Whether the server accepts the SOP class and transfer syntax of ``path`` (a
    pynetdicom association: storescu refuses to send an unknown SOP class)."""
    instance = EncodedInstance.from_file(path.read_bytes())
    ae = AE("TESTER")
    ae.acse_timeout = ae.dimse_timeout = ae.network_timeout = 10
    assoc = ae.associate("127.0.0.1", port, ae_title="ANY-SCP", contexts=[
        build_context(instance.sop_class, [instance.transfer_syntax])])
    try:
        return bool(assoc.is_established and assoc.accepted_contexts)
    finally:
        if assoc.is_established:
            assoc.release()


def test_transfer_syntax_and_sop_class_not_accepted(strict: Pair) -> None:
    jpeg = sample("TransferSyntaxes/1.2.840.10008.1.2.4.50.dcm")
    unknown = sample("UnknownSopClassUid.dcm")
    for node in (strict.lethe, strict.orthanc):
        done = dcmtk.store_as_is(node.port, jpeg)
        assert done.returncode != 0 or "E: " in done.stderr, node.aet
        assert not _accepted(node.port, unknown), node.aet
        assert _accepted(node.port, sample(FILES[1])), node.aet
        assert not _instances(node), node.aet
    assert dcmtk.store_as_is(strict.lethe.port, sample(FILES[1])).returncode == 0


def test_the_listener_settings_change_at_run_time(strict: Pair) -> None:
    jpeg, unknown = (sample("TransferSyntaxes/1.2.840.10008.1.2.4.50.dcm"),
                     sample("UnknownSopClassUid.dcm"))
    for node in (strict.lethe, strict.orthanc):
        with node.client() as client:
            syntaxes = client.put("/tools/accepted-transfer-syntaxes",
                                  json=["1.2.840.10008.1.2", "1.2.840.10008.1.2.1",
                                        "1.2.840.10008.1.2.4.5?"])
            assert client.put("/tools/unknown-sop-class-accepted", content="1").status_code \
                == 200
            assert client.get("/tools/unknown-sop-class-accepted").text == "1"
        assert "1.2.840.10008.1.2.4.50" in syntaxes.json()
        done = dcmtk.store_as_is(node.port, jpeg)
        assert done.returncode == 0 and "E: " not in done.stderr, (node.aet, done.stderr)
        assert _accepted(node.port, unknown), node.aet
    with strict.lethe.client() as lethe, strict.orthanc.client() as orthanc:
        assert lethe.get("/tools/accepted-transfer-syntaxes").json() == \
            orthanc.get("/tools/accepted-transfer-syntaxes").json()
        for client in (lethe, orthanc):
            client.put("/tools/accepted-transfer-syntaxes",
                       json=["1.2.840.10008.1.2", "1.2.840.10008.1.2.1"])
            client.put("/tools/unknown-sop-class-accepted", content="0")


def _association(port: int, sop_class: str, syntax: str):
    ae = AE("TESTER")
    ae.acse_timeout = ae.dimse_timeout = ae.network_timeout = 10
    assoc = ae.associate("127.0.0.1", port, contexts=[build_context(sop_class, [syntax])],
                         ae_title="LETHE")
    assert assoc.is_established
    return assoc


def test_broken_data_sets_are_refused(servers: Pair) -> None:
    original = EncodedInstance.from_file(sample(FILES[1]).read_bytes())
    before = _instances(servers.lethe)
    cases = {
        # the data set stops in the middle of an element: cannot be understood
        0xC000: original.dataset_bytes[:len(original.dataset_bytes) // 2 + 1],
        # the request names another SOP instance than the data set
        0xA900: original.dataset_bytes,
    }
    for expected, data in cases.items():
        uid = original.sop_instance if expected == 0xC000 else "1.2.3.4.5"
        broken = EncodedInstance(data, 0, original.transfer_syntax, original.sop_class, uid)
        assoc = _association(servers.lethe.port, original.sop_class, original.transfer_syntax)
        try:
            assert send_c_store(assoc, broken) == expected
        finally:
            assoc.release()
    assert _instances(servers.lethe) == before


def test_an_aborted_association_leaves_no_partial_instance(servers: Pair) -> None:
    original = EncodedInstance.from_file(sample("Knee/T1/IM-0001-0001.dcm").read_bytes())
    assert len(original.dataset_bytes) > 3 * 16384
    before = _instances(servers.lethe)
    assoc = _association(servers.lethe.port, original.sop_class, original.transfer_syntax)
    request = C_STORE()
    request.MessageID = 1
    request.AffectedSOPClassUID = original.sop_class
    request.AffectedSOPInstanceUID = original.sop_instance
    request.Priority = 0
    request.DataSet = io.BytesIO(original.dataset_bytes)
    message = C_STORE_RQ()
    message.primitive_to_message(request)
    context = assoc.accepted_contexts[0]
    pdus = message.encode_msg(context.context_id, 16384)
    for _ in range(3):  # the command and the start of the data set, then an abort
        pdu = P_DATA_TF()
        pdu.from_primitive(next(pdus))
        assoc.dul.socket.send(pdu.encode())
    time.sleep(0.2)
    assoc.abort()
    time.sleep(0.5)
    assert _instances(servers.lethe) == before
    with servers.lethe.client() as lethe:
        assert lethe.get("/statistics").json()["CountInstances"] == len(before)
    assoc = _association(servers.lethe.port, original.sop_class, original.transfer_syntax)
    try:  # the listener is well: the same instance, sent whole, is stored
        assert send_c_store(assoc, original) == 0x0000
    finally:
        assoc.release()
    assert len(_instances(servers.lethe)) == len(before) + 1


def test_find_from_an_unknown_aet_is_refused(servers: Pair) -> None:
    """C-FIND is not always allowed (``DicomAlwaysAllowFind`` false): the association of an
    unknown AET is accepted (echo is always allowed), its C-FIND aborts it."""
    for node in (servers.lethe, servers.orthanc):
        with pytest.raises(AssertionError):
            dcmtk.find(node.port, ["QueryRetrieveLevel=STUDY", "StudyInstanceUID"],
                       aet="STRANGER")
        dcmtk.find(node.port, ["QueryRetrieveLevel=STUDY", "StudyInstanceUID"])  # TESTER may


def test_called_aet_checked(tmp_path: Path) -> None:
    with lethe_node(tmp_path, {"DicomCheckCalledAet": True}) as node:
        refused = dcmtk.echo(node.port, called="SOMEONE")
        assert refused.returncode != 0 and "Called AE Title Not Recognized" in refused.stderr
        assert dcmtk.echo(node.port, called="LETHE").returncode == 0
        assert dcmtk.echo(node.port, called="lethe").returncode == 0  # AETs ignore case
