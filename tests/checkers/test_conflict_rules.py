"""Cross-provision conflicts written the way drafting errors happen: the same
action given to two parties in two provisions, passive and active, verb and noun;
withheld information in inverted word order; parties defined without quotes."""

from __future__ import annotations

from pathlib import Path

from checkers import check
from checkers.lexicon import lexicon
from checkers.parties import detect_parties
from checkers.report import Report

SV = (
    "Avtal mellan Sjövik kommun (Kommunen) och Larm AB (Leverantören). "
    "Kommunen och Leverantören kallas Parterna.\n\n"
)
EN = (
    "Agreement between Northfield NHS Trust (the Trust) and Breathe Ltd "
    "(the Company), together the Parties.\n\n"
)

# Roles that are met, for tests about the other requirements.
ROLES = (
    "§ 3 Roller\n\nKommunen ansvarar för testmiljön.\n\n"
    "Leverantören ansvarar för utvecklingen av systemet.\n\n"
)


def _check(tmp_path: Path, text: str) -> Report:
    path = tmp_path / "avtal.txt"
    path.write_text(text, encoding="utf-8")
    return check(path)


def test_one_task_given_to_two_parties_in_two_sections_is_a_conflict(
    tmp_path: Path,
) -> None:
    report = _check(
        tmp_path,
        SV + "§ 4 Kommunens åtaganden\n\n"
        "Kommunen ansvarar för rekrytering av testpersoner bland låntagarna.\n\n"
        "§ 5 Leverantörens åtaganden\n\n"
        "Leverantören åtar sig att rekrytera och introducera samtliga testpersoner.\n",
    )
    finding = report.finding("role_allocation")
    assert finding.status == "conflict"
    assert {e.text[:12] for e in finding.evidence} == {"Kommunen ans", "Leverantören"}


def test_parallel_duties_side_by_side_are_no_conflict(tmp_path: Path) -> None:
    report = _check(
        tmp_path,
        SV + "§ 4 Roller och ansvar\n\n"
        "Kommunen ansvarar för att testa lösningen i hemtjänsten. "
        "Leverantören ansvarar för att testa lösningen i sitt labb.\n",
    )
    assert report.finding("role_allocation").status == "met"


def test_different_tasks_on_the_same_thing_are_no_conflict(tmp_path: Path) -> None:
    report = _check(
        tmp_path,
        SV + "§ 4 Kommunens åtaganden\n\n"
        "Kommunen ansvarar för utvärdering av testmiljön.\n\n"
        "§ 5 Leverantörens åtaganden\n\n"
        "Leverantören ansvarar för installation av testmiljön.\n",
    )
    assert report.finding("role_allocation").status == "met"


def test_operating_and_operation_are_one_action(tmp_path: Path) -> None:
    report = _check(
        tmp_path,
        SV + "§ 4 Genomförande\n\n"
        "Leverantören ansvarar för att driva testmiljön under hela testperioden.\n\n"
        "§ 7 Drift\n\n"
        "Drift av testmiljön sköts av Kommunen.\n",
    )
    assert report.finding("role_allocation").status == "conflict"


def test_passive_recruitment_in_a_schedule_conflicts_with_the_main_text(
    tmp_path: Path,
) -> None:
    report = _check(
        tmp_path,
        EN + "2. Roles\n\n"
        "The Trust is responsible for identifying and recruiting the test patients "
        "on its wards.\n\n"
        "Schedule 1 - Work plan\n\n"
        "Recruitment of test patients is carried out by the Company's officers.\n",
    )
    assert report.finding("role_allocation").status == "conflict"


def test_information_kept_from_other_bidders_in_inverted_order(tmp_path: Path) -> None:
    report = _check(
        tmp_path,
        SV + "§ 9 Efterföljande upphandling\n\n"
        "Om Kommunen senare upphandlar larm får Leverantören ta del av alla "
        "larmdata från projektet. De lämnas inte ut till andra företag som "
        "lämnar anbud.\n",
    )
    finding = report.finding("procurement_access")
    assert finding.status == "conflict"
    assert finding.evidence[0].text.startswith("De lämnas inte ut")


def test_english_passive_withholding_from_other_bidders(tmp_path: Path) -> None:
    report = _check(
        tmp_path,
        EN + "9. Later procurement\n\n"
        "The test data shall not be disclosed to other bidders in any later "
        "procurement.\n",
    )
    assert report.finding("procurement_access").status == "conflict"


def test_names_defined_without_quotes_or_a_verb() -> None:
    sv = (
        "Kustby kommun, org.nr 212000-0936, nedan Kommunen, och Lumino Nordic AB, "
        "nedan Lumino. Lumino ansvarar för armaturerna."
    )
    assert "Lumino" in detect_parties(sv, lexicon("sv"))
    da = (
        'Bækholm Fjernvarme a.m.b.a., herefter "Værket", og ThermoLogic ApS. '
        "Værket driver anlægget."
    )
    assert "Værket" in detect_parties(da, lexicon("da"))


def test_two_targets_for_one_indicator_are_a_conflict(tmp_path: Path) -> None:
    report = _check(
        tmp_path,
        SV + "§ 3 Effektmål\n\n"
        "Projektets effektmål är att klimatpåverkan från byggmaterial i "
        "pilotprojekten ska minska med minst 30 procent jämfört med nytt material.\n\n"
        "Bilaga 1 – Projektplan\n\n"
        "Effektmål för pilotprojekten: klimatpåverkan från byggmaterial ska minska "
        "med minst 12 procent jämfört med nytt material.\n",
    )
    finding = report.finding("added_value")
    assert finding.status == "conflict"
    assert len(finding.evidence) == 2


