"""`opi audit` throughput on a generated archive, against the extraction floor.

    .venv/bin/python benchmarks/audit_bench.py [--documents N] [--seed S] [--keep DIR]

Generates a reproducible archive (half .pdf, half .docx, 3-20 pages each, from the
bundled examples' text; default 40 documents, --documents 400 for the issue's size)
and prints, in one run (fake-bold headings are left out of the PDFs: pdfplumber's
dedupe_chars pass they need roughly doubles reading time; read_bench covers them):

- pages/s of `opi audit --jobs 1` and `--jobs 2` (process start, worker start-up and
  reports included, as a user sees it) and the speed-up;
- pages/s of bare pdfplumber `extract_text` over the same PDFs (the floor our PDF
  dependency sets), the in-worker seconds per PDF page of the audit (read + check +
  review page) and the ratio of the two, with plain pages read through pdfium (the
  default) and with every page read by pdfplumber;
- where the in-worker time goes (read / check / review page), measured in process;
- documents/s of a warm re-run (everything in the store), of the archive and of ten
  copies of it (start-up weighs less);
- peak memory of a worker.

Goals (issue #6): checking adds <= 15% to extraction; --jobs 2 >= 1.8x --jobs 1; a
warm re-run >= 500 documents/s; peak memory per worker < 400 MB. Not a test.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "corpora"))

from build.docx_builder import build_docx  # noqa: E402
from build.pdf_builder import PdfSpec, build_pdf  # noqa: E402
from make_examples import ENERGI, VARDLARM  # noqa: E402

WORDS_PER_PAGE = 400  # Word files carry no reliable page count


def generate(folder: Path, documents: int, seed: int) -> None:
    """`documents` agreements, alternately PDF and DOCX, each made unique."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    body = [b for b in ENERGI.blocks if b[0] in ("h", "p", "t")]
    for i in range(documents):
        if i % 2 == 0:
            blocks = body * rng.randint(2, 13) + [("p", f"Avtalsnummer {i:04}.")]
            spec = PdfSpec(header=ENERGI.header, footer=ENERGI.footer, blocks=blocks)
            build_pdf(spec, folder / f"avtal_{i:04}.pdf")
        else:
            sections = VARDLARM.sections * rng.randint(2, 14)
            docx = dataclasses.replace(
                VARDLARM, title=f"{VARDLARM.title} nr {i:04}", sections=sections
            )
            build_docx(docx, folder / f"avtal_{i:04}.docx")


def pages(files: list[Path]) -> dict[Path, int]:
    from checkers import read_document

    counted = {}
    for path in files:
        if path.suffix == ".pdf":
            with pdfplumber.open(path) as pdf:
                counted[path] = len(pdf.pages)
        else:
            words = len(read_document(path).text.split())
            counted[path] = max(1, round(words / WORDS_PER_PAGE))
    return counted


def audit(
    archive: Path, out: Path, *, jobs: int, force: bool = False
) -> dict[str, float]:
    """Run `opi audit` as a user does; wall seconds and the figures it prints."""
    opi = str(Path(sys.executable).with_name("opi"))
    command = [opi, "audit", str(archive), "--jobs", str(jobs), "--out", str(out)]
    start = time.perf_counter()
    done = subprocess.run(
        command + (["--force"] if force else []), capture_output=True, text=True
    )
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"opi audit failed ({done.returncode}):\n{done.stderr}")
    found = re.search(
        r"checked (\d+), from the store (\d+), ([\d.]+) s"
        r"(?:, peak worker memory (\d+) MB)?",
        done.stdout,
    )
    assert found, done.stdout
    return {
        "load": os.getloadavg()[0],
        "wall": wall,
        "checked": int(found[1]),
        "cached": int(found[2]),
        "phase": float(found[3]),
        "rss": float(found[4] or 0),
    }


def ten_copies(archive: Path, folder: Path) -> Path:
    """Ten hard-linked copies of the archive: the same contents at 10x the paths."""
    for i in range(10):
        (folder / f"copy{i}").mkdir(parents=True)
        for path in archive.iterdir():
            os.link(path, folder / f"copy{i}" / path.name)
    return folder


def worker_seconds(store: Path, files: list[Path]) -> float:
    """Sum of the in-worker seconds the store recorded for these files."""
    from opi.audit.keys import sha256_file

    shas = [sha256_file(p) for p in files]
    db = sqlite3.connect(store)
    marks = ",".join("?" * len(shas))
    (total,) = db.execute(
        f"SELECT sum(seconds) FROM results WHERE sha256 IN ({marks})", shas
    ).fetchone()
    db.close()
    return float(total)


