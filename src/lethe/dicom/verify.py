"""Proof after writing: the residual-identity check of one request, and burned-in text.

A request with ``"Verify": true`` has every output checked against its source by
:func:`verify_output`: the values of the source that the request removes, empties, replaces,
remaps or shifts (:func:`request_identity`) must not survive anywhere in the output
(:func:`lethe.dicom.residual.find_residual_identity`). What the request keeps on purpose
(``Keep``, a ``Retain...`` option, tags outside the profile) is not checked.

Pixels cannot be checked that way: :func:`burned_in_reason` says why an instance may carry
identifying text in its pixels (BurnedInAnnotation ``YES``, a secondary capture, an
ultrasound image, a screen capture); a verified anonymization refuses such an instance unless
the request has ``"AllowBurnedInAnnotation": true``.

Errors name locations and tags, never values.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydicom.datadict import dictionary_VR
from pydicom.dataset import Dataset
from pydicom.tag import BaseTag, Tag

from lethe.dicom.request import (
    MAIN_UIDS,
    PATIENT_ID,
    PATIENT_IDENTITY_REMOVED,
    PATIENT_NAME,
    ModificationRequest,
)
from lethe.dicom.residual import Leak, find_residual_identity
from lethe.errors import LetheError, bad_request

_DEIDENTIFICATION_METHOD = Tag(0x0012, 0x0063)
_BURNED_IN_ANNOTATION = Tag(0x0028, 0x0301)
_SOP_CLASS_UID = Tag(0x0008, 0x0016)
_IMAGE_TYPE = Tag(0x0008, 0x0008)
_MODALITY = Tag(0x0008, 0x0060)
_SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7"
_ULTRASOUND = ("1.2.840.10008.5.1.4.1.1.6", "1.2.840.10008.5.1.4.1.1.3")
_MOST_LEAKS_NAMED = 5
PREFIX = "Verify: "
"""How the details of every error of this module start (:func:`is_verification_error`)."""


@dataclass(frozen=True)
class RequestIdentity:
    """The public tags whose source values one request makes disappear.

    ``tags`` are removed, emptied, replaced or remapped; with ``dates``, every date and
    date-time too (the request shifts them); ``request`` gives the curve and overlay ranges
    it removes.
    """

    tags: frozenset[BaseTag]
    dates: bool
    request: ModificationRequest

    def is_identifying(self, tag: BaseTag) -> bool:
        """Whether the source values of ``tag`` must not survive in the output."""
        if tag in self.tags or self.request.removes_range(tag):
            return True
        if not self.dates or tag in self.request.kept_tags:
            return False
        try:
            return dictionary_VR(tag) in ("DA", "DT")
        except KeyError:
            return False


def request_identity(request: ModificationRequest) -> RequestIdentity:
    """What :func:`verify_output` checks for ``request`` (see :class:`RequestIdentity`).

    The removals, clearings and remapped tags of the request (profile, options, ``Remove``,
    ``Keep``), its top-level replacements (not the attributes an anonymization fills in
    itself), the main UIDs it regenerates, PatientName when an anonymization renames the
    patient, and the dates when it shifts them.
    """
    tags = set(request.removals | request.clearings | request.uid_tags | request.replaced_tags)
    tags -= {PATIENT_IDENTITY_REMOVED, _DEIDENTIFICATION_METHOD}
    if not request.retain_uids:
        tags |= {tag for tag, level in MAIN_UIDS.items()
                 if request.level <= level and tag not in request.kept_tags}
    if request.sets_patient_name:
        tags.add(PATIENT_NAME)
    if request.anonymize and PATIENT_ID not in request.kept_tags:
        tags.add(PATIENT_ID)
    return RequestIdentity(frozenset(tags), request.shift_dates, request)


def verify_output(source: Dataset, output: Dataset, request: ModificationRequest) -> list[Leak]:
    """Where the values that ``request`` makes disappear survive in ``output``.

    Parameters
    ----------
    source : pydicom.dataset.Dataset
        The instance before the request (a header read is enough).
    output : pydicom.dataset.Dataset
        What the engine made of it.
    request : ModificationRequest
        The parsed request.

    Returns
    -------
    list of Leak
        Empty when nothing survives.
    """
    return find_residual_identity(source, output, request_identity(request))


def verification_failed(leaks: list[Leak]) -> LetheError:
    """The error of an output that fails :func:`verify_output`, naming where (not what)."""
    named = ", ".join(f"{leak.source_tag} at {leak.path}" for leak in leaks[:_MOST_LEAKS_NAMED])
    more = f" and {len(leaks) - _MOST_LEAKS_NAMED} more" if len(leaks) > _MOST_LEAKS_NAMED else ""
    return bad_request(f"{PREFIX}{len(leaks)} identifying value(s) of the source survive in "
                       f"the output: {named}{more}; nothing was stored")


def burned_in_reason(dataset: Dataset) -> str | None:
    """Why the pixels of ``dataset`` may show identifying text, or None.

    Returns
    -------
    str or None
        ``BurnedInAnnotation is YES``, ``secondary capture``, ``ultrasound``,
        ``screen capture (ImageType SCREEN SAVE)``; None otherwise.
    """
    burned = _text(dataset, _BURNED_IN_ANNOTATION).strip().upper()
    if burned == "YES":
        return "BurnedInAnnotation is YES"
    sop_class = _text(dataset, _SOP_CLASS_UID).strip("\x00 ")
    if sop_class == _SECONDARY_CAPTURE or sop_class.startswith(_SECONDARY_CAPTURE + "."):
        return "secondary capture"
    modality = _text(dataset, _MODALITY).strip().upper()
    if (modality == "US" or sop_class in _ULTRASOUND
            or any(sop_class.startswith(prefix + ".") for prefix in _ULTRASOUND)):
        return "ultrasound"
    if "SCREEN SAVE" in _text(dataset, _IMAGE_TYPE).upper():
        return "screen capture (ImageType SCREEN SAVE)"
    return None


def burned_in_refused(reason: str) -> LetheError:
    """The error of a verified anonymization of an instance with burned-in text."""
    return bad_request(f"{PREFIX}the pixels of this instance may show identifying text "
                       f"({reason}); add \"AllowBurnedInAnnotation\": true to anonymize it "
                       "anyway")


def is_verification_error(exc: BaseException) -> bool:
    """Whether ``exc`` is a refusal of this module (it fails a job even when ``Permissive``:
    a verified request stores nothing unless every output passes)."""
    return isinstance(exc, LetheError) and exc.details.startswith(PREFIX)


def _text(dataset: Dataset, tag: BaseTag) -> str:
    element = dataset.get(tag)
    if element is None or element.value is None:
        return ""
    value = element.value
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, list) or hasattr(value, "__iter__") and not isinstance(value, str):
        return "\\".join(str(v) for v in value)
    return str(value)
