"""The PS3.15 profiles: package data, parsing, spec 3.1/3.8/3.9 facts, UID levels."""

from __future__ import annotations

import json
import pickle
from collections import Counter
from importlib.resources import files

import pytest
from pydicom.datadict import tag_for_keyword
from pydicom.tag import Tag

from lethe.dicom.levels import Level
from lethe.dicom.profiles import DEFAULT_DICOM_VERSION, DICOM_VERSIONS, load_profile
from lethe.errors import ErrorCode, LetheError
from tests.support import corpus

# Spec 3.1: entries, remove, clear, uid, keep, dummy.
SPEC_SIZES = {
    "2008": (57, 40, 0, 11, 2, 4),
    "2017c": (280, 220, 20, 34, 2, 4),
    "2021b": (462, 321, 85, 50, 2, 4),
    "2023b": (610, 412, 138, 54, 2, 4),
}


def table(version: str) -> list[dict]:
    """The JSON table as shipped in the package."""
    resource = files("lethe.dicom") / "profiles" / f"orthanc-{version}.json"
    return json.loads(resource.read_text(encoding="utf-8"))


def action(version: str, keyword: str) -> str:
    """The action the parsed profile takes on a public tag: remove/clear/uid/keep."""
    profile = load_profile(version)
    tag = Tag(tag_for_keyword(keyword))
    found = [name for name, tags in (("remove", profile.removals), ("clear", profile.clearings),
                                     ("uid", profile.uids)) if tag in tags]
    assert len(found) <= 1, (keyword, found)
    return found[0] if found else "keep"


def test_versions() -> None:
    assert DICOM_VERSIONS == ("2008", "2017c", "2021b", "2023b")
    assert DEFAULT_DICOM_VERSION == "2023b"


@pytest.mark.parametrize("version", DICOM_VERSIONS)
def test_package_data_is_the_reference_table(version: str) -> None:
    reference = corpus.reference(f"ps315/orthanc-{version}.json")
    shipped = files("lethe.dicom") / "profiles" / f"orthanc-{version}.json"
    assert shipped.read_bytes() == reference.read_bytes()


@pytest.mark.parametrize("version", DICOM_VERSIONS)
def test_table_sizes_match_spec(version: str) -> None:
    entries = table(version)
    counts = Counter(e["action"] for e in entries)
    observed = (len(entries), counts["remove"], counts["clear"], counts["uid"], counts["keep"],
                counts["dummy"])
    assert observed == SPEC_SIZES[version]
    assert sum(counts.values()) == len(entries)


@pytest.mark.parametrize("version", DICOM_VERSIONS)
def test_profile_sets_hold_every_entry(version: str) -> None:
    entries, profile = table(version), load_profile(version)
    _, removes, clears, uids, _, _ = SPEC_SIZES[version]
    ranges = 0 if version == "2008" else 3
    # The private-tag rule and the ranges are remove entries without a tag of their own.
    assert len(profile.removals) == removes - 1 - ranges
    assert len(profile.clearings) == clears
    assert len(profile.uids) == uids
    assert len(profile.removed_ranges) == ranges
    assert not (profile.removals & profile.clearings or profile.removals & profile.uids
                or profile.clearings & profile.uids)
    wanted = {"remove": profile.removals, "clear": profile.clearings, "uid": profile.uids}
    for entry in entries:
        if "pattern" in entry:
            continue
        group, element = entry["tag"].strip("()").split(",")
        tag = Tag(int(group, 16), int(element, 16))
        for name, tags in wanted.items():
            assert (tag in tags) == (entry["action"] == name), entry["tag"]


@pytest.mark.parametrize("version", DICOM_VERSIONS)
def test_every_table_has_the_private_rule(version: str) -> None:
    rules = [e for e in table(version) if e.get("pattern") == "private"]
    assert len(rules) == 1 and rules[0]["action"] == "remove"


@pytest.mark.parametrize("version", DICOM_VERSIONS)
def test_dummies_and_kept_sequences_are_in_no_set(version: str) -> None:
    for keyword in ("PatientName", "PatientID", "PatientIdentityRemoved",
                    "DeidentificationMethod", "ReferencedImageSequence", "SourceImageSequence"):
        assert action(version, keyword) == "keep", keyword


@pytest.mark.parametrize("version", DICOM_VERSIONS)
def test_main_uids_are_remapped(version: str) -> None:
    for keyword in ("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID",
                    "FrameOfReferenceUID", "ReferencedSOPInstanceUID"):
        assert action(version, keyword) == "uid", keyword


def test_method_strings() -> None:
    assert load_profile("2008").method == "PS 3.15-2008 Table E.1-1"
    for version in ("2017c", "2021b", "2023b"):
        assert load_profile(version).method == f"PS 3.15-{version} Table E.1-1 Basic Profile"


