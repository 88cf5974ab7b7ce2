"""Differential: the answer to each upload, and the main tags of every level, equal Orthanc's."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydicom.data import get_testdata_file

from tests.support.corpus import CRASHES_ORTHANC, sample_files

PYDICOM_FILES = ["CT_small.dcm", "MR_small.dcm", "rtplan.dcm", "JPEG2000.dcm",
                 "US1_J2KR.dcm", "emri_small.dcm", "SC_rgb.dcm", "image_dfl.dcm"]


def corpus() -> list:
    files = [get_testdata_file(name, download=False) for name in PYDICOM_FILES]
    return [f for f in files if f] + [p for p in sample_files() if p.name not in CRASHES_ORTHANC]


@pytest.mark.orthanc
@pytest.mark.usefixtures("samples_dir")
def test_uploads_match_orthanc(orthanc_fresh, lethe):
    compared = 0
    with orthanc_fresh.client() as oracle:
        for path in corpus():
            data = Path(path).read_bytes()
            theirs = oracle.post("/instances", content=data)
            ours = lethe.post("/instances", content=data)
            if theirs.status_code != 200:
                assert ours.status_code in (400, 404), path
                continue
            assert ours.status_code == 200, (path, ours.text)
            t, o = theirs.json(), ours.json()
            assert {k: o[k] for k in t} == t, path
            for level, key in (("patients", "ParentPatient"), ("studies", "ParentStudy"),
                               ("series", "ParentSeries"), ("instances", "ID")):
                tj = oracle.get(f"/{level}/{t[key]}").json()
                oj = lethe.get(f"/{level}/{o[key]}").json()
                assert oj["MainDicomTags"] == tj["MainDicomTags"], (path, level)
                if level == "studies":
                    assert oj["PatientMainDicomTags"] == tj["PatientMainDicomTags"], path
            compared += 1
    assert compared > 100
