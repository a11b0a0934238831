"""From articles to a signed network: ingest two short dated reports, then `from_session`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import realpolitik
from realpolitik.analysis import (
    balance,
    build_network,
    find_blocs,
    from_session,
    session_inputs,
    shifts,
)

SUPPLY = """Title: Iran sends weapons to Hezbollah
Date: 2024-03-04
Source: Example Wire

BEIRUT, March 4 (Example Wire) - Iran sent a shipment of rockets and drones to Hezbollah on \
Monday, Lebanese officials said. Iran provided military aid to Hezbollah to strengthen the group.
"""

STRIKES = """Title: Israel strikes Hezbollah positions
Date: 2024-03-06
Source: Other Wire

JERUSALEM, March 6 (Other Wire) - Israel launched airstrikes against Hezbollah positions in \
southern Lebanon on Wednesday. Hezbollah fired rockets at Israel in response.
"""


def test_network_from_ingested_articles(tmp_path: Path, coder) -> None:
    first, second = tmp_path / "supply.txt", tmp_path / "strikes.txt"
    first.write_text(SUPPLY, encoding="utf-8")
    second.write_text(STRIKES, encoding="utf-8")
    with realpolitik.open(tmp_path / "t.duckdb") as session:
        session._coder = coder
        report = session.ingest([first, second])
        assert report.new == 2 and report.failed == 0

        network = from_session(session)
        iran_hezbollah = network.edge("IRN", "HEZBOLLAH")
        israel_hezbollah = network.edge("ISR", "HEZBOLLAH")
        assert iran_hezbollah is not None and iran_hezbollah.weight > 0
        assert israel_hezbollah is not None and israel_hezbollah.weight < 0
        assert iran_hezbollah.events and israel_hezbollah.events
        hezbollah = network.node("HEZBOLLAH")
        assert hezbollah is not None and hezbollah.name == "Hezbollah"

        # Focus and window: around Iran one hop; the strikes only from 5 March on.
        around_iran = from_session(session, actor="Iran", depth=1)
        assert {n.id for n in around_iran.nodes} == {"IRN", "HEZBOLLAH"}
        later = from_session(session, since=dt.date(2024, 3, 5))
        assert later.edge("IRN", "HEZBOLLAH") is None
        assert later.edge("ISR", "HEZBOLLAH") is not None

        assert find_blocs(network)[0].member_ids == ("HEZBOLLAH", "IRN")
        assert balance(network).frustration == 0
        inputs = session_inputs(session)
        assert shifts(inputs.events, actor=inputs.actor)


@pytest.mark.slow
@pytest.mark.parametrize("level", ["principal", "actor"])
def test_tallied_network_equals_the_event_by_event_one(tmp_path: Path, coder, level: str) -> None:
    from realpolitik.samples import sample_paths

    with realpolitik.open(tmp_path / "s.duckdb") as session:
        session._coder = coder
        session.ingest(sample_paths())
        windows = [(None, None), (dt.date(2024, 12, 1), dt.date(2024, 12, 8))]
        for since, until in windows:
            for uncertain in (False, True):
                inputs = session_inputs(session, since, until, level=level)
                expected = build_network(
                    inputs.events,
                    inputs.relations,
                    inputs.actor,
                    since=since,
                    until=until,
                    include_uncertain=uncertain,
                ).to_dict()
                tallied = from_session(
                    session, since, until, include_uncertain=uncertain, level=level
                ).to_dict()
                assert tallied["nodes"] == expected["nodes"]
                assert len(tallied["edges"]) == len(expected["edges"]) > 10
                for got, want in zip(tallied["edges"], expected["edges"], strict=True):
                    assert got == {
                        **want,
                        "weight": pytest.approx(want["weight"]),
                        "cooperation": pytest.approx(want["cooperation"]),
                        "conflict": pytest.approx(want["conflict"]),
                    }
