"""Standing relations: backs, ally_of, proxy_of, member_of, opposes, seeks_support_from.

From explicit statements in the parse (`U.S.-backed SDF`, `Iran's primary ally, Hezbollah`,
`the axis, which includes A, B and C`, `its proxies`) and from the events of the same article
(support and aid give `backs`, armed conflict gives `opposes`, requests for help give
`seeks_support_from`). Each relation keeps the status and the evidence span that support it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from spacy.tokens import Doc, Token

from realpolitik.actors.dictionary import ActorDictionary
from realpolitik.actors.mentions import ResolvedActors
from realpolitik.events.models import Event, Evidence, Relation
from realpolitik.events.status import event_status
from realpolitik.nlp.words import positions

BACKING_PARTICIPLES = {
    "backed": "backs",
    "supported": "backs",
    "sponsored": "backs",
    "funded": "backs",
    "armed": "backs",
    "trained": "backs",
    "aligned": "ally_of",
    "allied": "ally_of",
    "controlled": "proxy_of",
    "run": "proxy_of",
}
# participle -> relation read as participle's actor -> modified actor, except ally/proxy which
# read modified actor -> participle's actor.
REVERSED = frozenset({"ally_of", "proxy_of"})
ALLY_NOUNS = {
    "ally": "ally_of",
    "allies": "ally_of",
    "partner": "ally_of",
    "partners": "ally_of",
    "proxy": "proxy_of",
    "proxies": "proxy_of",
    "client": "proxy_of",
    "surrogate": "proxy_of",
    "backer": "backs",
    "backers": "backs",
    "patron": "backs",
    "sponsor": "backs",
    "member": "member_of",
    "members": "member_of",
}
RELATION_WORDS = frozenset(BACKING_PARTICIPLES) | frozenset(ALLY_NOUNS)
MEMBERSHIP_VERBS = frozenset(
    {"include", "comprise", "encompass", "involve", "contain", "unite", "bring"}
)
HELP_WORDS = frozenset(
    {
        "help",
        "aid",
        "support",
        "assistance",
        "cooperation",
        "collaboration",
        "backing",
        "weapons",
        "troops",
    }
)
EVENT_RELATIONS = {"SUPPORT": "backs", "AID": "backs", "ASSAULT": "opposes", "COERCE": "opposes"}


def cue_words() -> frozenset[str]:
    """Base forms of the words that state a relation: a sentence without one of them (or an
    event trigger) holds no relation."""
    return frozenset(BACKING_PARTICIPLES) | frozenset(ALLY_NOUNS) | MEMBERSHIP_VERBS


class RelationExtractor:
    def __init__(self, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary

    def extract(
        self,
        doc: Doc,
        actors: ResolvedActors,
        events: Iterable[Event],
        article_id: str,
        day: date | None,
    ) -> list[Relation]:
        found: list[Relation] = []
        for index in positions(doc, RELATION_WORDS):
            found.extend(self._attributive(doc[index], actors, article_id, day))
            found.extend(self._appositive(doc[index], actors, article_id, day))
        for index in positions(doc, MEMBERSHIP_VERBS, lemma=True):
            found.extend(self._membership(doc[index], actors, article_id, day))
        found.extend(self._from_events(events, day))
        return merge_relations(found)

    def _relation(
        self,
        source: str,
        target: str,
        relation: str,
        token: Token,
        article_id: str,
        day: date | None,
        status: str | None = None,
    ) -> Relation | None:
        if source == target or not source or not target:
            return None
        sentence = token.sent
        evidence = Evidence(article_id, sentence.text, sentence.start_char, sentence.end_char)
        status = status or event_status(token, day, lambda t: True).status
        if relation == "ally_of" and source > target:
            source, target = target, source  # symmetric: one direction stored
        return Relation(source, target, relation, status, [evidence], day, day)

    def _attributive(
        self, token: Token, actors: ResolvedActors, article_id: str, day: date | None
    ) -> list[Relation]:
        relation = BACKING_PARTICIPLES.get(token.lower_)
        if relation is None or token.dep_ not in ("amod", "acl", "compound"):
            return []
        backers = [
            actors.at(c.i)
            for c in token.children
            if c.dep_ in ("npadvmod", "compound", "nmod", "advmod")
        ]
        backers = [m for m in backers if m and m.actor_id and m.resolved]
        if not backers:
            agent = [
                g
                for c in token.children
                if c.dep_ == "agent"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            backers = [
                m for m in (actors.at(g.i) for g in agent) if m and m.actor_id and m.resolved
            ]
        backed = self._actor_near(token.head, actors)
        out = []
        for backer in backers:
            if backed is None or backer is None or not backer.actor_id:
                continue
            source, target = (
                (backed, backer.actor_id) if relation in REVERSED else (backer.actor_id, backed)
            )
            rel = self._relation(source, target, relation, token.head, article_id, day, "asserted")
            if rel:
                out.append(rel)
        return out

    def _appositive(
        self, token: Token, actors: ResolvedActors, article_id: str, day: date | None
    ) -> list[Relation]:
        relation = ALLY_NOUNS.get(token.lower_)
        own = actors.at(token.i)
        if relation is None or (own is not None and own.method != "coreference"):
            return []
        patron = next(
            (
                actors.at(c.i)
                for c in token.children
                if c.dep_ == "poss" and actors.at(c.i) is not None
            ),
            None,
        )
        if patron is None:
            patron_prep = [
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ in ("of", "to", "for")
                for g in c.children
                if g.dep_ == "pobj"
            ]
            patron = next((actors.at(g.i) for g in patron_prep if actors.at(g.i) is not None), None)
        if patron is None or not patron.actor_id or not patron.resolved:
            return []
        clients: list[str] = []
        for child in token.children:
            if child.dep_ == "appos":
                clients += [a for a in self._actors_of(child, actors)]
        if token.dep_ == "appos":
            clients += self._actors_of(token.head, actors)
        if token.dep_ in ("attr",):
            subject = [c for c in token.head.children if c.dep_ == "nsubj"]
            clients += [a for s in subject for a in self._actors_of(s, actors)]
        out = []
        for client in clients:
            if relation == "backs":
                rel = self._relation(client, patron.actor_id, relation, token, article_id, day)
            else:
                rel = self._relation(client, patron.actor_id, relation, token, article_id, day)
            if rel:
                out.append(rel)
        return out

    def _membership(
        self, token: Token, actors: ResolvedActors, article_id: str, day: date | None
    ) -> list[Relation]:
        if token.lemma_.lower() not in MEMBERSHIP_VERBS:
            return []
        if token.dep_ == "relcl":
            group = actors.at(token.head.i)
        else:
            subject = [c for c in token.children if c.dep_ == "nsubj"]
            group = actors.at(subject[0].i) if subject else None
        if group is None or not group.actor_id:
            return []
        entry = self.dictionary.get(group.actor_id)
        if entry is None or entry.kind not in ("alliance", "igo", "group"):
            return []
        members = {
            m.actor_id
            for obj in token.children
            if obj.dep_ in ("dobj", "prep")
            for t in obj.subtree
            if (m := actors.at(t.i)) is not None
            and m.actor_id
            and m.resolved
            and m.actor_id != group.actor_id
        }
        out = []
        for member in sorted(members):
            rel = self._relation(
                member, group.actor_id, "member_of", token, article_id, day, "asserted"
            )
            if rel:
                out.append(rel)
        return out

    def _from_events(self, events: Iterable[Event], day: date | None) -> list[Relation]:
        out = []
        for event in events:
            if not event.source or not event.target or event.status in ("negated", "hypothetical"):
                continue
            relation = EVENT_RELATIONS.get(event.type)
            words = set(event.evidence.text.lower().split())
            if (
                event.type in ("REQUEST", "COOPERATE")
                and words & HELP_WORDS
                and event.status != "historical"
            ):
                relation = "seeks_support_from" if event.type == "REQUEST" else None
            if relation is None:
                continue
            out.append(
                Relation(
                    event.source,
                    event.target,
                    relation,
                    event.status,
                    [event.evidence],
                    day,
                    day,
                    0.5,
                )
            )
        return out

    def _actor_near(self, token: Token, actors: ResolvedActors) -> str | None:
        mention = actors.at(token.i)
        if mention and mention.actor_id and mention.resolved:
            return mention.actor_id
        for child in token.children:
            if child.dep_ == "appos":
                inner = actors.at(child.i)
                if inner and inner.actor_id:
                    return inner.actor_id
        return None

    def _actors_of(self, token: Token, actors: ResolvedActors) -> list[str]:
        out = []
        for t in [token, *[c for c in token.children if c.dep_ == "conj"]]:
            mention = actors.at(t.i)
            if mention and mention.actor_id and mention.resolved:
                out.append(mention.actor_id)
        return out


def merge_relations(relations: Iterable[Relation]) -> list[Relation]:
    """One relation per (source, target, relation, status), with all its evidence."""
    merged: dict[str, Relation] = {}
    for relation in relations:
        existing = merged.get(relation.id)
        if existing is None:
            merged[relation.id] = Relation(
                relation.source,
                relation.target,
                relation.relation,
                relation.status,
                list(relation.evidence),
                relation.first_seen,
                relation.last_seen,
                relation.confidence,
            )
            continue
        for evidence in relation.evidence:
            if evidence not in existing.evidence:
                existing.evidence.append(evidence)
        existing.first_seen = _min_date(existing.first_seen, relation.first_seen)
        existing.last_seen = _max_date(existing.last_seen, relation.last_seen)
        existing.confidence = max(existing.confidence, relation.confidence)
    return list(merged.values())


def _min_date(a: date | None, b: date | None) -> date | None:
    return min(d for d in (a, b) if d) if (a or b) else None


def _max_date(a: date | None, b: date | None) -> date | None:
    return max(d for d in (a, b) if d) if (a or b) else None
