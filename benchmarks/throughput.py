"""Throughput of `realpolitik ingest` against spaCy merely running its pipeline.

Builds a corpus of at least 2,000 articles by repeating the sample corpus with small variations
(a numbered dateline changes each copy's content hash, so nothing is skipped as a duplicate),
then times in one run: `realpolitik ingest` end to end into a fresh database (a subprocess, so
its peak memory is the operating system's figure for it), and spaCy's `nlp.pipe` over the same
texts with the same model and process count. Prints articles/s, words/s, their ratio and peak
memory, and records them in RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import machine, write_section  # noqa: E402

from realpolitik.config import Config  # noqa: E402
from realpolitik.ingest import read_articles  # noqa: E402
from realpolitik.ingest.article import Article  # noqa: E402
from realpolitik.samples import sample_paths  # noqa: E402


def build_corpus(path: Path, size: int) -> tuple[list[str], int]:
    samples = [a for a in read_articles(sample_paths()) if isinstance(a, Article)]
    texts: list[str] = []
    with path.open("w", encoding="utf-8") as out:
        for number in range(size):
            article = samples[number % len(samples)]
            text = f"(Dispatch {number}) {article.text}"
            texts.append(text)
            record = {"text": text, "title": article.title, "published": str(article.published)}
            out.write(json.dumps(record) + "\n")
    return texts, sum(len(t.split()) for t in texts)


def time_ingest(corpus: Path, workers: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "REALPOLITIK_WORKERS": str(workers)}
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "realpolitik.cli",
                "ingest",
                str(corpus),
                "--db",
                str(Path(folder) / "t.duckdb"),
                "-f",
                "json",
            ],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak_mb


def time_spacy(texts: list[str], model: str, workers: int) -> float:
    import spacy

    nlp = spacy.load(model)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64, n_process=workers):
        pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    config = Config.from_env()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        texts, words = build_corpus(corpus, args.articles)
        ingest_seconds, peak_mb = time_ingest(corpus, args.workers)
        spacy_seconds = time_spacy(texts, config.model, args.workers)
    n = len(texts)
    ratio = spacy_seconds / ingest_seconds
    body = "\n".join(
        [
            f"Machine: {machine()}. {n} articles ({words:,} words), model {config.model}, "
            f"{args.workers} processes.",
            "",
            "| run | seconds | articles/s | words/s |",
            "|---|---|---|---|",
            f"| realpolitik ingest (end to end, fresh database) | {ingest_seconds:.1f} | "
            f"{n / ingest_seconds:.1f} | {words / ingest_seconds:,.0f} |",
            f"| spaCy nlp.pipe (full pipeline, same texts) | {spacy_seconds:.1f} | "
            f"{n / spacy_seconds:.1f} | {words / spacy_seconds:,.0f} |",
            "",
            f"Ratio (spaCy time / realpolitik time): {ratio:.2f} (target at least 1.2). "
            f"Peak memory of the ingest process tree (largest process): {peak_mb:.0f} MB.",
        ]
    )
    print(body)
    write_section("Throughput", body)


if __name__ == "__main__":
    main()
