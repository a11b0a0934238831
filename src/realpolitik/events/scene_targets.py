"""When the place an event happens in gives its recipient, and when it does not.

`lifted a curfew in Darfur` or `shelled targets in Jericho` act on the people of the place, so
the coder takes the place's state as the target when the clause names none. Two refinements:

* a place noun named by a state in compound position is that state's: `eased the measures in
  Kosovo province`, `a curfew in the Gaza district` (the parser hangs the name on the noun);
* an intransitive yielding verb happens at a place, not to it: `the rebels surrendered in
  <town>` or `the garrison capitulated in <city>` say where, not to whom, so the place gives no
  recipient.

A clause with no named recipient that acts `for` an attack (`mobilized reservists for a war
against Iraq`, `trained fighters for an offensive on the capital`) is aimed at the attack's
target.
"""

from __future__ import annotations

from spacy.tokens import Token

# Nouns naming an area that a preceding proper name identifies: "Kosovo province".
PLACE_NOUNS = frozenset(
    {
        "province",
        "region",
        "district",
        "city",
        "town",
        "village",
        "area",
        "enclave",
        "territory",
        "capital",
        "county",
        "governorate",
        "prefecture",
        "state",
        "republic",
    }
)
# Objects that make a verb transitive in the sense that matters here.
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
# Prepositions of a purpose the clause serves: "for a war against Iraq".
PURPOSE_PREPOSITIONS = frozenset({"for"})
# Nouns of hostilities a clause can prepare for, besides the lexicon's attack nouns.
HOSTILITY_NOUNS = frozenset({"war", "warfare", "attack", "offensive", "invasion", "assault"})
# Prepositions naming whom hostilities are aimed at: "a war [against] Iraq".
AIMED_AT_PREPOSITIONS = frozenset({"against", "on"})


def place_naming_compounds(place: Token) -> list[Token]:
    """The compound names that identify a place noun: `Kosovo` in `Kosovo province`."""
    if place.lower_ not in PLACE_NOUNS:
        return []
    return [c for c in place.children if c.dep_ == "compound" and c.i < place.i]


def happens_at_place(verb: Token, event_type: str) -> bool:
    """Whether a yielding verb without an object only says where it happened: `surrendered in`."""
    if event_type != "RETREAT" or verb.pos_ not in ("VERB", "AUX"):
        return False
    return not any(c.dep_ in OBJECT_DEPS for c in verb.children)


def purpose_nouns(verb: Token) -> list[Token]:
    """The objects of `for` on a verb or its direct object: `reservists [for] a war`."""
    heads = [verb, *[c for c in verb.children if c.dep_ == "dobj"]]
    return [
        g
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in PURPOSE_PREPOSITIONS
        for g in prep.children
        if g.dep_ == "pobj"
    ]


def aimed_at(noun: Token) -> list[Token]:
    """The objects of `against`/`on` on a noun of hostilities: `a war against [Iraq]`."""
    return [
        g
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in AIMED_AT_PREPOSITIONS
        for g in prep.children
        if g.dep_ == "pobj"
    ]
