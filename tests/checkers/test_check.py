"""What the checkers decide on short agreements written for one behaviour each."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from checkers import check
from checkers.playbook import PlaybookError, default_playbook_path, load_playbook
from checkers.report import Report

PARTIES = (
    "Avtal mellan Sjövik kommun (Kommunen) och Larm AB (Leverantören). "
    "Kommunen och Leverantören kallas Parterna.\n\n"
)


def run(tmp_path: Path, body: str, name: str = "avtal.txt") -> Report:
    path = tmp_path / name
    path.write_text(PARTIES + body, encoding="utf-8")
    return check(path)


def run_en(tmp_path: Path, body: str) -> Report:
    """Check an English agreement written in full by the test (no preamble added)."""
    path = tmp_path / "en.txt"
    path.write_text(body, encoding="utf-8")
    return check(path)


COUNCIL = (
    "Agreement between Northfield City Council (the Council) and Breathe Ltd "
    "(the Company).\n\n"
)


def run_council(tmp_path: Path, body: str) -> Report:
    """Check an English agreement between the Council and the Company."""
    return run_en(tmp_path, COUNCIL + body + "\n")


def run_da(tmp_path: Path, text: str) -> Report:
    """Check a Danish agreement written in full by the test."""
    path = tmp_path / "aftale.txt"
    path.write_text(text, encoding="utf-8")
    return check(path)


def status(report: Report, requirement: str) -> str:
    return report.finding(requirement).status


VEJLE_DA = "Aftale mellem Vejle Kommune (Kommunen) og Varme A/S (Leverandøren).\n\n"


def run_in(tmp_path: Path, language: str, body: str) -> Report:
    """Check `body` under the Swedish, English (Council) or Danish preamble."""
    if language == "sv":
        return run(tmp_path, body)
    if language == "en":
        return run_council(tmp_path, body)
    return run_da(tmp_path, VEJLE_DA + body + "\n")


@pytest.mark.parametrize(
    ("language", "body", "expected"),
    [
        (
            "sv",
            "Kommunen ska göra slutrapporten tillgänglig för alla anbudsgivare.",
            "met",
        ),
        (
            "sv",
            "Kommunen ska i den mån det är möjligt göra slutrapporten tillgänglig "
            "för alla anbudsgivare.",
            "partial",
        ),
        # the hedge qualifies the aim, not the promise
        (
            "sv",
            "Kommunen ska göra slutrapporten tillgänglig för alla anbudsgivare, så "
            "att Leverantörens försprång i möjligaste mån neutraliseras.",
            "met",
        ),
        (
            "en",
            "The Council will, to the extent possible, make the final report "
            "available to all tenderers.",
            "partial",
        ),
        (
            "da",
            "Hvis Kommunen efter projektet beslutter at anskaffe en løsning, vil "
            "Kommunen i det omfang, det er muligt, stille relevante oplysninger til "
            "rådighed for andre interesserede leverandører.",
            "partial",
        ),
    ],
)
def test_equal_access_promised_only_as_far_as_possible_is_partial(
    tmp_path: Path, language: str, body: str, expected: str
) -> None:
    assert status(run_in(tmp_path, language, body), "procurement_access") == expected


def test_negated_exclusion_is_met(tmp_path: Path) -> None:
    report = run(
        tmp_path, "Ingen part ska uteslutas från en efterföljande upphandling."
    )
    assert status(report, "procurement_access") == "met"


def test_exclusion_of_a_participant_is_a_conflict(tmp_path: Path) -> None:
    report = run(
        tmp_path, "Leverantören ska uteslutas från den efterföljande upphandlingen."
    )
    finding = report.finding("procurement_access")
    assert finding.status == "conflict"
    assert finding.evidence[0].text.startswith("Leverantören ska uteslutas")


def test_negated_participation_is_a_conflict(tmp_path: Path) -> None:
    report = run(
        tmp_path, "Leverantören får inte lämna anbud i en kommande upphandling."
    )
    assert status(report, "procurement_access") == "conflict"


def test_exception_after_no_exclusion_is_a_conflict(tmp_path: Path) -> None:
    report = run(
        tmp_path,
        "Ingen part utesluts från upphandlingen, med undantag för Leverantören, som "
        "inte får lämna anbud i upphandlingen.",
    )
    assert status(report, "procurement_access") == "conflict"


@pytest.mark.parametrize(
    "sentence",
    [
        "Leverantören ska inte ha rätt att lämna anbud i den upphandlingen.",
        "Kommunen har rätt, men inte skyldighet, att avropa fler enheter från "
        "Leverantören utan föregående annonsering.",
        "Vid utvärderingen ska en anbudsgivare som har deltagit i samarbetet "
        "tillgodoräknas ett avdrag om 15 procent på anbudspriset.",
        "Kommunen ska inte använda något annat system än Leverantörens, och "
        "Leverantören ska ha ensamrätt att leverera systemet i tre år.",
    ],
)
def test_hidden_forms_of_exclusion_and_preference_are_conflicts(
    tmp_path: Path, sentence: str
) -> None:
    assert status(run(tmp_path, sentence), "procurement_access") == "conflict"


@pytest.mark.parametrize(
    "sentence",
    [
        "Om två anbud har samma poäng ska anbudet från Leverantören ges företräde.",
        "Leverantören ska anses uppfylla samtliga kvalificeringskrav i upphandlingen.",
        "Leverantören ska ta del av utvärderingskriterierna tre månader innan "
        "upphandlingen annonseras.",
        "Leverantören förbinder sig att inte lämna anbud i Kommunens upphandling.",
    ],
)
def test_preference_in_the_tender_itself_is_a_conflict(
    tmp_path: Path, sentence: str
) -> None:
    assert status(run(tmp_path, sentence), "procurement_access") == "conflict"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # withheld information, a verb-second negation
        (
            "Kommunen får inte lämna ut dessa uppgifter till andra leverantörer, "
            "varken under avtalstiden eller därefter.",
            "conflict",
        ),
        # exclusivity as 'no other supplier than', negated or not
        (
            "Kommunen åtar sig att under tre år inte anskaffa larm från någon annan "
            "leverantör än Leverantören.",
            "conflict",
        ),
        # the authority bound to buy from the participant when the project ends
        (
            "När projektet avslutas ska Kommunen fortsätta att använda systemet "
            "genom att teckna ett abonnemang hos Leverantören enligt dess prislista.",
            "conflict",
        ),
        (
            "När projektet avslutas ska Kommunen köpa systemet genom en öppen "
            "upphandling där alla leverantörer får lämna anbud.",
            "met",
        ),
        # the participant approves the tender's requirements
        (
            "Leverantören ska delta i framtagandet av kravspecifikationen, och de "
            "tekniska kraven får inte annonseras förrän Leverantören har godkänt dem.",
            "conflict",
        ),
        # allowed only as a subcontractor
        (
            "Leverantören ska i upphandlingen endast få delta som underleverantör "
            "till en annan anbudsgivare och inte lämna eget anbud.",
            "conflict",
        ),
        # a qualification requirement only the participant can meet
        (
            "Som kvalificeringskrav ska gälla att anbudsgivaren har tolv månaders "
            "drifterfarenhet av läcksökning i Kommunens ledningsnät.",
            "conflict",
        ),
    ],
)
def test_a_participant_favoured_in_any_word_order_is_a_conflict(
    tmp_path: Path, sentence: str, expected: str
) -> None:
    assert status(run(tmp_path, sentence), "procurement_access") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Council shall not disclose the test results to other suppliers "
            "before the contract is awarded.",
            "conflict",
        ),
        (
            "After the pilot the Council will continue to use the platform by "
            "taking out a subscription under the Company's price list.",
            "conflict",
        ),
        (
            "The technical specification shall not be published until the Company "
            "has approved it.",
            "conflict",
        ),
        (
            "In that tender the Company may take part only as a subcontractor to "
            "another tenderer.",
            "conflict",
        ),
        (
            "After the pilot the Council may buy a platform through an open "
            "procurement in which every supplier may tender.",
            "met",
        ),
    ],
)
def test_english_forms_of_favouring_a_participant(
    tmp_path: Path, sentence: str, expected: str
) -> None:
    assert status(run_council(tmp_path, sentence), "procurement_access") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Upon successful completion of the pilot, the City will recognise the Company "
        "as the vendor of record for wayfinding software for five years.",
        "The Council will share the draft specification and evaluation criteria with "
        "the Company for comment 60 days before they are published to other "
        "suppliers.",
        "Within quality, 20 of the 60 marks will be awarded for demonstrated "
        "operation of the tendered method on the Council's own network.",
        "The Company's project manager shall sit on the evaluation panel that scores "
        "the tenders in the later procurement.",
    ],
)
def test_english_advantages_in_the_later_tender_are_conflicts(
    tmp_path: Path, sentence: str
) -> None:
    assert status(run_council(tmp_path, sentence), "procurement_access") == "conflict"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Som følge af deltagelsen anses Leverandøren i det efterfølgende udbud for "
            "at opfylde alle krav til teknisk formåen og skal ikke fremlægge "
            "referencer.",
            "conflict",
        ),
        (
            "I det efterfølgende udbud indgår Leverandørens projektleder som medlem af "
            "Regionens evalueringsudvalg.",
            "conflict",
        ),
        (
            "Leverandøren får adgang til udkastet til udbudsmaterialet, herunder "
            "kravspecifikationen, 30 dage før udbudsbekendtgørelsen offentliggøres.",
            "conflict",
        ),
        (
            "Leverandøren har ret til, inden tildeling sker, at få oplyst den "
            "laveste pris og at opnå kontrakten, hvis Leverandøren tilbyder samme "
            "eller en lavere pris.",
            "conflict",
        ),
        # the committee kept clear of the participant: no conflict, nothing settled
        (
            "Leverandørens medarbejdere indgår ikke i Regionens evalueringsudvalg i "
            "det efterfølgende udbud.",
            "missing",
        ),
    ],
)
def test_danish_advantages_in_the_later_tender(
    tmp_path: Path, sentence: str, expected: str
) -> None:
    report = run_da(
        tmp_path,
        "Aftale mellem Region Nord (Regionen) og Robo A/S (Leverandøren).\n\n"
        + sentence
        + "\n",
    )
    assert status(report, "procurement_access") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Den efterföljande upphandlingen riktas till de leverantörer som har "
        "deltagit i detta innovationssamarbete.",
        "Om en annan anbudsgivare lämnar ett lägre pris ska Leverantören beredas "
        "tillfälle att justera sitt anbudspris innan tilldelningsbeslut fattas.",
        "När testperioden har avslutats övergår lösningen till ordinarie drift genom "
        "att Kommunen tecknar ett serviceavtal med Leverantören.",
        "Kommunen ska som kvalificeringskrav ställa att anbudsgivaren har tolv "
        "månaders dokumenterad drift av systemet i Sjöviks kommun.",
    ],
)
def test_a_tender_reserved_or_a_last_look_for_the_participant_is_a_conflict(
    tmp_path: Path, sentence: str
) -> None:
    assert status(run(tmp_path, sentence), "procurement_access") == "conflict"


@pytest.mark.parametrize(
    "sentence",
    [
        "Eligibility to submit a proposal in response to that Request for Proposals "
        "shall be limited to companies that took part in this pilot.",
        "The Council shall not include the results in any request for tenders or "
        "disclose them to any other provider of monitoring services.",
        "If another tenderer offers a lower price, the Company shall have the right "
        "to match that price before the contract is awarded.",
    ],
)
def test_english_reserved_tenders_and_last_looks_are_conflicts(
    tmp_path: Path, sentence: str
) -> None:
    assert status(run_council(tmp_path, sentence), "procurement_access") == "conflict"


def test_keeping_a_participant_out_of_drafting_the_tender_is_no_exclusion(
    tmp_path: Path,
) -> None:
    body = (
        "Ingen part ska uteslutas från en senare upphandling.\n\n"
        "Den som deltagit i styrgruppen för Leverantörens räkning får inte delta i "
        "att utforma upphandlingsdokumenten."
    )
    assert status(run(tmp_path, body), "procurement_access") == "met"


def test_confidentiality_with_an_exception_for_the_tender_is_no_conflict(
    tmp_path: Path,
) -> None:
    report = run(
        tmp_path,
        "Information som parterna utbyter är konfidentiell, utom sådan information "
        "som behövs för förfrågningsunderlaget i en kommande upphandling.\n\n"
        "Deltagandet hindrar inte någon part från att lämna anbud.",
    )
    assert status(report, "procurement_access") == "met"


def test_first_refusal_is_a_conflict_in_english(tmp_path: Path) -> None:
    body = (
        "This agreement is between the City (the City) and Acme Ltd (the Supplier). "
        "The City and the Supplier shall cooperate.\n\n"
        "The Supplier shall have a right of first refusal to supply the solution."
    )
    assert run_en(tmp_path, body).finding("procurement_access").status == "conflict"


def test_deferred_ownership_is_partial(tmp_path: Path) -> None:
    report = run(
        tmp_path, "Äganderätten till resultaten ska regleras i ett separat avtal."
    )
    assert status(report, "result_ownership") == "partial"


@pytest.mark.parametrize(
    ("language", "body"),
    [
        (
            "sv",
            "Parterna har vid avtalets ingående inte enats om hur äganderätten till "
            "Resultaten ska fördelas.",
        ),
        (
            "sv",
            "Parterna ska i god tid före Projektets slut komma överens om "
            "äganderätt och nyttjanderätt till Resultaten.",
        ),
        ("da", "Parterne har endnu ikke enedes om ejerskabet til Projektresultaterne."),
    ],
)
def test_ownership_not_agreed_at_signing_is_partial(
    tmp_path: Path, language: str, body: str
) -> None:
    assert status(run_in(tmp_path, language, body), "result_ownership") == "partial"


@pytest.mark.parametrize(
    "body",
    [
        "Leverantören behåller äganderätten till den befintliga plattformen och "
        "dess programkod.",
        "Vem som äger resultaten bestämmer vi i ett separat avtal.",
        "Parterna har ännu inte enats om äganderätten till de resultat som tas fram.",
    ],
)
def test_background_ip_alone_or_a_deferral_is_partial(
    tmp_path: Path, body: str
) -> None:
    assert status(run(tmp_path, body), "result_ownership") == "partial"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Äganderätten till projektets resultat ska överenskommas mellan parterna "
            "innan testperioden avslutas.",
            "partial",
        ),
        (
            "Frågan om vem som ska äga resultaten lämnas öppen tills vidare.",
            "partial",
        ),
        (
            "Äganderätten till resultaten är ännu inte fastställd; parterna har inte "
            "kunnat enas om den.",
            "partial",
        ),
        # The deferral sits in a clause of its own: ownership is settled.
        (
            "Kommunen äger resultaten; villkoren för Leverantörens licens regleras "
            "i ett separat avtal.",
            "met",
        ),
    ],
)
def test_a_clause_that_leaves_ownership_for_later_settles_nothing(
    tmp_path: Path, body: str, expected: str
) -> None:
    assert status(run(tmp_path, body), "result_ownership") == expected


@pytest.mark.parametrize(
    ("body", "requirement", "expected"),
    [
        (
            "5.1 Ownership of the learning modules, usage data and any other results "
            "of the trial will be decided by the Steering Committee at a later date.",
            "result_ownership",
            "partial",
        ),
        (
            "Key performance indicators will be agreed by the steering group within "
            "three months of the start of the Pilot.",
            "added_value",
            "partial",
        ),
        (
            "The Council will own the results; the terms of the Company's "
            "licence will be agreed later.",
            "result_ownership",
            "met",
        ),
    ],
)
def test_english_deferrals_settle_nothing(
    tmp_path: Path, body: str, requirement: str, expected: str
) -> None:
    assert status(run_council(tmp_path, body), requirement) == expected


def test_danish_deferral_settles_nothing(tmp_path: Path) -> None:
    report = run_da(
        tmp_path,
        "Aftale mellem Vejle Kommune (Kommunen) og Varme A/S (Leverandøren).\n\n"
        "Ejerskabet til projektets resultater aftales på et senere tidspunkt "
        "mellem parterne, og parterne er endnu ikke enige om fordelingen.\n",
    )
    assert status(report, "result_ownership") == "partial"


@pytest.mark.parametrize(
    ("language", "body", "requirement"),
    [
        (
            "sv",
            "Ansvarsfördelningen beskrivs i en genomförandeplan som ska tas fram "
            "under våren.",
            "role_allocation",
        ),
        (
            "sv",
            # The clause break "och Leverantören ska" holds the deferring "ska".
            "Kommunen och Leverantören ska senare enas om ansvarsfördelningen.",
            "role_allocation",
        ),
        (
            "sv",
            "Frågan om rättigheter till mjukvaran återkommer parterna till efter "
            "testperioden.",
            "result_ownership",
        ),
        (
            "en",
            "The division of work between the Council and the Company will be set "
            "out in a delivery plan.",
            "role_allocation",
        ),
        (
            "en",
            "Title to the software developed in the trial is to be dealt with in "
            "the main contract.",
            "result_ownership",
        ),
        (
            "da",
            "Kommunen og Leverandøren vil i den kommende tid afklare fordelingen af "
            "opgaver.",
            "role_allocation",
        ),
        ("da", "Rettighederne til softwaren aftales særskilt.", "result_ownership"),
    ],
)
def test_a_subject_left_for_later_is_partial(
    tmp_path: Path, language: str, body: str, requirement: str
) -> None:
    """No cue of the requirement, only its subject named in a deferring clause:
    mentioned but not resolved."""
    report = run_in(tmp_path, language, body)
    assert status(report, requirement) == "partial"


def test_a_deferral_without_the_subject_says_nothing_of_it(tmp_path: Path) -> None:
    report = run(
        tmp_path,
        "Projektets erfarenheter ska redovisas i en slutrapport som tas fram efter "
        "testperioden.",
    )
    assert status(report, "result_ownership") == "missing"
    assert status(report, "role_allocation") == "missing"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Leverantören äger den programvara för kartvyn som Leverantören utvecklar. "
            "Parterna har ännu inte enats om äganderätten till de resultat som tas "
            "fram inom samarbetet.",
            "partial",
        ),
        (
            # The results as such are settled; only the licence terms wait.
            "Kommunen äger samtliga resultat som tas fram i projektet. Villkoren "
            "för Leverantörens rätt att använda resultaten avtalas senare.",
            "met",
        ),
    ],
)
def test_results_left_open_beside_one_settled_thing_are_partial(
    tmp_path: Path, body: str, expected: str
) -> None:
    assert status(run(tmp_path, body), "result_ownership") == expected


def test_an_undertaking_on_the_later_tender_allocates_no_project_role(
    tmp_path: Path,
) -> None:
    report = run(
        tmp_path,
        "Leverantörens deltagande utesluter inte Leverantören från att lämna anbud "
        "i en senare upphandling, och Kommunen åtar sig att då göra slutrapporten "
        "tillgänglig för alla anbudsgivare.",
    )
    assert status(report, "procurement_access") == "met"
    assert status(report, "role_allocation") == "missing"


def test_role_evidence_speaks_of_each_party_and_skips_lead_ins(
    tmp_path: Path,
) -> None:
    report = run(
        tmp_path,
        "4. Roller och ansvar\n\nKommunen ansvarar för att:\n\n"
        "- tillhandahålla tre boenden som testmiljö;\n\n"
        "- rekrytera 40 brukare till testet.\n\n"
        "Kommunen ansvarar för projektledningen och utser en projektledare.\n\n"
        "Kommunen står för kostnaderna för sin egen personal.\n\n"
        "Leverantören ansvarar för utveckling och installation av larmen.",
    )
    finding = report.finding("role_allocation")
    assert finding.status == "met"
    texts = [e.text for e in finding.evidence]
    assert any(t.startswith("Leverantören") for t in texts)
    assert any("Kommunen" in t for t in texts)
    assert not any(t.rstrip().endswith(":") for t in texts)


def test_a_scrap_under_a_lead_in_is_no_task(tmp_path: Path) -> None:
    """A list item with no words of its own ("- och -", "- and -" between the
    parties of a preamble) takes no task from the line above it."""
    report = run(
        tmp_path,
        "Kommunen och Leverantören, nedan gemensamt Parterna\n\n- och -\n\n"
        "- samt -\n\n3.1 Piloten kommer att testa larmen i två boenden.",
    )
    finding = report.finding("role_allocation")
    assert finding.status != "met"
    assert all(len(e.text.strip()) > 9 for e in finding.evidence)


@pytest.mark.parametrize(
    ("language", "body"),
    [
        (
            "sv",
            "5.1 Leverantören åtar sig att:\n\n"
            "a) installera sex mätstationer i de skolrestauranger som Kommunen "
            "anvisar;\n\nb) utbilda Kommunens kökspersonal i att använda "
            "stationerna.",
        ),
        (
            "en",
            "2.1 The Company shall:\n\n"
            "(a) integrate its software with the Council's case management "
            "system;\n\n(b) train the Council's staff in using the software.",
        ),
    ],
)
def test_list_items_under_one_party_allocate_only_that_partys_role(
    tmp_path: Path, language: str, body: str
) -> None:
    """A list item's duty is its lead-in party's, whoever else it names: the
    other party is only what the work is done for (partial). Once the other
    party has a duty of its own, the roles are allocated (met)."""
    report = run_in(tmp_path, language, body)
    assert status(report, "role_allocation") == "partial"
    other = {
        "sv": "\n\n5.2 Kommunen tillhandahåller lokaler och testdata för piloten.",
        "en": "\n\n2.2 The Council shall provide premises and test data for the pilot.",
    }[language]
    report = run_in(tmp_path, language, body + other)
    assert status(report, "role_allocation") == "met"


@pytest.mark.parametrize(
    ("language", "deferral", "expected"),
    [
        (
            "sv",
            "Parternas respektive åtaganden, inklusive vem som står för installation "
            "och drift, ska regleras i ett separat genomförandeavtal.",
            "partial",
        ),
        (
            "en",
            "The detailed allocation of tasks and resources between the parties "
            "will be set out in a Project Initiation Document to be approved after "
            "signature.",
            "partial",
        ),
        (
            "da",
            "Parternes respektive opgaver fastlægges i en projektplan, som parterne "
            "udarbejder efter aftalens indgåelse.",
            "partial",
        ),
        # a deferral of another matter leaves the roles settled
        (
            "sv",
            "Ansvaret för skador på utrustningen regleras i ett separat avtal.",
            "met",
        ),
        (
            "sv",
            "Om avtalet och bilagorna innehåller motstridiga uppgifter gäller "
            "bilagorna i frågor som särskilt regleras i bilagan.",
            "met",
        ),
    ],
)
def test_the_duties_left_for_later_as_a_whole_leave_the_roles_partial(
    tmp_path: Path, language: str, deferral: str, expected: str
) -> None:
    """Scattered duties of both parties beside a deferral of what the parties
    are to do as a whole: the roles are not yet allocated."""
    duties = {
        "sv": "Kommunen ansvarar för belysningspunkterna i centrum. "
        "Leverantören ansvarar för att sensorerna är säkra.",
        "en": "The Council shall provide the housing stock data. "
        "The Company shall provide the heat pump controllers.",
        "da": "Kommunen stiller lokaler til rådighed. Leverandøren leverer sensorerne.",
    }[language]
    report = run_in(tmp_path, language, f"{duties}\n\n{deferral}")
    assert status(report, "role_allocation") == expected


def test_a_list_takes_its_parties_from_the_sentence_that_leads_into_it(
    tmp_path: Path,
) -> None:
    """The parties named in a sentence before the lead-in ("... skapa värde för
    Kommunen och Leverantören. Följande effektmål gäller:") take no task from the
    list; those the lead-in itself names do."""
    targets = (
        "a) Andelen återinskrivningar ska minska från 38 till 25 procent.\n\n"
        "b) Antalet vårddagar ska minska med minst 20 procent."
    )
    body = (
        "Samarbetet ska skapa värde för Kommunen och för Leverantören. "
        f"Följande effektmål gäller:\n\n{targets}"
    )
    assert status(run(tmp_path, body), "role_allocation") == "missing"
    tasks = (
        "Samarbetet ska skapa värde för brukarna. Kommunen åtar sig att:\n\n"
        "a) tillhandahålla testmiljön;\n\nb) utse en projektledare.\n\n"
        "Leverantören åtar sig att:\n\na) utveckla lösningen."
    )
    assert status(run(tmp_path, tasks), "role_allocation") == "met"


def test_intellectual_property_of_a_party_in_a_definition_is_no_owner(
    tmp_path: Path,
) -> None:
    """'the intellectual property of either party' in the definitions says
    nobody owns the results: with ownership left for later it is partial."""
    body = (
        'In this Agreement: "Results" means all software, reports and other '
        'outputs produced in the Project; "Background IP" means the intellectual '
        "property of either party existing before the start of the Project.\n\n"
        "The ownership of the Results shall be agreed between the parties in "
        "writing before the end of the Project."
    )
    assert status(run_council(tmp_path, body), "result_ownership") == "partial"


def test_rights_a_party_held_before_the_project_are_background_ip(
    tmp_path: Path,
) -> None:
    report = run(
        tmp_path,
        "Var och en av Parterna behåller de rättigheter som Parten hade före "
        "Projektet.",
    )
    assert status(report, "result_ownership") == "partial"


def test_pre_existing_wording_outside_ownership_is_not_background_ip(
    tmp_path: Path,
) -> None:
    body = (
        "Part är befriad från påföljd om hindret inte kunde förutses vid avtalets "
        "ingående."
    )
    assert status(run(tmp_path, body), "result_ownership") == "missing"


def test_two_owners_of_all_results_conflict(tmp_path: Path) -> None:
    report = run(
        tmp_path,
        "Varje part äger de resultat som parten själv tar fram.\n\n"
        "Samtliga resultat som tas fram i projektet tillfaller Kommunen.",
    )
    assert status(report, "result_ownership") == "conflict"
    assert len(report.finding("result_ownership").evidence) == 2


def test_roles_of_two_named_parties_are_met_and_of_one_partial(tmp_path: Path) -> None:
    both = run(
        tmp_path,
        "Kommunen ansvarar för testmiljön.\n\nLeverantören ansvarar för utvecklingen.",
    )
    assert status(both, "role_allocation") == "met"
    one = run(tmp_path, "Kommunen ansvarar för testmiljön och för projektledningen.")
    assert status(one, "role_allocation") == "partial"


def test_two_project_leads_conflict(tmp_path: Path) -> None:
    report = run(
        tmp_path,
        "Kommunen är projektledare och ansvarar för testmiljön.\n\n"
        "Leverantören är projektledare och ansvarar för utvecklingen.",
    )
    assert status(report, "role_allocation") == "conflict"


def test_a_named_result_made_in_the_project_given_to_another_owner_conflicts(
    tmp_path: Path,
) -> None:
    report = run(
        tmp_path,
        "Äganderätten till Resultat tillkommer uteslutande Kommunen.\n\n"
        "Den materialinventering som upprättas inom Projektet tillhör Leverantören, "
        "som äger samtliga rättigheter till den.",
    )
    assert status(report, "result_ownership") == "conflict"


def test_a_licence_to_results_owned_by_others_is_no_second_owner(
    tmp_path: Path,
) -> None:
    report = run(
        tmp_path,
        "Varje part äger de resultat som parten själv tar fram.\n\n"
        "Kommunen har en icke-exklusiv rätt att använda samtliga resultat, även de "
        "som ägs av andra parter.",
    )
    assert status(report, "result_ownership") == "met"


def test_the_same_named_things_owned_by_two_parties_conflict(tmp_path: Path) -> None:
    report = run(
        tmp_path,
        "De bildsymboler och kommunikationskartor som tas fram inom samarbetet är "
        "Kommunens egendom.\n\nLeverantören äger alla bildsymboler som tas fram "
        "inom samarbetet och får sälja dem till andra kunder.",
    )
    assert status(report, "result_ownership") == "conflict"


def test_a_compound_naming_part_of_what_another_owner_holds_conflicts(
    tmp_path: Path,
) -> None:
    """'läckagemodellerna' are among the 'modeller' given to the other party."""
    conflict = run(
        tmp_path,
        "Samtliga Resultat i form av programvara, algoritmer och modeller tillfaller "
        "Leverantören.\n\nBilaga 2\n\nÄganderätten till de kalibrerade "
        "läckagemodellerna från AP3 tillfaller Kommunen.",
    )
    assert status(conflict, "result_ownership") == "conflict"
    apart = run(
        tmp_path,
        "Samtliga Resultat i form av programvara och algoritmer tillfaller "
        "Leverantören.\n\nBilaga 2\n\nÄganderätten till de insamlade "
        "mätdata från AP3 tillfaller Kommunen.",
    )
    assert status(apart, "result_ownership") == "met"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Samfällda resultat ägs av parterna gemensamt med lika andelar.\n\n"
            "Bilaga 1\n\nAndelarna i samfällda resultat ska motsvara parternas "
            "bidrag, det vill säga 30 % för Kommunen och 70 % för Leverantören.",
            "conflict",
        ),
        (
            "Resultat som parterna tar fram tillsammans ägs av parterna gemensamt med "
            "lika andelar.\n\nPatentansökan avseende gemensamma Resultat ges in i "
            "Leverantörens namn, och Leverantören blir ensam innehavare av patentet.",
            "conflict",
        ),
        # equal shares restated in figures; a patent on the supplier's own results
        (
            "Samfällda resultat ägs av parterna gemensamt med lika andelar.\n\n"
            "Andelarna är 50 % för Kommunen och 50 % för Leverantören.",
            "met",
        ),
        (
            "Resultat som parterna tar fram tillsammans ägs av parterna gemensamt med "
            "lika andelar.\n\nLeverantören får söka patent i eget namn på de "
            "resultat som Leverantören ensam tar fram.",
            "met",
        ),
    ],
)
def test_joint_results_taken_by_one_party_or_shared_unequally_conflict(
    tmp_path: Path, body: str, expected: str
) -> None:
    assert status(run(tmp_path, body), "result_ownership") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Resultat som Parterna tar fram gemensamt ägs gemensamt av Parterna.\n\n"
            "Till Leverantörens bakgrundsinformation räknas även förbättringar av "
            "plattformen som tas fram under projektet, och dessa tillhör "
            "Leverantören.",
            "conflict",
        ),
        # background IP that stays background, beside joint results
        (
            "Resultat som Parterna tar fram gemensamt ägs gemensamt av Parterna.\n\n"
            "Leverantörens bakgrundsinformation, plattformen som den såg ut vid "
            "avtalets ingående, tillhör Leverantören.",
            "met",
        ),
    ],
)
def test_background_ip_that_takes_in_project_results_conflicts(
    tmp_path: Path, body: str, expected: str
) -> None:
    assert status(run(tmp_path, body), "result_ownership") == expected


def test_an_english_background_clause_assigning_project_work_conflicts(
    tmp_path: Path,
) -> None:
    text = (
        "Agreement between Northfield City Council (the Council) and Tegwen Ltd "
        "(Tegwen).\n\n6.1 Tegwen owns the control software it develops in the "
        "Project.\n\n6.4 All improvements of Tegwen's Background IP made during "
        "the Project, including the control software developed in the Project, are "
        "hereby assigned to the Council with full title guarantee.\n"
    )
    assert status(run_en(tmp_path, text), "result_ownership") == "conflict"


def test_a_right_to_use_all_results_is_no_ownership(tmp_path: Path) -> None:
    body = (
        "This agreement is between the City (the City) and Acme Ltd (the Supplier)."
        "\n\nEach Party owns the results it generates.\n\nThe City receives a "
        "free, non-exclusive and perpetual right to use all results for its own "
        "operations."
    )
    assert run_en(tmp_path, body).finding("result_ownership").status == "met"


def test_an_ownership_statement_outside_the_results_clause_still_conflicts(
    tmp_path: Path,
) -> None:
    body = (
        "Metoden för sortering som vi tar fram i projektet ägs av Kommunen.\n\n"
        "Eftersom Leverantören äger sorteringsmetoden får Kommunen bara publicera en "
        "beskrivning av metoden med Leverantörens godkännande."
    )
    assert status(run(tmp_path, body), "result_ownership") == "conflict"


def test_a_right_to_audit_and_two_recitals_are_no_ownership_conflict(
    tmp_path: Path,
) -> None:
    body = (
        "Samtliga resultat som tas fram i projektet tillfaller Kommunen.\n\n"
        "För att kontrollera att Leverantören fullgör sina åtaganden äger Kommunen "
        "rätt att granska Leverantörens verksamhet."
    )
    assert status(run(tmp_path, body), "result_ownership") == "met"


def test_joint_owners_named_differently_conflict(tmp_path: Path) -> None:
    body = (
        "This agreement is between the City (the City), Acme Ltd (Acme) and Beta Ltd "
        "(Beta).\n\nThe jointly developed foreground, including the interface, shall "
        "be jointly owned by Acme and Beta in equal shares.\n\nThe jointly developed "
        "foreground, including the interface, shall be jointly owned by the City and "
        "Acme in equal shares."
    )
    assert run_en(tmp_path, body).finding("result_ownership").status == "conflict"


def test_mirror_duties_and_each_partys_own_kind_are_no_conflict(
    tmp_path: Path,
) -> None:
    body = (
        "This agreement is between Dialog Ltd (DIALOG) and Energous Ltd (ENERGOUS)."
        "\n\nDIALOG will provide ENERGOUS with notice of any change of control "
        "within ten days after the closing thereof.\n\nENERGOUS will provide DIALOG "
        "with notice of any change of control within ten days after the closing "
        "thereof.\n\nENERGOUS retains all right, title and interest in the ENERGOUS "
        "Product IP and the ENERGOUS Marks.\n\nDIALOG retains all right, title and "
        "interest in the DIALOG Marks and the DIALOG Product IP."
    )
    report = run_en(tmp_path, body)
    assert report.finding("role_allocation").status != "conflict"
    assert report.finding("result_ownership").status != "conflict"


def test_the_same_task_given_to_two_parties_conflicts(tmp_path: Path) -> None:
    body = (
        "Kommunen ansvarar för och bekostar den tillfälliga elanslutningen till "
        "byggarbetsplatsen, inklusive effektabonnemang.\n\n"
        "Leverantören ansvarar för och bekostar den tillfälliga elanslutningen till "
        "byggarbetsplatsen inklusive effektabonnemang."
    )
    assert status(run(tmp_path, body), "role_allocation") == "conflict"
    different = (
        "Kommunen ansvarar för den tillfälliga elanslutningen till "
        "byggarbetsplatsen.\n\nLeverantören ansvarar för installation av "
        "laddutrustning och utbildning av maskinförarna."
    )
    assert status(run(tmp_path, different), "role_allocation") == "met"


def test_a_task_denied_to_the_party_it_is_given_to_conflicts(tmp_path: Path) -> None:
    body = (
        "Kommunen ansvarar för geotekniska undersökningar och markarbeten på "
        "deponin.\n\nLeverantören ansvarar för montering av solcellerna.\n\n"
        "Kommunen åtar sig inga markarbeten inom projektet."
    )
    report = run(tmp_path, body)
    assert status(report, "role_allocation") == "conflict"
    texts = [e.text for e in report.finding("role_allocation").evidence]
    assert any("åtar sig inga markarbeten" in t for t in texts)


def test_a_non_exclusive_licence_is_not_exclusivity(tmp_path: Path) -> None:
    report = run(
        tmp_path,
        "Ingen part ska uteslutas från en efterföljande upphandling.\n\n"
        "Kommunen får en icke-exklusiv licens till resultaten för att ta fram "
        "förfrågningsunderlaget i upphandlingen.",
    )
    assert status(report, "procurement_access") == "met"


def test_parties_named_by_legal_form_and_we_call_it(tmp_path: Path) -> None:
    body = (
        'Hässleby Municipality. In this agreement we call it "the Municipality".\n\n'
        "Konetark OÜ, registry code 14758236.\n\n"
        "Konetark will adapt the engine and train the staff.\n\n"
        "The Municipality will provide test users and a test environment.\n\n"
        "All results of the project, including the adapted speech recognition "
        "engine, the vocabulary lists and any improvements to the app, belong to "
        "Konetark.\n\n"
        "The transcripts made by the Municipality's staff during the project are "
        "owned by the Municipality."
    )
    report = run_en(tmp_path, body)
    assert report.finding("role_allocation").status == "met"
    assert report.finding("result_ownership").status == "conflict"


def test_a_pipe_table_and_lists_under_a_party_lead_in_allocate_roles(
    tmp_path: Path,
) -> None:
    table = (
        "Uppgift | Ansvarig\n\nProjektledning och styrgrupp | Kommunen\n\n"
        "Utveckling av prognosmodellen | Leverantören"
    )
    assert status(run(tmp_path, table), "role_allocation") == "met"
    lists = (
        "4.1 Kommunen åtar sig att\n\n(a) ställa testmiljön till förfogande;\n\n"
        "(b) utse en projektledare.\n\n4.2 Leverantörens åtaganden\n\n"
        "(a) utveckla och installera sensorerna;\n\n(b) utbilda personalen."
    )
    assert status(run(tmp_path, lists), "role_allocation") == "met"
    one_party = "4.1 Kommunen åtar sig att\n\n(a) ställa testmiljön till förfogande."
    assert status(run(tmp_path, one_party), "role_allocation") == "partial"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "4.1 Kommunen är Koordinator och ansvarar för rapporterna till Vinnova."
            "\n\nLeverantören ansvarar för utvecklingen.\n\n"
            "Leverantören är därför Koordinator och rekvirerar bidraget.",
            "conflict",
        ),
        (
            "Kommunen är byggherre för installationen.\n\nLeverantören ansvarar för "
            "utvecklingen.\n\nLeverantören är byggherre för installationsarbetet.",
            "conflict",
        ),
        # an independent controller for its own data, and two different roles
        (
            "Kommunen ansvarar för testmiljön och är personuppgiftsansvarig.\n\n"
            "Leverantören ansvarar för utvecklingen och är självständigt "
            "personuppgiftsansvarig för sina kunduppgifter.",
            "met",
        ),
        (
            "Kommunen ansvarar för testmiljön och är koordinator.\n\n"
            "Leverantören ansvarar för utvecklingen och är personuppgiftsansvarig.",
            "met",
        ),
    ],
)
def test_a_role_only_one_party_can_hold_given_to_two_conflicts(
    tmp_path: Path, body: str, expected: str
) -> None:
    assert status(run(tmp_path, body), "role_allocation") == expected


@pytest.mark.parametrize(
    "body",
    [
        # each party's own staff, whatever else one of them pays for
        "Kommunen står för kostnaderna för egen personal och för surfplattorna."
        "\n\nLeverantören står för samtliga kostnader för utveckling, utrustning "
        "och egen personal.",
        # a statement about the later tender denies the supplier no task
        "Leverantören ansvarar för att dess personal har sådan utbildning som "
        "arbetet kräver.\n\nKommunen ansvarar för testmiljön.\n\n"
        "Leverantörens deltagande i Projektet ska inte i sig medföra att "
        "Leverantören utesluts från en sådan upphandling.",
    ],
)
def test_own_staff_and_a_word_like_sadan_make_no_role_conflict(
    tmp_path: Path, body: str
) -> None:
    assert status(run(tmp_path, body), "role_allocation") == "met"


@pytest.mark.parametrize(
    "body",
    [
        "Styrgruppens ordförande är Kommunens gatuchef, som leder arbetet.\n\n"
        "Leverantören är ordförande i styrgruppen och leder arbetet.",
        "Samtliga kostnader för sensorer och installation bärs av Leverantören.\n\n"
        "Kommunen ansvarar för testmiljön.\n\n"
        "Sensorer och installation bekostas i sin helhet av Kommunen.",
    ],
)
def test_two_chairs_or_the_same_costs_borne_twice_conflict(
    tmp_path: Path, body: str
) -> None:
    assert status(run(tmp_path, body), "role_allocation") == "conflict"


@pytest.mark.parametrize(
    ("language", "body", "conflicting"),
    [
        # the exclusive provision is a passive that is no responsibility cue
        (
            "sv",
            "3.2 Leverantören ansvarar för all information och kommunikation med "
            "de deltagande hushållen, inklusive rekrytering.\n\n"
            "5.2 All kommunikation med de deltagande hushållen, inklusive "
            "rekrytering, sköts uteslutande av Kommunens områdesvärdar.",
            "5.2 All kommunikation",
        ),
        # a passive after a modal verb ("ska ... driftas av")
        (
            "sv",
            "3.3 Leverantören svarar för drift och övervakning av sensorerna under "
            "testperioden.\n\n"
            "4.1 Av säkerhetsskäl ska sensorerna under testperioden driftas och "
            "övervakas uteslutande av Kommunens IT-enhet.",
            "4.1 Av säkerhetsskäl",
        ),
        # a duty by a modal verb outside the task-verb list ("will select")
        (
            "en",
            "3.1 The Council will select the two trial districts from its metered "
            "areas.\n\n"
            "3.4 The Company will decide, in its sole discretion, which trial "
            "districts are used.",
            "3.4 The Company",
        ),
    ],
)
def test_a_task_one_party_does_exclusively_given_to_the_other_conflicts(
    tmp_path: Path, language: str, body: str, conflicting: str
) -> None:
    finding = run_in(tmp_path, language, body).finding("role_allocation")
    assert finding.status == "conflict"
    assert any(e.text.startswith(conflicting) for e in finding.evidence)


@pytest.mark.parametrize(
    ("language", "body"),
    [
        # two parties as one subject share the duty
        (
            "en",
            "The Council and the Company will trial the sensors in ten schools.\n\n"
            "2.1 The Council will be solely responsible for the sensors in the ten "
            "schools.\n\n2.2 The Company shall provide the analytics software.",
        ),
        # the party the figure is for is no subject ("för Kommunen: ... ska minska")
        (
            "sv",
            "2.1 Kommunen ansvarar ensam för hembesöken.\n\n"
            "2.2 Leverantören tillhandahåller läkemedelsautomaterna.\n\n"
            "För Leverantören ska piloten leda till färre hembesök och resor.",
        ),
    ],
)
def test_a_joint_subject_or_a_beneficiary_takes_no_task_of_its_own(
    tmp_path: Path, language: str, body: str
) -> None:
    assert status(run_in(tmp_path, language, body), "role_allocation") == "met"


@pytest.mark.parametrize("owner", ["Leverantören", "Kommunen"])
def test_a_partys_own_table_row_given_to_another_party_conflicts(
    tmp_path: Path, owner: str
) -> None:
    """A responsibility table with the party in the first column ("SvinnData |
    Testmiljö: ...") against the body text: the same task for another party is
    a conflict, for the same party it is the same allocation."""
    body = (
        "3.1 Kommunen tillhandahåller testmiljön, det vill säga fyra "
        "skolrestauranger med plats, el och nätverk för kärlen.\n\n"
        "3.2 Leverantören utvecklar mätkärlen och analystjänsten.\n\n"
        "Part | Bidrag | Kostnad\n\n"
        f"{owner} | Testmiljö: fyra skolrestauranger med plats, el och nätverk "
        f"för kärlen | Bärs av {owner}"
    )
    expected = "conflict" if owner == "Leverantören" else "met"
    assert status(run(tmp_path, body), "role_allocation") == expected


@pytest.mark.parametrize(
    ("language", "task", "plan", "expected"),
    [
        (
            "sv",
            "3.1 Kommunen tillhandahåller två sjuksköterskor för testerna.",
            "Kommunens personalinsats i form av sjuksköterskor: 0 timmar.",
            "conflict",
        ),
        (
            "sv",
            "3.1 Kommunen tillhandahåller två sjuksköterskor för testerna.",
            "Kommunens personalinsats i form av sjuksköterskor: 0,5 årsarbetare.",
            "met",
        ),
        (
            "sv",
            "3.1 Kommunen tillhandahåller två sjuksköterskor för testerna.",
            "Kommunens kostnad för licenser: 0 kr.",
            "met",
        ),
        (
            "en",
            "3.1 The Council shall provide two nurses for the trial.",
            "Resource plan | Council | nurses | 0 hours",
            "conflict",
        ),
    ],
)
def test_a_contribution_put_at_nothing_denies_the_task(
    tmp_path: Path, language: str, task: str, plan: str, expected: str
) -> None:
    other = {
        "sv": "3.2 Leverantören installerar kamerorna.",
        "en": "3.2 The Company shall install the cameras.",
    }[language]
    report = run_in(tmp_path, language, f"{task}\n\n{other}\n\n{plan}")
    assert status(report, "role_allocation") == expected


@pytest.mark.parametrize(
    ("language", "given", "forbidden", "expected"),
    [
        (
            "en",
            "The Company shall collect and use the route data only for the Pilot.",
            "The Company shall not use the route data to evaluate individual drivers.",
            "met",
        ),
        (
            "en",
            "The Company shall collect and use the route data for the Pilot.",
            "The Company shall not use the route data.",
            "conflict",
        ),
        (
            "sv",
            "Leverantören får samla in och använda ruttdata endast för projektet.",
            "Leverantören får inte använda ruttdata för att bedöma enskilda förare.",
            "met",
        ),
    ],
)
def test_a_use_limited_to_the_project_is_no_task_a_prohibition_denies(
    tmp_path: Path, language: str, given: str, forbidden: str, expected: str
) -> None:
    duties = {
        "sv": "3.1 Kommunen tillhandahåller ruttdata.\n\n"
        "3.2 Leverantören ansvarar för ruttplaneringen.",
        "en": "3.1 The Council shall provide the route data.\n\n"
        "3.2 The Company shall develop the planning software.",
    }[language]
    report = run_in(tmp_path, language, f"{duties}\n\n{given}\n\n{forbidden}")
    assert status(report, "role_allocation") == expected


@pytest.mark.parametrize(
    ("language", "body", "requirement", "expected"),
    [
        (
            "sv",
            "Om Kommunen efter projektet beslutar att införa lösningen ska Kommunen, "
            "innan någon upphandling annonseras, i första hand erbjuda Leverantören "
            "att teckna avtal om leverans.",
            "procurement_access",
            "conflict",
        ),
        (
            "en",
            "Subject to a satisfactory evaluation, the Council intends to extend "
            "the system by placing an order with the Company for further nodes.",
            "procurement_access",
            "conflict",
        ),
        (
            "en",
            "Following a competitive procurement, the Council will place an order "
            "with the Company for further nodes.",
            "procurement_access",
            "not conflict",
        ),
        (
            "en",
            "4.1 The Council shall serve as Project Lead and shall have final "
            "authority over the Pilot.\n\nB.1 The Company shall act as Project "
            "Lead for the Pilot and shall have final authority over the schedule.",
            "role_allocation",
            "conflict",
        ),
        # a licence over the results one party owns is no second owner
        (
            "en",
            "6.2 The Council shall own the transfer protocol and the evaluation "
            "data.\n\n6.3 The Company grants the Council a non-exclusive, "
            "royalty-free licence to use all Pilot Results owned by the Company.",
            "result_ownership",
            "met",
        ),
    ],
)
def test_a_first_offer_an_order_two_project_leads_and_a_licence(
    tmp_path: Path, language: str, body: str, requirement: str, expected: str
) -> None:
    found = status(run_in(tmp_path, language, body), requirement)
    if expected == "not conflict":  # an order after a competitive procurement
        assert found != "conflict"
    else:
        assert found == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # the table gives the same action to both parties: work in parallel
        (
            "Kommunen | att testa lösningen\n\nLeverantören | att testa lösningen",
            "met",
        ),
        # the table gives it to the other party only
        ("Leverantören | att testa lösningen", "conflict"),
    ],
)
def test_the_same_task_listed_for_both_parties_in_a_table_is_parallel_work(
    tmp_path: Path, rows: str, expected: str
) -> None:
    body = (
        "3. Ansvar\n\nKommunen ansvarar för att testa lösningen.\n\n"
        "Leverantören ansvarar för att utveckla larmet.\n\n"
        f"Bilaga 1 Ansvarsfördelning\n\nPart | Ansvar\n\n{rows}"
    )
    assert status(run(tmp_path, body), "role_allocation") == expected


def test_limitation_of_liability_is_not_role_allocation(tmp_path: Path) -> None:
    report = run(
        tmp_path,
        "Ansvarsbegränsning: Leverantören ansvarar för skador upp till 100 000 kr.",
    )
    assert status(report, "role_allocation") == "missing"


def test_vat_is_not_added_value(tmp_path: Path) -> None:
    report = run(tmp_path, "Alla belopp anges exklusive mervärdesskatt.")
    assert status(report, "added_value") == "missing"


def test_measured_goal_is_added_value(tmp_path: Path) -> None:
    report = run(tmp_path, "Samarbetet ska minska antalet fallolyckor med 20 procent.")
    assert status(report, "added_value") == "met"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Antalet fall ska halveras jämfört med nollmätningen hösten 2025.", "met"),
        ("Målet är att metoden ska upptäcka minst 85 procent av nya angrepp.", "met"),
        ("Samarbetet ska bidra till en effektivare arkivhantering.", "partial"),
        (
            "Projektets mål och indikatorer ska preciseras av styrgruppen under "
            "projektets första fas.",
            "partial",
        ),
        ("Brukarna följs ofta inte upp efter hemgång.", "missing"),
        (
            "Målet är att minska uttaget av grundvatten med minst 25 procent.\n\n"
            "Projektet omfattar inte uppföljning av vattenbesparing, och Parterna "
            "har avstått från att fastställa effektmål.",
            "conflict",
        ),
    ],
)
def test_added_value_goals_vague_aims_deferrals_and_denials(
    tmp_path: Path, body: str, expected: str
) -> None:
    assert status(run(tmp_path, body), "added_value") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # reached on other figures than the target's own
        (
            "6.1 Effektmål: antalet akuta besök ska minska med 30 % under "
            "testperioden.\n\nBilaga 1\n\nEffektmålet i 6.1 ska anses uppnått "
            "när appen har förskrivits till 200 patienter.",
            "conflict",
        ),
        (
            "6.1 Effektmål: antalet akuta besök ska minska med 30 % under "
            "testperioden.\n\nBilaga 1\n\nEffektmålet ska anses uppnått när "
            "antalet akuta besök har minskat med minst 30 %.",
            "met",
        ),
        # measured against another baseline year
        (
            "3. Mål\n\nSamarbetet ska minska energianvändningen i testbyggnaderna "
            "med minst 20 % jämfört med förbrukningen under 2025.\n\nBilaga 2\n\n"
            "Som basvärde för energianvändningen i testbyggnaderna ska "
            "förbrukningen år 2018 användas.",
            "conflict",
        ),
        (
            "3. Mål\n\nSamarbetet ska minska energianvändningen i testbyggnaderna "
            "med minst 20 % jämfört med förbrukningen under 2025.\n\nBilaga 2\n\n"
            "Som basvärde för energianvändningen i testbyggnaderna ska "
            "förbrukningen år 2025 användas.",
            "met",
        ),
        # a target whose own figures disagree; shares and years are no counts
        (
            "Samarbetet syftar till att halvera antalet fallolyckor, från 240 till "
            "180 per år.",
            "conflict",
        ),
        (
            "Samarbetet syftar till att halvera antalet fallolyckor, från 240 till "
            "120 per år.",
            "met",
        ),
        (
            "Andelen resor med kollektivtrafik ska öka med 50 % från 40 % till "
            "60 % mellan 2025 och 2027.",
            "met",
        ),
        # the per cent belongs to another indicator
        (
            "Samarbetet ska leda till att antalet resor per fordonstimme ökar från "
            "1,8 till 2,5 och att andelen tomkörda kilometer minskar med 30 procent.",
            "met",
        ),
    ],
)
def test_a_target_redefined_rebased_or_miscounted_is_a_conflict(
    tmp_path: Path, body: str, expected: str
) -> None:
    assert status(run(tmp_path, body), "added_value") == expected


@pytest.mark.parametrize(
    ("language", "body", "expected"),
    [
        (
            "sv",
            "3. Mål\n\nAntalet trycksår bland brukare med diabetes ska minska med "
            "25 procent under testperioden.\n\n5. Omfattning\n\nBrukare med "
            "diabetes ingår inte i testgruppen.",
            "conflict",
        ),
        (
            "sv",
            # Only a part of the population is left out: one ordinary shared word.
            "3. Mål\n\nAntalet trycksår bland brukare med diabetes ska minska med "
            "25 procent under testperioden.\n\n5. Omfattning\n\nBrukare under "
            "18 år ingår inte i testgruppen.",
            "met",
        ),
        (
            "sv",
            # "använda" inside "energianvändningen" is not the same thing.
            "3. Mål\n\nEnergianvändningen i skolorna ska minska med 20 procent.\n\n"
            "7. Resultat\n\nRätten att använda resultaten omfattar inte rätt att "
            "sälja dem vidare.",
            "met",
        ),
        (
            "en",
            "4. Aims\n\nThe pilot aims to cut missed dialysis appointments by 30 % "
            "compared with 2025.\n\n6. Scope\n\nDialysis appointments are not "
            "part of the pilot.",
            "conflict",
        ),
        (
            "da",
            "4. Mål\n\nMålet er at reducere antallet af faldulykker på plejecentrene "
            "med 25 %.\n\n6. Afgrænsning\n\nFaldulykker indgår ikke i projektets "
            "mål.",
            "conflict",
        ),
    ],
)
def test_a_target_on_what_the_project_leaves_out_is_a_conflict(
    tmp_path: Path, language: str, body: str, expected: str
) -> None:
    report = run_in(tmp_path, language, body)
    assert status(report, "added_value") == expected


@pytest.mark.parametrize(
    ("language", "body", "expected"),
    [
        (
            "sv",
            "3. Mål\n\nMålet är att minst 400 brukare ska använda tjänsten och att "
            "antalet larm ska minska med 20 procent.\n\n5. Omfattning\n\n"
            "Testperioden omfattar högst 90 brukare i två hemtjänstområden.",
            "conflict",
        ),
        (
            "sv",
            # the ceiling is on other things (områden), the count is a share
            "3. Mål\n\nMålet är att minst 40 brukare ska använda tjänsten och att "
            "antalet larm ska minska med 20 procent.\n\n5. Omfattning\n\n"
            "Testperioden omfattar högst 2 hemtjänstområden och högst 90 brukare.",
            "met",
        ),
        (
            "en",
            "4. Aims\n\nThe aim is that at least 5,000 residents book a trip "
            "through the app, reducing empty bus kilometres by 15 %.\n\n6. Scope"
            "\n\nThe pilot area has a population of about 3,200 residents.",
            "conflict",
        ),
        (
            "en",
            # per cent is a share, not a count of things
            "4. Aims\n\nThe aim is to reduce empty bus kilometres by at least 10 "
            "per cent.\n\n6. Scope\n\nNo more than 5 per cent of the budget "
            "may be spent on marketing.",
            "met",
        ),
    ],
)
def test_a_target_beyond_what_the_project_allows_is_a_conflict(
    tmp_path: Path, language: str, body: str, expected: str
) -> None:
    report = run_in(tmp_path, language, body)
    assert status(report, "added_value") == expected


@pytest.mark.parametrize(
    ("language", "body", "expected"),
    [
        (
            "sv",
            "3. Mål\n\nAndelen felsorterat avfall i de deltagande områdena ska "
            "minska från 18 % till 10 %. Som utgångsvärde för andelen felsorterat "
            "avfall används plockanalysen 2025, som visade 26 %.",
            "conflict",
        ),
        (
            "sv",
            "3. Mål\n\nAndelen felsorterat avfall i de deltagande områdena ska "
            "minska från 18 % till 10 %. Som utgångsvärde för andelen felsorterat "
            "avfall används plockanalysen 2025, som visade 18 %.",
            "met",
        ),
        (
            "en",
            "4. Aims\n\nThe pilot shall reduce the share of repeat ambulance "
            "call-outs for falls to below 12%. Baseline: at the start of the "
            "pilot, 9% of ambulance call-outs for falls were repeat call-outs.",
            "conflict",
        ),
        (
            "da",
            "4. Mål\n\nMålet er, at ventetiden på genoptræning falder fra 40 dage "
            "til 25 dage. Udgangspunktet er ventetiden på genoptræning i 2025, som "
            "var 31 dage.",
            "conflict",
        ),
        # the baseline figure named in the target itself
        (
            "sv",
            "7 § Effektmål\n\nKostnaden per resa ska minska med minst 30 procent "
            "jämfört med utgångsvärdet 412 kronor per resa.\n\nBilaga 2\n\n"
            "Kostnad per resa: utgångsvärdet är 538 kronor per resa, vilket är "
            "den genomsnittliga kostnaden per resa 2022.",
            "conflict",
        ),
        (
            "sv",
            "7 § Effektmål\n\nKostnaden per resa ska minska med minst 30 procent "
            "jämfört med utgångsvärdet 412 kronor per resa.\n\nBilaga 2\n\n"
            "Kostnad per resa: utgångsvärdet är 412 kronor per resa, vilket är "
            "den genomsnittliga kostnaden per resa 2024.",
            "met",
        ),
        (
            "en",
            "4. Aims\n\nThe pilot shall reduce the average waiting time for home "
            "adaptations by 30% compared with a baseline of 48 days.\n\n"
            "Schedule 2\n\nBaseline: the average waiting time for home "
            "adaptations in 2025 was 61 days.",
            "conflict",
        ),
    ],
)
def test_a_target_that_starts_from_another_baseline_is_a_conflict(
    tmp_path: Path, language: str, body: str, expected: str
) -> None:
    report = run_in(tmp_path, language, body)
    assert status(report, "added_value") == expected


@pytest.mark.parametrize(
    ("language", "body", "requirement", "expected"),
    [
        (
            "sv",
            "Efter projektets slut avser Kommunen att avropa mätare, programvara och "
            "tillhörande support för samtliga skolor i kommunen direkt från "
            "Leverantören.",
            "procurement_access",
            "conflict",
        ),
        (
            "sv",
            "Om målen nås åtar sig Kommunen att teckna ett driftsavtal med "
            "Leverantören för tre år.",
            "procurement_access",
            "conflict",
        ),
        (
            "sv",
            "Leverantören ska ingå personuppgiftsbiträdesavtal med Kommunen före "
            "projektstart.",
            "procurement_access",
            "missing",
        ),
        (
            "en",
            "The Company will not be eligible to submit a tender in the follow-on "
            "procurement.",
            "procurement_access",
            "conflict",
        ),
        (
            "en",
            "After the pilot the Council intends to award the roll-out contract "
            "directly to the Company, without a competitive tendering procedure.",
            "procurement_access",
            "conflict",
        ),
        (
            "en",
            "If the targets are met, the Council undertakes to enter into an "
            "operating agreement with the Company for three years.",
            "procurement_access",
            "conflict",
        ),
        (
            "da",
            "Hvis målene nås, forpligter Kommunen sig til at indgå en driftsaftale "
            "med Leverandøren for fire år.",
            "procurement_access",
            "conflict",
        ),
        (
            "sv",
            "3. Mål\n\nAntalet nattliga tillsynsbesök ska minska med minst 30 "
            "procent.\n\nBilaga 1\n\nEffektmålen i 3 ska anses uppfyllda när "
            "samtliga sensorer har installerats.",
            "added_value",
            "conflict",
        ),
        (
            "sv",
            "3. Mål\n\nMängden vägsalt ska minska med minst 25 procent jämfört med "
            "säsongen 2025/26.\n\nBilaga 1\n\nMinskningen av vägsalt beräknas "
            "mot säsongerna 2017/18–2019/20.",
            "added_value",
            "conflict",
        ),
        (
            "en",
            "4. Aims\n\nThe pilot aims to reduce average waiting time from 40 "
            "minutes to 20 minutes.\n\nSchedule 1\n\nThe pilot will be considered "
            "successful if the average waiting time does not exceed 35 minutes.",
            "added_value",
            "conflict",
        ),
        (
            "da",
            "3. Mål\n\nProjektet har som effektmål at reducere elforbruget med "
            "mindst 20 %.\n\n11. Fortrolighed\n\nAf hensyn til Leverandørens "
            "forretningshemmeligheder må opgørelser af elforbruget hverken "
            "offentliggøres eller videregives.",
            "added_value",
            "conflict",
        ),
    ],
)
def test_later_contracts_promised_and_targets_undone_in_other_words(
    tmp_path: Path, language: str, body: str, requirement: str, expected: str
) -> None:
    report = run_in(tmp_path, language, body)
    assert status(report, requirement) == expected


def test_a_guard_that_an_indicator_shall_not_rise_denies_no_follow_up(
    tmp_path: Path,
) -> None:
    report = run(
        tmp_path,
        "3. Mål\n\nAntalet fallolyckor bland deltagarna ska minska med minst 20 "
        "procent jämfört med 2025.\n\nSjuksköterskornas tid för uppföljning per "
        "patient ska inte öka.",
    )
    assert status(report, "added_value") == "met"


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("sv", "Deltagarnas fallrädsla ska minska med i genomsnitt minst 4 poäng."),
        (
            "en",
            "Residents' loneliness scores shall improve by an average of at least "
            "5 points on the UCLA scale.",
        ),
        ("da", "Borgernes faldangst skal falde med i gennemsnit mindst 4 point."),
    ],
)
def test_a_change_with_a_floor_in_any_unit_is_a_concrete_target(
    tmp_path: Path, language: str, body: str
) -> None:
    report = run_in(tmp_path, language, body)
    assert status(report, "added_value") == "met"


def test_results_split_by_subject_matter_fit_each_party_its_own(
    tmp_path: Path,
) -> None:
    report = run_council(
        tmp_path,
        "6.1 Foreground IP shall be owned by the Party that generated it.\n\n"
        "6.2 Foreground IP relating to the sensor firmware shall belong to the "
        "Company; Foreground IP in care pathways developed by Council staff shall "
        "belong to the Council.",
    )
    assert status(report, "result_ownership") == "met"


def test_confidentiality_that_does_not_apply_to_the_evaluation_denies_nothing(
    tmp_path: Path,
) -> None:
    report = run_da(
        tmp_path,
        "Aftale mellem Vejle Kommune (Kommunen) og Sensa A/S (Leverandøren).\n\n"
        "4.1 Målet er at reducere antallet af natlige tilsyn med mindst 35 %.\n\n"
        "9. Fortrolighed\n\nTavshedspligten gælder ikke evalueringsrapporten, som "
        "Kommunen skal stille til rådighed for alle potentielle tilbudsgivere.\n",
    )
    assert status(report, "added_value") == "met"


def test_a_danish_target_deemed_met_by_installation_is_a_conflict(
    tmp_path: Path,
) -> None:
    report = run_da(
        tmp_path,
        "Aftale mellem Vejle Kommune (Kommunen) og Sensa A/S (Leverandøren).\n\n"
        "4.1 Målet er at reducere antallet af natlige tilsyn med mindst 35 %.\n\n"
        "Bilag 1\n\nMålet i pkt. 4.1 betragtes som opfyldt, når sensorer er "
        "installeret hos alle 40 borgere.\n",
    )
    assert status(report, "added_value") == "conflict"


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (
            "sv",
            "Om Leverantören vinner den upphandling som Kommunen genomför enligt LOU "
            "ska Kommunen teckna ett driftsavtal med Leverantören.",
        ),
        (
            "en",
            "If the Company wins the competitive tender, the Council will enter into "
            "an operating agreement with the Company.",
        ),
        (
            "sv",
            "6.1 Om upphandlingen vinns av Leverantören ska Kommunen, när projektet "
            "avslutas, teckna ett abonnemang hos Leverantören enligt prislistan.",
        ),
    ],
)
def test_a_later_contract_after_a_procurement_named_before_it_is_no_conflict(
    tmp_path: Path, language: str, sentence: str
) -> None:
    """The procurement may stand anywhere in the sentence, also before the
    promise of a contract."""
    assert status(run_in(tmp_path, language, sentence), "procurement_access") != (
        "conflict"
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Under projektet görs inga mätningar av svinnet.", "conflict"),
        # a pause in the measuring, not a denial of it
        ("Under skollov och studiedagar görs inga mätningar av svinnet.", "met"),
    ],
)
def test_no_measurement_during_a_break_denies_no_target(
    tmp_path: Path, sentence: str, expected: str
) -> None:
    body = (
        "3. Effektmål\n\nMatsvinnet i skolrestaurangerna ska minska med minst "
        f"30 procent jämfört med 2024.\n\n6.2 {sentence}"
    )
    assert status(run(tmp_path, body), "added_value") == expected


@pytest.mark.parametrize(
    ("sentence", "denies"),
    [
        (
            "The Parties agree that no assessment of energy savings shall be "
            "undertaken under this Agreement.",
            True,
        ),
        (
            "The City shall not collect or publish data on completion times for the "
            "purpose of assessing the pilot.",
            True,
        ),
        ("Participation confers no preference in the evaluation of tenders.", False),
        ("No measurement of fuel use will take place during the Pilot.", True),
        # 'no' negates the object, personal data, not the measurement
        ("The measurement data shall contain no personal data.", False),
        ("The Council may use the evaluation report without restriction.", False),
        (
            "The results are reported in a final evaluation no later than two months "
            "after the end of the Project.",
            False,
        ),
    ],
)
def test_a_stated_goal_denied_later_is_a_conflict_and_only_then(
    tmp_path: Path, sentence: str, denies: bool
) -> None:
    body = (
        "This agreement is between the City (the City) and Acme Ltd (the Supplier)."
        "\n\nThe Pilot aims to reduce fuel use by at least 20 per cent compared "
        f"with 2024.\n\n{sentence}"
    )
    status_ = run_en(tmp_path, body).finding("added_value").status
    assert status_ == ("conflict" if denies else "met")


@pytest.mark.parametrize(
    "sentence",
    [
        "Kommunen er projektejer og udpeger projektlederen.",
        "Universitetet er ansvarligt for analysen af måledata.",
    ],
)
def test_danish_roles_in_other_forms(tmp_path: Path, sentence: str) -> None:
    body = (
        "Aftale mellem Vejle Kommune (Kommunen), Varme A/S (Leverandøren) og "
        "Syddansk Universitet (Universitetet).\n\n3. Roller og ansvar\n\n"
        f"{sentence}\n\nLeverandøren er ansvarlig for at installere sensorerne.\n"
    )
    assert status(run_da(tmp_path, body), "role_allocation") == "met"


def test_the_package_checks_a_path_or_a_document(tmp_path: Path) -> None:
    """The Python API the README names: checkers.check(path_or_document)."""
    import checkers

    path = tmp_path / "avtal.txt"
    path.write_text(
        PARTIES
        + "Leverantören ska leverera sensorerna. Kommunen ansvarar för testmiljön.",
        encoding="utf-8",
    )
    from_path = checkers.check(path)
    from_document = checkers.check(checkers.read(path))
    assert from_path.finding("role_allocation").status == "met"
    assert (
        from_document.to_dict()["requirements"] == from_path.to_dict()["requirements"]
    )


def test_unreadable_file_gets_no_verdicts(fixtures: Path) -> None:
    report = check(fixtures / "scanned.pdf")
    assert report.status == "error"
    assert report.findings == ()
    assert report.to_dict()["error"]["code"] == "no_text"


def test_every_report_matches_the_published_schema(
    examples: Path, fixtures: Path
) -> None:
    schema_path = default_playbook_path().parent / "report.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    paths = [*sorted(examples.iterdir()), fixtures / "truncated.pdf"]
    for path in paths:
        jsonschema.validate(check(path).to_dict(), schema)


def test_a_playbook_can_add_a_requirement_by_data(tmp_path: Path) -> None:
    book = tmp_path / "playbook.yaml"
    book.write_text(
        default_playbook_path().read_text(encoding="utf-8")
        + """
  - id: confidentiality
    title: {sv: Sekretess, en: Confidentiality}
    suggestions: [confidentiality.general]
    cues:
      sv:
        met: ['\\bsekretess\\b[^.]{0,80}\\boffentlighets- och sekretesslagen']
""",
        encoding="utf-8",
    )
    path = tmp_path / "avtal.txt"
    path.write_text(
        PARTIES + "Sekretess gäller enligt offentlighets- och sekretesslagen.",
        encoding="utf-8",
    )
    report = check(path, playbook=load_playbook(book))
    assert report.finding("confidentiality").status == "met"
    assert len(report.findings) == 5


def test_a_broken_playbook_names_file_and_key(tmp_path: Path) -> None:
    book = tmp_path / "bad.yaml"
    book.write_text(
        "requirements:\n  - id: x\n    title: {en: X}\n    cues: {en: {met: ['(']}}\n",
        encoding="utf-8",
    )
    with pytest.raises(PlaybookError, match=r"bad.yaml: requirements\[0\].cues.en.met"):
        load_playbook(book)


def test_every_pattern_of_the_built_in_playbook_compiles() -> None:
    """The built-in playbook compiles its cues on first use, one language at a
    time; this is where a broken pattern in it would show."""
    playbook = load_playbook()
    compiled = 0
    for requirement in playbook.requirements:
        for language, kinds in requirement.cues.items():
            for kind, raw in kinds.items():
                patterns = requirement.patterns(language, kind)
                assert len(patterns) == len(raw)
                compiled += len(patterns)
    assert compiled > 300


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("AquaSense Agro AB, Arlöv (i det följande ”AquaSense”);", "AquaSense"),
        ("Norrgran Bygg AB (nedan kallad ”Norrgran”)", "Norrgran"),
        ('Konetark OÜ. In this agreement we call it "Konetark".', "Konetark"),
        ("TideSense Ltd (hereinafter referred to as TideSense)", "TideSense"),
        ("Madmåler ApS (i det følgende ”Madmåler”)", "Madmåler"),
    ],
)
def test_party_names_from_definitions_and_legal_forms(text: str, name: str) -> None:
    from checkers.lexicon import lexicon
    from checkers.parties import detect_parties

    lang = "da" if "følgende" in text else "en" if "agreement" in text else "sv"
    if "hereinafter" in text:
        lang = "en"
    found = detect_parties(
        f"{text}\n\n{name} ska leverera. {name} ansvarar.", lexicon(lang)
    )
    assert name in found


def test_a_background_section_describes_and_promises_nothing(tmp_path: Path) -> None:
    body = (
        "1. Bakgrund\n\nKommunen har tidigare genom direktupphandling köpt "
        "trygghetslarm från Leverantören, och brukarna följs inte upp.\n\n"
        "2. Upphandling\n\nIngen part ska uteslutas från en kommande upphandling."
    )
    assert status(run(tmp_path, body), "procurement_access") == "met"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Om Kommunen efter försöket vill köpa lösningen kan en upphandling komma "
            "att genomföras.",
            "partial",
        ),
        (
            "Om Kommunen efter projektet avser att införa tjänsten kan det bli "
            "aktuellt med en upphandling.",
            "partial",
        ),
        # A procurement in the past, told as background, is not the later one.
        (
            "1. Bakgrund\n\nKommunen upphandlade 2022 ett verksamhetssystem för "
            "hemtjänsten.",
            "missing",
        ),
    ],
)
def test_a_later_procurement_named_but_not_provided_for_is_partial(
    tmp_path: Path, body: str, expected: str
) -> None:
    assert status(run(tmp_path, body), "procurement_access") == expected


def test_a_later_purchase_subject_to_procurement_law_is_partial(
    tmp_path: Path,
) -> None:
    report = run_council(
        tmp_path,
        "8.1 The Council may, after the Project, purchase air sensors. Any such "
        "purchase shall comply with applicable public procurement law.",
    )
    assert status(report, "procurement_access") == "partial"


def test_what_the_background_says_the_parties_do_allocates_no_role(
    tmp_path: Path,
) -> None:
    background = (
        "1. Bakgrund\n\nLeverantören tillhandahåller larmtjänster till tolv kommuner. "
        "Kommunen ansvarar för hemtjänsten i fyra distrikt.\n\n"
    )
    described = run(
        tmp_path,
        background + "2. Projektet\n\nKommunen ska tillhandahålla testmiljön.",
    )
    assert status(described, "role_allocation") == "partial"
    allocated = run(
        tmp_path,
        background + "2. Projektet\n\nKommunen ska tillhandahålla testmiljön. "
        "Leverantören ansvarar för utvecklingen av larmet.",
    )
    assert status(allocated, "role_allocation") == "met"


def test_liability_insurance_and_no_party_duties_allocate_no_role(
    tmp_path: Path,
) -> None:
    body = (
        "5. Försäkring\n\nLeverantören ska tillhandahålla ett försäkringsbevis och "
        "ansvarar för att försäkringen gäller under hela projektet.\n\n"
        "6. Genomförande\n\nIngen part ansvarar för den andra partens indirekta "
        "skador. Avtalet innebär inte att Kommunen åtar sig att köpa utrustning.\n"
    )
    assert status(run(tmp_path, body), "role_allocation") == "missing"
    roles = (
        "5. Roller och försäkring\n\nLeverantören ska tillhandahålla sensorerna. "
        "Kommunen ansvarar för testmiljön på två boenden.\n"
    )
    assert status(run(tmp_path, roles), "role_allocation") == "met"


@pytest.mark.parametrize(
    "body",
    [
        "6. Genomförande\n\nIngen part är ansvarig för förseningar som beror på "
        "omständigheter utanför partens kontroll.",
        # who the parties are, and an introduction under a roman numeral
        "PARTER\n\nSjövik kommun, som ansvarar för hemtjänsten i kommunen.\n\n"
        "Larm AB, som utvecklar trygghetslarm.",
        "I. Inledning\n\nKommunen ansvarar för räddningsinsatser i fyra kommuner."
        "\n\nLeverantören tillhandahåller drönare till flera räddningstjänster.",
    ],
)
def test_no_party_duties_and_party_descriptions_allocate_no_role(
    tmp_path: Path, body: str
) -> None:
    assert status(run(tmp_path, body), "role_allocation") == "missing"


EN_PARTIES = (
    "Agreement between Harbour City Council (the Council) and Routewise Ltd "
    "(the Company), together the Parties.\n\n"
)
DA_PARTIES = (
    "Aftale mellem Fjordby Kommune (Kommunen) og Varmetek ApS (Leverandøren), "
    "samlet Parterne.\n\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            PARTIES + "När testperioden har avslutats övergår samarbetet i en "
            "driftfas om tre år, under vilken Leverantören levererar lösningen mot "
            "ersättning.",
            "conflict",
        ),
        (
            PARTIES + "Kommunen har rätt att genom option beställa ytterligare 200 "
            "larm från Leverantören till de priser som anges i Bilaga 2.",
            "conflict",
        ),
        (
            PARTIES + "Leverantörens testresultat får inte lämnas ut till andra "
            "leverantörer före tilldelningen.",
            "conflict",
        ),
        (
            PARTIES + "Leverantören utesluts inte från upphandlingen på grund av "
            "sitt deltagande i projektet.",
            "met",
        ),
        (
            EN_PARTIES + "Completion of the pilot shall constitute the competitive "
            "process for the Council's purchase from the Company, and no further "
            "solicitation will be required.",
            "conflict",
        ),
        (
            EN_PARTIES + "A proponent that has completed the Council's pilot will "
            "receive 10 of the 30 points for experience.",
            "conflict",
        ),
        (
            EN_PARTIES + "The test data shall not be disclosed to anyone, including "
            "any economic operator taking part in a later procurement by the Council.",
            "conflict",
        ),
        (
            EN_PARTIES + "The final report will be published before the Council "
            "advertises the procurement, so that all bidders have the same "
            "information.",
            "met",
        ),
        (
            DA_PARTIES + "Ved evalueringen fratrækkes værdien af Leverandørens "
            "bidrag, opgjort til 200.000 kr., i Leverandørens tilbudte pris.",
            "conflict",
        ),
        (
            DA_PARTIES + "Efter projektet fortsætter aftalen som driftsaftale, "
            "hvorefter Leverandøren leverer løsningen til Kommunen i fire år.",
            "conflict",
        ),
        (
            DA_PARTIES + "Leverandøren udelukkes ikke fra et senere udbud på grund "
            "af sin deltagelse.",
            "met",
        ),
    ],
)
def test_a_tender_shaped_or_skipped_for_a_participant_is_a_conflict(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "agreement.txt"
    path.write_text(text, encoding="utf-8")
    assert status(check(path), "procurement_access") == expected


def test_the_casting_vote_given_twice_conflicts_but_lead_and_chair_may_differ(
    tmp_path: Path,
) -> None:
    twice = run_en(
        tmp_path,
        EN_PARTIES + "4. Governance\n\nThe Steering Group shall be chaired by the "
        "Council's Head of Roads, who shall have a casting vote.\n\n"
        "The Company shall provide the routing software.\n\n"
        "Schedule 1 - Project plan\n\nChair: the Company's Project Director shall "
        "chair the Steering Group and decide where votes are equal.\n",
    )
    assert status(twice, "role_allocation") == "conflict"
    split = run(
        tmp_path,
        "§ 4 Organisation\n\nKommunen är projektledare och kallar till möten.\n\n"
        "Leverantören är ordförande i styrgruppen.\n\n"
        "Leverantören ansvarar för utvecklingen av larmet.\n",
    )
    assert status(split, "role_allocation") == "met"


def test_own_costs_and_a_payment_between_the_parties_conflict_unless_excepted(
    tmp_path: Path,
) -> None:
    roles = (
        "§ 3 Roller\n\nKommunen ansvarar för testmiljön på två boenden.\n\n"
        "Leverantören ansvarar för utvecklingen av larmet.\n\n"
    )
    payment = (
        "§ 8 Ersättning\n\nKommunen betalar Leverantören 180 000 kronor per kvartal "
        "för drift av plattformen.\n"
    )
    contradicted = run(
        tmp_path,
        roles + "§ 7 Kostnader\n\nVardera parten står för sina egna kostnader, och "
        "ingen ersättning ska utgå mellan parterna.\n\n" + payment,
    )
    assert status(contradicted, "role_allocation") == "conflict"
    excepted = run(
        tmp_path,
        roles + "§ 7 Kostnader\n\nUtom vad som anges i § 8 står vardera parten för "
        "sina egna kostnader.\n\n" + payment,
    )
    assert status(excepted, "role_allocation") == "met"
