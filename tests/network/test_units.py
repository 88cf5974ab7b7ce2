"""The DICOM network's pieces without a network: modalities and admission rules, transfer
syntaxes, C-FIND answers from a store, outgoing queries, stored files split for sending."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydicom import config
from pydicom.datadict import dictionary_VR
from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset
from pydicom.tag import Tag

from lethe.config import config_from_dict
from lethe.errors import LetheError
from lethe.network.encoded import EncodedInstance, proposed_contexts
from lethe.network.findscp import FindSettings, find_answers, iter_statuses
from lethe.network.modalities import (
    AccessPolicy,
    ModalityRegistry,
    RemoteModality,
    Request,
)
from lethe.network.queries import (
    QueryArchive,
    QueryRecord,
    answer_values,
    move_dataset,
    move_identifiers,
    query_dataset,
    values_json,
)
from lethe.network.storescp import part10_bytes, sop_uids
from lethe.network.syntaxes import accepted_syntaxes, is_storage_sop_class, is_unknown_uid
from lethe.store.model import Level
from lethe.store.store import Store
from tests.support.dicomgen import make_file


# --- modalities -----------------------------------------------------------------------
def test_both_forms_of_a_modality() -> None:
    short = RemoteModality.parse(["A", "host", "104", "AgfaImpax"])
    assert (short.aet, short.port, short.manufacturer) == ("A", 104, "GenericNoWildcardInDates")
    assert short.to_json(advanced=False) == ["A", "host", 104, "GenericNoWildcardInDates"]
    long = RemoteModality.parse({"AET": "B", "Host": "h", "Port": 1, "AllowStore": False,
                                 "AllowStorageCommitment": False})
    assert not long.allows(Request.STORE) and not long.allows(Request.N_ACTION)
    assert long.allows(Request.FIND) and isinstance(long.to_json(advanced=False), dict)


@pytest.mark.parametrize("value", [["A", "h"], ["A", 1, 2], ["A", "h", 0], ["A", "h", "x"],
                                   {"AET": "A", "Port": 1}, {"AET": "A", "Host": "h"},
                                   {"AET": "A", "Host": "h", "Port": 1, "Timeout": -1}, None])
def test_malformed_modalities(value: object) -> None:
    with pytest.raises(LetheError) as refused:
        RemoteModality.parse(value)
    assert refused.value.http_status == 400 and refused.value.details


def _registry(policy: AccessPolicy) -> ModalityRegistry:
    return ModalityRegistry({
        "a": RemoteModality("SAME", "10.0.0.1", 104, allow_move=False),
        "b": RemoteModality("same", "10.0.0.2", 104),
        "c": RemoteModality("ONLY", "10.0.0.3", 104, allow_find=False)}, policy)


def test_admission_rules_as_orthanc() -> None:
    closed = _registry(AccessPolicy(always_echo=False, always_store=False))
    assert not closed.connection_allowed("STRANGER", "1.1.1.1")
    assert closed.connection_allowed("only", "1.1.1.1")  # AETs compare without case
    assert not closed.request_allowed("ONLY", "1.1.1.1", Request.FIND)
    assert closed.request_allowed("ONLY", "1.1.1.1", Request.ECHO)
    # two modalities share an AET: allowed only if both allow it...
    assert not closed.request_allowed("SAME", "10.0.0.2", Request.MOVE)
    assert closed.request_allowed("SAME", "10.0.0.1", Request.FIND)
    # ... or, checking hosts, if the one at this address does
    hosts = _registry(AccessPolicy(always_echo=False, always_store=False, check_host=True))
    assert hosts.request_allowed("SAME", "10.0.0.2", Request.MOVE)
    assert not hosts.request_allowed("ONLY", "1.1.1.1", Request.ECHO)
    assert not hosts.connection_allowed("ONLY", "1.1.1.1")
    strict = _registry(AccessPolicy(strict_aet=True))
    assert strict.with_aet("same") == [strict.get("b")]
    opened = _registry(AccessPolicy())
    assert opened.connection_allowed("STRANGER", "1.1.1.1")
    assert opened.request_allowed("STRANGER", "1.1.1.1", Request.STORE)
    assert not opened.request_allowed("STRANGER", "1.1.1.1", Request.FIND)


def test_registry_changes() -> None:
    registry = ModalityRegistry({}, AccessPolicy())
    registry.put("z", RemoteModality("Z", "h", 1))
    registry.put("a", RemoteModality("A", "h", 1))
    assert registry.names() == ["a", "z"]
    registry.delete("a")
    with pytest.raises(LetheError, match="Unknown DICOM modality"):
        registry.delete("a")
    with pytest.raises(LetheError):
        registry.put("no spaces", RemoteModality("A", "h", 1))
    assert registry.by_aet("z").host == "h"


# --- transfer syntaxes -----------------------------------------------------------------
def test_accepted_syntaxes() -> None:
    everything = accepted_syntaxes(["1.2.840.10008.1.*"])
    assert len(everything) == 42 and everything[0] == "1.2.840.10008.1.2.1"
    assert accepted_syntaxes(["1.2.840.10008.1.2.4.9?"]) == [
        f"1.2.840.10008.1.2.4.{n}" for n in range(90, 96)]
    assert accepted_syntaxes(["1.2.3"]) == []
    assert is_storage_sop_class("1.2.840.10008.5.1.4.1.1.6")  # retired, still storage
    assert not is_storage_sop_class("1.2.840.10008.1.1")
    assert is_unknown_uid("1.2.276.0.19.55.1.5.1.1.1") and not is_unknown_uid("1.2.840.10008.1.1")


# --- C-FIND answers -----------------------------------------------------------------------
@pytest.fixture
def store(tmp_path: Path):
    opened = Store.open(config_from_dict({"StorageDirectory": str(tmp_path / "storage")}))
    yield opened
    opened.close()


def _identifier(level: str, **keys: str) -> Dataset:
    ds = Dataset()
    ds.QueryRetrieveLevel = level
    for keyword, value in keys.items():  # queries hold values that no file may hold
        tag = Tag(keyword)
        ds[tag] = DataElement(tag, dictionary_VR(tag), value, validation_mode=config.IGNORE)
    return ds


def test_answers_and_counters(store: Store) -> None:
    from lethe.store.ingest import Origin

    study = "1.2.3.4"
    for number, modality in enumerate(("CT", "CT", "MR")):
        store.store(make_file(patient_id="P1", study_uid=study, series_uid=f"1.2.3.4.{number}",
                              Modality=modality), Origin())
    store.store(make_file(patient_id="P2", PatientName="Other^One"), Origin())
    settings = FindSettings("ME")
    found = find_answers(store, _identifier(
        "STUDY", PatientID="P1", ModalitiesInStudy="", NumberOfStudyRelatedSeries="",
        NumberOfStudyRelatedInstances="", SOPClassesInStudy="", StudyDescription=""),
        settings)
    assert found.complete and len(found.answers) == 1
    answer = found.answers[0]
    assert answer.RetrieveAETitle == "ME" and answer.SpecificCharacterSet == "ISO_IR 100"
    assert list(answer.ModalitiesInStudy) == ["CT", "MR"]
    assert answer.NumberOfStudyRelatedSeries == 3 and answer.NumberOfStudyRelatedInstances == 3
    assert answer.StudyDescription == "Chest"
    patients = find_answers(store, _identifier("PATIENT", PatientName="doe*",
                                               NumberOfPatientRelatedInstances=""), settings)
    assert [a.NumberOfPatientRelatedInstances for a in patients.answers] == [3]
    limited = find_answers(store, _identifier("SERIES", SeriesInstanceUID=""),
                           FindSettings("ME", limit_results=2))
    assert len(limited.answers) == 2 and not limited.complete
    assert [status for status, _ in iter_statuses(limited)] == [0xFF00, 0xFF00, 0xFE00]
    with pytest.raises(LetheError, match="QueryRetrieveLevel"):
        find_answers(store, Dataset(), settings)
    with pytest.raises(LetheError):  # no wildcard in a date
        find_answers(store, _identifier("STUDY", StudyDate="2024*"), settings)


def test_answers_in_another_encoding(store: Store) -> None:
    from lethe.store.ingest import Origin

    store.store(make_file(PatientName="Ærø^Łukasz", SpecificCharacterSet="ISO_IR 192"),
                Origin())  # Ł is no Latin-1
    answer = find_answers(store, _identifier("PATIENT", PatientName=""),
                          FindSettings("ME")).answers[0]
    assert str(answer.PatientName) == "Ærø^ukasz"
    utf8 = find_answers(store, _identifier("PATIENT", PatientName=""),
                        FindSettings("ME", default_encoding="Utf8")).answers[0]
    assert utf8.SpecificCharacterSet == "ISO_IR 192" and str(utf8.PatientName) == "Ærø^Łukasz"


# --- outgoing queries ---------------------------------------------------------------------
def test_outgoing_queries_as_orthanc_normalizes_them() -> None:
    fields = {0x00100010: "DOE*", 0x00080060: "CT", 0x00080020: "*", 0x00200013: "1"}
    study = query_dataset(Level.STUDY, fields, manufacturer="GenericNoWildcardInDates")
    assert study.QueryRetrieveLevel == "STUDY" and study.PatientName == "DOE*"
    assert "Modality" not in study and "InstanceNumber" not in study
    assert study.StudyDate == "" and study.StudyInstanceUID == "" and study.PatientID == ""
    assert "AccessionNumber" in study and "SeriesInstanceUID" not in study
    raw = query_dataset(Level.STUDY, fields, normalize=False, manufacturer="GE")
    assert raw.Modality == "CT" and raw.StudyDate == "*" and raw.PatientID == "*"
    image = query_dataset(Level.INSTANCE, {})
    assert image.QueryRetrieveLevel == "IMAGE" and "SOPInstanceUID" in image
    move = move_dataset(Level.SERIES, {0x0020000E: "1.2"})
    assert move.QueryRetrieveLevel == "SERIES" and "AccessionNumber" not in move


def test_answers_kept_as_orthanc_keeps_them() -> None:
    answer = Dataset()
    answer.PatientName = "DOE^J"
    answer.StudyInstanceUID = "1.2.3"
    answer.Rows = 5
    values = answer_values(answer, Level.STUDY)
    assert values[0x00080052] == "STUDY"
    assert values_json(values, "simplify") == {"QueryRetrieveLevel": "STUDY",
                                               "PatientName": "DOE^J", "Rows": "5",
                                               "StudyInstanceUID": "1.2.3"}
    assert values_json(values)["0010,0010"] == {"Name": "PatientName", "Type": "String",
                                                "Value": "DOE^J"}
    assert move_identifiers(values) == (Level.STUDY, {0x0020000D: "1.2.3"})
    with pytest.raises(LetheError):
        move_identifiers({0x00080052: "SERIES", 0x0020000D: "1.2.3"})
    archive = QueryArchive(2)
    records = [QueryRecord(archive.new_id(), "m", RemoteModality("A", "h", 1), Level.STUDY,
                           {}, True, "ME", None) for _ in range(3)]
    for record in records:
        archive.add(record)
    assert archive.ids() == [records[1].id, records[2].id]
    with pytest.raises(LetheError):
        archive.get(records[0].id)


# --- files on the wire --------------------------------------------------------------------
def test_a_stored_file_split_for_sending() -> None:
    data = make_file()
    instance = EncodedInstance.from_file(data)
    assert instance.transfer_syntax == "1.2.840.10008.1.2.1"
    assert data.endswith(instance.dataset_bytes) and instance.offset > 132
    assert sop_uids(instance.dataset_bytes, instance.transfer_syntax) == (
        instance.sop_class, instance.sop_instance)
    rebuilt = part10_bytes(instance.dataset_bytes, instance.transfer_syntax,
                           instance.sop_class, instance.sop_instance, "SENDER")
    again = EncodedInstance.from_file(rebuilt)
    assert again.dataset_bytes == instance.dataset_bytes
    assert b"SENDER" in rebuilt[:again.offset]
    bare = EncodedInstance.from_file(instance.dataset_bytes)  # no meta: implicit VR
    assert bare.offset == 0 and bare.sop_instance == instance.sop_instance
    assert sop_uids(b"\x08\x00", instance.transfer_syntax) == ("", "")
    contexts = proposed_contexts([("1.2.3", "1.2.840.10008.1.2.4.50"),
                                  ("1.2.3", "1.2.840.10008.1.2.1")])
    assert [list(cx.transfer_syntax) for cx in contexts] == [
        ["1.2.840.10008.1.2.4.50"], ["1.2.840.10008.1.2.1"],
        ["1.2.840.10008.1.2", "1.2.840.10008.1.2.2"]]
