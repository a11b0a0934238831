"""Actor tests resolve every sentence: they parse in full, whatever sentence selection does."""

from __future__ import annotations

import pytest

from realpolitik.config import Config


@pytest.fixture(scope="session")
def coder():
    from realpolitik.coding import ArticleCoder

    return ArticleCoder(Config.from_env(environ={"REALPOLITIK_SELECTIVE": "0"}))


@pytest.fixture(scope="session")
def resolve_text(coder):
    """resolve_text(text, day) -> {mention text: (actor id, method)} for quick assertions."""
    from realpolitik.ingest import make_article

    def _resolve(text: str, day=None) -> dict[str, tuple[str | None, str]]:
        analysis = coder.code_one(make_article(text, published=day))
        return {m.text: (m.actor_id, m.method) for m in analysis.mentions}

    return _resolve
