"""Read the register: steps with their sources, commitment threads, entities."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopwatch.model import Span
from coopwatch.store.schema import (
    commitment_events,
    commitment_milestones,
    commitments,
    documents,
    event_sources,
)


@dataclass(slots=True)
class ReportRow:
    """One report of a step: the document, and what it says of the step."""

    report_id: str
    event_id: str
    document_id: str
    type: str
    date: date | None
    lang: str | None
    stage: str
    source: str
    url: str | None
    published: date | None
    sentence: Span | None


def reports(db: Connection, event_ids: Sequence[str] | None = None) -> list[ReportRow]:
    """The reports of the given steps (of all steps when None), by step, date and id."""
    query = sa.select(
        event_sources.c.report_id,
        event_sources.c.event_id,
        event_sources.c.document_id,
        event_sources.c.type,
        event_sources.c.date,
        event_sources.c.lang,
        event_sources.c.stage,
        event_sources.c.sentence_start,
        event_sources.c.sentence_end,
        documents.c.source,
        documents.c.url,
        documents.c.published,
    ).join(documents, documents.c.id == event_sources.c.document_id)
    rows = []
    chunks = [None] if event_ids is None else [event_ids[i : i + 500] for i in
                                              range(0, len(event_ids), 500)]  # fmt: skip
    for part in chunks:
        q = query if part is None else query.where(event_sources.c.event_id.in_(part))
        for r in db.execute(q):
            span = None if r.sentence_start is None else Span(r.sentence_start, r.sentence_end)
            rows.append(
                ReportRow(r.report_id, r.event_id, r.document_id, r.type, r.date, r.lang,
                          r.stage, r.source, r.url, r.published, span)  # fmt: skip
            )
    rows.sort(key=lambda r: (r.event_id, r.published or date.min, r.report_id))
    return rows


@dataclass(slots=True)
class Milestone:
    stage: str
    date: date | None
    event_id: str


@dataclass(slots=True)
class CommitmentRow:
    id: str
    subject: str
    stage: str
    parties: list[str]
    first_date: date | None
    last_date: date | None
    event_ids: list[str]
    timeline: list[Milestone]


def commitment_rows(
    db: Connection,
    *,
    countries: Sequence[str] = (),
    stage: str | None = None,
    ids: Sequence[str] | None = None,
    limit: int | None = None,
) -> list[CommitmentRow]:
    """Commitment threads, latest activity first; ``countries`` must all be parties."""
    query = sa.select(commitments).order_by(
        commitments.c.last_date.desc().nulls_last(), commitments.c.id
    )
    for country in dict.fromkeys(c.upper() for c in countries):
        query = query.where(
            sa.or_(
                commitments.c.parties == country,
                commitments.c.parties.like(f"{country};%"),
                commitments.c.parties.like(f"%;{country}"),
                commitments.c.parties.like(f"%;{country};%"),
            )
        )
    if stage:
        query = query.where(commitments.c.stage == stage)
    if ids is not None:
        query = query.where(commitments.c.id.in_(list(ids)))
    if limit is not None:
        query = query.limit(limit)
    rows = list(db.execute(query))
    found = [r.id for r in rows]
    events: dict[str, list[str]] = defaultdict(list)
    steps: dict[str, list[Milestone]] = defaultdict(list)
    for i in range(0, len(found), 500):
        part = found[i : i + 500]
        q = (
            sa.select(commitment_events.c.commitment_id, commitment_events.c.event_id)
            .where(commitment_events.c.commitment_id.in_(part))
            .order_by(commitment_events.c.date, commitment_events.c.event_id)
        )
        for thread, event in db.execute(q).tuples():
            events[thread].append(event)
        q2 = (
            sa.select(commitment_milestones)
            .where(commitment_milestones.c.commitment_id.in_(part))
            .order_by(commitment_milestones.c.commitment_id, commitment_milestones.c.seq)
        )
        for m in db.execute(q2):
            steps[m.commitment_id].append(Milestone(m.stage, m.date, m.event_id))
    return [
        CommitmentRow(
            r.id, r.subject, r.stage, r.parties.split(";") if r.parties else [], r.first_date,
            r.last_date, events[r.id], steps[r.id]
        )  # fmt: skip
        for r in rows
    ]


def commitments_of_events(db: Connection, event_ids: Sequence[str]) -> dict[str, list[str]]:
    """The threads each step belongs to."""
    out: dict[str, list[str]] = defaultdict(list)
    for i in range(0, len(event_ids), 500):
        q = sa.select(commitment_events.c.event_id, commitment_events.c.commitment_id).where(
            commitment_events.c.event_id.in_(event_ids[i : i + 500])
        )
        for event, thread in db.execute(q).tuples():
            out[event].append(thread)
    return out
