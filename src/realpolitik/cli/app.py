"""The `realpolitik` command line: a thin skin over the Python API.

Each command calls one public function and turns our typed exceptions into one-line errors with a
non-zero exit. Nothing here computes results.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

import realpolitik
from realpolitik.cli import records
from realpolitik.cli.highlight import highlight
from realpolitik.cli.options import (
    ActorsOption,
    DbOption,
    FormatOption,
    LimitOption,
    ModelOption,
    SinceOption,
    UntilOption,
    parse_date_option,
)
from realpolitik.cli.output import Format, dumps, render_records
from realpolitik.errors import RealpolitikError
from realpolitik.pipeline import IngestReport, Outcome, Overrides
from realpolitik.samples import sample_paths

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="realpolitik",
    help=(
        "Read news and rebuild, with evidence, who backs, fights, threatens or negotiates "
        "with whom.\n\nExample: realpolitik ingest news/ && realpolitik articles --since 2024-12-01"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(
    help="Inspect the database.\n\nExample: realpolitik db info --db news.duckdb",
    no_args_is_help=True,
)
app.add_typer(db_app, name="db")


def _out() -> Console:
    return Console(file=sys.stdout, soft_wrap=False)


def _err() -> Console:
    # soft_wrap keeps an error on the one line we promise, whatever the terminal width.
    return Console(file=sys.stderr, highlight=False, soft_wrap=True)


def friendly_errors(command: F) -> F:
    """Turn realpolitik errors into one line on stderr and the error's exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except RealpolitikError as exc:
            _err().print(f"[red]error:[/red] {escape(str(exc))}")
            raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


def _session(db: Path | None, *, read_only: bool = False, model: str | None = None) -> Any:
    return realpolitik.open(db, read_only=read_only, model=model)


# --- ingest ------------------------------------------------------------------------------------


@app.command(epilog="Example: realpolitik ingest news/ report.html feed.jsonl --glob '*.md,*.txt'")
@friendly_errors
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, folders (recursive) or - for stdin.", show_default=False),
    ],
    db: DbOption = None,
    glob: Annotated[
        str | None,
        typer.Option("--glob", help="File patterns inside folders, comma separated."),
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="Publication date for every article read.")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Publisher for every article read.")
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="Title for every article read.")
    ] = None,
    encoding: Annotated[
        str | None, typer.Option("--encoding", help="Text encoding of the inputs [default: utf-8].")
    ] = None,
    model: ModelOption = None,
    actors: ActorsOption = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="NLP worker processes [default: all cores]."),
    ] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Read articles from files, folders or stdin into the database; re-reading is a no-op."""
    overrides = Overrides(title=title, source=source, published=parse_date_option(date))
    session = realpolitik.open(
        db,
        model=model,
        encoding=encoding,
        actor_files=tuple(actors) if actors else None,
        workers=workers,
    )
    with session:
        report = _ingest_with_progress(session, paths, glob, overrides)
    _print_ingest_report(report, fmt)
    if report.nothing_ingested and report.failed:
        raise typer.Exit(1)


def _ingest_with_progress(
    session: realpolitik.Session, paths: list[str], glob: str | None, overrides: Overrides
) -> IngestReport:
    err = _err()
    columns = (
        SpinnerColumn(),
        TextColumn("[bold]ingest[/bold]"),
        TextColumn("{task.fields[counts]}"),
        TextColumn("[cyan]{task.fields[rate]:.1f} articles/s[/cyan]"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("ingest", total=None, counts="starting", rate=0.0)

        def on_item(outcome: Outcome, report: IngestReport) -> None:
            if outcome == "failed":
                progress.console.print(f"[yellow]skipped:[/yellow] {escape(report.errors[-1])}")
            progress.update(
                task,
                advance=1,
                counts=_counts(report),
                rate=report.articles_per_second,
            )

        report = session.ingest(paths, glob=glob, overrides=overrides, progress=on_item)
        progress.update(task, counts=_counts(report), rate=report.articles_per_second)
    for warning in report.warnings:
        err.print(f"[yellow]note:[/yellow] {escape(warning)}")
    return report


def _counts(report: IngestReport) -> str:
    return f"new {report.new}  duplicate {report.duplicates}  failed {report.failed}"


def _print_ingest_report(report: IngestReport, fmt: Format) -> None:
    summary = {
        "new": report.new,
        "duplicates": report.duplicates,
        "failed": report.failed,
        "words": report.words,
        "seconds": round(report.seconds, 3),
        "articles_per_second": round(report.articles_per_second, 2),
        "errors": report.errors,
        "warnings": report.warnings,
        "article_ids": report.article_ids,
    }
    if fmt is Format.table:
        _out().print(
            f"{report.new} new, {report.duplicates} already stored, {report.failed} failed "
            f"({report.words} words in {report.seconds:.1f} s, "
            f"{report.articles_per_second:.1f} articles/s)"
        )
    else:
        render_records([summary], fmt, _out())


# --- articles, show ----------------------------------------------------------------------------


@app.command(epilog="Example: realpolitik articles --source reuters --since 2024-12-01 -f csv")
@friendly_errors
def articles(
    db: DbOption = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Publisher or domain contains this.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    search: Annotated[
        str | None, typer.Option("--search", help="Title or text contains this (any case).")
    ] = None,
    language: Annotated[
        str | None, typer.Option("--language", help="ISO 639-1 language code, e.g. en.")
    ] = None,
    limit: LimitOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List stored articles, oldest ingest first; every article unless filtered or limited."""
    start, end = parse_date_option(since), parse_date_option(until)
    with _session(db, read_only=True) as session:
        found = session.articles(
            source=source,
            since=start,
            until=end,
            search=search,
            language=language,
            limit=limit,
        )
        rows = [records.article_record(a) for a in found]
    render_records(
        rows,
        fmt,
        _out(),
        table_columns=("id", "published", "source", "title", "words", "language"),
        widths={"id": 12, "title": 60},
    )


