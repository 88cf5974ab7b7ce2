"""What rebuilds a modification job after a stop: its description as JSON, and back.

The description holds the plan (:class:`~lethe.jobs.modification.ModificationPlan`): the
request as the client sent it with the options it was parsed with (it is parsed again), the
context (the UID key drawn for the job, the ``Anonymized<N>`` name drawn, ...), the sources,
``KeepSource``, ``Permissive`` and the other options, and the tag of the job's pending
outputs. The job's progress is in its saved steps (:meth:`ModificationJob.resume_from`).

A request that names a ``PseudonymizationKey`` keeps no key here: the project key is derived
again from the configuration (:func:`lethe.jobs.submission.new_context`), as the secret and
its key are never stored in the index. A per-job UID key is stored while the job has not
succeeded (:mod:`lethe.jobs.persistence` drops the description of a job that succeeded).

A plan with a field that is not plain JSON (added later, without a way to save it) makes
the job one that cannot be rebuilt, rather than one rebuilt wrong.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from lethe.config import Config
from lethe.dicom.engine import ModificationContext
from lethe.dicom.request import ModificationRequest
from lethe.dicom.tags import TagDictionary
from lethe.dicom.uids import UidMapper
from lethe.jobs.modification import ModificationJob, ModificationPlan, ParsedFrom
from lethe.jobs.pool import WorkerPool
from lethe.jobs.submission import new_context
from lethe.store.ingest import Origin
from lethe.store.model import Level
from lethe.store.store import Store

KIND = "Modification"
_PLAIN = (str, int, float, bool, type(None))


class NotSaved(Exception):  # noqa: N818 - a condition, not a failure
    """A part of the plan has no JSON form."""


def describe_job(job: ModificationJob) -> dict[str, Any] | None:
    """The description of ``job`` (see the module), or None when it cannot be rebuilt."""
    plan = job.plan
    if plan.parsed_from is None:
        return None
    try:
        saved = {field.name: _field(plan, field.name) for field in dataclasses.fields(plan)
                 if field.name != "request"}
    except NotSaved:
        return None
    return {"Kind": KIND, "OutputTag": job.output_tag, "Plan": saved}


def _field(plan: ModificationPlan, name: str) -> Any:
    value = getattr(plan, name)
    if name == "context":
        return _context(plan)
    if name == "parsed_from":
        parsed: ParsedFrom = value
        return {"body": parsed.body, "anonymize": parsed.anonymize,
                "level": None if parsed.level is None else int(parsed.level),
                "default_private_creator": parsed.default_private_creator}
    if name == "origin":
        return dataclasses.asdict(value)
    if name == "output_level":
        return None if value is None else int(value)
    if isinstance(value, tuple) and all(isinstance(item, str) for item in value):
        return list(value)
    if isinstance(value, _PLAIN):
        return value
    raise NotSaved(name)


def _context(plan: ModificationPlan) -> dict[str, Any]:
    if getattr(plan.request, "pseudonymization_key", None) is not None:
        return {"keyed": True}  # derived again from the configuration
    context = plan.context
    key, root, overrides = context.uids.__getstate__()
    saved: dict[str, Any] = {"uids": {
        "key": key.hex(), "root": root,
        "overrides": [[int(level), original, new]
                      for (level, original), new in overrides.items()]}}
    for field in dataclasses.fields(context):
        if field.name != "uids":
            value = getattr(context, field.name)
            if not isinstance(value, _PLAIN):
                raise NotSaved(f"context.{field.name}")
            saved[field.name] = value
    return saved


def rebuild_job(description: dict[str, Any], steps: list[dict[str, Any]], created: set[str],
                store: Store, pool: WorkerPool, config: Config,
                tags: TagDictionary) -> ModificationJob:
    """The job of ``description``, positioned after its saved ``steps`` (``created``: its
    pending outputs in the index). Raises :class:`~lethe.errors.LetheError` when its request
    no longer parses (the tag dictionary changed), ``KeyError``/``TypeError``/``ValueError``
    for a description this Lethe does not understand."""
    saved = dict(description["Plan"])
    parsed_json = saved.pop("parsed_from")
    parsed = ParsedFrom(parsed_json["body"], bool(parsed_json["anonymize"]),
                        None if parsed_json["level"] is None else Level(parsed_json["level"]),
                        parsed_json["default_private_creator"])
    request = ModificationRequest.parse(
        parsed.body, anonymize=parsed.anonymize, tags=tags,
        default_private_creator=parsed.default_private_creator, level=parsed.level)
    context_json = saved.pop("context")
    context = new_context(store, config, request) if context_json.get("keyed") else \
        _rebuilt_context(context_json)
    output_level = saved.pop("output_level")
    plan = ModificationPlan(
        request=request, context=context, parsed_from=parsed,
        sources=tuple(saved.pop("sources")), parents=tuple(saved.pop("parents")),
        output_level=None if output_level is None else Level(output_level),
        origin=Origin(**saved.pop("origin")), **saved)
    job = ModificationJob(store, pool, plan, output_tag=description["OutputTag"])
    job.resume_from(steps, created)
    return job


def _rebuilt_context(saved: dict[str, Any]) -> ModificationContext:
    uids_json = saved.pop("uids")
    uids = UidMapper(bytes.fromhex(uids_json["key"]), uids_json["root"],
                     {(Level(level), original): new
                      for level, original, new in uids_json["overrides"]})
    return ModificationContext(uids, **saved)