# Spec 3.9: dates and times, and a few other rows.
SPOT_CHECKS = {
    "InstanceCreationDate": ("keep", "keep", "keep", "remove"),
    "InstanceCreationTime": ("keep", "keep", "keep", "remove"),
    "StudyDate": ("keep", "clear", "clear", "clear"),
    "StudyTime": ("keep", "clear", "clear", "clear"),
    "SeriesDate": ("keep", "remove", "remove", "remove"),
    "SeriesTime": ("keep", "remove", "remove", "remove"),
    "AcquisitionDate": ("keep", "remove", "remove", "remove"),
    "AcquisitionTime": ("keep", "remove", "remove", "remove"),
    "ContentDate": ("keep", "clear", "clear", "clear"),
    "ContentTime": ("keep", "clear", "clear", "clear"),
    "AcquisitionDateTime": ("keep", "remove", "remove", "remove"),
    "PatientBirthDate": ("remove", "clear", "clear", "clear"),
    "PatientBirthTime": ("remove", "remove", "remove", "remove"),
    "PatientAge": ("remove", "remove", "remove", "remove"),
    "AccessionNumber": ("remove", "clear", "clear", "clear"),
    "InstitutionName": ("remove", "remove", "remove", "remove"),
    "ReferringPhysicianName": ("remove", "clear", "clear", "clear"),
    "StudyDescription": ("remove", "remove", "remove", "remove"),
    "SeriesDescription": ("remove", "remove", "remove", "remove"),
    "PatientSex": ("remove", "clear", "clear", "clear"),
    "OtherPatientIDsSequence": ("keep", "remove", "remove", "remove"),
    "StudyID": ("remove", "clear", "clear", "clear"),
    "FrameOfReferenceUID": ("uid", "uid", "uid", "uid"),
    "ContentSequence": ("remove", "remove", "clear", "clear"),
    # Spec 3.1: the changes between editions.
    "VerifyingOrganization": ("keep", "remove", "clear", "clear"),
    "DigitalSignatureUID": ("keep", "remove", "uid", "uid"),
    "TreatmentSite": ("keep", "keep", "clear", "remove"),
    "DataSetTrailingPadding": ("keep", "remove", "remove", "remove"),
    # Spec 3.1: the 2008 list's Orthanc additions and hard-coded UIDs.
    "PatientAddress": ("remove", "remove", "remove", "remove"),
    "RequestingPhysician": ("remove", "remove", "remove", "remove"),
    "PatientTelephoneNumbers": ("remove", "remove", "remove", "remove"),
    "MedicalAlerts": ("remove", "remove", "remove", "remove"),
    "InstanceCreatorUID": ("uid", "uid", "uid", "uid"),
    "StorageMediaFileSetUID": ("uid", "uid", "uid", "uid"),
    "RelatedFrameOfReferenceUID": ("uid", "uid", "uid", "uid"),
}


@pytest.mark.parametrize("keyword", sorted(SPOT_CHECKS))
def test_spot_checks(keyword: str) -> None:
    observed = tuple(action(version, keyword) for version in DICOM_VERSIONS)
    assert observed == SPOT_CHECKS[keyword]


def test_2017c_to_2021b_drops_one_tag() -> None:
    tag = Tag(0x0020, 0x3404)  # ModifyingDeviceManufacturer, retired
    assert tag in load_profile("2017c").removals
    assert action("2021b", "ModifyingDeviceManufacturer") == "keep"


def test_basic_profile_codes() -> None:
    """Appendix A spot checks of the PS3.15 codes recorded in the tables."""
    expected = {
        "(0008,0020)": "Z", "(0008,0023)": "Z/D", "(0008,0050)": "Z", "(0008,0080)": "X/Z/D",
        "(0008,0021)": "X/D", "(0008,1140)": "X/Z/U*", "(0020,0052)": "U",
        "(0018,0010)": "Z/D", "(0010,0040)": "Z", "(0008,1110)": "X/Z", "(0008,0022)": "X/Z",
        "(0010,1010)": "X",
    }
    for version in ("2017c", "2021b", "2023b"):
        codes = {e["tag"]: e["ps315_basic_profile"] for e in table(version)}
        assert {tag: codes[tag] for tag in expected} == expected
    assert {v: {e["tag"]: e["ps315_basic_profile"] for e in table(v)}["(0040,A730)"]
            for v in ("2017c", "2021b", "2023b")} == {"2017c": "X", "2021b": "D", "2023b": "D"}


@pytest.mark.parametrize("version", ["2017c", "2021b", "2023b"])
def test_removed_ranges(version: str) -> None:
    profile = load_profile(version)
    for tag in (0x50000005, 0x50003000, 0x501EFFFF, 0x50FE0000, 0x60003000, 0x60004000,
                0x601E3000, 0x60FE4000):
        assert profile.in_removed_range(tag), hex(tag)
    for tag in (0x60000010, 0x60000022, 0x60003001, 0x4FFF3000, 0x51000000, 0x61003000,
                0x00100010):
        assert not profile.in_removed_range(tag), hex(tag)
    # Odd groups are private tags, not repeating groups.
    assert not profile.in_removed_range(0x50010010)
    assert not profile.in_removed_range(0x60013000)


