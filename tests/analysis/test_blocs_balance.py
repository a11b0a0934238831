"""Blocs of the positive graph and structural balance (triads, frustration index)."""

from __future__ import annotations

import itertools
import random

import pytest
from tests.analysis.conftest import ev, rel

from realpolitik.analysis import balance, build_network, find_blocs
from realpolitik.analysis.network import Edge, SignedNetwork


def _two_camps():
    west = ["USA", "GBR", "FRA"]
    east = ["RUS", "IRN", "SYR"]
    events = []
    for a, b in itertools.combinations(west, 2):
        events.append(ev(a, b, "COOPERATE"))
    for a, b in itertools.combinations(east, 2):
        events.append(ev(a, b, "AID"))
    events.append(ev("USA", "GBR", "AGREE"))  # USA and GBR are the tightest pair
    events.append(ev("USA", "FRA", "CONSULT"))
    for a in west:
        for b in east:
            events.append(ev(a, b, "SANCTION"))
    return events, [rel("RUS", "SYR", "backs")]


def test_blocs_split_two_opposed_camps() -> None:
    events, relations = _two_camps()
    blocs = find_blocs(build_network(events, relations))
    assert len(blocs) == 2
    assert {frozenset(b.member_ids) for b in blocs} == {
        frozenset({"USA", "GBR", "FRA"}),
        frozenset({"RUS", "IRN", "SYR"}),
    }
    by_leader = {b.leader: b for b in blocs}
    assert set(by_leader) == {"USA", "RUS"}  # most central: highest weighted degree inside
    west = by_leader["USA"]
    assert west.name == "USA" and west.member_ids[0] == "USA"
    assert len(west.ties) == 3 and all(t.weight > 0 for t in west.ties)
    assert all(t.events for t in west.ties)
    east = by_leader["RUS"]
    rus_syr = next(t for t in east.ties if t.pair == ("RUS", "SYR"))
    assert [r.description for r in rus_syr.relations] == ["RUS backs SYR (asserted)"]
    assert east.cohesion > 0 and set(east.events) <= {e.id for e in events}


def test_no_positive_ties_no_blocs() -> None:
    assert find_blocs(build_network([ev("A", "B", "ASSAULT")])) == []


def test_a_single_frustrated_triangle() -> None:
    # A and B cooperate, A and C cooperate, B and C fight: the enemy of my friend is my friend?
    ab, ac, bc = ev("A", "B", "AID"), ev("A", "C", "SUPPORT"), ev("B", "C", "ASSAULT")
    report = balance(build_network([ab, ac, bc]))
    assert report.frustration == 1
    assert report.frustration_exact is True
    assert report.edges_considered == 3
    assert len(report.unbalanced_triads) == 1
    triad = report.unbalanced_triads[0]
    assert triad.actors == ("A", "B", "C") and triad.signs == "++-"
    assert set(triad.events) == {ab.id, ac.id, bc.id}
    assert len(report.frustrated_edges) == 1
    assert report.balance_ratio == pytest.approx(2 / 3)


def test_three_enemies_are_unbalanced_too() -> None:
    net = build_network([ev("A", "B", "ASSAULT"), ev("A", "C", "ASSAULT"), ev("B", "C", "ACCUSE")])
    report = balance(net)
    assert [t.signs for t in report.unbalanced_triads] == ["---"]
    assert report.frustration == 1


def test_balanced_camps_have_no_frustration() -> None:
    events, relations = _two_camps()
    report = balance(build_network(events, relations))
    assert report.unbalanced_triads == ()
    assert report.frustration == 0 and report.frustration_exact
    assert report.triads_considered == 20  # every triple of the 6 actors is a triangle


def _signed(pairs: list[tuple[str, str, float]]) -> SignedNetwork:
    from realpolitik.analysis.network import Node

    edges = tuple(
        Edge(min(a, b), max(a, b), w, max(w, 0.0), max(-w, 0.0), (f"{a}-{b}",)) for a, b, w in pairs
    )
    ids = sorted({x for a, b, _ in pairs for x in (a, b)})
    return SignedNetwork(tuple(Node(i, None, i, None, None) for i in ids), edges)


def test_large_components_get_a_local_search_upper_bound() -> None:
    left = [f"L{i:02d}" for i in range(13)]
    right = [f"R{i:02d}" for i in range(13)]
    pairs = []
    for camp in (left, right):
        for i, a in enumerate(camp):
            pairs.append((a, camp[(i + 1) % len(camp)], 1.0))
            pairs.append((a, camp[(i + 3) % len(camp)], 1.0))
    for a, b in zip(left, right, strict=True):
        pairs.append((a, b, -1.0))
    pairs.append((left[0], right[5], 1.0))  # the one tie across the camps
    report = balance(_signed(pairs))
    assert report.frustration_exact is False
    assert report.frustration == 1
    assert [e.pair for e in report.frustrated_edges] == [("L00", "R05")]


@pytest.mark.parametrize("seed", range(5))
def test_local_search_never_beats_the_exact_answer(seed: int) -> None:
    rng = random.Random(seed)
    nodes = [f"N{i}" for i in range(9)]
    pairs = [
        (a, b, rng.choice((-1.0, 1.0)))
        for a, b in itertools.combinations(nodes, 2)
        if rng.random() < 0.5
    ]
    network = _signed(pairs)
    exact = balance(network)
    bound = balance(network, exact_limit=0)
    assert exact.frustration_exact and not bound.frustration_exact
    assert bound.frustration >= exact.frustration
    assert len(exact.frustrated_edges) == exact.frustration
    brute = min(
        sum((w > 0) != (side[a] == side[b]) for a, b, w in pairs)
        for bits in itertools.product((0, 1), repeat=len(nodes))
        for side in [dict(zip(nodes, bits, strict=True))]
    )
    assert exact.frustration == brute
