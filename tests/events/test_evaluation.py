"""Tests of the accuracy harness: gold loaders, per-field scoring and the report.

The fixtures are tiny invented sentences written here in the shapes of the shared gold files;
the shared files themselves are only read (never copied) by the last tests, which skip when
the folder beside the repository is absent.
"""

from __future__ import annotations

import ast
import hashlib
import json
from collections.abc import Sequence
from datetime import date
from itertools import product
from pathlib import Path

import pytest

from realpolitik.events import evaluation
from realpolitik.events.evaluation import (
    FIELDS,
    NO_TYPE,
    Coder,
    EvalReport,
    FieldScore,
    GoldEvent,
    GoldSentence,
    GoldSet,
    PredictedEvent,
    load_petrarch_gold,
    load_plover_gold,
    score,
)

SHARED_EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"


# -- fixture writers -----------------------------------------------------------------------------


def _actor(text: str, code: str, sector: str | None = None) -> dict:
    return {"text": text, "code": code, "sector": sector}


def _plover(
    rec_id: str,
    text: str,
    event: str,
    source: list[dict],
    target: list[dict],
    *,
    reciprocal: bool = False,
    mode: str | None = None,
) -> dict:
    tag = "SRC/TAR" if reciprocal else "SRC"
    return {
        "id": rec_id,
        "text": text,
        "event": event,
        "mode": mode,
        "context": None,
        "source": source,
        "target": target,
        "eventText": "x",
        "eventLoc": None,
        "markup": f"({tag}: {source[0]['text'] if source else ''}) did (EVT: x)",
        "size": None,
        "dead": None,
        "injured": None,
        "comment": None,
    }


def _petr(
    rec_id: str, text: str, events: list[tuple[str, str, str]], *, day: str = "20240305"
) -> dict:
    return {
        "id": rec_id,
        "date": day,
        "category": "TEST",
        "text": text,
        "events": [{"eventcode": c, "sourcecode": s, "targetcode": t} for c, s, t in events],
        "noevents": not events,
        "error": None,
    }


def _write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


S_AGREE = "Norwegian and Chilean ministers agreed to share fishing data."
S_DEMAND = "Peru demanded that the Bolivian government return the seized boats."
S_PROBE = "Kenya opened an inquiry into the Ugandan army's border raid."
S_FIGHT = "Estonian troops clashed with Latvian smugglers near the lake."
S_CRIME = "A Portuguese gang robbed a bank in Lisbon."
S_TRIO = "Fiji, Samoa and Tonga agreed on a joint coast guard."
S_STARS = "Iceland condemned the Maltese decision."


@pytest.fixture
def plover_file(tmp_path: Path) -> Path:
    records = [
        _plover(
            "P-1",
            S_AGREE,
            "AGREE",
            [_actor("Norwegian", "NOR", "GOV"), _actor("Chilean", "CHL", "GOV")],
            [],
            reciprocal=True,
        ),
        _plover(
            "P-2", S_DEMAND, "DEMAND", [_actor("Peru", "PER")], [_actor("Bolivian", "BOL", "GOV")]
        ),
        _plover(
            "P-3",
            S_DEMAND,
            "DISAPPROVE",
            [_actor("Peru", "PER")],
            [_actor("Bolivian", "BOL", "GOV")],
        ),
        _plover(
            "P-4",
            S_PROBE,
            "INVESTIGATE",
            [_actor("Kenya", "KEN")],
            [_actor("Ugandan army", "UGA", "MIL")],
        ),
        _plover(
            "P-5",
            S_FIGHT,
            "FIGHT",
            [_actor("Estonian troops", "EST", "MIL")],
            [_actor("Latvian smugglers", "LVA", "CRM")],
            mode="firearms",
        ),
        _plover("P-6", S_CRIME, "CRIME", [_actor("Portuguese gang", "PRT", "CRM")], []),
        _plover(
            "P-5",
            S_TRIO,
            "AGREE",
            [_actor("Fiji", "FJI"), _actor("Samoa", "WSM"), _actor("Tonga", "TON")],
            [],
            reciprocal=True,
        ),
        _plover(
            "P-8",
            S_STARS,
            "DISAPPROVE",
            [_actor("Iceland", "ISL", "***")],
            [_actor("Maltese", "MLT", "GOV")],
        ),
    ]
    return _write_jsonl(tmp_path / "plover.jsonl", records)


