"""`opi read` and `opi --version` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from opi import __version__
from opi.cli import cli


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_starting_the_cli_loads_no_engine_it_does_not_need() -> None:
    """`opi check` and `opi --version` start fast: the assembler, spaCy and the
    plotting and PDF-writing libraries load only in the commands that use them."""
    code = (
        "import sys, opi.cli; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'assembler', 'docxtpl', 'pydantic', 'spacy', 'matplotlib', 'pypdf'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_read_shows_blocks_with_kind_location_and_section(examples: Path) -> None:
    result = CliRunner().invoke(cli, ["read", str(examples / "sv_vardlarm_opi.docx")])
    assert result.exit_code == 0
    assert "sv_vardlarm_opi.docx: docx, language sv" in result.output
    assert "HEAD" in result.output and "¶" in result.output
    assert "3 Roller och ansvar | Kommunen ansvarar" in result.output


def test_read_json_is_the_document_model(examples: Path) -> None:
    result = CliRunner().invoke(
        cli, ["read", "--format", "json", str(examples / "sv_skolenergi_samverkan.pdf")]
    )
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["format"] == "pdf" and data["pages"] == 3 and data["error"] is None
    assert {"kind", "text", "start", "end", "section", "page"} <= set(data["blocks"][0])


def test_a_bad_file_is_reported_and_the_batch_goes_on(
    examples: Path, fixtures: Path
) -> None:
    result = CliRunner().invoke(
        cli,
        ["read", "--format", "summary", str(fixtures / "truncated.pdf"), str(examples)],
    )
    assert result.exit_code == 2
    assert "truncated.pdf" in result.output and "[corrupt]" in result.output
    assert result.output.count("\n") == 1 + len(list(examples.glob("*.*")))


def test_read_json_error_object(fixtures: Path) -> None:
    result = CliRunner().invoke(
        cli, ["read", "--format", "json", str(fixtures / "scanned.pdf")]
    )
    assert result.exit_code == 2
    assert json.loads(result.output)["error"]["code"] == "no_text"


def test_missing_path_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["read", "no/such/file.docx"])
    assert result.exit_code == 2
    assert "does not exist" in result.output
