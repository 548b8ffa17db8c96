"""Commitment threads: the steps about one undertaking, and how far it has gone.

Each step about a definite undertaking has thread keys
(:func:`coopwatch.linking.commitments.thread_keys`) in ``commitment_keys``; a thread is
a group of steps sharing keys, under the human decisions on commitments, and its id is
``c`` followed by the smallest id of its steps. When steps change, the threads around them are
recomputed from their steps, so the result does not depend on the order of ingestion.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopwatch.linking.clusters import partition
from coopwatch.linking.commitments import (
    current_stage,
    label,
    step_stage,
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
    event_sectors,
    event_sources,
    events,
    link_decisions,
)
from coopwatch.store.upsert import chunks, insert_ignore

#: The steps of a thread with the date and stage each shows.
_Shown = dict[str, tuple[date | None, CommitmentStage]]

#: Marks a thread among the nodes of a union of steps and threads (step ids are hex).
_THREAD = "thread:"


def thread_id(first_step: str) -> str:
    """A thread's id: ``c`` and the smallest id of its steps (never an event's id)."""
    return f"c{first_step}"


class ThreadWriter:
    """Keeps commitment threads in step with the steps, in the caller's transaction."""

    def __init__(self, db: Connection, steps: StepWriter) -> None:
        self.db = db
        self.steps = steps
        self._any_decision: bool | None = None

    def update(self, touched_steps: Iterable[str]) -> None:
        """Recompute the threads around steps that changed or went."""
        touched = sorted(set(touched_steps))
        if not touched and not self.steps.touched_threads:
            return
        for part in chunks(touched):
            self.db.execute(sa.delete(commitment_keys).where(commitment_keys.c.event_id.in_(part)))
        live = set(select_in(self.db, events.c.id, events.c.id, touched))
        reports = self._reports(live)
        rows = [
            {"key": key, "event_id": step}
            for step in sorted(live)
            for key in sorted(thread_keys(reports.get(step, [])))
        ]
        insert_ignore(self.db, commitment_keys, rows)
        if not self.steps.regrouped and not self._decided():
            self._grow(live, reports, rows)
            return
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
        for part in chunks(sorted(old_threads)):
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

    def _decided(self) -> bool:
        """Whether a human decision on threads exists (then threads are recomputed)."""
        if self._any_decision is None:
            query = sa.select(link_decisions.c.id).where(link_decisions.c.scope == "commitment")
            self._any_decision = self.db.scalar(query.limit(1)) is not None
        return self._any_decision

    def _grow(
        self,
        live: set[str],
        reports: dict[str, list[ReportFacts]],
        rows: list[dict[str, Any]],
    ) -> None:
        """Threads as key components, updated for steps that came or grew: no human
        decision on threads exists and no step was split, so threads only gain steps
        and merge, and each touched component is rewritten from its steps' rows."""
        old = set(self.steps.touched_threads)
        self.steps.touched_threads.clear()
        keys: dict[str, set[str]] = {}
        for row in rows:
            keys.setdefault(row["event_id"], set()).add(row["key"])
        root: dict[str, str] = {}

        def find(node: str) -> str:
            root.setdefault(node, node)
            while root[node] != node:
                root[node] = root[root[node]]
                node = root[node]
            return node

        def union(a: str, b: str) -> None:
            ra, rb = find(a), find(b)
            if ra != rb:
                root[max(ra, rb)] = min(ra, rb)

        by_key: dict[str, str] = {}
        for step in sorted(keys):
            find(step)
            for key in keys[step]:
                if key in by_key:
                    union(step, by_key[key])
                by_key.setdefault(key, step)
        for part in chunks(sorted(by_key)):
            query = (
                sa.select(commitment_keys.c.key, commitment_events.c.commitment_id)
                .join(commitment_events, commitment_events.c.event_id == commitment_keys.c.event_id)
                .where(commitment_keys.c.key.in_(part))
                .distinct()
            )
            for key, thread in self.db.execute(query):
                union(by_key[key], _THREAD + thread)
        for thread in old:
            find(_THREAD + thread)
        threads = {n.removeprefix(_THREAD) for n in root if n.startswith(_THREAD)}
        members = self._thread_rows(sorted(threads))
        dates = dict(
            self.db.execute(
                sa.select(events.c.id, events.c.date).where(events.c.id.in_(sorted(keys)))
            ).all()
        )
        groups: dict[str, dict[str, tuple[date | None, CommitmentStage]]] = {}
        held: dict[str, set[str]] = {}  # group -> the stored threads in it
        added: dict[str, dict[str, tuple[date | None, CommitmentStage]]] = {}
        for node in list(root):
            top = find(node)
            group = groups.setdefault(top, {})
            if node.startswith(_THREAD):
                thread = node.removeprefix(_THREAD)
                group.update(members.get(thread, {}))
                held.setdefault(top, set()).add(thread)
            else:
                group[node] = added.setdefault(top, {})[node] = (
                    dates.get(node),
                    step_stage(reports[node]),
                )
        rewrite: list[dict[str, tuple[date | None, CommitmentStage]]] = []
        grown: list[tuple[str, _Shown, _Shown]] = []
        gone: set[str] = set()
        for top, shown in groups.items():
            stored = held.get(top, set())
            if shown and len(stored) == 1 and stored == {thread_id(min(shown))}:
                grown.append((next(iter(stored)), shown, added.get(top, {})))
            else:
                gone |= stored
                if shown:
                    rewrite.append(shown)
        for part in chunks(sorted(gone)):
            self.db.execute(sa.delete(commitments).where(commitments.c.id.in_(part)))
        self._extend_many(grown)
        self._write_many(rewrite)

    def _extend_many(self, grown: list[tuple[str, _Shown, _Shown]]) -> None:
        """Threads that keep their ids gain steps: their new steps' rows are added and
        their timelines, stages, dates and subjects recomputed, without rewriting their
        other rows; a few statements for them all."""
        if not grown:
            return
        members = [
            {"commitment_id": thread, "event_id": s, "date": d, "stage": str(stage)}
            for thread, _, added in grown
            for s, (d, stage) in sorted(added.items())
        ]
        if members:
            self.db.execute(sa.insert(commitment_events), members)
        ids = sorted(thread for thread, _, _ in grown)
        for part in chunks(ids):
            self.db.execute(
                sa.delete(commitment_milestones).where(
                    commitment_milestones.c.commitment_id.in_(part)
                )
            )
        subjects = self._subjects(ids)
        marks, heads = [], []
        for thread, shown, _ in grown:
            milestones = timeline([(s, d, stage) for s, (d, stage) in shown.items()])
            marks += [
                {"commitment_id": thread, "seq": n, "stage": str(m.stage), "date": m.date,
                 "event_id": m.event_id}
                for n, m in enumerate(milestones)
            ]  # fmt: skip
            known = [d for d, _ in shown.values() if d]
            heads.append(
                {"i": thread, "stage": str(current_stage(milestones)),
                 "first": min(known) if known else None, "last": max(known) if known else None,
                 "subject": subjects[thread]}
            )  # fmt: skip
        if marks:
            self.db.execute(sa.insert(commitment_milestones), marks)
        self.db.execute(
            sa.update(commitments)
            .where(commitments.c.id == sa.bindparam("i"))
            .values(
                stage=sa.bindparam("stage"),
                first_date=sa.bindparam("first"),
                last_date=sa.bindparam("last"),
                subject=sa.bindparam("subject"),
            ),
            heads,
        )

    def _subjects(self, threads: list[str]) -> dict[str, str]:
        """The labels of stored threads, aggregated by the database over their steps."""
        orgs: dict[str, list[tuple[int, str]]] = {}
        sectors: dict[str, set[str]] = {}
        places: dict[str, str] = {}
        parties: dict[str, str] = {}
        member = commitment_events.c.event_id
        for part in chunks(threads):
            on_threads = commitment_events.c.commitment_id.in_(part)
            query = (
                sa.select(commitment_events.c.commitment_id, entities.c.name, sa.func.count())
                .select_from(commitment_events)
                .join(event_entities, event_entities.c.event_id == member)
                .join(entities, entities.c.id == event_entities.c.entity_id)
                .where(on_threads, entities.c.kind == "organization")
                .group_by(commitment_events.c.commitment_id, entities.c.id, entities.c.name)
            )
            for thread, name, count in self.db.execute(query):
                orgs.setdefault(thread, []).append((-count, name))
            query = (
                sa.select(commitment_events.c.commitment_id, event_sectors.c.isic)
                .select_from(commitment_events)
                .join(event_sectors, event_sectors.c.event_id == member)
                .where(on_threads)
                .distinct()
            )
            for thread, isic in self.db.execute(query):
                sectors.setdefault(thread, set()).add(isic)
            query = (
                sa.select(commitment_events.c.commitment_id, sa.func.min(events.c.location))
                .select_from(commitment_events)
                .join(events, events.c.id == member)
                .where(on_threads)
                .group_by(commitment_events.c.commitment_id)
            )
            places.update({t: p for t, p in self.db.execute(query) if p})
            query = sa.select(commitments.c.id, commitments.c.parties).where(
                commitments.c.id.in_(part)
            )
            parties.update({t: p or "" for t, p in self.db.execute(query)})
        return {
            thread: label(
                parties.get(thread, "").split(";"),
                [name for _, name in sorted(orgs.get(thread, []))[:3]],
                [places[thread]] if thread in places else [],
                sorted(sectors.get(thread, set()))[:3],
            )
            for thread in threads
        }

    def _thread_rows(self, threads: list[str]) -> dict[str, dict[str, tuple[Any, Any]]]:
        """The steps each thread holds, with the date and stage each shows."""
        out: dict[str, dict[str, tuple[Any, Any]]] = {}
        for part in chunks(threads):
            query = sa.select(commitment_events).where(commitment_events.c.commitment_id.in_(part))
            for r in self.db.execute(query):
                out.setdefault(r.commitment_id, {})[r.event_id] = (
                    r.date,
                    CommitmentStage(r.stage),
                )
        return out

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
            for part in chunks(sorted(keys - set(by_key))):
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
        for part in chunks(wanted):
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

    def _write(self, thread: str, steps: list[str]) -> None:
        reports = self._reports(steps)
        dates = dict(
            self.db.execute(
                sa.select(events.c.id, events.c.date).where(events.c.id.in_(steps))
            ).all()
        )
        shown = {s: (dates.get(s), step_stage(reports[s])) for s in steps if reports.get(s)}
        if shown:
            self._write_many([shown])

    def _write_many(self, threads: list[dict[str, tuple[date | None, CommitmentStage]]]) -> None:
        """Write threads from what each of their steps shows (date and stage), a few
        statements for them all."""
        if not threads:
            return
        everyone = sorted({s for shown in threads for s in shown})
        parties, places, sectors, orgs = self._step_facts(everyone)
        heads, members, marks = [], [], []
        for shown in threads:
            steps = sorted(shown)
            thread = thread_id(steps[0])
            milestones = timeline([(s, d, stage) for s, (d, stage) in shown.items()])
            known = [d for d, _ in shown.values() if d]
            counts: Counter[str] = Counter(n for s in steps for n in orgs.get(s, ()))
            ranked = sorted(counts, key=lambda n: (-counts[n], n))
            heads.append(
                {
                    "id": thread,
                    "subject": label(
                        parties.get(steps[0], "").split(";"),
                        ranked,
                        sorted({p for s in steps if (p := places.get(s))}),
                        sorted({c for s in steps for c in sectors.get(s, ())}),
                    ),
                    "stage": str(current_stage(milestones)),
                    "parties": parties.get(steps[0], ""),
                    "first_date": min(known) if known else None,
                    "last_date": max(known) if known else None,
                }
            )
            members += [
                {"commitment_id": thread, "event_id": s, "date": d, "stage": str(stage)}
                for s, (d, stage) in sorted(shown.items())
            ]
            marks += [
                {"commitment_id": thread, "seq": n, "stage": str(m.stage), "date": m.date,
                 "event_id": m.event_id}
                for n, m in enumerate(milestones)
            ]  # fmt: skip
        self.db.execute(sa.insert(commitments), heads)
        self.db.execute(sa.insert(commitment_events), members)
        self.db.execute(sa.insert(commitment_milestones), marks)

    def _step_facts(
        self, steps: list[str]
    ) -> tuple[dict[str, str], dict[str, str], dict[str, set[str]], dict[str, set[str]]]:
        """Parties, place, sectors and organisation names of steps, from their rows."""
        parties: dict[str, str] = {}
        places: dict[str, str] = {}
        sectors: dict[str, set[str]] = {}
        orgs: dict[str, set[str]] = {}
        for part in chunks(steps):
            query = sa.select(event_sources.c.report_id, event_sources.c.parties).where(
                event_sources.c.report_id.in_(part)
            )
            parties.update(dict(self.db.execute(query).all()))
            query = sa.select(events.c.id, events.c.location).where(
                events.c.id.in_(part), events.c.location.is_not(None)
            )
            places.update(dict(self.db.execute(query).all()))
            query = sa.select(event_sectors.c.event_id, event_sectors.c.isic).where(
                event_sectors.c.event_id.in_(part)
            )
            for step, isic in self.db.execute(query):
                sectors.setdefault(step, set()).add(isic)
            query = (
                sa.select(event_entities.c.event_id, entities.c.name)
                .join(entities, entities.c.id == event_entities.c.entity_id)
                .where(event_entities.c.event_id.in_(part), entities.c.kind == "organization")
            )
            for step, name in self.db.execute(query):
                orgs.setdefault(step, set()).add(name)
        return parties, places, sectors, orgs
