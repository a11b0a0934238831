"""Cited briefings built from the store: extractive and template-based, no language model.

`build_brief` writes a briefing on an actor (with its sub-actors, via `Session.actor_ids`), on
``"A vs B"`` (only events between the two sides) or on everything:

* a headline judgment from the balance of cooperation and conflict (weighted as the analysis
  layer weighs them, `realpolitik.analysis.weights`) and, when both halves of the period have
  events, the biggest shift (`realpolitik.analysis.shifts`);
* "Key developments": asserted and reported events, the ``max_items`` most important
  (``abs(intensity) x sources``), grouped by the actor that acted and in date order;
* "Relations": the standing relations involving the subject;
* "Claimed, planned, hypothetical or denied": events (and relations) with those statuses,
  phrased with their status and never as developments.

Every sentence cites the evidence spans behind it; a merged event cites each of its spans
(`Store.event_evidence`). `summarize_article` picks 3-5 sentences of one article, in their
order, as a news lede, each citing itself.

What it must not do: write to the store, run NLP, print, or call anything outside the session's
public API, the store's read methods and the analysis layer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from realpolitik.analysis.shifts import Shift, ShiftKind, shifts
from realpolitik.analysis.weights import EventScore, event_score
from realpolitik.brief.model import Briefing, BriefSection, BriefSentence, Citation, format_day
from realpolitik.brief.phrases import (
    actor_name,
    attribution,
    event_phrase,
    is_plural,
    place_name,
    relation_phrase,
    sentence_case,
)
from realpolitik.events.models import Evidence
from realpolitik.events.ontology import Ontology
from realpolitik.store.store import EventQuery, RelationQuery, StoredEvent

if TYPE_CHECKING:
    from realpolitik.api import Session
    from realpolitik.ingest import Article

__all__ = [
    "DEVELOPMENT_STATUSES",
    "SECTION_DEVELOPMENTS",
    "SECTION_RELATIONS",
    "SECTION_SUMMARY",
    "SECTION_UNCERTAIN",
    "UNCERTAIN_STATUSES",
    "Subject",
    "build_brief",
    "event_sentence",
    "relation_sentence",
    "resolve_subject",
    "split_sentences",
    "summarize_article",
]

Record = dict[str, Any]

DEVELOPMENT_STATUSES = frozenset({"asserted", "reported"})
UNCERTAIN_STATUSES = frozenset({"claimed", "planned", "hypothetical", "negated"})
CERTAIN_RELATION_STATUSES = frozenset({"asserted", "reported", "historical"})

SECTION_DEVELOPMENTS = "Key developments"
SECTION_RELATIONS = "Relations"
SECTION_UNCERTAIN = "Claimed, planned, hypothetical or denied"
SECTION_SUMMARY = "Summary"

UNIDENTIFIED = "Unidentified actors"
HEADLINE_CITATIONS = 6
MIN_SHIFT_EVENTS = 2
_VS = re.compile(r"\s+(?:vs\.?|versus|v\.)\s+", re.IGNORECASE)
_EPSILON = 1e-9


# --- subject ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Subject:
    """What a briefing is about: no side (everything), one actor, or two sides ``A vs B``.

    ``sides`` holds each side's actor ids (an actor with its sub-actors); ``names`` their
    display names.
    """

    label: str
    sides: tuple[tuple[str, ...], ...] = ()
    names: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return ("all", "actor", "dyad")[len(self.sides)]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i for side in self.sides for i in side))

    def involves(self, source: str | None, target: str | None) -> bool:
        """Whether an event or relation between these two actors is about the subject."""
        if not self.sides:
            return True
        if len(self.sides) == 1:
            return source in self.sides[0] or target in self.sides[0]
        a, b = self.sides
        return (source in a and target in b) or (source in b and target in a)

    def internal(self, source: str | None, target: str | None) -> bool:
        """An actor subject's dealings with itself (a state and its own agencies)."""
        return len(self.sides) == 1 and source in self.sides[0] and target in self.sides[0]


