"""Read a .docx in document order: paragraphs, tables, content controls, text boxes,
tracked changes (as accepted), fields, footnotes, headers and footers."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from checkers.document import BlockKind
from checkers.readers.blocks import RawBlock, ReadResult
from checkers.readers.headings import looks_like_heading, numbering_level
from checkers.readers.limits import ReadLimits
from checkers.readers.ooxml import MC, NS, Package, w
from checkers.readers.pagination import is_page_number
from checkers.readers.wordstyles import Numbering, Styles, _on

# Content that is not part of the accepted text or is a duplicate rendering.
_SKIP = {
    w("del"),
    w("moveFrom"),
    w("pPr"),
    w("rPr"),
    w("sectPr"),
    w("tblPr"),
    w("trPr"),
    w("tcPr"),
    w("tblGrid"),
    w("sdtPr"),
    w("sdtEndPr"),
    w("instrText"),
    w("delText"),
    w("delInstrText"),
    w("commentReference"),
    w("annotationRef"),
    f"{{{MC}}}Fallback",
}
_BREAKS = {w("tab"), w("br"), w("cr")}
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class _Inline:
    """What one paragraph's runs hold besides plain text."""

    parts: list[str] = field(default_factory=list)
    textboxes: list[etree._Element] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    hidden_chars: int = 0
    bold_chars: int = 0
    plain_chars: int = 0


