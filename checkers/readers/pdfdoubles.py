"""Fake bold (text drawn twice, a fraction of a point apart) on the pdfium path.

pdfium keeps only the first drawing of such text; pdfminer keeps both, and our
reader then removes the doubles with pdfplumber's `dedupe_chars`. To give the
same characters, the second drawing is put back as pdfminer would read it (the
twin's characters, moved by the offset between the two drawings) and the same
de-duplication runs on the result."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from pdfplumber.utils.clustering import cluster_objects

Char = dict[str, Any]

_TWIN_OFFSET = 2.0  # at most this far apart (pt) to be one glyph drawn twice
_SAME_SIZE = 0.01


@dataclass(frozen=True, slots=True)
class Drawn:
    """A text object as pdfium lists it: its place in the content, bounds (PDF
    space: left, bottom, right, top), font and font size."""

    order: int
    bounds: tuple[float, float, float, float]
    font: int
    font_size: float


def restore_doubles(
    chars: list[Char], owners: list[int], dropped: set[int], drawn: dict[int, Drawn]
) -> list[Char] | None:
    """`chars` (owned, one to one, by the text objects in `owners`) with the
    text objects pdfium dropped put back in content order; None unless each
    dropped object is a copy of an earlier one it kept, slightly moved."""
    by_owner: dict[int, list[Char]] = {}
    for char, owner in zip(chars, owners, strict=True):
        by_owner.setdefault(owner, []).append(char)
    added: list[tuple[int, list[Char]]] = []
    for address in sorted(dropped, key=lambda a: drawn[a].order):
        twin = _twin(drawn[address], drawn, by_owner)
        if twin is None:
            return None
        dx, dy = _offset(drawn[twin], drawn[address])
        added.append(
            (drawn[address].order, [_moved(c, dx, dy) for c in by_owner[twin]])
        )
    merged: list[tuple[int, list[Char]]] = [
        (drawn[owner].order, [char]) for char, owner in zip(chars, owners, strict=True)
    ]
    # A stable sort by content order: pdfium lists the objects in that order.
    merged = sorted(merged + added, key=itemgetter(0))
    return [char for _, group in merged for char in group]


def _twin(
    copy: Drawn, drawn: dict[int, Drawn], by_owner: dict[int, list[Char]]
) -> int | None:
    """The latest earlier kept object of the same font, size and extent."""
    best: int | None = None
    for address, other in drawn.items():
        if other.order >= copy.order or address not in by_owner:
            continue
        if other.font != copy.font or other.font_size != copy.font_size:
            continue
        dx, dy = _offset(other, copy)
        same_size = all(
            abs(
                (copy.bounds[i + 2] - copy.bounds[i])
                - (other.bounds[i + 2] - other.bounds[i])
            )
            <= _SAME_SIZE
            for i in (0, 1)
        )
        if same_size and abs(dx) <= _TWIN_OFFSET and abs(dy) <= _TWIN_OFFSET:
            if best is None or other.order > drawn[best].order:
                best = address
    return best


def _offset(first: Drawn, second: Drawn) -> tuple[float, float]:
    return second.bounds[0] - first.bounds[0], second.bounds[1] - first.bounds[1]


def _moved(char: Char, dx: float, dy: float) -> Char:
    """The character drawn `dx` right and `dy` up (PDF space; `top` runs down)."""
    return {
        **char,
        "x0": char["x0"] + dx,
        "x1": char["x1"] + dx,
        "top": char["top"] - dy,
        "bottom": char["bottom"] - dy,
        "doctop": char["doctop"] - dy,
    }


def dedupe_chars(chars: list[Char], tolerance: float = 1) -> list[Char]:
    """pdfplumber's `utils.dedupe_chars` (same grouping, same survivors, same
    order), without its quadratic final sort (`list.index` per character)."""
    key = itemgetter("upright", "text", "fontname", "size")
    position = itemgetter("doctop", "x0")
    index = {id(char): i for i, char in enumerate(chars)}

    def unique() -> Iterator[Char]:
        for _, group in itertools.groupby(sorted(chars, key=key), key=key):
            for row in cluster_objects(list(group), itemgetter("doctop"), tolerance):
                for cluster in cluster_objects(row, itemgetter("x0"), tolerance):
                    yield sorted(cluster, key=position)[0]

    return sorted(unique(), key=lambda char: index[id(char)])
