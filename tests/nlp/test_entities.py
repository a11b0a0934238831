"""Entities where they are needed: rules for dates, amounts and placed gazetteer names, the model's
recogniser for sentences with a name nothing else knows."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from realpolitik.errors import ConfigError
from realpolitik.nlp.entities import SelectiveEntities, load_entity_rules


def entities_of(coder, text: str) -> tuple[SelectiveEntities, Doc]:
    entities = coder.selective_entities()
    doc = next(entities.pipe(coder.nlp.pipe([text], disable=["ner"])))
    return entities, doc


def labelled(doc: Doc) -> set[tuple[str, str]]:
    return {(ent.text, ent.label_) for ent in doc.ents if ent.label_ != "RP_ACTOR"}


def test_known_names_need_no_recogniser(coder) -> None:
    entities, doc = entities_of(
        coder, "Russian jets struck rebel positions in Idlib on Tuesday, killing 12 fighters."
    )
    assert entities.tokens_recognised == 0
    assert entities.tokens_ruled == len(doc)
    assert {("Idlib", "GPE"), ("Tuesday", "DATE"), ("12", "CARDINAL")} <= labelled(doc)


def test_dates_and_amounts_by_rule(coder) -> None:
    _, doc = entities_of(
        coder,
        "Iran pledged $5 million in aid on 3 March 2024, two weeks after Turkey offered "
        "10 percent more.",
    )
    found = labelled(doc)
    assert ("$5 million", "MONEY") in found
    assert ("3 March 2024", "DATE") in found
    assert ("10 percent", "PERCENT") in found


def test_an_unknown_name_sends_the_sentence_to_the_recogniser(coder) -> None:
    text = "Iran condemned the strike. Margaret Okonjo, a lawyer, said the court would rule."
    entities, doc = entities_of(coder, text)
    first = next(doc.sents)
    assert entities.tokens_recognised == len(doc) - len(first)
    assert ("Margaret Okonjo", "PERSON") in labelled(doc)


def test_recognised_sentences_get_the_models_entities(coder) -> None:
    text = (
        "Margaret Okonjo met Tomas Varga in Vienna on Monday. "
        "Varga later flew to Brussels with Daniel Kessler."
    )
    _, doc = entities_of(coder, text)
    whole = coder.nlp(text)
    assert labelled(doc) == labelled(whole)


def test_a_place_name_as_subject_is_left_to_the_recogniser(coder) -> None:
    entities, _ = entities_of(coder, "Aleppo fell after a week of fighting.")
    assert entities.tokens_recognised > 0


def test_titles_and_community_words_are_not_unknown_names(coder) -> None:
    entities, _ = entities_of(coder, "Kurdish fighters said Foreign Minister Hakan Fidan lied.")
    assert entities.tokens_recognised == 0


def test_rules_file_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text("labels:\n  DATE:\n    - [{LOWER: {IN: $nowhere}}]\n")
    with pytest.raises(ConfigError, match="rules.yaml.*nowhere"):
        load_entity_rules(bad)
    bad.write_text("labels:\n  DATE:\n    - [{NOT_AN_ATTRIBUTE: 1}]\n")
    with pytest.raises(ConfigError, match="rules.yaml"):
        load_entity_rules(bad)
    bad.write_text("version: x\n")
    with pytest.raises(ConfigError, match="labels"):
        load_entity_rules(bad)


def test_the_bundled_rules_load() -> None:
    rules = load_entity_rules()
    assert {"DATE", "MONEY", "CARDINAL"} <= set(rules.patterns)
    assert "monday" in rules.anchors
