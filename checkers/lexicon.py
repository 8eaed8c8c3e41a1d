"""Language resources (checkers/data/language.yaml) compiled for one language."""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from typing import Any

import yaml

from checkers.lemmas import lemma_table


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: str
    negators: re.Pattern[str]
    not_yet: re.Pattern[str]
    deferral: re.Pattern[str]
    lawful_exclusion: re.Pattern[str]
    not_denial: re.Pattern[str]
    commitment: re.Pattern[str]
    binding: re.Pattern[str]
    background_section: re.Pattern[str]
    participants: re.Pattern[str]
    reflexive: re.Pattern[str]
    role_stopwords: frozenset[str]
    measure: re.Pattern[str]
    percent_words: frozenset[str]
    target_verbs: re.Pattern[str]
    deemed_met: re.Pattern[str]
    out_of_scope: re.Pattern[str]
    at_least: re.Pattern[str]
    at_most: re.Pattern[str]
    baseline: re.Pattern[str]
    measuring: re.Pattern[str]
    recurring: re.Pattern[str]
    once: re.Pattern[str]
    from_to: re.Pattern[str]
    below: re.Pattern[str]
    at_start: re.Pattern[str]
    comparison: re.Pattern[str]
    after_start: re.Pattern[str]
    halve: re.Pattern[str]
    decrease: re.Pattern[str]
    increase: re.Pattern[str]
    target_stopwords: tuple[str, ...]
    action_groups: tuple[frozenset[str], ...]
    same_roles: tuple[frozenset[str], ...]
    stop_words: frozenset[str]
    clause_breaks: re.Pattern[str]
    party_definitions: tuple[re.Pattern[str], ...]
    universal: re.Pattern[str]
    exclusive: re.Pattern[str]
    lead: re.Pattern[str]
    appoints_lead: re.Pattern[str]
    lead_label: re.Pattern[str]
    chair: re.Pattern[str]
    unique_role: re.Pattern[str]
    each_own: re.Pattern[str]
    joint: re.Pattern[str]
    sole_owner: re.Pattern[str]
    equal_shares: re.Pattern[str]
    share_word: re.Pattern[str]
    joint_results: re.Pattern[str]
    use_denial: re.Pattern[str]
    own_activity: re.Pattern[str]
    any_creator: re.Pattern[str]
    made_by: re.Pattern[str]
    improvements: re.Pattern[str]
    any_time: re.Pattern[str]
    term_definition: re.Pattern[str]
    together: re.Pattern[str]
    pronoun: re.Pattern[str]
    one_of_them: re.Pattern[str]
    proportional: re.Pattern[str]
    exclusive_licence: re.Pattern[str]
    restricted_use: re.Pattern[str]
    object_stopwords: frozenset[str]
    background: re.Pattern[str]
    task_denial: re.Pattern[str]
    task_prohibition: re.Pattern[str]
    no_duties: re.Pattern[str]
    confined: re.Pattern[str]
    task_verbs: re.Pattern[str]
    task_passive: re.Pattern[str]
    task_modal: re.Pattern[str]
    finite_verb: re.Pattern[str]
    for_whom: re.Pattern[str]
    conjunction: re.Pattern[str]
    nothing: re.Pattern[str]
    only_for: re.Pattern[str]
    duties: re.Pattern[str]
    grants_licence: re.Pattern[str]
    no_fee: re.Pattern[str]
    holding: re.Pattern[str]
    deadline: re.Pattern[str]
    right_of_use: re.Pattern[str]
    free_use: re.Pattern[str]
    paid_use: re.Pattern[str]
    lasting_use: re.Pattern[str]
    ending_use: re.Pattern[str]
    breaks: re.Pattern[str]
    determiner_negators: re.Pattern[str]
    hedge: re.Pattern[str]
    purpose: re.Pattern[str]
    results_in_general: re.Pattern[str]
    project_result: re.Pattern[str]
    own_costs: re.Pattern[str]
    reimburse: re.Pattern[str]
    exception: re.Pattern[str]
    party_nouns: tuple[str, ...]
    not_parties: frozenset[str]

    def lemma(self, word: str) -> str:
        """The lookup lemma of a word, lower case (the word if it is unknown)."""
        table = lemma_table(self.language)
        return table.lemma(word) if table is not None else word.lower()

    def denied(self, sentence: str, start: int, end: int) -> bool:
        """A negator close to sentence[start:end] (a few words before, or after it:
        "Några effektmål fastställs inte"), in the same clause, that is not a
        deferral ("har ännu inte bestämts")."""
        clause_start, clause_end = self.clause(sentence, start, end)
        lo, hi = max(clause_start, start - 25), min(clause_end, end + 45)
        window = sentence[lo:hi]
        if self.not_yet.search(window) or self.not_denial.search(window):
            return False
        if self.breaks.search(sentence, clause_start, clause_end):
            return False  # "Under skollov görs inga mätningar": a pause, no denial
        if not self.commitment.search(sentence):
            return False  # "Residents are often not followed up": a description
        # "Fysioterapeuternas tid för uppföljning ska inte öka": the negator
        # bounds a change of an indicator (a guard), it denies no measurement.
        return any(
            not self._bounds_change(window, m.end())
            and not self._other_phrase(window, m, start - lo)
            for m in self.negators.finditer(window)
        )

    def _other_phrase(self, window: str, negator: re.Match[str], at: int) -> bool:
        """A determiner negator ("no", "inga") after the word at `at` negates
        another noun phrase, the object ("The measurement data contain no
        personal data"); before it, it negates the word's own phrase or the
        subject, and so the clause ("No party will measure the effects")."""
        return (
            bool(self.determiner_negators.match(negator.group(0)))
            and at < negator.start()
        )

    def _bounds_change(self, text: str, at: int) -> bool:
        rest = text[at:].lstrip()
        return bool(self.increase.match(rest) or self.decrease.match(rest))

    def clause(self, sentence: str, start: int, end: int) -> tuple[int, int]:
        """The bounds of the clause of `sentence` that holds sentence[start:end]."""
        clause_start, clause_end = 0, len(sentence)
        for brk in self.clause_breaks.finditer(sentence):
            if brk.end() <= start:
                clause_start = brk.end()
            elif brk.start() >= end:
                clause_end = brk.start()
                break
        return clause_start, clause_end

    def defers(self, sentence: str, start: int, end: int) -> bool:
        """The clause holding sentence[start:end] leaves its matter for later
        ("Ownership ... will be decided by the Steering Committee at a later date")."""
        lo, hi = self.clause(sentence, start, end)
        # The breaks around the clause may hold its verb: in "Kommunen och
        # Bolaget ska senare enas om ..." and "The division of work between the
        # Council and the Company will be set out ..." the break ("och Bolaget
        # ska", "and the Company will") joins two parties to one verb.
        after = self.clause_breaks.match(sentence, hi)
        if after is not None:
            hi = after.end()
        return any(
            m.start() < hi and m.end() > lo for m in self.deferral.finditer(sentence)
        )

    def governs(self, sentence: str, start: int, end: int) -> bool:
        """A negator on the verb itself: inside the match ("får inte lämna anbud")
        or just before it ("inte får lämna anbud", "may not tender")."""
        return bool(self.negators.search(sentence, max(0, start - 15), end))

    def is_negated(self, sentence: str, at: int) -> bool:
        """A negator in the same clause before position `at`."""
        clause_start = 0
        for brk in self.clause_breaks.finditer(sentence, 0, at):
            clause_start = brk.end()
        return bool(self.negators.search(sentence, clause_start, at))


