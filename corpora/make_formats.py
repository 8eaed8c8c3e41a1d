"""Render part of the labeled corpus as Word and PDF agreements, with the same
labels, so that every format is evaluated (corpora/dev/formats, heldout/formats),
and label the unreadable fixtures (corpora/dev/unreadable). Deterministic.

    .venv/bin/python corpora/make_formats.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build.docx_builder import write_zip  # noqa: E402
from build.pdf_builder import PdfSpec, build_pdf  # noqa: E402
from docx import Document  # noqa: E402

HERE = Path(__file__).resolve().parent
HEADING = re.compile(r"^(#{1,6}\s+|\S.{0,78}[^.:;,]$)")
UNREADABLE = {
    "empty.txt": "empty",
    "truncated.docx": "corrupt",
    "truncated.pdf": "corrupt",
    "entity_expansion.docx": "corrupt",
    "zip_bomb.docx": "too_large",
    "encrypted.docx": "encrypted",
    "encrypted.pdf": "encrypted",
    "scanned.pdf": "no_text",
    "scan.png": "unsupported_format",
}


def chunks(text: str) -> list[list[str]]:
    """Blank-line separated chunks, each a list of its non-empty lines."""
    out = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if lines:
            out.append(lines)
    return out


def is_heading(lines: list[str]) -> bool:
    return len(lines) == 1 and bool(HEADING.match(lines[0])) and "|" not in lines[0]


def table_rows(lines: list[str]) -> list[list[str]] | None:
    if not all(line.startswith("|") for line in lines):
        return None
    rows = [
        [c.strip() for c in line.strip("|").split("|")]
        for line in lines
        if not re.fullmatch(r"\|?[\s:|-]+\|?", line)
    ]
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]


def to_docx(text: str, out: Path) -> None:
    doc = Document()
    for lines in chunks(text):
        rows = table_rows(lines)
        if rows:
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        elif is_heading(lines):
            doc.add_heading(lines[0].lstrip("# "), level=1)
        else:
            for line in lines:
                style = "List Bullet" if line.startswith("- ") else None
                doc.add_paragraph(line[2:] if style else line, style=style)
    doc.core_properties.author = "opi corpus"
    import io
    import zipfile

    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as zf:
        write_zip(out, {n: zf.read(n) for n in zf.namelist()})


def to_pdf(text: str, out: Path, title: str) -> None:
    blocks: list[tuple[str, object]] = []
    for lines in chunks(text):
        if is_heading(lines):
            blocks.append(("h", lines[0].lstrip("# ")))
        else:
            blocks.extend(("text", line) for line in lines)
    build_pdf(
        PdfSpec(header=title[:80], footer="Sida {n} av {total}", blocks=blocks), out
    )


def render(batch_labels: list[Path], target: Path) -> None:
    entries = []
    files = [
        (labels, entry)
        for labels in batch_labels
        for entry in json.loads(labels.read_text(encoding="utf-8"))
        if entry["file"].endswith(".txt")
    ]
    for index, (labels, entry) in enumerate(sorted(files, key=lambda x: x[1]["file"])):
        if index % 3 == 2:
            continue
        source = labels.parent / entry["file"]
        text = source.read_text(encoding="utf-8")
        suffix = ".docx" if index % 3 == 0 else ".pdf"
        name = source.stem + suffix
        if suffix == ".docx":
            to_docx(text, target / name)
        else:
            to_pdf(text, target / name, chunks(text)[0][0])
        entries.append(
            {
                **entry,
                "file": name,
                "note": f"{entry['note']} (rendered from {source.name})",
            }
        )
    (target / "labels.json").write_text(
        json.dumps(entries, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def unreadable(target: Path) -> None:
    entries = [
        {
            "file": f"../../fixtures/{name}",
            "language": "sv",
            "expected_error": code,
            "requirements": {},
            "note": "unreadable: must give its error code, no verdict",
        }
        for name, code in UNREADABLE.items()
    ]
    target.mkdir(parents=True, exist_ok=True)
    (target / "labels.json").write_text(
        json.dumps(entries, indent=2) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    dev = HERE / "dev" / "formats"
    held = HERE / "heldout" / "formats"
    dev.mkdir(parents=True, exist_ok=True)
    held.mkdir(parents=True, exist_ok=True)
    batches = ("sv-a", "sv-b", "en-da")  # the written batches, not formats/ itself
    render([HERE / "dev" / b / "labels.json" for b in batches], dev)
    render([HERE / "heldout" / "labels.json"], held)
    unreadable(HERE / "dev" / "unreadable")
    print("wrote", dev, held, HERE / "dev" / "unreadable")
