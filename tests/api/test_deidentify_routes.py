"""Research-grade de-identification over REST: keyed pseudonyms (byte-identical across two
servers and the command line), DryRun, Verify and the residual-identity route."""

from __future__ import annotations

from pathlib import Path

import pydicom
import pytest
from pydicom.data import get_testdata_file

from lethe.offline.run import RunSettings, run
from lethe.offline.sources import find_sources
from tests.support.corpus import sample

SECRET = "test_deidentify_routes project secret"
KEYS = {"project": SECRET, "other": "another secret of the project"}
BODY = {"PseudonymizationKey": "project",
        "Options": ["RetainLongitudinalModifiedDates", "RetainDeviceIdentity",
                    "CleanDescriptors", "RetainSafePrivate"]}


def study_files() -> list[Path]:
    return sorted(p for p in sample("Brainix/Flair").glob("*") if p.is_file())[:3]


def upload(client, files: list[Path]) -> str:
    """Upload ``files``; the Orthanc ID of their study."""
    answers = [client.post("/instances", content=f.read_bytes()).json() for f in files]
    return answers[0]["ParentStudy"]


def anonymized_files(client, study: str, body: dict) -> dict[str, bytes]:
    """Anonymize a study; the stored files of the new study, by SOPInstanceUID."""
    r = client.post(f"/studies/{study}/anonymize", json=body)
    assert r.status_code == 200, r.text
    files = {}
    for instance in client.get(f"/studies/{r.json()['ID']}/instances").json():
        data = client.get(f"/instances/{instance['ID']}/file").content
        files[str(pydicom.dcmread(_bytes_io(data), stop_before_pixels=True).SOPInstanceUID)] = data
    return files


def _bytes_io(data: bytes):
    import io

    return io.BytesIO(data)


def test_same_key_same_bytes_on_two_servers_and_the_command_line(make_app, tmp_path) -> None:
    files = study_files()
    outputs = []
    for _ in range(2):
        client = make_app(PseudonymizationKeys=KEYS)
        outputs.append(anonymized_files(client, upload(client, files), BODY))
    assert outputs[0] == outputs[1] and len(outputs[0]) == len(files)
    source = tmp_path / "source"
    source.mkdir()
    for f in files:
        (source / f.name).write_bytes(f.read_bytes())
    body = {k: v for k, v in BODY.items() if k != "PseudonymizationKey"}
    outcomes, _ = run(RunSettings(True, body, SECRET, "project"), find_sources(source),
                      tmp_path / "out")
    written = {o.output.rsplit("/", 1)[1][:-4]: (tmp_path / "out" / o.output).read_bytes()
               for o in outcomes}
    assert written == outputs[0]
    client = make_app(PseudonymizationKeys=KEYS)
    other = anonymized_files(client, upload(client, files),
                             {**BODY, "PseudonymizationKey": "other"})
    assert not set(other) & set(outputs[0])  # unrelated UIDs
    first = pydicom.dcmread(_bytes_io(next(iter(outputs[0].values()))))
    second = pydicom.dcmread(_bytes_io(next(iter(other.values()))))
    assert first.PatientID != second.PatientID and first.PatientName != second.PatientName


def test_unknown_key_is_refused_naming_it(make_app) -> None:
    client = make_app(PseudonymizationKeys=KEYS)
    study = upload(client, [Path(get_testdata_file("CT_small.dcm"))])
    r = client.post(f"/studies/{study}/anonymize", json={"PseudonymizationKey": "nope"})
    assert r.status_code == 400 and "'nope'" in r.json()["Details"]
    assert SECRET not in r.text


