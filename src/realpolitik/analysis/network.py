"""The weighted signed network of actors for a time window, with the evidence behind each tie.

`build_network` turns plain lists of stored events and relations into a `SignedNetwork`: one
undirected edge per pair of actors, carrying the summed cooperation and conflict (weighted as
`realpolitik.analysis.weights` says), the ids of the events and the relations behind it. The
network converts to networkx, to a JSON-ready dict, to GraphML and to GEXF.

Window: an event counts when it overlaps ``[since, until]`` (``date <= until`` and
``date_end or date >= since``, as `Store.events` filters); with a window, undated events are
left out. A relation counts when its ``[first_seen, last_seen]`` overlaps the window; an undated
relation is standing and always counts. Focus: with focus actor ids, only actors within ``depth``
hops of them (over edges of either sign) are kept, with every edge between kept actors.

What it must not do: run SQL or open a store (actor details come from the ``actor`` callable),
draw (see `realpolitik.analysis.draw`), or keep module-level mutable state.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from realpolitik.actors.dictionary import is_role_only
from realpolitik.analysis.weights import event_score, relation_weight
from realpolitik.events.models import Evidence, Relation
from realpolitik.store.store import EventTally, StoredEvent

__all__ = [
    "ActorLookup",
    "Edge",
    "Node",
    "RelationTie",
    "SignedNetwork",
    "build_network",
    "event_in_window",
    "relation_in_window",
]

ActorLookup = Callable[[str], Mapping[str, Any] | None]
"""``actor(id)`` -> ``{id, code, name, country, role}`` or None (see `realpolitik.views`)."""


@dataclass(frozen=True)
class Node:
    """An actor in the network; ``degree`` is its number of ties (edges) in this network."""

    id: str
    code: str | None
    name: str
    country: str | None
    role: str | None
    degree: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "code": self.code,
            "name": self.name,
            "country": self.country,
            "role": self.role,
            "degree": self.degree,
        }


@dataclass(frozen=True)
class RelationTie:
    """A standing relation counted on an edge: ``weight`` is signed (+support, -opposes)."""

    source: str
    target: str
    relation: str
    status: str
    weight: float
    evidence: tuple[Evidence, ...] = ()
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None

    @property
    def description(self) -> str:
        """``"IRN backs HEZBOLLAH (asserted)"``."""
        return f"{self.source} {self.relation} {self.target} ({self.status})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "relation": self.relation,
            "status": self.status,
            "weight": round(self.weight, 4),
            "description": self.description,
            "evidence": [
                {"article_id": e.article_id, "text": e.text, "start": e.start, "end": e.end}
                for e in self.evidence
            ],
            "first_seen": _iso(self.first_seen),
            "last_seen": _iso(self.last_seen),
        }


@dataclass(frozen=True)
class Edge:
    """An undirected tie (``source`` < ``target``): ``weight = cooperation - conflict``."""

    source: str
    target: str
    weight: float
    cooperation: float
    conflict: float
    events: tuple[str, ...] = ()
    relations: tuple[RelationTie, ...] = ()

    @property
    def sign(self) -> int:
        """+1, -1, or 0 when cooperation and conflict cancel out exactly."""
        return (self.weight > 0) - (self.weight < 0)

    @property
    def pair(self) -> tuple[str, str]:
        return (self.source, self.target)

    def other(self, actor_id: str) -> str:
        return self.target if actor_id == self.source else self.source

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "weight": round(self.weight, 4),
            "cooperation": round(self.cooperation, 4),
            "conflict": round(self.conflict, 4),
            "events": list(self.events),
            "relations": [r.to_dict() for r in self.relations],
        }


@dataclass(frozen=True)
class SignedNetwork:
    """Actors and their signed ties for one window and focus. Build with `build_network`."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    since: dt.date | None = None
    until: dt.date | None = None
    focus: tuple[str, ...] = ()
    depth: int = 1
    include_uncertain: bool = False
    _nodes_by_id: dict[str, Node] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    _edges_by_pair: dict[tuple[str, str], Edge] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        self._nodes_by_id.update({n.id: n for n in self.nodes})
        self._edges_by_pair.update({e.pair: e for e in self.edges})

    def node(self, actor_id: str) -> Node | None:
        return self._nodes_by_id.get(actor_id)

    def edge(self, a: str, b: str) -> Edge | None:
        """The edge between two actors, in either order; None if they have no tie."""
        return self._edges_by_pair.get(_pair(a, b))

    def name(self, actor_id: str) -> str:
        node = self.node(actor_id)
        return node.name if node else actor_id

    # --- conversions ---------------------------------------------------------------------------

    def to_networkx(self) -> nx.Graph:
        """Undirected graph; edge attributes ``weight`` (cooperation - conflict), ``cooperation``,
        ``conflict``, ``events`` (ids) and ``relations`` (descriptions); node attributes are the
        actor fields and ``degree``."""
        graph = nx.Graph(since=_iso(self.since), until=_iso(self.until), focus=list(self.focus))
        for node in self.nodes:
            attrs = node.to_dict()
            del attrs["id"]
            graph.add_node(node.id, **attrs)
        for edge in self.edges:
            graph.add_edge(
                edge.source,
                edge.target,
                weight=edge.weight,
                cooperation=edge.cooperation,
                conflict=edge.conflict,
                events=list(edge.events),
                relations=[r.description for r in edge.relations],
            )
        return graph

    def to_dict(self) -> dict[str, Any]:
        """``{nodes: [{id, code, name, country, role, degree}], edges: [{source, target,
        weight, cooperation, conflict, events, relations}]}``; JSON-serialisable as is."""
        return {
            "nodes": [n.to_dict() for n in self.nodes],
            "edges": [e.to_dict() for e in self.edges],
        }

    def to_graphml(self, path: str | Path) -> Path:
        """Write GraphML (lists become strings: event ids space-separated, relations as JSON)."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        nx.write_graphml(self._flat_graph(), target)
        return target

    def to_gexf(self, path: str | Path) -> Path:
        """Write GEXF for Gephi (node ``label`` is the actor's name)."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        nx.write_gexf(self._flat_graph(), target)
        return target

    def _flat_graph(self) -> nx.Graph:
        """Only strings and numbers as attributes: what GraphML and GEXF can hold."""
        graph = nx.Graph()
        for node in self.nodes:
            graph.add_node(
                node.id,
                label=node.name,
                code=node.code or "",
                name=node.name,
                country=node.country or "",
                role=node.role or "",
                degree=node.degree,
            )
        for edge in self.edges:
            graph.add_edge(
                edge.source,
                edge.target,
                weight=float(edge.weight),
                cooperation=float(edge.cooperation),
                conflict=float(edge.conflict),
                sign=edge.sign,
                events=" ".join(edge.events),
                event_count=len(edge.events),
                relations=json.dumps([r.description for r in edge.relations]),
            )
        return graph


# --- building ----------------------------------------------------------------------------------


def event_in_window(event: StoredEvent, since: dt.date | None, until: dt.date | None) -> bool:
    """Whether an event overlaps ``[since, until]``; undated events only when no window."""
    if since is None and until is None:
        return True
    if event.date is None:
        return False
    if until is not None and event.date > until:
        return False
    end = event.date_end or event.date
    return since is None or end >= since


def relation_in_window(relation: Relation, since: dt.date | None, until: dt.date | None) -> bool:
    """Whether a relation's ``[first_seen, last_seen]`` overlaps the window; undated: always."""
    first = relation.first_seen or relation.last_seen
    last = relation.last_seen or relation.first_seen
    if until is not None and first is not None and first > until:
        return False
    return not (since is not None and last is not None and last < since)


@dataclass
class _EdgeAccumulator:
    cooperation: float = 0.0
    conflict: float = 0.0
    events: list[tuple[dt.date | None, str]] = field(default_factory=list)
    relations: list[RelationTie] = field(default_factory=list)

    def add(self, signed: float) -> None:
        if signed > 0:
            self.cooperation += signed
        else:
            self.conflict += -signed


def build_network(
    events: Iterable[StoredEvent | EventTally],
    relations: Iterable[Relation] = (),
    actor: ActorLookup | None = None,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    focus: Sequence[str] | None = None,
    depth: int = 1,
    include_uncertain: bool = False,
) -> SignedNetwork:
    """The signed network of the events and relations in the window (see the module doc).

    ``actor`` gives each node its code, name, country and role; without it (or when it returns
    None) a node is named by its id. Events and relations without both actors, or between an
    actor and itself, are left out. ``depth`` must be >= 0 (0 keeps only the focus actors).
    """
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, not {depth}")
    ties: dict[tuple[str, str], _EdgeAccumulator] = {}
    seen_events: set[str] = set()
    for event in events:
        if not _dyad(event.source, event.target):
            continue
        if isinstance(event, EventTally):
            dated = list(zip(event.days, event.ids, strict=True))  # tallied in the window
        elif event.id in seen_events or not event_in_window(event, since, until):
            continue
        else:
            dated = [(event.date, event.id)]
        score = event_score(event, include_uncertain)
        if score is None:
            continue
        seen_events.update(event_id for _, event_id in dated)
        assert event.source is not None and event.target is not None
        tie = ties.setdefault(_pair(event.source, event.target), _EdgeAccumulator())
        tie.add(score.signed)
        tie.events.extend(dated)
    for relation in relations:
        if not _dyad(relation.source, relation.target):
            continue
        if not relation_in_window(relation, since, until):
            continue
        weight = relation_weight(relation, include_uncertain)
        if weight == 0.0:
            continue
        tie = ties.setdefault(_pair(relation.source, relation.target), _EdgeAccumulator())
        tie.add(weight)
        tie.relations.append(
            RelationTie(
                relation.source,
                relation.target,
                relation.relation,
                relation.status,
                weight,
                tuple(relation.evidence),
                relation.first_seen,
                relation.last_seen,
            )
        )

    focus_ids = tuple(dict.fromkeys(focus or ()))
    if focus_ids:
        keep = _within(ties, focus_ids, depth)
        ties = {pair: tie for pair, tie in ties.items() if pair[0] in keep and pair[1] in keep}
        node_ids = keep
    else:
        node_ids = {a for pair in ties for a in pair}

    edges = tuple(
        Edge(
            source=a,
            target=b,
            weight=tie.cooperation - tie.conflict,
            cooperation=tie.cooperation,
            conflict=tie.conflict,
            events=tuple(event_id for _, event_id in sorted(tie.events, key=_date_order)),
            relations=tuple(tie.relations),
        )
        for (a, b), tie in sorted(ties.items())
    )
    degree: dict[str, int] = {}
    for edge in edges:
        degree[edge.source] = degree.get(edge.source, 0) + 1
        degree[edge.target] = degree.get(edge.target, 0) + 1
    nodes = tuple(_node(actor_id, actor, degree.get(actor_id, 0)) for actor_id in sorted(node_ids))
    return SignedNetwork(
        nodes=nodes,
        edges=edges,
        since=since,
        until=until,
        focus=focus_ids,
        depth=depth,
        include_uncertain=include_uncertain,
    )


def _date_order(dated: tuple[dt.date | None, str]) -> tuple[bool, dt.date, str]:
    day, event_id = dated
    return (day is None, day or dt.date.min, event_id)


def _within(ties: Mapping[tuple[str, str], object], focus: Sequence[str], depth: int) -> set[str]:
    """Focus actors that have ties, plus every actor within ``depth`` hops of them."""
    neighbours: dict[str, set[str]] = {}
    for a, b in ties:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    keep = {f for f in focus if f in neighbours}
    frontier = set(keep)
    for _ in range(depth):
        frontier = {n for f in frontier for n in neighbours[f]} - keep
        if not frontier:
            break
        keep |= frontier
    return keep


def _node(actor_id: str, actor: ActorLookup | None, degree: int) -> Node:
    info = actor(actor_id) if actor else None
    info = info or {}
    return Node(
        id=actor_id,
        code=info.get("code"),
        name=str(info.get("name") or actor_id),
        country=info.get("country"),
        role=info.get("role"),
        degree=degree,
    )


def _dyad(source: str | None, target: str | None) -> bool:
    """Two identifiable actors: a role with no country (`ROLE_REB`) stands for many."""
    return (
        bool(source)
        and bool(target)
        and source != target
        and not is_role_only(source)
        and not is_role_only(target)
    )


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
