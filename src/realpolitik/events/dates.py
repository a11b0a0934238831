"""Event dates: explicit dates and weekdays in the sentence, resolved against the article date.

`on Monday` is the last Monday on or before the article date; `27 November` takes the article's
year; `in 1967` and `since 2011` give ranges. Without such words the event takes the article date,
except historical background, which gets no date rather than a wrong one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span, Token

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?(?:\s+(\d{4}))?\b")
_MONTH_DAY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def event_dates(
    trigger: Token, sentence: Span, day: date | None, status: str
) -> tuple[date | None, date | None]:
    """(start, end) of the event; end is None for a single day."""
    phrases = [ent for ent in sentence.ents if ent.label_ == "DATE"]
    near = [p for p in phrases if _attached(p, trigger)] or phrases
    for phrase in near:
        found = parse_date_phrase(phrase.text, day, since=_preceded_by(phrase, "since"))
        if found is not None:
            return found
    if status == "historical":
        return None, None
    return day, None


def parse_date_phrase(
    text: str, day: date | None, *, since: bool = False
) -> tuple[date | None, date | None] | None:
    lower = text.lower()
    if day is not None:
        for index, name in enumerate(WEEKDAYS):
            if name in lower:
                back = (day.weekday() - index) % 7
                return day - timedelta(days=back), None
        if "yesterday" in lower:
            return day - timedelta(days=1), None
        if lower in ("today", "tonight", "this morning", "this evening"):
            return day, None
        if "last week" in lower:
            return day - timedelta(days=7), day
    for pattern, order in ((_DAY_MONTH, "dm"), (_MONTH_DAY, "md")):
        match = pattern.search(text)
        if not match:
            continue
        number, month_name = (
            (match.group(1), match.group(2)) if order == "dm" else (match.group(2), match.group(1))
        )
        month = MONTHS.get(month_name.lower().rstrip("."))
        if month is None:
            continue
        year = int(match.group(3)) if match.group(3) else _year_for(month, int(number), day)
        if year is None:
            continue
        try:
            found = date(year, month, int(number))
        except ValueError:
            continue
        return (found, day) if since else (found, None)
    year_match = _YEAR.search(text)
    if year_match:
        year = int(year_match.group(1))
        if since:
            return date(year, 1, 1), day
        if day is None or year < day.year:
            return date(year, 1, 1), date(year, 12, 31)
    return None


def _year_for(month: int, number: int, day: date | None) -> int | None:
    if day is None:
        return None
    try:
        candidate = date(day.year, month, number)
    except ValueError:
        return None
    # A date written without a year more than a month after the article is last year's.
    return day.year - 1 if candidate > day + timedelta(days=31) else day.year


def _attached(phrase: Span, trigger: Token) -> bool:
    root = phrase.root
    return (
        any(a.i == trigger.i for a in root.ancestors)
        and sum(1 for _ in root.ancestors) - sum(1 for _ in trigger.ancestors) <= 3
    )


def _preceded_by(phrase: Span, word: str) -> bool:
    return phrase.start > 0 and phrase.doc[phrase.start - 1].lower_ == word
