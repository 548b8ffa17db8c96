"""Web: the audit log of human corrections and the API keys.

Revision ID: 0003
Revises: 0002
Create Date: 2025-12-06

Declared here rather than imported from ``store.schema``, like revision 0001.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _tables() -> sa.MetaData:
    m = sa.MetaData(naming_convention=NAMING)
    sa.Table(
        "correction_log",
        m,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("subject", sa.String(16), nullable=False, server_default="event"),
        sa.Column("subject_id", sa.String(64), nullable=False, index=True),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("key_name", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reverts", sa.Integer, sa.ForeignKey("correction_log.id")),
        sa.Column("undone_by", sa.Integer, sa.ForeignKey("correction_log.id")),
        sa.CheckConstraint("action IN ('set', 'undo')", name="action"),
    )
    sa.Table(
        "api_keys",
        m,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True)),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
    )
    return m


def upgrade() -> None:
    _tables().create_all(op.get_bind())


def downgrade() -> None:
    _tables().drop_all(op.get_bind())
