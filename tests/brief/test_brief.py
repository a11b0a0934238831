"""Cited briefings from three short ingested reports about Iran, Hezbollah, Israel and Turkey."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import realpolitik
from realpolitik.brief import (
    SECTION_DEVELOPMENTS,
    SECTION_RELATIONS,
    SECTION_SUMMARY,
    SECTION_UNCERTAIN,
    Briefing,
    brief,
    build_brief,
    render,
    summarize_article,
)
from realpolitik.errors import NotFoundError

SUPPLY = """Title: Iran sends weapons to Hezbollah
Date: 2024-03-04
Source: Example Wire

BEIRUT, March 4 (Example Wire) - Iran sent a shipment of rockets and drones to Hezbollah on \
Monday, Lebanese officials said. Iran provided military aid to Hezbollah to strengthen the group. \
The shipment arrived by road. Iranian Foreign Minister Abbas Araghchi met Turkish Foreign Minister \
Hakan Fidan in Ankara. Iran may sign a deal with Turkey. Officials gave no further details.
"""

STRIKES = """Title: Israel strikes Hezbollah positions
Date: 2024-03-06
Source: Other Wire

JERUSALEM, March 6 (Other Wire) - Israel launched airstrikes against Hezbollah positions in \
southern Lebanon on Wednesday. Hezbollah fired rockets at Israel in response. Israel accused Iran \
of arming Hezbollah. Turkey condemned the Israeli strikes. Iran denied sending weapons to Hezbollah.
"""

ROCKETS = """Title: Israeli jets hit southern Lebanon
Date: 2024-03-06
Source: Third Wire

