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


Span = tuple[int, int]
EVIDENCE = 3  # sentences shown for a verdict


def _ranked(
    spans: tuple[Span, ...],
    cues: list[Cue],
    on_topic: Callable[[Span], bool] | None,
    telling: Callable[[Span], bool] | None = None,
    party_of: Callable[[Span], str | None] | None = None,
) -> tuple[Span, ...]:
    """The strongest sentences first: a sentence that says something of itself
    (not a lead-in such as "Kommunen ansvarar för att:"), more cue matches, a
    section on the topic, then document order. With `party_of`, the first
    sentences speak of as many different parties as there are."""

    def strength(span: Span) -> tuple[int, int, int, int]:
        matches = sum(1 for c in cues if c.sentence == span)
        topical = 1 if on_topic is not None and on_topic(span) else 0
        mute = 0 if telling is None or telling(span) else 1
        return (mute, -(matches + 2 * topical), span[0], span[1])

    ranked = sorted(spans, key=strength)
    if party_of is None:
        return tuple(ranked)
    first: list[Span] = []
    seen: set[str | None] = set()
    for span in ranked:
        party = party_of(span)
        if party is not None and party not in seen:
            seen.add(party)
            first.append(span)
    return tuple(first + [s for s in ranked if s not in first])


def decide(
    requirement: Requirement,
    cues: Iterable[Cue],
    structural: tuple[tuple[int, int], ...] = (),
    named_parties: int | None = None,
    on_topic: Callable[[tuple[int, int]], bool] | None = None,
    telling: Callable[[Span], bool] | None = None,
    party_of: Callable[[Span], str | None] | None = None,
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
        return Decision(
            "conflict", 0.7, _ranked(conflicts, ranked, on_topic, telling)[:EVIDENCE]
        )
    if structural:
        return Decision("conflict", 0.65, structural)
    enough_parties = named_parties is None or named_parties >= 2
    if len(mets) >= requirement.min_met and enough_parties:
        best = _ranked(mets, ranked, on_topic, telling, party_of)[:EVIDENCE]
        return Decision("met", min(0.95, 0.6 + 0.1 * len(mets)), best)
    if mets or partials:
        shown = _ranked(partials or mets, ranked, on_topic, telling)
        return Decision("partial", 0.55, shown[:EVIDENCE])
    return Decision("missing", 0.6, ())
