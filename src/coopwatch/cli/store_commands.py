"""Commands over the store: ingest, events, show, export (and text rendering of results)."""

from __future__ import annotations

import json
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from coopwatch.budget import Limits
from coopwatch.cli import filters
from coopwatch.cli.common import (
    DbOption,
    MaxCharsOption,
    ModelOption,
    Tally,
    TimeBudgetOption,
    WorkersOption,
    extractions,
    safe,
)
from coopwatch.errors import CoopwatchError
from coopwatch.model import Extraction
from coopwatch.settings import Settings, database_url
from coopwatch.text import visible

if TYPE_CHECKING:
    from coopwatch.store import IngestReport

_BATCH = 200
# Tables stay readable when piped (make demo, logs): a wide default instead of 80.
out = Console(width=shutil.get_terminal_size((150, 24)).columns)
err = Console(stderr=True, soft_wrap=True)


def print_extraction(console: Console, extraction: Extraction) -> None:
    doc = extraction.document
    console.print(
        f"[bold]{safe(doc.source)}[/bold] ({safe(doc.lang or '?')}, {doc.published or 'undated'})"
    )
    if not extraction.events:
        console.print("  no cooperation event")
        return
    console.print(f"  parties: {safe(', '.join(extraction.parties))}")
    for event in extraction.events:
        console.print(
            f"  - {event.type} {event.date or 'undated'} (confidence {event.confidence:.2f}): "
            f"{safe(event.trigger)}"
        )
    if extraction.sectors:
        console.print(f"  sectors (ISIC): {safe(', '.join(extraction.sectors))}")
    if extraction.instruments:
        console.print(f"  instruments: {safe(', '.join(extraction.instruments))}")
    for org in extraction.organizations:
        console.print(f"  organisation: {safe(' / '.join(org.names))}")
    for person in extraction.persons:
        console.print(
            f"  person: {safe(person.name)} "
            f"({safe(person.country or '?')}, {safe(person.role or '-')})"
        )
    for amount in extraction.amounts:
        console.print(f"  amount: {amount.value:,} {safe(amount.currency)}")
    if extraction.jobs:
        console.print(f"  jobs: {extraction.jobs:,}")


def _open_store(db: str | None, *, existing: bool = False) -> Any:
    """The store at ``db`` (default: the settings'); with ``existing``, an SQLite file
    that does not exist is an error instead of a new, empty database."""
    from coopwatch.store import Store

    url = database_url(db or Settings.from_env().db)
    if existing:
        _require_existing(url)
    try:
        return Store.open(url)
    except CoopwatchError as exc:
        err.print(f"[red]error[/red] {safe(str(exc))}")
        raise typer.Exit(2) from exc


def _require_existing(url: str) -> None:
    import sqlalchemy as sa

    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError:
        return  # _open_store reports it
    path = parsed.database
    if parsed.get_backend_name() != "sqlite" or not path or path == ":memory:":
        return
    if not Path(path).is_file():
        err.print(
            f"[red]error[/red] no database at {safe(path)}: check --db (or COOPWATCH_DB), "
            "or store documents there first with `coopwatch ingest`"
        )
        raise typer.Exit(2)


def ingest(
    paths: list[Path] = typer.Argument(
        ..., help="Files or folders (txt, html, rss/atom, jsonl, warc)."
    ),
    db: str | None = DbOption,
    model: str = ModelOption,
    workers: int = WorkersOption,
    max_chars: int = MaxCharsOption,
    time_budget: float = TimeBudgetOption,
) -> None:
    """Extract events from documents and store them (idempotent: stored documents are skipped).

    A document that cannot be extracted or stored is reported with its file and the
    reason and left out; every other one is stored, and the exit code is 1."""
    from coopwatch.store import IngestReport, rare_collections

    store = _open_store(db)
    report = IngestReport()
    tally = Tally()
    batch: list[Extraction] = []
    found = extractions(
        paths,
        err,
        model=model,
        workers=workers,
        tally=tally,
        limits=Limits(max_chars, time_budget),
        known=store.known_documents,
        in_process=False,  # documents are analysed in a worker while batches are stored
    )

    def store_batch() -> IngestReport:
        stored = store.ingest(batch, isolate=True)
        for source, reason in stored.failures:
            err.print(f"[red]error[/red] {safe(source)}: not stored: {safe(reason)}")
        tally.failed += len(stored.failures)
        return stored

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with rare_collections(), Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("reading", total=None)
        for done, extraction in enumerate(found, start=1):
            batch.append(extraction)
            progress.update(task, advance=1, description=f"{done} documents")
            if len(batch) >= _BATCH:
                report += store_batch()
                batch = []
        if batch:
            report += store_batch()
    out.print(
        f"{tally.read} documents read: {report.documents_new} new, "
        f"{report.documents_skipped + tally.known} already stored; "
        f"{report.events_new} new events; {tally.failed} failed"
    )
    store.close()
    if tally.failed:
        raise typer.Exit(1)


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(
            f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option
        ) from exc


