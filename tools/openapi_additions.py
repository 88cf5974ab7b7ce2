"""Lethe's additions to Orthanc's OpenAPI description: what ``tools/make_openapi.py`` adds
to the operations it copies, and the operations Orthanc has no counterpart of.

- every modify and anonymize operation documents the request fields Lethe adds
  (``PseudonymizationKey``, ``DryRun``, ``Verify``; anonymizations also ``Options`` and
  ``AllowBurnedInAnnotation``);
- ``GET /instances/{id}/residual-identity`` is described whole;
- so are the routes of the pseudonym register (``/pseudonyms/{key}...``).
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
_REGISTER_ACCESS = ("Only the HTTP Basic credentials of `PseudonymRegister.Users` are "
                    "accepted (401 otherwise, those of `RegisteredUsers` too); 403 when the "
                    "register is disabled or has no users.")
_KEY = {"name": "key", "in": "path", "required": True, "schema": {"type": "string"},
        "description": "the name of a pseudonymization key (`PseudonymizationKeys`)"}
_ENTRY = {"type": "object", "required": ["Kind", "Pseudonym", "Original", "Patient"],
          "properties": {
              "Kind": {"type": "string", "enum": ["PatientID", "StudyInstanceUID",
                                                  "SeriesInstanceUID", "SOPInstanceUID"]},
              "Pseudonym": {"type": "string"},
              "Original": {"type": "string"},
              "Patient": {"type": "string",
                          "description": "the pseudonymous PatientID of the patient"},
              "PatientName": {"type": "string",
                              "description": "PatientID entries: the pseudonymous name"},
              "OriginalPatientName": {"type": "string"},
              "DateShiftDays": {"type": "integer",
                                "description": "PatientID entries: days the dates moved "
                                               "(negative: back); absent if not shifted"}}}
_REGISTER = {"type": "object", "required": ["Format", "Key", "Entries"], "properties": {
    "Format": {"type": "string", "enum": ["lethe-pseudonym-register/1"]},
    "Key": {"type": "string"}, "Entries": {"type": "array", "items": _ENTRY}}}
PSEUDONYM_LOOKUP = {
    "summary": "Look a pseudonym up in the register of a key, or an original",
    "description": "Lethe: the entries of the pseudonym register of key `key` (what keyed "
                   "anonymizations replaced, recorded when `PseudonymRegister.Enabled`) whose "
                   "pseudonym is `pseudonym` (a pseudonymous PatientName finds its patient), "
                   "or whose original is `original`; 404 when there is none. "
                   + _REGISTER_ACCESS,
    "tags": ["Pseudonyms"],
    "parameters": [
        _KEY,
        {"name": "pseudonym", "in": "query", "required": False, "schema": {"type": "string"},
         "description": "a PatientID, PatientName or UID written by a keyed anonymization"},
        {"name": "original", "in": "query", "required": False, "schema": {"type": "string"},
         "description": "an original PatientID or UID (give one of the two arguments)"}],
    "responses": {"200": {"description": "The matching entries", "content": {
        "application/json": {"schema": {"type": "object", "properties": {
            "Key": {"type": "string"}, "Entries": {"type": "array", "items": _ENTRY}}}}}}},
}
PSEUDONYM_EXPORT = {
    "summary": "Export the pseudonym register of a key",
    "description": "Lethe: every entry of the register of key `key`, in recording order, "
                   "streamed; 404 for a key neither configured nor in the register. "
                   + _REGISTER_ACCESS,
    "tags": ["Pseudonyms"],
    "parameters": [_KEY],
    "responses": {"200": {"description": "The register", "content": {
        "application/json": {"schema": _REGISTER}}}},
}
PSEUDONYM_IMPORT = {
    "summary": "Import a pseudonym register into the register of a key",
    "description": "Lethe: merge an exported register of key `key`: new entries are added, "
                   "known ones left as they are, missing fields filled in. All or nothing: "
                   "409 naming the first entry (and its pseudonym) that contradicts the "
                   "register. " + _REGISTER_ACCESS,
    "tags": ["Pseudonyms"],
    "parameters": [_KEY],
    "requestBody": {"required": True, "content": {"application/json": {"schema": _REGISTER}}},
    "responses": {"200": {"description": "What the import did", "content": {
        "application/json": {"schema": {"type": "object", "properties": {
            "Key": {"type": "string"}, "Added": {"type": "integer"},
            "AlreadyKnown": {"type": "integer"}, "Completed": {"type": "integer"}}}}}}},
}
ADDED_OPERATIONS = {("/instances/{id}/residual-identity", "get"): RESIDUAL_IDENTITY,
                    ("/pseudonyms/{key}", "get"): PSEUDONYM_LOOKUP,
                    ("/pseudonyms/{key}/export", "get"): PSEUDONYM_EXPORT,
                    ("/pseudonyms/{key}/import", "post"): PSEUDONYM_IMPORT}


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
