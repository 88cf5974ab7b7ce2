"""C-FIND SCP against Orthanc 1.10.1: the same queries (findscu) on the same sample corpus give
the same answers, at every level, with wildcards, ranges, case rules, character sets, computed
tags and tags read from the files.

The answers are compared as sets (Orthanc orders studies found through ModalitiesInStudy by
StudyInstanceUID); ``RetrieveAETitle`` is each server's own AET.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pydicom.dataset import Dataset

from tests.network import dcmtk
from tests.network.nodes import Pair, pair
from tests.support.corpus import CRASHES_ORTHANC, sample_files, samples

QUERIES: dict[str, tuple[str, list[str]]] = {
    "patients": ("-P", ["QueryRetrieveLevel=PATIENT", "PatientName", "PatientID",
                        "PatientBirthDate", "PatientSex", "(0010,1000)",
                        "NumberOfPatientRelatedStudies", "NumberOfPatientRelatedSeries",
                        "NumberOfPatientRelatedInstances"]),
    "studies": ("-S", ["QueryRetrieveLevel=STUDY", "PatientName", "PatientID", "StudyDate",
                       "StudyTime", "StudyDescription", "AccessionNumber", "StudyID",
                       "StudyInstanceUID", "ReferringPhysicianName", "ModalitiesInStudy",
                       "NumberOfStudyRelatedSeries", "NumberOfStudyRelatedInstances",
                       "SOPClassesInStudy"]),
    "series": ("-S", ["QueryRetrieveLevel=SERIES", "StudyInstanceUID", "SeriesInstanceUID",
                      "Modality", "SeriesNumber", "SeriesDescription", "BodyPartExamined",
                      "NumberOfSeriesRelatedInstances"]),
    "instances": ("-S", ["QueryRetrieveLevel=IMAGE", "SOPInstanceUID", "InstanceNumber",
                         "NumberOfFrames", "ImageComments", "PatientName"]),
    "names with wildcards": ("-S", ["QueryRetrieveLevel=STUDY", "PatientName=*a*",
                                    "StudyInstanceUID"]),
    "person names ignore case": ("-S", ["QueryRetrieveLevel=STUDY", "PatientName=brainix",
                                        "PatientID"]),
    "other tags are case sensitive": ("-S", ["QueryRetrieveLevel=STUDY",
                                             "StudyDescription=knee*", "PatientName"]),
    "the same in the right case": ("-S", ["QueryRetrieveLevel=STUDY",
                                          "StudyDescription=Knee*", "PatientName"]),
    "question mark": ("-P", ["QueryRetrieveLevel=PATIENT", "PatientID=?????", "PatientName"]),
    "date range": ("-S", ["QueryRetrieveLevel=STUDY", "StudyDate=20000101-20101231",
                          "StudyInstanceUID"]),
    "open date range": ("-S", ["QueryRetrieveLevel=STUDY", "StudyDate=-20050101",
                               "StudyInstanceUID"]),
    "list of values": ("-S", ["QueryRetrieveLevel=SERIES", "Modality=MR\\CT",
                              "SeriesInstanceUID"]),
    "modalities in study": ("-S", ["QueryRetrieveLevel=STUDY", "ModalitiesInStudy=CT\\MR",
                                   "StudyInstanceUID", "NumberOfStudyRelatedSeries"]),
    "tags that are no main tags": ("-S", ["QueryRetrieveLevel=IMAGE", "SOPInstanceUID",
                                          "SOPClassUID", "Rows", "Columns",
                                          "PhotometricInterpretation", "PatientAge"]),
    "constraint read from the files": ("-S", ["QueryRetrieveLevel=SERIES",
                                              "PhotometricInterpretation=MONOCHROME2",
                                              "SeriesInstanceUID"]),
    "sequence asked for": ("-S", ["QueryRetrieveLevel=STUDY", "StudyInstanceUID",
                                  "ProcedureCodeSequence"]),
    "lower level tag at study level": ("-S", ["QueryRetrieveLevel=STUDY", "StudyInstanceUID",
                                              "SeriesDescription"]),
    "query in UTF-8": ("-S", ["QueryRetrieveLevel=STUDY", "SpecificCharacterSet=ISO_IR 192",
                              "PatientName=*é*", "StudyDescription"]),
    "non-Latin-1 names": ("-P", ["QueryRetrieveLevel=PATIENT", "SpecificCharacterSet=ISO_IR 192",
                                 "PatientID=*", "PatientName", "PatientBirthDate"]),
    "Greek name in a query": ("-P", ["QueryRetrieveLevel=PATIENT",
                                     "SpecificCharacterSet=ISO_IR 192", "PatientName=Test-Θ*",
                                     "PatientID"]),
    # "\udce9": the byte 0xE9 on findscu's command line, "é" in Latin-1
    "Latin-1 name in a query": ("-P", ["QueryRetrieveLevel=PATIENT",
                                       "SpecificCharacterSet=ISO_IR 100",
                                       "PatientName=Test-\udce9*", "PatientID"]),
}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    """Both servers, with every sample file that both accept."""
    samples()
    with pair(tmp_path_factory.mktemp("find")) as servers:
        with servers.lethe.client() as lethe, servers.orthanc.client() as orthanc:
            for path in sample_files():
                if path.name in CRASHES_ORTHANC:
                    continue
                data = path.read_bytes()
                stored = lethe.post("/instances", content=data)
                if stored.status_code != 200:
                    continue
                if orthanc.post("/instances", content=data).status_code != 200:
                    lethe.delete(f"/instances/{stored.json()['ID']}")
        yield servers


def canonical(dataset: Dataset) -> tuple:
    """A comparable form of an answer: each element's tag, VR and value (items walked)."""
    elements = []
    for element in dataset:
        if element.tag == 0x00080054:  # RetrieveAETitle: each server's AET
            continue
        if element.VR == "SQ":
            value: object = tuple(canonical(item) for item in element.value)
        else:
            value = str(element.value if element.value is not None else "")
        elements.append((int(element.tag), element.VR, value))
    return tuple(elements)


@pytest.mark.orthanc
@pytest.mark.parametrize("name", list(QUERIES))
def test_find_answers_as_orthanc(loaded: Pair, name: str) -> None:
    model, keys = QUERIES[name]
    got = dcmtk.find(loaded.lethe.port, keys, model)
    expected = dcmtk.find(loaded.orthanc.port, keys, model)
    assert sorted(map(canonical, got)) == sorted(map(canonical, expected))
    assert all(a.get("RetrieveAETitle") == "LETHE" for a in got)


@pytest.mark.orthanc
def test_the_queries_find_something(loaded: Pair) -> None:
    """The corpus gives the comparisons something to compare."""
    for name in ("patients", "studies", "names with wildcards", "date range",
                 "modalities in study", "non-Latin-1 names", "query in UTF-8",
                 "Greek name in a query", "Latin-1 name in a query"):
        model, keys = QUERIES[name]
        assert dcmtk.find(loaded.lethe.port, keys, model), name


def test_corpus_holds_encodings() -> None:
    assert (samples() / "Encodings").is_dir()
    assert any(Path(p).parent.name == "Encodings" for p in sample_files())
