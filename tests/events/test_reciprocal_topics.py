"""What the parties of a reciprocal event talk or agree about is no recipient. Sentences written
for these tests."""

from __future__ import annotations


def test_talks_on_one_partys_troops_are_between_the_parties(sentence) -> None:
    found = sentence("Syria and Jordan resumed negotiations today on a Syrian troop pullback.")
    assert ("CONSULT", "SYR", "JOR") in found
    assert all(target != "SYRMIL" for _, _, target in found)


def test_failed_agreement_on_a_partys_refugees_is_between_the_parties(sentence) -> None:
    found = sentence("Kenya and Uganda failed to reach agreement on the fate of Ugandan refugees.")
    assert {("REJECT", "KEN", "UGA"), ("REJECT", "UGA", "KEN")} <= found


def test_a_third_party_met_with_is_still_the_partner(sentence) -> None:
    found = sentence("Kenya and Uganda met with Ethiopia on Monday.")
    assert {("CONSULT", "KEN", "ETH"), ("CONSULT", "UGA", "ETH")} <= found
