"""Write PDF agreements that exercise the PDF reader: running headers and footers,
'Sida n av N', end-of-line hyphenation, a clause cut by a page break, a ruled table,
a two-column page and fake bold (every glyph drawn twice)."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

WIDTH, HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 70.0, WIDTH - 70.0, HEIGHT - 90.0, 90.0
BODY, LEADING = 10.5, 14.0
PAGE_BREAK = "<<page>>"


@dataclass
class PdfSpec:
    """Blocks: ("h", text) heading, ("hb", text) fake-bold heading, ("p", text)
    paragraph whose '|' marks forced line ends, ("text", text) a paragraph as is, ("t", rows) ruled table,
    ("cols", [paragraphs]) a two-column page, (PAGE_BREAK, "")."""

    header: str
    footer: str  # "Sida {n} av {total}"
    blocks: list[tuple[str, object]] = field(default_factory=list)
    encrypt_with: str | None = None


class _Writer:
    def __init__(self, out: Path, spec: PdfSpec, total: int) -> None:
        kwargs: dict[str, object] = {"pagesize": A4, "invariant": 1}
        if spec.encrypt_with:
            kwargs["encrypt"] = spec.encrypt_with
        self.c = canvas.Canvas(str(out), **kwargs)  # type: ignore[arg-type]
        self.spec = spec
        self.total = total
        self.page = 1
        self.y = TOP
        self._furniture()

    def _furniture(self) -> None:
        self.c.setFont("Helvetica", 8.5)
        self.c.drawString(LEFT, HEIGHT - 50, self.spec.header)
        footer = self.spec.footer.format(n=self.page, total=self.total)
        self.c.drawRightString(RIGHT, 45, footer)

    def new_page(self) -> None:
        self.c.showPage()
        self.page += 1
        self.y = TOP
        self._furniture()

    def need(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.new_page()

    def heading(self, text: str, *, fake_bold: bool = False) -> None:
        self.need(LEADING * 3)
        self.y -= 8
        if fake_bold:
            self.c.setFont("Helvetica", 12)
            self.c.drawString(LEFT, self.y, text)
            self.c.drawString(LEFT + 0.3, self.y, text)
        else:
            self.c.setFont("Helvetica-Bold", 12)
            self.c.drawString(LEFT, self.y, text)
        self.y -= LEADING + 4

    def paragraph(
        self,
        text: str,
        *,
        x0: float = LEFT,
        x1: float = RIGHT,
        forced_breaks: bool = True,
    ) -> None:
        self.c.setFont("Helvetica", BODY)
        for segment in text.split("|") if forced_breaks else [text]:
            if segment == PAGE_BREAK:
                self.new_page()
                self.c.setFont("Helvetica", BODY)
                continue
            for line in simpleSplit(segment.strip(), "Helvetica", BODY, x1 - x0):
                self.need(LEADING)
                self.c.setFont("Helvetica", BODY)
                self.c.drawString(x0, self.y, line)
                self.y -= LEADING
        self.y -= 8

    def table(self, rows: list[list[str]]) -> None:
        cols = len(rows[0])
        col_w = (RIGHT - LEFT) / cols
        row_h = LEADING * 2.2
        self.need(row_h * len(rows) + 10)
        top = self.y + LEADING
        self.c.setLineWidth(0.6)
        for r, row in enumerate(rows):
            y_top = top - r * row_h
            for i, cell in enumerate(row):
                self.c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 9.5)
                self.c.drawString(LEFT + i * col_w + 4, y_top - LEADING, cell)
        bottom = top - row_h * len(rows)
        for r in range(len(rows) + 1):
            self.c.line(LEFT, top - r * row_h, RIGHT, top - r * row_h)
        for i in range(cols + 1):
            self.c.line(LEFT + i * col_w, top, LEFT + i * col_w, bottom)
        self.y = bottom - LEADING - 6

    def columns(self, paragraphs: list[str]) -> None:
        self.new_page()
        gutter = 24.0
        mid = (LEFT + RIGHT) / 2
        half = (len(paragraphs) + 1) // 2
        start = self.y
        for text in paragraphs[:half]:
            self.paragraph(text, x0=LEFT, x1=mid - gutter / 2)
        left_end = self.y
        self.y = start
        for text in paragraphs[half:]:
            self.paragraph(text, x0=mid + gutter / 2, x1=RIGHT)
        self.y = min(self.y, left_end)

    def save(self) -> int:
        self.c.save()
        return self.page


def build_pdf(spec: PdfSpec, out: Path) -> None:
    """Render twice: the first pass counts the pages for 'Sida n av N'."""
    out.parent.mkdir(parents=True, exist_ok=True)
    total = _render(spec, out, total=0)
    _render(spec, out, total=total)


def _render(spec: PdfSpec, out: Path, *, total: int) -> int:
    writer = _Writer(out, spec, total)
    for kind, value in spec.blocks:
        if kind == "h":
            writer.heading(str(value))
        elif kind == "hb":
            writer.heading(str(value), fake_bold=True)
        elif kind == "p":
            writer.paragraph(str(value))
        elif kind == "text":
            writer.paragraph(str(value), forced_breaks=False)
        elif kind == "t":
            writer.table(value)  # type: ignore[arg-type]
        elif kind == "cols":
            writer.columns(value)  # type: ignore[arg-type]
        elif kind == PAGE_BREAK:
            writer.new_page()
    return writer.save()


def build_image_pdf(out: Path, png: Path) -> None:
    """A 'scanned' agreement: one page that holds only an image, no text layer."""
    c = canvas.Canvas(str(out), pagesize=A4, invariant=1)
    c.drawImage(str(png), LEFT, BOTTOM, width=RIGHT - LEFT, height=TOP - BOTTOM)
    c.showPage()
    c.save()


def write_png(out: Path, width: int = 64, height: int = 80) -> None:
    """A small grey 'page scan' PNG, written without an imaging library."""
    rows = b"".join(
        b"\x00" + bytes(200 if (y // 6) % 2 else 240 for _ in range(width))
        for y in range(height)
    )

    def chunk(tag: bytes, data: bytes) -> bytes:
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    out.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )
