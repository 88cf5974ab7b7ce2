"""Tag names to tags and VRs: pydicom's dictionaries plus Orthanc's ``Dictionary`` option.

A tag can be written (Orthanc behaviour spec 2.4):

* ``gggg,eeee``, ``gggg-eeee`` or ``ggggeeee`` (hex, any case);
* the same between parentheses, ``(gggg,eeee)``;
* DCMTK's short hex form ``g,e`` (1 to 4 hex digits each side): ``10,1010``;
* a pydicom keyword (case-sensitive), including repeating-group keywords
  such as ``OverlayData`` (group 6000) and, for retired tags, the keyword with
  or without DCMTK's ``RETIRED_`` prefix (as the newest Orthanc accepts);
* a name from the ``Dictionary`` configuration.

The ``Dictionary`` configuration maps ``"gggg,eeee"`` to
``[VR, Name, minMult, maxMult, PrivateCreator]`` (the last three optional).
For private data elements only the low 8 bits of the element number are
significant when looking up a VR, as in DCMTK: ``"7001,01"`` and
``"7001,1001"`` both describe element ``xx01`` of the block reserved by the
entry's private creator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydicom.datadict import (
    DicomDictionary,
    RepeatersDictionary,
    dictionary_keyword,
    dictionary_VR,
    private_dictionary_VR,
)
from pydicom.tag import BaseTag, Tag
from pydicom.valuerep import VR as PydicomVR

from lethe.errors import ErrorCode, LetheError

# The VRs pydicom knows, ambiguous ones included ("US or SS", "OB or OW", ...).
KNOWN_VRS = frozenset(v.value for v in PydicomVR) | {"OB_OW"}

# How an ambiguous dictionary VR is resolved when one VR must be chosen.
# "US or SS" ("xs") values are US unless negative (see lethe.dicom.values).
_RESOLVED_VR = {
    "US or SS": "US",
    "US or OW": "US",
    "US or SS or OW": "US",
    "OB or OW": "OB",
    "OB_OW": "OB",
    "NONE": "UN",
}

_FULL_HEX = re.compile(r"([0-9A-Fa-f]{4})[,-]?([0-9A-Fa-f]{4})")
_SHORT_HEX = re.compile(r"([0-9A-Fa-f]{1,4}),([0-9A-Fa-f]{1,4})")
_RETIRED_PREFIX = "RETIRED_"


def format_tag(tag: int) -> str:
    """``gggg,eeee`` in lower-case hex, as Orthanc prints tags."""
    tag = int(tag)
    return f"{tag >> 16:04x},{tag & 0xFFFF:04x}"


def resolve_vr(vr: str) -> str:
    """One concrete VR for a dictionary VR that may be ambiguous (``US or SS`` gives ``US``)."""
    return _RESOLVED_VR.get(vr, vr)


def is_private_creator(tag: BaseTag) -> bool:
    """True for (gggg,0010)-(gggg,00ff) in an odd group: a private block reservation."""
    return tag.is_private and 0x0010 <= tag.element <= 0x00FF


def _parse_hex(text: str) -> BaseTag | None:
    match = _FULL_HEX.fullmatch(text) or _SHORT_HEX.fullmatch(text)
    if match is None:
        return None
    return Tag(int(match.group(1), 16), int(match.group(2), 16))


def _build_keyword_index() -> dict[str, int]:
    """Every pydicom keyword, plus ``RETIRED_<keyword>`` for retired tags."""
    index: dict[str, int] = {}
    for mask, entry in RepeatersDictionary.items():
        tag = int(mask.replace("x", "0"), 16)
        index[entry[4]] = tag
        if entry[3] == "Retired":
            index[_RETIRED_PREFIX + entry[4]] = tag
    for tag, entry in DicomDictionary.items():
        keyword = entry[4]
        if not keyword:
            continue
        index[keyword] = tag
        if entry[3] == "Retired":
            index[_RETIRED_PREFIX + keyword] = tag
    return index


_KEYWORDS = _build_keyword_index()


@dataclass(frozen=True)
class DictionaryEntry:
    """One entry of the ``Dictionary`` configuration."""

    tag: BaseTag
    vr: str
    name: str
    private_creator: str = ""


def _entry_from_config(key: object, value: object) -> DictionaryEntry:
    """Check one ``Dictionary`` entry; ``ValueError`` naming the key if it is malformed."""
    tag = _parse_hex(key) if isinstance(key, str) else None
    if tag is None:
        raise ValueError(f"Dictionary: {key!r} is not a tag in the form gggg,eeee")
    if not (isinstance(value, list) and 2 <= len(value) <= 5):
        raise ValueError(f"Dictionary: entry {key!r} must be [VR, Name, minMult, maxMult, "
                         "PrivateCreator] with at least VR and Name")
    vr, name, *rest = value
    if not isinstance(vr, str) or vr not in KNOWN_VRS:
        raise ValueError(f"Dictionary: entry {key!r} has an unknown VR {vr!r}")
    if not isinstance(name, str) or not name:
        raise ValueError(f"Dictionary: entry {key!r} has no name")
    for multiplicity in rest[:2]:
        if not isinstance(multiplicity, int) or isinstance(multiplicity, bool) or multiplicity < 0:
            raise ValueError(f"Dictionary: entry {key!r} has a bad multiplicity {multiplicity!r}")
    creator = rest[2] if len(rest) == 3 else ""
    if not isinstance(creator, str):
        raise ValueError(f"Dictionary: entry {key!r} has a private creator that is not a string")
    return DictionaryEntry(tag, vr, name, creator)


class TagDictionary:
    """Tag names -> tags and VRs: pydicom's dictionary plus the ``Dictionary`` configuration.

    Immutable once built; share one instance between requests.

    Parameters
    ----------
    entries : tuple of DictionaryEntry, optional
        Tags added to pydicom's dictionary (:meth:`from_config` builds them from Orthanc's
        ``Dictionary`` option). Without entries, the dictionary is pydicom's.
    """

    def __init__(self, entries: tuple[DictionaryEntry, ...] = (),
                 load_private_dictionary: bool = True) -> None:
        self.load_private_dictionary = load_private_dictionary
        self._names: dict[str, BaseTag] = {}
        self._keywords: dict[int, str] = {}
        self._public: dict[int, DictionaryEntry] = {}
        # Private entries by (tag, creator), and by (group, low 8 bits of the
        # element, creator) for the lookup of data elements of any block.
        self._private: dict[tuple[int, str], DictionaryEntry] = {}
        self._private_masked: dict[tuple[int, int, str], DictionaryEntry] = {}
        for entry in entries:
            self._names[entry.name] = entry.tag
            self._keywords.setdefault(int(entry.tag), entry.name)
            if entry.tag.is_private:
                self._private[int(entry.tag), entry.private_creator] = entry
                masked = (entry.tag.group, entry.tag.element & 0xFF, entry.private_creator)
                self._private_masked[masked] = entry
            else:
                self._public[int(entry.tag)] = entry

    @classmethod
    def from_config(cls, entries: object, load_private_dictionary: bool = True
                    ) -> TagDictionary:
        """Build from Orthanc's ``Dictionary`` configuration option.

        Parameters
        ----------
        entries : dict
            ``{"gggg,eeee": [VR, Name, minMult, maxMult, PrivateCreator]}``, the last three
            optional (the decoded JSON).
        load_private_dictionary : bool, optional
            Orthanc's ``LoadPrivateDictionary``: whether the private dictionaries (DCMTK's
            for names, pydicom's for VRs) know private tags besides these entries.

        Returns
        -------
        TagDictionary
            pydicom's dictionary plus these entries.

        Raises
        ------
        ValueError
            Naming the first malformed entry (or saying that ``entries`` is not an object).
        """
        if not isinstance(entries, dict):
            raise ValueError("Dictionary: must be a JSON object")
        return cls(tuple(_entry_from_config(k, v) for k, v in entries.items()),
                   load_private_dictionary)

    @property
    def has_entries(self) -> bool:
        """Whether the ``Dictionary`` configuration declared any tag."""
        return bool(self._public or self._private)

    def configured_entry(self, tag: int, private_creator: str | None = None
                         ) -> tuple[str, str] | None:
        """(VR, name) that the ``Dictionary`` configuration gives ``tag``, None if none.

        A private data element matches an entry of the creator of its block (``None``
        and ``""`` for none), by its exact element first, then by the low 8 bits of its
        element, as DCMTK looks up private tags.
        """
        if not tag >> 16 & 1:
            entry = self._public.get(int(tag))
        else:
            creator = private_creator or ""
            entry = self._private.get((int(tag), creator))
            if entry is None and tag & 0xFFFF >= 0x1000:
                entry = self._private_masked.get((tag >> 16, tag & 0xFF, creator))
        return None if entry is None else (entry.vr, entry.name)

    def parse_tag(self, text: str) -> BaseTag:
        """The tag written as ``text`` in any form of spec 2.4 (module docstring).

        Parameters
        ----------
        text : str
            ``gggg,eeee`` and its other hex forms, a pydicom keyword (``PatientName``), or a
            name of the ``Dictionary`` configuration.

        Returns
        -------
        pydicom.tag.BaseTag
            The tag.

        Raises
        ------
        lethe.errors.LetheError
            ``UNKNOWN_DICOM_TAG`` naming ``text`` when it is neither hex nor a known name
            (HTTP 400; Orthanc answers 500).
        """
        if len(text) > 2 and text[0] == "(" and text[-1] == ")":
            match = _FULL_HEX.fullmatch(text[1:-1])
            if match is None:
                raise LetheError(ErrorCode.UNKNOWN_DICOM_TAG, f"Cannot parse tag: {text}")
            return Tag(int(match.group(1), 16), int(match.group(2), 16))
        tag = _parse_hex(text)
        if tag is not None:
            return tag
        tag = self._names.get(text)
        if tag is not None:
            return tag
        number = _KEYWORDS.get(text)
        if number is not None:
            return Tag(number)
        raise LetheError(ErrorCode.UNKNOWN_DICOM_TAG, f'Unknown DICOM tag: "{text}"')

    def dictionary_vr(self, tag: int, private_creator: str = "") -> str:
        """The VR as the dictionary states it, possibly ambiguous (``US or SS``); ``UN`` if unknown.

        Private creator elements are ``LO``. Other private elements are looked
        up with ``private_creator`` in the ``Dictionary`` entries, then in
        pydicom's private dictionaries (e.g. ``GEMS_IDEN_01`` (0009,1001) is
        ``LO``); without a creator (unless a ``Dictionary`` entry has none
        either), or with one that does not know the tag, they are ``UN``.
        """
        tag = Tag(tag)
        if tag.is_private:
            return self._private_vr(tag, private_creator)
        entry = self._public.get(int(tag))
        if entry is not None:
            return entry.vr
        try:
            return dictionary_VR(tag)
        except KeyError:
            return "UN"

    def vr_of(self, tag: int, private_creator: str = "") -> str:
        """The VR to use for ``tag``: :meth:`dictionary_vr` with ambiguity resolved.

        Parameters
        ----------
        tag : int
            The tag.
        private_creator : str, optional
            The creator of the private block that holds ``tag``, for a private tag.

        Returns
        -------
        str
            One VR (``US or SS`` gives ``US``, ``OB or OW`` gives ``OB``); ``UN`` for a tag
            that no dictionary knows.
        """
        return resolve_vr(self.dictionary_vr(tag, private_creator))

    def keyword_of(self, tag: int) -> str:
        """The name of ``tag`` (configuration first, then pydicom); ``""`` if it has none."""
        tag = Tag(tag)
        name = self._keywords.get(int(tag))
        if name is not None:
            return name
        if tag.is_private:
            return ""
        try:
            return dictionary_keyword(tag)
        except KeyError:
            return ""

    def _private_vr(self, tag: BaseTag, private_creator: str) -> str:
        if is_private_creator(tag):
            return "LO"
        entry = self._private.get((int(tag), private_creator))
        is_data_element = tag.element >= 0x1000
        if entry is None and is_data_element:
            entry = self._private_masked.get((tag.group, tag.element & 0xFF, private_creator))
        if entry is not None:
            return entry.vr
        if private_creator and is_data_element and self.load_private_dictionary:
            try:
                return private_dictionary_VR(tag, private_creator)
            except KeyError:
                pass
        return "UN"


DEFAULT_TAGS = TagDictionary()
