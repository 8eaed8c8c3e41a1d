"""Screenshot of the top of the HTML review page of a bundled example (overall
status, the requirement cards, the text with marked evidence); committed as
docs/review-report.png.

    .venv/bin/python docs/render_review.py

Needs Debian's chromium (/usr/bin/chromium) and Playwright for Python (the
`test` extra). Not part of make test; the browser test in
tests/opi/review/test_browser.py checks the same page.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "corpora" / "examples" / "sv_skolenergi_samverkan.pdf"
OUT = ROOT / "docs" / "review-report.png"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main() -> int:
    if not CHROMIUM.exists():
        print(f"needs {CHROMIUM}: apt-get install chromium", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "rapport.html"
        opi = Path(sys.executable).with_name("opi")
        done = subprocess.run(
            [str(opi), "check", str(EXAMPLE), "--format", "html", "-o", str(page_path)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode not in (0, 1):
            print(done.stderr, file=sys.stderr)
            return 1
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=ARGS, headless=True
            )
            page = browser.new_page(viewport={"width": 1400, "height": 860})
            page.goto(page_path.as_uri())
            page.screenshot(path=str(OUT))
            browser.close()
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
