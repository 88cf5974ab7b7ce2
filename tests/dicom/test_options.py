"""The PS3.15 options (Table E.1-1's option columns) as data: every column of every DicomVersion
at top level and nested, the standard's attributes, safe private tags, and dciodvfy.

Expected actions come from the package data itself (``profiles/options-<version>.json``): an
option's ``K`` keeps the value, its ``C`` cleans it (dates shifted, times kept, text scrubbed of
identifying values, sequences kept), and a tag the options do not name keeps its basic action.
"""

from __future__ import annotations

import copy
import io
import re
import shutil
import subprocess
from pathlib import Path

import pydicom
import pytest
from pydicom.data import get_testdata_file
from pydicom.datadict import dictionary_VR
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence
from pydicom.tag import Tag
from pydicom.valuerep import STR_VR

from lethe.dicom.engine import ModificationContext, apply
from lethe.dicom.modify_file import modify_file
from lethe.dicom.options import OPTIONS, option_table, safe_private_table
from lethe.dicom.profiles import DICOM_VERSIONS
from lethe.dicom.request import ModificationRequest
from lethe.dicom.tags import DEFAULT_TAGS, resolve_vr
from lethe.dicom.uids import UidMapper
from lethe.errors import LetheError
from tests.dicom.test_anonymization import (
    REFERENCED_IMAGE_SEQUENCE,
    every_tag_dataset,
    observed,
    table_actions,
)
from tests.support.corpus import sample

KEY = b"test_options key"
PATIENT_ID = "PAT-OPTIONS-1"
DCIODVFY = shutil.which("dciodvfy")


def anonymize(dataset: Dataset, body: dict) -> ModificationRequest:
    request = ModificationRequest.parse(body, anonymize=True, tags=DEFAULT_TAGS)
    apply(dataset, request, ModificationContext(UidMapper(KEY), "Anonymized1"))
    return request


def option_codes(version: str, option: str) -> dict[Tag, str]:
    """Tag -> code of one option column (patterns left out)."""
    return {Tag(int(key[1:5], 16), int(key[6:10], 16)): codes[option]
            for key, codes in option_table(version).items()
            if option in codes and "x" not in key}


def expected(version: str, option: str, tag: Tag, basic: str) -> set[str]:
    """What the observation of ``tag`` may be under ``option``."""
    code = option_codes(version, option).get(tag)
    vr = resolve_vr(dictionary_VR(tag))
    if code == "K" or tag == REFERENCED_IMAGE_SEQUENCE:
        return {"kept"}
    if code == "C":
        if vr in ("DA", "DT"):
            if option == "RetainLongitudinalModifiedDates":
                return {"changed"}
        else:
            return {"kept", "changed"}  # kept, or scrubbed where an identifying value shows
    return {"remove": {"absent"}, "clear": {"empty"}, "keep": {"kept"}, "uid": {"changed"},
            "dummy": {"changed", "kept", "absent", "empty"}}[basic]


@pytest.mark.parametrize("version", DICOM_VERSIONS)
@pytest.mark.parametrize("option", list(OPTIONS))
def test_every_option_column_at_top_level_and_nested(version: str, option: str) -> None:
    source = every_tag_dataset(version)
    source.PatientID = PATIENT_ID
    output = copy.deepcopy(source)
    anonymize(output, {"DicomVersion": version, "Options": [option]})
    before_item = source[REFERENCED_IMAGE_SEQUENCE].value[0]
    after_item = output[REFERENCED_IMAGE_SEQUENCE].value[0]
    wrong = {}
    for tag, basic in table_actions(version).items():
        if tag in (Tag(0x0010, 0x0010), Tag(0x0010, 0x0020), Tag(0x0012, 0x0062),
                   Tag(0x0012, 0x0063), Tag(0x0012, 0x0064), Tag(0x0028, 0x0303)):
            continue  # the attributes the anonymization writes itself
        seen = observed(source, output, tag)
        if seen not in expected(version, option, tag, basic):
            wrong[f"top {tag} {basic}"] = seen
        if tag == REFERENCED_IMAGE_SEQUENCE:
            continue
        nested = observed(before_item, after_item, tag)
        want = expected(version, option, tag, basic)
        vr = before_item[tag].VR
        if want == {"empty"} and vr not in STR_VR:
            want = {"absent"}  # nested clearing of a non-text VR removes it
        if nested not in want:
            wrong[f"nested {tag} {basic}"] = nested
    assert wrong == {}
    assert [item.CodeValue for item in output.DeidentificationMethodCodeSequence] == [
        "113100", OPTIONS[option][0]]
    assert output.LongitudinalTemporalInformationModified == {
        "RetainLongitudinalModifiedDates": "MODIFIED",
        "RetainLongitudinalFullDates": "UNMODIFIED"}.get(option, "REMOVED")


