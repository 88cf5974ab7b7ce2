"""``lethe anonymize`` and ``lethe modify`` offline: folders, ZIP files and DICOMDIRs, workers,
resuming, reports, dry runs, keys."""

from __future__ import annotations

import gc
import json
import shutil
import zipfile
from pathlib import Path

import pydicom
import pytest
from pydicom.data import get_testdata_file

from lethe.cli import main
from lethe.dicom.uids import UidMapper
from lethe.offline.run import BATCH_FILES, RunSettings, _batches, run
from lethe.offline.sources import STATE_FOLDER, find_sources

SECRET = "test_offline_cli project secret"
FILES = ("CT_small.dcm", "MR_small.dcm", "rtplan.dcm", "liver_1frame.dcm")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "source"
    (folder / "a").mkdir(parents=True)
    for index, name in enumerate(FILES):
        shutil.copy(get_testdata_file(name), folder / ("a" if index % 2 else "") / name)
    (folder / "notes.txt").write_text("not DICOM")
    return folder


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.dcm")}


def test_anonymize_a_folder_with_a_key_file(source: Path, tmp_path: Path, capsys) -> None:
    key = tmp_path / "key"
    key.write_text(SECRET + "\n")
    out = tmp_path / "out"
    code = main(["anonymize", str(source), str(out), "--key-file", str(key), "--jobs", "2",
                 "--options", "RetainLongitudinalModifiedDates,RetainSafePrivate", "--verify",
                 "--quiet"])
    assert code == 0
    assert "4 written" in capsys.readouterr().out
    written = outputs(out)
    assert len(written) == 4 and not (out / STATE_FOLDER).exists()
    report = json.loads((out / "lethe-report.json").read_text())
    assert (report["Written"], report["NotDicom"], report["Key"]) == (4, 1, "from a key file")
    assert SECRET not in (out / "lethe-report.json").read_text()
    ct = pydicom.dcmread(next(out / name for name in written if (
        pydicom.dcmread(out / name, stop_before_pixels=True).Modality == "CT")))
    mapper = UidMapper(__import__("lethe.dicom.pseudonyms", fromlist=["key_from_secret"])
                       .key_from_secret(SECRET))
    assert ct.PatientID == mapper.map_patient_id("1CT1")
    assert ct.PatientName == mapper.map_patient_name("1CT1")
    name = next(iter(written))
    assert name.count("/") == 2 and all(part.startswith("2.25.") for part in name.split("/"))
    again = tmp_path / "again"
    assert main(["anonymize", str(source), str(again), "--key-file", str(key), "--jobs", "1",
                 "--options", "RetainLongitudinalModifiedDates", "RetainSafePrivate",
                 "--quiet"]) == 0
    assert outputs(again) == written  # same key, same bytes, whatever the workers


def test_zip_and_dicomdir_sources(tmp_path: Path, source: Path) -> None:
    archive = tmp_path / "in.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for path in source.rglob("*"):
            if path.is_file():
                out.write(path, path.relative_to(source).as_posix())
    assert sorted(s.name for s in find_sources(archive)) == sorted(
        p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file())
    assert main(["modify", str(archive), str(tmp_path / "zip-out"), "--quiet",
                 "--jobs", "1"]) == 0
    assert set(outputs(tmp_path / "zip-out")) == {"CT_small.dcm", "a/MR_small.dcm",
                                                  "rtplan.dcm", "a/liver_1frame.dcm"}
    dicomdir = Path(get_testdata_file("DICOMDIR"))
    found = find_sources(dicomdir)
    assert len(found) > 10 and all("/" in s.name for s in found)
    assert main(["anonymize", str(dicomdir), str(tmp_path / "dd-out"), "--dry-run",
                 "--quiet", "--jobs", "1"]) == 0
    plans = json.loads((tmp_path / "dd-out" / "lethe-plan.json").read_text())
    assert len(plans) == len(found) and not outputs(tmp_path / "dd-out")


