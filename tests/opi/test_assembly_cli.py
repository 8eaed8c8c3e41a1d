"""`opi assemble`, `opi spec` and `opi clauses` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from click.testing import CliRunner

from opi.cli import cli

SPECS = Path(__file__).resolve().parents[2] / "corpora" / "specs"


def test_spec_init_writes_a_valid_example_then_refuses_to_overwrite(
    tmp_path: Path,
) -> None:
    target = tmp_path / "deal.yaml"
    first = CliRunner().invoke(cli, ["spec", "init", str(target)])
    assert first.exit_code == 0 and "Wrote" in first.output
    again = CliRunner().invoke(cli, ["spec", "init", str(target)])
    assert again.exit_code == 2 and "--force" in again.output
    out = tmp_path / "avtal.docx"
    built = CliRunner().invoke(cli, ["assemble", str(target), "-o", str(out)])
    assert built.exit_code == 0, built.output
    assert "clauses)" in built.output
    assert docx.Document(str(out)).paragraphs[0].text.startswith("Avtal om")


def test_spec_schema_prints_json_schema() -> None:
    result = CliRunner().invoke(cli, ["spec", "schema"])
    assert result.exit_code == 0
    assert json.loads(result.output)["title"] == "OPI deal description"


def test_assemble_reports_spec_errors_with_exit_code_2(tmp_path: Path) -> None:
    spec = tmp_path / "deal.yaml"
    CliRunner().invoke(cli, ["spec", "init", str(spec)])
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("556205-1804", "5562051805"),
        encoding="utf-8",
    )
    out = tmp_path / "avtal.docx"
    result = CliRunner().invoke(cli, ["assemble", str(spec), "-o", str(out)])
    assert result.exit_code == 2
    assert "suppliers[0].org_number: 5562051805 fails the checksum" in result.output
    assert "(line 17)" in result.output
    assert not out.exists()


def test_assemble_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "avtal.md"
    out.write_text("keep", encoding="utf-8")
    args = ["assemble", str(SPECS / "en_energy_authority.yaml"), "-o", str(out)]
    refused = CliRunner().invoke(cli, [*args, "--format", "md"])
    assert refused.exit_code == 2 and "--force" in refused.output
    assert out.read_text(encoding="utf-8") == "keep"
    forced = CliRunner().invoke(cli, [*args, "--format", "md", "--force"])
    assert forced.exit_code == 0
    assert "ownership.authority@1" in out.read_text(encoding="utf-8")


def test_assemble_lang_and_txt_format(tmp_path: Path) -> None:
    out = tmp_path / "agreement.txt"
    spec = str(SPECS / "sv_region_supplier.yaml")
    result = CliRunner().invoke(
        cli, ["assemble", spec, "-o", str(out), "--lang", "en", "--format", "txt"]
    )
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "1 PARTIES" in text and "[opi clauses (en):" in text


def test_clauses_list_show_and_lint() -> None:
    listed = CliRunner().invoke(cli, ["clauses", "list"])
    assert listed.exit_code == 0 and "ownership.joint@1" in listed.output
    shown = CliRunner().invoke(cli, ["clauses", "show", "ownership.joint"])
    assert (
        shown.exit_code == 0 and "condition: ownership.model == 'joint'" in shown.output
    )
    missing = CliRunner().invoke(cli, ["clauses", "show", "ownership.jiont"])
    assert missing.exit_code == 1 and "similar ids" in missing.output
    linted = CliRunner().invoke(cli, ["clauses", "lint"])
    assert linted.exit_code == 0 and "clean" in linted.output
