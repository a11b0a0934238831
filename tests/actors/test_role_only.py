"""Role nouns with no country in reach are the role alone (`ROLE_REB`, code `---REB`)."""

from __future__ import annotations


def test_role_only_entry_has_no_country(coder) -> None:
    entry = coder.dictionary.get("ROLE_REB")
    assert entry is not None
    assert entry.country is None
    assert entry.code == "---REB"
    assert coder.dictionary.get("ROLE_XYZ") is None


def test_bare_role_nouns_are_the_role_alone(resolve_text) -> None:
    found = resolve_text("Masked gunmen stormed a bakery overnight and the police arrested two.")
    assert found["Masked gunmen"] == ("ROLE_UAF", "role")
    assert found["the police"] == ("ROLE_COP", "role")


def test_role_only_when_the_named_country_is_not_its_owner(resolve_text) -> None:
    found = resolve_text("The cabinet thanked Norway for its generous loan.")
    assert found["The cabinet"][0] == "ROLE_GOV"
    assert found["Norway"][0] == "NOR"


def test_own_country_phrases_are_unchanged(resolve_text) -> None:
    found = resolve_text("Syrian rebels shelled a village held by government forces in Syria.")
    assert found["Syrian rebels"][0] == "SYR_REB"
    assert found["government forces"][0] == "SYR_MIL"


def test_a_place_in_reach_leaves_the_role_unresolved(resolve_text) -> None:
    found = resolve_text("The Sudanese government said rebels in Darfur had broken the truce.")
    assert not any(actor and actor.startswith("ROLE_") for actor, _ in found.values())


def test_unknown_names_and_other_states_leave_the_role_unresolved(resolve_text) -> None:
    found = resolve_text("A regional peacekeeping force arrived as Zorblat militias regrouped.")
    assert not any(actor and actor.startswith("ROLE_") for actor, _ in found.values())


def test_things_named_by_a_role_modifier_are_not_actors(resolve_text) -> None:
    found = resolve_text("Canada gave military equipment to Ukraine on Thursday.")
    assert "military equipment" not in found


def test_coordinated_role_noun_shares_the_first_nouns_country(resolve_text) -> None:
    found = resolve_text("Egyptian police and soldiers raided the farm overnight.")
    assert found["soldiers"][0] == "EGY_MIL"


def test_coordinated_role_noun_with_its_own_modifier_keeps_it(resolve_text) -> None:
    found = resolve_text("Egyptian police and foreign soldiers raided the farm overnight.")
    soldiers = {actor for text, (actor, _) in found.items() if text.endswith("soldiers")}
    assert "EGY_MIL" not in soldiers
