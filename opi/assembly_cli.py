"""`opi assemble`, `opi spec` and `opi clauses`: thin commands over the assembler."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

import click

# The assembler (docxtpl, pydantic) is imported inside the commands that use it,
# so that `opi check` and `opi --version` do not pay for it at start-up.
if TYPE_CHECKING:
    from assembler.assemble import OutputFormat


def _fail(exc: Exception, code: int) -> None:
    click.echo(f"Error: {exc}", err=True)
    sys.exit(code)


@click.command()
@click.argument(
    "spec_path", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="Where to write the agreement.",
)
@click.option(
    "--lang", type=click.Choice(["sv", "en"]), help="Override the spec's language."
)
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Your own master .docx using the documented template variables.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "md", "txt"]),
    default="docx",
    show_default=True,
)
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
def assemble(
    spec_path: Path,
    out: Path,
    lang: str | None,
    template: Path | None,
    fmt: str,
    force: bool,
) -> None:
    """Assemble an OPI agreement from a deal description (SPEC_PATH, YAML).

    The written agreement is then read back and checked: exit code 1 names any
    requirement that does not come out met. Exit code 2 for an invalid deal
    description or an existing OUT without --force.
    """
    from assembler.assemble import assemble_file
    from assembler.errors import AssemblyError, OutputExistsError, SpecError

    try:
        agreement = assemble_file(
            spec_path,
            out,
            language=cast(Literal["sv", "en"] | None, lang),
            template=template,
            fmt=cast("OutputFormat", fmt),
            force=force,
        )
    except (SpecError, OutputExistsError) as exc:
        _fail(exc, 2)
    except AssemblyError as exc:
        _fail(exc, 1)
    else:
        click.echo(f"Wrote {out} ({len(agreement.clause_refs)} clauses)")
        _check_compliance(out)


def _check_compliance(out: Path) -> None:
    """Compliance by construction: read the written agreement back through the
    reader and the checkers; every requirement must come out met."""
    from checkers.engine import check

    report = check(out)
    if report.error is not None:
        _fail(Exception(f"{out} cannot be read back: {report.error.message}"), 1)
    failed = [f for f in report.findings if f.status != "met"]
    for finding in failed:
        click.echo(f"  {finding.requirement}: {finding.status}", err=True)
        for evidence in finding.evidence:
            click.echo(f"      «{evidence.text[:120]}»", err=True)
    if failed:
        names = ", ".join(f.requirement for f in failed)
        _fail(Exception(f"the assembled agreement does not meet: {names}"), 1)
    click.echo(f"Checked: all {len(report.findings)} requirements met")


@click.group()
def spec() -> None:
    """Create and describe deal descriptions."""


@spec.command("init")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def spec_init(path: Path, force: bool) -> None:
    """Write a commented, valid example deal description to PATH."""
    from assembler.errors import OutputExistsError
    from assembler.init import write_example_spec

    try:
        write_example_spec(path, force=force)
    except OutputExistsError as exc:
        _fail(exc, 2)
    else:
        click.echo(
            f"Wrote {path}; edit it, then run: opi assemble {path} -o avtal.docx"
        )


@spec.command("schema")
def spec_schema_command() -> None:
    """Print the JSON Schema of the deal description."""
    from assembler.spec import spec_schema

    click.echo(spec_schema(), nl=False)


@click.group()
def clauses() -> None:
    """Inspect and check the clause library."""


@clauses.command("list")
def clauses_list() -> None:
    """List every clause: id@version, section, requirements covered."""
    from clauses.errors import ClauseError
    from clauses.loader import load_library

    try:
        library = load_library()
    except ClauseError as exc:
        _fail(exc, 1)
    for clause in library.clauses:
        covers = ", ".join(clause.covers) or "-"
        click.echo(f"{clause.ref:40} {clause.section:20} {covers}")


@clauses.command("show")
@click.argument("clause_id")
@click.option(
    "--lang", type=click.Choice(["sv", "en"]), default="sv", show_default=True
)
def clauses_show(clause_id: str, lang: str) -> None:
    """Show one clause's metadata and its template text."""
    from clauses.errors import ClauseError
    from clauses.loader import load_library

    try:
        clause = load_library().clause(clause_id)
    except ClauseError as exc:
        _fail(exc, 1)
    click.echo(
        f"{clause.ref}  [{clause.section}]  covers: {', '.join(clause.covers) or '-'}"
    )
    if clause.condition:
        click.echo(f"condition: {clause.condition}")
    click.echo(f"\n{clause.title.get(lang, '')}\n")
    click.echo(clause.text.get(lang, ""))


@clauses.command("lint")
def clauses_lint() -> None:
    """Check every clause file; exit 1 listing all problems if any."""
    from clauses.lint import lint_library

    problems = lint_library()
    for problem in problems:
        click.echo(str(problem))
    if problems:
        click.echo(f"{len(problems)} problem(s)", err=True)
        sys.exit(1)
    click.echo("clause library is clean")
