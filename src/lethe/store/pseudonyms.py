"""The pseudonym register: what a keyed anonymization replaced, for authorised
re-identification (``PseudonymRegister`` in the configuration).

A request that names a pseudonymization key (:mod:`lethe.dicom.pseudonyms`) gives every
original PatientID, StudyInstanceUID, SeriesInstanceUID and SOPInstanceUID a pseudonym that
is a function of the key's secret: the same in every run, so the register of a key is a set
of facts that never contradict each other. Each row of ``pseudonyms`` is one of them, under
the name of its key: the kind of value, the pseudonym, the original, and the pseudonymous
PatientID of the patient the value belongs to. A ``PatientID`` row also holds the patient's
pseudonymous and original PatientName and date shift (in days, negative: dates move back;
NULL when no date was shifted).

Rows are merged (:func:`merge_entries`): a row already there is left as it is, a field it
lacks is filled in; a row that contradicts one already there (the same pseudonym with
another original, the same original with another pseudonym) is a conflict, and so is, in
an import, a field with another value. Recording keeps the first value of a field (the
original PatientName of a patient spelled two ways) and skips conflicts (they arise when a
key name got another secret); an import refuses them (:class:`RegisterConflict`, naming
the pseudonym sent, never an original).

The originals are stored as they are: no encryption library is a dependency of Lethe, so
the register is as confidential as the index itself (its credentials guard the HTTP routes,
not the database).

Everything here is portable SQL run inside the caller's transaction, as
:mod:`lethe.store.jobs_sql`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from lethe.dicom.uids import UidMapper
from lethe.store.model import Level

PSEUDONYMS_SCHEMA = """
CREATE TABLE IF NOT EXISTS pseudonyms (
    seq {autoincrement},
    key_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    pseudonym TEXT NOT NULL,
    original TEXT NOT NULL,
    patient TEXT NOT NULL,
    patient_name TEXT,
    original_patient_name TEXT,
    shift_days INTEGER,
    recorded TEXT NOT NULL,
    UNIQUE (key_name, kind, pseudonym),
    UNIQUE (key_name, kind, original)
);
CREATE INDEX IF NOT EXISTS pseudonyms_patient_name ON pseudonyms(key_name, patient_name);
CREATE INDEX IF NOT EXISTS pseudonyms_key_seq ON pseudonyms(key_name, seq)
"""
"""Migration: the table of the pseudonym register."""

PATIENT_ID = "PatientID"
UID_KINDS = {Level.STUDY: "StudyInstanceUID", Level.SERIES: "SeriesInstanceUID",
             Level.INSTANCE: "SOPInstanceUID"}
KINDS = (PATIENT_ID, *UID_KINDS.values())
"""The kinds of values the register maps, the keyword of the tag that holds each."""

FORMAT = "lethe-pseudonym-register/1"
"""The ``Format`` of an exported register (:func:`export_chunks`)."""

_COLUMNS = ("kind, pseudonym, original, patient, patient_name, original_patient_name, "
            "shift_days")


class RegisterConflict(Exception):  # noqa: N818 - a refusal, reported as 409
    """An imported entry contradicts the register. The message names the entry (its place
    in the document) and its pseudonym, never an original value."""


@dataclass(frozen=True)
class RegisterEntry:
    """One fact of a key: ``original`` (a value of tag ``kind``) became ``pseudonym``.

    ``patient`` is the pseudonymous PatientID of the patient the value belongs to (the
    pseudonym itself for a ``PatientID`` entry). Only a ``PatientID`` entry has
    ``patient_name`` (the pseudonymous PatientName), ``original_patient_name`` and
    ``date_shift_days``; None where unknown.
    """

    kind: str
    pseudonym: str
    original: str
    patient: str
    patient_name: str | None = None
    original_patient_name: str | None = None
    date_shift_days: int | None = None

    def as_json(self) -> dict[str, Any]:
        """The entry as an exported register holds it (fields that are None left out)."""
        body: dict[str, Any] = {"Kind": self.kind, "Pseudonym": self.pseudonym,
                                "Original": self.original, "Patient": self.patient}
        for name, value in (("PatientName", self.patient_name),
                            ("OriginalPatientName", self.original_patient_name),
                            ("DateShiftDays", self.date_shift_days)):
            if value is not None:
                body[name] = value
        return body

    @classmethod
    def from_json(cls, item: object, where: str) -> RegisterEntry:
        """The entry of one item of an exported register (``where`` names it in errors).

        Raises
        ------
        ValueError
            For an item that is no such entry; the message names the field, and shows no
            value but the kind.
        """
        if not isinstance(item, dict):
            raise ValueError(f"{where} must be a JSON object")
        kind = item.get("Kind")
        if kind not in KINDS:
            raise ValueError(f'{where}: "Kind" must be one of {", ".join(KINDS)}, got {kind!r}')
        values: dict[str, Any] = {}
        for name in ("Pseudonym", "Original", "Patient"):
            value = item.get(name)
            if not isinstance(value, str) or (name != "Original" and not value):
                raise ValueError(f'{where}: "{name}" must be a string'
                                 + ("" if name == "Original" else " (not empty)"))
            values[name] = value
        extra = {"PatientName": str, "OriginalPatientName": str, "DateShiftDays": int}
        for name, kind_of in extra.items():
            value = item.get(name)
            if value is None:
                continue
            if kind != PATIENT_ID:
                raise ValueError(f'{where}: "{name}" belongs to PatientID entries only')
            if not isinstance(value, kind_of) or isinstance(value, bool):
                raise ValueError(f'{where}: "{name}" must be of type {kind_of.__name__}')
            values[name] = value
        unknown = set(item) - {"Kind", "Pseudonym", "Original", "Patient", *extra}
        if unknown:
            raise ValueError(f'{where}: unknown field "{sorted(unknown)[0]}"')
        if kind == PATIENT_ID and values["Patient"] != values["Pseudonym"]:
            raise ValueError(f'{where}: the "Patient" of a PatientID entry is its "Pseudonym"')
        return cls(kind, values["Pseudonym"], values["Original"], values["Patient"],
                   values.get("PatientName"), values.get("OriginalPatientName"),
                   values.get("DateShiftDays"))


@dataclass
class MergeCounts:
    """What a merge did: entries ``added``, entries already there (``known``), entries
    that ``completed`` a row (filled a field it lacked), and entries skipped as
    ``conflicts`` (recording only)."""

    added: int = 0
    known: int = 0
    completed: int = 0
    conflicts: int = 0

    def as_json(self) -> dict[str, int]:
        return {"Added": self.added, "AlreadyKnown": self.known,
                "Completed": self.completed}


# --- what a keyed anonymization recorded ----------------------------------------------------
def entries_of(uids: UidMapper, shift_dates: bool, original: Mapping[Level, Mapping[str, str]],
               written: Mapping[Level, Mapping[str, str]]) -> list[RegisterEntry]:
    """The register entries of one instance anonymized with the keyed mapper ``uids``.

    ``original`` and ``written`` are the main tags per level of the source instance and of
    its output (as the index holds them). A value is recorded only where the output holds
    the key's pseudonym of the original: a value kept (``Keep``, ``RetainUIDs``) or set by
    the request (``Replace``) is no pseudonym of the key. The patient's PatientName and date
    shift (when ``shift_dates``: the request shifted its dates) go with its PatientID
    entry; the name only when the output holds the key's pseudonymous name.
    """
    original_id = original[Level.PATIENT].get(PATIENT_ID)
    if original_id is None:
        return []
    patient = uids.map_patient_id(original_id)
    if written[Level.PATIENT].get(PATIENT_ID) != patient:
        return []  # the patient has no pseudonym of the key: nothing links the others
    name = uids.map_patient_name(original_id)
    named = written[Level.PATIENT].get("PatientName") == name
    entries = [RegisterEntry(
        PATIENT_ID, patient, original_id, patient,
        name if named else None,
        original[Level.PATIENT].get("PatientName", "") if named else None,
        uids.date_shift_days(original_id) if shift_dates else None)]
    for level, kind in UID_KINDS.items():
        value = original[level].get(kind)
        if value is not None and written[level].get(kind) == uids.map_uid(level, value):
            entries.append(RegisterEntry(kind, written[level][kind], value, patient))
    return entries


# --- SQL, in the caller's transaction ---------------------------------------------------------
def merge_entries(cur: Any, key_name: str, entries: Iterable[RegisterEntry], stamp: str,
                  strict: bool) -> MergeCounts:
    """Merge ``entries`` into the register of ``key_name`` (see the module).

    Raises
    ------
    RegisterConflict
        With ``strict``, for the first entry that contradicts the register (the caller rolls
        the transaction back); without it, such entries are skipped and counted.
    """
    counts = MergeCounts()
    for number, entry in enumerate(entries):
        try:
            outcome = _merge_one(cur, key_name, entry, stamp, strict)
        except RegisterConflict as exc:
            if strict:
                raise RegisterConflict(f"Entries[{number}]: {exc}") from None
            counts.conflicts += 1
            continue
        setattr(counts, outcome, getattr(counts, outcome) + 1)
    return counts


def _merge_one(cur: Any, key_name: str, entry: RegisterEntry, stamp: str,
               strict: bool) -> str:
    """Merge one entry: ``added``, ``known`` or ``completed``; RegisterConflict (see the
    module)."""
    row = _row(cur, key_name, entry.kind, "pseudonym", entry.pseudonym)
    if row is None:
        cur.execute(
            f"INSERT INTO pseudonyms (key_name, {_COLUMNS}, recorded) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (key_name, entry.kind, entry.pseudonym, entry.original, entry.patient,
             entry.patient_name, entry.original_patient_name, entry.date_shift_days, stamp))
        if cur.rowcount == 1:
            return "added"
        row = _row(cur, key_name, entry.kind, "pseudonym", entry.pseudonym)
        if row is None:  # the original has another pseudonym
            raise RegisterConflict(f'its original {entry.kind} is registered with another '
                                   f'pseudonym than "{entry.pseudonym}"')
    known = _entry(row)
    if (known.original, known.patient) != (entry.original, entry.patient):
        raise RegisterConflict(f'the {entry.kind} pseudonym "{entry.pseudonym}" is registered '
                               "with another original or patient")
    fills = {}
    for column, mine, theirs in (
            ("patient_name", entry.patient_name, known.patient_name),
            ("original_patient_name", entry.original_patient_name,
             known.original_patient_name),
            ("shift_days", entry.date_shift_days, known.date_shift_days)):
        if mine is None or mine == theirs or (theirs is not None and not strict):
            continue
        if theirs is not None:
            raise RegisterConflict(f'the {entry.kind} pseudonym "{entry.pseudonym}" is '
                                   f"registered with another {column.replace('_', ' ')}")
        fills[column] = mine
    if not fills:
        return "known"
    assignments = ", ".join(f"{column} = ?" for column in fills)
    cur.execute(f"UPDATE pseudonyms SET {assignments} "  # noqa: S608 - our column names
                "WHERE key_name = ? AND kind = ? AND pseudonym = ?",
                (*fills.values(), key_name, entry.kind, entry.pseudonym))
    return "completed"


def _row(cur: Any, key_name: str, kind: str, column: str, value: str) -> tuple | None:
    cur.execute(f"SELECT {_COLUMNS} FROM pseudonyms "  # noqa: S608 - our column names
                f"WHERE key_name = ? AND kind = ? AND {column} = ?", (key_name, kind, value))
    return cur.fetchone()


def _entry(row: tuple) -> RegisterEntry:
    kind, pseudonym, original, patient, name, original_name, shift = row
    return RegisterEntry(kind, pseudonym, original, patient, name, original_name,
                         None if shift is None else int(shift))


def find_entries(cur: Any, key_name: str, *, pseudonym: str | None = None,
                 original: str | None = None) -> list[RegisterEntry]:
    """The entries of ``key_name`` whose pseudonym is ``pseudonym`` (a PatientName
    pseudonym finds its patient's entry), or whose original is ``original`` (any kind), in
    the order of :data:`KINDS`."""
    kinds = ", ".join("?" * len(KINDS))  # kind IN (...): the unique indexes serve the look-up
    column, value = ("pseudonym", pseudonym) if pseudonym is not None else ("original", original)
    cur.execute(f"SELECT {_COLUMNS} FROM pseudonyms WHERE key_name = ? "  # noqa: S608
                f"AND kind IN ({kinds}) AND {column} = ?", (key_name, *KINDS, value))
    rows = cur.fetchall()
    if pseudonym is not None:
        cur.execute(f"SELECT {_COLUMNS} FROM pseudonyms WHERE key_name = ? "  # noqa: S608
                    "AND patient_name = ?", (key_name, pseudonym))
        rows += [row for row in cur.fetchall() if row not in rows]
    found = [_entry(row) for row in rows]
    return sorted(found, key=lambda e: (KINDS.index(e.kind), e.pseudonym))


def entries_after(cur: Any, key_name: str, after: int, limit: int
                  ) -> list[tuple[int, RegisterEntry]]:
    """A page of the register of ``key_name``: up to ``limit`` entries recorded after
    position ``after`` (0: from the first), each with its position, in recording order."""
    cur.execute(f"SELECT seq, {_COLUMNS} FROM pseudonyms "  # noqa: S608 - our column names
                "WHERE key_name = ? AND seq > ? ORDER BY seq LIMIT ?", (key_name, after, limit))
    return [(int(row[0]), _entry(row[1:])) for row in cur.fetchall()]



# --- the exported register ------------------------------------------------------------------
def export_chunks(key_name: str, entries: Iterable[RegisterEntry]) -> Iterator[str]:
    """The exported register of ``key_name`` as JSON text, a few entries per chunk:
    ``{"Format": FORMAT, "Key": key_name, "Entries": [...]}``, one entry per line."""
    yield json.dumps({"Format": FORMAT, "Key": key_name})[:-1] + ', "Entries": ['
    separator = "\n"
    for entry in entries:
        yield separator + json.dumps(entry.as_json(), ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"


def parse_document(document: object, key_name: str) -> list[RegisterEntry]:
    """The entries of an exported register (:func:`export_chunks`) of key ``key_name``.

    Raises
    ------
    ValueError
        For a document that is no register of that key; the message names the field.
    """
    if not isinstance(document, dict):
        raise ValueError("a pseudonym register must be a JSON object")
    if document.get("Format") != FORMAT:
        raise ValueError(f'"Format" must be "{FORMAT}", got {document.get("Format")!r}')
    if document.get("Key") != key_name:
        raise ValueError(f'"Key" is {document.get("Key")!r}: this is no register of the key '
                         f"{key_name!r}")
    entries = document.get("Entries")
    if not isinstance(entries, list):
        raise ValueError('"Entries" must be a list')
    return [RegisterEntry.from_json(item, f"Entries[{number}]")
            for number, item in enumerate(entries)]
