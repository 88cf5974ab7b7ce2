"""Lethe's configuration: an Orthanc-style JSON file.

The file is JSON with ``//`` and ``/* */`` comments allowed, as Orthanc
allows. Keys Lethe does not know produce a warning; a known key with the
wrong JSON type is a start-up error that names the key.

Each key is declared once, as a field of :class:`Config` made by :func:`setting`: its Python
type (the annotation), its default and its help. :data:`SETTINGS` describes them; the checks of
:func:`config_from_dict` and the README's table (:func:`markdown_table`, printed by
``tools/config_table.py``) both come from it.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any, TypeVar, cast, get_origin, get_type_hints

from lethe.dicom.uids import validate_uid_root

log = logging.getLogger(__name__)


class ConfigError(ValueError):
    """The configuration file cannot be used; the message names the key."""


@dataclass(frozen=True)
class PostgreSQLConfig:
    """The ``PostgreSQL`` section, with the names and defaults of Orthanc's PostgreSQL
    plugin; Lethe keeps only its index there (``EnableIndex``), never its files."""

    EnableIndex: bool = False
    Host: str = "localhost"
    Port: int = 5432
    Database: str = ""  # empty: libpq's default (the user name)
    Username: str = ""  # empty: libpq's default (the system user)
    Password: str = ""
    ConnectionUri: str = ""  # e.g. postgresql://user:password@host:5432/db; wins over the above
    EnableSsl: bool = False
    Lock: bool = True  # one server owns the database (Orthanc's single-writer mode)
    MaximumConnectionRetries: int = 10
    ConnectionRetryInterval: int = 5
    IndexConnectionsCount: int = 50


# Keys of the plugin's section that Lethe accepts silently although it does not act on them.
_POSTGRESQL_KEYS_IGNORED = frozenset({
    "EnableStorage", "TransactionMode", "EnableVerboseLogs", "HousekeepingInterval",
    "AllowInconsistentChildCounts",
})


def postgresql_config(raw: dict[str, Any], source: str = "configuration") -> PostgreSQLConfig:
    """Build the :class:`PostgreSQLConfig` of a ``PostgreSQL`` section, checking each key's
    type; :class:`ConfigError` names the key of a wrong one."""
    kinds = _field_types(PostgreSQLConfig)
    values: dict[str, Any] = {}
    for key, value in raw.items():
        kind = kinds.get(key)
        if kind is None:
            if key not in _POSTGRESQL_KEYS_IGNORED:
                log.warning("%s: unknown key %r of the PostgreSQL section is ignored",
                            source, key)
            continue
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ConfigError(f"{source}: key 'PostgreSQL.{key}' must be of type "
                              f"{kind.__name__}, got {type(value).__name__}")
        if isinstance(value, int) and value < (1 if key == "IndexConnectionsCount" else 0):
            raise ConfigError(f"{source}: key 'PostgreSQL.{key}' is out of range, got {value}")
        values[key] = value
    return PostgreSQLConfig(**values)


@dataclass(frozen=True)
class PseudonymRegisterConfig:
    """The ``PseudonymRegister`` section: keyed anonymizations record what they replaced
    (:mod:`lethe.store.pseudonyms`) when ``Enabled``; the ``/pseudonyms`` routes answer the
    HTTP Basic credentials of ``Users`` (``{"name": "password"}``) only, never those of
    ``RegisteredUsers``."""

    Enabled: bool = False
    Users: dict[str, str] = field(default_factory=dict)


def pseudonym_register_config(raw: dict[str, Any],
                              source: str = "configuration") -> PseudonymRegisterConfig:
    """Build the :class:`PseudonymRegisterConfig` of a ``PseudonymRegister`` section;
    :class:`ConfigError` names the key of a wrong or unknown one."""
    unknown = set(raw) - {"Enabled", "Users"}
    if unknown:
        raise ConfigError(f"{source}: unknown key 'PseudonymRegister.{sorted(unknown)[0]}'")
    enabled = raw.get("Enabled", False)
    users = raw.get("Users", {})
    if not isinstance(enabled, bool):
        raise ConfigError(f"{source}: key 'PseudonymRegister.Enabled' must be of type bool, "
                          f"got {type(enabled).__name__}")
    if not isinstance(users, dict) or not all(
            isinstance(name, str) and name and isinstance(password, str) and password
            for name, password in users.items()):
        raise ConfigError(f"{source}: key 'PseudonymRegister.Users' must be an object of "
                          '"name": "password" (both not empty)')
    return PseudonymRegisterConfig(enabled, dict(users))


T = TypeVar("T")


def setting(default: T, help: str, *, shown: str | None = None, minimum: int | None = None,
            check: Callable[[Any], None] | None = None) -> T:
    """Declare a key of :class:`Config` (a dataclass field): its default and its help.

    ``shown`` is how the README shows the default when not the value itself; ``minimum`` the
    smallest value of a number; ``check`` raises ValueError, with a message, for a value of the
    right type that cannot be used. A dictionary default must be empty (each :class:`Config`
    gets a new one).
    """
    metadata = {"help": help, "shown": shown, "minimum": minimum, "check": check}
    if isinstance(default, dict):
        assert not default, "a dictionary default is always empty"
        return cast(T, field(default_factory=dict, metadata=metadata))
    if isinstance(default, list):  # each Config gets a copy
        return cast(T, field(default_factory=lambda: list(default), metadata=metadata))
    return field(default=default, metadata=metadata)


def _check_modalities(modalities: dict[str, Any]) -> None:
    from lethe.network.modalities import AccessPolicy, ModalityRegistry

    ModalityRegistry.from_config(modalities, AccessPolicy())


def _check_peers(peers: dict[str, Any]) -> None:
    from lethe.network.peers import PeerRegistry

    PeerRegistry.from_config(peers)


def _check_syntaxes(patterns: list[Any]) -> None:
    if not all(isinstance(p, str) for p in patterns):
        raise ValueError("each entry must be a transfer syntax UID (wildcards allowed)")


def _check_sop_classes(patterns: list[Any]) -> None:
    if not all(isinstance(p, str) for p in patterns):
        raise ValueError("each entry must be a SOP class UID (wildcards allowed)")


def _check_tls_version(version: int) -> None:
    if not 0 <= version <= 5:
        raise ValueError(f"must be from 0 to 5, got {version}")


def _check_ciphers(ciphers: list[Any]) -> None:
    if not all(isinstance(c, str) and c for c in ciphers):
        raise ValueError("each entry must be the OpenSSL name of a cipher suite")


def _check_worklists(section: dict[str, Any]) -> None:
    from lethe.network.worklists import WorklistSettings

    WorklistSettings.parse(section)


def _check_paths(paths: list[Any]) -> None:
    if not all(isinstance(p, str) for p in paths):
        raise ValueError("each entry must be the path of a file")


def _check_pdu(length: int) -> None:
    if length > 131072:
        raise ValueError(f"must be at most 131072, got {length}")


def _check_storage_mode(mode: str) -> None:
    if mode not in ("Recycle", "Reject"):
        raise ValueError(f'must be "Recycle" or "Reject", got "{mode}"')


def _check_content_types(types: dict[str, Any]) -> None:
    for name, value in types.items():
        number = value[0] if isinstance(value, list) and value else value
        if isinstance(value, list) and not (1 <= len(value) <= 2 and all(
                isinstance(v, str) for v in value[1:])):
            raise ValueError(f"the entry of {name!r} must be a number, or [number, MIME type]")
        if not isinstance(number, int) or isinstance(number, bool) or \
                not 1024 <= number <= 65535:
            raise ValueError(f"the content type of {name!r} must be a number from 1024 "
                             f"to 65535, got {number!r}")


def _check_pseudonymization_keys(keys: dict[str, Any]) -> None:
    from lethe.dicom.pseudonyms import key_from_secret

    for name, secret in keys.items():
        try:
            key_from_secret(secret)
        except ValueError as exc:
            raise ValueError(f"key {name!r}: {exc}") from None


def _check_users(users: dict[str, Any]) -> None:
    for name, password in users.items():
        if not isinstance(password, str):
            raise ValueError(f"the password of {name!r} must be a string")


@dataclass(frozen=True)
class Config:
    """Every option Lethe honours, with Orthanc's names and defaults (see :func:`setting`)."""

    Name: str = setting("Lethe", "server name (`/system`, authentication realm)")
    HttpPort: int = setting(8042, "HTTP port", minimum=0)
    HttpBindAddress: str = setting(
        "0.0.0.0", "address to bind; `127.0.0.1` is used unless `RemoteAccessAllowed`")
    StorageDirectory: str = setting("lethe-data", "storage area (DICOM files)")
    IndexDirectory: str = setting("", "where `index.sqlite` lives",
                                  shown="= `StorageDirectory`")
    OverwriteInstances: bool = setting(False, "a re-sent instance replaces the stored one")
    StorageCompression: bool = setting(
        False, "new files are stored compressed as Orthanc compresses them (zlib, after their "
        "size in 8 bytes)")
    StoreMD5ForAttachments: bool = setting(True, "keep the MD5 of each new file in the index")
    MaximumStorageSize: int = setting(
        0, "megabytes of files on disk before the oldest patients are recycled (0: no limit)",
        minimum=0)
    MaximumPatientCount: int = setting(
        0, "patients kept before the oldest are recycled (0: no limit)", minimum=0)
    MaximumStorageMode: str = setting(
        "Recycle", "`Recycle` the least recently stored unprotected patients, or `Reject` "
        "new instances (507), when a limit is reached", check=_check_storage_mode)
    CheckRevisions: bool = setting(
        False, "`PUT`/`DELETE` of a metadata or attachment that exists need `If-Match` "
        "with its revision (409 otherwise)")
    UserContentType: dict[str, Any] = setting(
        {}, 'names of user attachments: `"name": 1024` or `"name": [1024, "MIME type"]` '
        "(numbers 1024–65535 are always allowed)", check=_check_content_types)
    MetricsEnabled: bool = setting(True, "collect the metrics of `/tools/metrics-prometheus`")
    Dictionary: dict[str, Any] = setting(
        {}, 'extra tags: `"gggg,eeee": [VR, Name, min, max, PrivateCreator]`')
    LoadPrivateDictionary: bool = setting(
        True, "DCMTK's dictionary of private tags names them and gives their VR")
    DefaultPrivateCreator: str = setting(
        "", "private creator used to find the VR of private tags")
    DefaultEncoding: str = setting(
        "Latin1", "character set of text in files that declare none (JSON renderings)")
    RemoteAccessAllowed: bool = setting(False, "serve clients other than loopback")
    AuthenticationEnabled: bool = setting(
        False, "HTTP Basic authentication with `RegisteredUsers`")
    RegisteredUsers: dict[str, str] = setting({}, '`{"user": "password"}`', check=_check_users)
    StableAge: int = setting(
        60, "seconds without a new instance before a patient, study or series is stable "
        "(`IsStable`, and its `Stable<Level>` change in `/changes`)", minimum=0)
    DicomAet: str = setting("LETHE", "application entity title of the DICOM listener")
    DicomPort: int = setting(4242, "port of the DICOM listener", minimum=0)
    DicomServerEnabled: bool = setting(True, "run the DICOM listener (C-ECHO, C-STORE, C-FIND, "
                                       "C-MOVE, C-GET)")
    DicomBindAddress: str = setting(
        "0.0.0.0", "address the DICOM listener binds (Lethe's; Orthanc binds every address)")
    DicomCheckCalledAet: bool = setting(
        False, "refuse associations that call another AET than `DicomAet`")
    DicomModalities: dict[str, Any] = setting(
        {}, 'known modalities: `"name": [AET, host, port]` or `{"AET", "Host", "Port", '
        '"AllowEcho", "AllowStore", "AllowFind", "AllowMove", "AllowGet", ...}`',
        check=_check_modalities)
    DicomAlwaysAllowEcho: bool = setting(True, "C-ECHO from modalities not listed")
    DicomAlwaysAllowStore: bool = setting(True, "C-STORE from modalities not listed")
    DicomAlwaysAllowFind: bool = setting(False, "C-FIND from modalities not listed")
    DicomAlwaysAllowFindWorklist: bool = setting(
        False, "worklist C-FIND from modalities not listed")
    DicomAlwaysAllowMove: bool = setting(False, "C-MOVE from modalities not listed")
    DicomAlwaysAllowGet: bool = setting(False, "C-GET from modalities not listed")
    DicomCheckModalityHost: bool = setting(
        False, "a listed modality must call from its `Host`")
    StrictAetComparison: bool = setting(False, "compare AETs case-sensitively")
    UnknownSopClassAccepted: bool = setting(
        False, "C-STORE of SOP classes that are no standard storage class")
    AcceptedSopClasses: list[str] = setting(
        [], "SOP classes the listener accepts for C-STORE (`*` and `?` are wildcards, "
        "matched against the standard storage classes)", shown="`[]`: all storage classes",
        check=_check_sop_classes)
    RejectedSopClasses: list[str] = setting(
        [], "SOP classes the listener refuses for C-STORE, even if accepted (wildcards)",
        shown="`[]`", check=_check_sop_classes)
    AcceptedTransferSyntaxes: list[str] = setting(
        ["1.2.840.10008.1.*"], "transfer syntaxes the listener accepts for C-STORE "
        "(`*` and `?` are wildcards)", shown='`["1.2.840.10008.1.*"]`: all',
        check=_check_syntaxes)
    DicomScpTimeout: int = setting(
        30, "seconds without a command before the listener closes an association", minimum=0)
    DicomScuTimeout: int = setting(
        10, "seconds Lethe waits for a modality it calls (0: forever)", minimum=0)
    DicomAssociationCloseDelay: int = setting(
        5, "seconds an idle association opened by Lua's `SendToModality` stays open for "
        "the next one (0: closed at once)", minimum=0)
    DicomTlsEnabled: bool = setting(False, "DICOM TLS on the listener")
    DicomTlsCertificate: str = setting(
        "", "PEM certificate of DICOM TLS, listener and outgoing associations")
    DicomTlsPrivateKey: str = setting("", "PEM private key of `DicomTlsCertificate`")
    DicomTlsTrustedCertificates: str = setting(
        "", "PEM file of the certificates DICOM TLS trusts (peers' and their authorities)")
    DicomTlsRemoteCertificateRequired: bool = setting(
        True, "DICOM TLS refuses a peer without a trusted certificate (else it asks for "
        "none)")
    DicomTlsMinimumProtocolVersion: int = setting(
        0, "0: TLS 1.2 or 1.3 with the BCP 195 ciphers; 1-3: TLS 1.0 up (Python's OpenSSL "
        "goes no lower); 4: TLS 1.2 up; 5: TLS 1.3", check=_check_tls_version)
    DicomTlsCiphersAccepted: list[str] = setting(
        [], "OpenSSL names of the TLS 1.2 cipher suites DICOM TLS allows (`[]`: the BCP 195 "
        "ones)", shown="`[]`", check=_check_ciphers)
    MaximumPduLength: int = setting(16384, "largest DICOM PDU, from 4096 to 131072 bytes",
                                    minimum=4096, check=_check_pdu)
    CaseSensitivePN: bool = setting(False, "C-FIND matches person names case-sensitively")
    DicomEchoChecksFind: bool = setting(
        False, "`/modalities/{m}/echo` also sends a C-FIND (`CheckFind`)")
    LogExportedResources: bool = setting(False, "log what is sent to modalities in `/exports`")
    OrthancPeers: dict[str, Any] = setting(
        {}, 'known Orthanc peers (HTTP): `"name": [URL, user, password]` or `{"Url", '
        '"Username", "Password", "HttpHeaders", "Timeout"}`', check=_check_peers)
    HttpTimeout: int = setting(60, "seconds Lethe waits for an Orthanc peer (0: forever)",
                               minimum=0)
    QueryRetrieveSize: int = setting(100, "queries to modalities kept in `/queries`",
                                     minimum=1)
    UserMetadata: dict[str, int] = setting(
        {}, "names of user metadata (numbers 1024–65535 are always allowed)")
    MaximumRequestSize: int = setting(4 * 1024**3, "larger request bodies are refused (413)",
                                      shown="4 GiB", minimum=0)
    UidRoot: str = setting("2.25", "root of the UIDs Lethe generates", check=validate_uid_root)
    PseudonymizationKeys: dict[str, str] = setting(
        {}, 'project keys for reproducible pseudonyms: `"NAME": "secret"` (16 characters or '
        'more); an anonymization with `"PseudonymizationKey": "NAME"` derives its UIDs, '
        "PatientID, PatientName and date shift from the secret", check=_check_pseudonymization_keys)
    PseudonymRegister: PseudonymRegisterConfig = setting(
        PseudonymRegisterConfig(), "`Enabled`: keyed anonymizations record each original "
        "PatientID, PatientName, UID and date shift with its pseudonym, in the index; "
        '`Users`: `{"name": "password"}`, the only credentials of the `/pseudonyms` routes '
        "(look-up, export, import)", shown="`{}`: disabled")
    DicomLossyTranscodingQuality: int = setting(
        90, "quality of lossy transcodes without `LossyQuality`", minimum=0)
    ConcurrentJobs: int = setting(2, "jobs running at the same time", minimum=0)
    JobsHistorySize: int = setting(10, "ended jobs kept in `/jobs`", minimum=0)
    SaveJobs: bool = setting(
        True, "jobs (waiting, running, paused, and the ended ones of the history) are kept in "
        "the index: after a restart or a crash they resume where they stopped")
    WorkerProcesses: int = setting(
        0, "worker processes for DICOM work (0: one per core)", minimum=0)
    LimitFindResults: int = setting(
        0, "the most patients, studies or series a C-FIND or `/tools/find` answers "
        "(0: no limit)")
    LimitFindInstances: int = setting(
        0, "the most instances a C-FIND or `/tools/find` answers (0: no limit)")
    LuaScripts: list[str] = setting(
        [], "Lua scripts run at start-up, whose callbacks (`OnStoredInstance`, `OnStableStudy`, "
        "`ReceivedInstanceFilter`...) Lethe calls as Orthanc does", shown="`[]`",
        check=_check_paths)
    ExecuteLuaEnabled: bool = setting(
        False, "`POST /tools/execute-script` runs the Lua it is sent (insecure when remote "
        "access is allowed)")
    LuaHeartBeatPeriod: int = setting(
        0, "seconds between two calls of the Lua callback `OnHeartBeat` (0: never)", minimum=0)
    PythonScripts: list[str] = setting(
        [], "Python modules (paths) whose hook functions Lethe calls, as the Lua callbacks "
        "(see [Automation](#automation))", shown="`[]`", check=_check_paths)
    Worklists: dict[str, Any] = setting(
        {}, "the worklist SCP, as Orthanc's ModalityWorklists plugin: `Enable`, `Database` "
        "(the folder of `.wl` files), `FilterIssuerAet`, `LimitAnswers` (see "
        "[Automation](#automation))", check=_check_worklists)
    PostgreSQL: PostgreSQLConfig = setting(
        PostgreSQLConfig(), "the index in PostgreSQL when `EnableIndex` is true: the section "
        "of Orthanc's PostgreSQL plugin (`Host`, `Port`, `Database`, `Username`, `Password`, "
        "`ConnectionUri`, `EnableSsl`, `Lock`, ...)", shown="`{}`: SQLite")

    @property
    def index_directory(self) -> str:
        """Where the index lives: ``IndexDirectory``, else ``StorageDirectory``."""
        return self.IndexDirectory or self.StorageDirectory


