"""YAML reading for the data files: libyaml's C parser when PyYAML has it (several times faster
on the actor dictionary), the pure-Python one otherwise. Always the safe loader."""

from __future__ import annotations

from typing import Any

import yaml

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader
