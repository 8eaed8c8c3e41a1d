"""The Word draft back with review comments (python-docx comments API).

The copy keeps the draft's content and formatting: only the main document part
(comment range markers; a run split where a passage starts or ends inside it,
with the same formatting), its relationships, the content types and the
comments part change; every other part is copied byte for byte.
"""

from __future__ import annotations

import io
import zipfile
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from lxml import etree

from checkers.document import Document
from checkers.playbook import Playbook
from checkers.report import Report
from opi.review.align import Aligner
from opi.review.errors import AnnotationError
from opi.review.notes import Note, review_notes
from opi.review.output import check_new, write_new

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
CONTENT_TYPES = "[Content_Types].xml"
COMMENTS_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
)
_NOT_TEXT = {f"{{{W}}}del", f"{{{W}}}moveFrom", f"{{{MC}}}Fallback"}


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(frozen=True, slots=True)
class Anchored:
    """A comment as it stands in a .docx: the text it is anchored on and its own."""

    anchor: str
    text: str
    author: str
    initials: str


def annotate_docx(
    source: Path,
    report: Report,
    document: Document,
    out: Path,
    *,
    author: str = "opi",
    initials: str = "OPI",
    include_met: bool = False,
    ui_lang: str | None = None,
    playbook: Playbook | None = None,
    force: bool = False,
) -> int:
    """Write a copy of the .docx `source` to `out` with a comment per review
    note; returns the number of comments written. Refuses to overwrite `out`
    (or ever the source) unless `force`; raises AnnotationError."""
    _check_inputs(source, report, document, out)
    check_new(out, force=force, source=source)
    word = _open(source)
    notes = review_notes(
        report, document, include_met=include_met, ui_lang=ui_lang, playbook=playbook
    )
    body_end = max((b.end for b in document.body), default=0)
    body = word.element.body
    aligner = Aligner.build(document.text[:body_end], _source_text(body))
    written = 0
    for note in notes:
        runs = _anchor_runs(body, aligner, note)
        if runs is None:
            continue
        first, last = runs
        word.add_comment(
            [_run(word, first), _run(word, last)],
            text=note.text,
            author=author,
            initials=initials,
        )
        written += 1
    data = io.BytesIO()
    word.save(data)
    write_new(out, _merge(source, data.getvalue(), word), force=force, source=source)
    return written


def _check_inputs(source: Path, report: Report, document: Document, out: Path) -> None:
    if report.error is not None:
        raise AnnotationError(f"{source}: cannot be read, so no annotated copy is made")
    if document.format != "docx":
        raise AnnotationError(
            f"{source}: is a {document.format} file; Word comments need a .docx draft"
        )
    if out.suffix.lower() != ".docx":
        raise AnnotationError(f"{out}: the annotated copy of a .docx must end in .docx")


def _open(source: Path) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(source))
    except (ValueError, KeyError, PackageNotFoundError, etree.XMLSyntaxError) as exc:
        raise AnnotationError(
            f"{source}: cannot be opened for comments ({exc}); "
            "save it as a plain .docx in Word and try again"
        ) from exc


def _text_units(body: etree._Element) -> list[etree._Element]:
    """The visible w:t elements of the body in order: not deleted or moved
    away, not hidden, not the fallback copy of a text box."""
    units = []
    for t in body.iter(_w("t")):
        if any(a.tag in _NOT_TEXT for a in t.iterancestors()):
            continue
        run = t.getparent()
        if run is None or run.tag != _w("r") or _is_hidden(run):
            continue
        units.append(t)
    return units


def _is_hidden(run: etree._Element) -> bool:
    vanish = run.find(f"{_w('rPr')}/{_w('vanish')}")
    return vanish is not None and vanish.get(_w("val"), "true") not in ("0", "false")


def _source_text(body: etree._Element) -> str:
    return "".join(t.text or "" for t in _text_units(body))


def _locate(units: list[etree._Element], offset: int) -> tuple[int, int]:
    """(unit index, offset inside it) of a source-text offset."""
    position = 0
    for index, t in enumerate(units):
        length = len(t.text or "")
        if offset < position + length:
            return index, offset - position
        position += length
    return len(units) - 1, len(units[-1].text or "")


def _anchor_runs(
    body: etree._Element, aligner: Aligner, note: Note
) -> tuple[etree._Element, etree._Element] | None:
    """The first and last w:r of the note's passage, split so that the comment
    covers the passage exactly where a run holds nothing but text."""
    ranges = aligner.find(note.start, note.end)
    if not ranges:
        return None
    lo, hi = ranges[0][0], ranges[-1][1]
    units = _text_units(body)
    first_index, first_at = _locate(units, lo)
    last_index, last_at = _locate(units, hi - 1)
    first, last = units[first_index], units[last_index]
    if first is last:
        last_at -= _split_before(first, first_at)
    else:
        _split_before(first, first_at)
    _split_after(last, last_at + 1)
    first_run, last_run = first.getparent(), last.getparent()
    assert first_run is not None and last_run is not None
    return first_run, last_run


