"""Options and helpers shared by the CLI commands."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from coopwatch.errors import InputError
from coopwatch.model import Document
from coopwatch.settings import Settings

ModelOption = typer.Option(
    Settings.from_env().model,
    "--model",
    help="Optional statistical stage for persons and organisations: none, spacy (French) "
    "or natasha (Russian).",
)
DbOption = typer.Option(
    None,
    "--db",
    help="Database: SQLAlchemy URL or SQLite file [env COOPWATCH_DB; default ./coopwatch.db].",
)


def read_all(paths: Sequence[Path], err: Console) -> Iterator[Document | InputError]:
    """Documents of every input; each unreadable input is reported on one line and yielded."""
    from coopwatch.readers import iter_inputs

    for item in iter_inputs(paths):
        if isinstance(item, InputError):
            err.print(f"[red]error[/red] {escape(str(item))}")
        yield item
