"""Cost of the review outputs on a 10-page PDF and a 10-page DOCX: in process
(read + check once, then render_html and annotate_docx/annotate_pdf with
comments on every finding, met ones too), and as a user runs them (process
start included): `opi check` alone, with `--format html -o`, with `--annotate`.

    .venv/bin/python benchmarks/review_bench.py [--repeat N]

The two agreements are the ones benchmarks/check_bench.py generates. Not a
test: it prints.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_bench import _ten_pages  # noqa: E402


def _wall(args: list[str], repeat: int) -> float:
    opi = str(Path(sys.executable).with_name("opi"))
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run([opi, "check", *args], capture_output=True, check=False)
        runs.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(done.stderr.decode())
    return statistics.median(runs)


def _in_process(path: Path, folder: Path, repeat: int) -> str:
    from checkers import read_document
    from checkers.engine import check
    from opi.review.docx_comments import annotate_docx
    from opi.review.html import render_html
    from opi.review.pdf_highlights import annotate_pdf

    start = time.perf_counter()
    document = read_document(path)
    report = check(document)
    checked = time.perf_counter() - start
    annotate = annotate_pdf if path.suffix == ".pdf" else annotate_docx
    html, notes = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        render_html(report, document)
        html.append(time.perf_counter() - start)
        start = time.perf_counter()
        count = annotate(
            path,
            report,
            document,
            folder / f"x{path.suffix}",
            include_met=True,
            force=True,
        )
        notes.append(time.perf_counter() - start)
    return (
        f"read + check {checked:.2f} s, render_html {statistics.median(html):.3f} s, "
        f"annotate ({count} notes) {statistics.median(notes):.3f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pdf, docx = _ten_pages(folder)
        for path in (pdf, docx):
            kind = path.suffix[1:]
            print(f"{kind:4}: in process: {_in_process(path, folder, args.repeat)}")
            plain = _wall([str(path)], args.repeat)
            html = _wall(
                [
                    str(path),
                    "--format",
                    "html",
                    "-o",
                    str(folder / "r.html"),
                    "--force",
                ],
                args.repeat,
            )
            annotated = _wall(
                [
                    str(path),
                    "--annotate",
                    str(folder / f"a.{kind}"),
                    "--annotate-met",
                    "--force",
                ],
                args.repeat,
            )
            print(
                f"{kind:4}: opi check {plain:.2f} s; --format html {html:.2f} s "
                f"(+{html - plain:.2f}); --annotate {annotated:.2f} s "
                f"(+{annotated - plain:.2f}) (medians of {args.repeat})"
            )


if __name__ == "__main__":
    main()
