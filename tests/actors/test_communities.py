"""Ethnic and religious communities (CAMEO third-level codes), on sentences written for these
tests (not taken from any evaluation set)."""

from pathlib import Path

import pytest

from realpolitik.actors.dictionary import ActorDictionary, load_dictionary
from realpolitik.errors import ConfigError


def _ids(found: dict[str, tuple[str | None, str]]) -> set[str | None]:
    return {actor for actor, _ in found.values()}


def test_communities_are_loaded_with_their_codes() -> None:
    dictionary = load_dictionary()
    assert dictionary.communities["KUR"].kind == "ethnic"
    assert dictionary.communities["SHI"].kind == "religious"
    assert dictionary.communities["ALB"].namesake == "ALB"


def test_generic_community_actor_and_its_code() -> None:
    dictionary = load_dictionary()
    entry = dictionary["SRB_CVL_ALB"]
    assert entry.code == "SRBCVLALB"
    assert entry.parent == "SRB_CVL"
    assert entry.community == "ALB"
    assert dictionary.get("SRB_CVL_XXX") is None  # unknown community


def test_named_group_with_a_community_code() -> None:
    dictionary = load_dictionary()
    assert dictionary["PKK"].code == "TURREBKUR"


def test_unknown_community_of_an_entry_is_an_error(tmp_path: Path) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text(
        "- id: MADE_UP_FRONT\n  name: Made-up Front\n  kind: group\n  country: TUR\n"
        "  role: REB\n  community: XYZ\n"
    )
    with pytest.raises(ConfigError, match="unknown community"):
        ActorDictionary.load([extra])


def test_community_file_is_validated(tmp_path: Path) -> None:
    extra = tmp_path / "communities.yaml"
    extra.write_text("communities:\n  - {code: KURD, name: Kurds, kind: ethnic}\n")
    with pytest.raises(ConfigError, match="three letters"):
        ActorDictionary.load([extra])


def test_state_in_the_phrase_gives_the_country(resolve_text) -> None:
    found = resolve_text("Several thousand Iraqi Kurds marched toward the provincial office.")
    assert found["Several thousand Iraqi Kurds"] == ("IRQ_CVL_KUR", "role")


def test_modified_role_noun_gives_the_role(resolve_text) -> None:
    found = resolve_text("Turkish Kurd refugees crossed the mountains last winter.")
    assert found["Turkish Kurd refugees"][0] == "TUR_REF_KUR"


def test_place_of_the_phrase_gives_the_country(resolve_text) -> None:
    found = resolve_text("Ethnic Hungarians in southern Slovakia asked for bilingual schools.")
    assert found["Ethnic Hungarians"][0] == "SVK_CVL_HUN"


def test_place_of_the_sentence_gives_the_country(resolve_text) -> None:
    found = resolve_text("Kurdish rebels ambushed an army convoy in Syria on Friday.")
    assert found["Kurdish rebels"][0] == "SYR_REB_KUR"
    found = resolve_text("Shiite militias shelled a checkpoint near Iraq's western border.")
    assert found["Shiite militias"][0] == "IRQ_REB_SHI"


def test_leaders_of_a_community_are_elites(resolve_text) -> None:
    found = resolve_text("Yoruba leaders rejected the new Nigerian budget.")
    assert found["Yoruba leaders"][0] == "NGA_ELI_YOR"


def test_a_single_home_country_is_the_fallback(resolve_text) -> None:
    found = resolve_text("The Sikh community celebrated the harvest festival.")
    assert found["The Sikh community"][0] == "IND_CVL_SIK"


def test_a_placed_missionary_is_religious(resolve_text) -> None:
    found = resolve_text("A Christian missionary from Winnipeg was detained at the airport.")
    assert found["A Christian missionary"][0] == "CAN_REL_CHR"


def test_an_unmarked_demonym_stays_the_nationality(resolve_text) -> None:
    found = resolve_text("Ten Russian soldiers were wounded in Ukraine on Monday.")
    assert found["Ten Russian soldiers"][0] == "RUS_MIL"
    found = resolve_text("Senior Hungarian and Slovak officials met in Vienna.")
    assert "HUN_GOV" in _ids(found)
    assert not any(actor and actor.count("_") == 2 for actor in _ids(found))


def test_minority_marks_the_ethnic_group(resolve_text) -> None:
    found = resolve_text("The Hungarian minority in Romania demanded autonomy.")
    assert found["The Hungarian minority"][0] == "ROU_CVL_HUN"


def test_negated_or_stance_words_are_not_the_community(resolve_text) -> None:
    found = resolve_text("Gunmen in Kenya singled out non-Muslims, police said.")
    assert not any(actor and actor.endswith("_MOS") for actor in _ids(found))
    found = resolve_text("A pro-Kurdish party won seats in Turkey.")
    assert not any(actor and actor.endswith("_KUR") for actor in _ids(found))


def test_led_forces_belong_to_the_leader(resolve_text) -> None:
    found = resolve_text("Saudi-led forces struck a port on Tuesday.")
    assert found["Saudi-led forces"][0] == "SAU_MIL"


def test_refugees_are_coded_by_the_state_they_flee(resolve_text) -> None:
    found = resolve_text("Aid reached refugees fleeing the fighting in Sudan.")
    assert found["refugees"][0] == "SDN_REF"


def test_homes_are_civilian(resolve_text) -> None:
    found = resolve_text("Soldiers demolished Palestinian homes overnight.")
    assert found["Palestinian homes"][0] == "PSE_CVL"


def test_national_airline_is_a_business(resolve_text) -> None:
    found = resolve_text("Malaysia Airlines cancelled flights to the region.")
    assert found["Malaysia Airlines"][0] == "MYS_BUS"
