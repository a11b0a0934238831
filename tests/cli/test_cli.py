import json
from pathlib import Path

import click
import pytest
from tests.conftest import FIXTURES, article_text
from typer.main import get_command

from realpolitik.cli import app


def _commands() -> list[tuple[str, click.Command]]:
    root = get_command(app)
    found: list[tuple[str, click.Command]] = []

    def walk(prefix: str, command: click.Command) -> None:
        found.append((prefix, command))
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(f"{prefix} {name}".strip(), sub)

    walk("", root)
    return found


@pytest.mark.parametrize("name", [name for name, _ in _commands()])
def test_every_command_help_shows_an_example(runner, name: str) -> None:
    result = runner.invoke(app, [*name.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output


def test_ingest_list_show_and_reingest(runner, db_path: Path) -> None:
    db = ["--db", str(db_path)]
    first = runner.invoke(app, ["ingest", str(FIXTURES / "wire_report.txt"), *db])
    assert first.exit_code == 0, first.output
    assert "1 new" in first.output
    again = runner.invoke(app, ["ingest", str(FIXTURES / "wire_report.txt"), *db, "-f", "json"])
    assert again.exit_code == 0
    summary = json.loads(again.stdout)[0]
    assert (summary["new"], summary["duplicates"]) == (0, 1)

    listed = json.loads(runner.invoke(app, ["articles", *db, "-f", "json"]).stdout)
    assert len(listed) == 1
    record = listed[0]
    assert list(record) == [
        "id",
        "published",
        "source",
        "title",
        "url",
        "language",
        "words",
        "ingested_at",
        "origin",
    ]
    assert record["published"] == "2024-12-02"
    assert record["source"] == "www.example-news.org"

    shown = runner.invoke(app, ["show", record["id"][:10], *db])
    assert shown.exit_code == 0
    assert "¶1" in shown.stdout and "¶2" in shown.stdout

    csv_out = runner.invoke(app, ["articles", *db, "-f", "csv"]).stdout
    assert csv_out.splitlines()[0].startswith("id,published,source")


def test_overrides_and_stdin(runner, db_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "ingest",
            "-",
            "--db",
            str(db_path),
            "--date",
            "2024-12-09",
            "--source",
            "desk",
            "--title",
            "Piped",
        ],
        input=article_text("Damascus"),
    )
    assert result.exit_code == 0, result.output
    [record] = json.loads(
        runner.invoke(app, ["articles", "--db", str(db_path), "-f", "json"]).stdout
    )
    assert (record["published"], record["source"], record["title"]) == (
        "2024-12-09",
        "desk",
        "Piped",
    )


def test_bad_only_input_exits_nonzero_and_keeps_store(runner, db_path: Path, write) -> None:
    good = write("good.txt", article_text("Tartus"))
    assert runner.invoke(app, ["ingest", str(good), "--db", str(db_path)]).exit_code == 0
    for bad in (write("empty.txt", b""), write("bin.dat.txt", b"\x00\x01" * 500)):
        result = runner.invoke(app, ["ingest", str(bad), "--db", str(db_path)])
        assert result.exit_code == 1
        assert str(bad) in result.output
        assert "Traceback" not in result.output
    listed = json.loads(runner.invoke(app, ["articles", "--db", str(db_path), "-f", "json"]).stdout)
    assert len(listed) == 1


def test_mixed_inputs_exit_zero_when_something_went_in(runner, db_path: Path, write) -> None:
    good = write("good.txt", article_text("Latakia"))
    result = runner.invoke(app, ["ingest", str(good), "/no/such/file.txt", "--db", str(db_path)])
    assert result.exit_code == 0
    assert "/no/such/file.txt: no such file" in result.output


def test_errors_are_one_line(runner, db_path: Path) -> None:
    result = runner.invoke(app, ["show", "abcdef", "--db", str(db_path)])
    assert result.exit_code != 0
    assert result.output.strip().count("\n") == 0
    assert "error:" in result.output


def test_bad_date_option(runner, db_path: Path) -> None:
    result = runner.invoke(app, ["articles", "--db", str(db_path), "--since", "someday"])
    assert result.exit_code == 2
    assert "not a date" in result.output


def test_db_info_json(runner, db_path: Path) -> None:
    runner.invoke(app, ["ingest", str(FIXTURES / "wire_report.txt"), "--db", str(db_path)])
    info = json.loads(runner.invoke(app, ["db", "info", "--db", str(db_path), "-f", "json"]).stdout)
    assert info[0]["schema_version"] >= 1
    assert info[0]["articles"] == 1
    assert info[0]["size_bytes"] > 0


def test_events_and_relations_json_contract(runner, db_path: Path, write) -> None:
    story = write(
        "story.txt",
        "Date: 2024-12-02\n\nIsraeli jets struck Hezbollah positions near Tyre on Monday. "
        "The U.S.-backed SDF clashed with the Syrian National Army near Manbij.",
    )
    assert runner.invoke(app, ["ingest", str(story), "--db", str(db_path)]).exit_code == 0
    events = json.loads(runner.invoke(app, ["events", "--db", str(db_path), "-f", "json"]).stdout)
    assert events
    keys = {
        "id",
        "article_id",
        "date",
        "type",
        "mode",
        "cameo",
        "quad_class",
        "intensity",
        "status",
        "attributed_to",
        "source",
        "target",
        "location",
        "evidence",
        "mentions",
        "articles",
        "sources",
        "confidence",
    }
    for event in events:
        assert keys <= set(event)
        assert set(event["source"] or {}) <= {"id", "code", "name", "country", "role"}
        assert set(event["evidence"]) == {"article_id", "text", "start", "end"}
    assert any(
        e["type"] == "ASSAULT" and (e["target"] or {}).get("id") == "HEZBOLLAH" for e in events
    )
    filtered = json.loads(
        runner.invoke(
            app, ["events", "--db", str(db_path), "--actor", "Israel", "-f", "json"]
        ).stdout
    )
    assert filtered and all(
        "ISR"
        in ((e["source"] or {}).get("country") or "", (e["target"] or {}).get("country") or "")
        for e in filtered
    )
    relations = json.loads(
        runner.invoke(app, ["relations", "--db", str(db_path), "-f", "json"]).stdout
    )
    assert any(
        r["relation"] == "backs" and r["source"]["id"] == "USA" and r["target"]["id"] == "SDF"
        for r in relations
    )
    for relation in relations:
        assert set(relation) == {
            "source",
            "target",
            "relation",
            "status",
            "evidence",
            "first_seen",
            "last_seen",
        }
    shown = runner.invoke(app, ["show", events[0]["article_id"][:10], "--db", str(db_path)])
    assert "ASSAULT" in shown.stdout


def test_actors_and_actor_commands(runner, db_path: Path, write) -> None:
    story = write(
        "s.txt", "Hayat Tahrir al-Sham fighters entered Hama as the Syrian army withdrew."
    )
    runner.invoke(app, ["ingest", str(story), "--db", str(db_path), "--date", "2024-12-05"])
    listed = json.loads(runner.invoke(app, ["actors", "--db", str(db_path), "-f", "json"]).stdout)
    assert {"HTS", "SYR_MIL"} <= {a["id"] for a in listed}
    profile = json.loads(
        runner.invoke(app, ["actor", "HTS", "--db", str(db_path), "-f", "json"]).stdout
    )[0]
    assert profile["id"] == "HTS" and profile["mentions"]
    quds = json.loads(
        runner.invoke(app, ["actor", "Quds Force", "--db", str(db_path), "-f", "json"]).stdout
    )[0]
    assert quds["parents"][:2] == ["IRGC", "IRN_MIL"]
    missing = runner.invoke(app, ["actor", "Nobody At All", "--db", str(db_path)])
    assert missing.exit_code != 0 and "no actor" in missing.output
