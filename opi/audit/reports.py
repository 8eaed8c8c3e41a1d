"""Write an audit's results.csv, results.json and report.html into a folder.

All three are sorted and free of timestamps: two audits of the same files give
byte-identical files. Each file is written beside its target and renamed into place."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from markupsafe import Markup

from opi.audit.charts import SvgCache
from opi.audit.store import Row, RunView
from opi.audit.tables import (
    OVERALL,
    Summary,
    badness,
    display_message,
    document_report,
    requirement_ids,
    statuses,
    summarise,
    worst_first,
)

OUTPUTS = ("results.csv", "results.json", "report.html", "documents")
PAGES = "documents"
FIXED = ["path", "sha256", "status", "error_code", "format", "language", "pages"]
OVERALL_LABELS = {
    "compliant": "uppfyller / compliant",
    "non_compliant": "uppfyller inte / non-compliant",
    "error": "oläsbar / unreadable",
}


def existing_outputs(out: Path) -> list[Path]:
    """Report files already in `out` (that a new audit would replace)."""
    return [out / name for name in OUTPUTS if (out / name).exists()]


def write_reports(
    view: RunView,
    out: Path,
    *,
    titles: dict[str, str],
    reports: Iterable[tuple[Row, str]] = (),
    pages: Iterable[tuple[str, str]] = (),
    charts: SvgCache | None = None,
) -> Path:
    """Write the three reports (`reports`: each row with its full report, by path,
    as Store.reports gives them) and each document's review page (`pages`: sha256
    and HTML) into out/documents/; return the path of report.html."""
    out.mkdir(parents=True, exist_ok=True)
    linked = _write_pages(out / PAGES, pages)
    _write(out / "results.csv", results_csv(view))
    _write_lines(out / "results.json", results_json(view, reports))
    html = report_html(view, titles=titles, linked=linked, charts=charts)
    _write(out / "report.html", html)
    return out / "report.html"


def page_name(sha256: str) -> str:
    """The review page of a content hash, relative to report.html."""
    return f"{PAGES}/{sha256[:16]}.html"


def _write_pages(folder: Path, pages: Iterable[tuple[str, str]]) -> set[str]:
    folder.mkdir(exist_ok=True)
    written = set()
    for sha, html in pages:
        _write(folder.parent / page_name(sha), html)
        written.add(sha)
    keep = {Path(page_name(sha)).name for sha in written}
    for stale in folder.glob("*.html"):
        if stale.name not in keep:
            stale.unlink()
    return written


def results_csv(view: RunView) -> str:
    """One row per document: path, hash, status, error code, one column per
    requirement with its status."""
    ids = requirement_ids(view)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FIXED + ids)
    for row in view.rows:
        found = statuses(row)
        writer.writerow(
            [
                row.path,
                row.sha256,
                row.status or "pending",
                row.error_code or "",
                row.format or "",
                row.language or "",
                "" if row.pages is None else row.pages,
            ]
            + [found.get(rid, "") for rid in ids]
        )
    return buffer.getvalue()


def results_json(view: RunView, reports: Iterable[tuple[Row, str]]) -> Iterator[str]:
    """{"documents": [the `opi check --format json` object of each document],
    "skipped": [{"path", "reason"}]}, sorted by path, as pieces of text written as
    they come (never the whole archive in memory); the same text as one
    json.dumps(..., indent=2) of it all. `reports`: each row with its stored JSON."""
    yield '{\n  "documents": ['
    written = 0
    for row, report in reports:
        text = document_json(row, report)
        yield ("," if written else "") + "\n    " + text.replace("\n", "\n    ")
        written += 1
    yield "\n  ],\n" if written else "],\n"
    skipped = [{"path": s.display, "reason": s.reason} for s in view.skipped]
    text = json.dumps(skipped, ensure_ascii=False, indent=2)
    yield '  "skipped": ' + text.replace("\n", "\n  ") + "\n}\n"


def document_json(row: Row, report: str) -> str:
    """One document's object, indented, with `file` this copy's path.

    The stored text is re-encoded only for an error (its message names the
    file); otherwise only the first key, `file`, is replaced: json.dumps with
    indent runs in pure Python and would dominate a re-run of a large archive."""
    head = '{\n  "file": '
    if row.status != "error" and report.startswith(head):
        end = report.index(",\n", len(head))  # a JSON string holds no raw newline
        return head + json.dumps(row.path, ensure_ascii=False) + report[end:]
    data = document_report(row, json.loads(report))
    return json.dumps(data, ensure_ascii=False, indent=2)


def report_html(
    view: RunView,
    *,
    titles: dict[str, str],
    linked: set[str] | None = None,
    charts: SvgCache | None = None,
) -> str:
    """A self-contained page: charts as inline SVG, tables, no scripts, no network."""
    import jinja2

    summary = summarise(view)
    template = (
        resources.files("opi.audit") / "templates" / "report.html.j2"
    ).read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    ids = requirement_ids(view)
    return env.from_string(template).render(
        view=view,
        summary=summary,
        ids=ids,
        titles={rid: titles.get(rid, rid) for rid in ids},
        overall_labels=OVERALL_LABELS,
        overall=OVERALL,
        links={
            row.path: page_name(row.sha256)
            for row in view.rows
            if row.sha256 in (linked or set())
        },
        worst=[(row, statuses(row), badness(row)) for row in worst_first(view)],
        unreadable=[
            (row, display_message(row)) for row in view.rows if row.status == "error"
        ],
        **_charts(summary, titles, charts),
    )


def _charts(
    summary: Summary, titles: dict[str, str], cache: SvgCache | None
) -> dict[str, Markup]:
    from opi.audit.charts import cached, coverage_chart, status_chart

    status = cached(
        cache,
        "status",
        [summary.overall, OVERALL_LABELS],
        lambda: status_chart(summary.overall, OVERALL_LABELS),
    )
    coverage = cached(
        cache,
        "coverage",
        [summary.requirements, titles],
        lambda: coverage_chart(summary.requirements, titles),
    )
    return {"status_svg": Markup(status), "coverage_svg": Markup(coverage)}


def _write(path: Path, text: str) -> None:
    _write_lines(path, [text])


def _write_lines(path: Path, lines: Iterable[str]) -> None:
    """Write beside the target, then rename into place (never half a report)."""
    partial = path.with_name(f".{path.name}.part")
    with partial.open("w", encoding="utf-8", newline="") as fh:
        fh.writelines(lines)
    partial.replace(path)
