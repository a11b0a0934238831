"""Folding a state's own agencies into one node for analysis.

News names the same side many ways: `Syria`, `Damascus`, `the Syrian government`, `Syrian
troops`. For the network, blocs, balance and shifts these are one principal: the government of
record on the event's date when the dictionary knows one (the Assad government until 8 Dec 2024),
else the state. Named groups, persons and other actors stay as they are. Pure functions; no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from realpolitik.actors.dictionary import ActorDictionary
from realpolitik.events.models import Relation
from realpolitik.store.store import StoredEvent

# Agencies that act for the state as a whole; parties, rebels or civilians of a country do not.
STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY"})
_GENERIC = re.compile(r"^[A-Z]{3}_[A-Z]{3}$")


class PrincipalFolder:
    """Maps actor ids to their principal, remembering the answers."""

    def __init__(self, dictionary: ActorDictionary, named: Iterable[str] = ()) -> None:
        self.dictionary = dictionary
        # Undated text can only choose a government of record that the data itself names.
        self.named = frozenset(named)
        self._cache: dict[tuple[str, dt.date | None], str] = {}

    def __call__(self, actor_id: str | None, day: dt.date | None) -> str | None:
        if not actor_id:
            return actor_id
        key = (actor_id, day)
        if key not in self._cache:
            self._cache[key] = self._principal(actor_id, day)
        return self._cache[key]

    def _principal(self, actor_id: str, day: dt.date | None) -> str:
        entry = self.dictionary.get(actor_id)
        if entry is None or not entry.country:
            return actor_id
        if entry.kind != "state" and not (_GENERIC.match(actor_id) and entry.role in STATE_ROLES):
            return actor_id
        government = self.dictionary.stand_in(f"{entry.country}_GOV", day, self.named)
        return government.id if government is not None else entry.country


def fold(
    events: Sequence[StoredEvent],
    relations: Sequence[Relation],
    dictionary: ActorDictionary,
) -> tuple[list[StoredEvent], list[Relation]]:
    """Events and relations with every actor replaced by its principal; self-ties are dropped."""
    named = {a for e in events for a in (e.source, e.target) if a}
    named |= {a for r in relations for a in (r.source, r.target)}
    folder = PrincipalFolder(dictionary, named)
    folded_events = []
    for event in events:
        source, target = folder(event.source, event.date), folder(event.target, event.date)
        if source and source == target:
            continue
        folded_events.append(replace(event, source=source, target=target))
    return folded_events, fold_relations(relations, folder)


def fold_relations(relations: Iterable[Relation], folder: PrincipalFolder) -> list[Relation]:
    """Relations between principals, as of each relation's last date; self-ties dropped."""
    folded = []
    for relation in relations:
        day = relation.last_seen or relation.first_seen
        source, target = folder(relation.source, day), folder(relation.target, day)
        if not source or not target or source == target:
            continue
        folded.append(
            Relation(
                source,
                target,
                relation.relation,
                relation.status,
                list(relation.evidence),
                relation.first_seen,
                relation.last_seen,
                relation.confidence,
                relation.coder,
            )
        )
    return folded


def principal_map(
    actor_days: Iterable[tuple[str, dt.date | None]], folder: PrincipalFolder
) -> dict[tuple[str, dt.date | None], str]:
    """(actor, date) -> principal, for the pairs whose principal is another actor."""
    mapping: dict[tuple[str, dt.date | None], str] = {}
    for actor_id, day in actor_days:
        principal = folder(actor_id, day)
        if principal and principal != actor_id:
            mapping[(actor_id, day)] = principal
    return mapping
