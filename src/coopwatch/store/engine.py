"""Engines for SQLite and PostgreSQL, and the transactions the store runs in."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine

from coopwatch.errors import StoreError
from coopwatch.settings import database_url

SUPPORTED = ("sqlite", "postgresql")


def parse_url(value: str) -> URL:
    """A SQLAlchemy URL from a URL or a plain path (taken as an SQLite file)."""
    try:
        return sa.make_url(database_url(value))
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"{value!r} is neither a database URL nor a file path") from exc


def shown(url: URL) -> str:
    """The URL as it may appear in messages: without its password."""
    return url.render_as_string(hide_password=True)


def create_engine(url: URL) -> Engine:
    backend = url.get_backend_name()
    if backend not in SUPPORTED:
        raise StoreError(
            f"{shown(url)}: unsupported database {backend!r} (use SQLite or PostgreSQL)"
        )
    try:
        if backend == "sqlite":
            engine = sa.create_engine(url)
            _configure_sqlite(engine)
            return engine
        return sa.create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise StoreError(
            f"{shown(url)}: the database driver is missing ({exc.name}); "
            "for PostgreSQL install coopwatch[postgres]"
        ) from exc


#: How long a new connection retries switching a busy database to WAL, in seconds.
_WAL_PATIENCE = 30.0


def _wal(cursor: Any) -> None:
    """Switch to write-ahead logging. SQLite answers "database is locked" at once, busy
    timeout or not, when another process holds the file (a writer creating the schema of
    a new database, say): wait for it as the busy timeout would have."""
    deadline = time.monotonic() + _WAL_PATIENCE
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _configure_sqlite(engine: Engine) -> None:
    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy issue BEGIN (below) instead of the driver, which would start
        # transactions late and keep DDL out of them.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 30000")
        _wal(cursor)  # readers go on while a batch is written
        # With write-ahead logging this never corrupts the file; a power cut may lose
        # the last batches committed, which ingest stores again (it is idempotent).
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # A writer takes the lock up front, so two writers queue instead of deadlocking.
        writing = connection.get_execution_options().get("coopwatch_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection in a write transaction: committed on exit, rolled back on error."""
    with engine.connect() as connection:
        connection.execution_options(coopwatch_write=True)
        with connection.begin():
            yield connection