def test_options_absent_add_nothing_and_empty_list_adds_the_basic_code() -> None:
    plain = pydicom.dcmread(get_testdata_file("CT_small.dcm"), stop_before_pixels=True)
    anonymize(plain, {})
    assert "DeidentificationMethodCodeSequence" not in plain
    assert "LongitudinalTemporalInformationModified" not in plain
    basic = pydicom.dcmread(get_testdata_file("CT_small.dcm"), stop_before_pixels=True)
    anonymize(basic, {"Options": []})
    item = basic.DeidentificationMethodCodeSequence[0]
    assert (item.CodeValue, item.CodingSchemeDesignator, item.CodeMeaning) == (
        "113100", "DCM", "Basic Application Confidentiality Profile")
    assert basic.LongitudinalTemporalInformationModified == "REMOVED"


def test_option_codes_are_listed_in_order_and_keep_and_replace_win() -> None:
    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"), stop_before_pixels=True)
    anonymize(ds, {"Options": ["RetainUIDs", "CleanGraphics", "RetainSafePrivate"],
                   "Replace": {"InstitutionName": "Research"}})
    assert [i.CodeValue for i in ds.DeidentificationMethodCodeSequence] == [
        "113100", "113103", "113110", "113111"]
    assert ds.InstitutionName == "Research"


def test_retain_uids_keeps_every_uid_and_still_renames_the_patient() -> None:
    source = pydicom.dcmread(get_testdata_file("CT_small.dcm"), stop_before_pixels=True)
    ds = copy.deepcopy(source)
    anonymize(ds, {"Options": ["RetainUIDs"]})
    for keyword in ("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID",
                    "FrameOfReferenceUID"):
        assert ds[keyword].value == source[keyword].value, keyword
    assert ds.PatientID != source.PatientID


def test_retain_safe_private_keeps_table_e_3_10_1_attributes_at_any_depth() -> None:
    assert (0x0019, "GEMS_ACQU_01", 0x23) in safe_private_table()
    ds = Dataset()
    ds.PatientID = "P1"
    ds.add_new(0x00190010, "LO", "GEMS_ACQU_01")
    ds.add_new(0x00191023, "DS", "1.5")  # Table Speed: safe
    ds.add_new(0x00191099, "LO", "unsafe")  # not in the table
    ds.add_new(0x00290010, "LO", "OTHER")
    ds.add_new(0x00291023, "DS", "1.5")  # same element, other creator: not safe
    item = copy.deepcopy(ds)
    del item.PatientID
    ds.ReferencedImageSequence = Sequence([item])
    anonymize(ds, {"Options": ["RetainSafePrivate"]})
    for where in (ds, ds.ReferencedImageSequence[0]):
        assert 0x00190010 in where and where[0x00191023].value == "1.5"
        assert 0x00191099 not in where and 0x00290010 not in where and 0x00291023 not in where


def test_clean_descriptors_scrubs_identifying_values_from_kept_text() -> None:
    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"), stop_before_pixels=True)
    ds.PatientName = "Doe^Jane"
    ds.AccessionNumber = "ACC12345"
    ds.StudyDescription = "CT chest for Jane Doe ACC12345"
    ds.SeriesDescription = "Axial"
    anonymize(ds, {"Options": ["CleanDescriptors"]})
    assert ds.StudyDescription == "CT chest for X X X"
    assert ds.SeriesDescription == "Axial"


def test_clean_graphics_keeps_overlays_whole() -> None:
    ds = overlay_dataset()
    anonymize(ds, {"Options": ["CleanGraphics"]})
    assert 0x60003000 in ds and 0x60000010 in ds and ds[0x60004000].value == "comment"


