"""A page's characters from pdfium, shaped as pdfplumber's, or None where they
might differ.

pdfplumber builds every character through pdfminer's Python content-stream
interpreter, which sets the floor of our PDF reading time. pdfium (C++, shipped
with pdfplumber as pypdfium2) reads the same page many times faster. For a plain
page, one of upright text with no vector paths, forms or marked-content
replacements, its characters carry the same text, font and geometry, and
pdfplumber's own word extraction then gives the same words. Every page on which
pdfium could see something else returns None and is read by pdfplumber:

- rotated pages, a MediaBox not at the origin, rotated or mirrored text;
- form XObjects;
- text under /ActualText (pdfium substitutes it), characters pdfium cannot map
  to Unicode, symbol fonts without a ToUnicode map, fonts pdfminer does not
  list in the page's resources;
- text objects of which pdfium keeps no character and that are no copy of an
  earlier one (pdfium drops fake bold, text drawn twice a fraction of a point
  apart; `checkers.readers.pdfdoubles` puts such copies back);
- a line-end hyphen pdfium cannot tell from a soft hyphen in that font.

The geometry follows pdfminer's `LTChar`: x0 is the glyph origin, x1 the origin
plus the advance, and the box is the font size high, starting at the font's
descent (pdfminer's own font object supplies the descent and the font name).
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.psparser import PSLiteral, literal_name

from checkers.readers.pdfdoubles import Drawn, restore_doubles

Char = dict[str, Any]

_HYPHEN_MARK = 0x2  # pdfium's code for a hyphen that ends a line
_GENERATED = {0x20, 0x0D, 0x0A}  # what pdfium inserts between words and lines
# pdfplumber's table finder drops edges shorter than 1 pt before joining them
# (`edge_min_length_prefilter`); a page whose paths are all flatter than that
# in one direction (rules, underlines) cannot hold a ruled table.
_EDGE = 0.9
_X_TOLERANCE = 3.01  # pdfplumber's word gap (x_tolerance 3) and a rounding margin
_NO_WIDTH = 0.01  # pdfium's kSizeEpsilon: it skips text objects narrower than this


@dataclass(frozen=True, slots=True)
class _Font:
    """What pdfminer makes of one font: pdfplumber's `fontname` and the descent."""

    fontname: str
    descent: float  # per unit of font size
    may_soft_hyphen: bool


@dataclass(frozen=True, slots=True)
class _TextObject:
    """Per text object: its font and its text matrix's scale."""

    font: _Font
    size: float  # font size times the vertical scale, as pdfminer's char size
    scale_y: float
    font_size: float


@dataclass(frozen=True, slots=True)
class PageChars:
    """A page's characters as pdfplumber shapes them; `may_hold_table` when its
    vector paths have edges both ways, so pdfplumber's table finder must look."""

    chars: list[Char]
    may_hold_table: bool


class PdfiumPages:
    """One open pdfium document; `chars(index, page)` per pdfplumber page."""

    def __init__(self, path: Path) -> None:
        self._doc = pdfium.PdfDocument(path)

    def close(self) -> None:
        self._doc.close()

    def __enter__(self) -> PdfiumPages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def chars(self, index: int, plumber_page: Any) -> PageChars | None:
        """pdfplumber-shaped characters of page `index`, or None to use pdfplumber.

        `plumber_page` (not parsed: only its resources and MediaBox are read)
        supplies pdfminer's fonts, so that names and descents are pdfminer's."""
        if tuple(plumber_page.mediabox[:2]) != (0, 0):
            return None
        page = self._doc[index]
        try:
            if pdfium_c.FPDFPage_GetRotation(page.raw) != 0:
                return None
            return _read_chars(page.raw, float(plumber_page.height), plumber_page)
        finally:
            page.close()


