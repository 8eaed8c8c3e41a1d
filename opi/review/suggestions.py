"""The library clauses a finding suggests, rendered with this agreement's own
party names (the parties the checkers detect in the text).

Values the agreement cannot tell (the channel that informs all tenderers, the
added-value indicators) are left as visible placeholders ("[ange målvärde]").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from assembler.errors import ClauseRenderError
from assembler.render import Paragraph, render_clause_text
from checkers.document import Document
from checkers.lexicon import lexicon
from checkers.parties import detect_parties
from checkers.report import Finding
from clauses.errors import LibraryError
from clauses.loader import LANGUAGES, Library, load_labels, load_library
from opi.review.texts import Texts, authority_pattern, texts


@dataclass(frozen=True, slots=True)
class Parties:
    """The public party and the suppliers as the agreement names them."""

    authority: str
    suppliers: tuple[str, ...]

    @property
    def all(self) -> tuple[str, ...]:
        return (self.authority, *self.suppliers)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One suggested clause; `paragraphs` is empty when the library lacks it
    (an organisation's playbook may name clauses of its own)."""

    clause_id: str
    ref: str
    title: str
    language: str
    paragraphs: tuple[Paragraph, ...] = ()

    @property
    def text(self) -> str:
        """Plain text, list items marked with a bullet."""
        return "\n".join(
            f"• {p.text}" if p.is_item else p.text for p in self.paragraphs
        )


@cache
def _library() -> Library:
    return load_library()


@cache
def _default_roles() -> Mapping[str, Mapping[str, Any]]:
    return load_labels()


def clause_language(document: Document | None) -> str:
    """Clauses exist in sv and en; a Danish agreement gets the English wording."""
    if document is not None and document.language in LANGUAGES:
        return document.language
    return "en"


def agreement_parties(document: Document, wording: Texts) -> Parties:
    """The parties named in the body: the most used public-party name is the
    authority, the other names (one per distinct party) the suppliers."""
    body_end = max((b.end for b in document.body), default=0)
    text = document.text[:body_end]
    names = _distinct(detect_parties(text, lexicon(document.language)))
    counts = {n: len(re.findall(rf"\b{re.escape(n)}\b", text)) for n in names}
    public = authority_pattern(document.language)
    ranked = sorted(names, key=lambda n: (-counts[n], n))
    authorities = [n for n in ranked if public.search(n)]
    authority = authorities[0] if authorities else wording.get("placeholders.authority")
    suppliers = tuple(n for n in ranked if n != authority and n not in authorities)
    return Parties(
        authority=authority,
        suppliers=suppliers or (wording.get("placeholders.supplier"),),
    )


def _distinct(names: tuple[str, ...]) -> list[str]:
    """One name per party: 'the City' and 'City' are one (the form with the
    article stays), as are 'Delbil Norden' and its defined short form 'Delbil'."""
    bare = {n: re.sub(r"^the\s+", "", n, flags=re.IGNORECASE) for n in names}
    out: list[str] = []
    for name in sorted(names, key=lambda n: (len(bare[n]), n != bare[n], n)):
        short = bare[name]
        if any(short == bare[k] or short.startswith(bare[k] + " ") for k in out):
            continue
        out.append(name)
    with_article = {bare[n]: n for n in names if n != bare[n]}
    return [with_article.get(n, n) for n in out]


def clause_context(parties: Parties, wording: Texts) -> dict[str, Any]:
    """The names suggested clauses use (clauses/README.md), filled from the
    agreement where it tells them and with placeholders where it does not."""

    def hole(what: str) -> str:
        return wording.get("placeholder").format(
            what=wording.get(f"placeholders.{what}")
        )

    defaults = _default_roles()[wording.language]["default_roles"]
    share, rest = divmod(100, len(parties.all))
    return {
        "authority": {"short_name": parties.authority},
        "suppliers": [{"short_name": s} for s in parties.suppliers],
        "parties": [{"short_name": p} for p in parties.all],
        "roles": [
            {
                "party": p,
                "responsibilities": list(
                    defaults["authority" if p == parties.authority else "supplier"]
                ),
            }
            for p in parties.all
        ],
        "steering_group": {"chair": parties.authority},
        "ownership": {
            "model": "joint",
            "shares": [
                {"party": p, "percent": share + (rest if i == 0 else 0)}
                for i, p in enumerate(parties.all)
            ],
        },
        "procurement": {"publication_channel": hole("publication_channel")},
        "added_values": [
            {
                "description": hole("description"),
                "indicator": hole("indicator"),
                "baseline": hole("baseline"),
                "target": hole("target"),
                "responsible": parties.authority,
            }
        ],
    }


def suggest(finding: Finding, document: Document | None) -> tuple[Suggestion, ...]:
    """The finding's suggested clauses in the agreement's language, rendered
    with its party names; none for a met finding."""
    if finding.status == "met" or not finding.suggestions:
        return ()
    language = clause_language(document)
    wording = texts(language)
    parties = (
        agreement_parties(document, wording)
        if document is not None
        else Parties(
            wording.get("placeholders.authority"),
            (wording.get("placeholders.supplier"),),
        )
    )
    context = clause_context(parties, wording)
    return tuple(_render(cid, language, context) for cid in finding.suggestions)


def _render(clause_id: str, language: str, context: dict[str, Any]) -> Suggestion:
    try:
        clause = _library().clause(clause_id)
    except LibraryError:
        return Suggestion(clause_id, clause_id, clause_id, language)
    try:
        paragraphs = render_clause_text(clause, language, context)  # type: ignore[arg-type]
    except ClauseRenderError:
        paragraphs = ()
    return Suggestion(
        clause_id=clause.id,
        ref=clause.ref,
        title=clause.title.get(language, clause.id),
        language=language,
        paragraphs=paragraphs,
    )
