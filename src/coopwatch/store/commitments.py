"""Commitments: the threads of events about one undertaking, stage by stage.

The cross-document register writes them; ``put_commitment`` is the plain way to store
one (tests and tools use it too).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopwatch.errors import CorrectionError, NotFoundError
from coopwatch.model import CommitmentStage, EventType, Span
from coopwatch.store import queries
from coopwatch.store.excerpts import excerpt
from coopwatch.store.schema import commitment_events, commitments, events
from coopwatch.store.view_rows import CommitmentDetail, CommitmentRow, CommitmentStep, Excerpt
from coopwatch.store.views import commitment_rows, has_parties, summaries

#: The stage of a commitment that each type of event shows.
STAGE_OF: dict[str, str] = {
    EventType.MEETING: CommitmentStage.DISCUSSED,
    EventType.PLEDGE: CommitmentStage.PLEDGED,
    EventType.AGREEMENT: CommitmentStage.AGREED,
    EventType.IMPLEMENTATION: CommitmentStage.UNDER_WAY,
}


def put_commitment(
    db: Connection, subject: str, stage: str, parties: Sequence[str], event_ids: Sequence[str]
) -> int:
    """Store a commitment over existing events; its id."""
    if stage not in {str(s) for s in CommitmentStage}:
        raise CorrectionError(f"stage {stage!r} is not a commitment stage")
    known = set(db.scalars(sa.select(events.c.id).where(events.c.id.in_(list(event_ids)))))
    if missing := [e for e in event_ids if e not in known]:
        raise NotFoundError(f"no event {missing[0]!r} for the commitment")
    row = {"subject": subject, "stage": stage, "parties": ";".join(sorted(set(parties)))}
    new_id = int(db.execute(sa.insert(commitments).returning(commitments.c.id), row).scalar_one())
    if event_ids:
        links = [{"commitment_id": new_id, "event_id": e} for e in dict.fromkeys(event_ids)]
        db.execute(sa.insert(commitment_events), links)
    return new_id


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


def commitment_detail(db: Connection, commitment_id: int) -> CommitmentDetail | None:
    """A commitment's thread: its events in date order, each with the words that show it."""
    rows = commitment_rows(db, [commitments.c.id == commitment_id])
    if not rows:
        return None
    head = rows[0]
    query = (
        sa.select(events.c.id)
        .join(commitment_events, commitment_events.c.event_id == events.c.id)
        .where(commitment_events.c.commitment_id == commitment_id)
        .order_by(events.c.date.asc().nulls_last(), events.c.id)
    )
    steps = []
    for summary in summaries(db, list(db.scalars(query))):
        steps.append(
            CommitmentStep(STAGE_OF.get(summary.type, ""), summary, _excerpts(db, summary.id))
        )
    return CommitmentDetail(head.id, head.subject, head.stage, head.parties, steps)


def _excerpts(db: Connection, event_id: str) -> list[Excerpt]:
    """The sentence of each report of the event, its evidence marked."""
    detail = queries.event_detail(db, event_id)
    if detail is None:
        return []
    out = []
    for source in detail.sources:
        spans = [(e.field, e.span) for e in detail.evidence_for(source.document_id)]
        window = source.sentence or (spans[0][1] if spans else Span(0, min(300, len(source.text))))
        out.append(excerpt(source.document_id, source.text, window, spans))
    return out
