"""The Store: one object over an SQLite file or a PostgreSQL database."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from coopwatch.errors import StoreError
from coopwatch.model import Document, Extraction
from coopwatch.store import corrections, decisions, exports, migrate, queries, register_queries
from coopwatch.store.collection import rare_collections
from coopwatch.store.engine import create_engine, parse_url, shown, write_transaction
from coopwatch.store.facts_cache import FactsCache
from coopwatch.store.ingest import ingest
from coopwatch.store.register_queries import CommitmentDetail, CommitmentRow, EntityRow
from coopwatch.store.rows import EventDetail, EventRow, IngestReport


class Store:
    """Documents, events and corrections in a database, at the newest schema."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        #: Facts of reports read or made by this store's ingests, for the next batches.
        self.facts_cache = FactsCache()

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> Store:
        """Open a SQLAlchemy URL or an SQLite file path; migrate it to head unless told not to."""
        parsed = parse_url(url)
        store = cls(create_engine(parsed))
        if migrate:
            try:
                store.migrate()
            except sa.exc.SQLAlchemyError as exc:
                store.close()
                reason = exc.orig if isinstance(exc, sa.exc.DBAPIError) else exc
                raise StoreError(f"cannot open {shown(parsed)}: {reason}") from exc
            except BaseException:
                store.close()
                raise
        return store

    @property
    def url(self) -> str:
        """The database URL, without password."""
        return shown(self.engine.url)

    def migrate(self) -> None:
        """Upgrade the schema to the newest revision (nothing to do if it is there)."""
        migrate.upgrade(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def ingest(
        self,
        extractions: Iterable[Extraction],
        *,
        batch_size: int | None = None,
        isolate: bool = False,
    ) -> IngestReport:
        """Store extractions, skipping documents already stored.

        One transaction per batch (the whole iterable unless ``batch_size`` is given): an
        error rolls back its batch and is raised; batches committed before it stay.
        With ``isolate``, each document is written in a savepoint of its own: one that
        cannot be stored (a value out of its column's range, a database error) is rolled
        back alone and listed in ``report.failures``, and the batch goes on.
        """
        report = IngestReport()
        for batch in _batches(extractions, batch_size):
            with rare_collections(), write_transaction(self.engine) as connection:
                report += ingest(connection, batch, isolate=isolate, cache=self.facts_cache)
        return report

    def known_documents(self, ids: Sequence[str]) -> set[str]:
        """Which of these document ids are stored already."""
        with self.engine.connect() as connection:
            return queries.known_documents(connection, ids)

    def events(
        self,
        countries: Sequence[str] = (),
        type: str | None = None,
        sector: str | None = None,
        since: date | None = None,
        until: date | None = None,
        search: str | None = None,
        limit: int | None = None,
    ) -> list[EventRow]:
        """Events matching every filter, newest first; all ``countries`` must be parties.

        ``search`` holds words that must all occur in one of the event's source documents.
        """
        with self.engine.connect() as connection:
            return queries.find_events(
                connection,
                countries=countries,
                type=type,
                sector=sector,
                since=since,
                until=until,
                search=search,
                limit=limit,
            )

    def event(self, event_id: str) -> EventDetail | None:
        with self.engine.connect() as connection:
            return queries.event_detail(connection, event_id)

    def export_rows(self) -> Iterator[dict[str, Any]]:
        """One flat dict per event (lists joined by ``;``), read in one snapshot."""
        with self.engine.connect() as connection:
            yield from queries.export_rows(connection)

    def export_table(self, table: str) -> Iterator[dict[str, Any]]:
        """The rows of one table of ``store.exports`` (native values), in one snapshot."""
        with self.engine.connect() as connection:
            yield from exports.rows(connection, table)

    def document(self, document_id: str) -> Document | None:
        with self.engine.connect() as connection:
            return queries.document(connection, document_id)

    def extraction(self, document_id: str) -> dict[str, Any] | None:
        """The ``Extraction.to_json()`` stored for a document, as it was ingested."""
        with self.engine.connect() as connection:
            return queries.extraction_json(connection, document_id)

    def correct(self, event_id: str, field: str, value: Any, author: str) -> int:
        """Record a human correction of one field of an event; the id of its log entry.

        Re-ingesting never overwrites it, nor adds to a corrected list field. It goes
        through :func:`coopwatch.store.corrections.correct`, so the audit log has it.
        """
        with write_transaction(self.engine) as connection:
            return corrections.correct(connection, event_id, field, value, author=author).id

    # -- the register ---------------------------------------------------------------

    def commitments(
        self,
        countries: Sequence[str] = (),
        stage: str | None = None,
        limit: int | None = None,
    ) -> list[CommitmentRow]:
        """Commitment threads, latest activity first; ``countries`` must all be parties."""
        with self.engine.connect() as connection:
            return register_queries.commitment_rows(
                connection, countries=countries, stage=stage, limit=limit
            )

    def commitment(self, commitment_id: str) -> CommitmentDetail | None:
        with self.engine.connect() as connection:
            return register_queries.commitment_detail(connection, commitment_id)

    def entities(
        self, kind: str | None = None, search: str | None = None, limit: int | None = None
    ) -> list[EntityRow]:
        with self.engine.connect() as connection:
            return register_queries.entity_rows(connection, kind=kind, search=search, limit=limit)

    def split_event(self, event_id: str, report_ids: Sequence[str], author: str) -> None:
        """Set these reports of a step apart (a human decision ingestion keeps)."""
        with write_transaction(self.engine) as connection:
            decisions.split_event(connection, event_id, report_ids, author)

    def merge_events(self, event_ids: Sequence[str], author: str) -> str:
        """Join steps the linker kept apart; the id of the step they make."""
        with write_transaction(self.engine) as connection:
            return decisions.merge_events(connection, event_ids, author)

    def split_commitment(self, commitment_id: str, event_ids: Sequence[str], author: str) -> None:
        with write_transaction(self.engine) as connection:
            decisions.split_commitment(connection, commitment_id, event_ids, author)

    def merge_commitments(self, commitment_ids: Sequence[str], author: str) -> None:
        with write_transaction(self.engine) as connection:
            decisions.merge_commitments(connection, commitment_ids, author)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as connection:
            return queries.counts(connection)

    def documents_count(self) -> int:
        with self.engine.connect() as connection:
            return queries.documents_count(connection)


def _batches(items: Iterable[Extraction], size: int | None) -> Iterator[Iterable[Extraction]]:
    if size is None:
        yield items
        return
    if size < 1:
        raise ValueError("batch_size must be at least 1")
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
