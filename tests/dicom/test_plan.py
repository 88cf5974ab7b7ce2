"""The plan before writing (DryRun), the proof after (Verify), burned-in text, and keyed
pseudonyms at the engine level."""

from __future__ import annotations

import copy
import io
import json

import pydicom
import pytest
from pydicom.data import get_testdata_file
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence

from lethe.dicom.engine import ModificationContext, apply
from lethe.dicom.modify_file import modify_file
from lethe.dicom.plan import plan_instance, summarize
from lethe.dicom.proof import modify_file_verified
from lethe.dicom.pseudonyms import key_from_secret, keyed_mapper, read_key_file
from lethe.dicom.request import ModificationRequest
from lethe.dicom.tags import DEFAULT_TAGS
from lethe.dicom.uids import UidMapper
from lethe.dicom.verify import burned_in_reason, is_verification_error, verify_output
from lethe.errors import LetheError

SECRET = "test_plan project secret"
CT = get_testdata_file("CT_small.dcm")


def parse(body: dict, anonymize: bool = True) -> ModificationRequest:
    return ModificationRequest.parse(body, anonymize=anonymize, tags=DEFAULT_TAGS)


def keyed() -> ModificationContext:
    return ModificationContext(keyed_mapper(SECRET), pseudonyms=True)


def header() -> Dataset:
    return pydicom.dcmread(CT, stop_before_pixels=True)


def by_path(plan) -> dict:
    return {a.path: a for a in plan.attributes}


def test_the_plan_says_what_and_why_and_changes_nothing() -> None:
    source = header()
    untouched = copy.deepcopy(source)
    request = parse({"Options": ["RetainLongitudinalModifiedDates", "RetainDeviceIdentity"],
                     "Keep": ["StudyDescription"], "Replace": {"SeriesDescription": "S"},
                     "Remove": ["Manufacturer"]})
    plan = by_path(plan_instance(source, request, keyed()))
    assert source == untouched
    expect = {
        "PatientName": ("replaced", "pseudonym", "profile 2023b (Z)"),
        "PatientID": ("replaced", "pseudonym", "profile 2023b (Z)"),
        "SOPInstanceUID": ("replaced", "new UID", "profile 2023b (U)"),
        "StudyDate": ("replaced", "shifted date", "date shift"),
        "StudyTime": ("kept", None, "option RetainLongitudinalModifiedDates (C)"),
        "StationName": ("kept", None, "option RetainDeviceIdentity (K)"),
        "StudyDescription": ("kept", None, "Keep"),
        "SeriesDescription": ("added", "request value", "Replace"),  # absent in the source
        "Manufacturer": ("removed", None, "Remove"),
        "InstitutionName": ("removed", None, "profile 2023b (X/Z/D)"),
        "(0009,1001)": ("removed", None, "private tag"),
        "Modality": ("kept", None, "not in the profile"),
        "PatientIdentityRemoved": ("added", "fixed value", "profile 2023b (dummy)"),
    }
    assert {path: (plan[path].action, plan[path].value, plan[path].reason)
            for path in expect} == expect


def test_the_plan_is_json_without_values_and_summarizes() -> None:
    source = header()
    plan = plan_instance(source, parse({}), keyed())
    text = json.dumps(plan.as_json())
    for value in (str(source.PatientName), source.PatientID, source.StudyInstanceUID):
        assert value not in text
    summary = summarize([plan, plan])
    assert summary["Instances"] == 2 and summary["BurnedInAnnotation"] == 0
    assert summary["Tags"]["0010,0010 PatientName"] == {"replaced": 2}


def test_verify_finds_what_the_request_made_disappear() -> None:
    source = header()
    request = parse({})
    output = copy.deepcopy(source)
    apply(output, request, keyed())
    assert verify_output(source, output, request) == []
    output.ImageComments = f"seen: {source.PatientID}"
    leaks = verify_output(source, output, request)
    assert [(leak.path, leak.source_tag) for leak in leaks] == [("ImageComments", "PatientID")]


def test_verify_accepts_what_an_option_keeps() -> None:
    source = header()
    source.InstitutionName = "General Hospital"
    request = parse({"Options": ["RetainInstitutionIdentity"]})
    output = copy.deepcopy(source)
    apply(output, request, keyed())
    assert output.InstitutionName == "General Hospital"
    assert verify_output(source, output, request) == []


