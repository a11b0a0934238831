"""End-to-end ingest: merging across articles, crash safety, resumption."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from tests.conftest import article_text

import realpolitik
from realpolitik.pipeline import Overrides
from realpolitik.store.writer import count_sources

STORY = (
    "Israeli jets struck Hezbollah positions near Tyre on Monday, the army said. "
    "Hezbollah said it would respond."
)


def test_same_event_in_two_articles_is_one_event(tmp_path: Path, coder) -> None:
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_text(STORY + " Residents fled north.")
    second.write_text("Officials described a tense night. " + STORY)
    with realpolitik.open(tmp_path / "m.duckdb") as session:
        session._coder = coder
        session.ingest([first], overrides=Overrides(source="wire-one", published=date(2024, 12, 3)))
        session.ingest(
            [second], overrides=Overrides(source="paper-two", published=date(2024, 12, 3))
        )
        strikes = [
            e
            for e in session.event_records(type="ASSAULT")
            if (e["target"] or {}).get("id") == "HEZBOLLAH"
        ]
        assert len(strikes) == 1
        assert strikes[0]["articles"] == 2
        assert strikes[0]["sources"] == 2
        evidence = session.store.event_evidence(strikes[0]["id"])
        assert {e.article_id for e in evidence} == {a.id for a in session.articles()}


def test_syndicated_copies_count_as_one_source() -> None:
    from realpolitik.ingest.article import simhash

    text = article_text("Aleppo", 5) * 3
    near = text.replace("Tuesday", "Wednesday", 1)
    other = article_text("Gaza", 5) * 3
    assert count_sources([("a", simhash(text)), ("b", simhash(near))]) == 1
    assert count_sources([("a", simhash(text)), ("b", simhash(other))]) == 2
    assert count_sources([("a", simhash(text)), ("a", simhash(other))]) == 1


def test_kill_during_ingest_leaves_whole_articles_and_resumes(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    with feed.open("w") as handle:
        for number in range(800):
            handle.write(json.dumps({"text": article_text(f"the town of Place{number}", 5)}) + "\n")
    db = tmp_path / "k.duckdb"
    env = {**os.environ, "REALPOLITIK_DB": str(db)}
    command = [sys.executable, "-m", "realpolitik.cli", "ingest", str(feed)]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(8)  # past model loading, in the middle of writing
    was_running = process.poll() is None
    if was_running:
        process.send_signal(signal.SIGKILL)
    process.wait()
    with realpolitik.open(db) as session:
        for article in session.articles():
            assert session.article(article.id).paragraphs  # no article without its paragraphs
        before = len(session.articles())
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    with realpolitik.open(db) as session:
        assert len(session.articles()) == 800
        assert before <= 800


def test_workers_store_the_same_thing_in_the_same_order(tmp_path: Path, coder) -> None:
    from realpolitik.coding import ParallelCoder
    from realpolitik.samples import sample_paths

    results = []
    for workers in (1, 2):
        with realpolitik.open(tmp_path / f"w{workers}.duckdb") as session:
            session._coder = ParallelCoder(coder, workers)
            session.ingest(sample_paths())
            order = [a.id for a in session.articles()]
            events = sorted(
                (e["article_id"], e["type"], (e["source"] or {}).get("id") or "", e["status"])
                for e in session.event_records()
            )
            results.append((order, events))
    assert results[0] == results[1]
    assert len(results[0][1]) > 50
