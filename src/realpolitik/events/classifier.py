"""A statistical PLOVER event-type classifier for single sentences, as a second opinion.

The rule-based coder decides *who did what to whom*; this module only answers "which of the 16
PLOVER event types does this sentence read like?", with a probability for each type. It is meant
as a cheap prior for the coder (e.g. to break ties or to flag sentences the patterns missed),
never as a coder on its own.

Model: a multinomial logistic regression (softmax) over lower-cased word unigrams and bigrams
weighted by sublinear TF-IDF, trained with plain numpy (mini-batch gradient descent with L2).
No scikit-learn, no GPU, a few seconds of training on two cores.

Training data: the synthetic, machine-written news stories of ahalterman/NGEC (Halterman 2023,
"Synthetically generated text for supervised text analysis", arXiv 2303.16028), each
pseudo-labelled with one PLOVER type. Their facts are false by design and the labels come from a
model, so the classifier learns how event types are *worded*, not what happened. Because the
stories are documents while we classify sentences, every story yields several examples: its
title, its first two sentences (the lede carries the event) and the whole story.

This module never downloads anything: :func:`load_or_train` trains from a CSV file the caller
already has and caches the model under a name derived from the file's SHA-256, so a changed
training file gives a new model. It holds no module-level mutable state; a trained
:class:`TypeClassifier` is never modified afterwards, so sharing one between threads is safe.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import math
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from realpolitik.errors import ConfigError
from realpolitik.events.ontology import PLOVER_TYPES

__all__ = [
    "MODEL_VERSION",
    "SyntheticStory",
    "TypeClassifier",
    "cache_path",
    "file_sha256",
    "load_or_train",
    "read_stories",
    "split_sentences",
    "story_examples",
]

MODEL_VERSION = "type-classifier.v1"

LEDE_SENTENCES = 2
"""How many leading sentences of a story are labelled with the story's event type."""

_TOKEN_RE = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*")
_NUMBER = "<num>"
_PLACEHOLDER_RE = re.compile(r"\{(\w+?)(?:_\d+)?\}")
# A sentence ends at . ! or ? (maybe followed by a closing quote or bracket) before whitespace and
# a capital, digit or opening quote; not after a single initial ("U.S.", "John F.") or a common
# title. Blank lines always end a sentence.
_SENTENCE_END_RE = re.compile(
    r"(?<!\b[A-Z]\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bLt\.)(?<!\bNo\.)"
    r"(?<!\bMrs\.)(?<!\bGen\.)(?<!\bSen\.)(?<!\bRep\.)(?<!\bGov\.)(?<!\bCol\.)(?<!\bSgt\.)"
    r"(?<=[.!?])[\"'\u201d\u2019)\]]?\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])"
    r"|\n\s*\n"
)


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences with a simple regex (good enough for news ledes)."""
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        # Keep a closing quote or bracket with the sentence it closes.
        end = (
            match.start() + len(match.group().rstrip()) if match.group().strip() else match.start()
        )
        parts.append(text[start:end])
        start = match.end()
    parts.append(text[start:])
    return [" ".join(part.split()) for part in parts if part.strip()]


def _features(text: str) -> list[str]:
    """Lower-cased word unigrams and bigrams of ``text``; every number is one token."""
    tokens = [t if t[0].isalpha() else _NUMBER for t in _TOKEN_RE.findall(text.lower())]
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]


# --------------------------------------------------------------------------- training data


@dataclass(frozen=True, slots=True)
class SyntheticStory:
    """One labelled story of the NGEC synthetic training file."""

    title: str
    text: str
    label: str


def read_stories(path: Path) -> list[SyntheticStory]:
    """The stories of an NGEC-style CSV (``text``, ``title``, ``label``, maybe ``prompt``).

    Rows whose label is not one of the 16 PLOVER types, or whose text is empty, are skipped. The
    ``title`` column holds templates such as "{country_1} Teachers Strike"; when the ``prompt``
    column carries the filled-in title (its first line) that one is used instead.
    """
    stories: list[SyntheticStory] = []
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            label = (row.get("label") or "").strip().upper()
            text = (row.get("text") or "").strip()
            if label not in PLOVER_TYPES or not text:
                continue
            title = (row.get("title") or "").strip()
            if "{" in title:
                prompt_title = (row.get("prompt") or "").strip().split("\n", 1)[0].strip()
                title = prompt_title or _PLACEHOLDER_RE.sub(r"\1", title)
            stories.append(SyntheticStory(title=title, text=text, label=label))
    return stories


def story_examples(stories: Iterable[SyntheticStory]) -> tuple[list[str], list[str]]:
    """Training examples of ``stories``: each title, first two sentences and whole story."""
    texts: list[str] = []
    labels: list[str] = []
    for story in stories:
        examples = [story.title, *split_sentences(story.text)[:LEDE_SENTENCES], story.text]
        for example in examples:
            if example.strip():
                texts.append(example)
                labels.append(story.label)
    return texts, labels


# --------------------------------------------------------------------------- sparse helpers


@dataclass(frozen=True, slots=True)
class _Rows:
    """A CSR matrix of L2-normalised TF-IDF rows (numpy only)."""

    indptr: np.ndarray  # int64, n_rows + 1
    indices: np.ndarray  # int32 feature ids
    data: np.ndarray  # float32 weights

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    def take(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row position in ``rows``, feature id, weight) of every non-zero of ``rows``."""
        starts = self.indptr[rows]
        lengths = self.indptr[rows + 1] - starts
        total = int(lengths.sum())
        row_ids = np.repeat(np.arange(len(rows)), lengths)
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
        positions = offsets + np.arange(total)
        return row_ids, self.indices[positions], self.data[positions]


