"""The briefing records: sentences with numbered citations, sections, and the rendered forms.

A `Briefing` is plain data: a headline judgment, sections of `BriefSentence`s and the numbered
`Citation`s they point to. Every citation is one stored evidence span (article, characters
``start``-``end``, the exact ``text``), so ``article.text[start:end] == citation.text``.
`Briefing.markdown` and `Briefing.to_dict` are the two output forms (``brief --format md|json``).

What this module must not do: read the store or build sentences (see `realpolitik.brief.build`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "BriefSection",
    "BriefSentence",
    "Briefing",
    "Citation",
    "SectionStyle",
    "format_day",
]

SectionStyle = Literal["list", "paragraph"]
ID_PREFIX = 12


def format_day(day: dt.date | None) -> str:
    """``30 Nov 2024``; an empty string for no date."""
    return f"{day.day} {day:%b %Y}" if day else ""


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(frozen=True)
class Citation:
    """Source ``[number]``: one evidence span of a stored article."""

    number: int
    article_id: str
    published: dt.date | None
    source: str | None
    title: str | None
    start: int
    end: int
    text: str

    @property
    def markdown(self) -> str:
        """``[n] title — source, date, article 3fa2b9c01d2e, characters 10–95: "text"``."""
        quote = " ".join(self.text.split()).replace('"', "'")
        return (
            f"[{self.number}] {self.title or 'Untitled'} — {self.source or 'unknown source'}, "
            f"{_iso(self.published) or 'undated'}, article {self.article_id[:ID_PREFIX]}, "
            f'characters {self.start}–{self.end}: "{quote}"'
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "article_id": self.article_id,
            "published": _iso(self.published),
            "source": self.source,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


@dataclass(frozen=True)
class BriefSentence:
    """One sentence and the numbers of the citations behind it.

    ``events`` are the ids of the stored events it was written from (empty for relations and
    for sentences quoted from an article); ``group`` is the heading it sits under, if any (in
    "Key developments", the actor that acted).
    """

    text: str
    citations: tuple[int, ...] = ()
    events: tuple[str, ...] = ()
    group: str | None = None

    @property
    def markdown(self) -> str:
        """The text followed by its citations: ``Iran backed Hezbollah. [1][3]``."""
        marks = "".join(f"[{n}]" for n in self.citations)
        return f"{self.text} {marks}" if marks else self.text

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "citations": list(self.citations),
            "events": list(self.events),
            "group": self.group,
        }


@dataclass(frozen=True)
class BriefSection:
    """A titled run of sentences, shown as a bullet list or (``paragraph``) as running text."""

    title: str
    sentences: tuple[BriefSentence, ...] = ()
    style: SectionStyle = "list"
    empty_note: str = "Nothing in the stored reports for this period."

    def __post_init__(self) -> None:
        object.__setattr__(self, "sentences", tuple(self.sentences))

    @property
    def markdown(self) -> str:
        lines = [f"## {self.title}", ""]
        if not self.sentences:
            lines.append(f"_{self.empty_note}_")
        elif self.style == "paragraph":
            lines.append(" ".join(s.markdown for s in self.sentences))
        else:
            group: str | None = None
            for sentence in self.sentences:
                if sentence.group and sentence.group != group:
                    if lines[-1] != "":
                        lines.append("")
                    lines += [f"### {sentence.group}", ""]
                    group = sentence.group
                lines.append(f"- {sentence.markdown}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "style": self.style,
            "sentences": [s.to_dict() for s in self.sentences],
        }


@dataclass(frozen=True)
class Briefing:
    """A cited briefing on a subject (an actor, ``"A vs B"``, everything, or one article).

    ``since``/``until`` are the window asked for or, when not given, the first and last dates of
    what it covers. ``citations`` are numbered 1..n in order of first use.
    """

    subject: str
    since: dt.date | None
    until: dt.date | None
    headline: BriefSentence
    sections: list[BriefSection] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def section(self, title: str) -> BriefSection | None:
        """The section with this title (any case), or None."""
        for section in self.sections:
            if section.title.lower() == title.lower():
                return section
        return None

    def citation(self, number: int) -> Citation:
        """Citation ``[number]``; KeyError if the briefing has none with that number."""
        for citation in self.citations:
            if citation.number == number:
                return citation
        raise KeyError(f"no citation [{number}]")

    def sentences(self) -> Iterator[BriefSentence]:
        """The headline, then every section's sentences in order."""
        yield self.headline
        for section in self.sections:
            yield from section.sentences

    @property
    def period(self) -> str:
        """``4 Mar 2024 – 6 Mar 2024``, ``from 4 Mar 2024``, ``until ...`` or empty."""
        if self.since and self.until:
            if self.since == self.until:
                return format_day(self.since)
            return f"{format_day(self.since)} – {format_day(self.until)}"
        if self.since:
            return f"from {format_day(self.since)}"
        if self.until:
            return f"until {format_day(self.until)}"
        return ""

    @property
    def markdown(self) -> str:
        parts = [f"# Briefing: {self.subject}"]
        if self.period:
            parts.append(f"_Period: {self.period}_")
        parts.append(f"**{self.headline.text}**" + _marks(self.headline.citations))
        parts += [section.markdown for section in self.sections]
        sources = ["## Sources"]
        if self.citations:
            sources += [c.markdown for c in self.citations]
        else:
            sources.append("_No sources._")
        parts.append("\n\n".join(sources))
        return "\n\n".join(parts) + "\n"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ISO dates, lists, and the keys ``subject, since, until, period, headline,
        sections, citations``."""
        return {
            "subject": self.subject,
            "since": _iso(self.since),
            "until": _iso(self.until),
            "period": self.period,
            "headline": self.headline.to_dict(),
            "sections": [s.to_dict() for s in self.sections],
            "citations": [c.to_dict() for c in self.citations],
        }


def _marks(numbers: tuple[int, ...]) -> str:
    return (" " + "".join(f"[{n}]" for n in numbers)) if numbers else ""
