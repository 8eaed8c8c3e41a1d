"""The `opi` command line: a thin shell over the checkers and assembler packages."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from opi import __version__
from opi.assembly_cli import assemble, clauses, spec
from opi.audit_cli import audit
from opi.check_cli import check, evaluate
from opi.serve_cli import serve

SUPPORTED = {".docx", ".docm", ".pdf", ".txt", ".md", ".markdown", ".text"}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="opi")
def cli() -> None:
    """Write and review agreements for public-private innovation partnerships (OPI).

    An OPI agreement must allocate roles, settle who owns the results, keep every
    party free to tender in the later procurement, and state its added value.
    """


cli.add_command(check)
cli.add_command(evaluate)
cli.add_command(assemble)
cli.add_command(clauses)
cli.add_command(spec)
cli.add_command(audit)
cli.add_command(serve)


def _expand(paths: tuple[Path, ...]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED
            )
        else:
            yield path


@cli.command()
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path)
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "summary"]),
    default="text",
    show_default=True,
    help="text: every block with kind, location, offsets and section; json: the "
    "document model; summary: one line per file.",
)
def read(paths: tuple[Path, ...], fmt: str) -> None:
    """Show what the checkers will see in each agreement (.docx, .pdf, .txt, .md).

    PATHS are files or folders (read recursively). A file that cannot be read is
    reported with its error code and the others are still read; the exit code is
    then 2.
    """
    from checkers import ReadError, read_document
    from opi.render import document_summary, document_text

    failed = 0
    outputs = []
    for path in _expand(paths):
        try:
            doc = read_document(path)
        except ReadError as exc:
            failed += 1
            if fmt == "json":
                outputs.append({"file": str(path), "error": exc.to_dict()})
            else:
                click.echo(
                    f"{path.name:40} error [{exc.code}]: {exc.message}",
                    err=fmt == "text",
                )
            continue
        if fmt == "json":
            outputs.append({**doc.to_dict(), "error": None})
        elif fmt == "summary":
            click.echo(document_summary(doc))
        else:
            click.echo(document_text(doc))
            click.echo()
    if fmt == "json":
        data = outputs[0] if len(outputs) == 1 else outputs
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    if failed:
        sys.exit(2)


def main() -> None:
    """Entry point of the console script."""
    cli()
