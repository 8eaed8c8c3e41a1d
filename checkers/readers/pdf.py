"""Read a PDF with pdfplumber into positioned lines and tables, page by page."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from statistics import median
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdftypes import PDFException
from pdfminer.psexceptions import PSException
from pdfplumber.utils.clustering import cluster_objects
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException
from pdfplumber.utils.text import extract_words
from pypdfium2 import PdfiumError

from checkers.errors import ReadError
from checkers.readers.blocks import ReadResult
from checkers.readers.limits import ReadLimits
from checkers.readers.pdfdoubles import dedupe_chars
from checkers.readers.pdfium import PdfiumPages
from checkers.readers.pdflayout import Line, lines_to_blocks
from checkers.readers.pdfpaths import PdfiumCharsPage

# What a malformed or hostile PDF makes pdfminer raise. pdfminer has no single base
# class for "this file is broken", so the list is explicit rather than `Exception`.
_BROKEN_PDF = (
    PdfminerException,
    MalformedPDFException,
    PDFException,
    PSException,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    AssertionError,
    RecursionError,
    struct.error,
    zlib.error,
)
_BOLD_FONTS = ("bold", "black", "heavy", "semibold", "demi")
_WORD_ATTRS = ["size", "fontname"]


_ENCRYPTED_MESSAGE = (
    "the PDF is password-protected; open it with the password and save an "
    "unprotected copy"
)


@contextmanager
def _broken_as_corrupt(path: Path) -> Iterator[None]:
    """Map what pdfminer raises on a bad file to ReadError(encrypted/corrupt)."""
    try:
        yield
    except ReadError:
        raise
    except PDFPasswordIncorrect as exc:
        raise ReadError(path, "encrypted", _ENCRYPTED_MESSAGE) from exc
    except _BROKEN_PDF as exc:
        # pdfplumber wraps pdfminer's error as the first argument.
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise ReadError(path, "encrypted", _ENCRYPTED_MESSAGE) from exc
        raise ReadError(
            path,
            "corrupt",
            f"the PDF is damaged and cannot be read ({type(cause).__name__})",
        ) from exc


def read_pdf(path: Path, *, limits: ReadLimits) -> ReadResult:
    """Positioned lines of every page, then the layout rules of `pdflayout`.

    Plain pages are read through pdfium (`checkers.readers.pdfium`), every other
    page, or all of them when `limits.pdf_fast_path` is off, through pdfplumber;
    both give the same lines. pdfplumber opens the file first, so that a broken
    or encrypted file is judged by pdfminer alone."""
    with _broken_as_corrupt(path), pdfplumber.open(path) as pdf:
        count = len(pdf.pages)
        if count > limits.max_pdf_pages:
            raise ReadError(
                path,
                "too_large",
                f"the PDF has {count} pages (limit {limits.max_pdf_pages})",
            )
        pages: list[list[Line]] = []
        empty_with_images: list[int] = []
        chars = 0
        with _pdfium_pages(path, enabled=limits.pdf_fast_path) as fast:
            for number, page in enumerate(pdf.pages, start=1):
                page_lines = _fast_page_lines(fast, page, number)
                if page_lines is None:
                    page_lines = _page_lines(page, number)
                    if not page_lines and page.images:
                        empty_with_images.append(number)
                chars += sum(len(line.text) for line in page_lines)
                pages.append(page_lines)
                page.flush_cache()
    if chars == 0:
        raise ReadError(
            path,
            "no_text",
            "the PDF has no text layer; it looks scanned — run OCR (text "
            "recognition) on it, or use the original Word file",
        )
    warnings = []
    if empty_with_images:
        listed = ", ".join(map(str, empty_with_images[:10]))
        warnings.append(
            f"page(s) {listed} hold only images (scanned?); their text was not read"
        )
    blocks = lines_to_blocks(pages)
    return ReadResult(blocks=blocks, pages=count, warnings=warnings)


@contextmanager
def _pdfium_pages(path: Path, *, enabled: bool) -> Iterator[PdfiumPages | None]:
    """pdfium's view of the file, or None (off, or pdfium cannot open it)."""
    if not enabled:
        yield None
        return
    try:
        fast = PdfiumPages(path)
    except PdfiumError:
        yield None
        return
    with fast:
        yield fast


