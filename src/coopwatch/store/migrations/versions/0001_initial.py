"""Initial schema: documents, events and their facts, entities, corrections, commitments.

Revision ID: 0001
Revises:
Create Date: 2025-12-05

The tables are declared here rather than imported from ``store.schema``, so that this
revision keeps creating the same thing whatever later revisions change.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import TSVECTOR

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _event_id(*, primary_key: bool = False, index: bool = False) -> sa.Column[str]:
    return sa.Column(
        "event_id",
        sa.String(32),
        sa.ForeignKey("events.id", ondelete="CASCADE"),
        nullable=False,
        primary_key=primary_key,
        index=index,
    )


def _document_id(
    *, nullable: bool = False, primary_key: bool = False, index: bool = False
) -> sa.Column[str]:
    return sa.Column(
        "document_id",
        sa.String(64),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=nullable,
        primary_key=primary_key,
        index=index,
    )


def _tables() -> sa.MetaData:
    m = sa.MetaData(naming_convention=NAMING)
    sa.Table(
        "documents",
        m,
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date, index=True),
        sa.Column("lang", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    sa.Table(
        "extractions",
        m,
        _document_id(primary_key=True),
        sa.Column("json", sa.Text, nullable=False),
    )
    sa.Table(
        "events",
        m,
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("type", sa.String(32), nullable=False, index=True),
        sa.Column("date", sa.Date, index=True),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("cameo", sa.String(8), nullable=False),
        sa.Column("location", sa.Text),
        sa.Column("jobs", sa.BigInteger),
        sa.Column("trigger", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    sa.Table(
        "event_sources",
        m,
        _event_id(primary_key=True),
        _document_id(primary_key=True, index=True),
        sa.Column("sentence_start", sa.Integer),
        sa.Column("sentence_end", sa.Integer),
    )
    sa.Table(
        "event_parties",
        m,
        _event_id(primary_key=True),
        sa.Column("country", sa.String(2), primary_key=True, index=True),
    )
    sa.Table(
        "entities",
        m,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.String(2)),
        sa.Column("latin", sa.Text),
        sa.CheckConstraint("kind IN ('person', 'organization')", name="kind"),
    )
    sa.Table(
        "entity_aliases",
        m,
        sa.Column(
            "entity_id",
            sa.Integer,
            sa.ForeignKey("entities.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("key", sa.Text, primary_key=True, index=True),
        sa.Column("alias", sa.Text, nullable=False),
    )
    sa.Table(
        "event_entities",
        m,
        _event_id(primary_key=True),
        sa.Column(
            "entity_id",
            sa.Integer,
            sa.ForeignKey("entities.id", ondelete="CASCADE"),
            primary_key=True,
            index=True,
        ),
        sa.Column("role", sa.Text),
    )
    sa.Table(
        "event_sectors",
        m,
        _event_id(primary_key=True),
        sa.Column("isic", sa.String(8), primary_key=True, index=True),
    )
    sa.Table(
        "event_instruments",
        m,
        _event_id(primary_key=True),
        sa.Column("instrument", sa.String(32), primary_key=True, index=True),
    )
    sa.Table(
        "event_amounts",
        m,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _event_id(index=True),
        sa.Column("value", sa.BigInteger, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        _document_id(nullable=True),
        sa.Column("span_start", sa.Integer),
        sa.Column("span_end", sa.Integer),
    )
    sa.Table(
        "evidence",
        m,
        _event_id(primary_key=True),
        _document_id(primary_key=True),
        sa.Column("field", sa.String(32), primary_key=True),
        sa.Column("span_start", sa.Integer, primary_key=True),
        sa.Column("span_end", sa.Integer, primary_key=True),
    )
    sa.Table(
        "corrections",
        m,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "event_id", sa.String(32), sa.ForeignKey("events.id"), nullable=False, index=True
        ),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("value", sa.JSON),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    sa.Table(
        "commitments",
        m,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("parties", sa.Text, nullable=False),
    )
    sa.Table(
        "commitment_events",
        m,
        sa.Column(
            "commitment_id",
            sa.Integer,
            sa.ForeignKey("commitments.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        _event_id(primary_key=True, index=True),
    )
    return m


# FTS5 keeps its own copy of title and text, keyed by document id: an external-content
# table would key on documents' implicit rowid, which VACUUM may renumber.
SQLITE_FTS = [
    "CREATE VIRTUAL TABLE documents_fts USING fts5("
    "document_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts (document_id, title, text) VALUES (new.id, new.title, new.text); "
    "END",
    "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
    "DELETE FROM documents_fts WHERE document_id = old.id; "
    "END",
    "CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN "
    "UPDATE documents_fts SET title = new.title, text = new.text WHERE document_id = old.id; "
    "END",
]

# 'simple': no stemming and no stop words, the same for every language of the corpus.
PG_TSV = "to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || text)"


def upgrade() -> None:
    bind = op.get_bind()
    _tables().create_all(bind)
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        op.add_column(
            "documents",
            sa.Column("tsv", TSVECTOR, sa.Computed(PG_TSV, persisted=True)),
        )
        op.create_index("ix_documents_tsv", "documents", ["tsv"], postgresql_using="gin")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS documents_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    _tables().drop_all(bind)