def test_a_target_restated_and_sub_targets_are_no_conflict(tmp_path: Path) -> None:
    report = _check(
        tmp_path,
        SV + "§ 2 Bakgrund\n\n"
        "Cykeltrafiken på Storgatan har ökat med 35 procent sedan 2019.\n\n"
        "§ 3 Effektmål\n\n"
        "(a) antalet cyklister som söker vård efter halkolyckor ska minska med "
        "minst 25 procent;\n\n"
        "(b) antalet cyklister som passerar cykelräknarna ska öka med 10 procent.\n\n"
        "Bilaga 1 – Uppföljning\n\n"
        "Effektmålet att antalet cyklister som söker vård efter halkolyckor ska "
        "minska med minst 25 procent följs upp varje månad.\n",
    )
    assert report.finding("added_value").status == "met"


def test_joint_ownership_and_a_later_sole_owner_of_all_project_ip(
    tmp_path: Path,
) -> None:
    report = _check(
        tmp_path,
        EN + "5. Intellectual property\n\n"
        "5.2 Project IP will be jointly owned by the Trust and the Company in equal "
        "undivided shares.\n\n"
        "Schedule 2 - Commercial terms\n\n"
        "The Company will own all Project IP and the Trust will receive a "
        "non-exclusive licence.\n",
    )
    assert report.finding("result_ownership").status == "conflict"


def test_all_results_of_one_kind_to_one_owner_conflicts_with_joint_ownership(
    tmp_path: Path,
) -> None:
    report = _check(
        tmp_path,
        'Aftale mellem Bækholm Fjernvarme a.m.b.a., herefter "Værket", og '
        "ThermoLogic ApS.\n\n"
        "RETTIGHEDER\n\n"
        "Resultaterne ejes af parterne i fællesskab, og hver part kan frit udnytte "
        "dem.\n\n"
        "ThermoLogic ejer alene alle Resultater vedrørende styringsalgoritmerne, og "
        "Værket har en brugsret.\n",
    )
    assert report.finding("result_ownership").status == "conflict"


def test_results_in_different_named_things_to_different_owners_are_met(
    tmp_path: Path,
) -> None:
    report = _check(
        tmp_path,
        "Agreement between Dale County Council (the Authority) and Stride Ltd "
        "(the Developer).\n\n"
        "3. Intellectual property\n\n"
        "3.2 Foreground IP in the application's software shall belong to the "
        "Developer. The Developer assigns to the Authority all Foreground IP in the "
        "co-designed exercise plans, staff guidance and evaluation materials.\n",
    )
    assert report.finding("result_ownership").status == "met"


def test_holding_all_rights_at_the_end_contradicts_results_to_the_region(
    tmp_path: Path,
) -> None:
    report = _check(
        tmp_path,
        "Avtal mellan Region Norr (Regionen) och Mindpath Digital AB (Mindpath).\n\n"
        "6. Resultat\n\n"
        "6.2 Resultaten, inklusive Behandlingsprogrammet, tillfaller Regionen, som "
        "ensam förfogar över dem även efter projektets slut.\n\n"
        "9. Avslut\n\n"
        "9.1 Mindpath ska vid projektets avslutande inneha samtliga immateriella "
        "rättigheter till Behandlingsprogrammet.\n",
    )
    assert report.finding("result_ownership").status == "conflict"


def test_a_target_and_a_provision_that_it_shall_not_be_reached(
    tmp_path: Path,
) -> None:
    report = _check(
        tmp_path,
        SV + "§ 3 Effektmål\n\n"
        "Effektmålet är att antalet nattliga tillsynsbesök hos deltagande boende "
        "ska minska med 40 procent jämfört med perioden före testet.\n\n"
        "§ 6 Genomförande\n\n"
        "Under testperioden ska antalet nattliga tillsynsbesök hos deltagande "
        "boende inte minska.\n",
    )
    assert report.finding("added_value").status == "conflict"


def test_a_guard_in_the_target_fits_a_provision_against_the_same_rise(
    tmp_path: Path,
) -> None:
    report = _check(
        tmp_path,
        SV + "§ 3 Effektmål\n\n"
        "Effektmålet är att antalet nattliga tillsynsbesök ska minska med 40 "
        "procent, utan att antalet fallolyckor nattetid hos boende ökar.\n\n"
        "§ 6 Säkerhet\n\n"
        "Antalet fallolyckor nattetid hos boende ska inte öka under testet.\n",
    )
    assert report.finding("added_value").status == "met"


def test_later_tender_barred_or_promised_in_other_words(tmp_path: Path) -> None:
    barred = _check(
        tmp_path,
        EN + "9. Later procurement\n\n"
        "Because the Company will have had privileged access to the network data, "
        "the Company is not eligible to tender in that procurement.\n",
    )
    assert barred.finding("procurement_access").status == "conflict"
    first = _check(
        tmp_path,
        SV + "§ 9 Efter projektet\n\n"
        "Om Kommunen beslutar att byta ut belysningen i övriga stadsdelar ska "
        "Leverantören först erbjudas att leverera armaturerna.\n",
    )
    assert first.finding("procurement_access").status == "conflict"


