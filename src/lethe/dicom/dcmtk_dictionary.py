"""DCMTK 3.6.7's data dictionary, as loaded by Orthanc 1.10.1 (Debian's libdcmtk17).

Orthanc names tags and decides the VR of implicit-VR elements with this dictionary, which
differs from pydicom's: retired keywords carry a ``RETIRED_`` prefix, private tags have DCMTK's
own keywords, and tags added to the standard after 2022 are unknown.

The tables are package data, ``_dcmtk/*.tsv``, generated from DCMTK's ``dicom.dic`` and
``private.dic`` by ``tools/generate_dcmtk_dictionary.py`` (``_dcmtk/README.md`` says how, and
carries DCMTK's licence). Each is read once per process, on first use.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

# (group_min, group_max, parity), (element_min, element_max, parity), VR, name. Parity is "e"
# (even), "o" (odd) or "u" (any).
StandardRange = tuple[tuple[int, int, str], tuple[int, int, str], str, str]
# (group_min, group_max, parity), private creator, element, VR, name.
PrivateRange = tuple[tuple[int, int, str], str, int, str, str]


def _rows(name: str) -> list[list[str]]:
    """The rows of ``_dcmtk/<name>`` (tab-separated, after the line of column names)."""
    text = (files("lethe.dicom") / "_dcmtk" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines()[1:]]


@cache
def tables() -> tuple[dict[int, tuple[str, str]], dict[tuple[str, int], tuple[str, str]]]:
    """(standard, private): tag -> (VR, name), and (private creator, tag) -> (VR, name).

    A private tag's element is either its low byte (0x00ee: any block) or a full element
    number (>= 0x1000: that element only).
    """
    standard = {int(tag, 16): (vr, name) for tag, vr, name in _rows("standard.tsv")}
    private = {(creator, int(tag, 16)): (vr, name)
               for creator, tag, vr, name in _rows("private.tsv")}
    return standard, private


@cache
def ranges() -> tuple[tuple[StandardRange, ...], tuple[PrivateRange, ...]]:
    """(standard, private) repeating tags; the standard ones most specific first.

    A tag takes the VR and name of the first range that contains it.
    """
    standard = tuple(
        ((int(g_min, 16), int(g_max, 16), g_par), (int(e_min, 16), int(e_max, 16), e_par),
         vr, name)
        for g_min, g_max, g_par, e_min, e_max, e_par, vr, name
        in _rows("standard_ranges.tsv"))
    private = tuple(
        ((int(g_min, 16), int(g_max, 16), g_par), creator, int(element, 16), vr, name)
        for g_min, g_max, g_par, creator, element, vr, name in _rows("private_ranges.tsv"))
    return standard, private


STANDARD_RANGES, PRIVATE_RANGES = ranges()
