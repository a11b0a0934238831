"""What selective parsing saves and what it loses.

The coder parses only the sentences a cheap first pass finds able to hold an event
(`realpolitik.nlp.selection`), and runs the entity recogniser only on parsed sentences that hold
a name the dictionary and gazetteer do not know (`realpolitik.nlp.entities`). This prints, for the
public gold sets in ../shared/eval and for the sample corpus with its `gold.jsonl`: how many
sentences and tokens went to the parser, what share of the parsed tokens went to the recogniser,
and the gold events found with every sentence parsed and recognised versus selectively (true
positives of event type and of dyad + type; for the sample corpus, matched gold events and gold
places). The difference is the recall selection loses (target: zero, or at most one event per set).
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED_EVAL, machine, sha256, write_section  # noqa: E402

import realpolitik  # noqa: E402
from realpolitik.coding import ArticleCoder  # noqa: E402
from realpolitik.config import Config  # noqa: E402
from realpolitik.evaluate import score_samples  # noqa: E402
from realpolitik.events.evaluation import load_petrarch_gold, load_plover_gold, score  # noqa: E402
from realpolitik.events.relations import cue_words  # noqa: E402
from realpolitik.events.sentence_coder import SentenceCoder  # noqa: E402
from realpolitik.ingest import Article, read_articles  # noqa: E402
from realpolitik.nlp.entities import SelectiveEntities  # noqa: E402
from realpolitik.nlp.selection import SentenceSelector  # noqa: E402
from realpolitik.samples import sample_paths  # noqa: E402

SETS = (
    ("plover_gsr.jsonl", load_plover_gold),
    ("petr2_gsr_gigaword.jsonl", load_petrarch_gold),
    ("petr_unittest.jsonl", load_petrarch_gold),
)


@dataclass
class Row:
    name: str
    sentences: int
    parsed_sentences: int
    tokens: int
    parsed_tokens: int
    recognised: float  # share of parsed tokens that went through the entity recogniser
    measure: str
    full: int
    selective: int

    def cells(self) -> str:
        lost = self.full - self.selective
        return (
            f"| {self.name} | {self.parsed_sentences:,} of {self.sentences:,} "
            f"({self.parsed_sentences / max(1, self.sentences):.0%}) | "
            f"{self.parsed_tokens / max(1, self.tokens):.0%} | {self.recognised:.0%} | "
            f"{self.measure} | "
            f"{self.full} | {self.selective} | {lost} |"
        )


def coverage(selector: SentenceSelector, texts: list[str]) -> tuple[int, int, int, int]:
    sentences = parsed = tokens = parsed_tokens = 0
    for text in texts:
        choice, doc = selector.choose(text)
        for sentence, keep in zip(doc.sents, choice.parsed, strict=True):
            sentences += 1
            tokens += len(sentence)
            if keep:
                parsed += 1
                parsed_tokens += len(sentence)
    return sentences, parsed, tokens, parsed_tokens


def eval_rows(
    coder: ArticleCoder, selector: SentenceSelector, entities: SelectiveEntities
) -> list[Row]:
    rows: list[Row] = []
    for name, loader in SETS:
        path = SHARED_EVAL / name
        if not path.exists():
            print(f"{path}: not found, skipped")
            continue
        gold = loader(path)
        counts = coverage(selector, [s.text for s in gold])
        full = score(gold, SentenceCoder(selective(coder, None, None)))
        selective(coder, selector, entities)
        chosen = score(gold, SentenceCoder(coder))
        label = f"{name} ({sha256(path)[:12]})"
        for field in ("event_type", "dyad_type"):
            rows.append(
                Row(
                    label,
                    *counts,
                    entities.share_recognised(),
                    f"{field} TP",
                    full.fields[field].tp,
                    chosen.fields[field].tp,
                )
            )
    return rows


def selective(
    coder: ArticleCoder, selector: SentenceSelector | None, entities: SelectiveEntities | None
) -> ArticleCoder:
    """The coder with selection (sentences and entities) on, or off when given None."""
    coder.selector, coder.entities = selector, entities
    if entities is not None:
        entities.tokens_recognised = entities.tokens_ruled = 0
    return coder


def sample_rows(
    coder: ArticleCoder, selector: SentenceSelector, entities: SelectiveEntities
) -> list[Row]:
    texts = [a.text for a in read_articles(sample_paths()) if isinstance(a, Article)]
    counts = coverage(selector, texts)
    found: list[tuple[int, int, int, int]] = []
    for choice, recogniser in ((None, None), (selector, entities)):
        with realpolitik.open(":memory:") as session:
            session._coder = selective(coder, choice, recogniser)
            session.ingest(sample_paths())
            relations = {(r.source, r.relation, r.target) for r in session.store.relations()}
            mentions = sum(a.mentions for a in session.store.actors())
            scored = score_samples(session)
            found.append((scored.matched, scored.place_agree, len(relations), mentions))
    name = "sample corpus gold.jsonl"
    return [
        Row(name, *counts, entities.share_recognised(), measure, full, chosen)
        for measure, full, chosen in zip(
            (
                "gold events matched",
                "gold places agreed",
                "relations (distinct dyads)",
                "actor mentions",
            ),
            found[0],
            found[1],
            strict=True,
        )
    ]


def main() -> None:
    started = time.perf_counter()
    coder = ArticleCoder(Config.from_env())
    selector = coder.selector or SentenceSelector(
        coder.nlp, coder.extractor.lexicon, coder.dictionary, cue_words()
    )
    entities = coder.entities or SelectiveEntities(
        coder.nlp,
        lambda text: (
            coder.resolver.places is not None and coder.resolver.places.lookup(text) is not None
        ),
        known_words=coder.dictionary.title_words(),
    )
    rows = [*eval_rows(coder, selector, entities), *sample_rows(coder, selector, entities)]
    body = "\n".join(
        [
            f"Machine: {machine()}; model {coder.config.model}. "
            f"{time.perf_counter() - started:.0f} s.",
            "",
            "| data | sentences parsed | tokens parsed | of which recognised | measure | "
            "every sentence parsed and recognised | selective | lost |",
            "|---|---|---|---|---|---:|---:|---:|",
            *(row.cells() for row in rows),
        ]
    )
    print(body)
    write_section("Selective parsing", body)


if __name__ == "__main__":
    main()
