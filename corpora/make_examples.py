"""Generate corpora/examples/ (bundled agreements) and corpora/fixtures/ (tricky and
hostile files for the reader tests). Deterministic: run it twice, get the same bytes.

    .venv/bin/python corpora/make_examples.py
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build.docx_builder import DocxSpec, build_docx, write_zip  # noqa: E402
from build.pdf_builder import (  # noqa: E402
    PAGE_BREAK,
    PdfSpec,
    build_image_pdf,
    build_pdf,
    write_png,
)

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE / "examples"
FIXTURES = HERE / "fixtures"

VARDLARM = DocxSpec(
    title="Avtal om innovationssamarbete – Digitala trygghetslarm",
    header="Avtal om innovationssamarbete – Digitala trygghetslarm",
    footer_prefix="Sida",
    footer_of="av",
    sections=[
        (
            "Parter",
            [
                "Detta avtal har ingåtts mellan Sjöviks kommun, org.nr 212000-1355, nedan "
                "kallad Kommunen, och Larmteknik Norr AB, org.nr 556677-8899, nedan kallad "
                "Leverantören. Kommunen och Leverantören kallas gemensamt Parterna.",
            ],
        ),
        (
            "Bakgrund och syfte",
            [
                "Kommunens hemtjänst saknar trygghetslarm som fungerar utan fast telefoni "
                "och som larmar automatiskt vid fall. Någon sådan produkt finns inte på "
                "marknaden. Parterna vill därför gemensamt utveckla och pröva en lösning "
                "som ett offentligt-privat innovationssamarbete (OPI).",
                "Samarbetet är inte en upphandling och ger ingen rätt till framtida "
                "kontrakt.",
            ],
        ),
        (
            "Roller och ansvar",
            [
                "Kommunen ansvarar för att tillhandahålla testmiljö i tre "
                "hemtjänstområden, för att rekrytera 40 brukare som frivilligt deltar och "
                "för projektledningen.",
                "Leverantören ansvarar för utveckling av larmenheten, för drift av "
                "testplattformen och för att utbilda Kommunens personal.",
                "Varje Part bär sina egna kostnader för sitt deltagande i projektet.",
            ],
        ),
        (
            "Resultat och immateriella rättigheter",
            [
                "Varje Part äger de resultat som Parten själv tar fram i projektet. "
                "Resultat som Parterna tar fram gemensamt ägs gemensamt med lika andelar.",
                "Kommunen har en kostnadsfri, icke-exklusiv och tidsobegränsad "
                "nyttjanderätt till resultaten för egen verksamhet.",
            ],
        ),
        (
            "Efterföljande upphandling",
            [
                "Deltagande i samarbetet utesluter inte någon Part från att lämna anbud i "
                "en efterföljande upphandling.",
                "Kommunen ska publicera projektets slutrapport och kravunderlag så att alla "
                "potentiella anbudsgivare får samma information i god tid före en "
                "efterföljande upphandling enligt LOU.",
            ],
        ),
        (
            "Mervärden och uppföljning",
            [
                "Samarbetet ska minska antalet akuta hembesök efter fall med 20 procent och "
                "förkorta tiden från larm till åtgärd till under 10 minuter.",
                "Kommunen mäter indikatorerna varje kvartal och redovisar effekterna i en "
                "slutrapport som publiceras.",
            ],
        ),
        (
            "Avtalstid och uppsägning",
            [
                "Avtalet gäller till och med den 31 december 2027. Varje Part får säga upp "
                "avtalet utan särskilt skäl med 30 dagars varsel och utan ersättning.",
            ],
        ),
    ],
    table=[
        ["Aktivitet", "Ansvarig", "Klart"],
        ["Testmiljö och brukare", "Kommunen", "2026-03-01"],
        ["Larmenhet version 1", "Leverantören", "2026-06-01"],
        ["Utvärdering", "Kommunen", "2026-06-01"],
    ],
    table_after_section=2,
    footnote=(3, "Med resultat avses allt som tas fram inom projektet, även data."),
    content_control="Avtalsnummer: OPI-2026-014",
    text_box="Kontaktperson hos Kommunen: Anna Berg, enhetschef hemtjänst.",
    tracked=("avtalet gäller i två år", "avtalet gäller i ett år"),
    hidden="Intern anteckning: kontrollera budget.",
    letter_list=["brukarnas trygghet,", "personalens arbetsmiljö, och", "kostnaderna."],
)

ENERGI = PdfSpec(
    header="Samverkansavtal – Energieffektiva skolbyggnader · Dnr KS 2026/117",
    footer="Sida {n} av {total}",
    blocks=[
        ("hb", "SAMVERKANSAVTAL"),
        (
            "p",
            "Mellan Norrby kommun, org.nr 212000-2460 (Kommunen), och Värmeflöde "
            "Sverige AB, org.nr 559012-3456 (Bolaget), har följande avtal om "
            "innovationssamarbete träffats.",
        ),
        ("h", "§ 1 Bakgrund"),
        (
            "p",
            "Kommunens skolbyggnader från 1970-talet har höga energikostnader och "
            "ojämnt inomhusklimat. Parterna ska i samar-|bete utveckla ett "
            "styrsystem för värme och ventilation som lär sig byggnadens "
            "beteende. OPI-projektet omfattar tre skolor.",
        ),
        ("h", "§ 2 Roller och ansvar"),
        (
            "p",
            "Kommunen ansvarar för att ge tillträde till skolorna, för mätdata från "
            "fastighetssystemet och för vård- |och omsorgsnämndens lokaler som "
            "referensobjekt.",
        ),
        (
            "p",
            "Bolaget ansvarar för utveckling av styrsystemet, installation och "
            "analys av mätdata.",
        ),
        (
            "t",
            [
                ["Uppgift", "Ansvarig part", "Tidpunkt"],
                ["Tillträde och mätdata", "Kommunen", "Vecka 10"],
                ["Installation", "Bolaget", "Vecka 14"],
                ["Utvärdering", "Kommunen och Bolaget", "Vecka 40"],
            ],
        ),
        ("h", "§ 3 Resultat"),
        (
            "p",
            "Äganderätten till resultaten ska regleras i ett separat avtal som "
            "Parterna ska ingå senast när projektet avslutas.",
        ),
        ("h", "§ 4 Upphandling"),
        (
            "p",
            "Efter projektet kan Kommunen komma att upphandla ett styrsystem. "
            "Bolaget ska ges förtur vid den efterföljande upphandlingen och Kommunen "
            "avser att teckna avtal med Bolaget om lösningen uppfyller "
            "kraven i projektet, vilket ska bedömas av|" + PAGE_BREAK + "|"
            "projektets styrgrupp.",
        ),
        ("h", "§ 5 Mervärden"),
        (
            "p",
            "Samarbetet syftar till att minska energianvändningen i de tre skolorna "
            "med minst 15 procent jämfört med 2025 års nivå och att förbättra "
            "inomhusklimatet. Bolaget redovisar energiuppföljning varje månad.",
        ),
        (
            "cols",
            [
                "Bilaga 1 – Mätplan. Energianvändningen mäts timvis per skola. Referens "
                "är medelvärdet för åren 2023–2025, normalårskorrigerat.",
                "Temperatur och koldioxidhalt mäts i tio klassrum per skola. Elevenkät "
                "genomförs före och efter installationen.",
                "Bilaga 2 – Kontaktpersoner. För Kommunen: fastighetschef Per Lind. För "
                "Bolaget: projektledare Sara Ek.",
                "Ändringar i bilagorna beslutas av styrgruppen och protokollförs.",
            ],
        ),
    ],
)

MOBILITY_EN = """AGREEMENT ON PUBLIC-PRIVATE INNOVATION COOPERATION

