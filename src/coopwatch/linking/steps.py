"""Whether two reports tell the same real-world step, and why.

The decision depends on the two reports only (see :mod:`coopwatch.linking.facts`). Two
reports are candidates when they have the same type and parties and their dates are at
most :data:`WINDOW_DAYS` apart; they are joined when enough of their other fields agree
and none contradicts: two meetings of the same countries a day apart, one of the
industry ministers and one of the education ministers, name different people of the
same country and stay apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from coopwatch.linking.facts import ReportFacts
from coopwatch.linking.names import same_person

#: Largest gap, in days, between the dates two reports give the same step.
WINDOW_DAYS = 3
#: Score from which two candidates are the same step.
THRESHOLD = 2.5


@dataclass(frozen=True, slots=True)
class Verdict:
    """A pairwise decision with the fields that agreed and those that contradicted."""

    score: float
    agreed: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()

    @property
    def joined(self) -> bool:
        return not self.conflicts and self.score >= THRESHOLD

    def explain(self) -> str:
        parts = list(self.agreed) + [f"but {c}" for c in self.conflicts]
        return "; ".join(parts) or "nothing agreed"


NOT_CANDIDATES = Verdict(0.0, conflicts=("not candidates",))


def candidates(a: ReportFacts, b: ReportFacts) -> bool:
    if a.type != b.type or a.parties != b.parties or not a.parties:
        return False
    if a.document_id == b.document_id:
        return False  # assembly already made one event per step of a document
    if a.day is None or b.day is None:
        return False
    return abs((a.day - b.day).days) <= WINDOW_DAYS


def same_step(a: ReportFacts, b: ReportFacts) -> Verdict:
    """Whether ``a`` and ``b`` report the same step, with the reasons."""
    if not candidates(a, b):
        return NOT_CANDIDATES
    score = 0.0
    agreed: list[str] = []
    conflicts: list[str] = []

    persons = _shared_persons(a, b)
    if persons:
        score += 2.0 + 0.5 * (len(persons) > 1)
        agreed.append("persons: " + ", ".join(persons))
    elif clash := _different_persons(a, b):
        conflicts.append(f"different persons of {clash}")

    orgs = sorted({n for o in a.organizations for p in b.organizations if o.keys & p.keys
                   for n in o.names[:1]})  # fmt: skip
    if orgs:
        score += 2.0
        agreed.append("organisations: " + ", ".join(orgs))

    amounts = [f"{v:,} {c}" for v, c in a.amounts if any(_close(v, c, w, d) for w, d in b.amounts)]
    if amounts:
        score += 2.0
        agreed.append("amounts: " + ", ".join(amounts))
    elif a.amounts and b.amounts and _same_currencies(a, b):
        conflicts.append("different amounts")

    if a.jobs and a.jobs == b.jobs:
        score += 2.0
        agreed.append(f"jobs: {a.jobs}")
    if a.location and b.location and a.location.casefold() == b.location.casefold():
        score += 1.0
        agreed.append(f"place: {a.location}")

    if a.sectors and b.sectors:
        shared = a.sectors & b.sectors
        if not shared:
            conflicts.append("no sector in common")
        elif len(shared) * 2 >= min(len(a.sectors), len(b.sectors)):
            score += 1.0
            agreed.append("sectors: " + ", ".join(sorted(shared)))
    if a.instruments & b.instruments:
        score += 0.5
        agreed.append("instruments: " + ", ".join(sorted(a.instruments & b.instruments)))
    if a.lang == b.lang and a.words and b.words:
        overlap = len(a.words & b.words) / len(a.words | b.words)
        if overlap >= 0.25:
            score += 1.0
            agreed.append(f"wording ({overlap:.0%} of words)")

    assert a.day is not None and b.day is not None
    gap = abs((a.day - b.day).days)
    if gap == 0:
        score += 1.0
        agreed.append(f"date: {a.day}")
    elif gap == 1:
        score += 0.5
        agreed.append(f"dates a day apart ({min(a.day, b.day)}, {max(a.day, b.day)})")
    return Verdict(score, tuple(agreed), tuple(conflicts))


def _shared_persons(a: ReportFacts, b: ReportFacts) -> list[str]:
    found = []
    for p in a.persons:
        for q in b.persons:
            if _compatible(p.country, q.country) and same_person(p.key, q.key):
                found.append(p.name if p.name == q.name else f"{p.name} = {q.name}")
                break
    return found


def _different_persons(a: ReportFacts, b: ReportFacts) -> str | None:
    """A party whose people both reports name, none of them the same: another meeting."""
    for country in a.parties:
        mine = [p for p in a.persons if p.country == country]
        theirs = [q for q in b.persons if q.country == country]
        if mine and theirs:
            return country
    return None


def _compatible(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y


def _close(value: int, currency: str, other: int, other_currency: str) -> bool:
    return currency == other_currency and abs(value - other) <= 0.01 * max(value, other)


def _same_currencies(a: ReportFacts, b: ReportFacts) -> bool:
    return bool({c for _, c in a.amounts} & {c for _, c in b.amounts})
