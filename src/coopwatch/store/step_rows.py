"""The rows of the register's steps: ``events`` and the ``event_*`` tables.

A step's rows are worked out from all its reports and the human corrections of them:
its type, date, place and jobs (the value most reports give), its parties, sectors and
instruments (all the reports give), its actors (each with the first role a report gives
it), and the amounts and evidence spans of every report. A step that only gained new
reports keeps its rows and gains those of the new ones, which gives the same rows.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopwatch.linking.facts import ReportFacts
from coopwatch.model import CAMEO_CODES, EventType
from coopwatch.store.schema import (
    corrections,
    entity_mentions,
    event_amounts,
    event_entities,
    event_instruments,
    event_parties,
    event_sectors,
    events,
    evidence,
)
from coopwatch.store.upsert import chunks, insert_ignore

Row = dict[str, Any]
#: Fields a correction can set on a step, and the list fields among them.
COLUMN_FIELDS = ("type", "date", "location", "jobs", "confidence")
LIST_FIELDS = ("parties", "sectors", "instruments")


class StepRows:
    """Writes steps' rows in the caller's transaction."""

    def __init__(self, db: Connection, now: datetime) -> None:
        self.db = db
        self.now = now

    def append(
        self,
        steps: dict[str, tuple[list[str], list[str]]],
        facts: dict[str, ReportFacts],
        bodies: dict[str, dict[str, Any]],
    ) -> None:
        """Stored steps gain new reports: their event rows are worked out again from all
        their reports, their actors rewritten, and the list, amount and evidence rows of
        the new reports added. The rows are those a rewrite would give."""
        if not steps:
            return
        everyone = sorted({r for members, _ in steps.values() for r in members})
        actors = self.actors(everyone)
        heads: list[Row] = []
        rows: dict[str, list[Row]] = {name: [] for name in _STEP_TABLES}
        for step, (members, added) in steps.items():
            reports = [facts[m] for m in members if m in facts]
            head = self._event_row(step, reports, bodies, members, {})
            heads.append({f"_{k}" if k == "id" else k: v for k, v in head.items()})
            new = [facts[a] for a in added if a in facts]
            for name, values in _lists(new).items():
                rows[f"event_{name}"] += _list_rows(step, name, values)
            rows["event_entities"] += _actor_rows(step, members, actors)
            amounts, spans = _amounts_and_evidence(step, facts, bodies, added)
            rows["event_amounts"] += amounts
            rows["evidence"] += spans
        columns: dict[str, Any] = {k: sa.bindparam(k) for k in heads[0] if k != "_id"}
        self.db.execute(
            sa.update(events).where(events.c.id == sa.bindparam("_id")).values(**columns), heads
        )
        for part in chunks(sorted(steps)):
            self.db.execute(sa.delete(event_entities).where(event_entities.c.event_id.in_(part)))
        for name in _STEP_TABLES[1:]:
            if rows[name]:
                insert_ignore(self.db, _TABLES[name], rows[name])

    def write(
        self,
        steps: dict[str, list[str]],
        facts: dict[str, ReportFacts],
        bodies: dict[str, dict[str, Any]],
    ) -> None:
        """Insert the rows of steps from their reports, a few statements for them all."""
        if not steps:
            return
        everyone = sorted({r for m in steps.values() for r in m})
        corrected = self.corrections(everyone)
        actors = self.actors(everyone)
        rows: dict[str, list[Row]] = {name: [] for name in _STEP_TABLES}
        for step, members in sorted(steps.items()):
            fixed: dict[str, Any] = {}
            for report_id in members:  # the latest correction of any report of the step
                for when, name, value in corrected.get(report_id, []):
                    if name not in fixed or when >= fixed[name][0]:
                        fixed[name] = (when, value)
            human = {name: value for name, (_, value) in fixed.items()}
            reports = [facts[m] for m in members if m in facts]
            rows["events"].append(self._event_row(step, reports, bodies, members, human))
            lists = _lists(reports)
            for name in LIST_FIELDS:
                if name in human:
                    lists[name] = sorted(set(human[name] or []))
            for name, values in lists.items():
                rows[f"event_{name}"] += _list_rows(step, name, values)
            rows["event_entities"] += _actor_rows(step, members, actors)
            amounts, spans = _amounts_and_evidence(step, facts, bodies, members)
            rows["event_amounts"] += amounts
            rows["evidence"] += spans
        self.db.execute(sa.insert(events), rows["events"])
        for name in _STEP_TABLES[1:]:
            if rows[name]:
                self.db.execute(sa.insert(_TABLES[name]), rows[name])

    def _event_row(
        self,
        step: str,
        reports: list[ReportFacts],
        bodies: dict[str, dict[str, Any]],
        members: list[str],
        human: dict[str, Any],
    ) -> Row:
        days = Counter(r.date for r in reports if r.date)
        jobs = Counter(r.jobs for r in reports if r.jobs)
        first = bodies.get(step) or bodies[members[0]]
        row: Row = {
            "id": step,
            "type": reports[0].type if reports else first["type"],
            "date": min(days, key=lambda d: (-days[d], d)) if days else None,
            "confidence": max(float(bodies[m].get("confidence", 0.5)) for m in members),
            "location": next((r.location for r in reports if r.location), None),
            "jobs": min(jobs, key=lambda j: (-jobs[j], j)) if jobs else None,
            "trigger": first.get("trigger", ""),
            "created_at": self.now,
        }
        for name in COLUMN_FIELDS:
            if name in human:
                value = human[name]
                row[name] = date.fromisoformat(value) if name == "date" and value else value
        row["cameo"] = CAMEO_CODES[EventType(row["type"])]
        return row

    def write_entities(self, step: str, members: list[str]) -> None:
        insert_ignore(self.db, event_entities, _actor_rows(step, members, self.actors(members)))

    def actors(self, reports: list[str]) -> dict[str, list[tuple[int, str | None]]]:
        out: dict[str, list[tuple[int, str | None]]] = {}
        for part in chunks(reports):
            query = (
                sa.select(
                    entity_mentions.c.report_id, entity_mentions.c.entity_id, entity_mentions.c.role
                )
                .where(
                    entity_mentions.c.report_id.in_(part), entity_mentions.c.entity_id.is_not(None)
                )
                .order_by(entity_mentions.c.report_id, entity_mentions.c.entity_id)
            )
            for report_id, entity_id, role in self.db.execute(query):
                out.setdefault(report_id, []).append((entity_id, role))
        return out

    def corrections(self, reports: list[str]) -> dict[str, list[tuple[Any, str, Any]]]:
        """Human corrections naming these reports: (when, field, value), oldest first."""
        out: dict[str, list[tuple[Any, str, Any]]] = {}
        for part in chunks(reports):
            query = (
                sa.select(
                    corrections.c.event_id,
                    corrections.c.created_at,
                    corrections.c.id,
                    corrections.c.field,
                    corrections.c.value,
                )
                .where(corrections.c.event_id.in_(part))
                .order_by(corrections.c.created_at, corrections.c.id)
            )
            for report_id, when, n, name, value in self.db.execute(query):
                out.setdefault(report_id, []).append(((when, n), name, value))
        return out


#: The column of each list field's table.
_LIST_COLUMNS = {"parties": "country", "sectors": "isic", "instruments": "instrument"}


def _lists(reports: list[ReportFacts]) -> dict[str, list[str]]:
    """The parties, sectors and instruments of reports, each sorted once."""
    return {
        "parties": sorted({p for r in reports for p in r.parties}),
        "sectors": sorted({s for r in reports for s in r.sectors}),
        "instruments": sorted({i for r in reports for i in r.instruments}),
    }


def _list_rows(step: str, name: str, values: list[str]) -> list[Row]:
    return [{"event_id": step, _LIST_COLUMNS[name]: v} for v in values]


def _actor_rows(
    step: str, members: list[str], actors: dict[str, list[tuple[int, str | None]]]
) -> list[Row]:
    return [
        {"event_id": step, "entity_id": e, "role": r} for e, r in _roles(members, actors).items()
    ]


def _roles(
    members: list[str], actors: dict[str, list[tuple[int, str | None]]]
) -> dict[int, str | None]:
    """The entities a step's reports name, each with the first role a report gives it."""
    roles: dict[int, str | None] = {}
    for report_id in members:
        for entity_id, role in actors.get(report_id, []):
            if roles.get(entity_id) is None:
                roles[entity_id] = role
    return roles


