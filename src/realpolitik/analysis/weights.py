"""How much one stored event or relation counts, and with which sign: the one scoring table.

Every analysis (the signed network, blocs, balance, timelines, shifts) asks this module how an
event or relation weighs, so they all agree. The rules:

* sign: quad classes 1 and 2 (verbal and material cooperation) are cooperation, 3 and 4
  (verbal and material conflict) are conflict. The relations ``backs``, ``ally_of``,
  ``proxy_of``, ``member_of`` and ``seeks_support_from`` are cooperation, ``opposes`` conflict.
* intensity: ``abs(event.intensity) / 10`` (PLOVER scores run from -10 to +10). An event stored
  without a quad class or intensity takes its type's values from the bundled PLOVER ontology;
  an event whose type is unknown there is left out.
* status: asserted 1.0, reported 0.7, historical 0.5, claimed 0.3. Planned, hypothetical and
  negated events did not (or not yet) happen: they are left out, unless ``include_uncertain``
  is set, and then count 0.2. Any other status is left out.
* corroboration: a stored event is already merged across articles, so it counts once, times
  ``1 + ln(sources)`` for the number of independent sources that report it (1 source -> 1.0,
  2 -> 1.69, 3 -> 2.10, 10 -> 3.30): more reporting raises confidence, with diminishing returns.
* relations: ``1.0 x status factor`` (their evidence already is the statement of a standing tie).

What it must not do: read the store (it sees only records), keep state between calls, or hide a
weight: every number comes from the tables below.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from realpolitik.events.models import Relation
from realpolitik.events.ontology import Ontology
from realpolitik.store.store import EventTally, StoredEvent

__all__ = [
    "CONFLICT_QUADS",
    "CONFLICT_RELATIONS",
    "COOPERATION_QUADS",
    "COOPERATION_RELATIONS",
    "STATUS_FACTORS",
    "UNCERTAIN_FACTOR",
    "UNCERTAIN_STATUSES",
    "EventScore",
    "event_score",
    "relation_weight",
    "status_factor",
]

COOPERATION_QUADS = frozenset({1, 2})
CONFLICT_QUADS = frozenset({3, 4})
COOPERATION_RELATIONS = frozenset(
    {"backs", "ally_of", "proxy_of", "member_of", "seeks_support_from"}
)
CONFLICT_RELATIONS = frozenset({"opposes"})

STATUS_FACTORS: Mapping[str, float] = MappingProxyType(
    {"asserted": 1.0, "reported": 0.7, "historical": 0.5, "claimed": 0.3}
)
UNCERTAIN_STATUSES = frozenset({"planned", "hypothetical", "negated"})
UNCERTAIN_FACTOR = 0.2


def status_factor(status: str | None, include_uncertain: bool = False) -> float:
    """How much a status counts; 0.0 means the record is left out."""
    key = (status or "").strip().lower()
    if key in STATUS_FACTORS:
        return STATUS_FACTORS[key]
    if key in UNCERTAIN_STATUSES and include_uncertain:
        return UNCERTAIN_FACTOR
    return 0.0


def source_factor(sources: int | None) -> float:
    """``1 + ln(sources)``: one source counts 1.0, each further source adds less."""
    return 1.0 + math.log(max(sources or 1, 1))


@dataclass(frozen=True)
class EventScore:
    """An event's contribution: ``sign`` +1 cooperation / -1 conflict, ``weight`` >= 0."""

    sign: int
    weight: float
    quad_class: int
    intensity: float

    @property
    def signed(self) -> float:
        return self.sign * self.weight

    @property
    def cooperation(self) -> bool:
        return self.sign > 0


def event_score(
    event: StoredEvent | EventTally, include_uncertain: bool = False
) -> EventScore | None:
    """The sign and weight of one merged event (or of a tally of events that weigh alike,
    summed); None when it does not count.

    None for an excluded status, an event without a known quad class, or a zero weight.
    """
    factor = status_factor(event.status, include_uncertain)
    if factor <= 0.0:
        return None
    quad = event.quad_class
    intensity = event.intensity
    if quad is None or intensity is None:
        ontology = Ontology.load()
        try:
            if quad is None:
                quad = ontology.quad_class(event.type)
            if intensity is None:
                try:
                    intensity = ontology.intensity(event.type, event.mode)
                except KeyError:
                    intensity = ontology.intensity(event.type)
        except KeyError:
            return None
    if quad in COOPERATION_QUADS:
        sign = 1
    elif quad in CONFLICT_QUADS:
        sign = -1
    else:
        return None
    reporting = (
        sum(source_factor(n) for n in event.sources)
        if isinstance(event, EventTally)
        else source_factor(event.sources)
    )
    weight = abs(float(intensity)) / 10.0 * factor * reporting
    if weight <= 0.0:
        return None
    return EventScore(sign, weight, int(quad), float(intensity))


def relation_weight(relation: Relation, include_uncertain: bool = False) -> float:
    """Signed weight of a standing relation: +status factor (support), -status factor (opposes),
    0.0 when the relation kind is unknown or its status is left out."""
    factor = status_factor(relation.status, include_uncertain)
    if relation.relation in COOPERATION_RELATIONS:
        return factor
    if relation.relation in CONFLICT_RELATIONS:
        return -factor
    return 0.0