def _page_fonts(plumber_page: Any) -> dict[str, _Font | None]:
    """pdfminer's fonts of the page by BaseFont, as pdfium names them; None for
    a font pdfium may read differently, or a name two different fonts share."""
    from pdfminer.pdftypes import PDFObjRef, resolve1

    resources = resolve1(plumber_page.page_obj.resources) or {}
    fonts: dict[str, _Font | None] = {}
    manager = plumber_page.pdf.rsrcmgr
    for ref in (resolve1(resources.get("Font")) or {}).values():
        spec = resolve1(ref)
        name = spec.get("BaseFont") if isinstance(spec, dict) else None
        if not isinstance(name, PSLiteral):
            continue
        objid = ref.objid if isinstance(ref, PDFObjRef) else None
        font = manager.get_font(objid, spec)
        found = None
        if isinstance(font.fontname, str) and not _symbolic(font):
            found = _Font(
                fontname=font.fontname,
                descent=float(font.get_descent()),
                may_soft_hyphen=_may_soft_hyphen(font),
            )
        key = literal_name(name)
        fonts[key] = found if fonts.get(key, found) == found else None
    return fonts


def _symbolic(font: Any) -> bool:
    """A symbol font without a ToUnicode map: pdfium reads its glyphs as the
    symbols they show (ZapfDingbats 'n' as '■'), pdfminer as the letters of the
    codes."""
    if getattr(font, "unicode_map", None) is not None:
        return False
    return bool(font.flags & 4) or font.fontname in ("Symbol", "ZapfDingbats")


def _may_soft_hyphen(font: Any) -> bool:
    """Whether pdfminer could read some glyph of the font as U+00AD."""
    mapping = getattr(font, "unicode_map", None)
    if mapping is not None and "\xad" in mapping.cid2unichr.values():
        return True
    return "\xad" in getattr(font, "cid2unicode", {}).values()


def _read_chars(raw: Any, height: float, plumber_page: Any) -> PageChars | None:
    objects = _page_objects(raw)  # first: cheaper than loading the fonts
    if objects is None:
        return None
    text_objects, may_hold_table = objects
    fonts = _page_fonts(plumber_page)
    text_page = pdfium_c.FPDFText_LoadPage(raw)
    try:
        chars = _text_page_chars(text_page, height, fonts, text_objects)
    finally:
        pdfium_c.FPDFText_ClosePage(text_page)
    return None if chars is None else PageChars(chars, may_hold_table)


def _page_objects(raw: Any) -> tuple[dict[int, Drawn], bool] | None:
    """Addresses of the page's text objects that pdfium must read, and whether
    its paths could make a ruled table; None if the page holds anything pdfium
    and pdfplumber might read differently (a form XObject, /ActualText).

    Text objects of no width are left out: pdfium skips them, and they are the
    empty strings word processors leave (glyphs without advance would be too)."""
    found: dict[int, Drawn] = {}
    wide = high = False
    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = pdfium_c.FPDFPage_GetObject(raw, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            return None
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH and not (wide and high):
            width, height = _path_extent(obj)
            wide, high = wide or width >= _EDGE, high or height >= _EDGE
        elif kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            if _has_actual_text(obj):
                return None
            drawn = _drawn(obj, i)
            if drawn.bounds[2] - drawn.bounds[0] >= _NO_WIDTH:
                found[_address(obj)] = drawn
    return found, wide and high


def _drawn(obj: Any, order: int) -> Drawn:
    left, bottom = ctypes.c_float(), ctypes.c_float()
    right, top = ctypes.c_float(), ctypes.c_float()
    if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        left = bottom = right = top = ctypes.c_float()
    size = ctypes.c_float()
    pdfium_c.FPDFTextObj_GetFontSize(obj, size)
    return Drawn(
        order=order,
        bounds=(left.value, bottom.value, right.value, top.value),
        font=_address(pdfium_c.FPDFTextObj_GetFont(obj)),
        font_size=size.value,
    )


def _path_extent(obj: Any) -> tuple[float, float]:
    """Width and height of a path's points on the page (Bézier controls too)."""
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, matrix)
    x, y = ctypes.c_float(), ctypes.c_float()
    xs: list[float] = []
    ys: list[float] = []
    for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, k)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        xs.append(matrix.a * x.value + matrix.c * y.value + matrix.e)
        ys.append(matrix.b * x.value + matrix.d * y.value + matrix.f)
    if not xs:
        return 0.0, 0.0
    return max(xs) - min(xs), max(ys) - min(ys)


def _has_actual_text(obj: Any) -> bool:
    for m in range(pdfium_c.FPDFPageObj_CountMarks(obj)):
        mark = pdfium_c.FPDFPageObj_GetMark(obj, m)
        kind = pdfium_c.FPDFPageObjMark_GetParamValueType(mark, b"ActualText")
        if kind != pdfium_c.FPDF_OBJECT_UNKNOWN:
            return True
    return False


