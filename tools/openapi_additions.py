"""Lethe's additions to Orthanc's OpenAPI description: what ``tools/make_openapi.py`` adds
to the operations it copies, and the operations Orthanc has no counterpart of.

- every modify and anonymize operation documents the request fields Lethe adds
  (``PseudonymizationKey``, ``DryRun``, ``Verify``; anonymizations also ``Options`` and
  ``AllowBurnedInAnnotation``);
- ``GET /instances/{id}/residual-identity`` is described whole.
"""

from __future__ import annotations

import copy

from lethe.dicom.options import OPTIONS

COMMON_FIELDS = {
    "PseudonymizationKey": {
        "description": "Lethe: the name of a key of the `PseudonymizationKeys` configuration. "
                       "The new UIDs, PatientID, PatientName and date shift are then derived "
                       "from that key and the original values: the same in every run, on "
                       "every server with the same key, and in `lethe anonymize --key`.",
        "type": "string"},
    "DryRun": {
        "description": "Lethe: write nothing; answer the plan: for each instance, each "
                       "attribute's action (removed, emptied, replaced with what kind of "
                       "value, kept, added) and its reason, with a summary per resource.",
        "type": "boolean"},
    "Verify": {
        "description": "Lethe: check every output for identifying values of its source that "
                       "the request removes or replaces; if one survives, the request fails "
                       "and nothing is stored. A verified anonymization also refuses instances "
                       "whose pixels may show text (BurnedInAnnotation YES, secondary "
                       "captures, ultrasound, screen captures).",
        "type": "boolean"},
}
ANONYMIZE_FIELDS = {
    "Options": {
        "description": "Lethe: PS3.15 Table E.1-1 options, applied with the chosen "
                       "`DicomVersion`; the output also gets DeidentificationMethodCodeSequence "
                       "(CID 7050 codes) and LongitudinalTemporalInformationModified.",
        "type": "array", "items": {"type": "string", "enum": list(OPTIONS)}},
    "AllowBurnedInAnnotation": {
        "description": "Lethe: with `Verify`, anonymize instances whose pixels may show "
                       "identifying text anyway.",
        "type": "boolean"},
}
RESIDUAL_IDENTITY = {
    "summary": "Identifying values of a source that survive in its anonymized copy",
    "description": "Lethe: compares instance `id` (an anonymized copy) with instance "
                   "`source` and lists where identifying values of the source (those the "
                   "profile removes, empties or remaps) survive. Values are never shown.",
    "tags": ["Instances"],
    "parameters": [
        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"},
         "description": "Orthanc identifier of the anonymized instance"},
        {"name": "source", "in": "query", "required": True, "schema": {"type": "string"},
         "description": "Orthanc identifier of the source instance"},
        {"name": "DicomVersion", "in": "query", "required": False,
         "schema": {"type": "string", "default": "2023b"},
         "description": "the profile whose tags identify"}],
    "responses": {"200": {"description": "The leaks (an empty list is the proof)",
                          "content": {"application/json": {"schema": {
                              "type": "object", "properties": {
                                  "ID": {"type": "string"}, "Source": {"type": "string"},
                                  "DicomVersion": {"type": "string"},
                                  "Leaks": {"type": "array", "items": {
                                      "type": "object", "properties": {
                                          "Path": {"type": "string"},
                                          "SourceTag": {"type": "string"},
                                          "Kind": {"type": "string"}}}}}}}}}},
}
ADDED_OPERATIONS = {("/instances/{id}/residual-identity", "get"): RESIDUAL_IDENTITY}


def add_lethe(paths: dict[str, dict], operations: dict[str, set[str]],
              error_response: dict) -> None:
    """Add Lethe's fields and operations to ``paths`` (only for routes the app has)."""
    for (path, method), operation in ADDED_OPERATIONS.items():
        if method in operations.get(path, set()):
            added = copy.deepcopy(operation)
            added["responses"]["4XX"] = error_response
            paths.setdefault(path, {})[method] = added
    for path, methods in paths.items():
        if not path.endswith(("/modify", "/anonymize", "/bulk-modify", "/bulk-anonymize")):
            continue
        post = methods.get("post")
        schema = (post or {}).get("requestBody", {}).get("content", {}).get(
            "application/json", {}).get("schema")
        if schema is None:
            continue
        properties = schema.setdefault("properties", {})
        properties.update(copy.deepcopy(COMMON_FIELDS))
        if path.endswith("anonymize"):
            properties.update(copy.deepcopy(ANONYMIZE_FIELDS))
