"""Built indexes kept between runs, named by a digest of their inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.actors.dictionary import ActorDictionary, load_dictionary
from realpolitik.pickle_cache import digest_of, load_or_build


def test_the_digest_follows_file_contents(tmp_path: Path) -> None:
    source = tmp_path / "data.txt"
    source.write_text("one")
    before = digest_of([source, "v1"])
    assert digest_of([source, "v1"]) == before
    source.write_text("two")
    assert digest_of([source, "v1"]) != before
    assert digest_of(["v1", source]) != digest_of([source, "v1"])


def test_built_once_then_loaded(tmp_path: Path) -> None:
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {"built": len(builds)}

    first = load_or_build(tmp_path, "thing", "abc", build, dict)
    second = load_or_build(tmp_path, "thing", "abc", build, dict)
    assert first == second == {"built": 1} and len(builds) == 1
    assert load_or_build(tmp_path, "thing", "other", build, dict) == {"built": 2}


@pytest.mark.parametrize("content", [b"not a pickle", b""])
def test_a_damaged_cache_is_rebuilt(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "thing-abc.pickle").write_bytes(content)
    assert load_or_build(tmp_path, "thing", "abc", lambda: [1, 2], list) == [1, 2]
    assert load_or_build(tmp_path, "thing", "abc", lambda: [3], list) == [1, 2]


def test_an_object_of_another_kind_is_rebuilt(tmp_path: Path) -> None:
    load_or_build(tmp_path, "thing", "abc", lambda: "text", str)
    assert load_or_build(tmp_path, "thing", "abc", lambda: [1], list) == [1]


def test_a_cached_dictionary_equals_a_parsed_one(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text("- id: TESTLAND_GUARD\n  name: Testland Guard\n  kind: group\n")
    fresh = ActorDictionary.load((user,))
    cached = load_dictionary((user,), tmp_path / "cache")
    again = load_dictionary.__wrapped__((user,), tmp_path / "cache")
    assert list(tmp_path.joinpath("cache").glob("actors-*.pickle"))
    assert cached.entries == fresh.entries == again.entries
    user.write_text(user.read_text().replace("Testland Guard", "Testland Watch"))
    changed = load_dictionary.__wrapped__((user,), tmp_path / "cache")
    assert changed.entries["TESTLAND_GUARD"].name == "Testland Watch"