def resolve_subject(session: Session, subject: str | None) -> Subject:
    """``None`` (everything), an actor name/alias/id, or ``"A vs B"``.

    Raises `NotFoundError` for an unknown actor. When one side of ``A vs B`` contains the other
    (``Iran vs Iranian government``), the contained actors are taken out of the larger side.
    """
    from realpolitik.actors.profile import find_actor

    if subject is None or not subject.strip():
        return Subject("all actors")
    parts = [p.strip() for p in _VS.split(subject.strip())]
    if len(parts) > 2 or not all(parts):
        raise ValueError(f"{subject!r}: give one actor, or two as 'A vs B'")
    entries = [find_actor(session.dictionary, session.store, p) for p in parts]
    sides = [set(session.actor_ids(p)) for p in parts]
    if len(sides) == 2:
        a, b = sides
        if a >= b and a != b:
            a = a - b
        elif b >= a and a != b:
            b = b - a
        elif a == b:
            raise ValueError(f"{subject!r}: both sides are the same actor")
        else:
            a, b = a - b, b - a
        sides = [a, b]
    names = tuple(e.name for e in entries)
    label = " vs ".join(names)
    return Subject(label, tuple(tuple(sorted(s)) for s in sides), names)


# --- evidence and citations ---------------------------------------------------------------------


