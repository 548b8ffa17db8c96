"""Write extractions: idempotent by document content, never over a human correction.

A document already in the store is skipped with everything extracted from it. An event
whose key is already stored (the same step, reached again through another document)
gains the new source, evidence and list facts, except in fields someone corrected;
its own columns are never rewritten.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from coopwatch.errors import StoreError
from coopwatch.model import Document, Event, Extraction, Organization, Person, Span
from coopwatch.store.rows import IngestReport
from coopwatch.store.schema import (
    corrections,
    documents,
    entities,
    entity_aliases,
    event_amounts,
    event_entities,
    event_instruments,
    event_parties,
    event_sectors,
    event_sources,
    events,
    evidence,
    extractions,
)
from coopwatch.store.values import check_values
from coopwatch.text import fold

Row = dict[str, Any]


def ingest(
    connection: Connection, batch: Iterable[Extraction], *, isolate: bool = False
) -> IngestReport:
    """Write a batch in the caller's transaction.

    A document that cannot be stored raises a ``StoreError`` naming it; with
    ``isolate``, each document is written in a savepoint instead, and one that fails is
    rolled back alone and listed in ``report.failures`` while the batch goes on."""
    writer = _Writer(connection)
    for extraction in batch:
        doc = extraction.document
        before = replace(writer.report, failures=list(writer.report.failures))
        try:
            if not isolate:
                _write(writer, extraction)
                continue
            with connection.begin_nested():
                _write(writer, extraction)
        except StoreError as exc:
            if not isolate:
                raise
            writer.report = before
            writer.report.failures.append((doc.source, str(exc)))
    return writer.report


def _write(writer: _Writer, extraction: Extraction) -> None:
    doc = extraction.document
    try:
        check_values(extraction)
        writer.add(extraction)
    except sa.exc.SQLAlchemyError as exc:
        reason = exc.orig if isinstance(exc, sa.exc.DBAPIError) else exc
        raise StoreError(f"cannot store document {doc.id} ({doc.source}): {reason}") from exc


def alias_key(name: str) -> str:
    """The key under which two spellings of a name are the same alias."""
    return " ".join(fold(name).split())


def _check(doc: Document) -> None:
    """Refuse what one of the databases cannot store, on all of them alike."""
    for name in ("id", "source", "url", "title", "text"):
        value = getattr(doc, name)
        if not value:
            continue
        problem = None
        if "\x00" in value:
            problem = "a NUL character"  # PostgreSQL text cannot hold it
        elif not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                problem = "a lone surrogate (undecoded bytes)"
        if problem:
            hint = "; build documents with Document.create(), which normalises text"
            raise StoreError(
                f"document {doc.id} ({doc.source}): its {name} contains {problem}"
                + (hint if name == "text" else "")
            )


def _with_document(event: Event, document_id: str) -> Event:
    """An event of this document keyed by it even if the extractor left the ids empty."""
    return event if event.document_ids else replace(event, document_ids=[document_id])


class _Writer:
    def __init__(self, connection: Connection) -> None:
        self.db = connection
        self.now = datetime.now(UTC)
        self.report = IngestReport()
        # The engine accepts only these two; both can skip rows whose key exists.
        self._insert = sqlite.insert if connection.dialect.name == "sqlite" else postgresql.insert

    def _put(self, table: sa.Table, rows: Sequence[Row] | Row) -> int:
        """Insert rows, skipping those whose key exists; the number inserted."""
        if not rows:
            return 0
        # psycopg reports no rowcount for INSERT unless SQLAlchemy is asked to keep it.
        stmt = (
            self._insert(table).on_conflict_do_nothing().execution_options(preserve_rowcount=True)
        )
        return self.db.execute(stmt, rows).rowcount

    def add(self, extraction: Extraction) -> None:
        doc = extraction.document
        _check(doc)
        stored = self._put(
            documents,
            {
                "id": doc.id,
                "source": doc.source,
                "url": doc.url,
                "title": doc.title,
                "published": doc.published,
                "lang": doc.lang,
                "text": doc.text,
                "ingested_at": self.now,
            },
        )
        if not stored:
            self.report.documents_skipped += 1
            return
        self.report.documents_new += 1
        keyed = [_with_document(e, doc.id) for e in extraction.events]
        body = replace(extraction, events=keyed).to_json()
        self._put(
            extractions,
            {"document_id": doc.id, "json": json.dumps(body, ensure_ascii=False)},
        )
        for event in keyed:
            self._event(doc, event)

    def _event(self, doc: Document, event: Event) -> None:
        key = event.key
        new = self._put(
            events,
            {
                "id": key,
                "type": str(event.type),
                "date": event.date,
                "confidence": round(event.confidence, 3),  # as in Event.to_json()
                "cameo": event.cameo,
                "location": event.location,
                "jobs": event.jobs,
                "trigger": event.trigger,
                "created_at": self.now,
            },
        )
        self.report.events_new += new
        frozen = set() if new else self._corrected(key)
        self._sources(key, doc, event)
        if "parties" not in frozen:
            self._put(event_parties, [{"event_id": key, "country": c} for c in event.parties])
        if "sectors" not in frozen:
            self._put(event_sectors, [{"event_id": key, "isic": s} for s in event.sectors])
        if "instruments" not in frozen:
            rows = [{"event_id": key, "instrument": i} for i in event.instruments]
            self._put(event_instruments, rows)
        if "persons" not in frozen:
            for person in event.persons:
                self._link(key, self._person(person), person.role)
        if "organizations" not in frozen:
            for org in event.organizations:
                self._link(key, self._organization(org), None)
        if "amounts" not in frozen:
            self._amounts(key, doc.id, event, new=bool(new))
        self._evidence(key, doc.id, event)

    def _corrected(self, event_id: str) -> set[str]:
        query = sa.select(corrections.c.field).where(corrections.c.event_id == event_id)
        return set(self.db.scalars(query))

    def _sources(self, key: str, doc: Document, event: Event) -> None:
        sentence = event.sentence
        rows: list[Row] = [
            {
                "event_id": key,
                "document_id": doc.id,
                "sentence_start": sentence.start if sentence else None,
                "sentence_end": sentence.end if sentence else None,
            }
        ]
        # Other reports of a linked event, as far as the store has them.
        others = [d for d in event.document_ids if d != doc.id]
        if others:
            known = self.db.scalars(sa.select(documents.c.id).where(documents.c.id.in_(others)))
            rows += [
                {"event_id": key, "document_id": d, "sentence_start": None, "sentence_end": None}
                for d in known
            ]
        self._put(event_sources, rows)

    def _amounts(self, key: str, document_id: str, event: Event, *, new: bool) -> None:
        have: set[tuple[int, str]] = set()
        if not new:
            query = sa.select(event_amounts.c.value, event_amounts.c.currency).where(
                event_amounts.c.event_id == key
            )
            have = {(value, currency) for value, currency in self.db.execute(query)}
        rows = []
        for amount in event.amounts:
            if (amount.value, amount.currency) in have:
                continue
            have.add((amount.value, amount.currency))
            rows.append(
                {
                    "event_id": key,
                    "value": amount.value,
                    "currency": amount.currency,
                    "document_id": document_id,
                    "span_start": amount.span.start if amount.span else None,
                    "span_end": amount.span.end if amount.span else None,
                }
            )
        self._put(event_amounts, rows)

    def _evidence(self, key: str, document_id: str, event: Event) -> None:
        spans: dict[str, list[Span]] = {f: list(s) for f, s in event.evidence.items()}
        # The spans of the actors and amounts are evidence of those fields too.
        for name, items in (("persons", event.persons), ("organizations", event.organizations)):
            spans.setdefault(name, []).extend(s for item in items for s in item.spans)
        spans.setdefault("amounts", []).extend(a.span for a in event.amounts if a.span)
        rows = {
            (f, s.start, s.end): {
                "event_id": key,
                "document_id": document_id,
                "field": f,
                "span_start": s.start,
                "span_end": s.end,
            }
            for f, field_spans in spans.items()
            for s in field_spans
        }
        self._put(evidence, list(rows.values()))

    def _link(self, event_id: str, entity_id: int | None, role: str | None) -> None:
        if entity_id is not None:
            row = {"event_id": event_id, "entity_id": entity_id, "role": role}
            self._put(event_entities, row)

    def _person(self, person: Person) -> int | None:
        names = [person.name] + ([person.latin] if person.latin else [])
        return self._entity("person", names, person.country, latin=person.latin)

    def _organization(self, org: Organization) -> int | None:
        return self._entity("organization", org.names, org.country, latin=None)

    def _entity(
        self, kind: str, names: Sequence[str], country: str | None, *, latin: str | None
    ) -> int | None:
        """The entity one of whose aliases is one of ``names``, created if there is none.

        Two entities whose countries are both known and differ are never the same one.
        """
        aliases: dict[str, str] = {}  # key -> first spelling met
        for name in names:
            if key := alias_key(name):
                aliases.setdefault(key, name)
        if not aliases:
            return None
        query = (
            sa.select(entities.c.id, entities.c.country)
            .join(entity_aliases, entity_aliases.c.entity_id == entities.c.id)
            .where(entities.c.kind == kind, entity_aliases.c.key.in_(list(aliases)))
            .order_by(entities.c.id)
        )
        entity_id = next(
            (
                found
                for found, known in self.db.execute(query)
                if known is None or country is None or known == country
            ),
            None,
        )
        if entity_id is None:
            name = next(iter(aliases.values()))
            row = {"kind": kind, "name": name, "country": country, "latin": latin}
            entity_id = self.db.execute(
                sa.insert(entities).returning(entities.c.id), row
            ).scalar_one()
        self._put(
            entity_aliases,
            [{"entity_id": entity_id, "key": k, "alias": a} for k, a in aliases.items()],
        )
        return int(entity_id)