TYRE, Lebanon, March 6 (Third Wire) - Residents reported heavy damage in several villages after \
a night of fighting. Hezbollah fired rockets at Israel hours later.
"""


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory, coder: Any) -> Iterator[realpolitik.Session]:
    folder = tmp_path_factory.mktemp("brief")
    paths = []
    for name, text in (("supply.txt", SUPPLY), ("strikes.txt", STRIKES), ("rockets.txt", ROCKETS)):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    with realpolitik.open(folder / "b.duckdb") as opened:
        opened._coder = coder
        report = opened.ingest(paths)
        assert report.new == 3 and report.failed == 0
        yield opened


@pytest.fixture(scope="module")
def events(session: realpolitik.Session) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in session.event_records()}


def _article_id(session: realpolitik.Session, title: str) -> str:
    return next(a.id for a in session.articles() if a.title == title)


def _section(briefing: Briefing, title: str) -> Any:
    section = briefing.section(title)
    assert section is not None, f"no section {title!r}"
    return section


def _assert_cited(session: realpolitik.Session, briefing: Briefing) -> None:
    numbers = [c.number for c in briefing.citations]
    assert numbers == list(range(1, len(numbers) + 1))
    used: set[int] = set()
    for sentence in briefing.sentences():
        assert sentence.citations, f"uncited sentence: {sentence.text}"
        for number in sentence.citations:
            citation = briefing.citation(number)  # KeyError if the number is not listed
            used.add(number)
            article = session.article(citation.article_id)
            assert article.text[citation.start : citation.end] == citation.text
            assert citation.published == article.published
            assert citation.source == article.source and citation.title == article.title
    assert used == set(numbers), "every listed source is cited somewhere"


@pytest.mark.parametrize(
    "subject", [None, "Iran", "Hezbollah", "Israel vs Hezbollah", "Iran vs Turkey"]
)
def test_every_citation_resolves_to_stored_evidence(
    session: realpolitik.Session, subject: str | None
) -> None:
    briefing = build_brief(session, subject)
    assert briefing.sections and _section(briefing, SECTION_DEVELOPMENTS).sentences
    _assert_cited(session, briefing)


def test_hypothetical_deal_only_under_uncertain(
    session: realpolitik.Session, events: dict[str, dict[str, Any]]
) -> None:
    hypothetical = {i for i, e in events.items() if e["status"] == "hypothetical"}
    assert hypothetical, "the coder should read 'Iran may sign a deal with Turkey' as hypothetical"
    for subject in (None, "Iran", "Turkey", "Iran vs Turkey"):
        briefing = build_brief(session, subject)
        developments = _section(briefing, SECTION_DEVELOPMENTS)
        for sentence in developments.sentences:
            assert not hypothetical & set(sentence.events), sentence.text
            assert events[sentence.events[0]]["status"] in ("asserted", "reported")
            assert "agreement" not in sentence.text and "possible" not in sentence.text
        uncertain = _section(briefing, SECTION_UNCERTAIN)
        deal = [s for s in uncertain.sentences if hypothetical & set(s.events)]
        assert len(deal) == 1, "the deal, coded both ways round, is told once"
        text = deal[0].text
        assert "only discussed as possible" in text
        assert "Iran" in text and "Turkey" in text and "agreement" in text
        assert briefing.citation(deal[0].citations[0]).text == "Iran may sign a deal with Turkey."
        assert not hypothetical & set(briefing.headline.events)


def test_uncertain_section_phrases_claims_and_denials(session: realpolitik.Session) -> None:
    briefing = build_brief(session, "Iran")
    texts = [s.text for s in _section(briefing, SECTION_UNCERTAIN).sentences]
    assert any("Israel claimed that Iran" in t for t in texts), texts
    assert any("denied that" in t for t in texts), texts
    developments = [s.text for s in _section(briefing, SECTION_DEVELOPMENTS).sentences]
    assert not any("denied" in t or "claimed" in t for t in developments)


def test_vs_keeps_only_events_between_the_two(
    session: realpolitik.Session, events: dict[str, dict[str, Any]]
) -> None:
    israel, hezbollah = set(session.actor_ids("Israel")), set(session.actor_ids("Hezbollah"))
    briefing = build_brief(session, "Israel vs Hezbollah")
    assert briefing.subject == "Israel vs Hezbollah"
    cited = [e for s in briefing.sentences() for e in s.events]
    assert cited
    for event_id in cited:
        source, target = events[event_id]["source"]["id"], events[event_id]["target"]["id"]
        assert (source in israel and target in hezbollah) or (
            source in hezbollah and target in israel
        )
    # Iran's aid to Hezbollah and Turkey's criticism of Israel are not between the two.
    text = " ".join(s.text for s in briefing.sentences())
    assert "Iran" not in text and "Turkey" not in text
    relations = _section(briefing, SECTION_RELATIONS).sentences
    assert relations and all("Israel" in s.text and "Hezbollah" in s.text for s in relations)
    # The rocket fire, reported by two articles, is one development citing both spans.
    rockets = [s for s in briefing.sentences() if "Hezbollah attacked Israel" in s.text]
    assert rockets
    articles = {briefing.citation(n).article_id for n in rockets[0].citations}
    assert len(articles) == 2


def test_key_developments_grouped_by_actor_and_dated(session: realpolitik.Session) -> None:
    briefing = build_brief(session, "Iran")
    developments = _section(briefing, SECTION_DEVELOPMENTS).sentences
    assert all(s.group for s in developments)
    groups = [s.group for s in developments]
    assert groups == sorted(groups, key=groups.index), "each actor's events come together"
    aid = [s for s in developments if "Iran gave" in s.text and "aid to Hezbollah" in s.text]
    assert aid and aid[0].text.startswith("On 4 Mar 2024, ") and aid[0].group == "Iran"
    assert len(build_brief(session, None, max_items=2).section(SECTION_DEVELOPMENTS).sentences) == 2


def test_window_limits_events(
    session: realpolitik.Session, events: dict[str, dict[str, Any]]
) -> None:
    since = dt.date(2024, 3, 5)
    later = build_brief(session, "Iran", since=since)
    assert later.since == since and later.until == dt.date(2024, 3, 6)
    used = [e for s in later.sentences() for e in s.events]
    assert used and all(events[e]["date"] >= since for e in used)
    assert "4 Mar 2024" not in later.markdown
    full = build_brief(session, "Iran", until="2024-03-06")
    assert full.since == dt.date(2024, 3, 4) and full.until == dt.date(2024, 3, 6)


def test_headline_is_a_cited_judgment(session: realpolitik.Session) -> None:
    briefing = build_brief(session, "Israel vs Hezbollah")
    headline = briefing.headline
    assert headline.text.startswith("Conflict outweighed cooperation between Israel and Hezbollah")
    assert "hostile event" in headline.text and headline.citations and headline.events


def test_unknown_actor(session: realpolitik.Session) -> None:
    with pytest.raises(NotFoundError):
        build_brief(session, "Atlantis")
    with pytest.raises(ValueError):
        build_brief(session, "Iran vs Iran")


@pytest.mark.parametrize("count", [3, 4, 5])
def test_summarize_article_is_a_short_lede_in_article_order(
    session: realpolitik.Session, count: int
) -> None:
    article_id = _article_id(session, "Iran sends weapons to Hezbollah")
    article = session.article(article_id)
    briefing = summarize_article(session, article_id[:10], sentences=count)
    assert briefing.subject == "Iran sends weapons to Hezbollah"
    assert briefing.since == briefing.until == dt.date(2024, 3, 4)
    lede = _section(briefing, SECTION_SUMMARY)
    assert lede.style == "paragraph" and len(lede.sentences) == count
    starts = []
    for sentence in lede.sentences:
        (number,) = sentence.citations
        citation = briefing.citation(number)
        assert citation.article_id == article.id
        assert article.text[citation.start : citation.end] == citation.text
        assert sentence.text == " ".join(citation.text.split())
        starts.append(citation.start)
    assert starts == sorted(starts)
    _assert_cited(session, briefing)
    # The lede prefers sentences stating events: the aid outranks "The shipment arrived by road."
    texts = [s.text for s in lede.sentences]
    assert "Iran provided military aid to Hezbollah to strengthen the group." in texts
    if count < 5:
        assert "Officials gave no further details." not in texts


def test_summarize_article_rejects_other_lengths(session: realpolitik.Session) -> None:
    article_id = _article_id(session, "Israel strikes Hezbollah positions")
    for count in (2, 6):
        with pytest.raises(ValueError):
            summarize_article(session, article_id, sentences=count)
    with pytest.raises(NotFoundError):
        summarize_article(session, "ffffffffffff")


def test_markdown_has_sections_and_numbered_sources(session: realpolitik.Session) -> None:
    briefing = build_brief(session, "Iran")
    markdown = briefing.markdown
    assert markdown.startswith("# Briefing: Iran\n")
    for title in (SECTION_DEVELOPMENTS, SECTION_RELATIONS, SECTION_UNCERTAIN, "Sources"):
        assert f"\n## {title}\n" in markdown
    assert markdown.index("## Key developments") < markdown.index("## Sources")
    headline = briefing.headline
    assert f"**{headline.text}** " + "".join(f"[{n}]" for n in headline.citations) in markdown
    for sentence in (s for section in briefing.sections for s in section.sentences):
        assert f"- {sentence.markdown}\n" in markdown
        assert sentence.markdown.endswith("".join(f"[{n}]" for n in sentence.citations))
    for citation in briefing.citations:
        line = citation.markdown
        assert line.startswith(f"[{citation.number}] {citation.title} — {citation.source}, ")
        assert f"article {citation.article_id[:12]}" in line
        assert f"characters {citation.start}–{citation.end}" in line
        assert line in markdown


def test_to_dict_is_json_serialisable(session: realpolitik.Session) -> None:
    for briefing in (
        build_brief(session, "Iran"),
        summarize_article(session, _article_id(session, "Israel strikes Hezbollah positions")),
    ):
        data = json.loads(json.dumps(briefing.to_dict()))
        assert set(data) == {
            "subject",
            "since",
            "until",
            "period",
            "headline",
            "sections",
            "citations",
        }
        assert briefing.since is not None and data["since"] == briefing.since.isoformat()
        assert [c["number"] for c in data["citations"]] == [c.number for c in briefing.citations]
        assert all(isinstance(c["published"], str) for c in data["citations"])
        assert data["headline"]["citations"] == list(briefing.headline.citations)
        assert [s["title"] for s in data["sections"]] == [s.title for s in briefing.sections]


def test_brief_renders_for_the_cli(session: realpolitik.Session, tmp_path: Path) -> None:
    data = json.loads(brief(session, "Iran vs Turkey", fmt="json"))
    assert data["subject"] == "Iran vs Turkey"
    lede = brief(session, article=_article_id(session, "Israel strikes Hezbollah positions"))
    assert "## Summary" in lede and "## Sources" in lede
    with pytest.raises(ValueError):
        render(build_brief(session, "Iran"), "html")
    with pytest.raises(ValueError):
        brief(session, "Iran", article="abc")
