"""Coding single sentences, for the accuracy harness and quick experiments.

Each sentence is coded the way event-data gold standards code it: as a one-sentence article of
the given date, keeping only the events of its main predication (`EventExtractor.extract_main`),
reported with CAMEO-style actor codes and with the PLOVER manual's rules for events that have not
(yet) happened folded into the event type:

- a withheld or refused cooperation ("would not provide support") is a REJECT; a denied conflict
  event did not happen and is not emitted;
- cooperation in the future or offered on conditions (CONSULT, SUPPORT, COOPERATE, AID) is an
  AGREE (manual: "cooperative actions ... reported in future tense ... should be coded as AGREE");
- an announced future retreat is a CONCEDE (manual, RETREAT); but a retreat or concession the
  actor only says it is willing, prepared or offers to make indicates willingness to cooperate,
  an AGREE (manual, AGREE: "offer, promise, or otherwise indicate willingness");
- cooperation its actor "must" or "should" give is demanded of it, not intended: a REQUEST;
- an act announced to happen "unless" something else does is an ultimatum, a THREATEN;
- a future or conditional act of material conflict (ASSAULT, COERCE, SANCTION, PROTEST) is a
  THREATEN, whose mode is the content of the threat (manual: THREATEN = ASSAULT + hypothetical).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc

from realpolitik.coding import ArticleCoder
from realpolitik.events.evaluation import PredictedEvent
from realpolitik.events.merge import merge_in_article
from realpolitik.events.models import Event
from realpolitik.events.status import obliged, offered, ultimatum
from realpolitik.ingest import make_article

# CAMEO and PLOVER code a refused or withheld cooperation ("would not provide support") as a
# REJECT event; a denied conflict event did not happen and is not emitted.
COOPERATIVE_QUADS = frozenset({1, 2})
UNREALIZED = frozenset({"planned", "hypothetical"})
INTENDED_COOPERATION = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
THREATENED_CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})
CONCESSIONS = frozenset({"RETREAT", "CONCEDE"})
# Acts that, announced "unless" the other side complies, are the content of an ultimatum.
ULTIMATUM_ACTS = THREATENED_CONFLICT | CONCESSIONS | {"REJECT"}
# The content of a threat, by the kind of act threatened and its mode.
THREAT_MODES = {
    ("ASSAULT", None): "violence",
    ("COERCE", "arrest"): "arrest",
    ("COERCE", "seize"): "territory",
    ("COERCE", "ban"): "ban",
    ("SANCTION", None): "relations",
    ("SANCTION", "expel"): "expel",
    ("COERCE", None): "restrict",
    ("PROTEST", None): "restrict",
}


class SentenceCoder:
    def __init__(self, coder: ArticleCoder) -> None:
        self.coder = coder

    def __call__(self, text: str, day: date | None) -> Sequence[PredictedEvent]:
        article = make_article(text, published=day)
        coder = self.coder
        doc = coder.parse_one(article.text)
        resolved = coder.resolver.resolve(doc, article.published)
        events = merge_in_article(
            coder.extractor.extract_main(doc, resolved, article.id, article.published)
        )
        actors = dict(resolved.new_actors)
        out: list[PredictedEvent] = []
        seen: set[tuple[str, str | None, str | None]] = set()
        for event in events:
            coded = self._gold_style(event, doc)
            if coded is None:
                continue
            type_, cameo, mode = coded
            source = self._code(event.source, actors)
            target = self._code(event.target, actors)
            if (type_, source, target) in seen:
                continue  # "agreed to ... and will provide": one AGREE
            seen.add((type_, source, target))
            out.append(
                PredictedEvent(
                    type=type_, source_code=source, target_code=target, cameo=cameo, mode=mode
                )
            )
        return out

    def _gold_style(self, event: Event, doc: Doc) -> tuple[str, str, str | None] | None:
        """(type, CAMEO code, mode) under the manual's rules for unrealized events."""
        ontology = self.coder.ontology
        span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
        trigger = span.root if span is not None else None
        if event.status == "negated":
            if event.quad_class not in COOPERATIVE_QUADS:
                return None
            return "REJECT", "120", None
        if event.status in UNREALIZED and trigger is not None:
            if event.type in ULTIMATUM_ACTS and ultimatum(trigger):
                return self._threat(event)
            if event.type in INTENDED_COOPERATION and obliged(trigger):
                return "REQUEST", ontology.cameo_for("REQUEST"), None
            if event.type in CONCESSIONS and offered(trigger):
                return "AGREE", ontology.cameo_for("AGREE"), None
        if event.status in UNREALIZED:
            if event.type in INTENDED_COOPERATION:
                code = "036" if event.type == "CONSULT" else ontology.cameo_for("AGREE")
                return "AGREE", code, None
            if event.type == "RETREAT":
                return "CONCEDE", ontology.cameo_for("CONCEDE"), None
            if event.type in THREATENED_CONFLICT:
                return self._threat(event)
        return event.type, event.cameo, event.mode

    def _threat(self, event: Event) -> tuple[str, str, str | None]:
        ontology = self.coder.ontology
        mode = THREAT_MODES.get((event.type, event.mode)) or THREAT_MODES.get((event.type, None))
        if mode not in ontology.type("THREATEN").mode_names:
            mode = None
        return "THREATEN", ontology.cameo_for("THREATEN", mode), mode

    def _code(self, actor_id: str | None, actors: dict) -> str | None:  # type: ignore[type-arg]
        if not actor_id:
            return None
        entry = actors.get(actor_id) or self.coder.dictionary.get(actor_id)
        return entry.code if entry is not None and entry.kind != "unresolved" else None
