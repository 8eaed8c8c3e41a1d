"""End to end in Debian's Chromium against `opi serve`'s app under uvicorn: upload
a draft (chosen, or dropped), see the verdicts, download the annotated copy and
the JSON; fill in the assembly form and download the agreement. No console
errors, so no Content-Security-Policy violation either."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checkers import read_document
from checkers.engine import check
from opi.review.docx_comments import annotate_docx, read_comments
from opi.review.texts import texts

pytestmark = pytest.mark.browser
DRAFT = (
    Path(__file__).resolve().parents[3]
    / "corpora/dev/formats/sva05_primarvard_triage.docx"
)


@pytest.fixture
def page(chromium: Any, live_server: str) -> Iterator[Any]:
    context = chromium.new_context(accept_downloads=True, locale="sv-SE")
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(str(e)))
    tab.goto(live_server + "/")
    yield tab
    context.close()
    assert problems == []


def test_upload_a_draft_see_verdicts_download_annotated_copy(
    page: Any, tmp_path: Path
) -> None:
    assert page.locator("h1").inner_text() == "Granska ett OPI-avtal"
    page.set_input_files("#file", str(DRAFT))
    assert page.locator("#chosen").inner_text() == DRAFT.name
    page.click("#submit")
    page.wait_for_selector("article.card")
    document = read_document(DRAFT)
    report = check(document, ui_language="sv")
    wording = texts("sv")
    for finding in report.findings:
        card = page.locator(f"#req-{finding.requirement}")
        assert wording.get(f"status.{finding.status}") in card.inner_text()

    with page.expect_download() as event:
        page.click("#download-annotated")
    download = event.value
    assert download.suggested_filename == "sva05_primarvard_triage-granskad.docx"
    served = tmp_path / download.suggested_filename
    download.save_as(served)
    expected = tmp_path / "expected.docx"
    annotate_docx(DRAFT, report, document, expected, ui_lang="sv")
    assert read_comments(served) == read_comments(expected) != []

    with page.expect_download() as event:
        page.click("#download-json")
    event.value.save_as(tmp_path / "report.json")
    saved = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert saved == report.to_dict()


def test_a_dropped_file_is_chosen(page: Any) -> None:
    data = base64.b64encode(DRAFT.read_bytes()).decode()
    page.evaluate(
        """([name, data]) => {
            const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name));
            const drop = document.getElementById("drop");
            drop.dispatchEvent(new DragEvent("dragover", {dataTransfer: transfer}));
            drop.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer}));
        }""",
        [DRAFT.name, data],
    )
    assert page.locator("#chosen").inner_text() == DRAFT.name
    assert page.evaluate("document.getElementById('file').files.length") == 1
    page.click("#submit")
    page.wait_for_selector("article.card")
    assert DRAFT.name in page.content()


def test_fill_in_the_assembly_form_and_download_the_agreement(
    page: Any, live_server: str, tmp_path: Path
) -> None:
    page.goto(live_server + "/assemble?lang=en")
    page.fill("#f-project-name", "Mobile alarms in home care")
    page.click("#submit")
    page.wait_for_selector("#download-docx")
    with page.expect_download() as event:
        page.click("#download-docx")
    out = tmp_path / "avtal.docx"
    event.value.save_as(out)
    assert "Mobile alarms in home care" in read_document(out).text
    assert check(out).status == "compliant"