def test_a_verified_file_fails_naming_the_tag_not_the_value() -> None:
    source = header()
    block = source.private_block(0x0029, "PLANTED 1.0", create=True)
    block.add_new(0x01, "LO", f"Patient {source.PatientName}")
    data = io.BytesIO()
    source.save_as(data)
    request = parse({"Verify": True, "KeepPrivateTags": True})
    with pytest.raises(LetheError) as caught:
        modify_file_verified(data.getvalue(), io.BytesIO(), request, keyed())
    assert is_verification_error(caught.value)
    assert "PatientName at (0029,1101)" in caught.value.details
    assert str(source.PatientName.family_name) not in caught.value.details


@pytest.mark.parametrize(("attributes", "reason"), [
    ({"BurnedInAnnotation": "YES"}, "BurnedInAnnotation is YES"),
    ({"SOPClassUID": "1.2.840.10008.5.1.4.1.1.7"}, "secondary capture"),
    ({"SOPClassUID": "1.2.840.10008.5.1.4.1.1.7.4"}, "secondary capture"),
    ({"Modality": "US"}, "ultrasound"),
    ({"SOPClassUID": "1.2.840.10008.5.1.4.1.1.3.1"}, "ultrasound"),
    ({"ImageType": ["DERIVED", "SECONDARY", "SCREEN SAVE"]},
     "screen capture (ImageType SCREEN SAVE)"),
    ({"BurnedInAnnotation": "NO"}, None),
])
def test_burned_in_reasons(attributes: dict, reason: str | None) -> None:
    ds = header()
    for keyword, value in attributes.items():
        setattr(ds, keyword, value)
    assert burned_in_reason(ds) == reason


def test_verified_anonymization_refuses_burned_in_text_unless_allowed() -> None:
    ds = header()
    ds.BurnedInAnnotation = "YES"
    data = io.BytesIO()
    ds.save_as(data)
    with pytest.raises(LetheError, match="AllowBurnedInAnnotation"):
        modify_file_verified(data.getvalue(), io.BytesIO(), parse({"Verify": True}), keyed())
    out = io.BytesIO()
    modify_file_verified(data.getvalue(), out, parse({"Verify": True}), keyed(),
                         allow_burned_in=True)
    assert out.getvalue()


def test_keyed_pseudonyms_are_reproducible_and_key_bound(tmp_path) -> None:
    data = open(CT, "rb").read()  # noqa: SIM115
    request = parse({"Options": ["RetainLongitudinalModifiedDates"]})
    outputs = []
    for secret in (SECRET, SECRET, "another project secret"):
        out = io.BytesIO()
        modify_file(data, out, request, ModificationContext(keyed_mapper(secret),
                                                            pseudonyms=True))
        outputs.append(out.getvalue())
    assert outputs[0] == outputs[1]
    first, other = (pydicom.dcmread(io.BytesIO(o)) for o in (outputs[0], outputs[2]))
    for keyword in ("PatientID", "PatientName", "StudyInstanceUID", "SOPInstanceUID",
                    "StudyDate"):
        assert first[keyword].value != other[keyword].value, keyword
    assert str(first.PatientName).startswith("PATIENT^")
    key_file = tmp_path / "key"
    key_file.write_text(SECRET + "\n")
    assert read_key_file(key_file) == SECRET
    assert key_from_secret(SECRET) == keyed_mapper(SECRET)._key  # noqa: SLF001
    with pytest.raises(ValueError, match="at least 16"):
        key_from_secret("short")


def test_patient_name_follows_the_patient_id_in_nested_items_too() -> None:
    ds = header()
    item = Dataset()
    item.PatientID = ds.PatientID
    ds.ReferencedImageSequence = Sequence([item])
    apply(ds, parse({}), keyed())
    mapper = keyed_mapper(SECRET)
    assert ds.PatientName == mapper.map_patient_name("1CT1")
    assert ds.ReferencedImageSequence[0].PatientID == ds.PatientID == mapper.map_patient_id(
        "1CT1")
    assert UidMapper(b"x").map_patient_name("1CT1") != ds.PatientName
