"""Scoring the coder on labelled files (PLOVER gold records, PETRARCH validation records)."""

from __future__ import annotations

from pathlib import Path

from realpolitik.config import Config
from realpolitik.errors import InputError
from realpolitik.events.evaluation import EvalReport, load_petrarch_gold, load_plover_gold, score


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
