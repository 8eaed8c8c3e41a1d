"""Generate master.docx, the Word master template, once; after that edit it in Word.

Run from the repository root:  python clauses/templates/make_master.py
The output is deterministic (fixed dates and zip timestamps), so a re-run that
changes nothing leaves git clean. The template uses only the variables documented
in clauses/README.md ("The master template").
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

OUT = Path(__file__).resolve().parent / "master.docx"
FIXED = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
NUM_ID = "90"


def _heading_numbering(document: Document) -> None:
    """A 1 / 1.1 multilevel list linked to Heading 1 and Heading 2."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), NUM_ID)
    for level, text in ((0, "%1"), (1, "%1.%2")):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in (
            ("w:start", "1"),
            ("w:numFmt", "decimal"),
            ("w:pStyle", f"Heading{level + 1}"),
            ("w:lvlText", text),
            ("w:lvlJc", "left"),
        ):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            lvl.append(child)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(567 + 284 * level))
        ind.set(qn("w:hanging"), str(567 + 284 * level))
        ppr.append(ind)
        lvl.append(ppr)
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), NUM_ID)
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), NUM_ID)
    num.append(ref)
    numbering.append(num)
    for level, name in enumerate(("Heading 1", "Heading 2")):
        ppr = document.styles[name].element.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        ilvl = OxmlElement("w:ilvl")
        ilvl.set(qn("w:val"), str(level))
        num_id = OxmlElement("w:numId")
        num_id.set(qn("w:val"), NUM_ID)
        num_pr.append(ilvl)
        num_pr.append(num_id)
        ppr.insert(0, num_pr)


def _field(paragraph: object, instruction: str) -> None:
    run = paragraph.add_run()  # type: ignore[attr-defined]
    for kind, text in (("begin", None), (None, instruction), ("separate", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
    paragraph.add_run("1")  # type: ignore[attr-defined]
    end = paragraph.add_run()  # type: ignore[attr-defined]
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    end._r.append(char)


def _table(document: Document, header: list[str], loop: str, cells: list[str]) -> None:
    table = document.add_table(rows=4, cols=len(header))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for index, text in enumerate(header):
        cell = table.rows[0].cells[index]
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    table.rows[1].cells[0].text = f"{{%tr for {loop} %}}"
    for index, text in enumerate(cells):
        table.rows[2].cells[index].text = text
    table.rows[3].cells[0].text = "{%tr endfor %}"


def build() -> bytes:
    """The master template as .docx bytes."""
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    _heading_numbering(document)

    header = section.header.paragraphs[0]
    header.text = "{{ title }}"
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("{{ labels.page }} ")
    _field(footer, "PAGE")
    footer.add_run(" {{ labels.of }} ")
    _field(footer, "NUMPAGES")

    document.add_paragraph("{{ title }}", style="Title")
    document.add_paragraph("{{ subtitle }}", style="Subtitle")
    document.add_paragraph("{{ labels.between }}")
    document.add_paragraph("{%p for p in parties %}")
    document.add_paragraph("{{ p.name }} ({{ p.org_number }}), ”{{ p.short_name }}”")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    add = document.add_paragraph
    add("{%p for s in sections %}")
    add("{{ s.title }}", style="Heading 1")
    add("{%p for c in s.clauses %}")
    add("{{ c.title }}", style="Heading 2")
    add("{%p for para in c.paragraphs %}")
    add("{%p if para.is_item %}")
    add("{{ para.text }}", style="List Bullet")
    add("{%p else %}")
    add("{{ para.text }}")
    add("{%p endif %}")
    add("{%p endfor %}")
    add("{%p endfor %}")
    add("{%p if s.id == 'parties' %}")
    _table(
        document,
        ["{{ labels.party }}", "{{ labels.org_number }}", "{{ labels.short_name }}"],
        "p in parties",
        ["{{ p.name }}", "{{ p.org_number }}", "{{ p.short_name }}"],
    )
    add("{%p endif %}")
    add("{%p if s.id == 'roles' %}")
    _table(
        document,
        ["{{ labels.party }}", "{{ labels.responsibilities }}"],
        "r in roles",
        ["{{ r.party }}", "{{ r.responsibilities|join('; ') }}"],
    )
    add("{%p endif %}")
    add("{%p if s.id == 'added_value' %}")
    _table(
        document,
        [
            "{{ labels.added_value }}",
            "{{ labels.indicator }}",
            "{{ labels.baseline }}",
            "{{ labels.target }}",
            "{{ labels.responsible }}",
        ],
        "v in added_values",
        [
            "{{ v.description }}",
            "{{ v.indicator }}",
            "{{ v.baseline }}",
            "{{ v.target }}",
            "{{ v.responsible }}",
        ],
    )
    add("{%p endif %}")
    add("{%p if s.id == 'signatures' %}")
    _table(
        document,
        [
            "{{ labels.party }}",
            "{{ labels.signatory }}",
            "{{ labels.signatory_role }}",
            "{{ labels.place_date }}",
            "{{ labels.signature }}",
        ],
        "g in signatories",
        ["{{ g.party }}", "{{ g.name }}", "{{ g.role }}", "{{ g.place }}, ", ""],
    )
    add("{%p endif %}")
    add("{%p endfor %}")
    trace = add().add_run("{{ labels.clauses_used }}: {{ clause_refs }}")
    trace.font.size = Pt(7)
    assert section.start_type == WD_SECTION.NEW_PAGE

    props = document.core_properties
    props.author = props.last_modified_by = "opi"
    props.title = "OPI master template"
    props.created = props.modified = FIXED
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps so the bytes are reproducible."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


if __name__ == "__main__":
    OUT.write_bytes(build())
    print(f"wrote {OUT}")
