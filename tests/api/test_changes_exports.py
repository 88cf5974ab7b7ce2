"""``/changes`` (``last``, ``since``/``limit``, Orthanc 1.12.5's ``type`` and ``to``,
``DELETE``) compared with Orthanc 1.10.1 where it has them, and ``/exports``."""

from __future__ import annotations

import pytest

from tests.support.dicomgen import make_file


def _files(count: int, patient: str = "CHG") -> list[bytes]:
    return [make_file(patient_id=patient, study_uid="1.2.8.1", series_uid="1.2.8.1.1",
                      sop_uid=f"1.2.8.1.1.{n}") for n in range(count)]


def _without_dates(body: dict) -> dict:
    """A changes answer without what differs between two servers: dates, and ``First``
    (Orthanc 1.12.5)."""
    return {**{k: v for k, v in body.items() if k != "First"},
            "Changes": [{k: v for k, v in c.items() if k != "Date"} for c in body["Changes"]]}


@pytest.mark.orthanc
def test_changes_match_orthanc(orthanc_fresh, make_app):
    """Orthanc's ``test_changes`` scenario on both servers: empty log, one instance, paging,
    metadata changes, a deletion, then an emptied log."""
    lethe = make_app(StableAge=3600)  # no Stable<Level> change meanwhile
    with orthanc_fresh.client() as oracle:
        def compare(path: str) -> dict:
            theirs, ours = oracle.get(path), lethe.get(path)
            assert ours.status_code == theirs.status_code, path
            assert _without_dates(ours.json()) == _without_dates(theirs.json()), path
            return ours.json()

        compare("/changes")
        compare("/changes?last")
        first = _files(1)[0]
        instance = oracle.post("/instances", content=first).json()["ID"]
        lethe.post("/instances", content=first)
        begin = compare("/changes")["Last"]
        assert compare("/changes?last")["Last"] == begin
        for since in range(begin - 4, begin + 2):
            compare(f"/changes?limit=1&since={since}")
            compare(f"/changes?limit=2&since={since}")
        for data in _files(4)[1:]:
            oracle.post("/instances", content=data)
            lethe.post("/instances", content=data)
        compare("/changes?since=3&limit=5")
        for client in (oracle, lethe):
            assert client.put(f"/instances/{instance}/metadata/4000", content=b"x") \
                .status_code == 200
        compare("/changes?last")
        for client in (oracle, lethe):
            assert client.delete(f"/instances/{instance}/metadata/4000").status_code == 200
            assert client.delete(f"/instances/{instance}").status_code == 200
        compare("/changes?limit=100")
        compare(f"/changes?since={begin + 1000}")
        for client in (oracle, lethe):
            assert client.delete("/changes").status_code == 200
        emptied = compare("/changes")
        assert emptied["Changes"] == [] and emptied["Done"]
        compare("/changes?last")


def test_changes_by_type_and_backwards(lethe):
    """Orthanc 1.12.5: ``type`` (several separated by ``;``) and ``to`` (backwards)."""
    for data in _files(3):
        assert lethe.post("/instances", content=data).status_code == 200
    everything = lethe.get("/changes").json()["Changes"]
    assert [c["ChangeType"] for c in everything[:4]] == [
        "NewInstance", "NewSeries", "NewStudy", "NewPatient"]
    seqs = [c["Seq"] for c in everything]
    instances = lethe.get("/changes?type=NewInstance").json()
    assert [c["ChangeType"] for c in instances["Changes"]] == ["NewInstance"] * 3
    assert instances["Last"] == instances["Changes"][-1]["Seq"] and instances["Done"]
    assert instances["First"] == seqs[0]
    two = lethe.get("/changes?type=NewPatient;NewInstance").json()["Changes"]
    assert [c["ChangeType"] for c in two] == ["NewInstance", "NewPatient", "NewInstance",
                                              "NewInstance"]
    page = lethe.get(f"/changes?to={seqs[-1]}&limit=2").json()
    assert [c["Seq"] for c in page["Changes"]] == seqs[-2:]
    assert page["First"] == seqs[-2] and page["Last"] == seqs[-1] and not page["Done"]
    before = lethe.get(f"/changes?to={page['First'] - 1}&limit=100").json()
    assert [c["Seq"] for c in before["Changes"]] == seqs[:-2] and before["Done"]
    windowed = lethe.get(f"/changes?since={seqs[0]}&to={seqs[2]}&type=NewStudy").json()
    assert [c["ChangeType"] for c in windowed["Changes"]] == ["NewStudy"]
    assert lethe.get("/changes?type=Nothing").json()["Changes"] == []
    for bad in ("since=abc", "limit=-1", "to=x", "type=New%20Instance"):
        answer = lethe.get(f"/changes?{bad}")
        assert answer.status_code == 400, bad
        assert bad.split("=")[0] in answer.json()["Details"]


def test_exports_log(lethe):
    """``/exports``: what the DICOM network logs when ``LogExportedResources`` is true, shown
    as Orthanc shows it (identifiers down to the resource's level), paged and emptied."""
    answer = lethe.post("/instances", content=make_file(
        patient_id="EXP1", study_uid="1.2.9.1", series_uid="1.2.9.1.1",
        sop_uid="1.2.9.1.1.1")).json()
    assert lethe.get("/exports").json() == {"Done": True, "Exports": [], "Last": 0}
    store = lethe.app.state.store
    assert store.log_export(answer["ParentStudy"], "PACS")
    assert store.log_export(answer["ID"], "PACS")
    assert not store.log_export("nope", "PACS")
    exports = lethe.get("/exports").json()
    assert exports["Done"] and exports["Last"] == 2
    study, instance = exports["Exports"]
    assert set(study) == {"Date", "ID", "Path", "PatientID", "RemoteModality", "ResourceType",
                          "Seq", "StudyInstanceUID"}
    assert (study["PatientID"], study["StudyInstanceUID"], study["ResourceType"]) == \
        ("EXP1", "1.2.9.1", "Study")
    assert instance["SOPInstanceUID"] == "1.2.9.1.1.1"
    assert instance["SeriesInstanceUID"] == "1.2.9.1.1"
    assert instance["Path"] == f"/instances/{answer['ID']}"
    assert lethe.get("/exports?limit=1").json()["Done"] is False
    assert lethe.get("/exports?since=1").json()["Exports"] == [instance]
    assert lethe.get("/exports?last").json()["Exports"] == [instance]
    assert lethe.get("/exports?since=5").json() == {"Done": True, "Exports": [], "Last": 5}
    lethe.delete(f"/instances/{answer['ID']}")
    assert len(lethe.get("/exports").json()["Exports"]) == 2  # kept after a deletion
    assert lethe.delete("/exports").status_code == 200
    assert lethe.get("/exports").json()["Exports"] == []
