"""Tag paths: grammar (spec 4.1), matching (4.2), rejections (4.4)."""

from __future__ import annotations

import pytest
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence
from pydicom.tag import Tag

from lethe.dicom.paths import PathStep, TagPath, matching_parents, parse_path, path_matches
from lethe.dicom.tags import DEFAULT_TAGS, TagDictionary
from lethe.errors import ErrorCode, LetheError

REF_IMAGE = Tag(0x00081140)      # ReferencedImageSequence
REF_SOP_CLASS = Tag(0x00081150)  # ReferencedSOPClassUID
REF_SOP_INSTANCE = Tag(0x00081155)
EVIDENCE = Tag(0x00089092)       # ReferencedImageEvidenceSequence
REF_SERIES = Tag(0x00081115)     # ReferencedSeriesSequence
REF_SOP_SEQ = Tag(0x00081199)    # ReferencedSOPSequence
PATIENT_NAME = Tag(0x00100010)


def parse(text: str, tags: TagDictionary = DEFAULT_TAGS) -> TagPath:
    return parse_path(text, tags)


def test_top_level_path() -> None:
    path = parse("PatientName")
    assert path == TagPath((), PATIENT_NAME, "PatientName")
    assert path.is_top_level
    assert str(path) == "PatientName"


def test_spec_examples() -> None:
    path = parse("ReferencedImageEvidenceSequence[2].ReferencedSeriesSequence[0]"
                 ".ReferencedSOPSequence[0].ReferencedSOPInstanceUID")
    assert path.prefix == (PathStep(EVIDENCE, 2), PathStep(REF_SERIES, 0),
                           PathStep(REF_SOP_SEQ, 0))
    assert path.final == REF_SOP_INSTANCE
    assert not path.is_top_level
    path = parse("DimensionIndexSequence[*].PatientName")
    assert path.prefix == (PathStep(Tag(0x00209222), None),)
    path = parse("(5200,9230)[*].2005,140f[*].(0008,0023)")
    assert path.prefix == (PathStep(Tag(0x52009230), None), PathStep(Tag(0x2005140F), None))
    assert path.final == Tag(0x00080023)


def test_spaces_are_ignored_and_text_is_kept() -> None:
    text = " ReferencedImageSequence [ 0 ] . ReferencedSOPClassUID "
    path = parse(text)
    assert path.prefix == (PathStep(REF_IMAGE, 0),)
    assert path.final == REF_SOP_CLASS
    assert path.text == text


@pytest.mark.parametrize(("index", "expected"), [("0", 0), ("+3", 3), ("007", 7), ("*", None),
                                                  (" * ", None), ("2147483647", 2147483647)])
def test_indexes(index: str, expected: int | None) -> None:
    assert parse(f"ReferencedImageSequence[{index}].PatientName").prefix[0].index == expected


@pytest.mark.parametrize(("text", "details"), [
    ("ReferencedImageSequence.PatientName", "Parent path doesn't contain an index"),
    ("ReferencedImageSequence[x].PatientName", "Not a valid index in parent path: [x]"),
    ("ReferencedImageSequence[].PatientName", "Not a valid index in parent path: []"),
    ("ReferencedImageSequence[1.5].PatientName", "Parent path doesn't contain the end of the index"),
    ("ReferencedImageSequence[1 2].PatientName", "Not a valid index in parent path: [1 2]"),
    ("ReferencedImageSequence[2147483648].PatientName",
     "Not a valid index in parent path: [2147483648]"),
    ("ReferencedImageSequence[-1].PatientName", "Negative index in parent path: -1"),
    ("ReferencedImageSequence[1.PatientName", "Parent path doesn't contain the end of the index"),
    ("ReferencedImageSequence[1]x.PatientName",
     "Parent path doesn't contain the end of the index"),
    ("[1].PatientName", "Parent path doesn't contain a tag"),
    (" [1].PatientName", "Parent path doesn't contain a tag"),
    (".PatientName", "Parent path doesn't contain an index"),
])
def test_rejections(text: str, details: str) -> None:
    with pytest.raises(LetheError) as caught:
        parse(text)
    assert caught.value.code is ErrorCode.PARAMETER_OUT_OF_RANGE
    assert caught.value.http_status == 400
    assert caught.value.details == details


@pytest.mark.parametrize(("text", "details"), [
    ("", 'Unknown DICOM tag: ""'),
    ("ReferencedImageSequence[0]", 'Unknown DICOM tag: "ReferencedImageSequence[0]"'),
    ("PatientName.", 'Unknown DICOM tag: ""'),
    ("NoSuchTag", 'Unknown DICOM tag: "NoSuchTag"'),
    ("NoSuchSequence[0].PatientName", 'Unknown DICOM tag: "NoSuchSequence"'),
    ("(zzzz,0010)", "Cannot parse tag: (zzzz,0010)"),
    # The final tag is parsed first, as Orthanc does.
    ("Seq.NoSuchTag", 'Unknown DICOM tag: "NoSuchTag"'),
])
def test_unknown_tags(text: str, details: str) -> None:
    with pytest.raises(LetheError) as caught:
        parse(text)
    assert caught.value.code is ErrorCode.UNKNOWN_DICOM_TAG
    assert caught.value.details == details


def test_configured_names_in_paths() -> None:
    tags = TagDictionary.from_config({"7001,1001": ["SQ", "MyPrivateSequence", 1, 1, "Me"]})
    path = parse("MyPrivateSequence[*].PatientName", tags)
    assert path.prefix == (PathStep(Tag(0x70011001), None),)


def _item(**elements: object) -> Dataset:
    item = Dataset()
    for keyword, value in elements.items():
        setattr(item, keyword, value)
    return item


