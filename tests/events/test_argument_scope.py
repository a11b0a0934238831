"""Which actors an event takes as its source and recipient when a sentence holds more than one
clause or an adjectival participle. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.events.sentence_coder import SentenceCoder

DAY = date(2024, 12, 4)


@pytest.fixture(scope="module")
def sentence(coder):
    coder_ = SentenceCoder(coder)

    def _code(text: str) -> set[tuple[str, str | None, str | None]]:
        return {
            (e.type, e.source_code[:3] if e.source_code else None, e.target_code or None)
            for e in coder_(text, DAY)
        }

    return _code


# --- concurrent clauses name no recipient ----------------------------------------------------


def test_concurrent_clause_lends_no_recipient(sentence) -> None:
    found = sentence(
        "Peruvian President Ollanta Humala resigned on Monday as the opposition threatened"
        " to occupy the palace."
    )
    assert found == {("RETREAT", "PER", None)}


def test_while_clause_lends_no_recipient(sentence) -> None:
    found = sentence(
        "Chile eased security measures on Monday in Arica province, while authorities in Peru"
        " cracked down on smugglers."
    )
    assert all(target is None or not target.startswith("PER") for _, _, target in found)
    assert found


def test_unless_clause_still_names_the_threatened(sentence) -> None:
    found = sentence("Kenya threatened to close its border unless Uganda withdrew its troops.")
    assert ("THREATEN", "KEN", "UGA") in found


# --- adjectival passives: the subject holds the stance -----------------------------------------


def test_opposed_subject_is_the_source(sentence) -> None:
    found = sentence("Portugal is opposed to Russian mediation in the dispute.")
    assert found and all(source == "PRT" for _, source, _ in found)


def test_committed_subject_in_reported_speech_is_the_source(sentence) -> None:
    found = sentence("Prime Minister Ahmed Farouk said Egypt is committed to reform.")
    assert ("AGREE", "EGY", None) in found


def test_by_agent_still_acts_on_the_passive_subject(sentence) -> None:
    found = sentence("The Kenyan proposal was opposed by Uganda.")
    assert found and all(source == "UGA" for _, source, _ in found)


# --- helpers and objective `of` -------------------------------------------------------------------


def test_whoever_helps_is_not_the_recipient(sentence) -> None:
    found = sentence("The European Union will tighten the blockade of Libya with Egypt's help.")
    assert found and all(target != "EGY" for _, _, target in found)


def test_blockade_of_a_state_names_its_recipient(sentence) -> None:
    found = sentence("The European Union will tighten the blockade of Libya with Egypt's help.")
    assert any(target == "LBY" for _, _, target in found)


# --- mobilized forces are the actor's own -------------------------------------------------------


def test_mobilized_reservists_are_not_the_recipient(sentence) -> None:
    found = sentence("Chile mobilized army reservists on Tuesday.")
    assert found == {("MOBILIZE", "CHL", None)}


def test_forces_strengthened_in_a_state_target_that_state(sentence) -> None:
    found = sentence("Kenya has strengthened its forces in Somalia after the attack.")
    assert ("MOBILIZE", "KEN", "SOM") in found


# --- insisting that something is so is no demand ---------------------------------------------


def test_insisting_on_a_fact_is_no_request(sentence) -> None:
    found = sentence("Kenya insisted the border clashes reflected old tensions.")
    assert "REQUEST" not in {t for t, _, _ in found}


def test_insisting_that_another_act_is_a_request(sentence) -> None:
    found = sentence("Kenya insisted that Uganda withdraw its troops.")
    assert ("REQUEST", "KEN", "UGA") in found


# --- unnamed attackers are those of the place attacked -----------------------------------------


def test_a_bomb_that_kills_is_an_attack_by_unnamed_local_forces(sentence) -> None:
    found = sentence(
        "A roadside bomb near the town of Mandera killed two Kenyan soldiers on Sunday."
    )
    assert ("ASSAULT", "KEN", "KENMIL") in found


def test_agentless_killing_is_coded_on_the_place_of_the_attack(sentence) -> None:
    found = sentence("A Somali journalist was killed in a car bomb explosion in Mogadishu.")
    assert ("ASSAULT", "SOM", "SOMMED") in found


def test_a_named_attacker_is_kept(sentence) -> None:
    found = sentence("Ethiopian troops killed two Somali journalists in Mogadishu.")
    assert {source for _, source, _ in found} == {"ETH"}
