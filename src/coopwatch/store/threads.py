"""Commitment threads: the steps about one undertaking, and how far it has gone.

Each step about a definite undertaking has thread keys
(:func:`coopwatch.linking.commitments.thread_keys`) in ``commitment_keys``; a thread is
a group of steps sharing keys, under the human decisions on commitments, and its id is
``c`` followed by the smallest id of its steps. When steps change, the threads around them are
recomputed from their steps, so the result does not depend on the order of ingestion.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopwatch.linking.clusters import partition
from coopwatch.linking.commitments import (
    current_stage,
    step_stage,
    subject,
    thread_keys,
    timeline,
)
from coopwatch.linking.facts import ReportFacts
from coopwatch.model import CommitmentStage
from coopwatch.store.register import StepWriter, select_in
from coopwatch.store.schema import (
    commitment_events,
    commitment_keys,
    commitment_milestones,
    commitments,
    entities,
    event_entities,
    event_sources,
    events,
    link_decisions,
)
from coopwatch.store.upsert import insert_ignore


def thread_id(first_step: str) -> str:
    """A thread's id: ``c`` and the smallest id of its steps (never an event's id)."""
    return f"c{first_step}"


class ThreadWriter:
    """Keeps commitment threads in step with the steps, in the caller's transaction."""

    def __init__(self, db: Connection, steps: StepWriter) -> None:
        self.db = db
        self.steps = steps

    def update(self, touched_steps: Iterable[str]) -> None:
        """Recompute the threads around steps that changed or went."""
        touched = sorted(set(touched_steps))
        if not touched and not self.steps.touched_threads:
            return
        for part in _chunks(touched):
            self.db.execute(sa.delete(commitment_keys).where(commitment_keys.c.event_id.in_(part)))
        live = set(select_in(self.db, events.c.id, events.c.id, touched))
        reports = self._reports(live)
        rows = [
            {"key": key, "event_id": step}
            for step in sorted(live)
            for key in sorted(thread_keys(reports.get(step, [])))
        ]
        insert_ignore(self.db, commitment_keys, rows)
        # Steps of the threads that held a touched step: they may now stand apart.
        seeds = live | set(
            select_in(
                self.db,
                commitment_events.c.event_id,
                commitment_events.c.commitment_id,
                sorted(self.steps.touched_threads),
            )
        )
        old_threads = set(self.steps.touched_threads)
        self.steps.touched_threads.clear()
        component, links = self._component(seeds)
        old_threads |= set(
            select_in(
                self.db,
                commitment_events.c.commitment_id,
                commitment_events.c.event_id,
                sorted(component),
            )
        )
        candidates = sorted(thread_id(s) for s in component | set(touched))
        old_threads |= set(select_in(self.db, commitments.c.id, commitments.c.id, candidates))
        for part in _chunks(sorted(old_threads)):
            self.db.execute(sa.delete(commitments).where(commitments.c.id.in_(part)))
        keyed = set(
            select_in(
                self.db, commitment_keys.c.event_id, commitment_keys.c.event_id, sorted(component)
            )
        )
        joins = self._decisions(component, "join")
        groups = partition(
            keyed | {s for pair in joins for s in pair},
            links + [(a, b, float("inf")) for a, b in joins],
            self._decisions(component, "apart"),
        )
        members: dict[str, list[str]] = {}
        for step, thread in groups.items():
            members.setdefault(thread_id(thread), []).append(step)
        for thread, steps in sorted(members.items()):
            self._write(thread, sorted(steps))

    def _component(self, seeds: set[str]) -> tuple[set[str], list[tuple[str, str, float]]]:
        """Steps reachable from ``seeds`` through shared keys, with star links per key."""
        component: set[str] = set()
        frontier = set(seeds)
        by_key: dict[str, set[str]] = {}
        while frontier:
            component |= frontier
            keys = set(
                select_in(
                    self.db, commitment_keys.c.key, commitment_keys.c.event_id, sorted(frontier)
                )
            )
            found: set[str] = set()
            for part in _chunks(sorted(keys - set(by_key))):
                query = sa.select(commitment_keys.c.key, commitment_keys.c.event_id).where(
                    commitment_keys.c.key.in_(part)
                )
                for key, step in self.db.execute(query):
                    by_key.setdefault(key, set()).add(step)
                    found.add(step)
            for a, b in self._decisions(frontier, "join"):
                found |= {a, b}
            frontier = found - component
        links = [(min(steps), s, 1.0) for steps in by_key.values() for s in steps]
        return component, links

    def _decisions(self, steps: set[str], decision: str) -> list[tuple[str, str]]:
        """Human decisions on these steps' threads, as pairs of current step ids.

        A decision names the steps of its day; a step joined to others since answers to
        the id of the step it is in now.
        """
        if not steps:
            return []
        reports = select_in(
            self.db, event_sources.c.report_id, event_sources.c.event_id, sorted(steps)
        )
        query = sa.select(link_decisions.c.a, link_decisions.c.b).where(
            link_decisions.c.scope == "commitment",
            link_decisions.c.decision == decision,
            sa.or_(link_decisions.c.a.in_(reports), link_decisions.c.b.in_(reports)),
        )
        pairs = list(self.db.execute(query))
        ends = sorted({x for pair in pairs for x in pair})
        step_of = dict(
            self.db.execute(
                sa.select(event_sources.c.report_id, event_sources.c.event_id).where(
                    event_sources.c.report_id.in_(ends)
                )
            ).all()
        )
        return [(step_of[a], step_of[b]) for a, b in pairs if a in step_of and b in step_of]

    def _reports(self, steps: Iterable[str]) -> dict[str, list[ReportFacts]]:
        wanted = sorted(set(steps))
        pairs: list[tuple[str, str]] = []
        for part in _chunks(wanted):
            query = sa.select(event_sources.c.event_id, event_sources.c.report_id).where(
                event_sources.c.event_id.in_(part)
            )
            pairs.extend(self.db.execute(query))
        facts = self.steps.facts([r for _, r in pairs])
        out: dict[str, list[ReportFacts]] = {}
        for step, report in sorted(pairs):
            if report in facts:
                out.setdefault(step, []).append(facts[report])
        return out

    def _organizations(self, steps: list[str]) -> list[str]:
        """The organisations of a thread's steps, those most steps name first (by the
        name their entity is shown under, whatever script each report used)."""
        query = (
            sa.select(entities.c.name, sa.func.count().label("n"))
            .join(event_entities, event_entities.c.entity_id == entities.c.id)
            .where(event_entities.c.event_id.in_(steps), entities.c.kind == "organization")
            .group_by(entities.c.id, entities.c.name)
            .order_by(sa.desc("n"), entities.c.name)
        )
        return [name for name, _ in self.db.execute(query)]

    def _write(self, thread: str, steps: list[str]) -> None:
        reports = self._reports(steps)
        dates = dict(
            self.db.execute(
                sa.select(events.c.id, events.c.date).where(events.c.id.in_(steps))
            ).all()
        )
        shown: list[tuple[str, date | None, CommitmentStage]] = [
            (s, dates.get(s), step_stage(reports[s])) for s in steps if reports.get(s)
        ]
        if not shown:
            return
        milestones = timeline(shown)
        everything = [r for s in steps for r in reports.get(s, [])]
        known = [d for _, d, _ in shown if d]
        self.db.execute(
            sa.insert(commitments),
            {
                "id": thread,
                "subject": subject(everything, self._organizations(steps)),
                "stage": str(current_stage(milestones)),
                "parties": everything[0].parties_key,
                "first_date": min(known) if known else None,
                "last_date": max(known) if known else None,
            },
        )
        rows: list[dict[str, Any]] = [
            {"commitment_id": thread, "event_id": s, "date": d, "stage": str(stage)}
            for s, d, stage in shown
        ]
        self.db.execute(sa.insert(commitment_events), rows)
        self.db.execute(
            sa.insert(commitment_milestones),
            [
                {
                    "commitment_id": thread,
                    "seq": n,
                    "stage": str(m.stage),
                    "date": m.date,
                    "event_id": m.event_id,
                }
                for n, m in enumerate(milestones)
            ],
        )


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
