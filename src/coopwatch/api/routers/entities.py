"""/api/entities: persons and organisations across events."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request

from coopwatch.api.deps import Limit, Offset, reading
from coopwatch.api.models import EntityDetailOut, EntityRowOut, PageOut
from coopwatch.errors import NotFoundError
from coopwatch.store import entities
from coopwatch.store.view_rows import EntityDetail, EntityRow, Page

router = APIRouter(prefix="/api/entities", tags=["entities"])

EntityId = Annotated[int, Path(ge=1, le=2**62)]
Kind = Literal["person", "organization"]


def list_data(
    request: Request, kind: str | None, country: str | None, q: str | None, limit: int, offset: int
) -> Page[EntityRow]:
    with reading(request) as db:
        rows, total = entities.list_entities(
            db, kind=kind, country=country, name=q, limit=limit, offset=offset
        )
    return Page(rows, total, limit, offset)


def detail_data(request: Request, entity_id: int, limit: int, offset: int) -> EntityDetail:
    with reading(request) as db:
        found = entities.entity_detail(db, entity_id, limit=limit, offset=offset)
    if found is None:
        raise NotFoundError(f"no entity {entity_id}")
    return found


@router.get("", response_model=PageOut[EntityRowOut])
def list_entities(
    request: Request,
    kind: Kind | None = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$")] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=100, description="name")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[EntityRow]:
    """Entities with the most events first; ``q`` matches any spelling of a name."""
    return list_data(request, kind, country, q, limit, offset)


@router.get("/{entity_id}", response_model=EntityDetailOut)
def get_entity(
    request: Request, entity_id: EntityId, limit: Limit = 50, offset: Offset = 0
) -> EntityDetail:
    """One entity: its names, roles, partner countries and events."""
    return detail_data(request, entity_id, limit, offset)
