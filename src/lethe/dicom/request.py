"""A modify or anonymize request, parsed and validated once from its JSON body (spec 2.2-2.5).

:meth:`ModificationRequest.parse` reads the body in Orthanc's order (``Force``; ``DicomVersion``
for an anonymization; ``RemovePrivateTags``/``KeepPrivateTags``, ``KeepLabels``; ``Remove``,
``Replace``, ``Keep``; ``PrivateCreator``; ``Transcode``, ``LossyQuality``), so that the first
error reported is Orthanc's, then casts every ``Replace`` value. Unknown fields are ignored.

It then resolves what the engine (:mod:`lethe.dicom.engine`) does to every instance, with
Orthanc's precedence: each of ``Remove``, ``Replace`` and ``Keep`` cancels what the previous ones
and the profile said about the same top-level tag (Keep beats Replace beats Remove), and
``Replace`` keys are taken in byte-wise sorted order (``PatientName`` after ``0010,0010``). The
resolved sets are the fields after ``level``; everything a per-instance application needs is
there, and nothing in it fails later except values that depend on the instance (spec 5.5).

The level (spec 6.1) is Patient for an anonymization; for a modification it is the level given
(resource routes: :meth:`ModificationRequest.with_level`), else detected from the replaced
identifiers.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import copy
import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from typing import Any, TypedDict

from pydicom.dataelem import DataElement
from pydicom.tag import BaseTag, Tag
from pydicom.valuerep import PersonName

from lethe.dicom.images import IMAGE_TYPES, EmbeddedImage, decode_image
from lethe.dicom.levels import Level
from lethe.dicom.options import OptionEffects, parse_options, resolve_options
from lethe.dicom.paths import TagPath, parse_path
from lethe.dicom.profiles import DEFAULT_DICOM_VERSION, Profile, load_profile
from lethe.dicom.tags import TagDictionary, format_tag
from lethe.dicom.transcode import KNOWN_TRANSFER_SYNTAXES, SUPPORTED_TARGETS
from lethe.dicom.values import DATA_URI_PREFIX, make_element
from lethe.errors import ErrorCode, LetheError, bad_file_format, bad_request, out_of_range

PATIENT_ID = Tag(0x0010, 0x0020)
PATIENT_NAME = Tag(0x0010, 0x0010)
STUDY_INSTANCE_UID = Tag(0x0020, 0x000D)
SERIES_INSTANCE_UID = Tag(0x0020, 0x000E)
SOP_INSTANCE_UID = Tag(0x0008, 0x0018)
SOP_CLASS_UID = Tag(0x0008, 0x0016)
PATIENT_IDENTITY_REMOVED = Tag(0x0012, 0x0062)
PIXEL_DATA = Tag(0x7FE0, 0x0010)
ENCAPSULATED_DOCUMENT = Tag(0x0042, 0x0011)

MAIN_IDENTIFIERS = frozenset({PATIENT_ID, STUDY_INSTANCE_UID, SERIES_INSTANCE_UID,
                              SOP_INSTANCE_UID})
MAIN_UIDS = {STUDY_INSTANCE_UID: Level.STUDY, SERIES_INSTANCE_UID: Level.SERIES,
             SOP_INSTANCE_UID: Level.INSTANCE}
"""The identifiers regenerated per level (spec 6.1), with their map."""

_LATIN_1 = codecs.lookup("latin_1").name


IMMUTABLE_VALUES = (str, bytes, int, float, PersonName, type(None))
"""Value types that no one changes in place (a ``str`` subclass: UIDs, DS and IS values)."""


@dataclass(frozen=True)
class Replacement:
    """One ``Replace`` entry: the key as written, its path, its JSON value and the cast element.

    ``element`` was cast for a Latin-1 data set. A value whose bytes depend on the character set
    (non-ASCII text given for a binary VR, data-URI bytes given for text) is cast again by
    :meth:`cast_for` for other character sets. ``pdf`` holds the document of a top-level
    ``EncapsulatedDocument`` given as ``data:application/pdf``, ``image`` the decoded image of
    a top-level ``PixelData`` given as ``data:image/png`` or ``data:image/jpeg`` (spec 5.3).
    """

    key: str
    path: TagPath
    value: object
    element: DataElement
    private_creator: str
    tags: TagDictionary = field(repr=False, compare=False)
    pdf: bytes | None = None
    image: EmbeddedImage | None = None

    def cast_for(self, encoding: str) -> DataElement:
        """The element for a data set in the Python codec ``encoding``; may be shared."""
        if (self.pdf is not None or self.image is not None
                or codecs.lookup(encoding).name == _LATIN_1
                or not _depends_on_charset(self.value)):
            return self.element
        return _element(self.path.final, self.value, self.tags, self.private_creator, encoding)

    def element_for(self, encoding: str) -> DataElement:
        """:meth:`cast_for`, never shared: an element to insert into one data set.

        A copy of the shared element shares its value when the value cannot change in place
        (text, numbers, bytes, a person name: the engine replaces values, never edits them);
        a list or a sequence is copied whole."""
        element = self.cast_for(encoding)
        if element is not self.element:
            return element
        if isinstance(element.value, IMMUTABLE_VALUES):
            return copy.copy(element)
        return copy.deepcopy(element)


@dataclass(frozen=True)
class ModificationRequest:
    """A parsed request. The first fields are the options; the others what they resolve to.

    Top-level sets (``removals``, ``clearings``, ``uid_tags``, ``replacements`` in tag order and
    their ``replaced_tags``, ``kept_tags``, ``private_tags_to_keep``) already include the profile
    of an anonymization and Orthanc's precedence. ``nested_removals`` and
    ``nested_replacements`` are the paths with a sequence prefix (applied last, spec 3.2 step 8);
    ``kept_paths`` every ``Keep`` path (anonymization walk, spec 3.7).

    The PS3.15 options (:mod:`lethe.dicom.options`) are ``options`` (their names; None when
    the request has no ``Options`` field, so that nothing of the standard's own attributes is
    added), ``cleaned`` (the tags an option cleans, out of the other sets) and the flags
    after it. ``pseudonymization_key`` is the name of the project key the request asks for
    (:mod:`lethe.dicom.pseudonyms`); the caller resolves it into the context's mapper.
    ``dry_run``, ``verify`` and ``allow_burned_in`` are what the caller does around the
    engine: a plan instead of outputs (:mod:`lethe.dicom.plan`), proven outputs
    (:mod:`lethe.dicom.proof`); the engine itself ignores them.
    """

    anonymize: bool
    force: bool
    replace: tuple[Replacement, ...]
    remove: tuple[TagPath, ...]
    keep: tuple[TagPath, ...]
    remove_private_tags: bool
    keep_private_tags: bool
    keep_labels: bool
    private_creator: str
    transcode: str | None
    lossy_quality: int | None
    profile: Profile | None
    level: Level
    removals: frozenset[BaseTag]
    clearings: frozenset[BaseTag]
    uid_tags: frozenset[BaseTag]
    replacements: tuple[Replacement, ...]
    replaced_tags: frozenset[BaseTag]
    kept_tags: frozenset[BaseTag]
    private_tags_to_keep: frozenset[BaseTag]
    nested_removals: tuple[TagPath, ...]
    nested_replacements: tuple[Replacement, ...]
    kept_paths: tuple[TagPath, ...]
    sets_patient_name: bool
    sets_deidentification_method: bool
    options: tuple[str, ...] | None = None
    cleaned: frozenset[BaseTag] = frozenset()
    retain_uids: bool = False
    keeps_ranges: bool = False
    safe_private: bool = False
    shift_dates: bool = False
    temporal_information: str = "REMOVED"
    pseudonymization_key: str | None = None
    dry_run: bool = False
    verify: bool = False
    allow_burned_in: bool = False

    def removes_range(self, tag: int) -> bool:
        """Whether ``tag`` is curve data, overlay data or overlay comments that this request
        removes (the profile's ranges, unless ``CleanGraphics`` keeps them)."""
        return (self.profile is not None and not self.keeps_ranges
                and self.profile.in_removed_range(tag))

    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], ModificationRequest],
                                  tuple[dict[str, Any]]]:
        """Pickled with its tag sets as plain integers (a job sends the request to every
        worker process; pickling thousands of ``BaseTag`` objects one by one is slow)."""
        state = {f.name: getattr(self, f.name) for f in fields(self)}
        for name in _TAG_SETS:
            state[name] = [int(tag) for tag in state[name]]
        return _unpickle_request, (state,)

    @classmethod
    def parse(cls, body: object, *, anonymize: bool, tags: TagDictionary,
              default_private_creator: str = "", level: Level | None = None,
              instance_route: bool = False) -> ModificationRequest:
        """Validate ``body`` and resolve it.

        Parameters
        ----------
        body : dict or bytes
            The request: the decoded JSON object of Orthanc's ``/modify`` or ``/anonymize``
            body (``Replace``, ``Remove``, ``Keep``, ``Force``, ``DicomVersion``...), or its
            raw bytes. Unknown fields are ignored.
        anonymize : bool
            True for an anonymization (``/anonymize``), False for a modification.
        tags : TagDictionary
            Resolves the tag names of ``Replace``, ``Remove`` and ``Keep``, and the VRs of
            their values.
        default_private_creator : str, optional
            The private creator used to find the VR of private tags when the body gives no
            ``PrivateCreator``.
        level : Level, optional
            The level of a resource route. None detects it from the replaced identifiers.
            An anonymization is always at the patient level.
        instance_route : bool, optional
            The behaviour of ``/instances/{id}/...``: an anonymization there ignores
            ``Transcode`` entirely, and an unknown ``Transcode`` UID is
            ``PARAMETER_OUT_OF_RANGE`` instead of ``BAD_FILE_FORMAT`` (spec 2.5).

        Lethe's additions to the body: ``Options`` (anonymization only: PS3.15 options,
        :func:`lethe.dicom.options.parse_options`), ``PseudonymizationKey`` (the name of a
        project key, a string), and the booleans ``DryRun``, ``Verify`` and
        ``AllowBurnedInAnnotation``.

        Returns
        -------
        ModificationRequest
            The request, ready to be applied to any number of instances.

        Raises
        ------
        lethe.errors.LetheError
            With Orthanc's code and message for the first invalid field (a body that is not
            a JSON object, an unknown tag, a value its VR cannot hold, a main identifier
            changed without ``Force``...).
        """
        if isinstance(body, bytes | bytearray):
            try:
                body = json.loads(body)
            except ValueError:
                raise bad_file_format("The body is not valid JSON") from None
        if not isinstance(body, dict):
            raise bad_file_format("The body must be a JSON object")
        force = _boolean(body, "Force")
        profile = _profile(body) if anonymize else None
        if anonymize:
            keep_private_tags = _boolean(body, "KeepPrivateTags")
            remove_private_tags = not keep_private_tags
        else:
            keep_private_tags, remove_private_tags = False, _boolean(body, "RemovePrivateTags")
        keep_labels = _boolean(body, "KeepLabels")
        remove = _paths(body, "Remove", "removed", force, tags)
        entries = _replace_entries(body, force, tags)
        keep = _paths(body, "Keep", "kept", force, tags)
        private_creator = _string(body, "PrivateCreator", default_private_creator)
        transcode = None if anonymize and instance_route else _transcode(body, instance_route)
        lossy_quality = _lossy_quality(body)
        options = _options(body, anonymize)
        key_name = _key_name(body)
        effects = (resolve_options(options, profile.version)
                   if options is not None and profile is not None else None)
        replacements = tuple(_cast(key, path, value, tags, private_creator, anonymize)
                             for key, path, value in entries)
        resolved = _resolve(anonymize, profile, remove, replacements, keep, tags, effects)
        if anonymize:
            level = Level.PATIENT
        elif level is None:
            level = _detected_level(resolved["replacements"])
        elif not isinstance(level, Level):
            raise ValueError(f"unknown level {level!r}")
        return cls(anonymize=anonymize, force=force, replace=replacements, remove=remove,
                   keep=keep, remove_private_tags=remove_private_tags,
                   keep_private_tags=keep_private_tags, keep_labels=keep_labels,
                   private_creator=private_creator, transcode=transcode,
                   lossy_quality=lossy_quality, profile=profile, level=level,
                   sets_deidentification_method=(anonymize and not (remove or entries or keep)
                                                 and not keep_private_tags),
                   options=options, pseudonymization_key=key_name,
                   dry_run=_boolean(body, "DryRun"), verify=_boolean(body, "Verify"),
                   allow_burned_in=_boolean(body, "AllowBurnedInAnnotation"),
                   **_option_flags(effects), **resolved)

    def with_level(self, level: Level) -> ModificationRequest:
        """The same request applied at ``level`` (a resource route); anonymization stays Patient."""
        if not isinstance(level, Level):
            raise ValueError(f"unknown level {level!r}")
        return self if self.anonymize else replace(self, level=level)


