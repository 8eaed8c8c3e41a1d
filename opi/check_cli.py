"""`opi check` and `opi eval`: the checkers from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from opi.options import playbook_option
from opi.render import location

if TYPE_CHECKING:
    from checkers.document import Document
    from checkers.playbook import Playbook
    from checkers.report import Report


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown", "html"]),
    default="text",
    show_default=True,
    help="text: a verdict table; json: the report object (checkers/data/"
    "report.schema.json); markdown: the table as Markdown; html: a "
    "self-contained review page (cards, marked evidence, suggested clauses).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--lang",
    type=click.Choice(["auto", "sv", "en", "da"]),
    default="auto",
    show_default=True,
    help="The agreement's language; auto detects it from the text.",
)
@click.option(
    "--ui-lang",
    type=click.Choice(["auto", "sv", "en"]),
    default="auto",
    show_default=True,
    help="Language of explanations, the HTML page and comments; auto: Swedish "
    "for a Swedish agreement, else English.",
)
@playbook_option
@click.option(
    "--annotate",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a copy of the draft with the findings as comments: "
    "OUT.docx (Word comments) for a .docx draft, OUT.pdf (highlights with "
    "notes) for a .pdf draft.",
)
@click.option(
    "--annotate-met",
    is_flag=True,
    help="Comment on met requirements too (by default only partial, missing "
    "and conflict).",
)
@click.option(
    "--author", default="opi", show_default=True, help="Author of the comments."
)
@click.option(
    "--initials", default="OPI", show_default=True, help="Initials of the comments."
)
@click.option(
    "--force", is_flag=True, help="Replace an existing output or annotated file."
)
def check(
    file: Path,
    fmt: str,
    output: Path | None,
    lang: str,
    ui_lang: str,
    playbook: Path | None,
    annotate: Path | None,
    annotate_met: bool,
    author: str,
    initials: str,
    force: bool,
) -> None:
    """Check whether an agreement covers the OPI requirements.

    Exit code 0 when every requirement is met, 1 when any is not, 2 when the
    file cannot be read (no verdicts and no annotated copy are given then) or on
    bad usage. Existing output files are never replaced without --force, and
    the draft itself never.
    """
    from checkers.playbook import PlaybookError, load_playbook
    from opi.review.errors import ReviewError
    from opi.review.output import check_new

    try:
        book = load_playbook(playbook)
        for target in (output, annotate):
            if target is not None:
                check_new(target, force=force, source=file)
    except (PlaybookError, ReviewError) as exc:
        raise click.UsageError(str(exc)) from exc
    if annotate is not None:
        _check_annotate_target(file, annotate, output)
    document, report = _read_and_check(file, book, lang, ui_lang, annotate)
    text = _render(report, document, fmt, ui_lang, book)
    try:
        if output is not None:
            from opi.review.output import write_new

            write_new(output, text.encode("utf-8"), force=force, source=file)
            click.echo(f"{output}: {fmt} report written", err=True)
        else:
            click.echo(text)
        if annotate is not None and document is not None:
            _annotate(
                file,
                report,
                document,
                annotate,
                book,
                ui_lang,
                force,
                author=author,
                initials=initials,
                include_met=annotate_met,
            )
    except ReviewError as exc:
        raise click.UsageError(str(exc)) from exc
    if annotate is not None and document is None:
        click.echo(f"{file}: cannot be read; no annotated copy was made", err=True)
    sys.exit({"compliant": 0, "non_compliant": 1, "error": 2}[report.status])


def _read_and_check(
    file: Path, book: Playbook, lang: str, ui_lang: str, annotate: Path | None
) -> tuple[Document | None, Report]:
    """The document (None when unreadable) and its report; an --annotate target
    of the wrong kind is refused before the check runs."""
    from checkers import ReadError, read_document
    from checkers.engine import check as run_check
    from checkers.report import Report

    try:
        document = read_document(file)
    except ReadError as exc:
        return None, Report.for_error(file.name, exc)
    if annotate is not None:
        _check_annotate_format(file, document, annotate)
    report = run_check(
        document,
        playbook=book,
        language=None if lang == "auto" else lang,
        ui_language=None if ui_lang == "auto" else ui_lang,
    )
    return document, report


def _check_annotate_target(file: Path, annotate: Path, output: Path | None) -> None:
    """--annotate needs OUT.docx or OUT.pdf, not the report's own file."""
    suffix = annotate.suffix.lower()
    if suffix not in (".docx", ".pdf"):
        raise click.UsageError(
            f"--annotate {annotate}: give a .docx file for a Word draft or a "
            ".pdf file for a PDF draft"
        )
    if output is not None and output.resolve() == annotate.resolve():
        raise click.UsageError(f"--annotate {annotate}: is also the --output file")


