"""Entities of the register: one person or organisation under all its names and scripts.

Every person and organisation a report names is kept as a mention (``entity_mentions``)
with its keys (``entity_keys``, see :mod:`coopwatch.linking.entities`). A new mention
that links only to mentions of one entity, and is compatible with it, joins it; any
other case regroups the mentions around it with :func:`coopwatch.linking.entities.group`,
so the entities depend on the set of mentions only, not on the order they arrived in.
An entity's name, country and aliases are drawn from its mentions the same way.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
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
from coopwatch.store.upsert import chunks, insert_ignore
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


@dataclass(slots=True)
class _Info:
    """An entity as compatibility sees it: its kind, countries and given names."""

    kind: str
    countries: set[str] = field(default_factory=set)
    givens: dict[str, set[str]] = field(default_factory=dict)  # surname -> given names

    def accepts(self, mention: EntityMention) -> bool:
        if mention.country and self.countries - {mention.country}:
            return False
        key = mention.person
        if key is None or not key.given:
            return True
        return self.givens.get(key.surname, set()) <= {key.given}

    def add(self, mention: EntityMention) -> None:
        if mention.country:
            self.countries.add(mention.country)
        key = mention.person
        if key is not None and key.given:
            self.givens.setdefault(key.surname, set()).add(key.given)


class EntityWriter:
    """Adds mentions and keeps entities up to date, in the caller's transaction."""

    def __init__(self, db: Connection) -> None:
        self.db = db
        #: Reports whose mentions changed entity: their steps' actors need rewriting.
        self.moved_reports: set[str] = set()
        self._queue: list[tuple[str, EntityMention]] = []

    def add(self, report_id: str, mentions: Sequence[EntityMention]) -> None:
        """Queue the mentions of a report; ``flush`` resolves them."""
        self._queue += [(report_id, m) for m in mentions]

    def flush(self) -> None:
        """Store and resolve the queued mentions, a few statements for them all."""
        queued, self._queue = self._queue, []
        if not queued:
            return
        rows = []
        for report_id, m in queued:
            key = m.person
            rows.append({"id": m.id, "report_id": report_id, "kind": m.kind,
                         "country": m.country, "role": m.role,
                         "names": json.dumps(list(m.names), ensure_ascii=False),
                         "surname": key.surname if key else None,
                         "given": key.given if key else None})  # fmt: skip
        insert_ignore(self.db, entity_mentions, rows)
        pending = sorted((m for _, m in queued), key=lambda m: m.id)
        near = self._near_all(_keys_by_kind(pending))
        # Keys are stored for the first mention of each spelling only: a look-up then
        # reads a row per spelling, however often the spelling was reported.
        known = {(o.kind, o.names, o.country) for found in near.values() for o, _ in found}
        keys = []
        for m in pending:
            if (spelling := (m.kind, m.names, m.country)) not in known:
                known.add(spelling)
                keys += [{"kind": m.kind, "key": k, "mention_id": m.id} for k in mention_keys(m)]
        insert_ignore(self.db, entity_keys, keys)
        info = self._info(_entities_in(near))
        while pending:
            pending = self._resolve_many(pending, near, info)

    def _resolve_many(
        self, mentions: list[EntityMention], near: _Near, info: dict[int, _Info]
    ) -> list[EntityMention]:
        """Resolve mentions in memory while each joins one entity or none; at the first
        that needs a regrouping, write what is decided, regroup around it in the
        database, look the keys it touched up again, and hand back the mentions left."""
        assigned: dict[str, int] = {}
        fresh: list[tuple[EntityMention, int]] = []
        for n, mention in enumerate(mentions):
            # A spelling already stored under one entity changes no grouping: it joins it.
            same = {
                e
                for k in mention_keys(mention)
                for o, e in near.get((mention.kind, k), [])
                if e is not None
                and o.id != mention.id
                and o.names == mention.names
                and o.country == mention.country
            }
            linked: set[int] = (
                set(same)
                if len(same) == 1
                else {
                    assigned.get(o.id, e)  # type: ignore[misc]  # None is filtered out below
                    for k in lookup_keys(mention)
                    for o, e in near.get((mention.kind, k), [])
                    if o.id != mention.id
                    and assigned.get(o.id, e) is not None
                    and link_score(mention, o) > 0
                }
            )
            if len(same) == 1:
                entity_id = next(iter(same))
            elif not linked:
                entity_id = self._create([mention])
                info[entity_id] = _Info(mention.kind)
                fresh.append((mention, entity_id))
            elif len(linked) == 1 and info[(only := next(iter(linked)))].accepts(mention):
                entity_id = only
            else:
                self._write_assignments(assigned, fresh, mentions)
                touched = self._regroup(mention)
                rest = mentions[n + 1 :]
                wanted = {(m.kind, k) for m in rest for k in _searched(m)} & touched
                for key in touched:
                    near.pop(key, None)
                found = self._near_all(_group_keys(wanted))
                near.update(found)
                info.update(self._info(_entities_in(found)))
                return rest
            assigned[mention.id] = entity_id
            info[entity_id].add(mention)
            for k in mention_keys(mention):
                near.setdefault((mention.kind, k), []).append((mention, entity_id))
        self._write_assignments(assigned, fresh, mentions)
        return []

    def _write_assignments(
        self,
        assigned: dict[str, int],
        fresh: list[tuple[EntityMention, int]],
        mentions: list[EntityMention],
    ) -> None:
        if not assigned:
            return
        stmt = (
            sa.update(entity_mentions)
            .where(entity_mentions.c.id == sa.bindparam("m"))
            .values(entity_id=sa.bindparam("e"))
        )
        self.db.execute(stmt, [{"m": m, "e": e} for m, e in assigned.items()])
        self.moved_reports.update(m.rsplit(":", 1)[0] for m in assigned)
        self._describe_added(assigned, {m.id: m for m in mentions})
        assigned.clear()
        fresh.clear()

    def _describe_added(self, assigned: dict[str, int], by_id: dict[str, EntityMention]) -> None:
        """Name, Latin form, country and aliases of entities that gained mentions: each
        is the least of its candidates in display order, so it can be updated from the
        new names alone, whatever order the mentions came in."""
        names: dict[int, list[str]] = {}
        countries: dict[int, str] = {}
        for mention_id, entity_id in assigned.items():
            mention = by_id[mention_id]
            names.setdefault(entity_id, []).extend(mention.names)
            if mention.country:
                countries[entity_id] = mention.country
        ids = sorted(names)
        current = {}
        spellings: dict[tuple[int, str], str] = {}
        for part in chunks(ids):
            for r in self.db.execute(sa.select(entities).where(entities.c.id.in_(part))):
                current[r.id] = r
            query = sa.select(entity_aliases).where(entity_aliases.c.entity_id.in_(part))
            for r in self.db.execute(query):
                spellings[(r.entity_id, r.key)] = r.alias
        updates, aliases = [], []
        for entity_id in ids:
            row = current[entity_id]
            new = names[entity_id]
            name = min([row.name, *new], key=_display_order)
            latins = [n for n in [*new, *([row.latin] if row.latin else [])] if to_latin(n) == n]
            latin = min(latins, key=_display_order) if latins else None
            country = row.country or countries.get(entity_id)
            if (name, latin, country) != (row.name, row.latin, row.country):
                updates.append({"i": entity_id, "n": name, "l": latin, "c": country})
            for spelling in new:
                key = alias_key(spelling)
                if not key:
                    continue
                old = spellings.get((entity_id, key))
                if old is None or _display_order(spelling) < _display_order(old):
                    spellings[(entity_id, key)] = spelling
                    aliases.append({"entity_id": entity_id, "key": key, "alias": spelling})
        if updates:
            stmt = (
                sa.update(entities)
                .where(entities.c.id == sa.bindparam("i"))
                .values(name=sa.bindparam("n"), latin=sa.bindparam("l"), country=sa.bindparam("c"))
            )
            self.db.execute(stmt, updates)
        if aliases:
            final = {(a["entity_id"], a["key"]): a for a in aliases}
            for part in chunks(sorted({f"{e}\x1f{k}" for e, k in final})):
                pairs = [p.split("\x1f") for p in part]
                self.db.execute(
                    sa.delete(entity_aliases).where(
                        sa.tuple_(entity_aliases.c.entity_id, entity_aliases.c.key).in_(
                            [(int(e), k) for e, k in pairs]
                        )
                    )
                )
            self.db.execute(sa.insert(entity_aliases), list(final.values()))

    def _near_all(self, by_kind: dict[str, set[str]]) -> _Near:
        """Resolved mentions under the lookup keys of ``mentions``, by (kind, key).

        Mentions of one entity spelt alike decide alike, so one of each spelling is
        enough: what is read grows with the spellings of an entity, not its mentions."""
        out: _Near = {}
        columns = (
            entity_keys.c.key,
            entity_mentions.c.entity_id,
            entity_mentions.c.names,
            entity_mentions.c.country,
        )
        for kind, keys in by_kind.items():
            for part in chunks(sorted(keys)):
                query = (
                    sa.select(*columns)
                    .join(entity_keys, entity_keys.c.mention_id == entity_mentions.c.id)
                    .where(
                        entity_keys.c.kind == kind,
                        entity_keys.c.key.in_(part),
                        entity_mentions.c.entity_id.is_not(None),
                    )
                    .distinct()
                )
                for key, entity_id, names, country in self.db.execute(query):
                    seen = EntityMention(f"stored:{entity_id}", kind, tuple(json.loads(names)),
                                         country)  # fmt: skip
                    out.setdefault((kind, key), []).append((seen, entity_id))
        return out

    def _info(self, entity_ids: set[int]) -> dict[int, _Info]:
        """What compatibility needs to know of entities: country, given names."""
        out = {e: _Info("") for e in entity_ids}
        for part in chunks(sorted(entity_ids)):
            query = sa.select(entities.c.id, entities.c.kind, entities.c.country).where(
                entities.c.id.in_(part)
            )
            for entity_id, kind, country in self.db.execute(query):
                out[entity_id].kind = kind
                if country:
                    out[entity_id].countries.add(country)
            query2 = (
                sa.select(entity_mentions.c.entity_id, entity_mentions.c.surname,
                          entity_mentions.c.given)
                .where(entity_mentions.c.entity_id.in_(part), entity_mentions.c.given != "")
                .distinct()
            )  # fmt: skip
            for entity_id, surname, given in self.db.execute(query2):
                out[entity_id].givens.setdefault(surname, set()).add(given)
        return out

    def _regroup(self, seed: EntityMention) -> set[tuple[str, str]]:
        """Regroup every spelling reachable from ``seed`` through keys; the keys of the
        spellings regrouped.

        Mentions spelt alike (kind, names and country) are one spelling and always share
        their entity, so what is read and grouped grows with the spellings around an
        entity, never with how often they were reported."""
        stored_names: dict[str, str] = {}  # spelling -> its names as stored
        seed_names = json.dumps(list(seed.names), ensure_ascii=False)
        seed_spelling = _spelling(seed.kind, seed_names, seed.country)
        component: dict[str, EntityMention] = {}
        current: dict[str, set[int | None]] = {seed_spelling: {None}}
        columns = (entity_mentions.c.names, entity_mentions.c.country, entity_mentions.c.entity_id)
        frontier = [seed]
        while frontier and len(component) < _MAX_COMPONENT:
            keys = sorted(set().union(*(lookup_keys(m) | mention_keys(m) for m in frontier)))
            found: list[EntityMention] = []
            for part in chunks(keys):
                query = (
                    sa.select(*columns)
                    .join(entity_keys, entity_keys.c.mention_id == entity_mentions.c.id)
                    .where(entity_keys.c.kind == seed.kind, entity_keys.c.key.in_(part))
                    .distinct()
                )
                for names, country, entity_id in self.db.execute(query):
                    spelling = _spelling(seed.kind, names, country)
                    if spelling not in component:
                        m = EntityMention(spelling, seed.kind, tuple(json.loads(names)), country)
                        if not mention_keys(m):
                            continue
                        component[spelling] = m
                        stored_names[spelling] = names
                        found.append(m)
                    current.setdefault(spelling, set()).add(entity_id)
            frontier = found
        used: set[int] = set()
        touched: set[int] = {e for es in current.values() for e in es if e is not None}
        for members in group(list(component.values())):
            olds = sorted({e for s in members for e in current[s] if e is not None} - used)
            entity_id = olds[0] if olds else self._create([component[s] for s in members])
            used.add(entity_id)
            for spelling in members:
                if current[spelling] != {entity_id}:
                    self._assign(
                        component[spelling], stored_names[spelling], current[spelling], entity_id
                    )
        gone = touched - used
        if gone:
            self.db.execute(sa.delete(entities).where(entities.c.id.in_(sorted(gone))))
        self._describe(sorted(used))
        return {(m.kind, k) for m in component.values() for k in mention_keys(m)}

    def _assign(
        self, spelling: EntityMention, names: str, olds: set[int | None], entity_id: int
    ) -> None:
        """Move every mention of one spelling (its names as stored) from the entities it
        was in (or none) to ``entity_id``."""
        others = sorted(e for e in olds if e is not None and e != entity_id)
        where_now = [entity_mentions.c.entity_id.in_(others)] if others else []
        if None in olds:
            where_now.append(entity_mentions.c.entity_id.is_(None))
        if not where_now:
            return
        moved = self.db.scalars(
            sa.update(entity_mentions)
            .where(
                sa.or_(*where_now),
                entity_mentions.c.kind == spelling.kind,
                entity_mentions.c.names == names,
                _same_country(spelling.country),
            )
            .values(entity_id=entity_id)
            .returning(entity_mentions.c.id)
        )
        self.moved_reports.update(m.rsplit(":", 1)[0] for m in moved)

    def _create(self, mentions: Sequence[EntityMention]) -> int:
        first = mentions[0]
        row = {"kind": first.kind, "name": first.names[0], "country": None, "latin": None}
        entity_id = int(
            self.db.execute(sa.insert(entities).returning(entities.c.id), row).scalar_one()
        )
        return entity_id

    def _describe(self, entity_ids: Iterable[int]) -> None:
        """Name, country, Latin form and aliases of entities, drawn from their spellings."""
        for entity_id in entity_ids:
            query = (
                sa.select(entity_mentions.c.names, entity_mentions.c.country)
                .where(entity_mentions.c.entity_id == entity_id)
                .distinct()
            )
            spellings = list(self.db.execute(query))
            if not spellings:
                continue
            names = [n for r in spellings for n in json.loads(r.names)]
            countries = sorted({r.country for r in spellings if r.country})
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


