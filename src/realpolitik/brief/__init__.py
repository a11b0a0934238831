"""Cited briefings: `build_brief` (an actor, ``"A vs B"`` or everything) and `summarize_article`
(a 3-5 sentence lede of one article), both returning a `Briefing` whose every sentence cites
stored evidence. `render` gives the ``--format md|json`` text; `brief` does it all for the CLI::

    realpolitik brief [ACTOR | "A vs B" | --article ID] [--since --until] [--format md|json]
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Literal

from realpolitik.brief.build import (
    SECTION_DEVELOPMENTS,
    SECTION_RELATIONS,
    SECTION_SUMMARY,
    SECTION_UNCERTAIN,
    Subject,
    build_brief,
    event_sentence,
    relation_sentence,
    resolve_subject,
    split_sentences,
    summarize_article,
)
from realpolitik.brief.model import Briefing, BriefSection, BriefSentence, Citation

if TYPE_CHECKING:
    from realpolitik.api import Session

__all__ = [
    "SECTION_DEVELOPMENTS",
    "SECTION_RELATIONS",
    "SECTION_SUMMARY",
    "SECTION_UNCERTAIN",
    "BriefFormat",
    "BriefSection",
    "BriefSentence",
    "Briefing",
    "Citation",
    "Subject",
    "brief",
    "build_brief",
    "event_sentence",
    "relation_sentence",
    "render",
    "resolve_subject",
    "split_sentences",
    "summarize_article",
]

BriefFormat = Literal["md", "json"]


def render(briefing: Briefing, fmt: str = "md") -> str:
    """``md``: `Briefing.markdown`; ``json``: `Briefing.to_dict` as indented JSON."""
    if fmt in ("md", "markdown"):
        return briefing.markdown
    if fmt == "json":
        return json.dumps(briefing.to_dict(), ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown briefing format {fmt!r}: use md or json")


def brief(
    session: Session,
    subject: str | None = None,
    *,
    article: str | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    fmt: str = "md",
    max_items: int = 12,
    sentences: int = 4,
) -> str:
    """What ``realpolitik brief`` prints: an article lede with ``article``, else a briefing."""
    if article is not None:
        if subject:
            raise ValueError("give either a subject or --article, not both")
        return render(summarize_article(session, article, sentences), fmt)
    return render(build_brief(session, subject, since=since, until=until, max_items=max_items), fmt)
