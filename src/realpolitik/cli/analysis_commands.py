"""Analysis commands: network, blocs, balance, timeline, shifts. Thin wrappers over
`realpolitik.analysis`; they format and print, nothing else."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from realpolitik.cli.app import _out, _session, app, friendly_errors
from realpolitik.cli.options import DbOption, SinceOption, UntilOption, parse_date_option
from realpolitik.cli.output import Format, dumps, render_records


class NetworkFormat(str, Enum):
    table = "table"
    json = "json"
    graphml = "graphml"
    gexf = "gexf"
    png = "png"


class SeriesFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    png = "png"


ActorFocus = Annotated[
    str | None, typer.Option("--actor", help="Keep the network around this actor.")
]
Depth = Annotated[int, typer.Option("--depth", min=0, help="Hops around --actor.")]
Uncertain = Annotated[
    bool,
    typer.Option(
        "--include-uncertain", help="Count planned, hypothetical and negated events (weight 0.2)."
    ),
]
Level = Annotated[
    str,
    typer.Option(
        "--level",
        help="principal: a state's own agencies count as its government of record; "
        "actor: every actor apart.",
    ),
]
OutPath = Annotated[
    Path | None, typer.Option("--out", help="File for png, graphml or gexf output.")
]


def _network(
    db: Path | None,
    since: str | None,
    until: str | None,
    actor: str | None,
    depth: int,
    uncertain: bool,
    level: str = "principal",
) -> Any:
    from realpolitik.analysis import from_session

    start, end = parse_date_option(since), parse_date_option(until)
    with _session(db, read_only=True) as session:
        if level not in ("principal", "actor"):
            raise typer.BadParameter("--level must be principal or actor")
        return from_session(session, start, end, actor, depth, uncertain, level)


@app.command(epilog="Example: realpolitik network --actor Iran --depth 2 -f png --out iran.png")
@friendly_errors
def network(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    actor: ActorFocus = None,
    depth: Depth = 1,
    include_uncertain: Uncertain = False,
    level: Level = "principal",
    fmt: Annotated[
        NetworkFormat, typer.Option("--format", "-f", help="table, json, graphml, gexf or png.")
    ] = NetworkFormat.table,
    out: OutPath = None,
) -> None:
    """The signed actor network: green ties of cooperation and support, red ties of conflict."""
    graph = _network(db, since, until, actor, depth, include_uncertain, level)
    if fmt is NetworkFormat.json:
        _out().file.write(dumps(graph.to_dict()) + "\n")
    elif fmt is NetworkFormat.table:
        rows = [
            {
                "source": graph.name(e.source),
                "target": graph.name(e.target),
                "weight": round(e.weight, 3),
                "cooperation": round(e.cooperation, 3),
                "conflict": round(e.conflict, 3),
                "events": len(e.events),
                "relations": len(e.relations),
            }
            for e in sorted(graph.edges, key=lambda e: -abs(e.weight))
        ]
        render_records(
            rows, Format.table, _out(), title=f"{len(graph.nodes)} actors, {len(graph.edges)} ties"
        )
    else:
        from realpolitik.analysis import draw_png

        path = out or Path(f"network.{fmt.value}")
        if fmt is NetworkFormat.png:
            draw_png(graph, path)
        elif fmt is NetworkFormat.graphml:
            graph.to_graphml(path)
        else:
            graph.to_gexf(path)
        _out().print(f"wrote {path}")


@app.command(epilog="Example: realpolitik blocs --since 2024-11-27 -f json")
@friendly_errors
def blocs(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    actor: ActorFocus = None,
    depth: Depth = 1,
    include_uncertain: Uncertain = False,
    level: Level = "principal",
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.table,
) -> None:
    """Blocs: communities of the positive network, named after their most central member."""
    from realpolitik.analysis import find_blocs

    graph = _network(db, since, until, actor, depth, include_uncertain, level)
    found = find_blocs(graph)
    if fmt is not Format.table:
        render_records([b.to_dict() for b in found], fmt, _out())
        return
    _print_blocs(found)


def _print_blocs(found: Any) -> None:
    rows = [
        {
            "bloc": b.name,
            "members": ", ".join(m.name for m in b.members),
            "cohesion": round(b.cohesion, 2),
            "ties": len(b.ties),
            "evidence (events)": len(b.events),
            "tensions": len(b.tensions),
        }
        for b in found
    ]
    render_records(rows, Format.table, _out(), title="Blocs", widths={"members": 60})


@app.command(epilog="Example: realpolitik balance -f json")
@friendly_errors
def balance(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    actor: ActorFocus = None,
    depth: Depth = 1,
    include_uncertain: Uncertain = False,
    level: Level = "principal",
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.table,
) -> None:
    """Structural balance: unbalanced triads with their evidence, and the frustration index."""
    from realpolitik.analysis import balance as structural_balance

    graph = _network(db, since, until, actor, depth, include_uncertain, level)
    report = structural_balance(graph)
    if fmt is not Format.table:
        _out().file.write(dumps(report.to_dict()) + "\n")
        return
    out = _out()
    out.print(
        f"frustration index {report.frustration} ({report.method}), "
        f"{report.edges_considered} signed ties, {len(report.unbalanced_triads)} unbalanced triads"
    )
    rows = [
        {
            "triad": " / ".join(graph.name(a) for a in t.actors),
            "signs": t.signs,
            "events": len(t.events),
        }
        for t in report.unbalanced_triads
    ]
    render_records(rows, Format.table, out, title="Unbalanced triads")


@app.command(
    epilog="Example: realpolitik timeline Iran --vs Israel --by week -f png --out iran.png"
)
@friendly_errors
def timeline(
    actor: Annotated[str, typer.Argument(help="Actor id, name or alias.")],
    vs: Annotated[str | None, typer.Option("--vs", help="Only events with this actor.")] = None,
    by: Annotated[str, typer.Option("--by", help="day or week.")] = "day",
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    include_uncertain: Uncertain = False,
    fmt: Annotated[
        SeriesFormat, typer.Option("--format", "-f", help="table, json, csv or png.")
    ] = SeriesFormat.table,
    out: OutPath = None,
) -> None:
    """Cooperation and conflict of an actor (or a dyad) per day or week, with a sparkline."""
    from realpolitik.analysis import draw_timeline_png, sparkline
    from realpolitik.analysis import timeline as series

    if by not in ("day", "week"):
        raise typer.BadParameter("--by must be day or week")
    start, end = parse_date_option(since), parse_date_option(until)
    with _session(db, read_only=True) as session:
        start = start or _first_article_day(session)
        mine = session.actor_ids(actor)
        theirs = session.actor_ids(vs) if vs else None
        from realpolitik.store import EventQuery

        # background ("since 2015") would stretch the series over decades
        events = session.store.events(
            EventQuery(
                actor_ids=tuple(mine),
                counterpart_ids=tuple(theirs) if theirs is not None else None,
                exclude_statuses=("historical",),
                since=start,
                until=end,
            )
        )
    points = series(
        events,
        mine,
        theirs,
        by="week" if by == "week" else "day",
        since=start,
        until=end,
        include_uncertain=include_uncertain,
    )
    title = f"{actor}" + (f" vs {vs}" if vs else "") + f", by {by}"
    if fmt is SeriesFormat.png:
        path = out or Path("timeline.png")
        draw_timeline_png(points, path, title)
        _out().print(f"wrote {path}")
        return
    rows = [p.to_dict() if hasattr(p, "to_dict") else vars(p) for p in points]
    if fmt is not SeriesFormat.table:
        render_records(rows, Format(fmt.value), _out())
        return
    out_console = _out()
    out_console.print(f"[bold]{title}[/bold]")
    out_console.print("cooperation " + sparkline([p.cooperation_count for p in points]))
    out_console.print("conflict    " + sparkline([p.conflict_count for p in points]))
    render_records(
        [{k: v for k, v in row.items() if k != "events"} for row in rows], Format.table, out_console
    )


@app.command(epilog="Example: realpolitik shifts --split 2024-12-08 --limit 10")
@friendly_errors
def shifts(
    db: DbOption = None,
    split: Annotated[
        str | None, typer.Option("--split", help="Compare before and after this date.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many shifts to show.")] = 15,
    include_uncertain: Uncertain = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.table,
) -> None:
    """Actors and dyads whose balance of cooperation and conflict changed most."""
    from realpolitik.analysis import session_inputs
    from realpolitik.analysis import shifts as find_shifts

    split_date = parse_date_option(split)
    with _session(db, read_only=True) as session:
        inputs = session_inputs(session, level="principal")
    found = find_shifts(
        inputs.events,
        split_date,
        actor=inputs.actor,
        relations=inputs.relations,
        include_uncertain=include_uncertain,
        limit=limit,
    )
    if fmt is not Format.table:
        render_records([s.to_dict() for s in found], fmt, _out())
        return
    _print_shifts(found, "Shifts")


def _print_shifts(found: Any, title: str) -> None:
    rows = [
        {
            "kind": s.kind,
            "who": s.label,
            "before": round(s.before.score, 2),
            "after": round(s.after.score, 2),
            "change": round(s.change, 2),
            "evidence (events)": len(s.events),
        }
        for s in found
    ]
    split_label = found[0].split.isoformat() if found else "?"
    render_records(rows, Format.table, _out(), title=f"{title} around {split_label}")


def print_demo_analysis(session: Any, out_dir: Path, split: dt.date | None = None) -> None:
    """The end of `realpolitik demo`: blocs, top shifts (around ``split``, default the median
    event date), and the network and Iran PNGs."""
    from realpolitik.analysis import (
        draw_png,
        draw_timeline_png,
        find_blocs,
        from_session,
        session_inputs,
    )
    from realpolitik.analysis import shifts as find_shifts
    from realpolitik.analysis import timeline as series

    out = _out()
    graph = from_session(session, level="principal")
    _print_blocs(find_blocs(graph))
    inputs = session_inputs(session, level="principal")
    every = find_shifts(inputs.events, split, actor=inputs.actor, relations=inputs.relations)
    _print_shifts(every[:10], "Top shifts")
    for shift in every:
        if shift.kind == "actor" and shift.actors == ("IRN",):
            direction = "losing ground" if shift.change < 0 else "gaining ground"
            out.print(
                f"{shift.label}: {shift.before.score:+.2f} before, {shift.after.score:+.2f} after "
                f"({shift.change:+.2f}, {direction}; {len(shift.events)} events)"
            )
    out_dir.mkdir(parents=True, exist_ok=True)
    network_png = draw_png(graph, out_dir / "network.png")
    iran = session.actor_ids("Iran")
    first = _first_article_day(session)
    recent = [e for e in inputs.events if e.status != "historical"]
    points = series(recent, iran, by="day", since=first)
    timeline_png = draw_timeline_png(points, out_dir / "iran-timeline.png", "Iran, by day")
    from realpolitik.brief import build_brief

    out.print("")
    out.file.write(build_brief(session, "Iran", max_items=8).markdown + "\n")
    out.print(f"\nwrote {network_png} and {timeline_png}")


def _first_article_day(session: Any) -> Any:
    """Series start at the first article: events dated earlier are background in the text."""
    return session.store.first_published()


@app.command(
    "brief",
    epilog=(
        "Example: realpolitik brief Iran --since 2024-11-27   or   "
        'realpolitik brief "Israel vs Hezbollah"'
    ),
)
@friendly_errors
def brief_command(
    subject: Annotated[
        str | None, typer.Argument(help='An actor, "A vs B", or nothing for everything.')
    ] = None,
    article: Annotated[
        str | None, typer.Option("--article", help="A 3-5 sentence lede of one article.")
    ] = None,
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    sentences: Annotated[int, typer.Option("--sentences", min=3, max=5, help="Lede length.")] = 4,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md or json.")] = "md",
) -> None:
    """A briefing whose every sentence cites stored evidence [n], with a numbered source list."""
    from realpolitik.brief import brief as write_brief

    if fmt not in ("md", "json"):
        raise typer.BadParameter("--format must be md or json")
    start, end = parse_date_option(since), parse_date_option(until)
    with _session(db, read_only=True) as session:
        try:
            text = write_brief(
                session,
                subject,
                article=article,
                since=start,
                until=end,
                fmt=fmt,
                sentences=sentences,
            )
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from exc
    _out().file.write(text if text.endswith("\n") else text + "\n")
