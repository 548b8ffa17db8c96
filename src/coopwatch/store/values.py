"""Values checked against their columns before anything is written.

SQLite stores a 30-character ``lang`` in a ``VARCHAR(16)`` and PostgreSQL refuses it;
an amount of 2^63 raises ``OverflowError`` in the SQLite driver and a numeric error in
PostgreSQL. Checking every value against its column's declared length or integer range
here gives the same clear ``StoreError``, naming the document and the field, on both.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import sqlalchemy as sa

from coopwatch.errors import StoreError
from coopwatch.model import Extraction, Organization, Person, Span
from coopwatch.store.schema import (
    documents,
    entities,
    event_amounts,
    event_instruments,
    event_parties,
    event_sectors,
    event_sources,
    events,
    evidence,
)

_RANGES = {sa.BigInteger: 63, sa.Integer: 31}  # signed bits of each integer type


@cache
def _limit(column: sa.Column[object]) -> int:
    """The largest integer a column holds."""
    bits = next(b for kind, b in _RANGES.items() if isinstance(column.type, kind))
    return int(2**bits - 1)


class _Checker:
    def __init__(self, extraction: Extraction) -> None:
        doc = extraction.document
        self.where = f"document {doc.id} ({doc.source})"

    def text(self, field: str, value: str | None, column: sa.Column[object]) -> None:
        length = getattr(column.type, "length", None)
        if value is not None and length is not None and len(value) > length:
            shown = value if len(value) <= 40 else value[:40] + "..."
            raise StoreError(
                f"{self.where}: {field} {shown!r} is {len(value)} characters long, "
                f"at most {length} fit"
            )

    def integer(self, field: str, value: int | None, column: sa.Column[object]) -> None:
        largest = _limit(column)
        if value is not None and not -largest - 1 <= value <= largest:
            raise StoreError(f"{self.where}: {field} {value} is out of range (at most {largest:,})")

    def spans(self, field: str, spans: Iterable[Span | None]) -> None:
        for span in spans:
            if span is not None:
                self.integer(field, span.start, evidence.c.span_start)
                self.integer(field, span.end, evidence.c.span_end)


def check_values(extraction: Extraction) -> None:
    """Raise a ``StoreError`` if a value of the extraction does not fit its column."""
    check = _Checker(extraction)
    check.text("lang", extraction.document.lang, documents.c.lang)
    for event in extraction.events:
        check.text("event type", str(event.type), events.c.type)
        check.text("CAMEO code", event.cameo, events.c.cameo)
        check.integer("jobs", event.jobs, events.c.jobs)
        for party in event.parties:
            check.text("party", party, event_parties.c.country)
        for sector in event.sectors:
            check.text("sector", sector, event_sectors.c.isic)
        for instrument in event.instruments:
            check.text("instrument", instrument, event_instruments.c.instrument)
        for amount in event.amounts:
            check.integer("amount", amount.value, event_amounts.c.value)
            check.text("currency", amount.currency, event_amounts.c.currency)
            check.spans("amount span", [amount.span])
        actors: list[Person | Organization] = [*event.persons, *event.organizations]
        for actor in actors:
            check.text("actor's country", actor.country, entities.c.country)
            check.spans("actor span", actor.spans)
        for name, spans in event.evidence.items():
            check.text("evidence field", name, evidence.c.field)
            check.spans("evidence span", spans)
        if event.sentence is not None:
            check.integer("sentence start", event.sentence.start, event_sources.c.sentence_start)
            check.integer("sentence end", event.sentence.end, event_sources.c.sentence_end)