class _Sources:
    """Articles and event evidence, each read once per briefing."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._articles: dict[str, Article] = {}
        self._evidence: dict[str, list[Evidence]] = {}

    def article(self, article_id: str) -> Article:
        if article_id not in self._articles:
            self._articles[article_id] = self.session.article(article_id)
        return self._articles[article_id]

    def remember(self, article: Article) -> None:
        self._articles[article.id] = article

    def event_spans(
        self, record: Mapping[str, Any], article_id: str | None = None
    ) -> list[Evidence]:
        """Every stored evidence span of a (merged) event, or only those in one article."""
        event_id = str(record["id"])
        if event_id not in self._evidence:
            self._evidence[event_id] = self.session.store.event_evidence(event_id)
        spans = self._evidence[event_id] or [_evidence(record["evidence"])]
        if article_id is not None:
            spans = [s for s in spans if s.article_id == article_id]
        return sorted(spans, key=self._order)

    def _order(self, span: Evidence) -> tuple[dt.date, str, int]:
        published = self.article(span.article_id).published
        return (published or dt.date.max, span.article_id, span.start)


def _evidence(value: Mapping[str, Any]) -> Evidence:
    return Evidence(
        str(value["article_id"]), str(value["text"]), int(value["start"]), int(value["end"])
    )


@dataclass(frozen=True)
class _Draft:
    """A sentence before its citations are numbered."""

    text: str
    evidence: tuple[Evidence, ...] = ()
    events: tuple[str, ...] = ()
    group: str | None = None


def _assemble(
    label: str,
    since: dt.date | None,
    until: dt.date | None,
    headline: _Draft,
    sections: Sequence[tuple[str, Sequence[_Draft], str]],
    sources: _Sources,
) -> Briefing:
    """Number the citations in reading order (headline first) and build the `Briefing`."""
    numbers: dict[tuple[str, int, int], int] = {}
    citations: list[Citation] = []

    def cite(draft: _Draft) -> BriefSentence:
        used: list[int] = []
        for span in draft.evidence:
            key = (span.article_id, span.start, span.end)
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                article = sources.article(span.article_id)
                citations.append(
                    Citation(
                        number=numbers[key],
                        article_id=article.id,
                        published=article.published,
                        source=article.source,
                        title=article.title,
                        start=span.start,
                        end=span.end,
                        text=span.text,
                    )
                )
            if numbers[key] not in used:
                used.append(numbers[key])
        return BriefSentence(draft.text, tuple(used), draft.events, draft.group)

    head = cite(headline)
    built = [
        BriefSection(
            title, tuple(cite(d) for d in drafts), "paragraph" if style == "paragraph" else "list"
        )
        for title, drafts, style in sections
    ]
    return Briefing(label, since, until, head, built, citations)


# --- event sentences ----------------------------------------------------------------------------


def _id(actor: Any) -> str | None:
    if isinstance(actor, Mapping):
        value = actor.get("id")
        return str(value) if value else None
    return None


def _when(record: Mapping[str, Any]) -> str:
    day, end = record.get("date"), record.get("date_end")
    if not day:
        return ""
    if end and end != day:
        return f"between {format_day(day)} and {format_day(end)}"
    return format_day(day)


def _where(record: Mapping[str, Any]) -> str:
    """`` in Aleppo`` for a material event or a meeting, when the sentence itself names the
    place and it is not one of the two actors."""
    location = record.get("location")
    if not location or location.get("taken_from") != "sentence" or not location.get("name"):
        return ""
    if record.get("quad_class") not in (2, 4) and str(record.get("type")).upper() != "CONSULT":
        return ""
    name = str(location["name"])
    named = {
        str((record.get(side) or {}).get("name") or "").lower() for side in ("source", "target")
    }
    return "" if name.lower() in named else f" in {place_name(name)}"


def event_sentence(record: Mapping[str, Any], *, clash: bool = False) -> str:
    """One sentence for an event record, phrased by its status.

    asserted: "On 30 Nov 2024, Hayat Tahrir al-Sham attacked the Syrian Arab Army in Aleppo.";
    reported: "... reportedly attacked ..."; claimed: "... Israel claimed that Iran gave aid to
    Hezbollah."; planned: "As of ..., X planned to ..."; hypothetical: "As of ..., it was only
    discussed as possible that X would ..."; negated: "..., Iran denied that it gave aid to
    Hezbollah." (or "it was denied that ..."); historical: "Earlier, ...".
    """
    source = actor_name(record.get("source")) or "an unidentified actor"
    target = actor_name(record.get("target"))
    phrase = event_phrase(
        str(record.get("type") or ""), record.get("mode"), record.get("cameo"), target, clash=clash
    )
    where = _where(record)
    when = _when(record)
    status = str(record.get("status") or "asserted").lower()
    said_by, said_id = attribution(record.get("attributed_to"))
    subject = "it" if said_id and said_id == _id(record.get("source")) else source
    on = (
        f"On {when}, "
        if when and not when.startswith("between")
        else (f"{sentence_case(when)}, " if when else "")
    )
    as_of = f"As of {format_day(record.get('date'))}, " if record.get("date") else ""

    if status == "reported":
        text = f"{on}{source} reportedly {phrase.past}{where}."
    elif status == "claimed":
        if said_by:
            text = f"{on}{said_by} claimed that {subject} {phrase.past}{where}."
        else:
            text = f"{on}it was claimed, without confirmation, that {source} {phrase.past}{where}."
    elif status == "planned":
        text = f"{as_of}{source} planned to {phrase.base}{where}."
    elif status == "hypothetical":
        text = f"{as_of}it was only discussed as possible that {source} would {phrase.base}{where}."
    elif status == "negated":
        if said_by:
            text = f"{on}{said_by} denied that {subject} {phrase.past}{where}."
        else:
            text = f"{on}it was denied that {source} {phrase.past}{where}."
    elif status == "historical":
        text = f"Earlier, {source} {phrase.past}{where}" + (
            f" (recalled in a report of {when})." if when else "."
        )
    else:
        text = f"{on}{source} {phrase.past}{where}."
    return sentence_case(text)


def _intensity(record: Mapping[str, Any]) -> float:
    value = record.get("intensity")
    if value is None:
        try:
            value = Ontology.load().intensity(str(record.get("type")), record.get("mode"))
        except KeyError:
            try:
                value = Ontology.load().intensity(str(record.get("type")))
            except KeyError:
                value = 0.0
    return abs(float(value))


def _importance(record: Mapping[str, Any]) -> float:
    """``abs(intensity) x sources``: how much an event matters for the key developments."""
    return _intensity(record) * max(int(record.get("sources") or 1), 1)


def _rank(record: Mapping[str, Any]) -> tuple[float, dt.date, str]:
    return (-_importance(record), record.get("date") or dt.date.max, str(record["id"]))


def _chronological(record: Mapping[str, Any]) -> tuple[dt.date, float, str]:
    return (record.get("date") or dt.date.max, -_importance(record), str(record["id"]))


def _dedupe(records: Iterable[Record], prefer: Iterable[str] = ()) -> list[Record]:
    """One record per statement: a symmetric event coded both ways round (A met B, B met A,
    from the same span) is kept once, preferably with a ``prefer`` actor as its source."""
    preferred = set(prefer)
    kept: dict[tuple[Any, ...], Record] = {}
    for record in records:
        span = record["evidence"]
        pair = frozenset(x for x in (_id(record["source"]), _id(record["target"])) if x)
        key = (
            span["article_id"],
            span["start"],
            span["end"],
            record["type"],
            record["mode"],
            record["status"],
            pair,
        )
        current = kept.get(key)
        if current is None or (
            _id(current["source"]) not in preferred and _id(record["source"]) in preferred
        ):
            kept[key] = record
    return list(kept.values())


def _restated(records: Sequence[Record]) -> set[str]:
    """Ids of asserted or reported events without a target whose span also states an event
    with a target, or a claim, plan, possibility or denial: "Iran denied sending weapons to
    Hezbollah" is told by the denial, not as the development "Iran voiced rejection"."""

    def span(record: Mapping[str, Any]) -> tuple[Any, ...]:
        evidence = record["evidence"]
        return (evidence["article_id"], evidence["start"], evidence["end"])

    told = {span(r) for r in records if r.get("target") or r.get("status") in UNCERTAIN_STATUSES}
    return {
        str(r["id"])
        for r in records
        if not r.get("target") and r.get("status") in DEVELOPMENT_STATUSES and span(r) in told
    }


