"""Which transfer syntaxes and SOP classes the DICOM listener accepts, as Orthanc decides it.

``AcceptedTransferSyntaxes`` is a list of transfer syntax UIDs in which ``*`` and ``?`` are
wildcards (Orthanc 1.9.0); the accepted syntaxes are the known ones
(:data:`~lethe.dicom.transcode.KNOWN_TRANSFER_SYNTAXES`) that one entry matches. They apply to
the storage SOP classes; every other service (echo, query/retrieve, storage commitment) is
offered in the three uncompressed syntaxes that Orthanc offers: explicit VR little endian,
explicit VR big endian, implicit VR little endian.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from pydicom.uid import UID, ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian

from lethe.dicom.transcode import KNOWN_TRANSFER_SYNTAXES

DEFAULT_ACCEPTED = ("1.2.840.10008.1.*",)
"""Orthanc's default ``AcceptedTransferSyntaxes``: every known transfer syntax."""

GENERIC_SYNTAXES = (ExplicitVRLittleEndian, ExplicitVRBigEndian, ImplicitVRLittleEndian)
"""The syntaxes of the non-storage services, in Orthanc's order of preference."""

UNCOMPRESSED = frozenset({ExplicitVRLittleEndian, ImplicitVRLittleEndian, ExplicitVRBigEndian})

VERIFICATION = "1.2.840.10008.1.1"
STORAGE_COMMITMENT = "1.2.840.10008.1.20.1"  # push model
PATIENT_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.1.1"
PATIENT_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.1.2"
PATIENT_ROOT_GET = "1.2.840.10008.5.1.4.1.2.1.3"
STUDY_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.2.1"
STUDY_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.2.2"
STUDY_ROOT_GET = "1.2.840.10008.5.1.4.1.2.2.3"
"""The SOP classes of the services besides storage (PS3.4), by UID."""



@cache
def pynetdicom_storage_classes() -> frozenset[str]:
    """The storage SOP classes that pynetdicom serves by itself."""
    from pynetdicom import AllStoragePresentationContexts

    return frozenset(str(cx.abstract_syntax) for cx in AllStoragePresentationContexts)


@cache
def storage_sop_classes() -> frozenset[str]:
    """The storage SOP classes of the standard, retired ones included (as DCMTK lists them
    for Orthanc): pynetdicom's, and pydicom's SOP classes named "... Storage"."""
    from pydicom._uid_dict import UID_dictionary

    named = {uid for uid, (name, kind, *_) in UID_dictionary.items()
             if kind == "SOP Class" and "Storage" in name and "Commitment" not in name
             and "Directory" not in name}
    return pynetdicom_storage_classes() | named


def _pattern(entry: str) -> re.Pattern[str]:
    return re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c)
                              for c in entry))


def validate_patterns(entries: object, field: str = "AcceptedTransferSyntaxes") -> list[str]:
    """``entries`` as a list of strings; ``ValueError`` naming ``field`` and the bad value."""
    if isinstance(entries, str):
        entries = [entries]
    if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
        raise ValueError(f'"{field}" must be a list of transfer syntax UIDs (wildcards '
                         f"allowed), got {entries!r}")
    return list(entries)


def accepted_syntaxes(patterns: Iterable[str]) -> list[str]:
    """The known transfer syntaxes that one of ``patterns`` matches, explicit VR little endian
    first (Orthanc's preferred one, as it keeps the VR of private tags), then in UID order."""
    compiled = [_pattern(p) for p in patterns]
    found = {uid for uid in KNOWN_TRANSFER_SYNTAXES if any(p.fullmatch(uid) for p in compiled)}
    return sorted(found, key=lambda uid: (uid != ExplicitVRLittleEndian, uid))


def accepted_sop_classes(accepted: Iterable[str], rejected: Iterable[str]) -> frozenset[str]:
    """The SOP classes the listener accepts for C-STORE (``AcceptedSopClasses`` and
    ``RejectedSopClasses``, Orthanc 1.12.6): every standard storage class when ``accepted``
    is empty; else the storage classes an entry with wildcards (``*``, ``?``) matches, and
    each entry without wildcards as it is (a private class may be named); less those a
    ``rejected`` entry matches."""
    known = storage_sop_classes()
    entries = list(accepted)
    found = set(known) if not entries else set()
    for entry in entries:
        if "*" in entry or "?" in entry:
            pattern = _pattern(entry)
            found.update(uid for uid in known if pattern.fullmatch(uid))
        else:
            found.add(entry)
    refused = [_pattern(entry) for entry in rejected]
    return frozenset(uid for uid in found if not any(p.fullmatch(uid) for p in refused))


def is_rejected(uid: str, rejected: Iterable[str]) -> bool:
    """Whether an entry of ``RejectedSopClasses`` matches ``uid``."""
    return any(_pattern(entry).fullmatch(uid) for entry in rejected)


def is_storage_sop_class(uid: str) -> bool:
    """Whether ``uid`` is a storage SOP class of the standard."""
    return uid in storage_sop_classes()


def is_unknown_uid(uid: str) -> bool:
    """Whether ``uid`` is no UID of the standard (a private SOP class, for example): what
    ``UnknownSopClassAccepted`` lets the listener take as a storage SOP class."""
    return UID(uid).name == uid
