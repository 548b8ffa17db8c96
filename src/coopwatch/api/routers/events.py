"""/api/events: listings with the CLI's filters, and one event with its evidence."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from coopwatch.api.deps import MAX_QUERY, EventId, Limit, Offset, reading
from coopwatch.api.models import EventOut, EventSummaryOut, PageOut
from coopwatch.errors import NotFoundError
from coopwatch.model import INSTRUMENTS, EventType
from coopwatch.store import views
from coopwatch.store.view_rows import EventFilters, EventSummary, EventView, Page

router = APIRouter(prefix="/api/events", tags=["events"])

# Every filter may come empty (a web form sends its blank fields): empty means no filter.
TypeParam = Annotated[
    str | None,
    Query(alias="type", pattern="^(" + "|".join(EventType) + ")?$", description="event type"),
]
SectorParam = Annotated[
    str | None, Query(pattern=r"^(\d{2,4})?$", description="ISIC Rev.4 division, e.g. 28")
]
InstrumentParam = Annotated[
    str | None, Query(pattern="^(" + "|".join(INSTRUMENTS) + ")?$", description="instrument")
]
DateParam = Annotated[
    str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$", description="YYYY-MM-DD")
]
CountriesParam = Annotated[
    list[str] | None,
    Query(
        max_length=5,
        description="ISO 3166 alpha-2 parties (repeatable: all must be parties)",
    ),
]


def _date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise HTTPException(422, f"{name}: {value!r} is not a date") from exc


def event_filters(
    country: CountriesParam = None,
    type_: TypeParam = None,
    sector: SectorParam = None,
    instrument: InstrumentParam = None,
    since: DateParam = None,
    until: DateParam = None,
    q: Annotated[str | None, Query(max_length=MAX_QUERY, description="words")] = None,
    entity: Annotated[int | None, Query(ge=1, le=2**62, description="entity id")] = None,
    include_wrong: bool = False,
) -> EventFilters:
    """The filters of an event listing from query parameters (shared with the pages)."""
    codes = [c.strip().upper() for c in country or () if c.strip()]
    if bad := [c for c in codes if not re.fullmatch(r"[A-Z]{2}", c)]:
        raise HTTPException(422, f"country {bad[0]!r} is not an ISO 3166 alpha-2 code")
    return EventFilters(
        countries=tuple(codes),
        type=type_ or None,
        sector=sector or None,
        instrument=instrument or None,
        since=_date(since, "since"),
        until=_date(until, "until"),
        search=(q or "").strip() or None,
        entity_id=entity,
        include_wrong=include_wrong,
    )


Filters = Annotated[EventFilters, Depends(event_filters)]


def find(
    request: Request, filters: EventFilters, sort: views.Sort, limit: int, offset: int
) -> Page[EventSummary]:
    with reading(request) as db:
        return views.list_events(db, filters, sort=sort, limit=limit, offset=offset)


def one(request: Request, event_id: str) -> EventView:
    with reading(request) as db:
        view = views.event_view(db, event_id)
    if view is None:
        raise NotFoundError(f"no event {event_id!r}")
    return view


@router.get("", response_model=PageOut[EventSummaryOut])
def list_events(
    request: Request,
    filters: Filters,
    sort: views.Sort = "-date",
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[EventSummary]:
    """Events matching every filter given, newest first unless ``sort`` says otherwise.

    Events a person marked wrong are left out unless ``include_wrong`` is true.
    """
    return find(request, filters, sort, limit, offset)


@router.get("/{event_id}", response_model=EventOut)
def get_event(request: Request, event_id: EventId) -> EventView:
    """One event: every field, its sources with the supporting words, its history."""
    return one(request, event_id)
