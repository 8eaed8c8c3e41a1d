"""Assembled agreements: every ownership model, language, party count and appendix."""

from __future__ import annotations

import itertools
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
import yaml

from assembler.assemble import assemble_file, build_assembly
from assembler.docx import write_docx
from assembler.errors import OutputExistsError, SpecError, TemplateError
from assembler.spec import Spec
from checkers.engine import check
from clauses.loader import MASTER_TEMPLATE

MODELS = ("each_own", "joint", "authority", "supplier")
MATRIX = list(itertools.product(MODELS, ("sv", "en"), (1, 3), (True, False)))
HEADINGS = {
    "sv": ["Parter", "Roll- och ansvarsfördelning", "Efterföljande upphandling"],
    "en": ["Parties", "Allocation of roles and responsibilities"],
}


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return "".join(
            package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.startswith("word/") and name.endswith(".xml")
        )


def _render(spec: Spec, tmp_path: Path, language: str) -> Path:
    assembly = build_assembly(spec)
    out = tmp_path / f"agreement-{language}.docx"
    out.write_bytes(
        write_docx(
            assembly.agreement,
            assembly.context,
            assembly.labels,
            template=MASTER_TEMPLATE,
        )
    )
    return out


@pytest.mark.parametrize(("model", "language", "suppliers", "appendices"), MATRIX)
def test_every_combination_assembles_into_a_clean_docx(
    make_spec: Callable[..., Spec],
    tmp_path: Path,
    model: str,
    language: str,
    suppliers: int,
    appendices: bool,
) -> None:
    spec = make_spec(
        model=model, suppliers=suppliers, appendices=appendices, language=language
    )
    out = _render(spec, tmp_path, language)
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    for heading in HEADINGS[language]:
        assert heading in headings
    # tables: parties, roles, added values, signatures (header row + one per entry)
    parties = 2 + suppliers
    assert [len(t.rows) for t in document.tables] == [parties, parties, 2, parties]
    xml = _docx_text(out)
    assert "{{" not in xml and "{%" not in xml
    trace = document.paragraphs[-1].text
    assert f"ownership.{model}@1" in trace
    assert ("appendices.list@1" in trace) is appendices
    assert ("appendices.none@1" in trace) is not appendices
    footer = document.sections[0].footer.paragraphs[0].text
    assert footer.startswith("Sida" if language == "sv" else "Page")
    # Compliance by construction: read back, every requirement checks as met.
    report = check(out)
    assert {f.requirement: f.status for f in report.findings} == dict.fromkeys(
        ("role_allocation", "result_ownership", "procurement_access", "added_value"),
        "met",
    )


def test_party_names_appear_in_the_swedish_text(make_spec: Callable[..., Spec]) -> None:
    agreement = build_assembly(make_spec(suppliers=3)).agreement
    first = agreement.sections[0].clauses[0].paragraphs
    assert first[-2].text.startswith(
        "Leverantören, Sensorbolaget och Svensson benämns nedan gemensamt"
    )


def test_hostile_values_render_as_text(
    example_data: dict[str, object], tmp_path: Path
) -> None:
    data = yaml.safe_load(yaml.safe_dump(example_data, allow_unicode=True))
    data["suppliers"][0]["name"] = "Svensson & Co <AB>"
    data["project"]["name"] = "{{ 7 * 7 }} {% raw %}"
    data["title"] = "{{ self.__init__.__globals__ }}"
    spec_path = tmp_path / "hostile.yaml"
    spec_path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "hostile.docx"
    assemble_file(spec_path, out)
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Svensson & Co <AB>" in text
    assert "{{ 7 * 7 }} {% raw %}" in text and "49" not in text
    assert document.sections[0].header.paragraphs[0].text == data["title"]
    assemble_file(spec_path, tmp_path / "hostile.md", fmt="md")
    markdown = (tmp_path / "hostile.md").read_text(encoding="utf-8")
    assert "Svensson & Co <AB>" in markdown and "&amp;" not in markdown


def test_an_existing_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    spec_path = Path(__file__).resolve().parents[2] / "corpora/specs"
    spec_file = spec_path / "sv_region_supplier.yaml"
    out = tmp_path / "avtal.md"
    out.write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        assemble_file(spec_file, out, fmt="md")
    assert out.read_text(encoding="utf-8") == "keep me"
    assemble_file(spec_file, out, fmt="md", force=True)
    assert out.read_text(encoding="utf-8").startswith("# Avtal om")


def test_an_assembled_file_gets_the_users_usual_mode(tmp_path: Path) -> None:
    spec_file = (
        Path(__file__).resolve().parents[2] / "corpora/specs/sv_region_supplier.yaml"
    )
    out = tmp_path / "avtal.md"
    mask = os.umask(0o022)
    try:
        assemble_file(spec_file, out, fmt="md")
    finally:
        os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o644


def test_nothing_is_written_for_an_invalid_spec(tmp_path: Path) -> None:
    spec_path = tmp_path / "bad.yaml"
    spec_path.write_text("language: sv\n", encoding="utf-8")
    with pytest.raises(SpecError):
        assemble_file(spec_path, tmp_path / "out.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml"]


def test_a_template_needing_unknown_names_fails_listing_them(
    make_spec: Callable[..., Spec], tmp_path: Path
) -> None:
    template = tmp_path / "org.docx"
    document = docx.Document()
    document.add_paragraph("{{ title }} {{ logo_url }} {{ cost_centre }}")
    document.save(str(template))
    assembly = build_assembly(make_spec())
    with pytest.raises(TemplateError, match="cost_centre, logo_url"):
        write_docx(
            assembly.agreement, assembly.context, assembly.labels, template=template
        )


def test_an_organisation_template_with_documented_names_renders(
    make_spec: Callable[..., Spec], tmp_path: Path
) -> None:
    template = tmp_path / "org.docx"
    document = docx.Document()
    document.add_paragraph("{{ title }} – {{ authority.name }}")
    document.add_paragraph("{%p for s in sections %}")
    document.add_paragraph("{{ s.number }}. {{ s.title }}")
    document.add_paragraph("{%p endfor %}")
    document.save(str(template))
    assembly = build_assembly(make_spec())
    data = write_docx(
        assembly.agreement, assembly.context, assembly.labels, template=template
    )
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[0].endswith("– Exempelby kommun")
    assert texts[1] == "1. Parter"
