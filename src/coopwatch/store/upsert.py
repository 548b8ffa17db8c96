"""Inserts that skip rows whose key exists, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Sequence
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
