"""Heads of state or government the dictionary does not know, placed by where their sentence
happens. Sentences written for these tests; the names are invented."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def leader_of(coder):
    """leader_of(text, name) -> (country, role) of the actor resolved for ``name``, or None."""

    def _leader(text: str, name: str) -> tuple[str | None, str | None] | None:
        doc = coder.parse_one(text)
        out = coder.resolver.resolve(doc)
        for mention in out.mentions:
            if mention.text == name and mention.actor_id:
                entry = coder.resolver.entry(mention.actor_id, out)
                if entry is not None and entry.kind != "unresolved":
                    return entry.country, entry.role
        return None

    return _leader


def test_unknown_president_acting_in_a_city_leads_its_country(leader_of) -> None:
    text = "President Tomas Verhallen ordered a curfew in Algiers on Friday."
    assert leader_of(text, "Tomas Verhallen") == ("DZA", "GOV")


def test_unknown_prime_minister_placed_by_a_country(leader_of) -> None:
    text = "Prime Minister Jorin Maskel lifted the state of emergency in Sudan."
    assert leader_of(text, "Jorin Maskel") == ("SDN", "GOV")


def test_a_travelling_leader_is_a_guest_not_the_host(leader_of) -> None:
    assert (
        leader_of("President Tomas Verhallen arrived in Beijing on Monday.", "Tomas Verhallen")
        is None
    )


def test_a_sentence_naming_another_country_leaves_the_leader_unplaced(leader_of) -> None:
    text = "President Tomas Verhallen thanked Japan for the aid delivered in Algiers."
    assert leader_of(text, "Tomas Verhallen") is None


def test_a_minister_is_not_placed_by_the_scene(leader_of) -> None:
    text = "Minister Tomas Verhallen opened a school in Algiers on Friday."
    assert leader_of(text, "Tomas Verhallen") is None
