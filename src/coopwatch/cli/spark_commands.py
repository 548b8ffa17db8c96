"""``coopwatch spark`` (the Spark job on a local Spark) and ``coopwatch load`` (its output
into the store)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from coopwatch.cli.common import DbOption, ModelOption
from coopwatch.cli.store_commands import _open_store, err, out
from coopwatch.errors import CoopwatchError


def spark(
    inputs: list[str] = typer.Argument(
        ..., help="Files, folders, globs or Hadoop URIs (warc, jsonl, html, rss/atom, txt)."
    ),
    output: str = typer.Option(..., "--out", "-o", help="Output directory (path or URI)."),
    master: str = typer.Option(
        "local[*]", "--master", help="Spark master: local[N] (N cores) or a cluster URL."
    ),
    partitions: int | None = typer.Option(
        None,
        "--partitions",
        min=1,
        help="Input partitions (default: 4 per core, at most one per file).",
    ),
    overwrite: bool = typer.Option(
        False, "--overwrite", help="Replace the output of an earlier run in --out."
    ),
    model: str = ModelOption,
) -> None:
    """Extract with Apache Spark into Parquet tables (needs the spark extra and Java 17)."""
    try:
        from coopwatch.spark.job import run, session
    except ImportError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}: pip install 'coopwatch[spark]'")
        raise typer.Exit(2) from exc
    from pyspark.sql import SparkSession

    # A session already running in this process (a notebook, a test) is used and left so.
    ours = SparkSession.getActiveSession() is None
    session_ = session(master)
    if ours:
        session_.sparkContext.setLogLevel("WARN")
    try:
        counts = run(
            session_, inputs, output, partitions=partitions, overwrite=overwrite, model=model
        )
    except CoopwatchError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    finally:
        if ours:
            session_.stop()
    out.print(
        f"{counts.files} files, {counts.documents_read} documents read: "
        f"{counts.documents_extracted} extracted, {counts.documents_failed} failed; "
        f"{counts.events} events; {counts.read_errors} unreadable files or records "
        f"(see {escape(output)}/errors)"
    )


def load(
    output: Path = typer.Argument(..., help="Output directory of `coopwatch spark`."),
    db: str | None = DbOption,
    batch: int = typer.Option(500, "--batch", min=1, help="Documents per transaction."),
    events_only: bool = typer.Option(
        False, "--events-only", help="Only the documents in which an event was found."
    ),
) -> None:
    """Load the output of `coopwatch spark` into the store (idempotent, like ingest)."""
    from coopwatch.load import load as load_output

    store = _open_store(db)
    try:
        report = load_output(store, output, batch_size=batch, events_only=events_only)
    except CoopwatchError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    finally:
        store.close()
    for error in report.errors:
        err.print(f"[red]error[/red] {escape(str(error))}")
    stored = report.store
    out.print(
        f"{report.rows} documents read: {stored.documents_new} new, "
        f"{stored.documents_skipped} already stored, {report.without_events} without events "
        f"left out; {stored.events_new} new events; "
        f"{len(report.errors)} failed"
    )
    if report.errors:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(spark)
    app.command()(load)
