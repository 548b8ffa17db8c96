"""Read the store: event listings, one event in full, flat export rows, counts."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopwatch.model import Document, Span
from coopwatch.store import search as fts
from coopwatch.store.rows import (
    AmountRow,
    CorrectionRow,
    EventDetail,
    EventRow,
    EvidenceRow,
    OrganizationRow,
    PersonRow,
    SourceRef,
    SourceRow,
)
from coopwatch.store.schema import (
    commitment_events,
    corrections,
    documents,
    entities,
    entity_aliases,
    event_amounts,
    event_entities,
    event_instruments,
    event_parties,
    event_sectors,
    event_sources,
    events,
    evidence,
    extractions,
    link_decisions,
    metadata,
    step_links,
)

#: Ids per IN (...) list: well under the bound-parameter limits of SQLite and psycopg.
CHUNK = 500


def find_events(
    db: Connection,
    *,
    countries: Sequence[str] = (),
    type: str | None = None,
    sector: str | None = None,
    since: date | None = None,
    until: date | None = None,
    search: str | None = None,
    limit: int | None = None,
) -> list[EventRow]:
    """Events matching every filter given, newest first; ``countries`` must all be parties."""
    query = sa.select(events).order_by(events.c.date.desc().nulls_last(), events.c.id)
    for country in dict.fromkeys(c.upper() for c in countries):
        query = query.where(_has(event_parties, event_parties.c.country == country))
    if type:
        query = query.where(events.c.type == str(type))
    if sector:
        query = query.where(_has(event_sectors, event_sectors.c.isic == sector))
    if since:
        query = query.where(events.c.date >= since)
    if until:
        query = query.where(events.c.date <= until)
    if search and (docs := fts.matching_documents(db.dialect.name, search)) is not None:
        query = query.where(_has(event_sources, event_sources.c.document_id.in_(docs)))
    if limit is not None:
        query = query.limit(limit)
    return _event_rows(db, list(db.execute(query).mappings()))


def _has(table: sa.Table, condition: sa.ColumnElement[bool]) -> sa.Exists:
    return sa.exists().where(table.c.event_id == events.c.id, condition)


def _event_rows(db: Connection, rows: list[sa.RowMapping]) -> list[EventRow]:
    ids = [r["id"] for r in rows]
    parties = _lists(db, event_parties.c.country, ids)
    sectors = _lists(db, event_sectors.c.isic, ids)
    instruments = _lists(db, event_instruments.c.instrument, ids)
    refs = _source_refs(db, ids)
    actors = _grouped(
        db,
        sa.select(event_entities.c.event_id, entities.c.kind, entities.c.name)
        .join(entities, entities.c.id == event_entities.c.entity_id)
        .order_by(entities.c.id),
        ids,
    )
    money = _grouped(
        db,
        sa.select(
            event_amounts.c.event_id,
            event_amounts.c.value,
            event_amounts.c.currency,
            event_amounts.c.document_id,
        ).order_by(sa.func.coalesce(event_amounts.c.document_id, ""), event_amounts.c.id),
        ids,
    )
    return [
        EventRow(
            id=r["id"],
            type=r["type"],
            date=r["date"],
            parties=parties[r["id"]],
            sectors=sectors[r["id"]],
            instruments=instruments[r["id"]],
            cameo=r["cameo"],
            confidence=r["confidence"],
            jobs=r["jobs"],
            document_ids=sorted({s.document for s in refs[r["id"]]}),
            persons=[a.name for a in actors[r["id"]] if a.kind == "person"],
            organizations=[a.name for a in actors[r["id"]] if a.kind == "organization"],
            amounts=[
                {"value": a.value, "currency": a.currency, "document": a.document_id}
                for a in money[r["id"]]
            ],
            sources=refs[r["id"]],
        )
        for r in rows
    ]


def _source_refs(db: Connection, ids: Sequence[str]) -> dict[str, list[SourceRef]]:
    query = (
        sa.select(
            event_sources.c.event_id,
            documents.c.id,
            documents.c.source,
            documents.c.url,
            event_sources.c.lang,
            documents.c.published,
            event_sources.c.date,
            event_sources.c.sentence_start,
            event_sources.c.sentence_end,
        )
        .join(documents, documents.c.id == event_sources.c.document_id)
        .order_by(documents.c.published, documents.c.id)
    )
    return defaultdict(
        list,
        {
            k: [SourceRef(r[1], r[2], r[3], r[4], r[5], r[6], _span(r[7], r[8])) for r in v]
            for k, v in _grouped(db, query, ids).items()
        },
    )


def _grouped(db: Connection, query: sa.Select[Any], ids: Sequence[str]) -> dict[str, list[Any]]:
    """Rows of ``query``, whose first column is an event id, for each of ``ids``."""
    event_id = query.selected_columns[0]
    out: dict[str, list[Any]] = defaultdict(list)
    for part in _chunks(ids):
        for row in db.execute(query.where(event_id.in_(part))):
            out[row[0]].append(row)
    return out


def _lists(db: Connection, column: sa.Column[Any], ids: Sequence[str]) -> dict[str, list[Any]]:
    """Sorted values of ``column`` for each event id, from its table's ``event_id``."""
    event_id = column.table.c.event_id
    rows = _grouped(db, sa.select(event_id, column).order_by(event_id, column), ids)
    return defaultdict(list, {k: [r[1] for r in v] for k, v in rows.items()})


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def event_detail(db: Connection, event_id: str) -> EventDetail | None:
    """One step in full; ``event_id`` may also be the id of one of its reports (a step
    that was joined to another keeps answering to its old id)."""
    step = db.scalar(
        sa.select(event_sources.c.event_id).where(event_sources.c.report_id == event_id)
    )
    event_id = step or event_id
    row = db.execute(sa.select(events).where(events.c.id == event_id)).mappings().first()
    if row is None:
        return None
    detail = EventDetail(
        id=row["id"],
        type=row["type"],
        date=row["date"],
        confidence=row["confidence"],
        cameo=row["cameo"],
        location=row["location"],
        jobs=row["jobs"],
        trigger=row["trigger"],
        created_at=row["created_at"],
        parties=_lists(db, event_parties.c.country, [event_id])[event_id],
        sectors=_lists(db, event_sectors.c.isic, [event_id])[event_id],
        instruments=_lists(db, event_instruments.c.instrument, [event_id])[event_id],
    )
    _add_entities(db, detail)
    detail.amounts = [
        AmountRow(r.value, r.currency, r.document_id, _span(r.span_start, r.span_end))
        for r in db.execute(
            sa.select(event_amounts)
            .where(event_amounts.c.event_id == event_id)
            .order_by(sa.func.coalesce(event_amounts.c.document_id, ""), event_amounts.c.id)
        )
    ]
    query = (
        sa.select(
            documents,
            event_sources.c.sentence_start,
            event_sources.c.sentence_end,
            event_sources.c.report_id,
            event_sources.c.date.label("report_date"),
            event_sources.c.lang.label("report_lang"),
        )
        .join(event_sources, event_sources.c.document_id == documents.c.id)
        .where(event_sources.c.event_id == event_id)
        .order_by(documents.c.published, documents.c.id)
    )
    detail.sources = [
        SourceRow(
            document_id=r.id,
            source=r.source,
            url=r.url,
            title=r.title,
            published=r.published,
            lang=r.report_lang or r.lang,
            text=r.text,
            sentence=_span(r.sentence_start, r.sentence_end),
            report_id=r.report_id,
            date=r.report_date,
        )
        for r in db.execute(query)
    ]
    reports = [s.report_id for s in detail.sources]
    detail.links = [
        (a, b, score, reasons)
        for a, b, score, reasons in db.execute(
            sa.select(step_links)
            .where(step_links.c.report_a.in_(reports), step_links.c.report_b.in_(reports))
            .order_by(step_links.c.report_a, step_links.c.report_b)
        )
    ]
    detail.decisions = [
        (decision, a, b, author)
        for decision, a, b, author in db.execute(
            sa.select(
                link_decisions.c.decision,
                link_decisions.c.a,
                link_decisions.c.b,
                link_decisions.c.author,
            )
            .where(
                link_decisions.c.scope == "step",
                sa.or_(link_decisions.c.a.in_(reports), link_decisions.c.b.in_(reports)),
            )
            .order_by(link_decisions.c.id)
        )
    ]
    detail.commitments = list(
        db.scalars(
            sa.select(commitment_events.c.commitment_id)
            .where(commitment_events.c.event_id == event_id)
            .order_by(commitment_events.c.commitment_id)
        )
    )
    texts = {s.document_id: s.text for s in detail.sources}
    query = (
        sa.select(evidence)
        .where(evidence.c.event_id == event_id)
        .order_by(evidence.c.document_id, evidence.c.span_start, evidence.c.field)
    )
    detail.evidence = [
        EvidenceRow(
            field=r.field,
            document_id=r.document_id,
            span=Span(r.span_start, r.span_end),
            text=texts.get(r.document_id, "")[r.span_start : r.span_end],
        )
        for r in db.execute(query)
    ]
    query = (
        sa.select(corrections)
        .where(corrections.c.event_id.in_(reports))
        .order_by(corrections.c.created_at, corrections.c.id)
    )
    detail.corrections = [
        CorrectionRow(r.id, r.field, r.value, r.author, r.created_at) for r in db.execute(query)
    ]
    return detail


