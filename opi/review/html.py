"""One self-contained HTML page per checked agreement: the overall status, a card
per requirement (status, explanation, legal basis, suggested clause) and the
agreement text with the evidence marked and linked from the cards.

Inline CSS, no scripts, no network; every value is escaped (Jinja autoescape).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from checkers.document import Block, Document
from checkers.playbook import Playbook, Requirement, load_playbook
from checkers.report import Evidence, Finding, Report
from opi.review.marks import Mark, Piece, block_pieces, evidence_anchor, report_marks
from opi.review.suggestions import Suggestion, suggest
from opi.review.texts import ICONS, Texts, texts, ui_language


@dataclass(frozen=True, slots=True)
class EvidenceView:
    anchor: str
    text: str
    where: str


@dataclass(frozen=True, slots=True)
class Card:
    number: int
    requirement: str
    anchor: str
    title: str
    description: str
    status: str
    confidence: float
    needs_review: bool
    explanation: str
    legal_basis: tuple[str, ...]
    evidence: tuple[EvidenceView, ...]
    suggestions: tuple[Suggestion, ...]


@dataclass(frozen=True, slots=True)
class BlockView:
    kind: str
    where: str
    pieces: tuple[Piece, ...]


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("opi.review", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def card_anchor(requirement: str) -> str:
    """The id of a requirement's card in the HTML page."""
    return f"req-{requirement}"


def render_html(
    report: Report,
    document: Document | None,
    *,
    ui_lang: str | None = None,
    playbook: Playbook | None = None,
) -> str:
    """The review page of one agreement; `document` is None when the file could
    not be read (the page then shows the error). `ui_lang` is sv, en, or
    None/"auto" (Swedish for a Swedish agreement, else English); check the
    report with the same `ui_language` so its explanations match the page."""
    language = ui_language(report, ui_lang)
    wording = texts(language)
    book = playbook or load_playbook()
    requirements = {r.id: r for r in book.requirements}
    cards = tuple(
        _card(
            number,
            finding,
            requirements.get(finding.requirement),
            document,
            report.format,
            wording,
        )
        for number, finding in enumerate(report.findings, start=1)
    )
    marks = report_marks(report)
    blocks = _blocks(document, marks, report.format, wording) if document else ()
    context: dict[str, Any] = {
        "lang": language,
        "report": report,
        "cards": cards,
        "blocks": blocks,
        "icons": ICONS,
        "t": wording.get,
        "playbook_name": _playbook_name(book),
    }
    return _environment().get_template("report.html.j2").render(context)


def _playbook_name(book: Playbook) -> str:
    return book.source.replace("\\", "/").rsplit("/", 1)[-1]


def _card(
    number: int,
    finding: Finding,
    requirement: Requirement | None,
    document: Document | None,
    fmt: str | None,
    wording: Texts,
) -> Card:
    lang = wording.language
    title = finding.requirement
    description = ""
    legal_basis: tuple[str, ...] = ()
    if requirement is not None:
        title = requirement.title.get(lang) or requirement.title.get("en") or title
        description = requirement.description.get(lang) or ""
        legal_basis = requirement.legal_basis
    return Card(
        number=number,
        requirement=finding.requirement,
        anchor=card_anchor(finding.requirement),
        title=title,
        description=description,
        status=finding.status,
        confidence=finding.confidence,
        needs_review=finding.needs_review,
        explanation=finding.explanation,
        legal_basis=legal_basis,
        evidence=tuple(
            EvidenceView(
                anchor=evidence_anchor(number, index),
                text=evidence.text,
                where=evidence_where(evidence, fmt, wording),
            )
            for index, evidence in enumerate(finding.evidence, start=1)
        ),
        suggestions=suggest(finding, document),
    )


def evidence_where(evidence: Evidence, fmt: str | None, wording: Texts) -> str:
    """'s. 3', 'st. 14' or 'rad 14', then the section path."""
    place = ""
    if evidence.page is not None:
        place = f"{wording.get('page')} {evidence.page}"
    elif evidence.paragraph is not None:
        unit = "paragraph" if fmt == "docx" else "line"
        place = f"{wording.get(unit)} {evidence.paragraph}"
    section = " › ".join(evidence.section)
    return " · ".join(part for part in (place, section) if part)


def _blocks(
    document: Document, marks: tuple[Mark, ...], fmt: str | None, wording: Texts
) -> tuple[BlockView, ...]:
    """The body blocks with their pieces; a PDF page number shows where a page
    starts, a Word paragraph or text line number on every block."""
    views = []
    previous = ""
    for block in document.body:
        where = _block_where(block, fmt, wording)
        shown = "" if block.page is not None and where == previous else where
        previous = where
        views.append(
            BlockView(
                kind=block.kind,
                where=shown,
                pieces=tuple(block_pieces(document, block, marks)),
            )
        )
    return tuple(views)


def _block_where(block: Block, fmt: str | None, wording: Texts) -> str:
    if block.page is not None:
        return f"{wording.get('page')} {block.page}"
    if block.paragraph is not None:
        unit = "paragraph" if fmt == "docx" else "line"
        return f"{wording.get(unit)} {block.paragraph}"
    return ""
