"""Named entities where they are needed: the statistical recogniser only for unknown names.

NER is the costliest component of the small English model (two fifths of its time), yet in a
sentence whose names are all dictionary actors or known places it has nothing left to find but
formulaic entities: dates, times, amounts and numbers. So each parsed sentence is checked first.
If every proper name in it is a dictionary actor (the actor ruler's spans) or a gazetteer place in
a place's position (`in Aleppo`, `Idlib province`), its dates, amounts and places come from rules
(`data/patterns/entities.v1.yaml` plus the gazetteer); otherwise the sentence goes through the
model's recogniser exactly as before, with the dictionary actors preset. `benchmarks/selection.py`
and `benchmarks/accuracy.py` measure what this changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.attrs import (
    ENT_IOB,
    ENT_TYPE,
    IS_ALPHA,
    IS_SPACE,
    LIKE_NUM,
    LOWER,
    NORM,
    SENT_START,
    SHAPE,
    TAG,
)
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch

from realpolitik.errors import ConfigError
from realpolitik.yamlio import load_yaml

NAME_TAGS = frozenset({"NNP", "NNPS"})
PLACE_LABEL = "GPE"
# Tokens of context read on each side of a range: the recogniser's convolutions see four tokens
# either way; two recover nearly all of what the whole text would give (on the sample corpus and
# 150 XSum articles, 10 more entity differences from the whole-text run in 4,542), for less work.
CONTEXT = 2
# Words before a name that put it in a place's position: `fighting in Aleppo`, `near Hama`.
LOCATIVE_WORDS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "around",
        "across",
        "into",
        "towards",
        "toward",
        "inside",
        "throughout",
        "within",
        "outskirts",
        "city",
        "town",
        "village",
        "province",
        "region",
    }
)
# Prepositions whose object, when the gazetteer knows it, is a place: `south of Hama`,
# `advanced from Homs`, `the road to Idlib` (not `with`, `by`, `for`: people follow those).
PLACE_PREPOSITIONS = LOCATIVE_WORDS | {
    "of",
    "from",
    "to",
    "on",
    "onto",
    "through",
    "beyond",
    "past",
    "via",
    "between",
    "along",
    "behind",
    "over",
    "under",
}
# Nouns that make the name before them a place: `Idlib province`, `the Hmeimim air base`.
PLACE_NOUNS = frozenset(
    {
        "province",
        "provinces",
        "city",
        "town",
        "village",
        "governorate",
        "region",
        "district",
        "countryside",
        "area",
        "neighbourhood",
        "neighborhood",
        "suburbs",
        "outskirts",
        "border",
        "airport",
        "crossing",
        "base",
        "river",
        "heights",
        "valley",
        "mountains",
        "port",
        "camp",
        "highway",
        "road",
        "dam",
    }
)


def default_rules_file() -> Path:
    return Path(str(resources.files("realpolitik") / "data" / "patterns" / "entities.v1.yaml"))


@dataclass(frozen=True)
class EntityRules:
    """Token patterns per entity label, from a validated rules file."""

    version: str
    patterns: dict[str, list[list[dict[str, Any]]]] = field(default_factory=dict)
    anchors: frozenset[str] = frozenset()  # lower-case words a match must lie near
    known_words: frozenset[str] = frozenset()  # capitalised words that are no one's name

    def matcher(self, nlp: Language) -> Matcher:
        matcher = Matcher(nlp.vocab, validate=True)
        for label, patterns in self.patterns.items():
            matcher.add(label, patterns)
        return matcher


def load_entity_rules(path: Path | None = None) -> EntityRules:
    """Read and check an entity rules file (the package's own by default)."""
    path = path or default_rules_file()
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read entity rules: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("labels"), dict):
        raise ConfigError(f"{path}: entity rules need a 'labels' mapping")
    sets = data.get("sets") or {}
    patterns = {
        str(label): [[_expand(spec, sets, path) for spec in pattern] for pattern in entries]
        for label, entries in data["labels"].items()
    }
    anchors: set[str] = set()
    for entry in data.get("anchors") or ():
        expanded = _expand(str(entry), sets, path)
        anchors.update(expanded if isinstance(expanded, list) else [expanded])
    rules = EntityRules(
        str(data.get("version", path.stem)),
        patterns,
        frozenset(w.lower() for w in anchors),
        frozenset(str(w).lower() for w in data.get("known_words") or ()),
    )
    try:
        rules.matcher(Language())
    except ValueError as exc:
        raise ConfigError(f"{path}: invalid entity pattern: {exc}") from exc
    return rules


