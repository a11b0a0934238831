"""Language identification of article text (offline, py3langid's bundled model)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# Below this many letters the identifier guesses; such texts are taken as unknown, not foreign.
_MIN_LETTERS = 40
_MIN_CONFIDENCE = 0.6


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short or unsure to tell."""
    sample = text[:1000]  # enough for a confident call on prose; the cost is per character
    if sum(map(str.isalpha, sample)) < _MIN_LETTERS:
        return None
    language, confidence = _identifier().classify(sample)
    return str(language) if confidence >= _MIN_CONFIDENCE else None
