"""Check OPI agreements: readers into one document model, then requirement checks.

    >>> import checkers
    >>> report = checkers.check("avtal.docx")       # a path, or a Document
    >>> [(f.requirement, f.status) for f in report.findings]

The checking engine (spaCy and the pipelines) is imported on first use, so that
importing the package for the readers alone stays cheap.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from checkers.document import Block, Document
from checkers.errors import CheckError, ReadError
from checkers.readers import ReadLimits, read_document

if TYPE_CHECKING:
    from checkers.playbook import Playbook
    from checkers.report import Report

read = read_document


def check(
    source: Path | str | Document,
    *,
    playbook: Playbook | None = None,
    language: str | None = None,
    ui_language: str | None = None,
) -> Report:
    """Check a file or a Document against the playbook (the built-in four
    requirements by default). An unreadable file gets a Report with its error
    and no verdicts; see `checkers.engine.check`."""
    from checkers.engine import check as run

    return run(source, playbook=playbook, language=language, ui_language=ui_language)


__all__ = [
    "Block",
    "CheckError",
    "Document",
    "ReadError",
    "ReadLimits",
    "check",
    "read",
    "read_document",
]
