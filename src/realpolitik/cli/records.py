"""Records with stable keys for the CLI's table, JSON and CSV output."""

from __future__ import annotations

from typing import Any

from realpolitik.ingest import Article
from realpolitik.store import StoreInfo


def article_record(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "published": article.published,
        "source": article.source,
        "title": article.title,
        "url": article.url,
        "language": article.language,
        "words": article.word_count,
        "ingested_at": article.ingested_at,
        "origin": article.origin,
    }


def article_detail(article: Article) -> dict[str, Any]:
    record = article_record(article)
    record["text"] = article.text
    record["paragraphs"] = [
        {"index": p.index, "start": p.start, "end": p.end} for p in article.paragraphs
    ]
    return record


def info_record(info: StoreInfo) -> dict[str, Any]:
    return {
        "path": info.path,
        "schema_version": info.schema_version,
        "size_bytes": info.size_bytes,
        **{f"{table}": count for table, count in info.counts.items()},
    }