def parse_level(value: object) -> Level:
    """The ``Level`` option of ``/tools/bulk-modify``: case-insensitive, singular or plural
    (:meth:`Level.parse`), without surrounding white space as in Orthanc."""
    if not isinstance(value, str):
        raise bad_file_format("String value expected in field: Level")
    try:
        if value == value.strip():
            return Level.parse(value)
    except ValueError:
        pass
    raise out_of_range(f"Unknown resource level: {value}")


def _options(body: dict[str, object], anonymize: bool) -> tuple[str, ...] | None:
    """The ``Options`` field: None when absent; refused in a modification."""
    if "Options" not in body:
        return None
    if not anonymize:
        raise bad_request('"Options" (PS3.15 options) only apply to an anonymization')
    return parse_options(body["Options"])


def _key_name(body: dict[str, object]) -> str | None:
    """The ``PseudonymizationKey`` field: the name of a project key, or None."""
    if "PseudonymizationKey" not in body:
        return None
    name = body["PseudonymizationKey"]
    if not isinstance(name, str) or not name:
        raise bad_request('"PseudonymizationKey" must be the name of a key of the '
                          '"PseudonymizationKeys" configuration')
    return name


def _option_flags(effects: OptionEffects | None) -> dict[str, Any]:
    """The fields of :class:`ModificationRequest` that the options set (defaults: none)."""
    if effects is None:
        return {}
    return {"retain_uids": effects.retain_uids, "keeps_ranges": effects.keeps_ranges,
            "safe_private": effects.safe_private, "shift_dates": effects.shift_dates,
            "temporal_information": effects.temporal_information}


