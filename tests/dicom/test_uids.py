"""UidMapper: valid, deterministic, keyed, level-separated, overridable, picklable UIDs."""

from __future__ import annotations

import multiprocessing
import pickle
import re
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lethe.dicom.levels import Level
from lethe.dicom.uids import UidMapper, validate_uid_root

UID = re.compile(r"(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*")
UUID_FORM = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
KEY = b"0123456789abcdef0123456789abcdef"
LEVELS = tuple(Level)
ORG_ROOT = "1.2.826.0.1.3680043.8.498"  # 25 characters
LONGEST_ROOT = "1.2.3." + "1" * 34  # 40 characters


def assert_valid_uid(value: str, root: str) -> None:
    assert UID.fullmatch(value), value
    assert len(value) <= 64
    assert value.startswith(root + ".")


def test_uuid_root_form() -> None:
    mapper = UidMapper(KEY)
    value = mapper.map_uid(Level.STUDY, "1.2.840.113619.2.55.3.604688119")
    assert_valid_uid(value, "2.25")
    number = int(value[len("2.25."):])
    assert number < 2**128
    assert uuid.UUID(int=number).version == 8  # a UUID, as PS3.5 B.2 requires
    assert len(value) <= 44


def test_answers_do_not_change_between_versions() -> None:
    # Kept keys give reproducible pseudonyms: the derivation (the hash of the purpose, the
    # level's key and the original) must not change.
    mapper = UidMapper(KEY)
    assert mapper.map_uid(Level.STUDY, "1.2.3") == "2.25.56825656137350770545645188524168463435"
    assert mapper.map_uid(Level.INSTANCE, "1.2.3") == (
        "2.25.333243526324711104063711791314269094315")
    assert mapper.map_patient_id("P1") == "6817bc64-d9bd-8d4c-8dec-c108485648d6"
    assert UidMapper(KEY, ORG_ROOT).map_uid(Level.SERIES, "1.2.3") == (
        ORG_ROOT + ".83333016454613802771783757837851345820")


@pytest.mark.parametrize("root", ["2.25", ORG_ROOT, LONGEST_ROOT, "1", "0.0", "2.999.0"])
def test_other_roots_stay_valid(root: str) -> None:
    mapper = UidMapper(KEY, root)
    values = {mapper.map_uid(level, f"1.2.3.{n}") for level in LEVELS for n in range(200)}
    assert len(values) == 800
    for value in values:
        assert_valid_uid(value, root)
    assert mapper.root == root


def test_longest_root_uses_all_64_characters() -> None:
    lengths = {len(UidMapper(KEY, LONGEST_ROOT).map_uid(Level.INSTANCE, str(n))) for n in range(50)}
    assert max(lengths) == 64


def test_deterministic_per_key_and_level() -> None:
    first, second, other = UidMapper(KEY), UidMapper(KEY), UidMapper(b"another key")
    original = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322"
    assert first.map_uid(Level.SERIES, original) == second.map_uid(Level.SERIES, original)
    assert first.map_uid(Level.SERIES, original) != other.map_uid(Level.SERIES, original)
    per_level = {first.map_uid(level, original) for level in LEVELS}
    assert len(per_level) == 4
    assert first.map_uid(Level.INSTANCE, "1.2.3") != first.map_uid(Level.INSTANCE, "1.2.4")
    assert first.map_patient_id("P1") == second.map_patient_id("P1")
    assert first.map_patient_id("P1") != other.map_patient_id("P1")
    assert first.map_patient_id("P1") != first.map_patient_id("P2")


def test_order_does_not_matter() -> None:
    originals = [f"1.2.3.{n}" for n in range(20)]
    forward = [UidMapper(KEY).map_uid(Level.INSTANCE, o) for o in originals]
    mapper = UidMapper(KEY)
    backward = [mapper.map_uid(Level.INSTANCE, o) for o in reversed(originals)]
    assert forward == backward[::-1]


def test_padding_is_stripped() -> None:
    mapper = UidMapper(KEY)
    plain = mapper.map_uid(Level.STUDY, "1.2.3")
    for padded in ("1.2.3\x00", " 1.2.3", "1.2.3 ", "\x001.2.3 \x00", "\t1.2.3\n"):
        assert mapper.map_uid(Level.STUDY, padded) == plain
    assert mapper.map_patient_id(" PAT01 \x00") == mapper.map_patient_id("PAT01")


def test_patient_id_is_a_uuid() -> None:
    mapper = UidMapper(KEY)
    for original in ("", "12345", "Doe^John", "é" * 70):
        value = mapper.map_patient_id(original)
        assert UUID_FORM.fullmatch(value), value
        assert len(value) == 36
    assert mapper.map_patient_id("12345") != mapper.map_uid(Level.PATIENT, "12345")


def test_random_mappers_differ() -> None:
    a, b = UidMapper.random(), UidMapper.random(ORG_ROOT)
    assert a.map_uid(Level.STUDY, "1.2.3") != UidMapper.random().map_uid(Level.STUDY, "1.2.3")
    assert_valid_uid(b.map_uid(Level.STUDY, "1.2.3"), ORG_ROOT)
    assert a.map_uid(Level.STUDY, "1.2.3") == a.map_uid(Level.STUDY, "1.2.3")


