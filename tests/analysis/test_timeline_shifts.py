"""Timelines by day and week, sparklines, and shifts across a split date."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from tests.analysis.conftest import actor, ev, rel

from realpolitik.analysis import default_split, shifts, sparkline, timeline
from realpolitik.analysis.shifts import ALLY_SHARE
from realpolitik.events.models import Evidence
from realpolitik.store.store import StoredEvent

D = dt.date


def test_timeline_buckets_by_iso_week_and_fills_gaps() -> None:
    events = [
        ev("ISR", "HEZ", "ASSAULT", day="2024-03-04"),  # Monday
        ev("IRN", "HEZ", "AID", day="2024-03-06"),
        ev("HEZ", "ISR", "THREATEN", day="2024-03-10"),  # Sunday, same ISO week
        ev("ISR", "HEZ", "ASSAULT", day="2024-03-20"),  # two weeks later
        ev("ISR", "IRN", "ACCUSE", day="2024-03-05"),  # does not involve Hezbollah
    ]
    points = timeline(events, "HEZ", by="week")
    assert [p.period_start for p in points] == [D(2024, 3, 4), D(2024, 3, 11), D(2024, 3, 18)]
    first, gap, last = points
    assert (first.cooperation_count, first.conflict_count) == (1, 2)
    assert first.cooperation_intensity == pytest.approx(7.0)
    assert first.conflict_intensity == pytest.approx(15.0)
    assert len(first.events) == 3
    assert (gap.cooperation_count, gap.conflict_count, gap.events) == (0, 0, ())
    assert (last.conflict_count, last.conflict_intensity) == (1, pytest.approx(10.0))


def test_dyad_timeline_by_day_with_window() -> None:
    events = [
        ev("ISR", "HEZ", "ASSAULT", day="2024-03-04"),
        ev("HEZ", "ISR", "ASSAULT", day="2024-03-06"),
        ev("IRN", "HEZ", "AID", day="2024-03-05"),
        ev("ISR", "HEZ", "ASSAULT", day="2024-03-09", status="planned"),
    ]
    points = timeline(events, ["HEZ"], vs_ids=["ISR"], by="day")
    assert [p.conflict_count for p in points] == [1, 0, 1]
    assert sum(p.cooperation_count for p in points) == 0
    windowed = timeline(
        events, "HEZ", "ISR", since=D(2024, 3, 1), until=D(2024, 3, 10), include_uncertain=True
    )
    assert len(windowed) == 10 and windowed[0].period_start == D(2024, 3, 1)
    assert [p.conflict_count for p in windowed if p.conflict_count] == [1, 1, 1]
    assert timeline([], "HEZ") == []
    with pytest.raises(ValueError):
        timeline(events, "HEZ", by="month")  # type: ignore[arg-type]


def test_sparkline() -> None:
    assert sparkline(list(range(8))) == "▁▂▃▄▅▆▇█"
    assert sparkline([0, 1, 2, 4]) == "▁▃▅█"
    assert sparkline([0, 0, 0]) == "▁▁▁"
    assert sparkline([]) == ""
    assert len(sparkline([3.5, -1, 7])) == 3


def _collapse():
    """Before 11 March SYR is courted; after, it is hit from all sides and withdraws."""
    before = [
        ev("RUS", "SYR", "AID", day="2024-03-01"),
        ev("IRN", "SYR", "SUPPORT", day="2024-03-03"),
        ev("SYR", "RUS", "CONSULT", day="2024-03-05"),
        ev("EGY", "JOR", "COOPERATE", day="2024-03-02"),
    ]
    after = [
        ev("TUR", "SYR", "ASSAULT", day="2024-03-12"),
        ev("ISR", "SYR", "ASSAULT", day="2024-03-14"),
        ev("USA", "SYR", "SANCTION", day="2024-03-15"),
        ev("SYR", "TUR", "RETREAT", day="2024-03-18"),
        ev("EGY", "JOR", "COOPERATE", day="2024-03-20"),
    ]
    return before, after


def test_shifts_rank_a_collapsing_actor_first() -> None:
    before, after = _collapse()
    events = before + after
    ranked = shifts(events, D(2024, 3, 11))
    top = ranked[0]
    assert top.kind == "actor" and top.actors == ("SYR",)
    assert top.split == D(2024, 3, 11)
    assert top.before.cooperation == pytest.approx(0.7 + 0.5)
    assert top.after.conflict == pytest.approx(1.0 + 1.0 + 0.6)
    assert top.after.retreats == pytest.approx(0.65)
    assert top.change == pytest.approx(-(1.2 + 2.6 + 0.65))
    assert top.activity_change is not None and top.activity_change < 0
    assert set(top.after.events) == {e.id for e in after if "SYR" in (e.source, e.target)}
    assert set(top.before.events) == {before[0].id, before[1].id}
    changes = [abs(s.change) for s in ranked]
    assert changes == sorted(changes, reverse=True)
    # a steady relationship does not shift
    assert all(s.actors != ("EGY", "JOR") for s in ranked)
    dyad = next(s for s in ranked if s.actors == ("SYR", "TUR"))
    assert dyad.kind == "dyad" and dyad.change == pytest.approx(-1.0 + 0.65)
    assert dyad.activity_change is None


def test_shifts_options() -> None:
    before, after = _collapse()
    named = shifts(before + after, actor=actor, kinds=["dyad"], limit=2)
    assert len(named) == 2 and all(s.kind == "dyad" for s in named)
    israel = shifts(before + after, kinds=["dyad"])
    assert any(s.label == "ISR – SYR" for s in israel)
    assert any(
        s.label == "Israel – SYR" for s in shifts(before + after, actor=actor, kinds=["dyad"])
    )
    narrow = shifts(before + after, D(2024, 3, 11), window_days=2)
    # only 9-10 March vs 11-12 March: the Turkish strike; striking does not change TUR's score
    assert [(s.kind, s.actors) for s in narrow] == [("actor", ("SYR",)), ("dyad", ("SYR", "TUR"))]
    assert narrow[0].activity_change == pytest.approx(-1.0)
    assert shifts([ev("A", "B", day=None)]) == []


def test_default_split_is_the_median_day_and_ignores_background() -> None:
    before, after = _collapse()
    events = before + after
    days = sorted({e.date for e in events if e.date})
    assert default_split(events) == days[len(days) // 2]
    stray = replace(before[0], id="old", date=D(1967, 6, 5), status="asserted")
    assert default_split([*events, stray]) in days  # one old date does not drag the split
    background = replace(before[0], id="bg", date=D(1990, 1, 1), status="historical")
    assert default_split([*events, background]) == days[len(days) // 2]


def test_a_patron_loses_ground_with_its_clients() -> None:
    before, after = "2024-03-01", "2024-03-10"
    events = [
        ev("REB", "GOV", "ASSAULT", day=before),
        ev("REB", "GOV", "ASSAULT", day=after),
        ev("REB", "GOV", "ASSAULT", day=after),
        ev("GOV", "REB", "RETREAT", day=after),
        ev("X", "PATRON", "CONSULT", day=before),
        ev("X", "PATRON", "CONSULT", day=after),
    ]
    split = dt.date(2024, 3, 5)
    alone = {s.actors: s for s in shifts(events, split, kinds=("actor",))}
    assert ("PATRON",) not in alone  # its own standing did not move
    backed = {
        s.actors: s
        for s in shifts(events, split, kinds=("actor",), relations=[rel("PATRON", "GOV")])
    }
    patron, client = backed[("PATRON",)], backed[("GOV",)]
    assert client.change < 0
    assert patron.change == pytest.approx(ALLY_SHARE * client.change)
    assert set(client.after.events) <= set(patron.after.events)
    # a claimed tie is not a side
    doubtful = shifts(
        events, split, kinds=("actor",), relations=[rel("PATRON", "GOV", status="claimed")]
    )
    assert ("PATRON",) not in {s.actors for s in doubtful}


def test_taking_ground_raises_the_taker() -> None:
    def capture(day: str) -> StoredEvent:
        event = ev("REB", "GOV", "ASSAULT", day=day)
        text = "Rebels captured the city."
        start = text.index("captured")
        return replace(
            event,
            evidence=Evidence("a1", text, 0, len(text)),
            trigger_start=start,
            trigger_end=start + len("captured"),
        )

    split = dt.date(2024, 3, 5)
    found = {s.actors: s for s in shifts([capture("2024-03-06")], split, kinds=("actor",))}
    assert found[("REB",)].after.gains > 0 and found[("REB",)].change > 0
    plain = {s.actors: s for s in shifts([ev("REB", "GOV", day="2024-03-06")], split)}
    assert ("REB",) not in plain  # an attack alone moves only the one attacked