def _boolean(body: dict[str, object], name: str) -> bool:
    value = body.get(name, False)
    if not isinstance(value, bool):
        raise bad_file_format(f'Member "{name}" should be a Boolean value')
    return value


def _string(body: dict[str, object], name: str, default: str) -> str:
    value = body.get(name, default)
    if not isinstance(value, str):
        raise bad_file_format(f"String value expected in field: {name}")
    return value


def _profile(body: dict[str, object]) -> Profile:
    version = body.get("DicomVersion", DEFAULT_DICOM_VERSION)
    if not isinstance(version, str):
        raise bad_file_format("String value expected in field: DicomVersion")
    return load_profile(version)


def _force_error(text: str, operation: str) -> LetheError:
    return bad_request(f'Marking tag "{text}" as to be {operation} requires the "Force" option '
                       "to be set to true")


def _checked_path(text: str, operation: str, force: bool, tags: TagDictionary) -> TagPath:
    path = parse_path(text, tags)
    if path.is_top_level and not force and path.final in MAIN_IDENTIFIERS:
        raise _force_error(text, operation)
    return path


def _paths(body: dict[str, object], name: str, operation: str, force: bool,
           tags: TagDictionary) -> tuple[TagPath, ...]:
    entries = body.get(name, [])
    if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
        raise bad_request(f'"{name}" must be a list of strings')
    return tuple(_checked_path(text, operation, force, tags) for text in entries)


