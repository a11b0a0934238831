"""Query speed with a large store: generates N synthetic events (default one million) into a
fresh database through the store's own insert path, then times `events --actor X --since D`,
a dyad timeline and a one-month network. Prints milliseconds per query (target: under 200)."""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import machine, write_section  # noqa: E402

import realpolitik  # noqa: E402
from realpolitik.analysis import from_session, timeline  # noqa: E402
from realpolitik.events.models import Event, Evidence  # noqa: E402
from realpolitik.events.ontology import Ontology  # noqa: E402
from realpolitik.ingest import make_article  # noqa: E402
from realpolitik.records import ArticleAnalysis  # noqa: E402
from realpolitik.store import EventQuery  # noqa: E402
from realpolitik.store.writer import ArticleWrite  # noqa: E402

ACTORS = [
    "IRN",
    "SYR",
    "RUS",
    "TUR",
    "USA",
    "ISR",
    "HTS",
    "SDF",
    "SNA",
    "HEZBOLLAH",
    "IRGC",
    "ISIS",
    "UKR",
    "CHN",
    "SAU",
    "EGY",
    "IRQ",
    "LBN",
    "JOR",
    "QAT",
]


def generate(session: realpolitik.Session, total: int, per_article: int = 50) -> float:
    ontology = Ontology.load()
    types = list(ontology.types)
    rng = random.Random(7)
    start = dt.date(2024, 1, 1)
    began = time.perf_counter()
    batch: list[ArticleWrite] = []
    for number in range(total // per_article):
        day = start + dt.timedelta(days=number % 366)
        article = make_article(
            f"Synthetic dispatch {number} for the query benchmark.", published=day
        )
        events = []
        for k in range(per_article):
            source, target = rng.sample(ACTORS, 2)
            kind = rng.choice(types)
            info = ontology.type(kind)
            events.append(
                Event(
                    article.id,
                    kind,
                    None,
                    info.default_cameo,
                    info.quad_class,
                    info.intensity,
                    "asserted",
                    source,
                    target,
                    Evidence(article.id, article.text, 0, 10),
                    0,
                    5,
                    date=day + dt.timedelta(days=k % 3),
                    id=f"{number:07d}-{k:03d}",
                )
            )
        batch.append(ArticleWrite(article, "coded", ArticleAnalysis(events=events)))
        if len(batch) == 64:
            session.store.add_articles(batch)
            batch = []
    session.store.add_articles(batch)
    return time.perf_counter() - began


def timed(function) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - began)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="keep the generated store here (reused if present)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "q.duckdb"
        reuse = path.exists()
        with realpolitik.open(path) as session:
            load_seconds = 0.0 if reuse else generate(session, args.events)
            results = measure(session)
    print_results(args.events, load_seconds, results)


def measure(session: realpolitik.Session) -> dict[str, float]:
    since, until = dt.date(2024, 6, 1), dt.date(2024, 6, 30)
    actor_ids = session.actor_ids("Iran")
    israel = session.actor_ids("Israel")
    store = session.store
    return {
        "events --actor Iran --since 2024-06-01": timed(
            lambda: store.events(EventQuery(actor_ids=actor_ids, since=since))
        ),
        "dyad timeline Iran vs Israel (by week)": timed(
            lambda: timeline(
                store.events(
                    EventQuery(
                        actor_ids=actor_ids,
                        counterpart_ids=israel,
                        exclude_statuses=("historical",),
                    )
                ),
                actor_ids,
                israel,
                by="week",
            )
        ),
        "network for June 2024": timed(lambda: from_session(session, since, until)),
    }


def print_results(events: int, load_seconds: float, results: dict[str, float]) -> None:
    written = f" written in {load_seconds:.0f} s" if load_seconds else " (store reused)"
    lines = [
        f"Machine: {machine()}. {events:,} synthetic events{written}.",
        "",
        "| query | milliseconds (best of 3) |",
        "|---|---|",
        *[f"| {name} | {ms:,.0f} |" for name, ms in results.items()],
        "",
        "Target: each under 200 ms.",
    ]
    body = "\n".join(lines)
    print(body)
    write_section("Query speed", body)


if __name__ == "__main__":
    main()
