"""`opi check` review options: --format html -o, --annotate, --ui-lang, --force."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from opi.cli import cli
from opi.review.docx_comments import read_comments
from opi.review.pdf_highlights import read_highlights


def _run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


def test_html_report_is_written_and_not_overwritten(
    examples: Path, tmp_path: Path
) -> None:
    out = tmp_path / "rapport.html"
    pdf = examples / "sv_skolenergi_samverkan.pdf"
    code, stdout, stderr = _run(pdf, "--format", "html", "-o", out)
    assert code == 1 and stdout == ""
    assert "rapport.html" in stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'lang="sv"' in page
    out.write_text("min egen fil", encoding="utf-8")
    code, _, stderr = _run(pdf, "--format", "html", "-o", out)
    assert code == 2 and "exists already; use --force" in stderr
    assert out.read_text(encoding="utf-8") == "min egen fil"
    code, _, _ = _run(pdf, "--format", "html", "-o", out, "--force")
    assert code == 1 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_ui_lang_english_for_a_swedish_agreement(examples: Path) -> None:
    code, stdout, _ = _run(
        examples / "sv_skolenergi_samverkan.pdf", "--format", "html", "--ui-lang", "en"
    )
    assert code == 1
    assert 'lang="en"' in stdout and "Delete or amend the marked sentences" in stdout
    code, stdout, _ = _run(examples / "sv_skolenergi_samverkan.pdf", "--ui-lang", "en")
    assert "the agreement says the opposite" in stdout


def test_annotate_docx_writes_comments_and_the_report(
    examples: Path, tmp_path: Path
) -> None:
    out = tmp_path / "granskad.docx"
    code, stdout, stderr = _run(
        examples / "sv_vardlarm_opi.docx",
        "--annotate",
        out,
        "--annotate-met",
        "--author",
        "Anna Jurist",
        "--initials",
        "AJ",
    )
    assert code == 0 and "compliant" in stdout
    comments = read_comments(out)
    assert comments and f"{len(comments)} comments written" in stderr
    assert {(c.author, c.initials) for c in comments} == {("Anna Jurist", "AJ")}


def test_annotate_pdf_writes_highlights(examples: Path, tmp_path: Path) -> None:
    out = tmp_path / "granskad.pdf"
    code, _, stderr = _run(examples / "sv_skolenergi_samverkan.pdf", "--annotate", out)
    assert code == 1
    assert read_highlights(out) and "highlights written" in stderr


def test_annotate_refuses_a_mismatch_a_text_draft_and_the_draft_itself(
    examples: Path, tmp_path: Path
) -> None:
    code, stdout, stderr = _run(
        examples / "sv_skolenergi_samverkan.pdf", "--annotate", tmp_path / "a.docx"
    )
    assert code == 2 and "is a pdf file; give an OUT.pdf file" in stderr
    assert stdout == "" and not (tmp_path / "a.docx").exists()
    code, _, stderr = _run(
        examples / "en_shuttle_pilot.txt", "--annotate", tmp_path / "a.docx"
    )
    assert code == 2 and "for .docx and .pdf drafts only" in stderr
    code, _, stderr = _run(
        examples / "en_shuttle_pilot.txt", "--annotate", tmp_path / "a.txt"
    )
    assert code == 2 and "give a .docx file" in stderr
    draft = tmp_path / "utkast.docx"
    shutil.copy(examples / "sv_vardlarm_opi.docx", draft)
    code, _, stderr = _run(draft, "--annotate", draft, "--force")
    assert code == 2 and "is the draft itself" in stderr
    assert draft.read_bytes() == (examples / "sv_vardlarm_opi.docx").read_bytes()


def test_unreadable_draft_exits_2_without_an_annotated_copy(
    fixtures: Path, tmp_path: Path
) -> None:
    out = tmp_path / "granskad.docx"
    report = tmp_path / "rapport.html"
    code, _, stderr = _run(
        fixtures / "truncated.docx", "--annotate", out, "--format", "html", "-o", report
    )
    assert code == 2 and not out.exists()
    assert "no annotated copy" in stderr
    assert "corrupt" in report.read_text(encoding="utf-8")


def test_outputs_get_the_usual_file_permissions(examples: Path, tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    _run(examples / "en_shuttle_pilot.txt", "--format", "html", "-o", out)
    reference = tmp_path / "reference"
    reference.write_bytes(b"")
    assert out.stat().st_mode & 0o777 == reference.stat().st_mode & 0o777
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
