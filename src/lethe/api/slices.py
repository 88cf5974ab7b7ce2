"""The order of the slices of a series, as Orthanc's ``SliceOrdering`` computes it.

Orthanc sorts the instances of a series along the normal of the series'
ImageOrientationPatient when every instance has an ImagePositionPatient and an orientation
parallel (or opposite) to it, and no two lie at the same place: the series is then a
``Volume``. Otherwise it sorts them by their ``IndexInSeries`` metadata (a ``Sequence``),
and when an instance has none, the slices cannot be ordered. Everything comes from the
main tags and metadata of the index, computed in single precision as Orthanc computes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from lethe.errors import ErrorCode, LetheError
from lethe.store.store import Store

_FLOAT = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_EPSILON = 10.0 * float(np.finfo(np.float32).eps)


@dataclass(frozen=True)
class SliceOrdering:
    """The instances of a series in order, each with its number of frames, and whether they
    form a volume (sorted along the normal) rather than a sequence (by IndexInSeries)."""

    instances: tuple[tuple[str, int], ...]
    is_volume: bool


def _vector(text: str | None, size: int) -> np.ndarray | None:
    """The ``size`` single-precision numbers of a ``\\``-separated value, else None."""
    if text is None:
        return None
    parts = [part.strip() for part in text.split("\\")]
    if len(parts) != size or not all(_FLOAT.fullmatch(part) for part in parts):
        return None
    return np.array([float(part) for part in parts], dtype=np.float32)


def _normal(text: str | None) -> np.ndarray | None:
    c = _vector(text, 6)
    if c is None:
        return None
    return np.array([c[1] * c[5] - c[2] * c[4], c[2] * c[3] - c[0] * c[5],
                     c[0] * c[4] - c[1] * c[3]], dtype=np.float32)


def _parallel_or_opposite(u: np.ndarray, v: np.ndarray) -> bool:
    norm = float(np.linalg.norm(u.astype(np.float64)) * np.linalg.norm(v.astype(np.float64)))
    if abs(norm) < _EPSILON:
        return False
    cosine = float(np.dot(u.astype(np.float64), v.astype(np.float64))) / norm
    return abs(cosine - 1.0) < _EPSILON or abs(abs(cosine) - 1.0) < _EPSILON


def _frames(text: str | None) -> int:
    value = (text or "").strip()
    return int(value) if value.isascii() and value.isdigit() else 1


def order_slices(store: Store, series_id: str) -> SliceOrdering:
    """The slice order of a series (an existing one); ``CANNOT_ORDER_SLICES`` (400) when
    neither the positions nor the IndexInSeries order it."""
    instances = store.instances_of(series_id)
    tags = {i: store.main_tags(i) for i in instances}
    frames = {i: _frames(tags[i].get("NumberOfFrames")) for i in instances}
    if len(instances) <= 1:
        return SliceOrdering(tuple((i, frames[i]) for i in instances), False)
    volume = _along_normal(store, series_id, instances, tags)
    if volume is not None:
        return SliceOrdering(tuple((i, frames[i]) for i in volume), True)
    indexes = []
    for instance_id in instances:
        value = store.metadata(instance_id).get("IndexInSeries", "").strip()
        if not (value.isascii() and value.isdigit()):
            raise LetheError(ErrorCode.CANNOT_ORDER_SLICES,
                             f"Unable to order the slices of series {series_id}",
                             http_status=400)
        indexes.append((int(value), instance_id))
    indexes.sort(key=lambda pair: pair[0])
    return SliceOrdering(tuple((i, frames[i]) for _, i in indexes), False)


def _along_normal(store: Store, series_id: str, instances: list[str],
                  tags: dict[str, dict[str, str]]) -> list[str] | None:
    """The instances sorted along the series' normal, or None when they cannot be."""
    normal = _normal(store.main_tags(series_id).get("ImageOrientationPatient"))
    if normal is None:
        return None
    placed = []
    for instance_id in instances:
        position = _vector(tags[instance_id].get("ImagePositionPatient"), 3)
        own = _normal(tags[instance_id].get("ImageOrientationPatient"))
        if position is None or (own is not None and not _parallel_or_opposite(own, normal)):
            return None
        distance = np.float32(normal[0] * position[0] + normal[1] * position[1]
                              + normal[2] * position[2])
        placed.append((float(distance), instance_id))
    placed.sort(key=lambda pair: pair[0])
    for (a, _), (b, _) in zip(placed, placed[1:], strict=False):
        if abs(b - a) <= _EPSILON:
            return None
    return [instance_id for _, instance_id in placed]
