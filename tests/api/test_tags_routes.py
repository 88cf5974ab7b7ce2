"""The routes that show DICOM tags, compared with Orthanc 1.10.1 on the sample corpus:
``/tags`` (PixelData as null), ``/simplified-tags``, ``/header``, ``/content/...``,
``/shared-tags``, ``/module``, ``/module-patient``, ``/instances-tags`` and
``/ordered-slices``; and Orthanc 1.12.4's ``?whole`` on a file with tags after the pixel data.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pydicom
import pytest
from pydicom.data import get_testdata_file
from starlette.testclient import TestClient

from lethe.api.app import create_app
from lethe.config import config_from_dict
from tests.support.corpus import CRASHES_ORTHANC, sample_files
from tests.support.dicomgen import make_dataset, to_bytes
from tests.support.servers import orthanc_available, start_orthanc

PYDICOM_FILES = ["CT_small.dcm", "MR_small.dcm", "rtplan.dcm", "JPEG2000.dcm", "SC_rgb.dcm",
                 "image_dfl.dcm", "emri_small.dcm", "rtstruct.dcm"]
LEAVES_PER_FILE = 12


class Pair:
    """Orthanc and Lethe holding the same files: the IDs of what both stored."""

    def __init__(self, oracle: httpx.Client, lethe: TestClient) -> None:
        self.oracle = oracle
        self.lethe = lethe
        self.instances: list[str] = []  # one per file
        self.first_of_folder: list[str] = []  # one instance per folder of the corpus
        self.parents: dict[str, set[str]] = {"patients": set(), "studies": set(),
                                             "series": set()}

    def both(self, path: str) -> tuple[httpx.Response, httpx.Response]:
        return self.oracle.get(path), self.lethe.get(path)


def _corpus() -> list[Path]:
    files = [get_testdata_file(name, download=False) for name in PYDICOM_FILES]
    return [Path(f) for f in files if f] + [p for p in sample_files()
                                            if p.name not in CRASHES_ORTHANC]


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> Iterator[Pair]:
    if not orthanc_available():
        pytest.skip("Orthanc is not installed (apt-get install -y orthanc)")
    root = tmp_path_factory.mktemp("tags")
    server = start_orthanc(root / "orthanc")
    app = create_app(config_from_dict({"StorageDirectory": str(root / "lethe"),
                                       "WorkerProcesses": 1}))
    with server.client() as oracle, \
            TestClient(app, client=("127.0.0.1", 50000)) as lethe:
        found = Pair(oracle, lethe)
        folders: set[Path] = set()
        for path in _corpus():
            data = path.read_bytes()
            theirs, ours = oracle.post("/instances", content=data), \
                lethe.post("/instances", content=data)
            if theirs.status_code != 200 or ours.status_code != 200:
                continue
            answer = theirs.json()
            assert ours.json()["ID"] == answer["ID"]
            found.instances.append(answer["ID"])
            if path.parent not in folders or path.parent == samples_dir:
                folders.add(path.parent)
                found.first_of_folder.append(answer["ID"])
            for collection, key in (("patients", "ParentPatient"), ("studies", "ParentStudy"),
                                    ("series", "ParentSeries")):
                found.parents[collection].add(answer[key])
        assert len(found.first_of_folder) > 30
        yield found
    server.stop()


def _same_json(pair: Pair, path: str) -> None:
    theirs, ours = pair.both(path)
    assert ours.status_code == theirs.status_code, (path, ours.text[:300])
    if theirs.status_code == 200:
        assert ours.json() == theirs.json(), path


@pytest.mark.orthanc
def test_tags_header_and_content_listing_match_orthanc(pair: Pair):
    routes = ("/tags", "/tags?simplify", "/tags?short", "/simplified-tags", "/header",
              "/header?simplify", "/header?short", "/content")
    for instance_id in pair.first_of_folder:
        for route in routes:
            _same_json(pair, f"/instances/{instance_id}{route}")


@pytest.mark.orthanc
def test_pixel_data_is_listed_as_null(pair: Pair):
    instance_id = pair.first_of_folder[0]
    tags = pair.lethe.get(f"/instances/{instance_id}/tags").json()
    assert tags["7fe0,0010"] == {"Name": "PixelData", "Type": "Null", "Value": None}
    assert pair.lethe.get(f"/instances/{instance_id}/tags?simplify").json()["PixelData"] is None


def _leaves_and_sequences(listing: list[str], shown: dict) -> tuple[list[str], list[str]]:
    """Some leaf tags (``gggg-eeee``) and every sequence of a data set."""
    sequences = [t for t in listing if (shown.get(t.replace("-", ",")) or {}).get("Type")
                 == "Sequence"]
    leaves = [t for t in listing if t not in sequences]
    return leaves[:LEAVES_PER_FILE] + [t for t in leaves if t.startswith("7fe0")], sequences


@pytest.mark.orthanc
def test_raw_content_matches_orthanc(pair: Pair):
    compared = 0
    for instance_id in pair.first_of_folder:
        base = f"/instances/{instance_id}/content"
        listing = pair.oracle.get(base).json()
        shown = pair.oracle.get(f"/instances/{instance_id}/tags").json()
        leaves, sequences = _leaves_and_sequences(listing, shown)
        paths = [f"{base}/{t}" for t in leaves]
        for sequence in sequences[:3]:
            paths += [f"{base}/{sequence}", f"{base}/{sequence}/0", f"{base}/{sequence}/99"]
            items = pair.oracle.get(f"{base}/{sequence}/0")
            if items.status_code == 200:
                paths += [f"{base}/{sequence}/0/{t}" for t in items.json()[:4]]
        paths += [f"{base}/0010-9999", f"{base}/0010-0010/0"]
        for path in paths:
            theirs, ours = pair.both(path)
            assert ours.status_code == theirs.status_code, path
            if theirs.status_code == 200:
                if theirs.headers["content-type"].startswith("application/json"):
                    assert ours.json() == theirs.json(), path
                else:
                    assert ours.content == theirs.content, path
                compared += 1
    assert compared > 300


@pytest.mark.orthanc
def test_content_accepts_every_form_of_tag(pair: Pair):
    instance_id = pair.first_of_folder[0]
    expected = pair.oracle.get(f"/instances/{instance_id}/content/0010-0010").content
    for form in ("0010-0010", "0010,0010", "00100010", "PatientName"):
        assert pair.lethe.get(f"/instances/{instance_id}/content/{form}").content == expected
    assert pair.lethe.get(f"/instances/{instance_id}/content/NoSuchName").status_code == 400


@pytest.mark.orthanc
def test_shared_tags_modules_and_instances_tags_match_orthanc(pair: Pair):
    routes = {"patients": ("/shared-tags", "/module"),
              "studies": ("/shared-tags?simplify", "/module?short", "/module-patient?simplify"),
              "series": ("/shared-tags", "/shared-tags?short", "/module?simplify",
                         "/instances-tags?simplify")}
    for collection, ids in pair.parents.items():
        for rid in sorted(ids):
            for route in routes[collection]:
                _same_json(pair, f"/{collection}/{rid}{route}")
    for instance_id in pair.first_of_folder:
        _same_json(pair, f"/instances/{instance_id}/module")


@pytest.mark.orthanc
def test_ordered_slices_match_orthanc(pair: Pair):
    for series_id in sorted(pair.parents["series"]):
        path = f"/series/{series_id}/ordered-slices"
        theirs, ours = pair.both(path)
        if theirs.status_code == 200:
            assert ours.status_code == 200, path
            assert ours.json() == theirs.json(), path
        else:  # Orthanc: 500 "Unable to order the slices"; Lethe: 400
            assert ours.status_code == 400, path
            assert ours.json()["OrthancStatus"] == theirs.json()["OrthancStatus"]


@pytest.mark.orthanc
def test_long_values_with_ignore_length(pair: Pair):
    long_ones = [(instance_id, key) for instance_id in pair.first_of_folder
                 for key, node in pair.oracle.get(f"/instances/{instance_id}/tags").json().items()
                 if node["Type"] == "TooLong"]
    assert long_ones
    for instance_id, key in long_ones[:3]:
        tag = key.replace(",", "")
        for route in (f"/tags?ignore-length={tag}", f"/tags?simplify&ignore-length={tag}",
                      f"/module?ignore-length={tag}"):
            _same_json(pair, f"/instances/{instance_id}{route}")
    # The list is split at commas: "0010,0010" names two things that are no tags (Orthanc:
    # 500 without details).
    answer = pair.lethe.get(f"/instances/{long_ones[0][0]}/tags?ignore-length=0010,0010")
    assert answer.status_code == 400 and "0010" in answer.json()["Details"]


def _file_with_tags_after_pixel_data() -> bytes:
    ds = make_dataset(patient_id="WHOLE")
    ds.add_new(0x8E050010, "LO", "XEOS_Attributes")
    ds.add_new(0x8E051000, "LO", "acquisition")
    ds.add_new(0x8E051001, "LO", "specimen")
    return to_bytes(ds)


def test_whole_shows_the_tags_after_the_pixel_data(lethe):
    """Orthanc 1.12.4: ``?whole`` reads past the pixel data (Orthanc's integration test
    ``test_tags_after_pixel_data``)."""
    instance_id = lethe.post("/instances", content=_file_with_tags_after_pixel_data()
                             ).json()["ID"]
    base = f"/instances/{instance_id}"
    assert "8e05,1000" not in lethe.get(f"{base}/tags").json()
    whole = lethe.get(f"{base}/tags?whole").json()
    assert whole["8e05,0010"]["Value"] == "XEOS_Attributes"
    assert whole["8e05,1000"]["Value"] == "acquisition"
    assert lethe.get(f"{base}/tags?short&whole").json()["8e05,1001"] == "specimen"
    assert "8e05,1000" not in lethe.get(f"{base}/tags?full").json()
    assert "Unknown Tag & Data" in lethe.get(f"{base}/simplified-tags?whole").json()
    assert "Unknown Tag & Data" not in lethe.get(f"{base}/tags?simplify").json()
    assert lethe.get(f"{base}/tags?whole=maybe").status_code == 400


def test_pixel_data_blocks_of_an_encapsulated_file(lethe):
    path = get_testdata_file("JPEG2000.dcm", download=False)
    if path is None:
        pytest.skip("pydicom's test file JPEG2000.dcm not found at pydicom.data")
    instance_id = lethe.post("/instances", content=Path(path).read_bytes()).json()["ID"]
    blocks = lethe.get(f"/instances/{instance_id}/content/7fe0-0010").json()
    assert blocks == ["0", "1"]  # the Basic Offset Table, then the one fragment
    fragment = lethe.get(f"/instances/{instance_id}/content/7fe0-0010/1").content
    frame = next(pydicom.encaps.generate_frames(
        pydicom.dcmread(path).PixelData, number_of_frames=1))
    assert fragment == frame
    assert lethe.get(f"/instances/{instance_id}/content/7fe0-0010/2").status_code == 404
    assert lethe.get(f"/instances/{instance_id}/content/7fe0-0010/x").status_code == 404
