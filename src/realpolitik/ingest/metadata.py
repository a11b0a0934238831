"""Metadata carried inside plain-text and Markdown articles.

Recognised: YAML front matter (`---` blocks) and `Key: value` lines at the very top or the very
bottom of the text (`Title:`, `Source:`, `Original Source:`, `URL:`, `Published:`, `Date:`,
`Author:`, `Language:`). Such lines are removed from the text; lines inside the body never are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import yaml

from realpolitik.ingest.dates import parse_date

_KEYS = {
    "title": "title",
    "headline": "title",
    "source": "source",
    "original source": "source",
    "publisher": "source",
    "url": "url",
    "link": "url",
    "published": "published",
    "date": "published",
    "author": "author",
    "language": "language",
}
_LINE = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z ]{1,20}?)\s*:\s*(?P<value>\S.*?)\s*$")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<yaml>.*?)\n---[ \t]*(\n|\Z)", re.S)


@dataclass
class TextMetadata:
    """What a text file says about itself."""

    fields: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str) -> Any:
        return self.fields.get(name)

    def set_default(self, name: str, value: Any) -> None:
        if value not in (None, "") and self.fields.get(name) in (None, ""):
            self.fields[name] = value


def split_metadata(raw: str, where: str) -> tuple[str, TextMetadata]:
    """Separate metadata from the body; `where` names the input in error messages."""
    meta = TextMetadata()
    body = raw
    front = _FRONT_MATTER.match(body)
    if front:
        meta.fields.update(_front_matter_fields(front.group("yaml"), where))
        body = body[front.end() :]
    lines = body.split("\n")
    head = _take_metadata_lines(lines, meta)
    lines = lines[head:]
    tail = _take_metadata_lines(list(reversed(lines)), meta)
    if tail:
        lines = lines[: len(lines) - tail]
    return "\n".join(lines), meta


def _front_matter_fields(text: str, where: str) -> dict[str, Any]:
    from realpolitik.errors import InputError

    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise InputError(where, f"front matter is not valid YAML ({_first_line(exc)})") from exc
    if not isinstance(data, dict):
        raise InputError(where, "front matter must be a mapping of keys to values")
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = _KEYS.get(str(key).strip().lower())
        if name and value is not None:
            out.setdefault(name, value)
    return out


def _take_metadata_lines(lines: list[str], meta: TextMetadata) -> int:
    """Consume leading metadata lines (and blank lines among them); return how many."""
    taken = 0
    consumed = 0
    for line in lines:
        if not line.strip():
            consumed += 1
            continue
        match = _LINE.match(line)
        name = _KEYS.get(match.group("key").strip().lower()) if match else None
        if not match or not name:
            break
        meta.set_default(name, match.group("value"))
        consumed += 1
        taken = consumed
    return taken


def normalise_fields(meta: TextMetadata) -> dict[str, Any]:
    """title/url/source/published as clean values; the source defaults to the URL's domain."""
    url = _as_text(meta.get("url"))
    source = _as_text(meta.get("source"))
    if source and _looks_like_url(source):
        url = url or source
        source = urlsplit(source).netloc or source
    if not source and url:
        source = urlsplit(url).netloc or None
    return {
        "title": _as_text(meta.get("title")),
        "url": url,
        "source": source,
        "published": parse_date(meta.get("published")),
        "language": _as_text(meta.get("language")),
    }


def _looks_like_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
