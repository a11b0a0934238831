"""Rich markup of an article's text with its actor mentions (and later events) highlighted."""

from __future__ import annotations

from collections.abc import Sequence

from rich.markup import escape

from realpolitik.actors.mentions import Mention

STYLES = {"unresolved": "bold red", "coreference": "bold yellow"}
DEFAULT_STYLE = "bold green"


def highlight(text: str, start: int, end: int, mentions: Sequence[Mention]) -> str:
    """Markup for text[start:end] with every mention inside it styled and tagged with its id."""
    pieces: list[str] = []
    cursor = start
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.start < cursor or mention.end > end:
            continue
        pieces.append(escape(text[cursor : mention.start]))
        style = STYLES.get(mention.method, DEFAULT_STYLE)
        tag = f"[dim]⟨{escape(mention.actor_id or '?')}⟩[/dim]"
        pieces.append(f"[{style}]{escape(text[mention.start : mention.end])}[/{style}]{tag}")
        cursor = mention.end
    pieces.append(escape(text[cursor:end]))
    return "".join(pieces)