@cache
def _raw() -> dict[str, Any]:
    path = resources.files("checkers") / "data" / "language.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def _stop_words(language: str) -> frozenset[str]:
    """spaCy's function-word list for the language (lower case)."""
    module = importlib.import_module(f"spacy.lang.{language}.stop_words")
    return frozenset(w.casefold() for w in module.STOP_WORDS)


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of sv, en or da; another language falls back to English."""
    raw = _raw()
    lang = language if language in raw and language not in ("party_nouns",) else "en"
    entry = raw[lang]

    # Every pattern field is the language entry's key of the same name.
    patterns: dict[str, Any] = {
        f.name: re.compile(entry[f.name], re.IGNORECASE)
        for f in fields(Lexicon)
        if f.type == "re.Pattern[str]"
    }
    return Lexicon(
        language=lang,
        **patterns,
        role_stopwords=frozenset(entry["role_stopwords"]),
        percent_words=frozenset(entry["percent_words"]),
        target_stopwords=tuple(entry["target_stopwords"]),
        action_groups=tuple(frozenset(g) for g in entry["action_groups"]),
        same_roles=tuple(frozenset(g) for g in entry["same_roles"]),
        object_stopwords=frozenset(entry["object_stopwords"]),
        stop_words=_stop_words(lang),
        party_definitions=tuple(re.compile(p) for p in entry["party_definitions"]),
        party_nouns=tuple(raw["party_nouns"].get(lang, [])),
        not_parties=frozenset(raw["not_parties"]),
    )
