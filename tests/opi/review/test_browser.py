"""The HTML review page in a real browser: cards, marked evidence, links, print."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from opi.cli import cli

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def report_page(examples: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "rapport.html"
    result = CliRunner().invoke(
        cli,
        [
            "check",
            str(examples / "sv_skolenergi_samverkan.pdf"),
            "--format",
            "html",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 1, result.output
    return out


@pytest.fixture
def page(chromium: Any, report_page: Path) -> Any:
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report_page.as_uri())
    yield page
    # a self-contained page asks for nothing but itself
    assert requests == [report_page.as_uri()]
    context.close()


def test_cards_and_marked_evidence_are_visible(page: Any) -> None:
    cards = page.locator("article.card")
    assert cards.count() == 4
    for index in range(4):
        assert cards.nth(index).is_visible()
    conflict = page.locator("#req-procurement_access")
    assert "Motstrid" in conflict.locator(".badge").inner_text()
    marks = page.locator("#agreement-text mark")
    assert marks.count() >= 6
    assert marks.first.is_visible()


def test_clicking_an_evidence_link_brings_the_marked_sentence_into_view(
    page: Any, tmp_path: Path
) -> None:
    link = page.locator("#req-procurement_access a.evlink").first
    target = link.get_attribute("href")
    mark = page.locator(target)
    assert not _in_viewport(page, mark)
    link.click()
    page.wait_for_function(f"location.hash === '{target}'")
    assert _in_viewport(page, mark)
    assert mark.inner_text().startswith("Bolaget ska ges förtur")
    # :target outlines the sentence, so the eye finds it
    outline = mark.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline == "solid"
    shot = tmp_path / "review-report.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_page_prints_with_its_cards_and_text(page: Any, tmp_path: Path) -> None:
    page.emulate_media(media="print")
    assert not page.locator(".cardref").first.is_visible()
    pdf = tmp_path / "rapport.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Likvärdig tillgång till efterföljande upphandling" in text
    assert "Bolaget ska ges förtur" in text


def _in_viewport(page: Any, locator: Any) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] + box["height"] > 0 and box["y"] < height
