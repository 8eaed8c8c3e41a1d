"""The PDF draft back with highlight annotations and popup notes on the evidence.

Positions come from pdfplumber's character geometry; pypdf adds the annotations
to a clone of the file. Page content streams are not touched: the page is not
re-rendered, the notes lie on top of it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checkers.document import Block, Document
from checkers.playbook import Playbook
from checkers.report import Report
from opi.review.align import Aligner
from opi.review.errors import AnnotationError
from opi.review.notes import Note, review_notes
from opi.review.output import check_new, write_new

COLOURS = {
    "met": "9be3a8",
    "partial": "ffd84d",
    "missing": "ffab70",
    "conflict": "f58ca6",
}
LINE_TOLERANCE = 2.0


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character on a page, in PDF user space (origin bottom left)."""

    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True, slots=True)
class Box:
    """One highlighted line: page index and rectangle in PDF user space."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def quad(self) -> list[float]:
        """QuadPoints: upper left, upper right, lower left, lower right."""
        return [self.x0, self.y1, self.x1, self.y1, self.x0, self.y0, self.x1, self.y0]


@dataclass(frozen=True, slots=True)
class Highlighted:
    """A highlight as it stands in a PDF: the page (1-based), the words under it
    and its note."""

    page: int
    anchor: str
    text: str
    author: str


def annotate_pdf(
    source: Path,
    report: Report,
    document: Document,
    out: Path,
    *,
    include_met: bool = False,
    ui_lang: str | None = None,
    author: str = "opi",
    playbook: Playbook | None = None,
    force: bool = False,
) -> int:
    """Write a copy of the PDF `source` to `out` with a highlight and popup note
    per review note; returns the number of notes placed. Refuses to overwrite
    `out` (and ever the source) unless `force`; raises AnnotationError."""
    if report.error is not None:
        raise AnnotationError(f"{source}: cannot be read, so no annotated copy is made")
    if document.format != "pdf":
        raise AnnotationError(
            f"{source}: is a {document.format} file; highlights need a .pdf draft"
        )
    if out.suffix.lower() != ".pdf":
        raise AnnotationError(f"{out}: the annotated copy of a .pdf must end in .pdf")
    check_new(out, force=force, source=source)
    notes = review_notes(
        report, document, include_met=include_met, ui_lang=ui_lang, playbook=playbook
    )
    placed = _place(source, document, notes)
    write_new(out, _write(source, placed, author), force=force, source=source)
    return len(placed)


def _place(
    source: Path, document: Document, notes: tuple[Note, ...]
) -> list[tuple[Note, list[Box]]]:
    """The line boxes of each note. Only the pages a note stands on are read
    (pdfplumber's layout takes seconds per page of a long contract), and the
    note is looked for among those pages' blocks and characters."""
    import pdfplumber

    placed: list[tuple[Note, list[Box]]] = []
    with pdfplumber.open(source) as pdf:
        pages: dict[int, list[Glyph]] = {}
        for note in notes:
            blocks = _blocks_around(document, note)
            if not blocks:
                continue
            numbers = range(
                blocks[0].page or 1, (blocks[-1].page_end or blocks[-1].page or 1) + 1
            )
            glyphs = []
            for number in numbers:
                if number not in pages and 1 <= number <= len(pdf.pages):
                    pages[number] = _page_glyphs(pdf.pages[number - 1], number - 1)
                glyphs += pages.get(number, [])
            lo = blocks[0].start
            aligner = Aligner.build(
                document.text[lo : blocks[-1].end], "".join(g.text for g in glyphs)
            )
            found = aligner.find(note.start - lo, note.end - lo)
            boxes = _boxes([g for a, b in found for g in glyphs[a:b]])
            if boxes:
                placed.append((note, boxes))
    return placed


def _blocks_around(document: Document, note: Note) -> list[Block]:
    """The body blocks on the pages of the note's passage, in reading order."""
    body = [b for b in document.body if b.page is not None]
    inside = [b for b in body if b.start < note.end and note.start < b.end]
    if not inside:
        return []
    first = inside[0].page or 1
    last = max((b.page_end or b.page or 1) for b in inside)
    return [
        b
        for b in body
        if first <= (b.page or 1) and (b.page_end or b.page or 1) <= last
    ]


def _page_glyphs(page: Any, index: int) -> list[Glyph]:
    """Every character of a page in content order, one text unit each
    (pdfplumber may give a ligature as several letters: they share the box)."""
    x_off, y_off = float(page.mediabox[0]), float(page.mediabox[1])
    height = float(page.height)
    return [
        Glyph(
            page=index,
            text=letter,
            x0=float(char["x0"]) + x_off,
            x1=float(char["x1"]) + x_off,
            y0=height - float(char["bottom"]) + y_off,
            y1=height - float(char["top"]) + y_off,
        )
        for char in _distinct_chars(page.chars)
        for letter in char["text"]
    ]


def _distinct_chars(chars: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The page's characters without fake-bold doubles (the same letter drawn
    again at almost the same place)."""
    seen: set[tuple[str, int, int]] = set()
    for char in chars:
        key = (char["text"], round(float(char["x0"])), round(float(char["top"])))
        if key not in seen:
            seen.add(key)
            yield char


def _boxes(glyphs: list[Glyph]) -> list[Box]:
    """One box per line of the passage (glyphs on a page with the same base)."""
    boxes: list[Box] = []
    for line in _lines(glyphs):
        boxes.append(
            Box(
                page=line[0].page,
                x0=min(g.x0 for g in line),
                y0=min(g.y0 for g in line),
                x1=max(g.x1 for g in line),
                y1=max(g.y1 for g in line),
            )
        )
    return boxes


def _lines(glyphs: list[Glyph]) -> Iterator[list[Glyph]]:
    line: list[Glyph] = []
    for glyph in glyphs:
        if line and (
            glyph.page != line[0].page
            or abs(glyph.y0 - line[-1].y0) > LINE_TOLERANCE
            or glyph.x0 < line[-1].x0 - LINE_TOLERANCE
        ):
            yield line
            line = []
        line.append(glyph)
    if line:
        yield line


def _write(source: Path, placed: list[tuple[Note, list[Box]]], author: str) -> bytes:
    """A clone of the PDF with each note's highlight (one per page it spans)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PdfReadError

    try:
        writer = PdfWriter(clone_from=PdfReader(source))
    except (PdfReadError, OSError, ValueError) as exc:
        raise AnnotationError(
            f"{source}: cannot be opened for highlights ({exc})"
        ) from exc
    for note, boxes in placed:
        for page in sorted({b.page for b in boxes}):
            _add_highlight(
                writer, page, note, [b for b in boxes if b.page == page], author
            )
    data = io.BytesIO()
    writer.write(data)
    return data.getvalue()


def _add_highlight(
    writer: Any, page: int, note: Note, boxes: list[Box], author: str
) -> None:
    """A highlight over the line boxes, its note in /Contents, and a popup."""
    from pypdf.annotations import Highlight, Popup
    from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

    rect = (
        min(b.x0 for b in boxes),
        min(b.y0 for b in boxes),
        max(b.x1 for b in boxes),
        max(b.y1 for b in boxes),
    )
    highlight = Highlight(
        rect=rect,
        quad_points=ArrayObject(
            FloatObject(round(v, 2)) for b in boxes for v in b.quad
        ),
        highlight_color=COLOURS[note.status],
        printing=True,
    )
    highlight[NameObject("/Contents")] = TextStringObject(note.text)
    highlight[NameObject("/T")] = TextStringObject(author)
    highlight[NameObject("/Subj")] = TextStringObject(note.text.split("\n")[0])
    added = writer.add_annotation(page, highlight)
    popup = Popup(rect=_popup_rect(rect, writer.pages[page]), parent=added)
    added[NameObject("/Popup")] = writer.add_annotation(page, popup).indirect_reference


def _popup_rect(
    rect: tuple[float, float, float, float], page: Any
) -> tuple[float, float, float, float]:
    """Where the note opens: in the right margin beside the highlight."""
    box = page.mediabox
    right = float(box.right)
    width = 220.0
    top = min(rect[3], float(box.top))
    return (
        max(float(box.left), right - width),
        max(float(box.bottom), top - 140),
        right,
        top,
    )


def read_highlights(path: Path) -> list[Highlighted]:
    """The highlight annotations of a PDF with the words under their quads."""
    import pdfplumber

    out: list[Highlighted] = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            height = float(page.height)
            y_off = float(page.mediabox[1])
            x_off = float(page.mediabox[0])
            chars = list(_distinct_chars(page.chars))
            for annot in page.annots:
                data = annot.get("data") or {}
                if getattr(data.get("Subtype"), "name", None) != "Highlight":
                    continue
                quads = [float(v) for v in data.get("QuadPoints", [])]
                lines = []
                for i in range(0, len(quads) - 7, 8):
                    x0, y1, x1, _, _, y0 = quads[i : i + 6]
                    lines.append(
                        "".join(
                            c["text"]
                            for c in chars
                            if x0 <= (c["x0"] + c["x1"]) / 2 + x_off <= x1
                            and y0
                            <= height - (c["top"] + c["bottom"]) / 2 + y_off
                            <= y1
                        )
                    )
                out.append(
                    Highlighted(
                        page=number,
                        anchor=" ".join(" ".join(lines).split()),
                        text=annot.get("contents") or "",
                        author=annot.get("title") or "",
                    )
                )
    return out
