"""The pdfium path reads each PDF into the same Document as pdfplumber alone.

`ReadLimits(pdf_fast_path=False)` reads every page with pdfplumber; the default
reads plain pages with pdfium. Both must give the same text, blocks (kind,
offsets, page, section, level), page count, warnings and language, or the same
error code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from checkers import ReadError, ReadLimits, read_document
from checkers.readers.pdfdoubles import dedupe_chars
from checkers.readers.pdfium import PdfiumPages
from tests.conftest import EXAMPLES, FIXTURES, ROOT

DEFAULT = ReadLimits()
PDFPLUMBER_ONLY = ReadLimits(pdf_fast_path=False)
FORMATS = ROOT / "corpora" / "dev" / "formats"
BUNDLED = sorted(
    [
        *EXAMPLES.glob("*.pdf"),
        *FORMATS.glob("*.pdf"),
        *FIXTURES.glob("*.pdf"),
    ]
)
# Real documents, up to a size that keeps the suite fast (most of their pages
# have ruled frames and go to pdfplumber anyway); benchmarks/read_bench.py
# compares all of them.
EXTERNAL = [
    "cuad/pdf/neg01_STWRESOURCESHOLDINGCORP_08_06_2014-EX-10.1-COOPERATION_AGREEMENT.pdf",
    "cuad/pdf/neg05_VEONEER_INC_02_21_2020-EX-10.11-JOINT_VENTURE_AGREEMENT.pdf",
    "se_adda_inera/kontraktsvillkor-dynamisk-rangordning---it-konsulttjanster-2021.pdf",
    "se_adda_inera/inera_avrop_2023100060_e-klient-plattform.pdf",
]


def _read(path: Path, limits: ReadLimits = DEFAULT) -> dict[str, Any]:
    try:
        document = read_document(path, limits=limits)
    except ReadError as exc:
        return {"error": exc.code}
    data = document.to_dict()
    data["text"] = document.text
    data["offsets"] = [(b.start, b.end, b.page_end) for b in document.blocks]
    return data


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_fast_path_gives_the_same_document(path: Path) -> None:
    assert _read(path) == _read(path, PDFPLUMBER_ONLY)


@pytest.mark.external
@pytest.mark.parametrize("name", EXTERNAL, ids=lambda n: Path(n).stem[:40])
def test_fast_path_gives_the_same_document_for_real_pdfs(
    external: Path, name: str
) -> None:
    path = external / name
    assert _read(path) == _read(path, PDFPLUMBER_ONLY)


def _fast_pages(path: Path) -> list[bool]:
    """For each page, whether pdfium reads it (else pdfplumber does)."""
    with pdfplumber.open(path) as pdf, PdfiumPages(path) as fast:
        return [fast.chars(i, page) is not None for i, page in enumerate(pdf.pages)]


def test_every_page_of_the_example_is_read_by_pdfium() -> None:
    # Page 1 has a fake-bold title (drawn twice, 0.3 pt apart: pdfium keeps one
    # drawing, the copy is put back and de-duplicated as pdfplumber would) and a
    # ruled table; the others have line-end hyphens, which pdfium marks.
    pages = _fast_pages(EXAMPLES / "sv_skolenergi_samverkan.pdf")
    assert all(pages) and len(pages) > 1


def test_fake_bold_is_de_duplicated_as_pdfplumber_does() -> None:
    with pdfplumber.open(EXAMPLES / "sv_skolenergi_samverkan.pdf") as pdf:
        chars = pdf.pages[0].chars
        expected = pdfplumber.utils.text.dedupe_chars(chars, tolerance=1)
    assert len(expected) < len(chars)
    assert dedupe_chars(chars, tolerance=1) == expected


def test_a_page_with_a_symbol_font_goes_to_pdfplumber() -> None:
    # ZapfDingbats without a ToUnicode map: pdfium reads code 'n' as '■'.
    pages = _fast_pages(FORMATS / "sva15_vardcentral_flersprakig_chatt.pdf")
    assert pages.count(False) == 1 and pages.count(True) >= 1


def _ruled_table_pdf(path: Path) -> Path:
    """One page: a paragraph, then a ruled 3x2 table drawn with lines."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    page.setFont("Helvetica", 10.5)
    page.drawString(70, 760, "Parterna ansvarar för var sin del enligt tabellen.")
    rows = [("Part", "Ansvar"), ("Kommunen", "Testmiljö"), ("Leverantören", "Drift")]
    top, height, left, width = 730.0, 30.0, 70.0, 200.0
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            page.drawString(left + c * width + 4, top - r * height - 18, cell)
    for r in range(len(rows) + 1):
        page.line(left, top - r * height, left + 2 * width, top - r * height)
    for c in range(3):
        page.line(left + c * width, top, left + c * width, top - len(rows) * height)
    page.save()
    return path


def test_a_ruled_table_on_a_pdfium_page_is_found_as_pdfplumber_finds_it(
    tmp_path: Path,
) -> None:
    path = _ruled_table_pdf(tmp_path / "table.pdf")
    with pdfplumber.open(path) as pdf, PdfiumPages(path) as fast:
        found = fast.chars(0, pdf.pages[0])
    assert found is not None and found.may_hold_table
    document = read_document(path)
    assert _read(path) == _read(path, PDFPLUMBER_ONLY)
    rows = [b.text for b in document.blocks if b.kind == "table_row"]
    assert rows == ["Part | Ansvar", "Kommunen | Testmiljö", "Leverantören | Drift"]
