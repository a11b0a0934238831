"""The embedded DuckDB store: the only module that writes SQL.

Everything else calls this API with typed records. DuckDB allows one writing process: a second
process gets `StoreBusyError` after `busy_timeout` seconds instead of a traceback. Each article and
everything derived from it is written in one transaction, so a killed ingest never leaves half an
article behind.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb

from realpolitik.errors import NotFoundError, StoreBusyError, StoreError
from realpolitik.ingest.article import Article, Paragraph
from realpolitik.store.schema import LATEST_VERSION, MIGRATIONS

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
        row = self._db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None

    def add_article(self, article: Article, *, nlp_status: str = "pending") -> bool:
        """Store an article and its paragraphs; False (and no change) if it is already stored."""
        self._require_writable()
        with self._transaction():
            if self.has_article(article.id):
                return False
            self._db.execute(
                "INSERT INTO articles VALUES "
                "(?, nextval('article_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    article.id,
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
                ],
            )
            if article.paragraphs:
                self._db.executemany(
                    "INSERT INTO paragraphs VALUES (?, ?, ?, ?)",
                    [(article.id, p.index, p.start, p.end) for p in article.paragraphs],
                )
        return True

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
            raise StoreError(f"{location}: not a usable DuckDB database ({_short(str(exc))})") from exc


def _lock_holder(message: str) -> str:
    marker = "PID "
    if marker in message:
        pid = message.split(marker, 1)[1].split(")")[0].strip()
        return f" (pid {pid})"
    return ""


def _short(message: str) -> str:
    return message.strip().splitlines()[0][:200] if message.strip() else "unknown error"


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
