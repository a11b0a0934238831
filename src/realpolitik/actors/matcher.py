"""A spaCy component, placed before NER, that marks every dictionary actor in the text.

The small English model mislabels many regional names (HTS, Kataib Hezbollah, the Houthis); marking
dictionary spans first makes NER keep them whole and lets resolution work on known ids. Matching is
phrase matching on token text: all-caps short aliases (`US`, `HTS`, `U.S.`) match case-sensitively,
everything else case-insensitively. The component records candidates; it does not choose between
them (that is `actors.resolve`, which sees the parse and the article date).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from realpolitik.actors.dictionary import ActorDictionary, load_dictionary
from realpolitik.pickle_cache import digest_of, load_or_build

COMPONENT = "realpolitik_actors"
_GENERIC = re.compile(r"^[A-Z]{3}_[A-Z]{3}$")
SPANS_KEY = "rp_actors"
# How a surface form names its actor, from most to least specific.
ALIAS_KINDS = ("alias", "name", "demonym", "capital")

if not Span.has_extension("rp_candidates"):
    Span.set_extension("rp_candidates", default=())


@dataclass(frozen=True)
class Candidate:
    actor_id: str
    alias_kind: str


def is_case_sensitive(alias: str) -> bool:
    letters = [ch for ch in alias if ch.isalpha()]
    return bool(letters) and not any(ch.islower() for ch in alias) and len(letters) <= 5


class ActorRuler:
    """Marks dictionary actors as entities (label RP_ACTOR, kb_id the first candidate).

    The names are indexed as sequences of token hashes (exact text for short capitals, lower
    case for the rest) rather than as spaCy pattern documents, so that building the ruler makes
    no vocabulary entries; their tokenization is kept in the cache folder between runs."""

    def __init__(
        self, nlp: Language, dictionary: ActorDictionary, cache_dir: Path | None = None
    ) -> None:
        self.dictionary = dictionary
        self._candidates: dict[str, list[Candidate]] = {}
        self._exact = _PhraseIndex()
        self._folded = _PhraseIndex()
        self._add_patterns(nlp, cache_dir)

    def _surface_forms(self) -> Iterable[tuple[str, Candidate]]:
        for form, candidate in self._written_forms():
            yield form, candidate
            if "'" in form:
                yield form.replace("'", "\u2019"), candidate  # typographic apostrophe

    def _written_forms(self) -> Iterable[tuple[str, Candidate]]:
        for entry in self.dictionary.entries.values():
            yield entry.name, Candidate(entry.id, "name")
            for alias in entry.aliases:
                yield alias, Candidate(entry.id, "alias")
            for demonym in entry.demonyms:
                yield demonym, Candidate(entry.id, "demonym")
            for capital in entry.capitals:
                yield capital, Candidate(entry.id, "capital")

    def _add_patterns(self, nlp: Language, cache_dir: Path | None) -> None:
        forms: dict[str, str] = {}
        for form, candidate in self._surface_forms():
            sensitive = is_case_sensitive(form)
            key = ("=" if sensitive else "~") + (form if sensitive else form.lower())
            forms[key] = form
            bucket = self._candidates.setdefault(key, [])
            if candidate not in bucket:
                bucket.append(candidate)
        for key in self._candidates:
            # Most specific first: explicit aliases before demonyms, named actors before the
            # generic agency they sit in (EUCOM before USA_MIL).
            self._candidates[key].sort(
                key=lambda c: (ALIAS_KINDS.index(c.alias_kind), bool(_GENERIC.match(c.actor_id)))
            )
        keys = sorted(forms)
        tokenized = _tokenized(nlp, [forms[k] for k in keys], cache_dir)
        for key, words in zip(keys, tokenized, strict=True):
            if key.startswith("="):
                self._exact.add(tuple(hash_string(w) for w in words), key)
            else:
                self._folded.add(tuple(hash_string(w.lower()) for w in words), key)

    def transfer(self, spans: list[Span], doc: Doc) -> Doc:
        """Mark on `doc` the actor spans found in another tokenization of the same characters
        (the first pass of selective parsing), instead of matching again."""
        kept: list[Span] = []
        for span in spans:
            copy = doc.char_span(span.start_char, span.end_char, label=span.label, kb_id=span.kb_id)
            if copy is not None:
                copy._.rp_candidates = span._.rp_candidates
                kept.append(copy)
        doc.spans[SPANS_KEY] = kept
        doc.set_ents(kept, default="unmodified")
        return doc

    def __call__(self, doc: Doc) -> Doc:
        found: dict[tuple[int, int], list[Candidate]] = {}
        for index, attr in ((self._exact, ORTH), (self._folded, LOWER)):
            hashes = doc.to_array(attr).tolist() if len(doc) else []
            for key, start, end in index.matches(hashes):
                bucket = found.setdefault((start, end), [])
                for candidate in self._candidates.get(key, ()):
                    if candidate not in bucket:
                        bucket.append(candidate)
        spans = [
            Span(doc, start, end, label="RP_ACTOR", kb_id=candidates[0].actor_id)
            for (start, end), candidates in found.items()
            if candidates
        ]
        kept = filter_spans(spans)
        for span in kept:
            span._.rp_candidates = tuple(found[(span.start, span.end)])
        doc.spans[SPANS_KEY] = kept
        doc.set_ents(kept, default="unmodified")
        return doc


class _PhraseIndex:
    """Phrases as tuples of token hashes, found at every position of a document."""

    def __init__(self) -> None:
        self._phrases: dict[tuple[int, ...], str] = {}
        self._lengths: dict[int, set[int]] = {}  # first token -> phrase lengths

    def add(self, phrase: tuple[int, ...], key: str) -> None:
        if phrase:
            self._phrases[phrase] = key
            self._lengths.setdefault(phrase[0], set()).add(len(phrase))

    def matches(self, hashes: list[int]) -> Iterable[tuple[str, int, int]]:
        lengths = self._lengths
        phrases = self._phrases
        size = len(hashes)
        for start, first in enumerate(hashes):
            for length in lengths.get(first, ()):
                if start + length > size:
                    continue  # a cut-off slice could equal a shorter phrase
                key = phrases.get(tuple(hashes[start : start + length]))
                if key is not None:
                    yield key, start, start + length


def _tokenized(nlp: Language, forms: list[str], cache_dir: Path | None) -> list[list[str]]:
    """The token texts of each form, as the pipeline's tokenizer splits them."""
    tokenizer: Any = nlp.tokenizer

    def tokenize() -> list[list[str]]:
        return [[t.text for t in doc] for doc in tokenizer.pipe(forms)]

    infixes = getattr(tokenizer.infix_finditer, "__self__", None)
    digest = digest_of(
        [
            spacy.about.__version__,
            nlp.meta.get("name", ""),
            nlp.meta.get("version", ""),
            str(getattr(infixes, "pattern", "")),
            "\n".join(forms),
        ]
    )
    return load_or_build(cache_dir, "actor-tokens", digest, tokenize, list)


@Language.factory(COMPONENT, default_config={"actor_files": [], "cache_dir": None})
def make_actor_ruler(
    nlp: Language, name: str, actor_files: list[str], cache_dir: str | None
) -> ActorRuler:
    folder = Path(cache_dir) if cache_dir else None
    dictionary = load_dictionary(tuple(Path(p) for p in actor_files), folder)
    return ActorRuler(nlp, dictionary, folder)