def _replace_entries(body: dict[str, object], force: bool,
                     tags: TagDictionary) -> list[tuple[str, TagPath, object]]:
    entries = body.get("Replace", {})
    if not isinstance(entries, dict):
        raise bad_request('"Replace" must be a JSON object')
    keys = sorted(entries, key=lambda key: key.encode("utf-8", "surrogatepass"))
    return [(key, _checked_path(key, "replaced", force, tags), entries[key]) for key in keys]


def _transcode(body: dict[str, object], instance_route: bool) -> str | None:
    if "Transcode" not in body:
        return None
    uid = _string(body, "Transcode", "")
    if uid not in KNOWN_TRANSFER_SYNTAXES:
        if instance_route:
            raise out_of_range(f"Unknown transfer syntax: {uid}")
        raise bad_file_format(f"Unknown transfer syntax UID: {uid}")
    if uid not in SUPPORTED_TARGETS:
        raise bad_request(f"Cannot transcode to transfer syntax: {uid} (Lethe cannot "
                          "produce it)")
    return uid


def _lossy_quality(body: dict[str, object]) -> int | None:
    if "LossyQuality" not in body:
        return None
    value = body["LossyQuality"]
    if not isinstance(value, int) or isinstance(value, bool):
        raise bad_file_format("Integer value expected in field: LossyQuality")
    if not 1 <= value <= 100:
        raise out_of_range(f"LossyQuality must be between 1 and 100: {value}")
    return value


