"""The cheap first pass: which sentences go to the parser."""

from __future__ import annotations

import pytest

from realpolitik.ingest import make_article
from realpolitik.nlp.selection import SentenceChoice, inflection_guesses

STORY = (
    "The weather turned cold over the weekend. "
    "Iran sent more troops to Syria on Monday, officials said. "
    "Prices of bread rose again in the markets. "
    "Israeli jets struck Hezbollah positions near Tyre.\n\n"
    "The match ended in a draw."
)


def _parsed(coder, text: str) -> list[tuple[str, bool]]:
    choice, _ = coder.selector.choose(text)
    return [
        (text[s:e].strip(), keep) for (s, e), keep in zip(choice.spans, choice.parsed, strict=True)
    ]


def test_only_sentences_with_a_trigger_and_an_actor_are_parsed(coder) -> None:
    chosen = dict(_parsed(coder, STORY))
    assert chosen["Iran sent more troops to Syria on Monday, officials said."]
    assert chosen["Israeli jets struck Hezbollah positions near Tyre."]
    assert not chosen["The weather turned cold over the weekend."]
    assert not chosen["Prices of bread rose again in the markets."]
    assert not chosen["The match ended in a draw."]


def test_a_constrained_trigger_needs_its_words(coder) -> None:
    # `take` is a trigger only with words such as `control`; `took part` alone is nothing
    [(_, idle)] = _parsed(coder, "Ahmed took a long walk with his friends.")
    [(_, seized)] = _parsed(coder, "Rebels took control of the town of Saraqib.")
    assert not idle
    assert seized


def test_blanking_keeps_every_offset() -> None:
    text = "One line.\nTwo here. Three."
    choice = SentenceChoice(spans=((0, 10), (10, 20), (20, 26)), parsed=(True, False, True))
    blanked = choice.parse_text(text)
    assert len(blanked) == len(text)
    assert blanked[:10] == text[:10] and blanked[20:] == text[20:]
    assert blanked[10:20].strip() == ""


def test_inflections() -> None:
    assert "shell" in inflection_guesses("shelled")
    assert "carry" in inflection_guesses("carries")
    assert "stop" in inflection_guesses("stopping")
    assert "seize" in inflection_guesses("seized")


@pytest.mark.slow
def test_selective_parsing_codes_the_same_events(coder) -> None:
    article = make_article(STORY)
    selective = coder.code_one(article)
    saved, coder.selector = coder.selector, None
    try:
        full = coder.code_one(article)
    finally:
        coder.selector = saved
    key = [(e.type, e.source, e.target, e.status, e.evidence.start) for e in full.events]
    assert [
        (e.type, e.source, e.target, e.status, e.evidence.start) for e in selective.events
    ] == key
    # a parsed sentence never takes in a blanked one
    assert [e.evidence.text.strip() for e in selective.events] == [
        e.evidence.text.strip() for e in full.events
    ]
    assert len(key) >= 2
    for event in selective.events:
        assert STORY[event.evidence.start : event.evidence.end] == event.evidence.text


def test_unparsed_sentences_keep_their_dictionary_mentions(coder) -> None:
    text = STORY + " Hamas leaders were in Doha at the time."
    analysis = coder.code_one(make_article(text))
    hamas = [m for m in analysis.mentions if m.actor_id == "HAMAS"]
    assert [(m.text, m.method) for m in hamas] == [("Hamas", "dictionary")]
    assert text[hamas[0].start : hamas[0].end] == "Hamas"
    assert "HAMAS" in analysis.actors
