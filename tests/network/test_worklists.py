"""Modality worklists against Orthanc 1.10.1 with its ModalityWorklists plugin: the same
``.wl`` files, queried with DCMTK's ``findscu -W`` and with ``/modalities/{id}/find-worklist``,
give the same answers; ``IncomingWorklistRequestFilter`` rewrites the query on both; the
Python hook does it on Lethe."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

from tests.network import dcmtk
from tests.support.servers import (
    ServerProcess,
    free_port,
    orthanc_available,
    start_lethe,
    start_orthanc,
)

PLUGIN = "/usr/share/orthanc/plugins/libModalityWorklists.so"
WORKLIST_FILTER = """
function IncomingWorklistRequestFilter(query, origin)
  if origin['RemoteAet'] == 'FILTERED' then
    query['0040,0100'][1]['0040,0001'] = 'OTHER'
  end
  return query
end
"""

# (PatientName, PatientID, AccessionNumber, Modality, StationAET, StartDate, encoding)
WORKLISTS = [
    ("Doe^John", "P1", "A1", "MR", "TESTER", "20240102", "ISO_IR 100"),
    ("Doe^Jane", "P2", "A2", "CT", "OTHER", "20240103", "ISO_IR 100"),
    ("Smith^Anna", "P3", "A3", "MR", "TESTER", "20240110", "ISO_IR 192"),
    ("Müller^Jörg", "P4", "", "US", "OTHER", "20231231", "ISO_IR 100"),
]

QUERIES: list[list[str]] = [
    ["PatientName", "PatientID", "AccessionNumber"],
    ["PatientName=Doe*", "PatientID", "(0040,0100)[0].Modality"],
    ["PatientName=doe^jane", "PatientID"],
    ["PatientID", "(0040,0100)[0].Modality=MR", "(0040,0100)[0].ScheduledStationAETitle"],
    ["PatientID", "(0040,0100)[0].ScheduledProcedureStepStartDate=20240101-20240105"],
    ["PatientID=P1\\P4", "AccessionNumber", "PatientBirthDate", "(0040,0100)"],
    ["AccessionNumber=A?", "PatientName"],
    ["PatientID", "RequestedProcedureDescription", "(0008,1110)"],
    ["PatientID", "(0040,0100)[0].ScheduledPerformingPhysicianName=house*",
     "(0040,0100)[0].ScheduledProcedureStepStartTime=100000-"],
    ["PatientID", "(0040,0100)[0].ScheduledStationAETitle=tester"],
]


def write_worklists(folder: Path) -> None:
    """The ``.wl`` files of the tests (and one file that is no worklist)."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, (name, pid, accession, modality, station, date, charset) in enumerate(
            WORKLISTS):
        ds = Dataset()
        ds.SpecificCharacterSet = charset
        ds.PatientName = name
        ds.PatientID = pid
        ds.PatientBirthDate = "19700101"
        ds.AccessionNumber = accession
        ds.RequestedProcedureDescription = f"Procedure {number}"
        ds.StudyInstanceUID = generate_uid()
        step = Dataset()
        step.Modality = modality
        step.ScheduledStationAETitle = station
        step.ScheduledProcedureStepStartDate = date
        step.ScheduledProcedureStepStartTime = "101010"
        step.ScheduledPerformingPhysicianName = "House^Gregory"
        ds.ScheduledProcedureStepSequence = Sequence([step])
        ds.file_meta = FileMetaDataset()
        ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.file_meta.MediaStorageSOPClassUID = "1.2.276.0.7230010.3.1.0.1"
        ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
        suffix = ".WL" if number == 3 else ".wl"
        ds.save_as(folder / f"wl{number}{suffix}", enforce_file_format=True)
    (folder / "notes.txt").write_text("not a worklist")


@dataclass
class Servers:
    lethe: ServerProcess
    orthanc: ServerProcess
    lethe_port: int
    orthanc_port: int


def _start_both(folder: Path, workdir: Path, lua: str | None = None,
                **options: object) -> tuple[ServerProcess, ServerProcess]:
    """Orthanc with the plugin and Lethe serving the worklists of ``folder`` (``options``:
    more keys of the ``Worklists`` section)."""
    common: dict = {"Worklists": {"Enable": True, "Database": str(folder), **options},
              "DicomServerEnabled": True, "DicomAlwaysAllowFindWorklist": True,
              "DicomAet": "WLSCP"}
    if lua is not None:
        script = workdir / "worklist.lua"
        script.write_text(lua)
        common["LuaScripts"] = [str(script)]
    orthanc = start_orthanc(workdir / "orthanc", {**common, "Plugins": [PLUGIN]})
    try:
        lethe = start_lethe(workdir / "lethe", common)
    except Exception:
        orthanc.stop()
        raise
    return lethe, orthanc


