"""C-MOVE and C-GET SCP: movescu and getscu against Lethe and Orthanc 1.10.1.

Both deliver the same instances; Lethe sends each as the data set it stored, byte for byte
(Orthanc re-encodes: group lengths dropped, sequences of undefined length made defined), and
transcodes only what the receiver does not accept (as Orthanc does, to the same pixels).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pydicom
import pytest

from lethe.network.encoded import EncodedInstance
from tests.network import dcmtk
from tests.network.nodes import Node, Pair, pair
from tests.support.corpus import sample

FILES = ["Brainix/Flair", "TransferSyntaxes/1.2.840.10008.1.2.dcm",
         "TransferSyntaxes/1.2.840.10008.1.2.2.dcm", "TransferSyntaxes/1.2.840.10008.1.2.4.50.dcm",
         "TransferSyntaxes/1.2.840.10008.1.2.4.70.dcm",
         "TransferSyntaxes/1.2.840.10008.1.2.4.90.dcm",
         "TransferSyntaxes/1.2.840.10008.1.2.1.99.dcm", "SignedCT.dcm"]
BRAINIX_STUDY = "2.16.840.1.113669.632.20.1211.10000357775"


def _files() -> list[Path]:
    found: list[Path] = []
    for name in FILES:
        path = sample(name)
        found += sorted(path.glob("*.dcm")) if path.is_dir() else [path]
    return found


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    with pair(tmp_path_factory.mktemp("retrieve")) as servers:
        for node in (servers.lethe, servers.orthanc):
            with node.client() as client:
                for path in _files():
                    assert client.post("/instances", content=path.read_bytes()).status_code \
                        == 200
        yield servers


def _originals() -> dict[str, EncodedInstance]:
    instances = (EncodedInstance.from_file(path.read_bytes()) for path in _files())
    return {i.sop_instance: i for i in instances}


def _received(folder: Path) -> dict[str, EncodedInstance]:
    instances = (EncodedInstance.from_file(path.read_bytes()) for path in folder.iterdir())
    return {i.sop_instance: i for i in instances}


def _studies(node: Node) -> list[str]:
    with node.client() as client:
        return [s["MainDicomTags"]["StudyInstanceUID"]
                for s in client.get("/studies?expand").json()]


def _move_all(node: Node, port: int, folder: Path) -> dict[str, EncodedInstance]:
    with dcmtk.storescp(port, folder):
        for uid in _studies(node):
            done = dcmtk.move(node.port, dcmtk.TESTER,
                              ["QueryRetrieveLevel=STUDY", f"StudyInstanceUID={uid}"])
            assert done.returncode == 0 and "E: " not in done.stderr, done.stderr
    return _received(folder)


def _same_pixels(first: EncodedInstance, second: EncodedInstance) -> bool:
    one, two = (pydicom.dcmread(pydicom.filebase.DicomBytesIO(i.data)) for i in (first, second))
    return bool((one.pixel_array == two.pixel_array).all())


@pytest.mark.orthanc
def test_move_delivers_the_stored_bytes(loaded: Pair, tmp_path: Path) -> None:
    originals = _originals()
    ours = _move_all(loaded.lethe, loaded.tester_port, tmp_path / "lethe")
    theirs = _move_all(loaded.orthanc, loaded.tester_port, tmp_path / "orthanc")
    assert set(ours) == set(theirs) == set(originals)
    for uid, received in ours.items():
        original = originals[uid]
        if received.transfer_syntax == original.transfer_syntax:
            expected = original.dataset_bytes
            if len(expected) % 2:  # a deflated stream, padded to an even length
                expected += b"\x00"
            assert received.dataset_bytes == expected, uid
        else:  # the receiver refused the original syntax: transcoded as Orthanc does
            assert received.transfer_syntax == theirs[uid].transfer_syntax
            assert _same_pixels(received, theirs[uid])


@pytest.mark.orthanc
def test_get_delivers_the_same_instances(loaded: Pair, tmp_path: Path) -> None:
    originals = _originals()
    folders = {}
    for node in (loaded.lethe, loaded.orthanc):
        folders[node.aet] = tmp_path / node.aet
        folders[node.aet].mkdir()
        done = dcmtk.get(node.port, folders[node.aet],
                         ["QueryRetrieveLevel=STUDY", f"StudyInstanceUID={BRAINIX_STUDY}"])
        assert done.returncode == 0 and "E: " not in done.stderr, done.stderr
    ours, theirs = _received(folders["LETHE"]), _received(folders["ORTHANC"])
    assert set(ours) == set(theirs) and len(ours) == len(list(sample("Brainix/Flair").glob("*")))
    for uid, received in ours.items():
        assert received.dataset_bytes == originals[uid].dataset_bytes


@pytest.mark.orthanc
@pytest.mark.parametrize("level", ["SERIES", "IMAGE"])
def test_move_of_series_and_instances(loaded: Pair, tmp_path: Path, level: str) -> None:
    with loaded.lethe.client() as client:
        instances = client.get("/instances?expand").json()[:3]
    keys = {"SERIES": "SeriesInstanceUID", "IMAGE": "SOPInstanceUID"}
    uids = sorted({i["MainDicomTags"][keys[level]] if level == "IMAGE" else
                   client_series(loaded, i["ParentSeries"]) for i in instances})
    results = {}
    for node in (loaded.lethe, loaded.orthanc):
        with dcmtk.storescp(loaded.tester_port, tmp_path / node.aet):
            done = dcmtk.move(node.port, dcmtk.TESTER, [
                f"QueryRetrieveLevel={level}", f"{keys[level]}={chr(92).join(uids)}"])
            assert done.returncode == 0 and "E: " not in done.stderr, done.stderr
        results[node.aet] = set(_received(tmp_path / node.aet))
    assert results["LETHE"] == results["ORTHANC"] and results["LETHE"]


def client_series(loaded: Pair, series_id: str) -> str:
    with loaded.lethe.client() as client:
        return client.get(f"/series/{series_id}").json()["MainDicomTags"]["SeriesInstanceUID"]


@pytest.mark.orthanc
@pytest.mark.parametrize("case", ["unknown destination", "nothing matches"])
def test_move_failures_as_orthanc(loaded: Pair, case: str) -> None:
    destination, uid = ("NOBODY", BRAINIX_STUDY) if case == "unknown destination" \
        else (dcmtk.TESTER, "1.2.3.4.5.6.7")
    for node in (loaded.lethe, loaded.orthanc):
        done = dcmtk.move(node.port, destination,
                          ["QueryRetrieveLevel=STUDY", f"StudyInstanceUID={uid}"])
        assert "Failed" in done.stderr or "Refused" in done.stderr or done.returncode, \
            (node.aet, done.stderr)
