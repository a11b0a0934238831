"""The accuracy harness: score any event coder against hand-labelled gold sentences.

This module loads gold-standard files (the PLOVER gold records and the PETRARCH CAMEO records
kept in ``../shared/eval``), hands each sentence to a *coder* — any callable
``(text, date) -> [PredictedEvent, ...]`` — and counts, field by field, how many gold items the
coder found (true positives), how many it invented (false positives) and how many it missed
(false negatives). Counts are summed over sentences (micro-averaged) into precision, recall and
F1, plus a confusion table of event types.

What it must not do: import or build the NLP pipeline (it only calls the coder it is given, so
it can score a stub, a baseline or the real coder alike), change the gold data, guess (an
unknown event type or mode from the coder is an error, not a silent miss), or decide what
happens when the shared data is absent — a missing file raises ``FileNotFoundError`` and the
benchmark that calls this module chooses to say "skipped".

How gold maps onto the 16 PLOVER types is the ontology's business
(:mod:`realpolitik.events.ontology`): PLOVER 0.5 names go through ``normalize_type`` and CAMEO
codes through ``from_cameo``; every report carries a note saying which mapping was used.
"""

from __future__ import annotations

import errno
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import combinations, product
from pathlib import Path
from typing import Any, Literal

from realpolitik.events.ontology import PLOVER_TYPES, Ontology

__all__ = [
    "FIELDS",
    "NO_TYPE",
    "Coder",
    "EvalReport",
    "FieldScore",
    "GoldEvent",
    "GoldSentence",
    "GoldSet",
    "PredictedEvent",
    "Scheme",
    "SkippedRecord",
    "load_petrarch_gold",
    "load_plover_gold",
    "score",
]

Scheme = Literal["plover", "petrarch"]

NO_TYPE = "(none)"
"""Confusion-table label for "no event type" (nothing predicted, or no gold type)."""

FIELDS: dict[str, tuple[str, ...]] = {
    "plover": (
        "event_type",
        "quad_class",
        "source",
        "source_full",
        "target",
        "target_full",
        "dyad_type",
    ),
    "petrarch": (
        "event_type",
        "quad_class",
        "source",
        "source_full",
        "target",
        "target_full",
        "dyad_type",
        "root_code",
        "root_dyad",
    ),
}
"""The fields scored under each scheme, in report order."""

_RECIPROCAL_MARK = "SRC/TAR:"
_PLACEHOLDER_SECTORS = frozenset({"***"})


# ---------------------------------------------------------------------------------------------
# Data types


