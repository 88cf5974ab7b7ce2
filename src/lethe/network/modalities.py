"""The remote DICOM modalities (``DicomModalities``), and who may ask the listener what.

A modality is written in Orthanc's two forms, both accepted in the configuration file and in
``PUT /modalities/{name}``::

    "sample": ["STORESCP", "127.0.0.1", 2000]                    # AET, host, port[, manufacturer]
    "sample": {"AET": "STORESCP", "Host": "127.0.0.1", "Port": 2000, "AllowFind": false, ...}

:class:`ModalityRegistry` keeps them by name (changed at run time by the REST API, in memory
only, as Orthanc does without ``DicomModalitiesInDatabase``) and answers the permission
questions of the listener with Orthanc's rules (``DicomAlwaysAllow*``,
``DicomCheckModalityHost``, AETs compared case-insensitively unless ``StrictAetComparison``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from enum import Enum
from typing import Any

from lethe.errors import ErrorCode, LetheError, bad_file_format, out_of_range

MANUFACTURERS = ("Generic", "GenericNoWildcardInDates", "GenericNoUniversalWildcard", "Vitrea",
                 "GE")
_OBSOLETE_MANUFACTURERS = {"AgfaImpax": "GenericNoWildcardInDates",
                           "SyngoVia": "GenericNoWildcardInDates", "EFilm2": "Generic",
                           "MedInria": "Generic", "ClearCanvas": "Generic", "Dcm4Chee": "Generic"}
_NAME = re.compile(r"[A-Za-z0-9_-]*")


class Request(Enum):
    """The DICOM requests a remote modality may be allowed to make."""

    ECHO = "Echo"
    STORE = "Store"
    FIND = "Find"
    FIND_WORKLIST = "FindWorklist"
    MOVE = "Move"
    GET = "Get"
    N_ACTION = "NAction"
    N_EVENT_REPORT = "NEventReport"


@dataclass(frozen=True)
class RemoteModality:
    """One entry of ``DicomModalities``, with Orthanc's defaults (everything allowed)."""

    aet: str
    host: str
    port: int
    manufacturer: str = "Generic"
    allow_echo: bool = True
    allow_store: bool = True
    allow_find: bool = True
    allow_find_worklist: bool = True
    allow_get: bool = True
    allow_move: bool = True
    allow_n_action: bool = True
    allow_event_report: bool = True
    allow_transcoding: bool = True
    use_dicom_tls: bool = False
    local_aet: str = ""
    timeout: int = 0  # seconds; 0: DicomScuTimeout

    def allows(self, request: Request) -> bool:
        """Whether this modality may make ``request`` to the listener."""
        return {
            Request.ECHO: self.allow_echo, Request.STORE: self.allow_store,
            Request.FIND: self.allow_find, Request.FIND_WORKLIST: self.allow_find_worklist,
            Request.MOVE: self.allow_move, Request.GET: self.allow_get,
            Request.N_ACTION: self.allow_n_action,
            Request.N_EVENT_REPORT: self.allow_event_report,
        }[request]

    @classmethod
    def parse(cls, value: object, where: str = "modality") -> RemoteModality:
        """A modality from its array or object form; 400 ``Bad file format`` naming ``where``
        and the field for a malformed one."""
        if isinstance(value, list):
            return cls._parse_array(value, where)
        if isinstance(value, dict):
            return cls._parse_object(value, where)
        raise bad_file_format(f"{where}: a modality is a JSON array [AET, host, port] or a "
                              f"JSON object, got {value!r}")

    @classmethod
    def _parse_array(cls, value: list, where: str) -> RemoteModality:
        if len(value) not in (3, 4) or not all(isinstance(v, str) for v in value[:2]) or \
                (len(value) == 4 and not isinstance(value[3], str)):
            raise bad_file_format(f"{where}: the array form is [AET, host, port] or [AET, "
                                  f"host, port, manufacturer], got {value!r}")
        manufacturer = _manufacturer(value[3], where) if len(value) == 4 else "Generic"
        return cls(value[0], value[1], _port(value[2], where), manufacturer)

    @classmethod
    def _parse_object(cls, value: dict, where: str) -> RemoteModality:
        for key in ("AET", "Host"):
            if not isinstance(value.get(key), str):
                raise bad_file_format(f'{where}: the field "{key}" must be a string, got '
                                      f"{value.get(key)!r}")
        if "Port" not in value:
            raise bad_file_format(f'{where}: the field "Port" is missing')
        options: dict[str, Any] = {}
        for key, attribute in _BOOLEAN_FIELDS.items():
            if key in value:
                if not isinstance(value[key], bool):
                    raise bad_file_format(f'{where}: the field "{key}" must be a Boolean, got '
                                          f"{value[key]!r}")
                options[attribute] = value[key]
        if "AllowStorageCommitment" in value:
            allow = value["AllowStorageCommitment"]
            if not isinstance(allow, bool):
                raise bad_file_format(f'{where}: the field "AllowStorageCommitment" must be a '
                                      f"Boolean, got {allow!r}")
            options["allow_n_action"] = options["allow_event_report"] = allow
        if "Manufacturer" in value:
            if not isinstance(value["Manufacturer"], str):
                raise bad_file_format(f'{where}: the field "Manufacturer" must be a string')
            options["manufacturer"] = _manufacturer(value["Manufacturer"], where)
        if "LocalAet" in value:
            if not isinstance(value["LocalAet"], str):
                raise bad_file_format(f'{where}: the field "LocalAet" must be a string')
            options["local_aet"] = value["LocalAet"]
        if "Timeout" in value:
            timeout = value["Timeout"]
            if isinstance(timeout, bool) or not isinstance(timeout, int) or timeout < 0:
                raise bad_file_format(f'{where}: the field "Timeout" must be a non-negative '
                                      f"integer, got {timeout!r}")
            options["timeout"] = timeout
        return cls(value["AET"], value["Host"], _port(value["Port"], where), **options)

    def to_json(self, advanced: bool = True) -> dict[str, Any] | list[Any]:
        """Orthanc's serialization: the object form, or (``advanced`` false and nothing but
        defaults besides AET, host, port and manufacturer) the array form."""
        if not advanced and not self._needs_advanced_form():
            return [self.aet, self.host, self.port, self.manufacturer]
        return {
            "AET": self.aet, "Host": self.host, "Port": self.port,
            "Manufacturer": self.manufacturer, "AllowEcho": self.allow_echo,
            "AllowStore": self.allow_store, "AllowFind": self.allow_find,
            "AllowFindWorklist": self.allow_find_worklist, "AllowGet": self.allow_get,
            "AllowMove": self.allow_move, "AllowNAction": self.allow_n_action,
            "AllowEventReport": self.allow_event_report,
            "AllowTranscoding": self.allow_transcoding, "UseDicomTls": self.use_dicom_tls,
            "LocalAet": self.local_aet, "Timeout": self.timeout,
        }

    def _needs_advanced_form(self) -> bool:
        defaults = RemoteModality("", "", 1)
        return any(getattr(self, f.name) != getattr(defaults, f.name) for f in fields(self)
                   if f.name not in ("aet", "host", "port", "manufacturer"))

    def with_timeout(self, timeout: int) -> RemoteModality:
        """The same modality with another ``Timeout``."""
        return replace(self, timeout=timeout)


