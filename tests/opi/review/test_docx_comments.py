"""The Word draft with review comments: same text, same parts, real comments."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from checkers import read_document
from opi.review.align import keyed
from opi.review.docx_comments import annotate_docx, read_comments
from opi.review.errors import AnnotationError, OutputError
from opi.review.notes import review_notes
from tests.opi.review.conftest import Checked, checked

DEV = Path(__file__).resolve().parents[3] / "corpora" / "dev" / "formats"
# Parts that carry the comments; every other part must stay byte for byte.
COMMENT_PARTS = {
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "[Content_Types].xml",
    "word/comments.xml",
}


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


@pytest.fixture(scope="module")
def annotated(
    vardlarm: Checked, examples: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, int]:
    document, report = vardlarm
    out = tmp_path_factory.mktemp("docx") / "granskad.docx"
    count = annotate_docx(
        examples / "sv_vardlarm_opi.docx",
        report,
        document,
        out,
        author="Jurist Jansson",
        initials="JJ",
        include_met=True,
    )
    return out, count


def test_annotated_copy_has_exactly_the_original_text(
    annotated: tuple[Path, int], vardlarm: Checked
) -> None:
    # the example has tracked changes, a text box, a footnote and hidden text
    out, _ = annotated
    document, _ = vardlarm
    assert read_document(out).text == document.text


def test_only_the_document_and_comment_parts_change(
    annotated: tuple[Path, int], examples: Path
) -> None:
    out, _ = annotated
    before = _parts(examples / "sv_vardlarm_opi.docx")
    after = _parts(out)
    assert set(after) - set(before) == {"word/comments.xml"}
    assert set(before) <= set(after)
    changed = {name for name in before if before[name] != after[name]}
    assert changed <= COMMENT_PARTS
    assert "word/document.xml" in changed


def test_reopened_with_python_docx_every_comment_is_there(
    annotated: tuple[Path, int], vardlarm: Checked
) -> None:
    out, count = annotated
    document, report = vardlarm
    comments = list(docx.Document(str(out)).comments)
    assert count == len(comments) == sum(len(f.evidence) for f in report.findings)
    assert {(c.author, c.initials) for c in comments} == {("Jurist Jansson", "JJ")}


def test_each_comment_is_anchored_on_its_evidence_sentence(
    annotated: tuple[Path, int], vardlarm: Checked
) -> None:
    out, _ = annotated
    document, report = vardlarm
    notes = review_notes(report, document, include_met=True)
    anchors = read_comments(out)
    assert [keyed(a.anchor).key for a in anchors] == [
        keyed(document.text[n.start : n.end]).key for n in notes
    ]
    sentence = "Varje Part äger de resultat som Parten själv tar fram i projektet."
    assert sentence in [a.anchor for a in anchors]


def test_missing_requirement_is_commented_at_its_section_or_the_title(
    tmp_path: Path,
) -> None:
    src = DEV / "svb26_mobilitetshubb.docx"
    document, report = checked(src, ui_language="en")
    out = tmp_path / "out.docx"
    annotate_docx(src, report, document, out, ui_lang="en")
    comments = read_comments(out)
    missing = [c for c in comments if c.text.startswith("✗ Missing")]
    assert len(missing) == sum(f.status == "missing" for f in report.findings)
    title = document.body[0].text
    for comment in missing:
        assert (
            comment.anchor == title or "Suggested here, in the section" in comment.text
        )
    # the suggested clause speaks of this agreement's parties
    assert any("Hyresbostäder" in c.text for c in missing)


def test_met_findings_are_left_alone_unless_asked(
    vardlarm: Checked, examples: Path, tmp_path: Path
) -> None:
    document, report = vardlarm
    count = annotate_docx(
        examples / "sv_vardlarm_opi.docx", report, document, tmp_path / "a.docx"
    )
    assert count == 0 and read_comments(tmp_path / "a.docx") == []


def test_existing_output_and_the_draft_itself_are_refused(
    vardlarm: Checked, examples: Path, tmp_path: Path
) -> None:
    document, report = vardlarm
    src = examples / "sv_vardlarm_opi.docx"
    copy = tmp_path / "utkast.docx"
    shutil.copy(src, copy)
    with pytest.raises(OutputError, match="is the draft itself"):
        annotate_docx(copy, report, document, copy, force=True)
    with pytest.raises(OutputError, match="exists already"):
        annotate_docx(src, report, document, copy)
    assert copy.read_bytes() == src.read_bytes()
    annotate_docx(src, report, document, copy, force=True, include_met=True)
    assert read_comments(copy)


def test_a_pdf_draft_cannot_get_word_comments(
    skolenergi: Checked, examples: Path, tmp_path: Path
) -> None:
    document, report = skolenergi
    with pytest.raises(AnnotationError, match="pdf file"):
        annotate_docx(
            examples / "sv_skolenergi_samverkan.pdf",
            report,
            document,
            tmp_path / "x.docx",
        )
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_opens_the_copy_with_every_comment(
    annotated: tuple[Path, int], tmp_path: Path
) -> None:
    out, count = annotated
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with zipfile.ZipFile(tmp_path / "granskad.odt") as odt:
        content = odt.read("content.xml").decode("utf-8")
    assert (
        content.count("<office:annotation ") + content.count("<office:annotation>")
        == count
    )
    assert content.count("<office:annotation-end") == count


PINNED = [
    ("examples", "sv_vardlarm_opi.docx", True),
    ("dev", "svb26_mobilitetshubb.docx", False),
    ("dev", "sva05_primarvard_triage.docx", False),
    ("dev", "en21_bin_fill_sensors_wales.docx", False),
    ("dev", "da07_madspild_daginstitutioner.docx", False),
]


@pytest.mark.parametrize(("where", "name", "met"), PINNED, ids=[p[1] for p in PINNED])
def test_comments_of_corpus_drafts(
    where: str, name: str, met: bool, examples: Path, tmp_path: Path, data_regression
) -> None:
    src = (examples if where == "examples" else DEV) / name
    document, report = checked(src)
    out = tmp_path / name
    annotate_docx(src, report, document, out, include_met=met)
    data_regression.check(
        [
            {"anchor": c.anchor, "comment": c.text.splitlines()}
            for c in read_comments(out)
        ]
    )


def test_comments_already_in_the_draft_are_kept(
    annotated: tuple[Path, int], vardlarm: Checked, tmp_path: Path
) -> None:
    first, count = annotated
    document, report = vardlarm
    again = tmp_path / "igen.docx"
    added = annotate_docx(first, report, document, again, include_met=True)
    comments = read_comments(again)
    assert added == count and len(comments) == 2 * count
    assert read_document(again).text == document.text
