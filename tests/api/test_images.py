"""Decoded images: every instance of the sample corpus rendered by Lethe and by Orthanc 1.10.1,
compared pixel by pixel (previews, rendered frames with and without windowing and resizing,
truncated images, numpy arrays, raw frames, PDF), and the refusals."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import numpy as np
import pydicom
import pytest
from PIL import Image

from tests.support import corpus
from tests.support.servers import orthanc_available, start_orthanc

EXPLICIT = "1.2.840.10008.1.2.1"
LOSSY_JPEG = {"1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51"}


def corpus_files() -> list[Path]:
    corpus.samples()
    return [f for f in corpus.sample_files() if f.name not in corpus.CRASHES_ORTHANC]


def exact_expected(path: Path) -> bool:
    """Whether Lethe must give Orthanc's very pixels: for 8-bit sources, except lossy JPEG,
    whose decoders may differ by one level (the standard allows it; libjpeg-turbo's chroma
    upsampling and DCMTK's IJG 6b differ on 4 pixels of the YBR_FULL_422 sample)."""
    header = pydicom.dcmread(path, stop_before_pixels=True, force=True)
    meta = getattr(header, "file_meta", None)
    syntax = str(meta.get("TransferSyntaxUID", "")) if meta else ""
    return int(header.get("BitsStored") or 8) <= 8 and syntax not in LOSSY_JPEG


def pixels(content: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(content)))


@pytest.fixture(scope="module")
def servers(orthanc, tmp_path_factory):
    """Orthanc and Lethe holding the whole corpus: (orthanc, lethe, instances), with, for each
    instance, (its ID, its file, whether its pixels are 8-bit)."""
    from starlette.testclient import TestClient

    from lethe.api.app import create_app
    from lethe.config import config_from_dict

    storage = tmp_path_factory.mktemp("lethe-images")
    lethe = TestClient(create_app(config_from_dict({"StorageDirectory": str(storage)})),
                       client=("127.0.0.1", 50000), raise_server_exceptions=False)
    lethe.__enter__()
    oracle = orthanc.client()
    instances = {}
    for path in corpus_files():
        data = path.read_bytes()
        answers = [client.post("/instances", content=data) for client in (oracle, lethe)]
        if all(r.status_code == 200 for r in answers):
            instances[answers[1].json()["ID"]] = (path, exact_expected(path))
    yield oracle, lethe, instances
    lethe.__exit__(None, None, None)


@pytest.fixture(scope="module")
def oracle_of_copies(tmp_path_factory):
    """A second Orthanc, for the copies Lethe transcodes where Orthanc 1.10.1 cannot decode."""
    if not orthanc_available():
        pytest.skip("Orthanc is not installed (apt-get install -y orthanc)")
    server = start_orthanc(tmp_path_factory.mktemp("orthanc-copies"))
    yield server.client()
    server.stop()