class _Walker:
    def __init__(self, package: Package, main: str) -> None:
        self.pkg = package
        rels = package.relationships(main)
        self.rel_parts = rels
        by_kind = {kind: name for kind, name in rels.values()}
        self.styles = Styles.parse(self._optional(by_kind.get("styles")))
        self.numbering = Numbering(self._optional(by_kind.get("numbering")))
        self.notes = {
            "footnote": self._notes(by_kind.get("footnotes"), "footnote"),
            "endnote": self._notes(by_kind.get("endnotes"), "endnote"),
        }
        self.blocks: list[RawBlock] = []
        self.paragraph = 0
        self.hidden_chars = 0
        self.last_numbered_level: int | None = None

    def _optional(self, name: str | None) -> etree._Element | None:
        return self.pkg.xml(name) if name and self.pkg.has(name) else None

    def _notes(self, name: str | None, tag: str) -> dict[str, etree._Element]:
        root = self._optional(name)
        if root is None:
            return {}
        return {
            el.get(w("id"), ""): el
            for el in root.iterfind(w(tag))
            if el.get(w("type")) not in ("separator", "continuationSeparator")
        }

    # -- block level -------------------------------------------------------
    def walk(self, container: etree._Element, *, kind: BlockKind | None = None) -> None:
        for child in container:
            tag = child.tag
            if tag == w("p"):
                self.paragraph_block(child, furniture=kind)
            elif tag == w("tbl"):
                self.table(child, furniture=kind)
            elif tag in (w("sdt"), w("customXml")):
                content = child.find(w("sdtContent"))
                self.walk(content if content is not None else child, kind=kind)
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    self.walk(choice, kind=kind)
            elif tag in (w("ins"), w("moveTo")):
                self.walk(child, kind=kind)

    def paragraph_block(
        self, p: etree._Element, *, furniture: BlockKind | None
    ) -> None:
        self.paragraph += 1
        index = self.paragraph
        inline = _Inline()
        self.inline(p, inline, bold=False)
        text = "".join(inline.parts)
        self.hidden_chars += inline.hidden_chars
        if furniture is not None:
            kind: BlockKind = "page_number" if is_page_number(text) else furniture
            self.blocks.append(RawBlock(kind=kind, text=text, paragraph=index))
        else:
            self._body_paragraph(p, text, inline, index)
        for box in inline.textboxes:
            self.walk(box, kind=furniture)
        for note_kind, note_id in inline.notes:
            note = self.notes[note_kind].get(note_id)
            if note is not None:
                note_inline = _Inline()
                self.inline(note, note_inline, bold=False)
                self.blocks.append(
                    RawBlock(
                        kind="footnote",
                        text="".join(note_inline.parts),
                        paragraph=index,
                    )
                )

    def _body_paragraph(
        self, p: etree._Element, text: str, inline: _Inline, index: int
    ) -> None:
        ppr = p.find(w("pPr"))
        style_id = _style_id(ppr)
        num_id, ilvl = _num_pr(ppr)
        if num_id is None:
            num_id, style_ilvl = self.styles.numbering(style_id)
            ilvl = ilvl if ilvl is not None else style_ilvl
        label = None
        if num_id is not None and text.strip():
            label = self.numbering.label(num_id, ilvl or 0)
        is_bullet = bool(label and label[1])
        prefix = label[0] if label else ""
        full = f"{prefix} {text}".strip() if prefix else text
        bold = inline.bold_chars > 0 and inline.bold_chars >= inline.plain_chars
        bold = bold or (self.styles.bold(style_id) and inline.plain_chars == 0)
        style_level = self.styles.heading_level(style_id)
        outline = _outline_level(ppr)
        if style_level is None and outline is not None:
            style_level = outline
        kind: BlockKind = "paragraph"
        level: int | None = None
        if self.styles.is_toc(style_id):
            self.blocks.append(RawBlock(kind=kind, text=full, paragraph=index))
            return
        if style_level is not None and looks_like_heading(
            full, bold=True, max_chars=160
        ):
            # Many agreements number body clauses with heading styles: a style
            # makes a heading only when the text reads as a title.
            kind, level = "heading", style_level
        elif (
            not is_bullet
            and (label is None or bold)
            and looks_like_heading(full, bold=bold)
        ):
            # A Word list item is a heading only when emphasised; typed numbers
            # ("4.1 Resultat") are judged by their shape.
            kind, level = "heading", self._guess_level(full, label, ilvl)
        elif label is not None:
            kind = "list_item"
        if kind == "heading" and (label or numbering_level(full)):
            self.last_numbered_level = level
        self.blocks.append(RawBlock(kind=kind, text=full, paragraph=index, level=level))

    def _guess_level(
        self, text: str, label: tuple[str, bool] | None, ilvl: int | None
    ) -> int:
        shape = numbering_level(text)
        if shape is not None:
            return shape.level
        if label is not None:
            return (ilvl or 0) + 1
        if self.last_numbered_level is not None:
            return self.last_numbered_level + 1
        return 1

    def table(self, tbl: etree._Element, *, furniture: BlockKind | None) -> None:
        for tr in tbl.iterfind("w:tr", NS):
            cells: list[list[str]] = []
            first = self.paragraph + 1
            for tc in tr.iterfind("w:tc", NS):
                if _is_merged_continuation(tc):
                    self.paragraph += len(tc.findall(".//w:p", NS))
                    continue
                cells.append(self._cell_paragraphs(tc))
            filled = [c for c in cells if any(t.strip() for t in c)]
            if len(filled) == 1 and len(filled[0]) > 1 and furniture is None:
                # A one-cell layout row (a boxed clause): keep its paragraphs.
                for offset, text in enumerate(filled[0]):
                    self.blocks.append(
                        RawBlock(kind="paragraph", text=text, paragraph=first + offset)
                    )
                continue
            text = " | ".join(" ".join(t for t in c if t.strip()) for c in filled)
            kind: BlockKind = furniture or "table_row"
            self.blocks.append(RawBlock(kind=kind, text=text, paragraph=first))

    def _cell_paragraphs(self, tc: etree._Element) -> list[str]:
        texts: list[str] = []
        for p in tc.iter(w("p")):
            if _inside_deleted(p, tc):
                continue
            self.paragraph += 1
            inline = _Inline()
            self.inline(p, inline, bold=False)
            self.hidden_chars += inline.hidden_chars
            texts.append("".join(inline.parts))
        return texts

    # -- run level ---------------------------------------------------------
    def inline(self, el: etree._Element, out: _Inline, *, bold: bool) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == w("r"):
                rpr = child.find(w("rPr"))
                if rpr is not None and _on(rpr.find(w("vanish"))):
                    out.hidden_chars += sum(
                        len(t.text or "") for t in child.iter(w("t"))
                    )
                    continue
                run_bold = bold or (rpr is not None and _on(rpr.find(w("b"))))
                self.inline(child, out, bold=run_bold)
            elif tag == w("t"):
                text = child.text or ""
                out.parts.append(text)
                if bold:
                    out.bold_chars += len(text.strip())
                else:
                    out.plain_chars += len(text.strip())
            elif tag in _BREAKS:
                out.parts.append(" ")
            elif tag == w("noBreakHyphen"):
                out.parts.append("-")
            elif tag == w("txbxContent"):
                out.textboxes.append(child)
            elif tag in (w("footnoteReference"), w("endnoteReference")):
                kind = "footnote" if tag == w("footnoteReference") else "endnote"
                out.notes.append((kind, child.get(w("id"), "")))
            elif tag == w("p"):
                # Paragraphs nested in notes or cells: separate with a space.
                if out.parts:
                    out.parts.append(" ")
                self.inline(child, out, bold=bold)
            elif tag == w("tbl"):
                for p in child.iter(w("p")):
                    out.parts.append(" ")
                    self.inline(p, out, bold=bold)
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    self.inline(choice, out, bold=bold)
            else:
                self.inline(child, out, bold=bold)

    def furniture(self) -> None:
        seen: set[str] = set()
        before = len(self.blocks)
        for kind, name in sorted(set(self.rel_parts.values()), key=lambda kv: kv[1]):
            if kind in ("header", "footer") and self.pkg.has(name):
                self.walk(self.pkg.xml(name), kind=kind)  # type: ignore[arg-type]
        unique: list[RawBlock] = []
        for block in self.blocks[before:]:
            key = block.kind + ":" + _DIGITS.sub("#", block.text.strip())
            if block.text.strip() and key not in seen:
                seen.add(key)
                unique.append(block)
        self.blocks[before:] = unique


