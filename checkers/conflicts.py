"""Two provisions that settle the same thing incompatibly: results given to
different owners, the same responsibility to different parties. Pure functions
over sentences; no spaCy needed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from checkers.lexicon import Lexicon
from checkers.parties import party_positions

Span = tuple[int, int]

_PASSIVE_OWNER = re.compile(
    r"\b(ägs av|tillfaller|tillhör|tillkommer|övergår till|belongs? to|owned by|"
    r"vests?(?: exclusively)? in|shall vest(?: exclusively)? in|ejes af|tilhører|"
    r"tilfalder|overgår til)\b",
    re.IGNORECASE,
)
_OWNERSHIP_VERB = re.compile(
    r"\b(äger|ägs|ägas|äga|ägare|äganderätt\w*|egendom|förvärvar|tillfaller|tillhör|"
    r"tillkommer|övergår|överlåts|överlåtas|behåller|owns?|owned|owner|ownership|"
    r"property|vests?|belongs?|accrue|retains?|acquires?|ejer|ejes|ejendomsret\w*|"
    r"tilhører|tilfalder|erhverver)\b",
    re.IGNORECASE,
)
# "All other results" / "Övriga resultat" are what is left, not everything; "maps
# and other results" still lists everything.
_RESIDUAL = re.compile(
    r"(^|\b(all|any|alla|samtliga|alle|samtlige)\s+)(övriga|other|remaining|øvrige|"
    r"resterande|the remaining)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]{7,}", re.UNICODE)
_TASK_WORD = re.compile(r"[^\W\d_]{6,}", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    text: str


def owner(sentence: str, parties: tuple[str, ...], lex: Lexicon) -> str | None:
    """Who a results-ownership sentence gives the results to: a party, '*each' or
    '*joint'; None when it does not say (or speaks of background IP)."""
    if lex.background.search(sentence):
        return None
    verb = _OWNERSHIP_VERB.search(sentence)
    if verb is None:
        return None  # a right to use is not ownership
    if lex.is_negated(sentence, verb.start()):
        return None  # "the Results do not accrue exclusively to the Municipality"
    if lex.each_own.search(sentence):
        return "*each"
    if lex.joint.search(sentence):
        return "*joint"
    mentions = party_positions(sentence, parties)
    passive = _PASSIVE_OWNER.search(sentence)
    if passive:
        # "a right to use all Results, including those owned by the other
        # Parties": a passive owner that names no party names no owner.
        after = [name for pos, name in mentions if pos >= passive.end()]
        return after[0] if after else None
    return mentions[0][1] if mentions else None


def _universal(sentence: str, lex: Lexicon) -> bool:
    return bool(lex.universal.search(sentence)) and not _RESIDUAL.search(sentence)


def ownership_conflict(
    sentences: Sequence[Sentence], parties: tuple[str, ...], lex: Lexicon
) -> tuple[Span, ...]:
    """Two ownership statements give the same results to different owners: one
    of them gives all the results, or both speak of the same things (the
    forecast model, the image symbols) and one of them gives them exclusively."""
    owned = [
        (s, o, _objects(s.text, parties, lex), _about_results(s.text, lex))
        for s in sentences
        if (o := owner(s.text, parties, lex)) is not None
    ]
    for (a, oa, obj_a, res_a), (b, ob, obj_b, res_b) in combinations(owned, 2):
        if oa == ob or {oa, ob} == {"*each", "*joint"}:
            continue
        a_all = _universal(a.text, lex) and not oa.startswith("*")
        b_all = _universal(b.text, lex) and not ob.startswith("*")
        shared = obj_a & obj_b
        sole = bool(lex.sole_owner.search(a.text) or lex.sole_owner.search(b.text))
        if (res_a and res_b and (a_all or b_all)) or len(shared) >= 2:
            return (a.span, b.span)
        if shared and sole:
            return (a.span, b.span)
    return ()


def _about_results(sentence: str, lex: Lexicon) -> bool:
    """The project's results as such, or something said to be made in it."""
    return bool(
        lex.results_in_general.search(sentence) or lex.project_result.search(sentence)
    )


def _objects(sentence: str, parties: tuple[str, ...], lex: Lexicon) -> set[str]:
    """What an ownership statement is about: its content-word stems."""
    names = {p.casefold() for p in parties}
    stems = {
        w[:7].casefold() for w in _WORD.findall(sentence) if w.casefold() not in names
    }
    stop = lex.object_stopwords | lex.role_stopwords
    return {
        s for s in stems if not any(s.startswith(x) or x.startswith(s) for x in stop)
    }