def test_overrides() -> None:
    base = UidMapper(KEY)
    mapper = base.with_overrides({(Level.STUDY, "1.2.3 "): "1.2.3.99",
                                  (Level.PATIENT, "PAT"): "new-patient"})
    assert mapper.map_uid(Level.STUDY, "1.2.3") == "1.2.3.99"
    assert mapper.map_uid(Level.STUDY, "\x001.2.3") == "1.2.3.99"
    # Other levels and originals keep the keyed answer.
    assert mapper.map_uid(Level.SERIES, "1.2.3") == base.map_uid(Level.SERIES, "1.2.3")
    assert mapper.map_uid(Level.STUDY, "1.2.4") == base.map_uid(Level.STUDY, "1.2.4")
    assert mapper.map_patient_id("PAT") == "new-patient"
    assert mapper.map_patient_id("OTHER") == base.map_patient_id("OTHER")
    # The base mapper is unchanged; overrides accumulate, the newest wins.
    assert base.map_uid(Level.STUDY, "1.2.3") != "1.2.3.99"
    again = mapper.with_overrides({(Level.STUDY, "1.2.3"): "1.2.3.100", (Level.SERIES, "9"): "9.9"})
    assert again.map_uid(Level.STUDY, "1.2.3") == "1.2.3.100"
    assert again.map_uid(Level.SERIES, "9") == "9.9"
    assert again.map_patient_id("PAT") == "new-patient"


def test_unknown_level() -> None:
    with pytest.raises(ValueError, match="level"):
        UidMapper(KEY).map_uid("frame", "1.2.3")
    with pytest.raises(ValueError, match="level"):
        UidMapper(KEY).with_overrides({("Study", "1.2.3"): "1.2"})


def test_empty_key_is_refused() -> None:
    with pytest.raises(ValueError):
        UidMapper(b"")


def test_repr_hides_the_key() -> None:
    text = repr(UidMapper(KEY).with_overrides({(Level.STUDY, "1.2.3"): "1.2.3.99"}))
    assert "0123456789" not in text and "1.2.3" not in text


def test_pickle_round_trip() -> None:
    mapper = UidMapper(KEY, ORG_ROOT).with_overrides({(Level.SERIES, "1.2"): "1.2.5"})
    copy = pickle.loads(pickle.dumps(mapper))
    assert copy == mapper
    assert copy.map_uid(Level.STUDY, "1.2.3") == mapper.map_uid(Level.STUDY, "1.2.3")
    assert copy.map_uid(Level.SERIES, "1.2") == "1.2.5"
    assert copy.map_patient_id("X1") == mapper.map_patient_id("X1")


def _answers(job: tuple[UidMapper, list[str]]) -> list[str]:
    mapper, originals = job
    return [mapper.map_uid(level, o) for o in originals for level in LEVELS] + [
        mapper.map_patient_id(o) for o in originals]


def test_same_answers_in_worker_processes() -> None:
    mapper = UidMapper.random().with_overrides({(Level.INSTANCE, "1.2.3.1"): "1.2.3.1.1"})
    originals = [f"1.2.3.{n}" for n in range(30)]
    chunks = [(mapper, originals[i:i + 10]) for i in range(0, 30, 10)]
    # spawn: the workers share nothing with this process but the pickled mapper.
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        remote = [answer for chunk in pool.map(_answers, chunks[::-1]) for answer in chunk]
    local = [answer for chunk in map(_answers, chunks[::-1]) for answer in chunk]
    assert remote == local
    assert "1.2.3.1.1" in remote


@settings(max_examples=300, deadline=None)
@given(original=st.text(), level=st.sampled_from(LEVELS),
       root=st.sampled_from(["2.25", ORG_ROOT, LONGEST_ROOT]))
def test_any_original_gives_a_valid_uid(original: str, level: Level, root: str) -> None:
    mapper = UidMapper(KEY, root)
    value = mapper.map_uid(level, original)
    assert_valid_uid(value, root)
    assert value == mapper.map_uid(level, original.strip(" \x00"))
    assert UUID_FORM.fullmatch(mapper.map_patient_id(original))


@given(first=st.text(max_size=20), second=st.text(max_size=20))
def test_distinct_originals_give_distinct_uids(first: str, second: str) -> None:
    mapper = UidMapper(KEY)
    same = first.strip(" \t\n\r\x0b\x0c\x00") == second.strip(" \t\n\r\x0b\x0c\x00")
    assert (mapper.map_uid(Level.INSTANCE, first)
            == mapper.map_uid(Level.INSTANCE, second)) == same


@pytest.mark.parametrize("root", ["2.25", "1.2.840.10008", ORG_ROOT, LONGEST_ROOT, "0", "1.0.2"])
def test_valid_roots(root: str) -> None:
    validate_uid_root(root)


@pytest.mark.parametrize("root", ["", ".", "1.", ".1", "1..2", "1.02", "01.2", "1.2a", "1,2",
                                  "1.2.3 ", "2.25." + "1" * 36, LONGEST_ROOT + "1"])
def test_invalid_roots(root: str) -> None:
    with pytest.raises(ValueError, match="UidRoot"):
        validate_uid_root(root)
    with pytest.raises(ValueError):
        UidMapper(KEY, root)
