"""The web interface in a real browser: the whole anonymization path of a user, then search,
paging and a broken file dropped."""

from __future__ import annotations

import io
import re
import time
import zipfile

import pydicom
import pytest
from pydicom.dataset import Dataset
from pydicom.uid import generate_uid

from tests.support.dicomgen import make_dataset, make_file, to_bytes
from tests.web.conftest import drop_files, drop_paths


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


def formatted(name: str) -> str:
    """A person name as the interface shows it."""
    return " ".join(part for part in name.split("^") if part)


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

    with page.expect_download() as download:
        page.get_by_role("link", name="Download DICOMDIR").click()
    media = zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes()))
    assert "DICOMDIR" in media.namelist()
    assert len([name for name in media.namelist() if name.startswith("IMAGES/")]) == 2
    dicomdir = pydicom.dcmread(io.BytesIO(media.read("DICOMDIR")))
    assert [record.DirectoryRecordType for record in dicomdir.DirectoryRecordSequence] == [
        "PATIENT", "STUDY", "SERIES", "IMAGE", "IMAGE"]

    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete").click()
    page.wait_for_url("**/ui/#/studies")
    with server.client() as client:
        assert client.get(f"/studies/{study}").status_code == 404


def test_modify_form_replaces_keeps_and_deletes_the_source(page, server):
    files = study_files("Modify^Frank", "MOD-FRANK", 2, StudyDescription="Before")
    with server.client() as client:
        sources = [client.post("/instances", content=content).json() for content in files.values()]
        study = sources[0]["ParentStudy"]
        uid = client.get(f"/studies/{study}").json()["MainDicomTags"]["StudyInstanceUID"]
    page.goto(server.url + f"/ui/#/studies/{study}")
    page.get_by_role("link", name="Modify", exact=True).click()
    page.get_by_role("heading", name="Modify study").wait_for()
    completion = page.locator("datalist#tag-names option")  # tag names from the dictionary
    assert completion.count() > 3000
    assert page.locator("datalist#tag-names option[value=StudyDescription]").count() == 1
    page.get_by_role("button", name="Add a Replace tag").click()
    page.get_by_label("Replace: tag 1").fill("StudyDescription")
    page.get_by_label("Replace: value 1").fill("After")
    page.get_by_role("button", name="Add a Keep tag").click()
    page.get_by_label("Keep: tag 1").fill("StudyInstanceUID")
    page.get_by_label("Force (allow changing identifiers)").check()
    page.get_by_label("Keep the original study").uncheck()
    page.get_by_role("button", name="Show the plan").click()
    plan = page.locator(".plan")
    assert "replaced (2)" in plan.locator("tr", has_text="StudyDescription").inner_text()
    page.get_by_role("button", name="Modify", exact=True).click()
    page.locator(".job .state-Success").wait_for()

    with server.client() as client:
        job = client.get(f"/jobs/{page.locator('.job').get_attribute('data-job')}").json()
        assert job["Content"]["IsAnonymization"] is False
        result = client.get(f"/studies/{job['Content']['ID']}").json()
        assert result["MainDicomTags"]["StudyDescription"] == "After"
        assert result["MainDicomTags"]["StudyInstanceUID"] == uid  # kept
        instances = client.get(f"/studies/{result['ID']}/instances").json()
        assert len(instances) == 2
        for instance in instances:
            tags = client.get(f"/instances/{instance['ID']}/simplified-tags").json()
            assert tags["StudyDescription"] == "After" and tags["PatientID"] == "MOD-FRANK"
        for source in sources:  # KeepSource unchecked: the originals are gone
            assert client.get(f"/instances/{source['ID']}").status_code == 404


def exam_folder(root, patient_id: str):
    """A folder of four instances of one study: two files in subfolders, two in a ZIP."""
    contents = list(study_files(f"Folder^{patient_id}", patient_id, 4).values())
    (root / "series" / "deeper").mkdir(parents=True)
    (root / "series" / "one.dcm").write_bytes(contents[0])
    (root / "series" / "deeper" / "two.dcm").write_bytes(contents[1])
    with zipfile.ZipFile(root / "more.zip", "w") as archive:
        archive.writestr("a/three.dcm", contents[2])
        archive.writestr("four.dcm", contents[3])
    return root


@pytest.mark.parametrize("how", ["dropped", "chosen"])
def test_folder_upload_with_a_zip_inside(page, server, tmp_path, how):
    patient = f"FOLDER-{how.upper()}"
    folder = exam_folder(tmp_path / "exam", patient)
    page.goto(server.url + "/ui/#/upload")
    if how == "dropped":  # with a loose ZIP next to the folder
        with zipfile.ZipFile(tmp_path / "loose.zip", "w") as archive:
            archive.writestr("five.dcm", next(iter(study_files("Loose^Zip", patient, 1).values())))
        drop_paths(page, "#drop-zone", [folder, tmp_path / "loose.zip"])
        expected = ["exam/more.zip", "exam/series/deeper/two.dcm", "exam/series/one.dcm",
                    "loose.zip"]
    else:
        page.locator("#upload-folder").set_input_files(folder)
        expected = ["exam/more.zip", "exam/series/deeper/two.dcm", "exam/series/one.dcm"]
    page.get_by_text(f"{len(expected)} sent, 0 failed, 0 waiting.").wait_for()
    sent = page.locator("table.uploads tbody tr td:first-child").all_inner_texts()
    assert sorted(sent) == expected
    assert page.locator("table.uploads tr", has_text="more.zip").get_by_text(
        "2 of 2 instances stored").count() == 1
    with server.client() as client:
        found = client.post("/tools/find", json={"Level": "Instance",
                                                 "Query": {"PatientID": patient}}).json()
        assert len(found) == len(expected) + 1


