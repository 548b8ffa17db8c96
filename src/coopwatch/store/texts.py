"""Documents for people: full-text search with a marked snippet, one document in full."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from coopwatch.model import Span
from coopwatch.store import search as fts
from coopwatch.store.excerpts import CONTEXT, excerpt, first_match
from coopwatch.store.schema import documents, event_sources
from coopwatch.store.view_rows import DocumentHit, DocumentView, Page
from coopwatch.store.views import summaries


def search_documents(
    db: Connection, query: str, *, limit: int = 20, offset: int = 0
) -> Page[DocumentHit]:
    """Documents holding every word of ``query``, newest first, each with a snippet."""
    matching = fts.matching_documents(db.dialect.name, query)
    if matching is None:
        return Page([], 0, limit, offset)
    where = documents.c.id.in_(matching)
    total = db.scalar(sa.select(sa.func.count()).select_from(documents).where(where)) or 0
    rows = db.execute(
        sa.select(documents)
        .where(where)
        .order_by(documents.c.published.desc().nulls_last(), documents.c.id)
        .limit(limit)
        .offset(offset)
    )
    words = fts.words(query)
    hits = []
    for r in rows:
        snippet = first_match(r.text, words) or excerpt(
            r.id, r.text, Span(0, min(len(r.text), 2 * CONTEXT)), []
        )
        snippet.document_id = r.id
        hits.append(DocumentHit(r.id, r.source, r.url, r.title, r.published, r.lang, snippet))
    return Page(hits, total, limit, offset)


def document_view(db: Connection, document_id: str) -> DocumentView | None:
    row = db.execute(sa.select(documents).where(documents.c.id == document_id)).first()
    if row is None:
        return None
    ids = list(
        db.scalars(
            sa.select(event_sources.c.event_id)
            .where(event_sources.c.document_id == document_id)
            .order_by(event_sources.c.event_id)
        )
    )
    return DocumentView(
        id=row.id,
        source=row.source,
        url=row.url,
        title=row.title,
        published=row.published,
        lang=row.lang,
        ingested_at=row.ingested_at,
        text=row.text,
        events=summaries(db, ids),
    )