def test_two_project_leads_in_two_places_but_not_a_contact_list(
    tmp_path: Path,
) -> None:
    two = _check(
        tmp_path,
        EN + "2. Governance\n\n"
        "The Trust's Head of Respiratory Care, Dr Ann Lee, is the Project Lead.\n\n"
        "Schedule 1 - Project organisation\n\n"
        "Project Lead: Raj Patel, Director of Product, the Company, who directs the "
        "pilot.\n",
    )
    assert two.finding("role_allocation").status == "conflict"
    contacts = _check(
        tmp_path,
        EN + "2. Roles\n\n"
        "The Trust is responsible for recruiting the test patients. The Company is "
        "responsible for developing the platform.\n\n"
        "Contacts\n\n"
        "Project lead: Dr Ann Lee, the Trust.\n\n"
        "Project lead: Raj Patel, the Company.\n",
    )
    assert contacts.finding("role_allocation").status == "met"


def test_a_task_forbidden_to_its_party_or_denied_in_inverted_order_conflicts(
    tmp_path: Path,
) -> None:
    forbidden = _check(
        tmp_path,
        SV + "§ 4 Uppgifter\n\nLeverantören svarar för att leverera och installera "
        "sensorerna i 60 klassrum.\n\nKommunen ansvarar för testmiljön.\n\n"
        "§ 9 Arbetsmiljö\n\nLeverantörens personal får inte montera eller "
        "installera utrustning i Kommunens lokaler.\n",
    )
    assert forbidden.finding("role_allocation").status == "conflict"
    inverted = _check(
        tmp_path,
        SV + "§ 5 Data\n\nKommunen ska tillhandahålla pseudonymiserade journaldata "
        "till Leverantören.\n\nLeverantören ansvarar för modellen.\n\n"
        "§ 9 Sekretess\n\nAv sekretesskäl lämnar Kommunen inte ut några "
        "journaldata, vare sig pseudonymiserade eller avidentifierade.\n",
    )
    assert inverted.finding("role_allocation").status == "conflict"
    another = _check(
        tmp_path,
        SV + "§ 4 Uppgifter\n\nKommunen ansvarar för att installera sensorerna i "
        "klassrummen.\n\nLeverantören ansvarar för programvaran.\n\n"
        "§ 9 Arbetsmiljö\n\nLeverantören får inte installera egen utrustning i "
        "Kommunens lokaler.\n",
    )
    assert another.finding("role_allocation").status == "met"


def test_an_owner_barred_from_its_results_or_results_taken_whoever_made_them(
    tmp_path: Path,
) -> None:
    barred = _check(
        tmp_path,
        SV + ROLES + "§ 6 Resultat\n\nÄganderätten till samtliga resultat "
        "tillfaller Kommunen.\n\nLeverantören erhåller en exklusiv licens till "
        "resultaten, så att Kommunen inte själv får använda resultaten.\n",
    )
    assert barred.finding("result_ownership").status == "conflict"
    joint = _check(
        tmp_path,
        SV + ROLES + "§ 6 Resultat\n\nResultat av projektet ägs av Kommunen och "
        "Leverantören gemensamt med hälften var.\n\n§ 7 Nyttjande\n\nKommunen får "
        "inte använda resultaten i sin egen verksamhet utan Leverantörens "
        "samtycke.\n",
    )
    assert joint.finding("result_ownership").status == "conflict"
    licensing = _check(
        tmp_path,
        SV + ROLES + "§ 6 Resultat\n\nResultat av projektet ägs av Kommunen och "
        "Leverantören gemensamt med hälften var.\n\n§ 7 Nyttjande\n\nKommunen får "
        "inte upplåta licens till resultaten till tredje man utan Leverantörens "
        "samtycke.\n",
    )
    assert licensing.finding("result_ownership").status == "met"
    whoever = _check(
        tmp_path,
        SV + ROLES + "§ 6 Resultat\n\nVarje part äger de resultat som partens "
        "personal tar fram.\n\n§ 7 Patent\n\nUppfinningar som görs i projektet, "
        "oavsett vilken part som har gjort dem, tillhör Leverantören ensam.\n",
    )
    assert whoever.finding("result_ownership").status == "conflict"


def test_two_targets_moving_one_indicator_in_opposite_directions_conflict(
    tmp_path: Path,
) -> None:
    opposite = _check(
        tmp_path,
        SV + ROLES + "§ 3 Mål\n\nProjektet ska minska energianvändningen för "
        "uppvärmning i de deltagande husen med 15 procent.\n\n§ 8 Utvärdering\n\n"
        "Projektet ska bedömas som framgångsrikt om energianvändningen för "
        "uppvärmning i de deltagande husen har ökat med högst 15 procent.\n",
    )
    assert opposite.finding("added_value").status == "conflict"
    restated = _check(
        tmp_path,
        SV + ROLES + "§ 3 Mål\n\nProjektet ska minska energianvändningen för "
        "uppvärmning i de deltagande husen med 15 procent.\n\n§ 8 Utvärdering\n\n"
        "Projektet ska bedömas som framgångsrikt om energianvändningen för "
        "uppvärmning i de deltagande husen har minskat med minst 15 procent.\n",
    )
    assert restated.finding("added_value").status == "met"


def test_a_prohibition_on_another_matter_is_no_denied_task(tmp_path: Path) -> None:
    report = _check(
        tmp_path,
        SV + "§ 4 Uppdraget\n\nLeverantören ska ta fram en kostnadsuppskattning, om "
        "den upphandlande myndigheten begär det.\n\nKommunen ansvarar för "
        "testmiljön.\n\n§ 9 Resultat\n\nLeverantören får inte nyttja "
        "uppdragsresultatet utan den upphandlande myndighetens medgivande.\n",
    )
    assert report.finding("role_allocation").status == "met"


