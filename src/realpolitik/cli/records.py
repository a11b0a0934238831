"""Records with stable keys for the CLI's table, JSON and CSV output."""

from __future__ import annotations

from typing import Any

from realpolitik.actors.mentions import Mention
from realpolitik.actors.profile import ActorProfile
from realpolitik.ingest import Article
from realpolitik.store import ActorRow, StoreInfo


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


def actor_record(row: ActorRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "code": row.code,
        "name": row.name,
        "kind": row.kind,
        "country": row.country,
        "role": row.role,
        "parent": row.parent,
        "valid_from": row.valid_from,
        "valid_to": row.valid_to,
        "mentions": row.mentions,
        "articles": row.articles,
    }


def mention_record(mention: Mention, article_id: str | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {"article_id": article_id} if article_id else {}
    record.update(
        {
            "start": mention.start,
            "end": mention.end,
            "text": mention.text,
            "actor_id": mention.actor_id,
            "label": mention.label,
            "method": mention.method,
            "confidence": mention.confidence,
        }
    )
    return record


def profile_record(profile: ActorProfile) -> dict[str, Any]:
    entry = profile.entry
    return {
        "id": entry.id,
        "code": entry.code,
        "name": entry.name,
        "kind": entry.kind,
        "country": entry.country,
        "role": entry.role,
        "title": entry.title,
        "affiliation": entry.affiliation,
        "aliases": list(entry.aliases),
        "valid_from": entry.valid_from,
        "valid_to": entry.valid_to,
        "wikidata": entry.wikidata,
        "parents": [p.id for p in profile.parents],
        "children": [c.id for c in profile.children],
        "members": [m.id for m in profile.members],
        "member_of": [m.id for m in profile.member_of],
        "mentions": [mention_record(m, article) for article, m in profile.mentions],
    }
