"""The tags of the patient, study, series and instance modules, as Orthanc lists them.

Orthanc's ``DicomTag::AddTagsForModule`` (from PS3.3: Patient Module C.7-1, General Study
C.7-3, General Series C.7-5, SOP Common C.12-1 with the Issuer of Patient ID, Performed
Procedure Step Summary and Digital Signatures macros) decides what ``/module`` shows, what a
C-FIND query keeps once normalized, and what a merge copies from the target study.
"""

from __future__ import annotations

from lethe.dicom.levels import Level

MODULE_TAGS: dict[Level, frozenset[int]] = {
    Level.PATIENT: frozenset({
        0x00100010, 0x00100020, 0x00100030, 0x00100040, 0x00081120, 0x00100032, 0x00101000,
        0x00101002, 0x00101001, 0x00102160, 0x00104000, 0x00102201, 0x00102202, 0x00102292,
        0x00102293, 0x00102294, 0x00102297, 0x00102298, 0x00102299, 0x00120062, 0x00120063,
        0x00120064, 0x00100021, 0x00100024}),
    Level.STUDY: frozenset({
        0x0020000D, 0x00080020, 0x00080030, 0x00080090, 0x00080096, 0x00200010, 0x00080050,
        0x00080051, 0x00081030, 0x00081048, 0x00081049, 0x00081060, 0x00081062, 0x00321034,
        0x00081110, 0x00081032, 0x00401012}),
    Level.SERIES: frozenset({
        0x00080060, 0x0020000E, 0x00200011, 0x00200060, 0x00080021, 0x00080031, 0x00081050,
        0x00081052, 0x00181030, 0x0008103E, 0x0008103F, 0x00081070, 0x00081072, 0x00081111,
        0x00081250, 0x00180015, 0x00185100, 0x00280108, 0x00280109, 0x00400275, 0x00102210,
        0x00400253, 0x00400244, 0x00400245, 0x00400254, 0x00400260, 0x00400280}),
    Level.INSTANCE: frozenset({
        0x00080016, 0x00080018, 0x00080005, 0x00080012, 0x00080013, 0x00080014, 0x0008001A,
        0x0008001B, 0x00080110, 0x00080201, 0x0018A001, 0x00200013, 0x01000410, 0x01000420,
        0x01000424, 0x01000426, 0x04000500, 0x04000561, 0x0040A390, 0x00280303, 0x4FFE0001,
        0xFFFAFFFA}),
}
"""The tags of the patient, study, series and instance modules (``/module``). Orthanc
lists (0029,0109) for "Largest Pixel Value in Series"; Lethe lists (0028,0109), as PS3.3."""

LARGEST_PIXEL_VALUE_IN_SERIES = 0x00280109
ORTHANC_LARGEST_PIXEL_VALUE_IN_SERIES = 0x00290109
"""The tag Orthanc lists in the series module instead of (0028,0109), a slip that C-FIND
queries keep (so that their answers are Orthanc's)."""


def orthanc_module_tags() -> dict[Level, frozenset[int]]:
    """:data:`MODULE_TAGS` with Orthanc's series-module slip, as its C-FIND uses them."""
    series = (MODULE_TAGS[Level.SERIES] - {LARGEST_PIXEL_VALUE_IN_SERIES}
              | {ORTHANC_LARGEST_PIXEL_VALUE_IN_SERIES})
    return {**MODULE_TAGS, Level.SERIES: series}