class Tally:
    """How the compared images agree: exact, within one grey level, refused by one side."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def compare(self, ours: np.ndarray, theirs: np.ndarray, exact: bool, what: str) -> None:
        assert ours.shape == theirs.shape and ours.dtype == theirs.dtype, what
        difference = np.abs(ours.astype(np.int64) - theirs.astype(np.int64)).max(initial=0)
        if difference == 0:
            self.counts["exact"] += 1
        else:
            assert not exact, f"{what}: an 8-bit source differs by {difference}"
            assert difference <= 1, f"{what}: differs by {difference} grey levels"
            self.counts["within 1"] += 1

    def report(self, title: str) -> None:
        print(f"\n{title}: " + ", ".join(f"{n} {k}" for k, n in sorted(self.counts.items())))


def same_status(ours: int, theirs: int) -> bool:
    """Lethe answers as Orthanc, except 4xx where Orthanc fails with 5xx."""
    return ours == theirs or (theirs >= 500 and 400 <= ours < 500)


def both(servers, path: str, headers: dict | None = None):
    oracle, lethe, _ = servers
    return oracle.get(path, headers=headers), lethe.get(path, headers=headers)


@pytest.mark.orthanc
@pytest.mark.parametrize("route", ["preview", "rendered", "image-uint8", "image-uint16",
                                   "image-int16"])
def test_every_instance_renders_as_in_orthanc(servers, route):
    tally = Tally()
    instances = list(servers[2].items())
    if route in ("image-uint16", "image-int16"):
        instances = instances[::2]  # the same code as image-uint8, other clamps
    for instance_id, (path, eight_bit) in instances:
        theirs, ours = both(servers, f"/instances/{instance_id}/{route}")
        what = f"{route} of {path.name}"
        if theirs.status_code == 200:
            assert ours.status_code == 200, (what, ours.text)
            assert ours.headers["content-type"] == "image/png"
            tally.compare(pixels(ours.content), pixels(theirs.content), eight_bit, what)
        elif ours.status_code == 200:
            tally.counts["decoded by Lethe only"] += 1
        else:
            assert ours.status_code == theirs.status_code, (what, ours.text)
            tally.counts[f"refused ({ours.status_code})"] += 1
    tally.report(route)
    assert tally.counts["exact"] + tally.counts["within 1"] > 20


@pytest.mark.orthanc
@pytest.mark.parametrize("query", ["window-center=40&window-width=400",
                                   "window-center=1000.5&window-width=0.5",
                                   "width=100", "height=57&smooth=1",
                                   "width=300&height=90&smooth=true",
                                   "width=1000&window-width=50"])
def test_rendered_options_as_in_orthanc(servers, query):
    tally = Tally()
    for instance_id, (path, eight_bit) in list(servers[2].items())[::3]:
        theirs, ours = both(servers, f"/instances/{instance_id}/rendered?{query}")
        if theirs.status_code == 200:
            assert ours.status_code == 200, ours.text
            tally.compare(pixels(ours.content), pixels(theirs.content), eight_bit,
                          f"rendered?{query} of {path.name}")
    tally.report(f"rendered?{query}")
    assert tally.counts["exact"] > 10


@pytest.mark.orthanc
def test_multiframe_frames_as_in_orthanc(servers):
    checked = 0
    for instance_id, (path, eight_bit) in servers[2].items():
        theirs, ours = both(servers, f"/instances/{instance_id}/frames")
        assert ours.json() == theirs.json()
        frames = ours.json()
        if len(frames) < 2:
            continue
        for frame in (frames[1], frames[-1]):
            for route in ("preview", "rendered", "raw"):
                theirs, ours = both(servers, f"/instances/{instance_id}/frames/{frame}/{route}")
                assert same_status(ours.status_code, theirs.status_code), (path.name, route)
                if theirs.status_code == 200 and route == "raw":
                    assert ours.content == theirs.content
                elif theirs.status_code == 200:
                    Tally().compare(pixels(ours.content), pixels(theirs.content), eight_bit,
                                    f"{route} of frame {frame} of {path.name}")
                checked += 1
    assert checked


@pytest.mark.orthanc
def test_raw_frames_numpy_and_matlab_as_in_orthanc(servers):
    tally = Tally()
    for instance_id, (path, exact) in servers[2].items():
        base = f"/instances/{instance_id}"
        theirs, ours = both(servers, f"{base}/frames/0/raw")
        assert same_status(ours.status_code, theirs.status_code), path.name
        if theirs.status_code == 200:
            assert ours.content == theirs.content, path.name
            assert ours.headers["content-type"] == theirs.headers["content-type"]
        theirs, ours = both(servers, f"{base}/numpy?rescale=0")
        if theirs.status_code != 200:
            continue
        assert ours.status_code == 200, (path.name, ours.text)
        decodable = base
        got, expected = (np.load(io.BytesIO(r.content)) for r in (ours, theirs))
        tally.compare(got, expected, exact, f"numpy of {path.name}")
        theirs, ours = both(servers, f"{base}/frames/0/numpy")
        got, expected = (np.load(io.BytesIO(r.content)) for r in (ours, theirs))
        # Orthanc 1.10.1 floors the rescaled values (the newest Orthanc does not).
        assert got.shape == expected.shape and got.dtype == expected.dtype
        if got.dtype == np.float32:
            got = np.floor(got)
        tally.compare(got, expected, exact, f"numpy of frame 0 of {path.name}")
    theirs, ours = both(servers, f"{decodable}/numpy?compress=1")
    assert np.array_equal(np.load(io.BytesIO(ours.content))["arr_0"],
                          np.load(io.BytesIO(theirs.content))["arr_0"])
    tally.report("numpy")
    small = [i for i, (p, _) in servers[2].items() if p.stat().st_size < 200_000][:8]
    for instance_id in small:
        theirs, ours = both(servers, f"/instances/{instance_id}/matlab")
        if theirs.status_code == 200:
            assert ours.text == theirs.text


@pytest.mark.orthanc
def test_series_numpy_as_in_orthanc(servers):
    oracle, lethe, instances = servers
    series = {lethe.get(f"/instances/{i}/series").json()["ID"] for i in list(instances)[:60]}
    compared = 0
    for series_id in sorted(series):
        theirs, ours = both(servers, f"/series/{series_id}/numpy?rescale=false")
        if theirs.status_code == 200:
            assert ours.status_code == 200, ours.text
            got, expected = (np.load(io.BytesIO(r.content)) for r in (ours, theirs))
            assert got.dtype == expected.dtype and np.array_equal(got, expected), series_id
            compared += 1
    assert compared >= 3


@pytest.mark.orthanc
def test_encodings_as_in_orthanc(servers):
    instance_id = next(i for i, (p, _) in servers[2].items() if p.parent.name == "Flair")
    theirs, ours = both(servers, f"/instances/{instance_id}/preview",
                        {"Accept": "image/jpeg"})
    assert ours.headers["content-type"] == theirs.headers["content-type"] == "image/jpeg"
    difference = np.abs(pixels(ours.content).astype(int) - pixels(theirs.content).astype(int))
    assert difference.mean() < 1.0
    for accept in ("image/x-portable-arbitrarymap", "image/png, image/jpeg;q=0.9", "image/*",
                   "*/*", "image/jpeg;q=0.5, image/png"):
        for route in ("preview", "image-uint16"):
            theirs, ours = both(servers, f"/instances/{instance_id}/{route}", {"Accept": accept})
            assert ours.headers["content-type"] == theirs.headers["content-type"], accept
            if "portable" in accept:
                assert ours.content == theirs.content
    pdf = next(i for i, (p, _) in servers[2].items() if p.name == "sample-pdf.dcm")
    theirs, ours = both(servers, f"/instances/{pdf}/pdf")
    assert ours.status_code == 200 and ours.content == theirs.content
    assert ours.headers["content-type"] == "application/pdf"


@pytest.mark.orthanc
def test_lethe_decodes_what_orthanc_cannot(servers, oracle_of_copies):
    """Where Orthanc 1.10.1 cannot decode (JPEG 2000...), Lethe's rendering equals Orthanc's
    rendering of the lossless copy Lethe transcodes to explicit VR little endian."""
    oracle, lethe, instances = servers
    tally = Tally()
    for instance_id, (path, eight_bit) in instances.items():
        if oracle.get(f"/instances/{instance_id}/preview").status_code == 200:
            continue
        ours = lethe.get(f"/instances/{instance_id}/rendered")
        copy = lethe.get(f"/instances/{instance_id}/file?transcode={EXPLICIT}")
        if ours.status_code != 200 or copy.status_code != 200:
            continue
        copy_id = oracle_of_copies.post("/instances", content=copy.content).json()["ID"]
        theirs = oracle_of_copies.get(f"/instances/{copy_id}/rendered")
        if theirs.status_code == 200:
            tally.compare(pixels(ours.content), pixels(theirs.content), eight_bit,
                          f"rendered of {path.name}")
    tally.report("decoded by Lethe only, compared through a copy")
    assert tally.counts["exact"] + tally.counts["within 1"] >= 3


# --- refusals ------------------------------------------------------------------------------
@pytest.mark.orthanc
def test_refusals_as_in_orthanc(servers):
    _, _, instances = servers
    by_name = {p.name: i for i, (p, _) in instances.items()}
    image = next(i for i, (p, _) in instances.items() if p.parent.name == "Flair")
    color = by_name["ColorTestMalaterre.dcm"]
    no_pixels = by_name["Issue22-NoPixelData.dcm"]
    for path, status in ((f"/instances/{image}/pdf", 404),
                         (f"/instances/{image}/frames/7/preview", 404),
                         (f"/instances/{image}/frames/x/rendered", 404),
                         (f"/instances/{image}/frames/7/raw", 400),
                         (f"/instances/{image}/frames/7/numpy", 400),
                         (f"/instances/{image}/frames/x/numpy", 400),
                         (f"/instances/{image}/frames/3/matlab", 400),
                         (f"/instances/{color}/image-uint8", 415),
                         (f"/instances/{no_pixels}/preview", 415),
                         (f"/instances/{no_pixels}/rendered", 415),
                         ("/instances/0000/preview", 404),
                         ("/series/0000/numpy", 404),
                         (f"/instances/{image}/numpy?compress=maybe", 400)):
        theirs, ours = both(servers, path)
        assert theirs.status_code == ours.status_code == status, (path, ours.text)
        assert ours.json()["HttpStatus"] == status
    theirs, ours = both(servers, f"/instances/{image}/frames/0")
    assert ours.json() == theirs.json()


def test_bad_arguments_are_400_naming_them(lethe):
    data = corpus.sample("Brainix/Flair/IM-0001-0001.dcm").read_bytes()
    instance = lethe.post("/instances", content=data).json()["ID"]
    for query, name in (("window-width=abc", "window-width"), ("width=-3", "width"),
                        ("height=x", "height"), ("smooth=maybe", "smooth"),
                        ("quality=0", "quality"), ("window-center=", "window-center")):
        r = lethe.get(f"/instances/{instance}/rendered?{query}")
        assert r.status_code == 400 and name in r.json()["Details"], (query, r.text)
    r = lethe.get(f"/instances/{instance}/preview", headers={"Accept": "text/html"})
    assert r.status_code == 406
    r = lethe.get(f"/instances/{instance}/image-uint16", headers={"Accept": "image/jpeg"})
    assert r.status_code == 406 and "JPEG" in r.json()["Details"]
    assert lethe.get(f"/instances/{instance}/frames/0/raw.gz").headers["content-type"] == \
        "application/gzip"
