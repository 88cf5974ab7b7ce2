"""What the PS3.15 options do after the basic profile (:mod:`lethe.dicom.options`).

:func:`finish_anonymization` runs after the nested rules of an anonymization (engine step 7)
and before the nested ``Remove``/``Replace`` paths of the request (step 8), in one walk of the
data set, at any depth, skipping what the request keeps (``Keep`` paths) or replaces at top
level:

* with ``RetainLongitudinalModifiedDates``, every DA and DT value left (kept by the profile,
  cleaned by the option, private ones whose VR is known included) is moved by the patient's
  date shift (:mod:`lethe.dicom.dates`); a value that is no valid date is emptied;
* every text value of a tag an option cleans (``C``), and the text of curves and overlays
  kept by ``CleanGraphics``, has the instance's identifying values (:func:`scrub_needles`,
  taken from the source before any change) replaced by ``X``;
* when the request has ``Options``: DeidentificationMethodCodeSequence and
  LongitudinalTemporalInformationModified are set, unless the request keeps, replaces or
  removes them.
"""

from __future__ import annotations

from pydicom.dataelem import DataElement, RawDataElement
from pydicom.dataset import Dataset
from pydicom.multival import MultiValue

from lethe.dicom.dates import shift_value
from lethe.dicom.nested import Chain, element_vr
from lethe.dicom.options import (
    DEIDENTIFICATION_METHOD_CODE_SEQUENCE,
    LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED,
    code_sequence,
)
from lethe.dicom.paths import path_matches
from lethe.dicom.request import ModificationRequest
from lethe.dicom.residual import Needle, identifying_values
from lethe.dicom.uids import UidMapper
from lethe.dicom.verify import request_identity

SCRUBBED = "X"
"""What an identifying value found in cleaned text becomes."""
_TEXT_VRS = frozenset({"AE", "AS", "CS", "LO", "LT", "PN", "SH", "ST", "UC", "UR", "UT"})


def scrub_needles(source: Dataset, request: ModificationRequest) -> list[Needle]:
    """The identifying values of ``source`` that cleaned text must lose: those of the tags
    the request removes, empties, replaces, remaps or shifts. Empty (and nothing read) when
    the request cleans no text."""
    if not (request.cleaned or request.keeps_ranges):
        return []
    return identifying_values(source, request_identity(request))


def finish_anonymization(dataset: Dataset, request: ModificationRequest, uids: UidMapper,
                         original_patient_id: str, needles: list[Needle]) -> None:
    """Apply the options' cleaning and date shift, then add the standard's attributes.

    Parameters
    ----------
    dataset : pydicom.dataset.Dataset
        The data set being anonymized (after the nested rules).
    request : ModificationRequest
        The parsed anonymization.
    uids : UidMapper
        The context's mapper: it gives the patient's date shift.
    original_patient_id : str
        The PatientID of the source, which the date shift derives from.
    needles : list of Needle
        What :func:`scrub_needles` found in the source.
    """
    if request.shift_dates or request.cleaned or request.keeps_ranges:
        days = uids.date_shift_days(original_patient_id) if request.shift_dates else None
        _walk(dataset, (), request, days, needles)
    if request.options is None:
        return
    touched = request.kept_tags | request.replaced_tags | request.removals
    if DEIDENTIFICATION_METHOD_CODE_SEQUENCE not in touched:
        dataset[DEIDENTIFICATION_METHOD_CODE_SEQUENCE] = code_sequence(request.options)
    if LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED not in touched:
        dataset[LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED] = DataElement(
            LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED, "CS", request.temporal_information)


def _walk(dataset: Dataset, chain: Chain, request: ModificationRequest, days: int | None,
          needles: list[Needle]) -> None:
    for tag in list(dataset.keys()):
        if not chain and tag in request.replaced_tags:
            continue
        if any(path_matches(path, chain, tag) for path in request.kept_paths):
            continue
        raw = dataset.get_item(tag, keep_deferred=True)
        if isinstance(raw, RawDataElement) and raw.value is None and raw.length:
            continue  # a deferred value: the pixel data left in the file
        vr = element_vr(dataset, tag)
        if vr == "SQ":
            for index, item in enumerate(dataset[tag].value):
                if isinstance(item, Dataset):
                    _walk(item, (*chain, (tag, index)), request, days, needles)
        elif vr in ("DA", "DT") and days is not None:
            _shift(dataset, tag, vr, days)
        elif needles and vr in _TEXT_VRS and (tag in request.cleaned or (
                request.keeps_ranges and request.profile is not None
                and request.profile.in_removed_range(tag))):
            _scrub(dataset, tag, vr, needles)


def _text(element: DataElement) -> str | None:
    value = element.value
    if value is None or value == "":
        return None
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, list | MultiValue):
        return "\\".join(str(v) for v in value)
    return str(value)


def _shift(dataset: Dataset, tag: int, vr: str, days: int) -> None:
    text = _text(dataset[tag])
    if text is None:
        return
    shifted = shift_value(vr, text, days)
    dataset[tag] = DataElement(tag, vr, "" if shifted is None else shifted)


def _scrub(dataset: Dataset, tag: int, vr: str, needles: list[Needle]) -> None:
    text = _text(dataset[tag])
    if text is None:
        return
    cleaned = text
    for needle in needles:
        if any(form in cleaned.casefold() for form in needle.folded_forms):
            cleaned = needle.pattern.sub(SCRUBBED, cleaned)
    if cleaned != text:
        dataset[tag] = DataElement(tag, vr, cleaned)
