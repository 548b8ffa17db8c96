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

Day = date  # for annotations after a field named ``date``


@dataclass(slots=True)
class ReportRow:
    """One report of a step: the document, and what it says of the step."""

    report_id: str
    event_id: str
    document_id: str
    type: str
    date: Day | None
    lang: str | None
    stage: str
    source: str
    url: str | None
    published: Day | None
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
    chunks = (
        [None]
        if event_ids is None
        else [event_ids[i : i + 500] for i in range(0, len(event_ids), 500)]
    )
    for part in chunks:
        q = query if part is None else query.where(event_sources.c.event_id.in_(part))
        for r in db.execute(q):
            span = None if r.sentence_start is None else Span(r.sentence_start, r.sentence_end)
            rows.append(
                ReportRow(
                    r.report_id,
                    r.event_id,
                    r.document_id,
                    r.type,
                    r.date,
                    r.lang,
                    r.stage,
                    r.source,
                    r.url,
                    r.published,
                    span,
                )
            )
    rows.sort(key=lambda r: (r.event_id, r.published or date.min, r.report_id))
    return rows


@dataclass(slots=True)
class Milestone:
    stage: str
    date: Day | None
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
        for thread, event in db.execute(q):
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
            r.id,
            r.subject,
            r.stage,
            r.parties.split(";") if r.parties else [],
            r.first_date,
            r.last_date,
            events[r.id],
            steps[r.id],
        )
        for r in rows
    ]


def commitments_of_events(db: Connection, event_ids: Sequence[str]) -> dict[str, list[str]]:
    """The threads each step belongs to."""
    out: dict[str, list[str]] = defaultdict(list)
    for i in range(0, len(event_ids), 500):
        q = sa.select(commitment_events.c.event_id, commitment_events.c.commitment_id).where(
            commitment_events.c.event_id.in_(event_ids[i : i + 500])
        )
        for event, thread in db.execute(q):
            out[event].append(thread)
    return out


@dataclass(slots=True)
class Evidence:
    """A sentence of a source that shows a step."""

    document_id: str
    source: str
    url: str | None
    lang: str | None
    date: Day | None
    sentence: str


def step_evidence(db: Connection, event_ids: Sequence[str]) -> dict[str, list[Evidence]]:
    """The sentence of each report of these steps, by step."""
    out: dict[str, list[Evidence]] = defaultdict(list)
    for i in range(0, len(event_ids), 500):
        query = (
            sa.select(
                event_sources.c.event_id,
                event_sources.c.document_id,
                documents.c.source,
                documents.c.url,
                event_sources.c.lang,
                event_sources.c.date,
                event_sources.c.sentence_start,
                event_sources.c.sentence_end,
                documents.c.text,
            )
            .join(documents, documents.c.id == event_sources.c.document_id)
            .where(event_sources.c.event_id.in_(event_ids[i : i + 500]))
            .order_by(documents.c.published, documents.c.id)
        )
        for r in db.execute(query):
            sentence = "" if r.sentence_start is None else r.text[r.sentence_start : r.sentence_end]
            out[r.event_id].append(
                Evidence(r.document_id, r.source, r.url, r.lang, r.date, sentence)
            )
    return out


@dataclass(slots=True)
class AmountBySource:
    value: int
    currency: str
    document_id: str | None


@dataclass(slots=True)
class CommitmentDetail:
    commitment: CommitmentRow
    organizations: list[str]
    sectors: list[str]
    instruments: list[str]
    amounts: list[AmountBySource]
    jobs: list[tuple[int, str]]  # (jobs, document id) per source that gives a figure
    evidence: dict[str, list[Evidence]]  # step id -> its sentences


def commitment_detail(db: Connection, commitment_id: str) -> CommitmentDetail | None:
    from coopwatch.store.schema import (
        entities,
        event_amounts,
        event_entities,
        event_instruments,
        event_sectors,
        events,
    )

    found = commitment_rows(db, ids=[commitment_id])
    if not found:
        return None
    row = found[0]
    steps = row.event_ids
    orgs = list(
        db.scalars(
            sa.select(entities.c.name)
            .join(event_entities, event_entities.c.entity_id == entities.c.id)
            .where(event_entities.c.event_id.in_(steps), entities.c.kind == "organization")
            .distinct()
            .order_by(entities.c.name)
        )
    )
    sectors = sorted(
        set(db.scalars(sa.select(event_sectors.c.isic).where(event_sectors.c.event_id.in_(steps))))
    )
    instruments = sorted(
        set(
            db.scalars(
                sa.select(event_instruments.c.instrument).where(
                    event_instruments.c.event_id.in_(steps)
                )
            )
        )
    )
    amounts = {
        (r.value, r.currency, r.document_id): AmountBySource(r.value, r.currency, r.document_id)
        for r in db.execute(
            sa.select(event_amounts)
            .where(event_amounts.c.event_id.in_(steps))
            .order_by(sa.func.coalesce(event_amounts.c.document_id, ""), event_amounts.c.id)
        )
    }
    jobs = [
        (j, e)
        for e, j in db.execute(
            sa.select(events.c.id, events.c.jobs).where(
                events.c.id.in_(steps), events.c.jobs.is_not(None)
            )
        )
    ]
    return CommitmentDetail(
        row, orgs, sectors, instruments, list(amounts.values()), jobs, step_evidence(db, steps)
    )


