"""The register's steps: reports of one real-world step joined into one event.

Every event of a document's extraction is stored as a *report* (``event_sources``).
New reports are compared with the reports that could tell the same step, found through
an index (same type, same parties, dates within a few days) rather than a scan; the
pairs judged the same (:func:`coopwatch.linking.steps.same_step`) are kept in
``step_links`` with their reasons. Steps are the groups of reports under those links and
the human decisions (:func:`coopwatch.linking.clusters.partition`); a step's id is the
smallest of its reports' ids, and its rows (``events`` and the ``event_*`` tables,
:mod:`coopwatch.store.step_rows`) are rebuilt from its reports whenever its members
change, or appended to when a stored step only gains new reports. Human corrections are applied at
each rebuild, so extraction never overwrites them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopwatch.linking.clusters import partition
from coopwatch.linking.facts import ReportFacts, report_facts, sentence_of
from coopwatch.linking.steps import WINDOW_DAYS, same_step
from coopwatch.model import CommitmentStage, Document
from coopwatch.store.entity_store import EntityWriter, mentions_of
from coopwatch.store.facts_cache import Cached, FactsCache
from coopwatch.store.schema import (
    commitment_events,
    event_entities,
    event_sources,
    events,
    link_decisions,
    step_links,
)
from coopwatch.store.step_rows import StepRows
from coopwatch.store.upsert import chunks, insert_ignore

Row = dict[str, Any]
#: Reports whose candidates are looked up in one query.
_CANDIDATE_CHUNK = 50


class StepWriter:
    """Adds reports and keeps the steps they belong to, in the caller's transaction."""

    def __init__(
        self, db: Connection, now: datetime | None = None, cache: FactsCache | None = None
    ) -> None:
        self.db = db
        self.now = now or datetime.now(UTC)
        self.entities = EntityWriter(db)
        self.rows = StepRows(db, self.now)
        self._cache = cache if cache is not None else FactsCache()
        self._step_cache: dict[str, str] = {}  # report -> its step, as written
        self._document_of: dict[str, str] = {}  # report -> its document
        self._no_decisions: bool | None = None
        #: A step was recomputed under human decisions: threads must be recomputed too.
        self.regrouped = False
        #: Threads that held a step rebuilt in this transaction.
        self.touched_threads: set[str] = set()

    # -- reports ------------------------------------------------------------------

    def add_reports(self, doc: Document, body: dict[str, Any]) -> list[str]:
        """Store the events of one document's ``Extraction.to_json()`` as reports."""
        return self.add_many([(doc, body)])

    def add_many(self, items: Sequence[tuple[Document, dict[str, Any]]]) -> list[str]:
        """Store the events of many documents as reports, in one statement; the ids of
        the reports added (an event already stored under another document is not)."""
        rows: list[Row] = []
        made: dict[str, Cached] = {}
        for doc, body in items:
            rows += self._report_rows(doc, body, made)
        insert_ignore(self.db, event_sources, rows)
        ours = {doc.id for doc, _ in items}
        wanted = [r["report_id"] for r in rows]
        added: set[str] = set()
        for part in chunks(wanted):
            query = sa.select(event_sources.c.report_id, event_sources.c.document_id).where(
                event_sources.c.report_id.in_(part)
            )
            added |= {r for r, d in self.db.execute(query) if d in ours}
        for report_id in sorted(added):
            self._cache.put(report_id, *made[report_id])
        for _, body in items:
            for event in body.get("events", []):
                if event["id"] in added:
                    self._entities(event)
        return [r for r in wanted if r in added]

    def _report_rows(
        self, doc: Document, body: dict[str, Any], made: dict[str, Cached]
    ) -> list[Row]:
        """The rows of a document's reports; their facts and JSON go into ``made``."""
        rows: list[Row] = []
        context = {
            "persons": [
                {k: p.get(k) for k in ("name", "country", "role", "latin")}
                for p in body.get("persons", [])
            ],
            "organizations": body.get("organizations", []),
        }
        for event in body.get("events", []):
            sentence = sentence_of(event, doc.text)
            facts = report_facts(
                event,
                document_id=doc.id,
                sentence=sentence,
                lang=doc.lang,
                published=doc.published,
                context=context,
            )
            made[facts.id] = (facts, event)
            span = event.get("sentence")
            stored = {
                "event": event,
                "sentence": sentence,
                "lang": doc.lang,
                "published": doc.published.isoformat() if doc.published else None,
                "context": context,
                "stage": str(facts.stage),  # read back rather than worked out again
            }
            rows.append(
                {
                    "report_id": facts.id,
                    "event_id": facts.id,
                    "document_id": doc.id,
                    "type": facts.type,
                    "date": facts.date,
                    "day": facts.day,
                    "lang": doc.lang,
                    "parties": facts.parties_key,
                    "stage": str(facts.stage),
                    "confidence": float(event.get("confidence", 0.5)),
                    "sentence_start": span[0] if span else None,
                    "sentence_end": span[1] if span else None,
                    "facts": json.dumps(stored, ensure_ascii=False),
                }
            )
        return rows

    def _entities(self, event: dict[str, Any]) -> None:
        self.entities.add(event["id"], mentions_of(event["id"], event))

    def facts(self, report_ids: Iterable[str]) -> dict[str, ReportFacts]:
        """The facts of stored reports."""
        return {r: facts for r, (facts, _) in self._cached(report_ids).items()}

    def bodies(self, report_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The event JSON of stored reports."""
        return {r: body for r, (_, body) in self._cached(report_ids).items()}

    def _cached(self, report_ids: Iterable[str]) -> dict[str, Cached]:
        """Facts and event JSON of reports, from the cache or parsed from the store."""
        found: dict[str, Cached] = {}
        missing: list[str] = []
        for report_id in report_ids:
            if (hit := self._cache.get(report_id)) is not None:
                found[report_id] = hit
            else:
                missing.append(report_id)
        for part in chunks(missing):
            query = sa.select(
                event_sources.c.report_id, event_sources.c.document_id, event_sources.c.facts
            ).where(event_sources.c.report_id.in_(part))
            for report_id, document_id, text in self.db.execute(query):
                stored = json.loads(text)
                found[report_id] = (_parse_facts(document_id, stored), stored["event"])
                self._cache.put(report_id, *found[report_id])
        return found

    # -- steps --------------------------------------------------------------------

    def link(self, report_ids: Sequence[str]) -> set[str]:
        """Link new reports to the steps they tell; the ids of the steps that changed or
        went (their threads need a look too)."""
        self.entities.flush()
        new = sorted(set(report_ids))
        facts = self.facts(new)
        joined: dict[str, list[str]] = {}
        rows: dict[tuple[str, str], Row] = {}
        candidates = self._candidates_many([facts[r] for r in new if r in facts])
        for report_id in new:
            if (mine := facts.get(report_id)) is None:
                continue
            for other in candidates.get(report_id, []):
                verdict = same_step(mine, other)
                if verdict.joined:
                    a, b = sorted((mine.id, other.id))
                    rows[(a, b)] = {"report_a": a, "report_b": b, "score": verdict.score,
                                    "reasons": verdict.explain()}  # fmt: skip
                    joined.setdefault(report_id, []).append(other.id)
        insert_ignore(self.db, step_links, list(rows.values()))
        changed: dict[str, set[str]] = {}  # step id -> the old step ids it replaces
        involved = set(new) | {o for others in joined.values() for o in others}
        current = self._steps_of(involved)
        members = self._members(set(current.values()))
        everyone = {r for group in members.values() for r in group} | involved
        appended: dict[str, set[str]] = {}
        if self._decided(everyone):
            # A human decision is near: regroup each report under all links and decisions.
            self.regrouped = True
            self._partition_around(set(new), changed)
        else:
            changed, conflicted = self._union(new, joined, current, members)
            # A stored step that only gained new reports is appended to, not rewritten.
            fresh = set(new)
            appended = {s: set(o) for s, o in changed.items() if s not in fresh and o <= fresh}
            if conflicted:
                # Two reports of one document would meet in a step: partition those.
                self._partition_around(conflicted, changed)
                appended = {s: o for s, o in appended.items() if changed.get(s) == o}
        touched = self._rebuild(changed, appended)
        self._refresh_actors(set(changed))
        return touched

    def _partition_around(self, reports: set[str], changed: dict[str, set[str]]) -> None:
        """Re-partition the components of ``reports``; their steps are marked changed."""
        self._regroup(set(reports), changed)
        for step in set(self._steps_of(reports).values()):
            changed.setdefault(step, set())

    def _union(
        self,
        new: list[str],
        joined: dict[str, list[str]],
        current: dict[str, str],
        members: dict[str, set[str]],
    ) -> tuple[dict[str, set[str]], set[str]]:
        """Steps as components of the links, new links added: no decision is involved.
        A component that would hold two reports of one document is left as it is, and
        its new reports are handed back for the partition."""
        root: dict[str, str] = {}

        def find(step: str) -> str:
            root.setdefault(step, step)
            while root[step] != step:
                root[step] = root[root[step]]
                step = root[step]
            return step

        for report_id in new:
            if report_id not in current:
                continue
            mine = find(current[report_id])
            for other in joined.get(report_id, []):
                theirs = find(current[other])
                if theirs != mine:
                    root[max(mine, theirs)] = min(mine, theirs)
                    mine = min(mine, theirs)
        groups: dict[str, set[str]] = {}
        for step in {current[r] for r in new if r in current} | set(root):
            groups.setdefault(find(step), set()).add(step)
        changed: dict[str, set[str]] = {}
        conflicted: set[str] = set()
        moves: list[Row] = []
        for steps in groups.values():
            reports = set().union(*(members.get(s, {s}) for s in steps))
            documents = [self._document_of.get(r, r) for r in reports]
            if len(documents) > len(set(documents)):
                conflicted |= reports & set(new)
                continue
            step_id = min(reports)
            changed[step_id] = steps - {step_id}
            moves += [{"r": r, "e": step_id} for r in sorted(reports)
                      if self._step_cache.get(r) != step_id]  # fmt: skip
        if moves:
            stmt = (
                sa.update(event_sources)
                .where(event_sources.c.report_id == sa.bindparam("r"))
                .values(event_id=sa.bindparam("e"))
            )
            self.db.execute(stmt, moves)
            self._step_cache.update({m["r"]: m["e"] for m in moves})
        return changed, conflicted

    def _steps_of(self, report_ids: set[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for part in chunks(sorted(report_ids)):
            query = sa.select(event_sources.c.report_id, event_sources.c.event_id).where(
                event_sources.c.report_id.in_(part)
            )
            out.update(dict(self.db.execute(query).all()))
        self._step_cache.update(out)
        return out

    def _members(self, steps: set[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for part in chunks(sorted(steps)):
            query = sa.select(
                event_sources.c.event_id, event_sources.c.report_id, event_sources.c.document_id
            ).where(event_sources.c.event_id.in_(part))
            for step, report_id, document_id in self.db.execute(query):
                out.setdefault(step, set()).add(report_id)
                self._step_cache[report_id] = step
                self._document_of[report_id] = document_id
        return out

    def _decided(self, reports: set[str]) -> bool:
        """Whether a human decision on steps names one of these reports."""
        if self._no_decisions is None:
            query = sa.select(link_decisions.c.id).where(link_decisions.c.scope == "step")
            self._no_decisions = self.db.scalar(query.limit(1)) is None
        if self._no_decisions:
            return False
        return any(self._decisions(set(part), d) for part in chunks(sorted(reports))
                   for d in ("apart", "join"))  # fmt: skip

    def _refresh_actors(self, rebuilt: set[str]) -> None:
        """Rewrite the actors of steps whose reports' mentions moved to another entity."""
        moved = sorted(self.entities.moved_reports)
        self.entities.moved_reports.clear()
        steps = set(select_in(self.db, event_sources.c.event_id, event_sources.c.report_id, moved))
        for step in sorted(steps - rebuilt):
            members = select_in(
                self.db, event_sources.c.report_id, event_sources.c.event_id, [step]
            )
            self.db.execute(sa.delete(event_entities).where(event_entities.c.event_id == step))
            self.rows.write_entities(step, sorted(members))

    def _candidates_many(self, reports: list[ReportFacts]) -> dict[str, list[ReportFacts]]:
        """The reports that may tell the same step as each of ``reports``: same type and
        parties, dates a few days apart, another document (an index look-up, batched)."""
        window = timedelta(days=WINDOW_DAYS)
        dated = [r for r in reports if r.day is not None and r.parties]
        found: dict[str, list[str]] = {}
        for part in chunks(dated, _CANDIDATE_CHUNK):
            conditions = [
                sa.and_(
                    event_sources.c.type == r.type,
                    event_sources.c.parties == r.parties_key,
                    event_sources.c.day.between(r.day - window, r.day + window),  # type: ignore[operator]
                )
                for r in part
            ]
            query = sa.select(
                event_sources.c.report_id,
                event_sources.c.type,
                event_sources.c.parties,
                event_sources.c.day,
                event_sources.c.document_id,
            ).where(sa.or_(*conditions))
            rows = self.db.execute(query).all()
            for r in part:
                assert r.day is not None
                found[r.id] = [
                    other
                    for other, kind, parties, day, document in rows
                    if kind == r.type
                    and parties == r.parties_key
                    and abs((day - r.day).days) <= WINDOW_DAYS
                    and document != r.document_id
                ]
        facts = self.facts({o for others in found.values() for o in others})
        return {r: [facts[o] for o in others if o in facts] for r, others in found.items()}

    def refresh(self, step_ids: Iterable[str]) -> set[str]:
        """Rewrite these steps' rows (after a correction); the step ids touched."""
        return self._rebuild({s: set() for s in step_ids})

    def step_of(self, event_id: str) -> str | None:
        """The step an event id names now: a step id, or the id of one of its reports."""
        query = sa.select(event_sources.c.event_id).where(event_sources.c.report_id == event_id)
        return self.db.scalar(query)

    def regroup(self, report_ids: set[str]) -> set[str]:
        """Recompute the steps of these reports' components (after a human decision)."""
        self.regrouped = True
        changed: dict[str, set[str]] = {}
        self._regroup(report_ids, changed, full=True)
        return self._rebuild(changed)

    def _regroup(self, seeds: set[str], changed: dict[str, set[str]], full: bool = False) -> None:
        """Re-partition the component of ``seeds`` under links and decisions."""
        component, links = self._component(seeds)
        apart = self._decisions(component, "apart")
        joins = self._decisions(component, "join")
        all_links = [(a, b, s) for a, b, s in links] + [(a, b, float("inf")) for a, b in joins]
        current: dict[str, str] = {}
        document: dict[str, str] = {}
        for part in chunks(sorted(component)):
            query = sa.select(
                event_sources.c.report_id, event_sources.c.event_id, event_sources.c.document_id
            ).where(event_sources.c.report_id.in_(part))
            for report_id, step, document_id in self.db.execute(query):
                current[report_id] = step
                document[report_id] = document_id
        groups = partition(component, all_links, apart, origin=document)
        moved = [r for r in component if current.get(r) != groups[r]]
        if not moved and not full:
            return
        spread: dict[str, set[str]] = {}
        for report_id, step in current.items():
            spread.setdefault(step, set()).add(groups[report_id])
        if any(len(steps) > 1 for steps in spread.values()):
            self.regrouped = True  # a step was split: threads are recomputed, not grown
        old_steps = {current[r] for r in component if r in current}
        if moved:
            self.db.execute(
                sa.update(event_sources)
                .where(event_sources.c.report_id == sa.bindparam("r"))
                .values(event_id=sa.bindparam("e")),
                [{"r": r, "e": groups[r]} for r in sorted(moved)],
            )
            self._step_cache.update({r: groups[r] for r in moved})
        for step in set(groups.values()):
            replaced = {current[r] for r in component if groups[r] == step and r in current}
            changed.setdefault(step, set()).update(replaced)
        for old in old_steps - set(groups.values()):
            changed.setdefault(old, set())  # emptied: its rows go

    def _component(self, seeds: set[str]) -> tuple[set[str], list[tuple[str, str, float]]]:
        """The reports reachable from ``seeds`` through links, human joins and steps."""
        component: set[str] = set()
        links: dict[tuple[str, str], float] = {}
        frontier = set(seeds)
        while frontier:
            component |= frontier
            part = list(frontier)
            found: set[str] = set()
            for a, b, score in self.db.execute(
                sa.select(step_links.c.report_a, step_links.c.report_b, step_links.c.score).where(
                    sa.or_(step_links.c.report_a.in_(part), step_links.c.report_b.in_(part))
                )
            ):
                links[(a, b)] = score
                found |= {a, b}
            for a, b in self._decisions(frontier, "join"):
                found |= {a, b}
            frontier = found - component
        return component, [(a, b, s) for (a, b), s in links.items()]

    def _decisions(self, reports: set[str], decision: str) -> list[tuple[str, str]]:
        if not reports or self._no_decisions:  # known to be none, by ``_decided``
            return []
        part = list(reports)
        query = sa.select(link_decisions.c.a, link_decisions.c.b).where(
            link_decisions.c.scope == "step",
            link_decisions.c.decision == decision,
            sa.or_(link_decisions.c.a.in_(part), link_decisions.c.b.in_(part)),
        )
        return [(a, b) for a, b in self.db.execute(query)]

    def _rebuild(
        self, changed: dict[str, set[str]], appended: dict[str, set[str]] | None = None
    ) -> set[str]:
        """Rewrite the rows of every changed step from its reports; the step ids touched.

        A step of ``appended`` (stored, and only joined by new reports) keeps its rows
        and gains those of its new reports, unless a report of it was corrected."""
        if not changed:
            return set()
        stale = set(changed) | set().union(*changed.values())
        self.touched_threads |= set(
            select_in(
                self.db,
                commitment_events.c.commitment_id,
                commitment_events.c.event_id,
                sorted(stale),
            )
        )
        members = self._members(set(changed))
        appended = dict(appended or {})
        grown = {r for s in appended for r in members.get(s, ())}
        for report_id in self.rows.corrections(sorted(grown)):
            appended.pop(self._step_cache.get(report_id, ""), None)
        kept = set(appended)
        for part in chunks(sorted(stale - kept)):
            self.db.execute(sa.delete(events).where(events.c.id.in_(part)))
        for part in chunks(sorted(kept)):  # as a rewrite would: threads place them again
            where = commitment_events.c.event_id.in_(part)
            self.db.execute(sa.delete(commitment_events).where(where))
        self._write_steps({s: sorted(m) for s, m in members.items() if s not in kept})
        self._append_steps({s: (sorted(members[s]), sorted(appended[s])) for s in sorted(kept)})
        return stale

    def _append_steps(self, steps: dict[str, tuple[list[str], list[str]]]) -> None:
        """Stored steps gain new reports (see ``StepRows.append``)."""
        everyone = sorted({r for members, _ in steps.values() for r in members})
        self.rows.append(steps, self.facts(everyone), self.bodies(everyone))

    def _write_steps(self, steps: dict[str, list[str]]) -> None:
        """Insert the rows of steps from their reports (see ``StepRows.write``)."""
        everyone = sorted({r for m in steps.values() for r in m})
        self.rows.write(steps, self.facts(everyone), self.bodies(everyone))


def _parse_facts(document_id: str, stored: dict[str, Any]) -> ReportFacts:
    published = stored.get("published")
    return report_facts(
        stored["event"],
        document_id=document_id,
        sentence=stored.get("sentence", ""),
        lang=stored.get("lang"),
        published=date.fromisoformat(published) if published else None,
        context=stored.get("context"),
        stage=CommitmentStage(stored["stage"]) if stored.get("stage") else None,
    )


def select_in(
    db: Connection, column: sa.Column[Any], key: sa.Column[Any], values: Sequence[Any]
) -> list[Any]:
    """Values of ``column`` in the rows whose ``key`` is one of ``values``."""
    out: list[Any] = []
    for part in chunks(list(values)):
        out.extend(db.scalars(sa.select(column).where(key.in_(part))))
    return out
