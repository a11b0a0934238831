"""People of a place: role nouns placed by a named place ("police in Lagos") or by where their
clause happens ("people marched in Cairo"), and well-known bodies added to the dictionary.
Sentences written for these tests."""

from __future__ import annotations


def test_role_placed_by_a_city_takes_its_country(resolve_text) -> None:
    found = resolve_text("Demonstrators in Baghdad blocked a bridge on Sunday.")
    assert found["Demonstrators"][0] == "IRQ_OPP"


def test_police_of_a_named_city(resolve_text) -> None:
    found = resolve_text("Police in Lagos detained a dozen traders overnight.")
    assert found["Police"][0] == "NGA_COP"


def test_crowd_takes_the_country_its_clause_happens_in(resolve_text) -> None:
    found = resolve_text("Thousands of people marched in Cairo on Friday.")
    assert found["people"][0] == "EGY_CVL"


def test_foreign_prone_roles_are_not_placed(resolve_text) -> None:
    found = resolve_text("Soldiers patrolled the streets in Cairo on Friday.")
    assert found["Soldiers"][0] == "ROLE_MIL"


def test_a_demonym_on_an_attack_noun_is_no_place(resolve_text) -> None:
    found = resolve_text("Civilians died in an Israeli air strike near the border.")
    assert found["Civilians"][0] != "ISR_CVL"


def test_the_state_a_text_names_outranks_the_gazetteer(resolve_text) -> None:
    # the gazetteer may read a capital's name as a namesake elsewhere; the text says whose it is
    found = resolve_text("Prisoners rioted at a prison in East Timor's capital Dili.")
    assert found["Prisoners"][0] == "TLS_CVL"


def test_bare_security_council_is_the_un_body(resolve_text) -> None:
    assert resolve_text("The Security Council met on Monday.")["The Security Council"][0] == "UNSC"


def test_national_security_council_is_not_the_un_body(resolve_text) -> None:
    found = resolve_text("Russia's Security Council met on Monday.")
    assert all(actor != "UNSC" for actor, _ in found.values())


def test_well_known_intergovernmental_bodies(resolve_text) -> None:
    found = resolve_text(
        "The International Labour Organization and APEC backed the plan, as did the OAS."
    )
    assert found["International Labour Organization"][0] == "ILO"
    assert found["APEC"][0] == "APEC"
    assert found["OAS"][0] == "OAS"


def test_cambodia_by_its_former_name(resolve_text) -> None:
    found = resolve_text("Kampuchean guerrillas attacked a border post near Thailand.")
    assert found["Kampuchean guerrillas"][0] == "KHM_REB"
