"""Reader throughput: our PDF reader, with plain pages read through pdfium (the
default) and with every page read by pdfplumber, against bare pdfplumber
`extract_text` on the same files (the floor our PDF dependency sets), and the DOCX
reader. It also checks that both PDF paths give the same Document for every file.

    .venv/bin/python benchmarks/read_bench.py [--all] [--repeat N]

Uses the bundled examples and renderings (corpora/dev/formats) and, where present,
../shared/external (PDFs up to 80 pages unless --all, which adds the 154-page CUAD
pos03). Not a test: it prints.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from checkers import ReadError, ReadLimits, read_document
from checkers.readers import DEFAULT_LIMITS

ROOT = Path(__file__).resolve().parents[1]
EXTERNAL = ROOT.parent / "shared" / "external"
PDFPLUMBER_ONLY = ReadLimits(pdf_fast_path=False)


def _pdf_pages(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def _bare_extract(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.flush_cache()


def _read_plumber_only(path: Path) -> object:
    return read_document(path, limits=PDFPLUMBER_ONLY)


def _compared(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> object:
    """What the Document holds (text, blocks, pages, warnings), or the error."""
    try:
        document = read_document(path, limits=limits)
    except ReadError as exc:
        return exc.code
    return document.text, document.to_dict()


def _timed(fn: Callable[[Path], object], files: list[Path], repeat: int) -> float:
    """Median over `repeat` runs of the total seconds for all files."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for path in files:
            fn(path)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--all", action="store_true", help="include PDFs over 80 pages")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    pdfs = sorted((ROOT / "corpora" / "examples").glob("*.pdf"))
    pdfs += sorted((ROOT / "corpora" / "dev" / "formats").glob("*.pdf"))
    docx = sorted((ROOT / "corpora" / "examples").glob("*.docx"))
    if EXTERNAL.is_dir():
        pdfs += sorted(EXTERNAL.rglob("*.pdf"))
        docx += sorted(EXTERNAL.rglob("*.docx"))
    pages = {p: _pdf_pages(p) for p in pdfs}
    if not args.all:
        pdfs = [p for p in pdfs if pages[p] <= 80]
    total_pages = sum(pages[p] for p in pdfs)

    floor = _timed(_bare_extract, pdfs, args.repeat)
    ours = _timed(read_document, pdfs, args.repeat)
    slow = _timed(_read_plumber_only, pdfs, args.repeat)
    print(f"PDF: {len(pdfs)} files, {total_pages} pages")
    _line("pdfplumber extract_text", total_pages, floor)
    _line("opi reader", total_pages, ours)
    _line("opi reader, pdfplumber only", total_pages, slow)
    print(
        f"  time / extract_text: opi reader {ours / floor:.2f}, "
        f"pdfplumber only {slow / floor:.2f}"
    )
    differ = [p.name for p in pdfs if _compared(p) != _compared(p, PDFPLUMBER_ONLY)]
    print(
        f"  same Document on both paths: {len(pdfs) - len(differ)}/{len(pdfs)}"
        + (f"; differ: {', '.join(differ)}" if differ else "")
    )

    docx_pages = sum(read_document(p).pages or 1 for p in docx)
    seconds = _timed(read_document, docx, max(args.repeat, 5))
    print(f"DOCX: {len(docx)} files, {docx_pages} pages (docProps)")
    _line("opi reader", docx_pages, seconds)


def _line(label: str, pages: int, seconds: float) -> None:
    print(f"  {label:30}{pages / seconds:8.1f} pages/s  ({seconds:.2f} s)")


if __name__ == "__main__":
    main()