Autonomous shuttle pilot in Lakeside

1. Parties

This agreement is made between the City of Lakeside, Sweden, reg. no. 212000-9999 (the City), and Northway Mobility Ltd, reg. no. 556123-4567 (the Company), together the Parties.

2. Background

No shuttle on the market can run year-round on the City's icy lakeside route. The Parties will develop and test such a service together as a public-private innovation partnership.

3. Roles and responsibilities

The City shall provide the test route, permits and a depot, and shall lead the steering group.
The Company shall develop and operate the shuttle and shall report safety incidents to the City within 24 hours.

4. Ownership of results

Each Party owns the results it generates. The City receives a free, non-exclusive and perpetual right to use all results for its own operations.

5. Subsequent procurement

Taking part in this cooperation does not exclude any Party from a subsequent procurement. The City will publish the final report and all test data to every potential tenderer before any procurement under the Swedish Public Procurement Act.

6. Added value

The pilot aims to cut car trips on the route by 10 percent and to give residents with reduced mobility a service they lack today. Ridership and travel-habit surveys are reported quarterly.

7. Term

This agreement ends on 31 December 2027.
"""

SKOLA_MD = """# Avsiktsförklaring om innovationssamarbete – Digital läxhjälp

## 1 Parter

Ekdala kommun, barn- och utbildningsförvaltningen (Förvaltningen), och Lärstegen AB (Bolaget).

## 2 Roller

| Uppgift | Ansvarig |
|---|---|
| Tillgång till skolor och lärare | Förvaltningen |
| Utveckling av tjänsten | Bolaget |
| Utvärdering | Förvaltningen |

## 3 Resultat

Bolaget äger resultaten. Förvaltningen har en kostnadsfri rätt att använda tjänsten under projekttiden och i ett år därefter.

## 4 Mervärden

Samarbetet ska skapa mervärden för elever och lärare.
"""

DANSK = """OPI-AFTALE OM VELFÆRDSTEKNOLOGI

1. Parter

Aftalen er indgået mellem Fjordby Kommune (Kommunen) og Sensa ApS (Virksomheden).

2. Ansvarsfordeling

Kommunen er ansvarlig for testmiljøet på to plejecentre. Virksomheden er ansvarlig for udvikling og drift af sensorerne.

3. Projektresultater

