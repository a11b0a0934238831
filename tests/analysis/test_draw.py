"""PNG output of networks and timelines (matplotlib's Agg canvas, no display)."""

from __future__ import annotations

import struct
from pathlib import Path

from tests.analysis.conftest import actor, ev, rel

from realpolitik.analysis import SignedNetwork, build_network, draw_png, draw_timeline_png, timeline

PNG = b"\x89PNG\r\n\x1a\n"


def _size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(PNG)
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_network_png_is_written(tmp_path: Path) -> None:
    network = build_network(
        [ev("IRN", "HEZ", "AID"), ev("ISR", "HEZ", "ASSAULT"), ev("ISR", "IRN", "THREATEN")],
        [rel("IRN", "HEZ")],
        actor,
    )
    path = draw_png(network, tmp_path / "pics" / "net.png")
    assert path.stat().st_size > 1000
    assert _size(path) == (1600, 1200)
    small = draw_png(network, tmp_path / "small.png", width_px=800, title="Levant")
    assert _size(small) == (800, 600)


def test_empty_network_png(tmp_path: Path) -> None:
    path = draw_png(SignedNetwork((), ()), tmp_path / "empty.png")
    assert path.stat().st_size > 0


def test_timeline_png_is_written(tmp_path: Path) -> None:
    events = [
        ev("ISR", "HEZ", "ASSAULT", day="2024-03-04"),
        ev("IRN", "HEZ", "AID", day="2024-03-06"),
        ev("ISR", "HEZ", "ASSAULT", day="2024-03-20"),
    ]
    for by in ("day", "week"):
        points = timeline(events, "HEZ", by=by)
        path = draw_timeline_png(points, tmp_path / f"{by}.png", f"Hezbollah by {by}")
        assert path.stat().st_size > 1000
        assert _size(path) == (1200, 720)
    assert draw_timeline_png([], tmp_path / "none.png", "nothing").stat().st_size > 0
