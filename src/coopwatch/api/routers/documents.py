"""/api/search and /api/documents: full-text search, and documents with their text."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from coopwatch.api.deps import Limit, Offset, SearchText, reading
from coopwatch.api.models import DocumentHitOut, DocumentOut, PageOut
from coopwatch.errors import NotFoundError
from coopwatch.store import texts
from coopwatch.store.view_rows import DocumentHit, DocumentView, Page

router = APIRouter(prefix="/api", tags=["documents"])

DocumentId = Annotated[str, Path(pattern=r"^[0-9a-f]{1,64}$")]


def search_data(request: Request, q: str, limit: int, offset: int) -> Page[DocumentHit]:
    with reading(request) as db:
        return texts.search_documents(db, q, limit=limit, offset=offset)


def document_data(request: Request, document_id: str) -> DocumentView:
    with reading(request) as db:
        found = texts.document_view(db, document_id)
    if found is None:
        raise NotFoundError(f"no document {document_id!r}")
    return found


@router.get("/search", response_model=PageOut[DocumentHitOut])
def search(
    request: Request, q: SearchText, limit: Limit = 20, offset: Offset = 0
) -> Page[DocumentHit]:
    """Documents that contain every word of ``q`` (title or text), newest first."""
    return search_data(request, q, limit, offset)


@router.get("/documents/{document_id}", response_model=DocumentOut)
def get_document(request: Request, document_id: DocumentId) -> DocumentView:
    """A document with its whole text and the events it reports."""
    return document_data(request, document_id)
