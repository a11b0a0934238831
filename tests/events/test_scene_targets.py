"""When the place of an event gives its recipient (`eased the measures in Kosovo province`),
when it does not (`the rebels surrendered in <town>`), and attacks a clause prepares for
(`mobilized reservists for a war against Iraq`). Sentences written for these tests."""

from __future__ import annotations


def _pairs(found: set[tuple[str, str | None, str | None]]) -> set[tuple[str | None, str | None]]:
    return {(s[:3] if s else None, t[:3] if t else None) for _, s, t in found}


def test_a_place_noun_named_by_a_state_gives_the_target(sentence) -> None:
    found = sentence("Serbia relaxed the emergency rules on Friday in Kosovo province.")
    assert ("SRB", "XKX") in _pairs(found)


def test_surrender_in_a_town_has_no_recipient(sentence) -> None:
    found = sentence("Three hundred rebels surrendered on Sunday in Gulu.")
    assert found
    assert all(target is None for _, _, target in found)


def test_other_intransitive_events_still_take_the_place(sentence) -> None:
    found = sentence("Ethnic Greeks demonstrated on Tuesday in Albania.")
    assert "ALB" in {target for _, target in _pairs(found)}


def test_mobilizing_for_a_war_against_a_state_targets_it(sentence) -> None:
    found = sentence("Canada mobilized reservists for a possible war against Syria.")
    assert ("MOBILIZE", "CAN", "SYR") in found
