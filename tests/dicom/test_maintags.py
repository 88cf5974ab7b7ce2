"""Orthanc's main DICOM tags and /tools/find matching (lethe.dicom.maintags).

The differential tests run on a fresh Orthanc 1.10.1 each: main tags of a
resource come from the first instance that created it, and find results must
not see other tests' data.
"""

from __future__ import annotations

import io

import pydicom
import pytest

from lethe.dicom.dicomjson import tag_name
from lethe.dicom.levels import Level
from lethe.dicom.maintags import (
    FIND_TAGS,
    IDENTIFIER_TAGS,
    MAIN_TAGS,
    FindConstraint,
    dicom_date_range_matches,
    main_tags,
    main_tags_json,
    normalize_identifier,
    upper_case_with_accents,
    wildcard_matches,
)
from lethe.dicom.tags import DEFAULT_TAGS
from lethe.errors import ErrorCode, LetheError
from tests.dicom.test_dicomjson import part10, read
from tests.support.corpus import CRASHES_ORTHANC, sample_files
from tests.support.dicomgen import make_dataset, to_bytes

MAIN_TAG_NAMES = {
    "Patient": ["PatientName", "PatientBirthDate", "PatientSex", "OtherPatientIDs", "PatientID"],
    "Study": ["StudyDate", "StudyTime", "StudyID", "StudyDescription", "AccessionNumber",
              "StudyInstanceUID", "RequestedProcedureDescription", "InstitutionName",
              "RequestingPhysician", "ReferringPhysicianName"],
    "Series": ["SeriesDate", "SeriesTime", "Modality", "Manufacturer", "StationName",
               "SeriesDescription", "BodyPartExamined", "SequenceName", "ProtocolName",
               "SeriesNumber", "CardiacNumberOfImages", "ImagesInAcquisition",
               "NumberOfTemporalPositions", "NumberOfSlices", "NumberOfTimeSlices",
               "SeriesInstanceUID", "ImageOrientationPatient", "SeriesType", "OperatorsName",
               "PerformedProcedureStepDescription", "AcquisitionDeviceProcessingDescription",
               "ContrastBolusAgent"],
    "Instance": ["InstanceCreationDate", "InstanceCreationTime", "AcquisitionNumber",
                 "ImageIndex", "InstanceNumber", "NumberOfFrames", "TemporalPositionIdentifier",
                 "SOPInstanceUID", "ImagePositionPatient", "ImageComments",
                 "ImageOrientationPatient"],
}


@pytest.mark.parametrize("level", Level)
def test_main_tag_lists_are_orthanc_1_10_defaults(level):
    assert [tag_name(tag) for tag in MAIN_TAGS[level]] == MAIN_TAG_NAMES[level.label]


@pytest.mark.filterwarnings("ignore:The value length")
def test_main_tags_keep_orthanc_strings_and_drop_the_unstorable():
    ds = make_dataset(patient_id="P1", PatientName="Ren\xe9e^Doe", OtherPatientIDs=["A", "B"],
                      StudyDescription="x" * 257, AccessionNumber="", SeriesNumber=7,
                      ImageOrientationPatient=["1", "0", "0", "0", "1", "0"])
    ds = read(to_bytes(ds))
    assert main_tags(ds, Level.PATIENT) == {"PatientName": "Ren\xe9e^Doe",
                                        "PatientBirthDate": "19700101", "PatientSex": "M",
                                        "OtherPatientIDs": "A\\B", "PatientID": "P1"}
    study = main_tags(ds, Level.STUDY)
    assert "StudyDescription" not in study          # longer than 256 bytes
    assert study["AccessionNumber"] == ""           # empty values are kept
    assert "RequestingPhysician" not in study       # absent
    assert main_tags(ds, Level.SERIES)["SeriesNumber"] == "7"
    instance = main_tags(ds, Level.INSTANCE)
    assert instance["ImageOrientationPatient"] == "1\\0\\0\\0\\1\\0"
    assert instance["InstanceNumber"] == "1"
    with pytest.raises(ValueError):
        main_tags(ds, "Frame")


def test_main_tags_json_formats():
    tags = {"PatientID": "P1", "PatientName": "Doe"}
    assert main_tags_json(tags, Level.PATIENT) == tags
    assert main_tags_json(tags, Level.PATIENT, "short") == {"0010,0010": "Doe", "0010,0020": "P1"}
    assert main_tags_json(tags, Level.PATIENT, "full")["0010,0020"] == {
        "Name": "PatientID", "Type": "String", "Value": "P1"}


