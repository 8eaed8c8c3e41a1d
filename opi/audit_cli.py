"""`opi audit`: check an archive of agreements in parallel, cached and resumable."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from opi.options import playbook_option

if TYPE_CHECKING:
    from opi.audit import AuditResult, AuditSettings, Progress

STORE_NAME = "opi-audit.sqlite"


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="all cores",
    help="Worker processes.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("opi-audit"),
    show_default=True,
    help="Folder for results.csv, results.json, report.html (and the store).",
)
@click.option(
    "--store",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"The SQLite store of results [default: OUT/{STORE_NAME}].",
)
@playbook_option
@click.option(
    "--fail-on",
    type=click.Choice(["non-compliant", "error"]),
    default="non-compliant",
    show_default=True,
    help="error: exit 1 on unreadable files too, not only on non-compliant ones.",
)
@click.option(
    "--timeout",
    "time_limit",
    type=click.FloatRange(min=0, min_open=True),
    default=60.0,
    show_default=True,
    help="Seconds per document; a slower one becomes a `timeout` error.",
)
@click.option(
    "--max-tasks",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    help="Replace a worker after this many documents (bounds its memory).",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    help="Run on this Dask cluster instead of local processes (opi[distributed]).",
)
@click.option(
    "--summary",
    is_flag=True,
    help="Print the summary of the last run in --store and stop (no PATHS).",
)
@click.option("--force", is_flag=True, help="Replace reports already in --out.")
def audit(
    paths: tuple[Path, ...],
    jobs: int,
    out: Path,
    store: Path | None,
    playbook: Path | None,
    fail_on: str,
    time_limit: float,
    max_tasks: int,
    scheduler: str | None,
    summary: bool,
    force: bool,
) -> None:
    """Granska ett arkiv av OPI-avtal / Audit an archive of OPI agreements.

    PATHS are files, folders (read recursively) and .zip archives; unsupported
    files are listed and skipped. Results are kept in a SQLite store keyed by each
    file's content, the checkers' version and the playbook: a re-run checks only
    what is new, and an interrupted run resumes. Writes results.csv, results.json,
    report.html and each document's review page (documents/) into --out.

    Exit code 0 when every document is compliant, 1 when any is not (or, with
    --fail-on error, is unreadable), 2 on bad usage.
    """
    from opi.audit import AuditSettings

    store = store or out / STORE_NAME
    if summary:
        if paths:
            raise click.UsageError("--summary reads the store only: give no PATHS")
        sys.exit(_exit_code(_print_summary(store), fail_on))
    if not paths:
        raise click.UsageError("give the files, folders or .zip archives to audit")
    titles = _titles(playbook)
    _refuse_to_replace(out, force=force)
    settings = AuditSettings(
        paths=paths,
        store=store,
        playbook=playbook,
        jobs=jobs,
        time_limit=time_limit,
        max_tasks=max_tasks,
        scheduler=scheduler,
    )
    result = _run(settings)
    sys.exit(_exit_code(_report(result, out, titles=titles), fail_on))


def _print_summary(store: Path) -> dict[str, int]:
    """Print the last run of an existing store; its counts by overall status."""
    from opi.audit import AuditError
    from opi.audit.store import Store
    from opi.audit.tables import summarise, summary_lines

    try:
        with Store(store, create=False) as db:
            view = db.view()
    except AuditError as exc:
        raise click.UsageError(str(exc)) from exc
    counts = summarise(view)
    click.echo("\n".join(summary_lines(view, counts)))
    return counts.overall


def _refuse_to_replace(out: Path, *, force: bool) -> None:
    from opi.audit.reports import existing_outputs

    present = existing_outputs(out)
    if present and not force:
        raise click.UsageError(
            f"{present[0]} exists: audit into another --out, or add --force to "
            "replace the reports (the store is kept and reused either way)"
        )


def _run(settings: AuditSettings) -> AuditResult:
    from opi.audit import AuditError, run_audit

    try:
        with _progress(sys.stderr.isatty()) as on_progress:
            return run_audit(settings, on_progress=on_progress)
    except AuditError as exc:
        raise _Failure(str(exc)) from exc
    except KeyboardInterrupt:
        click.echo(
            f"\ninterrupted: finished documents are in {settings.store}; run the "
            "same command again to resume",
            err=True,
        )
        sys.exit(130)


def _report(
    result: AuditResult, out: Path, *, titles: dict[str, str]
) -> dict[str, int]:
    """Write the reports, print the summary; the counts by overall status."""
    from opi.audit.reports import write_reports
    from opi.audit.store import Store
    from opi.audit.tables import summarise, summary_lines

    with Store(result.store) as db:
        report = write_reports(
            result.view,
            out,
            titles=titles,
            reports=db.reports(result.view),
            pages=db.pages(result.view),
            charts=db,
        )
    counts = summarise(result.view)
    click.echo("\n".join(summary_lines(result.view, counts)))
    memory = (
        f", peak worker memory {result.peak_rss_mb:.0f} MB" if result.checked else ""
    )
    click.echo(
        f"checked {result.checked}, from the store {result.cached}, "
        f"{result.seconds:.2f} s{memory}"
    )
    click.echo(f"report: {report}")
    return counts.overall


class _Failure(click.ClickException):
    """The store or the cluster cannot be used: exit code 2, like bad usage."""

    exit_code = 2


def _exit_code(overall: dict[str, int], fail_on: str) -> int:
    if overall["non_compliant"] or (fail_on == "error" and overall["error"]):
        return 1
    return 0


def _titles(playbook: Path | None) -> dict[str, str]:
    from checkers.playbook import PlaybookError, load_playbook

    try:
        book = load_playbook(playbook)
    except PlaybookError as exc:
        raise click.UsageError(str(exc)) from exc
    return {
        req.id: req.title.get("sv") or req.title.get("en") or req.id
        for req in book.requirements
    }


@contextmanager
def _progress(tty: bool) -> Iterator[Callable[[Progress], None]]:
    """A rich progress bar on a terminal; otherwise a key=value line on stderr
    at most every 5 seconds and at the end."""
    if tty:
        with _bar() as update:
            yield update
    else:
        yield _lines()


def _rate(p: Progress) -> float:
    """Documents checked per second in this run (those from the store left out)."""
    return (p.done - p.cached) / p.elapsed if p.elapsed else 0.0


def _lines() -> Callable[[Progress], None]:
    last = [0.0]

    def line(p: Progress) -> None:
        now = time.monotonic()
        if p.done < p.total and now - last[0] < 5:
            return
        last[0] = now
        click.echo(
            f"progress done={p.done} total={p.total} docs_per_s={_rate(p):.2f} "
            f"non_compliant={p.non_compliant} unreadable={p.unreadable}",
            err=True,
        )

    return line


@contextmanager
def _bar() -> Iterator[Callable[[Progress], None]]:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as Bar

    with Bar(
        TextColumn("granskar / auditing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} dok/s"),
        TimeRemainingColumn(),
        TextColumn("[red]{task.fields[bad]} non-compliant[/]"),
        TextColumn("{task.fields[err]} unreadable"),
    ) as bar:
        task = bar.add_task("audit", total=None, rate="–", bad=0, err=0)

        def update(p: Progress) -> None:
            bar.update(
                task,
                total=p.total,
                completed=p.done,
                rate=f"{_rate(p):.1f}",
                bad=p.non_compliant,
                err=p.unreadable,
            )

        yield update
