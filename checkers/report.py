"""The result of checking one agreement: a finding per requirement, with evidence.

`Report.to_dict()` is the JSON contract of `opi check --format json` (published as
checkers/data/report.schema.json); keep it stable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from checkers.document import Block, Document
from checkers.errors import ReadError

Status = Literal["met", "partial", "missing", "conflict"]
STATUSES: tuple[Status, ...] = ("met", "partial", "missing", "conflict")
Overall = Literal["compliant", "non_compliant", "error"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A decisive passage: its text, offsets in Document.text and where it stands."""

    text: str
    start: int
    end: int
    page: int | None = None
    paragraph: int | None = None
    section: tuple[str, ...] = ()

    @classmethod
    def from_span(cls, doc: Document, start: int, end: int) -> Evidence:
        block: Block | None = doc.block_at(start)
        return cls(
            text=doc.text[start:end],
            start=start,
            end=end,
            page=block.page if block else None,
            paragraph=block.paragraph if block else None,
            section=block.section if block else (),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "page": self.page,
            "paragraph": self.paragraph,
            "section": " > ".join(self.section),
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """The verdict on one requirement."""

    requirement: str
    status: Status
    confidence: float
    explanation: str
    evidence: tuple[Evidence, ...] = ()
    suggestions: tuple[str, ...] = ()
    needs_review: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.requirement,
            "status": self.status,
            "confidence": round(self.confidence, 2),
            "evidence": [e.to_dict() for e in self.evidence],
            "explanation": self.explanation,
            "suggestions": list(self.suggestions),
            "needs_review": self.needs_review,
        }


@dataclass(frozen=True, slots=True)
class Report:
    """Everything `opi check` says about one file."""

    file: str
    format: str | None
    language: str | None
    pages: int | None
    findings: tuple[Finding, ...] = ()
    warnings: tuple[str, ...] = ()
    error: ReadError | None = None

    @property
    def status(self) -> Overall:
        if self.error is not None:
            return "error"
        if all(f.status == "met" for f in self.findings):
            return "compliant"
        return "non_compliant"

    @classmethod
    def for_error(cls, file: str, error: ReadError) -> Report:
        return cls(file=file, format=None, language=None, pages=None, error=error)

    def finding(self, requirement: str) -> Finding:
        return next(f for f in self.findings if f.requirement == requirement)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "format": self.format,
            "language": self.language,
            "pages": self.pages,
            "status": self.status,
            "error": self.error.to_dict() if self.error else None,
            "requirements": [f.to_dict() for f in self.findings],
            "warnings": list(self.warnings),
        }
