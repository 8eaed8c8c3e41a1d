"""results.json is written a document at a time, exactly as json.dumps would."""

from __future__ import annotations

import json
from typing import Any

import pytest

from opi.audit.collect import Skipped
from opi.audit.reports import results_json
from opi.audit.store import Row, RunView


def _report(name: str, status: str) -> dict[str, Any]:
    return {
        "file": f'{name} "quoted", comma',
        "format": "txt",
        "language": "sv",
        "pages": None,
        "status": status,
        "error": None,
        "requirements": [{"id": "added_value", "status": "met", "evidence": []}],
        "warnings": ["å ä ö"],
    }


@pytest.mark.parametrize("documents", [0, 1, 3])
@pytest.mark.parametrize("skipped", [0, 2])
def test_streamed_results_json_equals_one_json_dump(
    documents: int, skipped: int
) -> None:
    reports = [_report(f"{i}.txt", "compliant") for i in range(documents)]
    rows = tuple(
        Row.from_report(f"dir/{i}.txt", f"sha{i}", r) for i, r in enumerate(reports)
    )
    view = RunView(
        run=1,
        checker="c",
        playbook="p",
        finished=True,
        rows=rows,
        skipped=tuple(Skipped(f"x{i}.xyz", "unsupported") for i in range(skipped)),
    )
    stored = [json.dumps(r, ensure_ascii=False, indent=2) for r in reports]
    text = "".join(results_json(view, zip(rows, stored, strict=True)))
    expected = {
        "documents": [{**r, "file": f"dir/{i}.txt"} for i, r in enumerate(reports)],
        "skipped": [
            {"path": f"x{i}.xyz", "reason": "unsupported"} for i in range(skipped)
        ],
    }
    assert text == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


def test_an_error_message_names_this_copy_of_the_file() -> None:
    report = {
        **_report("a.pdf", "error"),
        "file": "a.pdf",
        "error": {"code": "corrupt", "message": "a.pdf: the PDF is damaged"},
        "requirements": [],
    }
    row = Row.from_report("archive.zip!2019/b.pdf", "sha", report)
    view = RunView(1, "c", "p", True, (row,), ())
    stored = json.dumps(report, indent=2)
    data = json.loads("".join(results_json(view, [(row, stored)])))
    assert data["documents"][0]["error"] == {
        "code": "corrupt",
        "message": "archive.zip!2019/b.pdf: the PDF is damaged",
    }
