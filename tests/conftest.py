"""Shared fixtures: temporary databases, a CLI runner and small input writers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from realpolitik.config import Config

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture
def config(db_path: Path) -> Config:
    return Config.from_env(environ={}, db_path=db_path)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """write("name.txt", "text") or write("name.bin", b"bytes") into a temporary folder."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / "inputs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


def article_text(topic: str = "the northern front", sentences: int = 4) -> str:
    """An English news-like text, different for each topic, long enough to be an article."""
    lines = [
        f"Officials said on Tuesday that fighting around {topic} had intensified overnight.",
        f"Government forces reported heavy shelling near {topic} and asked for reinforcements.",
        f"Rebel commanders claimed they had captured several villages close to {topic}.",
        f"Aid agencies warned that thousands of civilians were fleeing {topic} in the cold.",
        f"Diplomats in the region called for talks to end the violence around {topic}.",
    ]
    return " ".join(lines[:sentences])


@pytest.fixture(scope="session")
def coder():
    """The full NLP pipeline with the bundled dictionaries, built once per test process."""
    from realpolitik.coding import ArticleCoder

    return ArticleCoder(Config.from_env(environ={}))


@pytest.fixture(scope="session")
def resolve_text(coder):
    """resolve_text(text, day) -> {mention text: (actor id, method)} for quick assertions."""
    from realpolitik.ingest import make_article

    def _resolve(text: str, day=None) -> dict[str, tuple[str | None, str]]:
        analysis = coder.code_one(make_article(text, published=day))
        return {m.text: (m.actor_id, m.method) for m in analysis.mentions}

    return _resolve
