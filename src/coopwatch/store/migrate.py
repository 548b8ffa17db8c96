"""Bring a database to the newest schema with Alembic, without an alembic.ini."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.engine import Connection, Engine

from coopwatch.errors import StoreError
from coopwatch.store.engine import write_transaction

MIGRATIONS = Path(__file__).with_name("migrations")

# Any constant will do: it only has to be the same for every coopwatch process.
_PG_LOCK = 0x636F6F70


def config(connection: Connection | None = None) -> Config:
    """The Alembic configuration; env.py runs on ``connection``."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    revision = ScriptDirectory.from_config(config()).get_current_head()
    assert revision is not None
    return revision


def current(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Upgrade to head; a no-op when the database is there already.

    A database from before the register (revision 0001) has its register rebuilt from
    the stored extractions, in the same transaction.
    """
    target = head()
    with engine.connect() as connection:
        if current(connection) == target:
            return
    with write_transaction(engine) as connection:
        if connection.dialect.name == "postgresql":
            # Two processes opening a new database at once: the second waits, then
            # finds the schema at head.
            connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_LOCK)))
        revision = current(connection)
        if revision == target:
            return
        try:
            command.upgrade(config(connection), "head")
        except CommandError as exc:
            raise StoreError(
                f"the database is at schema revision {revision!r}, which this version of "
                f"coopwatch does not know ({exc}); upgrade coopwatch"
            ) from exc
        if revision == "0001":
            from coopwatch.store.ingest import relink

            relink(connection)