def _vectorize(texts: Sequence[str], vocabulary: dict[str, int], idf: np.ndarray) -> _Rows:
    indptr = np.zeros(len(texts) + 1, dtype=np.int64)
    indices: list[int] = []
    data: list[float] = []
    for row, text in enumerate(texts):
        counts = Counter(vocabulary[f] for f in _features(text) if f in vocabulary)
        ids = sorted(counts)
        weights = np.array([1.0 + math.log(counts[i]) for i in ids]) * idf[ids]
        norm = float(np.sqrt(weights @ weights)) if ids else 0.0
        indices.extend(ids)
        data.extend((weights / norm).tolist() if norm else [])
        indptr[row + 1] = len(indices)
    return _Rows(indptr, np.asarray(indices, dtype=np.int32), np.asarray(data, dtype=np.float32))


def _sparse_dot(
    row_ids: np.ndarray, cols: np.ndarray, vals: np.ndarray, weights: np.ndarray, n_rows: int
) -> np.ndarray:
    """X @ W for a sparse X given as (row, col, value) triples; W is (n_features, n_classes)."""
    n_classes = weights.shape[1]
    contributions = weights[cols] * vals[:, None]
    flat = (row_ids[:, None] * n_classes + np.arange(n_classes)).ravel()
    out = np.bincount(flat, weights=contributions.ravel(), minlength=n_rows * n_classes)
    return out.reshape(n_rows, n_classes)


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


# --------------------------------------------------------------------------- the classifier


