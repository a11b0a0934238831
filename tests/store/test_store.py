import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest
from tests.conftest import article_text

from realpolitik.errors import NotFoundError, StoreBusyError, StoreError
from realpolitik.ingest import make_article
from realpolitik.store import ArticleQuery, Store
from realpolitik.store.schema import LATEST_VERSION


def _article(topic: str, **meta):
    return make_article(article_text(topic), **meta)


def test_migrations_are_recorded_and_idempotent(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.schema_version() == LATEST_VERSION
    with Store.open(db_path) as store:
        assert store.schema_version() == LATEST_VERSION
    rows = duckdb.connect(str(db_path)).execute("SELECT version FROM schema_migrations").fetchall()
    assert [r[0] for r in rows] == list(range(1, LATEST_VERSION + 1))


def test_add_is_idempotent_and_keeps_paragraphs() -> None:
    with Store.open() as store:
        article = make_article("Para one is here.\n\nPara two follows it.", title="T")
        assert store.add_article(article) is True
        assert store.add_article(article) is False
        stored = store.article(article.id)
        assert stored.text == article.text
        assert stored.paragraphs == article.paragraphs
        assert store.info().counts["articles"] == 1


def test_queries_filter_and_keep_ingest_order() -> None:
    with Store.open() as store:
        store.add_article(_article("Aleppo", source="wire.example", published=date(2024, 11, 30)))
        store.add_article(_article("Hama", source="paper.example", published=date(2024, 12, 5)))
        store.add_article(_article("Homs", source="wire.example", published=None))
        all_rows = store.articles()
        assert [a.published for a in all_rows] == [date(2024, 11, 30), date(2024, 12, 5), None]
        assert len(store.articles(ArticleQuery(source="WIRE"))) == 2
        assert len(store.articles(ArticleQuery(since=date(2024, 12, 1)))) == 1
        assert len(store.articles(ArticleQuery(until=date(2024, 12, 1)))) == 1
        assert len(store.articles(ArticleQuery(search="hAMa"))) == 1
        assert len(store.articles(ArticleQuery(limit=2))) == 2


def test_article_by_prefix() -> None:
    with Store.open() as store:
        article = _article("Idlib")
        store.add_article(article)
        assert store.article(article.id[:8]).id == article.id
        with pytest.raises(NotFoundError):
            store.article("ffff")
        with pytest.raises(NotFoundError):
            store.article("0" * 64)


def test_read_only_missing_database(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        Store.open(tmp_path / "missing.duckdb", read_only=True)


def test_not_a_database(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.duckdb"
    bogus.write_text("this is not a database at all " * 100)
    with pytest.raises(StoreError) as info:
        Store.open(bogus)
    assert str(bogus) in str(info.value)


def test_second_process_gets_busy_error(db_path: Path) -> None:
    Store.open(db_path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import duckdb, sys, time
                con = duckdb.connect({str(db_path)!r})
                print("locked", flush=True)
                time.sleep(30)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(StoreBusyError) as info:
            Store.open(db_path, busy_timeout=0.5)
        assert "busy" in str(info.value)
        assert time.monotonic() - started < 10
    finally:
        holder.kill()
        holder.wait()
