"""Tag paths of ``Replace`` keys and ``Remove``/``Keep`` entries (Orthanc behaviour spec 4).

Grammar (4.1): the text is split on every ``.``; each piece but the last is
``tag[index]`` with ``index`` a non-negative decimal or ``*``; the last piece
is a tag. Spaces around tags and indexes are ignored. Tags are written in any
form of :meth:`lethe.dicom.tags.TagDictionary.parse_tag`.

Errors (4.4) are Orthanc's: ``PARAMETER_OUT_OF_RANGE`` with Orthanc's details
for a malformed prefix, ``UNKNOWN_DICOM_TAG`` for an unknown tag (HTTP 400
where Orthanc answers 500). As in Orthanc, the final tag is parsed first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pydicom.dataset import Dataset
from pydicom.sequence import Sequence
from pydicom.tag import BaseTag

from lethe.dicom.tags import TagDictionary
from lethe.errors import out_of_range

_INDEX = re.compile(r"[+-]?[0-9]+")
_INT_MAX = 2**31 - 1  # Orthanc parses indexes as a C++ int


@dataclass(frozen=True)
class PathStep:
    """One ``tag[index]`` level of a path prefix; ``index`` ``None`` means ``[*]``."""

    tag: BaseTag
    index: int | None

    def matches(self, tag: int, index: int) -> bool:
        """True if the item ``index`` of sequence ``tag`` is selected by this step."""
        return tag == self.tag and (self.index is None or self.index == index)


@dataclass(frozen=True)
class TagPath:
    """A parsed path: the sequence items to go through, then the final tag.

    ``text`` is the path as the client wrote it (error messages echo it).
    """

    prefix: tuple[PathStep, ...]
    final: BaseTag
    text: str

    @property
    def is_top_level(self) -> bool:
        """True if the path names a tag of the dataset itself (no prefix)."""
        return not self.prefix

    def __str__(self) -> str:
        return self.text


def _parse_index(text: str) -> int | None:
    if text == "*":
        return None
    if _INDEX.fullmatch(text) is None or abs(int(text)) > _INT_MAX:
        raise out_of_range(f"Not a valid index in parent path: [{text}]")
    index = int(text)
    if index < 0:
        raise out_of_range(f"Negative index in parent path: {text}")
    return index


def _parse_step(piece: str, tags: TagDictionary) -> PathStep:
    tag_text, bracket, rest = piece.partition("[")
    if not bracket:
        raise out_of_range("Parent path doesn't contain an index")
    tag_text, rest = tag_text.strip(), rest.strip()
    if not tag_text:
        raise out_of_range("Parent path doesn't contain a tag")
    if not rest.endswith("]"):
        raise out_of_range("Parent path doesn't contain the end of the index")
    index = _parse_index(rest[:-1].strip())
    return PathStep(tags.parse_tag(tag_text), index)


def parse_path(text: str, tags: TagDictionary) -> TagPath:
    """Parse ``text`` (spec 4.1); raise ``LetheError`` as in spec 4.4."""
    pieces = text.split(".")
    final = tags.parse_tag(pieces[-1].strip())
    prefix = tuple(_parse_step(piece, tags) for piece in pieces[:-1])
    return TagPath(prefix, final, text)


def _items(dataset: Dataset, step: PathStep) -> Iterator[Dataset]:
    if step.tag not in dataset:
        return
    sequence = dataset[step.tag].value
    if not isinstance(sequence, Sequence):
        return
    if step.index is None:
        yield from sequence
    elif step.index < len(sequence):
        yield sequence[step.index]


def matching_parents(dataset: Dataset, path: TagPath) -> Iterator[Dataset]:
    """The existing datasets in which ``path.final`` is to be set or removed.

    For a top-level path, the dataset itself. For a nested path, every item
    reached through the prefix, in document order; a missing sequence, an
    element that is not a sequence, or an out-of-range index selects nothing
    (spec 4.3). Only the sequences on the path are decoded.
    """
    if not path.prefix:
        yield dataset
        return
    first, rest = path.prefix[0], TagPath(path.prefix[1:], path.final, path.text)
    for item in _items(dataset, first):
        yield from matching_parents(item, rest)

def path_matches(path: TagPath, chain: tuple[tuple[BaseTag, int], ...], tag: BaseTag) -> bool:
    """Spec 4.2: does ``path`` select the element ``tag`` reached through ``chain``?

    ``chain`` lists the (sequence tag, item index) pairs from the top-level
    dataset down to the dataset holding the element. An element inside the
    subtree of the path's final tag matches too.
    """
    depth = len(path.prefix)
    if len(chain) < depth:
        return False
    if not all(step.matches(t, i) for step, (t, i) in zip(path.prefix, chain, strict=False)):
        return False
    # int comparisons: BaseTag's own (in Python) returns an untyped value, and is slower.
    if len(chain) == depth:
        return int(tag) == int(path.final)
    return int(chain[depth][0]) == int(path.final)