@dataclass(frozen=True)
class Setting:
    """One configuration key, as :func:`config_from_dict` checks it and the README lists it.

    ``value_type`` is the type of the :class:`Config` attribute (without type arguments):
    ``str``, ``int``, ``bool``, ``dict``, or a dataclass read from a JSON object (a section).
    """

    name: str
    value_type: type
    default: Any
    help: str
    shown: str
    minimum: int | None = None
    check: Callable[[Any], None] | None = None

    @property
    def json_type(self) -> type:
        """The type the decoded JSON value must have (a section is a JSON object)."""
        return dict if is_dataclass(self.value_type) else self.value_type

    def validate(self, value: object, source: str) -> None:
        """Raise :class:`ConfigError`, naming the key, unless ``value`` can be used."""
        kind = self.json_type
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ConfigError(f"{source}: key {self.name!r} must be of type {kind.__name__}, "
                              f"got {type(value).__name__}")
        if self.minimum is not None and isinstance(value, int) and value < self.minimum:
            limit = "negative" if self.minimum == 0 else f"less than {self.minimum}"
            raise ConfigError(f"{source}: key {self.name!r} must not be {limit}, got {value}")
        if self.check is not None:
            try:
                self.check(value)
            except ValueError as exc:
                raise ConfigError(f"{source}: key {self.name!r}: {exc}") from None


