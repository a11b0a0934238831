"""Shifts: which actors and dyads changed most between the window before a date and after it.

Events are weighted exactly as in the signed network (`realpolitik.analysis.weights`: intensity
x status x corroboration); only dated events count. The split date (default: the middle of the
dated events' range, so both halves are equally long) opens the *after* window; with
``window_days`` each window is that many days on its side of the split, otherwise each runs to
the end of the data.

Scores per window:

* dyad ``score = cooperation - conflict`` over the events between the two actors, either way
  round (the dyad's edge weight in the network).
* actor ``score = own + ALLY_SHARE x the own scores of the actors it stands behind``, where
  ``own = cooperation received - conflict received - retreats + gains``: cooperation events
  that target the actor, minus conflict events that target it, minus its own RETREAT events
  (withdrawing, releasing, disarming, conceding ground), plus the ground it takes (its
  assaults whose trigger is a capture: `captured`, `seized`, `took`, `overran`, `entered`...).
  The actors it stands behind are those it backs or is allied with, and its proxies, by the
  standing relations given (asserted, reported or historical): a patron loses ground when its
  clients do. A falling score means the actor is *losing ground*: hit more, retreating more,
  taking less, or its side collapsing. Also reported, and not part of the score,
  ``activity = conflict initiated - conflict received``: whether the actor is the one striking
  (positive) or being struck (negative).

A `Shift` is ``after.score - before.score`` with the event ids of both windows as evidence;
`shifts` returns them sorted by absolute change (then actors before dyads, then ids), leaving
out those that did not change.

What it must not do: run SQL, draw, or keep module-level mutable state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from realpolitik.actors.dictionary import is_role_only
from realpolitik.analysis.network import ActorLookup
from realpolitik.analysis.weights import event_score
from realpolitik.events.models import Relation
from realpolitik.nlp.selection import inflection_guesses
from realpolitik.store.store import StoredEvent

__all__ = ["ALLY_SHARE", "RETREAT", "Shift", "WindowScore", "default_split", "shifts"]

RETREAT = "RETREAT"
ASSAULT = "ASSAULT"
# How much of a client's or ally's own score counts for the actor standing behind it.
ALLY_SHARE = 0.5
BEHIND_STATUSES = frozenset({"asserted", "reported", "historical"})
# Assault triggers that take ground; irregular past forms the inflection guesses cannot undo.
GROUND_TAKING = frozenset(
    {"capture", "recapture", "seize", "take", "retake", "overrun", "storm", "enter", "gain"}
)
IRREGULAR = {
    "took": "take",
    "taken": "take",
    "retook": "retake",
    "retaken": "retake",
    "overran": "overrun",
}
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
    gains: float = 0.0
    allies: float = 0.0  # ALLY_SHARE x the own scores of the actors it stands behind

    @property
    def own(self) -> float:
        return self.cooperation - self.conflict - self.retreats + self.gains

    @property
    def score(self) -> float:
        return self.own + self.allies

    @property
    def activity(self) -> float:
        return self.initiated - self.conflict

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 4),
            "cooperation": round(self.cooperation, 4),
            "conflict": round(self.conflict, 4),
            "retreats": round(self.retreats, 4),
            "gains": round(self.gains, 4),
            "allies": round(self.allies, 4),
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
    relations: Iterable[Relation] = (),
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
    behind = _stands_behind(relations)
    scores_before = _scores(before, include_uncertain, behind)
    scores_after = _scores(after, include_uncertain, behind)
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
    gains: float = 0.0
    allies: float = 0.0
    events: list[str] = field(default_factory=list)

    @property
    def own(self) -> float:
        return self.cooperation - self.conflict - self.retreats + self.gains

    def freeze(self) -> WindowScore:
        return WindowScore(
            self.cooperation,
            self.conflict,
            self.retreats,
            self.initiated,
            tuple(self.events),
            self.gains,
            self.allies,
        )


def _scores(
    events: list[StoredEvent], include_uncertain: bool, behind: dict[str, set[str]]
) -> dict[tuple[ShiftKind, tuple[str, ...]], WindowScore]:
    totals: dict[tuple[ShiftKind, tuple[str, ...]], _Totals] = {}

    def at(kind: ShiftKind, ids: tuple[str, ...]) -> _Totals:
        return totals.setdefault((kind, ids), _Totals())

    for event in events:
        score = event_score(event, include_uncertain)
        if score is None:
            continue
        source, target = (None if is_role_only(a) else a for a in (event.source, event.target))
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
            if _takes_ground(event) and target != source:
                own.gains += score.weight
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
    # read every actor's own score and evidence before any patron's share is added
    own_scores = {ids[0]: t.own for (kind, ids), t in totals.items() if kind == "actor"}
    own_events = {ids[0]: list(t.events) for (kind, ids), t in totals.items() if kind == "actor"}
    for patron, clients in sorted(behind.items()):
        present = [c for c in sorted(clients) if c in own_scores]
        if not present:
            continue
        patron_totals = at("actor", (patron,))
        patron_totals.allies += ALLY_SHARE * sum(own_scores[c] for c in present)
        listed = set(patron_totals.events)
        for event_id in (e for c in present for e in own_events[c]):
            if event_id not in listed:
                listed.add(event_id)
                patron_totals.events.append(event_id)
    return {key: value.freeze() for key, value in totals.items()}


def _stands_behind(relations: Iterable[Relation]) -> dict[str, set[str]]:
    """Actor -> the actors it backs, is allied with, or uses as proxies."""
    behind: dict[str, set[str]] = {}
    for relation in relations:
        if relation.status not in BEHIND_STATUSES or relation.source == relation.target:
            continue
        pairs = {
            "backs": [(relation.source, relation.target)],
            "proxy_of": [(relation.target, relation.source)],
            "ally_of": [(relation.source, relation.target), (relation.target, relation.source)],
        }.get(relation.relation, [])
        for patron, client in pairs:
            behind.setdefault(patron, set()).add(client)
    return behind


def _takes_ground(event: StoredEvent) -> bool:
    """An assault whose trigger word is a capture of ground (read from the evidence span)."""
    if event.type.upper() != ASSAULT or event.trigger_start is None or event.trigger_end is None:
        return False
    offset = event.evidence.start
    word = event.evidence.text[event.trigger_start - offset : event.trigger_end - offset]
    word = word.strip().lower()
    forms = {word, IRREGULAR.get(word, word), *inflection_guesses(word)}
    return not GROUND_TAKING.isdisjoint(forms)


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
