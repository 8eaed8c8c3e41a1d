"""The evaluation arithmetic, on a labeled corpus written for it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkers.document import Document
from checkers.evaluate import LabelError, evaluate, load_labels
from checkers.report import Evidence, Finding, Report


def _labels(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("Kommunen äger resultaten.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    entries = [
        {
            "file": "a.txt",
            "language": "sv",
            "expected_error": None,
            "requirements": {
                "result_ownership": {
                    "status": "met",
                    "evidence": ["Kommunen äger resultaten."],
                },
                "added_value": {"status": "conflict", "evidence": ["äger"]},
            },
            "note": "",
        },
        {
            "file": "empty.txt",
            "language": "sv",
            "expected_error": "empty",
            "requirements": {},
            "note": "",
        },
    ]
    path = tmp_path / "labels.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    return path


def _always_met(doc: Document) -> Report:
    evidence = (Evidence.from_span(doc, 0, 8),)
    findings = tuple(
        Finding(
            requirement=r,
            status="met",
            confidence=0.9,
            explanation="",
            evidence=evidence,
        )
        for r in ("result_ownership", "added_value")
    )
    return Report(
        file=doc.path.name,
        format=doc.format,
        language=doc.language,
        pages=None,
        findings=findings,
    )


def test_figures_from_a_known_outcome(tmp_path: Path) -> None:
    result = evaluate(load_labels(_labels(tmp_path)), _always_met)
    assert result.verdicts == 2
    assert result.exact_accuracy == 0.5
    assert result.met_accuracy == 0.5
    assert result.conflict_recall == 0.0
    assert result.conflicts_labelled == 1  # missed: recall 0.0, not undefined
    assert (result.errors_right, result.errors_total) == (1, 1)
    # "Kommunen" overlaps the first label's evidence, not the second's ("äger").
    assert result.evidence_overlap == 0.5
    assert result.per_status("result_ownership")["met"]["precision"] == 1.0
    assert any("added_value expected conflict, got met" in m for m in result.mistakes)


def test_a_folder_collects_every_labels_file(tmp_path: Path) -> None:
    _labels(tmp_path)
    assert len(load_labels(tmp_path)) == 2


def test_malformed_labels_are_refused(tmp_path: Path) -> None:
    (tmp_path / "labels.json").write_text('[{"file": "x"}]', encoding="utf-8")
    with pytest.raises(LabelError, match="labels.json"):
        load_labels(tmp_path)
