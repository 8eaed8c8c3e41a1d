"""The work a server worker process does: check an uploaded agreement, assemble a
deal description. Jobs and results are plain frozen dataclasses sent over a pipe.

Runs in the worker (opi/web/pool.py), never in the server's event loop: the
engines are imported here, lazily, so the server process stays light.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from checkers.readers.limits import ReadLimits

AnnotatedKind = Literal["docx", "pdf"]
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@dataclass(frozen=True, slots=True)
class CheckJob:
    """Check the file at `path` (inside the request's temporary directory)."""

    path: str
    limits: ReadLimits
    ui_lang: str | None = None
    language: str | None = None
    html: bool = False
    annotated: bool = False


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The JSON report, and the review page and annotated copy when asked for."""

    report: dict[str, Any]
    html: str | None = None
    annotated: bytes | None = None
    annotated_name: str | None = None
    annotated_kind: AnnotatedKind | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AssembleJob:
    """Assemble a deal description (YAML or JSON text) and check the result."""

    spec_text: str
    source: str = "deal description"
    ui_lang: str | None = None
    html: bool = False


@dataclass(frozen=True, slots=True)
class AssembleResult:
    """The .docx and its check, or every field error of the deal description."""

    issues: tuple[dict[str, Any], ...] = ()
    docx: bytes | None = None
    filename: str | None = None
    report: dict[str, Any] = field(default_factory=dict)
    html: str | None = None


@dataclass(frozen=True, slots=True)
class JobFailure:
    """A job that raised unexpectedly; the message goes to the server log and a 500."""

    message: str


Job = CheckJob | AssembleJob
Result = CheckResult | AssembleResult | JobFailure


def warm(languages: tuple[str, ...]) -> None:
    """Load the spaCy pipelines, playbook, readers and templates once per worker."""
    from checkers.annotate import build_nlp
    from checkers.playbook import load_playbook
    from checkers.readers import docx, pdf, text  # noqa: F401
    from opi.review import html  # noqa: F401

    book = load_playbook()
    for language in languages:
        build_nlp(language, book.source)


def run_job(job: Job) -> CheckResult | AssembleResult:
    """Do one job; errors the user can act on come back inside the result."""
    if isinstance(job, CheckJob):
        return run_check(job)
    return run_assemble(job)


def run_check(job: CheckJob) -> CheckResult:
    """Read, check and (when asked) render and annotate one uploaded file."""
    from checkers import ReadError, read_document
    from checkers.engine import check_document
    from checkers.report import Report
    from opi.review.html import render_html

    path = Path(job.path)
    try:
        document = read_document(path, limits=job.limits)
    except ReadError as exc:
        report = Report.for_error(path.name, exc)
        page = render_html(report, None, ui_lang=job.ui_lang) if job.html else None
        return CheckResult(report=report.to_dict(), html=page)
    report = check_document(document, language=job.language, ui_language=job.ui_lang)
    page = render_html(report, document, ui_lang=job.ui_lang) if job.html else None
    result = CheckResult(report=report.to_dict(), html=page)
    if job.annotated and document.format in MEDIA_TYPES:
        return _with_annotated(result, path, report, document, job.ui_lang)
    return result


def _with_annotated(
    result: CheckResult, path: Path, report: Any, document: Any, ui_lang: str | None
) -> CheckResult:
    """The draft with a comment (Word) or highlight (PDF) per review note."""
    from opi.review.errors import ReviewError

    kind: AnnotatedKind = "docx" if document.format == "docx" else "pdf"
    name = f"{path.stem}-granskad.{kind}"
    out = path.parent / "annotated" / name
    out.parent.mkdir()
    try:
        if kind == "docx":
            from opi.review.docx_comments import annotate_docx

            annotate_docx(path, report, document, out, ui_lang=ui_lang)
        else:
            from opi.review.pdf_highlights import annotate_pdf

            annotate_pdf(path, report, document, out, ui_lang=ui_lang)
    except ReviewError as exc:
        return CheckResult(
            report=result.report, html=result.html, notes=(str(exc.args[0]),)
        )
    return CheckResult(
        report=result.report,
        html=result.html,
        annotated=out.read_bytes(),
        annotated_name=name,
        annotated_kind=kind,
    )


def run_assemble(job: AssembleJob) -> AssembleResult:
    """Validate, assemble to .docx, read the .docx back and check it."""
    from assembler.assemble import build_assembly
    from assembler.docx import write_docx
    from assembler.errors import SpecError
    from assembler.spec import parse_spec
    from checkers import read_document
    from checkers.engine import check_document
    from clauses.loader import MASTER_TEMPLATE
    from opi.review.html import render_html

    try:
        spec = parse_spec(job.spec_text, source=job.source)
    except SpecError as exc:
        return AssembleResult(issues=tuple(issue.to_dict() for issue in exc.issues))
    except UnicodeEncodeError:
        # PyYAML decodes an escaped surrogate ("\ud83d") as a lone surrogate,
        # and pydantic's error listing then fails inside parse_spec.
        issue = {
            "field": "<text>",
            "message": "contains escaped surrogates (\\ud800-\\udfff); "
            "write the characters themselves",
            "line": None,
        }
        return AssembleResult(issues=(issue,))
    assembly = build_assembly(spec)
    data = write_docx(
        assembly.agreement, assembly.context, assembly.labels, template=MASTER_TEMPLATE
    )
    filename = "avtal.docx" if spec.language == "sv" else "agreement.docx"
    with tempfile.TemporaryDirectory(prefix="opi-assemble-") as folder:
        path = Path(folder) / filename
        path.write_bytes(data)
        document = read_document(path)
        report = check_document(document, ui_language=job.ui_lang)
        page = render_html(report, document, ui_lang=job.ui_lang) if job.html else None
    return AssembleResult(
        docx=data, filename=filename, report=report.to_dict(), html=page
    )
