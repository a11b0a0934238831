import json
from pathlib import Path

from realpolitik.cli import app

STORY_ONE = (
    "Date: 2024-11-28\n\nIran sent weapons to Hezbollah on Thursday. "
    "Israeli jets struck Hezbollah positions near Tyre on Thursday."
)
STORY_TWO = (
    "Date: 2024-12-10\n\nIsraeli jets struck Hezbollah positions near Tyre again on Tuesday. "
    "Hezbollah fighters withdrew from Syria on Tuesday."
)


def _db(runner, db_path: Path, write) -> list[str]:
    one, two = write("one.txt", STORY_ONE), write("two.txt", STORY_TWO)
    assert runner.invoke(app, ["ingest", str(one), str(two), "--db", str(db_path)]).exit_code == 0
    return ["--db", str(db_path)]


def test_network_blocs_balance_timeline_shifts(
    runner, db_path: Path, write, tmp_path: Path
) -> None:
    db = _db(runner, db_path, write)
    graph = json.loads(runner.invoke(app, ["network", *db, "-f", "json"]).stdout)
    assert set(graph) == {"nodes", "edges"}
    edges = {(e["source"], e["target"]): e["weight"] for e in graph["edges"]}
    assert any(w < 0 and "HEZBOLLAH" in pair for pair, w in edges.items())
    png = tmp_path / "net.png"
    result = runner.invoke(app, ["network", *db, "-f", "png", "--out", str(png)])
    assert result.exit_code == 0 and png.stat().st_size > 10_000
    assert runner.invoke(app, ["blocs", *db, "-f", "json"]).exit_code == 0
    report = json.loads(runner.invoke(app, ["balance", *db, "-f", "json"]).stdout)
    assert "frustration" in report
    series = json.loads(runner.invoke(app, ["timeline", "Hezbollah", *db, "-f", "json"]).stdout)
    assert sum(point["conflict_count"] for point in series) >= 2
    table = runner.invoke(app, ["timeline", "Hezbollah", *db, "--by", "week"])
    assert table.exit_code == 0 and "conflict" in table.stdout
    moved = json.loads(runner.invoke(app, ["shifts", *db, "-f", "json"]).stdout)
    assert moved and "change" in json.dumps(moved)


def test_brief_command_cites_stored_evidence(runner, db_path: Path, write) -> None:
    db = _db(runner, db_path, write)
    result = runner.invoke(app, ["brief", "Hezbollah", *db, "-f", "json"])
    assert result.exit_code == 0, result.output
    briefing = json.loads(result.stdout)
    assert briefing["citations"]
    markdown = runner.invoke(app, ["brief", "Hezbollah", *db]).stdout
    assert "## Sources" in markdown and "[1]" in markdown
    article_id = json.loads(runner.invoke(app, ["articles", *db, "-f", "json"]).stdout)[0]["id"]
    lede = runner.invoke(app, ["brief", "--article", article_id[:10], *db, "--sentences", "3"])
    assert lede.exit_code == 0, lede.output
