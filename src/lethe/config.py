"""Lethe's configuration: an Orthanc-style JSON file.

The file is JSON with ``//`` and ``/* */`` comments allowed, as Orthanc
allows. Keys Lethe does not know produce a warning; a known key with the
wrong JSON type is a start-up error that names the key.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from lethe.dicom.uids import validate_uid_root

log = logging.getLogger(__name__)


class ConfigError(ValueError):
    """The configuration file cannot be used; the message names the key."""


@dataclass(frozen=True)
class Config:
    """Every option Lethe honours, with Orthanc's names and defaults."""

    Name: str = "Lethe"
    HttpPort: int = 8042
    HttpBindAddress: str = "0.0.0.0"
    StorageDirectory: str = "lethe-data"
    IndexDirectory: str = ""
    OverwriteInstances: bool = False
    Dictionary: dict = field(default_factory=dict)
    DefaultPrivateCreator: str = ""
    DefaultEncoding: str = "Latin1"
    RemoteAccessAllowed: bool = False
    AuthenticationEnabled: bool = False
    RegisteredUsers: dict = field(default_factory=dict)
    StableAge: int = 60
    DicomAet: str = "LETHE"
    DicomPort: int = 4242
    DicomLossyTranscodingQuality: int = 90
    ConcurrentJobs: int = 2
    JobsHistorySize: int = 10
    WorkerProcesses: int = 0
    MaximumRequestSize: int = 4 * 1024**3
    UidRoot: str = "2.25"
    UserMetadata: dict = field(default_factory=dict)
    LimitFindResults: int = 0
    LimitFindInstances: int = 0

    @property
    def index_directory(self) -> str:
        """Where the index lives: ``IndexDirectory``, else ``StorageDirectory``."""
        return self.IndexDirectory or self.StorageDirectory


_TYPES: dict[str, tuple[type, ...]] = {
    f.name: ((int,) if f.type == "int" else (bool,) if f.type == "bool" else
             (str,) if f.type == "str" else (dict,))
    for f in fields(Config)
}

# Keys of Orthanc's own configuration that Lethe accepts silently although it
# does not act on them, so that an Orthanc configuration file loads cleanly.
_ORTHANC_KEYS_IGNORED = frozenset({
    "StorageCompression", "MaximumStorageSize", "MaximumPatientCount", "LuaScripts",
    "Plugins", "HttpServerEnabled", "HttpDescribeErrors",
    "HttpCompressionEnabled", "DicomServerEnabled", "DicomCheckCalledAet",
    "DicomModalities", "OrthancPeers", "HttpProxy", "HttpVerbose", "HttpTimeout",
    "SslEnabled", "SslCertificate", "DicomAlwaysAllowEcho", "DicomAlwaysAllowStore",
    "UnknownSopClassAccepted", "KeepAlive", "TcpNoDelay", "HttpThreadsCount",
    "StoreMD5ForAttachments", "SaveJobs", "MetricsEnabled", "ExecuteLuaEnabled",
    "DeidentifyLogs", "DeidentifyLogsDicomVersion", "IngestTranscoding",
    "BuiltinDecoderTranscoderOrder", "LoadPrivateDictionary", "SynchronousCMove",
    "MallocArenaMax", "StorageAccessOnFind", "ExtraMainDicomTags",
})


_NON_NEGATIVE = ("HttpPort", "DicomPort", "StableAge", "ConcurrentJobs", "JobsHistorySize",
                 "WorkerProcesses", "MaximumRequestSize", "DicomLossyTranscodingQuality")


def strip_json_comments(text: str) -> str:
    """Remove ``//`` and ``/* */`` comments outside JSON strings."""
    pattern = re.compile(r'"(?:\\.|[^"\\])*"|//[^\n]*|/\*.*?\*/', re.DOTALL)
    return pattern.sub(lambda m: m.group(0) if m.group(0).startswith('"') else "", text)


def parse_config(text: str, source: str = "configuration") -> Config:
    """Parse the text of a configuration file; raise :class:`ConfigError` if unusable."""
    try:
        raw = json.loads(strip_json_comments(text))
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{source}: not valid JSON: {exc}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: the top level must be a JSON object")
    return config_from_dict(raw, source)


def config_from_dict(raw: dict[str, Any], source: str = "configuration") -> Config:
    """Build a :class:`Config` from a decoded JSON object, checking each key's type."""
    values: dict[str, Any] = {}
    for key, value in raw.items():
        expected = _TYPES.get(key)
        if expected is None:
            if key not in _ORTHANC_KEYS_IGNORED:
                log.warning("%s: unknown configuration key %r is ignored", source, key)
            continue
        if not isinstance(value, expected) or (expected == (int,) and isinstance(value, bool)):
            raise ConfigError(
                f"{source}: key {key!r} must be of type {expected[0].__name__}, "
                f"got {type(value).__name__}")
        values[key] = value
    _check_users(values.get("RegisteredUsers", {}), source)
    try:
        validate_uid_root(values.get("UidRoot", "2.25"))
    except ValueError as exc:
        raise ConfigError(f"{source}: key 'UidRoot': {exc}") from None
    for key in _NON_NEGATIVE:
        if values.get(key, 0) < 0:
            raise ConfigError(f"{source}: key {key!r} must not be negative, got {values[key]}")
    return Config(**values)


def _check_users(users: dict[str, Any], source: str) -> None:
    for name, password in users.items():
        if not isinstance(password, str):
            raise ConfigError(f"{source}: key 'RegisteredUsers' entry {name!r} must be a string")


def load_config(path: str | Path | None) -> Config:
    """Load the configuration at ``path``; the defaults when ``path`` is None."""
    if path is None:
        return Config()
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read configuration file {p}: {exc.strerror}") from None
    return parse_config(text, str(p))
