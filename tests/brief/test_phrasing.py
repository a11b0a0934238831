"""Sentence templates, sentence splitting and the briefing model, without a database."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from realpolitik.brief import (
    Briefing,
    BriefSection,
    BriefSentence,
    Citation,
    event_sentence,
    relation_sentence,
    split_sentences,
)
from realpolitik.events.models import Evidence
from realpolitik.store.store import StoredEvent

HTS = {"id": "HTS", "code": "SYRREB", "name": "Hayat Tahrir al-Sham", "country": "SYR"}
SAA = {"id": "SAA", "code": "SYRMIL", "name": "Syrian Arab Army", "country": "SYR"}
IRAN = {"id": "IRN", "code": "IRN", "name": "Iran", "country": "IRN"}
TURKEY = {"id": "TUR", "code": "TUR", "name": "Turkey", "country": "TUR"}


def record(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "e1",
        "date": dt.date(2024, 11, 30),
        "date_end": None,
        "type": "ASSAULT",
        "mode": None,
        "cameo": "190",
        "quad_class": 4,
        "intensity": -9.0,
        "status": "asserted",
        "attributed_to": None,
        "source": HTS,
        "target": SAA,
        "location": {"name": "Aleppo", "taken_from": "sentence"},
    }
    return base | changes


def test_asserted_event_reads_like_a_wire_sentence() -> None:
    assert event_sentence(record()) == (
        "On 30 Nov 2024, Hayat Tahrir al-Sham attacked the Syrian Arab Army in Aleppo."
    )
    assert event_sentence(record(), clash=True).startswith(
        "On 30 Nov 2024, Hayat Tahrir al-Sham clashed with the Syrian Arab Army"
    )
    aerial = event_sentence(record(mode="aerial"))
    assert "carried out air strikes against the Syrian Arab Army" in aerial
    # a place named only in the dateline (taken from the article) is not repeated
    assert " in " not in event_sentence(
        record(location={"name": "Aleppo", "taken_from": "article"})
    )


def test_statuses_are_phrased_as_what_they_are() -> None:
    deal = record(type="SUPPORT", cameo="057", quad_class=1, source=IRAN, target=TURKEY)
    assert event_sentence(deal | {"status": "hypothetical"}) == (
        "As of 30 Nov 2024, it was only discussed as possible that Iran would sign an "
        "agreement with Turkey."
    )
    assert event_sentence(deal | {"status": "planned"}) == (
        "As of 30 Nov 2024, Iran planned to sign an agreement with Turkey."
    )
    claimed = event_sentence(record(status="claimed", attributed_to="officials"))
    assert claimed.startswith(
        "On 30 Nov 2024, officials claimed that Hayat Tahrir al-Sham attacked"
    )
    own = event_sentence(record(status="negated", attributed_to=HTS))
    assert own.startswith("On 30 Nov 2024, Hayat Tahrir al-Sham denied that it attacked")
    assert "it was denied that" in event_sentence(record(status="negated"))
    assert "reportedly attacked" in event_sentence(record(status="reported"))


def test_missing_actors_and_dates() -> None:
    alone = event_sentence(record(target=None, date=None, location=None))
    assert alone == "Hayat Tahrir al-Sham carried out an attack."
    nobody = event_sentence(record(source=None))
    assert "an unidentified actor attacked the Syrian Arab Army" in nobody
    span = event_sentence(record(date_end=dt.date(2024, 12, 2)))
    assert span.startswith("Between 30 Nov 2024 and 2 Dec 2024, ")


def test_relation_sentences() -> None:
    backs = {
        "source": IRAN,
        "target": {"id": "HEZ", "name": "Hezbollah"},
        "relation": "backs",
        "status": "asserted",
        "first_seen": dt.date(2024, 3, 4),
        "last_seen": dt.date(2024, 3, 6),
    }
    assert relation_sentence(backs) == (
        "Iran backs Hezbollah, as stated between 4 Mar 2024 and 6 Mar 2024."
    )
    rebels = backs | {"source": {"id": "X", "name": "Iraqi rebels"}, "last_seen": None}
    assert relation_sentence(rebels) == "The Iraqi rebels back Hezbollah, as stated on 4 Mar 2024."
    assert relation_sentence(backs | {"status": "claimed"}).startswith("It is claimed")
    opposes = backs | {"relation": "opposes"}
    assert "Iran and Hezbollah oppose each other" in relation_sentence(opposes, mutual=True)


def test_split_sentences_keeps_abbreviations_and_offsets() -> None:
    text = "Gen. Smith met U.S. envoys on Monday. They talked.\nA new line! And more?"
    spans = split_sentences(text)
    pieces = [text[a:b] for a, b in spans]
    assert pieces == [
        "Gen. Smith met U.S. envoys on Monday.",
        "They talked.",
        "A new line!",
        "And more?",
    ]


def test_model_markdown_and_dict() -> None:
    citation = Citation(
        1, "ab" * 32, dt.date(2024, 3, 4), "Example Wire", "Title", 5, 20, "Iran backed X."
    )
    briefing = Briefing(
        subject="Iran",
        since=dt.date(2024, 3, 4),
        until=dt.date(2024, 3, 6),
        headline=BriefSentence("Cooperation outweighed conflict for Iran.", (1,)),
        sections=[
            BriefSection(
                "Key developments", (BriefSentence("Iran backed X.", (1,), ("e1",), "Iran"),)
            ),
            BriefSection("Relations"),
        ],
        citations=[citation],
    )
    markdown = briefing.markdown
    assert "**Cooperation outweighed conflict for Iran.** [1]" in markdown
    assert "### Iran\n\n- Iran backed X. [1]" in markdown
    assert "## Relations\n\n_Nothing in the stored reports for this period._" in markdown
    assert (
        "[1] Title — Example Wire, 2024-03-04, article abababababab, characters 5–20: "
        '"Iran backed X."'
    ) in markdown
    assert "_Period: 4 Mar 2024 – 6 Mar 2024_" in markdown
    data = json.loads(json.dumps(briefing.to_dict()))
    assert data["citations"][0]["published"] == "2024-03-04"
    assert data["sections"][0]["sentences"][0] == {
        "text": "Iran backed X.",
        "citations": [1],
        "events": ["e1"],
        "group": "Iran",
    }


def _event(event_id: str, source: str, target: str, type_: str, day: int) -> StoredEvent:
    quad, intensity = {"SUPPORT": (1, 5.0), "ASSAULT": (4, -9.0)}[type_]
    text = f"{source} {type_} {target}"
    return StoredEvent(
        id=event_id,
        article_id="a1",
        date=dt.date(2024, 3, day),
        date_end=None,
        type=type_,
        mode=None,
        cameo=None,
        quad_class=quad,
        intensity=intensity,
        status="asserted",
        attributed_to=None,
        source=source,
        target=target,
        location=None,
        evidence=Evidence("a1", text, 0, len(text)),
        trigger_start=None,
        trigger_end=None,
        mentions=1,
        articles=1,
        sources=1,
        confidence=0.9,
        coder="test",
    )


def test_headline_shift_needs_events_on_both_sides() -> None:
    from realpolitik.brief.build import _actor_reasons, _find_shift

    courted = [
        _event("s1", "RUS", "@subject", "SUPPORT", 1),
        _event("s2", "CHN", "@subject", "SUPPORT", 2),
    ]
    attacked = [
        _event("a1", "ISR", "@subject", "ASSAULT", 9),
        _event("a2", "USA", "@subject", "ASSAULT", 10),
    ]
    shift = _find_shift([*courted, *attacked], "actor", ("@subject",))
    assert shift is not None and shift.change < 0
    assert set(shift.after.events) == {"a1", "a2"}
    assert _actor_reasons(shift) == " as it came under more pressure and received less support"
    # one event before the split is not enough to call it a shift
    assert _find_shift([courted[0], *attacked], "actor", ("@subject",)) is None
