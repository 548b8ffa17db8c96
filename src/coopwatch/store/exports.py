"""The register as flat tables for other tools: events, their sources, commitments with
their events, entities with their aliases.

Rows carry native values (dates, lists, integers): a CSV writer joins lists, a Parquet
writer keeps them as typed columns. ``COLUMNS`` declares each table's column types.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopwatch.store import queries
from coopwatch.store.schema import (
    commitment_events,
    commitment_milestones,
    commitments,
    documents,
    entities,
    entity_aliases,
    event_entities,
    event_sources,
    events,
)

Row = dict[str, Any]
_PAGE = 500

#: Column name -> type ("string", "int", "float", "date", "bool", "list"), per table.
COLUMNS: dict[str, dict[str, str]] = {
    "events": {
        "id": "string", "type": "string", "date": "date", "parties": "list",
        "sectors": "list", "instruments": "list", "cameo": "string", "confidence": "float",
        "amounts": "list", "jobs": "int", "persons": "list", "organizations": "list",
        "reports": "int", "document_ids": "list", "urls": "list",
    },
    "event_sources": {
        "event_id": "string", "report_id": "string", "document_id": "string",
        "source": "string", "url": "string", "lang": "string", "published": "date",
        "date": "date", "type": "string", "stage": "string", "sentence_start": "int",
        "sentence_end": "int", "sentence": "string",
    },
    "commitments": {
        "id": "string", "subject": "string", "stage": "string", "parties": "list",
        "first_date": "date", "last_date": "date", "events": "int",
    },
    "commitment_events": {
        "commitment_id": "string", "event_id": "string", "date": "date", "stage": "string",
        "milestone": "bool",
    },
    "entities": {
        "id": "int", "kind": "string", "name": "string", "country": "string",
        "latin": "string", "events": "int",
    },
    "entity_aliases": {"entity_id": "int", "alias": "string"},
}  # fmt: skip

TABLES = tuple(COLUMNS)


def rows(db: Connection, table: str) -> Iterator[Row]:
    """The rows of one export table, in a stable order."""
    if table not in COLUMNS:
        raise ValueError(f"unknown table {table!r}: {', '.join(TABLES)}")
    yield from _READERS[table](db)


def _paged(db: Connection, query: sa.Select[Any], key: sa.ColumnElement[Any]) -> Iterator[Any]:
    after: Any = None
    while True:
        page = db.execute(
            (query if after is None else query.where(key > after)).order_by(key).limit(_PAGE)
        ).all()
        if not page:
            return
        yield from page
        after = page[-1]._mapping[key.name]


def _events(db: Connection) -> Iterator[Row]:
    after = ""
    while True:
        found = db.execute(
            sa.select(events).where(events.c.id > after).order_by(events.c.id).limit(_PAGE)
        ).mappings()
        page = queries._event_rows(db, list(found))
        if not page:
            return
        for e in page:
            yield {
                "id": e.id, "type": e.type, "date": e.date, "parties": e.parties,
                "sectors": e.sectors, "instruments": e.instruments, "cameo": e.cameo,
                "confidence": e.confidence,
                "amounts": [f"{a['value']} {a['currency']}" for a in e.amounts],
                "jobs": e.jobs, "persons": e.persons, "organizations": e.organizations,
                "reports": len(e.sources), "document_ids": e.document_ids,
                "urls": sorted({s.url for s in e.sources if s.url}),
            }  # fmt: skip
        after = page[-1].id


def _sources(db: Connection) -> Iterator[Row]:
    query = sa.select(
        event_sources.c.report_id,
        event_sources.c.event_id,
        event_sources.c.document_id,
        documents.c.source,
        documents.c.url,
        event_sources.c.lang,
        documents.c.published,
        event_sources.c.date,
        event_sources.c.type,
        event_sources.c.stage,
        event_sources.c.sentence_start,
        event_sources.c.sentence_end,
        documents.c.text,
    ).join(documents, documents.c.id == event_sources.c.document_id)
    for r in _paged(db, query, event_sources.c.report_id):
        start, end = r.sentence_start, r.sentence_end
        yield {
            "event_id": r.event_id, "report_id": r.report_id, "document_id": r.document_id,
            "source": r.source, "url": r.url, "lang": r.lang, "published": r.published,
            "date": r.date, "type": r.type, "stage": r.stage, "sentence_start": start,
            "sentence_end": end, "sentence": r.text[start:end] if start is not None else None,
        }  # fmt: skip


def _commitments(db: Connection) -> Iterator[Row]:
    count = (
        sa.select(sa.func.count())
        .select_from(commitment_events)
        .where(commitment_events.c.commitment_id == commitments.c.id)
        .scalar_subquery()
    )
    query = sa.select(commitments, count.label("n"))
    for r in _paged(db, query, commitments.c.id):
        yield {
            "id": r.id, "subject": r.subject, "stage": r.stage,
            "parties": r.parties.split(";") if r.parties else [],
            "first_date": r.first_date, "last_date": r.last_date, "events": r.n,
        }  # fmt: skip


def _commitment_events(db: Connection) -> Iterator[Row]:
    milestone = (
        sa.exists()
        .where(
            commitment_milestones.c.commitment_id == commitment_events.c.commitment_id,
            commitment_milestones.c.event_id == commitment_events.c.event_id,
        )
        .label("milestone")
    )
    query = sa.select(commitment_events, milestone).order_by(
        commitment_events.c.commitment_id, commitment_events.c.date, commitment_events.c.event_id
    )
    for r in db.execute(query):
        yield {
            "commitment_id": r.commitment_id, "event_id": r.event_id, "date": r.date,
            "stage": r.stage, "milestone": bool(r.milestone),
        }  # fmt: skip


def _entities(db: Connection) -> Iterator[Row]:
    count = (
        sa.select(sa.func.count())
        .select_from(event_entities)
        .where(event_entities.c.entity_id == entities.c.id)
        .scalar_subquery()
    )
    query = sa.select(entities, count.label("n"))
    for r in _paged(db, query, entities.c.id):
        yield {
            "id": r.id, "kind": r.kind, "name": r.name, "country": r.country,
            "latin": r.latin, "events": r.n,
        }  # fmt: skip


def _aliases(db: Connection) -> Iterator[Row]:
    query = sa.select(entity_aliases.c.entity_id, entity_aliases.c.alias).order_by(
        entity_aliases.c.entity_id, entity_aliases.c.alias
    )
    for r in db.execute(query):
        yield {"entity_id": r.entity_id, "alias": r.alias}


_READERS = {
    "events": _events,
    "event_sources": _sources,
    "commitments": _commitments,
    "commitment_events": _commitment_events,
    "entities": _entities,
    "entity_aliases": _aliases,
}