@pytest.fixture
def petr_file(tmp_path: Path) -> Path:
    records = [
        _petr("T-1", "The Canadian premier flew to Mexico for talks.", [("042", "CANGOV", "MEX")]),
        _petr(
            "T-2",
            "Thai and Lao officials met and then issued a statement on the Mekong.",
            [("040", "THAGOV", "LAOGOV"), ("040", "LAOGOV", "THAGOV"), ("010", "THAGOV", "LAO")],
        ),
        _petr("T-3", "Nothing of note happened in Oslo on Tuesday.", []),
        _petr("T-4", "Serbian police detained two Croatian fans.", [("174K", "SRBCOP", "HRVCVL")]),
        _petr(
            "T-5", "Ghana accused Togo of harbouring rebels.", [("112", "GHA", "TGO")], day="1209"
        ),
        _petr("T-6", "", [("190", "NGAREB", "NGAMIL")]),
        _petr("T-1", "Egypt appealed to Sudan for calm.", [("020", "EGY", "SDN")]),
    ]
    return _write_jsonl(tmp_path / "petr.jsonl", records)


# -- coders ------------------------------------------------------------------------------------


def _oracle(gold: GoldSet | Sequence[GoldSentence]) -> Coder:
    """A coder that answers each gold sentence with its own gold events."""
    answers: dict[str, list[PredictedEvent]] = {}
    for sentence in gold:
        predictions = answers.setdefault(sentence.text, [])
        for event in sentence.events:
            if event.reciprocal:
                actors = event.source_codes
                predictions += [
                    PredictedEvent(event.type, a, b, event.cameo)
                    for i, a in enumerate(actors)
                    for b in actors[i + 1 :]
                ]
                continue
            for source, target in product(
                event.source_codes or [None], event.target_codes or [None]
            ):
                if source or target:
                    predictions.append(PredictedEvent(event.type, source, target, event.cameo))

    def coder(text: str, day: date | None) -> list[PredictedEvent]:
        return answers.get(text, [])

    return coder


def _silent(text: str, day: date | None) -> list[PredictedEvent]:
    return []


def _table(answers: dict[str, list[PredictedEvent]]) -> Coder:
    def coder(text: str, day: date | None) -> list[PredictedEvent]:
        return answers.get(text, [])

    return coder


def _sentence(text: str, *events: GoldEvent, sid: str = "s") -> GoldSentence:
    return GoldSentence(id=sid, text=text, date=None, events=events, no_event=not events)


def _event(type_: str, sources: tuple[str, ...], targets: tuple[str, ...], **kw) -> GoldEvent:
    return GoldEvent(
        type=type_,
        source_codes=sources,
        target_codes=targets,
        cameo=kw.get("cameo"),
        reciprocal=kw.get("reciprocal", False),
    )


# -- PLOVER loader -------------------------------------------------------------------------------


def test_plover_loader_counts_hash_and_skips(plover_file: Path) -> None:
    gold = load_plover_gold(plover_file)
    assert gold.scheme == "plover"
    assert gold.path == plover_file
    assert gold.sha256 == hashlib.sha256(plover_file.read_bytes()).hexdigest()
    assert gold.n_records == 8
    assert [s.reason for s in gold.skipped] == ["event 'CRIME' has no PLOVER 16-type equivalent"]
    assert [s.id for s in gold.skipped] == ["P-6"]
    assert len(gold) == 6  # 8 records - 1 skipped - 1 merged into the same sentence
    assert gold.n_events == 7
    assert all(s.date is None and not s.no_event for s in gold)


