"""DICOM TLS (``DicomTls*``, ``UseDicomTls``), with certificates made here by ``openssl``:
DCMTK's ``echoscu``/``storescu +tls`` against Lethe's listener, a plain or untrusted client
refused, Lethe calling Lethe over TLS, and Lethe and Orthanc 1.10.1 sending to each other
over TLS."""

from __future__ import annotations

import socket
import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from lethe.config import ConfigError, config_from_dict
from tests.network.dcmtk import TESTER, require_dcmtk, run
from tests.network.nodes import pair
from tests.support.corpus import program_missing, sample
from tests.support.servers import free_port

FILE = "Brainix/Flair"


@dataclass(frozen=True)
class Identity:
    """A self-signed certificate and its key (PEM files)."""

    certificate: Path
    key: Path


@dataclass(frozen=True)
class Certificates:
    lethe: Identity
    tester: Identity
    stranger: Identity  # trusted by nobody
    trusted: Path  # lethe's and tester's certificates

    def keys(self, who: Identity | None = None, required: bool = True) -> dict:
        """Lethe's configuration keys of DICOM TLS as ``who`` (default: lethe)."""
        who = who or self.lethe
        return {"DicomTlsCertificate": str(who.certificate), "DicomTlsPrivateKey": str(who.key),
                "DicomTlsTrustedCertificates": str(self.trusted),
                "DicomTlsRemoteCertificateRequired": required}


def _identity(folder: Path, name: str) -> Identity:
    key, certificate = folder / f"{name}.key", folder / f"{name}.crt"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", f"/CN={name}", "-keyout", str(key), "-out", str(certificate)],
                   check=True, capture_output=True)
    return Identity(certificate, key)


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    reason = program_missing("openssl", "openssl")
    if reason is not None:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("tls")
    lethe, tester, stranger = (_identity(folder, n) for n in ("lethe", "tester", "stranger"))
    trusted = folder / "trusted.crt"
    trusted.write_bytes(lethe.certificate.read_bytes() + tester.certificate.read_bytes())
    return Certificates(lethe, tester, stranger, trusted)


@pytest.fixture
def tls_lethe(make_app, certificates: Certificates):
    """A Lethe app whose listener takes DICOM TLS only; its port."""
    return _listening(make_app, DicomTlsEnabled=True, **certificates.keys())


def _listening(make_app, **config):
    """A Lethe app with its DICOM listener started (stopped with the app); its port."""
    client = make_app(DicomServerEnabled=True, DicomPort=free_port(),
                      DicomBindAddress="127.0.0.1", **config)
    network = client.app.state.network
    network.start()
    return client, network.listening_port


def _tls(who: Identity, trusted: Path) -> tuple[str, ...]:
    return ("+tls", str(who.key), str(who.certificate), "+cf", str(trusted))


def _echo(port: int, *options: str) -> subprocess.CompletedProcess:
    return run("echoscu", "-aet", TESTER, *options, "127.0.0.1", str(port))


def test_dcmtk_over_tls(tls_lethe, certificates: Certificates) -> None:
    require_dcmtk()
    client, port = tls_lethe
    tester = _tls(certificates.tester, certificates.lethe.certificate)
    echoed = _echo(port, *tester)
    assert echoed.returncode == 0, echoed.stderr
    path = sorted(sample(FILE).glob("*.dcm"))[0]
    stored = run("storescu", "-aet", TESTER, *tester, "127.0.0.1", str(port), str(path))
    assert stored.returncode == 0, stored.stderr
    assert client.get("/statistics").json()["CountInstances"] == 1


def test_plain_and_untrusted_clients_are_refused(tls_lethe, certificates: Certificates
                                                 ) -> None:
    require_dcmtk()
    client, port = tls_lethe
    assert _echo(port).returncode != 0  # no TLS
    stranger = _tls(certificates.stranger, certificates.lethe.certificate)
    assert _echo(port, *stranger).returncode != 0  # a certificate Lethe does not trust
    anonymous = ("+tla", "+cf", str(certificates.lethe.certificate))
    assert _echo(port, *anonymous).returncode != 0  # no certificate
    # a client that connects and says nothing holds only its own thread: the listener
    # still serves the next client
    with socket.create_connection(("127.0.0.1", port)):
        assert _echo(port, *_tls(certificates.tester, certificates.lethe.certificate)
                     ).returncode == 0


def test_remote_certificate_not_required(make_app, certificates: Certificates) -> None:
    require_dcmtk()
    _, port = _listening(make_app, DicomTlsEnabled=True, **certificates.keys(required=False))
    anonymous = ("+tla", "+cf", str(certificates.lethe.certificate))
    assert _echo(port, *anonymous).returncode == 0
    assert _echo(port).returncode != 0


def test_lethe_calls_lethe_over_tls(tls_lethe, make_app, certificates: Certificates) -> None:
    server, port = tls_lethe
    modality = {"AET": "LETHE", "Host": "127.0.0.1", "Port": port, "UseDicomTls": True}
    caller = make_app(DicomServerEnabled=False, DicomAet="CALLER",
                      DicomModalities={"tls": modality,
                                       "plain": {**modality, "UseDicomTls": False}},
                      **certificates.keys(certificates.tester))
    assert caller.post("/modalities/tls/echo", json={}).status_code == 200
    instance = caller.post("/instances", content=sorted(sample(FILE).glob("*.dcm"))[0]
                           .read_bytes()).json()["ID"]
    sent = caller.post("/modalities/tls/store", json={"Resources": [instance]})
    assert sent.status_code == 200, sent.text
    assert server.get(f"/instances/{instance}").status_code == 200
    assert caller.post("/modalities/plain/echo", json={}).status_code == 500
    # without a certificate of its own, a modality with UseDicomTls cannot be called
    bare = make_app(DicomServerEnabled=False, DicomModalities={"tls": modality})
    failed = bare.post("/modalities/tls/echo", json={})
    assert failed.status_code == 500 and "DicomTlsCertificate" in failed.json()["Details"]


