"""The bundled sample corpus: short reports on the Syrian crisis, 27 Nov to 20 Dec 2024."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SAMPLE_SUFFIXES = (".md", ".txt")


def samples_dir() -> Path:
    return Path(str(resources.files("realpolitik") / "data" / "samples"))


def sample_paths() -> list[Path]:
    """Every sample report, in file-name (date) order; the gold annotations are not reports."""
    return sorted(
        path
        for path in samples_dir().iterdir()
        if path.suffix in SAMPLE_SUFFIXES and not path.name.startswith(("_", "."))
    )


def gold_path() -> Path:
    return samples_dir() / "gold.jsonl"
