"""Exact, faster stand-ins for the model's attribute ruler and rule lemmatizer.

spaCy's attribute ruler runs a token Matcher with some 180 patterns over every token, and its
rule lemmatizer re-derives the lemma of every common noun (it caches only inflected forms): a
fifth of the model's time on news text. Both are functions of a few token attributes, so the
stand-ins compute each distinct combination once and reuse it. They produce exactly what the
originals produce (`tests/nlp/test_attributes.py` compares them token by token); a model whose
rules use anything else keeps its own components.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, cast

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# The token attributes a rule may test, as columns of Doc.to_array.
_KEY_COLUMNS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
_KEY_ATTRS = [LOWER, TAG, DEP, IS_SPACE]
_MAX_REMEMBERED = 500_000  # distinct token keys kept before the memo starts over

TokenKey = tuple[int, int, int, int]
Test = Callable[[TokenKey], bool]


class UnsupportedRule(ValueError):
    """A pattern tests something the stand-in does not evaluate; keep the model's ruler."""


class FastAttributeRuler:
    """The attribute ruler's rules, applied per distinct (lower, tag, dep, is_space) key."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        strings = ruler.vocab.strings
        self._single: list[tuple[int, Test]] = []
        self._pairs: list[tuple[int, Test, Test, int]] = []
        self._attrs: list[dict[int, Any]] = list(ruler.attrs)
        rules: list[dict[str, Any]] = list(ruler.patterns)  # type: ignore[arg-type]
        for rule_id, rule in enumerate(rules):
            index = int(rule["index"])
            for pattern in rule["patterns"]:
                tests = [_token_test(spec, strings) for spec in pattern]
                if len(tests) == 1 and index in (0, -1):
                    self._single.append((rule_id, tests[0]))
                elif len(tests) == 2 and index in (0, 1, -1, -2):
                    self._pairs.append((rule_id, tests[0], tests[1], index % 2))
                else:
                    raise UnsupportedRule(f"rule {rule_id}: {len(tests)} tokens, index {index}")
        self._rules_for: dict[TokenKey, tuple[int, ...]] = {}
        self._pair_starts: dict[TokenKey, tuple[int, ...]] = {}
        # per set of applied rules: POS, MORPH (None when unset) and the other attributes
        self._merged: dict[tuple[int, ...], tuple[Any, Any, dict[int, Any]]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys: list[TokenKey] = [tuple(row) for row in doc.to_array(_KEY_ATTRS).tolist()]  # type: ignore[misc]
        if len(self._rules_for) > _MAX_REMEMBERED:
            self._rules_for.clear()
            self._pair_starts.clear()
        remembered = self._rules_for
        rules = [
            found if (found := remembered.get(key)) is not None else self._single_rules(key)
            for key in keys
        ]
        for i, key in enumerate(keys[:-1]):
            starts = self._pair_starts.get(key)
            if starts is None:
                starts = self._pair_starts[key] = tuple(
                    n for n, (_, first, _, _) in enumerate(self._pairs) if first(key)
                )
            for n in starts:
                rule_id, _, second, index = self._pairs[n]
                if second(keys[i + 1]):
                    rules[i + index] = tuple(sorted((*rules[i + index], rule_id)))
        self._apply(doc, rules)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def _single_rules(self, key: TokenKey) -> tuple[int, ...]:
        found = tuple(rule_id for rule_id, test in self._single if test(key))
        self._rules_for[key] = found
        return found

    def _merge(self, applied: tuple[int, ...]) -> tuple[Any, Any, dict[int, Any]]:
        merged: dict[int, Any] = {}
        for rule_id in applied:  # later rules win, as in the ruler
            merged.update(self._attrs[rule_id])
        other = {a: v for a, v in merged.items() if a not in (POS, MORPH)}
        return merged.get(POS), merged.get(MORPH), other

    def _apply(self, doc: Doc, rules: list[tuple[int, ...]]) -> None:
        columns: Any = doc.to_array([POS, MORPH])
        rest: list[tuple[int, dict[int, Any]]] = []
        for i, applied in enumerate(rules):
            if not applied:
                continue
            merged = self._merged.get(applied)
            if merged is None:
                merged = self._merged[applied] = self._merge(applied)
            pos, morph, other = merged
            if pos is not None:
                columns[i, 0] = pos
            if morph is not None:
                columns[i, 1] = morph
            if other:
                rest.append((i, other))
        doc.from_array([POS, MORPH], columns)
        for i, attrs in rest:
            set_token_attrs(doc[i], attrs)


class FastLemmatizer:
    """The rule lemmatizer with every (form, part of speech, morphology) looked up once."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.vocab = lemmatizer.vocab
        self.lookups = lemmatizer.lookups
        self._lemmatizer = lemmatizer
        self._lemmatizer._validate_tables()
        self._lemma_of: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns: Any = doc.to_array([ORTH, POS, MORPH, LEMMA])
        overwrite = self._lemmatizer.overwrite
        if len(self._lemma_of) > _MAX_REMEMBERED:
            self._lemma_of.clear()
        lemmas: Any = columns[:, 3:4].copy()
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = self._lemma_of.get(key)
            if found is None:
                text = self._lemmatizer.lemmatize(doc[i])[0]
                found = self._lemma_of[key] = self.vocab.strings.add(text)
            lemmas[i, 0] = found
        doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("realpolitik_fast_attribute_ruler")
