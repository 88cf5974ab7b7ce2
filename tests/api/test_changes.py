"""/changes: the Stable<Level> changes that follow the New<Level> ones."""

from __future__ import annotations

import time

import pytest

from tests.support.dicomgen import make_file


def _changes_once_stable(client, timeout: float = 15.0) -> list[tuple[str, str, str]]:
    """The changes (type, level, ID), once the last patient has become stable."""
    deadline = time.monotonic() + timeout
    while True:
        changes = client.get("/changes?limit=100").json()["Changes"]
        if changes and changes[-1]["ChangeType"] == "StablePatient" \
                or time.monotonic() > deadline:
            return [(c["ChangeType"], c["ResourceType"], c["ID"]) for c in changes]
        time.sleep(0.1)


def _upload_two_series(client) -> list[dict]:
    return [client.post("/instances", content=make_file(
        patient_id="STABLE", study_uid="1.2.5", series_uid=f"1.2.5.{n}",
        sop_uid=f"1.2.5.{n}.1")).json() for n in (1, 2)]


def test_resources_become_stable_after_stable_age(make_app):
    lethe = make_app(StableAge=1)
    first, second = _upload_two_series(lethe)
    assert lethe.get(f"/studies/{first['ParentStudy']}").json()["IsStable"] is False
    changes = _changes_once_stable(lethe)
    assert changes[:4] == [("NewInstance", "Instance", first["ID"]),  # Orthanc's order
                           ("NewSeries", "Series", first["ParentSeries"]),
                           ("NewStudy", "Study", first["ParentStudy"]),
                           ("NewPatient", "Patient", first["ParentPatient"])]
    assert changes[-4:] == [("StableSeries", "Series", first["ParentSeries"]),
                            ("StableSeries", "Series", second["ParentSeries"]),
                            ("StableStudy", "Study", first["ParentStudy"]),
                            ("StablePatient", "Patient", first["ParentPatient"])]
    assert lethe.get(f"/studies/{first['ParentStudy']}").json()["IsStable"] is True


def test_a_modified_study_becomes_stable_too(make_app):
    lethe = make_app(StableAge=1)
    first, _ = _upload_two_series(lethe)
    _changes_once_stable(lethe)
    since = lethe.get("/changes").json()["Last"]
    new = lethe.post(f"/studies/{first['ParentStudy']}/modify",
                     json={"Replace": {"StudyDescription": "x"}, "Synchronous": True}).json()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        kinds = [c["ChangeType"] for c in
                 lethe.get(f"/changes?since={since}&limit=100").json()["Changes"]]
        if "StableStudy" in kinds:
            break
        time.sleep(0.1)
    stable = [(c["ChangeType"], c["ID"]) for c in
              lethe.get(f"/changes?since={since}&limit=100").json()["Changes"]
              if c["ChangeType"].startswith("Stable")]
    assert ("StableStudy", new["ID"]) in stable


@pytest.mark.orthanc
def test_stable_changes_match_orthanc(orthanc_fresh, make_app):
    lethe = make_app(StableAge=1)  # as the Orthanc of the tests
    with orthanc_fresh.client() as oracle:
        _upload_two_series(oracle)
        _upload_two_series(lethe)
        theirs, ours = _changes_once_stable(oracle), _changes_once_stable(lethe)
    assert ours == theirs
    assert sum(kind.startswith("Stable") for kind, _, _ in ours) == 4
