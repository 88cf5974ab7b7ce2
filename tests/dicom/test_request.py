"""Parsing and validation of modify/anonymize request bodies (spec 2.2-2.5, 3.5, 6.1)."""

from __future__ import annotations

import pickle

import pytest
from pydicom.tag import BaseTag, Tag

from lethe.dicom.levels import Level
from lethe.dicom.request import (
    PATIENT_ID,
    PATIENT_NAME,
    STUDY_INSTANCE_UID,
    ModificationRequest,
    parse_level,
)
from lethe.dicom.tags import DEFAULT_TAGS, TagDictionary
from lethe.errors import ErrorCode, LetheError

INSTITUTION_NAME = Tag(0x0008, 0x0080)


def parse(body: object, *, anonymize: bool = False, tags: TagDictionary = DEFAULT_TAGS,
          **options) -> ModificationRequest:
    return ModificationRequest.parse(body, anonymize=anonymize, tags=tags, **options)


def refused(body: object, *, anonymize: bool = False, **options) -> LetheError:
    with pytest.raises(LetheError) as raised:
        parse(body, anonymize=anonymize, **options)
    return raised.value


@pytest.mark.parametrize("body", [[], "text", 3, None, b"[1]", b"not json", b""])
def test_the_body_must_be_a_json_object(body: object) -> None:
    assert refused(body).code is ErrorCode.BAD_FILE_FORMAT


def test_raw_json_bytes_are_accepted_and_unknown_fields_ignored() -> None:
    request = parse(b'{"Replace": {"PatientName": "A"}, "Foo": 1}')
    assert [r.key for r in request.replace] == ["PatientName"]


@pytest.mark.parametrize(("name", "anonymize"), [
    ("Force", False), ("Force", True), ("RemovePrivateTags", False),
    ("KeepPrivateTags", True), ("KeepLabels", False), ("KeepLabels", True)])
def test_boolean_options_must_be_booleans(name: str, anonymize: bool) -> None:
    error = refused({name: "true"}, anonymize=anonymize)
    assert error.code is ErrorCode.BAD_FILE_FORMAT
    assert error.details == f'Member "{name}" should be a Boolean value'


def test_options_of_the_other_operation_are_not_read() -> None:
    assert parse({"KeepPrivateTags": "x", "DicomVersion": 1}).remove_private_tags is False
    assert parse({"RemovePrivateTags": "x"}, anonymize=True).remove_private_tags is True


@pytest.mark.parametrize("name", ["PrivateCreator", "Transcode"])
def test_string_options_must_be_strings(name: str) -> None:
    error = refused({name: 12})
    assert error.code is ErrorCode.BAD_FILE_FORMAT
    assert error.details == f"String value expected in field: {name}"


@pytest.mark.parametrize("body", [
    {"Replace": []}, {"Replace": "PatientName"}, {"Remove": "PatientName"},
    {"Remove": [1]}, {"Keep": {"PatientName": 1}}, {"Keep": [None]}, {"Remove": None}])
def test_replace_remove_keep_types(body: dict) -> None:
    assert refused(body).code is ErrorCode.BAD_REQUEST


@pytest.mark.parametrize(("field", "operation"), [
    ("Replace", "replaced"), ("Remove", "removed"), ("Keep", "kept")])
@pytest.mark.parametrize("name", ["PatientID", "0020,000d", "SeriesInstanceUID",
                                  "(0008,0018)"])
def test_the_four_identifiers_need_force(field: str, operation: str, name: str) -> None:
    body = {field: {name: "1.2"} if field == "Replace" else [name]}
    error = refused(body)
    assert error.code is ErrorCode.BAD_REQUEST
    assert error.details == (f'Marking tag "{name}" as to be {operation} requires the "Force" '
                             "option to be set to true")


def test_nested_identifiers_do_not_need_force() -> None:
    request = parse({"Replace": {"ReferencedStudySequence[0].StudyInstanceUID": "1.2"},
                     "Remove": ["ReferencedSeriesSequence[*].SeriesInstanceUID"],
                     "Keep": ["ReferencedImageSequence[0].ReferencedSOPInstanceUID"]})
    assert len(request.nested_replacements) == 1 and len(request.nested_removals) == 1


