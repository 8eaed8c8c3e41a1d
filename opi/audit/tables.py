"""The rows of a run as reports show them: display paths, ranking, counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from opi.audit.store import Row, RunView

STATUSES = ("met", "partial", "missing", "conflict")
OVERALL = ("compliant", "non_compliant", "error")
WEIGHT = {"met": 0, "partial": 1, "missing": 2, "conflict": 3}


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts over one run: by overall status, error code and requirement status."""

    documents: int
    skipped: int
    pending: int
    overall: dict[str, int]
    errors: dict[str, int]
    requirements: dict[str, dict[str, int]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "skipped": self.skipped,
            "pending": self.pending,
            "overall": self.overall,
            "errors": self.errors,
            "requirements": self.requirements,
        }


def display_message(row: Row) -> str | None:
    """The error message with this copy's path where the stored one names the file
    it was first checked under (one result serves every copy of the content)."""
    if row.error_message is None:
        return None
    prefix = f"{row.name}: "
    if row.error_message.startswith(prefix):
        return f"{row.path}: {row.error_message[len(prefix) :]}"
    return row.error_message


def document_report(row: Row, report: dict[str, Any]) -> dict[str, Any]:
    """The stored report as `opi check --format json` gives it, for this path."""
    data = {**report, "file": row.path}
    if data["error"]:
        data["error"] = {**data["error"], "message": display_message(row)}
    return data


def requirement_ids(view: RunView) -> list[str]:
    """Requirement ids in playbook order, as the reports list them."""
    ids: dict[str, None] = {}
    for row in view.rows:
        for rid, _ in row.requirements:
            ids.setdefault(rid, None)
    return list(ids)


def statuses(row: Row) -> dict[str, str]:
    """Requirement id -> status of one document (empty when unreadable)."""
    return dict(row.requirements)


def badness(row: Row) -> int:
    """How far a document is from compliant: conflict 3, missing 2, partial 1."""
    return sum(WEIGHT[s] for s in statuses(row).values())


def worst_first(view: RunView) -> list[Row]:
    """Readable documents, the furthest from compliant first, then by path."""
    readable = [r for r in view.rows if r.status in ("compliant", "non_compliant")]
    return sorted(readable, key=lambda r: (-badness(r), r.path))


def summarise(view: RunView) -> Summary:
    ids = requirement_ids(view)
    overall = Counter(r.status for r in view.rows if r.status)
    errors = Counter(r.error_code for r in view.rows if r.error_code)
    per_req = {rid: dict.fromkeys(STATUSES, 0) for rid in ids}
    for row in view.rows:
        for rid, status in statuses(row).items():
            per_req[rid][status] += 1
    return Summary(
        documents=len(view.rows),
        skipped=len(view.skipped),
        pending=sum(1 for r in view.rows if r.status is None),
        overall={s: overall.get(s, 0) for s in OVERALL},
        errors=dict(sorted(errors.items())),
        requirements=per_req,
    )


def summary_lines(view: RunView, summary: Summary) -> list[str]:
    """The summary as text, one fact per line (`opi audit` and `--summary`)."""
    state = "finished" if view.finished else "interrupted"
    lines = [
        f"run {view.run} ({state}; checkers {view.checker}, playbook {view.playbook}): "
        f"{summary.documents} documents, {summary.skipped} skipped, "
        f"{summary.pending} pending",
        "  " + ", ".join(f"{k} {v}" for k, v in summary.overall.items()),
    ]
    if summary.errors:
        lines.append(
            "  errors: " + ", ".join(f"{k} {v}" for k, v in summary.errors.items())
        )
    width = max((len(r) for r in summary.requirements), default=0)
    for rid, counts in summary.requirements.items():
        lines.append(
            f"  {rid:{width}}  " + "  ".join(f"{k} {v}" for k, v in counts.items())
        )
    return lines
