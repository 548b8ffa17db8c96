"""Commitments as the pages show them: threads of steps about one undertaking.

The register writes the threads (:mod:`coopwatch.store.threads`); this module reads
them for the pages and the API: a listing, and one thread as a timeline stage by stage
(``commitment_milestones``), each stage with the step that shows it and the sentences of
its reports, then every step of the thread with the stage it shows.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopwatch.model import Span
from coopwatch.store import corrections as fixes
from coopwatch.store import queries, register_queries
from coopwatch.store.excerpts import excerpt
from coopwatch.store.rows import EventDetail
from coopwatch.store.schema import (
    commitments,
    documents,
    entities,
    event_entities,
)
from coopwatch.store.view_rows import (
    CommitmentDetail,
    CommitmentRow,
    EntityRef,
    Evidence,
    Milestone,
    SourceAmount,
    SourceJobs,
    ThreadEvent,
)
from coopwatch.store.views import commitment_rows, has_parties, summaries


def list_commitments(
    db: Connection,
    *,
    countries: Sequence[str] = (),
    stage: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[CommitmentRow], int]:
    """Commitments whose parties include every country, latest activity first; and a count."""
    where = has_parties(commitments.c.parties, countries)
    if stage:
        where.append(commitments.c.stage == stage)
    total = db.scalar(sa.select(sa.func.count()).select_from(commitments).where(*where)) or 0
    return commitment_rows(db, where, limit=limit, offset=offset), total


def commitment_detail(db: Connection, commitment_id: str) -> CommitmentDetail | None:
    """A thread: its timeline stage by stage with evidence, every step with the stage it
    shows, what it involves, amounts and jobs per source, and its history."""
    found = register_queries.commitment_detail(db, commitment_id)
    if found is None:
        return None
    row = found.commitment
    steps = register_queries.thread_steps(db, commitment_id)
    step_ids = [s.event_id for s in steps]
    shown = {e.id: e for e in summaries(db, step_ids)}
    timeline = []
    details: dict[str, EventDetail | None] = {}
    for m in row.timeline:
        if m.event_id not in details:
            details[m.event_id] = queries.event_detail(db, m.event_id)
        timeline.append(
            Milestone(m.stage, m.date, shown.get(m.event_id), _evidence(details[m.event_id]))
        )
    jobs = register_queries.jobs_by_source(db, step_ids)
    names = _source_names(
        db, [a.document_id for a in found.amounts if a.document_id] + [j.document_id for j in jobs]
    )
    history, _ = fixes.history(
        db,
        subject_ids=sorted({commitment_id, *(f"c{s}" for s in step_ids)}),
        subject="commitment",
        limit=200,
    )
    return CommitmentDetail(
        id=row.id,
        subject=row.subject,
        stage=row.stage,
        parties=row.parties,
        first_date=row.first_date,
        last_date=row.last_date,
        timeline=timeline,
        events=[
            ThreadEvent(s.stage, s.date, shown[s.event_id]) for s in steps if s.event_id in shown
        ],
        organizations=_organizations(db, step_ids),
        sectors=found.sectors,
        instruments=found.instruments,
        amounts=[
            SourceAmount(a.value, a.currency, a.document_id, names.get(a.document_id or ""))
            for a in found.amounts
        ],
        jobs=[
            SourceJobs(j.jobs, j.document_id, names.get(j.document_id), j.event_id) for j in jobs
        ],
        history=history,
    )


def _evidence(detail: EventDetail | None) -> list[Evidence]:
    """The sentence of each report of a step, its evidence marked."""
    if detail is None:
        return []
    out = []
    for source in detail.sources:
        spans = [(e.field, e.span) for e in detail.evidence_for(source.document_id)]
        window = source.sentence or (spans[0][1] if spans else Span(0, min(300, len(source.text))))
        out.append(
            Evidence(
                event_id=detail.id,
                report_id=source.report_id,
                document_id=source.document_id,
                source=source.source,
                url=source.url,
                title=source.title,
                lang=source.lang,
                published=source.published,
                date=source.date,
                sentence=excerpt(source.document_id, source.text, window, spans),
            )
        )
    return out


def _organizations(db: Connection, step_ids: Sequence[str]) -> list[EntityRef]:
    if not step_ids:
        return []
    query = (
        sa.select(entities.c.id, entities.c.name)
        .join(event_entities, event_entities.c.entity_id == entities.c.id)
        .where(event_entities.c.event_id.in_(list(step_ids)), entities.c.kind == "organization")
        .distinct()
        .order_by(entities.c.name, entities.c.id)
    )
    return [EntityRef(i, n) for i, n in db.execute(query)]


def _source_names(db: Connection, document_ids: Sequence[str]) -> dict[str, str]:
    wanted = sorted(set(document_ids))
    if not wanted:
        return {}
    query = sa.select(documents.c.id, documents.c.title, documents.c.source).where(
        documents.c.id.in_(wanted)
    )
    return {i: title or source for i, title, source in db.execute(query)}
