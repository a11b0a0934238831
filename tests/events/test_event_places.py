"""Where an event happened: the trigger's place phrase, the sentence, else the article."""

from __future__ import annotations

from realpolitik.events.event_places import EventPlaces


def test_the_triggers_place_phrase(coder) -> None:
    places = EventPlaces(coder.gazetteer)
    doc = coder.parse_one("Rebels shelled positions in the western Aleppo countryside.")
    trigger = next(t for t in doc if t.lemma_ == "shell")
    place = places.of_event(trigger, trigger.sent)
    assert place is not None and place.name == "Aleppo" and place.country == "SYR"
    assert place.taken_from == "sentence"


def test_a_phrase_is_read_up_to_its_head(coder) -> None:
    places = EventPlaces(coder.gazetteer)
    doc = coder.parse_one("Turkish-backed fighters attacked Tal Rifaat on Monday.")
    head = next(t for t in doc if t.text == "Rifaat")
    place = places.of_phrase(head)
    assert place is not None and place.country == "SYR" and place.precision == "city"
    assert places.lookup("Rifaat", "sentence", True) is None  # the head alone is not a place


def test_the_article_place_is_the_one_named_most(coder) -> None:
    places = EventPlaces(coder.gazetteer)
    doc = coder.parse_one(
        "Clashes broke out in Hama. Residents of Hama fled south. Aid reached Homs later."
    )
    place = places.of_article(doc)
    assert place is not None and place.name == "Hama" and place.taken_from == "article"


def test_no_gazetteer_no_places(coder) -> None:
    doc = coder.parse_one("Rebels shelled positions in Aleppo.")
    assert EventPlaces(None).of_article(doc) is None
    assert EventPlaces(None).lookup("Aleppo", "sentence", True) is None
