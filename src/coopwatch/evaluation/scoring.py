"""Scoring of extractions against gold, with the rules of the evaluation SCHEMA.

Per field, micro-averaged precision, recall and F1 over all documents: ``parties`` and
``instruments`` as sets; ``events`` as (type, date) with the date within two days;
``sectors`` where an alternatives item matches any one of its members;
``organizations`` when any accepted name matches (case, accents, punctuation
ignored); ``persons`` by name (case, accents, transliteration, surname alone);
``amounts`` when the currency is equal and the value within 1%; ``jobs`` exact.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from coopwatch.text import fold
from coopwatch.transliterate import to_latin

FIELDS = (
    "parties",
    "events",
    "sectors",
    "instruments",
    "organizations",
    "persons",
    "amounts",
    "jobs",
)


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Report:
    fields: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    documents: int = 0

    def add(self, per_field: dict[str, Counts]) -> None:
        self.documents += 1
        for name, counts in per_field.items():
            self.fields[name].add(counts)

    @property
    def macro_f1(self) -> float:
        return sum(c.f1 for c in self.fields.values()) / len(self.fields)


def _name_key(name: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", fold(to_latin(name))).split())


def _one_to_one(
    gold: Sequence[Any], pred: Sequence[Any], same: Callable[[Any, Any], bool]
) -> Counts:
    used: set[int] = set()
    tp = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and same(g, p):
                used.add(i)
                tp += 1
                break
    return Counts(tp, len(pred) - tp, len(gold) - tp)


def _as_date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def same_event(g: dict[str, Any], p: dict[str, Any]) -> bool:
    """Whether a predicted event is a gold one: same type, dates within 2 days."""
    if g.get("type") != p.get("type"):
        return False
    gd, pd = _as_date(g.get("date")), _as_date(p.get("date"))
    if gd is None or pd is None:
        return gd is pd
    return abs((gd - pd).days) <= 2


def _names(item: Any) -> list[str]:
    if isinstance(item, str):
        return [item]
    if isinstance(item, dict):
        return [str(item.get("name", ""))]
    return [str(x) for x in item]


def _same_org(g: Any, p: Any) -> bool:
    gold = {_name_key(n) for n in _names(g)} - {""}
    return bool(gold & {_name_key(n) for n in _names(p)})


def _same_person(g: Any, p: Any) -> bool:
    gk, pk = _name_key(_names(g)[0]), _name_key(_names(p)[0])
    if not gk or not pk:
        return False
    if gk == pk:
        return True
    gw, pw = gk.split(), pk.split()
    return gw[-1] == pw[-1] or (len(pw) == 1 and pw[0] in gw) or (len(gw) == 1 and gw[0] in pw)


def _same_amount(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if g.get("currency") != p.get("currency"):
        return False
    gv, pv = float(g.get("value") or 0), float(p.get("value") or 0)
    return abs(gv - pv) <= 0.01 * abs(gv)


def _sectors(gold: Iterable[Any], pred: Iterable[Any]) -> Counts:
    items = sorted(
        ([g] if isinstance(g, str) else list(g) for g in gold),
        key=lambda alternatives: len(alternatives),
    )
    predicted = list(dict.fromkeys(str(p) if isinstance(p, str) else str(p[0]) for p in pred))
    used: set[str] = set()
    tp = 0
    for alternatives in items:
        hit = next((p for p in predicted if p in alternatives and p not in used), None)
        if hit is not None:
            used.add(hit)
            tp += 1
    in_gold = {code for alternatives in items for code in alternatives}
    fp = sum(1 for p in predicted if p not in used and p not in in_gold)
    return Counts(tp, fp, len(items) - tp)


def _sets(gold: Iterable[str], pred: Iterable[str]) -> Counts:
    g, p = set(gold), set(pred)
    return Counts(len(g & p), len(p - g), len(g - p))


def _jobs(gold: Any, pred: Any) -> Counts:
    if gold is None and pred is None:
        return Counts()
    if gold is None:
        return Counts(fp=1)
    if pred is None:
        return Counts(fn=1)
    return Counts(tp=1) if int(gold) == int(pred) else Counts(fp=1, fn=1)


def score_document(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, Counts]:
    """Counts per field for one document."""
    return {
        "parties": _sets(gold.get("parties", []), pred.get("parties", [])),
        "events": _one_to_one(gold.get("events", []), pred.get("events", []), same_event),
        "sectors": _sectors(gold.get("sectors", []), pred.get("sectors", [])),
        "instruments": _sets(gold.get("instruments", []), pred.get("instruments", [])),
        "organizations": _one_to_one(
            gold.get("organizations", []), pred.get("organizations", []), _same_org
        ),
        "persons": _one_to_one(gold.get("persons", []), pred.get("persons", []), _same_person),
        "amounts": _one_to_one(gold.get("amounts", []), pred.get("amounts", []), _same_amount),
        "jobs": _jobs(gold.get("jobs"), pred.get("jobs")),
    }