def test_what_another_party_makes_given_to_one_owner_against_each_its_own(
    tmp_path: Path,
) -> None:
    taken = _check(
        tmp_path,
        SV + ROLES + "§ 6 Resultat\n\nVarje part äger de resultat som dess egna "
        "medarbetare tar fram och behåller sin bakgrundsinformation.\n\n"
        "§ 8 Finansiering\n\nSom motprestation förvärvar Kommunen äganderätten "
        "till den modell som Leverantören utvecklar i projektet.\n",
    )
    assert taken.finding("result_ownership").status == "conflict"
    own = _check(
        tmp_path,
        SV + ROLES + "§ 6 Resultat\n\nVarje part äger de resultat som dess egna "
        "medarbetare tar fram.\n\n§ 7 Modellen\n\nLeverantören äger den modell som "
        "Leverantören utvecklar i projektet.\n",
    )
    assert own.finding("result_ownership").status == "met"


# Forms found by the probe sets (corpora/probes): a base agreement that meets all
# four requirements, and one sentence that breaks one of them.
BASE_SV = (
    "Avtal mellan Växjö kommun (Kommunen), Klimatsensor AB (Leverantören) och "
    "Linnéuniversitetet (nedan kallat Högskolan).\n\n"
    "2. Bakgrund och syfte\n\n{background}\n\n"
    "3. Roller och ansvar\n\n"
    "Kommunen tillhandahåller tre skolor som testmiljö.\n\n"
    "Leverantören ansvarar för att utveckla, installera och underhålla sensorerna.\n\n"
    "Högskolan ansvarar för analysen av mätdata och för slutrapporten.\n\n"
    "Varje Part bär sina egna kostnader för sitt arbete i projektet.\n\n"
    "5. Efterföljande upphandling\n\n"
    "Deltagandet hindrar inte Leverantören från att lämna anbud i en kommande "
    "upphandling.\n\n"
    "Bilaga 1\n\n{appendix}\n"
)


def _base_sv(tmp_path: Path, background: str = "", appendix: str = "") -> Report:
    text = BASE_SV.format(
        background=background or "Kommunen har fått klagomål på luften.",
        appendix=appendix or "Fas 1: installation av sensorer.",
    )
    return _check(tmp_path, text)


def test_a_duty_laid_down_under_a_background_heading_can_conflict(
    tmp_path: Path,
) -> None:
    promised = _base_sv(
        tmp_path,
        background="Innan Kommunen annonserar en upphandling ska Kommunen först "
        "erbjuda Leverantören att åta sig uppdraget.",
    )
    assert promised.finding("procurement_access").status == "conflict"
    described = _base_sv(
        tmp_path,
        background="Kommunen erbjöd 2021 Leverantören ett uppdrag utan "
        "konkurrensutsättning, vilket ledde till en överprövning.",
    )
    assert described.finding("procurement_access").status == "met"


def test_a_participant_disqualified_or_made_sole_supplier(tmp_path: Path) -> None:
    for sentence in (
        "Den som har medverkat i projektet anses jävig och ska avvisas i en "
        "efterföljande upphandling.",
        "Under fem år efter projektet ska Leverantören vara Kommunens enda "
        "leverantör av sensorer.",
        "Efter Fas 3 tilldelas Leverantören utbyggnaden direkt, utan "
        "konkurrensutsättning.",
    ):
        report = _base_sv(tmp_path, appendix=sentence)
        assert report.finding("procurement_access").status == "conflict", sentence
    negated = _base_sv(
        tmp_path, appendix="Ingen Part blir jävig enbart genom sitt deltagande."
    )
    assert negated.finding("procurement_access").status == "met"


def test_english_participant_not_invited_or_given_marks(tmp_path: Path) -> None:
    for sentence in (
        "Because it has had access to the trial data, the Company will not be "
        "invited to tender when the Trust procures the permanent system.",
        "In evaluating tenders, the Trust will award additional quality marks to "
        "any bidder that took part in this trial.",
    ):
        report = _check(
            tmp_path,
            EN + "The Trust provides the wards. The Company develops the sensors.\n\n"
            f"{sentence}\n",
        )
        assert report.finding("procurement_access").status == "conflict", sentence


def test_working_time_paid_against_own_costs_conflicts(tmp_path: Path) -> None:
    paid = _base_sv(
        tmp_path,
        appendix="Kommunen ska ersätta Leverantören och Högskolan för nedlagd "
        "arbetstid enligt löpande räkning.",
    )
    assert paid.finding("role_allocation").status == "conflict"
    da = _check(
        tmp_path,
        "Aftale mellem Vejle Kommune (Kommunen) og Varme A/S (Leverandøren).\n\n"
        "Kommunen stiller lokaler til rådighed. Leverandøren leverer sensorerne.\n\n"
        "Parterne betaler ikke vederlag til hinanden, og hver Part afholder egne "
        "omkostninger.\n",
    )
    assert da.finding("role_allocation").status == "met"


def test_a_task_done_on_ones_own_against_another_partys_responsibility(
    tmp_path: Path,
) -> None:
    alone = _base_sv(
        tmp_path,
        appendix="Fas 3: Leverantören bearbetar och tolkar all insamlad mätdata "
        "på egen hand.",
    )
    assert alone.finding("role_allocation").status == "conflict"
    helped = _base_sv(
        tmp_path,
        appendix="Fas 3: Leverantören bearbetar mätdata åt Högskolan.",
    )
    assert helped.finding("role_allocation").status == "met"


