"""Partition items into groups from pairwise links, deterministically.

Groups are the connected components of the links, except that two items a person has
set apart are never put in one group: links are taken strongest first (human joins
before all), and a link that would join two groups holding a separated pair is
skipped; so is one that would join two items of one origin (two reports of one
document, which assembly already told apart). The result depends on the sets of items
and links only, never on the order in which they were found, and a group's id is the
smallest id of its members.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def partition(
    items: Iterable[str],
    links: Iterable[tuple[str, str, float]],
    apart: Iterable[tuple[str, str]] = (),
    origin: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Map each item to its group id (the smallest member). Items of one ``origin``
    (the reports of one document) are never put in one group either."""
    members: dict[str, set[str]] = {i: {i} for i in items}
    root = {i: i for i in members}
    separated = {frozenset(p) for p in apart}
    origins: dict[str, set[str]] = {
        i: {origin[i]} if origin and i in origin else set() for i in members
    }

    def find(item: str) -> str:
        while root[item] != item:
            root[item] = root[root[item]]
            item = root[item]
        return item

    ordered = sorted(
        ((a, b, s) for a, b, s in links if a in members and b in members),
        key=lambda link: (-link[2], min(link[0], link[1]), max(link[0], link[1])),
    )
    for a, b, _ in ordered:
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        if separated and any(
            frozenset((x, y)) in separated for x in members[ra] for y in members[rb]
        ):
            continue
        if origins[ra] & origins[rb]:
            continue
        keep, drop = (ra, rb) if ra < rb else (rb, ra)
        root[drop] = keep
        members[keep] |= members.pop(drop)
        origins[keep] |= origins.pop(drop)
    return {item: min(members[find(item)]) for item in root}