def _clashes(records: Iterable[Mapping[str, Any]]) -> set[str]:
    """Ids of assaults answered in kind the same day (A attacked B and B attacked A)."""
    assaults = {
        (r.get("date"), _id(r["source"]), _id(r["target"])): str(r["id"])
        for r in records
        if str(r.get("type")).upper() == "ASSAULT" and not r.get("mode") and r.get("date")
    }
    return {
        event_id
        for (day, source, target), event_id in assaults.items()
        if source and target and (day, target, source) in assaults
    }


def _event_draft(
    record: Mapping[str, Any],
    sources: _Sources,
    *,
    group: str | None = None,
    clash: bool = False,
    article_id: str | None = None,
) -> _Draft:
    return _Draft(
        event_sentence(record, clash=clash),
        tuple(sources.event_spans(record, article_id)),
        (str(record["id"]),),
        group,
    )


def _developments(records: Sequence[Record], sources: _Sources, max_items: int) -> list[_Draft]:
    """The most important asserted/reported events, grouped by acting actor, in date order."""
    chosen = sorted(records, key=_rank)[:max_items]
    clashes = _clashes(records)
    groups: dict[str, list[Record]] = {}
    for record in chosen:  # groups come in order of their most important event
        name = str((record.get("source") or {}).get("name") or UNIDENTIFIED)
        groups.setdefault(name, []).append(record)
    drafts: list[_Draft] = []
    for name, members in groups.items():
        for record in sorted(members, key=_chronological):
            drafts.append(
                _event_draft(record, sources, group=name, clash=str(record["id"]) in clashes)
            )
    return drafts


def _uncertain(records: Sequence[Record], sources: _Sources, max_items: int) -> list[_Draft]:
    chosen = sorted(records, key=_rank)[:max_items]
    return [_event_draft(r, sources) for r in sorted(chosen, key=_chronological)]


# --- relations ----------------------------------------------------------------------------------


def _seen(first: dt.date | None, last: dt.date | None) -> str:
    if first and last and first != last:
        return f", as stated between {format_day(first)} and {format_day(last)}"
    day = first or last
    return f", as stated on {format_day(day)}" if day else ""


def relation_sentence(record: Mapping[str, Any], *, mutual: bool = False) -> str:
    """One sentence for a relation record: "Iran backs Hezbollah, as stated on 4 Mar 2024.";
    ``mutual`` for a relation recorded both ways: "Israel and Hezbollah oppose each other"."""
    source = actor_name(record.get("source")) or "an unidentified actor"
    target = actor_name(record.get("target"))
    relation = str(record.get("relation") or "")
    phrase = relation_phrase(relation, target, mutual=mutual, plural=is_plural(source))
    who = f"{source} and {target or 'another actor'}" if mutual else source
    seen = _seen(record.get("first_seen"), record.get("last_seen"))
    status = str(record.get("status") or "asserted").lower()
    if status == "reported":
        text = f"{who} reportedly {phrase.present}{seen}."
    elif status == "historical":
        text = f"{who} {phrase.perfect} in the past{seen}."
    elif status == "claimed":
        text = f"it is claimed, without confirmation, that {who} {phrase.present}{seen}."
    elif status == "planned":
        verb = "plan" if mutual or is_plural(source) else "plans"
        text = f"{who} {verb} to {phrase.base}{seen}."
    elif status == "hypothetical":
        text = f"it is only discussed as possible that {who} would {phrase.base}{seen}."
    elif status == "negated":
        text = f"it is denied that {who} {phrase.present}{seen}."
    else:
        text = f"{who} {phrase.present}{seen}."
    return sentence_case(text)