def test_find_tags_are_the_level_and_its_ancestors():
    patient_name, modality, sop = 0x00100010, 0x00080060, 0x00080018
    assert patient_name in FIND_TAGS[Level.STUDY] and patient_name in FIND_TAGS[Level.INSTANCE]
    assert modality not in FIND_TAGS[Level.STUDY] and modality in FIND_TAGS[Level.SERIES]
    assert sop in FIND_TAGS[Level.INSTANCE] and sop not in FIND_TAGS[Level.SERIES]
    assert 0x00081030 in IDENTIFIER_TAGS and 0x0008103E not in IDENTIFIER_TAGS


@pytest.mark.parametrize(("value", "normalized"), [
    ("pid_1", "PID 1"), (" \xc9ric%x\t ", "RIC X"), ("a\\b", "A\\B"), ("x[1]", "X[1]"),
])
def test_normalize_identifier(value, normalized):
    assert normalize_identifier(value) == normalized


def test_upper_case_keeps_accents_and_length():
    assert upper_case_with_accents("h\xf4pital \xdf") == "H\xd4PITAL \xdf"


@pytest.mark.parametrize(("value", "pattern", "case_sensitive", "matches"), [
    ("Doe^John", "Doe^J?hn", True, True), ("Doe^John", "doe*", True, False),
    ("Doe^John", "doe*", False, True), ("x.y+z", "x.y*", True, True), ("xay", "x.y", True, False),
    ("\xc9ric", "\xe9ric", False, True), ("a\nb", "a*b", True, True), ("ab", "a", True, False),
])
def test_wildcard_matches(value, pattern, case_sensitive, matches):
    assert wildcard_matches(value, pattern, case_sensitive) is matches


@pytest.mark.parametrize(("value", "query", "matches"), [
    ("20200315", "20200101-20201231", True), ("20200315", "-2020", False),
    ("", "-2020", True), ("2019", "20190101-", False), ("20191231", "20191231-20191231-", True),
    ("20200315", "20201231-20200101", False), ("101500.5", "1015-", True),
])
def test_date_ranges_compare_strings(value, query, matches):
    assert dicom_date_range_matches(value, query) is matches


@pytest.mark.parametrize(("keyword", "query", "kind", "values"), [
    ("StudyDate", "20200101-20201231", "range", ("20200101", "20201231")),
    ("StudyDate", "-2020", "range", ("", "2020")),
    ("StudyDate", "20191231\\2020*", "list", ("20191231", "2020*")),
    ("PatientName", "doe*", "wildcard", ("doe*",)),
    ("SeriesNumber", "12", "equal", ("12",)),
    ("SeriesDescription", "a-b", "equal", ("a-b",)),
    ("Modality", "MR\\", "list", ("MR", "")),
    ("ModalitiesInStudy", "M?", "wildcard", ("M?",)),
])
def test_constraint_kinds(keyword, query, kind, values):
    constraint = FindConstraint.parse(DEFAULT_TAGS.parse_tag(keyword), query)
    assert (constraint.kind, constraint.values) == (kind, values)


def test_modalities_in_study_constrains_modality_and_empty_queries_nothing():
    assert FindConstraint.parse(0x00080061, "MR").tag == 0x00080060
    assert FindConstraint.parse(0x00080020, "") is None
    assert FindConstraint.parse(0x00080020, "-") is None


@pytest.mark.parametrize(("keyword", "query"), [
    ("StudyDate", "2019*"), ("StudyDate", "2019*-2020"), ("SeriesNumber", "1*"),
    ("StudyInstanceUID", "2.25.*"),
])
def test_wildcards_outside_wildcard_vrs_are_out_of_range(keyword, query):
    with pytest.raises(LetheError) as caught:
        FindConstraint.parse(DEFAULT_TAGS.parse_tag(keyword), query)
    assert caught.value.code is ErrorCode.PARAMETER_OUT_OF_RANGE
    assert query in caught.value.details


