"""Shifts: which actors and dyads changed most between the window before a date and after it.

Events are weighted exactly as in the signed network (`realpolitik.analysis.weights`: intensity
x status x corroboration); only dated events count. The split date (default: the middle of the
dated events' range, so both halves are equally long) opens the *after* window; with
``window_days`` each window is that many days on its side of the split, otherwise each runs to
the end of the data.

Scores per window:

* dyad ``score = cooperation - conflict`` over the events between the two actors, either way
  round (the dyad's edge weight in the network).
* actor ``score = cooperation received - conflict received - retreats``: cooperation events that
  target the actor, minus conflict events that target it, minus its own RETREAT events
  (withdrawing, releasing, disarming, conceding ground). A falling score means the actor is
  *losing ground*: hit more, retreating more, or courted less. Also reported, and not part of
  the score, ``activity = conflict initiated - conflict received``: whether the actor is the one
  striking (positive) or being struck (negative).

A `Shift` is ``after.score - before.score`` with the event ids of both windows as evidence;
`shifts` returns them sorted by absolute change (then actors before dyads, then ids), leaving
out those that did not change. Standing relations are not time series and are not used here.

What it must not do: run SQL, draw, or keep module-level mutable state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from realpolitik.analysis.network import ActorLookup
from realpolitik.analysis.weights import event_score
from realpolitik.store.store import StoredEvent

__all__ = ["RETREAT", "Shift", "WindowScore", "default_split", "shifts"]

RETREAT = "RETREAT"
ShiftKind = Literal["actor", "dyad"]


@dataclass(frozen=True)
class WindowScore:
    """An actor's or dyad's weighted totals in one window, with the events behind them.

    For an actor ``cooperation`` and ``conflict`` are what it received; for a dyad, all of it
    between the two. ``retreats`` and ``initiated`` are only filled for actors.
    """

    cooperation: float = 0.0
    conflict: float = 0.0
    retreats: float = 0.0
    initiated: float = 0.0
    events: tuple[str, ...] = ()

    @property
    def score(self) -> float:
        return self.cooperation - self.conflict - self.retreats

    @property
    def activity(self) -> float:
        return self.initiated - self.conflict

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 4),
            "cooperation": round(self.cooperation, 4),
            "conflict": round(self.conflict, 4),
            "retreats": round(self.retreats, 4),
            "initiated": round(self.initiated, 4),
            "activity": round(self.activity, 4),
            "events": list(self.events),
        }


@dataclass(frozen=True)
class Shift:
    """How an actor (``actors == (id,)``) or a dyad (two ids, sorted) moved across the split."""

    kind: ShiftKind
    actors: tuple[str, ...]
    label: str
    split: dt.date
    before: WindowScore
    after: WindowScore

    @property
    def change(self) -> float:
        """``after.score - before.score``: negative means losing ground (or souring, for a dyad)."""
        return self.after.score - self.before.score

    @property
    def activity_change(self) -> float | None:
        return self.after.activity - self.before.activity if self.kind == "actor" else None

    @property
    def events(self) -> tuple[str, ...]:
        return self.before.events + self.after.events

    def to_dict(self) -> dict[str, Any]:
        activity = self.activity_change
        return {
            "kind": self.kind,
            "actors": list(self.actors),
            "label": self.label,
            "split": self.split.isoformat(),
            "change": round(self.change, 4),
            "activity_change": None if activity is None else round(activity, 4),
            "before": self.before.to_dict(),
            "after": self.after.to_dict(),
        }


def default_split(events: Iterable[StoredEvent]) -> dt.date | None:
    """The median of the distinct dates of non-historical events, the first day of the second
    half: for events on each of 1 to 10 June, 6 June (before: 1-5, after: 6-10). None when no
    event has a date."""
    dates = sorted({e.date for e in events if e.date is not None and e.status != "historical"})
    if not dates:
        return None
    # The median day, not the middle of the range: one stray old date must not move the split.
    return dates[len(dates) // 2]


def shifts(
    events: Iterable[StoredEvent],
    split_date: dt.date | None = None,
    *,
    actor: ActorLookup | None = None,
    window_days: int | None = None,
    include_uncertain: bool = False,
    kinds: Iterable[ShiftKind] = ("actor", "dyad"),
    limit: int | None = None,
) -> list[Shift]:
    """Actors and dyads ranked by how much their score changed across ``split_date``."""
    # Background ("since 2015", "in 1967") says nothing about a change around the split.
    dated = _unique([e for e in events if e.date is not None and e.status != "historical"])
    split = split_date or default_split(dated)
    if split is None:
        return []
    before_start = split - dt.timedelta(days=window_days) if window_days else None
    after_end = split + dt.timedelta(days=window_days) if window_days else None
    before: list[StoredEvent] = []
    after: list[StoredEvent] = []
    for event in dated:
        assert event.date is not None
        if event.date < split:
            if before_start is None or event.date >= before_start:
                before.append(event)
        elif after_end is None or event.date < after_end:
            after.append(event)

    wanted = set(kinds)
    scores_before = _scores(before, include_uncertain)
    scores_after = _scores(after, include_uncertain)
    results: list[Shift] = []
    for key in sorted(set(scores_before) | set(scores_after)):
        kind, ids = key
        if kind not in wanted:
            continue
        shift = Shift(
            kind=kind,
            actors=ids,
            label=" – ".join(_name(i, actor) for i in ids),
            split=split,
            before=scores_before.get(key, WindowScore()),
            after=scores_after.get(key, WindowScore()),
        )
        if abs(shift.change) > 1e-9:
            results.append(shift)
    results.sort(key=lambda s: (-abs(s.change), s.kind != "actor", s.actors))
    return results[:limit] if limit is not None else results


@dataclass
class _Totals:
    cooperation: float = 0.0
    conflict: float = 0.0
    retreats: float = 0.0
    initiated: float = 0.0
    events: list[str] = field(default_factory=list)

    def freeze(self) -> WindowScore:
        return WindowScore(
            self.cooperation, self.conflict, self.retreats, self.initiated, tuple(self.events)
        )


def _scores(
    events: list[StoredEvent], include_uncertain: bool
) -> dict[tuple[ShiftKind, tuple[str, ...]], WindowScore]:
    totals: dict[tuple[ShiftKind, tuple[str, ...]], _Totals] = {}

    def at(kind: ShiftKind, ids: tuple[str, ...]) -> _Totals:
        return totals.setdefault((kind, ids), _Totals())

    for event in events:
        score = event_score(event, include_uncertain)
        if score is None:
            continue
        source, target = event.source, event.target
        if target:
            received = at("actor", (target,))
            if score.sign > 0:
                received.cooperation += score.weight
            else:
                received.conflict += score.weight
            received.events.append(event.id)
        if source:
            own = at("actor", (source,))
            touched = False
            if event.type.upper() == RETREAT:
                own.retreats += score.weight
                touched = True
            if score.sign < 0 and target and target != source:
                own.initiated += score.weight
                touched = True
            if touched and own.events[-1:] != [event.id]:
                own.events.append(event.id)
        if source and target and source != target:
            dyad = at("dyad", tuple(sorted((source, target))))
            if score.sign > 0:
                dyad.cooperation += score.weight
            else:
                dyad.conflict += score.weight
            dyad.events.append(event.id)
    return {key: value.freeze() for key, value in totals.items()}


def _unique(events: list[StoredEvent]) -> list[StoredEvent]:
    seen: set[str] = set()
    unique: list[StoredEvent] = []
    for event in events:
        if event.id not in seen:
            seen.add(event.id)
            unique.append(event)
    return unique


def _name(actor_id: str, actor: ActorLookup | None) -> str:
    info = actor(actor_id) if actor else None
    return str((info or {}).get("name") or actor_id)