def test_sort_orders_of_the_lists(page, server):
    with server.client() as client:
        for name, date in (("Sortme^Bob", "20200101"), ("Sortme^Ann", "20220101"),
                           ("Sortme^Cid", "20210101")):
            for content in study_files(name, f"SORT-{name[-3:].upper()}", 1,
                                       StudyDate=date).values():
                assert client.post("/instances", content=content).status_code == 200
    page.goto(server.url + "/ui/")
    search(page, name="sortme")  # by default, the last updated first
    assert page.get_by_label("Sort by").input_value() == "LastUpdate"
    assert page.get_by_label("Order", exact=True).input_value() == "DESC"
    with server.client() as client:
        found = client.post("/tools/find", json={"Level": "Study", "Expand": True,
                                                 "Query": {"PatientName": "Sortme*"}}).json()
        updated = {formatted(s["PatientMainDicomTags"]["PatientName"]):
                   client.get(f"/studies/{s['ID']}/metadata/LastUpdate").text for s in found}
    shown = [updated[name] for name in result_names(page)]
    assert shown == sorted(shown, reverse=True)
    orders = {("", "ASC"): ["Sortme Bob", "Sortme Ann", "Sortme Cid"],
              ("", "DESC"): ["Sortme Cid", "Sortme Ann", "Sortme Bob"],
              ("PatientName", "ASC"): ["Sortme Ann", "Sortme Bob", "Sortme Cid"],
              ("PatientName", "DESC"): ["Sortme Cid", "Sortme Bob", "Sortme Ann"],
              ("StudyDate", "DESC"): ["Sortme Ann", "Sortme Cid", "Sortme Bob"],
              ("PatientID", "ASC"): ["Sortme Ann", "Sortme Bob", "Sortme Cid"]}
    for (key, direction), expected in orders.items():
        page.get_by_label("Sort by").select_option(key)
        page.get_by_label("Order", exact=True).select_option(direction)
        run_search(page)
        assert result_names(page) == expected, (key, direction)

    page.get_by_role("link", name="Patients").click()
    page.get_by_role("heading", name="Patients").wait_for()
    page.wait_for_selector(RESULTS_SHOWN)
    page.get_by_label("Patient name").fill("sortme")
    page.get_by_label("Sort by").select_option("PatientID")
    page.get_by_label("Order", exact=True).select_option("DESC")
    run_search(page)
    assert result_names(page) == ["Sortme Cid", "Sortme Bob", "Sortme Ann"]


def test_go_to_a_resource_by_uid_or_orthanc_id(page, server):
    files = study_files("Goto^Hal", "GOTO-HAL", 1)
    with server.client() as client:
        stored = client.post("/instances", content=next(iter(files.values()))).json()
        tags = client.get(f"/instances/{stored['ID']}/simplified-tags").json()
    page.goto(server.url + "/ui/#/studies")
    go = page.get_by_label("UID, patient ID or Orthanc ID")
    for text, expected, heading in (
            (tags["SOPInstanceUID"], f"#/instances/{stored['ID']}", "Instance"),
            (tags["SeriesInstanceUID"], f"#/series/{stored['ParentSeries']}", "Series"),
            (stored["ParentStudy"], f"#/studies/{stored['ParentStudy']}", "Study")):
        page.goto(server.url + "/ui/#/studies")
        go.fill(text)
        page.get_by_role("button", name="Go", exact=True).click()
        page.wait_for_url(f"**/ui/{expected}")
        page.get_by_role("heading", name=re.compile(f"^{heading}")).wait_for()
    page.goto(server.url + "/ui/#/studies")
    go.fill("1.2.3.4.5.6.7.8.9.nothing")
    page.get_by_role("button", name="Go", exact=True).click()
    page.get_by_text("Nothing has this identifier.").wait_for()


def test_a_view_overtaken_by_another_does_not_replace_it(page, server):
    with server.client() as client:
        content = next(iter(study_files("Late^Ivy", "LATE-IVY", 1).values()))
        instance = client.post("/instances", content=content).json()["ID"]

    def late(route):  # the instance's tags arrive after the user went to the jobs
        time.sleep(0.6)
        route.continue_()

    page.route("**/instances/*/tags", late)
    page.goto(server.url + f"/ui/#/instances/{instance}")
    page.goto(server.url + "/ui/#/jobs")
    page.get_by_role("heading", name="Jobs").wait_for()
    page.wait_for_timeout(1000)
    assert page.locator("main h1").inner_text() == "Jobs"
    assert page.locator("main").get_attribute("aria-busy") == "false"
    assert page.get_by_role("alert").is_hidden()
