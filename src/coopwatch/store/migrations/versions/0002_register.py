"""The register: steps joined across documents, entities by key, commitment threads.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07

Events become steps of a register (one row per real-world step, its reports in
``event_sources``); entities are resolved by unique keys; commitments are threads of
steps. Everything these tables hold is derived from the stored extractions, so the
upgrade drops them and creates the new ones, keeping documents, extractions and human
corrections; ``Store.migrate`` then rebuilds the register from the extractions.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Derived tables of revision 0001, children first.
OLD = (
    "commitment_events",
    "commitments",
    "evidence",
    "event_amounts",
    "event_instruments",
    "event_sectors",
    "event_entities",
    "entity_aliases",
    "entities",
    "event_parties",
    "event_sources",
    "corrections",
    "events",
)


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
    # Only referenced: created by revision 0001 and kept.
    sa.Table("documents", m, sa.Column("id", sa.String(64), primary_key=True))
    sa.Table(
        "events",
        m,
        # A step of the register: the smallest id of the reports joined in it.
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
        sa.Column("report_id", sa.String(32), primary_key=True),  # Event.key in its document
        sa.Column("event_id", sa.String(32), nullable=False, index=True),
        _document_id(index=True),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("date", sa.Date),  # the date this report gives the step
        sa.Column("day", sa.Date),  # that date, else the report's publication date
        sa.Column("lang", sa.String(16)),
        sa.Column("parties", sa.String(255), nullable=False),  # ISO2 codes joined by ';'
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("sentence_start", sa.Integer),
        sa.Column("sentence_end", sa.Integer),
        sa.Column("facts", sa.Text, nullable=False),  # the event's JSON, with its sentence
        sa.Index("ix_event_sources_candidates", "type", "parties", "day"),
    )

    sa.Table(
        "step_links",
        m,
        sa.Column("report_a", sa.String(32), primary_key=True),
        sa.Column("report_b", sa.String(32), primary_key=True, index=True),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reasons", sa.Text, nullable=False),
    )

    sa.Table(
        "link_decisions",
        m,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("scope", sa.String(16), nullable=False),  # 'step' or 'commitment'
        sa.Column("a", sa.String(32), nullable=False, index=True),
        sa.Column("b", sa.String(32), nullable=False, index=True),
        sa.Column("decision", sa.String(8), nullable=False),  # 'join' or 'apart'
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("scope IN ('step', 'commitment')", name="scope"),
        sa.CheckConstraint("decision IN ('join', 'apart')", name="decision"),
    )

    sa.Table(
        "event_parties",
        m,
        _event_id(primary_key=True),
        sa.Column("country", sa.String(2), primary_key=True, index=True),  # ISO 3166-1 alpha-2
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
        sa.Column("key", sa.Text, primary_key=True, index=True),  # text.fold() of the alias
        sa.Column("alias", sa.Text, nullable=False),
    )

    sa.Table(
        "entity_mentions",
        m,
        sa.Column("id", sa.String(64), primary_key=True),  # report id, kind and position
        sa.Column(
            "report_id",
            sa.String(32),
            sa.ForeignKey("event_sources.report_id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("country", sa.String(2)),
        sa.Column("role", sa.Text),
        sa.Column("names", sa.Text, nullable=False),  # JSON list, as the report spells them
        sa.Column("surname", sa.Text),  # a person's name keys (linking.names.person_key)
        sa.Column("given", sa.Text),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id"), index=True),
        sa.Index("ix_entity_mentions_entity_surname", "entity_id", "surname"),
    )

    sa.Table(
        "entity_keys",
        m,
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column(
            "mention_id",
            sa.String(64),
            sa.ForeignKey("entity_mentions.id", ondelete="CASCADE"),
            primary_key=True,
            index=True,
        ),
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
        sa.Column("event_id", sa.String(32), nullable=False, index=True),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("value", sa.JSON),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )

    sa.Table(
        "commitments",
        m,
        # The smallest id of the steps of the thread.
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("parties", sa.Text, nullable=False),  # ISO2 codes joined by ';'
        sa.Column("first_date", sa.Date),
        sa.Column("last_date", sa.Date),
    )

    sa.Table(
        "commitment_events",
        m,
        sa.Column(
            "commitment_id",
            sa.String(32),
            sa.ForeignKey("commitments.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        _event_id(primary_key=True, index=True),
        sa.Column("date", sa.Date),
        sa.Column("stage", sa.String(16), nullable=False),  # what this step shows
    )

    sa.Table(
        "commitment_keys",
        m,
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("event_id", sa.String(32), primary_key=True, index=True),
    )

    sa.Table(
        "commitment_milestones",
        m,
        sa.Column(
            "commitment_id",
            sa.String(32),
            sa.ForeignKey("commitments.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("date", sa.Date),
        sa.Column("event_id", sa.String(32), nullable=False),
    )
    return m


def upgrade() -> None:
    bind = op.get_bind()
    old = sa.Table(
        "corrections",
        sa.MetaData(),
        sa.Column("event_id", sa.String(32)),
        sa.Column("field", sa.String(32)),
        sa.Column("value", sa.JSON),
        sa.Column("author", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True)),
    )
    kept = [dict(row._mapping) for row in bind.execute(sa.select(old))]
    for name in OLD:
        op.drop_table(name)
    m = _tables()
    m.create_all(bind, tables=[t for t in m.sorted_tables if t.name != "documents"])
    if kept:
        bind.execute(sa.insert(m.tables["corrections"]), kept)


def downgrade() -> None:
    raise NotImplementedError("the register cannot be turned back into per-document events")