def _add_entities(db: Connection, detail: EventDetail) -> None:
    query = (
        sa.select(entities, event_entities.c.role)
        .join(event_entities, event_entities.c.entity_id == entities.c.id)
        .where(event_entities.c.event_id == detail.id)
        .order_by(entities.c.id)
    )
    rows = list(db.execute(query))
    ids = [r.id for r in rows]
    aliases: dict[int, list[str]] = defaultdict(list)
    if ids:
        query = (
            sa.select(entity_aliases.c.entity_id, entity_aliases.c.alias)
            .where(entity_aliases.c.entity_id.in_(ids))
            .order_by(entity_aliases.c.entity_id, entity_aliases.c.alias)
        )
        for entity_id, alias in db.execute(query):
            aliases[entity_id].append(alias)
    for r in rows:
        if r.kind == "person":
            detail.persons.append(PersonRow(r.id, r.name, r.country, r.role, r.latin))
        else:
            detail.organizations.append(OrganizationRow(r.id, r.name, r.country, aliases[r.id]))


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else Span(start, end)


def export_rows(db: Connection) -> Iterator[dict[str, Any]]:
    """One flat row per event, in id order, lists joined by ``;``."""
    after = ""
    while True:
        page = list(
            db.execute(
                sa.select(events).where(events.c.id > after).order_by(events.c.id).limit(CHUNK)
            ).mappings()
        )
        if not page:
            return
        yield from _flat(db, page)
        after = page[-1]["id"]


