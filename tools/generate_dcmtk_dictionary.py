"""Rebuild ``src/lethe/dicom/_dcmtk/*.tsv`` from DCMTK's data dictionary files.

Orthanc 1.10.1 names tags, and decides the VR of implicit-VR elements, with the data dictionary
of DCMTK 3.6.7: the files ``dicom.dic`` and ``private.dic`` that Debian's ``libdcmtk17``
package installs in ``/usr/share/libdcmtk17`` (``apt-get install -y libdcmtk17``). This script
reads them as DCMTK's ``DcmDataDictionary::loadDictionary`` does and writes four tables:

- ``standard.tsv``: ``tag``, ``VR``, ``name`` for each public tag (sorted by tag);
- ``private.tsv``: ``creator``, ``tag``, ``VR``, ``name`` for each private tag of one group,
  sorted by creator and tag. The element of ``tag`` is the low byte (``gggg00ee``: any block of
  the creator) or, from ``0x1000``, a full element number (that element only), as in the file;
- ``standard_ranges.tsv``: repeating public tags, ``group_min``, ``group_max``, ``group_parity``,
  ``element_min``, ``element_max``, ``element_parity``, ``VR``, ``name``; parity is ``e``
  (even), ``o`` (odd) or ``u`` (any). Most specific first (fewest tags covered), so that the
  first range that contains a tag is the one DCMTK chooses;
- ``private_ranges.tsv``: repeating private tags, ``group_min``, ``group_max``,
  ``group_parity``, ``creator``, ``element``, ``VR``, ``name``, in the order of the file.

Numbers are lowercase hexadecimal; each file starts with its column names. As DCMTK does,
white space inside names and VRs is removed, and a later entry for the same tag replaces an
earlier one (``dicom.dic`` is read first).

Usage::

    python tools/generate_dcmtk_dictionary.py            # (re)write the tables
    python tools/generate_dcmtk_dictionary.py --check    # exit 1 if they are not up to date
    python tools/generate_dcmtk_dictionary.py --source DIR --output DIR
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SOURCE = Path("/usr/share/libdcmtk17")
DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "src" / "lethe" / "dicom" / "_dcmtk"
DICTIONARY_FILES = ("dicom.dic", "private.dic")

# "gggg", "gggg-gggg" (even numbers), "gggg-o-gggg", "gggg-e-gggg" or "gggg-u-gggg".
_PART = re.compile(r"^([0-9a-fA-F]+)(?:-(?:([oeuOEU])-)?([0-9a-fA-F]+))?$")
# (group,element) or (group,"creator",element).
_TAG = re.compile(r'^\(([^,"]+),(?:"([^"]*)",)?([^,"]+)\)$')


@dataclass(frozen=True)
class Entry:
    """One line of a dictionary file: a tag or a range of tags, its VR and its name."""

    group: tuple[int, int, str]
    element: tuple[int, int, str]
    creator: str | None
    vr: str
    name: str

    @property
    def is_range(self) -> bool:
        """True when the entry covers more than one group or element number."""
        return self.group[0] != self.group[1] or self.element[0] != self.element[1]


def _parse_part(text: str, where: str) -> tuple[int, int, str]:
    """(low, high, parity) of a group or element field, as DCMTK's ``parseTagPart``."""
    match = _PART.match(text.strip())
    if match is None:
        raise ValueError(f"{where}: cannot read {text!r}")
    low, restriction, high = match.groups()
    if high is None:
        return int(low, 16), int(low, 16), "u"
    return int(low, 16), int(high, 16), (restriction or "e").lower()


def read_dictionary(path: Path) -> list[Entry]:
    """The entries of one DCMTK dictionary file, in the order of the file.

    Raises
    ------
    ValueError
        If a line that is neither blank nor a comment cannot be read (its path and line
        number are named).
    """
    entries = []
    for number, line in enumerate(path.read_text(encoding="ascii").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}:{number}"
        fields = line.rstrip().split("\t")
        if not 3 <= len(fields) <= 5:
            raise ValueError(f"{where}: expected 3 to 5 tab-separated fields")
        tag = _TAG.match(fields[0].strip())
        if tag is None:
            raise ValueError(f"{where}: cannot read the tag {fields[0]!r}")
        group, creator, element = tag.groups()
        entries.append(Entry(
            group=_parse_part(group, where), element=_parse_part(element, where),
            creator=creator, vr="".join(fields[1].split()), name="".join(fields[2].split())))
    return entries