def test_dry_run_writes_nothing_and_plans_each_instance(lethe) -> None:
    files = [Path(get_testdata_file("CT_small.dcm")), Path(get_testdata_file("MR_small.dcm"))]
    ids = [lethe.post("/instances", content=f.read_bytes()).json()["ID"] for f in files]
    before = lethe.get("/instances").json()
    r = lethe.post(f"/instances/{ids[0]}/anonymize", json={"DryRun": True})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    plan = {a["Path"]: a for a in r.json()["Attributes"]}
    assert plan["PatientName"]["Action"] == "replaced"
    assert plan["InstitutionName"]["Reason"] == "profile 2023b (X/Z/D)"
    r = lethe.post("/tools/bulk-anonymize", json={"Resources": ids, "DryRun": True,
                                                  "Options": ["RetainUIDs"]})
    assert r.status_code == 200, r.text
    answer = r.json()
    assert answer["Summary"]["Instances"] == 2 and set(answer["Resources"]) == set(ids)
    assert lethe.get("/instances").json() == before
    r = lethe.post(f"/instances/{ids[0]}/modify", json={"DryRun": True,
                                                       "Replace": {"PatientName": "A^B"}})
    assert {a["Path"]: a["Reason"] for a in r.json()["Attributes"]}["PatientName"] == "Replace"


def test_verify_fails_the_job_and_stores_nothing(lethe) -> None:
    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
    block = ds.private_block(0x0029, "PLANTED 1.0", create=True)
    block.add_new(0x01, "LO", f"for {ds.PatientID}")
    out = _bytes_io(b"")
    ds.save_as(out)
    study = lethe.post("/instances", content=out.getvalue()).json()["ParentStudy"]
    r = lethe.post(f"/studies/{study}/anonymize",
                   json={"Verify": True, "KeepPrivateTags": True, "Permissive": True})
    assert r.status_code == 400, r.text
    assert "PatientID at (0029,1101)" in r.json()["Details"]
    assert ds.PatientID not in r.text
    assert len(lethe.get("/instances").json()) == 1
    r = lethe.post(f"/studies/{study}/anonymize", json={"Verify": True})
    assert r.status_code == 200, r.text


def test_verify_refuses_burned_in_text_unless_allowed(lethe) -> None:
    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
    ds.BurnedInAnnotation = "YES"
    out = _bytes_io(b"")
    ds.save_as(out)
    instance = lethe.post("/instances", content=out.getvalue()).json()["ID"]
    r = lethe.post(f"/instances/{instance}/anonymize", json={"Verify": True})
    assert r.status_code == 400 and "AllowBurnedInAnnotation" in r.json()["Details"]
    r = lethe.post(f"/instances/{instance}/anonymize",
                   json={"Verify": True, "AllowBurnedInAnnotation": True})
    assert r.status_code == 200
    r = lethe.post(f"/instances/{instance}/anonymize", json={"DryRun": True})
    assert r.json()["BurnedInAnnotation"] == "BurnedInAnnotation is YES"


def test_residual_identity_route(lethe) -> None:
    source = lethe.post("/instances", content=Path(get_testdata_file("CT_small.dcm"))
                        .read_bytes()).json()
    r = lethe.post(f"/series/{source['ParentSeries']}/anonymize", json={})
    output = lethe.get(f"/series/{r.json()['ID']}/instances").json()[0]["ID"]
    r = lethe.get(f"/instances/{output}/residual-identity?source={source['ID']}")
    assert r.status_code == 200 and r.json()["Leaks"] == []
    r = lethe.get(f"/instances/{source['ID']}/residual-identity?source={source['ID']}")
    assert {leak["SourceTag"] for leak in r.json()["Leaks"]} >= {"PatientName", "PatientID"}
    assert "1CT1" not in r.text
    r = lethe.get(f"/instances/{output}/residual-identity")
    assert r.status_code == 400 and '"source"' in r.json()["Details"]


@pytest.mark.parametrize("field", ["DryRun", "Verify", "AllowBurnedInAnnotation"])
def test_proof_fields_must_be_booleans(lethe, field: str) -> None:
    instance = lethe.post("/instances", content=Path(get_testdata_file("CT_small.dcm"))
                          .read_bytes()).json()["ID"]
    r = lethe.post(f"/instances/{instance}/anonymize", json={field: "yes"})
    assert r.status_code == 400 and field in r.json()["Details"]
