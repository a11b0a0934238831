"""Writing batches of coded articles: one transaction per batch, one bulk insert per table.

DuckDB pays a fixed price per statement and per commit, so writing an article at a time costs
more than coding it. The writer gathers a batch's rows in memory, merges its events with those
already stored (and with each other), and inserts each table's rows from one DataFrame. A batch
holds only whole articles, so a killed ingest still never leaves half an article behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date
from typing import Any

import duckdb
import pandas as pd

from realpolitik.actors.dictionary import ActorEntry
from realpolitik.events.models import Event, Relation, merge_key
from realpolitik.ingest.article import Article, hamming, simhash
from realpolitik.records import ArticleAnalysis

MERGE_WINDOW_DAYS = 2

EVENT_COLUMNS = (
    "id, article_id, date, date_end, type, mode, cameo, quad_class, intensity, status, "
    "attributed_to, source_actor, target_actor, location_name, location_country, lat, lon, "
    "location_precision, location_from, evidence_text, evidence_start, evidence_end, "
    "trigger_start, trigger_end, mentions, articles, sources, confidence, coder"
)
_ARTICLE_COLUMNS = (
    "id, seq, external_id, title, text, url, source, published, language, ingested_at, origin, "
    "word_count, nlp_status, simhash"
)
_EVIDENCE_COLUMNS = "event_id, article_id, text, start_char, end_char, trigger_start, trigger_end"


@dataclass(frozen=True)
class ArticleWrite:
    """One article to store, with its coding status and what was derived from it."""

    article: Article
    nlp_status: str = "pending"
    analysis: ArticleAnalysis | None = None


def count_sources(articles: list[tuple[str | None, int | None]]) -> int:
    """Distinct sources among an event's articles: the same publisher counts once, and
    near-identical texts (syndicated copies) count once whoever published them."""
    clusters: list[list[tuple[str | None, int | None]]] = []
    for source, fingerprint in articles:
        for cluster in clusters:
            if any(
                (source and source == other_source)
                or (
                    fingerprint is not None
                    and other is not None
                    and hamming(fingerprint, other) <= 3
                )
                for other_source, other in cluster
            ):
                cluster.append((source, fingerprint))
                break
        else:
            clusters.append([(source, fingerprint)])
    return len(clusters)


@dataclass(frozen=True)
class _IndexedEvent:
    id: str
    article_id: str
    date: date | None
    location_name: str | None
    location_from: str | None


@dataclass
class _Batch:
    """Rows gathered for one transaction, table by table."""

    articles: list[tuple[Any, ...]] = field(default_factory=list)
    paragraphs: list[tuple[Any, ...]] = field(default_factory=list)
    actors: list[tuple[Any, ...]] = field(default_factory=list)
    mentions: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    evidence: list[tuple[Any, ...]] = field(default_factory=list)
    merged: dict[str, tuple[int, float]] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)
    relation_confidence: dict[str, list[float]] = field(default_factory=dict)
    relation_evidence: list[tuple[Any, ...]] = field(default_factory=list)


class BatchWriter:
    """Writes batches into an open connection; the caller owns the transaction.

    Keeps the stored events' merge keys in memory (read once), so that matching an event
    against every stored one costs a dictionary lookup, not a query.
    """

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self._db = connection
        self._index: dict[tuple[Any, ...], list[_IndexedEvent]] | None = None

    def stored_ids(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        rows = self._db.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]
        ).fetchall()
        return {row[0] for row in rows}

    def write(self, items: Sequence[ArticleWrite]) -> list[bool]:
        """Store each article not stored yet; True for those written."""
        stored = self.stored_ids([item.article.id for item in items])
        batch = _Batch()
        written: list[bool] = []
        seq = self._next_seq()
        for item in items:
            article = item.article
            if article.id in stored:
                written.append(False)
                continue
            stored.add(article.id)
            written.append(True)
            batch.articles.append(_article_row(article, seq, item.nlp_status))
            seq += 1
            batch.paragraphs += [(article.id, p.index, p.start, p.end) for p in article.paragraphs]
            if item.analysis is not None:
                self._gather(article.id, item.analysis, batch)
        self._flush(batch)
        return written

    def _next_seq(self) -> int:
        rows = self._db.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchall()
        return int(rows[0][0])

    def _gather(self, article_id: str, analysis: ArticleAnalysis, batch: _Batch) -> None:
        batch.actors += [_actor_row(entry) for entry in analysis.actors.values()]
        batch.mentions += [
            (article_id, m.start, m.end, m.text, m.actor_id, m.label, m.method, m.confidence)
            for m in analysis.mentions
        ]
        for event in analysis.events:
            self._gather_event(article_id, event, batch)
        for relation in analysis.relations:
            known = batch.relations.get(relation.id)
            if known is not None:
                dates = [
                    d
                    for d in (known.first_seen, known.last_seen, relation.first_seen)
                    if d is not None
                ] + ([relation.last_seen] if relation.last_seen else [])
                relation = replace(
                    known,
                    first_seen=min(dates) if dates else None,
                    last_seen=max(dates) if dates else None,
                )
            batch.relations[relation.id] = relation
            batch.relation_confidence.setdefault(relation.id, []).append(relation.confidence)
            batch.relation_evidence += [
                (relation.id, e.article_id, e.text, e.start, e.end) for e in relation.evidence
            ]

    def _gather_event(self, article_id: str, event: Event, batch: _Batch) -> None:
        """A new event, or one more mention of the same event stored from another article
        (same dyad, type, status and place, dates within MERGE_WINDOW_DAYS)."""
        existing = self._matching_event(article_id, event)
        if existing is None:
            event_id = event.id
            batch.events.append(_event_row(article_id, event))
            self._remember_event(event_id, article_id, event)
        else:
            event_id = existing
            mentions, confidence = batch.merged.get(existing, (0, 0.0))
            batch.merged[existing] = (mentions + event.mentions, max(confidence, event.confidence))
        batch.evidence += [
            (event_id, e.article_id, e.text, e.start, e.end, start, end)
            for e, (start, end) in zip(event.all_evidence, event.triggers, strict=False)
        ]

    def _flush(self, batch: _Batch) -> None:
        self._insert("articles", _ARTICLE_COLUMNS, batch.articles)
        self._insert("paragraphs", None, batch.paragraphs)
        self._insert("actors", None, batch.actors, key=1)
        self._insert("mentions", None, batch.mentions, key=3)
        self._insert("events", EVENT_COLUMNS, batch.events, key=1)
        self._insert("event_evidence", _EVIDENCE_COLUMNS, batch.evidence, key=3)
        if batch.merged:
            self._update_merged(batch.merged)
        if batch.relations:
            self._write_relations(batch)

    # --- events --------------------------------------------------------------------------------

    def _update_merged(self, merged: dict[str, tuple[int, float]]) -> None:
        """Add mentions, raise confidence and recount articles and sources, in two statements."""
        ids = list(merged)
        supporting: dict[str, list[tuple[str | None, int | None]]] = {i: [] for i in ids}
        for event_id, source, fingerprint, _article in self._db.execute(
            "SELECT DISTINCT e.event_id, a.source, a.simhash, a.id FROM event_evidence e "
            "JOIN articles a ON a.id = e.article_id "
            "WHERE e.event_id IN (SELECT unnest(?))",
            [ids],
        ).fetchall():
            supporting[event_id].append((source, fingerprint))
        rows = [
            (
                event_id,
                merged[event_id][0],
                merged[event_id][1],
                len(supporting[event_id]),
                count_sources(supporting[event_id]),
            )
            for event_id in ids
        ]
        frame = _frame(rows, ("id", "mentions", "confidence", "articles", "sources"))
        self._db.register("_merged", frame)
        try:
            self._db.execute(
                "UPDATE events SET mentions = events.mentions + v.mentions, "
                "confidence = least(0.99, greatest(events.confidence, v.confidence) + 0.05), "
                "articles = v.articles, sources = v.sources "
                "FROM _merged v WHERE events.id = v.id"
            )
        finally:
            self._db.unregister("_merged")

    def _event_index(self) -> dict[tuple[Any, ...], list[_IndexedEvent]]:
        """Stored events by (type, status, source, target), read once per writer."""
        if self._index is None:
            self._index = {}
            for row in self._db.execute(
                "SELECT id, source_actor, target_actor, type, status, attributed_to, article_id, "
                "date, location_name, location_from FROM events"
            ).fetchall():
                key = merge_key(*row[1:6])
                self._index.setdefault(key, []).append(_IndexedEvent(row[0], *row[6:]))
        return self._index

    def forget(self) -> None:
        """Drop the in-memory index (after a rolled-back batch it may name unstored events)."""
        self._index = None

    def _remember_event(self, event_id: str, article_id: str, event: Event) -> None:
        location = event.location
        self._event_index().setdefault(event.merge_key, []).append(
            _IndexedEvent(
                event_id,
                article_id,
                event.date,
                location.name if location else None,
                location.taken_from if location else None,
            )
        )

    def _matching_event(self, article_id: str, event: Event) -> str | None:
        place = (
            event.location.name
            if event.location and event.location.taken_from == "sentence"
            else None
        )
        best: _IndexedEvent | None = None
        for candidate in self._event_index().get(event.merge_key, ()):
            if candidate.article_id == article_id:
                continue
            placed = candidate.location_name is None or candidate.location_from == "article"
            if not (placed or place is None or candidate.location_name == place):
                continue
            if candidate.date is None or event.date is None:
                if candidate.date is not event.date:
                    continue
            elif abs((candidate.date - event.date).days) > MERGE_WINDOW_DAYS:
                continue
            if best is None or (candidate.date or date.min) < (best.date or date.min):
                best = candidate
        return best.id if best else None

    # --- relations -----------------------------------------------------------------------------

    def _write_relations(self, batch: _Batch) -> None:
        """New relations inserted, known ones widened (first/last seen) and made surer: each
        further statement raises confidence by 0.05, up to 0.99."""
        ids = list(batch.relations)
        stored = {
            row[0]: row[1:]
            for row in self._db.execute(
                "SELECT id, first_seen, last_seen, confidence FROM relations "
                "WHERE id IN (SELECT unnest(?))",
                [ids],
            ).fetchall()
        }
        new_rows: list[tuple[Any, ...]] = []
        updates: list[tuple[Any, ...]] = []
        for relation_id, relation in batch.relations.items():
            said = batch.relation_confidence[relation_id]
            if relation_id in stored:
                first, last, confidence = stored[relation_id]
                dates = [d for d in (first, last, relation.first_seen, relation.last_seen) if d]
                updates.append(
                    (
                        relation_id,
                        min(dates) if dates else None,
                        max(dates) if dates else None,
                        _reinforced(confidence, said),
                    )
                )
            else:
                new_rows.append(
                    (
                        relation_id,
                        relation.source,
                        relation.target,
                        relation.relation,
                        relation.status,
                        relation.first_seen,
                        relation.last_seen,
                        _reinforced(said[0], said[1:]),
                        relation.coder,
                    )
                )
        self._insert("relations", None, new_rows)
        if updates:
            frame = _frame(updates, ("id", "first_seen", "last_seen", "confidence"))
            self._db.register("_relation_updates", frame)
            try:
                self._db.execute(
                    "UPDATE relations SET first_seen = v.first_seen::DATE, "
                    "last_seen = v.last_seen::DATE, confidence = v.confidence "
                    "FROM _relation_updates v WHERE relations.id = v.id"
                )
            finally:
                self._db.unregister("_relation_updates")
        self._insert("relation_evidence", None, batch.relation_evidence, key=3)

    # --- bulk insert ---------------------------------------------------------------------------

    def _insert(
        self,
        table: str,
        columns: str | None,
        rows: Sequence[tuple[Any, ...]],
        key: int = 0,
    ) -> None:
        """INSERT OR IGNORE every row from one DataFrame. Rows repeating the first ``key``
        columns (the primary key) are written once."""
        if key:
            unique: dict[tuple[Any, ...], tuple[Any, ...]] = {}
            for row in rows:
                unique.setdefault(row[:key], row)
            rows = list(unique.values())
        if not rows:
            return
        frame = _frame(rows, tuple(f"c{i}" for i in range(len(rows[0]))))
        target = f"{table} ({columns})" if columns else table
        self._db.register("_rows", frame)
        try:
            self._db.execute(f"INSERT OR IGNORE INTO {target} SELECT * FROM _rows")
        finally:
            self._db.unregister("_rows")


def _reinforced(confidence: float | None, further: Sequence[float]) -> float:
    value = confidence or 0.0
    for said in further:
        value = min(0.99, max(value, said) + 0.05)
    return value


def _frame(rows: Sequence[tuple[Any, ...]], columns: tuple[str, ...]) -> pd.DataFrame:
    # object columns keep None as NULL (a numeric dtype would turn it into NaN)
    return pd.DataFrame(list(rows), columns=list(columns), dtype=object)


def _article_row(article: Article, seq: int, nlp_status: str) -> tuple[Any, ...]:
    return (
        article.id,
        seq,
        article.external_id,
        article.title,
        article.text,
        article.url,
        article.source,
        article.published,
        article.language,
        article.ingested_at.astimezone(UTC).replace(tzinfo=None),
        article.origin,
        article.word_count,
        nlp_status,
        simhash(article.text),
    )


def _event_row(article_id: str, event: Event) -> tuple[Any, ...]:
    loc = event.location
    return (
        event.id,
        article_id,
        event.date,
        event.date_end,
        event.type,
        event.mode,
        event.cameo,
        event.quad_class,
        event.intensity,
        event.status,
        event.attributed_to,
        event.source,
        event.target,
        loc.name if loc else None,
        loc.country if loc else None,
        loc.lat if loc else None,
        loc.lon if loc else None,
        loc.precision if loc else None,
        loc.taken_from if loc else None,
        event.evidence.text,
        event.evidence.start,
        event.evidence.end,
        event.trigger_start,
        event.trigger_end,
        event.mentions,
        1,
        1,
        event.confidence,
        event.coder,
    )


def _actor_row(entry: ActorEntry) -> tuple[Any, ...]:
    return (
        entry.id,
        entry.code if entry.kind != "unresolved" else None,
        entry.name,
        entry.kind,
        entry.country,
        entry.role,
        entry.parent or entry.affiliation,
        entry.origin if entry.kind == "unresolved" else None,
        entry.valid_from,
        entry.valid_to,
    )
