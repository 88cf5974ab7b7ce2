"""``AcceptedSopClasses`` and ``RejectedSopClasses`` (Orthanc 1.12.6): what the listener takes
for C-STORE, and ``/tools/accepted-sop-classes`` that lists it."""

from __future__ import annotations

import pytest

from lethe.config import ConfigError, config_from_dict
from tests.network.dcmtk import require_dcmtk, store
from tests.support.corpus import sample
from tests.support.servers import free_port

MR = "1.2.840.10008.5.1.4.1.1.4"
CT = "1.2.840.10008.5.1.4.1.1.2"


def test_every_storage_class_by_default(make_app) -> None:
    listed = make_app(DicomServerEnabled=False).get("/tools/accepted-sop-classes").json()
    assert listed == sorted(listed) and MR in listed and CT in listed
    assert "1.2.840.10008.1.1" not in listed  # verification is no storage class


def test_accepted_less_rejected(make_app) -> None:
    lethe = make_app(DicomServerEnabled=False, AcceptedSopClasses=[f"{MR}*", "1.2.3.4"],
                     RejectedSopClasses=[f"{MR}.?"])
    listed = lethe.get("/tools/accepted-sop-classes").json()
    assert MR in listed and "1.2.3.4" in listed  # a name without wildcards is taken as is
    assert f"{MR}.1" not in listed and CT not in listed
    assert lethe.put("/tools/accepted-sop-classes", json=[]).status_code == 405
    with pytest.raises(ConfigError, match="AcceptedSopClasses"):
        config_from_dict({"AcceptedSopClasses": [3]})


def test_the_listener_refuses_what_is_not_accepted(make_app) -> None:
    require_dcmtk()
    lethe = make_app(DicomServerEnabled=True, DicomPort=free_port(),
                     DicomBindAddress="127.0.0.1", RejectedSopClasses=[MR])
    network = lethe.app.state.network
    network.start()
    mr = sorted(sample("Brainix/Flair").glob("*.dcm"))[0]  # an MR image
    refused = store(network.listening_port, mr)
    assert refused.returncode != 0 or "no presentation context" in refused.stderr.lower()
    assert lethe.get("/statistics").json()["CountInstances"] == 0
    assert MR not in lethe.get("/tools/accepted-sop-classes").json()
