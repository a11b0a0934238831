"""The Python API: `realpolitik.open(path)` gives a `Session` that the CLI also uses."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from realpolitik.config import Config
from realpolitik.ingest import Article
from realpolitik.pipeline import IngestReport, Overrides, ProgressCallback, ingest
from realpolitik.store import ArticleQuery, Store, StoreInfo


class Session:
    """One open database plus the settings to work on it."""

    def __init__(self, store: Store, config: Config) -> None:
        self.store = store
        self.config = config

    def ingest(
        self,
        paths: Sequence[str | Path] | str | Path,
        *,
        glob: str | None = None,
        overrides: Overrides | None = None,
        progress: ProgressCallback | None = None,
    ) -> IngestReport:
        if isinstance(paths, (str, Path)):
            paths = [paths]
        return ingest(
            self.store, paths, self.config, glob=glob, overrides=overrides, progress=progress
        )

    def articles(self, **filters: Any) -> list[Article]:
        return self.store.articles(ArticleQuery(**filters))

    def article(self, article_id: str) -> Article:
        return self.store.article(article_id)

    def info(self) -> StoreInfo:
        return self.store.info()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open(  # noqa: A001 - mirrors the builtin on purpose: `realpolitik.open("x.duckdb")`
    path: str | Path | None = None,
    *,
    config: Config | None = None,
    read_only: bool = False,
    **settings: Any,
) -> Session:
    """Open (creating and migrating if needed) a realpolitik database."""
    config = (config or Config.from_env()).with_(db_path=path, **settings)
    store = Store.open(config.db_path, read_only=read_only, busy_timeout=config.busy_timeout)
    return Session(store, config)
