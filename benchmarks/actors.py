"""Actor layer benchmarks: speed cost of the actor component, and agreement with gold actors.

Prints (1) words/s of the spaCy pipeline with and without the dictionary component on the sample
corpus; (2) on the PLOVER gold records and the PETRARCH GSR sentences, how often the country code
(and country + role) of our resolved actor agrees with the gold actor code, with counts.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED_EVAL, machine, sha256, write_section  # noqa: E402

from realpolitik.coding import ArticleCoder  # noqa: E402
from realpolitik.config import Config  # noqa: E402
from realpolitik.ingest import make_article, read_articles  # noqa: E402
from realpolitik.ingest.article import Article  # noqa: E402
from realpolitik.nlp.pipeline import build_pipeline  # noqa: E402
from realpolitik.samples import sample_paths  # noqa: E402


def speed(config: Config, repeats: int = 3) -> tuple[float, float]:
    texts = [a.text for a in read_articles(sample_paths()) if isinstance(a, Article)]
    words = sum(len(t.split()) for t in texts) * repeats
    rates = []
    for with_actors in (False, True):
        nlp = build_pipeline(config, with_actors=with_actors)
        list(nlp.pipe(texts[:4]))  # warm up
        started = time.perf_counter()
        for _ in range(repeats):
            list(nlp.pipe(texts, batch_size=32))
        rates.append(words / (time.perf_counter() - started))
    return rates[0], rates[1]


def _split_code(code: str | None, sector: str | None = None) -> tuple[str, str]:
    code = (code or "").upper()
    if sector and sector not in ("***",):
        return code[:3], code[:3] + sector.upper()
    return code[:3], code


def plover_agreement(coder: ArticleCoder, path: Path) -> dict[str, int]:
    counts = {"gold": 0, "resolved": 0, "country": 0, "full": 0, "full_gold": 0}
    for line in path.read_text().splitlines():
        record = json.loads(line)
        text = record["text"]
        analysis = coder.code_one(make_article(text))
        for actor in [*(record.get("source") or []), *(record.get("target") or [])]:
            if not actor.get("text") or not actor.get("code"):
                continue
            start = text.find(actor["text"])
            if start < 0:
                continue
            end = start + len(actor["text"])
            counts["gold"] += 1
            overlapping = [
                m for m in analysis.mentions if m.start < end and m.end > start and m.resolved
            ]
            if not overlapping:
                continue
            entry = analysis.actors.get(overlapping[0].actor_id or "")
            if entry is None:
                continue
            counts["resolved"] += 1
            gold_country, gold_full = _split_code(actor["code"], actor.get("sector"))
            ours = entry.code
            counts["country"] += int(ours[:3] == gold_country)
            if gold_full != gold_country:
                counts["full_gold"] += 1
                counts["full"] += int(ours[: len(gold_full)] == gold_full)
    return counts


def petrarch_agreement(coder: ArticleCoder, path: Path) -> dict[str, int]:
    counts = {"gold": 0, "country": 0, "full": 0, "full_gold": 0}
    for line in path.read_text().splitlines():
        record = json.loads(line)
        if not record.get("text"):
            continue
        analysis = coder.code_one(make_article(record["text"]))
        codes = [
            analysis.actors[m.actor_id].code
            for m in analysis.mentions
            if m.resolved and m.actor_id in analysis.actors
        ]
        for event in record.get("events") or []:
            for code in (event.get("sourcecode"), event.get("targetcode")):
                if not code or code == "---":
                    continue
                if code.startswith("---"):
                    # PETRARCH's "no country" (`---LEG`, `---REB`): the gold names a role but no
                    # country, so there is no country to agree with; the role must still agree
                    if len(code) >= 6:
                        counts["full_gold"] += 1
                        counts["full"] += int(any(c[3:6] == code[3:6] for c in codes))
                    continue
                counts["gold"] += 1
                counts["country"] += int(any(c[:3] == code[:3] for c in codes))
                if len(code) >= 6:
                    counts["full_gold"] += 1
                    counts["full"] += int(any(c[:6] == code[:6] for c in codes))
    return counts


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def main() -> None:
    config = Config.from_env()
    base, with_actors = speed(config)
    cost = 100 * (base - with_actors) / base
    lines = [
        f"Machine: {machine()}. Sample corpus, 3 passes, `nlp.pipe(batch_size=32)`, model {config.model}.",
        "",
        "| pipeline | words/s |",
        "|---|---|",
        f"| spaCy model alone | {base:,.0f} |",
        f"| with the actor component | {with_actors:,.0f} |",
        f"| cost of the component | {cost:.1f}% |",
    ]
    coder = ArticleCoder(config)
    plover = SHARED_EVAL / "plover_gsr.jsonl"
    petr = SHARED_EVAL / "petr2_gsr_gigaword.jsonl"
    if plover.exists():
        c = plover_agreement(coder, plover)
        lines += [
            "",
            f"PLOVER gold actors (`plover_gsr.jsonl`, sha256 {sha256(plover)}): {c['gold']} gold actors "
            f"located in the text, {c['resolved']} resolved by us ({pct(c['resolved'], c['gold'])}).",
            "",
            "| measure | agree | of | rate |",
            "|---|---|---|---|",
            f"| country, among resolved | {c['country']} | {c['resolved']} | {pct(c['country'], c['resolved'])} |",
            f"| country, among all gold actors | {c['country']} | {c['gold']} | {pct(c['country'], c['gold'])} |",
            f"| country + role, where gold has a role | {c['full']} | {c['full_gold']} | {pct(c['full'], c['full_gold'])} |",
        ]
    else:
        lines.append(f"\nskipped PLOVER agreement: {plover} not found")
    if petr.exists():
        c = petrarch_agreement(coder, petr)
        lines += [
            "",
            f"PETRARCH GSR actor codes (`petr2_gsr_gigaword.jsonl`, sha256 {sha256(petr)}): a gold code "
            "agrees when a resolved mention of the sentence has it.",
            "",
            "| measure | agree | of | rate |",
            "|---|---|---|---|",
            f"| country | {c['country']} | {c['gold']} | {pct(c['country'], c['gold'])} |",
            f"| country + role (6-letter gold codes) | {c['full']} | {c['full_gold']} | {pct(c['full'], c['full_gold'])} |",
        ]
    else:
        lines.append(f"\nskipped PETRARCH agreement: {petr} not found")
    body = "\n".join(lines)
    print(body)
    write_section("Actors", body)


if __name__ == "__main__":
    main()
