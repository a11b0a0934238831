"""The user's own actor entries: `realpolitik actors add` writes them to the config folder.

A new entry is validated together with the whole dictionary before the file is replaced, so a bad
entry never leaves a broken file behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from realpolitik.actors.dictionary import (
    ActorDictionary,
    ActorEntry,
    bundled_files,
    load_dictionary,
)
from realpolitik.config import Config
from realpolitik.errors import ConfigError
from realpolitik.yamlio import load_yaml

USER_FILE = "user.yaml"


def add_actor(config: Config, fields: dict[str, Any]) -> ActorEntry:
    """Append (or replace, by id) an entry in the user's actor file and return it validated."""
    entry = {k: v for k, v in fields.items() if v not in (None, "", [], ())}
    if "id" not in entry:
        raise ConfigError("actors add: an id is required (upper case, e.g. NORTHERN_FALCONS)")
    folder = config.user_actor_dir
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / USER_FILE
    existing = _read(path)
    kept = [item for item in existing if item.get("id") != entry["id"]]
    kept.append(entry)
    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".yaml.tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        yaml.safe_dump(kept, out, sort_keys=False, allow_unicode=True)
    try:
        others = [p for p in config.all_actor_files() if p.resolve() != path.resolve()]
        dictionary = ActorDictionary.load([*others, Path(temporary)])
    except ConfigError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise ConfigError(str(exc).replace(temporary, str(path))) from None
    os.replace(temporary, path)
    load_dictionary.cache_clear()
    return dictionary[entry["id"]]


def _read(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    data = load_yaml(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise ConfigError(f"{path}: expected a list of actor entries")
    return data


__all__ = ["add_actor", "bundled_files"]
