"""Lethe's DICOM knowledge as a library: modify and anonymize data sets and files.

Parse a request once (:meth:`ModificationRequest.parse`, the JSON body of Orthanc's
``/modify`` and ``/anonymize`` routes), then apply it to a pydicom ``Dataset`` (:func:`apply`)
or to a DICOM file (:func:`apply_to_file`), with a :class:`ModificationContext` that holds
what the instances of one job share (the :class:`UidMapper`). :func:`find_residual_identity`
checks an anonymized output against its source. The README's "Python API" section has an
example.

Importing :mod:`lethe.dicom` is cheap: each name is imported from its module on first use
(pydicom, which loads numpy and the codecs, only then). Everything not in ``__all__`` is
private, whatever its module.

:func:`apply_to_file` is :func:`lethe.dicom.modify_file.modify_file`: the package cannot
export a function under the name of one of its modules.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lethe.dicom.engine import ModificationContext, apply
    from lethe.dicom.levels import Level
    from lethe.dicom.modify_file import modify_file as apply_to_file
    from lethe.dicom.profiles import DEFAULT_DICOM_VERSION, DICOM_VERSIONS, Profile, load_profile
    from lethe.dicom.request import ModificationRequest
    from lethe.dicom.residual import Leak, find_residual_identity
    from lethe.dicom.tags import DictionaryEntry, TagDictionary
    from lethe.dicom.uids import UidMapper
    from lethe.errors import LetheError

__all__ = [
    "DEFAULT_DICOM_VERSION",
    "DICOM_VERSIONS",
    "DictionaryEntry",
    "Leak",
    "LetheError",
    "Level",
    "ModificationContext",
    "ModificationRequest",
    "Profile",
    "TagDictionary",
    "UidMapper",
    "apply",
    "apply_to_file",
    "find_residual_identity",
    "load_profile",
]

# Exported name: (module, name in that module).
_ORIGINS = {
    "DEFAULT_DICOM_VERSION": ("lethe.dicom.profiles", "DEFAULT_DICOM_VERSION"),
    "DICOM_VERSIONS": ("lethe.dicom.profiles", "DICOM_VERSIONS"),
    "DictionaryEntry": ("lethe.dicom.tags", "DictionaryEntry"),
    "Leak": ("lethe.dicom.residual", "Leak"),
    "LetheError": ("lethe.errors", "LetheError"),
    "Level": ("lethe.dicom.levels", "Level"),
    "ModificationContext": ("lethe.dicom.engine", "ModificationContext"),
    "ModificationRequest": ("lethe.dicom.request", "ModificationRequest"),
    "Profile": ("lethe.dicom.profiles", "Profile"),
    "TagDictionary": ("lethe.dicom.tags", "TagDictionary"),
    "UidMapper": ("lethe.dicom.uids", "UidMapper"),
    "apply": ("lethe.dicom.engine", "apply"),
    "apply_to_file": ("lethe.dicom.modify_file", "modify_file"),
    "find_residual_identity": ("lethe.dicom.residual", "find_residual_identity"),
    "load_profile": ("lethe.dicom.profiles", "load_profile"),
}


def __getattr__(name: str) -> object:
    """Import an exported name from its module on first use (PEP 562)."""
    origin = _ORIGINS.get(name)
    if origin is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attribute = origin
    value = getattr(import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
