"""The stand-ins for the attribute ruler and lemmatizer give exactly the model's annotations."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from realpolitik.config import Config
from realpolitik.nlp.attributes import FastAttributeRuler, FastLemmatizer, use_fast_attributes

TEXTS = [
    "Rebels seized the airport on Tuesday, and the army said it would not withdraw.",
    "There were clashes near the border; she's gonna tell y'all what they didn't see.",
    "I told you it gets worse: he got the letter, and it was sent to me.",
    "Let's go. Whether or not the talks resume, doing nothing isn't an option.",
    "The ministers have agreed that they'll meet again, though none of them has said when.",
    "Iran's foreign minister met his Russian counterpart in Moscow.   Talks continue.",
]


@pytest.fixture(scope="module")
def models() -> tuple[Language, Language]:
    model = Config.from_env(environ={}).model
    original = spacy.load(model, exclude=["ner"])
    fast = spacy.load(model, exclude=["ner"])
    use_fast_attributes(fast)
    return original, fast


def annotations(nlp: Language, text: str) -> list[tuple[str, ...]]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.dep_, t.tag_) for t in nlp(text)]


def test_the_stand_ins_take_the_components_places(models: tuple[Language, Language]) -> None:
    original, fast = models
    assert fast.pipe_names == original.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), FastLemmatizer)


@pytest.mark.parametrize("text", TEXTS)
def test_annotations_are_the_models_own(models: tuple[Language, Language], text: str) -> None:
    original, fast = models
    assert annotations(fast, text) == annotations(original, text)


def test_piped_documents_match_too(models: tuple[Language, Language]) -> None:
    original, fast = models
    expected = [annotations(original, text) for text in TEXTS]
    piped = [
        [(t.text, t.pos_, str(t.morph), t.lemma_, t.dep_, t.tag_) for t in doc]
        for doc in fast.pipe(TEXTS)
    ]
    assert piped == expected


def test_an_empty_document_passes_through(models: tuple[Language, Language]) -> None:
    assert len(models[1]("")) == 0