def _field_types(cls: type) -> dict[str, type]:
    """The type of each field of the dataclass ``cls``, without type arguments."""
    return {name: get_origin(hint) or hint for name, hint in get_type_hints(cls).items()}


def _shown(default: object) -> str:
    if isinstance(default, bool):
        return "true" if default else "false"
    if isinstance(default, int):
        return str(default)
    if isinstance(default, str):
        return f"`{default}`" if default else '`""`'
    if default == {}:
        return "`{}`"
    raise TypeError(f"declare how the README shows the default {default!r}")


def _settings(cls: type) -> tuple[Setting, ...]:
    types = _field_types(cls)
    declared = []
    for f in fields(cls):
        default = f.default if f.default_factory is MISSING else f.default_factory()
        declared.append(Setting(f.name, types[f.name], default, f.metadata["help"],
                                f.metadata["shown"] or _shown(default), f.metadata["minimum"],
                                f.metadata["check"]))
    return tuple(declared)


SETTINGS: tuple[Setting, ...] = _settings(Config)
"""Every configuration key, in the order of the README's table."""
_SETTINGS_BY_NAME = {s.name: s for s in SETTINGS}


def markdown_table() -> str:
    """The README's table of the configuration keys: name, default and help of each."""
    rows = ["| key | default | meaning |", "| --- | --- | --- |"]
    rows += [f"| `{s.name}` | {s.shown} | {s.help} |" for s in SETTINGS]
    return "\n".join(rows) + "\n"


