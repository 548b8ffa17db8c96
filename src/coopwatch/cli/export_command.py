"""``coopwatch export``: the register as CSV, JSON Lines or Parquet tables."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import typer

from coopwatch.cli.common import DbOption, safe
from coopwatch.cli.store_commands import _open_store, err
from coopwatch.store.exports import COLUMNS, TABLES

FORMATS = ("csv", "jsonl", "parquet")
#: First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet evaluates: text starting like a formula gets a
    leading single quote, as OWASP recommends; numbers and other text are left alone."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _csv_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return value


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def write_table(rows: Iterator[dict[str, Any]], table: str, fmt: str, out: Path | None) -> int:
    """Write one table's rows; how many were written."""
    if fmt == "parquet":
        if out is None:
            raise typer.BadParameter("parquet needs --out", param_hint="--out")
        return _parquet(rows, table, out)
    handle = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    count = 0
    try:
        writer = None
        for row in rows:
            if fmt == "csv":
                flat = {k: inert_cell(_csv_value(v)) for k, v in row.items()}
                if writer is None:
                    writer = csv.DictWriter(handle, fieldnames=list(COLUMNS[table]))
                    writer.writeheader()
                writer.writerow(flat)
            else:
                data = {k: _json_value(v) for k, v in row.items()}
                handle.write(json.dumps(data, ensure_ascii=False) + "\n")
            count += 1
    finally:
        if out:
            handle.close()
    return count


def _parquet(rows: Iterator[dict[str, Any]], table: str, out: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise typer.BadParameter("parquet needs pyarrow: pip install 'coopwatch[parquet]'") from exc
    types = {
        "string": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "date": pa.date32(),
        "bool": pa.bool_(),
        "list": pa.list_(pa.string()),
    }
    schema = pa.schema([(name, types[kind]) for name, kind in COLUMNS[table].items()])
    data = pa.Table.from_pylist(list(rows), schema=schema)
    pq.write_table(data, out)
    return int(data.num_rows)


def export(
    fmt: str = typer.Option("csv", "--format", "-f", help="csv, jsonl or parquet."),
    table: str = typer.Option(
        "events",
        "--table",
        "-t",
        help=f"One of {', '.join(TABLES)}; or all (then --out is a folder).",
    ),
    out_path: Path | None = typer.Option(
        None, "--out", "-o", help="Output file, or folder with --table all (default: stdout)."
    ),
    db: str | None = DbOption,
) -> None:
    """Export the register: one row per event (ISO country codes, ISIC divisions, CAMEO
    codes), per source of an event, per commitment and its events, per entity and alias."""
    if fmt not in FORMATS:
        raise typer.BadParameter(
            f"unknown format {fmt!r}: csv, jsonl or parquet", param_hint="--format"
        )
    if table != "all" and table not in TABLES:
        raise typer.BadParameter(
            f"unknown table {table!r}: {', '.join(TABLES)} or all", param_hint="--table"
        )
    if table == "all" and out_path is None:
        raise typer.BadParameter("--table all needs --out FOLDER", param_hint="--out")
    store = _open_store(db, existing=True)
    try:
        if table == "all":
            assert out_path is not None
            out_path.mkdir(parents=True, exist_ok=True)
            for name in TABLES:
                target = out_path / f"{name}.{fmt}"
                count = write_table(store.export_table(name), name, fmt, target)
                err.print(f"{count} rows written to {safe(str(target))}")
            return
        count = write_table(store.export_table(table), table, fmt, out_path)
    finally:
        store.close()
    if out_path:
        err.print(f"{count} rows written to {safe(str(out_path))}")