def test_an_interrupted_run_resumes_with_the_same_pseudonyms(source: Path, tmp_path: Path) -> None:
    settings = RunSettings(True, {}, None, "drawn for this run")
    sources = find_sources(source)
    out = tmp_path / "out"
    seen = []

    def interrupt(outcome) -> None:
        seen.append(outcome)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(settings, sources, out, interrupt)
    assert (out / STATE_FOLDER / "key").exists()
    first = outputs(out)
    outcomes, skipped = run(settings, sources, out)
    assert skipped == 2 and len(outcomes) == len(sources) - 2
    assert not (out / STATE_FOLDER).exists()
    everything = outputs(out)
    assert len(everything) == 4 and all(everything[name] == data for name, data in first.items())
    patients = {pydicom.dcmread(out / n, stop_before_pixels=True).PatientID for n in everything}
    assert len(patients) == 4  # four patients, one key: one pseudonym each, across both runs
    seen.clear()
    with pytest.raises(KeyboardInterrupt):
        run(settings, sources, tmp_path / "other", interrupt)
    with pytest.raises(ValueError, match="another request"):
        run(RunSettings(True, {"DicomVersion": "2021b"}, None, "x"), sources,
            tmp_path / "other")


def test_refusals_are_reported_and_the_exit_code_says_so(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "src"
    folder.mkdir()
    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
    ds.BurnedInAnnotation = "YES"
    ds.save_as(folder / "burned.dcm")
    shutil.copy(get_testdata_file("MR_small.dcm"), folder / "mr.dcm")
    report = tmp_path / "report"
    code = main(["anonymize", str(folder), str(tmp_path / "out"), "--verify", "--quiet",
                 "--jobs", "1", "--report", str(report)])
    assert code == 1
    text = (report / "lethe-report.txt").read_text()
    assert "refused: burned.dcm:" in text and "BurnedInAnnotation is YES" in text
    assert json.loads((report / "lethe-report.json").read_text())["Refused"] == 1


def test_bad_commands(tmp_path: Path, source: Path, capsys) -> None:
    assert main(["anonymize", str(tmp_path / "missing"), str(tmp_path / "o")]) == 2
    assert main(["anonymize", str(source), str(tmp_path / "o"), "--key", "k"]) == 2
    assert "no such key" in capsys.readouterr().err
    assert main(["anonymize", str(source), str(tmp_path / "o"), "--options", "Nope",
                 "--quiet"]) == 2
    assert "'Nope'" in capsys.readouterr().err
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"PseudonymizationKeys": {"k": SECRET}}))
    assert main(["anonymize", str(source), str(tmp_path / "o2"), "--key", "k", "--config",
                 str(config), "--quiet", "--jobs", "1"]) == 0


def test_workers_take_batches_and_write_what_one_process_writes(tmp_path: Path) -> None:
    folder = tmp_path / "series"
    folder.mkdir()
    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
    for number in range(30):
        uid = f"1.2.826.0.1.3680043.2.1.{number}"
        ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = uid
        ds.InstanceNumber = number + 1
        ds.save_as(folder / f"{number:02d}.dcm")
    sources = find_sources(folder)
    batches = _batches(sources, 2)
    assert [s for batch in batches for s in batch] == sources  # all, once, in order
    assert len(batches) == 8 and max(len(batch) for batch in batches) == 4
    assert len(_batches(sources * 10, 2)) == -(-300 // BATCH_FILES)  # capped batch size
    key = tmp_path / "key"
    key.write_text(SECRET)
    written = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        assert main(["anonymize", str(folder), str(out), "--key-file", str(key), "--jobs", jobs,
                     "--quiet"]) == 0
        written[jobs] = outputs(out)
        assert json.loads((out / "lethe-report.json").read_text())["Written"] == 30
    assert len(written["1"]) == 30 and written["2"] == written["1"]
    assert gc.isenabled()  # paused while the command imported the engine, on again
