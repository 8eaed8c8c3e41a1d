"""What to say where: the review notes that become Word comments and PDF
highlight notes, each anchored on a passage of Document.text."""

from __future__ import annotations

from dataclasses import dataclass

from checkers.document import Block, Document
from checkers.playbook import Playbook, Requirement, load_playbook
from checkers.report import Finding, Report
from opi.review.suggestions import Suggestion, suggest
from opi.review.texts import ICONS, Texts, texts, ui_language


@dataclass(frozen=True, slots=True)
class Note:
    """One comment: its text (lines separated by newlines) and the passage
    [start, end) of Document.text it is anchored on."""

    requirement: str
    status: str
    start: int
    end: int
    text: str


def review_notes(
    report: Report,
    document: Document,
    *,
    include_met: bool = False,
    ui_lang: str | None = None,
    playbook: Playbook | None = None,
) -> tuple[Note, ...]:
    """A note on each evidence passage of every finding that is not met (and of
    met ones with `include_met`); a missing requirement gets one note on the
    heading of the section where it belongs, else on the title. The suggested
    clause goes with the first note of a finding. In document order."""
    wording = texts(ui_language(report, ui_lang))
    book = playbook or load_playbook()
    requirements = {r.id: r for r in book.requirements}
    notes: list[Note] = []
    for finding in report.findings:
        if finding.status == "met" and not include_met:
            continue
        requirement = requirements.get(finding.requirement)
        notes += _finding_notes(finding, requirement, document, wording)
    return tuple(sorted(notes, key=lambda n: (n.start, n.end)))


def _finding_notes(
    finding: Finding,
    requirement: Requirement | None,
    document: Document,
    wording: Texts,
) -> list[Note]:
    title = _title(finding, requirement, wording.language)
    heading = wording.get("comment.heading").format(
        status=f"{ICONS[finding.status]} {wording.get('status.' + finding.status)}",
        title=title,
    )
    basis = (
        [
            wording.get("comment.legal_basis").format(
                basis="; ".join(requirement.legal_basis)
            )
        ]
        if requirement is not None and requirement.legal_basis
        else []
    )
    advice = _suggestion_lines(suggest(finding, document), wording)
    spans = [(e.start, e.end) for e in finding.evidence if e.end > e.start]
    where: list[str] = []
    if not spans:
        block, in_section = _placement(requirement, document)
        if block is None:
            return []
        spans = [(block.start, block.end)]
        where = [
            wording.get("comment.missing_where").format(section=block.text)
            if in_section
            else wording.get("comment.missing_title")
        ]
    notes = []
    for index, (start, end) in enumerate(spans):
        lines = [heading, finding.explanation, *basis, *where]
        if index == 0:
            lines += advice
        notes.append(
            Note(finding.requirement, finding.status, start, end, "\n".join(lines))
        )
    return notes


def _title(finding: Finding, requirement: Requirement | None, language: str) -> str:
    if requirement is None:
        return finding.requirement
    return (
        requirement.title.get(language)
        or requirement.title.get("en")
        or finding.requirement
    )


def _suggestion_lines(suggestions: tuple[Suggestion, ...], wording: Texts) -> list[str]:
    if not suggestions:
        return []
    first = suggestions[0]
    lines = [
        wording.get("comment.suggestion").format(ref=first.ref) + f" {first.title}"
    ]
    lines += first.text.splitlines()
    if len(suggestions) > 1:
        refs = ", ".join(s.ref for s in suggestions[1:])
        lines.append(wording.get("comment.alternatives").format(refs=refs))
    return lines


def _placement(
    requirement: Requirement | None, document: Document
) -> tuple[Block | None, bool]:
    """The heading of the section where the requirement belongs, else the title
    (the first heading, or the first block); True when a section was found."""
    body = document.body
    sections = requirement.sections if requirement is not None else None
    pattern = (sections or {}).get(document.language) or (sections or {}).get("en")
    if pattern is not None:
        for block in body:
            if block.kind == "heading" and pattern.search(block.text):
                return block, True
    title = next((b for b in body if b.kind == "heading"), body[0] if body else None)
    return title, False