def _relation_drafts(records: Sequence[Record], max_items: int) -> list[_Draft]:
    """One sentence per relation, a two-way ally/opposes relation once; most evidence first."""
    by_key = {(_id(r["source"]), _id(r["target"]), r["relation"], r["status"]): r for r in records}
    drafts: list[tuple[int, str, _Draft]] = []
    done: set[tuple[Any, ...]] = set()
    for key, record in by_key.items():
        if key in done:
            continue
        source, target, relation, status = key
        reverse = (target, source, relation, status)
        partner = by_key.get(reverse) if relation in ("ally_of", "opposes") else None
        done.add(key)
        evidence = [_evidence(e) for e in record["evidence"]]
        if partner is not None and reverse != key:
            done.add(reverse)
            evidence += [_evidence(e) for e in partner["evidence"]]
            firsts = [d for d in (record["first_seen"], partner["first_seen"]) if d]
            lasts = [d for d in (record["last_seen"], partner["last_seen"]) if d]
            merged = {
                **record,
                "first_seen": min(firsts) if firsts else None,
                "last_seen": max(lasts) if lasts else None,
            }
            text = relation_sentence(merged, mutual=True)
        else:
            text = relation_sentence(record)
        unique = tuple(dict.fromkeys(evidence))
        drafts.append((len(unique), text, _Draft(text, unique)))
    drafts.sort(key=lambda item: (-item[0], item[1]))
    return [draft for _, _, draft in drafts[:max_items]]


def _relation_in_window(
    record: Mapping[str, Any], since: dt.date | None, until: dt.date | None
) -> bool:
    first = record.get("first_seen") or record.get("last_seen")
    last = record.get("last_seen") or record.get("first_seen")
    if until is not None and first is not None and first > until:
        return False
    return not (since is not None and last is not None and last < since)


def _clip_to_window(
    record: Record, sources: _Sources, since: dt.date | None, until: dt.date | None
) -> Record | None:
    """A relation as the window's own articles state it: evidence from articles published
    outside the window is left out (and so are its dates); None when nothing is left."""
    if since is None and until is None:
        return record
    kept = []
    days = []
    for evidence in record["evidence"]:
        published = sources.article(str(evidence["article_id"])).published
        if published is None or (
            (since is None or published >= since) and (until is None or published <= until)
        ):
            kept.append(evidence)
            days += [published] if published else []
    if not kept:
        return None
    if len(kept) == len(record["evidence"]):
        return record
    return {
        **record,
        "evidence": kept,
        "first_seen": min(days) if days else record["first_seen"],
        "last_seen": max(days) if days else record["last_seen"],
    }


# --- headline -----------------------------------------------------------------------------------


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _balance_text(
    coop: Sequence[tuple[Record, EventScore]], conflict: Sequence[tuple[Record, EventScore]]
) -> tuple[str, str, list[tuple[Record, EventScore]]]:
    """(``Conflict outweighed cooperation``, ``(2 hostile events against 1 cooperative)``, the
    events of the side that weighs more, heaviest first)."""
    coop_weight = sum(s.weight for _, s in coop)
    conflict_weight = sum(s.weight for _, s in conflict)
    n_coop, n_conflict = len(coop), len(conflict)
    if n_coop == 0:
        counts = f"({_plural(n_conflict, 'hostile event')}, no cooperative ones)"
    elif n_conflict == 0:
        counts = f"({_plural(n_coop, 'cooperative event')}, no hostile ones)"
    else:
        counts = f"({_plural(n_conflict, 'hostile event')} against {n_coop} cooperative"
        if conflict_weight > coop_weight + _EPSILON and n_conflict < n_coop:
            counts += ", the hostile ones fewer but more intense"
        elif coop_weight > conflict_weight + _EPSILON and n_coop < n_conflict:
            counts += ", the cooperative ones fewer but more intense"
        counts += ")"
    if conflict_weight > coop_weight + _EPSILON:
        clause, side = "Conflict outweighed cooperation", list(conflict)
    elif coop_weight > conflict_weight + _EPSILON:
        clause, side = "Cooperation outweighed conflict", list(coop)
    else:
        clause, side = "Cooperation and conflict weighed the same", [*conflict, *coop]
    side.sort(key=lambda item: (-item[1].weight, str(item[0]["id"])))
    return clause, counts, side


def _actor_reasons(shift: Shift) -> str:
    before, after = shift.before, shift.after
    if shift.change < 0:
        options = [
            (after.conflict - before.conflict, "came under more pressure"),
            (before.cooperation - after.cooperation, "received less support"),
            (after.retreats - before.retreats, "pulled back"),
        ]
    else:
        options = [
            (after.cooperation - before.cooperation, "received more support"),
            (before.conflict - after.conflict, "came under less pressure"),
            (
                before.retreats - after.retreats,
                "stopped pulling back" if after.retreats <= _EPSILON else "pulled back less",
            ),
        ]
    reasons = [text for value, text in sorted(options, key=lambda o: -o[0]) if value > _EPSILON]
    return f" as it {' and '.join(reasons[:2])}" if reasons else ""


