"""Wall time of `opi check` as a user runs it (process start included) on a
10-page PDF and a 10-page DOCX, and the per-page cost. Goal: <= 1.5 s each.

    .venv/bin/python benchmarks/check_bench.py [--repeat N]

The two agreements are generated here, reproducibly, from the bundled examples'
text. Not a test: it prints.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "corpora"))

from build.docx_builder import build_docx  # noqa: E402
from build.pdf_builder import PdfSpec, build_pdf  # noqa: E402
from make_examples import ENERGI, VARDLARM  # noqa: E402


def _ten_pages(tmp: Path) -> tuple[Path, Path]:
    """Both examples, their sections repeated until they fill about ten pages."""
    pdf = tmp / "ten.pdf"
    blocks = [b for b in ENERGI.blocks if b[0] in ("h", "hb", "p", "t")] * 8
    build_pdf(PdfSpec(header=ENERGI.header, footer=ENERGI.footer, blocks=blocks), pdf)
    docx = tmp / "ten.docx"
    VARDLARM.sections = VARDLARM.sections * 7
    build_docx(VARDLARM, docx)
    return pdf, docx


def _wall(path: Path, repeat: int) -> float:
    opi = str(Path(sys.executable).with_name("opi"))
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([opi, "check", str(path)], capture_output=True, check=False)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from checkers import read_document

    with tempfile.TemporaryDirectory() as tmp:
        pdf, docx = _ten_pages(Path(tmp))
        for path in (pdf, docx):
            doc = read_document(path)
            words = len(doc.text.split())
            # Word files carry no reliable page count: estimate 400 words a page.
            pages = doc.pages if path.suffix == ".pdf" else round(words / 400)
            seconds = _wall(path, args.repeat)
            print(
                f"{path.suffix[1:]:4}: {pages} pages ({words} words), opi check "
                f"{seconds:.2f} s wall (median of {args.repeat}), "
                f"{seconds / max(pages or 1, 1):.3f} s/page"
            )
        start = time.perf_counter()
        subprocess.run(
            [str(Path(sys.executable).with_name("opi")), "--version"],
            capture_output=True,
            check=True,
        )
        print(
            f"process start alone (opi --version): {time.perf_counter() - start:.2f} s"
        )


if __name__ == "__main__":
    main()
