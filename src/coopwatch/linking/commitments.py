"""Undertakings followed over time: which steps are about the same definite object.

A step is about an undertaking when it names a definite object (an organisation or a
place) and something concrete is at stake: it is an agreement or an implementation, or
it carries an amount, jobs, or an instrument other than trade. General intentions and
trade-volume targets name no such object and make no commitment.

Two steps belong to the same undertaking when they share a *thread key*: the same
parties and one of the same organisations (under any of its names and scripts) or the
same place. Sectors do not separate threads: reports of one plant name its industry in
words that map to different divisions, or name none. Threads are the connected
components of steps under shared keys, so a thread depends on the set of steps only,
not on their order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from coopwatch.linking.facts import ReportFacts
from coopwatch.linking.stages import OUTCOMES, PROGRESS
from coopwatch.model import CommitmentStage, EventType

_CONCRETE_INSTRUMENTS = frozenset(
    {"joint_venture", "investment", "finance", "subcontracting", "technology_transfer"}
)
_CONCRETE_TYPES = frozenset({EventType.AGREEMENT, EventType.IMPLEMENTATION})


def definite(reports: Sequence[ReportFacts]) -> bool:
    """Whether the reports of one step speak of a definite undertaking."""
    if not any(r.object_keys() for r in reports):
        return False
    return any(
        r.type in _CONCRETE_TYPES
        or r.amounts
        or r.jobs
        or r.instruments & _CONCRETE_INSTRUMENTS
        or r.stage in OUTCOMES
        for r in reports
    )


def thread_keys(reports: Sequence[ReportFacts]) -> set[str]:
    """The keys under which a step joins the threads of other steps."""
    if not reports or not definite(reports):
        return set()
    parties = reports[0].parties_key
    objects = set().union(*(r.object_keys() for r in reports))
    return {f"{parties}|{o}" for o in objects}


def step_stage(reports: Iterable[ReportFacts]) -> CommitmentStage:
    """What one step shows: an outcome if a report says so, else the furthest progress."""
    return strongest([r.stage for r in reports])


def strongest(stages: list[CommitmentStage]) -> CommitmentStage:
    """An outcome if one is among ``stages`` (cancelled first), else the furthest progress."""
    for outcome in reversed(OUTCOMES):
        if outcome in stages:
            return outcome
    return max(stages, key=PROGRESS.index)


@dataclass(frozen=True, slots=True)
class Milestone:
    """A stage reached by a thread: the step that shows it and its date."""

    stage: CommitmentStage
    date: date | None
    event_id: str


def timeline(steps: Sequence[tuple[str, date | None, CommitmentStage]]) -> list[Milestone]:
    """The stage changes of a thread, from its steps ``(event_id, date, stage)``.

    A milestone is kept each time the thread goes further than before, and each time an
    outcome (stalled, cancelled) is reported; progress after a stall resumes it.
    """
    ordered = sorted(steps, key=lambda s: (s[1] or date.max, s[0]))
    out: list[Milestone] = []
    reached = -1
    for event_id, day, stage in ordered:
        if stage in OUTCOMES:
            if not out or out[-1].stage != stage:
                out.append(Milestone(stage, day, event_id))
            continue
        rank = PROGRESS.index(stage)
        if rank > reached or (out and out[-1].stage in OUTCOMES):
            reached = max(reached, rank)
            out.append(Milestone(stage, day, event_id))
    return out


def current_stage(milestones: Sequence[Milestone]) -> CommitmentStage:
    """Where the thread stands: its last milestone (furthest progress or an outcome)."""
    return milestones[-1].stage if milestones else CommitmentStage.DISCUSSED


def label(
    parties: Sequence[str],
    organizations: Sequence[str],
    places: Sequence[str],
    sectors: Sequence[str],
) -> str:
    """A short human label of a thread: its parties, its organisations (those most of
    its steps name first), its place and its sectors."""
    text = " / ".join(organizations[:3]) or "undertaking"
    if places:
        place = places[0]  # a dateline's "LE CAIRE" reads "Le Caire" in a label
        text += f" in {place.title() if place.isupper() else place}"
    if sectors:
        text += f" (ISIC {', '.join(sectors[:3])})"
    pair = "-".join(p for p in parties if p)
    return f"{pair}: {text}" if pair else text
