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

from coopwatch.linking.facts import PersonFact, ReportFacts
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
    conflicts: tuple[str, ...] = ()  # any of them keeps the reports apart
    against: tuple[str, ...] = ()  # disagreements that only lower the score

    @property
    def joined(self) -> bool:
        return not self.conflicts and self.score >= THRESHOLD

    def explain(self) -> str:
        parts = list(self.agreed) + [f"but {c}" for c in self.conflicts + self.against]
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
    """Whether ``a`` and ``b`` report the same step, with the reasons.

    Each field that agrees adds to the score, each that disagrees takes from it; a
    strong disagreement (people of one party, none the same, on different days) vetoes.
    """
    if not candidates(a, b):
        return NOT_CANDIDATES
    assert a.day is not None and b.day is not None
    gap = abs((a.day - b.day).days)
    score = 0.0
    agreed: list[str] = []
    against: list[str] = []
    vetoes: list[str] = []

    if gap == 0:
        score += 1.5
        agreed.append(f"date: {a.day}")
    elif gap == 1:
        score += 0.5
        agreed.append(f"dates a day apart ({min(a.day, b.day)}, {max(a.day, b.day)})")

    persons = _shared_persons(a.persons, b.persons)
    if persons:
        score += 2.0 + 0.5 * (len(persons) > 1)
        agreed.append("persons: " + ", ".join(persons))
    elif clash := _different_persons(a, b):
        score -= 1.5
        against.append(f"different persons of {clash}")
        if gap:
            vetoes.append(f"different persons of {clash} on different days")
    elif shared := _shared_persons(a.document_persons, b.document_persons):
        score += 1.5
        agreed.append("both documents name " + ", ".join(shared))

    orgs = _shared_organizations(a, b, context=False)
    if orgs:
        score += 2.0
        agreed.append("organisations: " + ", ".join(orgs))
    elif orgs := _shared_organizations(a, b, context=True):
        score += 1.0
        agreed.append("both documents name " + ", ".join(orgs))

    amounts = [f"{v:,} {c}" for v, c in a.amounts if any(_close(v, c, w, d) for w, d in b.amounts)]
    if amounts:
        score += 2.0
        agreed.append("amounts: " + ", ".join(amounts))
    elif a.amounts and b.amounts and _same_currencies(a, b):
        score -= 1.0
        against.append("different amounts")

    if a.jobs and a.jobs == b.jobs:
        score += 2.0
        agreed.append(f"jobs: {a.jobs}")
    if a.location and b.location and a.location.casefold() == b.location.casefold():
        score += 1.0
        agreed.append(f"place: {a.location}")

    if a.sectors and b.sectors:
        shared_sectors = a.sectors & b.sectors
        if not shared_sectors:
            score -= 0.5
            against.append("no sector in common")
        else:
            half = len(shared_sectors) * 2 >= min(len(a.sectors), len(b.sectors))
            score += 1.0 if half else 0.5
            agreed.append("sectors: " + ", ".join(sorted(shared_sectors)))
    if a.instruments & b.instruments:
        score += 0.5
        agreed.append("instruments: " + ", ".join(sorted(a.instruments & b.instruments)))
    if a.lang == b.lang and a.words and b.words:
        overlap = len(a.words & b.words) / len(a.words | b.words)
        if overlap >= 0.25:
            score += 1.0
            agreed.append(f"wording ({overlap:.0%} of words)")
    return Verdict(score, tuple(agreed), tuple(vetoes), tuple(against))


def _shared_persons(mine: list[PersonFact], theirs: list[PersonFact]) -> list[str]:
    found = []
    for p in mine:
        for q in theirs:
            if _compatible(p.country, q.country) and same_person(p.key, q.key):
                found.append(p.name if p.name == q.name else f"{p.name} = {q.name}")
                break
    return found


def _shared_organizations(a: ReportFacts, b: ReportFacts, *, context: bool) -> list[str]:
    mine = a.document_organizations if context else a.organizations
    theirs = b.document_organizations if context else b.organizations
    return sorted({o.names[0] for o in mine for p in theirs if o.keys & p.keys})


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
