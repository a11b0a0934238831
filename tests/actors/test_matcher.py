"""The actor ruler: dictionary names found as token-hash phrases."""

from __future__ import annotations


def actor_spans(coder, text: str) -> list[tuple[str, str]]:
    ruler = coder.nlp.get_pipe("realpolitik_actors")
    doc = ruler(coder.nlp.make_doc(text))
    assert all(span.end <= len(doc) for span in doc.ents)
    return [(span.text, span.kb_id_) for span in doc.ents if span.label_ == "RP_ACTOR"]


def test_a_name_at_the_very_end_of_a_text(coder) -> None:
    # "Israel" also begins longer names; the phrase index must not read past the last token
    found = actor_spans(coder, "Washington pledged support to Israel")
    assert found[-1] == ("Israel", "ISR")


def test_longest_name_wins(coder) -> None:
    found = actor_spans(coder, "Fighters of Hayat Tahrir al-Sham entered the town.")
    assert [text for text, _ in found] == ["Hayat Tahrir al-Sham"]


def test_short_capitals_match_by_case(coder) -> None:
    assert [t for t, _ in actor_spans(coder, "The US envoy met HTS leaders.")] == ["US", "HTS"]
    assert [t for t, _ in actor_spans(coder, "He told us it was over.")] == []
