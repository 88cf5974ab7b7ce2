"""A plan before writing: what a request does to each attribute of an instance, and why.

:func:`plan_instance` applies the request to a copy of a data set with the engine itself (so the
plan cannot drift from what a real run writes) and compares the copy with the source, element by
element at any depth. Each attribute gets an :class:`AttributeAction`:

* ``action``: ``removed``, ``emptied``, ``replaced``, ``kept`` or ``added``;
* ``value``: for a replaced or added attribute, the kind of its new value, never the value:
  ``new UID``, ``pseudonym``, ``shifted date``, ``cleaned text``, ``request value``,
  ``fixed value`` (what the engine fills in: PatientIdentityRemoved, DeidentificationMethod,
  the code sequence...);
* ``reason``: the rule that decided: ``Keep``, ``Replace``, ``Remove`` (the request),
  ``option <Name> (K|C)``, ``profile <version> (<Table E.1-1 code>)``, ``private tag``,
  ``safe private attribute``, ``curve or overlay``, ``overlay group``, ``date shift``,
  ``not in the profile``, ``nested rule`` (a UID or PatientID inside a sequence).

:func:`summarize` counts the actions of many instances (a series, a study, a whole request).
Nothing here logs or returns a value of the data set.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from pydicom.datadict import keyword_for_tag
from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset
from pydicom.tag import BaseTag, Tag

from lethe.dicom.engine import ModificationContext, apply
from lethe.dicom.options import option_table
from lethe.dicom.paths import path_matches
from lethe.dicom.request import MAIN_UIDS, PATIENT_ID, PATIENT_NAME, ModificationRequest
from lethe.dicom.tags import format_tag
from lethe.dicom.verify import burned_in_reason

Chain = tuple[tuple[BaseTag, int], ...]
_ENGINE_VALUES = frozenset({Tag(0x0012, 0x0062), Tag(0x0012, 0x0063), Tag(0x0012, 0x0064),
                            Tag(0x0028, 0x0303)})


@dataclass(frozen=True)
class AttributeAction:
    """What happens to one attribute: where (``path``, ``tag``, ``keyword``), what (``action``,
    ``value``: the kind of the new value) and why (``reason``)."""

    path: str
    tag: str
    keyword: str
    action: str
    value: str | None
    reason: str


@dataclass(frozen=True)
class InstancePlan:
    """The plan of one instance: its attributes, and why its pixels may show identifying text
    (``burned_in``: see :func:`lethe.dicom.verify.burned_in_reason`; None if no reason)."""

    attributes: tuple[AttributeAction, ...]
    burned_in: str | None

    def as_json(self) -> dict[str, Any]:
        """The plan as Orthanc-style JSON (``Attributes``, ``BurnedInAnnotation``)."""
        return {"Attributes": [{key.capitalize() if key != "keyword" else "Keyword": value
                                for key, value in asdict(action).items()}
                               for action in self.attributes],
                "BurnedInAnnotation": self.burned_in}


def plan_instance(source: Dataset, request: ModificationRequest,
                  context: ModificationContext) -> InstancePlan:
    """The plan of ``request`` for ``source``, which is left unchanged.

    Parameters
    ----------
    source : pydicom.dataset.Dataset
        The instance (a header read is enough: the pixel data is never planned).
    request : ModificationRequest
        The parsed request.
    context : ModificationContext
        The context a real run would use (its mapper decides nothing the plan shows, but
        the engine needs it).

    Returns
    -------
    InstancePlan
        One action per attribute of the source or the output, in path order.

    Raises
    ------
    lethe.errors.LetheError
        As the engine would for this instance (a value its character set cannot hold...).
    """
    output = copy.deepcopy(source)
    apply(output, request, context)
    before, after = _flatten(source), _flatten(output)
    actions = []
    for path in sorted(set(before) | set(after), key=_sort_key):
        action, value = _classify(path, before.get(path), after.get(path), request)
        actions.append(AttributeAction(_path_text(path), format_tag(path[-1]),
                                       _keyword(path[-1]), action, value,
                                       _reason(path, action, value, request)))
    return InstancePlan(tuple(actions), burned_in_reason(source))


def summarize(plans: Iterable[InstancePlan]) -> dict[str, Any]:
    """Counts over many instances: ``Instances``, ``Actions`` (action -> count), ``Tags``
    (``gggg,eeee Keyword`` -> action -> count, top-level attributes) and ``BurnedInAnnotation``
    (how many instances have a reason)."""
    instances = 0
    actions: Counter[str] = Counter()
    tags: dict[str, Counter[str]] = {}
    burned = 0
    for plan in plans:
        instances += 1
        burned += plan.burned_in is not None
        for attribute in plan.attributes:
            actions[attribute.action] += 1
            if "." not in attribute.path:
                name = f"{attribute.tag} {attribute.keyword}".strip()
                tags.setdefault(name, Counter())[attribute.action] += 1
    return {"Instances": instances, "Actions": dict(sorted(actions.items())),
            "Tags": {name: dict(sorted(counts.items())) for name, counts in sorted(tags.items())},
            "BurnedInAnnotation": burned}


def _flatten(dataset: Dataset, chain: Chain = ()) -> dict[tuple[Any, ...], DataElement]:
    found: dict[tuple[Any, ...], DataElement] = {}
    for tag in dataset.keys():  # noqa: SIM118 - iterating a Dataset would convert elements
        if tag >> 16 == 0x7FE0:
            continue
        element = dataset[tag]
        found[(*chain, tag)] = element
        if element.VR == "SQ" and element.value is not None:
            for index, item in enumerate(element.value):
                if isinstance(item, Dataset):
                    found.update(_flatten(item, (*chain, (tag, index))))
    return found


def _sort_key(path: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple((int(step[0]), step[1]) if isinstance(step, tuple) else (int(step), -1)
                 for step in path)


def _empty(element: DataElement) -> bool:
    return element.value is None or (not isinstance(element.value, int | float)
                                     and len(element.value) == 0)


def _classify(path: tuple[Any, ...], before: DataElement | None, after: DataElement | None,
              request: ModificationRequest) -> tuple[str, str | None]:
    tag = path[-1]
    if after is None:
        return "removed", None
    if before is None:
        return "added", _value_kind(path, after, request, added=True)
    if before.VR == "SQ":
        if len(after.value or []) == 0 and len(before.value or []) > 0:
            return "emptied", None
        if tag in _ENGINE_VALUES and len(path) == 1:
            return "replaced", "fixed value"
        return "kept", None
    if after.value == before.value:
        return "kept", None
    if _empty(after):
        return "emptied", None
    return "replaced", _value_kind(path, after, request, added=False)


def _value_kind(path: tuple[Any, ...], after: DataElement, request: ModificationRequest,
                added: bool) -> str:
    tag = path[-1]
    top = len(path) == 1
    if top and tag in request.replaced_tags and tag not in _ENGINE_VALUES:
        return "request value"
    if not top and any(path_matches(entry.path, _chain(path), tag)
                       for entry in request.nested_replacements):
        return "request value"
    if tag in _ENGINE_VALUES:
        return "fixed value"
    if tag in (PATIENT_ID, PATIENT_NAME):
        return "pseudonym"
    if after.VR == "UI":
        return "new UID"
    if after.VR in ("DA", "DT") and request.shift_dates:
        return "shifted date"
    if tag in request.cleaned or (request.keeps_ranges and request.profile is not None
                                  and request.profile.in_removed_range(tag)):
        return "cleaned text"
    return "fixed value" if added else "request value"


def _reason(path: tuple[Any, ...], action: str, value: str | None,
            request: ModificationRequest) -> str:
    tag, chain, top = path[-1], _chain(path), len(path) == 1
    if not top and chain[0][0] in _ENGINE_VALUES:
        return "added by the anonymization"
    if any(path_matches(kept, chain, tag) for kept in request.kept_paths):
        return "Keep"
    if not top:
        if any(path_matches(entry.path, chain, tag) for entry in request.nested_replacements):
            return "Replace"
        if any(path_matches(removed, chain, tag) for removed in request.nested_removals):
            return "Remove"
    elif tag in request.replaced_tags and tag not in _ENGINE_VALUES:
        return "Replace"
    elif any(p.is_top_level and p.final == tag for p in request.remove):
        return "Remove"
    if tag.is_private:
        if action == "kept":
            return "safe private attribute" if request.safe_private else (
                "private tags kept" if request.anonymize else "not changed")
        return "private tag"
    if value == "shifted date":
        return "date shift"
    option = _option_reason(tag, request)
    if option is not None:
        return option
    if request.profile is None:
        return "level UIDs" if tag in MAIN_UIDS and action == "replaced" else "not changed"
    if request.removes_range(tag):
        return "curve or overlay"
    if action == "removed" and 0x6000 <= tag >> 16 <= 0x60FF:
        return "overlay group"
    code = _profile_codes(request.profile.version).get(int(tag))
    if code is not None:
        return f"profile {request.profile.version} ({code})"
    if tag in _ENGINE_VALUES or tag == PATIENT_NAME:
        return f"profile {request.profile.version}"
    if not top and action == "replaced":
        return "nested rule"
    return "not in the profile"


def _option_reason(tag: BaseTag, request: ModificationRequest) -> str | None:
    if not request.options or request.profile is None:
        return None
    if request.retain_uids and tag in MAIN_UIDS:
        return "option RetainUIDs (K)"
    codes = option_table(request.profile.version).get(
        f"({tag >> 16:04X},{tag & 0xFFFF:04X})", {})
    chosen = [(name, code) for name, code in codes.items() if name in request.options]
    for wanted in ("C", "K"):
        for name, code in chosen:
            if code == wanted and (code == "K" or tag in request.cleaned):
                return f"option {name} ({code})"
    return None


@cache
def _profile_codes(version: str) -> dict[int, str]:
    """Tag -> Table E.1-1 code of the basic profile (the action where no code is given)."""
    resource = files("lethe.dicom") / "profiles" / f"orthanc-{version}.json"
    codes = {}
    for entry in json.loads(resource.read_text(encoding="utf-8")):
        if "pattern" in entry or "range" in entry:
            continue
        group, element = entry["tag"].strip("()").split(",")
        codes[int(group, 16) << 16 | int(element, 16)] = (entry.get("ps315_basic_profile")
                                                          or entry["action"])
    return codes


def _chain(path: tuple[Any, ...]) -> Chain:
    return tuple(path[:-1])


def _keyword(tag: BaseTag) -> str:
    return "" if tag.is_private else keyword_for_tag(tag)


def _path_text(path: tuple[Any, ...]) -> str:
    parts = []
    for step in path[:-1]:
        parts.append(f"{_name(step[0])}[{step[1]}]")
    parts.append(_name(path[-1]))
    return ".".join(parts)


def _name(tag: BaseTag) -> str:
    return _keyword(tag) or f"({format_tag(tag)})"
