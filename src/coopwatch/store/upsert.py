"""Bulk helpers: inserts that skip rows whose key exists (SQLite and PostgreSQL alike),
and the slices in which long id lists go into ``IN (...)``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection


def insert_ignore(
    db: Connection, table: sa.Table, rows: Sequence[dict[str, Any]] | dict[str, Any]
) -> int:
    """Insert rows, skipping those whose key exists; the number inserted."""
    if not rows:
        return 0
    insert = sqlite.insert if db.dialect.name == "sqlite" else postgresql.insert
    # psycopg reports no rowcount for INSERT unless SQLAlchemy is asked to keep it.
    stmt = insert(table).on_conflict_do_nothing().execution_options(preserve_rowcount=True)
    return int(db.execute(stmt, rows).rowcount)


#: Ids per ``IN (...)`` list: well under the bound-parameter limits of SQLite and psycopg.
CHUNK = 500


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    """``items`` in slices of at most ``size``."""
    for i in range(0, len(items), size):
        yield items[i : i + size]
