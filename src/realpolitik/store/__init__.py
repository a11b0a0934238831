"""Store: the embedded DuckDB database and its versioned schema. The only module with SQL."""

from realpolitik.store.store import ArticleQuery, Store, StoreInfo

__all__ = ["ArticleQuery", "Store", "StoreInfo"]