def _is_plain(run: etree._Element) -> bool:
    """A run holding its formatting and one piece of text only."""
    content = [c for c in run if c.tag != _w("rPr")]
    return len(content) == 1 and content[0].tag == _w("t")


def _set_text(t: etree._Element, text: str) -> None:
    t.text = text
    if text != text.strip():
        t.set(XML_SPACE, "preserve")


def _split_before(t: etree._Element, at: int) -> int:
    """Move t's text before `at` into a copy of its run placed before it;
    returns how many characters moved (0 when the run is not plain)."""
    run = t.getparent()
    text = t.text or ""
    if at <= 0 or run is None or not _is_plain(run):
        return 0
    left = deepcopy(run)
    _set_text(left.find(_w("t")), text[:at])  # type: ignore[arg-type]
    _set_text(t, text[at:])
    run.addprevious(left)
    return at


def _split_after(t: etree._Element, at: int) -> None:
    """Move t's text from `at` on into a copy of its run placed after it."""
    run = t.getparent()
    text = t.text or ""
    if at >= len(text) or run is None or not _is_plain(run):
        return
    right = deepcopy(run)
    _set_text(right.find(_w("t")), text[at:])  # type: ignore[arg-type]
    _set_text(t, text[:at])
    run.addnext(right)


def _run(word: Any, r: etree._Element) -> Any:
    from docx.oxml.text.run import CT_R
    from docx.text.run import Run

    return Run(cast(CT_R, r), word._body)


def _merge(source: Path, saved: bytes, word: Any) -> bytes:
    """The original package with only the changed parts taken from `saved`: the
    main part, its relationships and the comments part; the content types get
    one entry for a new comments part and are otherwise the original's."""
    main = str(word.part.partname).lstrip("/")
    folder, name = main.rsplit("/", 1) if "/" in main else ("", main)
    rels = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
    comments = str(word.part._comments_part.partname).lstrip("/")
    taken = {main, rels, comments}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(io.BytesIO(saved)) as new,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as merged,
    ):
        old_names = set(original.namelist())
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename in taken:
                data = new.read(info.filename)
            elif info.filename == CONTENT_TYPES and comments not in old_names:
                data = _with_comments_type(data, comments)
            merged.writestr(info, data)
        for info in new.infolist():
            if info.filename in taken and info.filename not in old_names:
                merged.writestr(info, new.read(info.filename))
    return out.getvalue()


def _with_comments_type(content_types: bytes, comments: str) -> bytes:
    """[Content_Types].xml with an Override for the new comments part."""
    root = etree.fromstring(content_types)
    override = etree.SubElement(root, f"{{{CT}}}Override")
    override.set("PartName", f"/{comments}")
    override.set("ContentType", COMMENTS_TYPE)
    return bytes(
        etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    )


def read_comments(path: Path) -> list[Anchored]:
    """The comments of a .docx with the text each is anchored on, in order."""
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        body = etree.fromstring(package.read("word/document.xml"))
        comments = (
            etree.fromstring(package.read("word/comments.xml"))
            if "word/comments.xml" in names
            else None
        )
    if comments is None:
        return []
    anchors: dict[str, list[str]] = {}
    open_ids: list[str] = []
    for el in body.iter(_w("commentRangeStart"), _w("commentRangeEnd"), _w("t")):
        if el.tag == _w("commentRangeStart"):
            open_ids.append(el.get(_w("id"), ""))
            anchors[open_ids[-1]] = []
        elif el.tag == _w("commentRangeEnd"):
            cid = el.get(_w("id"), "")
            if cid in open_ids:
                open_ids.remove(cid)
        elif not any(a.tag in _NOT_TEXT for a in el.iterancestors()):
            for cid in open_ids:
                anchors[cid].append(el.text or "")
    out = []
    for comment in comments.iterfind(_w("comment")):
        cid = comment.get(_w("id"), "")
        paragraphs = [
            "".join(t.text or "" for t in p.iter(_w("t")))
            for p in comment.iterfind(_w("p"))
        ]
        out.append(
            Anchored(
                anchor="".join(anchors.get(cid, [])),
                text="\n".join(paragraphs),
                author=comment.get(_w("author"), ""),
                initials=comment.get(_w("initials"), ""),
            )
        )
    return out
