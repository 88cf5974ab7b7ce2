"""The shortcuts that keep the engine's CPU per instance low give what the long way gives
(issue 22): interned tags, cheap empty elements, raw TransferSyntaxUID, direct deletions and
copies from memory."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pydicom import config
from pydicom.data import get_testdata_file
from pydicom.dataelem import DataElement, RawDataElement, empty_value_for_VR
from pydicom.dataset import Dataset
from pydicom.tag import BaseTag
from pydicom.uid import UID
from pydicom.valuerep import VR

from lethe.dicom import part10, rawread
from lethe.dicom.engine import ModificationContext, _delete, _store
from lethe.dicom.modify_file import modify_file
from lethe.dicom.nested import empty_element
from lethe.dicom.profiles import load_profile
from lethe.dicom.request import ModificationRequest
from lethe.dicom.tags import TagDictionary
from lethe.dicom.uids import UidMapper
from lethe.errors import LetheError

CT_SMALL = get_testdata_file("CT_small.dcm")


def test_a_tag_is_interned_once():
    tag = rawread.interned_tag(0x00100010)
    assert tag is rawread.interned_tag(0x00100010)
    assert isinstance(tag, BaseTag) and tag == 0x00100010


def test_the_profile_and_the_files_share_their_tag_objects():
    dataset = part10.read_header(Path(CT_SMALL).read_bytes()).dataset
    removals = {int(tag): tag for tag in load_profile("2023b").removals}
    # (the elements after the pixel data are read by pydicom: not interned)
    shared = [tag for tag in dataset.keys()  # noqa: SIM118
              if int(tag) in removals and tag < 0x7FE00010]
    assert shared
    assert all(tag is removals[int(tag)] for tag in shared)


@pytest.mark.parametrize("vr", sorted(vr.value for vr in VR if vr.value != "SQ"))
def test_an_empty_element_is_the_one_pydicom_makes(vr):
    tag = BaseTag(0x00091010 if vr == "UN" else 0x00100010)
    made = empty_element(tag, vr)
    expected = DataElement(tag, vr, empty_value_for_VR(vr))
    assert vars(made) == vars(expected)
    assert type(made.value) is type(expected.value)


@pytest.mark.parametrize("setting", ["use_none_as_empty_text_VR_value",
                                     "replace_un_with_known_vr", "datetime_conversion"])
@pytest.mark.parametrize("vr", ["UN", "DA", "DT", "TM", "LO", "PN", "UI", "US"])
def test_an_empty_element_follows_the_pydicom_settings(monkeypatch, setting, vr):
    tag = BaseTag(0x00100010)
    empty_element(tag, vr)  # cached under the default settings
    monkeypatch.setattr(config, setting, not getattr(config, setting))
    made, expected = empty_element(tag, vr), DataElement(tag, vr, empty_value_for_VR(vr))
    assert vars(made) == vars(expected)
    assert type(made.value) is type(expected.value)


def test_an_empty_sequence_is_never_shared():
    first, second = (empty_element(BaseTag(0x00081140), "SQ") for _ in range(2))
    assert first.value == [] and first.value is not second.value


def test_the_declared_syntax_is_read_without_converting_its_element():
    dataset = part10.read_header(Path(CT_SMALL).read_bytes()).dataset
    assert part10.transfer_syntax_of(dataset) == "1.2.840.10008.1.2.1"
    raw = dataset.file_meta.get_item(0x00020010, keep_deferred=True)
    assert isinstance(raw, RawDataElement)
    assert dataset.file_meta.TransferSyntaxUID == part10.transfer_syntax_of(dataset)


def test_a_converted_declared_syntax_is_read_as_before():
    dataset = Dataset()
    dataset.file_meta = Dataset()
    dataset.file_meta.TransferSyntaxUID = UID("1.2.840.10008.1.2")
    assert part10.transfer_syntax_of(dataset) == "1.2.840.10008.1.2"


def test_deleting_a_private_creator_forgets_its_block():
    dataset = Dataset()
    dataset.private_block(0x0009, "ACME", create=True).add_new(0x01, "LO", "x")
    _delete(dataset, [BaseTag(0x00090010), BaseTag(0x00091001)])
    assert 0x00090010 not in dataset
    with pytest.raises(KeyError):
        dataset.private_block(0x0009, "ACME")


def test_storing_an_element_is_setting_it():
    dataset = Dataset()
    dataset.private_block(0x0009, "ACME", create=True)
    private, public = DataElement(0x00091001, "LO", "x"), DataElement(0x00100010, "PN", "Y")
    sequence = DataElement(0x00081140, "SQ", [Dataset()])
    for element in (private, public, sequence):
        _store(dataset, element)
        assert dataset.get_item(element.tag) is element
    assert private.private_creator == "ACME"  # what pydicom's __setitem__ records


def _modified(source: object) -> bytes:
    request = ModificationRequest.parse(b"{}", anonymize=True, tags=TagDictionary.from_config({}),
                                        instance_route=True)
    context = ModificationContext(UidMapper(b"k" * 32), "Anonymized1")
    out = io.BytesIO()
    modify_file(source, out, request, context)  # type: ignore[arg-type]
    return out.getvalue()


def test_bytes_files_and_streams_give_the_same_file():
    data = Path(CT_SMALL).read_bytes()
    with open(CT_SMALL, "rb") as fp:
        from_file = _modified(fp)
    assert _modified(data) == from_file == _modified(io.BytesIO(data))
    assert _modified(bytearray(data)) == from_file


def test_truncated_pixel_data_in_bytes_is_refused():
    data = Path(CT_SMALL).read_bytes()
    header = part10.read_header(data)
    assert header.pixel is not None
    with pytest.raises(LetheError):
        part10._copy(part10._as_stream(data), header.pixel.offset, len(data) + 10,
                     io.BytesIO())
