"""Structural balance of a signed network: which triangles are unstable, and how far from balance.

A triangle of actors is unbalanced when the product of its three edge signs is negative: two
friends who share an enemy's friend (``A+B, A+C, B-C``) or three mutual enemies (``---``).
`balance` lists the unbalanced triads with the edges (and so the evidence) behind them, and
computes the frustration index: the fewest edges whose sign must flip for the whole graph to be
balanced, i.e. for its actors to split into two camps with only positive ties inside camps and
only negative ties across them.

Only edges with a non-zero weight are considered. The index is additive over connected
components; a component of at most `EXACT_LIMIT` actors is solved exactly by trying every
2-colouring (vectorised with numpy), a larger one by a deterministic local search (restarts from
spanning-tree colourings and from seeded random ones, then single-actor flips while they help),
which gives an upper bound. ``frustration_exact`` says whether every component was exact.

What it must not do: run SQL, draw, change the network, or keep module-level mutable state.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from realpolitik.analysis.network import Edge, SignedNetwork

__all__ = ["EXACT_LIMIT", "BalanceReport", "Triad", "balance"]

EXACT_LIMIT = 20
"""Largest connected component (in actors) whose frustration index is computed exactly."""
_RANDOM_RESTARTS = 20
_SEED = 0


@dataclass(frozen=True)
class Triad:
    """Three actors (sorted) and their three edges: ``(a-b, a-c, b-c)``."""

    actors: tuple[str, str, str]
    edges: tuple[Edge, Edge, Edge]

    @property
    def signs(self) -> str:
        """The edge signs, positives first: ``"++-"`` or ``"---"`` for an unbalanced triad."""
        return "".join(sorted("+" if e.weight > 0 else "-" for e in self.edges))

    @property
    def balanced(self) -> bool:
        return self.signs.count("-") % 2 == 0

    @property
    def strength(self) -> float:
        return sum(abs(e.weight) for e in self.edges)

    @property
    def events(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i for e in self.edges for i in e.events))

    def to_dict(self) -> dict[str, Any]:
        return {
            "actors": list(self.actors),
            "signs": self.signs,
            "edges": [e.to_dict() for e in self.edges],
        }


@dataclass(frozen=True)
class BalanceReport:
    """Unbalanced triads (strongest first) and the frustration index of the network.

    ``frustration`` is exact when ``frustration_exact``, else an upper bound.
    ``frustrated_edges`` are the edges whose sign a best-found split into two camps contradicts.
    """

    unbalanced_triads: tuple[Triad, ...]
    frustration: int
    frustration_exact: bool
    edges_considered: int
    frustrated_edges: tuple[Edge, ...] = ()
    triads_considered: int = 0

    @property
    def method(self) -> str:
        return "exact" if self.frustration_exact else "local search (upper bound)"

    @property
    def balance_ratio(self) -> float:
        """1.0 for a balanced graph; ``1 - frustration / edges_considered``."""
        if not self.edges_considered:
            return 1.0
        return 1.0 - self.frustration / self.edges_considered

    def to_dict(self) -> dict[str, Any]:
        return {
            "unbalanced_triads": [t.to_dict() for t in self.unbalanced_triads],
            "frustration": self.frustration,
            "frustration_exact": self.frustration_exact,
            "method": self.method,
            "edges_considered": self.edges_considered,
            "triads_considered": self.triads_considered,
            "frustrated_edges": [e.to_dict() for e in self.frustrated_edges],
        }


def balance(network: SignedNetwork, exact_limit: int = EXACT_LIMIT) -> BalanceReport:
    """Unbalanced triads and the frustration index (see the module doc)."""
    edges = [e for e in network.edges if e.weight != 0]
    adjacency: dict[str, dict[str, Edge]] = {}
    for edge in edges:
        adjacency.setdefault(edge.source, {})[edge.target] = edge
        adjacency.setdefault(edge.target, {})[edge.source] = edge

    triads, considered = _triads(adjacency)
    frustrated: list[Edge] = []
    exact = True
    for component in _components(adjacency):
        members = set(component)
        component_edges = [e for e in edges if e.source in members]
        if len(component) <= exact_limit:
            sides = _exact_sides(component, component_edges)
        else:
            sides = _local_search_sides(component, component_edges, adjacency)
            exact = False
        frustrated += [e for e in component_edges if _frustrated(e, sides)]
    frustrated.sort(key=lambda e: (abs(e.weight), e.pair))
    unbalanced = sorted(
        (t for t in triads if not t.balanced), key=lambda t: (-t.strength, t.actors)
    )
    return BalanceReport(
        unbalanced_triads=tuple(unbalanced),
        frustration=len(frustrated),
        frustration_exact=exact,
        edges_considered=len(edges),
        frustrated_edges=tuple(frustrated),
        triads_considered=considered,
    )


def _triads(adjacency: dict[str, dict[str, Edge]]) -> tuple[list[Triad], int]:
    found: list[Triad] = []
    for a in sorted(adjacency):
        later = sorted(n for n in adjacency[a] if n > a)
        for i, b in enumerate(later):
            for c in later[i + 1 :]:
                bc = adjacency[b].get(c)
                if bc is not None:
                    found.append(Triad((a, b, c), (adjacency[a][b], adjacency[a][c], bc)))
    return found, len(found)


def _components(adjacency: dict[str, dict[str, Edge]]) -> list[list[str]]:
    seen: set[str] = set()
    components: list[list[str]] = []
    for start in sorted(adjacency):
        if start in seen:
            continue
        seen.add(start)
        queue, members = deque([start]), [start]
        while queue:
            for neighbour in sorted(adjacency[queue.popleft()]):
                if neighbour not in seen:
                    seen.add(neighbour)
                    members.append(neighbour)
                    queue.append(neighbour)
        components.append(sorted(members))
    return components


def _frustrated(edge: Edge, sides: dict[str, int]) -> bool:
    same = sides[edge.source] == sides[edge.target]
    return same != (edge.weight > 0)


def _cost(edges: Sequence[Edge], sides: dict[str, int]) -> int:
    return sum(_frustrated(e, sides) for e in edges)


def _exact_sides(component: list[str], edges: Sequence[Edge]) -> dict[str, int]:
    """The best 2-colouring by trying all of them (the first actor fixed on side 0)."""
    if len(component) == 1:
        return {component[0]: 0}
    index = {actor: i for i, actor in enumerate(component)}
    masks = np.arange(2 ** (len(component) - 1), dtype=np.int64) << 1
    cost = np.zeros(masks.shape, dtype=np.int32)
    for edge in edges:
        differ = ((masks >> index[edge.source]) ^ (masks >> index[edge.target])) & 1
        cost += (differ if edge.weight > 0 else 1 - differ).astype(np.int32)
    best = int(masks[int(np.argmin(cost))])
    return {actor: (best >> i) & 1 for actor, i in index.items()}


def _local_search_sides(
    component: list[str], edges: Sequence[Edge], adjacency: dict[str, dict[str, Edge]]
) -> dict[str, int]:
    """A good 2-colouring: spanning-tree and seeded random starts, improved by single flips."""
    rng = random.Random(_SEED)
    by_degree = sorted(component, key=lambda a: (-len(adjacency[a]), a))
    starts = [_tree_sides(root, adjacency) for root in by_degree[:10]]
    starts += [{a: rng.randint(0, 1) for a in component} for _ in range(_RANDOM_RESTARTS)]
    best: dict[str, int] | None = None
    best_cost = len(edges) + 1
    for sides in starts:
        _improve(sides, component, adjacency)
        cost = _cost(edges, sides)
        if cost < best_cost:
            best, best_cost = sides, cost
    assert best is not None
    return best


def _tree_sides(root: str, adjacency: dict[str, dict[str, Edge]]) -> dict[str, int]:
    """Colour along a breadth-first spanning tree so that every tree edge is satisfied."""
    sides = {root: 0}
    queue = deque([root])
    while queue:
        current = queue.popleft()
        for neighbour, edge in sorted(adjacency[current].items()):
            if neighbour not in sides:
                sides[neighbour] = sides[current] if edge.weight > 0 else 1 - sides[current]
                queue.append(neighbour)
    return sides


def _improve(
    sides: dict[str, int], component: list[str], adjacency: dict[str, dict[str, Edge]]
) -> None:
    """Flip the actor that removes the most frustrated edges, until no flip helps."""
    while True:
        best_gain, best_actor = 0, None
        for actor in component:
            gain = 0
            for edge in adjacency[actor].values():
                gain += 1 if _frustrated(edge, sides) else -1
            if gain > best_gain:
                best_gain, best_actor = gain, actor
        if best_actor is None:
            return
        sides[best_actor] = 1 - sides[best_actor]
