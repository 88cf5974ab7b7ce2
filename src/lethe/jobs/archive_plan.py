"""What goes into a ZIP archive or a DICOM media, and under which names: Orthanc's layout.

:func:`plan_archive` reads the index only (never a file) and returns the members in the order
they are written. The layout is Orthanc's (its ``ArchiveJob``):

* The resources asked for are gathered into a patient > study > series > instance tree; a
  resource asked for whole is expanded to everything below it, a resource asked for under
  one asked for whole adds nothing. Patients, studies and series are visited in the order of
  their Orthanc IDs; the instances of a series expanded whole in the order they were
  received, those asked for one by one in the order they were asked for.
* ZIP archive: a folder per patient (``PatientID PatientName``), study (``AccessionNumber
  StudyDescription``) and series (``Modality SeriesDescription``), then the instances of the
  series numbered from 0 after the first two letters of the modality: ``CT000000.dcm``,
  ``M0000000.dcm`` (one letter), ``00000000.dcm`` (no modality). Names keep ASCII letters,
  digits, ``.`` and ``_``; a run of other characters becomes one space (``^`` too); an empty
  name is ``Unknown Patient`` (``Study``, ``Series``); a name already used in the same
  folder gets ``-2``, ``-3``... For a study or series archived alone, the patient folder is
  named from the patient tags the study recorded (Orthanc >= 1.12.2), which differ from the
  patient's only after a PatientID collision.
* Media: every instance in ``IMAGES/``, named ``IM0``, ``IM1``..., then ``DICOMDIR``.

Instances without a DICOM file are left out, as in Orthanc. Orthanc >= 1.12 names a folder
whose name is only ``^`` characters ``Unknown ...``; Lethe does so for every name left empty
once cleaned (Orthanc 1.10.1 would make a folder without name, and an absolute member path).
"""

from __future__ import annotations

from dataclasses import dataclass

from lethe.store.model import Level
from lethe.store.store import Store

MEDIA_FOLDER = "IMAGES"


@dataclass(frozen=True)
class Member:
    """One DICOM file of an archive: its name in the ZIP, its instance, its size."""

    name: str
    instance_id: str
    size: int

    @property
    def file_id(self) -> tuple[str, ...]:
        """The member's path as DICOMDIR File ID components."""
        return tuple(self.name.split("/"))


@dataclass(frozen=True)
class ArchivePlan:
    """The members of an archive, in the order they are written; ``media`` adds a DICOMDIR
    (``extended``: with SeriesDescription)."""

    members: tuple[Member, ...]
    media: bool = False
    extended: bool = False

    @property
    def instances_count(self) -> int:
        return len(self.members)

    @property
    def uncompressed_size(self) -> int:
        """The size of the DICOM files (before any transcoding), in bytes."""
        return sum(member.size for member in self.members)


class _Node:
    """A patient, study or series of the tree: its children by Orthanc ID (None: to expand
    whole), or, below a series, its instances."""

    def __init__(self, level: Level) -> None:
        self.level = level
        self.children: dict[str, _Node | None] = {}
        self.instances: list[tuple[str, int]] = []

    def add(self, store: Store, chain: list[str], level: Level) -> None:
        """Add the resource whose ancestors and itself are ``chain`` (patient first), of
        ``level``."""
        rid = chain[self.level]
        if self.level is Level.INSTANCE:
            self._add_instance(store, rid)
        elif level is self.level:
            self.children[rid] = None
        elif rid not in self.children:
            new = _Node(self.level.child)
            new.add(store, chain, level)
            self.children[rid] = new
        elif (child := self.children[rid]) is not None:
            child.add(store, chain, level)

    def _add_instance(self, store: Store, instance_id: str) -> None:
        attachment = store.attachment(instance_id)
        if attachment is not None:
            self.instances.append((instance_id, attachment.size))

    def expand(self, store: Store) -> None:
        """Replace every child to expand by everything below it."""
        if self.level is Level.INSTANCE:
            return
        for rid, found in self.children.items():
            child = found or _Node(self.level.child)
            if found is None:
                if child.level is Level.INSTANCE:
                    for instance_id in store.instances_of(rid):
                        child._add_instance(store, instance_id)
                else:
                    child.children = dict.fromkeys(store.children(rid))
                self.children[rid] = child
            child.expand(store)


class _Folders:
    """Orthanc's hierarchical ZIP writer: unique names per folder, the current path."""

    def __init__(self) -> None:
        self._stack: list[tuple[str, dict[str, int]]] = [("", {})]

    def _unique(self, name: str) -> str:
        name = keep_alphanumeric(name)
        used = self._stack[-1][1]
        if name not in used:
            used[name] = 1
            return name
        used[name] += 1
        return f"{name}-{used[name]}"

    def open(self, name: str) -> None:
        self._stack.append((self._unique(name), {}))

    def close(self) -> None:
        self._stack.pop()

    def file(self, name: str) -> str:
        return "".join(f"{folder}/" for folder, _ in self._stack[1:]) + self._unique(name)


