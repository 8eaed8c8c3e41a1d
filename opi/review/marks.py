"""The agreement text cut into pieces, each marked with the evidence it belongs to:
overlapping evidence of several requirements is cut at every boundary."""

from __future__ import annotations

from dataclasses import dataclass

from checkers.document import Block, Document
from checkers.report import Report


@dataclass(frozen=True, slots=True)
class Mark:
    """One piece of evidence: the card it belongs to (1-based) and its anchor id."""

    card: int
    anchor: str
    status: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text; `marks` empty when it is no evidence. `opens` are the marks
    that start here (they get the anchor), `closes` those that end here."""

    text: str
    marks: tuple[Mark, ...] = ()
    opens: tuple[Mark, ...] = ()
    closes: tuple[Mark, ...] = ()


def evidence_anchor(card: int, index: int) -> str:
    """The id of evidence `index` (1-based) of card `card` in the HTML page."""
    return f"ev-{card}-{index}"


def report_marks(report: Report) -> tuple[Mark, ...]:
    """Every piece of evidence of the report, with its card number."""
    return tuple(
        Mark(
            card=card,
            anchor=evidence_anchor(card, index),
            status=finding.status,
            start=evidence.start,
            end=evidence.end,
        )
        for card, finding in enumerate(report.findings, start=1)
        for index, evidence in enumerate(finding.evidence, start=1)
        if evidence.end > evidence.start
    )


def block_pieces(
    document: Document, block: Block, marks: tuple[Mark, ...]
) -> list[Piece]:
    """`block`'s text cut at every evidence boundary inside it. A mark that
    starts in an earlier block opens again here (anchors only open once)."""
    inside = [m for m in marks if m.start < block.end and m.end > block.start]
    cuts = {block.start, block.end}
    for mark in inside:
        cuts.add(max(mark.start, block.start))
        cuts.add(min(mark.end, block.end))
    edges = sorted(cuts)
    pieces = []
    for lo, hi in zip(edges, edges[1:], strict=False):
        covering = tuple(m for m in inside if m.start <= lo and hi <= m.end)
        pieces.append(
            Piece(
                text=document.text[lo:hi],
                marks=covering,
                opens=tuple(m for m in covering if m.start == lo),
                closes=tuple(m for m in covering if m.end <= hi),
            )
        )
    return pieces
