"""Train the PLOVER event-type classifier on the NGEC synthetic stories and cache it.

Usage: python scripts/train_classifier.py [--train-file CSV] [--cache-dir DIR]

First holds out 10% of the stories (split by story, fixed seed) to print the accuracy of a model
trained on the rest, at sentence level (the first sentence of each held-out story) and at story
level; then trains on every story and writes the model where ``load_or_train`` looks for it.
The held-out figures are on synthetic, pseudo-labelled stories: a sanity check of the training,
not a measure of accuracy on real news.

Training data: ahalterman/NGEC synthetic stories (Halterman 2023, arXiv 2303.16028).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from realpolitik.events.classifier import (
    SyntheticStory,
    TypeClassifier,
    cache_path,
    read_stories,
    split_sentences,
    story_examples,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRAIN_FILE = REPO_ROOT.parent / "shared" / "train" / "ngec_synthetic_events.csv"
DEFAULT_CACHE_DIR = Path("~/.cache/realpolitik")


def _accuracy(model: TypeClassifier, texts: Sequence[str], gold: Sequence[str]) -> float:
    predicted = model.predict(texts)
    return sum(p == g for p, g in zip(predicted, gold, strict=True)) / max(1, len(gold))


def _split(
    stories: Sequence[SyntheticStory], fraction: float, seed: int
) -> tuple[list[SyntheticStory], list[SyntheticStory]]:
    order = list(range(len(stories)))
    random.Random(seed).shuffle(order)
    n_held = max(1, round(len(stories) * fraction))
    held = set(order[:n_held])
    train = [s for i, s in enumerate(stories) if i not in held]
    return train, [stories[i] for i in sorted(held)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--train-file", type=Path, default=DEFAULT_TRAIN_FILE)
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE_DIR)
    parser.add_argument("--held-out", type=float, default=0.1, help="fraction of stories")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)

    train_file: Path = args.train_file.expanduser()
    cache_dir: Path = args.cache_dir.expanduser()
    if not train_file.is_file():
        print(f"error: no training file at {train_file}", file=sys.stderr)
        return 2
    stories = read_stories(train_file)
    if len(stories) < 2:
        print(f"error: {train_file} has fewer than 2 usable stories", file=sys.stderr)
        return 2
    print(f"training file: {train_file} ({len(stories)} stories)")

    # 1. Held-out check on a split by story.
    train, held = _split(stories, args.held_out, args.seed)
    texts, labels = story_examples(train)
    started = time.perf_counter()
    model = TypeClassifier.train(texts, labels)
    elapsed = time.perf_counter() - started
    gold = [s.label for s in held]
    first_sentences = [(split_sentences(s.text) or [s.text])[0] for s in held]
    sentence_accuracy = _accuracy(model, first_sentences, gold)
    story_accuracy = _accuracy(model, [s.text for s in held], gold)
    print(
        f"held-out split: {len(train)} stories ({len(texts)} examples) / {len(held)} stories, "
        f"seed {args.seed}; trained in {elapsed:.1f} s"
    )
    print(f"held-out accuracy, sentence level (first sentence): {sentence_accuracy:.3f}")
    print(f"held-out accuracy, story level (whole text):        {story_accuracy:.3f}")

    # 2. The model that ships: every story.
    texts, labels = story_examples(stories)
    started = time.perf_counter()
    model = TypeClassifier.train(texts, labels)
    elapsed = time.perf_counter() - started
    target = cache_path(cache_dir, train_file)
    target.parent.mkdir(parents=True, exist_ok=True)
    model.save(target)
    print(
        f"full model: {len(texts)} examples, {model.n_features} features, "
        f"trained in {elapsed:.1f} s"
    )
    print(f"saved {target} ({target.stat().st_size / 1e6:.2f} MB)")

    sentences = [sentence for s in held for sentence in split_sentences(s.text)]
    started = time.perf_counter()
    model.predict_proba(sentences)
    elapsed = time.perf_counter() - started
    print(
        f"predict_proba: {len(sentences)} sentences in {elapsed:.2f} s "
        f"({len(sentences) / max(elapsed, 1e-9):,.0f} sentences/s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
