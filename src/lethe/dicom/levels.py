"""The levels of the DICOM hierarchy, the one place where their names are spelled.

:class:`Level` is used by every layer: the engine (which UIDs a modification regenerates, the
maps of :class:`lethe.dicom.uids.UidMapper`, the main tags of each level) and the store, which
re-exports it from :mod:`lethe.store.model`. Each spelling Orthanc uses derives from it:
``label`` (``Patient``), ``plural`` (``patients``), ``key`` (``patient``) and :meth:`Level.parse`.
"""

from __future__ import annotations

from enum import IntEnum


class Level(IntEnum):
    """A level of the DICOM hierarchy, ordered from the top (``PATIENT < INSTANCE``)."""

    PATIENT = 0
    STUDY = 1
    SERIES = 2
    INSTANCE = 3

    @property
    def label(self) -> str:
        """Orthanc's name: ``Patient``, ``Study``, ``Series``, ``Instance``."""
        return _LABELS[self]

    @property
    def key(self) -> str:
        """The lower-case name: ``patient``, ``study``, ``series``, ``instance`` (the name of a
        UID map, and of an ancestor in routes such as ``/instances/{id}/study``)."""
        return _KEYS[self]

    @property
    def plural(self) -> str:
        """The REST collection: ``patients``, ``studies``, ``series``, ``instances``."""
        return _PLURALS[self]

    @property
    def child(self) -> Level:
        """The level below (ValueError for instances)."""
        if self is Level.INSTANCE:
            raise ValueError("instances have no children")
        return Level(self.value + 1)

    @property
    def parent(self) -> Level:
        """The level above (ValueError for patients)."""
        if self is Level.PATIENT:
            raise ValueError("patients have no parent")
        return Level(self.value - 1)

    @classmethod
    def parse(cls, text: str) -> Level:
        """Parse Orthanc's level names: case-insensitive, singular or plural, ``image(s)`` for
        instances, surrounding white space ignored (ValueError naming ``text`` otherwise)."""
        level = _ALIASES.get(text.strip().lower())
        if level is None:
            raise ValueError(text)
        return level


_LABELS = {level: level.name.capitalize() for level in Level}
_KEYS = {level: level.name.lower() for level in Level}
_PLURALS = {Level.PATIENT: "patients", Level.STUDY: "studies", Level.SERIES: "series",
            Level.INSTANCE: "instances"}
_ALIASES = {**{level.key: level for level in Level}, **{level.plural: level for level in Level},
            "image": Level.INSTANCE, "images": Level.INSTANCE}
