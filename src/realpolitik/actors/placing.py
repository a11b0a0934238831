"""The country a place puts unaffiliated people in: "demonstrators [in Baghdad]", "thousands of
people marched [in Cairo]".

News names the crowd, the police or the villagers of a place by where they are, not by their
nationality; an analyst reads "police in Lagos" as Nigerian police and "people killed in the
Gaza Strip" as Palestinian civilians. Only roles whose people belong where they are by default
are placed this way: soldiers, peacekeepers, aid workers, refugees or doctors are often foreign
to where they are, so they keep the code of no country.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from realpolitik.actors.mentions import ResolvedActors

# Roles that belong, by default, to the place they are in.
LOCAL_ROLES = frozenset(
    {"CVL", "OPP", "COP", "REB", "LAB", "EDU", "CRM", "JUD", "GOV", "BUS", "ELI", "REL", "SEP"}
)
# prepositions that place the people of a phrase: "police [in] Lagos"; not "from", which the
# parser hangs on the noun in "expel the rebels [from] Darfur", where it is the verb's
PLACING_PREPOSITIONS = frozenset({"in", "of", "inside", "within", "throughout", "across"})
# prepositions that give where a clause happens: "marched [in] Cairo"; not "to", "from"
SCENE_PREPOSITIONS = frozenset({"in", "inside", "within", "throughout", "across", "near"})

# The state (kind "state") a resolved mention names, by actor id; None for other actors.
StateOf = Callable[[str], str | None]
# The country code of a place name from the gazetteer, or None.
CountryOfPlace = Callable[[str], str | None]


def placed_country(
    head: Token, out: ResolvedActors, state_of: StateOf, country_of: CountryOfPlace
) -> str | None:
    """The country a prepositional phrase on ``head`` puts it in: `police [in Lagos]`."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in PLACING_PREPOSITIONS:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                country = place_country(obj, out, state_of, country_of)
                if country is not None:
                    return country
    return None


def scene_country(
    sentence: Span,
    out: ResolvedActors,
    state_of: StateOf,
    country_of: CountryOfPlace,
    skip: range,
) -> str | None:
    """The country a sentence happens in: the first place after `in`, `near`, `across`."""
    return first_scene(
        sentence, lambda place: place_country(place, out, state_of, country_of), skip
    )


def first_scene(
    sentence: Span, country_at: Callable[[Token], str | None], skip: range
) -> str | None:
    """The first country `country_at` finds for a place the sentence happens in (the object of a
    scene preposition outside `skip`)."""
    for token in sentence:
        if token.dep_ == "pobj" and token.head.lower_ in SCENE_PREPOSITIONS and token.i not in skip:
            country = country_at(token)
            if country is not None:
                return country
    return None


def name_forms(obj: Token) -> tuple[str, str]:
    """The texts a proper name is looked up by: with its compound words (`Tal Rifaat`), then
    alone."""
    start = obj.i
    while start > obj.left_edge.i and obj.doc[start - 1].dep_ == "compound":
        start -= 1
    return obj.doc[start : obj.i + 1].text, obj.text


def place_country(
    obj: Token, out: ResolvedActors, state_of: StateOf, country_of: CountryOfPlace
) -> str | None:
    """The country of a place phrase: a state it names (`in Syria`, `in Iraq's north`, `in the
    east of the Gaza Strip`), else the gazetteer's country for a proper name (`in Baghdad`).
    The state the text gives (`East Timor's capital Dili`) outranks the gazetteer's guess for a
    name; a demonym modifying another noun is no place: `in an Israeli air strike` says who
    struck, not where."""
    mention = out.at(obj.i)
    if mention is not None and mention.actor_id:
        return state_of(mention.actor_id)
    owners = [t for t in obj.subtree if t.dep_ == "poss" and t.i < obj.i]
    wholes = [
        g
        for child in obj.children
        if child.dep_ == "prep" and child.lower_ == "of"
        for g in child.children
        if g.dep_ == "pobj"
    ]
    for inner in owners + wholes:
        country = place_country(inner, out, state_of, country_of)
        if country is not None:
            return country
    if obj.pos_ == "PROPN":
        for text in name_forms(obj):
            country = country_of(text)
            if country is not None:
                return country
    return None
