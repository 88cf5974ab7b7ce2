"""What is decided when a modification request is accepted, before any job runs.

- which source instances a request covers (resources of any level, no duplicates);
- the level rules and submission checks of the newest Orthanc (spec 6.3 and
  section 12 rows 3-4), so that no request silently overwrites and then
  deletes its own output;
- the per-request context: one UID mapping key, and one ``Anonymized<N>``
  name drawn from the global counter.
"""

from __future__ import annotations

from lethe import NAME, __version__
from lethe.config import Config
from lethe.dicom.engine import ModificationContext
from lethe.dicom.identifiers import clean_identifier, hash_identifier
from lethe.dicom.pseudonyms import keyed_mapper
from lethe.dicom.request import (
    MAIN_UIDS,
    PATIENT_ID,
    ModificationRequest,
)
from lethe.dicom.tags import format_tag
from lethe.dicom.uids import UidMapper
from lethe.errors import bad_request, unknown_resource
from lethe.store.model import Level
from lethe.store.store import Store

ANONYMIZATION_SEQUENCE = "AnonymizationSequence"
# Orthanc's patient main DICOM tags (spec 6.3), keyword -> tag.
PATIENT_MAIN_TAGS = {"PatientName": 0x00100010, "PatientID": 0x00100020,
                     "PatientBirthDate": 0x00100030, "PatientSex": 0x00100040,
                     "OtherPatientIDs": 0x00101000}
KEEP_ALL_UIDS = ("When keeping StudyInstanceUID, SeriesInstanceUID and SOPInstanceUID tag, ")
PATIENT_TAGS_IN_STUDY = (
    "Trying to change patient tags in a study.  The Patient already exists and has other "
    "studies.  All the 'Replace' tags should match the existing patient main dicom tags and "
    "you should specify all Patient MainDicomTags in your query.  Try using "
    "/patients/../modify instead to modify the patient. Failing tag: ")
UNDEFINED_PATIENT_TAG = (
    "Trying to change patient tags in a study.  The Patient already exists and has other "
    "studies.  You are trying to replace a tag that is not defined yet in this patient. "
    "Try using /patients/../modify instead to modify the patient. Failing tag: ")


def source_instances(store: Store, resource_ids: list[str]) -> tuple[str, ...]:
    """The instances below every resource of ``resource_ids``, each once, in order.

    Raises 404 naming the first unknown resource.
    """
    found: dict[str, None] = {}
    for rid in resource_ids:
        if store.lookup(rid) is None:
            raise unknown_resource(f"Unknown resource: {rid}")
        found.update(dict.fromkeys(store.instances_of(rid)))
    return tuple(found)


def new_context(store: Store, config: Config, request: ModificationRequest) -> ModificationContext:
    """One context per request: a fresh UID key, and ``Anonymized<N>`` when needed; or, for a
    request naming a ``PseudonymizationKey``, the mapper of that project key (keyed
    pseudonyms: the PatientName too derives from it, no counter value is drawn).

    Raises 400 naming the key when the configuration has no such key."""
    if request.pseudonymization_key is not None:
        secret = config.PseudonymizationKeys.get(request.pseudonymization_key)
        if secret is None:
            raise bad_request(f'Unknown "PseudonymizationKey": {request.pseudonymization_key!r} '
                              '(not a key of the "PseudonymizationKeys" configuration)')
        return ModificationContext(keyed_mapper(secret, config.UidRoot), None,
                                   f"{NAME} {__version__}", pseudonyms=True)
    name = None
    if request.sets_patient_name:
        name = f"Anonymized{store.next_sequence(ANONYMIZATION_SEQUENCE)}"
    return ModificationContext(UidMapper.random(config.UidRoot), name, f"{NAME} {__version__}")


def check_submission(store: Store, config: Config, request: ModificationRequest,
                     level: Level, resource_id: str, keep_source: bool) -> None:
    """Refuse, before a job exists, what would lose data or break the patient model.

    A patient is modified without a new PatientID only with ``Force`` (the Orthanc Book:
    "a security to prevent the merging of patient data"; since Orthanc 1.11.3 ``Force``
    skips the check): the new studies then join the same patient."""
    replaced = {r.path.final: r for r in request.replacements}
    if (level is Level.PATIENT and not request.anonymize and PATIENT_ID not in replaced
            and not request.force):
        raise bad_request("When modifying a patient, her PatientID is required to be modified")
    if level in (Level.PATIENT, Level.STUDY) and PATIENT_ID not in replaced \
            and set(MAIN_UIDS) <= request.kept_tags:
        if not keep_source:
            raise bad_request(KEEP_ALL_UIDS + "you must set KeepSource to true to avoid "
                              "deleting the modified files at the end of the process")
        if not config.OverwriteInstances:
            raise bad_request(KEEP_ALL_UIDS + "you must have the 'OverwriteInstances' Orthanc "
                              "configuration set to true in order to replace the modified "
                              "resources")
    if level is Level.STUDY and any(t in replaced for t in PATIENT_MAIN_TAGS.values()):
        _check_patient_tags_in_study(store, replaced, resource_id)


def _check_patient_tags_in_study(store: Store, replaced: dict, study_id: str) -> None:
    """Changing patient tags of one study must not contradict the patient's other studies."""
    current = store.main_tags(store.resource(study_id).parent_id or "")
    target = replaced[PATIENT_ID].element.value if PATIENT_ID in replaced else \
        current.get("PatientID", "")
    patient_id = hash_identifier(clean_identifier(str(target)))
    if store.lookup(patient_id) is None:
        return
    others = [s for s in store.children(patient_id) if s != study_id]
    if not others:
        return
    existing = store.main_tags(patient_id)
    for keyword, tag in PATIENT_MAIN_TAGS.items():
        if tag in replaced and keyword not in existing:
            raise bad_request(UNDEFINED_PATIENT_TAG + format_tag(tag))
        if keyword in existing and (tag not in replaced or
                                    str(replaced[tag].element.value) != existing[keyword]):
            raise bad_request(PATIENT_TAGS_IN_STUDY + format_tag(tag))
