"""Argument rules for who acted and on whom: demands issued in statements, agentless passives,
"engaged in" an act, and what is withdrawn versus where from. Sentences written for these tests."""

from __future__ import annotations

Coded = set[tuple[str, str | None, str | None]]


def _dyads(
    found: set[tuple[str, str | None, str | None]],
) -> set[tuple[str, str | None, str | None]]:
    return {(t, s[:3] if s else None, g[:3] if g else None) for t, s, g in found}


def test_statement_issuer_makes_the_demand(sentence) -> None:
    found = sentence(
        "The PKK issued a statement demanding that the Turkish government free its jailed members."
    )
    assert any(
        t == "REQUEST" and (s or "").startswith("TURREB") and g == "TURGOV" for t, s, g in found
    )


def test_passive_subject_is_not_its_own_attacker(sentence) -> None:
    found = sentence("Three Nigerian soldiers were killed on Monday.")
    assert found == {("ASSAULT", None, "NGAMIL")}


def test_passive_event_done_by_the_attack_it_happened_in(sentence) -> None:
    found = _dyads(sentence("Two soldiers were wounded in a Hamas rocket attack on Tuesday."))
    assert ("ASSAULT", "PSE", "---") in found


def test_engaged_in_an_act_is_doing_it(sentence) -> None:
    found = _dyads(
        sentence("Serb units were engaged in ethnic cleansing against Bosnian villagers.")
    )
    assert {t for t, _, _ in found} == {"ASSAULT"}
    assert ("ASSAULT", "SRB", "BIH") in found


def test_withdrawn_forces_are_not_the_target(sentence) -> None:
    assert sentence("Syria withdrew its troops from Lebanon last year.") == {
        ("RETREAT", "SYR", "LBN")
    }


def test_place_owned_by_a_named_state_gives_the_target(sentence) -> None:
    found = _dyads(sentence("Prisoners rioted at a prison in East Timor's capital Dili."))
    assert ("PROTEST", "TLS", "TLS") in found


def test_conjuncts_follow_lists_parsed_as_appositions(coder) -> None:
    from realpolitik.events.arguments import conjuncts

    doc = coder.nlp("Iran, Russia and Turkey met in Doha.")
    heads = {t.text for t in conjuncts(doc[0])}
    assert {"Iran", "Russia", "Turkey"} <= heads


def test_each_actor_is_an_argument_once(coder) -> None:
    from realpolitik.events.arguments import Argument, unique_arguments

    doc = coder.nlp("Iran and Iran")
    arguments = [Argument("IRN", doc[0]), Argument("IRN", doc[2]), Argument("TUR", doc[1])]
    assert [a.actor_id for a in unique_arguments(arguments)] == ["IRN", "TUR"]
