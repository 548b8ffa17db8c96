"""Entities of the register: one person or organisation under all its names and scripts.

Every person and organisation a report names is kept as a mention (``entity_mentions``)
with its keys (``entity_keys``, see :mod:`coopwatch.linking.entities`). A new mention
that links only to mentions of one entity, and is compatible with it, joins it; any
other case regroups the mentions around it with :func:`coopwatch.linking.entities.group`,
so the entities depend on the set of mentions only, not on the order they arrived in.
An entity's name, country and aliases are drawn from its mentions the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopwatch.linking.entities import (
    EntityMention,
    group,
    link_score,
    lookup_keys,
    mention_keys,
)
from coopwatch.store.schema import entities, entity_aliases, entity_keys, entity_mentions
from coopwatch.store.upsert import insert_ignore
from coopwatch.text import fold
from coopwatch.transliterate import to_latin

#: Mentions looked at around a new one before the search stops (a guard, not a limit
#: any real entity reaches: its mentions meet through a handful of keys).
_MAX_COMPONENT = 20_000


def alias_key(name: str) -> str:
    """The key under which two spellings of a name are the same alias."""
    return " ".join(fold(name).split())


def mentions_of(report_id: str, event: dict[str, Any]) -> list[EntityMention]:
    """The persons and organisations one report names."""
    out = []
    for n, person in enumerate(event.get("persons", [])):
        names = (person["name"],) + ((person["latin"],) if person.get("latin") else ())
        out.append(
            EntityMention(
                f"{report_id}:p{n}", "person", names, person.get("country"), person.get("role")
            )
        )
    for n, names in enumerate(event.get("organizations", [])):
        if names:
            out.append(EntityMention(f"{report_id}:o{n}", "organization", tuple(names), None))
    return [m for m in out if mention_keys(m)]


class EntityWriter:
    """Adds mentions and keeps entities up to date, in the caller's transaction."""

    def __init__(self, db: Connection) -> None:
        self.db = db
        #: Reports whose mentions changed entity: their steps' actors need rewriting.
        self.moved_reports: set[str] = set()

    def add(self, report_id: str, mentions: Sequence[EntityMention]) -> None:
        if not mentions:
            return
        rows = []
        for m in mentions:
            key = m.person
            rows.append(
                {
                    "id": m.id,
                    "report_id": report_id,
                    "kind": m.kind,
                    "country": m.country,
                    "role": m.role,
                    "names": json.dumps(list(m.names), ensure_ascii=False),
                    "surname": key.surname if key else None,
                    "given": key.given if key else None,
                }
            )
        insert_ignore(self.db, entity_mentions, rows)
        keys = [
            {"kind": m.kind, "key": k, "mention_id": m.id}
            for m in mentions
            for k in mention_keys(m)
        ]
        insert_ignore(self.db, entity_keys, keys)
        for m in mentions:
            self._resolve(m)

    def _resolve(self, mention: EntityMention) -> None:
        found = self._near(mention)
        linked = [(o, e) for o, e in found if e is not None and link_score(mention, o) > 0]
        targets = {e for _, e in linked}
        if not targets:
            entity_id = self._create([mention])
            self._assign([mention.id], entity_id)
            self._describe([entity_id])
            return
        if len(targets) == 1:
            (entity_id,) = targets
            if self._compatible(mention, entity_id):
                self._assign([mention.id], entity_id)
                self._describe([entity_id], added=[mention])
                return
        self._regroup(mention)

    def _near(self, mention: EntityMention) -> list[tuple[EntityMention, int | None]]:
        """Mentions under the keys of ``mention`` (other than itself), with their entity."""
        query = (
            sa.select(entity_mentions)
            .join(entity_keys, entity_keys.c.mention_id == entity_mentions.c.id)
            .where(
                entity_keys.c.kind == mention.kind,
                entity_keys.c.key.in_(sorted(lookup_keys(mention))),
                entity_mentions.c.id != mention.id,
            )
            .distinct()
        )
        return [(_mention(r), r.entity_id) for r in self.db.execute(query)]

    def _compatible(self, mention: EntityMention, entity_id: int) -> bool:
        row = self.db.execute(
            sa.select(entities.c.country).where(entities.c.id == entity_id)
        ).first()
        if row is not None and row.country and mention.country and row.country != mention.country:
            return False
        key = mention.person
        if key is None or not key.given:
            return True
        givens = set(
            self.db.scalars(
                sa.select(entity_mentions.c.given)
                .where(
                    entity_mentions.c.entity_id == entity_id,
                    entity_mentions.c.surname == key.surname,
                    entity_mentions.c.given != "",
                )
                .distinct()
            )
        )
        return givens <= {key.given}

    def _regroup(self, seed: EntityMention) -> None:
        """Regroup every mention reachable from ``seed`` through keys."""
        component: dict[str, EntityMention] = {seed.id: seed}
        current: dict[str, int | None] = {seed.id: None}
        frontier = [seed]
        while frontier and len(component) < _MAX_COMPONENT:
            keys = sorted(set().union(*(lookup_keys(m) | mention_keys(m) for m in frontier)))
            found: list[EntityMention] = []
            for part in _chunks(keys):
                query = (
                    sa.select(entity_mentions)
                    .join(entity_keys, entity_keys.c.mention_id == entity_mentions.c.id)
                    .where(entity_keys.c.kind == seed.kind, entity_keys.c.key.in_(part))
                    .distinct()
                )
                for r in self.db.execute(query):
                    if r.id not in component:
                        m = _mention(r)
                        component[r.id] = m
                        current[r.id] = r.entity_id
                        found.append(m)
            frontier = found
        groups = group(list(component.values()))
        used: set[int] = set()
        touched: set[int] = {e for e in current.values() if e is not None}
        for members in groups:
            olds = sorted({e for m in members if (e := current[m]) is not None} - used)
            entity_id = olds[0] if olds else self._create([component[m] for m in members])
            used.add(entity_id)
            moved = [m for m in members if current[m] != entity_id]
            self._assign(moved, entity_id)
        gone = touched - used
        if gone:
            self.db.execute(sa.delete(entities).where(entities.c.id.in_(sorted(gone))))
        self._describe(sorted(used & touched | used))

    def _assign(self, mention_ids: Sequence[str], entity_id: int) -> None:
        if not mention_ids:
            return
        for part in _chunks(list(mention_ids)):
            self.db.execute(
                sa.update(entity_mentions)
                .where(entity_mentions.c.id.in_(part))
                .values(entity_id=entity_id)
            )
        self.moved_reports.update(m.rsplit(":", 1)[0] for m in mention_ids)

    def _create(self, mentions: Sequence[EntityMention]) -> int:
        first = mentions[0]
        row = {"kind": first.kind, "name": first.names[0], "country": None, "latin": None}
        entity_id = int(
            self.db.execute(sa.insert(entities).returning(entities.c.id), row).scalar_one()
        )
        return entity_id

    def _describe(self, entity_ids: Iterable[int], added: Sequence[EntityMention] = ()) -> None:
        """Name, country, Latin form and aliases of entities, drawn from their mentions."""
        for entity_id in entity_ids:
            if added:
                mentions = list(added)
                row = self.db.execute(sa.select(entities).where(entities.c.id == entity_id)).first()
                if row is None:
                    continue
                names = [row.name] + [n for m in mentions for n in m.names]
                country = row.country or next((m.country for m in mentions if m.country), None)
            else:
                query = sa.select(entity_mentions).where(entity_mentions.c.entity_id == entity_id)
                mentions = [_mention(r) for r in self.db.execute(query)]
                if not mentions:
                    continue
                names = [n for m in mentions for n in m.names]
                countries = sorted({m.country for m in mentions if m.country})
                country = countries[0] if countries else None
                self.db.execute(
                    sa.delete(entity_aliases).where(entity_aliases.c.entity_id == entity_id)
                )
            name = min(names, key=_display_order)
            latin = min((n for n in names if to_latin(n) == n), key=_display_order, default=None)
            self.db.execute(
                sa.update(entities)
                .where(entities.c.id == entity_id)
                .values(name=name, country=country, latin=latin)
            )
            aliases: dict[str, str] = {}
            for n in sorted(names, key=_display_order):
                if key := alias_key(n):
                    aliases.setdefault(key, n)
            insert_ignore(
                self.db,
                entity_aliases,
                [{"entity_id": entity_id, "key": k, "alias": a} for k, a in aliases.items()],
            )


def _display_order(name: str) -> tuple[int, int, int, str]:
    """The name an entity is shown under: an acronym (as news write organisations), else
    the fullest name; Latin script first, as written in running text rather than in
    capitals, then A-Z."""
    acronym = len(name) <= 8 and name.isupper() and " " not in name
    return (
        -1000 if acronym else -len(name.split()),
        int(to_latin(name) != name),
        int(name.isupper() and not acronym),
        name,
    )


def _mention(row: Any) -> EntityMention:
    return EntityMention(row.id, row.kind, tuple(json.loads(row.names)), row.country, row.role)


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
