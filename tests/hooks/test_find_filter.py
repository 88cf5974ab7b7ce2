"""IncomingFindRequestFilter.lua (Orthanc's sample, unchanged) on Lethe's C-FIND SCP."""

from __future__ import annotations

import pytest
from pydicom.dataset import Dataset

from tests.hooks.conftest import sample
from tests.support.dicomgen import make_file
from tests.support.servers import free_port


def _find(port: int) -> list[Dataset]:
    from pynetdicom import AE
    from pynetdicom.sop_class import StudyRootQueryRetrieveInformationModelFind

    ae = AE(ae_title="FINDER")
    ae.add_requested_context(StudyRootQueryRetrieveInformationModelFind)
    assoc = ae.associate("127.0.0.1", port, ae_title="LETHE")
    assert assoc.is_established
    query = Dataset()
    query.QueryRetrieveLevel = "STUDY"
    query.PatientID = "FIND1"
    query.StudyInstanceUID = ""
    query.add_new(0x55550010, "LO", "Manufacturer's creator")  # what the sample removes
    try:
        return [answer for status, answer in assoc.send_c_find(
            query, StudyRootQueryRetrieveInformationModelFind)
            if status and status.Status in (0xFF00, 0xFF01)]
    finally:
        assoc.release()


@pytest.mark.parametrize("with_filter", [False, True])
def test_incoming_find_request_filter(make_app, with_filter):
    port = free_port()
    client = make_app(DicomPort=port, DicomBindAddress="127.0.0.1", DicomAet="LETHE",
                      DicomAlwaysAllowFind=True,
                      LuaScripts=[sample("IncomingFindRequestFilter.lua")] if with_filter
                      else [])
    client.post("/instances", content=make_file(patient_id="FIND1"))
    network = client.app.state.network
    network.start()
    try:
        answers = _find(port)
    finally:
        network.stop()
    # the private creator in the query matches nothing, unless the filter removes it
    assert len(answers) == (1 if with_filter else 0)


def test_outgoing_find_request_filter(make_app, tmp_path):
    """The sample of Orthanc's book: ``*`` becomes an empty value in queries sent out."""
    from pynetdicom import AE, evt
    from pynetdicom.sop_class import (
        PatientRootQueryRetrieveInformationModelFind,
        StudyRootQueryRetrieveInformationModelFind,
    )

    received: list[Dataset] = []

    def handle(event):
        received.append(event.identifier)
        yield 0x0000, None

    port = free_port()
    ae = AE(ae_title="QUERIED")
    ae.add_supported_context(StudyRootQueryRetrieveInformationModelFind)
    ae.add_supported_context(PatientRootQueryRetrieveInformationModelFind)
    server = ae.start_server(("127.0.0.1", port), block=False,
                             evt_handlers=[(evt.EVT_C_FIND, handle)])
    script = tmp_path / "outgoing.lua"
    script.write_text("""
        function OutgoingFindRequestFilter(query, modality)
          for key, value in pairs(query) do
            if value == '*' then query[key] = '' end
          end
          query['0008,0080'] = modality['AET']
          return query
        end""")
    try:
        client = make_app(LuaScripts=[str(script)],
                          DicomModalities={"queried": ["QUERIED", "127.0.0.1", port]})
        answer = client.post("/modalities/queried/query", json={
            "Level": "Study", "Query": {"PatientName": "*", "PatientID": "X*"}})
        assert answer.status_code == 200, answer.text
    finally:
        server.shutdown()
    query = received[0]
    assert query.PatientName == "" and query.PatientID == "X*"
    assert query.InstitutionName == "QUERIED"