def _bare_extract(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.flush_cache()


def breakdown(files: list[Path]) -> dict[str, float]:
    """Seconds of bare extract_text, and of our read, check and review page, over
    `files` in this process, interleaved file by file so that the load of a shared
    machine weighs on both sides alike."""
    from checkers import ReadLimits, read_document
    from checkers.engine import check_document
    from opi.audit.work import PlaybookRef, warm
    from opi.review.html import render_html

    warm(PlaybookRef("builtin", None))
    plumber_only = ReadLimits(pdf_fast_path=False)
    keys = ("extract_text", "read", "check", "review page", "read (pdfplumber only)")
    spent = dict.fromkeys(keys, 0.0)
    for path in files:
        t0 = time.perf_counter()
        _bare_extract(path)
        t1 = time.perf_counter()
        document = read_document(path)
        t2 = time.perf_counter()
        report = check_document(document)
        t3 = time.perf_counter()
        render_html(report, document)
        t4 = time.perf_counter()
        read_document(path, limits=plumber_only)
        t5 = time.perf_counter()
        spent["extract_text"] += t1 - t0
        spent["read"] += t2 - t1
        spent["check"] += t3 - t2
        spent["review page"] += t4 - t3
        spent["read (pdfplumber only)"] += t5 - t4
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=40)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--keep", type=Path, help="generate into this folder")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="opi-audit-bench-") as tmp:
        base = args.keep or Path(tmp)
        archive = base / "archive"
        t0 = time.perf_counter()
        generate(archive, args.documents, args.seed)
        files = sorted(archive.iterdir())
        pdfs = [p for p in files if p.suffix == ".pdf"]
        counted = pages(files)
        total = sum(counted.values())
        pdf_pages = sum(counted[p] for p in pdfs)
        print(
            f"archive: {len(files)} documents ({len(pdfs)} PDF, {pdf_pages} pages; "
            f"{len(files) - len(pdfs)} DOCX, ~{total - pdf_pages} pages at "
            f"{WORDS_PER_PAGE} words/page), made in {time.perf_counter() - t0:.0f} s"
        )

        one = audit(archive, base / "jobs1", jobs=1)
        two = audit(archive, base / "jobs2", jobs=2)
        warm_run = audit(archive, base / "jobs2", jobs=2, force=True)
        copies = ten_copies(archive, base / "copies")
        audit(copies, base / "jobs2", jobs=2, force=True)  # draws its charts once
        warm_copies = audit(copies, base / "jobs2", jobs=2, force=True)
        in_worker = worker_seconds(base / "jobs1" / "opi-audit.sqlite", pdfs)
        spent = breakdown(pdfs)
        floor = spent["extract_text"]
        ours = spent["read"] + spent["check"] + spent["review page"]
        slow = ours - spent["read"] + spent["read (pdfplumber only)"]

        print(
            f"opi audit --jobs 1: {one['wall']:.1f} s, "
            f"{total / one['wall']:.1f} pages/s (load average after: {one['load']:.1f} "
            f"on {os.cpu_count()} cores)"
        )
        print(
            f"opi audit --jobs 2: {two['wall']:.1f} s, "
            f"{total / two['wall']:.1f} pages/s, "
            f"{one['wall'] / two['wall']:.2f}x --jobs 1 (goal >= 1.8x; load average "
            f"after: {two['load']:.1f})"
        )
        print(
            f"over the {len(pdfs)} PDFs, in process: pdfplumber extract_text "
            f"{floor:.1f} s = {pdf_pages / floor:.1f} pages/s; read + check + review "
            f"page {ours:.1f} s = {pdf_pages / ours:.1f} pages/s; ratio "
            f"{ours / floor:.2f} (goal <= 1.15)"
        )
        print(
            "  of which "
            + ", ".join(
                f"{k} {v:.1f} s ({v / floor:.2f}x)"
                for k, v in spent.items()
                if k not in ("extract_text", "read (pdfplumber only)")
            )
        )
        print(
            f"  with every page read by pdfplumber (pdf_fast_path off): read "
            f"{spent['read (pdfplumber only)']:.1f} s, read + check + review page "
            f"{slow:.1f} s, ratio {slow / floor:.2f}"
        )
        print(
            f"  in the --jobs 1 workers the same PDFs took {in_worker:.1f} s "
            f"({pdf_pages / in_worker:.1f} pages/s)"
        )
        print(
            f"warm re-run (--jobs 2, all {warm_run['cached']:.0f} from the store): "
            f"{warm_run['wall']:.2f} s wall = {len(files) / warm_run['wall']:.0f} "
            f"documents/s (goal >= 500); without process start and reports "
            f"{warm_run['phase']:.3f} s = "
            f"{len(files) / max(warm_run['phase'], 1e-3):.0f} documents/s"
        )
        print(
            f"warm re-run of 10 hard-linked copies of the archive "
            f"({10 * len(files)} documents): {warm_copies['wall']:.2f} s wall = "
            f"{10 * len(files) / warm_copies['wall']:.0f} documents/s; without process "
            f"start and reports {warm_copies['phase']:.3f} s"
        )
        if warm_run["checked"] or warm_copies["checked"]:
            print(
                "  (the checkers changed during the benchmark: "
                "documents were checked again; run it again)"
            )
        print(
            f"peak memory per worker: {max(one['rss'], two['rss']):.0f} MB "
            "(goal < 400 MB)"
        )


if __name__ == "__main__":
    main()
