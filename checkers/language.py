"""Detect the language of an agreement (sv, en, da) from its function words."""

from __future__ import annotations

import re
from collections import Counter

from checkers.document import Language

# Frequent words that are distinctive for one language among the three. Words
# shared by Swedish and Danish (som, med, til/till differ; den, det, en) are left out.
_MARKERS: dict[Language, frozenset[str]] = {
    "sv": frozenset(
        "och att är inte av från också ska skall enligt mellan detta dessa "
        "vid vilka vilket när där kommer parterna avtalet varje utan även "
        "någon något inom över denna vara blir".split()
    ),
    "da": frozenset(
        "og at er ikke af fra også skal hvis ifølge mellem dette disse "
        "ved hvilke når hvor vil parterne aftalen hver uden være blive "
        "nogen noget inden over denne".split()
    ),
    "en": frozenset(
        "the and of to is not from also shall will or between this these which "
        "when where has have any each such by under without agreement parties "
        "party be been with for".split()
    ),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def detect_language(text: str, *, sample_chars: int = 20000) -> Language:
    """The language whose distinctive function words occur most often.

    Swedish and Danish share many words; letters only one of them uses (å/ä/ö vs
    æ/ø) break near-ties. English is the fall-back for text with no markers.
    """
    sample = text[:sample_chars].lower()
    words = Counter(_WORD.findall(sample))
    scores: dict[Language, float] = {
        lang: float(sum(words[w] for w in markers))
        for lang, markers in _MARKERS.items()
    }
    scores["sv"] += 0.5 * (sample.count("ä") + sample.count("ö"))
    scores["da"] += 0.5 * (sample.count("æ") + sample.count("ø"))
    best = max(scores, key=lambda lang: (scores[lang], lang == "en"))
    return best if scores[best] > 0 else "en"
