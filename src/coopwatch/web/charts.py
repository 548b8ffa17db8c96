"""Geometry of the server-drawn SVG pictures: the network of pairs, a pair's timeline."""

from __future__ import annotations

import math
from dataclasses import dataclass

from coopwatch.model import EventType
from coopwatch.store.view_rows import PairRow, YearCount

TYPES = [str(t) for t in EventType]


@dataclass(slots=True)
class Node:
    code: str
    x: float
    y: float
    r: float


@dataclass(slots=True)
class Edge:
    a: str
    b: str
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    count: int


@dataclass(slots=True)
class Network:
    size: int
    nodes: list[Node]
    edges: list[Edge]


def network(pairs: list[PairRow], *, size: int = 420, most: int = 40) -> Network:
    """Countries on a circle, most connected first; a line per pair, as thick as its count."""
    shown = pairs[:most]
    degree: dict[str, int] = {}
    for p in shown:
        degree[p.a] = degree.get(p.a, 0) + p.total
        degree[p.b] = degree.get(p.b, 0) + p.total
    codes = sorted(degree, key=lambda c: (-degree[c], c))
    centre, radius = size / 2, size / 2 - 40
    top = max(degree.values(), default=1)
    place: dict[str, Node] = {}
    for i, code in enumerate(codes):
        angle = 2 * math.pi * i / max(len(codes), 1) - math.pi / 2
        place[code] = Node(
            code,
            round(centre + radius * math.cos(angle), 1),
            round(centre + radius * math.sin(angle), 1),
            round(8 + 10 * math.sqrt(degree[code] / top), 1),
        )
    heaviest = max((p.total for p in shown), default=1)
    edges = [
        Edge(
            p.a,
            p.b,
            place[p.a].x,
            place[p.a].y,
            place[p.b].x,
            place[p.b].y,
            round(1.5 + 6 * math.sqrt(p.total / heaviest), 1),
            p.total,
        )
        for p in shown
    ]
    return Network(size, list(place.values()), edges)


@dataclass(slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    type: str
    count: int
    year: str


@dataclass(slots=True)
class Timeline:
    width: int
    height: int
    bars: list[Bar]
    labels: list[tuple[float, str]]  # x of the middle of a year's column, the year
    top: int


def timeline(years: list[YearCount], *, height: int = 180) -> Timeline:
    """Stacked bars of events per year, one colour per event type; undated last."""
    per_year: dict[str, dict[str, int]] = {}
    for y in sorted(years, key=lambda y: (y.year is None, y.year or 0)):
        per_year.setdefault(str(y.year) if y.year else "undated", {})[y.type] = y.count
    top = max((sum(c.values()) for c in per_year.values()), default=1)
    column, gap, base = 48, 16, height - 24
    bars, labels = [], []
    for i, (year, counts) in enumerate(per_year.items()):
        x = gap + i * (column + gap)
        bottom = float(base)
        for kind in TYPES:
            n = counts.get(kind, 0)
            if not n:
                continue
            h = (base - 10) * n / top
            bottom -= h
            bars.append(Bar(x, round(bottom, 1), column, round(h, 1), kind, n, year))
        labels.append((x + column / 2, year))
    width = max(240, gap + len(per_year) * (column + gap))
    return Timeline(width, height, bars, labels, top)