Hver part ejer de projektresultater, som parten selv skaber. Kommunen har en vederlagsfri brugsret til resultaterne.

4. Efterfølgende udbud

Deltagelse i projektet udelukker ikke nogen part fra at byde i et efterfølgende udbud. Alle projektresultater offentliggøres, så alle tilbudsgivere stilles lige.

5. Merværdi

Projektet skal reducere antallet af natlige tilsyn med 30 procent og øge beboernes nattesøvn, målt før og efter.
"""


def examples() -> None:
    build_docx(VARDLARM, EXAMPLES / "sv_vardlarm_opi.docx")
    build_pdf(ENERGI, EXAMPLES / "sv_skolenergi_samverkan.pdf")
    (EXAMPLES / "en_shuttle_pilot.txt").write_text(MOBILITY_EN, encoding="utf-8")
    (EXAMPLES / "sv_digital_laxhjalp.md").write_text(SKOLA_MD, encoding="utf-8")
    (EXAMPLES / "da_velfaerd_sensorer.txt").write_text(DANSK, encoding="utf-8")


def fixtures() -> None:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    docx = (EXAMPLES / "sv_vardlarm_opi.docx").read_bytes()
    pdf = (EXAMPLES / "sv_skolenergi_samverkan.pdf").read_bytes()
    parts = _zip_parts(docx)

    (FIXTURES / "empty.txt").write_bytes(b"")
    (FIXTURES / "blank.docx").write_bytes(b"")
    (FIXTURES / "whitespace.txt").write_bytes(b"  \n\t\n ")
    (FIXTURES / "truncated.docx").write_bytes(docx[: len(docx) // 2])
    (FIXTURES / "truncated.pdf").write_bytes(pdf[: len(pdf) // 3])
    (FIXTURES / "garbage.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    write_zip(
        FIXTURES / "no_main_part.docx",
        {k: v for k, v in parts.items() if k != "word/document.xml"},
    )
    write_zip(FIXTURES / "plain_archive.zip", {"readme.txt": b"not an agreement"})
    _entity_bomb(parts)
    _zip_bomb(parts)
    _encrypted_docx(docx)
    build_pdf(
        PdfSpec(
            header="Konfidentiellt",
            footer="Sida {n} av {total}",
            blocks=[("p", "Detta avtal är lösenordsskyddat.")],
            encrypt_with="hemligt",
        ),
        FIXTURES / "encrypted.pdf",
    )
    write_png(FIXTURES / "scan.png")
    build_image_pdf(FIXTURES / "scanned.pdf", FIXTURES / "scan.png")
    (FIXTURES / "agreement_really_docx.pdf").write_bytes(docx)
    (FIXTURES / "binary.dat").write_bytes(b"\x00\x01\x02\x03" * 64)
    (FIXTURES / "old_word.doc").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 504
        + b"WordDocument"
        + b"\x00" * 512
    )
    text = (
        "Kommunen ansvarar för testmiljön. Leverantören äger resultaten i sin helhet.\n"
    )
    (FIXTURES / "utf16.txt").write_bytes(text.encode("utf-16"))
    (FIXTURES / "utf16le_nobom.txt").write_bytes(text.encode("utf-16-le"))
    (FIXTURES / "cp1252.txt").write_bytes(text.encode("cp1252"))
    (FIXTURES / "hidden_chars.txt").write_text(
        "§ 4 Upphandling\n\nIngen part ska ute\u00adslu\u200btas från den efter\u200d"
        "följande upp\u2060handlingen.\u202e\n",
        encoding="utf-8",
    )
    (FIXTURES / "decomposed.txt").write_text(
        "Leverantören a\u0308ger resultaten.\n", encoding="utf-8"
    )


def _zip_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _entity_bomb(parts: dict[str, bytes]) -> None:
    """'Billion laughs': ten levels of entities, each ten times the one below."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    body = parts["word/document.xml"].decode()
    body = body.replace(
        "<w:document", f"<!DOCTYPE w:document [{entities}]><w:document", 1
    )
    body = body.replace("Parter</w:t>", "Parter &lol9;</w:t>", 1)
    write_zip(
        FIXTURES / "entity_expansion.docx",
        {**parts, "word/document.xml": body.encode()},
    )


def _zip_bomb(parts: dict[str, bytes]) -> None:
    padding = b"<!-- " + b"A" * (120 * 1024 * 1024) + b" -->"
    body = parts["word/document.xml"]
    write_zip(
        FIXTURES / "zip_bomb.docx", {**parts, "word/document.xml": body + padding}
    )


def _encrypted_docx(docx: bytes) -> None:
    """Encryption salts are random: keep the committed file unless it is missing."""
    from msoffcrypto.format.ooxml import OOXMLFile

    if (FIXTURES / "encrypted.docx").exists():
        return
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(docx)).encrypt("hemligt", out)
    (FIXTURES / "encrypted.docx").write_bytes(out.getvalue())


if __name__ == "__main__":
    examples()
    fixtures()
    print(f"wrote {EXAMPLES} and {FIXTURES}")