def _fast_page_lines(
    fast: PdfiumPages | None, page: Any, number: int
) -> list[Line] | None:
    """The page's lines from pdfium's characters; None where pdfplumber must
    read it (see `checkers.readers.pdfium`; also empty pages)."""
    if fast is None:
        return None
    try:
        found = fast.chars(number - 1, page)
        if found is None or not found.chars:
            return None
        chars = found.chars
        if _has_doubled_chars(chars):  # as _page_lines does, only faster
            chars = dedupe_chars(chars, tolerance=1)
        if found.may_hold_table:
            return _page_lines(PdfiumCharsPage(page, chars), number)
    except (PdfiumError, *_BROKEN_PDF):
        return None  # pdfplumber reads the page and judges the damage
    words = extract_words(chars, keep_blank_chars=False, extra_attrs=_WORD_ATTRS)
    return _lines(words, [], float(page.width), number)


def _page_lines(page: Any, number: int) -> list[Line]:
    """Lines of one page in reading order, tables as single items, columns apart."""
    if _has_doubled_chars(page.chars):
        page = page.dedupe_chars(tolerance=1)
    words = page.extract_words(keep_blank_chars=False, extra_attrs=_WORD_ATTRS)
    if not words:
        return []
    found = [(t, _real_table_rows(t, page)) for t in page.find_tables()]
    tables = [(t, rows) for t, rows in found if rows is not None]
    table_lines = [_table_line(t, rows, number) for t, rows in tables]
    words = [w for w in words if not any(_inside(w, t.bbox) for t, _ in tables)]
    return _lines(words, table_lines, float(page.width), number)


def _lines(
    words: list[dict[str, Any]], table_lines: list[Line], width: float, number: int
) -> list[Line]:
    """Words grouped into lines, tables placed among them, columns apart."""
    for word in words:
        word["bold"] = any(b in str(word["fontname"]).lower() for b in _BOLD_FONTS)
    gutter = _find_gutter(words, width)
    if gutter is None:
        lines = _group_lines(words, number, column=0) + table_lines
        return sorted(lines, key=lambda line: (line.top, line.x0))
    left: list[dict[str, Any]] = []
    right: list[dict[str, Any]] = []
    spanning: list[dict[str, Any]] = []
    for row in cluster_objects(words, "top", tolerance=2.5):
        if _crosses(row, gutter):
            spanning.extend(row)
            continue
        left.extend(w for w in row if w["x1"] <= gutter)
        right.extend(w for w in row if w["x0"] >= gutter)
    return _column_order(
        _group_lines(left, number, column=1),
        _group_lines(right, number, column=2),
        _group_lines(spanning, number, column=0) + table_lines,
    )


def _has_doubled_chars(chars: list[dict[str, Any]]) -> bool:
    """Fake bold draws each glyph twice at (almost) the same place."""
    seen: set[tuple[str, int, int]] = set()
    for char in chars:
        key = (char["text"], round(char["x0"]), round(char["top"]))
        if key in seen and not char["text"].isspace():
            return True
        seen.add(key)
    return False


