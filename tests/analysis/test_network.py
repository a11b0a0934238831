"""The signed network: signs, weights, status scaling, windows, focus and file formats."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from pathlib import Path

import networkx as nx
import pytest
from tests.analysis.conftest import actor, ev, rel

from realpolitik.analysis import build_network, event_score, relation_weight, status_factor


def test_cooperation_is_positive_conflict_negative_scaled_by_intensity() -> None:
    aid = ev("IRN", "HEZ", "AID")  # intensity 7 -> 0.7
    strike = ev("ISR", "HEZ", "ASSAULT")  # intensity -10 -> 1.0
    threat = ev("HEZ", "ISR", "THREATEN")  # intensity -5 -> 0.5
    net = build_network([aid, strike, threat], [], actor)

    friendly = net.edge("HEZ", "IRN")
    assert friendly is not None and friendly.sign == 1
    assert friendly.cooperation == pytest.approx(0.7)
    assert friendly.conflict == 0
    assert friendly.events == (aid.id,)

    hostile = net.edge("ISR", "HEZ")
    assert hostile is not None and hostile.sign == -1
    assert hostile.conflict == pytest.approx(1.5)
    assert hostile.weight == pytest.approx(-1.5)
    assert set(hostile.events) == {strike.id, threat.id}
    assert (hostile.source, hostile.target) == ("HEZ", "ISR")  # undirected: sorted pair


def test_relations_count_one_times_status() -> None:
    net = build_network(
        [ev("IRN", "HEZ", "CONSULT")],  # +0.1
        [rel("IRN", "HEZ", "backs"), rel("HEZ", "ISR", "opposes", "reported")],
        actor,
    )
    ih = net.edge("IRN", "HEZ")
    assert ih is not None
    assert ih.cooperation == pytest.approx(1.1)
    assert [r.description for r in ih.relations] == ["IRN backs HEZ (asserted)"]
    assert ih.relations[0].evidence[0].text == "IRN backs HEZ."
    hi = net.edge("HEZ", "ISR")
    assert hi is not None
    assert hi.conflict == pytest.approx(0.7) and hi.events == ()
    for kind in ("backs", "ally_of", "proxy_of", "member_of", "seeks_support_from"):
        assert relation_weight(rel("A", "B", kind)) == 1.0
    assert relation_weight(rel("A", "B", "opposes", "claimed")) == pytest.approx(-0.3)


@pytest.mark.parametrize(
    ("status", "factor"),
    [("asserted", 1.0), ("reported", 0.7), ("historical", 0.5), ("claimed", 0.3)],
)
def test_status_scales_the_weight(status: str, factor: float) -> None:
    net = build_network([ev("ISR", "HEZ", "ASSAULT", status=status)])
    edge = net.edge("ISR", "HEZ")
    assert edge is not None
    assert edge.weight == pytest.approx(-factor)


@pytest.mark.parametrize("status", ["planned", "hypothetical", "negated"])
def test_uncertain_statuses_are_excluded_unless_asked(status: str) -> None:
    events = [ev("ISR", "HEZ", "ASSAULT", status=status)]
    assert build_network(events).edges == ()
    included = build_network(events, include_uncertain=True).edge("ISR", "HEZ")
    assert included is not None
    assert included.weight == pytest.approx(-0.2)
    assert status_factor("unknown-status", include_uncertain=True) == 0.0


def test_a_merged_event_counts_once_times_its_corroboration() -> None:
    one = ev("ISR", "HEZ", "ASSAULT", id="same")
    net = build_network([one, one])  # the same stored event listed twice
    edge = net.edge("ISR", "HEZ")
    assert edge is not None and edge.events == ("same",) and edge.conflict == pytest.approx(1.0)
    three = event_score(ev("ISR", "HEZ", "ASSAULT", sources=3))
    assert three is not None
    assert three.weight == pytest.approx(1 + math.log(3))


def test_missing_quad_class_and_intensity_come_from_the_ontology() -> None:
    bare = ev("ISR", "HEZ", "ASSAULT")
    bare = dataclasses.replace(bare, quad_class=None, intensity=None)
    score = event_score(bare)
    assert score is not None and score.sign == -1 and score.weight > 0


def test_one_sided_self_and_undated_events() -> None:
    events = [
        ev("ISR", None, "ASSAULT"),
        ev("ISR", "ISR", "ASSAULT"),
        ev("ISR", "HEZ", "ASSAULT", day=None),
    ]
    net = build_network(events)
    assert [e.pair for e in net.edges] == [("HEZ", "ISR")]  # undated counts without a window
    windowed = build_network(events, since=dt.date(2024, 1, 1))
    assert windowed.edges == ()


def test_window_filters_events_and_relations() -> None:
    events = [
        ev("ISR", "HEZ", "ASSAULT", day="2024-02-01"),
        ev("ISR", "HEZ", "THREATEN", day="2024-03-05"),
        ev("IRN", "HEZ", "AID", day="2024-04-01"),
        ev("IRN", "ISR", "ACCUSE", day="2024-02-25", date_end=dt.date(2024, 3, 2)),
    ]
    relations = [
        rel("IRN", "HEZ", "backs", first_seen=dt.date(2024, 1, 10)),
        rel("HEZ", "ISR", "opposes"),  # undated: standing, always counts
    ]
    net = build_network(events, relations, since=dt.date(2024, 3, 1), until=dt.date(2024, 3, 31))
    assert sorted(e.pair for e in net.edges) == [("HEZ", "ISR"), ("IRN", "ISR")]
    hezbollah_israel = net.edge("HEZ", "ISR")
    assert hezbollah_israel is not None
    assert hezbollah_israel.conflict == pytest.approx(0.5 + 1.0)


def test_focus_keeps_actors_within_depth() -> None:
    chain = [ev("A", "B", "AID"), ev("B", "C", "AID"), ev("C", "D", "AID"), ev("X", "Y", "AID")]
    alone = build_network(chain, focus=["A"], depth=0)
    assert [n.id for n in alone.nodes] == ["A"] and alone.edges == ()
    assert build_network(chain, focus=["nobody"]).nodes == ()
    assert {n.id for n in build_network(chain, focus=["A"], depth=1).nodes} == {"A", "B"}
    assert {n.id for n in build_network(chain, focus=["A"], depth=2).nodes} == {"A", "B", "C"}
    shortcut = build_network(chain + [ev("A", "C", "ACCUSE")], focus=["A"], depth=1)
    assert {n.id for n in shortcut.nodes} == {"A", "B", "C"}
    assert shortcut.edge("B", "C") is not None  # edges among kept actors stay
    assert {n.id for n in build_network(chain, focus=["A", "X"], depth=1).nodes} == {
        "A",
        "B",
        "X",
        "Y",
    }
    with pytest.raises(ValueError):
        build_network(chain, focus=["A"], depth=-1)


def test_nodes_carry_actor_objects_and_degree() -> None:
    net = build_network(
        [ev("IRN", "HEZ", "AID"), ev("ISR", "HEZ", "ASSAULT"), ev("ZZZ", "HEZ", "CONSULT")],
        [],
        actor,
    )
    hez = net.node("HEZ")
    assert hez is not None
    assert (hez.name, hez.code, hez.country, hez.role, hez.degree) == (
        "Hezbollah",
        "LBNREB",
        "LBN",
        "REB",
        3,
    )
    unknown = net.node("ZZZ")
    assert unknown is not None and unknown.name == "ZZZ" and unknown.code is None


def test_to_dict_and_to_networkx() -> None:
    net = build_network(
        [ev("IRN", "HEZ", "AID"), ev("ISR", "HEZ", "ASSAULT")], [rel("IRN", "HEZ")], actor
    )
    data = json.loads(json.dumps(net.to_dict()))
    assert set(data) == {"nodes", "edges"}
    assert set(data["nodes"][0]) == {"id", "code", "name", "country", "role", "degree"}
    assert set(data["edges"][0]) == {
        "source",
        "target",
        "weight",
        "cooperation",
        "conflict",
        "events",
        "relations",
    }
    ih = next(e for e in data["edges"] if {e["source"], e["target"]} == {"IRN", "HEZ"})
    assert ih["relations"][0]["description"] == "IRN backs HEZ (asserted)"

    graph = net.to_networkx()
    assert isinstance(graph, nx.Graph) and not graph.is_directed()
    assert graph["HEZ"]["IRN"]["weight"] == pytest.approx(1.7)
    assert graph["HEZ"]["ISR"]["weight"] == pytest.approx(-1.0)
    assert graph["HEZ"]["ISR"]["conflict"] == pytest.approx(1.0)
    assert graph.nodes["HEZ"]["name"] == "Hezbollah"


def test_graphml_and_gexf_round_trip(tmp_path: Path) -> None:
    net = build_network(
        [ev("IRN", "HEZ", "AID"), ev("ISR", "HEZ", "ASSAULT"), ev("ISR", "IRN", "THREATEN")],
        [rel("IRN", "HEZ")],
        actor,
    )
    graphml = net.to_graphml(tmp_path / "out" / "net.graphml")
    gexf = net.to_gexf(tmp_path / "out" / "net.gexf")
    for path, read in ((graphml, nx.read_graphml), (gexf, nx.read_gexf)):
        assert path.stat().st_size > 0
        graph = read(path)
        assert set(graph.nodes) == {"IRN", "ISR", "HEZ"}
        assert graph.number_of_edges() == 3
        assert float(graph["HEZ"]["IRN"]["weight"]) == pytest.approx(1.7)
        assert float(graph["HEZ"]["ISR"]["weight"]) == pytest.approx(-1.0)
    assert nx.read_graphml(graphml).nodes["HEZ"]["name"] == "Hezbollah"


def test_roles_with_no_country_are_no_party_to_the_network() -> None:
    from realpolitik.analysis import shifts

    events = [ev("ROLE_REB", "ISR", "ASSAULT"), ev("ISR", "HEZ", "ASSAULT")]
    net = build_network(events, [], actor)
    assert {(e.source, e.target) for e in net.edges} == {("HEZ", "ISR")}
    moved = shifts(events, dt.date(2024, 3, 1))
    assert all("ROLE_REB" not in s.actors for s in moved)
