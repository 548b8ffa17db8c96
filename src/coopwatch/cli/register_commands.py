"""Commands over the register: commitments, entities, split and merge."""

from __future__ import annotations

import json
import sys
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from coopwatch.cli.common import DbOption
from coopwatch.cli.store_commands import _open_store, err, out
from coopwatch.errors import StoreError
from coopwatch.model import CommitmentStage
from coopwatch.store.register_queries import CommitmentDetail, CommitmentRow, EntityRow
from coopwatch.store.rows import _jsonable

AuthorOption = typer.Option(
    "cli", "--author", help="Who takes the decision (kept with it in the audit trail)."
)
_STAGES = ", ".join(s.value for s in CommitmentStage)


def commitment_json(row: CommitmentRow, detail: CommitmentDetail | None = None) -> dict[str, Any]:
    """The JSON of a thread (``coopwatch commitments --json``)."""
    out_: dict[str, Any] = {
        "id": row.id,
        "subject": row.subject,
        "parties": row.parties,
        "stage": row.stage,
        "first_date": row.first_date,
        "last_date": row.last_date,
        "timeline": [{"stage": m.stage, "date": m.date, "event": m.event_id} for m in row.timeline],
        "events": row.event_ids,
    }
    if detail is not None:
        out_.update(
            organizations=detail.organizations,
            sectors=detail.sectors,
            instruments=detail.instruments,
            amounts=[
                {"value": a.value, "currency": a.currency, "document": a.document_id}
                for a in detail.amounts
            ],
            jobs=[{"jobs": j, "event": e} for j, e in detail.jobs],
        )
    result: dict[str, Any] = _jsonable(out_)
    return result


def commitments(
    country: list[str] = typer.Option(
        [], "--country", "-c", help="ISO alpha-2 party (repeatable: all must be parties)."
    ),
    stage: str | None = typer.Option(None, "--stage", help=f"Only this stage: {_STAGES}."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per commitment."),
    db: str | None = DbOption,
) -> None:
    """List commitments (undertakings followed over time), latest activity first."""
    if stage is not None and stage not in {s.value for s in CommitmentStage}:
        raise typer.BadParameter(f"unknown stage {stage!r}: {_STAGES}", param_hint="--stage")
    store = _open_store(db)
    rows = store.commitments(countries=[c.upper() for c in country], stage=stage, limit=limit)
    if as_json:
        for row in rows:
            line = json.dumps(commitment_json(row, store.commitment(row.id)), ensure_ascii=False)
            sys.stdout.write(line + "\n")
        store.close()
        return
    store.close()
    table = Table(title=f"{len(rows)} commitments", title_justify="left")
    for column in ("id", "parties", "stage", "since", "last", "events", "subject"):
        table.add_column(column, no_wrap=column != "subject")
    for row in rows:
        table.add_row(
            row.id,
            "-".join(row.parties),
            row.stage,
            str(row.first_date or "-"),
            str(row.last_date or "-"),
            str(len(row.event_ids)),
            escape(row.subject),
        )
    out.print(table)


def print_commitment(detail: CommitmentDetail) -> None:
    row = detail.commitment
    out.print(f"[bold]{escape(row.subject)}[/bold]  (commitment {row.id}, stage {row.stage})")
    out.print(f"parties: {', '.join(row.parties)}")
    if detail.organizations:
        out.print(f"organisations: {escape(', '.join(detail.organizations))}")
    out.print(f"sectors (ISIC): {', '.join(detail.sectors) or '-'}")
    out.print(f"instruments: {', '.join(detail.instruments) or '-'}")
    for a in detail.amounts:
        out.print(f"amount: {a.value:,} {a.currency} (document {a.document_id})")
    for jobs, event in detail.jobs:
        out.print(f"jobs: {jobs:,} (event {event})")
    out.print("\n[bold]timeline[/bold]")
    for m in row.timeline:
        out.print(f"  {m.date or 'undated'}  [bold]{m.stage}[/bold]  event {m.event_id}")
        for ev in detail.evidence.get(m.event_id, [])[:3]:
            out.print(f"      {escape(ev.source)} ({ev.lang or '?'}): {escape(ev.sentence)}")
    others = [e for e in row.event_ids if e not in {m.event_id for m in row.timeline}]
    if others:
        out.print(f"other events of the thread: {', '.join(others)}")


def entities(
    kind: str | None = typer.Option(None, "--kind", help="person or organization."),
    search: str | None = typer.Option(None, "--search", help="Part of a name, any script."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per entity."),
    db: str | None = DbOption,
) -> None:
    """List persons and organisations with their aliases, country, roles and events."""
    if kind is not None and kind not in ("person", "organization"):
        raise typer.BadParameter(f"unknown kind {kind!r}: person or organization")
    store = _open_store(db)
    rows: list[EntityRow] = store.entities(kind=kind, search=search, limit=limit)
    store.close()
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(_jsonable(row), ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(rows)} entities", title_justify="left")
    for column in ("id", "kind", "name", "country", "events", "aliases", "roles"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row.id),
            row.kind,
            escape(row.name),
            row.country or "-",
            str(row.events),
            escape(" | ".join(row.aliases)),
            escape(", ".join(f"{r} ({d or '?'})" for r, d in row.roles[:4])),
        )
    out.print(table)


def split(
    target: str = typer.Argument(..., help="An event id or a commitment id (c...)."),
    parts: list[str] = typer.Argument(
        ..., help="Reports (of an event) or events (of a commitment) to set apart."
    ),
    author: str = AuthorOption,
    db: str | None = DbOption,
) -> None:
    """Set reports of an event, or events of a commitment, apart: a human decision that
    re-ingestion keeps."""
    store = _open_store(db)
    try:
        if target.startswith("c"):
            store.split_commitment(target, parts, author)
        else:
            store.split_event(target, parts, author)
    except StoreError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}")
        raise typer.Exit(1) from exc
    finally:
        store.close()
    out.print(f"split {escape(target)}: {escape(', '.join(parts))} set apart")


def merge(
    targets: list[str] = typer.Argument(
        ..., help="Two or more event ids, or two or more commitment ids."
    ),
    author: str = AuthorOption,
    db: str | None = DbOption,
) -> None:
    """Join events (or commitments) the linker kept apart: a human decision that
    re-ingestion keeps."""
    store = _open_store(db)
    try:
        if all(t.startswith("c") for t in targets):
            store.merge_commitments(targets, author)
            out.print(f"merged commitments {escape(', '.join(targets))}")
        else:
            step = store.merge_events(targets, author)
            out.print(f"merged into event {escape(step)}")
    except StoreError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}")
        raise typer.Exit(1) from exc
    finally:
        store.close()


def register(app: typer.Typer) -> None:
    app.command()(commitments)
    app.command()(entities)
    app.command()(split)
    app.command()(merge)