def _find_shift(
    events: Sequence[StoredEvent],
    kind: ShiftKind,
    actors: tuple[str, ...] | None,
    lookup: Callable[[str], Mapping[str, Any] | None] | None = None,
) -> Shift | None:
    """The biggest shift of that kind (for ``actors`` if given) with events on both sides of
    the split (at least `MIN_SHIFT_EVENTS` each): a change from nothing to something, or from
    one event to another, is not a shift worth a headline."""
    for shift in shifts(events, actor=lookup, kinds=(kind,)):
        if actors is not None and shift.actors != actors:
            continue
        if min(len(shift.before.events), len(shift.after.events)) >= MIN_SHIFT_EVENTS:
            return shift
    return None


def _headline(
    subject: Subject,
    developments: Sequence[Record],
    uncertain: Sequence[Record],
    stored: Mapping[str, StoredEvent],
    sources: _Sources,
    lookup: Callable[[str], Mapping[str, Any] | None],
    windowed: bool,
) -> _Draft:
    """One factual sentence from the balance of cooperation and conflict and the biggest shift,
    citing the events behind it."""
    scored: list[tuple[Record, EventScore]] = []
    for record in developments:
        source, target = _id(record["source"]), _id(record["target"])
        event = stored.get(str(record["id"]))
        if event is None or not source or not target or source == target:
            continue
        if subject.internal(source, target):
            continue
        score = event_score(event)
        if score is not None:
            scored.append((record, score))

    period = " in this period" if windowed else ""
    if not scored:
        if developments:
            top = sorted(developments, key=_rank)[0]
            draft = _event_draft(top, sources)
            return replace(draft, text=f"The most significant development: {draft.text}")
        label = " and ".join(_display(n) for n in subject.names)
        if uncertain:
            what = f"involve {label}" if subject.sides else "are stored"
            return _cited_draft(
                f"No confirmed events {what}{period}: only claims, plans, possibilities or "
                "denials are on record.",
                sorted(uncertain, key=_rank)[:3],
                sources,
            )
        if subject.kind == "dyad":
            return _Draft(f"No coded events between {label} are stored{period}.")
        if subject.sides:
            return _Draft(f"No coded events involve {label}{period}.")
        return _Draft(f"No coded events are stored{period}.")

    coop = [(r, s) for r, s in scored if s.sign > 0]
    conflict = [(r, s) for r, s in scored if s.sign < 0]
    clause, counts, side = _balance_text(coop, conflict)
    behind = [r for r, _ in side[:3]]
    events = [stored[str(r["id"])] for r, _ in scored]
    by_id = {str(r["id"]): r for r, _ in scored}
    weight = {str(r["id"]): s.weight for r, s in scored}

    shift: Shift | None = None
    if subject.kind == "actor":
        text = f"{clause} for {_display(subject.names[0])} {counts}"
        focus = set(subject.sides[0])
        remapped = [_remap(e, {i: "@subject" for i in focus}) for e in events]
        shift = _find_shift(remapped, "actor", ("@subject",))
        if shift is not None:
            moved = "weakened" if shift.change < 0 else "strengthened"
            text += (
                f", and its position {moved} from {format_day(shift.split)} on"
                f"{_actor_reasons(shift)}"
            )
    elif subject.kind == "dyad":
        a, b = (_display(n) for n in subject.names)
        text = f"{clause} between {a} and {b} {counts}"
        mapping = {i: "@a" for i in subject.sides[0]} | {i: "@b" for i in subject.sides[1]}
        remapped = [_remap(e, mapping) for e in events]
        shift = _find_shift(remapped, "dyad", ("@a", "@b"))
        if shift is not None:
            moved = "soured" if shift.change < 0 else "improved"
            text += f", and relations {moved} from {format_day(shift.split)} on"
    else:
        text = f"{clause} across the stored reports {counts}"
        shift = _find_shift(events, "actor", None, lookup)
        if shift is not None:
            moved = "lost" if shift.change < 0 else "gained"
            text += f"; {shift.label} {moved} the most ground from {format_day(shift.split)} on"
    if shift is not None:
        drivers = sorted(
            (i for i in shift.after.events if i in by_id), key=lambda i: (-weight[i], i)
        )
        behind += [by_id[i] for i in drivers[:2]]

    return _cited_draft(sentence_case(text) + ".", behind, sources)


