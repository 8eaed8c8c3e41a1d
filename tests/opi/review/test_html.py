"""The HTML review page: self-contained, escaped, linked, in Swedish and English."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html

from checkers.engine import check
from opi.review.html import render_html
from tests.opi.review.conftest import Checked, checked


def _tree(page: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(page)


def test_every_evidence_link_of_a_card_lands_on_a_mark_in_the_text(
    skolenergi: Checked,
) -> None:
    document, report = skolenergi
    tree = _tree(render_html(report, document))
    links = tree.xpath(
        "//article[@class and contains(@class,'card')]//a[@class='evlink']"
    )
    assert len(links) == sum(len(f.evidence) for f in report.findings)
    for link in links:
        target = link.get("href")[1:]
        (element,) = tree.xpath(f"//*[@id='{target}']")
        mark = element if element.tag == "mark" else element.getparent()
        assert mark.tag == "mark"
        assert mark.xpath("ancestor::section[@id='agreement-text']")


def test_cards_show_status_as_text_and_icon_and_the_suggested_clause(
    skolenergi: Checked,
) -> None:
    document, report = skolenergi
    tree = _tree(render_html(report, document, ui_lang="sv"))
    card = tree.get_element_by_id("req-procurement_access")
    badge = card.xpath(".//span[contains(@class,'badge')]")[0].text_content()
    assert "Motstrid" in badge and "⚠" in badge
    assert "LOU (2016:1145) 4 kap. 1 §" in card.text_content()
    clause = card.xpath(".//details[@class='clause']")[0].text_content()
    # rendered with this agreement's own party names, not the library's defaults
    assert "Kommunen" in clause
    assert "{{" not in clause and "procurement.no_exclusion" in clause


def test_ui_language_switches_the_wording_not_the_agreement(
    skolenergi: Checked, examples: Path
) -> None:
    document, _ = skolenergi
    report_en = check(document, ui_language="en")
    page = render_html(report_en, document, ui_lang="en")
    tree = _tree(page)
    assert tree.get("lang") == "en"
    assert "Equal access to the later procurement" in page
    assert "Conflict" in page and "Motstrid" not in page
    # the agreement text stays Swedish, and says so to a screen reader
    assert tree.xpath("//section[@id='agreement-text']/div/@lang") == ["sv"]
    assert (
        "Kommunen ansvarar för"
        in tree.get_element_by_id("agreement-text").text_content()
    )


def test_auto_language_follows_the_agreement(shuttle: Checked) -> None:
    document, report = shuttle
    assert _tree(render_html(report, document)).get("lang") == "en"


def test_page_needs_no_network_and_runs_no_script(skolenergi: Checked) -> None:
    document, report = skolenergi
    tree = _tree(render_html(report, document))
    assert not tree.xpath("//script | //link | //img | //iframe | //object")
    assert all(href.startswith("#") for href in tree.xpath("//a/@href"))
    assert not tree.xpath("//*[@src]")


def test_markup_in_the_agreement_is_escaped(tmp_path: Path) -> None:
    path = tmp_path / "farlig.txt"
    path.write_text(
        "Avtal <script>alert('x')</script> & <b>fet</b>\n\n"
        "Kommunen ansvarar för testmiljön <img src=x onerror=alert(1)>. "
        "Bolaget ansvarar för utvecklingen.\n",
        encoding="utf-8",
    )
    document, report = checked(path)
    page = render_html(report, document)
    tree = _tree(page)
    assert not tree.xpath("//script | //img | //b")
    assert "<script>alert('x')</script>" in tree.text_content()
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_unreadable_file_shows_the_error_and_no_cards(fixtures: Path) -> None:
    report = check(fixtures / "truncated.docx")
    tree = _tree(render_html(report, None, ui_lang="en"))
    assert not tree.xpath("//article")
    text = tree.text_content()
    assert "The file could not be read" in text
    assert report.error is not None and report.error.code in text
    assert "truncated.docx" in text
