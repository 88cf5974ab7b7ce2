"""Orthanc peers (``OrthancPeers``): other Orthanc-compatible servers reached over HTTP.

A peer is written in Orthanc's two forms::

    "peer": ["http://127.0.0.1:8043/", "alice", "alicePassword"]     # or just [URL]
    "peer": {"Url": "http://...", "Username": "alice", "Password": "...",
             "HttpHeaders": {"Token": "..."}, "Timeout": 42}

``/peers/{name}/store`` sends stored instances one by one to the peer's ``POST /instances``
in an ``OrthancPeerStore`` job (gzip with ``Compress``, another transfer syntax with
``Transcode``); ``/peers/{name}/system`` and ``/store-straight`` are single calls. The HTTP
client is the standard library's, with the peer's timeout (else ``HttpTimeout``, else 60 s):
a dead peer costs that timeout. Client certificates and PKCS#11 are not supported.
"""

from __future__ import annotations

import base64
import gzip
import json
import logging
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from lethe.errors import ErrorCode, LetheError, bad_file_format
from lethe.jobs.job import Job, JobControl
from lethe.network.modalities import check_name
from lethe.store.store import Store

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 60  # seconds, when neither the peer nor HttpTimeout says
_RESERVED = {"Url", "URL", "Username", "Password", "HttpHeaders", "Timeout", "Pkcs11",
             "CertificateFile", "CertificateKeyFile", "CertificateKeyPassword"}


@dataclass(frozen=True)
class OrthancPeer:
    """One entry of ``OrthancPeers``."""

    url: str
    username: str = ""
    password: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    timeout: int = 0
    properties: dict[str, str] = field(default_factory=dict)

    @classmethod
    def parse(cls, value: object, where: str = "peer") -> OrthancPeer:
        """A peer from its array or object form; 400 naming ``where`` for a bad one."""
        if isinstance(value, list):
            if len(value) not in (1, 3) or not all(isinstance(v, str) for v in value):
                raise bad_file_format(f"{where}: the array form is [URL] or [URL, username, "
                                      f"password], got {value!r}")
            return cls(_url(value[0], where), *(value[1:] if len(value) == 3 else ()))
        if not isinstance(value, dict):
            raise bad_file_format(f"{where}: a peer is a JSON array or object, got {value!r}")
        url = value.get("Url") or value.get("URL") or ""
        strings = {key: value.get(key, "") for key in ("Username", "Password")}
        if not isinstance(url, str) or not all(isinstance(v, str) for v in strings.values()):
            raise bad_file_format(f'{where}: "Url", "Username" and "Password" are strings')
        if value.get("CertificateFile") or value.get("Pkcs11"):
            raise bad_file_format(f"{where}: client certificates and PKCS#11 are not "
                                  "supported by Lethe")
        headers = value.get("HttpHeaders", {})
        if not isinstance(headers, dict) or not all(isinstance(v, str)
                                                    for v in headers.values()):
            raise bad_file_format(f'{where}: "HttpHeaders" must map names to strings')
        timeout = value.get("Timeout", 0)
        if isinstance(timeout, bool) or not isinstance(timeout, int) or timeout < 0:
            raise bad_file_format(f'{where}: "Timeout" must be a non-negative integer')
        properties = {}
        for key, item in value.items():
            if key in _RESERVED:
                continue
            if isinstance(item, bool):
                properties[key] = "1" if item else "0"
            elif isinstance(item, str | int):
                properties[key] = str(item)
            else:
                raise bad_file_format("User-defined properties associated with a Web service "
                                      f"must be strings: {key}")
        return cls(_url(url, where), strings["Username"], strings["Password"], dict(headers),
                   timeout, properties)

    def public_json(self) -> dict[str, Any]:
        """Orthanc's ``FormatPublic``: no password, header names only."""
        body: dict[str, Any] = {"Url": self.url}
        if self.username:
            body["Username"] = self.username
            body["Password"] = None
        body.update({"Pkcs11": False, "Timeout": self.timeout,
                     "HttpHeaders": sorted(self.headers)})
        body.update(self.properties)
        return body

    def job_json(self) -> list[str] | dict[str, Any]:
        """How a job shows its peer (Orthanc's serialization without passwords)."""
        if self.headers or self.timeout or self.properties:
            body: dict[str, Any] = {"Url": self.url}
            if self.username or self.password:
                body["Username"] = self.username
            body.update({"Pkcs11": False, "Timeout": self.timeout,
                         "HttpHeaders": dict(self.headers), **self.properties})
            return body
        return [self.url, self.username, ""] if self.username or self.password else [self.url]


def _url(url: str, where: str) -> str:
    if "://" in url and not url.startswith(("http://", "https://")):
        raise bad_file_format(f"Bad URL: {url}")
    if not url:
        raise bad_file_format(f"{where}: Empty URL")
    return url if url.endswith("/") else url + "/"