@pytest.fixture
def nested() -> Dataset:
    """Evidence[0..1] -> Series[...] -> SOP[...], plus a 3-item ReferencedImageSequence."""
    dataset = Dataset()
    dataset.PatientName = "Top"
    dataset.ReferencedImageSequence = Sequence(
        [_item(ImageComments=f"1.2.{i}") for i in range(3)])
    dataset.ReferencedImageEvidenceSequence = Sequence([
        _item(ReferencedSeriesSequence=Sequence([
            _item(ImageComments="e0s0", ReferencedSOPSequence=Sequence(
                [_item(ImageComments="e0s0i0"),
                 _item(ImageComments="e0s0i1")])),
            _item(ImageComments="e0s1", ReferencedSOPSequence=Sequence(
                [_item(ImageComments="e0s1i0")])),
        ])),
        _item(ReferencedSeriesSequence=Sequence([
            _item(ImageComments="e1s0"),  # no ReferencedSOPSequence
        ])),
    ])
    dataset.PatientID = "not a sequence"
    return dataset


def _uids(parents) -> list[str]:
    return [item.ImageComments for item in parents]


def test_matching_parents_top_level(nested: Dataset) -> None:
    assert list(matching_parents(nested, parse("PatientName"))) == [nested]


@pytest.mark.parametrize(("text", "expected"), [
    ("ReferencedImageSequence[*].PatientName", ["1.2.0", "1.2.1", "1.2.2"]),
    ("ReferencedImageSequence[1].PatientName", ["1.2.1"]),
    ("ReferencedImageSequence[3].PatientName", []),        # out of range: nothing
    ("ReferencedImageEvidenceSequence[*].ReferencedSeriesSequence[*].PatientName",
     ["e0s0", "e0s1", "e1s0"]),
    ("ReferencedImageEvidenceSequence[*].ReferencedSeriesSequence[*]"
     ".ReferencedSOPSequence[*].PatientName", ["e0s0i0", "e0s0i1", "e0s1i0"]),
    ("ReferencedImageEvidenceSequence[0].ReferencedSeriesSequence[1]"
     ".ReferencedSOPSequence[0].PatientName", ["e0s1i0"]),
    ("ReferencedImageEvidenceSequence[1].ReferencedSeriesSequence[0]"
     ".ReferencedSOPSequence[*].PatientName", []),            # missing sequence
    ("ReferencedImageEvidenceSequence[*].ReferencedSeriesSequence[0]"
     ".ReferencedSOPSequence[1].PatientName", ["e0s0i1"]),
    ("ReferencedSeriesSequence[*].PatientName", []),          # absent at top level
    ("PatientID[0].PatientName", []),                         # not a sequence
])
def test_matching_parents_nested(nested: Dataset, text: str, expected: list[str]) -> None:
    parents = list(matching_parents(nested, parse(text)))
    assert _uids(parents) == expected
    # The items are the dataset's own objects, so that changes land in place.
    for parent in parents:
        parent.PatientName = "Changed"
    assert _uids(matching_parents(nested, parse(text))) == expected
    assert all(p.PatientName == "Changed" for p in matching_parents(nested, parse(text)))


def test_matching_parents_in_a_read_file(tmp_path) -> None:
    """Sequences read from a file (raw elements) are decoded on the way."""
    from pydicom import dcmread
    from pydicom.data import get_testdata_file

    dataset = dcmread(get_testdata_file("rtplan.dcm"))
    path = parse("BeamSequence[*].ControlPointSequence[1].GantryAngle")
    parents = list(matching_parents(dataset, path))
    assert len(parents) == len(dataset.BeamSequence)
    assert all("ControlPointIndex" in parent for parent in parents)
    assert [p.ControlPointIndex for p in parents] == [1] * len(parents)


SEQ_A, SEQ_B, FINAL, OTHER = Tag(0x00081140), Tag(0x00081115), Tag(0x00081150), Tag(0x00100010)


@pytest.mark.parametrize(("prefix", "final", "chain", "tag", "expected"), [
    ((), FINAL, (), FINAL, True),
    ((), FINAL, (), OTHER, False),
    ((), SEQ_A, ((SEQ_A, 0),), FINAL, True),                   # inside the subtree of F
    ((), SEQ_A, ((SEQ_A, 4), (SEQ_B, 1)), OTHER, True),
    ((), SEQ_A, ((SEQ_B, 0),), FINAL, False),
    ((), FINAL, ((SEQ_A, 0),), FINAL, False),                  # same tag, deeper: no
    (((SEQ_A, 0),), FINAL, ((SEQ_A, 0),), FINAL, True),
    (((SEQ_A, 0),), FINAL, ((SEQ_A, 1),), FINAL, False),
    (((SEQ_A, None),), FINAL, ((SEQ_A, 7),), FINAL, True),
    (((SEQ_A, None),), FINAL, ((SEQ_B, 7),), FINAL, False),
    (((SEQ_A, None),), FINAL, (), FINAL, False),               # n < k
    (((SEQ_A, None),), SEQ_B, ((SEQ_A, 2), (SEQ_B, 0)), OTHER, True),
    (((SEQ_A, None),), SEQ_B, ((SEQ_A, 2), (SEQ_A, 0)), OTHER, False),
    (((SEQ_A, None), (SEQ_B, 1)), FINAL, ((SEQ_A, 3), (SEQ_B, 1)), FINAL, True),
    (((SEQ_A, None), (SEQ_B, 1)), FINAL, ((SEQ_A, 3), (SEQ_B, 0)), FINAL, False),
])
def test_path_matches(prefix, final, chain, tag, expected: bool) -> None:
    path = TagPath(tuple(PathStep(t, i) for t, i in prefix), final, "test")
    assert path_matches(path, chain, tag) is expected