def _subject(sentence: str, parties: tuple[str, ...]) -> str | None:
    mentions = party_positions(sentence, parties)
    return mentions[0][1] if mentions else None


def _stems(sentence: str, parties: tuple[str, ...], lex: Lexicon) -> set[str]:
    """Task words: six-letter stems ("träna"/"träningen" differ, "rekrutterer"/
    "rekruttere" do not), without party names and common words."""
    names = {p.casefold() for p in parties}
    stems = {
        w[:6].casefold()
        for w in _TASK_WORD.findall(sentence)
        if w.casefold().rstrip("s") not in names and w.casefold() not in names
    }
    return {
        s
        for s in stems
        if not any(s.startswith(x) or x.startswith(s) for x in lex.role_stopwords)
    }


def role_conflict(
    responsibilities: Sequence[Sentence],
    all_sentences: Sequence[Sentence],
    parties: tuple[str, ...],
    lex: Lexicon,
) -> tuple[Span, ...]:
    """The project led by two parties; a task given to one party 'alone' (or
    denied to another) and also to another party; own costs and reimbursement."""
    leads = [
        (s, _subject(s.text, parties)) for s in all_sentences if lex.lead.search(s.text)
    ]
    for (a, pa), (b, pb) in combinations(leads, 2):
        if pa and pb and pa != pb:
            return (a.span, b.span)
    for a in responsibilities:
        if not lex.exclusive.search(a.text):
            continue
        pa = _subject(a.text, parties)
        for b in responsibilities:
            pb = _subject(b.text, parties)
            if b is a or not pa or not pb or pa == pb:
                continue
            if len(_stems(a.text, parties, lex) & _stems(b.text, parties, lex)) >= 2:
                return (b.span, a.span)
    same = _same_task(responsibilities, parties, lex)
    if same:
        return same
    denied = _denied_task(responsibilities, all_sentences, parties, lex)
    if denied:
        return denied
    own = [s for s in all_sentences if lex.own_costs.search(s.text)]
    pays = [
        s
        for s in all_sentences
        if (m := lex.reimburse.search(s.text)) and not lex.is_negated(s.text, m.start())
    ]
    if own and pays:
        return (own[0].span, pays[0].span)
    return ()


def _same_task(
    responsibilities: Sequence[Sentence], parties: tuple[str, ...], lex: Lexicon
) -> tuple[Span, ...]:
    """The same task, in nearly the same words, given to two different parties
    ("X ansvarar för och bekostar elanslutningen ..." twice)."""
    tasks = [
        (s, p, _stems(s.text, parties, lex))
        for s in responsibilities
        if (p := _subject(s.text, parties))
    ]
    for (a, pa, sa), (b, pb, sb) in combinations(tasks, 2):
        if pa == pb or min(len(sa), len(sb)) < 3:
            continue
        shared = sa & sb
        if len(shared) >= 3 and len(shared) >= 0.6 * min(len(sa), len(sb)):
            return (a.span, b.span)
    return ()


def _denied_task(
    responsibilities: Sequence[Sentence],
    all_sentences: Sequence[Sentence],
    parties: tuple[str, ...],
    lex: Lexicon,
) -> tuple[Span, ...]:
    """A party said not to do something ("Kommunen åtar sig inga markarbeten")
    that another provision gives it ("Kommunen ansvarar för ... markarbeten")."""
    for d in all_sentences:
        mentions = party_positions(d.text, parties)
        if not mentions:
            continue
        pos, who = mentions[0]
        neg = lex.task_denial.search(d.text, pos)
        if not neg or neg.start() - pos > 60 or lex.not_yet.search(d.text):
            continue
        rest = d.text[neg.end() :]
        brk = lex.clause_breaks.search(rest)
        denied = _stems(rest[: brk.start()] if brk else rest, parties, lex)
        if not denied:
            continue
        for r in responsibilities:
            if r.span == d.span or _subject(r.text, parties) != who:
                continue
            if lex.is_negated(r.text, len(r.text)):
                continue
            given = _stems(r.text, parties, lex)
            shared = denied & given
            if len(shared) >= 2 or (shared and shared == denied):
                return (r.span, d.span)
    return ()
