"""The PLOVER event ontology: the one place that knows PLOVER's types, modes and CAMEO codes.

Every other part of realpolitik (the coder, the store, the evaluation, the briefs) asks this
module what an event type is called, which quad class and intensity it has, which modes it
allows, and how it converts to and from CAMEO codes. The facts live in the data file
``realpolitik/data/ontology/plover.yaml``; this module only loads, validates and looks them up.

What it must not do: hold mutable state, guess (an unknown type, mode or code is an error, never
a silent default), read the evaluation data, or reach the network. Loaded ontologies are
immutable and the bundled one is cached, so sharing it between threads is safe.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from realpolitik.errors import ConfigError
from realpolitik.yamlio import load_yaml

__all__ = [
    "FORMAT_VERSION",
    "PLOVER_TYPES",
    "CameoEntry",
    "EventMode",
    "EventType",
    "Ontology",
    "root_code",
]

FORMAT_VERSION = "plover-ontology.v1"

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
"""The 16 PLOVER event types, in the manual's order (cooperation to conflict)."""

_CAMEO_RE = re.compile(r"\d{2,4}")
_MIN_INTENSITY, _MAX_INTENSITY = -10.0, 10.0


@dataclass(frozen=True, slots=True)
class EventMode:
    """One mode (the "how") of an event type, with its own intensity."""

    name: str
    intensity: float
    description: str


@dataclass(frozen=True, slots=True)
class EventType:
    """One of the 16 PLOVER event types."""

    name: str
    quad_class: int
    intensity: float
    description: str
    modes: tuple[EventMode, ...]
    default_cameo: str

    def mode(self, name: str) -> EventMode:
        """The mode called ``name`` (case-insensitive, ``_`` read as ``-``); KeyError if none."""
        wanted = _mode_key(name)
        for mode in self.modes:
            if mode.name == wanted:
                return mode
        known = ", ".join(m.name for m in self.modes) or "none"
        raise KeyError(f"{self.name} has no mode {name!r} (modes: {known})")

    @property
    def mode_names(self) -> tuple[str, ...]:
        return tuple(m.name for m in self.modes)


@dataclass(frozen=True, slots=True)
class CameoEntry:
    """One row of the CAMEO -> PLOVER table. ``context`` may hold several, comma-separated."""

    code: str
    type: str
    mode: str | None
    context: str | None
    label: str


def root_code(cameo: str) -> str:
    """The two-digit CAMEO cue category of ``cameo`` ("0874" -> "08"); ValueError if malformed."""
    return _check_code(cameo)[:2]


