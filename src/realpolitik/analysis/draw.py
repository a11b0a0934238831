"""PNG pictures of a signed network and of a timeline, drawn with matplotlib's Agg renderer.

`draw_png` lays the actors out with a seeded spring layout (cooperation pulls actors together,
conflict barely does), draws cooperation in green and conflict in red with widths by ``|weight|``,
colours actors by bloc, labels them by name and titles the picture. `draw_timeline_png` draws
cooperation above and conflict below the axis per period (counts), with summed intensities in a
second panel.

Pictures are drawn on a bare `matplotlib.figure.Figure` with an Agg canvas: no pyplot, so no
global figure registry, no GUI backend and nothing left open. What it must not do: run SQL,
compute scores (that is the network's and the timeline's job), show windows, or keep
module-level mutable state.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import matplotlib.dates as mdates
import networkx as nx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from realpolitik.analysis.blocs import find_blocs
from realpolitik.analysis.network import SignedNetwork
from realpolitik.analysis.timeline import TimelinePoint

__all__ = ["COLOURS", "draw_png", "draw_timeline_png"]

_DPI = 100
_SEED = 7
COLOURS: Mapping[str, str] = MappingProxyType(
    {"cooperation": "#2e8b57", "conflict": "#c0392b", "neutral": "#9e9e9e"}
)
_BLOC_COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#76b7b2",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#59a14f",
    "#e15759",
    "#bab0ac",
)
_NO_BLOC = "#d9d9d9"


def draw_png(
    network: SignedNetwork,
    path: str | Path,
    width_px: int = 1600,
    *,
    height_px: int | None = None,
    title: str | None = None,
    max_nodes: int = 30,
) -> Path:
    """Draw the network to ``path`` (PNG); height defaults to 3/4 of the width. Labels stay
    readable by drawing the largest connected group, at most ``max_nodes`` of its busiest actors."""
    height_px = height_px or round(width_px * 0.75)
    figure = Figure(figsize=(width_px / _DPI, height_px / _DPI), dpi=_DPI)
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    ax.set_axis_off()
    ax.set_title(title or _network_title(network), fontsize=14)

    if not network.nodes:
        ax.text(0.5, 0.5, "no ties in this window", ha="center", va="center", fontsize=14)
        return _save(figure, path)

    full_size = len(network.nodes)
    network = readable_subset(network, max_nodes)
    if len(network.nodes) < full_size:
        ax.set_title(
            f"{title or _network_title(network)}\n(largest connected group, "
            f"{len(network.nodes)} of {full_size} actors)",
            fontsize=14,
        )
    positions = _layout(network)
    strongest = max((abs(e.weight) for e in network.edges), default=0.0) or 1.0
    segments, colours, widths = [], [], []
    for edge in sorted(network.edges, key=lambda e: abs(e.weight)):
        segments.append([positions[edge.source], positions[edge.target]])
        colours.append(
            COLOURS["cooperation"]
            if edge.weight > 0
            else COLOURS["conflict"]
            if edge.weight < 0
            else COLOURS["neutral"]
        )
        widths.append(1.0 + 7.0 * abs(edge.weight) / strongest)
    ax.add_collection(LineCollection(segments, colors=colours, linewidths=widths, alpha=0.75))

    bloc_of = {
        member: _BLOC_COLOURS[i % len(_BLOC_COLOURS)]
        for i, bloc in enumerate(find_blocs(network))
        for member in bloc.member_ids
    }
    xs = [positions[n.id][0] for n in network.nodes]
    ys = [positions[n.id][1] for n in network.nodes]
    sizes = [250 + 120 * min(n.degree, 20) for n in network.nodes]
    ax.scatter(
        xs,
        ys,
        s=sizes,
        c=[bloc_of.get(n.id, _NO_BLOC) for n in network.nodes],
        edgecolors="#333333",
        linewidths=0.8,
        zorder=3,
    )
    font = 11 if len(network.nodes) <= 25 else 9 if len(network.nodes) <= 60 else 7
    for node, x, y in zip(network.nodes, xs, ys, strict=True):
        ax.annotate(
            node.name,
            (x, y),
            xytext=(0, 10 + math.sqrt(250 + 120 * min(node.degree, 20)) / 2),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=font,
            zorder=4,
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.8},
        )
    ax.legend(
        handles=[
            Line2D([], [], color=COLOURS["cooperation"], lw=3, label="cooperation"),
            Line2D([], [], color=COLOURS["conflict"], lw=3, label="conflict"),
        ],
        loc="lower right",
        frameon=False,
    )
    ax.margins(0.12)
    ax.autoscale_view()
    return _save(figure, path)


def draw_timeline_png(
    points: Sequence[TimelinePoint],
    path: str | Path,
    title: str = "Cooperation and conflict over time",
    *,
    width_px: int = 1200,
    height_px: int | None = None,
) -> Path:
    """Draw a timeline to ``path`` (PNG): counts as bars (conflict below zero), intensities
    as lines."""
    height_px = height_px or round(width_px * 0.6)
    figure = Figure(figsize=(width_px / _DPI, height_px / _DPI), dpi=_DPI)
    FigureCanvasAgg(figure)
    counts, intensity = figure.subplots(2, 1, sharex=True, height_ratios=(3, 2))
    figure.suptitle(title, fontsize=14)
    if not points:
        counts.text(0.5, 0.5, "no events", ha="center", va="center", transform=counts.transAxes)
        return _save(figure, path)

    days = [p.period_start for p in points]
    span = (days[1] - days[0]).days if len(days) > 1 else 1
    width = 0.8 * span
    counts.bar(
        days,
        [p.cooperation_count for p in points],
        width=width,
        color=COLOURS["cooperation"],
        label="cooperation events",
    )
    counts.bar(
        days,
        [-p.conflict_count for p in points],
        width=width,
        color=COLOURS["conflict"],
        label="conflict events",
    )
    counts.axhline(0, color="#333333", linewidth=0.8)
    counts.set_ylabel("events (conflict below 0)")
    counts.yaxis.set_major_locator(MaxNLocator(integer=True))
    counts.legend(loc="upper left", frameon=False)
    counts.grid(axis="y", alpha=0.3)

    intensity.plot(
        days,
        [p.cooperation_intensity for p in points],
        color=COLOURS["cooperation"],
        marker="o",
        label="cooperation intensity",
    )
    intensity.plot(
        days,
        [p.conflict_intensity for p in points],
        color=COLOURS["conflict"],
        marker="o",
        label="conflict intensity",
    )
    intensity.set_ylabel("summed |intensity|")
    intensity.legend(loc="upper left", frameon=False)
    intensity.grid(alpha=0.3)
    locator = mdates.AutoDateLocator()
    intensity.xaxis.set_major_locator(locator)
    intensity.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    return _save(figure, path)


def readable_subset(network: SignedNetwork, max_nodes: int) -> SignedNetwork:
    """The largest connected group of actors, trimmed to the ``max_nodes`` with most ties."""
    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in network.nodes)
    graph.add_edges_from((e.source, e.target) for e in network.edges)
    if graph.number_of_nodes() == 0:
        return network
    largest = max(nx.connected_components(graph), key=len)
    ranked = sorted(largest, key=lambda n: (-graph.degree(n), n))[:max_nodes]
    keep = set(ranked)
    if len(keep) == len(network.nodes):
        return network
    return replace(
        network,
        nodes=tuple(n for n in network.nodes if n.id in keep),
        edges=tuple(e for e in network.edges if e.source in keep and e.target in keep),
    )


def _layout(network: SignedNetwork) -> dict[str, tuple[float, float]]:
    """Seeded spring layout: positive ties attract by their weight, negative ones only weakly."""
    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in network.nodes)
    for edge in network.edges:
        graph.add_edge(edge.source, edge.target, pull=1.0 + edge.weight if edge.weight > 0 else 0.1)
    k = 4.0 / math.sqrt(max(graph.number_of_nodes(), 1))
    try:
        raw = nx.spring_layout(graph, weight="pull", seed=_SEED, k=k, iterations=200)
    except ImportError:  # networkx needs scipy for 500+ actors; a circle still shows the ties
        raw = nx.circular_layout(graph)
    return {node: (float(xy[0]), float(xy[1])) for node, xy in raw.items()}


def _network_title(network: SignedNetwork) -> str:
    window = ""
    if network.since or network.until:
        start = network.since.isoformat() if network.since else "…"
        end = network.until.isoformat() if network.until else "…"
        window = f", {start} to {end}"
    focus = f", around {', '.join(network.name(f) for f in network.focus)}" if network.focus else ""
    return (
        f"Signed network{window}{focus}: {len(network.nodes)} actors, "
        f"{len(network.edges)} ties (green cooperation, red conflict)"
    )


def _save(figure: Figure, path: str | Path) -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(target, format="png", dpi=_DPI)
    return target
