"""The tables of the store, in SQLAlchemy Core.

Migrations create them (``migrations/versions``); this module is what queries use.
Full-text search lives outside this metadata because it differs per database: an FTS5
table ``documents_fts`` on SQLite, a generated ``tsv`` column on ``documents`` on
PostgreSQL.

Character spans are ``span_start``/``span_end`` (``end`` is reserved in SQL).
"""

from __future__ import annotations

import sqlalchemy as sa

#: Prefixes of the search objects that migrations create outside ``metadata``.
SEARCH_OBJECTS = ("documents_fts", "tsv", "ix_documents_tsv")


def in_metadata(obj: object, name: str | None, type_: str, reflected: bool, other: object) -> bool:
    """Alembic's ``include_object`` hook: leave the search objects out of comparisons."""
    return not (name or "").startswith(SEARCH_OBJECTS)


metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
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


documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),  # content hash of the text
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Date, index=True),
    sa.Column("lang", sa.String(16)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

#: The whole ``Extraction.to_json()`` of each document, to reproduce it exactly.
extractions = sa.Table(
    "extractions",
    metadata,
    _document_id(primary_key=True),
    sa.Column("json", sa.Text, nullable=False),
)

events = sa.Table(
    "events",
    metadata,
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

#: The reports of the register: one row per event of one document's extraction, with
#: the step (``event_id``) the linker put it in.
event_sources = sa.Table(
    "event_sources",
    metadata,
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

#: Pairs of reports the linker judged to be the same step, and why.
step_links = sa.Table(
    "step_links",
    metadata,
    sa.Column("report_a", sa.String(32), primary_key=True),
    sa.Column("report_b", sa.String(32), primary_key=True, index=True),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("reasons", sa.Text, nullable=False),
)

#: Human decisions on the register that ingestion never overrides: two reports (steps)
#: or two steps (commitments) that are, or are not, the same.
link_decisions = sa.Table(
    "link_decisions",
    metadata,
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

event_parties = sa.Table(
    "event_parties",
    metadata,
    _event_id(primary_key=True),
    sa.Column("country", sa.String(2), primary_key=True, index=True),  # ISO 3166-1 alpha-2
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("country", sa.String(2)),
    sa.Column("latin", sa.Text),
    sa.CheckConstraint("kind IN ('person', 'organization')", name="kind"),
)

#: The spellings an entity is known under (folded key, first spelling met).
entity_aliases = sa.Table(
    "entity_aliases",
    metadata,
    sa.Column(
        "entity_id",
        sa.Integer,
        sa.ForeignKey("entities.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("key", sa.Text, primary_key=True, index=True),  # text.fold() of the alias
    sa.Column("alias", sa.Text, nullable=False),
)

#: Every person or organisation a report names, and the entity it was resolved to.
entity_mentions = sa.Table(
    "entity_mentions",
    metadata,
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
    sa.Index("ix_entity_mentions_entity_names", "entity_id", "surname", "given"),
)

#: The keys mentions meet under (see store.entity_store).
entity_keys = sa.Table(
    "entity_keys",
    metadata,
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

event_entities = sa.Table(
    "event_entities",
    metadata,
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

event_sectors = sa.Table(
    "event_sectors",
    metadata,
    _event_id(primary_key=True),
    sa.Column("isic", sa.String(8), primary_key=True, index=True),
)

event_instruments = sa.Table(
    "event_instruments",
    metadata,
    _event_id(primary_key=True),
    sa.Column("instrument", sa.String(32), primary_key=True, index=True),
)

#: Amounts per source: sources that disagree each keep theirs.
event_amounts = sa.Table(
    "event_amounts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _event_id(index=True),
    sa.Column("value", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    _document_id(nullable=True),
    sa.Column("span_start", sa.Integer),
    sa.Column("span_end", sa.Integer),
)

#: The spans that support each field of an event, in one of its source documents.
evidence = sa.Table(
    "evidence",
    metadata,
    _event_id(primary_key=True),
    _document_id(primary_key=True),
    sa.Column("field", sa.String(32), primary_key=True),
    sa.Column("span_start", sa.Integer, primary_key=True),
    sa.Column("span_end", sa.Integer, primary_key=True),
)

#: Human corrections: ingestion never writes here and never overwrites a corrected field.
#: ``event_id`` names a report of the step corrected (a step's id is one of its
#: reports' ids), so a correction follows its step when the linker joins it to others.
corrections = sa.Table(
    "corrections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(32), nullable=False, index=True),
    sa.Column("field", sa.String(32), nullable=False),
    sa.Column("value", sa.JSON),
    sa.Column("author", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

commitments = sa.Table(
    "commitments",
    metadata,
    # The smallest id of the steps of the thread.
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("subject", sa.Text, nullable=False),
    sa.Column("stage", sa.String(16), nullable=False),
    sa.Column("parties", sa.Text, nullable=False),  # ISO2 codes joined by ';'
    sa.Column("first_date", sa.Date),
    sa.Column("last_date", sa.Date),
)

commitment_events = sa.Table(
    "commitment_events",
    metadata,
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

#: The keys that join steps into threads (see linking.commitments.thread_keys).
commitment_keys = sa.Table(
    "commitment_keys",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("event_id", sa.String(32), primary_key=True, index=True),
)

#: The stage changes of a thread, each with the step that shows it.
commitment_milestones = sa.Table(
    "commitment_milestones",
    metadata,
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

#: Every human change, with who, when, before and after; an undo is a change too.
#: ``corrections`` keeps the current human value of each field (what ingestion respects);
#: this log keeps the history. No foreign key on ``subject_id``: a merged or split event
#: keeps its history.
correction_log = sa.Table(
    "correction_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("subject", sa.String(16), nullable=False, server_default="event"),
    sa.Column("subject_id", sa.String(64), nullable=False, index=True),
    sa.Column("field", sa.String(32), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),  # 'set' or 'undo'
    sa.Column("before", sa.JSON),
    sa.Column("after", sa.JSON),
    sa.Column("author", sa.Text, nullable=False),
    sa.Column("key_name", sa.Text),  # the API key that authorised it, if any
    sa.Column("note", sa.Text),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("reverts", sa.Integer, sa.ForeignKey("correction_log.id")),
    sa.Column("undone_by", sa.Integer, sa.ForeignKey("correction_log.id")),
    sa.CheckConstraint("action IN ('set', 'undo')", name="action"),
)

#: Keys that may write through the API, stored as SHA-256 digests of the secret.
api_keys = sa.Table(
    "api_keys",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(64), nullable=False, unique=True),
    sa.Column("prefix", sa.String(16), nullable=False),
    sa.Column("digest", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_used_at", sa.DateTime(timezone=True)),
    sa.Column("revoked_at", sa.DateTime(timezone=True)),
)
