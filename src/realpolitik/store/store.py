"""The embedded DuckDB store: the only module that writes SQL.

Everything else calls this API with typed records. DuckDB allows one writing process: a second
process gets `StoreBusyError` after `busy_timeout` seconds instead of a traceback. Each article and
everything derived from it is written in one transaction, so a killed ingest never leaves half an
article behind.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from realpolitik.actors.mentions import Mention
from realpolitik.errors import NotFoundError, StoreBusyError, StoreError
from realpolitik.events.models import Evidence, Location, Relation
from realpolitik.ingest.article import Article, Paragraph
from realpolitik.records import ArticleAnalysis
from realpolitik.store.schema import LATEST_VERSION, MIGRATIONS
from realpolitik.store.writer import ArticleWrite, BatchWriter

MEMORY = ":memory:"
_TABLES = ("articles", "mentions", "actors", "events", "relations")
_ARTICLE_COLUMNS = (
    "id, external_id, title, text, url, source, published, language, ingested_at, origin"
)


@dataclass(frozen=True)
class ArticleQuery:
    """Filters for listing articles; every field is optional."""

    source: str | None = None
    since: date | None = None
    until: date | None = None
    search: str | None = None
    language: str | None = None
    limit: int | None = None


@dataclass(frozen=True)
class ActorQuery:
    article_id: str | None = None
    country: str | None = None
    role: str | None = None
    include_unresolved: bool = False
    ids: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ActorRow:
    """An actor as stored, with its mention counts."""

    id: str
    code: str | None
    name: str
    kind: str
    country: str | None
    role: str | None
    parent: str | None
    valid_from: date | None
    valid_to: date | None
    mentions: int
    articles: int


@dataclass(frozen=True)
class EventQuery:
    """Filters for events; every field is optional. ``counterpart_ids`` (with ``actor_ids``)
    keeps the events between the two groups, either way round."""

    actor_ids: tuple[str, ...] | None = None
    counterpart_ids: tuple[str, ...] | None = None
    exclude_statuses: tuple[str, ...] = ()
    type: str | None = None
    status: str | None = None
    since: date | None = None
    until: date | None = None
    article_id: str | None = None
    limit: int | None = None


@dataclass(frozen=True)
class RelationQuery:
    actor_ids: tuple[str, ...] | None = None
    relation: str | None = None
    status: str | None = None


@dataclass(slots=True)
class StoredEvent:
    """An event as stored, after merging across mentions and articles.

    Not frozen: a query may return tens of thousands, and a frozen dataclass costs five times
    as much to build. Treat it as read-only (`dataclasses.replace` for a changed copy).
    """

    id: str
    article_id: str
    date: dt.date | None
    date_end: dt.date | None
    type: str
    mode: str | None
    cameo: str | None
    quad_class: int | None
    intensity: float | None
    status: str
    attributed_to: str | None
    source: str | None
    target: str | None
    location: Location | None
    evidence: Evidence
    trigger_start: int | None
    trigger_end: int | None
    mentions: int
    articles: int
    sources: int
    confidence: float | None
    coder: str | None


@dataclass(frozen=True)
class EventTally:
    """Stored events that weigh alike, counted together for the network: the same dyad (after
    any folding of actors into principals), type, mode, status, quad class and intensity.
    ``ids``, ``days`` and ``sources`` (independent sources of each) are per event, in date
    order."""

    source: str
    target: str
    type: str
    mode: str | None
    status: str
    quad_class: int | None
    intensity: float | None
    ids: tuple[str, ...]
    days: tuple[dt.date | None, ...]
    sources: tuple[int, ...]


@dataclass(frozen=True)
class TriggerSpan:
    start: int
    end: int
    type: str
    status: str
    event_id: str


def _stored_event(row: Sequence[Any]) -> StoredEvent:
    location = (
        Location(row[13], row[14], row[15], row[16], row[17] or "", row[18] or "sentence")
        if row[13]
        else None
    )
    return StoredEvent(
        id=row[0],
        article_id=row[1],
        date=row[2],
        date_end=row[3],
        type=row[4],
        mode=row[5],
        cameo=row[6],
        quad_class=row[7],
        intensity=row[8],
        status=row[9],
        attributed_to=row[10],
        source=row[11],
        target=row[12],
        location=location,
        evidence=Evidence(row[1], row[19], row[20], row[21]),
        trigger_start=row[22],
        trigger_end=row[23],
        mentions=row[24],
        articles=row[25],
        sources=row[26],
        confidence=row[27],
        coder=row[28],
    )


@dataclass(frozen=True)
class StoreInfo:
    path: str
    schema_version: int
    counts: dict[str, int] = field(default_factory=dict)
    size_bytes: int | None = None


class Store:
    """A realpolitik database; open with `Store.open(path)` and use as a context manager."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self._db = connection
        self.path = path
        self.read_only = read_only
        self._writer = BatchWriter(connection)

    # --- opening -----------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: str | Path = MEMORY, *, read_only: bool = False, busy_timeout: float = 5.0
    ) -> Store:
        location = str(path)
        if location != MEMORY:
            target = Path(location)
            if read_only and not target.exists():
                raise NotFoundError(f"{location}: no database here yet (run `realpolitik ingest`)")
            if target.is_dir():
                raise StoreError(f"{location}: is a folder, not a database file")
            target.parent.mkdir(parents=True, exist_ok=True)
        connection = _connect(location, read_only, busy_timeout)
        store = cls(connection, location, read_only)
        try:
            store._migrate()
        except BaseException:
            connection.close()
            raise
        return store

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- schema ------------------------------------------------------------------------------

    def schema_version(self) -> int:
        row = self._db.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def _migrate(self) -> None:
        exists = self._db.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
        ).fetchone()
        if not exists or not exists[0]:
            if self.read_only:
                raise StoreError(f"{self.path}: not a realpolitik database (no schema)")
            self._db.execute(
                "CREATE TABLE schema_migrations "
                "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
            )
        current = self.schema_version()
        if current > LATEST_VERSION:
            raise StoreError(
                f"{self.path}: schema version {current} is newer than this realpolitik "
                f"({LATEST_VERSION}); upgrade realpolitik"
            )
        pending = [m for m in MIGRATIONS if m.version > current]
        if pending and self.read_only:
            raise StoreError(f"{self.path}: schema {current} needs migrating; open it for writing")
        for migration in pending:
            with self._transaction():
                for statement in migration.statements:
                    self._db.execute(statement)
                self._db.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    [migration.version, migration.name, _now()],
                )

    # --- writing -----------------------------------------------------------------------------

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    def has_article(self, article_id: str) -> bool:
        return bool(self._writer.stored_ids([article_id]))

    def stored_ids(self, article_ids: Sequence[str]) -> set[str]:
        """Which of these articles are stored already (one query for the lot)."""
        return self._writer.stored_ids(article_ids)

    def add_article(
        self,
        article: Article,
        *,
        nlp_status: str = "pending",
        analysis: ArticleAnalysis | None = None,
    ) -> bool:
        """Store an article, its paragraphs and what was derived from it, in one transaction.

        False (and no change) if the article is already stored.
        """
        return self.add_articles([ArticleWrite(article, nlp_status, analysis)])[0]

    def add_articles(self, items: Sequence[ArticleWrite]) -> list[bool]:
        """Store a batch of articles in one transaction: all of them or, on any error, none.
        Returns, per item, whether it was new (an article stored already is left as it is)."""
        self._require_writable()
        try:
            with self._transaction():
                return self._writer.write(items)
        except BaseException:
            self._writer.forget()
            raise

    # --- events and relations ------------------------------------------------------------------

    def events(self, query: EventQuery | None = None) -> list[StoredEvent]:
        query = query or EventQuery()
        clauses: list[str] = []
        params: list[Any] = []
        if query.actor_ids is not None and query.counterpart_ids is not None:
            mine, theirs = list(query.actor_ids), list(query.counterpart_ids)
            clauses.append(
                "((list_contains(?, e.source_actor) AND list_contains(?, e.target_actor)) OR "
                "(list_contains(?, e.source_actor) AND list_contains(?, e.target_actor)))"
            )
            params += [mine, theirs, theirs, mine]
        elif query.actor_ids is not None:
            clauses.append("(list_contains(?, e.source_actor) OR list_contains(?, e.target_actor))")
            params += [list(query.actor_ids)] * 2
        if query.exclude_statuses:
            clauses.append("NOT list_contains(?, e.status)")
            params.append(list(query.exclude_statuses))
        for column, value in (("e.type", query.type), ("e.status", query.status)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value.upper() if column == "e.type" else value.lower())
        window, window_params = _window(query.since, query.until)
        clauses += window
        params += window_params
        if query.article_id:
            clauses.append("e.id IN (SELECT event_id FROM event_evidence WHERE article_id = ?)")
            params.append(query.article_id)
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        sql = (
            "SELECT e.id, e.article_id, e.date, e.date_end, e.type, e.mode, e.cameo, e.quad_class, "
            "e.intensity, e.status, e.attributed_to, e.source_actor, e.target_actor, "
            "e.location_name, e.location_country, e.lat, e.lon, e.location_precision, "
            "e.location_from, e.evidence_text, e.evidence_start, e.evidence_end, e.trigger_start, "
            "e.trigger_end, e.mentions, e.articles, e.sources, e.confidence, e.coder "
            f"FROM events e{where} ORDER BY e.date NULLS LAST, e.id"
        )
        if query.limit:
            sql += f" LIMIT {int(query.limit)}"
        return [_stored_event(row) for row in self._db.execute(sql, params).fetchall()]

    def event_actor_days(
        self, since: date | None = None, until: date | None = None
    ) -> list[tuple[str, date | None]]:
        """Each (actor, date) that is a side of an event in the window."""
        where, params = _and_window(since, until)
        rows = self._db.execute(
            f"SELECT DISTINCT source_actor, date FROM events e WHERE source_actor IS NOT NULL"
            f"{where} UNION SELECT DISTINCT target_actor, date FROM events e "
            f"WHERE target_actor IS NOT NULL{where}",
            params + params,
        ).fetchall()
        return [(row[0], row[1]) for row in rows]

    def event_tallies(
        self,
        since: date | None = None,
        until: date | None = None,
        principals: Mapping[tuple[str, date | None], str] | None = None,
    ) -> list[EventTally]:
        """The events of the window between two actors, tallied in SQL (see `EventTally`).

        ``principals`` maps (actor, event date) to the actor it counts as; events that fold
        onto a single actor are left out. The window is that of `events`: an event counts if
        ``[date, date_end]`` overlaps ``[since, until]``; undated events only without a window.
        """
        where, params = _and_window(since, until)
        mapping = pd.DataFrame(
            [(actor, day, principal) for (actor, day), principal in (principals or {}).items()],
            columns=["actor", "day", "principal"],
            dtype=object,
        )
        self._db.register("_principals", mapping)
        try:
            rows = self._db.execute(
                "WITH folded AS ("
                " SELECT e.id, e.date, coalesce(ps.principal, e.source_actor) AS source,"
                " coalesce(pt.principal, e.target_actor) AS target, e.type, e.mode, e.status,"
                " e.quad_class, e.intensity, coalesce(e.sources, 1) AS sources FROM events e"
                " LEFT JOIN _principals ps ON ps.actor = e.source_actor"
                "  AND ps.day::DATE IS NOT DISTINCT FROM e.date"
                " LEFT JOIN _principals pt ON pt.actor = e.target_actor"
                "  AND pt.day::DATE IS NOT DISTINCT FROM e.date"
                f" WHERE e.source_actor IS NOT NULL AND e.target_actor IS NOT NULL{where})"
                " SELECT source, target, type, mode, status, quad_class, intensity,"
                " list(id ORDER BY date NULLS LAST, id), list(date ORDER BY date NULLS LAST, id),"
                " list(sources ORDER BY date NULLS LAST, id)"
                " FROM folded WHERE source <> target"
                " GROUP BY source, target, type, mode, status, quad_class, intensity"
                " ORDER BY source, target, type, status, mode, intensity",
                params,
            ).fetchall()
        finally:
            self._db.unregister("_principals")
        return [EventTally(*row[:7], *(tuple(column) for column in row[7:])) for row in rows]

    def article_triggers(self, article_id: str) -> list[TriggerSpan]:
        """Where each event is stated in an article: trigger span, type and status."""
        rows = self._db.execute(
            "SELECT v.trigger_start, v.trigger_end, e.type, e.status, e.id FROM event_evidence v "
            "JOIN events e ON e.id = v.event_id WHERE v.article_id = ? "
            "AND v.trigger_start IS NOT NULL ORDER BY v.trigger_start",
            [article_id],
        ).fetchall()
        return [TriggerSpan(*row) for row in rows]

    def event_evidence(self, event_id: str) -> list[Evidence]:
        rows = self._db.execute(
            "SELECT article_id, text, start_char, end_char FROM event_evidence WHERE event_id = ? "
            "ORDER BY article_id, start_char",
            [event_id],
        ).fetchall()
        return [Evidence(*row) for row in rows]

    def relations(self, query: RelationQuery | None = None) -> list[Relation]:
        query = query or RelationQuery()
        clauses: list[str] = []
        params: list[Any] = []
        if query.actor_ids is not None:
            clauses.append("(list_contains(?, source_actor) OR list_contains(?, target_actor))")
            params += [list(query.actor_ids)] * 2
        if query.relation:
            clauses.append("relation = ?")
            params.append(query.relation)
        if query.status:
            clauses.append("status = ?")
            params.append(query.status)
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        rows = self._db.execute(
            "SELECT id, source_actor, target_actor, relation, status, first_seen, last_seen, "
            f"confidence, coder FROM relations{where} "
            "ORDER BY relation, source_actor, target_actor",
            params,
        ).fetchall()
        evidence: dict[str, list[Evidence]] = {}
        for rel_id, *rest in self._db.execute(
            "SELECT relation_id, article_id, text, start_char, end_char FROM relation_evidence "
            "ORDER BY article_id, start_char"
        ).fetchall():
            evidence.setdefault(rel_id, []).append(Evidence(*rest))
        return [
            Relation(
                row[1],
                row[2],
                row[3],
                row[4],
                evidence.get(row[0], []),
                row[5],
                row[6],
                row[7],
                row[8],
            )
            for row in rows
        ]

    def actor_rows(self, ids: set[str]) -> dict[str, ActorRow]:
        if not ids:
            return {}
        return {
            row.id: row for row in self.actors(ActorQuery(include_unresolved=True, ids=tuple(ids)))
        }

    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")

    # --- reading -----------------------------------------------------------------------------

    def article(self, article_id: str) -> Article:
        """An article by id or by a unique id prefix of at least 6 characters."""
        key = article_id.strip().lower()
        rows = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ? OR "
            "(length(?) >= 6 AND starts_with(id, ?)) ORDER BY seq LIMIT 2",
            [key, key, key],
        ).fetchall()
        exact = [row for row in rows if row[0] == key]
        if exact:
            rows = exact
        if not rows:
            raise NotFoundError(f"{article_id}: no such article")
        if len(rows) > 1:
            raise NotFoundError(f"{article_id}: ambiguous id prefix, give more characters")
        return self._article_from_row(rows[0])

    def articles(self, query: ArticleQuery | None = None) -> list[Article]:
        return list(self.iter_articles(query))

    def iter_articles(self, query: ArticleQuery | None = None) -> Iterator[Article]:
        query = query or ArticleQuery()
        where, params = _article_filters(query)
        sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles{where} ORDER BY seq"
        if query.limit is not None:
            sql += f" LIMIT {int(query.limit)}"
        cursor = self._db.cursor()
        try:
            cursor.execute(sql, params)
            while batch := cursor.fetchmany(500):
                for row in batch:
                    yield self._article_from_row(row, with_paragraphs=False)
        finally:
            cursor.close()

    def _article_from_row(self, row: Sequence[Any], *, with_paragraphs: bool = True) -> Article:
        paragraphs: tuple[Paragraph, ...] = ()
        if with_paragraphs:
            paragraphs = tuple(
                Paragraph(idx, start, end)
                for idx, start, end in self._db.execute(
                    "SELECT idx, start_char, end_char FROM paragraphs "
                    "WHERE article_id = ? ORDER BY idx",
                    [row[0]],
                ).fetchall()
            )
        ingested = row[8]
        return Article(
            id=row[0],
            external_id=row[1],
            title=row[2],
            text=row[3],
            url=row[4],
            source=row[5],
            published=row[6],
            language=row[7],
            ingested_at=ingested.replace(tzinfo=UTC) if ingested else _now(),
            origin=row[9],
            paragraphs=paragraphs,
        )

    def first_published(self) -> date | None:
        row = self._db.execute("SELECT min(published) FROM articles").fetchone()
        return row[0] if row else None

    def mentions(self, article_id: str) -> list[Mention]:
        rows = self._db.execute(
            "SELECT start_char, end_char, text, actor_id, label, method, confidence FROM mentions "
            "WHERE article_id = ? ORDER BY start_char",
            [article_id],
        ).fetchall()
        return [Mention(*row) for row in rows]

    def actors(self, query: ActorQuery | None = None) -> list[ActorRow]:
        """Stored actors with how often and in how many articles they are mentioned."""
        query = query or ActorQuery()
        clauses: list[str] = []
        params: list[Any] = []
        if query.article_id:
            clauses.append("a.id IN (SELECT actor_id FROM mentions WHERE article_id = ?)")
            params.append(query.article_id)
        if query.country:
            clauses.append("a.country = ?")
            params.append(query.country.upper())
        if query.role:
            clauses.append("a.role = ?")
            params.append(query.role.upper())
        if not query.include_unresolved:
            clauses.append("a.kind <> 'unresolved'")
        if query.ids is not None:
            clauses.append("list_contains(?, a.id)")
            params.append(list(query.ids))
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        rows = self._db.execute(
            "SELECT a.id, a.code, a.name, a.kind, a.country, a.role, a.parent_id, "
            "a.valid_from, a.valid_to, count(m.actor_id), count(DISTINCT m.article_id) "
            "FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id"
            f"{where} GROUP BY ALL ORDER BY count(m.actor_id) DESC, a.id",
            params,
        ).fetchall()
        return [ActorRow(*row) for row in rows]

    def actor_mentions(self, actor_id: str, limit: int | None = None) -> list[tuple[str, Mention]]:
        sql = (
            "SELECT m.article_id, m.start_char, m.end_char, m.text, m.actor_id, m.label, "
            "m.method, m.confidence "
            "FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.actor_id = ? "
            "ORDER BY a.seq, start_char"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [(row[0], Mention(*row[1:])) for row in self._db.execute(sql, [actor_id]).fetchall()]

    def info(self) -> StoreInfo:
        counts = {}
        for table in _TABLES:
            row = self._db.execute(f"SELECT count(*) FROM {table}").fetchone()
            counts[table] = int(row[0]) if row else 0
        size = None
        if self.path != MEMORY and Path(self.path).exists():
            size = Path(self.path).stat().st_size
            wal = Path(self.path + ".wal")
            if wal.exists():
                size += wal.stat().st_size
        return StoreInfo(self.path, self.schema_version(), counts, size)


class _Transaction:
    """BEGIN/COMMIT around a block; ROLLBACK on any exception, including KeyboardInterrupt."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self._db = connection

    def __enter__(self) -> None:
        self._db.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self._db.execute("COMMIT")
        else:
            self._db.execute("ROLLBACK")


def _connect(location: str, read_only: bool, busy_timeout: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + busy_timeout
    while True:
        try:
            return duckdb.connect(location, read_only=read_only)
        except duckdb.IOException as exc:
            message = str(exc)
            if "lock" not in message.lower():
                raise StoreError(f"{location}: cannot open database ({_short(message)})") from exc
            if time.monotonic() >= deadline:
                holder = _lock_holder(message)
                raise StoreBusyError(
                    f"{location}: database busy, held by another process{holder}; "
                    "try again when it has finished"
                ) from exc
            time.sleep(0.2)
        except duckdb.Error as exc:
            raise StoreError(
                f"{location}: not a usable DuckDB database ({_short(str(exc))})"
            ) from exc


def _lock_holder(message: str) -> str:
    marker = "PID "
    if marker in message:
        pid = message.split(marker, 1)[1].split(")")[0].strip()
        return f" (pid {pid})"
    return ""


def _short(message: str) -> str:
    return message.strip().splitlines()[0][:200] if message.strip() else "unknown error"


def _window(since: date | None, until: date | None) -> tuple[list[str], list[Any]]:
    """SQL conditions on ``events e`` for the events overlapping the window, and their values."""
    clauses: list[str] = []
    params: list[Any] = []
    if since:
        clauses.append("coalesce(e.date_end, e.date) >= ?")
        params.append(since)
    if until:
        clauses.append("e.date <= ?")
        params.append(until)
    return clauses, params


def _and_window(since: date | None, until: date | None) -> tuple[str, list[Any]]:
    """`_window` as text to append to a WHERE clause."""
    clauses, params = _window(since, until)
    return "".join(f" AND {clause}" for clause in clauses), params


def _article_filters(query: ArticleQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if query.source:
        clauses.append("lower(source) LIKE ?")
        params.append(f"%{query.source.lower()}%")
    if query.since:
        clauses.append("published >= ?")
        params.append(query.since)
    if query.until:
        clauses.append("published <= ?")
        params.append(query.until)
    if query.language:
        clauses.append("language = ?")
        params.append(query.language)
    if query.search:
        clauses.append("(contains(lower(text), ?) OR contains(lower(coalesce(title, '')), ?))")
        params.extend([query.search.lower()] * 2)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _now() -> datetime:
    return datetime.now(UTC)