def test_a_task_denied_by_its_noun_conflicts_with_the_verb_given(
    tmp_path: Path,
) -> None:
    body = (
        "3. Roles\n\nThe Trust provides the wards. The Company is responsible for "
        "developing, installing and maintaining the sensors.\n\n7. Other\n\n{}\n"
    )
    barred = _check(
        tmp_path,
        EN
        + body.format(
            "The Company shall not carry out any maintenance of the sensors "
            "during the project."
        ),
    )
    assert barred.finding("role_allocation").status == "conflict"
    # the same noun in another form is one thing, not an action
    other = _check(
        tmp_path,
        EN + body.format("The Company shall not have access to the sensor's database."),
    )
    assert other.finding("role_allocation").status == "met"


RESULTS_SV = (
    "4. Resultat\n\nVarje Part äger de resultat som Partens egna medarbetare tar "
    "fram i projektet. Resultat som Parterna tar fram gemensamt ägs av dem "
    "gemensamt i lika delar.\n\nKommunen får en kostnadsfri och tidsobegränsad "
    "nyttjanderätt till projektets resultat för den egna verksamheten.\n\n"
    "Bilaga 1\n\n{}\n"
)


def test_other_shares_in_joint_results_conflict_with_equal_shares(
    tmp_path: Path,
) -> None:
    unequal = _check(
        tmp_path,
        SV
        + ROLES
        + RESULTS_SV.format(
            "Gemensamt framtagna resultat fördelas så att Leverantören innehar "
            "70 procent och Kommunen 30 procent."
        ),
    )
    assert unequal.finding("result_ownership").status == "conflict"
    # a target's figures are no shares
    target = _check(
        tmp_path,
        SV
        + ROLES
        + RESULTS_SV.format(
            "Andelen elever som klarar provet ska öka från 55 procent till 80 procent."
        ),
    )
    assert target.finding("result_ownership").status == "met"


def test_a_free_lasting_right_of_use_against_a_fee_or_an_end(tmp_path: Path) -> None:
    for sentence in (
        "För att använda projektets resultat betalar Kommunen Leverantören en "
        "årlig licensavgift om 40 000 kronor.",
        "Kommunens nyttjanderätt till resultaten upphör när avtalet löper ut.",
    ):
        report = _check(tmp_path, SV + ROLES + RESULTS_SV.format(sentence))
        assert report.finding("result_ownership").status == "conflict", sentence
    for sentence in (
        "Kommunen får använda resultaten utan licensavgift.",
        "Kommunens nyttjanderätt upphör inte när avtalet löper ut.",
    ):
        report = _check(tmp_path, SV + ROLES + RESULTS_SV.format(sentence))
        assert report.finding("result_ownership").status == "met", sentence


def test_the_same_data_given_to_two_owners_in_danish(tmp_path: Path) -> None:
    text = (
        "Aftale mellem Vejle Kommune (Kommunen) og Varme A/S (Leverandøren).\n\n"
        "3. Roller\n\nKommunen stiller lokaler til rådighed. Leverandøren leverer "
        "sensorerne.\n\n4. Resultater\n\nHver Part ejer de resultater, som dens egne "
        "medarbejdere frembringer. Måledata fra skolerne tilhører udelukkende "
        "Leverandøren.\n\nBilag 1\n\n{}\n"
    )
    clash = _check(
        tmp_path, text.format("Alle måledata indsamlet i fase 2 er Kommunens ejendom.")
    )
    assert clash.finding("result_ownership").status == "conflict"
    other = _check(tmp_path, text.format("Skolebygningerne er Kommunens ejendom."))
    assert other.finding("result_ownership").status == "met"


VALUE_SV = (
    "6. Mervärden\n\nMålet är att andelen lektionstimmar med en koldioxidhalt över "
    "1 000 ppm ska minska med 30 procent jämfört med läsåret 2025/26. Effekten mäts "
    "varje termin och redovisas i en offentlig slutrapport.\n\nBilaga 1\n\n{}\n"
)


def test_the_effect_measured_against_another_year_or_once(tmp_path: Path) -> None:
    for sentence in (
        "Minskningen av lektionstimmar med hög koldioxidhalt beräknas i förhållande "
        "till kalenderåret 2023.",
        "Som utgångsläge för minskningen används mätningar från läsåret 2023/24.",
        "Effekten mäts vid ett enda tillfälle, i juni 2028.",
        "Resultaten av effektmätningen är interna arbetsdokument och får inte "
        "göras offentliga.",
        "Samarbetet syftar inte till att sänka energikostnaderna.",
    ):
        report = _check(tmp_path, SV + ROLES + VALUE_SV.format(sentence))
        assert report.finding("added_value").status == "conflict", sentence
    for sentence in (
        "Mätningarna under läsåret 2026/27 görs i samtliga klassrum.",
        "Utöver de terminsvisa mätningarna görs en enkät bland eleverna en gång.",
        "Utvärderingsdata ska inte lämnas ut till andra leverantörer före "
        "upphandlingen.",
    ):
        report = _check(tmp_path, SV + ROLES + VALUE_SV.format(sentence))
        assert report.finding("added_value").status != "conflict", sentence


def test_a_deadline_year_is_no_baseline(tmp_path: Path) -> None:
    body = (
        "3. Roles\n\nThe Trust provides the wards. The Company develops the app.\n\n"
        "6. Benefits\n\nThe Project aims to reduce food costs for the wards by at "
        "least 8% compared with the 2025/26 financial year.\n\n7. Targets\n\n"
        "The Project aims to reduce plate waste on the wards from the baseline of "
        "71 grams per meal to no more than 50 grams per meal by the summer of 2027.\n"
    )
    assert _check(tmp_path, EN + body).finding("added_value").status == "met"
    # a baseline clause of its own, with no figures: it only moves the baseline
    other = body + (
        "\n8. Evaluation\n\nThe reduction in food costs on the wards is measured "
        "against the 2023/24 financial year.\n"
    )
    assert _check(tmp_path, EN + other).finding("added_value").status == "conflict"


