"""Coding single sentences, for the accuracy harness and quick experiments.

Wraps the article coder: each sentence is coded as a one-sentence article of the given date, and
its events are reported with CAMEO-style actor codes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from realpolitik.coding import ArticleCoder
from realpolitik.events.evaluation import PredictedEvent
from realpolitik.ingest import make_article

# CAMEO and PLOVER code a refused or withheld cooperation ("would not provide support") as a
# REJECT event; a denied conflict event did not happen and is not emitted.
COOPERATIVE_QUADS = frozenset({1, 2})


class SentenceCoder:
    def __init__(self, coder: ArticleCoder) -> None:
        self.coder = coder

    def __call__(self, text: str, day: date | None) -> Sequence[PredictedEvent]:
        article = make_article(text, published=day)
        analysis = self.coder.code_one(article)
        out: list[PredictedEvent] = []
        for event in analysis.events:
            type_, cameo, mode = event.type, event.cameo, event.mode
            if event.status == "negated":
                if event.quad_class not in COOPERATIVE_QUADS:
                    continue
                type_, cameo, mode = "REJECT", "120", None
            out.append(
                PredictedEvent(
                    type=type_,
                    source_code=self._code(event.source, analysis.actors),
                    target_code=self._code(event.target, analysis.actors),
                    cameo=cameo,
                    mode=mode,
                )
            )
        return out

    def _code(self, actor_id: str | None, actors: dict) -> str | None:  # type: ignore[type-arg]
        if not actor_id:
            return None
        entry = actors.get(actor_id) or self.coder.dictionary.get(actor_id)
        return entry.code if entry is not None and entry.kind != "unresolved" else None
