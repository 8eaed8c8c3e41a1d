"""`opi check` and `opi eval` as a reviewer runs them."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from opi.cli import cli


def test_compliant_example_exits_0(examples: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(examples / "sv_vardlarm_opi.docx")])
    assert result.exit_code == 0, result.output
    assert "compliant" in result.output


def test_non_compliant_example_exits_1_with_suggestions(examples: Path) -> None:
    result = CliRunner().invoke(
        cli, ["check", str(examples / "sv_skolenergi_samverkan.pdf")]
    )
    assert result.exit_code == 1
    assert "procurement_access   conflict" in result.output
    assert "procurement.no_promise" in result.output


def test_json_report_and_unreadable_file_exit_2(fixtures: Path) -> None:
    result = CliRunner().invoke(
        cli, ["check", "--format", "json", str(fixtures / "truncated.docx")]
    )
    assert result.exit_code == 2
    data = json.loads(result.output)
    assert data["status"] == "error" and data["requirements"] == []


def test_eval_prints_the_figures(examples: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Ingen part ska uteslutas från en efterföljande upphandling.\n",
        encoding="utf-8",
    )
    (tmp_path / "labels.json").write_text(
        json.dumps(
            [
                {
                    "file": "a.txt",
                    "language": "sv",
                    "expected_error": None,
                    "requirements": {
                        "procurement_access": {"status": "met", "evidence": []}
                    },
                    "note": "",
                }
            ]
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["eval", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "exact-status accuracy 1.000" in result.output
    # no conflict is labelled: recall is undefined, not 0.000
    assert "conflict recall       – (no conflict labelled)" in result.output