_BOOLEAN_FIELDS = {
    "AllowEcho": "allow_echo", "AllowStore": "allow_store", "AllowFind": "allow_find",
    "AllowFindWorklist": "allow_find_worklist", "AllowGet": "allow_get",
    "AllowMove": "allow_move", "AllowNAction": "allow_n_action",
    "AllowEventReport": "allow_event_report", "AllowTranscoding": "allow_transcoding",
    "UseDicomTls": "use_dicom_tls",
}


def _port(value: object, where: str) -> int:
    """Orthanc's port rule: an integer (or a string holding one) in 1..65534."""
    if isinstance(value, str):
        try:
            value = int(value)
        except ValueError:
            raise bad_file_format(f"{where}: the port must be an integer, got {value!r}") \
                from None
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad_file_format(f"{where}: the port must be an integer, got {value!r}")
    if not 0 < value < 65535:
        raise out_of_range(f"A TCP port number must be in range [1..65534], but found: {value}")
    return value


def _manufacturer(value: str, where: str) -> str:
    if value in MANUFACTURERS:
        return value
    if value in _OBSOLETE_MANUFACTURERS:
        return _OBSOLETE_MANUFACTURERS[value]
    raise out_of_range(f'{where}: unknown modality manufacturer: "{value}"')


def check_name(name: str) -> None:
    """Orthanc's rule for the names of modalities and peers; 400 naming the name."""
    if not _NAME.fullmatch(name):
        raise bad_file_format("Only alphanumeric, dash characters and underscores are allowed "
                              f"in the names of modalities/peers, but found: {name}")


