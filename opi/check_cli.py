"""`opi check` and `opi eval`: the checkers from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from opi.render import location


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="text: a verdict table; json: the report object (checkers/data/"
    "report.schema.json); markdown: the table as Markdown.",
)
@click.option(
    "--lang",
    type=click.Choice(["auto", "sv", "en", "da"]),
    default="auto",
    show_default=True,
    help="The agreement's language; auto detects it from the text.",
)
@click.option(
    "--playbook",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An organisation's own playbook (YAML) instead of the built-in one.",
)
def check(file: Path, fmt: str, lang: str, playbook: Path | None) -> None:
    """Check whether an agreement covers the OPI requirements.

    Exit code 0 when every requirement is met, 1 when any is not, 2 when the
    file cannot be read (no verdicts are given then) or on bad usage.
    """
    from checkers.check import check as run_check
    from checkers.playbook import PlaybookError, load_playbook

    try:
        book = load_playbook(playbook)
    except PlaybookError as exc:
        raise click.UsageError(str(exc)) from exc
    report = run_check(file, playbook=book, language=None if lang == "auto" else lang)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(_table(report.to_dict(), markdown=fmt == "markdown"))
    sys.exit({"compliant": 0, "non_compliant": 1, "error": 2}[report.status])


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
    from checkers.check import check_document
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
    click.echo(
        f"\nexact-status accuracy {figures['exact_accuracy']:.3f}\n"
        f"met/not-met accuracy  {figures['met_accuracy']:.3f}\n"
        f"conflict recall       {figures['conflict_recall']:.3f}\n"
        f"evidence overlap      {figures['evidence_overlap']:.3f}\n"
        f"unreadable files      {errors['right']}/{errors['total']} "
        "with the expected code"
    )
    if mistakes:
        click.echo("\n" + "\n".join(result.mistakes))


__all__ = ["check", "evaluate", "location"]
