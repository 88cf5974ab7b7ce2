"""ZIP archives and DICOM media: differential against Orthanc 1.10.1 (member names and the
bytes of every DICOM file), the options, the jobs' output, the errors."""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import zipfile
from pathlib import Path

import pydicom
import pytest
from pydicom.fileset import FileSet

from tests.support import corpus
from tests.support.dicomgen import make_file
from tests.support.jobs import wait_for_job

DCIODVFY = shutil.which("dciodvfy")
DCMDUMP = shutil.which("dcmdump")
JPEG_LS = "1.2.840.10008.1.2.4.80"
RLE = "1.2.840.10008.1.2.5"

# Folders and files of the corpus sent to both servers; Knee/T1 in reverse order, so that
# "the order instances were received" differs from the order of their names.
FOLDERS = ["Brainix/Flair", "Comunix/Ct", "Comunix/Pet", "Phenix"]
REVERSED = "Knee/T1"
FILES = ["2017-06-27-XSSInjection.dcm", "sample-pdf.dcm", "DummyCT.dcm", "Issue124.dcm",
         "SignedCT.dcm", "Encodings/Lena-latin1.dcm", "Encodings/Lena-arabic.dcm",
         "Encodings/Lena-shift-jis.dcm", "TransferSyntaxes/1.2.840.10008.1.2.4.50.dcm",
         "TransferSyntaxes/1.2.840.10008.1.2.5.dcm", "ColorTestMalaterre.dcm"]


def corpus_files() -> list[Path]:
    files = [f for folder in FOLDERS for f in sorted(corpus.sample(folder).glob("*.dcm"))]
    files += sorted(corpus.sample(REVERSED).glob("*.dcm"), reverse=True)
    return files + [corpus.sample(name) for name in FILES]


