"""The pages a person opens: each one over the same data function as its API twin."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import URL

from coopwatch.api.app import swagger_assets
from coopwatch.api.deps import MAX_QUERY, Country, EventId, Limit, Offset, PairSlug
from coopwatch.api.routers import commitments, corrections, documents, entities, events, pairs
from coopwatch.api.routers.commitments import CommitmentId
from coopwatch.api.routers.documents import DocumentId
from coopwatch.api.routers.entities import Kind
from coopwatch.model import INSTRUMENTS, CommitmentStage, EventType
from coopwatch.store import corrections as fixes
from coopwatch.store import views
from coopwatch.web import charts, forms
from coopwatch.web.render import render

router = APIRouter(include_in_schema=False)
router.include_router(forms.router)

Id = Annotated[int, Path(ge=1, le=2**62)]


def api_twin(request: Request) -> str:
    """The address of the page's data as JSON: the same path and query under /api."""
    url: URL = request.url
    path = "/api/home" if url.path == "/" else "/api" + url.path
    return path + (f"?{url.query}" if url.query else "")


def page_links(request: Request, total: int, limit: int, offset: int) -> dict[str, str | None]:
    """Addresses of the previous and next pages of a listing, if there are any."""
    prev_offset = max(0, offset - limit) if offset > 0 else None
    next_offset = offset + limit if offset + limit < total else None
    return {
        "prev": str(request.url.include_query_params(offset=prev_offset))
        if prev_offset is not None
        else None,
        "next": str(request.url.include_query_params(offset=next_offset))
        if next_offset is not None
        else None,
    }


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    data = pairs.home_data(request)
    return render(
        request,
        "home.html",
        {"home": data, "network": charts.network(data.pairs), "json_url": api_twin(request)},
    )


@router.get("/events", response_class=HTMLResponse)
def event_list(
    request: Request,
    filters: events.Filters,
    sort: views.Sort = "-date",
    limit: Limit = 50,
    offset: Offset = 0,
) -> HTMLResponse:
    page = events.find(request, filters, sort, limit, offset)
    context = {
        "page": page,
        "filters": filters,
        "sort": sort,
        "types": [str(t) for t in EventType],
        "instruments": INSTRUMENTS,
        "links": page_links(request, page.total, limit, offset),
        "json_url": api_twin(request),
    }
    return render(request, "events.html", context)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: EventId) -> Response:
    view = events.one(request, event_id)
    if view.event.id != event_id:  # an old id: a report of a step joined into another
        return RedirectResponse(f"/events/{view.event.id}", status_code=302)
    context = {
        "view": view,
        "e": view.event,
        "fields": fixes.FIELDS,
        "json_url": api_twin(request),
    }
    return render(request, "event.html", context)


@router.get("/pairs/{pair}", response_class=HTMLResponse)
def pair_page(
    request: Request, pair: PairSlug, limit: Limit = 50, offset: Offset = 0
) -> HTMLResponse:
    data = pairs.pair_data(request, pair, limit, offset)
    context = {
        "pair": data,
        "chart": charts.timeline(data.years),
        "types": charts.TYPES,
        "links": page_links(request, data.events.total, limit, offset),
        "json_url": api_twin(request),
    }
    return render(request, "pair.html", context)


@router.get("/commitments", response_class=HTMLResponse)
def commitment_list(
    request: Request,
    country: Annotated[list[Country] | None, Query(max_length=5)] = None,
    stage: CommitmentStage | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> HTMLResponse:
    page = commitments.list_data(
        request, country or [], str(stage) if stage else None, limit, offset
    )
    context = {
        "page": page,
        "stages": [str(s) for s in CommitmentStage],
        "links": page_links(request, page.total, limit, offset),
        "json_url": api_twin(request),
    }
    return render(request, "commitments.html", context)


@router.get("/commitments/{commitment_id}", response_class=HTMLResponse)
def commitment_page(request: Request, commitment_id: CommitmentId) -> HTMLResponse:
    data = commitments.detail_data(request, commitment_id)
    context = {
        "c": data,
        "stages": [str(s) for s in CommitmentStage],
        "json_url": api_twin(request),
    }
    return render(request, "commitment.html", context)


@router.get("/entities", response_class=HTMLResponse)
def entity_list(
    request: Request,
    kind: Kind | None = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$")] = None,
    q: Annotated[str | None, Query(max_length=100)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> HTMLResponse:
    page = entities.list_data(request, kind, country, q or None, limit, offset)
    context = {
        "page": page,
        "kind": kind,
        "q": q or "",
        "links": page_links(request, page.total, limit, offset),
        "json_url": api_twin(request),
    }
    return render(request, "entities.html", context)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(
    request: Request, entity_id: Id, limit: Limit = 50, offset: Offset = 0
) -> HTMLResponse:
    data = entities.detail_data(request, entity_id, limit, offset)
    context = {
        "entity": data,
        "links": page_links(request, data.events.total, limit, offset),
        "json_url": api_twin(request),
    }
    return render(request, "entity.html", context)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Annotated[str | None, Query(max_length=MAX_QUERY)] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> HTMLResponse:
    query = (q or "").strip()
    page = documents.search_data(request, query, limit, offset) if query else None
    context = {
        "q": query,
        "page": page,
        "links": page_links(request, page.total, limit, offset) if page else {},
        "json_url": api_twin(request) if query else None,
    }
    return render(request, "search.html", context)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: DocumentId) -> HTMLResponse:
    doc = documents.document_data(request, document_id)
    return render(request, "document.html", {"doc": doc, "json_url": api_twin(request)})


@router.get("/corrections", response_class=HTMLResponse)
def correction_list(request: Request, limit: Limit = 50, offset: Offset = 0) -> HTMLResponse:
    page = corrections.history_data(request, None, limit, offset)
    context = {
        "page": page,
        "links": page_links(request, page.total, limit, offset),
        "json_url": api_twin(request),
    }
    return render(request, "corrections.html", context)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """Swagger UI from the installed package's files, and a plain list of the routes."""
    schema = request.app.openapi()
    routes = [
        (method.upper(), path, op.get("summary", ""))
        for path, item in schema["paths"].items()
        for method, op in item.items()
    ]
    context = {
        "routes": routes,
        "swagger": swagger_assets() is not None,
        "json_url": "/openapi.json",
    }
    return render(request, "docs.html", context)
