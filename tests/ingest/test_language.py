"""Language identification: English by its function words, the rest by the identifier."""

from __future__ import annotations

import pytest

from realpolitik.ingest.language import detect_language

ENGLISH = (
    "The ministers said on Tuesday that the talks would resume next week, and that both sides "
    "had agreed to a prisoner exchange which the mediators have been working on for months."
)
OTHERS = {
    "fr": "Le gouvernement a annoncé mardi que les forces armées avaient repris le contrôle de la "
    "ville après trois jours de combats intenses dans le nord du pays.",
    "de": "Die Regierung hat am Dienstag mitgeteilt, dass die Streitkräfte nach drei Tagen "
    "heftiger Kämpfe im Norden des Landes die Kontrolle über die Stadt zurückerobert haben.",
    "es": "El gobierno anunció el martes que las fuerzas armadas habían recuperado el control de "
    "la ciudad tras tres días de intensos combates en el norte del país.",
}


def test_english_prose_is_english() -> None:
    assert detect_language(ENGLISH) == "en"


@pytest.mark.parametrize("code", sorted(OTHERS))
def test_other_languages_go_to_the_identifier(code: str) -> None:
    assert detect_language(OTHERS[code]) == code


def test_english_quotes_do_not_make_a_french_text_english() -> None:
    text = OTHERS["fr"] + " « We will not withdraw », a déclaré le porte-parole du ministère."
    assert detect_language(text) == "fr"


def test_too_little_text_is_unknown() -> None:
    assert detect_language("Breaking: 12") is None
