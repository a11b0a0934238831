"""Accuracy of the event coder on labelled data nobody here wrote, plus our own sample gold.

Scores `../shared/eval/plover_gsr.jsonl` (PLOVER gold records), `petr2_gsr_gigaword.jsonl`
(PETRARCH GSR) and `petr_unittest.jsonl` (syntax check, invented actors), and the sample corpus's
`gold.jsonl`; prints per-field precision, recall and F1 with counts and writes them to RESULTS.md
with each file's hash. A missing ../shared folder is reported and skipped, not failed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED_EVAL, machine, sha256, write_section  # noqa: E402

import realpolitik  # noqa: E402
from realpolitik.coding import ArticleCoder  # noqa: E402
from realpolitik.config import Config  # noqa: E402
from realpolitik.evaluate import score_samples  # noqa: E402
from realpolitik.events.evaluation import load_petrarch_gold, load_plover_gold, score  # noqa: E402
from realpolitik.events.sentence_coder import SentenceCoder  # noqa: E402
from realpolitik.samples import gold_path, sample_paths  # noqa: E402

FILES = (
    ("plover", "plover_gsr.jsonl", load_plover_gold),
    ("petrarch", "petr2_gsr_gigaword.jsonl", load_petrarch_gold),
    ("petrarch", "petr_unittest.jsonl", load_petrarch_gold),
)


def main() -> None:
    config = Config.from_env()
    coder = ArticleCoder(config)
    sentence_coder = SentenceCoder(coder)
    sections = [
        f"Machine: {machine()}; model {config.model}; coder {coder.extractor.lexicon.version}; "
        f"selective parsing {'on' if config.selective else 'off'}.",
        "Each gold record is coded as one sentence, the way the gold sets code it (`SentenceCoder`:"
        " the events of its main predication, with the PLOVER manual's rules for events that have"
        " not happened yet folded into the type, e.g. a future assault is a THREATEN). Article"
        " ingest keeps every event of a sentence, with its status, instead; the sample corpus gold"
        " below scores that path.",
    ]
    for scheme, name, loader in FILES:
        path = SHARED_EVAL / name
        if not path.exists():
            sections.append(f"### {name}\n\nskipped: {path} not found")
            print(f"skipped: {path} not found")
            continue
        started = time.perf_counter()
        report = score(loader(path), sentence_coder)
        seconds = time.perf_counter() - started
        body = f"### {name} (sha256 {sha256(path)}, {seconds:.0f} s)\n\n{report.to_markdown()}"
        sections.append(body)
        print(body)
    with tempfile.TemporaryDirectory() as folder:
        with realpolitik.open(Path(folder) / "samples.duckdb") as session:
            session._coder = coder
            session.ingest(sample_paths())
            result = score_samples(session)
    body = (
        f"### sample corpus gold (sha256 {sha256(gold_path())})\n\n"
        "A gold event is found when a stored event of the same sample has its type and the "
        "countries of its source and target.\n\n"
        "| measure | value | counts |\n|---|---|---|\n"
        f"| recall | {result.recall:.3f} | {result.matched} of {result.gold} gold events |\n"
        f"| precision (lower bound) | {result.precision:.3f} | of {result.predicted} events coded |\n"
        f"| F1 | {result.f1:.3f} | |\n"
        f"| status agreement, matched events | {result.status_accuracy:.3f} | {result.status_agree} of {result.matched} |\n"
        f"| place agreement, matched events with a gold place | {result.place_accuracy:.3f} | {result.place_agree} of {result.place_gold} |\n"
    )
    sections.append(body)
    print(body)
    write_section("Event coding accuracy", "\n\n".join(sections))


if __name__ == "__main__":
    main()
