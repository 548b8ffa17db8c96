"""Full-text search over documents: FTS5 on SQLite, tsvector on PostgreSQL.

A search is a list of words that must all occur in the document (title or text).
User text never reaches the SQL: it is a bound parameter, and on SQLite each word is
quoted as an FTS5 string so that quotes, ``*``, ``:``, ``AND``/``OR``/``NOT``/``NEAR``
and parentheses are only characters to look for.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import TSVECTOR

from coopwatch.store.schema import documents
from coopwatch.text import normalise_text

_fts = sa.table("documents_fts", sa.column("document_id", sa.String))
_tsv = sa.literal_column("documents.tsv", TSVECTOR)


def words(query: str) -> list[str]:
    """The words of a query, normalised like documents (no control characters)."""
    return normalise_text(query).split()


def fts5_query(query: str) -> str | None:
    """An FTS5 MATCH string where every word is a quoted string; None if no words."""
    quoted = ['"' + word.replace('"', '""') + '"' for word in words(query)]
    return " ".join(quoted) or None


def matching_documents(dialect: str, query: str) -> sa.Select[tuple[str]] | None:
    """Ids of the documents that contain every word of ``query``; None if it has none."""
    if dialect == "sqlite":
        match = fts5_query(query)
        if match is None:
            return None
        return sa.select(_fts.c.document_id).where(
            sa.literal_column("documents_fts").bool_op("MATCH")(match)
        )
    plain = " ".join(words(query))
    if not plain:
        return None
    return sa.select(documents.c.id).where(
        _tsv.bool_op("@@")(sa.func.plainto_tsquery("simple", plain))
    )