@dataclass(frozen=True)
class AccessPolicy:
    """The global options deciding which unknown modalities may make which request."""

    always_echo: bool = True
    always_store: bool = True
    always_find: bool = False
    always_find_worklist: bool = False
    always_move: bool = False
    always_get: bool = False
    check_host: bool = False
    strict_aet: bool = False

    def always(self, request: Request) -> bool:
        """Whether ``request`` is accepted even from a modality that is not listed."""
        return {Request.ECHO: self.always_echo, Request.STORE: self.always_store,
                Request.FIND: self.always_find, Request.FIND_WORKLIST: self.always_find_worklist,
                Request.MOVE: self.always_move, Request.GET: self.always_get}.get(request, False)

    @property
    def any_always(self) -> bool:
        """Whether some request is accepted from anyone: then any association is."""
        return (self.always_echo or self.always_store or self.always_find
                or self.always_find_worklist or self.always_move or self.always_get)


class ModalityRegistry:
    """The known modalities by name; safe to use from any thread."""

    def __init__(self, modalities: Mapping[str, RemoteModality], policy: AccessPolicy) -> None:
        self._lock = threading.Lock()
        self._modalities = dict(sorted(modalities.items()))
        self.policy = policy

    @classmethod
    def from_config(cls, raw: object, policy: AccessPolicy) -> ModalityRegistry:
        """The registry of a ``DicomModalities`` value; ``ValueError`` naming the entry."""
        if not isinstance(raw, dict):
            raise ValueError('"DicomModalities" must be a JSON object')
        modalities = {}
        for name, value in raw.items():
            try:
                check_name(name)
                modalities[name] = RemoteModality.parse(value, f"DicomModalities.{name}")
            except LetheError as exc:
                raise ValueError(exc.details) from None
        return cls(modalities, policy)

    def names(self) -> list[str]:
        """The names of the modalities, sorted."""
        with self._lock:
            return list(self._modalities)

    def items(self) -> list[tuple[str, RemoteModality]]:
        """``(name, modality)`` pairs, sorted by name."""
        with self._lock:
            return list(self._modalities.items())

    def get(self, name: str) -> RemoteModality:
        """The modality called ``name``; 404 ``Inexistent item`` otherwise."""
        with self._lock:
            found = self._modalities.get(name)
        if found is None:
            raise LetheError(ErrorCode.INEXISTENT_ITEM, f"No modality with symbolic name: {name}")
        return found

    def put(self, name: str, modality: RemoteModality) -> None:
        """Add or replace the modality ``name`` (400 for a name Orthanc refuses)."""
        check_name(name)
        with self._lock:
            self._modalities[name] = modality
            self._modalities = dict(sorted(self._modalities.items()))

    def delete(self, name: str) -> None:
        """Forget the modality ``name``; 404 if there is none."""
        with self._lock:
            if self._modalities.pop(name, None) is None:
                raise LetheError(ErrorCode.INEXISTENT_ITEM,
                                 f"Unknown DICOM modality with symbolic name: {name}")

    def same_aet(self, first: str, second: str) -> bool:
        """AETs compare case-insensitively, unless ``StrictAetComparison``."""
        return first == second if self.policy.strict_aet else first.lower() == second.lower()

    def with_aet(self, aet: str) -> list[RemoteModality]:
        """The modalities whose AET is ``aet``, in name order."""
        with self._lock:
            return [m for m in self._modalities.values() if self.same_aet(aet, m.aet)]

    def by_aet(self, aet: str) -> RemoteModality:
        """The first modality (in name order) whose AET is ``aet``; 404 otherwise."""
        found = self.with_aet(aet)
        if not found:
            raise LetheError(ErrorCode.INEXISTENT_ITEM, f"Unknown modality for AET: {aet}")
        return found[0]

    def connection_allowed(self, aet: str, ip: str) -> bool:
        """Whether an association from ``aet`` at ``ip`` is accepted (Orthanc: any, when one
        request is always allowed; else only from a known AET, at its host if
        ``DicomCheckModalityHost``)."""
        if self.policy.any_always:
            return True
        found = self.with_aet(aet)
        return bool(found) and (not self.policy.check_host or ip == found[0].host)

    def request_allowed(self, aet: str, ip: str, request: Request) -> bool:
        """Whether ``aet`` at ``ip`` may make ``request``, with Orthanc's rules for several
        modalities sharing one AET: allowed if one of them at this IP allows it (with
        ``DicomCheckModalityHost``), or if all of them allow it."""
        if self.policy.always(request):
            return True
        found = self.with_aet(aet)
        if not found:
            return False
        check_host = self.policy.check_host
        if len(found) == 1:
            return (not check_host or ip == found[0].host) and found[0].allows(request)
        if any(m.allows(request) and check_host and m.host == ip for m in found):
            return True
        return all(m.allows(request) for m in found)