def _check_annotate_format(file: Path, document: Document, out: Path) -> None:
    """A .docx draft gets OUT.docx, a .pdf draft OUT.pdf; others none."""
    if document.format == out.suffix.lower().lstrip("."):
        return
    if document.format not in ("docx", "pdf"):
        hint = "annotated copies exist for .docx and .pdf drafts only"
    else:
        hint = f"give an OUT.{document.format} file"
    raise click.UsageError(
        f"--annotate {out}: {file} is a {document.format} file; {hint}"
    )


def _render(
    report: Report, document: Document | None, fmt: str, ui_lang: str, book: Playbook
) -> str:
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
    if fmt == "html":
        from opi.review.html import render_html

        return render_html(report, document, ui_lang=ui_lang, playbook=book)
    return _table(report.to_dict(), markdown=fmt == "markdown")


def _annotate(
    file: Path,
    report: Report,
    document: Document,
    out: Path,
    book: Playbook,
    ui_lang: str,
    force: bool,
    *,
    author: str,
    initials: str,
    include_met: bool,
) -> None:
    """Write the annotated copy (its format was checked before)."""
    wanted = out.suffix.lower().lstrip(".")
    if wanted == "docx":
        from opi.review.docx_comments import annotate_docx

        count = annotate_docx(
            file,
            report,
            document,
            out,
            author=author,
            initials=initials,
            include_met=include_met,
            ui_lang=ui_lang,
            playbook=book,
            force=force,
        )
        click.echo(f"{out}: {count} comments written", err=True)
    else:
        from opi.review.pdf_highlights import annotate_pdf

        count = annotate_pdf(
            file,
            report,
            document,
            out,
            author=author,
            include_met=include_met,
            ui_lang=ui_lang,
            playbook=book,
            force=force,
        )
        click.echo(f"{out}: {count} highlights written", err=True)


def _table(data: dict[str, object], *, markdown: bool) -> str:
    lines = [f"{data['file']}: {data['status']} (language {data['language']})"]
    error = data.get("error")
    if isinstance(error, dict):
        return f"{data['file']}: cannot be read [{error['code']}]: {error['message']}"
    rows = data["requirements"]
    assert isinstance(rows, list)
    if markdown:
        lines += ["", "| requirement | status | evidence |", "|---|---|---|"]
    for req in rows:
        evidence = req["evidence"][0] if req["evidence"] else None
        where = ""
        if evidence:
            where = (
                f"p.{evidence['page']}"
                if evidence["page"]
                else f"¶{evidence['paragraph']}"
            )
        quote = f"{where} «{evidence['text'][:90]}»" if evidence else "—"
        if markdown:
            lines.append(f"| {req['id']} | {req['status']} | {quote} |")
        else:
            flag = " (review)" if req["needs_review"] else ""
            lines.append(f"  {req['id']:20} {req['status']:9}{flag} {quote}")
            if req["status"] != "met":
                lines.append(f"  {'':20} {req['explanation']}")
                if req["suggestions"]:
                    lines.append(
                        f"  {'':20} suggested: {', '.join(req['suggestions'])}"
                    )
    return "\n".join(lines)


@click.command(name="eval")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--mistakes", is_flag=True, help="List every wrong verdict too.")
def evaluate(path: Path, as_json: bool, mistakes: bool) -> None:
    """Measure the checkers on a labeled corpus (a labels.json, or a folder with
    labels.json files below it): precision/recall/F1 per status, confusion
    matrices, exact-status and met/not-met accuracy, conflict recall and evidence
    overlap."""
    from checkers.engine import check_document
    from checkers.evaluate import LabelError, load_labels
    from checkers.evaluate import evaluate as run_eval

    try:
        labels = load_labels(path)
    except LabelError as exc:
        raise click.UsageError(str(exc)) from exc
    result = run_eval(labels, check_document)
    figures = result.to_dict()
    if as_json:
        click.echo(json.dumps(figures, indent=2))
        return
    click.echo(f"{path}: {len(labels)} files, {figures['verdicts']} verdicts")
    for rid, data in figures["requirements"].items():
        click.echo(f"\n{rid}")
        click.echo("  status     precision recall  f1     n")
        for status, m in data["per_status"].items():
            click.echo(
                f"  {status:10} {m['precision']:.2f}      {m['recall']:.2f}    "
                f"{m['f1']:.2f}   {m['n']}"
            )
        click.echo(
            "  confusion (expected->predicted): "
            + ", ".join(f"{k}={v}" for k, v in data["confusion"].items())
        )
    errors = figures["error_files"]
    recall = (
        f"{figures['conflict_recall']:.3f}"
        if figures["conflicts_labelled"]
        else "– (no conflict labelled)"
    )
    click.echo(
        f"\nexact-status accuracy {figures['exact_accuracy']:.3f}\n"
        f"met/not-met accuracy  {figures['met_accuracy']:.3f}\n"
        f"conflict recall       {recall}\n"
        f"evidence overlap      {figures['evidence_overlap']:.3f}\n"
        f"unreadable files      {errors['right']}/{errors['total']} "
        "with the expected code"
    )
    if mistakes:
        click.echo("\n" + "\n".join(result.mistakes))


__all__ = ["check", "evaluate", "location"]
