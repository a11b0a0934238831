from pathlib import Path

import pytest

from realpolitik.actors.dictionary import ActorDictionary
from realpolitik.errors import ConfigError


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def test_bundled_dictionary_is_large_and_valid(dictionary: ActorDictionary) -> None:
    kinds = [e.kind for e in dictionary.entries.values()]
    assert kinds.count("state") >= 195
    assert kinds.count("person") >= 150
    named = [k for k in kinds if k not in ("state", "person", "agency")]
    assert len(named) >= 250


def test_generic_agencies_and_nesting(dictionary: ActorDictionary) -> None:
    assert dictionary["SYR_GOV"].code == "SYRGOV"
    assert dictionary["IRN_MIL"].country == "IRN"
    chain = [a.id for a in dictionary.ancestors("QUDS_FORCE")]
    assert chain[:2] == ["IRGC", "IRN_MIL"]
    assert dictionary.get("XYZ_GOV") is None


def test_assad_government_tenure(dictionary: ActorDictionary) -> None:
    from datetime import date

    assad = dictionary["ASSAD_GOVERNMENT"]
    assert assad.valid_to == date(2024, 12, 8)
    assert dictionary.stand_in("SYR_GOV", date(2024, 11, 30)).id == "ASSAD_GOVERNMENT"
    assert dictionary.stand_in("SYR_GOV", date(2024, 12, 20)).id == "SYR_CARETAKER_GOVERNMENT"
    assert dictionary.stand_in("SYR_GOV", None) is None
    assert (
        dictionary.stand_in("SYR_GOV", None, prefer={"ASSAD_GOVERNMENT"}).id == "ASSAD_GOVERNMENT"
    )


def test_codes() -> None:
    dictionary = ActorDictionary.load()
    assert dictionary["IRN"].code == "IRN"
    assert dictionary["HTS"].code == "SYRREB"
    assert dictionary["NATO"].code.startswith("IGO")
    assert dictionary["ISIS"].code == "IMGINS"


def test_user_file_extends_and_is_validated(tmp_path: Path) -> None:
    good = tmp_path / "mine.yaml"
    good.write_text(
        "- id: NORTHERN_FALCONS\n  name: Northern Falcons Brigade\n  kind: group\n"
        "  country: SYR\n  role: REB\n  parent: SNA\n  aliases: [Falcons Brigade]\n"
    )
    dictionary = ActorDictionary.load([good])
    assert dictionary["NORTHERN_FALCONS"].parent == "SNA"

    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "- id: OK_GROUP\n  name: Fine\n  kind: group\n- id: lower case\n  name: X\n  kind: group\n"
    )
    with pytest.raises(ConfigError) as info:
        ActorDictionary.load([bad])
    assert f"{bad} line 4" in str(info.value)

    dangling = tmp_path / "dangling.yaml"
    dangling.write_text("- id: ORPHAN\n  name: Orphan\n  kind: group\n  parent: NOBODY_HERE\n")
    with pytest.raises(ConfigError, match="parent 'NOBODY_HERE'"):
        ActorDictionary.load([dangling])


def test_unknown_field_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "typo.yaml"
    bad.write_text("- id: TYPO\n  name: Typo\n  kind: group\n  alias: [T]\n")
    with pytest.raises(ConfigError, match="unknown field"):
        ActorDictionary.load([bad])


def test_codes_of_actors_without_a_country(dictionary: ActorDictionary) -> None:
    # NGOs are NGO..., not a transnational armed group (IMG)
    assert dictionary["AMNESTY_INTERNATIONAL"].code == "NGO"
    assert dictionary["HUMAN_RIGHTS_WATCH"].code.startswith("NGO")
    # people serving an IGO carry its prefix; an IGO's executive organ is its GOV
    assert dictionary["ANTONIO_GUTERRES"].code == "IGOGOV"
    assert dictionary["UNSC"].code == "IGOGOV"
    assert dictionary["UNHCR"].code == "IGOREF"
    assert dictionary["KARIM_KHAN"].code == "IGOJUD"
    # people of a transnational armed group stay IMG
    assert dictionary["ABU_BAKR_AL_BAGHDADI"].code == "IMGINS"


def test_liberation_movements_by_period(dictionary: ActorDictionary) -> None:
    from datetime import date

    assert dictionary["UNITA"].code == "AGOREB"
    assert not dictionary["UNITA"].valid_on(date(2010, 1, 1))
    assert dictionary["UNITA_PARTY"].valid_on(date(2010, 1, 1))
    assert dictionary["SPLA"].code == "SDNREB"
    assert "Northern Ireland" in dictionary["GBR"].aliases