def test_plover_loader_reciprocal_and_sector_codes(plover_file: Path) -> None:
    by_text = {s.text: s for s in load_plover_gold(plover_file)}
    (agree,) = by_text[S_AGREE].events
    assert agree.reciprocal
    assert agree.source_codes == ("NORGOV", "CHLGOV")
    assert agree.target_codes == ()
    assert agree.cameo is None
    (trio,) = by_text[S_TRIO].events
    assert trio.reciprocal and trio.source_codes == ("FJI", "WSM", "TON")
    (stars,) = by_text[S_STARS].events
    assert stars.source_codes == ("ISL",)  # the "***" placeholder sector is not a role
    assert stars.target_codes == ("MLTGOV",)
    assert not stars.reciprocal


def test_plover_loader_maps_legacy_names(plover_file: Path) -> None:
    by_text = {s.text: s for s in load_plover_gold(plover_file)}
    demand = by_text[S_DEMAND]
    assert demand.id == "P-2+P-3"  # two records about one sentence become one gold sentence
    assert [e.type for e in demand.events] == ["REQUEST", "ACCUSE"]
    assert demand.events[0].source_codes == ("PER",)
    assert demand.events[0].target_codes == ("BOLGOV",)
    (probe,) = by_text[S_PROBE].events
    assert (probe.type, probe.mode) == ("ACCUSE", "investigate")
    (fight,) = by_text[S_FIGHT].events
    assert (fight.type, fight.mode) == ("ASSAULT", "firearms")


def test_plover_loader_makes_repeated_ids_unique(plover_file: Path) -> None:
    ids = [s.id for s in load_plover_gold(plover_file)]
    assert len(ids) == len(set(ids))
    assert "P-5" in ids and "P-5#2" in ids


def test_loaders_report_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "gold.jsonl"
    for loader in (load_plover_gold, load_petrarch_gold):
        with pytest.raises(FileNotFoundError, match="gold file not found") as info:
            loader(missing)
        assert str(missing) in str(info.value)