def keep_alphanumeric(name: str) -> str:
    """Orthanc's cleaning of a ZIP folder or file name: ASCII letters, digits, ``.`` and
    ``_`` are kept, ``^`` and white space become one space, anything else is dropped, and
    the result is stripped."""
    kept = []
    last_space = False
    for char in name.replace("^", " "):
        if not char.isascii():
            continue
        if char in " \t\n\v\f\r":  # C's isspace
            if not last_space:
                kept.append(" ")
            last_space = True
        elif char.isalnum() or char in "._":
            kept.append(char)
            last_space = False
    return "".join(kept).strip()


def _ascii(text: str) -> str:
    """Orthanc's ConvertToAscii: printable ASCII (and newline) only."""
    return "".join(c for c in text if c == "\n" or 32 <= ord(c) < 127)


def plan_archive(store: Store, resource_ids: list[str], *, media: bool = False,
                 extended: bool = False, patient_from_study: bool = False) -> ArchivePlan:
    """The members of the archive of ``resource_ids`` (any levels, in the order asked for).

    ``patient_from_study``: the patient folder takes the patient tags recorded by its (only)
    study, as Orthanc does for ``/studies/{id}/archive`` and ``/series/{id}/archive``.
    Raises ``LetheError`` (404 Unknown resource) naming an ID that does not exist.
    """
    root = _Node(Level.PATIENT)
    for rid in resource_ids:
        resource = store.resource(rid)
        chain = [resource.id]
        while resource.parent_id is not None:
            resource = store.resource(resource.parent_id)
            chain.insert(0, resource.id)
        root.add(store, chain, Level(len(chain) - 1))
    root.expand(store)
    if media:
        members = [Member(f"{MEDIA_FOLDER}/IM{n}", iid, size)
                   for n, (iid, size) in enumerate(_instances(root))]
        return ArchivePlan(tuple(members), media=True, extended=extended)
    namer = _Namer(store, patient_from_study)
    namer.visit(root)
    return ArchivePlan(tuple(namer.members))


def _instances(node: _Node) -> list[tuple[str, int]]:
    if node.level is Level.INSTANCE:
        return list(node.instances)
    found: list[tuple[str, int]] = []
    for rid in sorted(node.children):
        child = node.children[rid]
        assert child is not None  # expanded
        found += _instances(child)
    return found


class _Namer:
    """Orthanc's ``ArchiveIndexVisitor``: folder names from the main tags, file names from
    the modality and a counter per series."""

    def __init__(self, store: Store, patient_from_study: bool) -> None:
        self._store = store
        self._patient_from_study = patient_from_study
        self._folders = _Folders()
        self._format = "{:08d}.dcm"
        self._counter = 0
        self.members: list[Member] = []

    def visit(self, node: _Node) -> None:
        if node.level is Level.INSTANCE:
            for instance_id, size in node.instances:
                name = self._folders.file(self._format.format(self._counter))
                self._counter += 1
                self.members.append(Member(name, instance_id, size))
            return
        for rid in sorted(node.children):
            child = node.children[rid]
            assert child is not None  # expanded
            self._folders.open(self._folder_name(node.level, rid, child))
            self.visit(child)
            self._folders.close()

    def _folder_name(self, level: Level, rid: str, node: _Node) -> str:
        tags = self._tags(level, rid, node)
        if level is Level.PATIENT:
            text = f"{tags.get('PatientID', '')} {tags.get('PatientName', '')}"
        elif level is Level.STUDY:
            text = f"{tags.get('AccessionNumber', '')} {tags.get('StudyDescription', '')}"
        else:
            modality = tags.get("Modality", "")
            text = f"{modality} {tags.get('SeriesDescription', '')}"
            prefix = "".join(c.upper() if "a" <= c <= "z" else c for c in modality[:2])
            self._format = prefix + "{:0" + str(8 - len(prefix)) + "d}.dcm"
            self._counter = 0
        name = _ascii(text).strip()
        if not keep_alphanumeric(name):
            name = f"Unknown {level.label}"
        return name

    def _tags(self, level: Level, rid: str, node: _Node) -> dict[str, str]:
        if level is Level.PATIENT and self._patient_from_study and len(node.children) == 1:
            study_id = next(iter(node.children))
            recorded = self._store.main_tags_with_patient(study_id)[1]
            if recorded:
                return recorded
        return self._store.main_tags(rid)