class TypeClassifier:
    """Probabilities of the 16 PLOVER event types for short texts. Build with :meth:`train`."""

    def __init__(
        self,
        vocabulary: Sequence[str],
        idf: np.ndarray,
        weights: np.ndarray,
        bias: np.ndarray,
        labels: Sequence[str],
    ) -> None:
        labels = tuple(labels)
        unknown = [label for label in labels if label not in PLOVER_TYPES]
        if unknown:
            raise ValueError(f"not PLOVER event types: {', '.join(sorted(set(unknown)))}")
        if weights.shape != (len(vocabulary), len(labels)) or bias.shape != (len(labels),):
            raise ValueError("weights and bias do not match the vocabulary and labels")
        if idf.shape != (len(vocabulary),):
            raise ValueError("idf does not match the vocabulary")
        self._vocabulary = {feature: i for i, feature in enumerate(vocabulary)}
        self._idf = np.asarray(idf, dtype=np.float32)
        self._weights = np.asarray(weights, dtype=np.float32)
        self._bias = np.asarray(bias, dtype=np.float32)
        self._labels = labels
        for array in (self._idf, self._weights, self._bias):
            array.flags.writeable = False

    @property
    def labels(self) -> tuple[str, ...]:
        """The event types the model was trained on (a subset of the 16, in PLOVER order)."""
        return self._labels

    @property
    def n_features(self) -> int:
        return len(self._vocabulary)

    # ------------------------------------------------------------------ training

    @classmethod
    def train(
        cls,
        texts: Sequence[str],
        labels: Sequence[str],
        *,
        epochs: int = 8,
        batch_size: int = 32,
        learning_rate: float = 30.0,
        l2: float = 1e-6,
        min_df: int = 2,
        max_features: int = 50_000,
        seed: int = 0,
    ) -> TypeClassifier:
        """Fit a softmax regression on ``texts`` labelled with PLOVER types ``labels``.

        Classes are weighted by the inverse square root of their frequency, so rare types are
        not drowned by common ones; the learning rate decays linearly to a tenth over the epochs.
        """
        if len(texts) != len(labels):
            raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
        if not texts:
            raise ValueError("no training examples")
        unknown = sorted(set(labels) - set(PLOVER_TYPES))
        if unknown:
            raise ValueError(f"not PLOVER event types: {', '.join(unknown)}")
        classes = tuple(t for t in PLOVER_TYPES if t in set(labels))

        # Vocabulary: features in at least min_df examples, the most frequent first.
        document_frequency: Counter[str] = Counter()
        for text in texts:
            document_frequency.update(set(_features(text)))
        kept = [f for f, df in document_frequency.items() if df >= min(min_df, len(texts))]
        kept.sort(key=lambda f: (-document_frequency[f], f))
        vocabulary_list = kept[:max_features]
        vocabulary = {feature: i for i, feature in enumerate(vocabulary_list)}
        df = np.array([document_frequency[f] for f in vocabulary_list], dtype=np.float64)
        idf = (np.log((1.0 + len(texts)) / (1.0 + df)) + 1.0).astype(np.float32)
        rows = _vectorize(texts, vocabulary, idf)

        class_index = {label: i for i, label in enumerate(classes)}
        y = np.array([class_index[label] for label in labels], dtype=np.int64)
        counts = np.bincount(y, minlength=len(classes)).astype(np.float64)
        class_weight = np.sqrt(counts.sum() / (len(classes) * counts))
        sample_weight = class_weight[y]

        rng = np.random.default_rng(seed)
        n_features, n_classes = len(vocabulary_list), len(classes)
        # The true weights are scale * stored: L2 shrinkage only touches the scalar.
        stored = np.zeros((n_features, n_classes), dtype=np.float64)
        scale = 1.0
        bias = np.log(counts / counts.sum())
        steps = epochs * math.ceil(rows.n_rows / batch_size)
        step = 0
        for _ in range(epochs):
            order = rng.permutation(rows.n_rows)
            for start in range(0, rows.n_rows, batch_size):
                batch = order[start : start + batch_size]
                lr = learning_rate * (1.0 - 0.9 * step / max(1, steps))
                step += 1
                row_ids, cols, vals = rows.take(batch)
                logits = scale * _sparse_dot(row_ids, cols, vals, stored, len(batch)) + bias
                gradient = _softmax(logits)
                gradient[np.arange(len(batch)), y[batch]] -= 1.0
                w = sample_weight[batch]
                gradient *= (w / w.sum())[:, None]
                bias -= lr * gradient.sum(axis=0)
                scale *= 1.0 - lr * l2
                features, inverse = np.unique(cols, return_inverse=True)
                contributions = gradient[row_ids] * vals[:, None]
                flat = (inverse[:, None] * n_classes + np.arange(n_classes)).ravel()
                update = np.bincount(
                    flat, weights=contributions.ravel(), minlength=len(features) * n_classes
                ).reshape(len(features), n_classes)
                stored[features] -= (lr / scale) * update
                if scale < 1e-3:
                    stored *= scale
                    scale = 1.0
        return cls(vocabulary_list, idf, (stored * scale).astype(np.float32), bias, classes)

    # ------------------------------------------------------------------ prediction

    def _probabilities(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(self._labels)))
        rows = _vectorize(texts, self._vocabulary, self._idf)
        row_ids, cols, vals = rows.take(np.arange(rows.n_rows))
        logits = _sparse_dot(row_ids, cols, vals, self._weights, rows.n_rows) + self._bias
        return _softmax(logits)

    def predict_proba(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """For each text, a probability for each of the 16 PLOVER types (summing to 1).

        Types the model never saw in training get probability 0.
        """
        if isinstance(texts, str):
            raise TypeError("predict_proba takes a sequence of texts, not one string")
        out: list[dict[str, float]] = []
        for row in self._probabilities(texts):
            probabilities = dict.fromkeys(PLOVER_TYPES, 0.0)
            probabilities.update(zip(self._labels, row.tolist(), strict=True))
            out.append(probabilities)
        return out

    def predict(self, texts: Sequence[str]) -> list[str]:
        """The most probable PLOVER type of each text."""
        if isinstance(texts, str):
            raise TypeError("predict takes a sequence of texts, not one string")
        return [self._labels[i] for i in self._probabilities(texts).argmax(axis=1)]

    # ------------------------------------------------------------------ persistence

    def save(self, path: Path) -> None:
        """Write the model to ``path`` as a compressed ``.npz`` (no pickles).

        The file is written next to ``path`` under a temporary name and then renamed, so a reader
        never sees half a model.
        """
        path = Path(path)
        vocabulary = sorted(self._vocabulary, key=self._vocabulary.__getitem__)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                np.savez_compressed(
                    stream,
                    version=np.array(MODEL_VERSION),
                    labels=np.array(self._labels),
                    vocabulary=np.array(vocabulary, dtype=str),
                    idf=self._idf,
                    weights=self._weights,
                    bias=self._bias,
                )
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise

    @classmethod
    def load(cls, path: Path) -> TypeClassifier:
        """Read a model written by :meth:`save`; ConfigError if it is not one."""
        try:
            with np.load(path, allow_pickle=False) as archive:
                version = str(archive["version"])
                if version != MODEL_VERSION:
                    raise ConfigError(f"{path}: model version {version!r}, need {MODEL_VERSION}")
                return cls(
                    vocabulary=archive["vocabulary"].tolist(),
                    idf=archive["idf"],
                    weights=archive["weights"],
                    bias=archive["bias"],
                    labels=archive["labels"].tolist(),
                )
        except (OSError, KeyError, ValueError) as error:
            raise ConfigError(f"{path}: not a type-classifier model ({error})") from error


# --------------------------------------------------------------------------- caching


def file_sha256(path: Path) -> str:
    """The hex SHA-256 of the file at ``path``."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def cache_path(cache_dir: Path, train_file: Path) -> Path:
    """Where the model trained on ``train_file`` is cached."""
    return Path(cache_dir) / f"type-classifier-v1-{file_sha256(train_file)[:12]}.npz"


def load_or_train(cache_dir: Path, train_file: Path | None) -> TypeClassifier | None:
    """The model trained on ``train_file``, from the cache or freshly trained and cached.

    None if there is no training file. A cached file that cannot be read is replaced.
    """
    if train_file is None or not Path(train_file).is_file():
        return None
    target = cache_path(cache_dir, Path(train_file))
    if target.is_file():
        with contextlib.suppress(ConfigError):
            return TypeClassifier.load(target)
    texts, labels = story_examples(read_stories(Path(train_file)))
    if not texts:
        raise ConfigError(f"{train_file}: no rows with a PLOVER event type")
    model = TypeClassifier.train(texts, labels)
    target.parent.mkdir(parents=True, exist_ok=True)
    model.save(target)
    return model
