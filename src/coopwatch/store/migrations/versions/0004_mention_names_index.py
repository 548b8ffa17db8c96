"""Entity mentions: the index by entity and surname covers the given name too.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-08

Linking reads the given names an entity is known by for every entity a batch meets;
with the given name in the index that read never touches the table's rows.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_entity_mentions_entity_surname", table_name="entity_mentions")
    op.create_index(
        "ix_entity_mentions_entity_names", "entity_mentions", ["entity_id", "surname", "given"]
    )


def downgrade() -> None:
    op.drop_index("ix_entity_mentions_entity_names", table_name="entity_mentions")
    op.create_index(
        "ix_entity_mentions_entity_surname", "entity_mentions", ["entity_id", "surname"]
    )
