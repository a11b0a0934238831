"""Typed records of actor mentions, the output of actor resolution."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from realpolitik.actors.dictionary import ActorEntry

# How much each way of resolving is trusted; stored with every mention.
CONFIDENCE = {
    "dictionary": 0.95,
    "role": 0.85,
    "stand-in": 0.85,
    "apposition": 0.8,
    "title": 0.8,
    "member": 0.7,
    "capital": 0.7,
    "coreference": 0.6,
    "unresolved": 0.3,
}


# Dependencies that modify a noun inside its phrase: `[Kurdish] rebels`, `[army] officers`.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


@dataclass(frozen=True)
class Mention:
    """A span of an article's text that names an actor (or an unresolved entity)."""

    start: int
    end: int
    text: str
    actor_id: str | None
    label: str
    method: str
    confidence: float
    token_start: int = 0
    token_end: int = 0
    head: int = 0

    @property
    def resolved(self) -> bool:
        return self.method != "unresolved"


@dataclass
class ResolvedActors:
    """Mentions of one document, plus actors made up for it (ad-hoc persons, unresolved)."""

    mentions: list[Mention] = field(default_factory=list)
    new_actors: dict[str, ActorEntry] = field(default_factory=dict)
    by_token: dict[int, Mention] = field(default_factory=dict)

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        for index in range(mention.token_start, mention.token_end):
            self.by_token[index] = mention

    def at(self, token_index: int) -> Mention | None:
        return self.by_token.get(token_index)

    def covers(self, start: int, end: int) -> bool:
        return any(i in self.by_token for i in range(start, end))

    def sorted(self) -> list[Mention]:
        return sorted(self.mentions, key=lambda m: (m.start, m.end))


def span_mention(
    doc: Doc,
    start: int,
    end: int,
    actor_id: str | None,
    method: str,
    head: int,
    label: str = "ACTOR",
) -> Mention:
    """A mention of tokens ``start:end`` of a document."""
    span = doc[start:end]
    return Mention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        actor_id=actor_id,
        label=label,
        method=method,
        confidence=CONFIDENCE.get(method, 0.5),
        token_start=start,
        token_end=end,
        head=head,
    )


def phrase_start(token: Token) -> int:
    """Where a noun's phrase begins: its determiner and modifiers (`the new government`)."""
    start = token.i
    for child in token.children:
        if child.i < token.i and child.dep_ in ("det", "amod", "compound", "nummod", "advmod"):
            start = min(start, child.left_edge.i)
    return start


def coordinated(a: Token, b: Token) -> bool:
    """`Hungarian and Romanian officials`: two conjuncts of one phrase."""
    return (a.dep_ == "conj" and a.head == b) or (b.dep_ == "conj" and b.head == a)
