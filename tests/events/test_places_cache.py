"""The built gazetteer is cached as a pickle, and a broken cache is rebuilt."""

from __future__ import annotations

from pathlib import Path

from realpolitik.events.places import default_gazetteer

build = default_gazetteer.__wrapped__  # past the per-process memo, to the disk cache


def test_cache_is_written_read_and_rebuilt_when_broken(tmp_path: Path) -> None:
    first = build(tmp_path)
    [cached] = list(tmp_path.glob("gazetteer-*.pickle"))
    again = build(tmp_path)
    assert again is not first
    assert again.lookup("Deir Ezzor") == first.lookup("Deir Ezzor")
    cached.write_bytes(b"not a pickle")
    rebuilt = build(tmp_path)
    assert rebuilt.lookup("Aleppo") == first.lookup("Aleppo")
    assert cached.read_bytes() != b"not a pickle"
