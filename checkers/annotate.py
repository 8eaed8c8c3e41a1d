"""The spaCy side: a blank pipeline per language with the lookup lemmatizer
(`opi_lemmatizer_v1`), a sentencizer, block
boundaries as sentence starts (`opi_blocks_v1`), and the cue component
(`opi_cues_v1`) that marks, sentence by sentence, what each requirement's cues
match: doc.spans["cues"], labelled '<requirement>:<kind>'."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from pathlib import Path
from typing import Any

from checkers.lexicon import Lexicon, lexicon
from checkers.playbook import CUE_KINDS, Playbook, load_playbook


def _label(kind: str, negated: bool) -> str | None:
    """A negated conflict cue ("Ingen part ska uteslutas") is 'negated'; a negated
    participation cue ("får inte lämna anbud") is a conflict, else a met cue; a
    'denied' cue ("inga effektmål fastställs") counts only when negated."""
    if kind == "denied":
        return "conflict" if negated else None
    if kind == "conflict" and negated:
        return "negated"
    if kind == "conflict_if_negated":
        return "conflict" if negated else "met"
    if kind == "subject":
        return "partial"  # only ever marked where its clause defers
    return kind


class CueMarker:
    """Writes one span per cue match, negation judged within the clause."""

    def __init__(self, playbook: Playbook, language: str, lex: Lexicon) -> None:
        self.playbook = playbook
        self.language = language
        self.lex = lex
        # One combined pattern per requirement and kind screens each sentence
        # first: most sentences match no cue of most groups.
        self.lawful = {r.id for r in playbook.requirements if r.lawful_exclusions}
        self.groups = [
            (req.id, kind, _screen(patterns), patterns)
            for req in playbook.requirements
            for kind in CUE_KINDS
            if (patterns := req.patterns(language, kind))
        ]

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens import Span

        starts = [token.idx for token in doc]
        spans = []
        for sent in doc.sents:
            sentence = sent.text
            lawful = list(self.lex.lawful_exclusion.finditer(sentence))
            for req_id, kind, screen, patterns in self.groups:
                if screen is not None and not screen.search(sentence):
                    continue
                for pattern in patterns:
                    for match in pattern.finditer(sentence):
                        if kind == "partial" and not self._defers_at_end(
                            pattern, sentence, match
                        ):
                            continue
                        if kind == "subject" and not self.lex.defers(
                            sentence, match.start(), match.end()
                        ):
                            continue  # the subject named, nothing said of it
                        label = _label(kind, self._negated(kind, sentence, match))
                        if label == "met" and self.lex.defers(
                            sentence, match.start(), match.end()
                        ):
                            # "Äganderätten ska överenskommas innan testperioden
                            # avslutas": the clause leaves its matter for later.
                            label = "partial"
                        if (
                            kind == "conflict"
                            and req_id in self.lawful
                            and _limits(lawful, match)
                        ):
                            label = "negated"  # excluded only as the law allows
                        if label is None:
                            continue
                        start = sent.start_char + match.start()
                        end = sent.start_char + match.end()
                        first = bisect_right(starts, start) - 1
                        last = max(bisect_left(starts, end), first + 1)
                        spans.append(Span(doc, first, last, label=f"{req_id}:{label}"))
        doc.spans["cues"] = spans
        return doc

    def _defers_at_end(
        self, pattern: re.Pattern[str], sentence: str, match: re.Match[str]
    ) -> bool:
        """A deferral cue that runs across a semicolon defers only what the part
        after it names: "Kommunen äger resultaten; villkoren för licensen regleras
        i ett separat avtal" leaves only the licence for later. (Softer breaks
        such as "och hur de ska mätas" often share the deferring verb.)"""
        semicolon = sentence.rfind(";", match.start(), match.end())
        if semicolon < 0:
            return True
        return pattern.search(sentence, semicolon + 1, match.end()) is not None

    def _negated(self, kind: str, sentence: str, match: re.Match[str]) -> bool:
        if kind == "denied":
            return self.lex.denied(sentence, match.start(), match.end())
        if kind == "conflict_if_negated":
            return self.lex.governs(sentence, match.start(), match.end())
        return self.lex.is_negated(sentence, match.start())


def _limits(lawful: list[re.Match[str]], cue: re.Match[str]) -> bool:
    """Whether a lawful-exclusion phrase limits the cue: one outside it ("får
    uteslutas endast om ..."), not one the cue is made of ("will go to the market
    only if the Supplier declines" is the first refusal itself)."""
    return any(m.end() <= cue.start() or m.start() >= cue.end() for m in lawful)


def _screen(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """All patterns of a group as one alternation (None if they cannot be joined)."""
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)
    except re.error:
        return None


def mark_block_starts(doc: Any) -> Any:
    """A block of the document model (joined by blank lines) starts a sentence:
    a heading never runs into the paragraph below it."""
    # One pass over an array: the token setter rescans the whole doc each time.
    starts = doc.to_array(["SENT_START"]).astype("int64")
    breaks = [t.is_space and "\n\n" in t.text for t in doc]
    for i in range(1, len(doc)):
        if breaks[i - 1]:
            starts[i] = 1
        elif breaks[i]:
            starts[i] = -1
    doc.from_array(["SENT_START"], starts.astype("uint64"))
    return doc


class LookupLemmatizer:
    """Sets token.lemma_ from the shipped lookup table (checkers/lemmas.py):
    lower-cased before lookup, Swedish and Danish compounds by their last part."""

    def __init__(self, language: str) -> None:
        self.lex = lexicon(language)

    def __call__(self, doc: Any) -> Any:
        for token in doc:
            if token.is_alpha:
                token.lemma_ = self.lex.lemma(token.text)
        return doc


def _register() -> None:
    from spacy.language import Language

    if "opi_cues_v1" in Language.factories:
        return

    @Language.factory(
        "opi_lemmatizer_v1",
        default_config={"language": "en"},
        assigns=["token.lemma"],
    )
    def make_lemmatizer(nlp: Any, name: str, language: str) -> LookupLemmatizer:
        return LookupLemmatizer(language)

    Language.component(
        "opi_blocks_v1",
        func=mark_block_starts,
        assigns=["token.is_sent_start"],
    )

    @Language.factory(
        "opi_cues_v1",
        default_config={"playbook_path": "", "language": "en"},
        assigns=["doc.spans"],
        requires=["token.is_sent_start"],
    )
    def make_cue_marker(
        nlp: Any, name: str, playbook_path: str, language: str
    ) -> CueMarker:
        path = Path(playbook_path) if playbook_path else None
        return CueMarker(load_playbook(path), language, lexicon(language))


@cache
def build_nlp(language: str, playbook_path: str) -> Any:
    """spacy.blank(lang) + opi_lemmatizer_v1 + sentencizer + opi_blocks_v1 +
    opi_cues_v1 (lazy import)."""
    import spacy

    _register()
    nlp = spacy.blank(language)
    nlp.add_pipe("opi_lemmatizer_v1", config={"language": language})
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("opi_blocks_v1")
    nlp.add_pipe(
        "opi_cues_v1", config={"playbook_path": playbook_path, "language": language}
    )
    return nlp