def _cited_draft(text: str, records: Sequence[Record], sources: _Sources) -> _Draft:
    """A sentence citing the spans of these events, at most `HEADLINE_CITATIONS` of them;
    its ``events`` are those with a span cited."""
    cited: list[Evidence] = []
    used: list[str] = []
    for record in records:
        event_id = str(record["id"])
        if event_id in used:
            continue
        fresh = [s for s in sources.event_spans(record) if s not in cited]
        room = HEADLINE_CITATIONS - len(cited)
        if room <= 0:
            break
        if fresh:
            cited += fresh[:room]
            used.append(event_id)
    return _Draft(text, tuple(cited), tuple(used))


def _display(name: str) -> str:
    """An actor's name mid-sentence: ``the United States``."""
    return actor_name({"name": name}) or name


def _remap(event: StoredEvent, mapping: Mapping[str, str]) -> StoredEvent:
    source = mapping.get(event.source or "", event.source)
    target = mapping.get(event.target or "", event.target)
    return replace(event, source=source, target=target)


# --- briefings ----------------------------------------------------------------------------------


def _day(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value.strip())


def build_brief(
    session: Session,
    subject: str | None = None,
    *,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    max_items: int = 12,
) -> Briefing:
    """A cited briefing on an actor (name, alias or id), on ``"A vs B"``, or (None) on all.

    ``since``/``until`` (dates or ``YYYY-MM-DD``) bound the events, as `Session.event_records`
    does; ``max_items`` caps each section. Raises `NotFoundError` for an unknown actor.
    """
    from realpolitik.views import ActorObjects, event_record, relation_record

    if max_items < 1:
        raise ValueError(f"max_items must be 1 or more, not {max_items}")
    start, end = _day(since), _day(until)
    focus = resolve_subject(session, subject)
    ids = focus.ids or None
    stored = [
        e
        for e in session.store.events(EventQuery(actor_ids=ids, since=start, until=end))
        if focus.involves(e.source, e.target)
    ]
    relations = [
        r
        for r in session.store.relations(RelationQuery(actor_ids=ids))
        if focus.involves(r.source, r.target)
    ]
    objects = ActorObjects(session.store, session.dictionary)
    objects.prefetch(
        {a for e in stored for a in (e.source, e.target, e.attributed_to) if a}
        | {a for r in relations for a in (r.source, r.target) if a}
    )
    prefer = focus.sides[0] if focus.sides else ()
    records = _dedupe((event_record(e, objects) for e in stored), prefer)
    restated = _restated(records)
    records = [r for r in records if str(r["id"]) not in restated]
    sources = _Sources(session)
    relation_records = [
        clipped
        for record in (relation_record(r, objects) for r in relations)
        if _relation_in_window(record, start, end)
        for clipped in [_clip_to_window(record, sources, start, end)]
        if clipped is not None
    ]
    developments = [r for r in records if r["status"] in DEVELOPMENT_STATUSES]
    uncertain = [r for r in records if r["status"] in UNCERTAIN_STATUSES]
    standing = [r for r in relation_records if r["status"] in CERTAIN_RELATION_STATUSES]
    doubtful = [r for r in relation_records if r["status"] in UNCERTAIN_STATUSES]

    sections: list[tuple[str, Sequence[_Draft], str]] = [
        (SECTION_DEVELOPMENTS, _developments(developments, sources, max_items), "list"),
        (SECTION_RELATIONS, _relation_drafts(standing, max_items), "list"),
        (
            SECTION_UNCERTAIN,
            _uncertain(uncertain, sources, max_items) + _relation_drafts(doubtful, max_items),
            "list",
        ),
    ]
    headline = _headline(
        focus,
        developments,
        uncertain,
        {e.id: e for e in stored},
        sources,
        objects.get,
        windowed=start is not None or end is not None,
    )
    covered = [r for r in (*developments, *uncertain) if r.get("date")]
    firsts = [r["date"] for r in covered]
    lasts = [r.get("date_end") or r["date"] for r in covered]
    return _assemble(
        focus.label,
        start or (min(firsts) if firsts else None),
        end or (max(lasts) if lasts else None),
        headline,
        sections,
        sources,
    )


