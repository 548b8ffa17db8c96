"""Commands over the store: ingest, events, show, export (and the text rendering of results)."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape

from coopwatch.model import Extraction


def print_extraction(console: Console, extraction: Extraction) -> None:
    doc = extraction.document
    console.print(f"[bold]{escape(doc.source)}[/bold] ({doc.lang or '?'}, {doc.published or 'undated'})")
    if not extraction.events:
        console.print("  no cooperation event")
        return
    console.print(f"  parties: {', '.join(extraction.parties)}")
    for event in extraction.events:
        console.print(
            f"  - {event.type} {event.date or 'undated'} (confidence {event.confidence:.2f}): "
            f"{escape(event.trigger)}"
        )
    if extraction.sectors:
        console.print(f"  sectors (ISIC): {', '.join(extraction.sectors)}")
    if extraction.instruments:
        console.print(f"  instruments: {', '.join(extraction.instruments)}")
    for org in extraction.organizations:
        console.print(f"  organisation: {escape(' / '.join(org.names))}")
    for person in extraction.persons:
        console.print(f"  person: {escape(person.name)} ({person.country or '?'}, {person.role or '-'})")
    for amount in extraction.amounts:
        console.print(f"  amount: {amount.value:,} {amount.currency}")
    if extraction.jobs:
        console.print(f"  jobs: {extraction.jobs:,}")


def register(app: typer.Typer) -> None:
    """Add the store commands to the application (filled in by the store module)."""