def _amounts_and_evidence(
    step: str,
    facts: dict[str, ReportFacts],
    bodies: dict[str, dict[str, Any]],
    members: list[str],
) -> tuple[list[Row], list[Row]]:
    """The amounts (per source) and evidence spans of a step's reports."""
    amounts: list[Row] = []
    spans: dict[tuple[str, str, int, int], Row] = {}
    for report_id in members:
        body = bodies[report_id]
        document_id = facts[report_id].document_id
        seen: set[tuple[int, str]] = set()
        for amount in body.get("amounts", []):
            if (amount["value"], amount["currency"]) in seen:
                continue
            seen.add((amount["value"], amount["currency"]))
            span = amount.get("span")
            amounts.append({"event_id": step, "value": amount["value"],
                            "currency": amount["currency"], "document_id": document_id,
                            "span_start": span[0] if span else None,
                            "span_end": span[1] if span else None})  # fmt: skip
        fields: dict[str, list[list[int]]] = {
            k: list(v) for k, v in body.get("evidence", {}).items()
        }
        for name in ("persons", "organizations"):
            for item in body.get(name, []):
                if isinstance(item, dict):
                    fields.setdefault(name, []).extend(item.get("spans", []))
        fields.setdefault("amounts", []).extend(
            a["span"] for a in body.get("amounts", []) if a.get("span")
        )
        for name, field_spans in fields.items():
            for start, end in field_spans:
                spans[(document_id, name, start, end)] = {
                    "event_id": step, "document_id": document_id, "field": name,
                    "span_start": start, "span_end": end}  # fmt: skip
    return amounts, list(spans.values())


_STEP_TABLES = (
    "events",
    "event_parties",
    "event_sectors",
    "event_instruments",
    "event_entities",
    "event_amounts",
    "evidence",
)
_TABLES = {
    "events": events,
    "event_parties": event_parties,
    "event_sectors": event_sectors,
    "event_instruments": event_instruments,
    "event_entities": event_entities,
    "event_amounts": event_amounts,
    "evidence": evidence,
}
