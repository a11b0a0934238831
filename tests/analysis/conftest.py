"""Hand-made stored events and relations for the analysis tests (no database, no NLP)."""

from __future__ import annotations

import datetime as dt
import itertools

from realpolitik.events.models import Evidence, Relation
from realpolitik.store.store import StoredEvent

QUADS = {
    "AGREE": (1, 2.5),
    "CONSULT": (1, 1.0),
    "SUPPORT": (1, 5.0),
    "COOPERATE": (2, 6.0),
    "AID": (2, 7.0),
    "RETREAT": (2, 6.5),
    "ACCUSE": (3, -2.0),
    "THREATEN": (3, -5.0),
    "SANCTION": (4, -6.0),
    "ASSAULT": (4, -10.0),
}
_ids = itertools.count()

ACTORS = {
    "IRN": {"id": "IRN", "code": "IRN", "name": "Iran", "country": "IRN", "role": "GOV"},
    "ISR": {"id": "ISR", "code": "ISR", "name": "Israel", "country": "ISR", "role": "GOV"},
    "HEZ": {"id": "HEZ", "code": "LBNREB", "name": "Hezbollah", "country": "LBN", "role": "REB"},
}


def actor(actor_id: str) -> dict | None:
    """An actor lookup like `ActorObjects.get`, knowing only a few actors."""
    return ACTORS.get(actor_id)


def ev(
    source: str | None,
    target: str | None,
    type_: str = "ASSAULT",
    *,
    day: dt.date | str | None = "2024-03-04",
    status: str = "asserted",
    intensity: float | None = None,
    quad: int | None = None,
    sources: int = 1,
    id: str | None = None,
    date_end: dt.date | None = None,
) -> StoredEvent:
    """A merged event as `Store.events()` returns it; quad class and intensity from the type."""
    default_quad, default_intensity = QUADS[type_]
    when = dt.date.fromisoformat(day) if isinstance(day, str) else day
    event_id = id or f"e{next(_ids)}"
    text = f"{source} {type_.lower()} {target}"
    return StoredEvent(
        id=event_id,
        article_id="a1",
        date=when,
        date_end=date_end,
        type=type_,
        mode=None,
        cameo=None,
        quad_class=quad if quad is not None else default_quad,
        intensity=intensity if intensity is not None else default_intensity,
        status=status,
        attributed_to=None,
        source=source,
        target=target,
        location=None,
        evidence=Evidence("a1", text, 0, len(text)),
        trigger_start=None,
        trigger_end=None,
        mentions=1,
        articles=sources,
        sources=sources,
        confidence=0.8,
        coder="test",
    )


def rel(
    source: str,
    target: str,
    relation: str = "backs",
    status: str = "asserted",
    *,
    first_seen: dt.date | None = None,
    last_seen: dt.date | None = None,
) -> Relation:
    text = f"{source} {relation} {target}."
    return Relation(
        source,
        target,
        relation,
        status,
        [Evidence("a1", text, 0, len(text))],
        first_seen,
        last_seen or first_seen,
    )
