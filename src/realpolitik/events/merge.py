"""Merging event mentions: the same event said twice in one article becomes one event."""

from __future__ import annotations

from collections.abc import Iterable

from realpolitik.events.models import Event

STATUS_STRENGTH = (
    "asserted",
    "reported",
    "claimed",
    "historical",
    "planned",
    "hypothetical",
    "negated",
)


def merge_in_article(events: Iterable[Event]) -> list[Event]:
    """Group by (source, target, type, status); keep the first mention's evidence as the
    primary span and every span in `all_evidence`."""
    merged: dict[tuple[object, ...], Event] = {}
    ordered = sorted(events, key=lambda e: (e.source is None or e.target is None, e.evidence.start))
    for event in ordered:
        key = (event.source, event.target, event.type, event.status)
        existing = merged.get(key) or _fuller(merged, event)
        if existing is None:
            merged[key] = event
            continue
        if event.evidence not in existing.all_evidence:
            existing.all_evidence.append(event.evidence)
            existing.triggers.append((event.trigger_start, event.trigger_end))
            existing.mentions += 1
        if existing.location is None and event.location is not None:
            existing.location = event.location
        if (
            existing.location is not None
            and existing.location.taken_from == "article"
            and event.location
            and event.location.taken_from == "sentence"
        ):
            existing.location = event.location
        existing.confidence = min(0.95, max(existing.confidence, event.confidence) + 0.05)
    return list(merged.values())


def _fuller(merged: dict[tuple[object, ...], Event], event: Event) -> Event | None:
    """`The strikes on Hezbollah` after `Israeli jets struck Hezbollah`: an event with one side
    missing is the same as a fuller one with the same other side, type and status."""
    if event.source is not None and event.target is not None:
        return None
    for (source, target, type_, status), existing in merged.items():
        if type_ != event.type or status != event.status:
            continue
        if event.source is None and event.target is not None and target == event.target and source:
            return existing
        if event.target is None and event.source is not None and source == event.source and target:
            return existing
    return None
