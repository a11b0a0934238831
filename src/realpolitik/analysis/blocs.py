"""Blocs: groups of actors held together by cooperation, with the evidence for each tie.

`find_blocs` takes the positive part of a `SignedNetwork` (edges whose ``weight`` is above zero,
weighted by it), splits it into communities with networkx's greedy modularity maximisation
(deterministic: no random seed involved), and names each community after its most central
member: the highest weighted degree inside the bloc (ties broken by actor id). A bloc has at
least two members; actors with no positive tie belong to no bloc. Each bloc lists its internal
positive ties with their event ids and relation evidence, and any negative ties inside it
(``tensions``), which are what a bloc's unity has to survive.

What it must not do: run SQL, draw, reweight edges (weights come from the network), or keep
module-level mutable state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx
from networkx.algorithms.community import greedy_modularity_communities

from realpolitik.analysis.network import Edge, Node, SignedNetwork

__all__ = ["Bloc", "find_blocs"]


@dataclass(frozen=True)
class Bloc:
    """A community of the positive graph, named after ``leader`` (its most central member)."""

    name: str
    leader: str
    members: tuple[Node, ...]
    ties: tuple[Edge, ...]
    tensions: tuple[Edge, ...] = ()

    @property
    def member_ids(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.members)

    @property
    def cohesion(self) -> float:
        """Summed weight of the positive ties inside the bloc."""
        return sum(t.weight for t in self.ties)

    @property
    def events(self) -> tuple[str, ...]:
        """Ids of every event behind the bloc's positive ties."""
        return tuple(dict.fromkeys(e for t in self.ties for e in t.events))

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "leader": self.leader,
            "members": [m.to_dict() for m in self.members],
            "cohesion": round(self.cohesion, 4),
            "ties": [t.to_dict() for t in self.ties],
            "tensions": [t.to_dict() for t in self.tensions],
        }


def find_blocs(network: SignedNetwork) -> list[Bloc]:
    """The blocs of a network, largest first (then most cohesive, then by name)."""
    positive = nx.Graph()
    for edge in network.edges:
        if edge.weight > 0:
            positive.add_edge(edge.source, edge.target, weight=edge.weight)
    if positive.number_of_edges() == 0:
        return []
    blocs: list[Bloc] = []
    for community in greedy_modularity_communities(positive, weight="weight"):
        members = set(community)
        if len(members) < 2:
            continue
        strength = {
            m: sum(d["weight"] for n, d in positive[m].items() if n in members) for m in members
        }
        leader = min(members, key=lambda m: (-strength[m], m))
        ordered = sorted(members, key=lambda m: (-strength[m], m))
        inside = [e for e in network.edges if e.source in members and e.target in members]
        blocs.append(
            Bloc(
                name=network.name(leader),
                leader=leader,
                members=tuple(network.node(m) or Node(m, None, m, None, None) for m in ordered),
                ties=tuple(e for e in inside if e.weight > 0),
                tensions=tuple(e for e in inside if e.weight < 0),
            )
        )
    blocs.sort(key=lambda b: (-len(b.members), -b.cohesion, b.name))
    return blocs