def test_removing_an_identifier_is_refused_even_with_force() -> None:
    error = refused({"Remove": ["SOPInstanceUID"], "Force": True})
    assert error.code is ErrorCode.BAD_REQUEST
    assert error.details == "It is forbidden to remove one of the main Dicom identifiers"
    # A later Replace or Keep cancels the removal.
    assert PATIENT_ID not in parse({"Remove": ["PatientID"], "Replace": {"PatientID": "X"},
                                    "Force": True}).removals
    parse({"Remove": ["StudyInstanceUID"], "Keep": ["StudyInstanceUID"], "Force": True})


def test_force_errors_come_in_orthancs_order() -> None:
    error = refused({"Keep": ["PatientID"], "Remove": ["SOPInstanceUID"],
                     "Replace": {"StudyInstanceUID": "1"}})
    assert "SOPInstanceUID" in error.details
    error = refused({"Keep": ["PatientID"], "Replace": {"StudyInstanceUID": "1"}})
    assert "StudyInstanceUID" in error.details


def test_dicom_version() -> None:
    assert parse({}, anonymize=True).profile.version == "2023b"
    for version in ("2008", "2017c", "2021b", "2023b"):
        assert parse({"DicomVersion": version}, anonymize=True).profile.version == version
    error = refused({"DicomVersion": "2021B"}, anonymize=True)
    assert error.code is ErrorCode.PARAMETER_OUT_OF_RANGE
    assert error.details == "Unknown specific version of the DICOM standard: 2021B"
    assert refused({"DicomVersion": 2021}, anonymize=True).code is ErrorCode.BAD_FILE_FORMAT
    assert parse({"DicomVersion": "nonsense"}).profile is None


def test_transcode() -> None:
    assert parse({"Transcode": "1.2.840.10008.1.2.4.70"}).transcode == "1.2.840.10008.1.2.4.70"
    error = refused({"Transcode": "1.2.3"}, instance_route=True)
    assert (error.code, error.details) == (ErrorCode.PARAMETER_OUT_OF_RANGE,
                                           "Unknown transfer syntax: 1.2.3")
    error = refused({"Transcode": "9.9.9"})
    assert (error.code, error.details) == (ErrorCode.BAD_FILE_FORMAT,
                                           "Unknown transfer syntax UID: 9.9.9")
    # A known UID that is not a transfer syntax (CT Image Storage).
    assert refused({"Transcode": "1.2.840.10008.5.1.4.1.1.2"}).code is ErrorCode.BAD_FILE_FORMAT
    # /instances/{id}/anonymize never reads Transcode; the job routes do.
    assert parse({"Transcode": 5}, anonymize=True, instance_route=True).transcode is None
    assert parse({"Transcode": "1.2.840.10008.1.2"}, anonymize=True).transcode is not None


def test_lossy_quality() -> None:
    assert parse({}).lossy_quality is None
    assert parse({"LossyQuality": 75}).lossy_quality == 75
    for bad, code in ((0, ErrorCode.PARAMETER_OUT_OF_RANGE), (101, ErrorCode.PARAMETER_OUT_OF_RANGE),
                      ("90", ErrorCode.BAD_FILE_FORMAT), (True, ErrorCode.BAD_FILE_FORMAT),
                      (9.5, ErrorCode.BAD_FILE_FORMAT)):
        assert refused({"LossyQuality": bad}).code is code


def test_replace_keys_are_taken_in_bytewise_order_and_the_last_wins() -> None:
    request = parse({"Replace": {"PatientName": "B", "0010,0010": "A",
                                 "Seq[0].CodeValue": "0", "Seq[*].CodeValue": "*"}},
                    tags=TagDictionary.from_config({"0008,1032": ["SQ", "Seq"]}))
    assert [r.key for r in request.replace] == ["0010,0010", "PatientName", "Seq[*].CodeValue",
                                                "Seq[0].CodeValue"]
    assert [r.element.value for r in request.replacements] == ["B"]
    assert [r.key for r in request.nested_replacements] == ["Seq[*].CodeValue",
                                                            "Seq[0].CodeValue"]