def test_bad_options_are_refused_naming_the_value() -> None:
    for body, text in (({"Options": ["RetainEverything"]}, "'RetainEverything'"),
                       ({"Options": "RetainUIDs"}, '"Options"'),
                       ({"Options": ["RetainLongitudinalFullDates",
                                     "RetainLongitudinalModifiedDates"]}, "both")):
        with pytest.raises(LetheError) as caught:
            ModificationRequest.parse(body, anonymize=True, tags=DEFAULT_TAGS)
        assert caught.value.code.http_status == 400 and text in caught.value.details
    with pytest.raises(LetheError, match="only apply to an anonymization"):
        ModificationRequest.parse({"Options": []}, anonymize=False, tags=DEFAULT_TAGS)


def test_request_with_options_pickles() -> None:
    import pickle

    request = ModificationRequest.parse({"Options": ["CleanDescriptors"]}, anonymize=True,
                                        tags=DEFAULT_TAGS)
    assert pickle.loads(pickle.dumps(request)) == request


# --- Overlays and dciodvfy --------------------------------------------------------------------

def overlay_dataset() -> Dataset:
    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
    ds.add_new(0x60000010, "US", ds.Rows)
    ds.add_new(0x60000011, "US", ds.Columns)
    ds.add_new(0x60000040, "CS", "G")
    ds.add_new(0x60000050, "SS", [1, 1])
    ds.add_new(0x60000100, "US", 1)
    ds.add_new(0x60000102, "US", 0)
    ds.add_new(0x60003000, "OW", bytes(ds.Rows * ds.Columns // 8))
    ds.add_new(0x60004000, "LT", "comment")
    return ds


def dciodvfy_errors(path: Path) -> set[str]:
    run = subprocess.run([DCIODVFY, str(path)], capture_output=True, text=True, timeout=60,
                         errors="replace")
    return {re.sub(r"\s*(=|values are|- value).*$", "", line).strip()
            for line in (run.stdout + run.stderr).splitlines() if line.startswith("Error")}


def dciodvfy_inputs(tmp_path: Path) -> list[Path]:
    overlay = tmp_path / "overlay.dcm"
    overlay_dataset().save_as(overlay)
    files = [Path(get_testdata_file("CT_small.dcm")), Path(get_testdata_file("MR_small.dcm")),
             overlay]
    for folder in ("Brainix/Flair", "Knee/T1"):
        files += sorted(p for p in sample(folder).glob("*") if p.is_file())[:1]
    return files


@pytest.mark.skipif(DCIODVFY is None, reason="dciodvfy is not installed "
                                             "(apt-get install dicom3tools)")
@pytest.mark.parametrize("options", [[], *([name] for name in OPTIONS), list(
    name for name in OPTIONS if name != "RetainLongitudinalFullDates")],
    ids=["basic", *OPTIONS, "all"])
def test_no_new_dciodvfy_error(tmp_path: Path, options: list[str]) -> None:
    request = ModificationRequest.parse({"Options": options}, anonymize=True, tags=DEFAULT_TAGS)
    context = ModificationContext(UidMapper(KEY), "Anonymized1")
    for index, path in enumerate(dciodvfy_inputs(tmp_path)):
        out = io.BytesIO()
        modify_file(path.read_bytes(), out, request, context)
        output = tmp_path / f"out{index}.dcm"
        output.write_bytes(out.getvalue())
        new = dciodvfy_errors(output) - dciodvfy_errors(path)
        assert not new, (path.name, new)


@pytest.mark.filterwarnings("ignore")
def test_fast_and_full_paths_stay_identical_with_every_option() -> None:
    from lethe.dicom import part10
    from lethe.dicom.pseudonyms import keyed_mapper
    from tests.dicom.differential import fast_and_full_files
    from tests.dicom.test_part10 import corpus

    request = ModificationRequest.parse(
        {"Options": [name for name in OPTIONS if name != "RetainLongitudinalFullDates"]},
        anonymize=True, tags=DEFAULT_TAGS)
    context = ModificationContext(keyed_mapper("test_options fast path"), pseudonyms=True)
    compared = 0
    for path in corpus()[:120]:
        data = path.read_bytes()
        try:
            header, full = part10.read_header(data), part10.read_full(data)
            apply(header.dataset, request, context)
        except LetheError:
            continue  # unreadable samples, or values their character set cannot hold
        apply(full.dataset, request, context)
        fast, full_file = fast_and_full_files(data, header, full)
        assert fast == full_file, path
        compared += 1
    assert compared > 60
