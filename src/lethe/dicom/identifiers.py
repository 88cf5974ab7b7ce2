"""Orthanc identifiers of patients, studies, series and instances.

An Orthanc ID is the SHA-1 of the DICOM identifiers of a resource and its
parents joined by ``|``, as 40 lower-case hex digits cut into five groups of
eight joined by ``-``. Trailing padding (spaces, NUL) is stripped; leading
spaces are kept. An absent PatientID counts as the empty string.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


def hash_identifier(text: str) -> str:
    """The Orthanc form of SHA-1(``text`` as UTF-8)."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
    return "-".join(digest[i:i + 8] for i in range(0, 40, 8))


def clean_identifier(value: str | None) -> str:
    """Strip trailing spaces and NULs as Orthanc does; ``None`` gives ``""``."""
    if value is None:
        return ""
    return value.rstrip(" \x00")


@dataclass(frozen=True)
class ResourceIds:
    """The Orthanc IDs of one instance and of its three parents."""

    patient: str
    study: str
    series: str
    instance: str

    @classmethod
    def from_dicom(cls, patient_id: str | None, study_uid: str, series_uid: str,
                   sop_uid: str) -> ResourceIds:
        """Hash the four DICOM identifiers (decoded text) into Orthanc IDs."""
        pid = clean_identifier(patient_id)
        study = pid + "|" + clean_identifier(study_uid)
        series = study + "|" + clean_identifier(series_uid)
        instance = series + "|" + clean_identifier(sop_uid)
        return cls(hash_identifier(pid), hash_identifier(study), hash_identifier(series),
                   hash_identifier(instance))
