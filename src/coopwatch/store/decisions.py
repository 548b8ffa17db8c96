"""Human decisions on the register: split and merge steps and commitment threads.

A decision is stored as pairs in ``link_decisions`` (two reports for steps, two steps
for threads) that ingestion reads and never overrides: ``apart`` pairs are never
grouped, ``join`` pairs always are (unless a later ``apart`` separates them; the latest
decision on a pair replaces the earlier one).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from itertools import product

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopwatch.errors import StoreError
from coopwatch.store.register import StepWriter, select_in
from coopwatch.store.schema import commitment_events, commitments, event_sources, link_decisions
from coopwatch.store.threads import ThreadWriter


def split_event(db: Connection, event_id: str, report_ids: Sequence[str], author: str) -> None:
    """Set reports of a step apart from the rest of it."""
    steps = StepWriter(db)
    step = _step(steps, event_id)
    members = set(select_in(db, event_sources.c.report_id, event_sources.c.event_id, [step]))
    leaving = set(report_ids)
    unknown = [r for r in report_ids if r not in members]
    if unknown:
        raise StoreError(f"{', '.join(unknown)}: not reports of event {step}")
    if not leaving or leaving >= members:
        raise StoreError(f"name some but not all of the reports of event {step} to split it")
    _decide(db, "step", product(sorted(leaving), sorted(members - leaving)), "apart", author)
    ThreadWriter(db, steps).update(steps.regroup(members))


def merge_events(db: Connection, event_ids: Sequence[str], author: str) -> str:
    """Join steps into one; the id of the step they make."""
    steps = StepWriter(db)
    found = sorted({_step(steps, e) for e in event_ids})
    if len(found) < 2:
        raise StoreError("name at least two different events to merge")
    members = set(select_in(db, event_sources.c.report_id, event_sources.c.event_id, found))
    _forget(db, "step", members, "apart")
    _decide(db, "step", ((found[0], other) for other in found[1:]), "join", author)
    ThreadWriter(db, steps).update(steps.regroup(members))
    return steps.step_of(found[0]) or found[0]


def split_commitment(
    db: Connection, commitment_id: str, event_ids: Sequence[str], author: str
) -> None:
    """Set steps of a thread apart from the rest of it."""
    steps = StepWriter(db)
    members = _thread_steps(db, commitment_id)
    leaving = {_step(steps, e) for e in event_ids}
    if not leaving <= members:
        outside = ", ".join(sorted(leaving - members))
        raise StoreError(f"{outside}: not events of commitment {commitment_id}")
    if not leaving or leaving >= members:
        raise StoreError(f"name some but not all events of {commitment_id} to split it")
    _decide(db, "commitment", product(sorted(leaving), sorted(members - leaving)), "apart", author)
    steps.touched_threads.add(commitment_id)
    ThreadWriter(db, steps).update(members)


def merge_commitments(db: Connection, commitment_ids: Sequence[str], author: str) -> None:
    """Join threads into one."""
    steps = StepWriter(db)
    groups = [_thread_steps(db, c) for c in dict.fromkeys(commitment_ids)]
    if len(groups) < 2:
        raise StoreError("name at least two different commitments to merge")
    members = set().union(*groups)
    _forget(db, "commitment", members, "apart")
    anchors = [min(g) for g in groups]
    _decide(db, "commitment", ((anchors[0], a) for a in anchors[1:]), "join", author)
    steps.touched_threads.update(commitment_ids)
    ThreadWriter(db, steps).update(members)


def _step(steps: StepWriter, event_id: str) -> str:
    step = steps.step_of(event_id)
    if step is None:
        raise StoreError(f"no event {event_id!r} in the store")
    return step


def _thread_steps(db: Connection, commitment_id: str) -> set[str]:
    if db.scalar(sa.select(commitments.c.id).where(commitments.c.id == commitment_id)) is None:
        raise StoreError(f"no commitment {commitment_id!r} in the store")
    return set(
        select_in(
            db, commitment_events.c.event_id, commitment_events.c.commitment_id, [commitment_id]
        )
    )


def _decide(db: Connection, scope: str, pairs: object, decision: str, author: str) -> None:
    now = datetime.now(UTC)
    rows = []
    for a, b in pairs:  # type: ignore[attr-defined]
        a, b = sorted((a, b))
        db.execute(
            sa.delete(link_decisions).where(
                link_decisions.c.scope == scope, link_decisions.c.a == a, link_decisions.c.b == b
            )
        )
        rows.append(
            {
                "scope": scope,
                "a": a,
                "b": b,
                "decision": decision,
                "author": author,
                "created_at": now,
            }
        )
    if rows:
        db.execute(sa.insert(link_decisions), rows)


def _forget(db: Connection, scope: str, members: set[str], decision: str) -> None:
    """Drop earlier decisions of one kind between these members."""
    part = sorted(members)
    db.execute(
        sa.delete(link_decisions).where(
            link_decisions.c.scope == scope,
            link_decisions.c.decision == decision,
            link_decisions.c.a.in_(part),
            link_decisions.c.b.in_(part),
        )
    )
