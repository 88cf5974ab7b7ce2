"""The pseudonym register over REST (``PseudonymRegister``): what real keyed anonymizations
record (study job and instance route), its own credentials, look-ups, export and import
into a fresh server, conflicts, and ``lethe pseudonyms export|import``."""

from __future__ import annotations

import base64
import dataclasses
import io
import json
from pathlib import Path

import pydicom

from lethe.cli import main as lethe_main
from tests.support.corpus import sample

SECRET = "test_pseudonym_register project secret"
KEYS = {"cohort": SECRET}
REGISTER = {"Enabled": True, "Users": {"auditor": "register password"}}
AUDITOR = {"Authorization": "Basic " + base64.b64encode(b"auditor:register password").decode()}
BODY = {"PseudonymizationKey": "cohort", "Options": ["RetainLongitudinalModifiedDates"]}


def server(make_app, **options):
    return make_app(PseudonymizationKeys=KEYS, PseudonymRegister=REGISTER, **options)


def study_files() -> list[Path]:
    return sorted(p for p in sample("Brainix/Flair").glob("*") if p.is_file())[:3]


def upload(client, files: list[Path]) -> str:
    answers = [client.post("/instances", content=f.read_bytes()).json() for f in files]
    return answers[0]["ParentStudy"]


def anonymize(client, study: str, body: dict = BODY) -> list[pydicom.Dataset]:
    """The headers of the files of the new study."""
    r = client.post(f"/studies/{study}/anonymize", json=body)
    assert r.status_code == 200, r.text
    return [pydicom.dcmread(io.BytesIO(client.get(f"/instances/{i['ID']}/file").content),
                            stop_before_pixels=True)
            for i in client.get(f"/studies/{r.json()['ID']}/instances").json()]


def exported(client, key: str = "cohort") -> dict:
    r = client.get(f"/pseudonyms/{key}/export", headers=AUDITOR)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    return r.json()


def test_a_keyed_study_anonymization_records_every_pseudonym(make_app) -> None:
    client = server(make_app)
    files = study_files()
    sources = [pydicom.dcmread(f, stop_before_pixels=True) for f in files]
    outputs = anonymize(client, upload(client, files))
    document = exported(client)
    assert document["Format"] == "lethe-pseudonym-register/1" and document["Key"] == "cohort"
    by_kind: dict[str, dict[str, dict]] = {}
    for entry in document["Entries"]:
        by_kind.setdefault(entry["Kind"], {})[entry["Pseudonym"]] = entry
    source, output = sources[0], outputs[0]
    patient = by_kind["PatientID"][output.PatientID]
    assert patient["Original"] == source.PatientID
    assert patient["PatientName"] == str(output.PatientName)
    assert patient["OriginalPatientName"] == str(source.PatientName)
    shift = (pydicom.valuerep.DA(output.StudyDate) - pydicom.valuerep.DA(source.StudyDate)).days
    assert patient["DateShiftDays"] == shift < 0
    assert {e["Original"] for e in by_kind["SOPInstanceUID"].values()} == \
        {s.SOPInstanceUID for s in sources}
    assert set(by_kind["SOPInstanceUID"]) == {o.SOPInstanceUID for o in outputs}
    assert by_kind["StudyInstanceUID"][output.StudyInstanceUID]["Original"] == \
        source.StudyInstanceUID
    assert by_kind["SeriesInstanceUID"][output.SeriesInstanceUID]["Original"] == \
        source.SeriesInstanceUID
    assert all(e["Patient"] == output.PatientID for e in document["Entries"])
    assert len(document["Entries"]) == 3 + len(files)


