"""Lethe driven by the ``pyorthanc`` client (1.23), as an Orthanc user's script drives
Orthanc: upload, find, every property of the resources (compared with Orthanc 1.10.1's),
labels, metadata, attachments, create-dicom, jobs, archives."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydicom.data import get_testdata_file

from tests.support.servers import ServerProcess, start_lethe

pyorthanc = pytest.importorskip("pyorthanc", reason="pyorthanc is not installed "
                                "(pip install -e '.[test]')")

FILES = [Path(get_testdata_file(name)) for name in ("CT_small.dcm", "MR_small.dcm")]
VARYING = {"last_update", "is_stable", "legacy_viewer_url", "creation_date", "labels",
           "first_level_tags"}
"""Properties that differ between any two servers (times, the server's URL), that
Orthanc 1.10.1 has not (labels: Orthanc 1.12), or that pyorthanc deprecates."""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """``lethe serve`` on a free port."""
    process = start_lethe(tmp_path_factory.mktemp("lethe-pyorthanc"),
                          {"StorageCompression": True})
    yield process
    process.stop()


@pytest.fixture(scope="module")
def client(server: ServerProcess) -> Iterator[pyorthanc.Orthanc]:
    with pyorthanc.Orthanc(server.url, timeout=60) as orthanc:
        yield orthanc


def properties(resource: object) -> dict[str, object]:
    """Every property of a pyorthanc resource, a missing tag as the error's name."""
    values: dict[str, object] = {}
    for name in dir(type(resource)):
        if name.startswith("_") or name in VARYING or \
                not isinstance(getattr(type(resource), name), property):
            continue
        try:
            value = getattr(resource, name)
        except pyorthanc.errors.TagDoesNotExistError:
            value = "TagDoesNotExistError"
        if isinstance(value, list):
            value = sorted(item.id_ if hasattr(item, "id_") else item for item in value)
        elif hasattr(value, "id_"):
            value = value.id_
        values[name] = value
    return values


@pytest.mark.orthanc
def test_resource_properties_match_orthanc(client, orthanc_fresh: ServerProcess):
    with pyorthanc.Orthanc(orthanc_fresh.url, timeout=60) as oracle:
        for path in FILES:
            ours = pyorthanc.upload(client, str(path))[0]
            theirs = pyorthanc.upload(oracle, str(path))[0]
            assert ours.id_ == theirs.id_
            pairs = [(ours, theirs), (ours.parent_series, theirs.parent_series),
                     (ours.parent_study, theirs.parent_study),
                     (ours.parent_patient, theirs.parent_patient)]
            for mine, reference in pairs:
                found, expected = properties(mine), properties(reference)
                assert found == expected, type(mine).__name__
            assert ours.get_dicom_file_content() == path.read_bytes()
            assert ours.simplified_tags == theirs.simplified_tags
            assert ours.get_pydicom().SOPInstanceUID == theirs.get_pydicom().SOPInstanceUID


@pytest.mark.filterwarnings("ignore:Use 'content=<...>':DeprecationWarning")  # pyorthanc's
def test_find_labels_and_metadata(client):
    instances = [pyorthanc.upload(client, str(path))[0] for path in FILES]
    patient = instances[0].parent_patient
    patient.add_label("pyorthanc")
    assert patient.labels == ["pyorthanc"]
    found = pyorthanc.find_patients(client, query={"PatientID": patient.patient_id})
    assert [p.id_ for p in found] == [patient.id_]
    assert [p.id_ for p in pyorthanc.find_patients(client, labels=["pyorthanc"])] == \
        [patient.id_]
    studies = pyorthanc.find_studies(client, query={"StudyInstanceUID":
                                                    instances[1].parent_study.uid})
    assert [s.id_ for s in studies] == [instances[1].parent_study.id_]
    assert {i.id_ for i in pyorthanc.find_instances(client)} >= {i.id_ for i in instances}
    patient.remove_label("pyorthanc")
    assert patient.labels == []
    client.put_instances_id_metadata_name(instances[0].id_, "1024", "note")
    assert client.get_instances_id_metadata_name(instances[0].id_, "1024") == "note"
    assert "1024" in client.get_instances_id_metadata(instances[0].id_)
    client.delete_instances_id_metadata_name(instances[0].id_, "1024")
    assert "1024" not in client.get_instances_id_metadata(instances[0].id_)
    assert patient.protected is False
    patient.protected = True
    assert patient.protected is True
    patient.protected = False
    assert patient.protected is False


def test_attachments(client):
    instance = pyorthanc.upload(client, str(FILES[0]))[0]
    assert client.get_instances_id_attachments(instance.id_) == \
        ["dicom", "dicom-until-pixel-data"]
    client.put_instances_id_attachments_name(instance.id_, "1025", b"hello")
    assert client.get_instances_id_attachments_name_data(instance.id_, "1025") == b"hello"
    assert client.get_instances_id_attachments_name_size(instance.id_, "1025") == "5"
    assert client.get_instances_id_attachments_name_is_compressed(instance.id_, "1025") == "1"
    info = client.get_instances_id_attachments_name_info(instance.id_, "dicom")
    assert info["UncompressedSize"] == FILES[0].stat().st_size
    client.post_instances_id_attachments_name_uncompress(instance.id_, "1025")
    assert client.get_instances_id_attachments_name_is_compressed(instance.id_, "1025") == "0"
    assert client.post_instances_id_attachments_name_verify_md5(instance.id_, "dicom") == {}
    client.delete_instances_id_attachments_name(instance.id_, "1025")
    assert "1025" not in client.get_instances_id_attachments(instance.id_)


def test_create_dicom_jobs_and_archives(client, tmp_path: Path):
    made = client.post_tools_create_dicom({"Tags": {"PatientName": "Py^Orthanc",
                                                    "Modality": "OT"}})
    instance = pyorthanc.Instance(made["ID"], client)
    assert instance.simplified_tags["PatientName"] == "Py^Orthanc"
    study = instance.parent_study
    job = study.anonymize_as_job(keep=["StudyDescription"])
    job.wait_until_completion(time_interval=0)
    assert job.state == pyorthanc.jobs.State.success
    assert job.content["Type"] == "Study"
    anonymized = pyorthanc.Study(job.content["ID"], client)
    assert anonymized.patient_information["PatientName"].startswith("Anonymized")
    archive = anonymized.get_zip()
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        assert len(opened.namelist()) == 1
    target = tmp_path / "study.zip"
    study.download(str(target))
    assert zipfile.is_zipfile(target)
    modified = study.modify(replace={"StudyDescription": "Modified"}, force=True)
    assert modified.description == "Modified"
    assert pyorthanc.Patient(anonymized.parent_patient.id_, client).get_zip()[:2] == b"PK"
