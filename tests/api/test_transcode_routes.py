"""Transcode on modify (instance and job routes) and on download."""

from __future__ import annotations

import io

import numpy as np
import pydicom
import pytest
from pydicom.data import get_testdata_file

from tests.api.test_modify_routes import SEED_MODIFY_BODY

JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70"


def ct_small() -> bytes:
    with open(get_testdata_file("CT_small.dcm"), "rb") as f:
        return f.read()


def read(content: bytes) -> pydicom.Dataset:
    return pydicom.dcmread(io.BytesIO(content))


def test_seed_modify_with_transcode(lethe):
    source = read(ct_small())
    iid = lethe.post("/instances", content=ct_small()).json()["ID"]
    body = SEED_MODIFY_BODY.replace('"Force": true', '"Force": true,\n'
                                    f'            "Transcode": "{JPEG_LOSSLESS_SV1}"')
    assert '"Transcode": "1.2.840.10008.1.2.4.70"' in body
    r = lethe.post(f"/instances/{iid}/modify", content=body.encode())
    assert r.status_code == 200, r.text
    out = read(r.content)
    assert out.file_meta.TransferSyntaxUID == JPEG_LOSSLESS_SV1
    assert out.PatientName == "hello" and "InstitutionName" not in out
    assert np.array_equal(out.pixel_array, source.pixel_array)


@pytest.mark.parametrize("target", ["1.2.840.10008.1.2", "1.2.840.10008.1.2.5",
                                    "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.90"])
def test_download_transcoded_lossless(lethe, target):
    source = read(ct_small())
    iid = lethe.post("/instances", content=ct_small()).json()["ID"]
    r = lethe.get(f"/instances/{iid}/file?transcode={target}")
    assert r.status_code == 200 and r.headers["content-type"] == "application/dicom"
    out = read(r.content)
    assert out.file_meta.TransferSyntaxUID == target
    assert out.SOPInstanceUID == source.SOPInstanceUID
    assert np.array_equal(out.pixel_array, source.pixel_array)


def test_unknown_and_impossible_targets(lethe):
    iid = lethe.post("/instances", content=ct_small()).json()["ID"]
    r = lethe.get(f"/instances/{iid}/file?transcode=1.2.3")
    assert r.status_code == 400 and "1.2.3" in r.json()["Details"]
    r = lethe.post(f"/instances/{iid}/modify", json={"Transcode": "1.2.3"})
    assert r.status_code == 400 and r.json()["OrthancStatus"] == 3
    # JPEG baseline needs 8-bit data; CT_small is 16-bit
    r = lethe.post(f"/instances/{iid}/modify", json={"Transcode": "1.2.840.10008.1.2.4.50"})
    assert r.status_code == 400 and r.json()["Details"]


def test_series_job_transcodes_and_refuses_cleanly(lethe):
    answer = lethe.post("/instances", content=ct_small()).json()
    series = answer["ParentSeries"]
    r = lethe.post(f"/series/{series}/modify", json={"Transcode": JPEG_LOSSLESS_SV1})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["Transcode"] == JPEG_LOSSLESS_SV1
    new_instance = lethe.get(f"/series/{out['ID']}").json()["Instances"][0]
    meta = lethe.get(f"/instances/{new_instance}/metadata?expand").json()
    assert meta["TransferSyntax"] == JPEG_LOSSLESS_SV1
    before = set(lethe.get("/instances").json())
    r = lethe.post(f"/series/{series}/modify", json={"Transcode": "1.2.840.10008.1.2.4.50"})
    assert r.status_code == 400
    assert set(lethe.get("/instances").json()) == before
