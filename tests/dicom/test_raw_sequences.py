"""A raw sequence that no nested rule touches is left raw by an anonymization (written back
as its own bytes), and the output is the one the full walk gives (issue 22)."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydicom import dcmread
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence

from lethe.dicom import nested, part10
from lethe.dicom.engine import ModificationContext
from lethe.dicom.modify_file import modify_file
from lethe.dicom.rawread import sequence_tags
from lethe.dicom.request import ModificationRequest
from lethe.dicom.tags import DEFAULT_TAGS
from lethe.dicom.uids import UidMapper
from tests.support.dicomgen import make_dataset, to_bytes

CODE = {"CodeValue": "P-17", "CodingSchemeDesignator": "99HOSP", "CodeMeaning": "Thorax"}
# Nested elements: harmless ones, and ones a rule removes, empties, remaps or drops.
NESTED = {
    "CodeValue": "RPID17", "CodeMeaning": "CT chest", "ScheduledProcedureStepID": "SPS0",
    "PatientName": "Doe^Nested", "PatientID": "PAT-NESTED", "InstitutionName": "Hospital",
    "ReferencedSOPInstanceUID": "1.2.826.0.1.3680043.10.99.1", "AccessionNumber": "ACC-N",
    "StudyDate": "20240102",
}


def anonymized(data: bytes, body: object = b"{}") -> bytes:
    request = ModificationRequest.parse(body, anonymize=True, tags=DEFAULT_TAGS,
                                        instance_route=True)
    out = io.BytesIO()
    modify_file(data, out, request, ModificationContext(UidMapper(b"k" * 32), "Anonymized1"))
    return out.getvalue()


def item(**values: object) -> Dataset:
    ds = Dataset()
    for keyword, value in values.items():
        setattr(ds, keyword, value)
    return ds


def with_sequence(*items: Dataset, keyword: str = "ProcedureCodeSequence") -> bytes:
    ds = make_dataset()
    setattr(ds, keyword, Sequence(list(items)))
    return to_bytes(ds)


def test_the_tags_of_a_raw_sequence_at_every_depth():
    data = with_sequence(item(**CODE, ConceptCodeSequence=Sequence([item(CodeValue="x",
                                                                           PatientID="P")])))
    raw = part10.read_header(data).dataset.get_item(0x00081032, keep_deferred=True)
    assert sequence_tags(raw, 64) == {0x00080100, 0x00080102, 0x00080104, 0x0040A168,
                                      0x00100020}
    assert sequence_tags(raw, 1) is None  # deeper than asked: unknown


def test_a_sequence_without_identifiers_keeps_its_bytes():
    data = with_sequence(item(**CODE))
    raw = part10.read_header(data).dataset.get_item(0x00081032, keep_deferred=True)
    assert not nested.may_change(raw, ModificationRequest.parse(
        b"{}", anonymize=True, tags=DEFAULT_TAGS))
    out = anonymized(data)
    assert raw.value in out  # the same bytes, never decoded and encoded again
    assert dcmread(io.BytesIO(out)).ProcedureCodeSequence[0].CodeMeaning == "Thorax"


def test_an_identifier_deep_inside_is_still_found():
    deep = item(CodeValue="x", ReferencedSOPInstanceUID="1.2.826.0.1.3680043.10.99.7",
                PatientName="Doe^Deep")
    data = with_sequence(item(**CODE, ConceptCodeSequence=Sequence([deep])))
    out = dcmread(io.BytesIO(anonymized(data)))
    inner = out.ProcedureCodeSequence[0].ConceptCodeSequence[0]
    assert inner.ReferencedSOPInstanceUID != "1.2.826.0.1.3680043.10.99.7"
    assert inner.PatientName == ""
    assert b"Doe^Deep" not in anonymized(data)


nested_items = st.lists(st.dictionaries(st.sampled_from(sorted(NESTED)), st.just(None),
                                        min_size=1, max_size=4), min_size=1, max_size=3)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # patched per input
@given(items=nested_items, private=st.booleans(), keep=st.booleans())
def test_the_same_output_as_the_full_walk(monkeypatch, items, private, keep):
    """Any mix of nested elements: the output is byte for byte the one walking every
    sequence gives."""
    built = [item(**{k: NESTED[k] for k in chosen}) for chosen in items]
    if private:
        built[0].add_new(0x00090010, "LO", "ACME")
        built[0].add_new(0x00091001, "LO", "private value")
    data = with_sequence(*built)
    body = b'{"Keep": ["ProcedureCodeSequence"]}' if keep else b"{}"
    fast = anonymized(data, body)
    with monkeypatch.context() as patched:
        patched.setattr(nested, "may_change", lambda sequence, request: True)
        walked = anonymized(data, body)
    assert fast == walked
    for keyword in ("PatientName", "PatientID", "AccessionNumber"):
        if any(keyword in chosen for chosen in items) and not keep:
            assert NESTED[keyword].encode() not in fast


@pytest.mark.parametrize("body", [b"{}", b'{"KeepPrivateTags": true}'])
def test_private_tags_inside_follow_the_request(body):
    built = item(**CODE)
    built.add_new(0x00090010, "LO", "ACME")
    built.add_new(0x00091001, "LO", "private value")
    out = anonymized(with_sequence(built), body)
    assert (b"private value" in out) == (body != b"{}")