def _depends_on_charset(value: object) -> bool:
    if isinstance(value, str):
        return not value.isascii() or value.startswith(DATA_URI_PREFIX)
    if isinstance(value, list):
        return any(_depends_on_charset(item) for item in value)
    if isinstance(value, dict):
        return any(_depends_on_charset(item) for item in value.values())
    return False


def _cast(key: str, path: TagPath, value: object, tags: TagDictionary, private_creator: str,
          anonymize: bool) -> Replacement:
    """Cast one ``Replace`` value, with the special cases of top-level tags (spec 5.3)."""
    tag = path.final
    string_only = {SOP_CLASS_UID, SOP_INSTANCE_UID} | (set(MAIN_UIDS) if anonymize else set())
    if path.is_top_level and tag in string_only and not isinstance(value, str):
        raise LetheError(ErrorCode.BAD_PARAMETER_TYPE,
                         f"Bad Parameter type for tag {format_tag(tag)}")
    if (path.is_top_level and tag in (PIXEL_DATA, ENCAPSULATED_DOCUMENT)
            and isinstance(value, str) and value.startswith("data:")
            and not value.startswith(DATA_URI_PREFIX)):
        mime, payload = _data_uri(tag, value)
        if tag == PIXEL_DATA and mime in IMAGE_TYPES:
            image = decode_image(mime, payload)
            element = DataElement(tag, "OW", image.pixels)
            return Replacement(key, path, value, element, private_creator, tags, image=image)
        pdf = _embedded_pdf(tag, mime, payload)
        element = DataElement(tag, "OB", pdf + b"\0" * (len(pdf) % 2))
        return Replacement(key, path, value, element, private_creator, tags, pdf)
    element = _element(tag, value, tags, private_creator, _LATIN_1)
    return Replacement(key, path, value, element, private_creator, tags)


def _element(tag: BaseTag, value: object, tags: TagDictionary, private_creator: str,
             encoding: str) -> DataElement:
    element = make_element(tag, value, tags=tags, private_creator=private_creator,
                           encoding=encoding)
    if tag == PIXEL_DATA and element.VR == "OB":
        element.VR = "OW"  # as DCMTK creates it: right for any bit depth (values are even-sized)
    return element


def _data_uri(tag: BaseTag, uri: str) -> tuple[str, bytes]:
    """The media type and the decoded bytes of a base64 data URI given for ``tag``."""
    header, comma, payload = uri.partition(",")
    mime = header[len("data:"):].split(";", 1)[0].strip().lower()
    if mime not in IMAGE_TYPES and not (tag == ENCAPSULATED_DOCUMENT and mime == "application/pdf"):
        raise bad_request(f"Replacing {format_tag(tag)} with a data URI of type {mime!r} is not "
                          "supported (supported: application/octet-stream; image/png and "
                          "image/jpeg for PixelData; application/pdf for EncapsulatedDocument)")
    if not comma or not header.endswith(";base64"):
        raise bad_file_format(f"Bad data URI for tag {format_tag(tag)}: base64 expected")
    try:
        return mime, base64.b64decode(payload, validate=True)
    except binascii.Error:
        raise bad_file_format(f"Bad base64 in the data URI for tag {format_tag(tag)}") from None


def _embedded_pdf(tag: BaseTag, mime: str, pdf: bytes) -> bytes:
    """The PDF of a ``data:application/pdf`` URI for EncapsulatedDocument."""
    if tag != ENCAPSULATED_DOCUMENT or mime != "application/pdf":
        raise bad_request(f"Replacing {format_tag(tag)} with a data URI of type {mime!r} is not "
                          "supported (image/png and image/jpeg are for PixelData only)")
    if not pdf.startswith(b"%PDF-"):
        raise bad_file_format("Not a PDF file")
    return pdf


