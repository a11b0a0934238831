"""Ethnic and religious communities: "ethnic Albanians in Serbia", "Kurdish rebels", "Iraqi Kurds".

A phrase naming a community resolves to country + role + community (`SRB_CVL_ALB`, CAMEO's
third-level codes; the communities are `data/actors/communities.yaml`).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from realpolitik.actors.dictionary import Community
from realpolitik.actors.mentions import (
    MODIFIER_DEPS,
    ResolvedActors,
    coordinated,
    phrase_start,
    span_mention,
)
from realpolitik.actors.placing import SCENE_PREPOSITIONS, first_scene, name_forms
from realpolitik.nlp.words import positions

if TYPE_CHECKING:
    from realpolitik.actors.resolve import ActorResolver

# Ethnic and religious communities (`Community`): "ethnic Albanians", "Kurdish rebels"
ETHNIC_MARKERS = frozenset({"ethnic", "ethnically"})
# nouns for the people of a community as a whole: "the Hutu majority", "the Druze community"
COMMUNITY_PEOPLE_NOUNS = frozenset(
    {"community", "communities", "minority", "minorities", "majority", "population", "people"}
)
# a namesake demonym before these names the ethnic group: "the Hungarian minority in Romania"
MINORITY_NOUNS = frozenset(
    {"minority", "minorities", "community", "communities", "population", "populations"}
)
# a community has no government: its leaders, elders and politicians are elites (ELI)
COMMUNITY_LEADER_NOUNS = frozenset(
    {
        "leader",
        "leaders",
        "chief",
        "chiefs",
        "elder",
        "elders",
        "politician",
        "politicians",
        "figures",
        "notables",
    }
)
# prepositions that place a phrase's people in a country: "Albanians [of] southern Serbia"
PLACING_PREPOSITIONS = frozenset(
    {"in", "of", "from", "inside", "within", "throughout", "across", "near"}
)


class Communities:
    """Finds community phrases for an `ActorResolver`, before its dictionary spans."""

    def __init__(self, resolver: ActorResolver) -> None:
        self.resolver = resolver
        self.by_form: dict[str, Community] = {}
        for community in resolver.dictionary.communities.values():
            for form in community.forms:
                self.by_form.setdefault(form.lower(), community)
        self.forms = frozenset(self.by_form)

    def resolve(self, doc: Doc, spans: list[Span], out: ResolvedActors, day: date | None) -> None:
        """Phrases naming an ethnic or religious community resolve to country + role + community
        (`SRB_CVL_ALB`). The role comes from the noun the community word modifies (`Kurdish
        [rebels]`), CVL when the word is itself the noun (`Iraqi [Kurds]`), ELI for its leaders.
        The country comes, in order, from a state in the phrase (`Iraqi Kurds`), a place the
        phrase is put in (`Albanians of southern Serbia`), the place the sentence happens in,
        the community's home among the sentence's states, any state of the sentence, and the
        community's only home. Runs before the dictionary spans, so `Iraqi` in `Iraqi Kurds`
        becomes part of the community phrase."""
        if not self.by_form:
            return
        states: dict[int, str] = {}
        named: set[int] = set()
        for span in spans:
            chosen = self.resolver.choose(span._.rp_candidates, day)
            if chosen is None:
                continue
            if chosen[0].kind == "state":
                for index in range(span.start, span.end):
                    states[index] = chosen[0].country or chosen[0].id
            else:
                named.update(range(span.start, span.end))
        for index in positions(doc, self.forms):
            token = doc[index]
            community = self.by_form.get(token.lower_)
            if community is None or token.i in named or not token.text[:1].isupper():
                continue
            if (
                token.i > 1
                and doc[token.i - 1].text == "-"
                and doc[token.i - 2].lower_
                in (
                    "pro",
                    "anti",
                    "non",
                )
            ):
                continue  # "pro-Kurdish party", "non-Muslims": a stance or its negation
            phrase = self._community_phrase(token)
            if phrase is None:
                continue
            head, role = phrase
            if head.i in named:
                continue  # "Kurdish Peshmerga": the named actor says who it is
            # "ethnic Albanians", "the Albanian minority": the ethnicity, not the nationality
            marked = (
                token.i > 0 and doc[token.i - 1].lower_ in ETHNIC_MARKERS
            ) or head.lower_ in MINORITY_NOUNS
            own = community.namesake
            inside = range(head.left_edge.i, head.i + 1)
            country = next(
                (
                    states[i]
                    for i in inside
                    if i in states
                    and i != token.i
                    and states[i] != own
                    and not coordinated(doc[i], token)
                ),
                None,
            )
            if country is None and (own is None or marked or head.i == token.i):
                # "Albanians of southern Serbia"; but "Russian soldiers in Ukraine" are Russian
                country = self._placed(head, states, own)
            if country is None and own is not None and not marked:
                continue  # "Albanian guerrillas": the demonym of Albania, not the community
            if country is None:
                country = self._scene(token.sent, states, own, inside)
            if country is None:
                others = [
                    states[t.i]
                    for t in token.sent
                    if t.i in states and t.i not in inside and states[t.i] != own
                ]
                at_home = [c for c in others if c in community.homes]
                country = next(iter(at_home or others), None)
            if country is None and len(community.homes) == 1:
                country = community.homes[0]
            if country is None:
                continue
            actor_id = self.resolver.dictionary.generic_id(country, role, community.code)
            ethnic = token.i > 0 and doc[token.i - 1].lower_ in ETHNIC_MARKERS
            start = min(phrase_start(head), token.i - 1 if ethnic else token.i)
            if self.resolver.dictionary.get(actor_id) is None or out.covers(start, head.i + 1):
                continue
            out.add(span_mention(doc, start, head.i + 1, actor_id, "role", head.i))

    def _community_phrase(self, token: Token) -> tuple[Token, str] | None:
        """The noun a community word names people with, and their role: `Kurdish [rebels]`
        (REB), `Yoruba [leaders]` (ELI), `the Hutu [majority]` (CVL), `Iraqi [Kurds]` (CVL)."""
        if token.dep_ in MODIFIER_DEPS and token.head.i > token.i:
            head = token.head
            if head.pos_ not in ("NOUN", "PROPN"):
                return None
            role = self.resolver.role_of(head, token.i + 1)
            if role in (None, "GOV") and head.lower_ in COMMUNITY_LEADER_NOUNS:
                return head, "ELI"
            if role is None and head.lower_ in COMMUNITY_PEOPLE_NOUNS:
                return head, "CVL"
            return (head, role) if role is not None else None
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "amod"):
            return None
        plural = token.tag_ in ("NNS", "NNPS")
        marked = token.i > 0 and token.doc[token.i - 1].lower_ in ETHNIC_MARKERS
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        return (token, "CVL") if plural or marked or definite else None

    def _placed(self, head: Token, states: dict[int, str], own: str | None) -> str | None:
        """The country a phrase puts its people in: `Albanians [of southern Serbia]`,
        `guerrillas [operating in Macedonia]`, `a missionary [from Calgary]`."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in PLACING_PREPOSITIONS:
                preps = [child]
            elif child.dep_ in ("acl", "relcl"):
                preps = [
                    c for c in child.children if c.dep_ == "prep" and c.lower_ in SCENE_PREPOSITIONS
                ]
            else:
                continue
            for prep in preps:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        country = self._country_in(obj, states, own)
                        if country is not None:
                            return country
        return None

    def _scene(
        self, sentence: Span, states: dict[int, str], own: str | None, inside: range
    ) -> str | None:
        """The country a sentence happens in: the first place after `in`, `near`, `across`."""
        return first_scene(sentence, lambda place: self._country_in(place, states, own), inside)

    def _country_in(self, obj: Token, states: dict[int, str], own: str | None) -> str | None:
        """The country of a place phrase: a state named in it (`the Syrian Golan Heights`,
        `near Macedonia's border`), else the gazetteer's country for a proper name."""
        for token in obj.subtree:
            if token.i in states and states[token.i] != own:
                return states[token.i]
        if self.resolver.places is None or obj.pos_ != "PROPN":
            return None
        for text in name_forms(obj):
            place = self.resolver.places.lookup(text)
            country = getattr(place, "country", None)
            if isinstance(country, str) and country != own:
                return country
        return None
