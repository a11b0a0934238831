"""The Python API: `realpolitik.open(path)` gives a `Session` that the CLI also uses."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from realpolitik.config import Config
from realpolitik.ingest import Article
from realpolitik.pipeline import IngestReport, Overrides, ProgressCallback, ingest
from realpolitik.store import (
    ActorQuery,
    ActorRow,
    ArticleQuery,
    EventQuery,
    RelationQuery,
    Store,
    StoreInfo,
)

if TYPE_CHECKING:
    from realpolitik.actors.dictionary import ActorDictionary
    from realpolitik.actors.mentions import Mention
    from realpolitik.actors.profile import ActorProfile
    from realpolitik.coding import ArticleCoder, ParallelCoder


class Session:
    """One open database plus the settings to work on it."""

    def __init__(self, store: Store, config: Config) -> None:
        self.store = store
        self.config = config
        self._coder: ArticleCoder | ParallelCoder | None = None

    @property
    def coder(self) -> ArticleCoder | ParallelCoder:
        """The NLP stages, built on first use (loading spaCy takes a second); with more than
        one worker, large batches are coded in worker processes."""
        if self._coder is None:
            from realpolitik.coding import ArticleCoder, ParallelCoder

            coder = ArticleCoder(self.config)
            self._coder = (
                ParallelCoder(coder, self.config.workers) if self.config.workers > 1 else coder
            )
        return self._coder

    def ingest(
        self,
        paths: Sequence[str | Path] | str | Path,
        *,
        glob: str | None = None,
        overrides: Overrides | None = None,
        progress: ProgressCallback | None = None,
        code: bool = True,
    ) -> IngestReport:
        """Read, code and store articles; `code=False` stores them uncoded."""
        if isinstance(paths, (str, Path)):
            paths = [paths]
        return ingest(
            self.store,
            paths,
            self.config,
            glob=glob,
            overrides=overrides,
            progress=progress,
            coder=self.coder if code else None,
        )

    def actors(self, **filters: Any) -> list[ActorRow]:
        return self.store.actors(ActorQuery(**filters))

    def actor(self, name: str) -> ActorProfile:
        """An actor by id, name or alias, with its family and where it was mentioned."""
        from realpolitik.actors.profile import actor_profile

        return actor_profile(self.store, self.dictionary, name)

    @property
    def dictionary(self) -> ActorDictionary:
        from realpolitik.actors.dictionary import load_dictionary

        return load_dictionary(self.config.all_actor_files(), self.config.cache_dir.expanduser())

    def actor_ids(self, name: str) -> tuple[str, ...]:
        """An actor and everything inside it: a state brings its agencies and units."""
        from realpolitik.actors.profile import find_actor

        entry = find_actor(self.dictionary, self.store, name)
        ids = {entry.id}
        if entry.kind == "state":
            ids |= {
                row.id
                for row in self.store.actors(
                    ActorQuery(country=entry.country, include_unresolved=True)
                )
            }
        frontier = [entry.id]
        while frontier:
            current = frontier.pop()
            for child in self.dictionary.children(current):
                if child.id not in ids:
                    ids.add(child.id)
                    frontier.append(child.id)
        return tuple(sorted(ids))

    def event_records(self, *, actor: str | None = None, **filters: Any) -> list[dict[str, Any]]:
        """Events as contract records (see `realpolitik.views.EVENT_KEYS`)."""
        from realpolitik.views import ActorObjects, event_record

        actor_ids = self.actor_ids(actor) if actor else None
        events = self.store.events(EventQuery(actor_ids=actor_ids, **filters))
        objects = ActorObjects(self.store, self.dictionary)
        objects.prefetch({a for e in events for a in (e.source, e.target, e.attributed_to) if a})
        return [event_record(e, objects) for e in events]

    def relation_records(self, *, actor: str | None = None, **filters: Any) -> list[dict[str, Any]]:
        from realpolitik.views import ActorObjects, relation_record

        actor_ids = self.actor_ids(actor) if actor else None
        relations = self.store.relations(RelationQuery(actor_ids=actor_ids, **filters))
        objects = ActorObjects(self.store, self.dictionary)
        objects.prefetch({a for r in relations for a in (r.source, r.target)})
        return [relation_record(r, objects) for r in relations]

    def events(self, **filters: Any) -> Any:
        """Events as a pandas DataFrame; actor objects flatten to `source_id`, `source_name`..."""
        import pandas as pd

        return pd.json_normalize(self.event_records(**filters), sep="_")

    def relations(self, **filters: Any) -> Any:
        import pandas as pd

        return pd.json_normalize(self.relation_records(**filters), sep="_")

    def network(
        self,
        *,
        since: Any = None,
        until: Any = None,
        actor: str | None = None,
        depth: int = 1,
        include_uncertain: bool = False,
    ) -> Any:
        """The signed actor network as a networkx graph (edge `weight` = cooperation - conflict)."""
        from realpolitik.analysis import from_session

        return from_session(self, since, until, actor, depth, include_uncertain).to_networkx()

    def brief(
        self,
        subject: str | None = None,
        *,
        article: str | None = None,
        since: Any = None,
        until: Any = None,
        max_items: int = 12,
    ) -> Any:
        """A cited briefing (`.markdown`, `.to_dict()`); with `article`, a 3-5 sentence lede."""
        from realpolitik.brief import build_brief, summarize_article

        if article is not None:
            return summarize_article(self, article)
        return build_brief(self, subject, since=since, until=until, max_items=max_items)

    def mentions(self, article_id: str) -> list[Mention]:
        return self.store.mentions(self.store.article(article_id).id)

    def articles(self, **filters: Any) -> list[Article]:
        return self.store.articles(ArticleQuery(**filters))

    def article(self, article_id: str) -> Article:
        return self.store.article(article_id)

    def info(self) -> StoreInfo:
        return self.store.info()

    def close(self) -> None:
        from realpolitik.coding import ParallelCoder

        if isinstance(self._coder, ParallelCoder):
            self._coder.close()
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
