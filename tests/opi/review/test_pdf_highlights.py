"""The PDF draft with highlights and popup notes: page content untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from opi.review.align import keyed
from opi.review.errors import AnnotationError
from opi.review.notes import review_notes
from opi.review.pdf_highlights import annotate_pdf, read_highlights
from tests.opi.review.conftest import Checked, checked

DEV = Path(__file__).resolve().parents[3] / "corpora" / "dev" / "formats"


@pytest.fixture(scope="module")
def highlighted(
    skolenergi: Checked, examples: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, int]:
    document, report = skolenergi
    out = tmp_path_factory.mktemp("pdf") / "granskad.pdf"
    count = annotate_pdf(
        examples / "sv_skolenergi_samverkan.pdf",
        report,
        document,
        out,
        include_met=True,
        author="Jurist Jansson",
    )
    return out, count


def test_page_content_streams_are_unchanged(
    highlighted: tuple[Path, int], examples: Path
) -> None:
    out, _ = highlighted
    before = PdfReader(examples / "sv_skolenergi_samverkan.pdf")
    after = PdfReader(out)
    assert len(before.pages) == len(after.pages)
    for old, new in zip(before.pages, after.pages, strict=True):
        assert old.get_contents().get_data() == new.get_contents().get_data()
        assert old.mediabox == new.mediabox
        assert set(new) - set(old) <= {"/Annots"}


def test_every_note_is_a_highlight_with_a_popup(
    highlighted: tuple[Path, int], skolenergi: Checked
) -> None:
    out, count = highlighted
    document, report = skolenergi
    assert count == len(review_notes(report, document, include_met=True))
    annots = [
        a.get_object() for page in PdfReader(out).pages for a in page.get("/Annots", [])
    ]
    highlights = [a for a in annots if a["/Subtype"] == "/Highlight"]
    popups = [a for a in annots if a["/Subtype"] == "/Popup"]
    assert len(highlights) >= count and len(popups) == len(highlights)
    for highlight in highlights:
        quads = highlight["/QuadPoints"]
        assert len(quads) % 8 == 0 and quads
        assert highlight["/Popup"].get_object()["/Parent"].get_object() == highlight
        assert highlight["/T"] == "Jurist Jansson"


def test_highlights_lie_on_the_evidence_words(
    highlighted: tuple[Path, int], skolenergi: Checked
) -> None:
    out, _ = highlighted
    document, report = skolenergi
    words = keyed(" ".join(h.anchor for h in read_highlights(out))).key
    for finding in report.findings:
        for evidence in finding.evidence:
            assert keyed(evidence.text).key in words
    conflict = next(h for h in read_highlights(out) if "Motstrid" in h.text)
    assert conflict.anchor.startswith("Bolaget ska ges förtur")
    assert "procurement.no_exclusion" in conflict.text


def test_a_word_draft_cannot_get_pdf_highlights(
    vardlarm: Checked, examples: Path, tmp_path: Path
) -> None:
    document, report = vardlarm
    with pytest.raises(AnnotationError, match="docx file"):
        annotate_pdf(
            examples / "sv_vardlarm_opi.docx", report, document, tmp_path / "x.pdf"
        )
    assert not (tmp_path / "x.pdf").exists()


PINNED = [
    "sva06_bibliotek_meroppet.pdf",
    "en04_gully_sensors.pdf",
]


@pytest.mark.parametrize("name", PINNED)
def test_highlights_of_corpus_drafts(
    name: str, tmp_path: Path, data_regression
) -> None:  # type: ignore[no-untyped-def]
    src = DEV / name
    document, report = checked(src)
    out = tmp_path / name
    annotate_pdf(src, report, document, out)
    data_regression.check(
        [
            {"page": h.page, "anchor": h.anchor, "note": h.text.splitlines()}
            for h in read_highlights(out)
        ]
    )
