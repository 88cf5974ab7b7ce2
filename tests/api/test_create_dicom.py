"""``POST /tools/create-dicom`` in all its forms, against Orthanc 1.10.1: the tags of the
instances made (generated identifiers, dates and times aside), the answers, the errors."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator

import httpx
import pydicom
import pytest
from PIL import Image

from tests.support.servers import ServerProcess

GENERATED = {"SOPInstanceUID", "StudyInstanceUID", "SeriesInstanceUID", "PatientID",
             "InstanceCreationDate", "InstanceCreationTime", "StudyDate", "StudyTime",
             "SeriesDate", "SeriesTime", "AcquisitionDate", "AcquisitionTime", "ContentDate",
             "ContentTime"}
"""Values each server draws itself: compared by presence only."""


def png(mode: str, size: tuple[int, int] = (5, 3), fmt: str = "PNG") -> str:
    image = Image.new(mode, size)
    image.putdata([(i * 37) % (65536 if mode == "I;16" else 256) if mode in ("L", "I;16")
                   else ((i * 37) % 256, i % 256, 200) for i in range(size[0] * size[1])])
    out = io.BytesIO()
    image.save(out, fmt)
    mime = "image/png" if fmt == "PNG" else "image/jpeg"
    return f"data:{mime};base64,{base64.b64encode(out.getvalue()).decode()}"


PDF = "data:application/pdf;base64," + base64.b64encode(b"%PDF-1.4\n%%EOF\n").decode()
RAW = "data:application/octet-stream;base64," + base64.b64encode(b"\0\1\2\3\4").decode()

BODIES = {
    "legacy": {"PatientName": "Flat^Legacy", "Modality": "MR", "StudyDescription": "Old"},
    "legacy-pixels": {"PatientName": "Flat^Pixels", "PixelData": png("L")},
    "tags": {"Tags": {"PatientName": "Hello^World", "Modality": "CT",
                      "StudyDescription": "Created"}},
    "png-rgb": {"Tags": {"PatientName": "Rgb"}, "Content": png("RGB")},
    "png-gray8": {"Tags": {"PatientName": "Gray8", "PhotometricInterpretation": "MONOCHROME1"},
                  "Content": png("L")},
    "png-gray16": {"Tags": {"PatientName": "Gray16"}, "Content": png("I;16", (4, 4))},
    "jpeg": {"Tags": {"PatientName": "Jpeg"}, "Content": png("RGB", (8, 8), "JPEG")},
    "pdf": {"Tags": {"PatientName": "Pdf", "Modality": "DOC"}, "Content": PDF},
    "raw": {"Tags": {"PatientName": "Raw", "Rows": "1", "Columns": "5"}, "Content": RAW},
    "empty-content": {"Tags": {"PatientName": "NoContent"}, "Content": []},
    "sequence": {"Tags": {"PatientName": "Seq", "ReferencedStudySequence": [
        {"ReferencedSOPClassUID": "1.2.3", "ReferencedSOPInstanceUID": "1.2.3.4"}, []]}},
    "binary": {"Tags": {"PatientName": "Bin", "ImageComments":
                        "data:application/octet-stream;base64,SGVsbG8="}},
    "binary-kept": {"Tags": {"PatientName": "NoBin", "ImageComments":
                             "data:application/octet-stream;base64,SGVsbG8="},
                    "InterpretBinaryTags": False},
    "utf8": {"Tags": {"SpecificCharacterSet": "ISO_IR 192", "PatientName": "Ünïcødé^Tëst",
                      "StudyDescription": "Été"}},
    "latin1": {"Tags": {"PatientName": "Müller^Jürgen"}},
    "forced": {"Tags": {"PatientName": "Forced", "PatientID": "FORCED",
                        "SOPInstanceUID": "1.2.826.0.1.3680043.9.1",
                        "SeriesInstanceUID": "1.2.826.0.1.3680043.9.3",
                        "StudyInstanceUID": "1.2.826.0.1.3680043.9.2"}, "Force": True},
    "dates": {"Tags": {"PatientName": "Dates", "StudyDate": "20000101",
                       "PatientID": "CHOSEN"}},
}

ERRORS = {
    "not-object": [1],
    "not-string": {"PatientName": 7},
    "tags-not-object": {"Tags": []},
    "pixel-data-tag": {"Tags": {"PixelData": "x"}},
    "content-number": {"Tags": {"PatientName": "A"}, "Content": 5},
    "content-not-uri": {"Tags": {"PatientName": "A"}, "Content": "notauri"},
    "bad-parent": {"Tags": {"PatientName": "A"}, "Parent": "nope"},
    "override": {"Tags": {"SOPInstanceUID": "1.2.3"}},
    "charset": {"Tags": {"SpecificCharacterSet": "BAD"}},
    "interpret-not-bool": {"Tags": {"PatientName": "A"}, "InterpretBinaryTags": "yes"},
    "force-not-bool": {"Tags": {"PatientName": "A"}, "Force": 1},
    "bad-pdf": {"Tags": {}, "Content": "data:application/pdf;base64,SGVsbG8="},
    "bad-png": {"Tags": {}, "Content": "data:image/png;base64,SGVsbG8="},
}
"""Bodies both servers refuse, with the same status and Orthanc code."""


@pytest.fixture(scope="module")
def clients(orthanc: ServerProcess, tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[tuple[httpx.Client, object]]:
    from starlette.testclient import TestClient

    from lethe.api.app import create_app
    from lethe.config import config_from_dict

    storage = tmp_path_factory.mktemp("lethe-create")
    app = create_app(config_from_dict({"StorageDirectory": str(storage)}))
    with orthanc.client() as oracle, TestClient(app, client=("127.0.0.1", 50000)) as lethe:
        yield oracle, lethe


def tags(client: object, instance: str) -> dict:
    answer = client.get(f"/instances/{instance}/tags?simplify")  # type: ignore[attr-defined]
    assert answer.status_code == 200, answer.text
    return answer.json()


def comparable(found: dict) -> dict:
    return {name: ("<generated>" if name in GENERATED else value)
            for name, value in found.items()}


@pytest.mark.orthanc
@pytest.mark.parametrize("name", sorted(BODIES))
def test_created_instances_have_orthancs_tags(clients, name: str):
    oracle, lethe = clients
    body = BODIES[name]
    theirs = oracle.post("/tools/create-dicom", json=body)
    ours = lethe.post("/tools/create-dicom", json=body)
    assert theirs.status_code == 200, theirs.text
    assert ours.status_code == 200, ours.text
    assert set(ours.json()) == set(theirs.json())
    expected, found = tags(oracle, theirs.json()["ID"]), tags(lethe, ours.json()["ID"])
    assert comparable(found) == comparable(expected)
    if "PatientID" in body.get("Tags", {}):
        assert found["PatientID"] == expected["PatientID"]
    if name == "forced":  # the given identifiers, hence the same Orthanc IDs
        assert ours.json()["ID"] == theirs.json()["ID"]
    data = lethe.get(f"/instances/{ours.json()['ID']}/file").content
    dataset = pydicom.dcmread(io.BytesIO(data))
    assert dataset.file_meta.TransferSyntaxUID == "1.2.840.10008.1.2.1"
    if name == "pdf":
        pdf = lethe.get(f"/instances/{ours.json()['ID']}/pdf")
        assert pdf.content.startswith(b"%PDF-1.4")
    if "Content" in body and name.startswith(("png", "jpeg")):
        ours_png = lethe.get(f"/instances/{ours.json()['ID']}/preview").content
        theirs_png = oracle.get(f"/instances/{theirs.json()['ID']}/preview").content
        assert (Image.open(io.BytesIO(ours_png)).tobytes()
                == Image.open(io.BytesIO(theirs_png)).tobytes())


@pytest.mark.orthanc
@pytest.mark.parametrize("name", sorted(ERRORS))
def test_refused_bodies_are_refused_as_by_orthanc(clients, name: str):
    oracle, lethe = clients
    theirs = oracle.post("/tools/create-dicom", json=ERRORS[name])
    ours = lethe.post("/tools/create-dicom", json=ERRORS[name])
    assert ours.status_code == theirs.status_code, ours.text
    assert ours.json()["OrthancStatus"] == theirs.json()["OrthancStatus"], ours.text


@pytest.mark.orthanc
def test_a_series_and_children_of_a_parent(clients):
    oracle, lethe = clients
    body = {"Tags": {"PatientName": "Series^Test", "Modality": "OT"},
            "Content": [png("L"), {"Content": png("RGB"), "Tags": {"ImageComments": "two"}}]}
    theirs, ours = oracle.post("/tools/create-dicom", json=body), lethe.post(
        "/tools/create-dicom", json=body)
    assert set(ours.json()) == set(theirs.json()) == {"ID", "Path", "Status"}
    assert ours.json()["Path"] == f"/series/{ours.json()['ID']}"
    series_t = oracle.get(f"/series/{theirs.json()['ID']}").json()
    series_o = lethe.get(f"/series/{ours.json()['ID']}").json()
    assert comparable(series_o["MainDicomTags"]) == comparable(series_t["MainDicomTags"])
    made_t = sorted((tags(oracle, i) for i in series_t["Instances"]),
                    key=lambda found: int(found["InstanceNumber"]))
    made_o = sorted((tags(lethe, i) for i in series_o["Instances"]),
                    key=lambda found: int(found["InstanceNumber"]))
    assert [comparable(found) for found in made_o] == [comparable(found) for found in made_t]
    # children of the series just made, of its study and of its patient
    for level in ("series", "study", "patient"):
        parent_t = oracle.get(f"/series/{theirs.json()['ID']}" + (
            "" if level == "series" else f"/{level}")).json()["ID"]
        parent_o = lethe.get(f"/series/{ours.json()['ID']}" + (
            "" if level == "series" else f"/{level}")).json()["ID"]
        child = {"Tags": {"ImageComments": f"child of the {level}"}}
        made_t = oracle.post("/tools/create-dicom", json={**child, "Parent": parent_t})
        made_o = lethe.post("/tools/create-dicom", json={**child, "Parent": parent_o})
        assert made_o.status_code == made_t.status_code == 200, made_o.text
        assert comparable(tags(lethe, made_o.json()["ID"])) == comparable(
            tags(oracle, made_t.json()["ID"])), level
        assert tags(lethe, made_o.json()["ID"])["PatientID"] == \
            tags(lethe, series_o["Instances"][0])["PatientID"]
        refused = {"Tags": {"PatientName": "Other"}}
        assert lethe.post("/tools/create-dicom", json={**refused, "Parent": parent_o}
                          ).json()["OrthancStatus"] == \
            oracle.post("/tools/create-dicom", json={**refused, "Parent": parent_t}
                        ).json()["OrthancStatus"]


def test_lethe_answers_what_orthanc_does_not(lethe):
    unknown = lethe.post("/tools/create-dicom", json={"Tags": {"NoSuchTag": "x"}})
    assert unknown.status_code == 400 and unknown.json()["OrthancStatus"] == 27
    no_payload = lethe.post("/tools/create-dicom",
                            json={"Tags": {}, "Content": [{"Tags": {}}]})
    assert no_payload.status_code == 400 and no_payload.json()["OrthancStatus"] == 2022
    media = lethe.post("/tools/create-dicom",
                       json={"Tags": {}, "Content": "data:text/plain;base64,SGVsbG8="})
    assert media.status_code == 415 and "text/plain" in media.json()["Details"]
    stl = lethe.post("/tools/create-dicom",
                     json={"Tags": {}, "Content": "data:model/stl;base64,c29saWQ="})
    assert stl.status_code == 200
    found = lethe.get(f"/instances/{stl.json()['ID']}/tags?simplify").json()
    assert (found["SOPClassUID"], found["Modality"]) == ("1.2.840.10008.5.1.4.1.1.104.3",
                                                         "M3D")
    assert lethe.get("/patients").json()  # nothing else half-made:
    assert len(lethe.get("/instances").json()) == 1