def test_role_conflicts_found_by_probe_set_b(tmp_path: Path) -> None:
    base = (
        "Agreement between Westbury City Council (the Council), AirSense Ltd (the "
        "Supplier) and the University of Westbury (the University).\n\n3. Roles\n\n"
        "The Council appoints the Project Manager and provides three schools.\n\n"
        "The University is responsible for analysing the measurement data and for "
        "the final report.\n\nThe Supplier is responsible for installing the "
        "sensors.\n\nSchedule 1\n\n{}\n"
    )
    for sentence in (
        "Phase 3: the Supplier alone evaluates the measurement data and writes the "
        "final report.",
        "The Project Manager shall be a member of the Supplier's staff, nominated by "
        "the Supplier.",
    ):
        report = _check(tmp_path, base.format(sentence))
        assert report.finding("role_allocation").status == "conflict", sentence
    helped = _check(
        tmp_path,
        base.format("Phase 3: the Supplier helps the University with the data."),
    )
    assert helped.finding("role_allocation").status == "met"
    paid = _base_sv(
        tmp_path,
        appendix="Kommunen står för Leverantörens och Högskolans kostnader för "
        "arbetstid och material.",
    )
    assert paid.finding("role_allocation").status == "conflict"


def test_procurement_conflicts_found_by_probe_set_b(tmp_path: Path) -> None:
    for sentence in (
        "Innan Kommunen vänder sig till marknaden ska Leverantören få lämna ett "
        "erbjudande om utbyggnad till övriga skolor.",
        "Slutrapportens tekniska bilagor förbehålls Parterna och ska hållas utanför "
        "förfrågningsunderlaget i en kommande upphandling.",
        "Vid utvärderingen ska Leverantörens anbudspris med hänsyn till dess medverkan "
        "reduceras med tio procent.",
        "När avtalet löper ut övergår projektet i ett fyraårigt förvaltningsuppdrag "
        "för Leverantören.",
    ):
        report = _base_sv(tmp_path, appendix=sentence)
        assert report.finding("procurement_access").status == "conflict", sentence
    fair = _base_sv(
        tmp_path,
        appendix="Dokumentationen läggs ut i god tid innan upphandlingen annonseras, "
        "och Leverantören får lämna anbud på samma villkor som andra.",
    )
    assert fair.finding("procurement_access").status == "met"


def test_a_word_the_lemma_table_maps_to_a_figure_keeps_its_form() -> None:
    """spaCy's English lookup maps 'second' to a figure; as an empty lemma it was
    a suffix of every word, so any two duties shared all their words."""
    from checkers.lexicon import lexicon

    assert lexicon("en").lemma("second") == "second"


def test_equal_access_in_other_words_is_met(tmp_path: Path) -> None:
    sv = (
        SV + ROLES + "5. Senare upphandling\n\nDen omständigheten att en Part har "
        "medverkat i projektet utgör inte skäl att utesluta Parten från en senare "
        "upphandling, och Kommunen ska innan en sådan upphandling annonseras "
        "publicera slutrapporten på sin webbplats.\n"
    )
    assert _check(tmp_path, sv).finding("procurement_access").status == "met"
    en = (
        EN + "The Trust provides the wards. The Company develops the sensors.\n\n"
        "5. Procurement\n\nAny contract following this project will be awarded "
        "through a competitive procedure, open to the Parties and to third parties "
        "on identical terms.\n"
    )
    assert _check(tmp_path, en).finding("procurement_access").status == "met"
    # 'open to any user' is about a library, not a tender
    other = EN + "The branch is open to any user during staffed hours.\n"
    assert _check(tmp_path, other).finding("procurement_access").status == "missing"


def test_results_given_whole_or_to_a_sole_owner_outside_the_results_clause(
    tmp_path: Path,
) -> None:
    whole = _check(
        tmp_path,
        SV
        + ROLES
        + RESULTS_SV.format(
            "Samtliga projektresultat tillfaller Kommunen med full äganderätt när "
            "Fas 3 är avslutad."
        ),
    )
    assert whole.finding("result_ownership").status == "conflict"
    shares = _check(
        tmp_path,
        SV
        + ROLES
        + RESULTS_SV.format(
            "Resultat som Parterna tagit fram tillsammans ägs till 80 procent av "
            "Leverantören och till 20 procent av Kommunen."
        ),
    )
    assert shares.finding("result_ownership").status == "conflict"
    sole = _check(
        tmp_path,
        EN + "3. Roles\n\nThe Trust provides the wards. The Company develops the "
        "sensors.\n\n4. Results\n\nEach Party owns the results its own staff "
        "generate. The measurement data collected on the wards belong to the Trust."
        "\n\n9. Data\n\nThe Company is the sole owner of the measurement data and of "
        "all analyses based on them.\n",
    )
    assert sole.finding("result_ownership").status == "conflict"