# --- single articles ----------------------------------------------------------------------------

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ABBREVIATIONS = _words(
    """mr mrs ms dr gen lt col maj capt sgt st sen rep gov prof jr sr no vs etc jan feb mar
    apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e"""
)
STATUS_WEIGHTS: Mapping[str, float] = {
    "asserted": 1.0,
    "reported": 0.8,
    "claimed": 0.5,
    "historical": 0.4,
    "planned": 0.3,
    "hypothetical": 0.2,
    "negated": 0.2,
}


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text[start:end]``: at ., ! or ? followed by a space
    and not by a lower-case word, after neither an abbreviation nor an initial; and at line
    breaks. Spans are trimmed of spaces."""
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    position = start
    for match in _BOUNDARY.finditer(text, start, stop):
        if match.group() != "\n":
            before = text[position : match.start()].split()
            word = before[-1].lower().strip("\"'“‘(") if before else ""
            following = text[match.end() : stop].lstrip()
            if (
                word in _ABBREVIATIONS
                or (len(word) == 1 and word.isalpha())
                or (following[:1].islower())
            ):
                continue
        span = _trim(text, position, match.end())
        if span:
            spans.append(span)
        position = match.end()
    span = _trim(text, position, stop)
    if span:
        spans.append(span)
    return spans


def _article_sentences(text: str, fixed: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Evidence spans as they are (merged where they overlap), the text between them split."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(fixed):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    spans: list[tuple[int, int]] = []
    position = 0
    for start, end in merged:
        spans += split_sentences(text, position, start)
        spans.append((start, end))
        position = end
    spans += split_sentences(text, position, len(text))
    return spans


def summarize_article(session: Session, article_id: str, sentences: int = 4) -> Briefing:
    """A 3-5 sentence lede of one article (id or unique prefix): its opening sentence and its
    highest-scoring other sentences, in their original order, each citing itself.

    A sentence scores by the events it states: each counts by status (asserted most) times
    ``1 + abs(intensity) / 10``, plus 0.5 per distinct actor; earlier sentences win ties. The
    headline is the article's most important asserted or reported event (one between two
    actors if there is one), written from its template (or, without one, its best sentence).
    Raises `NotFoundError` for an unknown id.
    """
    from realpolitik.views import ActorObjects, event_record

    if not 3 <= sentences <= 5:
        raise ValueError(f"a lede has 3 to 5 sentences, not {sentences}")
    article = session.article(article_id)
    sources = _Sources(session)
    sources.remember(article)
    stored = session.store.events(EventQuery(article_id=article.id))
    objects = ActorObjects(session.store, session.dictionary)
    objects.prefetch({a for e in stored for a in (e.source, e.target, e.attributed_to) if a})
    records = _dedupe(event_record(e, objects) for e in stored)
    restated = _restated(records)
    spans_of = {str(r["id"]): sources.event_spans(r, article.id) for r in records}

    text = article.text
    candidates = _article_sentences(
        text, ((s.start, s.end) for spans in spans_of.values() for s in spans)
    )
    scores: list[float] = []
    for start, end in candidates:
        stated = [
            r
            for r in records
            if any(s.start < end and s.end > start for s in spans_of[str(r["id"])])
        ]
        actors = {a for r in stated for a in (_id(r["source"]), _id(r["target"])) if a}
        scores.append(
            sum(
                STATUS_WEIGHTS.get(str(r["status"]), 0.2) * (1 + _intensity(r) / 10) for r in stated
            )
            + 0.5 * len(actors)
        )
    # News puts its gist first (the inverted pyramid): the opening sentence always leads, the
    # others are the ones that state the most.
    ranked = sorted(range(1, len(candidates)), key=lambda i: (-scores[i], i))
    best = ([0] if candidates else []) + ranked[: sentences - 1]
    lede = [
        _Draft(
            " ".join(text[start:end].split()),
            (Evidence(article.id, text[start:end], start, end),),
        )
        for start, end in (candidates[i] for i in sorted(best))
    ]

    developments = [
        r
        for r in records
        if r["status"] in DEVELOPMENT_STATUSES
        and spans_of[str(r["id"])]
        and str(r["id"]) not in restated
    ]
    if developments:
        top = min(  # an event between two actors tells more than one actor's deed
            developments,
            key=lambda r: (
                not (r.get("source") and r.get("target")),
                -_importance(r),
                spans_of[str(r["id"])][0].start,
                str(r["id"]),
            ),
        )
        headline = _event_draft(top, sources, article_id=article.id)
    elif best:
        headline = lede[sorted(best).index(best[0])]
    else:
        headline = _Draft("The article states nothing that could be summarised.")
    label = article.title or f"article {article.id[:12]}"
    return _assemble(
        label,
        article.published,
        article.published,
        headline,
        [(SECTION_SUMMARY, lede, "paragraph")],
        sources,
    )
