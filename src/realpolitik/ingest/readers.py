"""Readers that turn one input into articles, registered by file suffix.

Built-in readers register through `ReaderRegistry.register`, the same path a user's reader takes.
A reader yields `Article`s and, for records it must skip, `InputError`s naming the record; it
raises `InputError` when the whole input is unusable.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from realpolitik.errors import InputError
from realpolitik.ingest.article import Article, make_article
from realpolitik.ingest.dates import parse_date
from realpolitik.ingest.inputs import InputSource, check_not_binary, decode, read_guarded_bytes
from realpolitik.ingest.language import detect_language
from realpolitik.ingest.metadata import TextMetadata, normalise_fields, split_metadata


@dataclass(frozen=True)
class ReadOptions:
    """Limits and encoding applied by every reader."""

    max_article_bytes: int = 10_000_000
    max_line_bytes: int = 5_000_000
    min_article_chars: int = 20
    encoding: str = "utf-8"


ReadItem = Article | InputError
Reader = Callable[[InputSource, ReadOptions], Iterator[ReadItem]]


class ReaderRegistry:
    """Suffix to reader; the first registered reader for a suffix wins unless replaced."""

    def __init__(self) -> None:
        self._readers: dict[str, Reader] = {}

    def register(self, suffixes: tuple[str, ...], reader: Reader) -> None:
        for suffix in suffixes:
            self._readers[suffix.lower()] = reader

    def suffixes(self) -> tuple[str, ...]:
        return tuple(sorted(self._readers))

    def read(self, source: InputSource, options: ReadOptions) -> Iterator[ReadItem]:
        reader = self._readers.get(source.suffix) or self._readers[".txt"]
        yield from reader(source, options)


def finish_article(text: str, fields: dict[str, Any], where: str, options: ReadOptions) -> Article:
    """Validate the body and build the Article; the language comes from the text itself."""
    body = text.strip()
    if len(body) < options.min_article_chars:
        if not body:
            raise InputError(where, "no article text")
        raise InputError(where, f"text too short to be an article ({len(body)} characters)")
    language = fields.get("language") or detect_language(body)
    return make_article(
        body,
        title=fields.get("title"),
        url=fields.get("url"),
        source=fields.get("source"),
        published=fields.get("published"),
        language=language,
        origin=where,
        external_id=fields.get("id"),
    )


# --- plain text and Markdown -------------------------------------------------------------

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.M)


def read_text(source: InputSource, options: ReadOptions) -> Iterator[ReadItem]:
    raw = decode(
        source.name, read_guarded_bytes(source, options.max_article_bytes), options.encoding
    )
    body, meta = split_metadata(raw, source.name)
    if source.suffix in (".md", ".markdown"):
        body = _strip_markdown(body, meta)
    yield finish_article(body, normalise_fields(meta), source.name, options)


def _strip_markdown(body: str, meta: TextMetadata) -> str:
    lines = body.strip().split("\n")
    if lines and lines[0].startswith("# "):
        meta.set_default("title", lines[0][2:].strip())
        body = "\n".join(lines[1:])
    body = _MD_LINK.sub(r"\1", body)
    body = _MD_HEADING.sub("", body)
    return _MD_EMPHASIS.sub(r"\2", body)


# --- HTML ----------------------------------------------------------------------------------


def read_html(source: InputSource, options: ReadOptions) -> Iterator[ReadItem]:
    import trafilatura

    data = read_guarded_bytes(source, options.max_article_bytes)
    html = decode(source.name, data, options.encoding)
    document: Any = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if document is None or not (document.text or "").strip():
        raise InputError(source.name, "no article text found in the HTML page")
    meta = TextMetadata(
        {
            "title": document.title,
            "url": document.url,
            "source": document.sitename or document.hostname,
            "published": document.date,
            "language": None,
        }
    )
    yield finish_article(document.text, normalise_fields(meta), source.name, options)


# --- JSON lines and JSON -------------------------------------------------------------------

_JSON_FIELDS = ("title", "url", "source", "published", "id")


def read_jsonl(source: InputSource, options: ReadOptions) -> Iterator[ReadItem]:
    """One article per line; a bad line is reported and skipped, the rest goes in."""
    with source.open() as handle:
        head = handle.read(8192)
        if not head.strip():
            raise InputError(source.name, "empty file, nothing to ingest")
        check_not_binary(source.name, head)
        handle.seek(0)
        for number, line in enumerate(_bounded_lines(handle, options.max_line_bytes), start=1):
            where = f"{source.name} line {number}"
            if line is None:
                yield InputError(where, f"line longer than {options.max_line_bytes} bytes, skipped")
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(decode(where, line, options.encoding))
                yield article_from_record(record, where, options)
            except json.JSONDecodeError as exc:
                yield InputError(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
            except InputError as exc:
                yield exc


def read_json(source: InputSource, options: ReadOptions) -> Iterator[ReadItem]:
    """A JSON array of articles or one article object (JSON lines are accepted too)."""
    data = read_guarded_bytes(source, options.max_article_bytes * 100)
    text = decode(source.name, data, options.encoding)
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        yield from read_jsonl(source, options)
        return
    records = document if isinstance(document, list) else [document]
    for number, record in enumerate(records, start=1):
        where = f"{source.name} item {number}" if isinstance(document, list) else source.name
        try:
            yield article_from_record(record, where, options)
        except InputError as exc:
            yield exc


def article_from_record(record: Any, where: str, options: ReadOptions) -> Article:
    if not isinstance(record, dict):
        raise InputError(where, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        reason = 'missing "text"' if text is None else '"text" must be a string'
        raise InputError(where, reason)
    meta = TextMetadata({key: record.get(key) for key in _JSON_FIELDS[:-1]})
    fields = normalise_fields(meta)
    if record.get("published") is not None and fields["published"] is None:
        raise InputError(where, f'"published" is not a date: {record.get("published")!r}')
    fields["published"] = parse_date(record.get("published"))
    fields["language"] = record.get("language")
    if record.get("id") is not None:
        fields["id"] = str(record["id"])
    return finish_article(text, fields, where, options)


def _bounded_lines(handle: Any, limit: int) -> Iterator[bytes | None]:
    """Lines of a binary stream; None stands for a line over the limit (never held whole)."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                rest = handle.readline(limit + 1)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def default_registry() -> ReaderRegistry:
    registry = ReaderRegistry()
    registry.register((".txt", ".text", ".md", ".markdown"), read_text)
    registry.register((".html", ".htm", ".xhtml"), read_html)
    registry.register((".jsonl", ".ndjson"), read_jsonl)
    registry.register((".json",), read_json)
    return registry
