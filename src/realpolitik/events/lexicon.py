"""The trigger lexicon (`plover-patterns.v1`): verbs and nouns that signal PLOVER events.

Loaded from a data file and validated against the ontology at start; a user's file may add
entries. Matching picks, among entries for a lemma, the one with the most satisfied constraints
(particle, object, and for nouns their own modifiers: `hunger strike`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Token

from realpolitik.errors import ConfigError
from realpolitik.events.ontology import Ontology
from realpolitik.yamlio import load_yaml

DEFAULT_OBJECT_PREPS = (
    "against",
    "on",
    "with",
    "to",
    "into",
    "at",
    "toward",
    "towards",
    "upon",
    "for",
)


# Quantity heads whose "of" phrase names what an object really is.
PARTITIVES = frozenset(
    {
        "some",
        "many",
        "most",
        "all",
        "part",
        "rest",
        "majority",
        "number",
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "several",
        "few",
        "group",
        "batch",
    }
)


@dataclass(frozen=True)
class Trigger:
    lemma: str
    type: str
    cameo: str
    mode: str | None = None
    particle: str | None = None
    prep: str | None = None
    objects: tuple[str, ...] = ()
    reverse: bool = False
    reciprocal: bool = False
    object_preps: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()

    @property
    def constraints(self) -> int:
        return (
            int(self.particle is not None)
            + int(bool(self.objects))
            + int(self.prep is not None)
            + int(bool(self.modifiers))
        )


@dataclass
class Lexicon:
    version: str
    verbs: dict[str, list[Trigger]] = field(default_factory=dict)
    nouns: dict[str, list[Trigger]] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    complement_status: dict[str, str] = field(default_factory=dict)
    object_preps: tuple[str, ...] = DEFAULT_OBJECT_PREPS

    @classmethod
    def load(
        cls, path: Path | None = None, extra: Sequence[Path] = (), ontology: Ontology | None = None
    ) -> Lexicon:
        ontology = ontology or Ontology.load()
        path = path or default_path()
        lexicon = cls(version="")
        for file in (path, *extra):
            lexicon._merge(_read(file), file, ontology)
        return lexicon

    def _merge(self, data: Any, path: Path, ontology: Ontology) -> None:
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: expected a mapping with verbs and nouns")
        self.version = self.version or str(data.get("version") or path.stem)
        for section, index in (("verbs", self.verbs), ("nouns", self.nouns)):
            for number, item in enumerate(data.get(section) or [], start=1):
                trigger = _trigger(item, f"{path} {section} entry {number}", ontology)
                index.setdefault(trigger.lemma, []).append(trigger)
        self.light_verbs = self.light_verbs | frozenset(
            str(v).lower() for v in data.get("light_verbs") or []
        )
        for status, verbs in (data.get("complement_verbs") or {}).items():
            for verb in verbs or []:
                self.complement_status[str(verb).lower()] = str(status)
        if data.get("default_object_preps"):
            self.object_preps = tuple(str(p) for p in data["default_object_preps"])

    def match_verb(self, token: Token) -> Trigger | None:
        for lemma in verb_lemmas(token):
            if lemma in self.verbs:
                return _best(self.verbs[lemma], token)
        return None

    def is_light_verb(self, token: Token) -> bool:
        return any(lemma in self.light_verbs for lemma in verb_lemmas(token))

    def match_noun(self, token: Token) -> Trigger | None:
        return _best(self.nouns.get(token.lemma_.lower()) or self.nouns.get(token.lower_), token)


def verb_lemmas(token: Token) -> list[str]:
    """The model's lemma, then guesses from the inflection for the lemmatiser's slips
    ("staged" -> "stag", "retook" -> "retook")."""
    word = token.lower_
    found = [token.lemma_.lower(), word]
    if word.endswith("ied"):
        found.append(word[:-3] + "y")
    if word.endswith("ed"):
        found += [word[:-1], word[:-2]]
        if len(word) > 4 and word[-3] == word[-4]:
            found.append(word[:-3])  # "shelled" -> "shell", "stopped" -> "stop"
    if word.endswith("ing"):
        found += [word[:-3], word[:-3] + "e"]
    if word.endswith("es"):
        found += [word[:-1], word[:-2]]
    elif word.endswith("s"):
        found.append(word[:-1])
    return list(dict.fromkeys(found))


def _best(candidates: list[Trigger] | None, token: Token) -> Trigger | None:
    if not candidates:
        return None
    # the small model often parses "step down", "pull out" with advmod or prep, not prt
    particles = {
        c.lower_ for c in token.children if c.dep_ in ("prt", "advmod", "prep") and c.i > token.i
    }
    direct = [c for c in token.children if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass")]
    # "providing maps and intelligence": every coordinated object is given
    objects = {t.lemma_.lower() for c in direct for t in (c, *c.conjuncts)}
    # "evacuated some of its personnel", "freed dozens of prisoners": the whole, not the part
    objects |= {
        g.lemma_.lower()
        for c in direct
        if c.lemma_.lower() in PARTITIVES
        for p in c.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
    }
    objects |= {
        g.lemma_.lower()
        for c in token.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj"
    }
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    # "hunger strike", "general strike": the noun's own modifiers
    modifiers = {
        c.lemma_.lower()
        for c in token.children
        if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < token.i
    }
    fitting = [
        t
        for t in candidates
        if (t.particle is None or t.particle in particles)
        and (t.prep is None or t.prep in preps)
        and (not t.objects or objects.intersection(t.objects))
        and (not t.modifiers or modifiers.intersection(t.modifiers))
    ]
    if not fitting:
        return None
    return max(fitting, key=lambda t: t.constraints)


def _trigger(item: Any, where: str, ontology: Ontology) -> Trigger:
    if not isinstance(item, dict) or not item.get("lemma") or not item.get("type"):
        raise ConfigError(f"{where}: needs lemma and type")
    try:
        type_name, legacy_mode = ontology.normalize_type(str(item["type"]))
    except KeyError as exc:
        raise ConfigError(f"{where}: unknown event type {item['type']!r}") from exc
    mode = item.get("mode") or legacy_mode
    cameo = str(item.get("cameo") or ontology.cameo_for(type_name, mode))
    objects = item.get("object") or ()
    if isinstance(objects, str):
        objects = (objects,)
    modifiers = item.get("modifier") or ()
    if isinstance(modifiers, str):
        modifiers = (modifiers,)
    return Trigger(
        lemma=str(item["lemma"]).lower(),
        type=type_name,
        cameo=cameo,
        mode=mode,
        particle=item.get("particle"),
        prep=item.get("prep"),
        objects=tuple(str(o).lower() for o in objects),
        reverse=bool(item.get("reverse")),
        reciprocal=bool(item.get("reciprocal")),
        object_preps=tuple(item.get("object_preps") or ()),
        modifiers=tuple(str(m).lower() for m in modifiers),
    )


def _read(path: Path) -> Any:
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read pattern file ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc})") from exc


def default_path() -> Path:
    return Path(
        str(resources.files("realpolitik") / "data" / "patterns" / "plover-patterns.v1.yaml")
    )


@lru_cache(maxsize=2)
def load_lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    return Lexicon.load(extra=extra)
