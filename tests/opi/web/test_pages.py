"""The browser pages without a browser: language choice, the review page with its
downloads, the assembly form and its field errors."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from checkers import read_document
from checkers.engine import check
from opi.review.html import render_html
from opi.web.deal_form import example_form
from opi.web.pages import choose_language


@pytest.mark.parametrize(
    ("query", "header", "expected"),
    [
        (None, None, "sv"),
        (None, "en-GB,en;q=0.9", "en"),
        (None, "de-DE,de;q=0.9,en;q=0.8,sv;q=0.9", "sv"),
        (None, "fr", "sv"),
        ("en", "sv", "en"),
        ("xx", "en-US", "en"),
    ],
)
def test_language_from_query_then_accept_language(
    query: str | None, header: str | None, expected: str
) -> None:
    assert choose_language(query, header) == expected


def test_upload_page_in_both_languages(client: TestClient) -> None:
    swedish = client.get("/", headers={"accept-language": "sv"}).text
    english = client.get("/", headers={"accept-language": "en"}).text
    assert '<html lang="sv">' in swedish and "Granska ett OPI-avtal" in swedish
    assert '<html lang="en">' in english and "Review an OPI agreement" in english
    assert 'name="file"' in swedish and 'enctype="multipart/form-data"' in swedish


def _downloads(page: str) -> dict[str, bytes]:
    found = re.findall(
        r'href="data:[^;]+;base64,([^"]+)" download="[^"]+" id="([^"]+)"', page
    )
    return {name: base64.b64decode(data) for data, name in found}


def test_review_page_shows_verdicts_and_offers_downloads(
    client: TestClient, examples: Path
) -> None:
    path = examples / "sv_skolenergi_samverkan.pdf"
    with path.open("rb") as stream:
        response = client.post(
            "/check?lang=en",
            files={"file": (path.name, stream)},
            data={"ui_lang": "en"},
        )
    assert response.status_code == 200
    page = response.text
    assert "Review another agreement" in page
    document = read_document(path)
    report = check(document, ui_language="en")
    head, body = render_html(report, document, ui_lang="en").split("<body>", 1)
    assert page.startswith(head) and page.endswith(body)
    files = _downloads(page)
    assert json.loads(files["download-json"]) == report.to_dict()
    assert files["download-annotated"][:5] == b"%PDF-"


def test_review_page_of_an_unreadable_file_says_why(
    client: TestClient, fixtures: Path
) -> None:
    path = fixtures / "encrypted.pdf"
    with path.open("rb") as stream:
        response = client.post("/check?lang=en", files={"file": (path.name, stream)})
    assert response.status_code == 422
    assert "password" in response.text
    assert "download-annotated" not in response.text


def test_a_page_error_is_a_page(client: TestClient) -> None:
    response = client.post("/check?lang=en", content=b"x")
    assert response.status_code == 415
    assert response.headers["content-type"].startswith("text/html")
    assert "Send the agreement as a file from the upload page." in response.text


def test_a_limit_on_a_page_is_told_in_the_page_language(
    tight_client: TestClient,
) -> None:
    response = tight_client.post(
        "/check?lang=sv", files={"file": ("stort.txt", b"Avtal. " * 30_000)}
    )
    assert response.status_code == 413
    assert '<html lang="sv">' in response.text
    assert "Filen är större än gränsen på 0.0954 MB." in response.text


def test_assembly_form_is_prefilled_with_the_example(client: TestClient) -> None:
    page = client.get("/assemble?lang=sv").text
    for name, value in example_form().items():
        if value and "\n" not in value:
            assert f'name="{name}"' in page
    assert 'value="212000-4672"' in page


def test_assembly_form_downloads_a_checked_agreement(client: TestClient) -> None:
    response = client.post("/assemble?lang=en", data=example_form())
    assert response.status_code == 200
    files = _downloads(response.text)
    assert files["download-docx"][:2] == b"PK"
    report = json.loads(files["download-json"])
    assert report["status"] == "compliant"
    assert "Change the deal description" in response.text


def test_assembly_form_errors_land_on_their_fields(client: TestClient) -> None:
    values = example_form()
    values["suppliers[0].org_number"] = "556205-1805"
    values["project.end_date"] = "2020-01-01"
    values["title"] = ""
    response = client.post("/assemble?lang=en", data=values)
    assert response.status_code == 422
    page = response.text
    assert "3 problem(s)" in page
    for name in ("suppliers[0].org_number", "project.end_date", "title"):
        assert f'href="#f-{re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")}"' in page
    assert 'value="556205-1805"' in page
