"""Reader throughput: our PDF reader against bare pdfplumber `extract_text` on the
same files (the floor our PDF dependency sets), and the DOCX reader.

    .venv/bin/python benchmarks/read_bench.py [--all] [--repeat N]

Uses the bundled examples and, where present, ../shared/external (PDFs up to 80
pages unless --all, which adds the 154-page CUAD pos03). Not a test: it prints.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from checkers import read_document

ROOT = Path(__file__).resolve().parents[1]
EXTERNAL = ROOT.parent / "shared" / "external"


def _pdf_pages(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def _bare_extract(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.flush_cache()


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
    docx = sorted((ROOT / "corpora" / "examples").glob("*.docx"))
    if EXTERNAL.is_dir():
        pdfs += sorted(EXTERNAL.rglob("*.pdf"))
        docx += sorted(EXTERNAL.rglob("*.docx"))
    pages = {p: _pdf_pages(p) for p in pdfs}
    if not args.all:
        pdfs = [p for p in pdfs if pages[p] <= 80]
    total_pages = sum(pages[p] for p in pdfs)

    ours = _timed(read_document, pdfs, args.repeat)
    floor = _timed(_bare_extract, pdfs, args.repeat)
    print(f"PDF: {len(pdfs)} files, {total_pages} pages")
    _line("opi reader", total_pages, ours)
    _line("pdfplumber extract_text", total_pages, floor)
    print(f"  reader / extract_text time ratio: {ours / floor:.2f}")

    docx_pages = sum(read_document(p).pages or 1 for p in docx)
    seconds = _timed(read_document, docx, max(args.repeat, 5))
    print(f"DOCX: {len(docx)} files, {docx_pages} pages (docProps)")
    _line("opi reader", docx_pages, seconds)


def _line(label: str, pages: int, seconds: float) -> None:
    print(f"  {label:24}{pages / seconds:8.1f} pages/s  ({seconds:.2f} s)")


if __name__ == "__main__":
    main()