class PeerRegistry:
    """The known peers by name; safe to use from any thread."""

    def __init__(self, peers: dict[str, OrthancPeer] | None = None,
                 default_timeout: int = DEFAULT_TIMEOUT) -> None:
        self._lock = threading.Lock()
        self._peers = dict(sorted((peers or {}).items()))
        self.default_timeout = default_timeout

    @classmethod
    def from_config(cls, raw: object, default_timeout: int = DEFAULT_TIMEOUT) -> PeerRegistry:
        """The registry of an ``OrthancPeers`` value; ``ValueError`` naming the entry."""
        if not isinstance(raw, dict):
            raise ValueError('"OrthancPeers" must be a JSON object')
        peers = {}
        for name, value in raw.items():
            try:
                check_name(name)
                peers[name] = OrthancPeer.parse(value, f"OrthancPeers.{name}")
            except LetheError as exc:
                raise ValueError(exc.details) from None
        return cls(peers, default_timeout)

    def items(self) -> list[tuple[str, OrthancPeer]]:
        """``(name, peer)`` pairs, sorted by name."""
        with self._lock:
            return list(self._peers.items())

    def get(self, name: str) -> OrthancPeer:
        """The peer ``name``; 404 ``Unknown resource`` otherwise (Orthanc's answer)."""
        with self._lock:
            found = self._peers.get(name)
        if found is None:
            raise LetheError(ErrorCode.UNKNOWN_RESOURCE, f"No peer with symbolic name: {name}")
        return found

    def put(self, name: str, peer: OrthancPeer) -> None:
        """Add or replace the peer ``name``."""
        check_name(name)
        with self._lock:
            self._peers[name] = peer
            self._peers = dict(sorted(self._peers.items()))

    def delete(self, name: str) -> None:
        """Forget the peer ``name``; 404 if there is none."""
        with self._lock:
            if self._peers.pop(name, None) is None:
                raise LetheError(ErrorCode.INEXISTENT_ITEM,
                                 f"Unknown Orthanc peer with symbolic name: {name}")


def call(peer: OrthancPeer, path: str, *, data: bytes | None = None, timeout: int,
         gzipped: bool = False) -> bytes:
    """GET (or, with ``data``, POST) ``path`` of ``peer``; the body of its answer. Raises
    ``NetworkProtocol`` naming the peer's URL when it cannot be reached or fails."""
    request = urllib.request.Request(peer.url + path, data=data,
                                     method="POST" if data is not None else "GET")
    for name, value in peer.headers.items():
        request.add_header(name, value)
    if peer.username or peer.password:
        token = base64.b64encode(f"{peer.username}:{peer.password}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    if gzipped:
        request.add_header("Content-Encoding", "gzip")
    try:
        with urllib.request.urlopen(request, timeout=timeout or None) as answer:
            return answer.read()
    except urllib.error.HTTPError as exc:
        raise LetheError(ErrorCode.NETWORK_PROTOCOL,
                         f"the Orthanc peer at {peer.url} answered HTTP {exc.code} to "
                         f"{path}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise LetheError(ErrorCode.NETWORK_PROTOCOL,
                         f"cannot reach the Orthanc peer at {peer.url}: {reason}") from None


class PeerStoreJob(Job):
    """``OrthancPeerStore``: ``POST /instances`` of each instance to a peer."""

    job_type = "OrthancPeerStore"

    def __init__(self, store: Store, peer: OrthancPeer, timeout: int, instances: list[str],
                 parents: list[str], permissive: bool = False, compress: bool = False,
                 transcode: str | None = None, lossy_quality: int = 90) -> None:
        self._store, self._peer, self._timeout = store, peer, timeout
        self._instances, self._parents = instances, parents
        self._permissive, self._compress, self._transcode = permissive, compress, transcode
        self._quality = lossy_quality
        self._lock = threading.Lock()
        self._position = 0
        self._failed = 0
        self._size = 0

    def run(self, control: JobControl) -> None:
        while self._position < len(self._instances):
            control.checkpoint()
            try:
                self._send(self._instances[self._position])
            except LetheError:
                if not self._permissive:
                    raise
                with self._lock:
                    self._failed += 1
            with self._lock:
                self._position += 1
            control.set_progress(self._position / len(self._instances))

    def _send(self, instance_id: str) -> None:
        data = self._store.read_file(instance_id)
        if self._transcode:
            from lethe.network.encoded import EncodedInstance

            encoded = EncodedInstance.from_file(data)
            if encoded.transfer_syntax != self._transcode:
                data = encoded.transcoded(self._transcode, self._quality).data
        if self._compress:
            data = gzip.compress(data, compresslevel=9)
        call(self._peer, "instances", data=data, timeout=self._timeout, gzipped=self._compress)
        with self._lock:
            self._size += len(data)

    def content(self) -> dict[str, Any]:
        with self._lock:
            size, failed = self._size, self._failed
        body: dict[str, Any] = {
            "Compress": self._compress, "Description": "REST API",
            "FailedInstancesCount": failed, "InstancesCount": len(self._instances),
            "ParentResources": list(self._parents), "Peer": self._peer.job_json(),
            "Size": str(size), "SizeMB": size // (1024 * 1024)}
        if self._transcode:
            body["Transcode"] = self._transcode
        return dict(sorted(body.items()))

    def rollback(self) -> None:
        """What was sent stays sent."""

    def reset(self) -> None:
        with self._lock:
            self._position = self._failed = self._size = 0


def system(peer: OrthancPeer, timeout: int) -> Any:
    """The peer's ``/system``."""
    return json.loads(call(peer, "system", timeout=timeout))
