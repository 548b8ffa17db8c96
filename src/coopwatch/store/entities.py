"""Entities (persons and organisations) across events: listings and one entity's page.

An entity is one person or organisation under all its spellings and scripts (the
register resolves them, :mod:`coopwatch.store.entity_store`); its page lists them, the
roles reported for it with the date of each report, and its events.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopwatch.store import corrections as fixes
from coopwatch.store import register_queries
from coopwatch.store.entity_store import alias_key
from coopwatch.store.schema import entities, entity_aliases, event_entities, event_parties, events
from coopwatch.store.view_rows import (
    CountryCount,
    EntityDetail,
    EntityRow,
    EventFilters,
    RoleSeen,
)
from coopwatch.store.views import list_events


def _event_counts() -> sa.Subquery:
    return (
        sa.select(event_entities.c.entity_id, sa.func.count().label("n"))
        .join(events, events.c.id == event_entities.c.event_id)
        .where(~fixes.marked_wrong(events.c.id))
        .group_by(event_entities.c.entity_id)
        .subquery()
    )


def list_entities(
    db: Connection,
    *,
    kind: str | None = None,
    country: str | None = None,
    name: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[EntityRow], int]:
    """Entities with the most events first; ``name`` matches any alias, in any spelling."""
    where: list[sa.ColumnElement[bool]] = []
    if kind:
        where.append(entities.c.kind == kind)
    if country:
        where.append(entities.c.country == country.upper())
    if name and (key := alias_key(name)):
        where.append(
            sa.exists().where(
                entity_aliases.c.entity_id == entities.c.id,
                entity_aliases.c.key.contains(key, autoescape=True),
            )
        )
    counts = _event_counts()
    n = sa.func.coalesce(counts.c.n, 0)
    query = (
        sa.select(entities, n.label("n"))
        .outerjoin(counts, counts.c.entity_id == entities.c.id)
        .where(*where)
        .order_by(n.desc(), entities.c.name, entities.c.id)
        .limit(limit)
        .offset(offset)
    )
    rows = [EntityRow(r.id, r.kind, r.name, r.country, r.latin, r.n) for r in db.execute(query)]
    total = db.scalar(sa.select(sa.func.count()).select_from(entities).where(*where)) or 0
    return rows, total


def entity_detail(
    db: Connection, entity_id: int, *, limit: int = 50, offset: int = 0
) -> EntityDetail | None:
    row = db.execute(sa.select(entities).where(entities.c.id == entity_id)).first()
    if row is None:
        return None
    aliases = list(
        db.scalars(
            sa.select(entity_aliases.c.alias)
            .where(entity_aliases.c.entity_id == entity_id)
            .order_by(entity_aliases.c.alias)
        )
    )
    [registered] = register_queries.entity_rows(db, ids=[entity_id])
    roles = [RoleSeen(role, day) for role, day in registered.roles]
    return EntityDetail(
        id=row.id,
        kind=row.kind,
        name=row.name,
        country=row.country,
        latin=row.latin,
        aliases=aliases,
        roles=roles,
        partners=_partners(db, entity_id, exclude=[row.country] if row.country else []),
        events=list_events(db, EventFilters(entity_id=entity_id), limit=limit, offset=offset),
    )


def _partners(db: Connection, entity_id: int, *, exclude: Sequence[str]) -> list[CountryCount]:
    """The countries party to the entity's events, with how many events each."""
    query = (
        sa.select(event_parties.c.country, sa.func.count())
        .join(event_entities, event_entities.c.event_id == event_parties.c.event_id)
        .where(
            event_entities.c.entity_id == entity_id,
            event_parties.c.country.not_in(list(exclude)),
            ~fixes.marked_wrong(event_parties.c.event_id),
        )
        .group_by(event_parties.c.country)
        .order_by(sa.func.count().desc(), event_parties.c.country)
    )
    return [CountryCount(c, n) for c, n in db.execute(query)]