def _expand(spec: Any, sets: dict[str, list[str]], path: Path) -> Any:
    """`$name` in a pattern stands for the word list `sets[name]`."""
    if isinstance(spec, dict):
        return {key: _expand(value, sets, path) for key, value in spec.items()}
    if isinstance(spec, str) and spec.startswith("$"):
        if spec[1:] not in sets:
            raise ConfigError(f"{path}: unknown word set {spec}")
        return [str(word) for word in sets[spec[1:]]]
    return spec


@dataclass
class _Plan:
    """For one document: the token ranges the recogniser reads, and the ruled entities of the
    other sentences."""

    recognise: list[tuple[int, int]] = field(default_factory=list)
    ruled: list[Span] = field(default_factory=list)
    tokens_ruled: int = 0


class SelectiveEntities:
    """Sets the entities of parsed documents (after every other component has run), calling the
    model's recogniser only on the sentences that hold a name nothing else knows."""

    def __init__(
        self,
        nlp: Language,
        is_place: Callable[[str], bool],
        rules: EntityRules | None = None,
        known_words: Iterable[str] = (),
    ) -> None:
        self.ner: Any = nlp.get_pipe("ner")
        self.vocab = nlp.vocab
        self.is_place = is_place
        self.rules = rules or load_entity_rules()
        self._matcher = self.rules.matcher(nlp)
        strings = nlp.vocab.strings
        self._names = frozenset(strings.add(tag) for tag in NAME_TAGS)
        self._pronoun = strings.add("PRP")
        self._anchors = frozenset(strings.add(word) for word in self.rules.anchors)
        self._known = frozenset(
            strings.add(word.lower()) for word in (*known_words, *self.rules.known_words)
        )
        self.tokens_recognised = 0
        self.tokens_ruled = 0

    def share_recognised(self) -> float:
        """Of the parsed tokens seen so far, the share that went through the recogniser."""
        return self.tokens_recognised / max(1, self.tokens_recognised + self.tokens_ruled)

    @staticmethod
    def applies_to(nlp: Language) -> bool:
        return "ner" in nlp.pipe_names and "parser" in nlp.pipe_names

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            plans = [self._plan(doc) for doc in batch]
            pieces = [
                piece
                for doc, plan in zip(batch, plans, strict=True)
                for piece in self._pieces(doc, plan.recognise)
            ]
            recognised = iter(self.ner.pipe(pieces, batch_size=max(len(pieces), 1)))
            for doc, plan in zip(batch, plans, strict=True):
                found = list(plan.ruled)
                for start, end in plan.recognise:
                    piece = next(recognised)
                    offset = max(start - CONTEXT, 0)
                    found += [
                        Span(doc, offset + e.start, offset + e.end, label=e.label)
                        for e in piece.ents
                        if start <= offset + e.start
                        and offset + e.end <= end
                        and doc[offset + e.start].ent_type != e.label  # not a preset actor
                    ]
                    self.tokens_recognised += end - start
                self.tokens_ruled += plan.tokens_ruled
                doc.set_ents(found, default="unmodified")
                yield doc

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def _plan(self, doc: Doc) -> _Plan:
        table = _TokenTable(doc, self._names, self._pronoun, self._anchors, self._known)
        ruled = filter_spans(
            [
                span
                for start, end in table.windows()
                for span in self._matcher(doc[start:end], as_spans=True)
                if not any(table.taken[i] for i in range(span.start, span.end))
            ]
            + list(self._places(doc, table))
        )
        known = list(table.taken)
        for span in ruled:
            known[span.start : span.end] = [True] * len(span)
        plan = _Plan()
        for start, end in table.sentences():
            if table.has_unknown_name(start, end, known):
                if plan.recognise and plan.recognise[-1][1] == start:
                    plan.recognise[-1] = (plan.recognise[-1][0], end)
                else:
                    plan.recognise.append((start, end))
            elif not table.blank(start, end):
                plan.tokens_ruled += end - start
        recognised = [False] * len(doc)
        for start, end in plan.recognise:
            recognised[start:end] = [True] * (end - start)
        plan.ruled = [span for span in ruled if not recognised[span.start]]
        return plan

    def _places(self, doc: Doc, table: _TokenTable) -> Iterator[Span]:
        """Runs of proper nouns that the gazetteer knows, written where a place goes."""
        for start, end in table.name_runs():
            if self._placed(doc, start, end) and self.is_place(doc[start:end].text):
                yield Span(doc, start, end, label=PLACE_LABEL)

    @staticmethod
    def _placed(doc: Doc, start: int, end: int) -> bool:
        """Whether the name stands where a place goes, by its neighbours or its parse."""
        before = start - 1
        if before >= 0 and doc[before].lower_ == "the":
            before -= 1
        if before >= 0 and doc[before].lower_ in LOCATIVE_WORDS:
            return True
        if end < len(doc) and doc[end].lower_ in PLACE_NOUNS:
            return True
        root = doc[end - 1]
        for _ in range(2):  # `Damascus, Homs and Aleppo`: a conjunct stands where its head does
            if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS:
                return True
            if root.dep_ == "compound" and root.head.lower_ in PLACE_NOUNS:
                return True
            if root.dep_ not in ("conj", "appos") or root.head.i >= start:
                return False
            root = root.head
        return False

    def _pieces(self, doc: Doc, ranges: list[tuple[int, int]]) -> Iterator[Doc]:
        """Each token range, with its context, as a document of its own, with its norms and preset
        entities."""
        if not ranges:
            return
        columns: Any = doc.to_array([NORM, ENT_IOB, ENT_TYPE])
        for start, end in ranges:
            start, end = max(start - CONTEXT, 0), min(end + CONTEXT, len(doc))
            tokens = doc[start:end]
            piece = Doc(
                self.vocab,
                words=[t.text for t in tokens],
                spaces=[bool(t.whitespace_) for t in tokens],
            )
            own = columns[start:end].copy()
            if own[0, 1] == 1:  # an entity cut at the start begins here
                own[0, 1] = 3
            piece.from_array([NORM, ENT_IOB, ENT_TYPE], own)
            yield piece


