"""Write .docx agreements that exercise every reader path: Word numbering, heading
styles, tables with merged cells, content controls, text boxes, tracked changes,
hidden text, fields, headers/footers and footnotes."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
FIXED_TIME = (2026, 1, 1, 0, 0, 0)

NUMBERING_XML = f"""<w:numbering {W_NS}>
  <w:abstractNum w:abstractNumId="10">
    <w:multiLevelType w:val="multilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="11">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="12">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="12"/></w:num>
</w:numbering>"""


@dataclass
class DocxSpec:
    """What goes into one generated Word agreement."""

    title: str
    header: str
    footer_prefix: str  # "Sida" or "Page"
    footer_of: str  # "av" or "of"
    sections: list[tuple[str, list[str]]]
    table: list[list[str]] = field(default_factory=list)
    table_after_section: int = 0
    footnote: tuple[int, str] | None = None  # (section index, text)
    content_control: str | None = None
    text_box: str | None = None
    tracked: tuple[str, str] | None = None  # (inserted, deleted)
    hidden: str | None = None
    numbered_headings: bool = True
    letter_list: list[str] = field(default_factory=list)


def _run(text: str, *, bold: bool = False) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{_esc(text)}</w:t></w:r>'


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _field(instr: str, shown: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{shown}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def build_docx(spec: DocxSpec, out: Path) -> None:
    """Write `spec` as a .docx whose bytes do not depend on the time of the run."""
    doc = Document()
    doc.core_properties.author = "opi corpus"
    doc.add_heading(spec.title, level=0)
    numbering = doc.part.numbering_part
    numbering._element = parse_xml(NUMBERING_XML)  # noqa: SLF001 - replace list defs
    for index, (heading, paragraphs) in enumerate(spec.sections):
        head = doc.add_heading(heading, level=1 if "." not in heading[:3] else 2)
        if spec.numbered_headings:
            level = 0 if head.style.name == "Heading 1" else 1
            head._p.get_or_add_pPr().append(  # noqa: SLF001
                parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                    '<w:numId w:val="1"/></w:numPr>'
                )
            )
        for text in paragraphs:
            para = doc.add_paragraph(text)
            if spec.footnote and spec.footnote[0] == index and text is paragraphs[0]:
                para._p.append(  # noqa: SLF001
                    parse_xml(
                        f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="FootnoteReference"/>'
                        '</w:rPr><w:footnoteReference w:id="1"/></w:r>'
                    )
                )
        if index == 0 and spec.content_control:
            _append_body(doc, _sdt_paragraph(spec.content_control))
        if index == 1 and spec.tracked:
            _append_body(doc, _tracked_paragraph(*spec.tracked))
        if index == 1 and spec.hidden:
            _append_body(doc, _hidden_paragraph(spec.hidden))
        if index == 1 and spec.letter_list:
            for item in spec.letter_list:
                p = doc.add_paragraph(item)
                p._p.get_or_add_pPr().append(  # noqa: SLF001
                    parse_xml(
                        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/>'
                        '<w:numId w:val="2"/></w:numPr>'
                    )
                )
        if spec.table and index == spec.table_after_section:
            _add_table(doc, spec.table)
        if index == 2 and spec.text_box:
            _append_body(doc, _textbox_paragraph(spec.text_box))
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.LINE)
    section = doc.sections[0]
    section.header.paragraphs[0].text = spec.header
    footer = section.footer.paragraphs[0]
    footer._p.append(  # noqa: SLF001
        parse_xml(
            f'<w:r {nsdecls("w")}><w:t xml:space="preserve">{spec.footer_prefix} </w:t></w:r>'
        )
    )
    for xml in (
        _field("PAGE", "1"),
        f'<w:r><w:t xml:space="preserve"> {spec.footer_of} </w:t></w:r>',
        _field("NUMPAGES", "3"),
    ):
        for run in parse_xml(f"<w:p {nsdecls('w')}>{xml}</w:p>"):
            footer._p.append(run)  # noqa: SLF001
    buffer = io.BytesIO()
    doc.save(buffer)
    _finish(
        buffer.getvalue(), out, footnote=spec.footnote[1] if spec.footnote else None
    )


def _append_body(doc: object, element: object) -> None:
    """Add a block before the final section properties, where Word expects it."""
    body = doc.element.body  # type: ignore[attr-defined]
    body.insert(len(body) - 1, element)


def _add_table(doc: object, rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    # The last column of the last two rows is one merged cell: read once.
    if len(rows) >= 3:
        merged = table.cell(len(rows) - 2, len(rows[0]) - 1).merge(
            table.cell(len(rows) - 1, len(rows[0]) - 1)
        )
        merged.text = rows[-2][-1]


def _sdt_paragraph(text: str) -> object:
    return parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="Avtalsnummer"/></w:sdtPr>'
        f"<w:sdtContent><w:p>{_run(text)}</w:p></w:sdtContent></w:sdt>"
    )


def _tracked_paragraph(inserted: str, deleted: str) -> object:
    return parse_xml(
        f"<w:p {nsdecls('w')}>{_run('Parterna är överens om att ')}"
        f'<w:ins w:id="91" w:author="Jurist" w:date="2026-01-01T00:00:00Z">{_run(inserted)}</w:ins>'
        f'<w:del w:id="92" w:author="Jurist" w:date="2026-01-01T00:00:00Z"><w:r>'
        f'<w:delText xml:space="preserve">{_esc(deleted)}</w:delText></w:r></w:del>'
        f"{_run('.')}</w:p>"
    )


def _hidden_paragraph(text: str) -> object:
    return parse_xml(
        f"<w:p {nsdecls('w')}>{_run('Avtalet gäller från undertecknandet.')}"
        f'<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> {_esc(text)}</w:t></w:r></w:p>'
    )


def _textbox_paragraph(text: str) -> object:
    wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    v = "urn:schemas-microsoft-com:vml"
    box = f"<w:txbxContent><w:p>{_run(text)}</w:p></w:txbxContent>"
    return parse_xml(
        f'<w:p {nsdecls("w")} xmlns:wps="{wps}" xmlns:wp="{wp}" xmlns:a="{a}" '
        f'xmlns:mc="{mc}" xmlns:v="{v}"><w:r><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" '
        'distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" '
        'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="4000000" cy="600000"/><wp:wrapSquare wrapText="bothSides"/>'
        '<wp:docPr id="5" name="Faktaruta"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:spPr/><wps:txbx>{box}</wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )


def _finish(data: bytes, out: Path, *, footnote: str | None) -> None:
    """Add the footnotes part and rewrite the zip with fixed timestamps."""
    src = zipfile.ZipFile(io.BytesIO(data))
    parts = {name: src.read(name) for name in src.namelist()}
    if footnote:
        parts["word/footnotes.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W_NS}>'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
            f'<w:footnote w:id="1"><w:p>{_run(footnote)}</w:p></w:footnote></w:footnotes>'
        ).encode()
        rels = parts["word/_rels/document.xml.rels"].decode()
        rels = rels.replace(
            "</Relationships>",
            '<Relationship Id="rIdFoot1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
            "</Relationships>",
        )
        parts["word/_rels/document.xml.rels"] = rels.encode()
        types = parts["[Content_Types].xml"].decode()
        types = types.replace(
            "</Types>",
            '<Override PartName="/word/footnotes.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
        )
        parts["[Content_Types].xml"] = types.encode()
    write_zip(out, parts)


def write_zip(out: Path, parts: dict[str, bytes]) -> None:
    """A deterministic zip: sorted content types first, fixed times."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(parts, key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, parts[name])
