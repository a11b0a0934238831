"""What an event gives or withdraws is not its recipient: intelligence is military aid, every
coordinated object of `provide` may be what is given, and inspectors withdrawn from a state
leave that state. Sentences written for these tests."""

from __future__ import annotations


def test_intelligence_given_is_no_recipient(sentence) -> None:
    assert ("AID", "GBR", "KEN") in sentence("Britain provided military intelligence to Kenya.")


def test_a_coordinated_given_object_is_no_recipient(sentence) -> None:
    found = sentence(
        "Canada is providing satellite images and other military intelligence to Chad."
    )
    assert ("AID", "CAN", "TCD") in found


def test_inspectors_withdrawn_from_a_state_leave_that_state(sentence) -> None:
    found = sentence("The agency withdrew its inspectors and aid workers from Yemen on Monday.")
    assert {target for _, _, target in found} == {"YEM"}
