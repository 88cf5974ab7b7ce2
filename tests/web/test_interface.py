"""The web interface in a real browser: the whole anonymization path of a user, then search,
paging and a broken file dropped."""

from __future__ import annotations

import io
import zipfile

import pydicom
import pytest
from pydicom.dataset import Dataset
from pydicom.uid import generate_uid

from tests.support.dicomgen import make_dataset, make_file, to_bytes
from tests.web.conftest import drop_files


def study_files(patient_name: str, patient_id: str, count: int = 3, **tags) -> dict[str, bytes]:
    """``count`` instances of one new study (one series), by file name."""
    study, series = generate_uid(), generate_uid()
    return {f"image{n}.dcm": make_file(patient_id=patient_id, study_uid=study, series_uid=series,
                                       rows=32, columns=32, PatientName=patient_name,
                                       InstanceNumber=n, **tags)
            for n in range(1, count + 1)}


RESULTS_SHOWN = "main[aria-busy=false] section[aria-label=Results][aria-busy=false]"


def search(page, **fields: str) -> None:
    """Fill the study search form (field name -> text) and run it."""
    page.goto(page.url.split("#")[0] + "#/studies")
    page.wait_for_selector(RESULTS_SHOWN)
    page.get_by_role("button", name="Clear").click()
    page.wait_for_selector(RESULTS_SHOWN)
    for name, value in fields.items():
        page.locator(f"form[role=search] [name={name}]").fill(value)
    run_search(page)


def run_search(page) -> None:
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector(RESULTS_SHOWN)


def result_names(page) -> list[str]:
    return page.locator("section[aria-label=Results] tbody tr td:first-child").all_inner_texts()


def test_upload_find_preview_anonymize_download(page, server):
    page.goto(server.url + "/")
    assert page.url == server.url + "/ui/#/studies"

    # Upload by drag and drop: a progress bar and a result per file.
    page.get_by_role("link", name="Upload").click()
    drop_files(page, "#drop-zone", study_files("Webtest^Alice", "WEB-E2E",
                                               StudyDescription="Knee"))
    page.get_by_text("3 sent, 0 failed, 0 waiting.").wait_for()
    assert page.locator("table.uploads .ok").count() == 3

    # Find it, open it, open an instance: its preview is drawn and its tags are listed.
    page.get_by_role("link", name="Studies").click()
    search(page, name="webtest")
    assert result_names(page) == ["Webtest Alice"]
    page.get_by_role("link", name="Webtest Alice").click()
    page.get_by_role("heading", name="Study Knee").wait_for()
    page.get_by_role("link", name="(no description)").click()
    page.locator(".thumbs a").first.click()
    page.wait_for_function("(() => { const image = document.querySelector('.preview img');"
                           " return image && image.complete && image.naturalWidth > 0; })()")
    assert page.locator(".tags").get_by_text("PatientName").count() == 1
    assert "/instances/" in page.url and "Webtest" not in page.url

    # Anonymize the study with a Keep and a Replace: plan first, then the job.
    page.get_by_role("link", name="Study", exact=True).click()
    page.get_by_role("link", name="Anonymize").click()
    page.get_by_role("button", name="Add a Remove tag").click()
    page.get_by_label("Remove: tag 1").fill("NoSuchTagName")
    page.get_by_role("button", name="Show the plan").click()
    assert "NoSuchTagName" in page.get_by_role("alert").inner_text()  # the server's message
    page.get_by_role("button", name="Delete Remove row 1").click()
    page.get_by_role("button", name="Dismiss").click()
    page.get_by_role("button", name="Add a Keep tag").click()
    page.get_by_label("Keep: tag 1").fill("StudyDescription")
    page.get_by_role("button", name="Add a Replace tag").click()
    page.get_by_label("Replace: tag 1").fill("PatientName")
    page.get_by_label("Replace: value 1").fill("ANON^WEB")
    page.get_by_role("button", name="Show the plan").click()
    plan = page.locator(".plan")
    plan.get_by_text("0008,1030 StudyDescription").wait_for()
    assert "kept (3)" in plan.locator("tr", has_text="StudyDescription").inner_text()
    assert "replaced (3)" in plan.locator("tr", has_text="0010,0010 PatientName").inner_text()
    page.get_by_role("button", name="Anonymize", exact=True).click()
    page.locator(".job .state-Success").wait_for()

    # Download the result as ZIP: three anonymized files.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the result as ZIP").click()
    archive = zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes()))
    names = [name for name in archive.namelist() if not name.endswith("/")]
    assert len(names) == 3
    for name in names:
        ds = pydicom.dcmread(io.BytesIO(archive.read(name)))
        assert ds.PatientName == "ANON^WEB"
        assert ds.StudyDescription == "Knee"
        assert ds.PatientID != "WEB-E2E"
        assert ds.PatientIdentityRemoved == "YES"

    # The result opens in the interface; the source was kept.
    page.get_by_role("link", name="Open the result (study)").click()
    page.get_by_role("heading", name="Study Knee").wait_for()
    assert page.locator("dl.props").first.get_by_text("ANON WEB").count() == 1
    with server.client() as client:
        assert len(client.get("/studies").json()) == 2