@pytest.mark.parametrize(("keyword", "query", "case_sensitive", "value", "matches"), [
    ("PatientID", "PID_1", False, "pid_1", True),
    ("PatientID", "pid 1", False, "pid_1", False),     # same normalized form, but not equal
    ("PatientName", "RIC*", False, "\xc9ric^M\xfcller", False),
    ("PatientName", "\xc9ric*", False, "\xc9ric^M\xfcller", True),
    ("PatientName", "eric*", False, "\xc9ric^M\xfcller", False),  # normalized "RIC^MLLER"
    ("InstitutionName", "h\xf4pital*", False, "H\xf4pital Central", True),
    ("InstitutionName", "H\xd4PITAL*", False, "H\xf4pital Central", False),  # SQL folds ASCII
    ("InstitutionName", "HOPITAL*", False, "H\xf4pital Central", False),
    ("SeriesDescription", "axial*", True, "Axial T1", False),
    ("SeriesDescription", "a_b%c", False, "a_b%c", True),
    ("SeriesDescription", "a?b?c", False, "a_b%c", True),
    ("SeriesDescription", "*", False, "", True),
    ("Modality", "mr\\ct", False, "MR", True),
    ("Modality", "M*\\C*", False, "MR", False),        # list items are literal
    ("StudyDate", "-2020", False, "", True),
    ("SeriesDate", "20190101-", False, "2019", False),
])
def test_constraint_matching(keyword, query, case_sensitive, value, matches):
    constraint = FindConstraint.parse(DEFAULT_TAGS.parse_tag(keyword), query,
                                      case_sensitive=case_sensitive)
    assert constraint.matches(value) is matches
    assert constraint.matches(None) is False


# --- Differential tests against Orthanc 1.10.1 --------------------------------------------

@pytest.mark.orthanc
@pytest.mark.usefixtures("samples_dir")
def test_main_tags_equal_orthanc_for_every_resource(orthanc_fresh):
    created: dict[str, tuple[Level, bytes]] = {}   # resource ID -> (level, creating file)
    with orthanc_fresh.client() as client:
        for path in sample_files():
            if path.name in CRASHES_ORTHANC:
                continue
            data = path.read_bytes()
            answer = client.post("/instances", content=data)
            if answer.status_code != 200 or answer.json()["Status"] != "Success":
                continue
            ids = answer.json()
            for level, key in ((Level.PATIENT, "ParentPatient"), (Level.STUDY, "ParentStudy"),
                               (Level.SERIES, "ParentSeries"), (Level.INSTANCE, "ID")):
                created.setdefault(ids[key], (level, data))
        assert len(created) > 300
        wrong = []
        for resource, (level, data) in created.items():
            ds = pydicom.dcmread(io.BytesIO(data), force=True, stop_before_pixels=True)
            path = level.plural
            for fmt, query in (("simplify", ""), ("short", "?short"), ("full", "?full")):
                answer = client.get(f"/{path}/{resource}{query}").json()
                if answer["MainDicomTags"] != main_tags_json(main_tags(ds, level), level, fmt):
                    wrong.append(f"{level.label} {resource} {fmt}")
                patient = main_tags_json(main_tags(ds, Level.PATIENT), Level.PATIENT, fmt)
                if level is Level.STUDY and answer["PatientMainDicomTags"] != patient:
                    wrong.append(f"PatientMainDicomTags {resource} {fmt}")
    assert wrong == []