def test_precedence_remove_replace_keep() -> None:
    request = parse({"Remove": ["PatientName", "InstitutionName"],
                     "Replace": {"PatientName": "X", "StationName": "S"},
                     "Keep": ["PatientName"]})
    assert PATIENT_NAME in request.kept_tags
    assert PATIENT_NAME not in request.removals and PATIENT_NAME not in request.replaced_tags
    assert INSTITUTION_NAME in request.removals
    request = parse({"Remove": ["PatientName"], "Replace": {"PatientName": "X"}})
    assert request.replaced_tags == {PATIENT_NAME} and not request.removals


def test_user_choices_cancel_the_profile() -> None:
    request = parse({"Keep": ["AccessionNumber", "FrameOfReferenceUID", "InstitutionName"],
                     "DicomVersion": "2021b"}, anonymize=True)
    for tag in (Tag(0x0008, 0x0050), Tag(0x0020, 0x0052), INSTITUTION_NAME):
        assert tag not in request.clearings | request.uid_tags | request.removals
    default = parse({}, anonymize=True)
    assert Tag(0x0008, 0x0050) in default.clearings
    assert Tag(0x0020, 0x0052) in default.uid_tags and PATIENT_ID in default.uid_tags
    assert INSTITUTION_NAME in default.removals
    # The main UIDs are regenerated by level, never part of the uid set.
    assert STUDY_INSTANCE_UID not in default.uid_tags


def test_private_tags_to_keep() -> None:
    request = parse({"Keep": ["0009,1001", "PatientName"], "RemovePrivateTags": True})
    assert request.remove_private_tags
    assert request.private_tags_to_keep == {Tag(0x0009, 0x1001)}
    # Keep is processed after Remove and Replace: the tag is kept either way.
    assert parse({"Keep": ["0009,1001"], "Remove": ["0009,1001"]}).private_tags_to_keep == {
        Tag(0x0009, 0x1001)}
    assert not parse({"Replace": {"0009,1001": "x"}}).private_tags_to_keep


@pytest.mark.parametrize(("replace", "level"), [
    ({}, Level.INSTANCE), ({"SeriesInstanceUID": "1"}, Level.SERIES),
    ({"StudyInstanceUID": "1", "SeriesInstanceUID": "1"}, Level.STUDY),
    ({"PatientID": "P", "SOPInstanceUID": "1"}, Level.PATIENT),
    ({"ReferencedStudySequence[0].StudyInstanceUID": "1"}, Level.INSTANCE)])
def test_level_detection(replace: dict, level: Level) -> None:
    assert parse({"Replace": replace, "Force": True}).level == level


def test_explicit_levels() -> None:
    assert parse({}, level=Level.STUDY).level == Level.STUDY
    assert parse({"Replace": {"PatientID": "P"}, "Force": True},
                 level=Level.SERIES).level == Level.SERIES
    assert parse({}).with_level(Level.SERIES).level == Level.SERIES
    assert parse({}, anonymize=True).level == Level.PATIENT
    assert parse({}, anonymize=True, level=Level.INSTANCE).level == Level.PATIENT
    assert parse({}, anonymize=True).with_level(Level.SERIES).level == Level.PATIENT
    with pytest.raises(ValueError):
        parse({}).with_level("Series")


@pytest.mark.parametrize(("text", "level"), [
    ("Patient", Level.PATIENT), ("patients", Level.PATIENT), ("STUDY", Level.STUDY),
    ("Studies", Level.STUDY), ("series", Level.SERIES), ("Instance", Level.INSTANCE),
    ("Images", Level.INSTANCE)])
def test_parse_level(text: str, level: Level) -> None:
    assert parse_level(text) == level


