"""Series over time: daily or weekly cooperation and conflict for an actor or a dyad.

`timeline` buckets the events of an actor (any event it is the source or target of), or of a
dyad (events between ``actor_ids`` and ``vs_ids``, either way round), by day or by ISO week
(periods start on Monday), from the first to the last period with no gaps. Each point counts
cooperation (quad classes 1-2) and conflict (3-4) events and sums their raw intensities
(``abs(intensity)``, PLOVER's 0-10 scale), so a point says how many things happened and how hard.
Statuses follow `realpolitik.analysis.weights`: planned, hypothetical and negated events are
left out unless ``include_uncertain``; undated events cannot be placed and are left out.
`sparkline` renders any series as a line of block characters for a terminal.

What it must not do: run SQL, draw (see `realpolitik.analysis.draw`), weight counts by status
(only inclusion follows the status), or keep module-level mutable state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from realpolitik.analysis.weights import event_score
from realpolitik.store.store import StoredEvent

__all__ = ["BLOCKS", "Period", "TimelinePoint", "period_start", "sparkline", "timeline"]

Period = Literal["day", "week"]
BLOCKS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class TimelinePoint:
    """One day or week: event counts and summed absolute intensities, with the event ids."""

    period_start: dt.date
    cooperation_count: int = 0
    conflict_count: int = 0
    cooperation_intensity: float = 0.0
    conflict_intensity: float = 0.0
    events: tuple[str, ...] = ()

    @property
    def net_count(self) -> int:
        return self.cooperation_count - self.conflict_count

    @property
    def net_intensity(self) -> float:
        return self.cooperation_intensity - self.conflict_intensity

    def to_dict(self) -> dict[str, Any]:
        return {
            "period_start": self.period_start.isoformat(),
            "cooperation_count": self.cooperation_count,
            "conflict_count": self.conflict_count,
            "cooperation_intensity": round(self.cooperation_intensity, 4),
            "conflict_intensity": round(self.conflict_intensity, 4),
            "events": list(self.events),
        }


def period_start(day: dt.date, by: Period = "day") -> dt.date:
    """The first day of the period holding ``day``: itself, or the Monday of its week."""
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    raise ValueError(f'by must be "day" or "week", not {by!r}')


def timeline(
    events: Iterable[StoredEvent],
    actor_ids: str | Collection[str],
    vs_ids: str | Collection[str] | None = None,
    by: Period = "day",
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    include_uncertain: bool = False,
) -> list[TimelinePoint]:
    """The series for an actor (or group of ids), or for a dyad when ``vs_ids`` is given.

    With ``since``/``until`` the series covers exactly those periods (zeros included) and
    events outside are left out; otherwise it runs from the first to the last event.
    """
    step = _step(by)
    mine = _ids(actor_ids)
    theirs = _ids(vs_ids) if vs_ids is not None else None
    buckets: dict[dt.date, list[tuple[StoredEvent, int, float]]] = {}
    seen: set[str] = set()
    for event in events:
        if event.id in seen or event.date is None or not _involves(event, mine, theirs):
            continue
        if (since is not None and event.date < since) or (until is not None and event.date > until):
            continue
        score = event_score(event, include_uncertain)
        if score is None:
            continue
        seen.add(event.id)
        buckets.setdefault(period_start(event.date, by), []).append(
            (event, score.sign, abs(score.intensity))
        )
    first = period_start(since, by) if since else min(buckets, default=None)
    last = period_start(until, by) if until else max(buckets, default=None)
    if first is None or last is None:
        return []
    points: list[TimelinePoint] = []
    current = first
    while current <= last:
        rows = buckets.get(current, [])
        points.append(
            TimelinePoint(
                period_start=current,
                cooperation_count=sum(1 for _, sign, _ in rows if sign > 0),
                conflict_count=sum(1 for _, sign, _ in rows if sign < 0),
                cooperation_intensity=sum(i for _, sign, i in rows if sign > 0),
                conflict_intensity=sum(i for _, sign, i in rows if sign < 0),
                events=tuple(e.id for e, _, _ in rows),
            )
        )
        current += step
    return points


def sparkline(values: Sequence[float]) -> str:
    """One block character per value, scaled from ``min(0, min(values))`` to ``max(values)``.

    ``sparkline([0, 1, 2, 4]) == "▁▃▅█"``; an all-zero series is a flat line of "▁".
    """
    if not values:
        return ""
    low, high = min(0.0, min(values)), max(values)
    if high <= low:
        return BLOCKS[0] * len(values)
    top = len(BLOCKS) - 1
    return "".join(BLOCKS[round((v - low) / (high - low) * top)] for v in values)


def _step(by: Period) -> dt.timedelta:
    if by == "day":
        return dt.timedelta(days=1)
    if by == "week":
        return dt.timedelta(weeks=1)
    raise ValueError(f'by must be "day" or "week", not {by!r}')


def _ids(value: str | Collection[str]) -> frozenset[str]:
    return frozenset([value]) if isinstance(value, str) else frozenset(value)


def _involves(event: StoredEvent, mine: frozenset[str], theirs: frozenset[str] | None) -> bool:
    if theirs is None:
        return event.source in mine or event.target in mine
    return (event.source in mine and event.target in theirs) or (
        event.source in theirs and event.target in mine
    )
