"""POST /api/assemble: a deal description (YAML or JSON) in, a checked .docx out,
or every field error at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from checkers import read_document

SPECS = Path(__file__).resolve().parents[3] / "corpora" / "specs"


def test_yaml_deal_description_gives_a_checked_docx(
    client: TestClient, tmp_path: Path
) -> None:
    text = (SPECS / "sv_region_supplier.yaml").read_text(encoding="utf-8")
    response = client.post(
        "/api/assemble", content=text, headers={"content-type": "application/yaml"}
    )
    assert response.status_code == 200
    assert response.headers["x-opi-status"] == "compliant"
    out = tmp_path / "avtal.docx"
    out.write_bytes(response.content)
    title = yaml.safe_load(text)["title"]
    assert title in read_document(out).text


def test_json_deal_description_works_too(client: TestClient) -> None:
    data = yaml.safe_load((SPECS / "en_energy_authority.yaml").read_text("utf-8"))
    response = client.post(
        "/api/assemble",
        content=json.dumps(data, default=str),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 200
    assert 'filename="agreement.docx"' in response.headers["content-disposition"]


def test_every_field_error_is_listed(client: TestClient) -> None:
    data = yaml.safe_load((SPECS / "sv_region_supplier.yaml").read_text("utf-8"))
    data["authority"]["org_number"] = "123"
    data["ownership"]["model"] = "nobody"
    del data["venue"]
    response = client.post(
        "/api/assemble",
        content=json.dumps(data, default=str),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    body = response.json()
    assert body["error"]["code"] == "invalid_deal_description"
    fields = {issue["field"] for issue in body["issues"]}
    assert fields == {"authority.org_number", "ownership.model", "venue"}


@pytest.mark.parametrize(
    ("content", "kind", "status", "words"),
    [
        ("{not json", "application/json", 422, "not valid JSON"),
        ("[1, 2]", "application/json", 422, "JSON object"),
        ("a: [", "application/yaml", 422, "not valid YAML"),
        ("language: sv", "text/plain", 415, "application/json"),
        ("x" * 2_000_000, "application/yaml", 413, "larger than"),
    ],
)
def test_bad_bodies_get_clear_errors(
    client: TestClient, content: str, kind: str, status: int, words: str
) -> None:
    response = client.post(
        "/api/assemble", content=content, headers={"content-type": kind}
    )
    assert response.status_code == status
    body = response.json()
    text = body["error"]["message"] + json.dumps(body.get("issues", []))
    assert words in text


def test_escaped_astral_characters_in_json_survive(
    client: TestClient, tmp_path: Path
) -> None:
    data = yaml.safe_load((SPECS / "sv_region_supplier.yaml").read_text("utf-8"))
    data["title"] = "Avtal om cirkulära möbler \U0001f331"
    response = client.post(
        "/api/assemble",
        content=json.dumps(data, default=str, ensure_ascii=True),  # "\ud83c\udf31"
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 200
    out = tmp_path / "avtal.docx"
    out.write_bytes(response.content)
    assert data["title"] in read_document(out).text


def test_escaped_surrogates_in_yaml_are_a_422_on_the_field(client: TestClient) -> None:
    text = (SPECS / "sv_region_supplier.yaml").read_text("utf-8")
    text = text.replace("title:", 'title: "\\ud83c\\udf31"\nx_title:', 1)
    response = client.post(
        "/api/assemble", content=text, headers={"content-type": "application/yaml"}
    )
    assert response.status_code == 422
    issues = response.json()["issues"]
    assert [issue["field"] for issue in issues] in (["title", "x_title"], ["<text>"])
