"""Selective parsing: a cheap first pass decides which sentences can hold an event.

Most sentences of a news story (colour, quotes, sport, background) hold no event between actors
and need no parse. The first pass is the tokenizer, a rule sentence splitter and the actor
matcher; a sentence goes on to the parser and the event coder only if it has a possible actor (a
dictionary actor, a pronoun or role noun that may refer to one, or a capitalised name the entity
recogniser may find) and a word that can be a trigger: an inflection of a lexicon verb or noun
with the words its entry needs (`take` counts only with `control`, `step` with `down`), or a
word that states a standing relation (`backed`, `ally`, `includes`) or a demand (`must`).

Skipped sentences are blanked out (same length, so every character offset stays the article's)
and marked as sentences of their own, so the parser cannot join them to a kept one.
`benchmarks/selection.py` measures what this saves and what recall it loses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from realpolitik.actors.dictionary import ActorDictionary
from realpolitik.events.lexicon import Lexicon

# "X said Y must leave": a demand with no trigger word of its own
DEMAND_MODALS = ("must", "should")
REFERRING_PRONOUNS = frozenset(
    {"it", "its", "they", "their", "them", "he", "his", "him", "she", "her", "we", "our"}
)


@dataclass(frozen=True)
class SentenceChoice:
    """The sentences of one text, by character span, and which of them are parsed."""

    spans: tuple[tuple[int, int], ...]
    parsed: tuple[bool, ...]

    @property
    def skipped(self) -> int:
        return self.parsed.count(False)

    def parse_text(self, text: str) -> str:
        """The text with skipped sentences blanked (newlines kept), offsets unchanged."""
        if all(self.parsed):
            return text
        pieces: list[str] = []
        cursor = 0
        for (start, end), keep in zip(self.spans, self.parsed, strict=True):
            if keep:
                continue
            pieces.append(text[cursor:start])
            pieces.append("".join(ch if ch == "\n" else " " for ch in text[start:end]))
            cursor = end
        pieces.append(text[cursor:])
        return "".join(pieces)

    @staticmethod
    def spans_within(spans: Iterable[Span], ranges: list[tuple[int, int]]) -> list[Span]:
        """The spans that lie inside one of the character ranges."""
        return [s for s in spans if any(a <= s.start_char and s.end_char <= b for a, b in ranges)]

    def skipped_spans(self) -> list[tuple[int, int]]:
        return [span for span, keep in zip(self.spans, self.parsed, strict=True) if not keep]

    def parsed_spans(self) -> list[tuple[int, int]]:
        return [span for span, keep in zip(self.spans, self.parsed, strict=True) if keep]


class SentenceSelector:
    """Chooses the sentences worth parsing, from tokens and dictionary matches alone."""

    def __init__(
        self,
        nlp: Language,
        lexicon: Lexicon,
        dictionary: ActorDictionary,
        cues: Iterable[str] = (),
    ) -> None:
        self._nlp = nlp
        self._splitter = Sentencizer()
        self.actors: Any = (
            nlp.get_pipe("realpolitik_actors") if "realpolitik_actors" in nlp.pipe_names else None
        )
        self._triggers = _requirements(lexicon)
        for cue in (*cues, *DEMAND_MODALS):  # relation words (`X-backed`, `ally`), demands
            self._triggers.setdefault(cue, []).append(())
        self._irregular = _irregular_forms(nlp)
        self._forms_of: dict[str, tuple[str, ...]] = {}
        self._role_nouns = frozenset(
            noun.lower() for role in dictionary.roles.values() for noun in role.nouns
        )

    def first_pass(self, text: str) -> Doc:
        """Tokens, rule-based sentences and dictionary actors: no model runs."""
        doc = self._splitter(self._nlp.make_doc(text))
        return self.actors(doc) if self.actors is not None else doc

    @property
    def marks_actors(self) -> bool:
        """Whether the first pass finds the dictionary actors (the parse then need not)."""
        return self.actors is not None

    def choose(self, text: str) -> tuple[SentenceChoice, Doc]:
        doc = self.first_pass(text)
        actor_tokens = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        spans: list[tuple[int, int]] = []
        parsed: list[bool] = []
        for sentence in doc.sents:
            spans.append((sentence.start_char, sentence.end_char))
            parsed.append(self._may_hold_event(sentence, actor_tokens))
        return SentenceChoice(tuple(spans), tuple(parsed)), doc

    def _may_hold_event(self, sentence: Span, actor_tokens: set[int]) -> bool:
        has_actor = bool(sentence.ents)
        forms: set[str] = set()
        for token in sentence:
            word = token.lower_
            forms.update(self._lemmas(word))
            if has_actor or token.i in actor_tokens:
                continue
            has_actor = (
                word in REFERRING_PRONOUNS
                or _base(word) in self._role_nouns
                or (token.i > sentence.start and token.text[:1].isupper() and token.is_alpha)
            )
        return has_actor and any(
            all(words & forms for words in needs)
            for lemma in forms & self._triggers.keys()
            for needs in self._triggers[lemma]
        )

    def _lemmas(self, word: str) -> tuple[str, ...]:
        """The word and the base forms it may be an inflection of (remembered per word)."""
        forms = self._forms_of.get(word)
        if forms is None:
            if len(self._forms_of) > 200_000:
                self._forms_of.clear()
            forms = (word, *self._irregular.get(word, ()), *inflection_guesses(word))
            self._forms_of[word] = forms
        return forms


def _requirements(lexicon: Lexicon) -> dict[str, list[tuple[frozenset[str], ...]]]:
    """For each trigger lemma, per lexicon entry, the word sets of which the sentence must hold
    one each (particle, preposition, objects, modifiers): `take` counts only near `control`."""
    found: dict[str, list[tuple[frozenset[str], ...]]] = {}
    for entries in (*lexicon.verbs.values(), *lexicon.nouns.values()):
        for trigger in entries:
            needs = [
                frozenset(words)
                for words in (
                    (trigger.particle,) if trigger.particle else (),
                    (trigger.prep,) if trigger.prep else (),
                    trigger.objects,
                    getattr(trigger, "modifiers", ()),
                )
                if words
            ]
            found.setdefault(trigger.lemma, []).append(tuple(needs))
    return found


def inflection_guesses(word: str) -> list[str]:
    """Base forms a regular English inflection may come from: `shelled` -> `shell`,
    `shelling` -> `shell`, `carries` -> `carry`, `talks` -> `talk`."""
    found: list[str] = []
    if word.endswith("ies") or word.endswith("ied"):
        found.append(word[:-3] + "y")
    if word.endswith("ed"):
        found += [word[:-1], word[:-2]]
        if len(word) > 4 and word[-3] == word[-4]:
            found.append(word[:-3])
    if word.endswith("ing"):
        found += [word[:-3], word[:-3] + "e"]
        if len(word) > 5 and word[-4] == word[-5]:
            found.append(word[:-4])
    if word.endswith("es"):
        found += [word[:-1], word[:-2]]
    elif word.endswith("s"):
        found.append(word[:-1])
    return found


def _base(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _irregular_forms(nlp: Language) -> dict[str, tuple[str, ...]]:
    """Irregular verb and noun forms from the model's lemmatizer tables (`fought` -> `fight`)."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return {}
    table = lookups.get_table("lemma_exc")
    forms: dict[str, set[str]] = {}
    for pos in ("verb", "noun"):
        for form, lemmas in (table.get(pos) or {}).items():
            forms.setdefault(form, set()).update(lemmas)
    return {form: tuple(lemmas) for form, lemmas in forms.items()}
