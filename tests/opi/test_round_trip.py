"""`opi assemble` reads its own output back: compliance by construction."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from opi.cli import cli

SPECS = sorted(
    (Path(__file__).resolve().parents[2] / "corpora" / "specs").glob("*.yaml")
)


@pytest.mark.parametrize("spec", SPECS, ids=[s.stem for s in SPECS])
@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_every_example_spec_assembles_compliant(
    spec: Path, fmt: str, tmp_path: Path
) -> None:
    out = tmp_path / f"agreement.{fmt}"
    result = CliRunner().invoke(
        cli, ["assemble", str(spec), "-o", str(out), "--format", fmt]
    )
    assert result.exit_code == 0, result.output
    assert "Checked: all 4 requirements met" in result.output


def test_a_non_compliant_assembly_fails_naming_the_requirement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library whose procurement clause promises the later contract must not pass."""
    import checkers.engine as check_module
    from checkers.report import Finding, Report

    real = check_module.check

    def promised(path: object, **kwargs: object) -> Report:
        report = real(path, **kwargs)  # type: ignore[arg-type]
        findings = tuple(
            Finding(f.requirement, "conflict", 0.7, f.explanation)
            if f.requirement == "procurement_access"
            else f
            for f in report.findings
        )
        return Report(
            report.file, report.format, report.language, report.pages, findings
        )

    monkeypatch.setattr(check_module, "check", promised)
    out = tmp_path / "agreement.docx"
    result = CliRunner().invoke(cli, ["assemble", str(SPECS[0]), "-o", str(out)])
    assert result.exit_code == 1
    assert "does not meet: procurement_access" in result.output
