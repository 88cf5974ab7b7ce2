"""Differential testing of the engine: one request run by Orthanc 1.10.1 and by Lethe, compared.

Orthanc runs the request on ``/instances/{id}/modify`` (or ``/anonymize``); Lethe reads the same
file with :mod:`lethe.dicom.part10`, applies :func:`lethe.dicom.engine.apply` and writes it. The
outputs are compared element by element (:func:`differences`), ignoring the file meta header and
the values each side generates (UIDs, anonymized PatientIDs), which must still map one to one.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import httpx
from pydicom import dcmread
from pydicom.dataset import Dataset
from pydicom.multival import MultiValue
from pydicom.valuerep import PersonName

from lethe.dicom import part10
from lethe.dicom.engine import ModificationContext, apply
from lethe.dicom.request import ModificationRequest
from lethe.dicom.tags import DEFAULT_TAGS, TagDictionary, format_tag
from lethe.dicom.uids import UidMapper
from lethe.errors import LetheError

_DCMTK_ROOT = "1.2.276.0.7230010.3."
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_METHOD = re.compile(r"^(Orthanc|Lethe) [0-9.]+ - ")


@dataclass
class Outcome:
    """What one side answered: an HTTP status, Orthanc's error code, or the output data set."""

    status: int
    code: int | None = None
    dataset: Dataset | None = None
    details: str = ""

    @property
    def refused(self) -> bool:
        return self.status >= 400


def upload(client: httpx.Client, data: bytes) -> str:
    """Store ``data`` in Orthanc; the instance ID."""
    response = client.post("/instances", content=data)
    response.raise_for_status()
    return response.json()["ID"]


def orthanc_outcome(client: httpx.Client, instance_id: str, body: object, *,
                    anonymize: bool = False) -> Outcome:
    """Run ``body`` on Orthanc's instance route."""
    route = "anonymize" if anonymize else "modify"
    content = body if isinstance(body, bytes) else None
    response = client.post(f"/instances/{instance_id}/{route}", content=content,
                           json=None if content is not None else body)
    if response.status_code != 200:
        error = response.json()
        return Outcome(response.status_code, error.get("OrthancStatus"),
                       details=error.get("Details", ""))
    return Outcome(200, dataset=dcmread(io.BytesIO(response.content)))


def lethe_outcome(data: bytes, body: object, *, anonymize: bool = False,
                  context: ModificationContext | None = None,
                  tags: TagDictionary = DEFAULT_TAGS) -> Outcome:
    """Run ``body`` through Lethe's request parser, engine and Part 10 writer."""
    context = context or ModificationContext(UidMapper.random(), anonymized_name="Anonymized1")
    try:
        request = ModificationRequest.parse(body, anonymize=anonymize, tags=tags,
                                            instance_route=True)
        header = part10.read_header(data)
        apply(header.dataset, request, context)
    except LetheError as error:
        return Outcome(error.http_status, error.code.code, details=error.details)
    out = io.BytesIO()
    part10.write_modified(header, header.dataset, data, out)
    return Outcome(200, dataset=dcmread(io.BytesIO(out.getvalue())))


def fast_and_full_files(data: bytes, header: part10.Header,
                        full: part10.Header) -> tuple[bytes, bytes]:
    """The files that the fast path (``header`` read from ``data``) and the full path
    (``full``) write for their data sets."""
    fast_out, full_out = io.BytesIO(), io.BytesIO()
    part10.write_modified(header, header.dataset, data, fast_out)
    part10.write_full(full.dataset, full_out, full.transfer_syntax)
    return fast_out.getvalue(), full_out.getvalue()


@dataclass
class _Generated:
    """Pairs of generated values seen so far (Orthanc's, Lethe's): the mapping must be 1-1."""

    forward: dict[str, str] = field(default_factory=dict)
    backward: dict[str, str] = field(default_factory=dict)

    def same(self, expected: str, actual: str) -> bool:
        generated = ((expected.startswith(_DCMTK_ROOT) and actual.startswith("2.25."))
                     or (_UUID.fullmatch(expected) and _UUID.fullmatch(actual)))
        if not generated:
            return False
        return (self.forward.setdefault(expected, actual) == actual
                and self.backward.setdefault(actual, expected) == expected)


def _normalized(value: object) -> object:
    if isinstance(value, MultiValue | list):
        return [_normalized(v) for v in value]
    if isinstance(value, bytes):
        return value.rstrip(b"\0")
    if isinstance(value, PersonName):
        return str(value)
    if isinstance(value, str):
        return _METHOD.sub("<generator> - ", value.rstrip(" \0"))
    return value


def _flatten(dataset: Dataset, prefix: str = "") -> dict[str, tuple[str, object]]:
    """Every element as ``path -> (VR, value)``; sequences by their items' elements."""
    flat: dict[str, tuple[str, object]] = {}
    for element in dataset:
        path = prefix + format_tag(element.tag)
        if element.VR == "SQ":
            flat[path] = ("SQ", len(element.value))
            for index, item in enumerate(element.value):
                flat.update(_flatten(item, f"{path}[{index}]."))
        else:
            flat[path] = (element.VR, _normalized(element.value))
    return flat


def differences(expected: Dataset, actual: Dataset) -> list[str]:
    """How ``actual`` (Lethe's output) differs from ``expected`` (Orthanc's), tag by tag."""
    left, right = _flatten(expected), _flatten(actual)
    generated = _Generated()
    found = []
    for path in sorted(left.keys() | right.keys()):
        if path not in right:
            found.append(f"{path}: missing in Lethe's output")
        elif path not in left:
            found.append(f"{path}: only in Lethe's output")
        elif left[path] != right[path]:
            (vr_a, a), (vr_b, b) = left[path], right[path]
            singles = [(x, y) for x, y in zip(a, b, strict=True)] if (
                isinstance(a, list) and isinstance(b, list) and len(a) == len(b)) else [(a, b)]
            if vr_a == vr_b and all(x == y or (isinstance(x, str) and isinstance(y, str)
                                               and generated.same(x, y)) for x, y in singles):
                continue
            found.append(f"{path}: Orthanc {left[path]!r}, Lethe {right[path]!r}")
    return found
