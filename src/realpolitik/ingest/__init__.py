"""Ingest: turn files, folders and stdin into `Article` records.

This stage reads and validates input only; it never writes to the store and never runs NLP.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from realpolitik.errors import InputError
from realpolitik.ingest.article import Article, Paragraph, content_id, make_article, with_overrides
from realpolitik.ingest.inputs import InputSource, expand_paths
from realpolitik.ingest.readers import ReaderRegistry, ReadItem, ReadOptions, default_registry

__all__ = [
    "Article",
    "InputError",
    "InputSource",
    "Paragraph",
    "ReadItem",
    "ReadOptions",
    "ReaderRegistry",
    "content_id",
    "default_registry",
    "make_article",
    "read_articles",
    "with_overrides",
]


def read_articles(
    paths: Sequence[str | Path],
    options: ReadOptions | None = None,
    *,
    glob: str | None = None,
    registry: ReaderRegistry | None = None,
) -> Iterator[ReadItem]:
    """Articles and per-input errors from every path, streamed in input order."""
    options = options or ReadOptions()
    registry = registry or default_registry()
    for item in expand_paths(paths, glob, registry.suffixes()):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield from registry.read(item, options)
        except InputError as exc:
            yield exc
        except (OSError, MemoryError) as exc:
            yield InputError(item.name, f"could not be read ({type(exc).__name__}: {exc})")
