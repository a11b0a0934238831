"""The analysis layer: signed networks, blocs, structural balance, timelines and shifts.

Every analysis works on plain lists of `StoredEvent` and `Relation` plus an ``actor(id)``
callable giving ``{id, code, name, country, role}``; only `from_session` and `session_inputs`
touch a `Session`, and they only call the store's public API (never SQL). Modules:

* `weights`: how much an event or relation counts, and its sign (the one scoring table);
* `network`: `build_network` -> `SignedNetwork` (networkx, dict, GraphML, GEXF);
* `blocs`: `find_blocs` -> communities of the positive graph with their evidence;
* `balance`: `balance` -> unbalanced triads and the frustration index;
* `timeline`: `timeline` series per actor or dyad, `sparkline`;
* `shifts`: `shifts` -> who gained or lost ground across a date;
* `draw`: `draw_png`, `draw_timeline_png` (matplotlib, Agg canvas).

What this package must not do: write to the store, run NLP, print, or keep module-level mutable
state; the CLI formats and prints what it returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from realpolitik.analysis.balance import EXACT_LIMIT, BalanceReport, Triad, balance
from realpolitik.analysis.blocs import Bloc, find_blocs
from realpolitik.analysis.draw import draw_png, draw_timeline_png
from realpolitik.analysis.network import (
    ActorLookup,
    Edge,
    Node,
    RelationTie,
    SignedNetwork,
    build_network,
)
from realpolitik.analysis.shifts import Shift, WindowScore, default_split, shifts
from realpolitik.analysis.timeline import TimelinePoint, sparkline, timeline
from realpolitik.analysis.weights import (
    STATUS_FACTORS,
    UNCERTAIN_FACTOR,
    EventScore,
    event_score,
    relation_weight,
    status_factor,
)
from realpolitik.events.models import Relation
from realpolitik.store.store import EventQuery, StoredEvent

if TYPE_CHECKING:
    from realpolitik.api import Session

__all__ = [
    "EXACT_LIMIT",
    "STATUS_FACTORS",
    "UNCERTAIN_FACTOR",
    "ActorLookup",
    "AnalysisInputs",
    "BalanceReport",
    "Bloc",
    "Edge",
    "EventScore",
    "Node",
    "RelationTie",
    "Shift",
    "SignedNetwork",
    "TimelinePoint",
    "Triad",
    "WindowScore",
    "balance",
    "build_network",
    "default_split",
    "draw_png",
    "draw_timeline_png",
    "event_score",
    "find_blocs",
    "from_session",
    "relation_weight",
    "session_inputs",
    "shifts",
    "sparkline",
    "status_factor",
    "timeline",
]


@dataclass(frozen=True)
class AnalysisInputs:
    """What the analyses read from a session: events, relations, actor lookup, focus ids."""

    events: tuple[StoredEvent, ...]
    relations: tuple[Relation, ...]
    actor: ActorLookup
    focus: tuple[str, ...] = ()


def session_inputs(
    session: Session,
    since: dt.date | None = None,
    until: dt.date | None = None,
    actor: str | Sequence[str] | None = None,
    level: str = "actor",
) -> AnalysisInputs:
    """Events in the window, all relations, an actor lookup, and the focus actors' ids.

    ``actor`` is a name, alias or id (or several); each resolves with `Session.actor_ids`, so a
    state brings its agencies and units. Raises `NotFoundError` for an unknown actor.
    """
    from realpolitik.views import ActorObjects

    names = [actor] if isinstance(actor, str) else list(actor or ())
    focus = tuple(dict.fromkeys(i for name in names for i in session.actor_ids(name)))
    events: tuple[StoredEvent, ...] = tuple(
        session.store.events(EventQuery(since=since, until=until))
    )
    relations: tuple[Relation, ...] = tuple(session.store.relations())
    if level == "principal":
        from realpolitik.analysis.principal import PrincipalFolder, fold

        folded_events, folded_relations = fold(events, relations, session.dictionary)
        events, relations = tuple(folded_events), tuple(folded_relations)
        folder = PrincipalFolder(session.dictionary, focus)
        focus = tuple(dict.fromkeys(folder(i, None) or i for i in focus))
    objects = ActorObjects(session.store, session.dictionary)
    objects.prefetch(
        {a for e in events for a in (e.source, e.target) if a}
        | {a for r in relations for a in (r.source, r.target) if a}
    )
    return AnalysisInputs(events, relations, objects.get, focus)


def from_session(
    session: Session,
    since: dt.date | None = None,
    until: dt.date | None = None,
    actor: str | Sequence[str] | None = None,
    depth: int = 1,
    include_uncertain: bool = False,
    level: str = "principal",
) -> SignedNetwork:
    """The signed network of a database for a window, optionally around some actors.

    ``level="principal"`` (the default) folds a state's own agencies into its government of
    record (see `analysis.principal`); ``"actor"`` keeps every actor apart. Events are tallied
    in the store (`Store.event_tallies`), so the window's size costs SQL time, not Python.
    """
    from realpolitik.analysis.principal import PrincipalFolder, fold_relations, principal_map
    from realpolitik.views import ActorObjects

    names = [actor] if isinstance(actor, str) else list(actor or ())
    focus = tuple(dict.fromkeys(i for name in names for i in session.actor_ids(name)))
    relations: Sequence[Relation] = session.store.relations()
    principals = None
    if level == "principal":
        days = session.store.event_actor_days(since, until)
        named = {a for a, _ in days} | {a for r in relations for a in (r.source, r.target)}
        folder = PrincipalFolder(session.dictionary, named)
        principals = principal_map(days, folder)
        relations = fold_relations(relations, folder)
        focus_folder = PrincipalFolder(session.dictionary, focus)
        focus = tuple(dict.fromkeys(focus_folder(i, None) or i for i in focus))
    tallies = session.store.event_tallies(since, until, principals)
    objects = ActorObjects(session.store, session.dictionary)
    objects.prefetch(
        {a for t in tallies for a in (t.source, t.target)}
        | {a for r in relations for a in (r.source, r.target) if a}
    )
    return build_network(
        tallies,
        relations,
        objects.get,
        since=since,
        until=until,
        focus=focus if actor else None,
        depth=depth,
        include_uncertain=include_uncertain,
    )