def _flat(db: Connection, page: list[sa.RowMapping]) -> Iterator[dict[str, Any]]:
    ids = [r["id"] for r in page]
    parties = _lists(db, event_parties.c.country, ids)
    sectors = _lists(db, event_sectors.c.isic, ids)
    instruments = _lists(db, event_instruments.c.instrument, ids)
    amounts = _grouped(
        db,
        sa.select(
            event_amounts.c.event_id, event_amounts.c.value, event_amounts.c.currency
        ).order_by(sa.func.coalesce(event_amounts.c.document_id, ""), event_amounts.c.id),
        ids,
    )
    actors = _grouped(
        db,
        sa.select(event_entities.c.event_id, entities.c.kind, entities.c.name)
        .join(entities, entities.c.id == event_entities.c.entity_id)
        .order_by(entities.c.id),
        ids,
    )
    sources = _grouped(
        db,
        sa.select(event_sources.c.event_id, documents.c.id, documents.c.url)
        .join(documents, documents.c.id == event_sources.c.document_id)
        .order_by(documents.c.id),
        ids,
    )
    for r in page:
        key = r["id"]
        yield {
            "id": key,
            "type": r["type"],
            "date": r["date"].isoformat() if r["date"] else None,
            "parties": ";".join(parties[key]),
            "sectors": ";".join(sectors[key]),
            "instruments": ";".join(instruments[key]),
            "cameo": r["cameo"],
            "confidence": r["confidence"],
            "amounts": ";".join(f"{a.value} {a.currency}" for a in amounts[key]),
            "jobs": r["jobs"],
            "persons": ";".join(a.name for a in actors[key] if a.kind == "person"),
            "organizations": ";".join(a.name for a in actors[key] if a.kind == "organization"),
            "document_ids": ";".join(d.id for d in sources[key]),
            "urls": ";".join(d.url for d in sources[key] if d.url),
        }


def document(db: Connection, document_id: str) -> Document | None:
    row = db.execute(sa.select(documents).where(documents.c.id == document_id)).first()
    if row is None:
        return None
    return Document(
        id=row.id,
        source=row.source,
        text=row.text,
        url=row.url,
        title=row.title,
        published=row.published,
        lang=row.lang,
    )


def extraction_json(db: Connection, document_id: str) -> dict[str, Any] | None:
    query = sa.select(extractions.c.json).where(extractions.c.document_id == document_id)
    text = db.scalar(query)
    if text is None:
        return None
    body: dict[str, Any] = json.loads(text)
    return body


def counts(db: Connection) -> dict[str, int]:
    """Rows per table (with the FTS5 table on SQLite)."""
    names = [t.name for t in metadata.sorted_tables]
    if db.dialect.name == "sqlite":
        names.append("documents_fts")
    return {
        name: db.scalar(sa.select(sa.func.count()).select_from(sa.table(name))) or 0
        for name in names
    }


def known_documents(db: Connection, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for part in _chunks(list(ids)):
        found.update(db.scalars(sa.select(documents.c.id).where(documents.c.id.in_(part))))
    return found


def documents_count(db: Connection) -> int:
    return db.scalar(sa.select(sa.func.count()).select_from(documents)) or 0