FIND_DATA = {
    "A": [(0x00100010, "PN", "Doe^John"), (0x00100020, "LO", "pid_1 "), (0x00081030, "LO", "Brain MRI "),
          (0x00080020, "DA", "20200315"), (0x0008103E, "LO", "Axial T1"), (0x00080060, "CS", "MR"),
          (0x00080021, "DA", "20200315"), (0x00080080, "LO", "H\xf4pital Central "),
          (0x00080050, "SH", "acc%1 "), (0x00080090, "PN", "Smith^Anna"),
          (0x00180015, "CS", "HEAD"), (0x00080030, "TM", "101500.5"), (0x00100030, "DA", "19800101")],
    "B": [(0x00100010, "PN", "DOE^JANE"), (0x00100020, "LO", "PID2"), (0x00081030, "LO", "brain ct"),
          (0x00080020, "DA", "20191231"), (0x0008103E, "LO", "axial t2"), (0x00080060, "CS", "CT"),
          (0x00080021, "DA", "2019"), (0x00080080, "LO", "HOPITAL central "),
          (0x00080050, "SH", "ACC 1 "), (0x00080090, "PN", "smith^bob "),
          (0x00180015, "CS", "head"), (0x00080030, "TM", "0915"), (0x00100030, "DA", "")],
    "C": [(0x00100010, "PN", "\xc9ric^M\xfcller "), (0x00100020, "LO", "\xc9ric "),
          (0x00081030, "LO", "X[1]"), (0x00080020, "DA", ""), (0x0008103E, "LO", "a_b%c "),
          (0x00080060, "CS", "OT"), (0x00080080, "LO", "x.y*z "), (0x00080050, "SH", "a\\b ")],
}
FIND_QUERIES = [
    ("Study", {"PatientName": "doe^john"}), ("Study", {"PatientName": "Doe^J?hn"}),
    ("Study", {"PatientName": "\xc9ric*"}), ("Study", {"PatientName": "RIC*"}),
    ("Study", {"PatientName": "*M\xfcller"}), ("Study", {"PatientName": "*MLLER"}),
    ("Study", {"PatientName": "Doe^John "}), ("Study", {"PatientID": "PID_1"}),
    ("Study", {"PatientID": "pid 1"}), ("Study", {"PatientID": "pid?1"}),
    ("Study", {"PatientID": "PID*"}), ("Study", {"StudyDescription": "brain*"}),
    ("Study", {"StudyDescription": "x[1]"}), ("Study", {"StudyDate": "20200101-20201231"}),
    ("Study", {"StudyDate": "-2020"}), ("Study", {"StudyDate": "2020-"}),
    ("Study", {"StudyDate": "20191231\\2020*"}), ("Study", {"StudyDate": "-"}),
    ("Series", {"SeriesDate": "-2019"}), ("Series", {"SeriesDate": "20190101-"}),
    ("Series", {"SeriesDescription": "axial*"}), ("Series", {"SeriesDescription": "Axial T1"}),
    ("Series", {"SeriesDescription": "a?b?c"}), ("Series", {"SeriesDescription": "*"}),
    ("Series", {"BodyPartExamined": "*"}), ("Series", {"Modality": "mr\\ct"}),
    ("Series", {"Modality": "M*\\C*"}), ("Series", {"Modality": "MR\\"}),
    ("Study", {"InstitutionName": "h\xf4pital*"}), ("Study", {"InstitutionName": "HOPITAL*"}),
    ("Study", {"InstitutionName": "H\xd4PITAL*"}), ("Study", {"InstitutionName": "x.y*z"}),
    ("Study", {"AccessionNumber": "acc%1"}), ("Study", {"AccessionNumber": "a\\b"}),
    ("Study", {"ReferringPhysicianName": "smith*"}), ("Study", {"StudyTime": "0900-1000"}),
    ("Study", {"StudyTime": "-101500.5"}), ("Study", {"PatientBirthDate": "-1990"}),
    ("Study", {"ModalitiesInStudy": "MR\\CT"}), ("Study", {"ModalitiesInStudy": "m?"}),
    ("Series", {"StudyDescription": "brain*", "Modality": "CT"}),
    ("Patient", {"StudyDescription": "brain*"}), ("Study", {"SeriesDescription": "axial*"}),
    ("Instance", {"PatientName": "doe*"}), ("Instance", {"SOPInstanceUID": "*"}),
    ("Study", {"StudyDate": "2019*"}), ("Study", {"StudyInstanceUID": "2.25*"}),
]


def _lethe_find(level: str, query: dict, case_sensitive: bool, tags: dict) -> str:
    """Which of A, B, C match, from their main tags, with Orthanc 1.10.1's level rules."""
    try:
        constraints = [(name, FindConstraint.parse(DEFAULT_TAGS.parse_tag(name), text,
                                                   case_sensitive=case_sensitive))
                       for name, text in query.items()]
    except LetheError as error:
        return f"error {error.code.http_status}"
    parsed = Level.parse(level)
    upper = [up for up in Level if up <= parsed]

    def passes(levels: dict, name: str, constraint: FindConstraint) -> bool:
        if name == "ModalitiesInStudy":   # any series of the study, study queries only
            return (parsed is Level.STUDY
                    and constraint.matches(levels[Level.SERIES].get("Modality")))
        if constraint.tag not in FIND_TAGS[parsed]:
            return False
        values = [levels[up].get(tag_name(constraint.tag)) for up in upper]
        return constraint.matches(next((v for v in values if v is not None), None))

    return "".join(letter for letter, levels in tags.items()
                   if all(c is None or passes(levels, name, c) for name, c in constraints))


@pytest.mark.orthanc
def test_find_equals_orthanc(orthanc_fresh):
    with orthanc_fresh.client() as client:
        letters, tags = {}, {}
        for letter, elements in FIND_DATA.items():
            data = part10([(0x00080005, "CS", "ISO_IR 100")] + elements)
            ids = client.post("/instances", content=data).json()
            for key in ("ParentPatient", "ParentStudy", "ParentSeries", "ID"):
                letters[ids[key]] = letter
            ds = read(data)
            tags[letter] = {level: main_tags(ds, level) for level in Level}
        wrong = []
        for level, query in FIND_QUERIES:
            for case_sensitive in (False, True):
                answer = client.post("/tools/find", json={
                    "Level": level, "Query": query, "CaseSensitive": case_sensitive})
                expected = ("".join(sorted(letters[i] for i in answer.json()))
                            if answer.status_code == 200 else f"error {answer.status_code}")
                if _lethe_find(level, query, case_sensitive, tags) != expected:
                    wrong.append((level, query, case_sensitive, expected))
    assert wrong == []
