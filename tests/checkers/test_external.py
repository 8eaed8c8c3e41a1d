"""The real, human-written documents in ../shared/external, read in place."""

from __future__ import annotations

import ast
import functools
import json
import re
from pathlib import Path

import pytest

from checkers import Document, read_document

pytestmark = pytest.mark.external

# pos03's PDF is 154 pages of HTML rendering at about a second each in pdfminer:
# benchmarks/read_bench.py reads it; the test suite reads the other 23.
SLOW = "pos03_"


@functools.cache
def read_once(path: Path) -> Document:
    """Each external document is read once per test session."""
    return read_document(path)


SWEDISH = [
    "allmanna-kontraktsvillkor-fornyad-konkurrensutsattning---it-konsulttjanster-2021-2025-11-21.docx",
    "mall-for-kontrakt---it-konsulttjanster-2021.docx",
    "kontraktsvillkor-dynamisk-rangordning---it-konsulttjanster-2021.pdf",
    "adda_it-konsulttjanster-2021_upphandlingsdokument.pdf",
    "inera_avrop_2023100060_e-klient-plattform.pdf",
]


def _tokens(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "


@pytest.mark.parametrize("name", SWEDISH)
def test_swedish_procurement_documents_are_read(external: Path, name: str) -> None:
    doc = read_once(external / "se_adda_inera" / name)
    assert doc.language == "sv"
    assert len(doc.body) > 50
    assert sum(b.kind == "heading" for b in doc.body) >= 10
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text


@pytest.mark.parametrize(
    ("name", "pages"),
    [
        ("adda_it-konsulttjanster-2021_upphandlingsdokument.pdf", 55),
        ("inera_avrop_2023100060_e-klient-plattform.pdf", 21),
    ],
)
def test_mercell_running_header_and_page_footer_are_furniture(
    external: Path, name: str, pages: int
) -> None:
    doc = read_once(external / "se_adda_inera" / name)
    assert doc.pages == pages
    numbers = [b for b in doc.furniture if b.kind == "page_number"]
    assert len(numbers) == pages
    assert not any(re.fullmatch(r"Sida \d+/\d+", b.text) for b in doc.body)
    assert sum(b.kind == "header" for b in doc.furniture) >= pages - 1


def test_inera_results_clause_sits_under_its_section(external: Path) -> None:
    doc = read_once(
        external / "se_adda_inera" / "inera_avrop_2023100060_e-klient-plattform.pdf"
    )
    clause = next(
        b for b in doc.body if "Resultaten" in b.text and "äganderätt" in b.text.lower()
    )
    assert clause.section
    assert clause.page is not None


def test_adda_template_numbers_body_clauses_but_they_are_not_headings(
    external: Path,
) -> None:
    doc = read_once(
        external / "se_adda_inera" / "mall-for-kontrakt---it-konsulttjanster-2021.docx"
    )
    clause = next(
        b for b in doc.body if b.text.startswith("2.3 Angivna kontaktpersoner")
    )
    assert clause.kind != "heading"
    assert clause.section == ("2 Kontaktpersoner [och projektorganisation]",)
    toc = next(b for b in doc.body if b.text.startswith("1 Parter 3"))
    assert toc.kind == "paragraph"


def test_desca_consortium_agreement(external: Path) -> None:
    doc = read_once(
        external
        / "desca_h2020"
        / "DESCA_H2020_model_consortium_agreement_text_derived.txt"
    )
    assert doc.language == "en"
    assert "Results are owned by the Party that generates them" in doc.text


@pytest.fixture(scope="module")
def cuad_spans(external: Path) -> list[tuple[str, str, list[str]]]:
    labels = json.loads(
        (external / "cuad" / "cuad_ip_labels_selected.json").read_text()
    )
    out = []
    for label in labels:
        spans: list[str] = []
        for key in ("ip_ownership_assignment_text", "joint_ip_ownership_text"):
            spans += ast.literal_eval(label[key]) if label[key] else []
        out.append((label["local_pdf"], label["local_txt"], spans))
    return out


@pytest.mark.parametrize(("fmt", "floor"), [("pdf", 0.88), ("txt", 0.9)])
def test_cuad_expert_answers_are_in_the_text_we_read(
    external: Path, cuad_spans: list[tuple[str, str, list[str]]], fmt: str, floor: float
) -> None:
    """CUAD's answer spans are in our body text, word for word (punctuation aside)."""
    found = total = 0
    for pdf, txt, spans in cuad_spans:
        if not spans:
            continue
        if fmt == "pdf" and SLOW in pdf:
            continue
        doc = read_once(external / "cuad" / (pdf if fmt == "pdf" else txt))
        body = _tokens(" ".join(b.text for b in doc.body))
        for span in spans:
            parts = [p for p in span.split("<omitted>") if p.strip()]
            total += 1
            found += all(_tokens(p) in body for p in parts)
    assert total == (76 if fmt == "txt" else 69)
    assert found / total >= floor


@pytest.mark.parametrize("kind", ["pdf", "txt"])
def test_every_cuad_contract_reads_in_english(external: Path, kind: str) -> None:
    for path in sorted((external / "cuad" / kind).iterdir()):
        if SLOW in path.name and kind == "pdf":
            continue
        doc = read_once(path)
        assert doc.language == "en", path.name
        assert doc.body, path.name


@pytest.mark.parametrize(("fmt", "floor"), [("txt", 14), ("pdf", 13)])
def test_cuad_result_ownership_is_found_where_experts_found_it(
    external: Path, fmt: str, floor: int
) -> None:
    """CUAD's IP-ownership positives: our result_ownership verdict is not missing,
    and the negatives (cooperation agreements without IP clauses) mostly are."""
    from checkers.engine import check_document

    labels = json.loads(
        (external / "cuad" / "cuad_ip_labels_selected.json").read_text()
    )
    found = claimed = 0
    for label in labels:
        path = label["local_pdf"] if fmt == "pdf" else label["local_txt"]
        if SLOW in path:
            continue
        status = (
            check_document(read_once(external / "cuad" / path))
            .finding("result_ownership")
            .status
        )
        if label["group"] == "IP_positive":
            found += status != "missing"
        else:
            claimed += status != "missing"
    assert found >= floor
    assert claimed <= 2


def test_external_labels_match_the_read_documents(external: Path) -> None:
    """corpora/external.json labels the real documents in place (opi eval it)."""
    from checkers.evaluate import load_labels

    labels = load_labels(
        Path(__file__).resolve().parents[2] / "corpora" / "external.json"
    )
    assert len(labels) == 8
    for item in labels:
        doc = read_once(item.path.resolve())
        assert doc.language == item.language
        for label in item.requirements.values():
            for evidence in label.evidence:
                assert evidence in doc.text, f"{item.path.name}: {evidence[:50]}"