_Near = dict[tuple[str, str], list[tuple[EntityMention, int | None]]]


def _keys_by_kind(mentions: Iterable[EntityMention]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in mentions:
        out.setdefault(m.kind, set()).update(_searched(m))
    return out


def _searched(mention: EntityMention) -> set[str]:
    """The keys read around a mention: where it may join others, and where its own
    spelling already is."""
    return lookup_keys(mention) | mention_keys(mention)


def _group_keys(pairs: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for kind, key in pairs:
        out.setdefault(kind, set()).add(key)
    return out


def _entities_in(near: _Near) -> set[int]:
    return {e for found in near.values() for _, e in found if e is not None}


@functools.lru_cache(maxsize=65_536)
def _display_order(name: str) -> tuple[int, int, int, int, str]:
    """The name an entity is shown under: an acronym (as news write organisations), else
    the fullest name; Latin script first, as written in running text rather than in
    capitals, then A-Z."""
    acronym = len(name) <= 8 and name.isupper() and " " not in name
    return (
        -1000 if acronym else -len(name.split()),
        int(to_latin(name) != name),
        int(name.isupper() and not acronym),
        -sum(not c.isascii() for c in name),  # "mécaniques" rather than "mecaniques"
        name,
    )


def _spelling(kind: str, names: str, country: str | None) -> str:
    """The id of a spelling among mentions being grouped: its content, never a mention's
    id, so that the grouping depends on what was written, not on which report came first."""
    return f"{kind}\x1f{country or ''}\x1f{names}"


def _same_country(country: str | None) -> sa.ColumnElement[bool]:
    if country is None:
        return entity_mentions.c.country.is_(None)
    return entity_mentions.c.country == country
