from pathlib import Path

import pytest

from realpolitik.actors.user import add_actor
from realpolitik.cli import app
from realpolitik.config import Config
from realpolitik.errors import ConfigError


def test_add_actor_writes_a_validated_entry(tmp_path: Path) -> None:
    config = Config.from_env(environ={}, config_dir=tmp_path)
    entry = add_actor(
        config,
        {
            "id": "NORTHERN_FALCONS",
            "name": "Northern Falcons Brigade",
            "kind": "group",
            "country": "SYR",
            "role": "REB",
            "parent": "SNA",
            "aliases": ["Falcons Brigade"],
        },
    )
    assert entry.code == "SYRREB"
    assert (tmp_path / "actors" / "user.yaml").exists()
    assert Path(tmp_path / "actors" / "user.yaml") in config.all_actor_files()


def test_bad_entry_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    config = Config.from_env(environ={}, config_dir=tmp_path)
    add_actor(config, {"id": "GOOD_ONE", "name": "Good", "kind": "group"})
    before = (tmp_path / "actors" / "user.yaml").read_text()
    with pytest.raises(ConfigError) as info:
        add_actor(config, {"id": "BAD_ONE", "name": "Bad", "kind": "group", "parent": "NOPE"})
    assert "user.yaml" in str(info.value) and ".tmp" not in str(info.value)
    assert (tmp_path / "actors" / "user.yaml").read_text() == before
    assert not list((tmp_path / "actors").glob("*.tmp"))


def test_actors_add_command(runner, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("REALPOLITIK_CONFIG_DIR", str(tmp_path))
    result = runner.invoke(
        app,
        [
            "actors",
            "add",
            "EASTERN_LIONS",
            "--name",
            "Eastern Lions",
            "--country",
            "SYR",
            "--role",
            "REB",
            "--alias",
            "the Lions",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "EASTERN_LIONS" in (tmp_path / "actors" / "user.yaml").read_text()
    bad = runner.invoke(app, ["actors", "add", "lower", "--name", "x"])
    assert bad.exit_code != 0 and "error:" in bad.output