@pytest.mark.parametrize("keys, named", [
    ({"DicomTlsEnabled": True}, "DicomTlsCertificate"),
    ({"DicomTlsEnabled": True, "DicomTlsCertificate": "/nowhere.crt",
      "DicomTlsPrivateKey": "/nowhere.key", "DicomTlsTrustedCertificates": "/nowhere.crt"},
     "DicomTlsCertificate"),
    ({"DicomTlsMinimumProtocolVersion": 7}, "DicomTlsMinimumProtocolVersion"),
    ({"DicomTlsEnabled": True, "DicomTlsMinimumProtocolVersion": 4,
      "DicomTlsCertificate": "a", "DicomTlsPrivateKey": "b",
      "DicomTlsTrustedCertificates": "c"}, "DicomTlsCiphersAccepted"),
])
def test_bad_tls_configuration_names_the_key(keys: dict, named: str) -> None:
    from lethe.network.service import DicomNetwork

    with pytest.raises((ConfigError, ValueError), match=named):
        DicomNetwork.from_config(config_from_dict(keys))


@pytest.fixture(scope="module")
def tls_pair(tmp_path_factory: pytest.TempPathFactory, certificates: Certificates
             ) -> Iterator:
    """Lethe and Orthanc 1.10.1, both listening over TLS, trusting each other."""
    orthanc_keys = {**certificates.keys(certificates.tester), "DicomTlsEnabled": True}
    lethe_keys = {**certificates.keys(), "DicomTlsEnabled": True}
    with pair(tmp_path_factory.mktemp("tls-pair"), lethe_keys, orthanc_keys) as both:
        for node, other, name in ((both.lethe, both.orthanc, "orthanc"),
                                  (both.orthanc, both.lethe, "lethe")):
            with node.client() as client:  # the other, now over TLS
                assert client.put(f"/modalities/{name}", json={
                    "AET": other.aet, "Host": "127.0.0.1", "Port": other.port,
                    "UseDicomTls": True}).status_code == 200
        yield both


@pytest.mark.orthanc
def test_lethe_and_orthanc_over_tls(tls_pair) -> None:
    path = sorted(sample(FILE).glob("*.dcm"))[0]
    with tls_pair.lethe.client() as lethe, tls_pair.orthanc.client() as orthanc:
        for client, other in ((lethe, "orthanc"), (orthanc, "lethe")):
            assert client.post(f"/modalities/{other}/echo", json={}).status_code == 200
        instance = lethe.post("/instances", content=path.read_bytes()).json()["ID"]
        sent = lethe.post("/modalities/orthanc/store", json={"Resources": [instance]})
        assert sent.status_code == 200, sent.text
        assert orthanc.get(f"/instances/{instance}").status_code == 200
        lethe.delete(f"/instances/{instance}")
        back = orthanc.post("/modalities/lethe/store", json={"Resources": [instance]})
        assert back.status_code == 200, back.text
        assert lethe.get(f"/instances/{instance}").status_code == 200
        # C-MOVE over TLS: Orthanc asks Lethe to send the instance to Orthanc (over TLS)
        orthanc.delete(f"/instances/{instance}")
        uid = lethe.get(f"/instances/{instance}").json()["MainDicomTags"]["SOPInstanceUID"]
        study = lethe.get(f"/instances/{instance}/study").json()["MainDicomTags"]
        moved = orthanc.post("/modalities/lethe/move", json={
            "Level": "Instance", "TargetAet": "ORTHANC", "Resources": [{
                "StudyInstanceUID": study["StudyInstanceUID"],
                "SeriesInstanceUID": lethe.get(f"/instances/{instance}/series").json()[
                    "MainDicomTags"]["SeriesInstanceUID"],
                "SOPInstanceUID": uid}]})
        assert moved.status_code == 200, moved.text
        assert orthanc.get(f"/instances/{instance}").status_code == 200


def _handshake(port: int, certificates: Certificates, maximum: ssl.TLSVersion) -> str:
    """A TLS handshake with the listener as the tester, up to ``maximum``: the version agreed
    on, or the error."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.maximum_version = maximum
    context.load_verify_locations(str(certificates.lethe.certificate))
    context.load_cert_chain(str(certificates.tester.certificate), str(certificates.tester.key))
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
        try:
            with context.wrap_socket(raw) as wrapped:
                return str(wrapped.version())
        except (ssl.SSLError, OSError) as exc:
            return f"refused: {exc}"


@pytest.mark.parametrize("version, tls12, tls13", [
    (0, "TLSv1.2", "TLSv1.3"), (4, "TLSv1.2", "TLSv1.3"), (5, "refused", "TLSv1.3")])
def test_minimum_protocol_version(make_app, certificates: Certificates, version: int,
                                  tls12: str, tls13: str) -> None:
    ciphers = ["ECDHE-RSA-AES128-GCM-SHA256"] if version == 4 else []
    _, port = _listening(make_app, DicomTlsEnabled=True, DicomTlsMinimumProtocolVersion=version,
                         DicomTlsCiphersAccepted=ciphers, **certificates.keys())
    assert _handshake(port, certificates, ssl.TLSVersion.TLSv1_2).startswith(tls12)
    assert _handshake(port, certificates, ssl.TLSVersion.TLSv1_3) == tls13
