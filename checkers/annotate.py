"""The spaCy side: a blank pipeline per language with a sentencizer, block
boundaries as sentence starts (`opi_blocks_v1`), and the cue component
(`opi_cues_v1`) that marks, sentence by sentence, what each requirement's cues
match: doc.spans["cues"], labelled '<requirement>:<kind>'."""

from __future__ import annotations

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
    return kind


class CueMarker:
    """Writes one span per cue match, negation judged within the clause."""

    def __init__(self, playbook: Playbook, language: str, lex: Lexicon) -> None:
        self.playbook = playbook
        self.language = language
        self.lex = lex

    def __call__(self, doc: Any) -> Any:
        spans = []
        for sent in doc.sents:
            sentence = sent.text
            for req in self.playbook.requirements:
                for kind in CUE_KINDS:
                    for pattern in req.patterns(self.language, kind):
                        for match in pattern.finditer(sentence):
                            if kind == "denied":
                                negated = self.lex.denied(
                                    sentence, match.start(), match.end()
                                )
                            elif kind == "conflict_if_negated":
                                negated = self.lex.governs(
                                    sentence, match.start(), match.end()
                                )
                            else:
                                negated = self.lex.is_negated(sentence, match.start())
                            if kind == "conflict" and self.lex.lawful_exclusion.search(
                                sentence
                            ):
                                negated = True  # excluded only as the law allows
                            label = _label(kind, negated)
                            span = doc.char_span(
                                sent.start_char + match.start(),
                                sent.start_char + match.end(),
                                label=f"{req.id}:{label}",
                                alignment_mode="expand",
                            )
                            if span is not None and label is not None:
                                spans.append(span)
        doc.spans["cues"] = spans
        return doc


def mark_block_starts(doc: Any) -> Any:
    """A block of the document model (joined by blank lines) starts a sentence:
    a heading never runs into the paragraph below it."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n\n" in previous.text:
            token.is_sent_start = True
        elif token.is_space and "\n\n" in token.text:
            token.is_sent_start = False
    return doc


def _register() -> None:
    from spacy.language import Language

    if "opi_cues_v1" in Language.factories:
        return
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
    """spacy.blank(lang) + sentencizer + opi_blocks_v1 + opi_cues_v1 (lazy import)."""
    import spacy

    _register()
    nlp = spacy.blank(language)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("opi_blocks_v1")
    nlp.add_pipe(
        "opi_cues_v1", config={"playbook_path": playbook_path, "language": language}
    )
    return nlp
