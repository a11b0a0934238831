"""Parsing of publication dates found in article metadata.

Only explicit dates are accepted: an unparseable or missing date stays None, never today.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y%m%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%d.%m.%Y",
    "%A, %B %d, %Y",
    "%A %d %B %Y",
)
_ISO_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]")


def parse_date(value: object) -> date | None:
    """An ISO, RFC 2822 or common English date; None when the value is not a date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = " ".join(str(value).replace(",", ", ").split()).replace(" ,", ",").strip()
    if not text:
        return None
    prefix = _ISO_PREFIX.match(text)
    if prefix:
        text = prefix.group(1)
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None