def _detected_level(replacements: tuple[Replacement, ...]) -> Level:
    """Spec 6.1: the highest level whose identifier is replaced; Instance if none."""
    replaced = {entry.path.final for entry in replacements}
    for tag, level in ((PATIENT_ID, Level.PATIENT), (STUDY_INSTANCE_UID, Level.STUDY),
                       (SERIES_INSTANCE_UID, Level.SERIES)):
        if tag in replaced:
            return level
    return Level.INSTANCE


class _Resolved(TypedDict):
    """The fields of :class:`ModificationRequest` that :func:`_resolve` derives."""

    removals: frozenset[BaseTag]
    clearings: frozenset[BaseTag]
    uid_tags: frozenset[BaseTag]
    replacements: tuple[Replacement, ...]
    replaced_tags: frozenset[BaseTag]
    kept_tags: frozenset[BaseTag]
    private_tags_to_keep: frozenset[BaseTag]
    nested_removals: tuple[TagPath, ...]
    nested_replacements: tuple[Replacement, ...]
    kept_paths: tuple[TagPath, ...]
    sets_patient_name: bool
    cleaned: frozenset[BaseTag]


def _resolve(anonymize: bool, profile: Profile | None, remove: tuple[TagPath, ...],
             replace: tuple[Replacement, ...], keep: tuple[TagPath, ...],
             tags: TagDictionary, effects: OptionEffects | None = None) -> _Resolved:
    """Apply the precedence (profile, options, then Remove, Replace, Keep): the derived
    fields. An option's kept and cleaned tags leave the profile's sets."""
    removals: set[BaseTag] = set(profile.removals) if profile else set()
    clearings: set[BaseTag] = set(profile.clearings) if profile else set()
    uid_tags: set[BaseTag] = ((set(profile.uids) - set(MAIN_UIDS)) | {PATIENT_ID}
                              if profile else set())
    cleaned: set[BaseTag] = set()
    if effects is not None:
        by_option = effects.kept | effects.cleaned
        removals -= by_option
        clearings -= by_option
        uid_tags -= by_option
        cleaned |= effects.cleaned
    replaced: dict[BaseTag, Replacement] = {}
    if anonymize:
        path = parse_path("PatientIdentityRemoved", tags)
        replaced[path.final] = _cast(path.text, path, "YES", tags, "", anonymize)
    kept: set[BaseTag] = set()
    private_to_keep: set[BaseTag] = set()

    def forget(tag: BaseTag) -> None:
        removals.discard(tag)
        clearings.discard(tag)
        uid_tags.discard(tag)
        replaced.pop(tag, None)
        private_to_keep.discard(tag)
        cleaned.discard(tag)

    for path in remove:
        if path.is_top_level:
            forget(path.final)
            removals.add(path.final)
    for entry in replace:
        if entry.path.is_top_level and entry.path.final.element != 0x0000:
            # A generic group length is never replaced (spec 3.11).
            forget(entry.path.final)
            replaced[entry.path.final] = entry
    for path in keep:
        if path.is_top_level:
            forget(path.final)
            kept.add(path.final)
            if path.final.is_private:
                private_to_keep.add(path.final)
    if removals & MAIN_IDENTIFIERS:
        raise bad_request("It is forbidden to remove one of the main Dicom identifiers")
    touched = {p.final for p in remove + keep if p.is_top_level}
    touched |= {e.path.final for e in replace if e.path.is_top_level}
    return {
        "removals": frozenset(removals),
        "clearings": frozenset(clearings),
        "uid_tags": frozenset(uid_tags),
        "replacements": tuple(replaced[tag] for tag in sorted(replaced)),
        "replaced_tags": frozenset(replaced),
        "kept_tags": frozenset(kept),
        "private_tags_to_keep": frozenset(private_to_keep),
        "nested_removals": tuple(p for p in remove if not p.is_top_level),
        "nested_replacements": tuple(e for e in replace if not e.path.is_top_level
                                     and e.path.final.element != 0x0000),
        "kept_paths": keep,
        "sets_patient_name": anonymize and PATIENT_NAME not in touched,
        "cleaned": frozenset(cleaned),
    }


_TAG_SETS = ("removals", "clearings", "uid_tags", "replaced_tags", "kept_tags",
             "private_tags_to_keep", "cleaned")


def _unpickle_request(state: dict[str, Any]) -> ModificationRequest:
    for name in _TAG_SETS:
        state[name] = frozenset(map(BaseTag, state[name]))
    return ModificationRequest(**state)
