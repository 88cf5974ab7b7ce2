"""DICOM TLS (PS3.15 B.1): the TLS contexts of the listener and of outgoing associations.

Orthanc's keys (1.9.0, 1.9.3, 1.12.4), read as Orthanc reads them:

* ``DicomTlsEnabled``: the listener takes TLS connections only (a plain client is refused at
  its first bytes). Outgoing associations use TLS for the modalities whose ``UseDicomTls``
  is true, whatever ``DicomTlsEnabled`` says.
* ``DicomTlsCertificate`` and ``DicomTlsPrivateKey`` (two PEM files): Lethe's certificate, on
  both sides; ``DicomTlsTrustedCertificates`` (PEM, several certificates): the peers'
  certificates (or their authorities) that Lethe trusts, on both sides. The three are
  needed as soon as TLS is used; peers' host names are not checked (DICOM TLS trusts
  certificates, not names, as DCMTK).
* ``DicomTlsRemoteCertificateRequired`` (default true): a peer must show a trusted
  certificate; false: the listener asks for none and Lethe, calling, checks none (DCMTK's
  ``--ignore-peer-cert``).
* ``DicomTlsMinimumProtocolVersion``: 0 (default), TLS 1.2 or 1.3 with the BCP 195 cipher
  suites; 1 and 2, TLS 1.0 up (SSL 3 is beyond Python's OpenSSL); 3, TLS 1.1 up; 4, TLS 1.2
  up; 5, TLS 1.3 only. ``DicomTlsCiphersAccepted``: the OpenSSL names of the TLS 1.2 cipher
  suites allowed (needed from 1 to 4; TLS 1.3's suites are OpenSSL's).

Errors: a missing key or an unreadable file raises ``ValueError`` naming the key (the server
does not start); a modality with ``UseDicomTls`` while TLS is not configured is 500
``Cannot initialize SSL encryption``.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from lethe.errors import ErrorCode, LetheError

if TYPE_CHECKING:
    from lethe.config import Config

BCP195_CIPHERS = ("ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384",
                  "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
                  "DHE-RSA-AES128-GCM-SHA256", "DHE-RSA-AES256-GCM-SHA384")
"""The TLS 1.2 cipher suites of the BCP 195 profile (PS3.15 B.9), by their OpenSSL names."""

_MINIMUM_VERSIONS = {0: ssl.TLSVersion.TLSv1_2, 1: ssl.TLSVersion.TLSv1,
                     2: ssl.TLSVersion.TLSv1, 3: ssl.TLSVersion.TLSv1_1,
                     4: ssl.TLSVersion.TLSv1_2, 5: ssl.TLSVersion.TLSv1_3}


@dataclass(frozen=True)
class TlsSettings:
    """The ``DicomTls*`` keys (see the module's docstring)."""

    enabled: bool = False
    certificate: str = ""
    private_key: str = ""
    trusted_certificates: str = ""
    remote_certificate_required: bool = True
    minimum_version: int = 0
    ciphers: tuple[str, ...] = ()

    @classmethod
    def from_config(cls, config: Config) -> TlsSettings:
        """The settings of ``config``; ``ValueError`` naming the key of a bad value (checked
        at once when ``DicomTlsEnabled``, else when a modality first uses TLS)."""
        settings = cls(config.DicomTlsEnabled, config.DicomTlsCertificate,
                       config.DicomTlsPrivateKey, config.DicomTlsTrustedCertificates,
                       config.DicomTlsRemoteCertificateRequired,
                       config.DicomTlsMinimumProtocolVersion,
                       tuple(config.DicomTlsCiphersAccepted))
        if settings.enabled:
            settings.server_context()  # noqa: B018 - check the files now
        return settings

    @property
    def configured(self) -> bool:
        """Whether the certificate, its key and the trusted certificates are given."""
        return bool(self.certificate and self.private_key and self.trusted_certificates)

    def server_context(self) -> ssl.SSLContext:
        """The context of the listener; ``ValueError`` naming the key at fault."""
        return self._contexts[0]

    def client_context(self) -> ssl.SSLContext:
        """The context of outgoing associations (``UseDicomTls``); 500 ``Cannot initialize
        SSL encryption`` naming the key at fault."""
        try:
            return self._contexts[1]
        except ValueError as exc:
            raise LetheError(ErrorCode.SSL_INITIALIZATION, str(exc)) from None

    @cached_property
    def _contexts(self) -> tuple[ssl.SSLContext, ssl.SSLContext]:
        return self._make(ssl.PROTOCOL_TLS_SERVER), self._make(ssl.PROTOCOL_TLS_CLIENT)

    def _make(self, protocol: int) -> ssl.SSLContext:
        for key, value in (("DicomTlsCertificate", self.certificate),
                           ("DicomTlsPrivateKey", self.private_key),
                           ("DicomTlsTrustedCertificates", self.trusted_certificates)):
            if not value:
                raise ValueError(f"DICOM TLS needs the configuration key '{key}'")
        if self.minimum_version in (1, 2, 3, 4) and not self.ciphers:
            raise ValueError("key 'DicomTlsCiphersAccepted' must list cipher suites when "
                             "'DicomTlsMinimumProtocolVersion' is not 0 nor 5")
        context = ssl.SSLContext(protocol)
        context.check_hostname = False
        context.minimum_version = _MINIMUM_VERSIONS[self.minimum_version]
        ciphers = ":".join(self.ciphers or BCP195_CIPHERS)
        if self.minimum_version in (1, 2, 3):
            ciphers += ":@SECLEVEL=0"  # OpenSSL 3 allows TLS 1.0 and 1.1 at level 0 only
        _set_ciphers(context, ciphers)
        _load(context.load_cert_chain, "DicomTlsCertificate / DicomTlsPrivateKey",
              self.certificate, self.private_key)
        _load(context.load_verify_locations, "DicomTlsTrustedCertificates",
              self.trusted_certificates)
        context.verify_mode = ssl.CERT_REQUIRED if self.remote_certificate_required \
            else ssl.CERT_NONE
        return context


def _set_ciphers(context: ssl.SSLContext, ciphers: str) -> None:
    try:
        context.set_ciphers(ciphers)
    except ssl.SSLError:
        raise ValueError(f"key 'DicomTlsCiphersAccepted': no usable cipher suite in "
                         f"{ciphers!r}") from None


def _load(method: Any, key: str, *paths: str) -> None:
    try:
        method(*paths)
    except (OSError, ssl.SSLError) as exc:
        raise ValueError(f"key '{key}': cannot load {', '.join(paths)}: "
                         f"{getattr(exc, 'strerror', None) or exc}") from None