def _style_id(ppr: etree._Element | None) -> str | None:
    style = ppr.find(w("pStyle")) if ppr is not None else None
    return style.get(w("val")) if style is not None else None


def _num_pr(ppr: etree._Element | None) -> tuple[str | None, int | None]:
    numpr = ppr.find(w("numPr")) if ppr is not None else None
    if numpr is None:
        return None, None
    num_id = numpr.find(w("numId"))
    ilvl = numpr.find(w("ilvl"))
    return (
        num_id.get(w("val")) if num_id is not None else None,
        int(ilvl.get(w("val"), "0")) if ilvl is not None else None,
    )


def _outline_level(ppr: etree._Element | None) -> int | None:
    outline = ppr.find(w("outlineLvl")) if ppr is not None else None
    if outline is None:
        return None
    value = int(outline.get(w("val"), "9"))
    return value + 1 if value < 9 else None


def _is_merged_continuation(tc: etree._Element) -> bool:
    vmerge = tc.find("w:tcPr/w:vMerge", NS)
    return vmerge is not None and vmerge.get(w("val"), "continue") != "restart"


def _inside_deleted(p: etree._Element, stop: etree._Element) -> bool:
    node = p.getparent()
    while node is not None and node is not stop:
        if node.tag in (w("del"), w("moveFrom")):
            return True
        node = node.getparent()
    return False


def _page_count(package: Package) -> int | None:
    if not package.has("docProps/app.xml"):
        return None
    root = package.xml("docProps/app.xml")
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.endswith("}Pages") and el.text:
            return int(el.text) if el.text.strip().isdigit() else None
    return None


def read_docx(path: Path, *, limits: ReadLimits) -> ReadResult:
    """Read the accepted text of a Word document as raw blocks in reading order."""
    with zipfile.ZipFile(path) as zf:
        package = Package(path, zf, limits)
        main = package.main_part()
        walker = _Walker(package, main)
        root = package.xml(main)
        body = root.find(w("body"))
        tracked = (
            root.find(".//w:ins", NS) is not None
            or root.find(".//w:del", NS) is not None
        )
        walker.walk(body if body is not None else root)
        walker.furniture()
        pages = _page_count(package)
        has_comments = any(kind == "comments" for kind, _ in walker.rel_parts.values())
    warnings: list[str] = []
    if tracked:
        warnings.append(
            "the document has tracked changes: read as if all were accepted "
            "(insertions kept, deletions dropped)"
        )
    if walker.hidden_chars:
        warnings.append(
            f"{walker.hidden_chars} characters of hidden (non-printing) text were "
            "ignored"
        )
    if has_comments:
        warnings.append("review comments in the document were not read")
    return ReadResult(blocks=walker.blocks, pages=pages, warnings=warnings)
