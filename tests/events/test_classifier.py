"""The numpy event-type classifier, on tiny training sets written here."""

from __future__ import annotations

import csv
import hashlib
import math
from pathlib import Path

import numpy as np
import pytest

from realpolitik.errors import ConfigError
from realpolitik.events.classifier import (
    MODEL_VERSION,
    TypeClassifier,
    cache_path,
    load_or_train,
    read_stories,
    split_sentences,
    story_examples,
)
from realpolitik.events.ontology import PLOVER_TYPES

ACTORS = ["Ruritania", "Freedonia", "Sylvania", "Latveria", "Genovia", "Elbonia"]
TEMPLATES = {
    "ASSAULT": [
        "{a} troops shelled villages in {b}, killing civilians.",
        "Soldiers from {a} bombed a market in {b}, killing dozens.",
        "{a} forces launched air strikes and shelled the capital of {b}.",
        "Gunmen from {a} attacked and killed police officers in {b}.",
        "Artillery fire from {a} killed civilians in {b} overnight.",
    ],
    "AGREE": [
        "{a} and {b} signed a peace agreement on Monday.",
        "{a} agreed to a ceasefire deal with {b}.",
        "Leaders of {a} and {b} signed a trade agreement.",
        "{a} and {b} reached an agreement and signed a treaty.",
        "The governments of {a} and {b} agreed to sign an accord.",
    ],
    "PROTEST": [
        "Thousands of protesters marched against the government of {a} in {b}.",
        "Demonstrators in {a} rallied and protested outside the embassy of {b}.",
        "Protesters marched through {a} demanding that {b} withdraw.",
        "Workers in {a} went on strike and protested against {b}.",
        "Crowds of demonstrators protested in the streets of {a} against {b}.",
    ],
}


def _training_set() -> tuple[list[str], list[str]]:
    texts: list[str] = []
    labels: list[str] = []
    for label, templates in TEMPLATES.items():
        for i, template in enumerate(templates):
            for j in range(2):
                a, b = ACTORS[(i + j) % len(ACTORS)], ACTORS[(i + j + 3) % len(ACTORS)]
                texts.append(template.format(a=a, b=b))
                labels.append(label)
    return texts, labels


@pytest.fixture(scope="module")
def model() -> TypeClassifier:
    return TypeClassifier.train(*_training_set())


NEW_SENTENCES = {
    "ASSAULT": "Troops shelled a village and killed civilians near the border.",
    "AGREE": "The two countries signed an agreement to end the dispute.",
    "PROTEST": "Thousands of demonstrators marched and protested in the capital.",
}


def test_right_type_gets_the_highest_probability(model: TypeClassifier) -> None:
    texts = list(NEW_SENTENCES.values())
    for expected, probabilities in zip(NEW_SENTENCES, model.predict_proba(texts), strict=True):
        assert max(probabilities, key=probabilities.__getitem__) == expected
    assert model.predict(texts) == list(NEW_SENTENCES)


def test_probabilities_cover_the_16_types_and_sum_to_one(model: TypeClassifier) -> None:
    texts = [*NEW_SENTENCES.values(), "", "Nothing here is relevant at all."]
    for probabilities in model.predict_proba(texts):
        assert set(probabilities) == set(PLOVER_TYPES)
        assert math.isclose(sum(probabilities.values()), 1.0, abs_tol=1e-6)
        assert all(p >= 0.0 for p in probabilities.values())
        # Types absent from training get nothing.
        assert probabilities["SANCTION"] == 0.0
    assert model.predict_proba([]) == []
    assert model.labels == ("AGREE", "PROTEST", "ASSAULT")


def test_rejects_bad_training_input() -> None:
    with pytest.raises(ValueError, match="not PLOVER"):
        TypeClassifier.train(["a b c", "d e f"], ["ASSAULT", "FIGHT"])
    with pytest.raises(ValueError):
        TypeClassifier.train(["a b c"], ["ASSAULT", "AGREE"])
    with pytest.raises(TypeError):
        TypeClassifier.train(*_training_set()).predict_proba("one string")  # type: ignore[arg-type]