@dataclass(frozen=True, slots=True)
class PredictedEvent:
    """One event a coder found in a sentence.

    ``type`` is a PLOVER type (legacy PLOVER 0.5 names are accepted and normalized), or ``""``
    for an event with only a CAMEO code. Actor codes are CAMEO style: ISO alpha-3 country plus
    an optional role ("IRNGOV", "USA", "IGOUNO"); ``None`` means no actor in that slot.
    """

    type: str
    source_code: str | None
    target_code: str | None
    cameo: str | None = None
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One hand-coded event.

    ``type`` is one of the 16 PLOVER types, or ``""`` when the CAMEO code has no PLOVER
    equivalent (roots 01 and 02, codes outside the table, malformed codes): such events count
    only in the CAMEO root fields. A ``reciprocal`` event lists all its participants in
    ``source_codes`` and none in ``target_codes``; it is scored as unordered pairs.
    """

    type: str
    source_codes: tuple[str, ...]
    target_codes: tuple[str, ...]
    cameo: str | None
    reciprocal: bool
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """A sentence with its gold events; ``no_event`` when the gold says nothing happens."""

    id: str
    text: str
    date: date | None
    events: tuple[GoldEvent, ...]
    no_event: bool


@dataclass(frozen=True, slots=True)
class SkippedRecord:
    """A gold record the loader left out, and why."""

    id: str
    reason: str


@dataclass(frozen=True, slots=True)
class GoldSet:
    """The sentences of one gold file, with the file's identity and what was left out.

    ``sha256`` is the hash of the file's bytes, so a report says exactly which data it scored.
    ``n_records`` counts the file's records (PLOVER records about the same sentence are merged
    into one :class:`GoldSentence`). ``notes`` lists what the loader had to interpret.
    """

    path: Path
    sha256: str
    scheme: Scheme
    sentences: tuple[GoldSentence, ...]
    skipped: tuple[SkippedRecord, ...]
    n_records: int
    notes: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.sentences)

    def __iter__(self) -> Iterator[GoldSentence]:
        return iter(self.sentences)

    @property
    def n_events(self) -> int:
        return sum(len(s.events) for s in self.sentences)


Coder = Callable[[str, date | None], Sequence[PredictedEvent]]
"""Anything that codes one sentence (text, publication date or None) into events."""


@dataclass(frozen=True, slots=True)
class FieldScore:
    """Micro-averaged counts for one field; P, R and F1 are 0 when undefined."""

    field: str
    tp: int
    fp: int
    fn: int

    @property
    def gold_count(self) -> int:
        return self.tp + self.fn

    @property
    def predicted_count(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        return self.tp / self.predicted_count if self.predicted_count else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold_count if self.gold_count else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "gold": self.gold_count,
            "predicted": self.predicted_count,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True)
class EvalReport:
    """The result of :func:`score`: per-field scores, a type confusion table and provenance.

    ``confusion[gold_type][predicted_type]`` counts, per sentence and gold type: the gold type
    itself when the coder predicted it; otherwise each predicted type that matches no gold type
    of the sentence, or ``"(none)"`` when there is none. Row ``"(none)"`` counts the types
    predicted for sentences without any gold type.
    """

    scheme: Scheme
    data_hash: str | None
    n_sentences: int
    fields: dict[str, FieldScore]
    confusion: dict[str, dict[str, int]]
    mapping_note: str
    data_path: str | None = None
    n_gold_events: int = 0
    n_predicted_events: int = 0
    n_skipped: int = 0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with stable keys (fields in report order, confusion sorted)."""
        return {
            "scheme": self.scheme,
            "data_path": self.data_path,
            "data_hash": self.data_hash,
            "n_sentences": self.n_sentences,
            "n_gold_events": self.n_gold_events,
            "n_predicted_events": self.n_predicted_events,
            "n_skipped": self.n_skipped,
            "mapping_note": self.mapping_note,
            "fields": {name: fs.to_dict() for name, fs in self.fields.items()},
            "confusion": {
                gold: {pred: row[pred] for pred in _label_order(row)}
                for gold, row in ((g, self.confusion[g]) for g in _label_order(self.confusion))
            },
        }

    def to_markdown(self) -> str:
        """A field table (P, R, F1, TP, FP, FN, gold) followed by the confusion table."""
        hash_text = f"`{self.data_hash[:12]}`" if self.data_hash else "n/a"
        lines = [
            f"Scheme: {self.scheme}; sentences: {self.n_sentences}; gold events: "
            f"{self.n_gold_events}; predicted events: {self.n_predicted_events}; "
            f"skipped records: {self.n_skipped}; data sha256: {hash_text}",
            "",
            f"Mapping: {self.mapping_note}",
            "",
            "| field | precision | recall | F1 | TP | FP | FN | gold |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for fs in self.fields.values():
            lines.append(
                f"| {fs.field} | {fs.precision:.3f} | {fs.recall:.3f} | {fs.f1:.3f} "
                f"| {fs.tp} | {fs.fp} | {fs.fn} | {fs.gold_count} |"
            )
        lines += ["", "Confusion (rows: gold type; columns: predicted type):", ""]
        rows = _label_order(self.confusion)
        columns = _label_order({p for row in self.confusion.values() for p in row})
        if not rows:
            lines.append("(no gold or predicted event types)")
            return "\n".join(lines) + "\n"
        lines.append("| gold \\ predicted | " + " | ".join(columns) + " |")
        lines.append("|---|" + "---:|" * len(columns))
        for gold in rows:
            row = self.confusion[gold]
            cells = [str(row[c]) if row.get(c) else "" for c in columns]
            lines.append(f"| {gold} | " + " | ".join(cells) + " |")
        return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Loaders


def load_plover_gold(path: str | Path, *, ontology: Ontology | None = None) -> GoldSet:
    """Load PLOVER gold records (``plover_gsr.jsonl``: one event per record).

    Types go through ``ontology.normalize_type`` (PLOVER 0.5 names such as DEMAND, DISAPPROVE,
    FIGHT and INVESTIGATE map to the 16 types); records whose event has no equivalent (CRIME)
    are skipped and listed in ``skipped``, as are records with an empty text. An actor's code
    is its ``code`` followed by its ``sector`` when there is one ("HUN" + "GOV" -> "HUNGOV";
    the placeholder sector "***" is ignored). Records whose markup contains "SRC/TAR:" are
    reciprocal. Records about the same text become one sentence (id "ID1+ID2"); a repeated id
    on another text gets "#2", "#3"...

    FileNotFoundError if the file is missing; ValueError("FILE:LINE: reason") if malformed.
    """
    onto = ontology or Ontology.load()
    path, digest, records = _read_jsonl(path)
    skipped: list[SkippedRecord] = []
    notes: list[str] = []
    order: list[str] = []
    grouped: dict[str, tuple[list[str], list[GoldEvent]]] = {}

    for lineno, record in records:
        where = f"{path}:{lineno}"
        rec_id = str(_require(record, "id", where))
        text = record.get("text")
        event_name = _require(record, "event", where)
        if not isinstance(text, str) or not isinstance(event_name, str):
            raise ValueError(f"{where}: text and event must be strings")
        if not text.strip():
            skipped.append(SkippedRecord(rec_id, "empty text"))
            continue
        try:
            event_type, implied_mode = onto.normalize_type(event_name)
        except KeyError:
            skipped.append(
                SkippedRecord(rec_id, f"event {event_name!r} has no PLOVER 16-type equivalent")
            )
            continue
        sources = _plover_actors(record.get("source"), f"{where}: source")
        targets = _plover_actors(record.get("target"), f"{where}: target")
        markup = record.get("markup") or ""
        reciprocal = isinstance(markup, str) and _RECIPROCAL_MARK in markup
        if reciprocal:
            sources, targets = sources + targets, ()
        mode = record.get("mode")
        event = GoldEvent(
            type=event_type,
            source_codes=sources,
            target_codes=targets,
            cameo=None,
            reciprocal=reciprocal,
            mode=implied_mode if implied_mode is not None else (mode or None),
        )
        if text not in grouped:
            grouped[text] = ([], [])
            order.append(text)
        ids, events = grouped[text]
        ids.append(rec_id)
        events.append(event)

    merged = sum(1 for text in order if len(grouped[text][0]) > 1)
    if merged:
        notes.append(f"{merged} sentences carry several records and were merged")
    seen: Counter[str] = Counter()
    sentences = []
    for text in order:
        ids, events = grouped[text]
        sentences.append(
            GoldSentence(
                id=_unique_id("+".join(ids), seen),
                text=text,
                date=None,
                events=tuple(events),
                no_event=False,
            )
        )
    if skipped:
        reasons = Counter(r.reason for r in skipped)
        notes.append(
            f"{len(skipped)} records skipped ("
            + "; ".join(f"{reason}: {n}" for reason, n in sorted(reasons.items()))
            + ")"
        )
    return GoldSet(
        path=path,
        sha256=digest,
        scheme="plover",
        sentences=tuple(sentences),
        skipped=tuple(skipped),
        n_records=len(records),
        notes=tuple(notes),
    )


def load_petrarch_gold(path: str | Path, *, ontology: Ontology | None = None) -> GoldSet:
    """Load PETRARCH CAMEO gold (``petr2_gsr_gigaword.jsonl``, ``petr_unittest.jsonl``).

    Each record is a sentence with ``events[{eventcode, sourcecode, targetcode}]``; the PLOVER
    type comes from ``ontology.from_cameo``. Events whose code has no PLOVER equivalent (roots
    01 and 02, codes outside the table) or is malformed ("174K") are kept with ``type=""`` and
    their code, so they still count in the CAMEO root fields. A sentence without events
    (``noevents: true``, or a record that expects a discard) has ``no_event=True``. Records
    with an empty text are skipped. Dates are YYYYMMDD; anything else becomes ``None`` and is
    listed in ``notes``.

    FileNotFoundError if the file is missing; ValueError("FILE:LINE: reason") if malformed.
    """
    onto = ontology or Ontology.load()
    path, digest, records = _read_jsonl(path)
    notes: list[str] = []
    skipped: list[SkippedRecord] = []
    untyped: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    sentences = []

    for lineno, record in records:
        where = f"{path}:{lineno}"
        rec_id = str(_require(record, "id", where))
        text = record.get("text")
        if not isinstance(text, str):
            raise ValueError(f"{where}: text must be a string")
        if not text.strip():
            skipped.append(SkippedRecord(rec_id, "empty text"))
            continue
        raw_events = record.get("events") or []
        if not isinstance(raw_events, list):
            raise ValueError(f"{where}: events must be a list")
        if record.get("noevents") and raw_events:
            raise ValueError(f"{where}: marked noevents but lists {len(raw_events)} events")
        events = []
        for raw in raw_events:
            if not isinstance(raw, dict):
                raise ValueError(f"{where}: each event must be an object, found {raw!r}")
            code = raw.get("eventcode")
            if not isinstance(code, str) or not code.strip():
                raise ValueError(f"{where}: event without an eventcode: {raw!r}")
            code = code.strip()
            try:
                entry = onto.from_cameo(code)
            except (KeyError, ValueError):
                untyped[code[:2]] += 1
                event_type, mode = "", None
            else:
                event_type, mode = entry.type, entry.mode
            source = _petrarch_actor(raw.get("sourcecode"), f"{where}: sourcecode")
            target = _petrarch_actor(raw.get("targetcode"), f"{where}: targetcode")
            events.append(
                GoldEvent(
                    type=event_type,
                    source_codes=(source,) if source else (),
                    target_codes=(target,) if target else (),
                    cameo=code,
                    reciprocal=False,
                    mode=mode,
                )
            )
        day = _parse_date(record.get("date"))
        if day is None and record.get("date"):
            notes.append(f"{rec_id}: date {record.get('date')!r} is not YYYYMMDD; using None")
        sentences.append(
            GoldSentence(
                id=_unique_id(rec_id, seen),
                text=text,
                date=day,
                events=tuple(events),
                no_event=not events,
            )
        )
    if untyped:
        detail = ", ".join(f"{root}: {n}" for root, n in sorted(untyped.items()))
        notes.append(
            f"{sum(untyped.values())} events have no PLOVER type (by CAMEO root {detail});"
            " they count only in root_code and root_dyad"
        )
    if skipped:
        notes.append(f"{len(skipped)} records skipped: empty text")
    return GoldSet(
        path=path,
        sha256=digest,
        scheme="petrarch",
        sentences=tuple(sentences),
        skipped=tuple(skipped),
        n_records=len(records),
        notes=tuple(notes),
    )


def _read_jsonl(path: str | Path) -> tuple[Path, str, list[tuple[int, dict[str, Any]]]]:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileNotFoundError(errno.ENOENT, "gold file not found", str(path)) from None
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 ({exc})") from None
    records = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise ValueError(f"{path}:{lineno}: expected a JSON object")
        records.append((lineno, record))
    return path, digest, records


def _require(record: dict[str, Any], key: str, where: str) -> Any:
    value = record.get(key)
    if value is None or value == "":
        raise ValueError(f"{where}: missing {key!r}")
    return value


def _plover_actors(raw: Any, where: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ValueError(f"{where}: expected a list of actors")
    codes = []
    for actor in raw:
        if not isinstance(actor, dict) or not isinstance(actor.get("code"), str):
            raise ValueError(f"{where}: actor without a code: {actor!r}")
        code = actor["code"].strip()
        sector = actor.get("sector")
        if isinstance(sector, str) and sector.strip() not in _PLACEHOLDER_SECTORS:
            code += sector.strip()
        if code:
            codes.append(code)
    return tuple(codes)


def _petrarch_actor(raw: Any, where: str) -> str | None:
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise ValueError(f"{where}: expected a string, found {raw!r}")
    return raw.strip() or None


def _parse_date(raw: Any) -> date | None:
    if not isinstance(raw, str) or len(raw) != 8 or not raw.isdigit():
        return None
    try:
        return datetime.strptime(raw, "%Y%m%d").date()
    except ValueError:
        return None


def _unique_id(base: str, seen: Counter[str]) -> str:
    seen[base] += 1
    return base if seen[base] == 1 else f"{base}#{seen[base]}"


# ---------------------------------------------------------------------------------------------
# Scoring


def score(
    gold: GoldSet | Sequence[GoldSentence],
    coder: Coder,
    *,
    scheme: Scheme | None = None,
    ontology: Ontology | None = None,
) -> EvalReport:
    """Run ``coder`` on every gold sentence and score it field by field (micro-averaged).

    ``scheme`` defaults to the gold set's; "petrarch" adds the CAMEO ``root_code`` and
    ``root_dyad`` fields. Per sentence, each field compares the set of predicted items with the
    set of gold items (see :data:`FIELDS`); a sentence without gold events turns every
    prediction into false positives. Source and target compare at country level (the first 3
    characters of the code); ``*_full`` compare the whole code. A prediction whose actor pair
    and type (or CAMEO root) match a reciprocal gold event is scored in reciprocal form: both
    actors as sources, the dyad as an unordered pair.

    The coder's exceptions propagate. ValueError if it returns an unknown type or mode,
    TypeError if it returns something other than PredictedEvent objects.
    """
    onto = ontology or Ontology.load()
    if scheme is None:
        if not isinstance(gold, GoldSet):
            raise ValueError("score: pass scheme='plover' or 'petrarch' with a bare sentence list")
        scheme = gold.scheme
    if scheme not in FIELDS:
        raise ValueError(f"score: unknown scheme {scheme!r} (expected 'plover' or 'petrarch')")
    names = FIELDS[scheme]
    sentences = gold.sentences if isinstance(gold, GoldSet) else tuple(gold)

    counts = {name: [0, 0, 0] for name in names}
    confusion: dict[str, Counter[str]] = {}
    n_gold = n_pred = 0
    for sentence in sentences:
        predictions = coder(sentence.text, sentence.date)
        resolved = [_resolve_prediction(p, sentence, onto) for p in predictions]
        n_gold += len(sentence.events)
        n_pred += len(resolved)
        gold_items = _gold_items(sentence, onto)
        pred_items = _predicted_items(resolved, sentence, onto)
        for name in names:
            g, p = gold_items[name], pred_items[name]
            tp = len(g & p)
            counts[name][0] += tp
            counts[name][1] += len(p) - tp
            counts[name][2] += len(g) - tp
        _add_confusion(confusion, gold_items["event_type"], pred_items["event_type"])

    return EvalReport(
        scheme=scheme,
        data_hash=gold.sha256 if isinstance(gold, GoldSet) else None,
        n_sentences=len(sentences),
        fields={name: FieldScore(name, *counts[name]) for name in names},
        confusion={g: dict(row) for g, row in confusion.items()},
        mapping_note=_mapping_note(scheme, onto),
        data_path=str(gold.path) if isinstance(gold, GoldSet) else None,
        n_gold_events=n_gold,
        n_predicted_events=n_pred,
        n_skipped=len(gold.skipped) if isinstance(gold, GoldSet) else 0,
    )


@dataclass(frozen=True, slots=True)
class _Resolved:
    """A prediction with its type normalized and its CAMEO root worked out."""

    type: str
    source: str | None
    target: str | None
    root: str | None


def _resolve_prediction(pred: Any, sentence: GoldSentence, onto: Ontology) -> _Resolved:
    if not isinstance(pred, PredictedEvent):
        raise TypeError(
            f"sentence {sentence.id}: the coder must return PredictedEvent objects,"
            f" not {type(pred).__name__}"
        )
    event_type, mode = "", pred.mode
    if pred.type:
        try:
            event_type, implied = onto.normalize_type(pred.type)
        except KeyError as exc:
            raise ValueError(f"sentence {sentence.id}: coder returned {exc.args[0]}") from None
        mode = mode if mode is not None else implied
    if pred.cameo:
        root = _root(pred.cameo)
    elif event_type:
        try:
            root = onto.cameo_for(event_type, mode)[:2]
        except KeyError as exc:
            raise ValueError(f"sentence {sentence.id}: coder returned {exc.args[0]}") from None
    else:
        root = None
    return _Resolved(event_type, _code(pred.source_code), _code(pred.target_code), root)


def _code(raw: str | None) -> str | None:
    if raw is None:
        return None
    code = raw.strip().upper()
    return code or None


def _country(code: str | None) -> str | None:
    return code[:3] if code else None


def _root(cameo: str | None) -> str | None:
    if not cameo:
        return None
    head = cameo.strip()[:2]
    return head if len(head) == 2 and head.isdigit() else None


def _empty_items() -> dict[str, set[Any]]:
    return {name: set() for name in FIELDS["petrarch"]}


def _pairs(countries: Iterable[str]) -> set[frozenset[str]]:
    unique = sorted(set(countries))
    if len(unique) == 1:
        return {frozenset(unique)}
    return {frozenset(pair) for pair in combinations(unique, 2)}


def _gold_items(sentence: GoldSentence, onto: Ontology) -> dict[str, set[Any]]:
    items = _empty_items()
    for event in sentence.events:
        sources: list[str | None] = [c for c in map(_code, event.source_codes) if c]
        targets: list[str | None] = [c for c in map(_code, event.target_codes) if c]
        root = _root(event.cameo)
        typed = bool(event.type)
        if typed:
            items["event_type"].add(event.type)
            items["quad_class"].add(onto.quad_class(event.type))
            items["source_full"].update(sources)
            items["source"].update(map(_country, sources))
            items["target_full"].update(targets)
            items["target"].update(map(_country, targets))
        if event.reciprocal:
            for pair in _pairs(c[:3] for c in sources if c):
                if typed:
                    items["dyad_type"].add((pair, event.type))
                if root:
                    items["root_dyad"].add((root, pair))
        else:
            for s, t in product(sources or [None], targets or [None]):
                if s is None and t is None:
                    continue
                if typed:
                    items["dyad_type"].add((_country(s), _country(t), event.type))
                if root:
                    items["root_dyad"].add((root, _country(s), _country(t)))
        if root:
            items["root_code"].add(root)
    return items


def _predicted_items(
    preds: Sequence[_Resolved], sentence: GoldSentence, onto: Ontology
) -> dict[str, set[Any]]:
    reciprocal_types: set[tuple[frozenset[str], str]] = set()
    reciprocal_roots: set[tuple[frozenset[str], str]] = set()
    for event in sentence.events:
        if event.reciprocal:
            countries = [c[:3] for c in map(_code, event.source_codes) if c]
            for gold_pair in _pairs(countries):
                if event.type:
                    reciprocal_types.add((gold_pair, event.type))
                root = _root(event.cameo)
                if root:
                    reciprocal_roots.add((gold_pair, root))

    items = _empty_items()
    for pred in preds:
        s, t = pred.source, pred.target
        sc, tc = _country(s), _country(t)
        pair: frozenset[str] | None = frozenset({sc, tc}) if sc and tc else None
        reciprocal = pair is not None and (
            (pair, pred.type) in reciprocal_types or (pair, pred.root) in reciprocal_roots
        )
        if pred.type:
            items["event_type"].add(pred.type)
            items["quad_class"].add(onto.quad_class(pred.type))
            if reciprocal:
                items["source_full"].update(c for c in (s, t) if c)
                items["source"].update(c for c in (sc, tc) if c)
                items["dyad_type"].add((pair, pred.type))
            else:
                if s:
                    items["source_full"].add(s)
                    items["source"].add(s[:3])
                if t:
                    items["target_full"].add(t)
                    items["target"].add(t[:3])
                if s or t:
                    items["dyad_type"].add((sc, tc, pred.type))
        if pred.root:
            items["root_code"].add(pred.root)
            if reciprocal:
                items["root_dyad"].add((pred.root, pair))
            elif s or t:
                items["root_dyad"].add((pred.root, sc, tc))
    return items


def _add_confusion(
    confusion: dict[str, Counter[str]], gold_types: set[str], predicted: set[str]
) -> None:
    if not gold_types:
        for p in predicted:
            confusion.setdefault(NO_TYPE, Counter())[p] += 1
        return
    unmatched = predicted - gold_types
    for g in gold_types:
        row = confusion.setdefault(g, Counter())
        if g in predicted:
            row[g] += 1
        elif unmatched:
            for p in unmatched:
                row[p] += 1
        else:
            row[NO_TYPE] += 1


def _label_order(labels: Iterable[str]) -> list[str]:
    rank = {name: i for i, name in enumerate(PLOVER_TYPES)}
    return sorted(labels, key=lambda x: (x == NO_TYPE, rank.get(x, len(rank)), x))


def _mapping_note(scheme: Scheme, onto: Ontology) -> str:
    legacy = ", ".join(
        f"{old}->{new}" + (f" (mode {mode})" if mode else "")
        for old, (new, mode) in onto.legacy_names.items()
    )
    base = f"ontology {onto.version}; 16 PLOVER types; predicted legacy names normalized"
    if scheme == "plover":
        return (
            f"{base}; PLOVER 0.5 gold names mapped to the 16-type manual: {legacy};"
            " other names (e.g. CRIME) skipped; reciprocal (SRC/TAR) records scored as"
            " unordered pairs"
        )
    dropped = ", ".join(sorted(onto.dropped_cameo))
    return (
        f"{base}; gold CAMEO codes mapped with the ontology's CAMEO->PLOVER table"
        f" (4->3->2 digit fallback); codes without a PLOVER type (dropped roots {dropped},"
        " roots outside the table, malformed codes) count only in root_code and root_dyad;"
        " predicted CAMEO root from the event's cameo, else the ontology's code for its type"
    )
