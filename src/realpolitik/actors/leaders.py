"""Heads of state or government the dictionary does not know, placed by where the sentence
happens: "President <unknown name> imposed a curfew in <a city of country X>".

News introduces a country's own leader by title and name alone when the story is set at home;
an analyst reads a president or prime minister acting in a country the sentence names as that
country's government. Only titles of the head of a state or government count (a minister or a
general is as often foreign), a sentence about travel is left alone (a president who arrives in
or visits a capital is a guest there), and so is one that also names actors of another country.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

from realpolitik.actors.mentions import ResolvedActors
from realpolitik.actors.placing import CountryOfPlace, StateOf, scene_country

# Titles of the head of a state or of its government, lower case.
LEADER_TITLES = frozenset(
    {
        "president",
        "vice president",
        "vice-president",
        "president-elect",
        "prime minister",
        "premier",
        "chancellor",
        "king",
        "queen",
        "emir",
        "sultan",
        "crown prince",
    }
)
# Verbs that put a leader somewhere as a guest: "President X arrived in Beijing".
TRAVEL_LEMMAS = frozenset(
    {"arrive", "visit", "travel", "fly", "land", "tour", "attend", "reach", "come", "go", "return"}
)
_LONGEST_TITLE = max(len(title.split()) for title in LEADER_TITLES)


def leader_title(person: Span) -> bool:
    """Whether a head-of-state or government title stands right before (or opens) ``person``."""
    doc = person.doc
    for size in range(1, _LONGEST_TITLE + 1):
        before = doc[max(0, person.start - size) : person.start]
        inside = doc[person.start : min(person.end - 1, person.start + size)]
        for words in (before, inside):
            if len(words) == size and words.text.lower() in LEADER_TITLES:
                return True
    return False


def placed_leader_country(
    person: Span,
    out: ResolvedActors,
    state_of: StateOf,
    country_of: CountryOfPlace,
    actor_country: Callable[[str], str | None],
) -> str | None:
    """The country whose government an untitled-country leader heads: the one country the
    sentence happens in, when the sentence names no actor of another country and no travel."""
    if not leader_title(person):
        return None
    sentence = person.sent
    if any(token.lemma_ in TRAVEL_LEMMAS and token.pos_ == "VERB" for token in sentence):
        return None
    country = scene_country(sentence, out, state_of, country_of, range(person.start, person.end))
    if country is None:
        return None
    for mention in out.mentions:
        if not sentence.start <= mention.head < sentence.end or not mention.actor_id:
            continue
        other = actor_country(mention.actor_id)
        if other is not None and other != country:
            return None
    return country
