"""Consistent replacement UIDs and PatientIDs, derived from a keyed hash (design.md section 2).

A :class:`UidMapper` answers the new value of an original identifier without shared state: the
answer is HMAC-SHA256(key, level + original) rendered as a DICOM UID (or as a UUID for
PatientID). The same key gives the same answers in every process and in any order, so the
workers of one job agree without a lock; a new key per job gives new answers per job, as
Orthanc's per-request maps do. Keeping the key (instead of drawing it per job) gives
reproducible pseudonyms.

UID forms:

* root ``2.25`` (the default): ``2.25.<n>`` with ``n`` the integer value of a UUID (PS3.5 B.2),
  at most 39 digits, 44 characters in all. The UUID is the first 16 bytes of the hash marked as
  an RFC 9562 version 8 (custom) UUID;
* any other root: ``<root>.<n>`` with ``n`` the hash reduced to the digits left within 64
  characters (at most 39). :func:`validate_uid_root` makes sure at least
  :data:`MIN_SUFFIX_DIGITS` digits are left.

Originals are compared after stripping leading and trailing whitespace and NULs, so padded and
unpadded copies of one UID map to the same new value.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import string
import uuid

from lethe.dicom.levels import Level

MAX_UID_LENGTH = 64
MIN_SUFFIX_DIGITS = 23
"""Digits a root must leave for the hash (about 76 bits): a root is at most 40 characters."""
MIN_DATE_SHIFT_DAYS = 365
MAX_DATE_SHIFT_DAYS = 3652
"""The range of a patient's date shift, in days back (:meth:`UidMapper.date_shift_days`)."""

_UID_PATTERN = re.compile(r"(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*")
_PADDING = string.whitespace + "\x00"
_UUID_ROOT = "2.25"
_UUID_DIGITS = 39


def validate_uid_root(root: str) -> None:
    """Raise ValueError (naming the root) unless ``root`` can prefix the generated UIDs.

    A root is a valid UID (digits and dots, no empty component, no leading zero) short enough to
    leave :data:`MIN_SUFFIX_DIGITS` digits: at most 40 characters.
    """
    if not isinstance(root, str) or not _UID_PATTERN.fullmatch(root):
        raise ValueError(f"UidRoot {root!r} is not a valid DICOM UID")
    if len(root) + 1 + MIN_SUFFIX_DIGITS > MAX_UID_LENGTH:
        raise ValueError(f"UidRoot {root!r} is too long: at most "
                         f"{MAX_UID_LENGTH - 1 - MIN_SUFFIX_DIGITS} characters")


def strip_identifier(original: str) -> str:
    """The form of an original identifier that is mapped: padding and whitespace stripped."""
    return original.strip(_PADDING)


