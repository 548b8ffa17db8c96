"""Options and helpers shared by the CLI commands."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from coopwatch.batch import Failure, extract_many
from coopwatch.budget import Limits
from coopwatch.errors import InputError
from coopwatch.model import Document, Extraction
from coopwatch.settings import Settings
from coopwatch.text import visible


def _environment() -> Settings:
    """The settings of the environment; a malformed one ends the command, named."""
    try:
        return Settings.from_env()
    except ValueError as exc:
        Console(stderr=True).print(f"[red]error[/red] {escape(visible(str(exc)))}")
        raise SystemExit(2) from exc


ENV = _environment()
ModelOption = typer.Option(
    ENV.model,
    "--model",
    help="Optional statistical stage for persons and organisations: none, spacy (French) "
    "or natasha (Russian).",
)
WorkersOption = typer.Option(
    1,
    "--workers",
    "-j",
    min=1,
    help="Processes that extract in parallel (one per core pays from a few thousand "
    "documents on; each takes a second or two to start).",
)
#: Documents whose ids are looked up in the store at once.
_KNOWN_CHUNK = 200

MaxCharsOption = typer.Option(
    ENV.max_chars,
    "--max-chars",
    min=0,
    help="Largest document analysed, in characters; a larger one is reported as failed "
    "(0: no limit) [env COOPWATCH_MAX_CHARS].",
)
TimeBudgetOption = typer.Option(
    ENV.time_budget,
    "--time-budget",
    min=0.0,
    help="Seconds one document may take before it is reported as failed and the run "
    "goes on (0: no budget) [env COOPWATCH_TIME_BUDGET].",
)
DbOption = typer.Option(
    None,
    "--db",
    help="Database: SQLAlchemy URL or SQLite file [env COOPWATCH_DB; default ./coopwatch.db].",
)


def safe(text: str) -> str:
    """Document-supplied or file-system text as rich markup that prints as it is: its
    markup escaped and its control characters shown, never sent to the terminal."""
    return escape(visible(text))


def read_all(paths: Sequence[Path], err: Console) -> Iterator[Document | InputError]:
    """Documents of every input; each unreadable input is reported on one line and yielded."""
    from coopwatch.readers import iter_inputs

    for item in iter_inputs(paths):
        if isinstance(item, InputError):
            err.print(f"[red]error[/red] {safe(str(item))}")
        yield item


@dataclass(slots=True)
class Tally:
    """What a batch command has seen so far: documents read, inputs or documents failed."""

    read: int = 0
    failed: int = 0
    #: Documents recognised as stored already, before they were analysed.
    known: int = 0


def extractions(
    paths: Sequence[Path],
    err: Console,
    *,
    model: str,
    workers: int,
    tally: Tally,
    mentions: bool = False,
    known: Callable[[list[str]], set[str]] | None = None,
    limits: Limits | None = None,
    in_process: bool = True,
) -> Iterator[Extraction]:
    """The extraction of every readable document. Unreadable inputs and failed
    extractions are reported on one line each and counted in ``tally``; the batch goes
    on. ``known`` tells which of a list of document ids are stored already: those are
    skipped before analysis. ``in_process`` as in ``extract_many``. Worker processes,
    if any, start now: call this before starting a progress bar."""

    def readable() -> Iterator[Document]:
        for item in read_all(paths, err):
            if isinstance(item, InputError):
                tally.failed += 1
            else:
                tally.read += 1
                yield item

    def documents() -> Iterator[Document]:
        if known is None:
            yield from readable()
            return
        items = readable()
        while chunk := list(islice(items, _KNOWN_CHUNK)):
            stored = known([d.id for d in chunk])
            tally.known += sum(d.id in stored for d in chunk)
            yield from (d for d in chunk if d.id not in stored)

    found = extract_many(
        documents(),
        model=model,
        workers=workers,
        mentions=mentions,
        limits=limits,
        in_process=in_process,
    )
    return _successes(found, err, tally)


def _successes(
    results: Iterator[Extraction | Failure], err: Console, tally: Tally
) -> Iterator[Extraction]:
    for result in results:
        if isinstance(result, Failure):
            tally.failed += 1
            source, error = safe(result.document.source), safe(result.error)
            err.print(f"[red]error[/red] {source}: {error}")
        else:
            yield result