class _TokenTable:
    """The token attributes the plan reads, taken from the document in one array."""

    WINDOW = (3, 6)  # tokens before and after an anchor that a rule may span

    def __init__(
        self,
        doc: Doc,
        names: frozenset[int],
        pronoun: int,
        anchors: frozenset[int],
        known: frozenset[int],
    ) -> None:
        columns = doc.to_array(
            [TAG, IS_ALPHA, IS_SPACE, SENT_START, ENT_TYPE, LOWER, LIKE_NUM, SHAPE]
        )
        rows = columns.tolist()
        strings = doc.vocab.strings
        self.length = len(rows)
        # titles and community words (`President`, `Kurdish`) are not names the recogniser
        # must find; the shape of `Aleppo`, `IoT` and `UN` starts with X
        self.name = [row[0] in names and row[5] not in known for row in rows]
        self.capitalised = [
            bool(row[1]) and row[0] != pronoun and row[5] not in known and strings[row[7]][0] == "X"
            for row in rows
        ]
        self.space = [bool(row[2]) for row in rows]
        self.starts = [i for i, row in enumerate(rows) if row[3] == 1 or i == 0]
        self.taken = [row[4] != 0 for row in rows]
        self.anchor = [bool(row[6]) or row[5] in anchors for row in rows]

    def sentences(self) -> Iterator[tuple[int, int]]:
        bounds = [*self.starts, self.length]
        for start, end in zip(bounds, bounds[1:], strict=False):
            if end > start:
                yield start, end

    def blank(self, start: int, end: int) -> bool:
        return all(self.space[start:end])

    def has_unknown_name(self, start: int, end: int, known: list[bool]) -> bool:
        """A proper noun, or a capitalised word past the sentence's first, that neither the
        dictionary nor the rules account for."""
        return any(
            not known[i] and (self.name[i] or (i > start and self.capitalised[i]))
            for i in range(start, end)
        )

    def name_runs(self) -> Iterator[tuple[int, int]]:
        """Maximal runs of proper nouns and capitalised words (`Homs` is often tagged as a
        plural) outside the dictionary's spans."""
        columns = zip(self.name, self.capitalised, self.taken, strict=True)
        named = [(name or capital) and not taken for name, capital, taken in columns]
        i = 0
        while i < self.length:
            if not named[i]:
                i += 1
                continue
            end = i
            while end < self.length and named[end]:
                end += 1
            yield i, end
            i = end

    def windows(self) -> Iterator[tuple[int, int]]:
        """Merged token windows around the words and numbers a rule can start from or end on."""
        before, after = self.WINDOW
        current: tuple[int, int] | None = None
        for i, anchor in enumerate(self.anchor):
            if not anchor:
                continue
            start, end = max(i - before, 0), min(i + after, self.length)
            if current is not None and start <= current[1]:
                current = (current[0], end)
                continue
            if current is not None:
                yield current
            current = (start, end)
        if current is not None:
            yield current
