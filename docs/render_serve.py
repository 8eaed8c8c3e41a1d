"""Screenshots of `opi serve` in Debian's Chromium: the upload page and the result
page of a draft, committed as docs/serve-upload.png and docs/serve-result.png.

    .venv/bin/python docs/render_serve.py [--lang sv|en]

Starts the server on a free loopback port (the real command) and uploads
corpora/examples/sv_skolenergi_samverkan.pdf; the two PNGs are regenerated in
place (they are tracked, so git shows any change). Not part of make test.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DRAFT = ROOT / "corpora" / "examples" / "sv_skolenergi_samverkan.pdf"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait(base: str, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/api/health", timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"opi serve did not answer at {base}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=["sv", "en"], default="sv")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    opi = str(Path(sys.executable).with_name("opi"))
    server = subprocess.Popen(
        [opi, "serve", "--port", str(port), "--workers", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait(base)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=ARGS
            )
            page = browser.new_page(viewport={"width": 1200, "height": 760})
            page.goto(f"{base}/?lang={args.lang}")
            page.set_input_files("#file", str(DRAFT))
            page.screenshot(path=str(ROOT / "docs" / "serve-upload.png"))
            page.click("#submit")
            page.wait_for_selector("article.card")
            page.screenshot(path=str(ROOT / "docs" / "serve-result.png"))
            browser.close()
    finally:
        server.terminate()
        server.wait(30)
    print("wrote docs/serve-upload.png and docs/serve-result.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