def test_improvements_made_in_the_project_kept_against_all_results_given(
    tmp_path: Path,
) -> None:
    """What is improved in the project is a result: given to the supplier while
    the results go to the authority, directly or through a defined term."""
    results = (
        "3. Roles\n\nThe Trust provides the wards. The Company develops the "
        "sensors.\n\n4. Results\n\nAll Results of the Project shall vest in the "
        "Trust, which grants the Company a non-exclusive licence to use them.\n\n"
    )
    direct = _check(
        tmp_path,
        EN + results + "7. Platform\n\nAll enhancements to the sensor firmware "
        "developed during the Project belong to the Company.\n",
    )
    assert direct.finding("result_ownership").status == "conflict"
    defined = _check(
        tmp_path,
        EN + '1. Definitions\n\n"Company Platform" means the Company\'s sensor '
        "platform together with all modifications of it, whether made before or "
        "during the Project.\n\n"
        + results
        + "7. Platform\n\nThe Company Platform shall remain vested in the Company.\n",
    )
    assert defined.finding("result_ownership").status == "conflict"
    # no word of the project: the owner's own improvements, as is common
    own = _check(
        tmp_path,
        EN + results + "7. Platform\n\nImprovements to its own firmware belong to "
        "the Company.\n",
    )
    assert own.finding("result_ownership").status == "met"
    # each party's own results and the supplier's improvements agree
    each = _check(
        tmp_path,
        SV + ROLES + "§ 6 Resultat\n\nResultat som Parterna tagit fram gemensamt "
        "ägs gemensamt med lika andelar. Leverantören äger de vidareutvecklade "
        "algoritmerna som Leverantören utvecklar inom projektet.\n",
    )
    assert each.finding("result_ownership").status == "met"


def test_a_share_taken_from_joint_or_each_its_own_ownership(tmp_path: Path) -> None:
    """Each party owns its results, those made together are shared equally and
    the authority may use them free: a provision that takes a party's share
    conflicts; its negation or a limit on licensing to others does not."""
    conflicts = [
        # made together, then given to whoever acts first
        "En uppfinning som Parterna gör tillsammans tillhör den Part som först "
        "lämnar in en patentansökan.",
        # joint shares by contribution instead of equal shares
        "Gemensamt framtagna resultat ägs i proportion till den arbetsinsats "
        "varje Part har lagt ned.",
        # a party said to hold no rights in the results
        "Leverantören ska inte äga några projektresultat, eftersom bolaget "
        "ersätts för sitt arbete.",
        # an exclusive licence against the authority's right of use
        "Leverantören ger Högskolan en exklusiv licens till projektets resultat "
        "inom skolsektorn.",
        # the authority's use subject to consent, or revocable
        "Kommunen får använda resultaten i andra skolor än testskolorna endast "
        "med Leverantörens skriftliga samtycke.",
        "Leverantören kan med en månads varsel återkalla Kommunens nyttjanderätt.",
    ]
    for text in conflicts:
        report = _check(tmp_path, SV + ROLES + RESULTS_SV.format(text))
        assert report.finding("result_ownership").status == "conflict", text
    fine = [
        "Ingen Part ges exklusiv licens till projektets resultat.",
        "Kommunen får inte upplåta resultaten till tredje man utan Leverantörens "
        "samtycke.",
        "En uppfinning som Parterna gör tillsammans ägs gemensamt; den Part som "
        "först vill söka patent ska meddela de andra.",
    ]
    for text in fine:
        report = _check(tmp_path, SV + ROLES + RESULTS_SV.format(text))
        assert report.finding("result_ownership").status == "met", text


def test_what_a_party_makes_given_to_another_by_a_pronoun_or_as_property(
    tmp_path: Path,
) -> None:
    results = (
        "3. Roles\n\nThe Trust provides the wards. The Company develops the "
        "sensors.\n\n4. Results\n\nEach Party owns the results its own staff "
        "generate in the Project.\n\n"
    )
    for text in (
        "The Company assigns to the Trust the copyright in every dashboard that it "
        "produces in the Project.",
        "All project results and data are records belonging to the Trust.",
        "All software written in the Project by any Party vests in the Company.",
    ):
        report = _check(tmp_path, EN + results + "9. Other\n\n" + text + "\n")
        assert report.finding("result_ownership").status == "conflict", text


ROLES_3 = (
    "Avtal mellan Sjövik kommun (Kommunen), Larm AB (Leverantören) och Mälardalens "
    "universitet (Högskolan).\n\n§ 3 Roller\n\nKommunen är projektägare och "
    "tillhandahåller två äldreboenden som testmiljö.\n\nLeverantören ansvarar för "
    "att utveckla, installera och underhålla larmen och larmservern.\n\n"
    "Högskolan ansvarar för analysen av larmloggarna och för slutrapporten.\n\n"
    "Varje Part bär sina egna kostnader.\n\n§ 9 Övrigt\n\n{}\n"
)


def test_a_party_without_duties_or_confined_to_another_part(tmp_path: Path) -> None:
    """A party said to have no duties, or whose part is confined to something
    other than its task, against the task given to it; a confinement by
    figures or a specific non-duty is not that."""
    conflicts = [
        "Högskolan medverkar som referenspart och har inga uppgifter i projektet.",
        "Leverantörens insats omfattar endast larmen; larmservern levereras av "
        "Kommunens driftleverantör.",
        "Leverantören åtar sig ingen utveckling av larmservern.",
        "Larmen monteras av Kommunens fastighetstekniker; Leverantören deltar inte i "
        "installationen.",
        "Högskolans lönekostnader för analysen faktureras Kommunen i efterskott.",
        "Högskolan är huvudman för projektet.",
    ]
    for text in conflicts:
        report = _check(tmp_path, ROLES_3.format(text))
        assert report.finding("role_allocation").status == "conflict", text
    fine = [
        "Högskolans insats är begränsad till 400 timmar.",
        "Kommunen har inga förpliktelser att köpa larmen efter projektet.",
        "Leverantörens tillgång till Deltagare är begränsad till vad som krävs för "
        "testerna.",
        "Högskolan har inga andra uppgifter än dem som anges i § 3.",
    ]
    for text in fine:
        report = _check(tmp_path, ROLES_3.format(text))
        assert report.finding("role_allocation").status == "met", text
    english = _check(
        tmp_path,
        EN + "3. Roles\n\nThe Trust provides the wards. The Company is responsible "
        "for developing and maintaining the sensors and the dashboard.\n\n"
        "9. Other\n\nThe Company's "
        "contribution is limited to supplying the sensors.\n",
    )
    assert english.finding("role_allocation").status == "conflict"


