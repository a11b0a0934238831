"""Shared fixtures for the event tests."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.events.sentence_coder import SentenceCoder

DAY = date(2024, 12, 4)


@pytest.fixture(scope="session")
def sentence(coder):
    """sentence(text) -> {(type, source code, target code)} as `realpolitik eval` codes it, on
    an article dated 4 December 2024."""
    coder_ = SentenceCoder(coder)

    def _code(text: str) -> set[tuple[str, str | None, str | None]]:
        return {(e.type, e.source_code, e.target_code) for e in coder_(text, DAY)}

    return _code