@app.command(epilog="Example: realpolitik show 3fa2b9c01d --format json")
@friendly_errors
def show(
    article_id: Annotated[str, typer.Argument(help="Article id or a unique prefix (6+ chars).")],
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Print one article with numbered paragraphs."""
    with _session(db, read_only=True) as session:
        article = session.article(article_id)
        mentions = session.store.mentions(article.id)
        triggers = session.store.article_triggers(article.id)
    if fmt is not Format.table:
        detail = records.article_detail(article)
        detail["mentions"] = [records.mention_record(m) for m in mentions]
        detail["events"] = [
            {
                "event_id": t.event_id,
                "start": t.start,
                "end": t.end,
                "type": t.type,
                "status": t.status,
            }
            for t in triggers
        ]
        render_records([detail], fmt, _out())
        return
    out = _out()
    out.print(f"[bold]{escape(article.title or '(untitled)')}[/bold]")
    meta = [article.published.isoformat() if article.published else "undated"]
    meta += [m for m in (article.source, article.url, article.language) if m]
    out.print(f"[dim]{escape(' · '.join(meta))}[/dim]")
    out.print(f"[dim]id {article.id}[/dim]\n")
    for paragraph in article.paragraphs:
        text = highlight(article.text, paragraph.start, paragraph.end, mentions, triggers)
        out.print(f"[cyan]¶{paragraph.index + 1}[/cyan] {text}\n")
    out.print(
        "[dim]legend:[/dim] [bold green]resolved actor[/bold green] "
        "[bold yellow]coreference[/bold yellow] [bold red]unresolved entity[/bold red] "
        "[reverse bold cyan]event⟨type status⟩[/reverse bold cyan] "
        "[reverse yellow]planned, hypothetical or negated event[/reverse yellow]"
    )


# --- actors -----------------------------------------------------------------------------------


actors_app = typer.Typer(
    help="List actors (or add your own with `actors add`).",
    epilog="Example: realpolitik actors --country SYR --role GOV -f json",
    invoke_without_command=True,
)
app.add_typer(actors_app, name="actors")


@actors_app.callback(invoke_without_command=True)
@friendly_errors
def actors_command(
    ctx: typer.Context,
    db: DbOption = None,
    article: Annotated[
        str | None, typer.Option("--article", help="Only actors mentioned in this article.")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="ISO 3166 alpha-3 code, e.g. IRN.")
    ] = None,
    role: Annotated[str | None, typer.Option("--role", help="CAMEO role code, e.g. MIL.")] = None,
    unresolved: Annotated[
        bool, typer.Option("--unresolved", help="Include entities not in the dictionary.")
    ] = False,
    limit: LimitOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List the actors mentioned in the stored articles, most mentioned first.

    Example: realpolitik actors --country SYR --role GOV -f json
    """
    if ctx.invoked_subcommand is not None:
        return
    with _session(db, read_only=True) as session:
        article_id = session.article(article).id if article else None
        rows = session.actors(
            article_id=article_id, country=country, role=role, include_unresolved=unresolved
        )
    records_out = [records.actor_record(r) for r in rows[:limit] if r]
    render_records(
        records_out,
        fmt,
        _out(),
        table_columns=("id", "code", "name", "country", "role", "parent", "mentions", "articles"),
        widths={"name": 40},
    )


actors_app_help = (
    "Example: realpolitik actors add NORTHERN_FALCONS --name 'Northern Falcons' --kind group "
    "--country SYR --role REB --alias Falcons"
)


@actors_app.command("add", epilog=actors_app_help)
@friendly_errors
def actor_add(
    actor_id: Annotated[str, typer.Argument(help="Upper-case id, e.g. NORTHERN_FALCONS.")],
    name: Annotated[str, typer.Option("--name", help="Canonical name.")],
    kind: Annotated[
        str, typer.Option("--kind", help="group, party, agency, igo, alliance, person...")
    ] = "group",
    country: Annotated[str | None, typer.Option("--country", help="ISO 3166 alpha-3 code.")] = None,
    role: Annotated[str | None, typer.Option("--role", help="CAMEO role code, e.g. REB.")] = None,
    parent: Annotated[
        str | None, typer.Option("--parent", help="Id of the actor it belongs to.")
    ] = None,
    alias: Annotated[
        list[str] | None, typer.Option("--alias", help="Another name (repeatable).")
    ] = None,
    valid_from: Annotated[
        str | None, typer.Option("--from", help="First day (YYYY-MM-DD).")
    ] = None,
    valid_to: Annotated[str | None, typer.Option("--to", help="Last day (YYYY-MM-DD).")] = None,
) -> None:
    """Add an actor to your own dictionary (config folder), validated with the whole dictionary."""
    from realpolitik.actors.user import add_actor

    config = realpolitik.Config.from_env()
    entry = add_actor(
        config,
        {
            "id": actor_id,
            "name": name,
            "kind": kind,
            "country": country,
            "role": role,
            "parent": parent,
            "aliases": alias or [],
            "valid_from": valid_from,
            "valid_to": valid_to,
        },
    )
    _out().print(f"added {entry.id} ({entry.code}) to {config.user_actor_dir / 'user.yaml'}")


@app.command("actor", epilog="Example: realpolitik actor HTS   or   realpolitik actor 'Quds Force'")
@friendly_errors
def actor_command(
    name: Annotated[str, typer.Argument(help="Actor id, name or alias.")],
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Show an actor: aliases, parents, children, members, tenure and where it was mentioned."""
    with _session(db, read_only=True) as session:
        profile = session.actor(name)
    record = records.profile_record(profile)
    if fmt is not Format.table:
        render_records([record], fmt, _out())
        return
    out = _out()
    entry = profile.entry
    out.print(
        f"[bold]{escape(entry.name)}[/bold]  [dim]{entry.id} · {entry.code} · {entry.kind}[/dim]"
    )
    lines = [
        ("title", entry.title),
        ("affiliation", entry.affiliation),
        ("aliases", ", ".join(entry.aliases)),
        ("tenure", _tenure(entry.valid_from, entry.valid_to)),
        ("parents", " > ".join(p.name for p in profile.parents)),
        ("children", ", ".join(c.name for c in profile.children)),
        ("members", ", ".join(m.name for m in profile.members)),
        ("member of", ", ".join(m.name for m in profile.member_of)),
    ]
    for label, value in lines:
        if value:
            out.print(f"[cyan]{label:>11}[/cyan] {escape(str(value))}")
    out.print(f"[cyan]{'mentions':>11}[/cyan] {len(profile.mentions)}")
    for article_id, mention in profile.mentions[:20]:
        out.print(
            f"            {article_id[:12]} [{mention.start}:{mention.end}] "
            f"{escape(mention.text)} [dim]({mention.method})[/dim]"
        )


def _tenure(start: Any, end: Any) -> str:
    if not start and not end:
        return ""
    return f"{start or '?'} to {end or 'present'}"


# --- events and relations -------------------------------------------------------------------


@app.command("events", epilog="Example: realpolitik events --actor Iran --status asserted -f json")
@friendly_errors
def events_command(
    db: DbOption = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Actor id, name or alias (with its sub-actors).")
    ] = None,
    type_: Annotated[
        str | None, typer.Option("--type", help="PLOVER event type, e.g. ASSAULT.")
    ] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="asserted, reported, claimed, planned, ...")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    article: Annotated[
        str | None, typer.Option("--article", help="Only events stated in this article.")
    ] = None,
    limit: LimitOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List coded events: who did what to whom, with status, place, date and evidence."""
    start, end = parse_date_option(since), parse_date_option(until)
    with _session(db, read_only=True) as session:
        article_id = session.article(article).id if article else None
        rows = session.event_records(
            actor=actor,
            type=type_,
            status=status,
            since=start,
            until=end,
            article_id=article_id,
            limit=limit,
        )
    if fmt is Format.table:
        rows = [_event_row(r) for r in rows]
        render_records(
            rows,
            fmt,
            _out(),
            table_columns=("date", "source", "type", "target", "status", "place", "evidence"),
            widths={"evidence": 60, "source": 22, "target": 22},
        )
    else:
        render_records(rows, fmt, _out())


def _event_row(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "date": record["date"],
        "source": (record["source"] or {}).get("name"),
        "type": record["type"] + (f"/{record['mode']}" if record["mode"] else ""),
        "target": (record["target"] or {}).get("name"),
        "status": record["status"],
        "place": (record["location"] or {}).get("name"),
        "evidence": _clip(record["evidence"]["text"], 90),
    }


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@app.command("relations", epilog="Example: realpolitik relations --actor SDF -f json")
@friendly_errors
def relations_command(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor id, name or alias.")] = None,
    relation: Annotated[
        str | None, typer.Option("--relation", help="backs, ally_of, proxy_of, member_of, ...")
    ] = None,
    status: Annotated[str | None, typer.Option("--status", help="Only this status.")] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List standing relations between actors, with the evidence for each."""
    with _session(db, read_only=True) as session:
        rows = session.relation_records(actor=actor, relation=relation, status=status)
    if fmt is Format.table:
        table = [
            {
                "source": (r["source"] or {}).get("name"),
                "relation": r["relation"],
                "target": (r["target"] or {}).get("name"),
                "status": r["status"],
                "evidence": len(r["evidence"]),
                "first_seen": r["first_seen"],
                "last_seen": r["last_seen"],
            }
            for r in rows
        ]
        render_records(table, fmt, _out())
    else:
        render_records(rows, fmt, _out())


# --- evaluation --------------------------------------------------------------------------------


eval_app = typer.Typer(
    help=(
        "Measure accuracy on labelled data.\n\n"
        "Example: realpolitik eval plover ../shared/eval/plover_gsr.jsonl"
    ),
    no_args_is_help=True,
)
app.add_typer(eval_app, name="eval")


@eval_app.command(
    "plover", epilog="Example: realpolitik eval plover ../shared/eval/plover_gsr.jsonl"
)
@friendly_errors
def eval_plover(
    path: Annotated[Path, typer.Argument(help="PLOVER gold records (JSON lines).")],
    model: ModelOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md or json")] = "md",
) -> None:
    """Precision, recall and F1 per field against PLOVER gold records."""
    _run_eval("plover", path, model, fmt)


@eval_app.command(
    "petrarch", epilog="Example: realpolitik eval petrarch ../shared/eval/petr2_gsr_gigaword.jsonl"
)
@friendly_errors
def eval_petrarch(
    path: Annotated[Path, typer.Argument(help="PETRARCH validation records (JSON lines).")],
    model: ModelOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md or json")] = "md",
) -> None:
    """Precision, recall and F1 per field (and CAMEO root + dyad) against PETRARCH records."""
    _run_eval("petrarch", path, model, fmt)


def _run_eval(scheme: str, path: Path, model: str | None, fmt: str) -> None:
    from realpolitik.evaluate import evaluate_file

    report = evaluate_file(scheme, path, realpolitik.Config.from_env(model=model))
    if fmt == "json":
        _out().file.write(dumps(report.to_dict()) + "\n")
    else:
        _out().file.write(report.to_markdown() + "\n")


# --- db ----------------------------------------------------------------------------------------


@db_app.command("info", epilog="Example: realpolitik db info --format json")
@friendly_errors
def db_info(db: DbOption = None, fmt: FormatOption = Format.table) -> None:
    """Print the schema version, row counts and file size of the database."""
    with _session(db, read_only=True) as session:
        record = records.info_record(session.info())
    if fmt is Format.table:
        render_records([{"key": k, "value": v} for k, v in record.items()], Format.table, _out())
    else:
        render_records([record], fmt, _out())


# --- demo --------------------------------------------------------------------------------------

# The sample corpus's shifts: the rebel offensive's first three days against what followed.
DEMO_SPLIT = date(2024, 11, 30)


@app.command(epilog="Example: realpolitik demo --db demo.duckdb")
@friendly_errors
def demo(db: DbOption = None, model: ModelOption = None) -> None:
    """Ingest the bundled sample corpus (Syria, 27 Nov - 20 Dec 2024) and summarise it."""
    session = realpolitik.open(db, model=model)
    with session:
        report = _ingest_with_progress(session, [str(p) for p in sample_paths()], None, Overrides())
        _print_ingest_report(report, Format.table)
        _print_corpus_summary(session)
        from realpolitik.cli.analysis_commands import print_demo_analysis

        print_demo_analysis(
            session,
            Path(session.config.db_path).resolve().parent / "demo-output",
            split=DEMO_SPLIT,
        )


def _print_corpus_summary(session: realpolitik.Session) -> None:
    out = _out()
    info = session.info()
    stored = session.articles()
    dates = sorted(a.published for a in stored if a.published)
    words = sum(a.word_count for a in stored)
    out.print(
        f"\n[bold]{len(stored)} articles[/bold] ({words} words) in {info.path}, "
        f"{dates[0] if dates else '?'} to {dates[-1] if dates else '?'}"
    )
    render_records(
        [records.article_record(a) for a in stored],
        Format.table,
        out,
        table_columns=("published", "title", "words"),
        widths={"title": 70},
    )
    events = session.event_records()
    by_status: dict[str, int] = {}
    for event in events:
        by_status[event["status"]] = by_status.get(event["status"], 0) + 1
    out.print(
        f"\n[bold]{len(events)} events[/bold] coded: "
        + ", ".join(f"{count} {status}" for status, count in sorted(by_status.items()))
    )
    relations = session.relation_records()
    render_records(
        [
            {
                "source": (r["source"] or {}).get("name"),
                "relation": r["relation"],
                "target": (r["target"] or {}).get("name"),
                "status": r["status"],
                "evidence": len(r["evidence"]),
            }
            for r in relations
            if r["status"] in ("asserted", "reported", "historical")
        ][:20],
        Format.table,
        out,
        title="Standing relations (first 20)",
    )
    top = session.actors()[:15]
    render_records(
        [records.actor_record(r) for r in top],
        Format.table,
        out,
        title="Most mentioned actors",
        table_columns=("id", "code", "name", "mentions", "articles"),
    )


@app.command(epilog="Example: realpolitik version")
def version() -> None:
    """Print the realpolitik version."""
    _out().print(realpolitik.__version__)
