"""Store: the embedded DuckDB database and its versioned schema. The only module with SQL."""

from realpolitik.store.store import (
    ActorQuery,
    ActorRow,
    ArticleQuery,
    EventQuery,
    RelationQuery,
    Store,
    StoredEvent,
    StoreInfo,
    TriggerSpan,
)

__all__ = [
    "ActorQuery",
    "ActorRow",
    "ArticleQuery",
    "EventQuery",
    "RelationQuery",
    "Store",
    "StoreInfo",
    "StoredEvent",
    "TriggerSpan",
]