@dataclass(frozen=True, eq=False)
class Ontology:
    """A validated, read-only PLOVER ontology. Build it with :meth:`Ontology.load`."""

    version: str
    types: Mapping[str, EventType] = field(repr=False)
    cameo: Mapping[str, CameoEntry] = field(repr=False)
    legacy_names: Mapping[str, tuple[str, str | None]] = field(repr=False)
    dropped_cameo: Mapping[str, str] = field(repr=False)
    source: str
    _by_type_mode: Mapping[tuple[str, str | None], str] = field(repr=False)

    @classmethod
    def load(cls, path: Path | None = None) -> Ontology:
        """Load and validate an ontology file; ``None`` means the bundled one (cached).

        Raises ConfigError("FILE: reason") when the file is missing, not YAML, or invalid.
        """
        if path is None:
            return _load_bundled()
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read ontology file ({exc.strerror or exc})") from exc
        return _parse(text, str(path))

    # -- type names -----------------------------------------------------------------------------

    def normalize_type(self, name: str) -> tuple[str, str | None]:
        """Canonical (type, mode) for a type name, current or legacy, in any case.

        "assault" -> ("ASSAULT", None); "DISAPPROVE" -> ("ACCUSE", None);
        "Investigate" -> ("ACCUSE", "investigate"). KeyError for anything else.
        """
        if not isinstance(name, str):
            raise KeyError(f"event type must be a string, not {name!r}")
        key = name.strip().upper()
        if key in self.types:
            return key, None
        if key in self.legacy_names:
            return self.legacy_names[key]
        raise KeyError(
            f"unknown PLOVER event type {name!r}: expected one of {', '.join(self.types)}"
            f" or a legacy name ({', '.join(self.legacy_names)})"
        )

    def type(self, name: str) -> EventType:
        """The event type called ``name`` (legacy names and any case accepted); KeyError if none."""
        return self.types[self.normalize_type(name)[0]]

    def quad_class(self, type_name: str) -> int:
        """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
        return self.type(type_name).quad_class

    def intensity(self, type_name: str, mode: str | None = None) -> float:
        """PLOVER score (-10 conflict .. +10 cooperation) of a type, or of one of its modes.

        A legacy name that implies a mode (INVESTIGATE) scores as that mode unless ``mode`` is
        given. KeyError for an unknown type or a mode the type does not have.
        """
        event_type, mode = self._resolve(type_name, mode)
        if mode is None:
            return event_type.intensity
        return event_type.mode(mode).intensity

    # -- CAMEO ----------------------------------------------------------------------------------

    def from_cameo(self, code: str) -> CameoEntry:
        """The table row for a CAMEO code, falling back from 4 to 3 to 2 digits.

        The returned entry's ``code`` is the row that matched ("0875" -> the row for "087").
        ValueError for a string that is not 2-4 digits; KeyError for a code with no PLOVER
        equivalent (the dropped roots 01 and 02, or anything outside 03-20).
        """
        code = _check_code(code)
        for length in range(len(code), 1, -1):
            entry = self.cameo.get(code[:length])
            if entry is not None:
                return entry
        root = code[:2]
        if root in self.dropped_cameo:
            raise KeyError(
                f"CAMEO {code}: root {root} ({self.dropped_cameo[root]}) is not coded in PLOVER"
            )
        raise KeyError(f"CAMEO {code}: no PLOVER equivalent (root {root} is not in the table)")

    def cameo_for(self, type_name: str, mode: str | None = None) -> str:
        """The CAMEO code to report for a PLOVER type (and mode).

        With a mode: the table's code for exactly that type and mode, preferring a row with no
        context, then the shortest code, then the lowest; the type's ``default_cameo`` if no row
        has that mode. Without a mode: the type's ``default_cameo``. A legacy name that implies
        a mode (INVESTIGATE) uses it. KeyError for an unknown type or mode.
        """
        event_type, mode = self._resolve(type_name, mode)
        if mode is None:
            return event_type.default_cameo
        canonical = event_type.mode(mode).name
        return self._by_type_mode.get((event_type.name, canonical), event_type.default_cameo)

    # -- helpers --------------------------------------------------------------------------------

    def _resolve(self, type_name: str, mode: str | None) -> tuple[EventType, str | None]:
        canonical, implied = self.normalize_type(type_name)
        return self.types[canonical], (mode if mode is not None else implied)


# ---------------------------------------------------------------------------------------------
# Loading and validation


@functools.lru_cache(maxsize=1)
def _load_bundled() -> Ontology:
    resource = resources.files("realpolitik").joinpath("data", "ontology", "plover.yaml")
    try:
        text = resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{resource}: cannot read bundled ontology ({exc})") from exc
    return _parse(text, str(resource))


def _mode_key(name: str) -> str:
    return name.strip().lower().replace("_", "-")


def _check_code(code: object) -> str:
    if not isinstance(code, str) or not _CAMEO_RE.fullmatch(code.strip()):
        raise ValueError(f"not a CAMEO event code (2 to 4 digits as a string): {code!r}")
    return code.strip()


class _Invalid(Exception):
    """A validation failure; turned into ConfigError("FILE: reason") by _parse."""


def _parse(text: str, where: str) -> Ontology:
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: not valid YAML ({exc})") from exc
    try:
        return _build(data, where)
    except _Invalid as exc:
        raise ConfigError(f"{where}: {exc}") from None


def _build(data: Any, where: str) -> Ontology:
    if not isinstance(data, dict):
        raise _Invalid("expected a mapping with version, types and cameo")
    version = data.get("version")
    if version != FORMAT_VERSION:
        raise _Invalid(f"version must be {FORMAT_VERSION!r}, found {version!r}")

    types = _build_types(data.get("types"))
    cameo = _build_cameo(data.get("cameo"), types)

    for event_type in types.values():
        entry = cameo.get(event_type.default_cameo)
        if entry is None:
            raise _Invalid(
                f"type {event_type.name}: default_cameo {event_type.default_cameo!r}"
                " is not in the cameo table"
            )
        if entry.type != event_type.name:
            raise _Invalid(
                f"type {event_type.name}: default_cameo {event_type.default_cameo!r}"
                f" maps to {entry.type}"
            )

    legacy = _build_legacy(data.get("legacy_names", {}), types)
    dropped = _build_dropped(data.get("dropped_cameo", {}), cameo)

    best: dict[tuple[str, str | None], str] = {}
    for code in sorted(cameo, key=lambda c: (cameo[c].context is not None, len(c), c)):
        entry = cameo[code]
        if entry.mode is not None:
            best.setdefault((entry.type, entry.mode), code)

    return Ontology(
        version=version,
        types=MappingProxyType(types),
        cameo=MappingProxyType(cameo),
        legacy_names=MappingProxyType(legacy),
        dropped_cameo=MappingProxyType(dropped),
        source=where,
        _by_type_mode=MappingProxyType(best),
    )


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Invalid(f"{what}: intensity must be a number, found {value!r}")
    if not _MIN_INTENSITY <= value <= _MAX_INTENSITY:
        raise _Invalid(f"{what}: intensity {value} is outside -10..10")
    return float(value)


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(f"{what}: must be a non-empty string, found {value!r}")
    return value.strip()


def _build_types(raw: Any) -> dict[str, EventType]:
    if not isinstance(raw, list):
        raise _Invalid("types must be a list of the 16 PLOVER event types")
    types: dict[str, EventType] = {}
    for item in raw:
        if not isinstance(item, dict):
            raise _Invalid(f"types: each entry must be a mapping, found {item!r}")
        name = _text(item.get("name"), "types: name")
        if name not in PLOVER_TYPES:
            raise _Invalid(f"type {name}: not one of the 16 PLOVER types")
        if name in types:
            raise _Invalid(f"type {name}: listed twice")
        quad = item.get("quad_class")
        if isinstance(quad, bool) or not isinstance(quad, int) or not 1 <= quad <= 4:
            raise _Invalid(f"type {name}: quad_class must be 1, 2, 3 or 4, found {quad!r}")
        default = item.get("default_cameo")
        if not isinstance(default, str) or not _CAMEO_RE.fullmatch(default):
            raise _Invalid(
                f"type {name}: default_cameo must be a quoted CAMEO code, found {default!r}"
            )
        raw_modes = item.get("modes", [])
        if not isinstance(raw_modes, list):
            raise _Invalid(f"type {name}: modes must be a list")
        modes: list[EventMode] = []
        for raw_mode in raw_modes:
            if not isinstance(raw_mode, dict):
                raise _Invalid(f"type {name}: each mode must be a mapping, found {raw_mode!r}")
            mode_name = _mode_key(_text(raw_mode.get("name"), f"type {name}: mode name"))
            if any(m.name == mode_name for m in modes):
                raise _Invalid(f"type {name}: mode {mode_name} listed twice")
            modes.append(
                EventMode(
                    name=mode_name,
                    intensity=_number(raw_mode.get("intensity"), f"type {name} mode {mode_name}"),
                    description=_text(
                        raw_mode.get("description"), f"type {name} mode {mode_name}: description"
                    ),
                )
            )
        types[name] = EventType(
            name=name,
            quad_class=quad,
            intensity=_number(item.get("intensity"), f"type {name}"),
            description=_text(item.get("description"), f"type {name}: description"),
            modes=tuple(modes),
            default_cameo=default,
        )
    missing = [t for t in PLOVER_TYPES if t not in types]
    if missing:
        raise _Invalid(f"types: missing {', '.join(missing)} (exactly the 16 PLOVER types needed)")
    return {name: types[name] for name in PLOVER_TYPES}


def _build_cameo(raw: Any, types: Mapping[str, EventType]) -> dict[str, CameoEntry]:
    if not isinstance(raw, dict) or not raw:
        raise _Invalid("cameo must be a non-empty mapping from CAMEO code to entry")
    table: dict[str, CameoEntry] = {}
    for code, item in raw.items():
        if not isinstance(code, str) or not _CAMEO_RE.fullmatch(code):
            raise _Invalid(f"cameo {code!r}: code must be 2-4 digits written as a quoted string")
        if not isinstance(item, dict):
            raise _Invalid(f"cameo {code}: entry must be a mapping, found {item!r}")
        type_name = item.get("type")
        if not isinstance(type_name, str) or type_name not in types:
            raise _Invalid(f"cameo {code}: unknown type {type_name!r}")
        mode = item.get("mode")
        if mode is not None:
            mode = _mode_key(_text(mode, f"cameo {code}: mode"))
            if mode not in types[type_name].mode_names:
                raise _Invalid(f"cameo {code}: {type_name} has no mode {mode!r}")
        context = item.get("context")
        if context is not None:
            context = _text(context, f"cameo {code}: context")
        table[code] = CameoEntry(
            code=code,
            type=type_name,
            mode=mode,
            context=context,
            label=_text(item.get("label"), f"cameo {code}: label"),
        )
    return table


def _build_legacy(raw: Any, types: Mapping[str, EventType]) -> dict[str, tuple[str, str | None]]:
    if not isinstance(raw, dict):
        raise _Invalid("legacy_names must be a mapping from old name to type")
    legacy: dict[str, tuple[str, str | None]] = {}
    for old, target in raw.items():
        old_name = _text(old, "legacy_names: name").upper()
        if old_name in types:
            raise _Invalid(f"legacy name {old_name}: is already a current type")
        type_name: Any
        mode: Any
        if isinstance(target, str):
            type_name, mode = target, None
        elif isinstance(target, dict):
            type_name, mode = target.get("type"), target.get("mode")
        else:
            raise _Invalid(f"legacy name {old_name}: expected a type or {{type, mode}}")
        if not isinstance(type_name, str) or type_name not in types:
            raise _Invalid(f"legacy name {old_name}: unknown type {type_name!r}")
        if mode is not None:
            mode = _mode_key(_text(mode, f"legacy name {old_name}: mode"))
            if mode not in types[type_name].mode_names:
                raise _Invalid(f"legacy name {old_name}: {type_name} has no mode {mode!r}")
        legacy[old_name] = (type_name, mode)
    return legacy


def _build_dropped(raw: Any, cameo: Mapping[str, CameoEntry]) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise _Invalid("dropped_cameo must be a mapping from CAMEO root to label")
    dropped: dict[str, str] = {}
    for code, label in raw.items():
        if not isinstance(code, str) or not re.fullmatch(r"\d{2}", code):
            raise _Invalid(f"dropped_cameo {code!r}: must be a quoted two-digit CAMEO root")
        if any(c.startswith(code) for c in cameo):
            raise _Invalid(f"dropped_cameo {code}: also has rows in the cameo table")
        dropped[code] = _text(label, f"dropped_cameo {code}: label")
    return dropped
