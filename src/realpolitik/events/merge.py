"""Merging event mentions: the same event said twice in one article becomes one event."""

from __future__ import annotations

from collections.abc import Iterable

from realpolitik.events.models import Event

STATUS_STRENGTH = ("asserted", "reported", "claimed", "historical", "planned", "hypothetical", "negated")


def merge_in_article(events: Iterable[Event]) -> list[Event]:
    """Group by (source, target, type, status); keep the first mention's evidence as the
    primary span and every span in `all_evidence`."""
    merged: dict[tuple[object, ...], Event] = {}
    for event in events:
        key = (event.source, event.target, event.type, event.status)
        existing = merged.get(key)
        if existing is None:
            merged[key] = event
            continue
        if event.evidence not in existing.all_evidence:
            existing.all_evidence.append(event.evidence)
            existing.mentions += 1
        if existing.location is None and event.location is not None:
            existing.location = event.location
        if existing.location is not None and existing.location.taken_from == "article" and event.location and event.location.taken_from == "sentence":
            existing.location = event.location
        existing.confidence = min(0.95, max(existing.confidence, event.confidence) + 0.05)
    return list(merged.values())