def _hex4(value: int) -> str:
    return f"{value:04x}"


def build_tables(entries: list[Entry]) -> dict[str, list[tuple[str, ...]]]:
    """The rows of each output file (file name -> rows, column names first)."""
    standard: dict[int, tuple[str, str]] = {}
    private: dict[tuple[str, int], tuple[str, str]] = {}
    ranges: dict[tuple[object, ...], Entry] = {}
    for entry in entries:
        if entry.is_range:
            # The same range again replaces the earlier entry in place, as in DCMTK.
            ranges[(entry.group, entry.element, entry.creator)] = entry
        elif entry.creator is None:
            standard[(entry.group[0] << 16) | entry.element[0]] = (entry.vr, entry.name)
        else:
            private[(entry.creator, (entry.group[0] << 16) | entry.element[0])] = (
                entry.vr, entry.name)

    def size(entry: Entry) -> int:
        return ((entry.group[1] - entry.group[0] + 1)
                * (entry.element[1] - entry.element[0] + 1))

    standard_ranges = sorted((e for e in ranges.values() if e.creator is None),
                             key=lambda e: (size(e), e.group[0], e.element[0]))
    private_ranges = [e for e in ranges.values() if e.creator is not None]
    for entry in private_ranges:
        if entry.element[0] != entry.element[1]:
            raise ValueError(f"private range with a range of elements: {entry}")
    return {
        "standard.tsv": [("tag", "VR", "name")] + [
            (f"{tag:08x}", vr, name) for tag, (vr, name) in sorted(standard.items())],
        "private.tsv": [("creator", "tag", "VR", "name")] + [
            (creator, f"{tag:08x}", vr, name)
            for (creator, tag), (vr, name) in sorted(private.items())],
        "standard_ranges.tsv": [
            ("group_min", "group_max", "group_parity",
             "element_min", "element_max", "element_parity", "VR", "name")] + [
            (_hex4(e.group[0]), _hex4(e.group[1]), e.group[2],
             _hex4(e.element[0]), _hex4(e.element[1]), e.element[2], e.vr, e.name)
            for e in standard_ranges],
        "private_ranges.tsv": [
            ("group_min", "group_max", "group_parity", "creator", "element", "VR", "name")] + [
            (_hex4(e.group[0]), _hex4(e.group[1]), e.group[2], e.creator or "",
             _hex4(e.element[0]), e.vr, e.name)
            for e in private_ranges],
    }


def render(rows: list[tuple[str, ...]]) -> str:
    """Tab-separated lines, each ending with a newline."""
    return "".join("\t".join(row) + "\n" for row in rows)


def main(argv: list[str] | None = None) -> int:
    """Write (or, with ``--check``, compare) the tables; 0 on success, 1 if out of date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE,
                        help=f"folder holding {' and '.join(DICTIONARY_FILES)} "
                             f"(default: {DEFAULT_SOURCE})")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT,
                        help="folder of the tables (default: %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help="compare the tables with the dictionary files, write nothing")
    args = parser.parse_args(argv)

    missing = [name for name in DICTIONARY_FILES if not (args.source / name).is_file()]
    if missing:
        print(f"{', '.join(missing)} not found in {args.source} "
              "(apt-get install -y libdcmtk17)", file=sys.stderr)
        return 1
    entries = [entry for name in DICTIONARY_FILES
               for entry in read_dictionary(args.source / name)]
    outdated = []
    for name, rows in build_tables(entries).items():
        path = args.output / name
        text = render(rows)
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                outdated.append(name)
        else:
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {path} ({len(rows) - 1} entries)")
    if outdated:
        print(f"out of date in {args.output}: {', '.join(outdated)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
