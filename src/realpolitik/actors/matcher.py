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

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from realpolitik.actors.dictionary import ActorDictionary, load_dictionary

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
    """Marks dictionary actors as entities (label RP_ACTOR, kb_id the first candidate)."""

    def __init__(self, nlp: Language, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._candidates: dict[str, list[Candidate]] = {}
        self._add_patterns(nlp)

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

    def _add_patterns(self, nlp: Language) -> None:
        exact: dict[str, str] = {}
        folded: dict[str, str] = {}
        for form, candidate in self._surface_forms():
            sensitive = is_case_sensitive(form)
            key = ("=" if sensitive else "~") + (form if sensitive else form.lower())
            (exact if sensitive else folded)[key] = form
            bucket = self._candidates.setdefault(key, [])
            if candidate not in bucket:
                bucket.append(candidate)
        for key in self._candidates:
            # Most specific first: explicit aliases before demonyms, named actors before the
            # generic agency they sit in (EUCOM before USA_MIL).
            self._candidates[key].sort(
                key=lambda c: (ALIAS_KINDS.index(c.alias_kind), bool(_GENERIC.match(c.actor_id)))
            )
        for matcher, forms in ((self._exact, exact), (self._folded, folded)):
            keys = list(forms)
            tokenizer: Any = nlp.tokenizer
            docs = list(tokenizer.pipe(forms[k] for k in keys))
            for key, doc in zip(keys, docs, strict=True):
                matcher.add(key, [doc])

    def __call__(self, doc: Doc) -> Doc:
        found: dict[tuple[int, int], list[Candidate]] = {}
        for matcher in (self._exact, self._folded):
            for match_id, start, end in matcher(doc):
                bucket = found.setdefault((start, end), [])
                for candidate in self._candidates.get(doc.vocab.strings[match_id], ()):
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


@Language.factory(COMPONENT, default_config={"actor_files": []})
def make_actor_ruler(nlp: Language, name: str, actor_files: list[str]) -> ActorRuler:
    return ActorRuler(nlp, load_dictionary(tuple(Path(p) for p in actor_files)))