def _make_fast_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(cast(AttributeRuler, nlp.get_pipe("attribute_ruler")))


@Language.factory("realpolitik_fast_lemmatizer")
def _make_fast_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    return FastLemmatizer(cast(Lemmatizer, nlp.get_pipe("lemmatizer")))


def use_fast_attributes(nlp: Language) -> None:
    """Swap the model's attribute ruler and rule lemmatizer for the stand-ins, keeping their
    names and places; a component the stand-ins cannot reproduce stays as it is."""
    for name, factory in (
        ("attribute_ruler", "realpolitik_fast_attribute_ruler"),
        ("lemmatizer", "realpolitik_fast_lemmatizer"),
    ):
        if name not in nlp.pipe_names or not _reproducible(nlp.get_pipe(name)):
            continue
        nlp.add_pipe(factory, name=f"{name}_fast", after=name)
        nlp.remove_pipe(name)
        nlp.rename_pipe(f"{name}_fast", name)


def _reproducible(component: Any) -> bool:
    if isinstance(component, AttributeRuler):
        try:
            FastAttributeRuler(component)
        except UnsupportedRule:
            return False
        return True
    return isinstance(component, Lemmatizer) and component.mode == "rule"


def _token_test(spec: dict[str, Any], strings: Any) -> Test:
    """A predicate over a token key for one Matcher token pattern (equality, IN, NOT_IN, REGEX
    on LOWER, TAG, DEP and IS_SPACE)."""
    checks: list[Test] = []
    for attr, wanted in spec.items():
        column = _KEY_COLUMNS.get(attr)
        if column is None:
            raise UnsupportedRule(f"attribute {attr}")
        checks.append(_value_test(column, wanted, attr == "IS_SPACE", strings))
    return lambda key: all(check(key) for check in checks)


def _value_test(column: int, wanted: Any, is_flag: bool, strings: Any) -> Test:
    def value(key: TokenKey) -> Any:
        return bool(key[column]) if is_flag else strings[key[column]]

    if not isinstance(wanted, dict):
        return lambda key: value(key) == wanted
    if set(wanted) == {"IN"}:
        options = frozenset(wanted["IN"])
        return lambda key: value(key) in options
    if set(wanted) == {"NOT_IN"}:
        excluded = frozenset(wanted["NOT_IN"])
        return lambda key: value(key) not in excluded
    if set(wanted) == {"REGEX"}:
        search = re.compile(wanted["REGEX"]).search
        return lambda key: bool(search(value(key)))
    raise UnsupportedRule(f"operator {sorted(wanted)}")
