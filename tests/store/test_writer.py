"""Batch writes: one transaction per batch, the same result as writing article by article."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.conftest import article_text

from realpolitik.events.models import Event, Evidence
from realpolitik.ingest import Article, make_article, read_articles
from realpolitik.records import ArticleAnalysis
from realpolitik.samples import sample_paths
from realpolitik.store import Store
from realpolitik.store.writer import ArticleWrite, BatchWriter


def _stored(store: Store) -> tuple[list, list, list]:
    events = sorted(
        (e.id, e.type, e.status, e.source, e.target, e.mentions, e.articles, e.sources)
        for e in store.events()
    )
    relations = sorted(
        (r.source, r.target, r.relation, r.status, r.first_seen, r.last_seen, r.confidence)
        for r in store.relations()
    )
    order = [a.id for a in store.articles()]
    return order, events, relations


@pytest.mark.slow
def test_one_batch_stores_what_article_by_article_stores(coder) -> None:
    articles = [a for a in read_articles(sample_paths()) if isinstance(a, Article)][:12]
    coded = list(coder.code(articles))
    with Store.open() as one_by_one, Store.open() as batched:
        for article, analysis in coded:
            one_by_one.add_article(article, nlp_status="coded", analysis=analysis)
        written = batched.add_articles(
            [ArticleWrite(article, "coded", analysis) for article, analysis in coded]
        )
        assert written == [True] * len(coded)
        expected = _stored(one_by_one)
        assert _stored(batched) == expected
        assert any(row[6] > 1 for row in expected[1]), "some event merged across articles"


def test_batch_skips_stored_and_repeated_articles() -> None:
    first = make_article(article_text("Aleppo"))
    second = make_article(article_text("Hama"))
    with Store.open() as store:
        store.add_article(first)
        assert store.add_articles(
            [ArticleWrite(first), ArticleWrite(second), ArticleWrite(second)]
        ) == [False, True, False]
        assert [a.id for a in store.articles()] == [first.id, second.id]


def test_failed_batch_leaves_the_store_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    kept = make_article(article_text("Idlib"))
    lost = make_article(article_text("Homs"))
    with Store.open() as store:
        store.add_article(kept)

        flush = BatchWriter._flush

        def fail(self: BatchWriter, batch: object) -> None:
            flush(self, batch)  # every row written, then the commit never happens
            raise RuntimeError("disk full")

        with monkeypatch.context() as patched:
            patched.setattr(BatchWriter, "_flush", fail)
            with pytest.raises(RuntimeError):
                store.add_articles([ArticleWrite(lost)])
        assert [a.id for a in store.articles()] == [kept.id]
        assert store.add_articles([ArticleWrite(lost)]) == [True]


def _assault(article: Article, day: date) -> ArticleAnalysis:
    event = Event(
        article.id,
        "ASSAULT",
        None,
        "190",
        4,
        -10.0,
        "asserted",
        "ISR",
        "HEZBOLLAH",
        Evidence(article.id, article.text[:20], 0, 20),
        0,
        5,
        date=day,
    )
    return ArticleAnalysis(events=[event])


def test_events_merge_with_those_stored_by_an_earlier_session(tmp_path: Path) -> None:
    day = date(2024, 12, 3)
    first = make_article(article_text("Tyre"), source="one.example", published=day)
    second = make_article(article_text("Sidon"), source="two.example", published=day)
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add_article(first, nlp_status="coded", analysis=_assault(first, day))
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add_article(second, nlp_status="coded", analysis=_assault(second, day))
        [event] = store.events()
        assert (event.articles, event.sources) == (2, 2)
