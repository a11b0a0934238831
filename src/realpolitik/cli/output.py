"""Rendering of records as table, JSON, JSON lines or CSV, with stable keys and ISO dates."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any

from rich.console import Console
from rich.table import Table


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def to_jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value


def dumps(value: Any) -> str:
    return json.dumps(to_jsonable(value), ensure_ascii=False, indent=2)


def render_records(
    records: Sequence[dict[str, Any]],
    fmt: Format,
    console: Console,
    *,
    title: str | None = None,
    table_columns: Sequence[str] | None = None,
    widths: dict[str, int] | None = None,
) -> None:
    """Print records; the table view may show fewer columns, the other formats show all keys."""
    if fmt is Format.json:
        console.file.write(dumps(list(records)) + "\n")
    elif fmt is Format.jsonl:
        for record in records:
            console.file.write(json.dumps(to_jsonable(record), ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        console.file.write(to_csv(records))
    else:
        columns = list(table_columns or (records[0].keys() if records else []))
        table = Table(title=title, show_lines=False, header_style="bold")
        for column in columns:
            width = (widths or {}).get(column)
            table.add_column(column, max_width=width, overflow="fold" if width else "ellipsis")
        for record in records:
            table.add_row(*(_table_cell(column, record.get(column)) for column in columns))
        console.print(table)
        console.print(f"[dim]{len(records)} row{'s' if len(records) != 1 else ''}[/dim]")


def to_csv(records: Sequence[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    if not records:
        return ""
    writer = csv.DictWriter(buffer, fieldnames=list(records[0].keys()), lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: _csv_cell(v) for k, v in to_jsonable(record).items()})
    return buffer.getvalue()


def _csv_cell(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _table_cell(column: str, value: Any) -> str:
    # Ids are 64-hex content hashes; a 12-character prefix is unique in practice and accepted
    # wherever an id is asked for.
    if column == "id" and isinstance(value, str) and len(value) == 64:
        return value[:12]
    return _cell(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    value = to_jsonable(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
