"""Finding the tokens that are given words, without walking every token in Python.

Several passes of the coder look at a handful of words (pronouns, role nouns, `backed`, `ally`)
in documents of hundreds of tokens; making a `Token` for each token costs more than the pass
itself. These helpers read the document's word hashes in one array and return the positions of
the wanted words.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc


@lru_cache(maxsize=256)
def _hashes(words: frozenset[str]) -> frozenset[int]:
    return frozenset(hash_string(word) for word in words)


def positions(doc: Doc, words: frozenset[str], *, lemma: bool = False) -> list[int]:
    """Indices, in order, of the tokens whose lower-case form (or, with `lemma`, whose lemma:
    lower case but for proper nouns) is one of `words`."""
    if not len(doc):
        return []
    wanted = _hashes(words)
    column = doc.to_array(LEMMA if lemma else LOWER).tolist()
    return [i for i, h in enumerate(column) if h in wanted]
