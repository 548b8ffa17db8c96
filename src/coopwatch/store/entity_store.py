"""Entities of the register: one person or organisation under all its names and scripts.

A mention is resolved through ``entity_keys``, whose primary key (kind, country, key)
makes every key name one entity at most, so concurrent writers cannot create the same
entity twice. Keys come from :mod:`coopwatch.linking.names`:

- a person named in full has the key ``f:<given> <surname>`` (phonetic skeletons, the
  same for Latin, Cyrillic and Arabic spellings); named by surname alone, ``s:<surname>``,
  which joins the one person of that country with that surname when there is exactly one;
- an organisation has one key per name (folded, and transliterated when not in Latin
  script), so an acronym and a full name given together, in any document, join.

Two entities whose countries are both known and differ are never the same; a mention
without a country joins the entity of its key when only one country has one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopwatch.linking.names import aliases_key, person_key
from coopwatch.store.schema import (
    entities,
    entity_aliases,
    entity_keys,
    event_entities,
    report_entities,
)
from coopwatch.store.upsert import insert_ignore
from coopwatch.text import fold


def alias_key(name: str) -> str:
    """The key under which two spellings of a name are the same alias."""
    return " ".join(fold(name).split())


@dataclass(frozen=True, slots=True)
class Mention:
    kind: str  # 'person' or 'organization'
    names: tuple[str, ...]
    country: str | None
    latin: str | None = None


def _keys(mention: Mention) -> tuple[list[str], str | None]:
    """The resolution keys of a mention, and the surname key of a person."""
    if mention.kind == "person":
        for name in mention.names:
            key = person_key(name)
            if key is not None:
                if key.given:
                    return [f"f:{key.full}"], key.surname
                return [f"s:{key.surname}"], None
        return [], None
    return sorted(aliases_key(list(mention.names))), None


class EntityResolver:
    """Resolves mentions to entity ids inside the caller's transaction."""

    def __init__(self, db: Connection) -> None:
        self.db = db

    def resolve(self, mention: Mention) -> int | None:
        keys, surname = _keys(mention)
        if not keys:
            return None
        scope = mention.country or ""
        found = self._lookup(mention.kind, scope, keys)
        if not found and not scope:
            found = self._unscoped(mention.kind, keys)
        if not found and keys[0].startswith("s:") and scope:
            found = self._by_surname(scope, keys[0][2:])
        if found:
            entity_id = min(found)
            for other in sorted(found - {entity_id}):
                self._merge(other, entity_id)
        else:
            entity_id = self._create(mention)
        self._add_keys(mention.kind, scope, keys, surname, entity_id)
        if surname and scope:
            self._absorb_surname_only(scope, surname, entity_id)
        self._add_aliases(entity_id, mention.names)
        return entity_id

    def _lookup(self, kind: str, scope: str, keys: Sequence[str]) -> set[int]:
        query = sa.select(entity_keys.c.entity_id).where(
            entity_keys.c.kind == kind, entity_keys.c.scope == scope, entity_keys.c.key.in_(keys)
        )
        return set(self.db.scalars(query))

    def _unscoped(self, kind: str, keys: Sequence[str]) -> set[int]:
        """Entities of any one country under these keys: the mention joins it if unique."""
        query = sa.select(entity_keys.c.entity_id, entity_keys.c.scope).where(
            entity_keys.c.kind == kind, entity_keys.c.key.in_(keys)
        )
        rows = list(self.db.execute(query))
        scopes = {scope for _, scope in rows}
        return {entity_id for entity_id, _ in rows} if len(scopes) == 1 else set()

    def _by_surname(self, scope: str, surname: str) -> set[int]:
        query = sa.select(entity_keys.c.entity_id).where(
            entity_keys.c.kind == "person",
            entity_keys.c.scope == scope,
            entity_keys.c.surname == surname,
        )
        found = set(self.db.scalars(query))
        return found if len(found) == 1 else set()

    def _absorb_surname_only(self, scope: str, surname: str, entity_id: int) -> None:
        """The same person named by surname alone before: one entity, if unambiguous."""
        if len(self._by_surname(scope, surname)) != 1:
            return
        for other in self._lookup("person", scope, [f"s:{surname}"]) - {entity_id}:
            self._merge(other, entity_id)

    def _create(self, mention: Mention) -> int:
        row = {
            "kind": mention.kind,
            "name": mention.names[0],
            "country": mention.country,
            "latin": mention.latin,
        }
        stmt = sa.insert(entities).returning(entities.c.id)
        return int(self.db.execute(stmt, row).scalar_one())

    def _add_keys(
        self, kind: str, scope: str, keys: Sequence[str], surname: str | None, entity_id: int
    ) -> None:
        rows = [
            {"kind": kind, "scope": scope, "key": k, "surname": surname, "entity_id": entity_id}
            for k in keys
        ]
        insert_ignore(self.db, entity_keys, rows)

    def _add_aliases(self, entity_id: int, names: Sequence[str]) -> None:
        aliases: dict[str, str] = {}
        for name in names:
            if key := alias_key(name):
                aliases.setdefault(key, name)
        rows = [{"entity_id": entity_id, "key": k, "alias": a} for k, a in aliases.items()]
        insert_ignore(self.db, entity_aliases, rows)

    def _merge(self, old: int, new: int) -> None:
        """Move everything of entity ``old`` to ``new`` and drop ``old``."""
        for table in (entity_keys, report_entities, event_entities, entity_aliases):
            column = table.c.entity_id
            if table is entity_keys:
                self.db.execute(sa.update(table).where(column == old).values(entity_id=new))
                continue
            moved = self.db.execute(sa.select(table).where(column == old)).mappings().all()
            insert_ignore(self.db, table, [{**dict(r), "entity_id": new} for r in moved])
            self.db.execute(sa.delete(table).where(column == old))
        row = self.db.execute(sa.select(entities).where(entities.c.id == old)).first()
        if row is not None and row.latin:
            self.db.execute(
                sa.update(entities)
                .where(entities.c.id == new, entities.c.latin.is_(None))
                .values(latin=row.latin)
            )
        self.db.execute(sa.delete(entities).where(entities.c.id == old))