def _dicom_port(server: ServerProcess) -> int:
    with server.client() as client:
        return int(client.get("/system").json()["DicomPort"])


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    if not orthanc_available() or not os.path.exists(PLUGIN):
        pytest.skip("Orthanc or its ModalityWorklists plugin is not installed "
                    "(apt-get install -y orthanc)")
    dcmtk.require_dcmtk()
    workdir = tmp_path_factory.mktemp("worklists")
    write_worklists(workdir / "db")
    lethe, orthanc = _start_both(workdir / "db", workdir, WORKLIST_FILTER)
    try:
        yield Servers(lethe, orthanc, _dicom_port(lethe), _dicom_port(orthanc))
    finally:
        lethe.stop()
        orthanc.stop()


def _shown(answers: list[Dataset]) -> list[str]:
    """The answers as comparable text (the order of the folder listing aside)."""
    return sorted("\n".join(str(element) for element in answer) for answer in answers)


def _find(port: int, keys: list[str]) -> list[str]:
    return _shown(dcmtk.find(port, keys, model="-W"))


@pytest.mark.orthanc
@pytest.mark.parametrize("keys", QUERIES, ids=[str(i) for i in range(len(QUERIES))])
def test_findscu_same_answers(servers: Servers, keys: list[str]):
    theirs = _find(servers.orthanc_port, keys)
    ours = _find(servers.lethe_port, keys)
    assert ours == theirs
    assert theirs or "=doe" in keys[0] or "=tester" in keys[1]  # case-sensitive ones


@pytest.mark.orthanc
def test_find_worklist_route(servers: Servers):
    """Lethe's and Orthanc's SCU, querying the same SCP (Orthanc's), answer the same JSON;
    and Lethe's SCU querying Lethe's SCP too."""
    bodies = [
        {"Query": {"PatientName": "Doe*", "PatientID": "",
                   "ScheduledProcedureStepSequence": [{"Modality": "", "ScheduledStationAETitle": ""}]}},
        {"Query": {"PatientID": "", "AccessionNumber": "A1"}, "Short": True},
        {"PatientID": "P3", "PatientName": ""},  # the form of Orthanc <= 1.9.4
    ]
    for body in bodies:
        answers = []
        for client_server, port in ((servers.orthanc, servers.orthanc_port),
                                    (servers.lethe, servers.orthanc_port),
                                    (servers.lethe, servers.lethe_port)):
            with client_server.client() as client:
                r = client.put("/modalities/wl", json={"AET": "WLSCP", "Host": "127.0.0.1",
                                                       "Port": port})
                assert r.status_code == 200, r.text
                r = client.post("/modalities/wl/find-worklist", json=body)
                assert r.status_code == 200, r.text
                answers.append(sorted(r.json(), key=repr))
        assert answers[0], body
        assert answers[1] == answers[0], body
        assert answers[2] == answers[0], body


@pytest.mark.orthanc
def test_find_worklist_errors(servers: Servers):
    with servers.lethe.client() as client:
        r = client.post("/modalities/nope/find-worklist", json={"Query": {}})
        assert r.status_code == 404
        client.put("/modalities/wl2", json={"AET": "WLSCP", "Host": "127.0.0.1",
                                            "Port": servers.lethe_port})
        r = client.post("/modalities/wl2/find-worklist", json={"Query": {"PatientID": 3}})
        assert r.status_code == 400 and "PatientID" in r.text
        r = client.post("/modalities/wl2/find-worklist", json={"Query": {"NoSuchTag": ""}})
        assert r.status_code in (400, 404) and "NoSuchTag" in r.text


@pytest.mark.orthanc
def test_incoming_worklist_request_filter(servers: Servers):
    """Both servers run the same ``IncomingWorklistRequestFilter`` (the other tests show it
    leaves the queries of other AETs as they are): the scheduled station becomes OTHER."""
    keys = ["PatientID", "(0040,0100)[0].ScheduledStationAETitle"]
    theirs = _shown(dcmtk.find(servers.orthanc_port, keys, model="-W", aet="FILTERED"))
    ours = _shown(dcmtk.find(servers.lethe_port, keys, model="-W", aet="FILTERED"))
    assert ours == theirs
    assert len(theirs) == 2 and all("TESTER" not in answer for answer in theirs)