def test_the_same_key_twice_records_once_and_the_instance_route_too(make_app) -> None:
    client = server(make_app)
    study = upload(client, study_files())
    anonymize(client, study)
    first = exported(client)["Entries"]
    anonymize(client, study)
    instance = client.get(f"/studies/{study}/instances").json()[0]["ID"]
    r = client.post(f"/instances/{instance}/anonymize", json=BODY)
    assert r.status_code == 200
    assert exported(client)["Entries"] == first
    # an instance anonymized alone records its entries
    other = server(make_app)
    lone = other.post("/instances", content=study_files()[0].read_bytes()).json()["ID"]
    written = pydicom.dcmread(io.BytesIO(
        other.post(f"/instances/{lone}/anonymize", json=BODY).content))
    kinds = {e["Kind"]: e["Pseudonym"] for e in exported(other)["Entries"]}
    assert kinds == {"PatientID": written.PatientID,
                     "StudyInstanceUID": written.StudyInstanceUID,
                     "SeriesInstanceUID": written.SeriesInstanceUID,
                     "SOPInstanceUID": written.SOPInstanceUID}


def test_nothing_is_recorded_without_a_key_a_register_or_a_pseudonym(make_app) -> None:
    client = server(make_app)
    study = upload(client, study_files()[:1])
    anonymize(client, study, {})  # no key: Orthanc's anonymization
    anonymize(client, study, {**BODY, "Replace": {"PatientID": "CHOSEN"}, "Force": True})
    assert client.get("/pseudonyms/cohort/export", headers=AUDITOR).json()["Entries"] == []
    disabled = make_app(PseudonymizationKeys=KEYS)
    anonymize(disabled, upload(disabled, study_files()[:1]))
    assert list(disabled.app.state.store.export_pseudonyms("cohort")) == []


def test_only_the_register_s_users_may_use_it(make_app) -> None:
    admin = {"Authorization": "Basic " + base64.b64encode(b"admin:api password").decode()}
    client = server(make_app, AuthenticationEnabled=True,
                    RegisteredUsers={"admin": "api password"})
    for headers in ({}, admin, {"Authorization": "Basic " + base64.b64encode(
            b"auditor:wrong").decode()}):
        r = client.get("/pseudonyms/cohort/export", headers=headers)
        assert r.status_code == 401, headers
        assert r.headers["www-authenticate"] == 'Basic realm="Lethe pseudonym register"'
        assert "PseudonymRegister.Users" in r.json()["Details"]
    assert client.get("/pseudonyms/cohort/export", headers=AUDITOR).status_code == 200
    assert client.get("/system", headers=admin).status_code == 200
    assert client.get("/system", headers=AUDITOR).status_code == 401  # not an API user
    for register, key in (({"Enabled": False, "Users": REGISTER["Users"]}, "Enabled"),
                          ({"Enabled": True}, "Users")):
        refused = make_app(PseudonymizationKeys=KEYS, PseudonymRegister=register)
        r = refused.get("/pseudonyms/cohort?pseudonym=x", headers=AUDITOR)
        assert r.status_code == 403 and f"PseudonymRegister.{key}" in r.json()["Details"]
    # a disabled register's routes are API routes: the API's credentials, then 403
    closed = make_app(PseudonymizationKeys=KEYS, AuthenticationEnabled=True,
                      RegisteredUsers={"admin": "api password"})
    assert closed.get("/pseudonyms/cohort/export").headers["www-authenticate"] == \
        'Basic realm="Lethe"'
    assert closed.get("/pseudonyms/cohort/export", headers=admin).status_code == 403


def test_look_up_both_ways(make_app) -> None:
    client = server(make_app)
    source = pydicom.dcmread(study_files()[0], stop_before_pixels=True)
    output = anonymize(client, upload(client, study_files()[:1]))[0]

    def look(**query: str):
        return client.get("/pseudonyms/cohort", params=query, headers=AUDITOR)

    entries = look(pseudonym=output.SOPInstanceUID).json()["Entries"]
    assert [(e["Kind"], e["Original"]) for e in entries] == \
        [("SOPInstanceUID", source.SOPInstanceUID)]
    by_name = look(pseudonym=str(output.PatientName)).json()["Entries"]
    assert by_name[0]["Original"] == source.PatientID
    assert look(original=source.StudyInstanceUID).json()["Entries"][0]["Pseudonym"] == \
        output.StudyInstanceUID
    missing = look(pseudonym="2.25.404")
    assert missing.status_code == 404 and "'2.25.404'" in missing.json()["Details"]
    for query in ({}, {"pseudonym": "a", "original": "b"}):
        r = look(**query)
        assert r.status_code == 400 and '"pseudonym"' in r.json()["Details"]
    assert client.get("/pseudonyms/nope/export", headers=AUDITOR).status_code == 404