PROCUREMENT_EN = (
    EN + "5. Later procurement\n\nTaking part does not exclude any Party from a later "
    "procurement, which will be open to all suppliers on equal terms.\n\n"
    "9. Other\n\n{}\n"
)
PROCUREMENT_DA = (
    "Aftale mellem Holbæk Kommune (Kommunen) og Luftdata ApS (Leverandøren).\n\n"
    "5. Udbud\n\nDeltagelse i projektet udelukker ikke nogen part fra et senere udbud, "
    "og alle tilbudsgivere får de samme oplysninger.\n\n9. Øvrigt\n\n{}\n"
)


def test_procurement_conflicts_found_by_probe_set_d(tmp_path: Path) -> None:
    """A participant favoured in other words than the textbook ones."""
    cases = [
        (
            PROCUREMENT_EN,
            "Before any tender for maintenance, the Trust will offer the work to "
            "the Company and will go to the market only if the Company declines.",
        ),
        (
            PROCUREMENT_EN,
            "The Trust will publish the trial data once the contract for "
            "the wards has been awarded.",
        ),
        (
            PROCUREMENT_EN,
            "The Company is appointed the Trust's preferred technology "
            "supplier for ward sensors.",
        ),
        (
            PROCUREMENT_EN,
            "On completion, this Agreement will be varied to include the "
            "supply of sensors to every ward by the Company.",
        ),
        (
            PROCUREMENT_DA,
            "Leverandøren kan tidligst deltage i et udbud om "
            "luftmålere, når projektet har været afsluttet i et år.",
        ),
        (
            PROCUREMENT_DA,
            "Kommunen offentliggør først målingerne, når tilbudsfristen i "
            "udbuddet er overskredet.",
        ),
        (
            SV + ROLES + "§ 5 Upphandling\n\nDeltagande utesluter ingen part från en "
            "senare upphandling.\n\n§ 9 Övrigt\n\n{}\n",
            "Leverantören utformar "
            "förfrågningsunderlaget till den kommande upphandlingen av larm.",
        ),
    ]
    for base, sentence in cases:
        report = _check(tmp_path, base.format(sentence))
        assert report.finding("procurement_access").status == "conflict", sentence
    for base, sentence in (
        (
            PROCUREMENT_EN,
            "If the Company wins the later tender, the Trust will "
            "purchase the sensors from the Company.",
        ),
        (PROCUREMENT_EN, "No Party is appointed sole supplier."),
        (
            PROCUREMENT_DA,
            "Projektets måledata offentliggøres, inden udbuddet annonceres.",
        ),
    ):
        report = _check(tmp_path, base.format(sentence))
        assert report.finding("procurement_access").status == "met", sentence


VALUE_FALLS_SV = (
    SV + ROLES + "§ 6 Mervärde\n\nSamarbetet syftar till färre fallolyckor på "
    "boendena. Målet är att antalet fallolyckor ska minska med 25 procent jämfört "
    "med år 2025, och utfallet följs upp varje kvartal.\n\nBilaga 1\n\n{}\n"
)
VALUE_FALLS_EN = (
    EN + "3. Roles\n\nThe Trust provides the wards. The Company develops the sensors."
    "\n\n6. Added value\n\nThe aim is fewer night-time falls: falls on the wards "
    "shall fall by 25 per cent compared with 2025, measured every quarter.\n\n"
    "Schedule 1\n\n{}\n"
)


def test_added_value_conflicts_found_by_probe_set_d(tmp_path: Path) -> None:
    """The aim given up, a worsening accepted, the effect estimated instead of
    measured, and the comparison taken from inside the trial."""
    cases = [
        (
            VALUE_FALLS_SV,
            "En ökning av fallolyckorna under de första månaderna godtas.",
        ),
        (VALUE_FALLS_SV, "Fallolyckorna ingår inte i projektets mål."),
        (
            VALUE_FALLS_SV,
            "Utvärderingen av måluppfyllelsen utgör Leverantörens affärshemlighet.",
        ),
        (
            VALUE_FALLS_SV,
            "Som jämförelse används antalet fallolyckor under de första "
            "tre månaderna efter att larmen har installerats.",
        ),
        (
            VALUE_FALLS_EN,
            "The number of falls will be estimated from staffing "
            "rotas rather than recorded by the sensors.",
        ),
        (
            VALUE_FALLS_EN,
            "The comparison period is the first month after installation "
            "of the sensors.",
        ),
    ]
    for base, sentence in cases:
        report = _check(tmp_path, base.format(sentence))
        assert report.finding("added_value").status == "conflict", sentence
    for base, sentence in (
        (
            VALUE_FALLS_SV,
            "Larmen testas under de första veckorna efter att de har installerats.",
        ),
        (
            VALUE_FALLS_EN,
            "The baseline figures for 2025 were recorded before the "
            "installation of the sensors.",
        ),
    ):
        report = _check(tmp_path, base.format(sentence))
        assert report.finding("added_value").status == "met", sentence
