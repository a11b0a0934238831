"""The output contract: events and relations as records with stable keys.

Other tools depend on these keys (see README): change them only by adding keys.
"""

from __future__ import annotations

from typing import Any

from realpolitik.actors.dictionary import ActorDictionary
from realpolitik.events.models import Evidence, Relation
from realpolitik.store import ActorRow, Store, StoredEvent

EVENT_KEYS = (
    "id",
    "article_id",
    "date",
    "type",
    "mode",
    "cameo",
    "quad_class",
    "intensity",
    "status",
    "attributed_to",
    "source",
    "target",
    "location",
    "evidence",
    "mentions",
    "articles",
    "sources",
    "confidence",
)


class ActorObjects:
    """Builds `{id, code, name, country, role}` objects for actor ids, from store and dictionary."""

    def __init__(self, store: Store, dictionary: ActorDictionary | None) -> None:
        self.store = store
        self.dictionary = dictionary
        self._cache: dict[str, dict[str, Any] | None] = {}

    def prefetch(self, ids: set[str]) -> None:
        rows = self.store.actor_rows({i for i in ids if i and i not in self._cache})
        for actor_id, row in rows.items():
            self._cache[actor_id] = _from_row(row)

    def get(self, actor_id: str | None) -> dict[str, Any] | None:
        if not actor_id:
            return None
        if actor_id not in self._cache:
            entry = self.dictionary.get(actor_id) if self.dictionary else None
            self._cache[actor_id] = (
                {
                    "id": entry.id,
                    "code": entry.code,
                    "name": entry.name,
                    "country": entry.country,
                    "role": entry.role,
                }
                if entry
                else {"id": actor_id, "code": None, "name": actor_id, "country": None, "role": None}
            )
        return self._cache[actor_id]

    def attributed(self, value: str | None) -> Any:
        """An actor object when the claim's source is a known actor, else its words."""
        if not value:
            return None
        known = (
            self.get(value)
            if (self.dictionary and self.dictionary.get(value)) or value in self._cache
            else None
        )
        return known or value


def _from_row(row: ActorRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "code": row.code,
        "name": row.name,
        "country": row.country,
        "role": row.role,
    }


def evidence_record(evidence: Evidence) -> dict[str, Any]:
    return {
        "article_id": evidence.article_id,
        "text": evidence.text,
        "start": evidence.start,
        "end": evidence.end,
    }


def event_record(event: StoredEvent, actors: ActorObjects) -> dict[str, Any]:
    location = event.location
    return {
        "id": event.id,
        "article_id": event.article_id,
        "date": event.date,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "intensity": event.intensity,
        "status": event.status,
        "attributed_to": actors.attributed(event.attributed_to),
        "source": actors.get(event.source),
        "target": actors.get(event.target),
        "location": (
            {
                "name": location.name,
                "country": location.country,
                "lat": location.lat,
                "lon": location.lon,
                "precision": location.precision,
                "taken_from": location.taken_from,
            }
            if location
            else None
        ),
        "evidence": evidence_record(event.evidence),
        "mentions": event.mentions,
        "articles": event.articles,
        "sources": event.sources,
        "confidence": round(event.confidence or 0.0, 3),
        "date_end": event.date_end,
    }


def relation_record(relation: Relation, actors: ActorObjects) -> dict[str, Any]:
    return {
        "source": actors.get(relation.source),
        "target": actors.get(relation.target),
        "relation": relation.relation,
        "status": relation.status,
        "evidence": [evidence_record(e) for e in relation.evidence],
        "first_seen": relation.first_seen,
        "last_seen": relation.last_seen,
    }
