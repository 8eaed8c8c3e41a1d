"""Render an assembled agreement per language to PDF (LibreOffice headless) and its
pages to PNG (pdftoppm), to look at them as a lawyer would; the first pages are
committed as docs/agreement-sv.png and docs/agreement-en.png.

    .venv/bin/python docs/render_agreements.py [--all-pages]

Needs Debian's libreoffice-writer(-nogui) and poppler-utils. Not part of make test.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPECS = {
    "sv": ROOT / "corpora" / "specs" / "sv_trygghetslarm_each_own.yaml",
    "en": ROOT / "corpora" / "specs" / "en_mobility_supplier.yaml",
}


def _run(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True, timeout=300)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--all-pages", action="store_true", help="keep every page")
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        print(
            "needs LibreOffice (soffice) and pdftoppm: apt-get install "
            "libreoffice-writer-nogui poppler-utils",
            file=sys.stderr,
        )
        return 2
    opi = str(Path(sys.executable).with_name("opi"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for lang, spec in SPECS.items():
            docx = work / f"agreement-{lang}.docx"
            _run(opi, "assemble", str(spec), "-o", str(docx))
            _run(
                soffice,
                "--headless",
                f"-env:UserInstallation=file://{work}/lo",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(docx),
            )
            pdf = docx.with_suffix(".pdf")
            last = [] if args.all_pages else ["-l", "1"]
            _run(
                "pdftoppm",
                "-png",
                "-r",
                "70",
                "-f",
                "1",
                *last,
                str(pdf),
                str(work / f"page-{lang}"),
            )
            pages = sorted(work.glob(f"page-{lang}-*.png"))
            shutil.copy(pages[0], ROOT / "docs" / f"agreement-{lang}.png")
            if args.all_pages:
                for page in pages:
                    shutil.copy(page, ROOT / "docs" / page.name)
            print(f"{lang}: {len(pages)} page(s) rendered from {pdf.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