def test_loaders_reject_malformed_lines(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "t", "event": "AGREE"}\n{not json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2: not valid JSON"):
        load_plover_gold(bad)
    no_event = tmp_path / "no_event.jsonl"
    no_event.write_text('{"id": "x", "text": "t"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="missing 'event'"):
        load_plover_gold(no_event)


# -- PETRARCH loader -----------------------------------------------------------------------------


def test_petrarch_loader_types_roots_and_noevents(petr_file: Path) -> None:
    gold = load_petrarch_gold(petr_file)
    assert gold.scheme == "petrarch"
    assert gold.n_records == 7
    assert [s.id for s in gold.skipped] == ["T-6"]  # empty text: nothing to code
    by_id = {s.id: s for s in gold}
    assert list(by_id) == ["T-1", "T-2", "T-3", "T-4", "T-5", "T-1#2"]

    visit = by_id["T-1"]
    assert visit.date == date(2024, 3, 5)
    (event,) = visit.events
    assert (event.type, event.mode, event.cameo) == ("CONSULT", "visit", "042")
    assert (event.source_codes, event.target_codes, event.reciprocal) == (
        ("CANGOV",),
        ("MEX",),
        False,
    )

    talks = by_id["T-2"]
    assert [(e.type, e.cameo) for e in talks.events] == [
        ("CONSULT", "040"),
        ("CONSULT", "040"),
        ("", "010"),
    ]

    assert by_id["T-3"].no_event and by_id["T-3"].events == ()
    (malformed,) = by_id["T-4"].events
    assert (malformed.type, malformed.cameo) == ("", "174K")
    assert by_id["T-5"].date is None
    (appeal,) = by_id["T-1#2"].events
    assert (appeal.type, appeal.cameo) == ("", "020")
    assert any("1209" in note for note in gold.notes)
    assert any("3 events have no PLOVER type" in note for note in gold.notes)


def test_petrarch_loader_rejects_noevents_with_events(tmp_path: Path) -> None:
    record = _petr("X", "Chad praised Niger.", [("051", "TCD", "NER")])
    record["noevents"] = True
    with pytest.raises(ValueError, match="marked noevents"):
        load_petrarch_gold(_write_jsonl(tmp_path / "x.jsonl", [record]))


# -- scoring -------------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["plover", "petrarch"])
def test_perfect_coder_scores_one_everywhere(
    which: str, plover_file: Path, petr_file: Path
) -> None:
    gold = load_plover_gold(plover_file) if which == "plover" else load_petrarch_gold(petr_file)
    report = score(gold, _oracle(gold))
    assert report.scheme == which
    assert list(report.fields) == list(FIELDS[which])
    for name, fs in report.fields.items():
        assert (fs.precision, fs.recall, fs.f1) == (1.0, 1.0, 1.0), name
        assert fs.gold_count > 0, name
    assert report.data_hash == gold.sha256
    assert report.n_sentences == len(gold)
    assert report.n_skipped == len(gold.skipped)


def test_silent_coder_has_zero_recall(plover_file: Path, petr_file: Path) -> None:
    for gold in (load_plover_gold(plover_file), load_petrarch_gold(petr_file)):
        report = score(gold, _silent)
        for name, fs in report.fields.items():
            assert (fs.tp, fs.fp, fs.recall, fs.precision, fs.f1) == (0, 0, 0.0, 0.0, 0.0), name
            assert fs.fn == fs.gold_count > 0


def test_plover_field_counts_on_the_fixture(plover_file: Path) -> None:
    fields = score(load_plover_gold(plover_file), _silent).fields
    # types per sentence: AGREE | REQUEST, ACCUSE | ACCUSE | ASSAULT | AGREE | ACCUSE
    assert fields["event_type"].gold_count == 7
    # reciprocal participants count as sources: NOR, CHL | PER | KEN | EST | FJI, WSM, TON | ISL
    assert fields["source"].gold_count == 9
    assert fields["target"].gold_count == 4  # BOL, UGA, LVA, MLT; reciprocal records have none
    # dyads: {NOR, CHL} | PER>BOL x2 types | KEN>UGA | EST>LVA | 3 pairs of the trio | ISL>MLT
    assert fields["dyad_type"].gold_count == 9


def test_swapped_dyad_fails_unless_reciprocal() -> None:
    ordered = _sentence("Chad praised Niger.", _event("SUPPORT", ("TCDGOV",), ("NER",)))
    mutual = _sentence(
        "Chad and Niger agreed to talk.", _event("AGREE", ("TCD", "NER"), (), reciprocal=True)
    )
    coder = _table(
        {
            ordered.text: [PredictedEvent("SUPPORT", "NER", "TCDGOV")],
            mutual.text: [PredictedEvent("AGREE", "NER", "TCD")],
        }
    )
    assert score([ordered], coder, scheme="plover").fields["dyad_type"].f1 == 0.0
    swapped = score([ordered], coder, scheme="plover").fields
    assert (swapped["source"].tp, swapped["source"].fp, swapped["source"].fn) == (0, 1, 1)
    assert swapped["event_type"].f1 == 1.0

    both = score([mutual], coder, scheme="plover").fields
    for name in ("dyad_type", "source", "source_full", "event_type"):
        assert both[name].f1 == 1.0, name
    assert (both["target"].fp, both["target"].gold_count) == (0, 0)


def test_both_directions_of_a_reciprocal_event_are_one_item() -> None:
    mutual = _sentence(
        "Chad and Niger agreed to talk.", _event("AGREE", ("TCD", "NER"), (), reciprocal=True)
    )
    coder = _table(
        {
            mutual.text: [
                PredictedEvent("AGREE", "TCD", "NER"),
                PredictedEvent("AGREE", "NER", "TCD"),
            ]
        }
    )
    dyad = score([mutual], coder, scheme="plover").fields["dyad_type"]
    assert (dyad.tp, dyad.fp, dyad.fn) == (1, 0, 0)
    wrong_type = _table({mutual.text: [PredictedEvent("REJECT", "NER", "TCD")]})
    fields = score([mutual], wrong_type, scheme="plover").fields
    assert fields["dyad_type"].tp == 0
    assert fields["target"].fp == 1  # not matched to the reciprocal event: scored as ordered


def test_country_level_and_full_codes_differ() -> None:
    gold = [_sentence("Iran's army shelled Iraqi posts.", _event("ASSAULT", ("IRNMIL",), ("IRQ",)))]
    coder = _table({gold[0].text: [PredictedEvent("ASSAULT", "IRNGOV", "irq")]})
    fields = score(gold, coder, scheme="plover").fields
    assert fields["source"].f1 == 1.0
    assert fields["source_full"].f1 == 0.0
    assert fields["target_full"].f1 == 1.0  # codes compare case-insensitively


def test_no_event_sentences_turn_predictions_into_false_positives() -> None:
    quiet = _sentence("Rain fell on Lima.")
    coder = _table({quiet.text: [PredictedEvent("PROTEST", "PER", None)]})
    report = score([quiet], coder, scheme="plover")
    assert report.fields["event_type"].fp == 1
    assert report.fields["source"].fp == 1
    assert report.fields["target"].fp == 0  # a None target is not an item
    assert report.fields["dyad_type"].fp == 1
    assert report.fields["event_type"].gold_count == 0
    assert report.fields["event_type"].precision == 0.0
    assert report.confusion == {NO_TYPE: {"PROTEST": 1}}


def test_petrarch_root_fields() -> None:
    gold = [
        _sentence(
            "Egypt appealed to Sudan and criticised Libya.",
            _event("", ("EGY",), ("SDN",), cameo="020"),
            _event("ACCUSE", ("EGY",), ("LBY",), cameo="111"),
        )
    ]
    # root from the type when no cameo: ACCUSE -> "11"; from the cameo when given
    coder = _table(
        {
            gold[0].text: [
                PredictedEvent("ACCUSE", "EGYGOV", "LBY"),
                PredictedEvent("", "EGY", "SDN", cameo="0211"),
            ]
        }
    )
    fields = score(gold, coder, scheme="petrarch").fields
    assert fields["root_code"].gold_count == 2
    assert fields["root_code"].f1 == 1.0
    assert fields["root_dyad"].f1 == 1.0
    # the CAMEO-only event does not count in the PLOVER fields
    assert fields["event_type"].gold_count == 1
    assert fields["target"].gold_count == 1
    assert fields["event_type"].f1 == fields["target"].f1 == 1.0

    mode_root = _table({gold[0].text: [PredictedEvent("ACCUSE", "EGY", "LBY", mode="investigate")]})
    fields = score(gold, mode_root, scheme="petrarch").fields
    assert fields["root_code"].tp == 0  # ACCUSE/investigate is CAMEO 09, not 11
    assert fields["event_type"].tp == 1


def test_confusion_table() -> None:
    gold = [
        _sentence("a", _event("AGREE", ("NOR",), ("CHL",)), _event("CONSULT", ("NOR",), ("CHL",))),
        _sentence("b", _event("ASSAULT", ("EST",), ("LVA",))),
        _sentence("c", _event("ASSAULT", ("EST",), ("LVA",))),
        _sentence("d", _event("SANCTION", ("USA",), ("CUB",))),
    ]
    coder = _table(
        {
            "a": [PredictedEvent("AGREE", "NOR", "CHL"), PredictedEvent("SUPPORT", "NOR", "CHL")],
            "b": [PredictedEvent("COERCE", "EST", "LVA"), PredictedEvent("THREATEN", "EST", "LVA")],
            "c": [PredictedEvent("ASSAULT", "EST", "LVA")],
        }
    )
    report = score(gold, coder, scheme="plover")
    assert report.confusion == {
        "AGREE": {"AGREE": 1},
        "CONSULT": {"SUPPORT": 1},
        "ASSAULT": {"ASSAULT": 1, "COERCE": 1, "THREATEN": 1},
        "SANCTION": {NO_TYPE: 1},
    }


def test_predicted_legacy_names_are_normalized_and_unknown_types_fail() -> None:
    gold = [_sentence("a", _event("REQUEST", ("PER",), ("BOL",)))]
    legacy = _table({"a": [PredictedEvent("demand", "PER", "BOL")]})
    assert score(gold, legacy, scheme="plover").fields["event_type"].f1 == 1.0
    with pytest.raises(ValueError, match="sentence s: .*BEFRIEND"):
        score(gold, _table({"a": [PredictedEvent("BEFRIEND", "PER", "BOL")]}), scheme="plover")
    with pytest.raises(ValueError, match="no mode"):
        score(
            gold,
            _table({"a": [PredictedEvent("REQUEST", "PER", "BOL", mode="yodel")]}),
            scheme="petrarch",
        )
    with pytest.raises(TypeError, match="PredictedEvent"):
        score(gold, lambda text, day: [("REQUEST", "PER", "BOL")], scheme="plover")  # type: ignore[list-item]


def test_score_needs_a_scheme_for_bare_lists() -> None:
    with pytest.raises(ValueError, match="scheme"):
        score([_sentence("a")], _silent)
    with pytest.raises(ValueError, match="unknown scheme"):
        score([_sentence("a")], _silent, scheme="cameo")  # type: ignore[arg-type]


def test_coder_receives_text_and_date(petr_file: Path) -> None:
    gold = load_petrarch_gold(petr_file)
    seen: list[tuple[str, date | None]] = []

    def spy(text: str, day: date | None) -> list[PredictedEvent]:
        seen.append((text, day))
        return []

    score(gold, spy)
    assert seen == [(s.text, s.date) for s in gold]


# -- the report ----------------------------------------------------------------------------------


def test_field_score_arithmetic() -> None:
    fs = FieldScore("event_type", tp=3, fp=1, fn=2)
    assert (fs.gold_count, fs.predicted_count) == (5, 4)
    assert fs.precision == pytest.approx(0.75)
    assert fs.recall == pytest.approx(0.6)
    assert fs.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    empty = FieldScore("x", 0, 0, 0)
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)


def test_report_to_dict_and_markdown(plover_file: Path) -> None:
    gold = load_plover_gold(plover_file)
    report = score(gold, _oracle(gold))
    assert isinstance(report, EvalReport)
    data = report.to_dict()
    assert list(data) == [
        "scheme",
        "data_path",
        "data_hash",
        "n_sentences",
        "n_gold_events",
        "n_predicted_events",
        "n_skipped",
        "mapping_note",
        "fields",
        "confusion",
    ]
    assert list(data["fields"]) == list(FIELDS["plover"])
    assert data["fields"]["event_type"] == {
        "tp": 7,
        "fp": 0,
        "fn": 0,
        "gold": 7,
        "predicted": 7,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }
    assert list(data["confusion"]) == ["AGREE", "REQUEST", "ACCUSE", "ASSAULT"]
    json.dumps(data)  # JSON-ready
    assert "DEMAND->REQUEST" in report.mapping_note

    text = report.to_markdown()
    assert "| field | precision | recall | F1 | TP | FP | FN | gold |" in text
    assert "| event_type | 1.000 | 1.000 | 1.000 | 7 | 0 | 0 | 7 |" in text
    assert "| gold \\ predicted | AGREE | REQUEST | ACCUSE | ASSAULT |" in text
    assert "| ACCUSE |  |  | 3 |  |" in text


def test_module_imports_no_pipeline() -> None:
    """The harness only calls the coder it is given: its own imports stay off the NLP stack."""
    tree = ast.parse(Path(evaluation.__file__).read_text(encoding="utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    project = {name for name in imported if name.startswith("realpolitik")}
    assert project == {"realpolitik.events.ontology"}
    assert not {name.split(".")[0] for name in imported} & {"spacy", "duckdb", "trafilatura"}


# -- the shared gold (read at run time, never copied) --------------------------------------------


def _shared(name: str) -> Path:
    path = SHARED_EVAL / name
    if not path.exists():
        pytest.skip(f"skipped: {path} not found")
    return path


def test_shared_plover_gold_loads_and_oracle_scores_one() -> None:
    gold = load_plover_gold(_shared("plover_gsr.jsonl"))
    assert gold.n_records == 322
    assert gold.skipped == ()
    assert gold.n_events == 322
    report = score(gold, _oracle(gold))
    for name, fs in report.fields.items():
        assert fs.f1 == 1.0, name


def test_shared_petrarch_gold_loads_and_oracle_scores_one() -> None:
    gold = load_petrarch_gold(_shared("petr2_gsr_gigaword.jsonl"))
    assert gold.n_records == len(gold) + len(gold.skipped)
    report = score(gold, _oracle(gold))
    for name, fs in report.fields.items():
        assert fs.f1 == 1.0, name
