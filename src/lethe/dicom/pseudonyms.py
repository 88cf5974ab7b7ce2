"""Keyed pseudonyms: the UID key of a named project key (design.md section 2).

A request that names a pseudonymization key (``"PseudonymizationKey": "NAME"``, with
``"PseudonymizationKeys": {"NAME": "secret"}`` in the configuration; ``lethe anonymize --key
NAME`` or ``--key-file F`` on the command line) gets a :class:`~lethe.dicom.uids.UidMapper`
whose key derives from that secret instead of a key drawn per job. Everything the mapper
answers is then a function of the original values and the secret alone: new UIDs, new
PatientIDs, the pseudonymous PatientName (:meth:`UidMapper.map_patient_name`) and the date
shift of each patient (:meth:`UidMapper.date_shift_days`). Two servers, or a server and the
command line, configured with the same secret give byte-identical outputs for the same input;
different secrets give unrelated ones.

The secret itself is never logged, stored in the index or put in an output; the derived key is
kept in memory only (a job pickles it to its worker processes).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from lethe.dicom.uids import UidMapper

_DOMAIN = b"lethe pseudonymization key v1\x00"
MIN_SECRET_LENGTH = 16
"""The shortest secret accepted: a short one could be found by trying them all."""


def key_from_secret(secret: str) -> bytes:
    """The UID key of a pseudonymization secret.

    Parameters
    ----------
    secret : str
        The project's secret (at least :data:`MIN_SECRET_LENGTH` characters).

    Returns
    -------
    bytes
        32 bytes: SHA-256 of a fixed domain string and the UTF-8 secret, so that the same
        secret gives the same key everywhere, and a key made for another purpose from the
        same secret differs.

    Raises
    ------
    ValueError
        For a secret shorter than :data:`MIN_SECRET_LENGTH` characters (the message does not
        show it).
    """
    if not isinstance(secret, str) or len(secret) < MIN_SECRET_LENGTH:
        raise ValueError(f"a pseudonymization secret must be a string of at least "
                         f"{MIN_SECRET_LENGTH} characters")
    return hashlib.sha256(_DOMAIN + secret.encode("utf-8")).digest()


def keyed_mapper(secret: str, root: str = "2.25") -> UidMapper:
    """The :class:`UidMapper` of a pseudonymization secret (:func:`key_from_secret`).

    Raises
    ------
    ValueError
        For a secret that :func:`key_from_secret` refuses, or a root that
        :func:`lethe.dicom.uids.validate_uid_root` refuses.
    """
    return UidMapper(key_from_secret(secret), root)


def read_key_file(path: str | Path) -> str:
    """The secret held by a key file: its text without the final line break.

    Raises
    ------
    OSError
        When the file cannot be read.
    ValueError
        When it holds no usable secret (:func:`key_from_secret`).
    """
    secret = Path(path).read_text(encoding="utf-8").rstrip("\r\n")
    key_from_secret(secret)  # checks it
    return secret