def test_export_then_import_into_a_fresh_server(make_app) -> None:
    first = server(make_app)
    anonymize(first, upload(first, study_files()))
    document = exported(first)
    fresh = server(make_app)
    r = fresh.post("/pseudonyms/cohort/import", json=document, headers=AUDITOR)
    assert r.status_code == 200, r.text
    count = len(document["Entries"])
    assert r.json() == {"Key": "cohort", "Added": count, "AlreadyKnown": 0, "Completed": 0}
    assert exported(fresh) == document
    again = fresh.post("/pseudonyms/cohort/import", json=document, headers=AUDITOR).json()
    assert (again["Added"], again["AlreadyKnown"]) == (0, count)
    # the fresh server's own anonymization of the same study finds everything known
    anonymize(fresh, upload(fresh, study_files()))
    assert exported(fresh) == document


def test_a_contradicting_import_is_refused_naming_the_value_sent(make_app) -> None:
    client = server(make_app)
    anonymize(client, upload(client, study_files()[:1]))
    document = exported(client)
    wrong = json.loads(json.dumps(document))
    entry = next(e for e in wrong["Entries"] if e["Kind"] == "SeriesInstanceUID")
    entry["Original"] = "1.2.3.999"
    wrong["Entries"].insert(0, {"Kind": "SOPInstanceUID", "Pseudonym": "2.25.77",
                                "Original": "1.2.3.77", "Patient": entry["Patient"]})
    r = client.post("/pseudonyms/cohort/import", json=wrong, headers=AUDITOR)
    assert r.status_code == 409
    details = r.json()["Details"]
    assert entry["Pseudonym"] in details and "Nothing was imported" in details
    assert "1.2.3.999" not in details
    assert exported(client) == document  # the new first entry was not imported either
    for bad, field in (({**document, "Key": "other"}, '"Key"'),
                       ({**document, "Entries": [{"Kind": "X"}]}, 'Entries[0]: "Kind"')):
        r = client.post("/pseudonyms/cohort/import", json=bad, headers=AUDITOR)
        assert r.status_code == 400 and field in r.json()["Details"]


def test_the_command_line_exports_and_imports(make_app, tmp_path: Path, capsys) -> None:
    client = server(make_app)
    anonymize(client, upload(client, study_files()[:1]))
    document = exported(client)
    config = client.app.state.config

    def config_file(name: str, storage: str, postgresql: object) -> str:
        body: dict = {"StorageDirectory": storage}
        if config.PostgreSQL.EnableIndex:
            body["PostgreSQL"] = dataclasses.asdict(postgresql)
        path = tmp_path / name
        path.write_text(json.dumps(body))
        return str(path)

    source = config_file("source.json", config.StorageDirectory, config.PostgreSQL)
    out = tmp_path / "register.json"
    assert lethe_main(["pseudonyms", "export", str(out), "--config", source,
                       "--key", "cohort"]) == 0
    assert json.loads(out.read_text()) == document
    fresh = server(make_app)
    target = config_file("target.json", fresh.app.state.config.StorageDirectory,
                         fresh.app.state.config.PostgreSQL)
    assert lethe_main(["pseudonyms", "import", str(out), "--config", target,
                       "--key", "cohort"]) == 0
    assert f"{len(document['Entries'])} entries added" in capsys.readouterr().out
    assert exported(fresh) == document
    assert lethe_main(["pseudonyms", "import", str(out), "--config", target,
                       "--key", "other"]) == 2
    assert "no register of the key 'other'" in capsys.readouterr().err