# Keys of Orthanc's own configuration that Lethe accepts silently although it
# does not act on them, so that an Orthanc configuration file loads cleanly.
_ORTHANC_KEYS_IGNORED = frozenset({
    "Plugins", "HttpServerEnabled", "HttpDescribeErrors",
    "HttpCompressionEnabled", "HttpProxy", "HttpVerbose",
    "SslEnabled", "SslCertificate", "KeepAlive", "TcpNoDelay", "HttpThreadsCount",
    "DicomThreadsCount", "DicomModalitiesInDatabase",
    "DicomScuPreferredTransferSyntax",
    "SaveJobs",
    "DeidentifyLogs", "DeidentifyLogsDicomVersion", "IngestTranscoding",
    "BuiltinDecoderTranscoderOrder", "SynchronousCMove",
    "MallocArenaMax", "StorageAccessOnFind", "ExtraMainDicomTags",
})


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
    """Build a :class:`Config` from a decoded JSON object (``source`` names it in messages).

    Unknown keys are logged and ignored (Orthanc's keys that Lethe does not act on, silently).
    Raises :class:`ConfigError`, naming the key, for a value of the wrong JSON type, a number
    below its minimum, or a value its check refuses (:meth:`Setting.validate`).
    """
    values: dict[str, Any] = {}
    for key, value in raw.items():
        declared = _SETTINGS_BY_NAME.get(key)
        if declared is None:
            if key not in _ORTHANC_KEYS_IGNORED:
                log.warning("%s: unknown configuration key %r is ignored", source, key)
            continue
        declared.validate(value, source)
        values[key] = value
    if "PostgreSQL" in values:
        values["PostgreSQL"] = postgresql_config(values["PostgreSQL"], source)
    if "PseudonymRegister" in values:
        values["PseudonymRegister"] = pseudonym_register_config(values["PseudonymRegister"],
                                                                source)
    return Config(**values)


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
