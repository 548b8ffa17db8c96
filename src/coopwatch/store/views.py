"""Queries of the web pages and the API: event listings, one event, country pairs, home.

Pages and API call the same functions, so every page's data is also served as JSON.
Events a person marked wrong are left out of listings and counts unless asked for.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopwatch.model import Span
from coopwatch.store import corrections as fixes
from coopwatch.store import queries
from coopwatch.store import search as fts
from coopwatch.store.excerpts import around, excerpt, merge_windows
from coopwatch.store.rows import EventDetail, SourceRow
from coopwatch.store.schema import (
    commitment_events,
    commitments,
    documents,
    event_entities,
    event_instruments,
    event_parties,
    event_sectors,
    event_sources,
    events,
)
from coopwatch.store.view_rows import (
    CommitmentRow,
    EventFilters,
    EventSummary,
    EventView,
    Home,
    Page,
    PairDetail,
    PairRow,
    SectorCount,
    SourceView,
    YearCount,
)

Sort = Literal["-date", "date", "-confidence", "confidence", "type"]
_ORDER: dict[str, list[Any]] = {
    "-date": [events.c.date.desc().nulls_last()],
    "date": [events.c.date.asc().nulls_last()],
    "-confidence": [events.c.confidence.desc()],
    "confidence": [events.c.confidence.asc()],
    "type": [events.c.type],
}


def _has(table: sa.Table, condition: sa.ColumnElement[bool]) -> sa.Exists:
    return sa.exists().where(table.c.event_id == events.c.id, condition)


def event_conditions(db: Connection, filters: EventFilters) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions on ``events`` for the filters."""
    where: list[sa.ColumnElement[bool]] = []
    for country in dict.fromkeys(c.upper() for c in filters.countries):
        where.append(_has(event_parties, event_parties.c.country == country))
    if filters.type:
        where.append(events.c.type == filters.type)
    if filters.sector:
        where.append(_has(event_sectors, event_sectors.c.isic == filters.sector))
    if filters.instrument:
        where.append(_has(event_instruments, event_instruments.c.instrument == filters.instrument))
    if filters.since:
        where.append(events.c.date >= filters.since)
    if filters.until:
        where.append(events.c.date <= filters.until)
    if filters.entity_id is not None:
        where.append(_has(event_entities, event_entities.c.entity_id == filters.entity_id))
    if filters.search:
        docs = fts.matching_documents(db.dialect.name, filters.search)
        if docs is not None:
            where.append(_has(event_sources, event_sources.c.document_id.in_(docs)))
    if not filters.include_wrong:
        where.append(~fixes.marked_wrong(events.c.id))
    return where


def list_events(
    db: Connection,
    filters: EventFilters = EventFilters(),
    *,
    sort: Sort = "-date",
    limit: int = 50,
    offset: int = 0,
) -> Page[EventSummary]:
    """A page of the events that match, in the order asked (ties by id)."""
    where = event_conditions(db, filters)
    query = (
        sa.select(events.c.id)
        .where(*where)
        .order_by(*_ORDER[sort], events.c.id)
        .limit(limit)
        .offset(offset)
    )
    ids = list(db.scalars(query))
    total = db.scalar(sa.select(sa.func.count()).select_from(events).where(*where)) or 0
    return Page(summaries(db, ids), total, limit, offset)


def summaries(db: Connection, ids: Sequence[str]) -> list[EventSummary]:
    """Summaries of these events, in the order given (missing ids left out)."""
    if not ids:
        return []
    rows = {
        r["id"]: r
        for r in db.execute(sa.select(events).where(events.c.id.in_(list(ids)))).mappings()
    }
    ordered = [rows[i] for i in ids if i in rows]
    listed = queries._event_rows(db, ordered)
    status = fixes.statuses(db, ids)
    return [
        EventSummary(
            id=e.id,
            type=e.type,
            date=e.date,
            parties=e.parties,
            sectors=e.sectors,
            instruments=e.instruments,
            cameo=e.cameo,
            confidence=e.confidence,
            jobs=e.jobs,
            trigger=rows[e.id]["trigger"],
            document_ids=e.document_ids,
            status=status.get(e.id),
        )
        for e in listed
    ]


def event_view(db: Connection, event_id: str) -> EventView | None:
    """One step with its reports cut into marked excerpts, its history and commitments;
    ``event_id`` may be the id of one of its reports (the view has the step's id)."""
    detail = queries.event_detail(db, event_id)
    if detail is None:
        return None
    history, _ = fixes.step_history(db, detail.id, limit=200)
    return EventView(
        event=detail,
        status=fixes.statuses(db, [detail.id]).get(detail.id),
        sources=[_source_view(detail, s) for s in detail.sources],
        history=history,
        commitments=commitments_of(db, [detail.id]),
    )


def _source_view(detail: EventDetail, source: SourceRow) -> SourceView:
    spans = [(e.field, e.span) for e in detail.evidence_for(source.document_id)]
    text, doc = source.text, source.document_id
    sentence = excerpt(doc, text, source.sentence, spans) if source.sentence else None
    outside = [
        around(text, s)
        for _, s in spans
        if source.sentence is None
        or not (source.sentence.start <= s.start and s.end <= source.sentence.end)
    ]
    return SourceView(
        document_id=doc,
        source=source.source,
        url=source.url,
        title=source.title,
        published=source.published,
        lang=source.lang,
        sentence=sentence,
        elsewhere=[excerpt(doc, text, w, spans) for w in merge_windows(outside)],
        full=excerpt(doc, text, Span(0, len(text)), spans),
        report_id=source.report_id,
        date=source.date,
    )


