"""Anonymize each study once it is stable, send it to the modality "sample", and delete
the anonymized copy (the README's recipe, as ``PythonScripts`` loads it)."""

TARGET = "sample"


def on_stable_study(api, study_id, tags, metadata):
    if "AnonymizedFrom" in metadata or "ModifiedFrom" in metadata:
        return  # a copy made by this script (or another): never anonymized again
    copy = api.post(f"/studies/{study_id}/anonymize", {"Keep": ["StudyDescription"]})
    api.post(f"/modalities/{TARGET}/store", {"Resources": [copy["ID"]], "Synchronous": True})
    api.delete(f"/studies/{copy['ID']}")
