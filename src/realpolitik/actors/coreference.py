"""Within-article coreference: `it`, `its`, `they`, `the group`, `the regime` to the compatible
actor last in focus.

An anaphor takes, in order: the subject of a later main clause it is fronted before (`Observing
its proxies weaken, Iran ...`), the last subject of its own sentence, the first subject of the
sentence before, the last compatible mention of its sentence, then of the sentence before. Person
pronouns take people, `it` a single actor that is not a person, `they` groups, plurals and states;
`the regime` and `the government` name the government of record of the state they refer to.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from realpolitik.actors.mentions import Mention, ResolvedActors, phrase_start, span_mention
from realpolitik.nlp.words import positions

if TYPE_CHECKING:
    from realpolitik.actors.resolve import ActorResolver

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})
GOVERNMENT_ANAPHORS = frozenset(
    {"regime", "government", "administration", "authorities", "leadership"}
)
GROUP_ANAPHORS = frozenset(
    {
        "group",
        "movement",
        "organization",
        "organisation",
        "militia",
        "faction",
        "rebels",
        "militants",
        "insurgents",
        "fighters",
        "party",
    }
)
STATE_ANAPHORS = frozenset({"country", "nation", "state", "republic"})
ALLIANCE_ANAPHORS = frozenset({"alliance", "coalition", "bloc", "axis"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "their", "them", "themselves"})
PERSON_PRONOUNS = frozenset({"he", "his", "him", "she", "her", "himself", "herself"})
PRONOUNS = THING_PRONOUNS | PLURAL_PRONOUNS | PERSON_PRONOUNS
ANAPHOR_NOUNS = GOVERNMENT_ANAPHORS | GROUP_ANAPHORS | STATE_ANAPHORS | ALLIANCE_ANAPHORS
GROUP_KINDS = frozenset({"group", "party"})
GROUP_ROLES = frozenset({"REB", "INS", "OPP", "SEP", "PTY"})


class Coreference:
    """Resolves anaphors against the mentions an `ActorResolver` found."""

    def __init__(self, resolver: ActorResolver) -> None:
        self.resolver = resolver

    def resolve(
        self, doc: Doc, out: ResolvedActors, day: date | None, named_here: set[str]
    ) -> None:
        """Add a mention for each pronoun or anaphoric noun phrase whose antecedent is found."""
        resolved = sorted((m for m in out.mentions if m.resolved), key=lambda m: m.token_start)
        for index in positions(doc, PRONOUNS | ANAPHOR_NOUNS):
            if out.at(index) is not None:
                continue
            token = doc[index]
            word = token.lower_
            anaphor = word in PRONOUNS
            noun_phrase = (
                word in ANAPHOR_NOUNS
                and token.pos_ == "NOUN"
                and any(
                    c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children
                )
                and not any(c.dep_ in ("amod", "compound", "poss") for c in token.children)
            )
            if not (anaphor or noun_phrase):
                continue
            if word in ("it", "them") and token.dep_ not in ("nsubj", "nsubjpass"):
                continue  # "attributing it to", "blamed it on": rarely an actor
            target = self._antecedent(token, resolved, out)
            if target is None:
                continue
            actor_id = target.actor_id or ""
            if word in GOVERNMENT_ANAPHORS:
                actor_id = self._government_of(actor_id, day, named_here, out)
            start = phrase_start(token) if noun_phrase else token.i
            mention = span_mention(doc, start, token.i + 1, actor_id, "coreference", token.i)
            out.add(mention)
            resolved.append(mention)
            resolved.sort(key=lambda m: m.token_start)

    def _antecedent(
        self, token: Token, resolved: list[Mention], out: ResolvedActors
    ) -> Mention | None:
        sentence = token.sent
        fits = [m for m in resolved if m.token_end <= token.i and self._compatible(token, m, out)]
        cataphor = self._cataphor(token, resolved, out)
        if cataphor is not None:
            return cataphor
        in_sentence = [m for m in fits if m.token_start >= sentence.start]
        subjects = [m for m in in_sentence if is_subject(token.doc[m.head])]
        if subjects:
            return subjects[-1]
        previous = [m for m in fits if m.token_start < sentence.start]
        if previous:
            last_sentence_start = token.doc[previous[-1].head].sent.start
            last = [m for m in previous if m.token_start >= last_sentence_start]
            last_subjects = [m for m in last if is_subject(token.doc[m.head])]
            if last_subjects and last_sentence_start >= sentence_before(token):
                return last_subjects[0]
        if in_sentence:
            return in_sentence[-1]
        if previous and token.doc[previous[-1].head].sent.start >= sentence_before(token):
            return previous[-1]
        return None

    def _cataphor(
        self, token: Token, resolved: list[Mention], out: ResolvedActors
    ) -> Mention | None:
        """`Observing its proxies weaken, Iran ...`: a pronoun in a fronted clause."""
        root = token.sent.root
        if not any(
            a.dep_ in ("advcl", "prep") and a.head == root and a.i < root.i for a in token.ancestors
        ):
            return None
        for child in root.children:
            if child.dep_ in SUBJECT_DEPS and child.i > token.i:
                mention = out.at(child.i)
                if mention and mention.resolved and self._compatible(token, mention, out):
                    return mention
        return None

    def _compatible(self, token: Token, mention: Mention, out: ResolvedActors) -> bool:
        if not mention.actor_id:
            return False
        entry = self.resolver.entry(mention.actor_id, out)
        if entry is None:
            return False
        word = token.lower_
        plural_mention = token.doc[mention.head].tag_ in ("NNS", "NNPS")
        if word in PERSON_PRONOUNS:
            return entry.is_person
        if entry.is_person:
            return False
        if word in THING_PRONOUNS:
            return not plural_mention
        if word in PLURAL_PRONOUNS:
            # "they" is most often a group or a plural; news also uses it for a country
            return plural_mention or entry.kind in GROUP_KINDS or entry.kind == "state"
        if word in GOVERNMENT_ANAPHORS:
            return entry.role == "GOV" or entry.kind in ("government", "state")
        if word in GROUP_ANAPHORS:
            return entry.kind in GROUP_KINDS or (
                entry.role in GROUP_ROLES and entry.kind != "state"
            )
        if word in STATE_ANAPHORS:
            return entry.kind == "state"
        if word in ALLIANCE_ANAPHORS:
            return entry.kind in ("alliance", "igo")
        return False

    def _government_of(
        self, actor_id: str, day: date | None, named_here: set[str], out: ResolvedActors
    ) -> str:
        entry = self.resolver.entry(actor_id, out)
        if entry is not None and entry.kind == "state":
            generic = self.resolver.dictionary.generic_id(entry.country or entry.id, "GOV")
            return self.resolver.stand_in(generic, day, named_here, "coreference")[0]
        return actor_id


def is_subject(token: Token) -> bool:
    """A subject, or an apposition, conjunct or possessor attached to one."""
    for _ in range(3):
        if token.dep_ in SUBJECT_DEPS:
            return True
        if token.dep_ not in ("appos", "conj", "poss", "compound") or token.head is token:
            return False
        token = token.head
    return False


def sentence_before(token: Token) -> int:
    """Where the sentence before the token's begins (0 in the first sentence)."""
    start = token.sent.start
    if start == 0:
        return 0
    return token.doc[start - 1].sent.start
