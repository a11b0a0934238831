"""The ingest pipeline: read inputs, skip what is stored, code the rest, write them in batches.

Stages are called in pipeline order (ingest -> nlp -> actors -> events -> store); each takes and
returns typed records. Reporting is through a callback so that the CLI can draw progress while the
library prints nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from realpolitik.batching import batched
from realpolitik.config import Config
from realpolitik.errors import InputError
from realpolitik.ingest import Article, ReadOptions, read_articles, with_overrides
from realpolitik.records import ArticleAnalysis
from realpolitik.store import Store
from realpolitik.store.writer import ArticleWrite

if TYPE_CHECKING:
    from realpolitik.coding import ArticleCoder, ParallelCoder

Outcome = Literal["new", "duplicate", "failed"]
READ_AHEAD = 64  # articles checked against the store in one query
WRITE_BATCH = 256  # articles written in one transaction (a statement per table costs ~5 ms)
WRITE_INTERVAL = 2.0  # seconds after which a smaller batch is written anyway


@dataclass(frozen=True)
class Overrides:
    """Metadata the user sets for every article of one ingest (`--title --source --date`)."""

    title: str | None = None
    source: str | None = None
    published: date | None = None


@dataclass
class IngestReport:
    """What one ingest did."""

    new: int = 0
    duplicates: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    @property
    def read(self) -> int:
        return self.new + self.duplicates

    @property
    def nothing_ingested(self) -> bool:
        """True when inputs were given but not one article could be read."""
        return self.read == 0

    @property
    def articles_per_second(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0


ProgressCallback = Callable[[Outcome, IngestReport], None]


def read_options(config: Config) -> ReadOptions:
    return ReadOptions(
        max_article_bytes=config.max_article_bytes,
        max_line_bytes=config.max_line_bytes,
        min_article_chars=config.min_article_chars,
        encoding=config.encoding,
    )


def ingest(
    store: Store,
    paths: Sequence[str | Path],
    config: Config,
    *,
    glob: str | None = None,
    overrides: Overrides | None = None,
    progress: ProgressCallback | None = None,
    coder: ArticleCoder | ParallelCoder | None = None,
) -> IngestReport:
    """Read every input, code the new English articles and store them.

    Errors are collected in the report, never raised. Without a coder, articles are stored
    uncoded (status `pending`).
    """
    overrides = overrides or Overrides()
    report = IngestReport()
    started = time.perf_counter()

    def tick(outcome: Outcome) -> None:
        report.seconds = time.perf_counter() - started
        if progress:
            progress(outcome, report)

    in_flight: set[str] = set()

    def to_code() -> Iterator[Article]:
        """New articles; failures and duplicates are settled here as they are read."""
        for chunk in batched(read_articles(paths, read_options(config), glob=glob), READ_AHEAD):
            articles = [
                with_overrides(
                    item,
                    title=overrides.title,
                    source=overrides.source,
                    published=overrides.published,
                )
                for item in chunk
                if not isinstance(item, InputError)
            ]
            stored = store.stored_ids([a.id for a in articles])
            for item in chunk:
                if isinstance(item, InputError):
                    report.failed += 1
                    report.errors.append(str(item))
                    tick("failed")
                    continue
                article = articles.pop(0)
                # Stored or already on its way to the coder: no parse needed.
                if article.id in in_flight or article.id in stored:
                    report.duplicates += 1
                    tick("duplicate")
                    continue
                in_flight.add(article.id)
                yield article  # the coder passes articles not in English through uncoded

    writer = _BatchedWrites(store, report, tick, in_flight)
    # Coding runs ahead of writing (in worker processes with a ParallelCoder), so the single
    # writer stores one batch while the next is being parsed.
    coded = coder.code_stream(to_code()) if coder else ((a, None) for a in to_code())
    for article, analysis in coded:
        writer.add(article, analysis)
    writer.flush()
    report.seconds = time.perf_counter() - started
    return report


class _BatchedWrites:
    """Collects coded articles and stores them a batch per transaction: when the batch is full
    or `WRITE_INTERVAL` has passed, so that progress stays live on slow inputs."""

    def __init__(
        self,
        store: Store,
        report: IngestReport,
        tick: Callable[[Outcome], None],
        in_flight: set[str],
    ) -> None:
        self.store = store
        self.report = report
        self.tick = tick
        self.in_flight = in_flight
        self.pending: list[ArticleWrite] = []
        self.since = time.monotonic()

    def add(self, article: Article, analysis: ArticleAnalysis | None) -> None:
        if not article.is_english:
            status = f"skipped:language={article.language}"
        else:
            status = "coded" if analysis is not None else "pending"
        self.pending.append(ArticleWrite(article, status, analysis))
        if len(self.pending) >= WRITE_BATCH or time.monotonic() - self.since > WRITE_INTERVAL:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        written = self.store.add_articles(self.pending)
        for item, new in zip(self.pending, written, strict=True):
            self.in_flight.discard(item.article.id)
            self.tick(self._count(item.article, new))
        self.pending = []
        self.since = time.monotonic()

    def _count(self, article: Article, new: bool) -> Outcome:
        report = self.report
        if not new:
            report.duplicates += 1
            return "duplicate"
        report.new += 1
        report.words += article.word_count
        report.article_ids.append(article.id)
        if not article.is_english:
            report.warnings.append(
                f"{article.origin}: language '{article.language}' detected; stored, not coded"
            )
        return "new"