def test_parse_level_errors() -> None:
    with pytest.raises(LetheError) as raised:
        parse_level("Frame")
    assert raised.value.code is ErrorCode.PARAMETER_OUT_OF_RANGE
    with pytest.raises(LetheError) as raised:
        parse_level(" Patient")  # Orthanc does not strip the name
    assert raised.value.code is ErrorCode.PARAMETER_OUT_OF_RANGE
    with pytest.raises(LetheError) as raised:
        parse_level(3)
    assert raised.value.code is ErrorCode.BAD_FILE_FORMAT


@pytest.mark.parametrize(("body", "sets"), [
    ({}, True), ({"DicomVersion": "2017c"}, True), ({"Force": True}, True),
    ({"KeepPrivateTags": False}, True), ({"KeepPrivateTags": True}, False),
    ({"Keep": ["StudyDescription"]}, False), ({"Remove": ["StudyDescription"]}, False),
    ({"Replace": {"StudyDescription": "x"}}, False),
    ({"Remove": ["ReferencedImageSequence[0].ReferencedSOPInstanceUID"]}, False)])
def test_when_deidentification_method_is_written(body: dict, sets: bool) -> None:
    assert parse(body, anonymize=True).sets_deidentification_method is sets
    assert parse(body).sets_deidentification_method is False


@pytest.mark.parametrize(("body", "sets"), [
    ({}, True), ({"Replace": {"PatientName": "X"}}, False), ({"Keep": ["PatientName"]}, False),
    ({"Remove": ["PatientName"]}, False),
    ({"Replace": {"ReferencedPatientSequence[0].PatientName": "X"}}, True)])
def test_when_the_anonymized_patient_name_is_written(body: dict, sets: bool) -> None:
    assert parse(body, anonymize=True).sets_patient_name is sets


def test_values_are_cast_at_parse_time() -> None:
    error = refused({"Replace": {"Rows": "abc"}})
    assert error.code is ErrorCode.BAD_FILE_FORMAT
    assert error.details.startswith('While creating a DICOM instance, tag (0028,0010) has '
                                    'out-of-range value: "abc"')
    error = refused({"Replace": {"ReferencedImageSequence[0].InstanceNumber": 3}})
    assert (error.code, error.details) == (ErrorCode.BAD_PARAMETER_TYPE,
                                           "Bad Parameter type for tag 0020,0013")
    assert refused({"Replace": {"NoSuchTag": "1"}}).code is ErrorCode.UNKNOWN_DICOM_TAG
    request = parse({"Replace": {"Rows": "12", "ImageType": "A\\B"}})
    assert [r.element.value for r in request.replacements] == [["A", "B"], 12]


def test_the_sop_uids_must_be_strings() -> None:
    error = refused({"Replace": {"SOPInstanceUID": None}, "Force": True})
    assert (error.code, error.details) == (ErrorCode.BAD_PARAMETER_TYPE,
                                           "Bad Parameter type for tag 0008,0018")
    # Anonymization maps the client's Study/Series UIDs: strings too.
    parse({"Replace": {"StudyInstanceUID": None}, "Force": True})
    assert refused({"Replace": {"StudyInstanceUID": None}, "Force": True},
                   anonymize=True).code is ErrorCode.BAD_PARAMETER_TYPE


def test_a_group_length_is_never_replaced() -> None:
    request = parse({"Replace": {"0010,0000": "12", "PatientName": "X"}})
    assert request.replaced_tags == {PATIENT_NAME}
    assert len(request.replace) == 2


