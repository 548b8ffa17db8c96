"""Which mentions of persons and organisations name the same entity.

Mentions meet under keys (:func:`mention_keys`); two mentions sharing a key are linked,
and entities are the groups of linked mentions that stay *compatible*: at most one
known country, and never two different given names for one surname (two people). Links
are taken strongest first (a full name before a surname alone), then by mention id, so
the grouping depends on the set of mentions only, never on their order of arrival.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from coopwatch.linking.names import PersonKey, aliases_key, person_key


@dataclass(frozen=True, slots=True)
class EntityMention:
    id: str
    kind: str  # 'person' or 'organization'
    names: tuple[str, ...]
    country: str | None
    role: str | None = None

    @property
    def person(self) -> PersonKey | None:
        if self.kind != "person":
            return None
        return next((k for k in map(person_key, self.names) if k is not None), None)


def mention_keys(mention: EntityMention) -> set[str]:
    """The keys a mention is found under.

    A person named in full: ``f:<given> <surname>`` and ``sf:<surname>``; named by
    surname alone: ``s:<surname>``. A full name meets surname-only mentions through
    ``s:``, a surname alone meets full names through ``sf:``, so two different people
    of one surname never meet directly. An organisation: one key per name.
    """
    if mention.kind != "person":
        return set(aliases_key(list(mention.names)))
    key = mention.person
    if key is None:
        return set()
    if key.given:
        return {f"f:{key.full}", f"sf:{key.surname}"}
    return {f"s:{key.surname}"} if len(key.surname) >= 3 else set()


def lookup_keys(mention: EntityMention) -> set[str]:
    """The keys under which to look for mentions this one may join."""
    keys = mention_keys(mention)
    out = {k for k in keys if not k.startswith("sf:")}
    for k in keys:
        if k.startswith("sf:"):
            out.add("s:" + k[3:])
        elif k.startswith("s:"):
            out.add("sf:" + k[2:])
    return out


def link_score(a: EntityMention, b: EntityMention) -> float:
    """How strongly two mentions sharing a key are the same (0: not at all)."""
    if a.kind != b.kind:
        return 0.0
    if a.kind != "person":
        return 1.0 if mention_keys(a) & mention_keys(b) else 0.0
    ka, kb = a.person, b.person
    if ka is None or kb is None or ka.surname != kb.surname:
        return 0.0
    if ka.given and kb.given:
        return 1.0 if ka.given == kb.given else 0.0
    return 0.5  # a surname alone


@dataclass(slots=True)
class _Group:
    members: list[str]
    countries: set[str] = field(default_factory=set)
    givens: dict[str, set[str]] = field(default_factory=dict)  # surname -> given names

    def compatible(self, other: _Group) -> bool:
        if len(self.countries | other.countries) > 1:
            return False
        for surname, givens in other.givens.items():
            if len(self.givens.get(surname, set()) | givens) > 1:
                return False
        return True

    def absorb(self, other: _Group) -> None:
        self.members += other.members
        self.countries |= other.countries
        for surname, givens in other.givens.items():
            self.givens.setdefault(surname, set()).update(givens)


def group(mentions: Sequence[EntityMention]) -> list[list[str]]:
    """The entities of a set of mentions: lists of mention ids, each sorted."""
    by_id = {m.id: m for m in mentions}
    groups: dict[str, _Group] = {}
    root: dict[str, str] = {}
    for m in mentions:
        g = _Group([m.id], {m.country} if m.country else set())
        if (key := m.person) is not None and key.given:
            g.givens[key.surname] = {key.given}
        groups[m.id] = g
        root[m.id] = m.id

    def find(item: str) -> str:
        while root[item] != item:
            root[item] = root[root[item]]
            item = root[item]
        return item

    for _, a, b in sorted(_links(by_id.values())):
        ra, rb = find(a), find(b)
        if ra == rb or not groups[ra].compatible(groups[rb]):
            continue
        keep, drop = (ra, rb) if ra < rb else (rb, ra)
        groups[keep].absorb(groups.pop(drop))
        root[drop] = keep
    return sorted(sorted(g.members) for g in groups.values())


def _links(mentions: Iterable[EntityMention]) -> list[tuple[float, str, str]]:
    by_key: dict[str, list[EntityMention]] = {}
    for m in mentions:
        for k in lookup_keys(m) | mention_keys(m):
            by_key.setdefault(k, []).append(m)
    out: set[tuple[float, str, str]] = set()
    for items in by_key.values():
        for i, a in enumerate(items):
            for b in items[i + 1 :]:
                if a.id != b.id and (score := link_score(a, b)) > 0:
                    out.add((-score, min(a.id, b.id), max(a.id, b.id)))
    return sorted(out)
