"""Decide each requirement from the cue spans: plain functions, no spaCy needed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from checkers.playbook import Requirement
from checkers.report import Status


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue match, with the sentence it stands in."""

    requirement: str
    kind: str  # met, partial, conflict, negated, exclude
    sentence: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Decision:
    status: Status
    confidence: float
    sentences: tuple[tuple[int, int], ...]


def _ranked(
    spans: tuple[tuple[int, int], ...],
    cues: list[Cue],
    on_topic: Callable[[tuple[int, int]], bool] | None,
) -> tuple[tuple[int, int], ...]:
    """The strongest sentences first: more cue matches, then a section on the
    topic, then document order."""

    def strength(span: tuple[int, int]) -> tuple[int, int, int]:
        matches = sum(1 for c in cues if c.sentence == span)
        topical = 1 if on_topic is not None and on_topic(span) else 0
        return (-(matches + 2 * topical), span[0], span[1])

    return tuple(sorted(spans, key=strength))


def decide(
    requirement: Requirement,
    cues: Iterable[Cue],
    structural: tuple[tuple[int, int], ...] = (),
    named_parties: int | None = None,
    on_topic: Callable[[tuple[int, int]], bool] | None = None,
) -> Decision:
    """conflict > met (enough substantive sentences; for roles, responsibilities of
    at least two named parties when `named_parties` is given) > partial > missing.

    Sentences that match an exclude cue (a distractor such as limitation of
    liability) do not count for this requirement at all.
    """
    own = [c for c in cues if c.requirement == requirement.id]
    ranked = own
    excluded = {c.sentence for c in own if c.kind == "exclude"}
    own = [c for c in own if c.sentence not in excluded]

    def sentences(*kinds: str) -> tuple[tuple[int, int], ...]:
        return tuple(sorted({c.sentence for c in own if c.kind in kinds}))

    conflicts = sentences("conflict")
    met_kinds = ("met", "negated") if requirement.negation_means_met else ("met",)
    deferrals = sentences("partial")
    partials = sentences("partial", "weak")
    # A sentence that defers the question does not also settle it; a merely
    # vague mention ('weak') yields to anything that does settle it.
    # Where a weak cue marks a sentence as beside the point (background IP only),
    # it does not settle the requirement even if it also reads like a met cue.
    blocked = set(deferrals)
    if requirement.weak_blocks_met:
        blocked |= set(sentences("weak"))
    mets = tuple(s for s in sentences(*met_kinds) if s not in blocked)
    if conflicts:
        return Decision("conflict", 0.7, _ranked(conflicts, ranked, on_topic)[:3])
    if structural:
        return Decision("conflict", 0.65, structural)
    enough_parties = named_parties is None or named_parties >= 2
    if len(mets) >= requirement.min_met and enough_parties:
        best = _ranked(mets, ranked, on_topic)[:3]
        return Decision("met", min(0.95, 0.6 + 0.1 * len(mets)), best)
    if mets or partials:
        return Decision(
            "partial", 0.55, _ranked(partials or mets, ranked, on_topic)[:3]
        )
    return Decision("missing", 0.6, ())