def test_save_load_round_trip(model: TypeClassifier, tmp_path: Path) -> None:
    path = tmp_path / "model.npz"
    model.save(path)
    assert not list(tmp_path.glob("*.tmp"))
    with np.load(path, allow_pickle=False) as archive:
        assert str(archive["version"]) == MODEL_VERSION
    loaded = TypeClassifier.load(path)
    texts = [*NEW_SENTENCES.values(), "Unrelated words only."]
    assert loaded.predict_proba(texts) == model.predict_proba(texts)
    assert loaded.labels == model.labels


def test_load_rejects_other_files(tmp_path: Path) -> None:
    path = tmp_path / "other.npz"
    np.savez_compressed(path, version=np.array("something-else.v9"))
    with pytest.raises(ConfigError, match="version"):
        TypeClassifier.load(path)
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"not a zip file")
    with pytest.raises(ConfigError):
        TypeClassifier.load(garbage)


def test_split_sentences() -> None:
    text = (
        'U.S. officials met Mr. Smith in Geneva. "We will fight," he said.\n\n'
        "Talks resumed on Friday! Nothing else"
    )
    assert split_sentences(text) == [
        "U.S. officials met Mr. Smith in Geneva.",
        '"We will fight," he said.',
        "Talks resumed on Friday!",
        "Nothing else",
    ]


def _write_csv(path: Path) -> Path:
    texts, labels = _training_set()
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["text", "title", "label", "mode", "prompt"])
        writer.writeheader()
        for text, label in zip(texts, labels, strict=True):
            writer.writerow(
                {
                    "text": f"{text} Officials confirmed it.",
                    "title": text,
                    "label": label,
                    "mode": "",
                    "prompt": "",
                }
            )
        writer.writerow(
            {
                "text": "A row with a label we do not know.",
                "title": "x",
                "label": "OTHER",
                "mode": "",
                "prompt": "",
            }
        )
        writer.writerow(
            {
                "text": "Templated title row.",
                "title": "{country_1} Signs Deal",
                "label": "AGREE",
                "mode": "",
                "prompt": "Genovia Signs Deal\n\n(AP) --",
            }
        )
    return path


def test_read_stories_and_examples(tmp_path: Path) -> None:
    stories = read_stories(_write_csv(tmp_path / "train.csv"))
    assert len(stories) == 31  # the OTHER row is skipped
    assert stories[-1].title == "Genovia Signs Deal"
    texts, labels = story_examples(stories[:1])
    first = stories[0]
    assert texts == [first.title, *split_sentences(first.text)[:2], first.text]
    assert set(labels) == {first.label}


def test_load_or_train_without_a_train_file(tmp_path: Path) -> None:
    assert load_or_train(tmp_path / "cache", None) is None
    assert load_or_train(tmp_path / "cache", tmp_path / "missing.csv") is None
    assert not (tmp_path / "cache").exists()


def test_load_or_train_caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    train_file = _write_csv(tmp_path / "train.csv")
    cache_dir = tmp_path / "cache" / "nested"
    first = load_or_train(cache_dir, train_file)
    assert first is not None
    expected = cache_path(cache_dir, train_file)
    assert expected.is_file()
    digest = hashlib.sha256(train_file.read_bytes()).hexdigest()
    assert expected.name == f"type-classifier-v1-{digest[:12]}.npz"
    assert [p.name for p in cache_dir.iterdir()] == [expected.name]

    def no_training(*args: object, **kwargs: object) -> TypeClassifier:
        raise AssertionError("retrained although the model was cached")

    monkeypatch.setattr(TypeClassifier, "train", classmethod(no_training))
    second = load_or_train(cache_dir, train_file)
    assert second is not None
    texts = list(NEW_SENTENCES.values())
    assert second.predict_proba(texts) == first.predict_proba(texts)
    assert second.predict(texts) == list(NEW_SENTENCES)
