"""Rich markup of an article's text with its actor mentions (and later events) highlighted."""

from __future__ import annotations

from collections.abc import Sequence

from rich.markup import escape

from realpolitik.actors.mentions import Mention
from realpolitik.store import TriggerSpan

STYLES = {"unresolved": "bold red", "coreference": "bold yellow"}
DEFAULT_STYLE = "bold green"


STATUS_STYLES = {
    "asserted": "reverse bold cyan",
    "reported": "reverse cyan",
    "claimed": "reverse magenta",
    "historical": "reverse blue",
}
UNCERTAIN_STYLE = "reverse yellow"  # planned, hypothetical, negated


def highlight(
    text: str,
    start: int,
    end: int,
    mentions: Sequence[Mention],
    triggers: Sequence[TriggerSpan] = (),
) -> str:
    """Markup for text[start:end]: actor mentions tagged with their id, event triggers with
    their type and status."""
    spans: list[tuple[int, int, str, str]] = []
    for mention in mentions:
        style = STYLES.get(mention.method, DEFAULT_STYLE)
        spans.append((mention.start, mention.end, style, mention.actor_id or "?"))
    for trigger in triggers:
        style = STATUS_STYLES.get(trigger.status, UNCERTAIN_STYLE)
        spans.append((trigger.start, trigger.end, style, f"{trigger.type} {trigger.status}"))
    pieces: list[str] = []
    cursor = start
    for span_start, span_end, style, tag in sorted(spans):
        if span_start < cursor or span_end > end:
            continue
        pieces.append(escape(text[cursor:span_start]))
        pieces.append(
            f"[{style}]{escape(text[span_start:span_end])}[/{style}][dim]⟨{escape(tag)}⟩[/dim]"
        )
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    return "".join(pieces)
