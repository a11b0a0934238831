"""The `Article` record and the text normalisation that gives it a content id.

An article's id is the sha256 of its normalised text, so the same content read twice (from another
file name, feed or copy) is recognised and stored once.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

import numpy

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of an article's text, as character offsets into `Article.text`."""

    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """One news report, as stored."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    language: str | None = None
    ingested_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    origin: str | None = None
    external_id: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()

    @property
    def is_english(self) -> bool:
        return self.language in (None, "en")

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def paragraph_text(self, paragraph: Paragraph) -> str:
        return self.text[paragraph.start : paragraph.end]


def clean_text(text: str) -> str:
    """Unicode-normalise, unify line breaks and spaces, keep paragraph breaks as one blank line."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines).strip()
    return _BLANK_LINES.sub("\n\n", text)


def content_id(text: str) -> str:
    """sha256 of the text with case-preserving whitespace folding: layout changes keep the id."""
    folded = " ".join(unicodedata.normalize("NFKC", text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Paragraphs are separated by blank lines; a text without any is split on single newlines."""
    separator = "\n\n" if "\n\n" in text else "\n"
    paragraphs: list[Paragraph] = []
    position = 0
    for chunk in text.split(separator):
        start = text.index(chunk, position) if chunk else position
        end = start + len(chunk)
        position = end
        if chunk.strip():
            paragraphs.append(Paragraph(len(paragraphs), start, end))
    return tuple(paragraphs)


def make_article(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published: date | None = None,
    language: str | None = None,
    origin: str | None = None,
    external_id: str | None = None,
) -> Article:
    """Build an Article from raw text and metadata; its id is always the content hash."""
    body = clean_text(text)
    return Article(
        id=content_id(body),
        external_id=external_id,
        text=body,
        title=(title or "").strip() or None,
        url=(url or "").strip() or None,
        source=(source or "").strip() or None,
        published=published,
        language=language,
        origin=origin,
        paragraphs=split_paragraphs(body),
    )


def with_overrides(
    article: Article,
    *,
    title: str | None = None,
    source: str | None = None,
    published: date | None = None,
) -> Article:
    """Apply user overrides (CLI `--title --source --date`) that win over what the file says."""
    changes: dict[str, Any] = {
        key: value
        for key, value in (("title", title), ("source", source), ("published", published))
        if value is not None
    }
    return replace(article, **changes) if changes else article


def simhash(text: str) -> int:
    """64-bit SimHash of word trigrams, as a signed integer: near-identical texts (syndicated
    copies with a changed headline or byline) differ in a few bits."""
    words = [w.lower() for w in text.split()]
    grams = [" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))]
    digests = b"".join(hashlib.blake2b(g.encode(), digest_size=8).digest() for g in grams)
    # one row of 64 bits per trigram, most significant first; a bit is set where most rows set it
    bits = numpy.unpackbits(numpy.frombuffer(digests, dtype=numpy.uint8)).reshape(-1, 64)
    majority = bits.sum(axis=0, dtype=numpy.int64) * 2 > len(grams)
    result = int.from_bytes(numpy.packbits(majority).tobytes(), "big")
    return result - (1 << 64) if result >= 1 << 63 else result


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & 0xFFFF_FFFF_FFFF_FFFF).bit_count()
