"""Alembic environment: runs on the connection that ``store.migrate`` hands over."""

from __future__ import annotations

from alembic import context

from coopwatch.store.schema import in_metadata, metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("coopwatch migrations run through Store.migrate(), not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=metadata,
    include_object=in_metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copy
)
with context.begin_transaction():
    context.run_migrations()