def events(
    country: list[str] = typer.Option(
        [], "--country", "-c", help="ISO alpha-2 party (repeatable: all must be parties)."
    ),
    type_: str | None = typer.Option(
        None, "--type", "-t", help="meeting, pledge, agreement or implementation."
    ),
    sector: str | None = typer.Option(None, "--sector", "-s", help="ISIC Rev.4 division, e.g. 28."),
    since: str | None = typer.Option(
        None, "--since", help="Events on or after this date (YYYY-MM-DD)."
    ),
    until: str | None = typer.Option(
        None, "--until", help="Events on or before this date (YYYY-MM-DD)."
    ),
    search: str | None = typer.Option(
        None, "--search", help="Words that the source document contains."
    ),
    limit: int | None = typer.Option(
        None, "--limit", min=1, max=filters.MAX_LIMIT, help="At most this many events."
    ),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per event (JSON Lines)."),
    db: str | None = DbOption,
) -> None:
    """List stored events, newest first."""
    countries, kind, division = (
        filters.countries(country),
        filters.event_type(type_),
        filters.sector(sector),
    )
    first, last = _parse_date(since, "--since"), _parse_date(until, "--until")
    store = _open_store(db, existing=True)
    rows = store.events(
        countries=countries,
        type=kind,
        sector=division,
        since=first,
        until=last,
        search=search,
        limit=limit,
    )
    store.close()
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row.to_json(), ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(rows)} events", title_justify="left")
    columns = ("id", "date", "type", "parties", "sectors", "instruments", "reports", "conf.")
    for column in columns:
        table.add_column(column, no_wrap=column in ("id", "date", "type", "parties"))
    for row in rows:
        langs = ",".join(sorted({s.lang for s in row.sources if s.lang}))
        table.add_row(
            safe(row.id),
            str(row.date or "-"),
            safe(row.type),
            safe("-".join(row.parties)),
            safe(",".join(row.sectors)),
            safe(",".join(row.instruments)),
            f"{len(row.sources)} ({safe(langs)})" if langs else str(len(row.sources)),
            f"{row.confidence:.2f}",
        )
    out.print(table)


def _shown(text: str) -> str:
    return escape(visible(text, keep="\n"))


def highlighted(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """Rich markup of ``text[start:end]`` with the given spans in bold, all text escaped."""
    pieces, cursor = [], start
    for s, e in sorted({(max(s, start), min(e, end)) for s, e in spans if s < end and e > start}):
        if s < cursor:
            continue
        pieces.append(_shown(text[cursor:s]))
        pieces.append(f"[bold yellow]{_shown(text[s:e])}[/bold yellow]")
        cursor = e
    pieces.append(_shown(text[cursor:end]))
    return "".join(pieces)


def show(
    event_id: str = typer.Argument(
        ..., help="Event id (as listed by `events`) or commitment id (by `commitments`)."
    ),
    as_json: bool = typer.Option(False, "--json", help="As one JSON object."),
    db: str | None = DbOption,
) -> None:
    """Show one event (every field, why its reports were joined, the evidence sentences
    with the supporting words) or one commitment (its thread, stage by stage)."""
    from coopwatch.cli.register_commands import commitment_json, print_commitment

    store = _open_store(db, existing=True)
    thread = store.commitment(event_id) if event_id.startswith("c") else None
    detail = None if thread else store.event(event_id)
    store.close()
    if thread is not None:
        if as_json:
            line = json.dumps(commitment_json(thread.commitment, thread), ensure_ascii=False)
            sys.stdout.write(line + "\n")
        else:
            print_commitment(thread)
        return
    if detail is None:
        err.print(f"[red]error[/red] no event {safe(repr(event_id))} in the store")
        raise typer.Exit(1)
    if as_json:
        sys.stdout.write(json.dumps(detail.to_json(), ensure_ascii=False) + "\n")
        return
    out.print(
        f"[bold]{safe(detail.type)}[/bold] {detail.date or 'undated'}  (id {safe(detail.id)}, "
        f"CAMEO {safe(detail.cameo)}, confidence {detail.confidence:.2f})"
    )
    out.print(f"parties: {safe(', '.join(detail.parties)) or '-'}")
    out.print(f"sectors (ISIC): {safe(', '.join(detail.sectors)) or '-'}")
    out.print(f"instruments: {safe(', '.join(detail.instruments)) or '-'}")
    for p in detail.persons:
        out.print(f"person: {safe(p.name)} ({safe(p.country or '?')}, {safe(p.role or '-')})")
    for o in detail.organizations:
        out.print(f"organisation: {safe(' / '.join(dict.fromkeys([o.name, *o.aliases])))}")
    for a in detail.amounts:
        out.print(f"amount: {a.value:,} {safe(a.currency)}")
    if detail.jobs:
        out.print(f"jobs: {detail.jobs:,}")
    if detail.commitments:
        out.print(f"commitments: {', '.join(detail.commitments)}")
    if len(detail.sources) > 1:
        out.print(f"\n[bold]{len(detail.sources)} reports joined[/bold]")
        for a, b, score, reasons in detail.links:
            out.print(f"  {a} + {b} (score {score:.1f}): {escape(reasons)}")
    for decision, a, b, author in detail.decisions:
        out.print(f"  human decision: {a} and {b} {decision} (by {escape(author)})")
    for c in detail.corrections:
        out.print(
            f"correction: {safe(c.field)} = "
            f"{safe(json.dumps(c.value, ensure_ascii=False))} by {safe(c.author)}"
        )
    for source in detail.sources:
        out.print(
            f"\n[bold]source[/bold] {safe(source.source)} ({source.lang or '?'}, published "
            f"{source.published or 'undated'}, gives {source.date or 'no date'}; "
            f"report {source.report_id})"
        )
        evidence = detail.evidence_for(source.document_id)
        spans = [(e.span.start, e.span.end) for e in evidence]
        if source.sentence:
            out.print(
                "  " + highlighted(source.text, source.sentence.start, source.sentence.end, spans)
            )
        for e in evidence:
            if source.sentence is None or not (
                source.sentence.start <= e.span.start < source.sentence.end
            ):
                out.print(
                    f"  {safe(e.field)}: "
                    + highlighted(source.text, e.span.start, e.span.end, spans)
                )


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(events)
    app.command()(show)