@pytest.mark.orthanc
def test_filter_issuer_aet_and_limit(tmp_path: Path):
    """``FilterIssuerAet`` matches the worklists of the calling AET (the answers keep the
    keys of the query as it came); ``LimitAnswers`` cuts the answers as the plugin does (one
    more than the limit)."""
    if not orthanc_available() or not os.path.exists(PLUGIN):
        pytest.skip("Orthanc or its ModalityWorklists plugin is not installed")
    dcmtk.require_dcmtk()
    write_worklists(tmp_path / "db")
    lethe, orthanc = _start_both(tmp_path / "db", tmp_path, FilterIssuerAet=True,
                                 LimitAnswers=1)
    queries = [("TESTER", ["PatientID"]), ("OTHER", ["PatientID", "(0040,0100)[0].Modality"]),
               ("OTHER", ["PatientID", "(0040,0100)[0].ScheduledStationAETitle=TESTER"]),
               ("TESTER", ["PatientID", "PregnancyStatus"]), ("NOBODY", ["PatientID"])]
    try:
        ports = _dicom_port(orthanc), _dicom_port(lethe)
        for aet, keys in queries:
            theirs, ours = (_shown(dcmtk.find(port, keys, model="-W", aet=aet))
                            for port in ports)
            assert ours == theirs, (aet, keys)
            assert len(theirs) == (0 if aet == "NOBODY" else 2)
    finally:
        lethe.stop()
        orthanc.stop()


def test_python_worklist_filter(make_app, tmp_path: Path):
    """``incoming_worklist_request_filter`` rewrites the query."""
    dcmtk.require_dcmtk()
    write_worklists(tmp_path / "db")
    module = tmp_path / "hooks.py"
    module.write_text('''
def incoming_worklist_request_filter(query, origin):
    query["0010,0020"] = "P2" if origin["RemoteAet"] == "TESTER" else "NONE"
    return query
''')
    port = free_port()
    client = make_app(DicomPort=port, DicomBindAddress="127.0.0.1", DicomAet="WLSCP",
                      DicomAlwaysAllowFindWorklist=True, PythonScripts=[str(module)],
                      Worklists={"Enable": True, "Database": str(tmp_path / "db")})
    network = client.app.state.network
    network.start()
    try:
        answers = dcmtk.find(port, ["PatientID=P1", "PatientName"], model="-W")
    finally:
        network.stop()
    assert [a.PatientID for a in answers] == ["P2"]


def test_worklists_configuration_errors():
    from lethe.config import ConfigError, config_from_dict

    with pytest.raises(ConfigError, match="Worklists.Database"):
        config_from_dict({"Worklists": {"Enable": True}})
    with pytest.raises(ConfigError, match="Worklists.LimitAnswers"):
        config_from_dict({"Worklists": {"LimitAnswers": -1}})


def test_matching_in_sequences_of_a_utf8_worklist(tmp_path: Path):
    """A sequence item is read in the character set of its worklist; the answer is written
    in ``DefaultEncoding``, without the characters that it cannot hold."""
    from lethe.network.worklists import WorklistSettings, find_worklists

    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.PatientID = "U1"
    ds.PatientName = "Jörg^Ωmega"
    step = Dataset()
    step.ScheduledPerformingPhysicianName = "Müller^Jörg"
    ds.ScheduledProcedureStepSequence = Sequence([step])
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    tmp_path.joinpath("db").mkdir()
    ds.save_as(tmp_path / "db" / "u.wl", implicit_vr=False, little_endian=True)
    query = Dataset()
    query.SpecificCharacterSet = "ISO_IR 192"
    query.PatientName = ""
    item = Dataset()
    item.ScheduledPerformingPhysicianName = "müller*"
    query.ScheduledProcedureStepSequence = Sequence([item])
    settings = WorklistSettings(True, str(tmp_path / "db"))
    answers = find_worklists(settings, query).answers
    assert len(answers) == 1
    assert answers[0].SpecificCharacterSet == "ISO_IR 100"
    assert str(answers[0].PatientName) == "Jörg^mega"  # Ω is no Latin-1 character
    physician = answers[0].ScheduledProcedureStepSequence[0].ScheduledPerformingPhysicianName
    assert str(physician) == "Müller^Jörg"
    item.ScheduledPerformingPhysicianName = "schmidt*"
    assert find_worklists(settings, query).answers == []