class UidMapper:
    """Maps original UIDs and PatientIDs to new ones, the same way in every process.

    Picklable: a pickled mapper gives the same answers in the process that unpickles it.

    Parameters
    ----------
    key : bytes
        The secret the new values derive from: the same key gives the same answers (keep it
        for reproducible pseudonyms; :meth:`random` draws one).
    root : str, optional
        The prefix of the generated UIDs (``2.25``: UUID-derived UIDs).
    overrides : dict, optional
        Fixed answers: ``{(level, original): new value}``, which win over the hash.

    Raises
    ------
    ValueError
        For an empty key, a root that is not a valid UID or is too long
        (:func:`validate_uid_root`), or an override whose level is not a :class:`Level`.
    """

    def __init__(self, key: bytes, root: str = _UUID_ROOT,
                 overrides: dict[tuple[Level, str], str] | None = None) -> None:
        validate_uid_root(root)
        if not key:
            raise ValueError("the UID key must not be empty")
        self._key = bytes(key)
        self._root = root
        self._overrides = {(_checked_level(level), strip_identifier(original)): value
                           for (level, original), value in (overrides or {}).items()}
        self._hmac = hmac.new(self._key, digestmod=hashlib.sha256)

    @classmethod
    def random(cls, root: str = _UUID_ROOT) -> UidMapper:
        """A mapper with a fresh secret key: new answers, consistent within its lifetime.

        Parameters
        ----------
        root : str, optional
            The prefix of the generated UIDs.

        Returns
        -------
        UidMapper
            A mapper with a random 32-byte key.

        Raises
        ------
        ValueError
            For a root that :func:`validate_uid_root` refuses.
        """
        return cls(secrets.token_bytes(32), root)

    @property
    def root(self) -> str:
        """The prefix of every generated UID."""
        return self._root

    def map_uid(self, level: Level, original: str) -> str:
        """The new UID of ``original`` in the map of ``level``.

        Each level has its own map: one original gives different UIDs in different maps (the
        hash covers ``level.key``). An override of (level, original) wins.

        Parameters
        ----------
        level : Level
            The map: StudyInstanceUID uses the study map, SeriesInstanceUID the series map,
            other UIDs the instance map (:meth:`lethe.dicom.profiles.Profile.uid_level`).
        original : str
            The original UID; leading and trailing spaces and NULs are ignored.

        Returns
        -------
        str
            A valid UID of at most 64 characters under :attr:`root`.

        Raises
        ------
        ValueError
            If ``level`` is not a :class:`Level`.
        """
        stripped = strip_identifier(original)
        fixed = self._overrides.get((_checked_level(level), stripped))
        if fixed is not None:
            return fixed
        digest = self._digest("uid", level.key, stripped)
        if self._root == _UUID_ROOT:
            return f"{_UUID_ROOT}.{_version8_uuid(digest).int}"
        digits = min(_UUID_DIGITS, MAX_UID_LENGTH - len(self._root) - 1)
        return f"{self._root}.{int.from_bytes(digest, 'big') % 10 ** digits}"

    def map_patient_id(self, original: str) -> str:
        """The new PatientID of ``original``.

        An override of (``Level.PATIENT``, original) wins.

        Parameters
        ----------
        original : str
            The original PatientID; leading and trailing spaces and NULs are ignored.

        Returns
        -------
        str
            A lower-case UUID (36 characters).
        """
        stripped = strip_identifier(original)
        fixed = self._overrides.get((Level.PATIENT, stripped))
        if fixed is not None:
            return fixed
        return str(_version8_uuid(self._digest("patient-id", Level.PATIENT.key, stripped)))

    def map_patient_name(self, original_patient_id: str) -> str:
        """The pseudonymous PatientName of the patient whose PatientID is
        ``original_patient_id`` (keyed pseudonyms, :mod:`lethe.dicom.pseudonyms`).

        Parameters
        ----------
        original_patient_id : str
            The original PatientID (padding ignored): the name follows the patient, not the
            spelling of the original name, so that every study of a patient gets one name.

        Returns
        -------
        str
            ``PATIENT^`` followed by 12 letters and digits (base 32 of the keyed hash), a
            valid PN value of 20 characters.
        """
        digest = self._digest("patient-name", Level.PATIENT.key,
                              strip_identifier(original_patient_id))
        code = base64.b32encode(digest).decode("ascii")[:12]
        return f"PATIENT^{code}"

    def date_shift_days(self, original_patient_id: str) -> int:
        """The number of days the dates of a patient move by (Retain Longitudinal Temporal
        Information with Modified Dates, :mod:`lethe.dicom.dates`).

        Parameters
        ----------
        original_patient_id : str
            The original PatientID (padding ignored): one shift per patient keeps every
            interval between the patient's dates, across studies, jobs and runs with one key.

        Returns
        -------
        int
            A negative number of days, from ``-MAX_DATE_SHIFT_DAYS`` to
            ``-MIN_DATE_SHIFT_DAYS`` (between one and ten years back).
        """
        digest = self._digest("date-shift", Level.PATIENT.key,
                              strip_identifier(original_patient_id))
        span = MAX_DATE_SHIFT_DAYS - MIN_DATE_SHIFT_DAYS + 1
        return -(MIN_DATE_SHIFT_DAYS + int.from_bytes(digest[:8], "big") % span)

    def with_overrides(self, overrides: dict[tuple[Level, str], str]) -> UidMapper:
        """A mapper with the same key and root that answers ``overrides`` first.

        Parameters
        ----------
        overrides : dict
            ``{(level, original): new value}``; originals are stripped like any original.
            They are added to this mapper's own overrides, and win over them.

        Returns
        -------
        UidMapper
            A new mapper; this one is unchanged.

        Raises
        ------
        ValueError
            If a level is not a :class:`Level`.
        """
        return UidMapper(self._key, self._root, {**self._overrides, **overrides})

    def _digest(self, purpose: str, level: str, stripped: str) -> bytes:
        mac = self._hmac.copy()
        mac.update(f"{purpose}\x00{level}\x00".encode("ascii"))
        mac.update(stripped.encode("utf-8", "surrogatepass"))
        return mac.digest()

    def __getstate__(self) -> tuple[bytes, str, dict[tuple[Level, str], str]]:
        return self._key, self._root, self._overrides

    def __setstate__(self, state: tuple[bytes, str, dict[tuple[Level, str], str]]) -> None:
        UidMapper.__init__(self, *state)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UidMapper):
            return NotImplemented
        return self.__getstate__() == other.__getstate__()

    def __hash__(self) -> int:
        return hash((self._key, self._root))

    def __repr__(self) -> str:  # never shows the key
        return f"UidMapper(root={self._root!r}, overrides={len(self._overrides)})"


def _checked_level(level: Level) -> Level:
    if not isinstance(level, Level):
        raise ValueError(f"unknown UID map level {level!r}")
    return level


def _version8_uuid(digest: bytes) -> uuid.UUID:
    """The first 16 bytes of ``digest`` with the RFC 9562 version 8 and variant bits set."""
    value = int.from_bytes(digest[:16], "big")
    value = (value & ~(0xF << 76)) | (0x8 << 76)
    value = (value & ~(0x3 << 62)) | (0x2 << 62)
    return uuid.UUID(int=value)