def _address(handle: Any) -> int:
    return int(ctypes.cast(handle, ctypes.c_void_p).value or 0)


def _text_page_chars(
    text_page: Any,
    height: float,
    fonts: dict[str, _Font | None],
    text_objects: dict[int, Drawn],
) -> list[Char] | None:
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    box = pdfium_c.FS_RECTF()
    seen: dict[int, _TextObject | None] = {}
    chars: list[Char] = []
    owners: list[int] = []  # the text object of each character
    after_space = False  # the last character pdfium gave was a space it made
    for i in range(pdfium_c.FPDFText_CountChars(text_page)):
        code = pdfium_c.FPDFText_GetUnicode(text_page, i)
        if code in _GENERATED and pdfium_c.FPDFText_IsGenerated(text_page, i):
            after_space = code == 0x20
            continue
        if code == 0 or pdfium_c.FPDFText_HasUnicodeMapError(text_page, i):
            return None
        handle = pdfium_c.FPDFText_GetTextObject(text_page, i)
        address = _address(handle)
        if address not in seen:
            seen[address] = _text_object(text_page, i, handle, fonts)
        info = seen[address]
        if info is None:
            return None
        if code == _HYPHEN_MARK:
            if info.font.may_soft_hyphen:
                return None
            code = 0x2D
        pdfium_c.FPDFText_GetCharOrigin(text_page, i, origin_x, origin_y)
        pdfium_c.FPDFText_GetLooseCharBox(text_page, i, box)
        bottom_y = origin_y.value + info.font.descent * info.font_size * info.scale_y
        top = height - (bottom_y + info.size)
        if after_space and chars and _close(chars[-1], origin_x.value, top):
            return None
        after_space = False
        owners.append(address)
        chars.append(
            {
                "text": chr(code),
                "x0": origin_x.value,
                "x1": float(box.right),
                "top": top,
                "bottom": height - bottom_y,
                "doctop": top,
                "upright": True,
                "size": info.size,
                "fontname": info.font.fontname,
            }
        )
    dropped = text_objects.keys() - seen.keys()
    if dropped:  # drawn twice: pdfium keeps the first drawing only
        return restore_doubles(chars, owners, dropped, text_objects)
    return chars


def _close(previous: Char, x0: float, top: float) -> bool:
    """Whether a space pdfium made between two characters might stand for one
    pdfminer reads (pdfium turns a no-break space into a made space): only a
    gap wider than pdfplumber's word tolerance splits the words regardless."""
    if previous["text"].isspace():
        return False
    gap = x0 - float(previous["x1"])
    return abs(top - float(previous["top"])) <= _X_TOLERANCE and gap <= _X_TOLERANCE


def _text_object(
    text_page: Any, index: int, handle: Any, fonts: dict[str, _Font | None]
) -> _TextObject | None:
    """The font and scale of the character's text object; None where pdfminer
    and pdfium might disagree (rotated or mirrored text, an unknown font, a font
    without ascent and descent, where pdfium falls back to tight glyph boxes)."""
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFText_GetMatrix(text_page, index, matrix):
        return None
    if matrix.b != 0 or matrix.c != 0 or matrix.a <= 0 or matrix.d <= 0:
        return None
    font_handle = pdfium_c.FPDFTextObj_GetFont(handle)
    length = pdfium_c.FPDFFont_GetBaseFontName(font_handle, None, 0)
    name = ctypes.create_string_buffer(max(length, 1))
    pdfium_c.FPDFFont_GetBaseFontName(font_handle, name, length)
    font = fonts.get(name.value.decode("utf-8", "replace"))
    if font is None:
        return None
    ascent, descent = ctypes.c_float(), ctypes.c_float()
    pdfium_c.FPDFFont_GetAscent(font_handle, ctypes.c_float(1000.0), ascent)
    pdfium_c.FPDFFont_GetDescent(font_handle, ctypes.c_float(1000.0), descent)
    if ascent.value == descent.value:
        return None
    font_size = float(pdfium_c.FPDFText_GetFontSize(text_page, index))
    return _TextObject(
        font=font,
        size=font_size * matrix.d,
        scale_y=matrix.d,
        font_size=font_size,
    )