def test_search_by_each_criterion(page, server):
    with server.client() as client:
        for files in (study_files("Search^Carol", "S-CAROL", 1, Modality="MR",
                                  AccessionNumber="ACC-777", StudyDate="20230510"),
                      study_files("Search^Dave", "S-DAVE", 1, Modality="CT",
                                  AccessionNumber="ACC-888", StudyDate="20210101")):
            for content in files.values():
                answer = client.post("/instances", content=content).json()
        assert client.put(f"/studies/{answer['ParentStudy']}/labels/teaching").status_code == 200
    page.goto(server.url + "/ui/")
    search(page, name="search")
    assert sorted(result_names(page)) == ["Search Carol", "Search Dave"]
    search(page, patientId='"S-DAVE"')
    assert result_names(page) == ["Search Dave"]
    search(page, name="search", modality="mr")
    assert result_names(page) == ["Search Carol"]
    search(page, accession="acc-88")
    assert result_names(page) == ["Search Dave"]
    search(page, name="search", **{"from": "2023-01-01", "to": "2023-12-31"})
    assert result_names(page) == ["Search Carol"]
    search(page)
    page.locator("form[role=search] [name=label]").select_option("teaching")
    run_search(page)
    assert result_names(page) == ["Search Dave"]
    assert "Search" not in page.url and "S-DAVE" not in page.url  # criteria stay in memory


def test_paging(page, server):
    with server.client() as client:
        for n in range(30):
            content = next(iter(study_files(f"Paging^{n:02d}", f"PG{n:02d}", 1).values()))
            assert client.post("/instances", content=content).status_code == 200
    page.goto(server.url + "/ui/")
    search(page, name="paging")
    assert len(result_names(page)) == 25
    page.get_by_text("Page 1 of 2").wait_for()
    assert page.get_by_role("button", name="Previous page").is_disabled()
    first_page = set(result_names(page))
    page.get_by_role("button", name="Next page").click()
    page.get_by_text("Page 2 of 2").wait_for()
    second_page = set(result_names(page))
    assert len(second_page) == 5 and not first_page & second_page
    assert page.get_by_role("button", name="Next page").is_disabled()
    page.get_by_role("button", name="Previous page").click()
    page.get_by_text("Page 1 of 2").wait_for()
    assert set(result_names(page)) == first_page


def test_broken_file_dropped_is_reported_and_not_stored(page, server):
    with server.client() as client:
        before = client.get("/statistics").json()["CountInstances"]
    page.goto(server.url + "/ui/#/upload")
    drop_files(page, "#drop-zone", {"broken.dcm": b"DICM? no, just some text" * 10})
    page.get_by_text("0 sent, 1 failed, 0 waiting.").wait_for()
    error = page.locator("table.uploads .error").inner_text()
    assert error.startswith("Error: Bad file format")
    with server.client() as client:
        assert client.get("/statistics").json()["CountInstances"] == before


@pytest.mark.parametrize("path", ["#/studies", "#/jobs", "#/upload", "#/patients"])
def test_pages_have_a_title_and_labelled_fields(page, server, path):
    page.goto(server.url + "/ui/" + path)
    page.locator("main h1").wait_for()
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('main input, main select')]
        .filter((e) => e.type !== 'hidden' && !e.labels.length && !e.getAttribute('aria-label'))
        .map((e) => e.name || e.id)""")
    assert unlabelled == []


def test_instance_frames_and_folded_sequences(page, server):
    item = Dataset()
    item.ReferencedSOPClassUID = "1.2.840.10008.3.1.2.3.1"
    item.ReferencedSOPInstanceUID = generate_uid()
    ds = make_dataset(patient_id="FRAMES", rows=16, columns=16, NumberOfFrames=3,
                      PatientName="Frames^Three", ReferencedStudySequence=[item])
    ds.PixelData = bytes(range(256)) * 2 * 3
    with server.client() as client:
        instance = client.post("/instances", content=to_bytes(ds)).json()["ID"]
    page.goto(server.url + f"/ui/#/instances/{instance}")
    page.get_by_text("Frame 1 of 3").wait_for()
    assert page.get_by_role("button", name="Previous frame").is_disabled()
    page.get_by_role("button", name="Next frame").click()
    page.get_by_text("Frame 2 of 3").wait_for()
    page.wait_for_function("(() => { const image = document.querySelector('.preview img');"
                           " return image.src.endsWith('/frames/1/preview') && image.complete"
                           " && image.naturalWidth > 0; })()")
    page.locator(".preview img").press("ArrowRight")
    page.get_by_text("Frame 3 of 3").wait_for()
    sequence = page.locator(".tags details", has_text="ReferencedStudySequence").first
    assert sequence.get_attribute("open") is None  # folded
    assert not page.get_by_text("ReferencedSOPInstanceUID").is_visible()
    sequence.locator("summary").first.click()
    assert page.get_by_text("ReferencedSOPInstanceUID").is_visible()
    page.get_by_label("Filter tags").fill("ReferencedSOPClass")
    assert page.locator(".tags li:visible").count() == 3  # the sequence, its item, the match


def test_zip_upload_labels_and_delete(page, server):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in study_files("Zipped^Eve", "ZIP-EVE", 2).items():
            archive.writestr(f"folder/{name}", content)
    page.goto(server.url + "/ui/#/upload")
    drop_files(page, "#drop-zone", {"study.zip": buffer.getvalue()})
    page.get_by_text("1 sent, 0 failed, 0 waiting.").wait_for()
    assert page.locator("table.uploads .ok").inner_text() == "2 of 2 instances stored"

    page.get_by_role("link", name="open the study").click()
    page.get_by_role("heading", name="Study").wait_for()
    page.get_by_label("New label").fill("to-review")
    page.get_by_role("button", name="Add label").click()
    page.get_by_role("button", name="Remove label to-review").wait_for()
    study = page.url.rsplit("/", 1)[1]
    with server.client() as client:
        assert client.get(f"/studies/{study}/labels").json() == ["to-review"]
    page.get_by_role("button", name="Remove label to-review").click()
    page.get_by_role("button", name="Remove label to-review").wait_for(state="detached")
    with server.client() as client:
        assert client.get(f"/studies/{study}/labels").json() == []

    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete").click()
    page.wait_for_url("**/ui/#/studies")
    with server.client() as client:
        assert client.get(f"/studies/{study}").status_code == 404
