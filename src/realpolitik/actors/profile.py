"""An actor's profile: names, family (parents, children, members), tenure and mentions."""

from __future__ import annotations

from dataclasses import dataclass, field

from realpolitik.actors.dictionary import ActorDictionary, ActorEntry
from realpolitik.actors.mentions import Mention
from realpolitik.errors import NotFoundError
from realpolitik.store import ActorQuery, ActorRow, Store


@dataclass(frozen=True)
class ActorProfile:
    entry: ActorEntry
    parents: tuple[ActorEntry, ...] = ()
    children: tuple[ActorEntry, ...] = ()
    members: tuple[ActorEntry, ...] = ()
    member_of: tuple[ActorEntry, ...] = ()
    mentions: tuple[tuple[str, Mention], ...] = field(default_factory=tuple)


def find_actor(dictionary: ActorDictionary, store: Store, name: str) -> ActorEntry:
    """By id, then by name or alias (any case), then among stored (ad-hoc) actors."""
    key = name.strip()
    entry = dictionary.get(key) or dictionary.get(key.upper())
    if entry is not None:
        return entry
    folded = key.lower()
    for candidate in dictionary.entries.values():
        forms = (candidate.name, *candidate.aliases, *candidate.demonyms)
        if any(form.lower() == folded for form in forms):
            return candidate
    stored = [r for r in _stored(store) if r.id == key or r.name.lower() == folded]
    if stored:
        row = stored[0]
        return ActorEntry(
            id=row.id,
            name=row.name,
            kind=row.kind,
            country=row.country,
            role=row.role,
            parent=row.parent,
        )
    raise NotFoundError(f"{name}: no actor with this id, name or alias")


def _stored(store: Store) -> list[ActorRow]:
    return store.actors(ActorQuery(include_unresolved=True))


def actor_profile(
    store: Store, dictionary: ActorDictionary, name: str, limit: int = 50
) -> ActorProfile:
    entry = find_actor(dictionary, store, name)
    members = tuple(m for m in (dictionary.get(i) for i in entry.members) if m is not None)
    member_of = tuple(e for e in dictionary.entries.values() if entry.id in e.members)
    return ActorProfile(
        entry=entry,
        parents=tuple(dictionary.ancestors(entry.id)),
        children=tuple(dictionary.children(entry.id)),
        members=members,
        member_of=member_of,
        mentions=tuple(store.actor_mentions(entry.id, limit=limit)),
    )
