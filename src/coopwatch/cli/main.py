"""The ``coopwatch`` command: thin typer commands over library functions."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import typer
from rich.console import Console

from coopwatch.budget import Limits
from coopwatch.cli import (
    export_command,
    register_commands,
    spark_commands,
    store_commands,
    web_commands,
)
from coopwatch.cli.common import (
    MaxCharsOption,
    ModelOption,
    Tally,
    TimeBudgetOption,
    WorkersOption,
    extractions,
)
from coopwatch.cli.eval_command import eval_command
from coopwatch.cli.store_commands import err

app = typer.Typer(
    name="coopwatch",
    help="A register of economic cooperation between countries, extracted from news with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)


@app.callback()
def main(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what happens.")) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(message)s")


@app.command()
def extract(
    paths: list[Path] = typer.Argument(
        ..., help="Files or folders (txt, html, rss/atom, jsonl, warc)."
    ),
    as_json: bool = typer.Option(
        False, "--json", help="One JSON object per document (JSON Lines)."
    ),
    mentions: bool = typer.Option(False, "--mentions", help="Include every mention in the JSON."),
    model: str = ModelOption,
    workers: int = WorkersOption,
    max_chars: int = MaxCharsOption,
    time_budget: float = TimeBudgetOption,
) -> None:
    """Extract events from documents, without a database."""
    tally = Tally()
    done = 0
    found = extractions(
        paths,
        err,
        model=model,
        workers=workers,
        tally=tally,
        mentions=as_json and mentions,
        limits=Limits(max_chars, time_budget),
    )
    for extraction in found:
        done += 1
        if as_json:
            line = json.dumps(extraction.to_json(with_mentions=mentions), ensure_ascii=False)
            sys.stdout.write(line + "\n")
        else:
            store_commands.print_extraction(out, extraction)
    err.print(f"{done} documents extracted, {tally.failed} failed")
    if tally.failed:
        raise typer.Exit(1)


app.command(name="eval")(eval_command)
store_commands.register(app)
register_commands.register(app)
app.command()(export_command.export)
web_commands.register(app)
spark_commands.register(app)


if __name__ == "__main__":  # pragma: no cover
    app()