@pytest.mark.parametrize("version", DICOM_VERSIONS)
def test_the_group_shortcut_of_the_removed_ranges_changes_no_answer(version: str) -> None:
    profile = load_profile(version)
    elements = (0x0000, 0x0010, 0x2FFF, 0x3000, 0x3001, 0x4000, 0xFFFF)
    for group in range(0x4F00, 0x6200):
        for element in elements:
            tag = group << 16 | element
            assert profile.in_removed_range(tag) == any(
                r.contains(tag) for r in profile.removed_ranges), hex(tag)
    assert pickle.loads(pickle.dumps(profile)).in_removed_range(0x60003000) == \
        profile.in_removed_range(0x60003000)


def test_2008_has_no_ranges_and_no_clearings() -> None:
    profile = load_profile("2008")
    assert profile.removed_ranges == ()
    assert profile.clearings == frozenset()
    assert not profile.in_removed_range(0x60003000)


RT_STUDY_CHAIN = ((Tag(0x3006, 0x0010), 0), (Tag(0x3006, 0x0012), 0))


@pytest.mark.parametrize("version", DICOM_VERSIONS)
def test_uid_levels(version: str) -> None:
    profile = load_profile(version)
    assert profile.uid_level(Tag(0x0020, 0x000D), ()) is Level.STUDY
    assert profile.uid_level(Tag(0x0020, 0x000E), ()) is Level.SERIES
    assert profile.uid_level(Tag(0x0008, 0x0018), ()) is Level.INSTANCE
    nested = ((Tag(0x0008, 0x1115), 2),)
    assert profile.uid_level(Tag(0x0020, 0x000D), nested) is Level.STUDY
    assert profile.uid_level(Tag(0x0020, 0x000E), nested) is Level.SERIES
    assert profile.uid_level(Tag(0x0008, 0x1155), nested) is Level.INSTANCE
    assert profile.uid_level(Tag(0x0020, 0x0052), ()) is Level.INSTANCE
    # RT-STRUCT: exactly ReferencedFrameOfReferenceSequence > RTReferencedStudySequence.
    assert profile.uid_level(Tag(0x0008, 0x1155), RT_STUDY_CHAIN) is Level.STUDY
    shifted = ((Tag(0x3006, 0x0010), 3), (Tag(0x3006, 0x0012), 1))
    assert profile.uid_level(Tag(0x0008, 0x1155), shifted) is Level.STUDY
    deeper = RT_STUDY_CHAIN + ((Tag(0x3006, 0x0014), 0),)  # RTReferencedSeriesSequence
    assert profile.uid_level(Tag(0x0008, 0x1155), deeper) is Level.INSTANCE
    assert profile.uid_level(Tag(0x0008, 0x1155), RT_STUDY_CHAIN[1:]) is Level.INSTANCE
    assert profile.uid_level(Tag(0x0008, 0x1155), ((Tag(0x0008, 0x1140), 0),) * 2) is Level.INSTANCE
    assert profile.uid_level(Tag(0x0020, 0x0052), RT_STUDY_CHAIN) is Level.INSTANCE


@pytest.mark.parametrize("version", DICOM_VERSIONS)
def test_uid_levels_agree_with_the_tables(version: str) -> None:
    profile = load_profile(version)
    for entry in table(version):
        if entry["action"] == "uid":
            group, element = entry["tag"].strip("()").split(",")
            tag = Tag(int(group, 16), int(element, 16))
            assert profile.uid_level(tag, ()).key == entry["uid_map"], entry["tag"]


@pytest.mark.parametrize("version", ["2023", "2023B", "2021a", "", " 2021b", "latest"])
def test_unknown_version(version: str) -> None:
    with pytest.raises(LetheError) as caught:
        load_profile(version)
    assert caught.value.code is ErrorCode.PARAMETER_OUT_OF_RANGE
    assert caught.value.http_status == 400
    assert caught.value.details == f"Unknown specific version of the DICOM standard: {version}"


def test_loaded_once_and_picklable() -> None:
    profile = load_profile("2021b")
    assert load_profile("2021b") is profile
    copy = pickle.loads(pickle.dumps(profile))
    assert copy == profile and hash(copy) == hash(profile)


def test_a_profile_is_pickled_by_version():
    for version in DICOM_VERSIONS:
        profile = load_profile(version)
        pickled = pickle.dumps(profile)
        assert len(pickled) < 200  # the version, not the tables
        assert pickle.loads(pickled) == profile