def members(content: bytes) -> dict[str, bytes]:
    """The members of a ZIP archive, in order; checks their CRCs."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert archive.testzip() is None
        return {info.filename: archive.read(info) for info in archive.infolist()}


@pytest.fixture(scope="module")
def servers(orthanc, tmp_path_factory):
    """Orthanc and a Lethe server holding the same files: (orthanc client, lethe client)."""
    from starlette.testclient import TestClient

    from lethe.api.app import create_app
    from lethe.config import config_from_dict

    storage = tmp_path_factory.mktemp("lethe-archives")
    lethe = TestClient(create_app(config_from_dict({"StorageDirectory": str(storage)})),
                       client=("127.0.0.1", 50000), raise_server_exceptions=False)
    lethe.__enter__()
    oracle = orthanc.client()
    ids = set()
    for path in corpus_files():
        data = path.read_bytes()
        for client in (oracle, lethe):
            r = client.post("/instances", content=data)
            assert r.status_code == 200, (path, r.text)
        ids.add(r.json()["ID"])
    yield oracle, lethe, sorted(ids)
    lethe.__exit__(None, None, None)


@pytest.fixture(scope="module")
def uploaded(servers) -> list[str]:
    """The Orthanc IDs of the instances sent by :func:`servers`."""
    return servers[2]


def parents(client, instances: list[str], level: str) -> list[str]:
    """The distinct resources of ``level`` holding ``instances``."""
    key = {"patients": "patient", "studies": "study", "series": "series"}[level]
    return sorted({client.get(f"/instances/{i}/{key}").json()["ID"] for i in instances})


@pytest.mark.orthanc
@pytest.mark.parametrize("level", ["patients", "studies", "series"])
def test_archive_of_every_resource_equals_orthanc(servers, uploaded, level):
    oracle, lethe, _ = servers
    compared = 0
    for rid in parents(lethe, uploaded, level):
        expected = oracle.get(f"/{level}/{rid}/archive")
        got = lethe.get(f"/{level}/{rid}/archive")
        assert got.status_code == expected.status_code == 200
        assert got.headers["content-type"] == "application/zip"
        assert got.headers["content-disposition"] == expected.headers["content-disposition"]
        ours, theirs = members(got.content), members(expected.content)
        if level != "patients" and collides(lethe, rid, level):
            # Orthanc >= 1.12.2 names the patient folder after the study's own patient
            # tags; 1.10.1 after the patient's (the first received of the same PatientID).
            ours, theirs = below_patient(ours), below_patient(theirs)
        assert list(ours) == list(theirs), rid
        assert ours == theirs, rid
        compared += len(ours)
    assert compared >= len(uploaded)


def collides(client, rid: str, level: str) -> bool:
    """Whether the study of ``rid`` recorded other patient tags than its patient has."""
    study = client.get(f"/{level}/{rid}/study" if level == "series" else f"/studies/{rid}")
    recorded = study.json()["PatientMainDicomTags"]
    patient = client.get(f"/patients/{study.json()['ParentPatient']}").json()["MainDicomTags"]
    return any(recorded.get(k, "") != patient.get(k, "") for k in ("PatientID", "PatientName"))


def below_patient(archive: dict[str, bytes]) -> dict[str, bytes]:
    return {name.split("/", 1)[1]: content for name, content in archive.items()}


@pytest.mark.orthanc
def test_create_archive_of_mixed_levels_equals_orthanc(servers, uploaded):
    oracle, lethe, _ = servers
    series = parents(lethe, uploaded, "series")
    studies = parents(lethe, uploaded, "studies")
    patients = parents(lethe, uploaded, "patients")
    # An instance of a series asked for whole adds nothing; instances asked for one by
    # one keep the order asked for; a study and a patient of other resources.
    one_series = lethe.get(f"/series/{series[0]}").json()["Instances"]
    resources = [one_series[-1], series[0], uploaded[-1], uploaded[3], studies[1], patients[2],
                 uploaded[-1]]
    for body in (resources, {"Resources": resources}):
        expected = oracle.post("/tools/create-archive", json=body)
        got = lethe.post("/tools/create-archive", json=body)
        assert got.status_code == expected.status_code == 200
        assert got.headers["content-disposition"] == expected.headers["content-disposition"]
        ours, theirs = members(got.content), members(expected.content)
        assert list(ours) == list(theirs)
        assert ours == theirs


@pytest.mark.orthanc
def test_media_lists_the_same_files_as_orthanc(servers, uploaded, tmp_path):
    oracle, lethe, _ = servers
    studies = parents(lethe, uploaded, "studies")
    body = {"Resources": studies[:4]}
    expected = members(oracle.post("/tools/create-media", json=body).content)
    got = members(lethe.post("/tools/create-media", json=body).content)
    assert list(got) == list(expected)
    assert list(got)[-1] == "DICOMDIR"
    assert {k: v for k, v in got.items() if k != "DICOMDIR"} == \
        {k: v for k, v in expected.items() if k != "DICOMDIR"}
    assert references(got["DICOMDIR"]) == references(expected["DICOMDIR"])


def references(dicomdir: bytes) -> dict[str, str]:
    """File ID -> SOP instance UID of the IMAGE records of a DICOMDIR."""
    ds = pydicom.dcmread(io.BytesIO(dicomdir))
    return {"/".join(r.ReferencedFileID): r.ReferencedSOPInstanceUIDInFile
            for r in ds.DirectoryRecordSequence if r.DirectoryRecordType == "IMAGE"}


@pytest.mark.orthanc
def test_asynchronous_archive_equals_orthanc(servers, uploaded):
    oracle, lethe, _ = servers
    study = parents(lethe, uploaded, "studies")[0]
    outputs = {}
    for name, client in (("orthanc", oracle), ("lethe", lethe)):
        handle = client.post(f"/studies/{study}/archive", json={"Asynchronous": True}).json()
        assert handle["Path"] == f"/jobs/{handle['ID']}"
        job = wait_for_job(client, handle["ID"])
        assert job["State"] == "Success" and job["Type"] == "Archive", job
        r = client.get(f"/jobs/{handle['ID']}/archive")
        assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
        assert r.headers["content-disposition"] == 'filename="archive.zip"'
        outputs[name] = (job["Content"], members(r.content))
    (theirs, expected), (ours, got) = outputs["orthanc"], outputs["lethe"]
    assert got == expected and list(got) == list(expected)
    assert set(ours) == set(theirs)
    for key in ("Description", "InstancesCount", "UncompressedSize", "UncompressedSizeMB"):
        assert ours[key] == theirs[key]
    assert int(ours["ArchiveSize"]) > 0


@pytest.mark.orthanc
def test_transcoded_archive_has_orthanc_names_and_pixels(servers, uploaded):
    oracle, lethe, _ = servers
    brainix = corpus.sample("Brainix/Flair/IM-0001-0001.dcm").read_bytes()
    study = lethe.post("/instances", content=brainix).json()["ParentStudy"]
    query = f"transcode={JPEG_LS}"
    expected = members(oracle.get(f"/studies/{study}/archive?{query}").content)
    got = members(lethe.get(f"/studies/{study}/archive?{query}").content)
    assert list(got) == list(expected)
    for name in list(got)[:3]:
        ours, theirs = (pydicom.dcmread(io.BytesIO(m[name])) for m in (got, expected))
        assert ours.file_meta.TransferSyntaxUID == theirs.file_meta.TransferSyntaxUID == JPEG_LS
        assert ours.SOPInstanceUID == theirs.SOPInstanceUID
        assert (ours.pixel_array == theirs.pixel_array).all()


@pytest.mark.orthanc
@pytest.mark.parametrize(("method", "path", "body"), [
    ("GET", "/studies/0000/archive", None),
    ("GET", "/patients/0000/media", None),
    ("POST", "/tools/create-archive", ["0000"]),
    ("POST", "/tools/create-archive", {"Resources": "x"}),
    ("POST", "/tools/create-archive", {"Foo": []}),
    ("POST", "/tools/create-media", [1, 2]),
])
def test_refusals_agree_with_orthanc(servers, method, path, body):
    oracle, lethe, _ = servers
    expected = oracle.request(method, path, json=body)
    got = lethe.request(method, path, json=body)
    assert got.status_code == expected.status_code, got.text
    assert got.json()["OrthancStatus"] == expected.json()["OrthancStatus"]


@pytest.mark.orthanc
def test_unknown_transcode_refused_as_orthanc(servers, uploaded):
    oracle, lethe, _ = servers
    study = parents(lethe, uploaded, "studies")[0]
    for client in (oracle, lethe):
        r = client.get(f"/studies/{study}/archive?transcode=1.2.3")
        assert r.status_code == 400 and r.json()["OrthancStatus"] == 3
        r = client.post(f"/studies/{study}/archive", json={"Transcode": 3})
        assert r.status_code == 400


# --- Lethe alone ---------------------------------------------------------------------
def upload_study(client, count: int = 3, **tags) -> str:
    study_uid = pydicom.uid.generate_uid()
    series_uid = pydicom.uid.generate_uid()
    answer = {}
    for n in range(count):
        answer = client.post("/instances", content=make_file(
            study_uid=study_uid, series_uid=series_uid, InstanceNumber=n + 1, **tags)).json()
    return answer["ParentStudy"]


def test_filename_options(lethe):
    study = upload_study(lethe)
    r = lethe.get(f"/studies/{study}/archive?filename=my%20study.zip")
    assert r.headers["content-disposition"] == 'filename="my study.zip"'
    r = lethe.post(f"/studies/{study}/media", json={"Filename": "cd.zip"})
    assert r.headers["content-disposition"] == 'filename="cd.zip"'
    r = lethe.post("/tools/create-archive", json={"Resources": [study], "Filename": "x.zip",
                                                  "Asynchronous": True})
    job = wait_for_job(lethe, r.json()["ID"])
    r = lethe.get(f"/jobs/{job['ID']}/archive")
    assert r.headers["content-disposition"] == 'filename="x.zip"'
    for bad in ({"Filename": 3}, {"Filename": 'a"b'}, {"Filename": "a\r\nb"}):
        r = lethe.post(f"/studies/{study}/archive", json=bad)
        assert r.status_code == 400 and "Filename" in r.json()["Details"]


def test_level_of_the_route_is_checked(lethe):
    study = upload_study(lethe)
    assert lethe.get(f"/series/{study}/archive").status_code == 404
    assert lethe.post(f"/patients/{study}/media", json={}).status_code == 404


def test_instance_archive_and_get_create_archive(lethe):
    study = upload_study(lethe, count=2)
    instances = lethe.get(f"/studies/{study}/instances").json()
    first = instances[0]["ID"]
    one = members(lethe.get(f"/instances/{first}/archive").content)
    same = members(lethe.post("/tools/create-archive", json=[first]).content)
    assert one == same and len(one) == 1
    both = ",".join(i["ID"] for i in instances)
    r = lethe.get(f"/tools/create-archive?resources={both}&transcode={RLE}")
    got = members(r.content)
    assert len(got) == 2
    for content in got.values():
        assert pydicom.dcmread(io.BytesIO(content)).file_meta.TransferSyntaxUID == RLE
    assert lethe.get("/tools/create-archive").status_code == 400


def test_media_dicomdir_is_valid(lethe, tmp_path):
    files = [f for folder in ("Brainix/Flair", "Knee/T1") for f in
             sorted(corpus.sample(folder).glob("*.dcm"))[:3]]
    for path in files:
        lethe.post("/instances", content=path.read_bytes())
    patients = lethe.get("/patients").json()
    for extended, route in ((False, "/tools/create-media"), (True, "/tools/create-media-extended")):
        got = members(lethe.post(route, json=patients).content)
        assert list(got) == [f"IMAGES/IM{n}" for n in range(len(files))] + ["DICOMDIR"]
        folder = tmp_path / route.rsplit("/", 1)[1]
        for name, content in got.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(content)
        file_set = FileSet(pydicom.dcmread(folder / "DICOMDIR"))
        assert len(file_set) == len(files) and file_set.ID == "ORTHANC_MEDIA"
        uids = {pydicom.dcmread(folder / name, stop_before_pixels=True).SOPInstanceUID: name
                for name in got if name != "DICOMDIR"}
        assert references(got["DICOMDIR"]) == {v: k for k, v in uids.items()}
        series = [r for r in pydicom.dcmread(folder / "DICOMDIR").DirectoryRecordSequence
                  if r.DirectoryRecordType == "SERIES"]
        assert all(("SeriesDescription" in r) == extended for r in series)
        check_tools(folder / "DICOMDIR")


def check_tools(dicomdir: Path) -> None:
    """dciodvfy finds no error, dcmdump reads the DICOMDIR whole."""
    if DCIODVFY is None or DCMDUMP is None:
        pytest.skip("dciodvfy or dcmdump is not installed "
                    "(apt-get install -y dicom3tools dcmtk)")
    run = subprocess.run([DCIODVFY, str(dicomdir)], capture_output=True, text=True, timeout=60,
                         errors="replace")
    assert "Error" not in run.stdout + run.stderr, run.stdout + run.stderr
    run = subprocess.run([DCMDUMP, str(dicomdir)], capture_output=True, text=True, timeout=60,
                         errors="replace")
    assert run.returncode == 0 and "E:" not in run.stderr, run.stderr
    assert run.stdout.count("ReferencedFileID") > 0


def test_patient_folder_follows_the_study_after_a_patient_id_collision(lethe):
    """Orthanc >= 1.12.2 (1.10.1 names the folder after the first patient received)."""
    first = upload_study(lethe, count=1, patient_id="SAME", PatientName="First^Name")
    second = upload_study(lethe, count=1, patient_id="SAME", PatientName="Second^Name")
    (name,) = members(lethe.get(f"/studies/{second}/archive").content)
    assert name.startswith("SAME Second Name/")
    (name,) = members(lethe.get(f"/studies/{first}/archive").content)
    assert name.startswith("SAME First Name/")
    patient = lethe.get(f"/studies/{first}").json()["ParentPatient"]
    assert all(n.startswith("SAME First Name/")
               for n in members(lethe.get(f"/patients/{patient}/archive").content))


def test_names_that_clean_to_nothing(lethe):
    study = upload_study(lethe, count=2, patient_id="###", PatientName="^^^",
                         AccessionNumber="", StudyDescription="***", Modality="",
                         SeriesDescription="")
    names = list(members(lethe.get(f"/studies/{study}/archive").content))
    assert names == ["Unknown Patient/Unknown Study/Unknown Series/00000000.dcm",
                     "Unknown Patient/Unknown Study/Unknown Series/00000001.dcm"]


def test_job_output_is_kept_until_the_next_one(lethe):
    study = upload_study(lethe)
    first = wait_for_job(lethe, lethe.post(f"/studies/{study}/archive",
                                   json={"Asynchronous": True}).json()["ID"])
    assert lethe.get(f"/jobs/{first['ID']}/archive").status_code == 200
    second = wait_for_job(lethe, lethe.post(f"/studies/{study}/media",
                                    json={"Asynchronous": True, "Priority": 3}).json()["ID"])
    assert second["Type"] == "Media" and second["Priority"] == 3
    r = lethe.get(f"/jobs/{first['ID']}/archive")
    assert r.status_code == 404 and r.json()["OrthancStatus"] == 7
    assert lethe.delete(f"/jobs/{second['ID']}/archive").status_code == 200
    assert lethe.get(f"/jobs/{second['ID']}/archive").status_code == 404
    assert lethe.delete(f"/jobs/{second['ID']}/archive").status_code == 404
    assert lethe.get(f"/jobs/{second['ID']}/other").status_code == 404
    assert lethe.get("/jobs/unknown/archive").status_code == 404
    r = lethe.post(f"/jobs/{first['ID']}/resubmit")
    assert r.status_code == 400  # a successful job cannot be resubmitted anyway


def test_bad_options(lethe):
    study = upload_study(lethe)
    for body, field in (({"LossyQuality": 0}, "LossyQuality"),
                        ({"LossyQuality": "x"}, "LossyQuality"),
                        ({"Transcode": "1.2.840.10008.1.2.4.100"}, "1.2.840.10008.1.2.4.100"),
                        ({"Synchronous": "yes"}, "Synchronous"),
                        ({"Extended": 1}, "Extended")):
        r = lethe.post(f"/studies/{study}/media", json=body)
        assert r.status_code == 400 and field in r.json()["Details"], (body, r.text)
    r = lethe.get(f"/studies/{study}/archive?lossy-quality=101")
    assert r.status_code == 400 and "lossy-quality" in r.json()["Details"]
    r = lethe.post(f"/studies/{study}/archive", content=b"not json")
    assert r.status_code == 400


def test_a_client_that_goes_away_stops_the_archive(lethe, monkeypatch):
    """The producer is closed as soon as the client disconnects: the files not yet read
    are never opened."""
    import anyio

    from lethe.api import archives

    study = upload_study(lethe, count=6, rows=256, columns=256)
    events: list[str] = []
    produce = archives.archive_chunks

    def watched(*args, **kwargs):
        try:
            for chunk in produce(*args, **kwargs):
                events.append("chunk")
                yield chunk
        finally:
            events.append("closed")

    monkeypatch.setattr(archives, "archive_chunks", watched)
    sent: list[dict] = []
    first_body = anyio.Event()

    async def receive() -> dict:
        await first_body.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)
        if message["type"] == "http.response.body" and message.get("body"):
            first_body.set()

    scope = {"type": "http", "asgi": {"version": "3.0", "spec_version": "2.3"},
             "http_version": "1.1", "method": "GET", "scheme": "http", "server": ("t", 80),
             "path": f"/studies/{study}/archive", "raw_path": b"", "root_path": "",
             "query_string": b"", "headers": [], "client": ("127.0.0.1", 5000)}
    anyio.run(lethe.app, scope, receive, send)
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 200
    assert events[-1] == "closed"
    assert events.count("chunk") < 6  # it stopped well before the sixth file


def test_in_threads_closes_the_producer():
    import anyio

    from lethe.api.archives import _in_threads

    closed = []

    def producer():
        try:
            yield from (b"x" for _ in range(100))
        finally:
            closed.append(True)

    async def take_one() -> None:
        stream = _in_threads(producer())
        assert await stream.__anext__() == b"x"
        await stream.aclose()

    anyio.run(take_one)
    assert closed == [True]


def test_memory_stays_flat_whatever_the_archive_size(lethe):
    """Producing the archive of 24 MiB of files holds a couple of chunks, not the archive."""
    import tracemalloc

    from lethe.jobs.archive import ArchiveOptions, Progress, archive_chunks
    from lethe.jobs.archive_plan import plan_archive

    noise = random.Random(1).randbytes(512 * 512 * 2)  # incompressible
    study = upload_study(lethe, count=48, rows=512, columns=512, PixelData=noise)
    store = lethe.app.state.store
    plan = plan_archive(store, [study])
    assert plan.uncompressed_size > 24 << 20
    tracemalloc.start()
    try:
        size = sum(len(chunk) for chunk in archive_chunks(store, plan, ArchiveOptions(),
                                                          Progress(plan.instances_count)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size > plan.uncompressed_size
    assert peak < 6 << 20, f"{peak / 2**20:.1f} MiB held while writing {size} bytes"
