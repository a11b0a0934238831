"""Scoring the coder on labelled files (PLOVER gold records, PETRARCH validation records)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from realpolitik.config import Config
from realpolitik.errors import InputError
from realpolitik.events.evaluation import EvalReport, load_petrarch_gold, load_plover_gold, score

if TYPE_CHECKING:
    from realpolitik.api import Session


def evaluate_file(scheme: str, path: Path, config: Config) -> EvalReport:
    """Load the gold file, code every sentence with the full pipeline and score it."""
    from realpolitik.coding import ArticleCoder
    from realpolitik.events.sentence_coder import SentenceCoder

    loaders = {"plover": load_plover_gold, "petrarch": load_petrarch_gold}
    if scheme not in loaders:
        raise InputError(scheme, "unknown scheme; use plover or petrarch")
    try:
        gold = loaders[scheme](path)
    except FileNotFoundError as exc:
        raise InputError(str(path), "no such file") from exc
    except ValueError as exc:
        raise InputError(str(path), str(exc)) from exc
    coder = SentenceCoder(ArticleCoder(config))
    return score(gold, coder)


@dataclass(frozen=True)
class SampleScore:
    """Agreement of stored events with the sample corpus's gold annotations."""

    gold: int
    predicted: int
    matched: int
    status_agree: int
    place_agree: int
    place_gold: int

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def status_accuracy(self) -> float:
        return self.status_agree / self.matched if self.matched else 0.0

    @property
    def place_accuracy(self) -> float:
        return self.place_agree / self.place_gold if self.place_gold else 0.0


def score_samples(session: Session, gold_file: Path | None = None) -> SampleScore:
    """Match gold events to stored events of the same sample: same type and the same countries
    on each side (a missing side matches anything). Precision counts events in annotated
    samples only; the gold marks key events, so it is a lower bound."""
    from realpolitik.samples import gold_path

    lines = (gold_file or gold_path()).read_text(encoding="utf-8").splitlines()
    gold = [json.loads(line) for line in lines if line.strip()]
    dictionary = session.dictionary
    by_origin = {Path(a.origin or "").name: a.id for a in session.articles()}
    predicted: dict[str, list[dict[str, Any]]] = {}
    for sample in {g["sample"] for g in gold}:
        article_id = by_origin.get(sample)
        predicted[sample] = session.event_records(article_id=article_id) if article_id else []

    def country(actor_id: str | None) -> str | None:
        entry = dictionary.get(actor_id) if actor_id else None
        return entry.code[:3] if entry is not None else None

    matched = status_agree = place_agree = place_gold = 0
    for item in gold:
        candidates = predicted.get(item["sample"], [])
        want_source, want_target = country(item["source"]), country(item["target"])
        hit = next(
            (
                e
                for e in candidates
                if e["type"] == item["type"]
                and (
                    want_source is None
                    or ((e["source"] or {}).get("code") or "")[:3] == want_source
                )
                and (
                    want_target is None
                    or ((e["target"] or {}).get("code") or "")[:3] == want_target
                )
            ),
            None,
        )
        if hit is None:
            continue
        matched += 1
        status_agree += int(hit["status"] == item["status"])
        if item.get("place"):
            place_gold += 1
            place_agree += int(
                ((hit["location"] or {}).get("name") or "").lower() == item["place"].lower()
            )
    return SampleScore(
        gold=len(gold),
        predicted=sum(len(v) for v in predicted.values()),
        matched=matched,
        status_agree=status_agree,
        place_agree=place_agree,
        place_gold=place_gold,
    )
