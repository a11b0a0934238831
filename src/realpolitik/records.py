"""Typed records that travel between pipeline stages and into the store for one article."""

from __future__ import annotations

from dataclasses import dataclass, field

from realpolitik.actors.dictionary import ActorEntry
from realpolitik.actors.mentions import Mention
from realpolitik.events.models import Event, Relation


@dataclass
class ArticleAnalysis:
    """Everything the NLP stages derived from one article; written with it in one transaction."""

    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, ActorEntry] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