def _real_table_rows(table: Any, page: Any) -> list[list[str | None]] | None:
    """The rows of a ruled grid of at least two rows and columns that lies on
    the page; None for anything else.

    Page frames drawn by HTML-to-PDF converters come out of pdfplumber as a
    one-column 'table' reaching far beyond the page; they are layout, not data.
    """
    x0, top, x1, bottom = table.bbox
    if (
        top < -1
        or bottom > float(page.height) + 1
        or x0 < -1
        or x1 > float(page.width) + 1
    ):
        return None
    if len(table.rows) < 2 or len(table.columns) < 2:
        return None
    rows: list[list[str | None]] = table.extract()
    multi = sum(1 for row in rows if sum(1 for c in row if c and c.strip()) >= 2)
    return rows if multi >= max(1, len(rows) // 2) else None


def _inside(word: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = bbox
    cx = (float(word["x0"]) + float(word["x1"])) / 2
    cy = (float(word["top"]) + float(word["bottom"])) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _table_line(table: Any, extracted: list[list[str | None]], number: int) -> Line:
    rows = []
    for row in extracted:
        cells = [" ".join((c or "").split()) for c in row]
        rows.append(" | ".join(c for c in cells if c))
    x0, top, x1, bottom = table.bbox
    return Line(
        text="\n".join(r for r in rows if r),
        x0=x0,
        x1=x1,
        top=top,
        bottom=bottom,
        size=0.0,
        bold=False,
        page=number,
        column=0,
        is_table=True,
    )


def _group_lines(
    words: list[dict[str, Any]], number: int, *, column: int
) -> list[Line]:
    lines = []
    for cluster in cluster_objects(words, "top", tolerance=2.5):
        cluster.sort(key=lambda w: w["x0"])
        text = " ".join(w["text"] for w in cluster)
        bold_chars = sum(len(w["text"]) for w in cluster if w.get("bold"))
        lines.append(
            Line(
                text=text,
                x0=min(w["x0"] for w in cluster),
                x1=max(w["x1"] for w in cluster),
                top=min(w["top"] for w in cluster),
                bottom=max(w["bottom"] for w in cluster),
                size=float(median(w["size"] for w in cluster)),
                bold=bold_chars >= len(text.replace(" ", "")) * 0.8,
                page=number,
                column=column,
                first_word_width=float(cluster[0]["x1"] - cluster[0]["x0"]),
            )
        )
    return sorted(lines, key=lambda line: line.top)


def _find_gutter(words: list[dict[str, Any]], width: float) -> float | None:
    """The x of an empty vertical band between two well-filled columns, if any."""
    if len(words) < 40:
        return None
    cover = [0] * (int(width) + 2)
    for word in words:
        for x in range(max(int(word["x0"]), 0), min(int(word["x1"]) + 1, len(cover))):
            cover[x] += 1
    allowed = max(1, len(words) // 50)
    lo, hi = int(width * 0.3), int(width * 0.7)
    best: tuple[int, int] | None = None
    run_start = None
    for x in range(lo, hi + 1):
        if cover[x] <= allowed:
            run_start = x if run_start is None else run_start
            if best is None or x - run_start > best[1] - best[0]:
                best = (run_start, x)
        else:
            run_start = None
    if best is None or best[1] - best[0] < 6:
        return None
    gutter = (best[0] + best[1]) / 2
    left = sum(1 for w in words if w["x1"] <= gutter)
    right = sum(1 for w in words if w["x0"] >= gutter)
    if min(left, right) < len(words) * 0.2:
        return None
    return gutter


def _crosses(row: list[dict[str, Any]], gutter: float) -> bool:
    """A row runs across the gutter: a word straddles it, or the words on either
    side are only a word space apart (a running header over both columns)."""
    if any(w["x0"] < gutter < w["x1"] for w in row):
        return True
    left = [w["x1"] for w in row if w["x1"] <= gutter]
    right = [w["x0"] for w in row if w["x0"] >= gutter]
    return bool(left and right) and min(right) - max(left) < 8.0


def _column_order(
    left: list[Line], right: list[Line], spanning: list[Line]
) -> list[Line]:
    """Left column, then right, between full-width lines (titles, tables)."""
    out: list[Line] = []
    spanning = sorted(spanning, key=lambda line: line.top)
    cuts = [line.top for line in spanning] + [float("inf")]
    previous = float("-inf")
    for cut, span in zip(cuts, spanning + [None], strict=True):
        out.extend(line for line in left if previous <= line.top < cut)
        out.extend(line for line in right if previous <= line.top < cut)
        if span is not None:
            out.append(span)
        previous = cut
    return out