@dataclass(slots=True)
class EntityRow:
    id: int
    kind: str
    name: str
    country: str | None
    latin: str | None
    aliases: list[str]
    roles: list[tuple[str, date | None]]  # role, date of the report that gives it
    events: int


def entity_rows(
    db: Connection,
    *,
    kind: str | None = None,
    search: str | None = None,
    ids: Sequence[int] | None = None,
    limit: int | None = None,
) -> list[EntityRow]:
    """Entities with their aliases, roles and number of events, most active first."""
    from coopwatch.store.entity_store import alias_key
    from coopwatch.store.schema import entities, entity_aliases, entity_mentions, event_entities

    count = (
        sa.select(sa.func.count())
        .select_from(event_entities)
        .where(event_entities.c.entity_id == entities.c.id)
        .scalar_subquery()
    )
    query = sa.select(entities, count.label("n")).order_by(sa.desc("n"), entities.c.id)
    if kind:
        query = query.where(entities.c.kind == kind)
    if ids is not None:
        query = query.where(entities.c.id.in_(list(ids)))
    if search:
        key = alias_key(search)
        query = query.where(
            sa.exists().where(
                entity_aliases.c.entity_id == entities.c.id,
                entity_aliases.c.key.contains(key, autoescape=True),
            )
        )
    if limit is not None:
        query = query.limit(limit)
    rows = list(db.execute(query))
    found = [r.id for r in rows]
    aliases: dict[int, list[str]] = defaultdict(list)
    roles: dict[int, list[tuple[str, date | None]]] = defaultdict(list)
    for i in range(0, len(found), 500):
        part = found[i : i + 500]
        for entity_id, alias in db.execute(
            sa.select(entity_aliases.c.entity_id, entity_aliases.c.alias)
            .where(entity_aliases.c.entity_id.in_(part))
            .order_by(entity_aliases.c.entity_id, entity_aliases.c.alias)
        ):
            aliases[entity_id].append(alias)
        for entity_id, role, day in db.execute(
            sa.select(entity_mentions.c.entity_id, entity_mentions.c.role, event_sources.c.day)
            .join(event_sources, event_sources.c.report_id == entity_mentions.c.report_id)
            .where(entity_mentions.c.entity_id.in_(part), entity_mentions.c.role.is_not(None))
            .order_by(entity_mentions.c.entity_id, event_sources.c.day)
        ):
            if (role, day) not in roles[entity_id]:
                roles[entity_id].append((role, day))
    return [
        EntityRow(r.id, r.kind, r.name, r.country, r.latin, aliases[r.id], roles[r.id], r.n)
        for r in rows
    ]


@dataclass(slots=True)
class ThreadStep:
    """A step of a thread, with the stage it shows."""

    event_id: str
    date: date | None
    stage: str


def thread_steps(db: Connection, commitment_id: str) -> list[ThreadStep]:
    """Every step of a thread with the stage it shows, in date order (undated last)."""
    query = (
        sa.select(commitment_events.c.event_id, commitment_events.c.date, commitment_events.c.stage)
        .where(commitment_events.c.commitment_id == commitment_id)
        .order_by(commitment_events.c.date.asc().nulls_last(), commitment_events.c.event_id)
    )
    return [ThreadStep(e, d, s) for e, d, s in db.execute(query)]


@dataclass(slots=True)
class JobsBySource:
    """The jobs figure one report gives a step."""

    jobs: int
    document_id: str
    event_id: str


def jobs_by_source(db: Connection, event_ids: Sequence[str]) -> list[JobsBySource]:
    """The jobs figure of each report of these steps that gives one (never averaged)."""
    import json

    out: list[JobsBySource] = []
    for i in range(0, len(event_ids), 500):
        query = (
            sa.select(event_sources.c.event_id, event_sources.c.document_id, event_sources.c.facts)
            .where(event_sources.c.event_id.in_(event_ids[i : i + 500]))
            .order_by(event_sources.c.event_id, event_sources.c.report_id)
        )
        for event_id, document_id, text in db.execute(query):
            jobs = json.loads(text)["event"].get("jobs")
            if isinstance(jobs, int) and not isinstance(jobs, bool):
                out.append(JobsBySource(jobs, document_id, event_id))
    return out
