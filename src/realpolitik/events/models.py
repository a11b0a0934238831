"""Typed records of coded events and standing relations, with their evidence."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

STATUSES = ("asserted", "reported", "claimed", "planned", "hypothetical", "negated", "historical")
RELATIONS = ("backs", "ally_of", "proxy_of", "member_of", "opposes", "seeks_support_from")
CODER_VERSION = "plover-patterns.v1"


@dataclass(frozen=True)
class Evidence:
    """The exact span of an article that states an event or relation."""

    article_id: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str
    taken_from: str  # "sentence" or "article"


@dataclass
class Event:
    """Who did what to whom, when, where, how certain, and the words that say so."""

    article_id: str
    type: str
    mode: str | None
    cameo: str
    quad_class: int
    intensity: float
    status: str
    source: str | None
    target: str | None
    evidence: Evidence
    trigger_start: int
    trigger_end: int
    date: dt.date | None = None
    date_end: dt.date | None = None
    attributed_to: str | None = None
    location: Location | None = None
    confidence: float = 0.5
    mentions: int = 1
    articles: int = 1
    sources: int = 1
    coder: str = CODER_VERSION
    all_evidence: list[Evidence] = field(default_factory=list)
    triggers: list[tuple[int, int]] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = event_id(
                self.article_id, self.evidence.start, self.type, self.source, self.target
            )
        if not self.all_evidence:
            self.all_evidence = [self.evidence]
        if not self.triggers:
            self.triggers = [(self.trigger_start, self.trigger_end)]

    @property
    def merge_key(self) -> tuple[str | None, ...]:
        return merge_key(self.source, self.target, self.type, self.status, self.attributed_to)


def merge_key(
    source: str | None, target: str | None, type_: str, status: str, attributed_to: str | None
) -> tuple[str | None, ...]:
    """What two mentions must share to be one event: the dyad, type and status, and for a
    claim the claimant (Israel's accusation and Iran's own account are different statements)."""
    claimant = attributed_to if status == "claimed" else None
    return (source, target, type_, status, claimant)


@dataclass
class Relation:
    """A standing relation between two actors, with the statements or events behind it."""

    source: str
    target: str
    relation: str
    status: str
    evidence: list[Evidence] = field(default_factory=list)
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    confidence: float = 0.6
    coder: str = CODER_VERSION

    @property
    def id(self) -> str:
        return _digest(self.source, self.target, self.relation, self.status)


def event_id(
    article_id: str, start: int, type_: str, source: str | None, target: str | None
) -> str:
    return _digest(article_id, str(start), type_, source or "", target or "")


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]