def commitments_of(db: Connection, event_ids: Sequence[str]) -> list[CommitmentRow]:
    """The commitments any of these events belongs to."""
    if not event_ids:
        return []
    ids = sa.select(commitment_events.c.commitment_id).where(
        commitment_events.c.event_id.in_(list(event_ids))
    )
    return commitment_rows(db, [commitments.c.id.in_(ids)])


def commitment_rows(
    db: Connection,
    where: Sequence[sa.ColumnElement[bool]],
    *,
    limit: int | None = None,
    offset: int = 0,
) -> list[CommitmentRow]:
    """Commitments with how many events they have and the dates of the first and last."""
    counted = (
        sa.select(
            commitment_events.c.commitment_id.label("id"),
            sa.func.count().label("n"),
            sa.func.min(events.c.date).label("first"),
            sa.func.max(events.c.date).label("last"),
        )
        .join(events, events.c.id == commitment_events.c.event_id)
        .where(~fixes.marked_wrong(events.c.id))
        .group_by(commitment_events.c.commitment_id)
        .subquery()
    )
    query = (
        sa.select(commitments, counted.c.n, counted.c.first, counted.c.last)
        .outerjoin(counted, counted.c.id == commitments.c.id)
        .where(*where)
        .order_by(counted.c.last.desc().nulls_last(), commitments.c.id)
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    return [
        CommitmentRow(
            id=r.id,
            subject=r.subject,
            stage=r.stage,
            parties=[p for p in r.parties.split(";") if p],
            events=r.n or 0,
            first=r.first,
            last=r.last,
        )
        for r in db.execute(query)
    ]


def has_parties(column: sa.ColumnElement[str], countries: Sequence[str]) -> list[Any]:
    """Conditions: the ``;``-joined party list in ``column`` holds every country."""
    padded = sa.literal(";") + column + sa.literal(";")
    return [padded.like(f"%;{c.upper()};%") for c in countries]


def pairs(db: Connection, *, limit: int = 100) -> list[PairRow]:
    """Country pairs by the number of events both are parties to, most first."""
    a, b = event_parties.alias("a"), event_parties.alias("b")
    query = (
        sa.select(
            a.c.country,
            b.c.country,
            events.c.type,
            sa.func.count(),
            sa.func.min(events.c.date),
            sa.func.max(events.c.date),
        )
        .join(b, sa.and_(b.c.event_id == a.c.event_id, a.c.country < b.c.country))
        .join(events, events.c.id == a.c.event_id)
        .where(~fixes.marked_wrong(events.c.id))
        .group_by(a.c.country, b.c.country, events.c.type)
    )
    found: dict[tuple[str, str], PairRow] = {}
    for ca, cb, kind, count, first, last in db.execute(query):
        row = found.setdefault((ca, cb), PairRow(ca, cb, 0, {}, first, last))
        row.total += count
        row.by_type[kind] = count
        row.first = min((d for d in (row.first, first) if d), default=None)
        row.last = max((d for d in (row.last, last) if d), default=None)
    ranked = sorted(found.values(), key=lambda p: (-p.total, p.a, p.b))
    return ranked[:limit]


def pair_detail(db: Connection, a: str, b: str, *, limit: int = 50, offset: int = 0) -> PairDetail:
    """What two countries did together: counts by type and year, sectors, commitments."""
    a, b = a.upper(), b.upper()
    where = event_conditions(db, EventFilters(countries=(a, b)))
    year = sa.extract("year", events.c.date)
    years = [
        YearCount(int(y) if y is not None else None, kind, n)
        for y, kind, n in db.execute(
            sa.select(year, events.c.type, sa.func.count())
            .where(*where)
            .group_by(year, events.c.type)
            .order_by(year, events.c.type)
        )
    ]
    by_type: dict[str, int] = defaultdict(int)
    for y in years:
        by_type[y.type] += y.count
    sectors = [
        SectorCount(isic, n)
        for isic, n in db.execute(
            sa.select(event_sectors.c.isic, sa.func.count())
            .join(events, events.c.id == event_sectors.c.event_id)
            .where(*where)
            .group_by(event_sectors.c.isic)
            .order_by(sa.func.count().desc(), event_sectors.c.isic)
        )
    ]
    return PairDetail(
        a=a,
        b=b,
        total=sum(by_type.values()),
        by_type=dict(by_type),
        years=years,
        sectors=sectors,
        commitments=commitment_rows(db, has_parties(commitments.c.parties, (a, b)), limit=100),
        events=list_events(db, EventFilters(countries=(a, b)), limit=limit, offset=offset),
    )


def home(db: Connection, *, pairs_limit: int = 50, latest: int = 10) -> Home:
    count = sa.select(sa.func.count())
    return Home(
        documents=db.scalar(count.select_from(documents)) or 0,
        events=db.scalar(count.select_from(events).where(~fixes.marked_wrong(events.c.id))) or 0,
        pairs=pairs(db, limit=pairs_limit),
        latest=list_events(db, limit=latest).items,
    )