def test_data_uris_of_pixel_data_and_documents() -> None:
    uri = "data:application/pdf;base64,JVBERi0xLjQK"  # "%PDF-1.4\n"
    entry = parse({"Replace": {"EncapsulatedDocument": uri}}).replacements[0]
    assert entry.pdf == b"%PDF-1.4\n" and entry.element.value == b"%PDF-1.4\n\0"
    error = refused({"Replace": {"EncapsulatedDocument": "data:application/pdf;base64,SGVsbG8="}})
    assert (error.code, error.details) == (ErrorCode.BAD_FILE_FORMAT, "Not a PDF file")
    for uri in ("data:image/png;base64,AAAA", "data:image/jpeg;base64,AAAA"):
        error = refused({"Replace": {"PixelData": uri}})  # not an image
        assert error.code is ErrorCode.BAD_FILE_FORMAT and "valid" in error.details
    for tag, uri in (("PixelData", "data:text/plain;base64,AAAA"),
                     ("PixelData", "data:application/pdf;base64,JVBERi0xLjQK"),
                     ("EncapsulatedDocument", "data:image/png;base64,AAAA")):
        error = refused({"Replace": {tag: uri}})
        assert error.code is ErrorCode.BAD_REQUEST and "not supported" in error.details
    pixels = parse({"Replace": {"PixelData": "data:application/octet-stream;base64,AAECAw=="}})
    assert (pixels.replacements[0].element.VR, pixels.replacements[0].element.value) == (
        "OW", b"\0\1\2\3")


def test_dictionary_and_private_creator_select_the_vr() -> None:
    tags = TagDictionary.from_config({
        "7001,0010": ["LO", "PrivateCreatorForMy", 1, 1, "MyPrivateCreator"],
        "7001,1001": ["CS", "MyPrivateTag", 1, 1, "MyPrivateCreator"]})
    body = {"Replace": {"MyPrivateTag": "Hello"}}
    with_creator = ModificationRequest.parse({**body, "PrivateCreator": "MyPrivateCreator"},
                                             anonymize=False, tags=tags)
    assert with_creator.replacements[0].element.VR == "CS"
    default_creator = ModificationRequest.parse(body, anonymize=False, tags=tags,
                                                default_private_creator="MyPrivateCreator")
    assert default_creator.private_creator == "MyPrivateCreator"
    assert default_creator.replacements[0].element.VR == "CS"
    without = ModificationRequest.parse(body, anonymize=False, tags=tags)
    assert (without.replacements[0].element.VR, without.replacements[0].element.value) == (
        "UN", b"Hello\0")


@pytest.mark.parametrize(("body", "anonymize"), [
    ({}, True),
    ({"Keep": ["StudyDate", "0010,1000"], "Replace": {"PatientName": "Q"}, "DicomVersion": "2008"},
     True),
    ({"Replace": {"PatientID": "P"}, "Remove": ["0020,4000", "ReferencedImageSequence[*].ReferencedSOPInstanceUID"],
      "RemovePrivateTags": True, "Force": True}, False),
])
def test_a_pickled_request_is_the_same_request(body, anonymize):
    parsed = ModificationRequest.parse(body, anonymize=anonymize, tags=DEFAULT_TAGS,
                                       level=Level.STUDY)
    copy = pickle.loads(pickle.dumps(parsed))
    assert copy == parsed
    for tags in (copy.removals, copy.clearings, copy.uid_tags, copy.kept_tags,
                 copy.replaced_tags, copy.private_tags_to_keep):
        assert all(type(tag) is BaseTag for tag in tags)


@pytest.mark.parametrize(("name", "value"), [
    ("PatientName", "Doe^Jane"), ("StudyDescription", "Head"), ("ImageType", "A\\B"),
    ("SliceThickness", "1.5"), ("Rows", "64"), ("ReferencedImageSequence",
                                                 [{"ReferencedSOPInstanceUID": "1.2.3"}]),
])
def test_each_insertion_gets_its_own_element(name: str, value: object) -> None:
    """A parsed request is shared by concurrent requests: the element inserted into one
    data set is a copy, and a value that can change in place (a list, a sequence) is not
    shared either."""
    parsed = ModificationRequest.parse({"Replace": {name: value}, "Force": True},
                                       anonymize=False, tags=DEFAULT_TAGS)
    (replacement,) = parsed.replace
    first, second = replacement.element_for("iso8859"), replacement.element_for("iso8859")
    assert first is not second and first is not replacement.element
    assert first.value == second.value == replacement.element.value
    if isinstance(first.value, list) or first.VR == "SQ":
        assert first.value is not replacement.element.value
        first.value.append(first.value[0])
        assert len(second.value) == len(replacement.element.value) == 1 + (name == "ImageType")
