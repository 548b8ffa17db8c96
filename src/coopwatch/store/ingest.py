"""Write extractions: idempotent by document content, linked into the register.

A document already in the store is skipped with everything extracted from it. The
events of a new document are stored as reports, then linked: to the steps they tell
(:mod:`coopwatch.store.register`), to the entities they name
(:mod:`coopwatch.store.entity_store`) and to the commitment threads they follow
(:mod:`coopwatch.store.threads`). Linking takes a lock on PostgreSQL, so that
concurrent writers give the same register as one serial writer.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopwatch.errors import StoreError
from coopwatch.model import Document, Event, Extraction
from coopwatch.store.entity_store import alias_key
from coopwatch.store.facts_cache import FactsCache
from coopwatch.store.register import StepWriter
from coopwatch.store.rows import IngestReport
from coopwatch.store.schema import documents, extractions
from coopwatch.store.threads import ThreadWriter
from coopwatch.store.upsert import chunks
from coopwatch.store.values import check_values

#: Any constant will do: it only has to be the same for every coopwatch process.
_LINK_LOCK = 0x6C696E6B

__all__ = ["alias_key", "ingest", "relink"]


def ingest(
    connection: Connection,
    batch: Iterable[Extraction],
    *,
    isolate: bool = False,
    cache: FactsCache | None = None,
) -> IngestReport:
    """Write a batch in the caller's transaction, then link what it added.

    ``cache`` keeps reports' facts from one batch to the next (a store passes its own).
    A document that cannot be stored raises a ``StoreError`` naming it; with
    ``isolate``, each document is written in a savepoint instead, and one that fails is
    rolled back alone and listed in ``report.failures`` while the batch goes on."""
    report = IngestReport()
    steps = StepWriter(connection, cache=cache)
    _lock(connection)
    now = datetime.now(UTC)
    valid: list[Extraction] = []
    for extraction in batch:
        try:
            _validate(extraction)
        except StoreError as exc:
            if not isolate:
                raise
            report.failures.append((extraction.document.source, str(exc)))
            continue
        valid.append(extraction)
    fresh = _fresh(connection, valid, report)
    try:
        if isolate:
            with connection.begin_nested():
                new_reports = _store_many(connection, steps, fresh, now)
        else:
            new_reports = _store_many(connection, steps, fresh, now)
        report.documents_new += len(fresh)
    except StoreError:
        if not isolate:
            raise
        # One document spoils the batch: write them one by one to find it.
        steps = StepWriter(connection, cache=cache)
        new_reports = []
        for extraction in fresh:
            try:
                with connection.begin_nested():
                    added = _store_many(connection, steps, [extraction], now)
            except StoreError as exc:
                report.failures.append((extraction.document.source, str(exc)))
                continue
            report.documents_new += 1
            new_reports += added
    touched = steps.link(new_reports)
    ThreadWriter(connection, steps).update(touched)
    report.events_new = len(new_reports)
    return report


def _validate(extraction: Extraction) -> None:
    """Refuse, naming the document, what no database of coopwatch can store."""
    doc = extraction.document
    try:
        _check(doc)
        _check_facts(extraction)
        check_values(extraction)
    except (TypeError, ValueError, KeyError) as exc:
        raise StoreError(f"cannot store document {doc.id} ({doc.source}): {exc}") from exc


def _fresh(
    connection: Connection, batch: list[Extraction], report: IngestReport
) -> list[Extraction]:
    """The documents of the batch not stored yet (each once), counting the others."""
    ids = list(dict.fromkeys(e.document.id for e in batch))
    known: set[str] = set()
    for part in chunks(ids):
        known |= set(connection.scalars(sa.select(documents.c.id).where(documents.c.id.in_(part))))
    fresh: dict[str, Extraction] = {}
    for extraction in batch:
        doc_id = extraction.document.id
        if doc_id in known or doc_id in fresh:
            report.documents_skipped += 1
        else:
            fresh[doc_id] = extraction
    return list(fresh.values())


def _store_many(
    connection: Connection, steps: StepWriter, batch: list[Extraction], now: datetime
) -> list[str]:
    """Store new documents, their extractions and reports; the reports added."""
    if not batch:
        return []
    bodies = []
    for extraction in batch:
        doc = extraction.document
        keyed = [_with_document(e, doc.id) for e in extraction.events]
        bodies.append((doc, replace(extraction, events=keyed).to_json()))
    try:
        connection.execute(
            sa.insert(documents),
            [
                {"id": doc.id, "source": doc.source, "url": doc.url, "title": doc.title,
                 "published": doc.published, "lang": doc.lang, "text": doc.text,
                 "ingested_at": now}
                for doc, _ in bodies
            ],
        )  # fmt: skip
        connection.execute(
            sa.insert(extractions),
            [
                {"document_id": doc.id, "json": json.dumps(body, ensure_ascii=False)}
                for doc, body in bodies
            ],
        )
        return steps.add_many(bodies)
    except sa.exc.SQLAlchemyError as exc:
        reason = exc.orig if isinstance(exc, sa.exc.DBAPIError) else exc
        doc = batch[0].document
        where = f"document {doc.id} ({doc.source})" if len(batch) == 1 else "a batch"
        raise StoreError(f"cannot store {where}: {reason}") from exc
    except (TypeError, ValueError, KeyError) as exc:
        doc = batch[0].document
        raise StoreError(f"cannot store document {doc.id} ({doc.source}): {exc}") from exc


def relink(connection: Connection) -> int:
    """Rebuild the register from the stored extractions (after an upgrade); reports added."""
    steps = StepWriter(connection)
    _lock(connection)
    added: list[str] = []
    query = sa.select(documents, extractions.c.json).join(
        extractions, extractions.c.document_id == documents.c.id
    )
    for row in connection.execute(query.order_by(documents.c.id)):
        doc = Document(row.id, row.source, row.text, row.url, row.title, row.published, row.lang)
        added += steps.add_reports(doc, json.loads(row.json))
    ThreadWriter(connection, steps).update(steps.link(added))
    return len(added)


def _lock(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_LINK_LOCK)))


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


def _check_facts(extraction: Extraction) -> None:
    """Parties must be ISO codes: anything else would break linking far from its cause."""
    doc = extraction.document
    for event in extraction.events:
        for country in event.parties:
            if not (isinstance(country, str) and len(country) == 2):
                raise StoreError(
                    f"document {doc.id} ({doc.source}): party {country!r} is not an ISO "
                    "3166 alpha-2 code"
                )


def _with_document(event: Event, document_id: str) -> Event:
    """An event of this document keyed by it even if the extractor left the ids empty."""
    return event if event.document_ids else replace(event, document_ids=[document_id])
