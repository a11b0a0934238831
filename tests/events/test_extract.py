"""Event extraction and status on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.ingest import make_article

DAY = date(2024, 12, 4)  # a Wednesday


@pytest.fixture(scope="module")
def code(coder):
    def _code(text: str, day: date | None = DAY):
        return coder.code_one(make_article(text, published=day))

    return _code


def _find(analysis, type_=None, source=None, target=None):
    return [
        e
        for e in analysis.events
        if (type_ is None or e.type == type_)
        and (source is None or e.source == source)
        and (target is None or e.target == target)
    ]


def test_active_verb(code) -> None:
    [event] = _find(
        code("Israeli warplanes struck Hezbollah positions on Monday."),
        "ASSAULT",
        target="HEZBOLLAH",
    )
    assert event.source in ("ISR", "ISR_MIL")
    assert event.status == "asserted"
    assert event.date == date(2024, 12, 2)


def test_passive_voice_swaps_roles(code) -> None:
    events = _find(
        code("Kurdish fighters of the SDF were attacked by the Syrian National Army."), "ASSAULT"
    )
    assert any(e.source == "SNA" and e.target == "SDF" for e in events)


def test_coordinated_subjects(code) -> None:
    analysis = code("Russia and Iran condemned the United States on Tuesday.")
    sources = {e.source for e in _find(analysis, "ACCUSE", target="USA")}
    assert {"RUS", "IRN"} <= sources


def test_nominal_clash_is_reciprocal(code) -> None:
    analysis = code(
        "Clashes between the SDF and the Syrian National Army left dozens dead near Manbij."
    )
    pairs = {(e.source, e.target) for e in _find(analysis, "ASSAULT")}
    assert ("SDF", "SNA") in pairs and ("SNA", "SDF") in pairs
    located = [e for e in analysis.events if e.location and e.location.name == "Manbij"]
    assert located and located[0].location.country == "SYR"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Turkey may attack the PKK in northern Iraq next month.", "hypothetical"),
        ("Turkey could attack the PKK if talks fail.", "hypothetical"),
        ("Turkey will attack the PKK next week, officials in Ankara said.", "planned"),
        ("Turkey plans to attack the PKK in the spring.", "planned"),
        ("Turkey refused to attack the PKK.", "negated"),
        ("Turkey did not attack the PKK on Monday.", "negated"),
        ("Turkey attacked the PKK on Monday.", "asserted"),
        ("Turkey has attacked the PKK in Iraq since 2016.", "historical"),
    ],
)
def test_status(code, text: str, status: str) -> None:
    events = [
        e
        for e in code(text).events
        if e.source in ("TUR", "TUR_GOV", "TUR_MIL") and e.type == "ASSAULT"
    ]
    assert events, text
    assert events[0].status == status, (text, [(e.type, e.status) for e in events])


def test_reported_and_claimed(code) -> None:
    reported = code("Reports indicate that Iranian troops were sent to Damascus.")
    assert any(e.status == "reported" for e in reported.events)
    claimed = code("Hezbollah said that Israeli forces attacked its fighters near Tyre.")
    attack = [e for e in claimed.events if e.type == "ASSAULT"]
    assert attack and attack[0].status == "claimed" and attack[0].attributed_to == "HEZBOLLAH"


def test_accusation_is_asserted_and_what_it_alleges_is_claimed(code) -> None:
    analysis = code("Iran accused Israel of bombing its consulate in Damascus.")
    accuse = _find(analysis, "ACCUSE", source="IRN", target="ISR")
    assert accuse and accuse[0].status == "asserted"
    alleged = [e for e in analysis.events if e.type == "ASSAULT" and e.source == "ISR"]
    assert alleged and alleged[0].status == "claimed"


def test_light_verb_and_complement(code) -> None:
    analysis = code(
        "The United States carried out air strikes against ISIS camps in central Syria."
    )
    assert _find(analysis, "ASSAULT", "USA", "ISIS") or _find(
        analysis, "ASSAULT", "USA_MIL", "ISIS"
    )
    analysis = code("Russia agreed to withdraw its troops from Tartus.")
    retreat = [e for e in analysis.events if e.type == "RETREAT"]
    assert retreat and retreat[0].status == "planned"


def test_same_event_twice_in_an_article_is_merged(code) -> None:
    analysis = code(
        "Israeli jets struck Hezbollah positions in southern Lebanon on Monday. "
        "The strikes on Hezbollah came after rockets were fired."
    )
    strikes = [
        e
        for e in analysis.events
        if e.type == "ASSAULT" and e.target == "HEZBOLLAH" and e.status == "asserted"
    ]
    assert len(strikes) == 1
    assert strikes[0].mentions == 2


def test_evacuating_own_staff_is_a_withdrawal_and_civilians_aid(code) -> None:
    withdrawal = code("Turkey evacuated most of its diplomats from the capital on Sunday.")
    assert [(e.type, e.mode) for e in _find(withdrawal, source="TUR")] == [("RETREAT", "withdraw")]
    rescue = code("The Red Cross evacuated hundreds of wounded civilians from the town.")
    assert [e.type for e in rescue.events] == ["AID"]
