"""Resolution on sentences written for these tests (not taken from any evaluation set)."""

from datetime import date


def test_named_groups_the_small_model_mislabels(resolve_text) -> None:
    found = resolve_text(
        "Fighters of Hayat Tahrir al-Sham and Kataib Hezbollah clashed, while the Houthis "
        "fired missiles and HTS denied any role."
    )
    assert found["Hayat Tahrir al-Sham"][0] == "HTS"
    assert found["Kataib Hezbollah"][0] == "KATAIB_HEZBOLLAH"
    assert found["Houthis"][0] == "HOUTHIS"
    assert found["HTS"][0] == "HTS"


def test_country_and_role_phrases(resolve_text) -> None:
    found = resolve_text(
        "Syrian military troops withdrew as Iranian officials met Turkish diplomats. "
        "Iran's forces stayed home and Iraqi militias waited."
    )
    assert found["Syrian military troops"] == ("SYR_MIL", "role")
    assert found["Iranian officials"][0] == "IRN_GOV"
    assert found["Turkish diplomats"][0] == "TUR_GOV"
    assert found["Iraqi militias"][0] == "IRQ_REB"
    assert any(actor == "IRN_MIL" for actor, _ in found.values())


def test_attributive_backer_is_its_own_mention(resolve_text) -> None:
    found = resolve_text("The U.S.-backed SDF held the dam against Turkish-backed factions.")
    assert found["U.S."][0] == "USA"
    assert found["SDF"][0] == "SDF"


def test_generic_government_follows_the_article_date(resolve_text) -> None:
    text = "The Syrian government sent more troops north, state media said."
    before = resolve_text(text, date(2024, 11, 30))
    after = resolve_text(text, date(2024, 12, 18))
    assert before["The Syrian government"] == ("ASSAD_GOVERNMENT", "stand-in")
    assert after["The Syrian government"] == ("SYR_CARETAKER_GOVERNMENT", "stand-in")
    undated = resolve_text(text)
    assert undated["The Syrian government"][0] == "SYR_GOV"


def test_member_phrase_resolves_to_the_organisation(resolve_text) -> None:
    found = resolve_text("A senior commander from the IRGC was sent to Damascus last week.")
    assert found["A senior commander"] == ("IRGC", "member")


def test_person_known_by_apposition(resolve_text) -> None:
    found = resolve_text(
        "Brigadier General Farhad Nouri, commander of the Iranian Armed Forces' northern "
        "district, said the border was calm."
    )
    person = [v for k, v in found.items() if "Farhad Nouri" in k]
    assert person and person[0][0].startswith("P_") and person[0][1] in ("apposition", "title")


def test_dictionary_person(resolve_text) -> None:
    found = resolve_text("Mohammad Bagheri said the army was ready.")
    assert found["Mohammad Bagheri"][0] == "MOHAMMAD_BAGHERI"


def test_coreference_to_compatible_actor(resolve_text) -> None:
    found = resolve_text(
        "Hezbollah buried several commanders on Monday. The group said its fighters would "
        "keep their positions near the border."
    )
    assert found["The group"] == ("HEZBOLLAH", "coreference")
    assert found["its"] == ("HEZBOLLAH", "coreference")


def test_capital_as_place_is_not_an_actor(resolve_text) -> None:
    found = resolve_text("Moscow said it would keep its bases. Talks were held in Moscow.")
    assert found.get("Moscow", (None, ""))[0] == "RUS"
    assert sum(1 for text in found if text == "Moscow") == 1
